"""Page header and the row of KPI cards."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import theme
from components.data import Source
from components.model import headline_figures
from components.ui.text import escape_markdown
from components.wording import Wording

KPI_WIDTH = {"zh": 210, "en": 280}  # English values are longer: "CNY 558 million"


def render_header(year: int, summary: str, source: Source, words: Wording) -> None:
    """Title, a one-line summary and the full source line."""
    st.title(words.t("app.title", year=year))
    st.markdown(f"**{escape_markdown(summary)}**")
    st.caption(escape_markdown(f"{words.source_line(source)} · {words.authors(source)}"))


def _metric_args(row: pd.Series, parts: pd.DataFrame, words: Wording) -> dict:
    has_level, has_change = not pd.isna(row["value"]), not pd.isna(row["yoy_pct"])
    meaning = words.t(f"outcome.{row['outcome']}")
    colour = theme.OUTCOME_ARROWS[row["outcome"]]
    arrow = "down" if has_change and row["yoy_pct"] < 0 else "up"
    if has_change and not has_level:
        return dict(value=words.change(row), delta=meaning, delta_arrow=arrow, delta_color=colour,
                    delta_description=words.t("kpi.change_caption"))
    if has_change:
        return dict(value=words.level(row), delta=f"{words.change(row)} {meaning}", delta_arrow=arrow,
                    delta_color=colour, delta_description=words.t("kpi.change_caption"))
    context = words.context(row) or "".join(
        words.t("phrase.label_level", label=words.label(part), level=words.level(part)) for _, part in parts.iterrows())
    return dict(value=words.level(row), delta=context or None, delta_arrow="off", delta_color="gray")


def render_kpis(rows: pd.DataFrame, words: Wording) -> None:
    """One card per headline figure; delta colours follow meaning (a fall in crime is good news)."""
    with st.container(key="kpis", horizontal=True, wrap=True, gap="small"):
        for _, row in headline_figures(rows).iterrows():
            parts = rows[rows["parent"] == row["id"]]
            st.metric(words.label(row), border=True, width=KPI_WIDTH[words.catalog.language], help=escape_markdown(words.article_text(row, "source_quote")),
                      **_metric_args(row, parts, words))
