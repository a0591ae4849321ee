"""The dashboard as one scrolling page: header, KPIs, charts beside their narrative, practices, table, article."""

from __future__ import annotations

import streamlit as st

from components.data.loader import Dataset
from components.model.figures import View, source_for_year
from components.model.practices import PracticeView
from components.ui import cache
from components.ui.article import render_article
from components.ui.chart_section import render_chart_section
from components.ui.filters import render_empty_hint
from components.ui.header import render_header, render_kpis
from components.ui.meeting_pack import render_meeting_pack
from components.ui.practices import has_practices, render_practices, selected_place
from components.ui.table import render_table
from components.text.wording import Wording


def render_page(data: Dataset, view: View, words: Wording, signature: str) -> None:
    """Everything the filters select, top to bottom."""
    source = source_for_year(data, view.year)
    shown, source_figures, charts = cache.view_rows(data, view, signature)
    render_header(view, shown, source, words, signature)
    export_slot = st.container(key="export-slot")  # filled last, once the practices filters are read
    practice_view = PracticeView(view)
    if shown.empty:
        render_empty_hint(data, words)
    else:
        render_kpis(shown, words, view, signature)
        for spec, rows in charts:
            fig = cache.figure(spec.id, view, words, signature, data, presenting=False)
            render_chart_section(spec, rows, fig, data, source_figures, words, view, signature)
        if has_practices(data, view, signature):
            practice_view = render_practices(data, view, words, signature)
        render_table(shown, data, words, view, signature)
    render_article(source, data, source_figures, words, signature)
    st.caption(words.t("footer.derived"))
    with export_slot:
        place = selected_place() if has_practices(data, view, signature) else ""  # the place box was drawn
        render_meeting_pack(data, practice_view, place, words, signature)
