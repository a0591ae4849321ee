"""The meeting pack: PowerPoint, HTML report, Excel and CSV of exactly the view on screen.

Files are made only when their button is clicked (the buttons hold callables), never during the
page's normal run, and each is kept per view and language so a second download is instant.
"""

from __future__ import annotations

import streamlit as st

from components.data.loader import Dataset
from components.exports.images import chromium_path
from components.model.practices import PracticeView
from components.ui import cache
from components.ui.folded import popover
from components.text.wording import Wording

FILES = (  # (kind, extension, MIME type)
    ("pptx", "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ("html", "html", "text/html"),
    ("xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("csv", "csv", "text/csv"),
)


def render_meeting_pack(data: Dataset, practice_view: PracticeView, place: str, words: Wording,
                        signature: str) -> None:
    """The ⬇ popover with the four downloads (drawn only while it is open), or a note when the view shows nothing."""
    popover(words.t("pack.button"), "export", lambda: _render_downloads(data, practice_view, place, words, signature))


def _render_downloads(data: Dataset, practice_view: PracticeView, place: str, words: Wording, signature: str) -> None:
    year = practice_view.view.year
    if cache.view_rows(data, practice_view.view, signature)[0].empty:  # the pack is built only on a click
        st.info(words.t("pack.nothing"), icon="ℹ️")
        return
    st.caption(words.t("pack.caption"))
    for kind, extension, mime in FILES:
        unavailable = kind == "pptx" and chromium_path() is None
        name = words.t("table.file_name" if kind == "csv" else "pack.file_name", year=year, extension=extension)
        st.download_button(
            words.t(f"pack.{kind}"), key=f"download_{kind}", file_name=name, mime=mime, on_click="ignore",
            data=lambda kind=kind: cache.pack_file(kind, practice_view, place, words, signature, data),
            help=words.t("pack.no_chromium") if unavailable else words.t(f"pack.{kind}_help"),
            disabled=unavailable, width="stretch",
        )
