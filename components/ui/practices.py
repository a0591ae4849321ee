"""Local practices: the tile map, the place and section filters (bound to ?county= and ?section=),
and each place's practices in the article's own words."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from components.data.loader import Dataset
from components.model.figures import View
from components.html.practice_list import practice_groups, practice_groups_html
from components.model.practices import CITY, PracticeView, practices_shown, split_citywide
from components.html.tables import folded_html, table_html
from components.ui import cache
from components.ui.chart_section import chart_config
from components.ui.filters import PLACE_KEY, SECTION_KEY, adopt_names_from_other_language, link_names
from components.text.wording import Wording

MAP_KEY = "practice-map"


def _shown(data: Dataset, practice_view: PracticeView, signature: str) -> tuple[pd.DataFrame, ...]:
    """(in the article, shown, shown in a county or zone, shown city-wide), shared read-only."""
    def build():
        in_article, shown = practices_shown(data, practice_view)
        return (in_article, shown, *split_citywide(data.places, shown))
    return cache.shared("practices-shown", (practice_view,), signature, build)


def has_practices(data: Dataset, view: View, signature: str) -> bool:
    """Whether the article names any practice in the view's domains (the section and slide exist only then)."""
    return not _shown(data, PracticeView(view), signature)[1].empty


def _filter_labels(data: Dataset, view: View, words: Wording) -> tuple[dict, dict]:
    """Section and place names for the boxes, by id, in the user's language."""
    in_article = practices_shown(data, PracticeView(view))[0]
    sections = data.sections[data.sections["id"].isin(in_article["section"])
                             & data.sections["source_id"].isin(in_article["source_id"])]
    places = data.places[data.places["kind"] != CITY]
    return (dict(zip(sections["id"], (words.label(row) for _, row in sections.iterrows()))),
            dict(zip(places["id"], (words.name(row) for _, row in places.iterrows()))))


def render_practice_filters(data: Dataset, view: View, words: Wording, signature: str) -> PracticeView:
    """The section and place boxes; returns the practices view (the place is read from the state)."""
    section_label, place_label = cache.shared(
        "practice-labels", (view.year, words.catalog.language), signature, lambda: _filter_labels(data, view, words))
    names = link_names(data, signature)
    adopt_names_from_other_language(SECTION_KEY, names[SECTION_KEY], set(section_label.values()))
    adopt_names_from_other_language(PLACE_KEY, names[PLACE_KEY], set(place_label.values()))
    with st.container(key="practice-filters", horizontal=True, wrap=True, gap="medium"):
        section = st.selectbox(words.t("practices.section"), ["", *section_label], key=SECTION_KEY,
                               bind="query-params", width=260,
                               format_func=lambda key: section_label.get(key) or words.t("practices.all_sections"))
        st.selectbox(words.t("practices.place"), ["", *place_label], key=PLACE_KEY, bind="query-params", width=260,
                     format_func=lambda key: place_label.get(key) or words.t("practices.all_places"))
    return PracticeView(view, section)


def selected_place() -> str:
    """The place chosen by a tile click or the place box ("" for none)."""
    return st.session_state.get(PLACE_KEY) or ""


def _pick_place(key: str) -> None:
    """A tile was clicked: its customdata is the place id, which the place box then shows."""
    points = st.session_state[key]["selection"]["points"]
    if points:
        picked = points[0]["customdata"]
        st.session_state[PLACE_KEY] = picked[0] if isinstance(picked, list) else picked


def render_map(practice_view: PracticeView, words: Wording, signature: str, data: Dataset,
               presenting: bool, key: str = MAP_KEY) -> None:
    """The tile map; clicking a tile selects its place. The key follows the selection, so each
    new selection starts from a fresh chart and a second click on another tile always counts."""
    selected = selected_place()
    fig = cache.practice_map(practice_view, selected, words, signature, data, presenting)
    chart_key = f"{key}-{selected or 'none'}"
    config = chart_config("practices", practice_view.view.year, words)
    st.plotly_chart(fig, key=chart_key, theme=None, config=config, alt=fig.layout.meta["alt"],
                    on_select=lambda: _pick_place(chart_key), selection_mode="points")


