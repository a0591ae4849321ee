"""The filtered figures as a table (its CSV is in the meeting pack)."""

from __future__ import annotations

import streamlit as st

from components import results
from components.context import PageContext


def render_table(ctx: PageContext) -> None:
    """Every shown figure with its source quote, as a plain HTML table: quotes wrap, it prints, and
    the page does not load a data grid's 1.5 MB of JavaScript (benchmarks/browser.py)."""
    with st.container(key="data-table"):
        st.header(ctx.words.t("table.heading"))
        st.caption(ctx.words.t("table.caption"))
        st.html(results.figures_table(ctx))
