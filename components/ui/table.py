"""The filtered figures as a table, with a CSV download."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data import Dataset
from components.export import csv_bytes, export_frame
from components.tables import figures_table
from components.wording import Wording


def render_table(rows: pd.DataFrame, dataset: Dataset, source_line: str, year: int, words: Wording) -> None:
    """Every shown figure with its source quote; the download holds the same rows as numbers."""
    with st.container(key="data-table"):
        st.header(words.t("table.heading"))
        st.caption(words.t("table.caption"))
        st.dataframe(figures_table(rows, dataset, words), hide_index=True)
        labels = {d: words.domain(dataset.domains, d) for d in dataset.domains["id"]}
        st.download_button(
            words.t("table.download"),
            data=lambda: csv_bytes(export_frame(rows, words, source_line, labels)),
            file_name=words.t("table.file_name", year=year), mime="text/csv", key="download_csv",
        )
