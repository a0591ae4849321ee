"""One chart beside the article's own words, with its data one click away."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.charts import ChartSpec
from components.data import Dataset
from components.narrative import chart_passages, narrative_html
from components.tables import figures_table
from components.wording import Wording

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True,
                 "modeBarButtonsToRemove": ["select2d", "lasso2d", "zoom2d", "pan2d", "autoScale2d", "resetScale2d"]}


def render_chart_section(spec: ChartSpec, rows: pd.DataFrame, fig: go.Figure, dataset: Dataset,
                         terms: tuple[str, ...], words: Wording) -> None:
    """Chart on the left, narrative on the right; the columns stack on a phone."""
    passages = chart_passages(spec, rows, dataset.passages)
    with st.container(key=f"chart-{spec.id}"):
        chart_column, text_column = st.columns([3, 2], gap="large")
        with chart_column:
            st.plotly_chart(fig, key=f"fig-{spec.id}", theme=None, config=PLOTLY_CONFIG, alt=fig.layout.meta["alt"])
            with st.expander(words.t("chart.show_data")):
                st.dataframe(figures_table(rows, dataset, words), hide_index=True)
        with text_column:
            st.html(narrative_html(passages, dataset.sections, terms, words.t("chart.narrative_heading")))
