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
        drawn = {chart.id for chart, _ in rows.charts}
        for chart_id in results.review_chart_ids(ctx.library, ctx.view.review):
            if chart_id in drawn:
                render_chart_section(ctx, chart_id)
            else:
                keep_place(f"chart-{chart_id}")
        if has_comparison(ctx):
            render_compare(ctx)
        else:
            keep_place("compare")
        if practices:
            practice_view = render_practices(ctx)
        else:
            keep_place("practices")
        render_table(ctx)
    render_article(ctx)
    st.caption(ctx.words.t("footer.derived"))
    with export_slot:
        render_meeting_pack(ctx, practice_view, selected_place() if practices else "")  # the place box was drawn


def keep_place(key: str) -> None:
    """An empty slot (drawn as nothing) where a section the view leaves out would be. Streamlit
    places elements by position: without it every section below would move up, and a chart there
    could be drawn again from scratch, or drawn in its new place and thrown away, depending on how
    fast the run's messages come, instead of being left as the browser drew it."""
    st.container(key=key)
