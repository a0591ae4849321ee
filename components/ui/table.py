"""The filtered figures as a table (its CSV is in the meeting pack)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data.loader import Dataset
from components.model.figures import View
from components.html.tables import figures_table_html
from components.ui import cache
from components.text.wording import Wording


def render_table(rows: pd.DataFrame, dataset: Dataset, words: Wording, view: View, signature: str) -> None:
    """Every shown figure with its source quote, as a plain HTML table: quotes wrap, it prints, and
    the page does not load a data grid's 1.5 MB of JavaScript (benchmarks/browser.py)."""
    with st.container(key="data-table"):
        st.header(words.t("table.heading"))
        st.caption(words.t("table.caption"))
        st.html(cache.shared("figures-table-html", (view, words.catalog.language), signature,
                             lambda: figures_table_html(rows, dataset, words)))
