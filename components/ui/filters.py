"""URL-bound view state: the review, domain filters, presenter toggle, and notices for bad link values."""

from __future__ import annotations

import streamlit as st

from components import results
from components.context import Library, PageContext
from components.links import (
    DOMAIN_KEY,
    LINK_KEYS,
    PRESENT_KEY,
    REVIEW_KEY,
    YEAR_KEY,
    bad_values,
    review_of_year,
    shown_value,
)
from components.model.figures import View
from components.model.slides import parse_flag
from components.text.wording import Wording
from components.ui.text import escape_markdown

REVIEW_PLACE_KEY = "review_place"  # not in links: ?review= names the place too
MAX_NOTICES = 5


def raw_values(key: str) -> list[str]:
    """What the address bar says for ``key`` (read before a bound widget cleans it)."""
    return st.query_params.get_all(key)


def bad_link_values(lib: Library) -> list[tuple[str, str]]:
    """(parameter, value) pairs in the URL that no widget can accept; the widgets will drop them."""
    return bad_values(lib, {key: raw_values(key) for key in LINK_KEYS})


def show_notices(bad: list[tuple[str, str]], words: Wording) -> None:
    """One visible warning per ignored link value (the rest of the view is kept)."""
    for name, value in bad[:MAX_NOTICES]:
        st.warning(escape_markdown(words.t("notice.bad_param", name=name, value=shown_value(value))), icon="⚠️")
    if len(bad) > MAX_NOTICES:
        st.warning(words.t("notice.more_bad_params", count=len(bad) - MAX_NOTICES), icon="⚠️")


def presenting_requested() -> bool:
    """Presenter mode as the toggle will report it: its state this session, else the link's value."""
    if PRESENT_KEY in st.session_state:
        return bool(st.session_state[PRESENT_KEY])
    return any(parse_flag(value) for value in raw_values(PRESENT_KEY))


def render_filters(lib: Library, words: Wording) -> View:
    """The review (only with several) and the domains, in the current container; returns the view."""
    review = _render_review_picker(lib, words)
    label_of = results.domain_labels(lib, words, review)
    adopt_names_from_other_language(
        DOMAIN_KEY, results.link_names(lib)[DOMAIN_KEY], set(label_of.values()), multiple=True
    )
    domains = st.multiselect(
        words.t("sidebar.domains"),
        list(label_of),
        default=list(label_of),
        key=DOMAIN_KEY,
        bind="query-params",
        format_func=label_of.__getitem__,
        placeholder=words.t("sidebar.domains_placeholder"),
        help=words.t("sidebar.domains_help"),
    )
    return View(review=review, domains=tuple(domains))


def _render_review_picker(lib: Library, words: Wording) -> str:
    """The review box: with reviews of several places, a place box (searchable by typing) and then
    the place's reviews by year. Not bound widgets: the link carries the source id (?review=<id>),
    where a bound box would write the name it displays."""
    data = lib.data
    if len(data.reviews) == 1:
        return data.reviews[0]
    if REVIEW_KEY not in st.session_state:  # first visit: ?review=, else an old ?year= link, else the default
        linked = next((value for value in raw_values(REVIEW_KEY) if value in data.sources), None)
        by_year = next(filter(None, (review_of_year(data, value) for value in raw_values(YEAR_KEY))), None)
        st.session_state[REVIEW_KEY] = linked or by_year or data.default_review
    if st.session_state[REVIEW_KEY] not in data.sources:  # the review chosen is gone: a data update
        st.session_state[REVIEW_KEY] = data.default_review
    current = st.session_state[REVIEW_KEY]
    by_place = results.reviews_by_place(lib)
    if len(by_place) == 1:
        options, labels = data.reviews, results.review_labels(lib, words)
    else:
        places = results.review_places(lib, words)
        st.session_state[REVIEW_PLACE_KEY] = data.source(current).place  # the box follows the review shown
        st.selectbox(
            words.t("sidebar.place"),
            list(places),
            key=REVIEW_PLACE_KEY,
            format_func=places.__getitem__,
            help=words.t("sidebar.place_help"),
            on_change=_choose_place,
            args=(lib, current),
        )
        options, labels = by_place[data.source(current).place], results.review_years(lib, words)
    return st.selectbox(
        words.t("sidebar.review"),
        options,
        key=REVIEW_KEY,
        format_func=labels.__getitem__,
        help=words.t("sidebar.review_help"),
        on_change=_remember_review,
        args=(lib, current),
    )


