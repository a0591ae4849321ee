"""Presenter mode: one section per screen, moved with a clicker (PageDown/PageUp) or the arrow keys."""

from __future__ import annotations

import streamlit as st

from components.data.loader import Dataset, Source
from components.model.figures import View, source_for_year
from components.model.practices import PracticeView
from components.model.slides import Slide, parse_step, slide_plan
from components.ui import cache
from components.ui.chart_section import render_chart_section
from components.ui.filters import (
    STEP_KEY,
    raw_values,
    render_empty_hint,
    render_filters,
    render_present_toggle,
    show_notices,
)
from components.ui.header import render_header, render_kpis
from components.ui.language import render_language_picker
from components.ui.meeting_pack import render_meeting_pack
from components.ui.practices import has_practices, render_practice_filters, render_practices_slide, selected_place
from components.ui.text import escape_markdown
from components.text.wording import Wording

# Each direction answers two keys: clickers send PageDown/PageUp, keyboards have arrows.
NAV_BUTTONS = (("prev", -1, "PageUp", "Left"), ("next", 1, "PageDown", "Right"))


def _go(delta: int, count: int) -> None:
    st.session_state[STEP_KEY] = min(max(st.session_state.get(STEP_KEY, 1) + delta, 1), count)


def render_presenter(data: Dataset, words: Wording, signature: str, bad: list[tuple[str, str]]) -> None:
    """The navigation bar, then the current slide; the URL follows the step."""
    raw_step = None if STEP_KEY in st.session_state else next(iter(raw_values(STEP_KEY)), None)  # first visit
    nav = st.container(key="presenter-nav", horizontal=True, vertical_alignment="center", gap="small")
    with nav:
        with st.popover(words.t("presenter.settings"), key="presenter-settings"):
            render_language_picker(words.catalog.language, words)
            view = render_filters(data, words, signature)
            rows = cache.view_rows(data, view, signature)
            shown, _, charts = rows
            practices = not shown.empty and has_practices(data, view, signature)
            practice_view = render_practice_filters(data, view, words, signature) if practices else PracticeView(view)
            render_present_toggle(words)
        render_meeting_pack(data, practice_view, selected_place() if practices else "", words, signature)
        places = {name: st.container(key=f"nav-{name}", width="content") for name in ("prev", "indicator", "next")}
        pages = st.container(key="nav-pages", width="content")
    slides = slide_plan([spec.id for spec, _ in charts], practices)
    if raw_step is not None and parse_step(raw_step, len(slides)) is None:
        bad = [*bad, (STEP_KEY, raw_step)]
    if st.session_state.get(STEP_KEY, 1) > len(slides):
        st.session_state[STEP_KEY] = len(slides)
    with pages:
        step = st.pagination(len(slides), key=STEP_KEY, bind="query-params", max_visible_pages=9)
    _render_nav_buttons(places, step, len(slides), words)
    show_notices(bad, words)
    with st.container(key=f"slide-{step}"):
        if slides[step - 1].kind == "practices":
            render_practices_slide(data, practice_view, words, signature)
        else:
            _render_slide(slides[step - 1], data, view, rows, words, signature)


def _render_nav_buttons(places: dict, step: int, count: int, words: Wording) -> None:
    for name, delta, clicker_key, arrow_key in NAV_BUTTONS:
        at_end = step == (1 if delta < 0 else count)
        with places[name]:
            st.button(words.t(f"presenter.{name}"), key=f"{name}-slide", shortcut=clicker_key, disabled=at_end,
                      on_click=_go, args=(delta, count))
            st.button(words.t(f"presenter.{name}"), key=f"{name}-slide-arrow", shortcut=arrow_key, disabled=at_end,
                      on_click=_go, args=(delta, count), type="tertiary")
    with places["indicator"]:
        st.markdown(f"**{words.t('presenter.indicator', step=step, count=count)}**")


def _render_slide(slide: Slide, data: Dataset, view: View, rows: tuple, words: Wording, signature: str) -> None:
    """``rows`` are the view's (shown, source figures, charts) from ``cache.view_rows``."""
    shown, source_figures, charts = rows
    source = source_for_year(data, view.year)
    if slide.kind == "title":
        render_header(view, shown, source, words, signature)
        if shown.empty:
            render_empty_hint(data, words)
        else:
            render_kpis(shown, words, view, signature)
    elif slide.kind == "chart":
        spec, chart_rows = next((spec, chart_rows) for spec, chart_rows in charts if spec.id == slide.chart_id)
        large = cache.figure(spec.id, view, words, signature, data, presenting=True)
        compact = cache.figure(spec.id, view, words, signature, data, presenting=False)
        render_chart_section(spec, chart_rows, large, data, source_figures, words, view, signature,
                             compact_fig=compact)
    else:
        _render_summary(charts, source, words)


def _render_summary(charts: tuple, source: Source, words: Wording) -> None:
    """The closing slide: each chart's message, and where the numbers come from."""
    with st.container(key="summary-slide"):
        st.header(words.t("presenter.summary_heading"))
        headlines = [spec.headline(chart_rows, words) for spec, chart_rows in charts]
        st.markdown("\n".join(f"- {escape_markdown(line)}" for line in headlines))
        st.markdown(escape_markdown(words.byline(source)))
        st.caption(words.t("footer.derived"))
