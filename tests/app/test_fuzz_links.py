"""Hostile links: random unicode, huge values, repeated keys and markup in every URL parameter.
The page never raises, says which values it ignored, and keeps the rest of the link's view.

(Streamlit itself ignores a whole query string over 524,288 characters or 1,000 parameters, so a
value here has at most 1,000 characters and a key comes at most 200 times. Behind nginx a link over
8 KB is refused before it reaches the page.)"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from tests.support.app_text import kpi_cards
from tests.support.data_files import ROOT

KEYS = ["domain", "year", "lang", "present", "step", "county", "section"]
MARKUP = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "[x](javascript:alert(1))", "**bold**"]
ODD = [
    "",
    " ",
    "\x00",
    "%00",
    "../../etc/passwd",
    "NaN",
    "-1",
    "0",
    "99999999999999999999",
    "1e309",
    "消防 ",
    "ＦＩＲＥ",  # noqa: RUF001 - full-width letters, as an input method types them
]
VALID = ["消防", "Fire safety", "2019", "true", "false", "3", "jinyun", "缙云县", "en", "zh"]
FIRE = {"火灾事故", "Fire accidents"}

values = st.one_of(
    st.text(max_size=40),
    st.sampled_from(MARKUP + ODD + VALID),
    st.text(min_size=1, max_size=2).map(lambda text: text * 500),
)  # up to 1,000 characters
links = st.dictionaries(
    st.sampled_from([*KEYS, "utm_source", "<b>"]),
    st.lists(values, min_size=1, max_size=4) | st.just(["<script>alert(1)</script>"] * 200),
    max_size=5,
)


def _flag(values: list[str]) -> bool:
    """Presenter mode, as the page reads the link (components/ui/filters.py: presenting_requested)."""
    return any(value.strip().lower() == "true" for value in values)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None, derandomize=True
)  # the same links on every run (to explore others: False, and --hypothesis-seed)
@given(link=links)
@example(link={"domain": [MARKUP[0]], "county": [MARKUP[1]], "section": ["x" * 1_000], "step": ["-1"]})
@example(link={"present": ["true"], "step": ["99999999999999999999"], "lang": [MARKUP[2]]})
def test_any_link_draws_a_page_with_notices_and_keeps_the_rest(link):
    query = {**link, "domain": ["消防", *link.get("domain", [])]}  # one usable value, kept whatever else is there
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params.update(query)
    at.run()
    assert not at.exception, at.exception
    marked = any(
        value in MARKUP for key in ("domain", "year", "lang", "county", "section") for value in link.get(key, [])
    )
    if marked:
        assert at.warning, "an ignored value is said so"
    if not _flag(query.get("present", [])):
        assert {card.label for card in kpi_cards(at)} <= FIRE and kpi_cards(at), "the usable domain is kept"
