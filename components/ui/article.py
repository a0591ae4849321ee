"""The full article with every figure highlighted (in translation, with the original one click away)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data import Dataset, Source
from components.narrative import NarrativeLabels, article_html, figure_terms, translated_article_html
from components.wording import ARTICLE_LANGUAGE, Wording


def render_article(source: Source, data: Dataset, source_figures: pd.DataFrame, words: Wording) -> None:
    """The source text, verbatim, folded away until asked for."""
    language = words.catalog.language
    with st.container(key="article"):
        st.header(words.t("article.heading"))
        if language == ARTICLE_LANGUAGE:
            with st.expander(words.t("article.expander")):
                st.html(article_html(source.article, figure_terms(source_figures)))
            return
        passages = data.passages[data.passages["source_id"] == source.id]
        with st.expander(words.t("article.translation_expander")):
            st.html(translated_article_html(source.title_en, passages, data.sections, source_figures, language,
                                            NarrativeLabels.for_words(words), source.article))
