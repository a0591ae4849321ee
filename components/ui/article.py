"""The full article with every figure highlighted (in translation, with the original one click away)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data.loader import Dataset, Source
from components.html.narrative import NarrativeLabels, article_html, figure_terms, translated_article_html
from components.ui import cache
from components.ui.folded import folded
from components.text.wording import ARTICLE_LANGUAGE, Wording


def render_article(source: Source, data: Dataset, source_figures: pd.DataFrame, words: Wording, signature: str) -> None:
    """The source text, verbatim, folded away until asked for."""
    language = words.catalog.language
    with st.container(key="article"):
        st.header(words.t("article.heading"))
        expander = "article.expander" if language == ARTICLE_LANGUAGE else "article.translation_expander"
        folded(words.t(expander), "article-open", lambda: st.html(cache.shared(
            "article", (source.id, language), signature, lambda: _article_html(source, data, source_figures, words))))


def _article_html(source: Source, data: Dataset, source_figures: pd.DataFrame, words: Wording) -> str:
    """The original with its figures highlighted, or the translation with the original one click away."""
    language = words.catalog.language
    if language == ARTICLE_LANGUAGE:
        return article_html(source.article, figure_terms(source_figures))
    passages = data.passages[data.passages["source_id"] == source.id]
    return translated_article_html(source.title_en, passages, data.sections, source_figures, language,
                                   NarrativeLabels.for_words(words), source.article)
