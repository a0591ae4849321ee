"""The full article with every figure highlighted."""

from __future__ import annotations

import streamlit as st

from components.data import Source
from components.narrative import article_html
from components.wording import Wording


def render_article(source: Source, terms: tuple[str, ...], words: Wording) -> None:
    """The source text, verbatim, folded away until asked for."""
    with st.container(key="article"):
        st.header(words.t("article.heading"))
        with st.expander(words.t("article.expander")):
            st.html(article_html(source.article, terms))
