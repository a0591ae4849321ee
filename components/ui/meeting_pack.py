"""The meeting pack: every format of the exports registry, of exactly the view on screen.

Files are made only when their button is clicked (the buttons hold callables), never during the
page's normal run, and each is kept per view and language so a second download is instant. Opening
the menu works out one thing ahead: whether the long image is one picture or a zip of parts (from
the heights of the view's charts), which its file's name says.
"""

from __future__ import annotations

import streamlit as st

from components import results
from components.context import PageContext
from components.exports.registry import EXPORTS
from components.model.practices import PracticeView
from components.ui.folded import popover


def render_meeting_pack(ctx: PageContext, practice_view: PracticeView, place: str) -> None:
    """The ⬇ popover with one download per format (drawn only while it is open), or a note when the
    view shows nothing."""
    popover(ctx.words.t("pack.button"), "export", lambda: _render_downloads(ctx, practice_view, place))


def _render_downloads(ctx: PageContext, practice_view: PracticeView, place: str) -> None:
    words = ctx.words
    if results.view_rows(ctx).shown.empty:  # the pack is built only on a click
        st.info(words.t("pack.nothing"), icon="ℹ️")
        return
    st.caption(words.t("pack.caption"))
    for kind, export in EXPORTS.items():
        available = export.available()
        extension, mime = results.pack_file_type(ctx, practice_view, place, kind)
        st.download_button(
            words.t(f"pack.{kind}"),
            key=f"download_{kind}",
            mime=mime,
            on_click="ignore",
            file_name=words.file_name(export.file_name_key, ctx.source, extension=extension),
            data=lambda kind=kind: results.pack_file(ctx, practice_view, place, kind),
            help=words.t(f"pack.{kind}_help") if available else words.t("pack.no_chromium"),
            disabled=not available,
            width="stretch",
        )
