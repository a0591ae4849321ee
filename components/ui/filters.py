"""URL-bound view state: domain and year filters, presenter toggle, and notices for bad link values."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data.loader import Dataset
from components.model.figures import View
from components.model.practices import CITY
from components.model.slides import parse_flag
from components.ui import cache
from components.ui.text import escape_markdown
from components.text.wording import Wording

DOMAIN_KEY = "domain"
YEAR_KEY = "year"
PRESENT_KEY = "present"
STEP_KEY = "step"
PLACE_KEY = "county"
SECTION_KEY = "section"
MAX_SHOWN_VALUE = 40
MAX_NOTICES = 5


def raw_values(key: str) -> list[str]:
    """What the address bar says for ``key`` (read before a bound widget cleans it)."""
    return st.query_params.get_all(key)


def ids_by_label(table: pd.DataFrame, stem: str = "label") -> dict[str, str]:
    """Every row's name in every language, to its id: a link made in Chinese works in English."""
    return {label: row["id"] for _, row in table.iterrows() for label in (row[f"{stem}_zh"], row[f"{stem}_en"])}


def link_names(dataset: Dataset, signature: str) -> dict[str, dict[str, str]]:
    """For each bound key naming rows of a table: every name its box can offer, in both languages,
    to its id (places on the map, and sections that hold a practice)."""
    def build():
        places = dataset.places[dataset.places["kind"] != CITY]
        sections = dataset.sections[dataset.sections["id"].isin(dataset.practices["section"])]
        return {DOMAIN_KEY: ids_by_label(dataset.domains), PLACE_KEY: ids_by_label(places, "name"),
                SECTION_KEY: ids_by_label(sections)}
    return cache.shared("names", (), signature, build)


def bad_link_values(dataset: Dataset, words: Wording, signature: str) -> list[tuple[str, str]]:
    """(parameter, value) pairs in the URL that no widget can accept; the widgets will drop them."""
    names = link_names(dataset, signature)
    checks = {DOMAIN_KEY: names[DOMAIN_KEY].__contains__,
              YEAR_KEY: lambda v: v in map(str, dataset.years),
              PRESENT_KEY: lambda v: parse_flag(v) is not None,
              PLACE_KEY: names[PLACE_KEY].__contains__,
              SECTION_KEY: names[SECTION_KEY].__contains__}
    return [(key, value) for key, valid in checks.items() for value in raw_values(key) if value and not valid(value)]


def show_notices(bad: list[tuple[str, str]], words: Wording) -> None:
    """One visible warning per ignored link value (the rest of the view is kept)."""
    for name, value in bad[:MAX_NOTICES]:
        printable = "".join(char if char.isprintable() else "\ufffd" for char in value)
        shown = printable if len(printable) <= MAX_SHOWN_VALUE else printable[:MAX_SHOWN_VALUE] + "…"
        st.warning(escape_markdown(words.t("notice.bad_param", name=name, value=shown)), icon="⚠️")
    if len(bad) > MAX_NOTICES:
        st.warning(words.t("notice.more_bad_params", count=len(bad) - MAX_NOTICES), icon="⚠️")


def presenting_requested() -> bool:
    """Presenter mode as the toggle will report it: its state this session, else the link's value."""
    if PRESENT_KEY in st.session_state:
        return bool(st.session_state[PRESENT_KEY])
    return any(parse_flag(value) for value in raw_values(PRESENT_KEY))


def render_filters(dataset: Dataset, words: Wording, signature: str) -> View:
    """Year (only with several years) and domains, in the current container; returns the view."""
    domain_ids = dataset.domains["id"].tolist()
    label_of = cache.shared("domain-labels", (words.catalog.language,), signature, lambda: {
        d: words.domain(dataset.domains, d) for d in domain_ids})
    adopt_names_from_other_language(DOMAIN_KEY, link_names(dataset, signature)[DOMAIN_KEY], set(label_of.values()),
                                    multiple=True)
    year = dataset.years[0]
    if len(dataset.years) > 1:
        year = st.selectbox(words.t("sidebar.year"), dataset.years, key=YEAR_KEY, bind="query-params")
    domains = st.multiselect(
        words.t("sidebar.domains"), domain_ids, default=domain_ids, key=DOMAIN_KEY, bind="query-params",
        format_func=label_of.__getitem__, placeholder=words.t("sidebar.domains_placeholder"),
        help=words.t("sidebar.domains_help"),
    )
    return View(year=int(year), domains=tuple(domains))


def adopt_names_from_other_language(key: str, by_label: dict[str, str], current_labels: set[str],
                                    multiple: bool = False) -> None:
    """On a first visit, read ?key= names written in the other language (the widget would drop them)."""
    linked = [value for value in raw_values(key) if value]
    adopted = list(dict.fromkeys(by_label[value] for value in linked if value in by_label))
    if key in st.session_state or not adopted or all(value in current_labels for value in linked):
        return
    st.session_state[key] = adopted if multiple else adopted[0]


def render_present_toggle(words: Wording) -> bool:
    """The presenter-mode switch, bound to ``?present=true``."""
    return st.toggle(words.t("presenter.toggle"), key=PRESENT_KEY, bind="query-params",
                     help=words.t("presenter.toggle_help"))


def _select_all(domain_ids: list[str]) -> None:
    st.session_state[DOMAIN_KEY] = domain_ids


def render_empty_hint(dataset: Dataset, words: Wording) -> None:
    """What the page says when no domain is selected, with a way back to everything."""
    st.info(words.t("empty.hint"), icon="ℹ️")
    st.button(words.t("empty.show_all"), key="show_all_domains", on_click=_select_all,
              args=(dataset.domains["id"].tolist(),))
