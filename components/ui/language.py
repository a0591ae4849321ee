"""The interface language: chosen in the page, else ?lang= in the link, else the browser's locale."""

from __future__ import annotations

import streamlit as st

from components.links import LANG_KEY, bad_languages
from components.text.catalog import DEFAULT_LANGUAGE, LANGUAGES
from components.text.wording import Wording


def language_for_locale(locale: str | None) -> str:
    """'en-GB' -> 'en', 'zh-CN' -> 'zh'; anything else falls back to Chinese."""
    prefix = (locale or "").split("-")[0].split("_")[0].lower()
    return prefix if prefix in LANGUAGES else DEFAULT_LANGUAGE


def resolve_language() -> tuple[str, list[tuple[str, str]]]:
    """The language for this run, and any unusable ``lang`` values in the link."""
    if LANG_KEY in st.session_state:
        return st.session_state[LANG_KEY], []
    raw = st.query_params.get_all(LANG_KEY)
    chosen = next((value for value in raw if value in LANGUAGES), None)
    return chosen or language_for_locale(st.context.locale), bad_languages({LANG_KEY: raw})


def _remember_in_link() -> None:
    st.query_params[LANG_KEY] = st.session_state[LANG_KEY]


def render_language_picker(language: str, words: Wording) -> None:
    """The 中文 / English switch; a choice made here is written into the link as ?lang=."""
    st.session_state.setdefault(LANG_KEY, language)
    st.radio(
        words.t("sidebar.language"),
        LANGUAGES,
        key=LANG_KEY,
        horizontal=True,
        format_func=lambda code: words.t(f"language.{code}"),
        on_change=_remember_in_link,
    )
