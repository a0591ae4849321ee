"""One chart beside the article's own words, with its data one click away."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.charts import ChartSpec
from components.data import Dataset
from components.narrative import NarrativeLabels, chart_passages, narrative_html
from components.tables import figures_table
from components.wording import Wording

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True,
                 "modeBarButtonsToRemove": ["select2d", "lasso2d", "zoom2d", "pan2d", "autoScale2d", "resetScale2d"]}


def narrative_labels(words: Wording) -> NarrativeLabels:
    """The narrative's heading, translation note and original-text label in the user's language."""
    return NarrativeLabels(words.t("chart.narrative_heading"), words.t("chart.translation_note"),
                           words.t("chart.original"))


def render_chart_section(spec: ChartSpec, rows: pd.DataFrame, fig: go.Figure, dataset: Dataset,
                         source_figures: pd.DataFrame, words: Wording, compact_fig: go.Figure | None = None) -> None:
    """Chart on the left, narrative on the right; the columns stack on a phone.

    A slide passes ``compact_fig`` too: ``fig`` is the large-type figure for a projector and the
    compact one is shown instead on a phone (the page's CSS picks one by screen width). The
    slide's narrative keeps only the passages that report the chart's figures, in larger type.
    """
    presenting = compact_fig is not None
    passages = chart_passages(spec if not presenting else spec.for_slide(), rows, dataset.passages)
    with st.container(key=f"chart-{spec.id}"):
        chart_column, text_column = st.columns([3, 2], gap="large")
        with chart_column:
            with st.container(key="figure-large" if presenting else None):
                _plot(fig, f"fig-{spec.id}")
            if presenting:
                with st.container(key="figure-compact"):
                    _plot(compact_fig, f"fig-{spec.id}-compact")
            else:
                with st.expander(words.t("chart.show_data")):
                    st.dataframe(figures_table(rows, dataset, words), hide_index=True)
        with text_column:
            st.html(narrative_html(passages, dataset.sections, source_figures, words.catalog.language,
                                   narrative_labels(words), large=presenting))


def _plot(fig: go.Figure, key: str) -> None:
    st.plotly_chart(fig, key=key, theme=None, config=PLOTLY_CONFIG, alt=fig.layout.meta["alt"])
