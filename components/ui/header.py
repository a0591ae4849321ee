"""Page header and the row of KPI cards."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.charts.base import summary_line
from components.data.loader import Source
from components.html.kpis import kpi_cards, kpi_cards_html
from components.model.figures import View
from components.ui import cache
from components.ui.text import escape_markdown
from components.text.wording import Wording


def render_header(view: View, shown: pd.DataFrame, source: Source, words: Wording, signature: str) -> None:
    """Title, a one-line summary of the figures shown, and the full source line."""
    st.title(words.t("app.title", year=view.year))
    if not shown.empty:
        summary = cache.shared("summary", (view, words.catalog.language), signature, lambda: summary_line(shown, words))
        st.markdown(f"**{escape_markdown(summary)}**")
    st.caption(escape_markdown(words.byline(source)))


def render_kpis(rows: pd.DataFrame, words: Wording, view: View, signature: str) -> None:
    """One card per headline figure (one HTML block: nine metric elements cost each rerun ~2 ms)."""
    st.html(cache.shared("kpi-cards", (view, words.catalog.language), signature,
                         lambda: kpi_cards_html(kpi_cards(rows, words), words)))
