"""Page header and the row of KPI cards."""

from __future__ import annotations

import streamlit as st

from components import results
from components.context import PageContext
from components.text.wording import ARTICLE_LANGUAGE
from components.ui.text import escape_markdown


def render_header(ctx: PageContext) -> None:
    """Title, a one-line summary of the figures shown, and the full source line."""
    words = ctx.words
    st.title(escape_markdown(words.review_title(ctx.source)))
    if not results.view_rows(ctx).shown.empty:
        st.markdown(f"**{escape_markdown(results.summary(ctx))}**")
    st.caption(escape_markdown(words.byline(ctx.source)))
    pending = ctx.data.untranslated.get(ctx.view.review, ())
    if ctx.language != ARTICLE_LANGUAGE and pending:
        st.info(escape_markdown(words.t("notice.untranslated", count=len(pending))), icon="🈶")


def render_kpis(ctx: PageContext, items: range | None = None) -> None:
    """One card per headline figure, or a slide's share of them (``items``); one HTML block, as nine
    metric elements cost each rerun ~2 ms."""
    st.html(results.kpis_html(ctx, items))
