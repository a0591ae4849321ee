"""Local practices: the tile map, the place and section filters (bound to ?county= and ?section=),
and each place's practices in the article's own words."""

from __future__ import annotations

import streamlit as st

from components import results
from components.context import PageContext
from components.links import PLACE_KEY, SECTION_KEY
from components.model.practices import PracticeView
from components.ui.chart_section import chart_config
from components.ui.filters import adopt_names_from_other_language

MAP_KEY = "practice-map"


def render_practice_filters(ctx: PageContext) -> PracticeView:
    """The section and place boxes; returns the practices view (the place is read from the state)."""
    words = ctx.words
    section_label, place_label = results.practice_filter_labels(ctx)
    names = results.link_names(ctx.library)
    adopt_names_from_other_language(SECTION_KEY, names[SECTION_KEY], set(section_label.values()))
    adopt_names_from_other_language(PLACE_KEY, names[PLACE_KEY], set(place_label.values()))
    with st.container(key="practice-filters", horizontal=True, wrap=True, gap="medium"):
        section = st.selectbox(
            words.t("practices.section"),
            ["", *section_label],
            key=SECTION_KEY,
            bind="query-params",
            width=260,
            format_func=lambda key: section_label.get(key) or words.t("practices.all_sections"),
        )
        st.selectbox(
            words.t("practices.place"),
            ["", *place_label],
            key=PLACE_KEY,
            bind="query-params",
            width=260,
            format_func=lambda key: place_label.get(key) or words.t("practices.all_places"),
        )
    return PracticeView(ctx.view, section)


def selected_place() -> str:
    """The place chosen by a tile click or the place box ("" for none)."""
    return st.session_state.get(PLACE_KEY) or ""


def _pick_place(key: str) -> None:
    """A tile was clicked: its customdata is the place id, which the place box then shows."""
    points = st.session_state[key]["selection"]["points"]
    if points:
        picked = points[0]["customdata"]
        st.session_state[PLACE_KEY] = picked[0] if isinstance(picked, list) else picked


def render_map(ctx: PageContext, practice_view: PracticeView, key: str = MAP_KEY) -> None:
    """The tile map; clicking a tile selects its place. The key follows the selection, so each
    new selection starts from a fresh chart and a second click on another tile always counts."""
    selected = selected_place()
    fig = results.practice_map(ctx, practice_view, selected)
    chart_key = f"{key}-{selected or 'none'}"
    st.plotly_chart(
        fig,
        key=chart_key,
        theme=None,
        config=chart_config(ctx, "practices"),
        alt=fig.layout.meta["alt"],
        on_select=lambda: _pick_place(chart_key),
        selection_mode="points",
    )


def render_practices(ctx: PageContext) -> PracticeView:
    """The page's practices section: filters, map and layout note, the lists; returns the view chosen."""
    words = ctx.words
    with st.container(key="practices"):
        st.header(words.t("practices.heading"))
        st.caption(words.t("practices.intro"))
        practice_view = render_practice_filters(ctx)
        shown = results.practices(ctx.library, practice_view)
        if shown.shown.empty:
            st.info(words.t("practices.none_at_all"), icon="ℹ️")
            return practice_view
        with st.container(key="practices-split", horizontal=True, gap="large"):  # laid out as a chart section
            with st.container(key="cell-practices"):
                render_map(ctx, practice_view)
            st.html(results.map_layout_note(ctx.library, words))
            _render_html(results.practice_lists(ctx, practice_view, selected_place(), "quotes"))
        if not shown.city.empty:
            st.html(results.citywide_practices(ctx, practice_view))
    return practice_view


def _render_html(body: str) -> None:
    if body:  # nothing in a county or zone: only the city-wide list, drawn below
        st.html(body)


def render_practices_slide(ctx: PageContext, practice_view: PracticeView) -> None:
    """The presenter's practices slide: the map in projector type, and the chosen place's practices
    with their quotes (or, with no place chosen, every place's practice names). The city-wide
    practices have slides of their own (render_citywide_slide)."""
    place = selected_place()
    if results.practices(ctx.library, practice_view).shown.empty:
        st.info(ctx.words.t("practices.none_at_all"), icon="ℹ️")
        return
    with st.container(key="chart-practices"):
        map_column, list_column = st.columns(2, gap="large")
        with map_column:
            with st.container(key="figure-large"):
                render_map(ctx, practice_view)
            with st.container(key="figure-compact"):
                render_map(ctx.sized(False), practice_view, key=f"{MAP_KEY}-compact")
        with list_column:
            _render_html(results.practice_lists(ctx, practice_view, place, "quotes" if place else "names"))


def render_citywide_slide(ctx: PageContext, practice_view: PracticeView, items: range) -> None:
    """A slide of city-wide practice names (the share ``items`` of them), in two columns."""
    with st.container(key="citywide-slide"):
        st.html(results.citywide_practices(ctx, practice_view, items))
