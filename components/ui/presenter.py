"""Presenter mode: one section per screen, moved with a clicker (PageDown/PageUp) or the arrow keys."""

from __future__ import annotations

import streamlit as st

from components import results
from components.context import PageContext
from components.links import STEP_KEY
from components.model.practices import PracticeView
from components.model.slides import Slide, parse_step, slide_plan
from components.ui.chart_filter import FOLLOW_KEY
from components.ui.chart_section import render_chart_section
from components.ui.compare import has_comparison, render_compare
from components.ui.filters import raw_values, render_empty_hint, render_present_toggle, render_show_all, show_notices
from components.ui.header import render_header, render_kpis
from components.ui.meeting_pack import render_meeting_pack
from components.ui.practices import (
    render_citywide_slide,
    render_practice_filters,
    render_practices_slide,
    selected_place,
)
from components.ui.text import escape_markdown

# Each direction answers two keys: clickers send PageDown/PageUp, keyboards have arrows.
NAV_BUTTONS = (("prev", -1, "PageUp", "Left"), ("next", 1, "PageDown", "Right"))


def _go(delta: int, count: int) -> None:
    st.session_state[STEP_KEY] = min(max(st.session_state.get(STEP_KEY, 1) + delta, 1), count)


def render_presenter(ctx: PageContext, nav, settings, bad: list[tuple[str, str]]) -> None:
    """The rest of the navigation bar ``nav``, then the current slide; the URL follows the step.
    ``settings`` is the bar's ⚙ popover, where the filters were drawn; the practices boxes and the
    switch back join them."""
    words = ctx.words
    raw_step = None if STEP_KEY in st.session_state else next(iter(raw_values(STEP_KEY)), None)  # first visit
    rows = results.view_rows(ctx)
    practices = not rows.shown.empty and results.has_practices(ctx)
    with settings:
        if not rows.shown.empty:
            render_show_all(ctx)
        practice_view = render_practice_filters(ctx) if practices else PracticeView(ctx.view)
        render_present_toggle(words)
    with nav:
        render_meeting_pack(ctx, practice_view, selected_place() if practices else "")
        places = {name: st.container(key=f"nav-{name}", width="content") for name in ("prev", "indicator", "next")}
        pages = st.container(key="nav-pages", width="content")
    citywide = len(results.practices(ctx.library, practice_view).city) if practices else 0
    slides = slide_plan(
        len(results.kpis(ctx)),
        [chart.id for chart, _ in rows.charts],
        practices,
        citywide,
        compare=not rows.shown.empty and has_comparison(ctx),
    )
    if raw_step is not None and parse_step(raw_step, len(slides)) is None:
        bad = [*bad, (STEP_KEY, raw_step)]
    clicked = st.session_state.pop(FOLLOW_KEY, None)  # a chart click filtered the slides: stay on its chart
    chart_steps = {slide.chart_id: number for number, slide in enumerate(slides, 1) if slide.kind == "chart"}
    if clicked in chart_steps:
        st.session_state[STEP_KEY] = chart_steps[clicked]
    if st.session_state.get(STEP_KEY, 1) > len(slides):
        st.session_state[STEP_KEY] = len(slides)
    with pages:
        step = st.pagination(len(slides), key=STEP_KEY, bind="query-params", max_visible_pages=5)
    _render_nav_buttons(places, step, len(slides), words)
    show_notices(bad, words)
    with st.container(key=f"slide-{step}"):
        _render_slide(ctx, slides[step - 1], practice_view)


def _render_nav_buttons(places: dict, step: int, count: int, words) -> None:
    for name, delta, clicker_key, arrow_key in NAV_BUTTONS:
        at_end = step == (1 if delta < 0 else count)
        with places[name]:
            st.button(
                words.t(f"presenter.{name}"),
                key=f"{name}-slide",
                shortcut=clicker_key,
                disabled=at_end,
                on_click=_go,
                args=(delta, count),
            )
            st.button(
                words.t(f"presenter.{name}"),
                key=f"{name}-slide-arrow",
                shortcut=arrow_key,
                disabled=at_end,
                on_click=_go,
                args=(delta, count),
                type="tertiary",
            )
    with places["indicator"]:
        st.markdown(f"**{words.t('presenter.indicator', step=step, count=count)}**")


def _render_slide(ctx: PageContext, slide: Slide, practice_view: PracticeView) -> None:
    if slide.kind == "title":
        render_header(ctx)
        if results.view_rows(ctx).shown.empty:
            render_empty_hint(ctx)
        else:
            render_kpis(ctx, slide.items)
    elif slide.kind == "kpis":
        st.header(ctx.words.t("presenter.kpis_heading"))
        render_kpis(ctx, slide.items)
    elif slide.kind == "chart":
        render_chart_section(ctx, slide.chart_id)
    elif slide.kind == "compare":
        render_compare(ctx)
    elif slide.kind == "practices":
        render_practices_slide(ctx, practice_view)
    elif slide.kind == "citywide":
        render_citywide_slide(ctx, practice_view, slide.items)
    else:
        _render_summary(ctx)


def _render_summary(ctx: PageContext) -> None:
    """The closing slide: each chart's message, and where the numbers come from."""
    words = ctx.words
    with st.container(key="summary-slide"):
        st.header(words.t("presenter.summary_heading"))
        st.markdown("\n".join(f"- {escape_markdown(line)}" for line in results.headlines(ctx)))
        st.markdown(escape_markdown(words.byline(ctx.source)))
        st.caption(words.t("footer.derived"))
