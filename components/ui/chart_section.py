"""One chart beside the article's own words, with its data one click away."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.charts import ChartSpec, plotly_config
from components.data import Dataset
from components.narrative import NarrativeLabels, chart_passages, narrative_html
from components.tables import figures_table
from components.wording import Wording

def chart_config(chart_id: str, year: int, words: Wording) -> dict:
    """Plotly's toolbar for one chart; its camera button saves '平安丽水_2019_changes.png'."""
    return plotly_config(words.t("pack.png_name", year=year, chart=chart_id))


def render_chart_section(spec: ChartSpec, rows: pd.DataFrame, fig: go.Figure, dataset: Dataset,
                         source_figures: pd.DataFrame, words: Wording, compact_fig: go.Figure | None = None) -> None:
    """Chart on the left, narrative on the right; the columns stack on a phone.

    A slide passes ``compact_fig`` too: ``fig`` is the large-type figure for a projector and the
    compact one is shown instead on a phone (the page's CSS picks one by screen width). The
    slide's narrative keeps only the passages that report the chart's figures, in larger type.
    """
    presenting = compact_fig is not None
    passages = chart_passages(spec if not presenting else spec.for_slide(), rows, dataset.passages)
    config = chart_config(spec.id, int(rows["year"].iloc[0]), words)
    with st.container(key=f"chart-{spec.id}"):
        chart_column, text_column = st.columns([3, 2], gap="large")
        with chart_column:
            with st.container(key="figure-large" if presenting else None):
                _plot(fig, f"fig-{spec.id}", config)
            if presenting:
                with st.container(key="figure-compact"):
                    _plot(compact_fig, f"fig-{spec.id}-compact", config)
            else:
                with st.expander(words.t("chart.show_data")):
                    st.dataframe(figures_table(rows, dataset, words), hide_index=True)
        with text_column:
            st.html(narrative_html(passages, dataset.sections, source_figures, words.catalog.language,
                                   NarrativeLabels.for_words(words), large=presenting))


def _plot(fig: go.Figure, key: str, config: dict) -> None:
    st.plotly_chart(fig, key=key, theme=None, config=config, alt=fig.layout.meta["alt"])
