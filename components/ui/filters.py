"""Sidebar filters bound to the URL, and notices for link parameters that had to be ignored."""

from __future__ import annotations

from typing import Iterable

import streamlit as st

from components.data import Dataset
from components.model import View
from components.ui.text import escape_markdown
from components.wording import Wording

DOMAIN_KEY = "domain"
YEAR_KEY = "year"
MAX_SHOWN_VALUE = 40
MAX_NOTICES = 3


def _invalid_values(key: str, valid: Iterable[str]) -> list[str]:
    """Raw URL values for ``key`` that are not among ``valid`` (read before the widget cleans them)."""
    allowed = set(valid)
    return [value for value in st.query_params.get_all(key) if value and value not in allowed]


def _show_notices(bad: list[tuple[str, str]], words: Wording) -> None:
    for name, value in bad[:MAX_NOTICES]:
        shown = value if len(value) <= MAX_SHOWN_VALUE else value[:MAX_SHOWN_VALUE] + "…"
        st.warning(escape_markdown(words.t("notice.bad_param", name=name, value=shown)), icon="⚠️")
    if len(bad) > MAX_NOTICES:
        st.warning(words.t("notice.more_bad_params", count=len(bad) - MAX_NOTICES), icon="⚠️")


def _select_all(domain_ids: list[str]) -> None:
    st.session_state[DOMAIN_KEY] = domain_ids


def render_sidebar(dataset: Dataset, words: Wording) -> View:
    """Draw the filters and return the view they select; warn about unusable link parameters."""
    domain_ids = dataset.domains["id"].tolist()
    label_of = dict(zip(domain_ids, (words.domain(dataset.domains, d) for d in domain_ids)))
    years = dataset.years
    bad = [(DOMAIN_KEY, v) for v in _invalid_values(DOMAIN_KEY, label_of.values())]
    bad += [(YEAR_KEY, v) for v in _invalid_values(YEAR_KEY, map(str, years))]
    with st.sidebar:
        st.header(words.t("sidebar.heading"))
        year = years[0]
        if len(years) > 1:
            year = st.selectbox(words.t("sidebar.year"), years, key=YEAR_KEY, bind="query-params")
        domains = st.multiselect(
            words.t("sidebar.domains"), domain_ids, default=domain_ids, key=DOMAIN_KEY, bind="query-params",
            format_func=label_of.__getitem__, placeholder=words.t("sidebar.domains_placeholder"),
            help=words.t("sidebar.domains_help"),
        )
        st.subheader(words.t("sidebar.about_heading"))
        st.caption(words.t("sidebar.about"))
    _show_notices(bad, words)
    return View(year=int(year), domains=tuple(domains))


def render_empty_hint(dataset: Dataset, words: Wording) -> None:
    """What the page says when no domain is selected, with a way back to everything."""
    st.info(words.t("empty.hint"), icon="ℹ️")
    st.button(words.t("empty.show_all"), key="show_all_domains", on_click=_select_all,
              args=(dataset.domains["id"].tolist(),))
