"""The page shown instead of the dashboard when the data folder has problems."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from components.data.records import DataError
from components.text.problems import location, message
from components.text.wording import Wording
from components.ui.text import escape_markdown


def render_data_error(error: DataError, folder: str, words: Wording) -> None:
    """List every problem (file, place, what is wrong) as plain table text; no traceback."""
    with st.container(key="data-error"):
        st.title(words.t("data_error.title"))
        st.error(escape_markdown(words.t("data_error.intro", folder=Path(folder).name, count=len(error.problems))))
        problems = pd.DataFrame(
            {  # st.table renders Markdown: data text in a message must stay text
                words.t("data_error.location"): [escape_markdown(location(p, words.catalog)) for p in error.problems],
                words.t("data_error.problem"): [escape_markdown(message(p, words.catalog)) for p in error.problems],
            }
        )
        st.table(problems)
        st.caption(words.t("data_error.hint"))