def _choose_place(lib: Library, previous: str) -> None:
    """A place chosen: its newest review is shown."""
    reviews = results.reviews_by_place(lib).get(st.session_state[REVIEW_PLACE_KEY])
    if reviews:  # a place not in the library (the data changed meanwhile) is left alone
        st.session_state[REVIEW_KEY] = reviews[0]
        _remember_review(lib, previous)


def _remember_review(lib: Library, previous: str) -> None:
    """The link names the review chosen; the domain box keeps a filter the reader chose, and lists
    every domain of the new review where it listed every one of the old."""
    review = st.session_state[REVIEW_KEY]
    st.query_params[REVIEW_KEY] = review
    if YEAR_KEY in st.query_params:
        del st.query_params[YEAR_KEY]
    chosen, offered = set(st.session_state.get(DOMAIN_KEY, ())), results.review_domains(lib, review)
    kept = [domain for domain in offered if domain in chosen]
    if chosen >= set(results.review_domains(lib, previous)) or not kept:
        kept = list(offered)
    st.session_state[DOMAIN_KEY] = kept


def adopt_names_from_other_language(
    key: str, by_label: dict[str, str], current_labels: set[str], multiple: bool = False
) -> None:
    """On a first visit, read ?key= names written in the other language (the widget would drop them)."""
    linked = [value for value in raw_values(key) if value]
    adopted = list(dict.fromkeys(by_label[value] for value in linked if value in by_label))
    if key in st.session_state or not adopted or all(value in current_labels for value in linked):
        return
    st.session_state[key] = adopted if multiple else adopted[0]


def render_present_toggle(words: Wording) -> bool:
    """The presenter-mode switch, bound to ``?present=true``."""
    return st.toggle(
        words.t("presenter.toggle"), key=PRESENT_KEY, bind="query-params", help=words.t("presenter.toggle_help")
    )


def _select_all(domain_ids: list[str]) -> None:
    st.session_state[DOMAIN_KEY] = domain_ids


def render_empty_hint(ctx: PageContext) -> None:
    """What the page says when no domain is selected, with a way back to everything."""
    st.info(ctx.words.t("empty.hint"), icon="ℹ️")
    _show_all_button(ctx)


def render_show_all(ctx: PageContext) -> None:
    """When the page shows some domains only (picked in the box or by a chart click): which, and
    the way back to all of them."""
    label_of = results.domain_labels(ctx.library, ctx.words, ctx.view.review)
    # Drawn even when empty: an element appearing above the charts would shift every one after it,
    # and Streamlit would redraw each chart from scratch instead of only those whose figures changed.
    slot = st.container(key="filtered", horizontal=True, vertical_alignment="center", gap="small")
    if not ctx.view.domains or set(ctx.view.domains) >= set(label_of):  # none: the empty hint offers the way back
        return
    with slot:
        st.markdown(
            escape_markdown(
                ctx.words.t(
                    "filter.showing",
                    domains=ctx.words.t("phrase.list_separator").join(label_of[domain] for domain in ctx.view.domains),
                )
            )
        )
        _show_all_button(ctx)


def _show_all_button(ctx: PageContext) -> None:
    st.button(
        ctx.words.t("empty.show_all"),
        key="show_all_domains",
        on_click=_select_all,
        args=(list(results.review_domains(ctx.library, ctx.view.review)),),
    )
