"""Page header and the row of KPI cards."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import theme
from components.charts import summary_line
from components.data import Source
from components.model import View, headline_figures
from components.ui import cache
from components.ui.text import escape_markdown
from components.wording import Wording

KPI_WIDTH = {"zh": 210, "en": 280}  # English values are longer: "CNY 558 million"


def render_header(view: View, shown: pd.DataFrame, source: Source, words: Wording, signature: str) -> None:
    """Title, a one-line summary of the figures shown, and the full source line."""
    st.title(words.t("app.title", year=view.year))
    if not shown.empty:
        summary = cache.shared("summary", (view, words.catalog.language), signature, lambda: summary_line(shown, words))
        st.markdown(f"**{escape_markdown(summary)}**")
    st.caption(escape_markdown(words.byline(source)))


def _metric_args(row: pd.Series, parts: pd.DataFrame, words: Wording) -> dict:
    """Value and delta for one card; every piece of data text is escaped (st.metric renders Markdown)."""
    has_level, has_change = not pd.isna(row["value"]), not pd.isna(row["yoy_pct"])
    if not has_change:
        context = words.context(row) or words.t("phrase.list_separator").join(
            words.t("phrase.label_level", label=words.label(part), level=words.level(part))
            for _, part in parts.iterrows())
        return dict(value=escape_markdown(words.level(row)), delta=escape_markdown(context) or None,
                    delta_arrow="off", delta_color="gray")
    meaning = words.t(f"outcome.{row['outcome']}")
    arrow = "off" if row["yoy_pct"] == 0 else ("down" if row["yoy_pct"] < 0 else "up")
    value = words.level(row) if has_level else words.change(row)
    delta = f"{words.change(row)} {meaning}" if has_level else meaning
    return dict(value=escape_markdown(value), delta=escape_markdown(delta), delta_arrow=arrow,
                delta_color=theme.OUTCOME_DELTA_COLOURS[row["outcome"]], delta_description=words.t("kpi.change_caption"))


def _cards(rows: pd.DataFrame, words: Wording) -> list[dict]:
    """st.metric's arguments for each headline figure."""
    return [dict(label=escape_markdown(words.label(row)), help=escape_markdown(words.article_text(row, "source_quote")),
                 **_metric_args(row, rows[rows["parent"] == row["id"]], words))
            for _, row in headline_figures(rows).iterrows()]


def render_kpis(rows: pd.DataFrame, words: Wording, view: View, signature: str) -> None:
    """One card per headline figure; delta colours follow meaning (a fall in crime is good news)."""
    width = KPI_WIDTH[words.catalog.language]
    cards = cache.shared("kpi-cards", (view, words.catalog.language), signature, lambda: _cards(rows, words))
    with st.container(key="kpis", horizontal=True, wrap=True, gap="small"):
        for card in cards:
            st.metric(border=True, width=width, **card)
