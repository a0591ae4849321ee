"""One chart beside the article's own words, with its data one click away (opened in the browser)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.charts.base import ChartSpec, plotly_config
from components.data.loader import Dataset
from components.model.figures import View
from components.html.narrative import NarrativeLabels, chart_passages, narrative_html
from components.html.tables import figures_table_html, folded_html
from components.ui import cache
from components.text.wording import Wording


def chart_config(chart_id: str, year: int, words: Wording) -> dict:
    """Plotly's toolbar for one chart; its camera button saves '平安丽水_2019_changes.png'."""
    return plotly_config(words.t("pack.png_name", year=year, chart=chart_id))


def render_chart_section(spec: ChartSpec, rows: pd.DataFrame, fig: go.Figure, dataset: Dataset,
                         source_figures: pd.DataFrame, words: Wording, view: View, signature: str,
                         compact_fig: go.Figure | None = None) -> None:
    """Chart on the left with its data under it, narrative on the right; they stack on a phone.

    A slide passes ``compact_fig`` too: ``fig`` is the large-type figure for a projector and the
    compact one is shown instead on a phone (the page's CSS picks one by screen width). The
    slide's narrative keeps only the passages that report the chart's figures, in larger type.
    """
    presenting = compact_fig is not None
    language = words.catalog.language
    narrative = cache.shared("narrative", (spec.id, view, language, presenting), signature, lambda: narrative_html(
        chart_passages(spec.for_slide() if presenting else spec, rows, dataset.passages), dataset.sections,
        source_figures, language, NarrativeLabels.for_words(words), large=presenting))
    config = chart_config(spec.id, view.year, words)
    with st.container(key=f"chart-{spec.id}", horizontal=True, gap="large"):  # placed by the page's CSS grid
        if presenting:
            with st.container(key="figure-large"):
                _plot(fig, f"fig-{spec.id}", config)
            with st.container(key="figure-compact"):
                _plot(compact_fig, f"fig-{spec.id}-compact", config)
        else:
            _plot(fig, f"fig-{spec.id}", config)
            st.html(cache.shared("chart-data", (spec.id, view, language), signature, lambda: folded_html(
                words.t("chart.show_data"), figures_table_html(rows, dataset, words))))
        st.html(narrative)


def _plot(fig: go.Figure, key: str, config: dict) -> None:
    st.plotly_chart(fig, key=key, theme=None, config=config, alt=fig.layout.meta["alt"])
