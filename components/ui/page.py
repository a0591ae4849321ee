"""The dashboard as one scrolling page: header, KPIs, charts beside their narrative, compare years,
practices, table, article."""

from __future__ import annotations

import streamlit as st

from components import results
from components.context import PageContext
from components.model.practices import PracticeView
from components.ui.article import render_article
from components.ui.chart_section import render_chart_section
from components.ui.compare import has_comparison, render_compare
from components.ui.filters import render_empty_hint, render_show_all
from components.ui.header import render_header, render_kpis
from components.ui.meeting_pack import render_meeting_pack
from components.ui.practices import render_practices, selected_place
from components.ui.table import render_table


def render_page(ctx: PageContext) -> None:
    """Everything the filters select, top to bottom."""
    rows = results.view_rows(ctx)
    render_header(ctx)
    export_slot = st.container(key="export-slot")  # filled last, once the practices filters are read
    practice_view, practices = PracticeView(ctx.view), results.has_practices(ctx)
    if rows.shown.empty:
        render_empty_hint(ctx)
    else:
        render_show_all(ctx)
        render_kpis(ctx)
        for chart, _ in rows.charts:
            render_chart_section(ctx, chart.id)
        if has_comparison(ctx):
            render_compare(ctx)
        if practices:
            practice_view = render_practices(ctx)
        render_table(ctx)
    render_article(ctx)
    st.caption(ctx.words.t("footer.derived"))
    with export_slot:
        render_meeting_pack(ctx, practice_view, selected_place() if practices else "")  # the place box was drawn
