"""Safe Lishui: the public-safety reviews of Lishui, its counties and the province as an interactive
statistics dashboard. Builds one PageContext per run and hands it to the page or to presenter mode;
maintainers' data desk is a second page at /desk, out of the officials' way."""

from __future__ import annotations

import streamlit as st

from components import results
from components.context import PageContext
from components.data.loader import data_dir_from_env
from components.data.records import DataError
from components.text.wording import wording
from components.ui import style
from components.ui.desk import render_desk
from components.ui.errors import render_data_error
from components.ui.filters import (
    PRESENT_KEY,
    bad_link_values,
    presenting_requested,
    render_filters,
    render_present_toggle,
    show_notices,
)
from components.ui.language import LANG_KEY, render_language_picker, resolve_language
from components.ui.page import render_page
from components.ui.presenter import render_presenter
from components.ui.turns import page_turn


def main() -> None:
    """The page for this session: a data error, presenter mode, or the scrolling dashboard."""
    language, bad = resolve_language()
    words = wording(language)
    presenting = presenting_requested()
    st.set_page_config(
        page_title=words.t("app.page_title"),
        page_icon="🛡️",
        layout="wide",
        initial_sidebar_state="collapsed" if presenting else "auto",
    )
    style.inject(presenting)

    folder = data_dir_from_env()
    try:
        library = results.library(folder)
    except DataError as error:
        render_data_error(error, str(folder), words)
        st.stop()

    bad += bad_link_values(library)
    if presenting:
        nav = st.container(key="presenter-nav", horizontal=True, vertical_alignment="center", gap="xsmall")
        with nav:
            settings = st.popover(words.t("presenter.settings"), key="presenter-settings")
        with settings:
            render_language_picker(language, words)
            view = render_filters(library, words)
        render_presenter(PageContext(library, view, words, presenting=True), nav, settings, bad)
    else:
        with st.sidebar:
            render_language_picker(language, words)
            st.header(words.t("sidebar.heading"))
            view = render_filters(library, words)
            render_present_toggle(words)
            st.subheader(words.t("sidebar.about_heading"))
            st.caption(words.t("sidebar.about"))
        show_notices(bad, words)
        render_page(PageContext(library, view, words, presenting=False))
    # The page was drawn in the mode and language read at the top; a switch flipped during this run
    # (its widget sits below that point) changes them, so draw the page once more in the new ones.
    if (
        st.session_state.get(PRESENT_KEY, presenting) != presenting
        or st.session_state.get(LANG_KEY, language) != language
    ):
        st.rerun()


with page_turn():
    titles = wording(resolve_language()[0])
    st.navigation(
        [
            st.Page(main, title=titles.t("app.page_title"), url_path="dashboard", default=True),
            st.Page(render_desk, title=titles.t("desk.page_title"), url_path="desk"),
        ],
        position="hidden",
    ).run()
