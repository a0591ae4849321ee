"""The full article with every figure highlighted (in translation, with the original one click away)."""

from __future__ import annotations

import streamlit as st

from components import results
from components.context import PageContext
from components.text.wording import ARTICLE_LANGUAGE
from components.ui.folded import folded


def render_article(ctx: PageContext) -> None:
    """The source text, verbatim, folded away until asked for."""
    with st.container(key="article"):
        st.header(ctx.words.t("article.heading"))
        expander = "article.expander" if ctx.language == ARTICLE_LANGUAGE else "article.translation_expander"
        folded(ctx.words.t(expander), "article-open", lambda: st.html(results.article(ctx)))