def render_practices(data: Dataset, view: View, words: Wording, signature: str) -> PracticeView:
    """The page's practices section: filters, map and layout note, the lists; returns the view chosen."""
    with st.container(key="practices"):
        st.header(words.t("practices.heading"))
        st.caption(words.t("practices.intro"))
        practice_view = render_practice_filters(data, view, words, signature)
        _, shown, _, city = _shown(data, practice_view, signature)
        place = selected_place()
        if shown.empty:
            st.info(words.t("practices.none_at_all"), icon="ℹ️")
            return practice_view
        with st.container(key="practices-split", horizontal=True, gap="large"):  # laid out as a chart section
            render_map(practice_view, words, signature, data, presenting=False)
            _render_layout_note(data, words, signature)
            _render_lists(data, practice_view, place, words, signature)
        if not city.empty:
            _render_citywide(data, practice_view, city, words, signature, columns=True)
    return practice_view


def _render_lists(data: Dataset, practice_view: PracticeView, place: str, words: Wording, signature: str,
                  large: bool = False, detail: str = "quotes") -> None:
    """The chosen place's practices (or every place's), after a note if the place has none, as one block."""
    _, _, local, _ = _shown(data, practice_view, signature)
    key = (practice_view, place, words.catalog.language, large, detail)

    def build() -> str:
        groups = practice_groups(data, local, place, words)
        note = (f'<p class="practices-note">{html.escape(words.t("practices.none_here", place=groups[0][0]))}</p>'
                if place and groups[0][1].empty else "")
        shown = [group for group in groups if not group[1].empty]
        return note + (practice_groups_html(shown, data.sections, data.domains, words, large=large, detail=detail)
                       if shown else "")
    body = cache.shared("practice-html", key, signature, build)
    if body:  # nothing in a county or zone: only the city-wide list, drawn below
        st.html(body)


def _render_citywide(data: Dataset, practice_view: PracticeView, city: pd.DataFrame, words: Wording,
                     signature: str, **style) -> None:
    """The city-wide practices under their own heading; ``style`` goes to ``practice_groups_html``."""
    key = (practice_view, "citywide", words.catalog.language, tuple(sorted(style.items())))
    st.html(cache.shared("practice-html", key, signature, lambda: practice_groups_html(
        [(words.t("practices.citywide_heading"), city)], data.sections, data.domains, words, **style)))


def _render_layout_note(data: Dataset, words: Wording, signature: str) -> None:
    """Where each tile's position comes from: the seats' coordinates and their sources."""
    st.html(cache.shared("map-layout", (words.catalog.language,), signature, lambda: folded_html(
        words.t("practices.layout_expander"),
        f'<p class="note">{html.escape(words.t("practices.layout_caption"))}</p>' + _layout_table(data, words),
        kind="citations")))


def _layout_table(data: Dataset, words: Wording) -> str:
    counties = data.places[data.places["lat"].notna()]
    latitude, longitude = words.t("practices.layout_lat"), words.t("practices.layout_lon")
    return table_html(pd.DataFrame({
        words.t("practices.layout_name"): [words.name(row) for _, row in counties.iterrows()],
        latitude: [f"{value:.4f}" for value in counties["lat"].astype(float)],
        longitude: [f"{value:.4f}" for value in counties["lon"].astype(float)],
        words.t("practices.layout_source"): counties["coord_source"],
    }), {latitude, longitude})


def render_practices_slide(data: Dataset, practice_view: PracticeView, words: Wording, signature: str) -> None:
    """The presenter's practices slide: the map in projector type, and the chosen place's practices
    with their quotes (or, with no place chosen, every place's practice names)."""
    _, shown, _, city = _shown(data, practice_view, signature)
    place = selected_place()
    if shown.empty:
        st.info(words.t("practices.none_at_all"), icon="ℹ️")
        return
    with st.container(key="chart-practices"):
        map_column, list_column = st.columns([3, 2], gap="large")
        with map_column:
            with st.container(key="figure-large"):
                render_map(practice_view, words, signature, data, presenting=True)
            with st.container(key="figure-compact"):
                render_map(practice_view, words, signature, data, presenting=False, key=f"{MAP_KEY}-compact")
        with list_column:
            _render_lists(data, practice_view, place, words, signature, large=True,
                          detail="quotes" if place else "names")
            if not place and not city.empty:
                _render_citywide(data, practice_view, city, words, signature, large=True, detail="count")
