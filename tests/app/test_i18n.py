"""Chinese and English throughout: catalogs match, translations carry the same figures, no stray language."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from components.data.schema import UNITS
from components.text.catalog import load_catalog, placeholders
from components.text.numbers import NumberFormat
from components.ui.language import language_for_locale
from tests.support.app_text import kpi_cards, open_folded, visible_text
from tests.support.data_files import ROOT
from tests.support.helpers import dataset, figure_row, words

APP = str(ROOT / "dashboard.py")
HAN = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
# The language switch names both languages (the map's coordinate sources, citations, are left out by visible_text).
SKIPPED = ("lang",)
ALLOWED_IN_CHINESE = {
    "Language",
    "English",
    "PageUp",
    "PageDown",
    "CSV",
    "MB",
    "UTF",
    "GBK",
    "BOM",
    "PowerPoint",
    "Excel",
    "HTML",
    "ZIP",
}


def test_both_catalogs_have_the_same_keys_and_placeholders():
    zh, en = load_catalog("zh").messages, load_catalog("en").messages
    assert set(zh) == set(en)
    for key in zh:
        assert placeholders(zh[key]) == placeholders(en[key]), key


@pytest.mark.parametrize(
    ("locale", "language"),
    [("en-US", "en"), ("en", "en"), ("zh-CN", "zh"), ("zh-Hant-TW", "zh"), ("fr-FR", "zh"), (None, "zh"), ("", "zh")],
)
def test_browser_locale_decides_with_chinese_as_fallback(locale, language):
    assert language_for_locale(locale) == language


@pytest.mark.parametrize(
    ("metric", "zh", "en"),
    [
        ("assets_seized", "5.58亿元", "CNY 558 million"),
        ("court_cases", "79,362件", "79,362"),
        ("cases_solved", "611起", "611"),
        ("sense_of_security", "98.2%", "98.2%"),
    ],
)
def test_levels_are_written_the_way_each_language_writes_them(metric, zh, en):
    assert words("zh").level(figure_row(metric)) == zh
    assert words("en").level(figure_row(metric)) == en


def test_changes_use_a_true_minus_in_both_languages():
    for language in ("zh", "en"):
        assert words(language).change(figure_row("criminal_cases")) == "\u221213.8%"


@pytest.mark.parametrize("unit", UNITS)
def test_every_allowed_unit_can_be_written_in_english(unit):
    assert not HAN.search(NumberFormat("en").level(12.5, unit, 1))


def test_source_line_in_english():
    source = dataset().sources["lishui-daily-2020-03-10"]
    assert words("en").source_line(source, short=True) == "Source: Lishui Daily, 10 March 2020"
    assert words("zh").source_line(source, short=True) == "来源:丽水日报,2020年3月10日"


NUMBER = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿|万|million|billion|thousand)?(?!\d)(?!st|nd|rd|th)")
SCALE = {"亿": 1e8, "万": 1e4, "million": 1e6, "billion": 1e9, "thousand": 1e3, "": 1}


def numbers_in(text: str) -> set[float]:
    """Every number in a text, with 亿 / million and the like applied, so 5.58亿 == 558 million."""
    return {round(float(value.replace(",", "")) * SCALE[scale], 6) for value, scale in NUMBER.findall(text)}


@pytest.mark.parametrize("passage", dataset().passages.to_dict("records"), ids=lambda p: p["id"])
def test_each_translated_passage_carries_the_same_figures(passage):
    assert numbers_in(passage["text"]) == numbers_in(passage["text_en"])
    for _, figure in dataset().figures.iterrows():
        for column in ("value_text", "yoy_text", "context_text"):
            if figure[column] and figure[column] in passage["text"]:
                assert figure[f"{column}_en"] in passage["text_en"], (figure["id"], column)


def _run(query: dict, opened: bool = False) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query)
    at.run()
    assert not at.exception
    return open_folded(at) if opened else at


@pytest.mark.parametrize(
    "query",
    [
        {"lang": "en"},
        {"lang": "en", "present": "true"},
        *({"lang": "en", "present": "true", "step": str(step)} for step in range(2, 10)),
    ],
)
def test_english_pages_show_no_chinese_outside_marked_originals(query):
    at = _run(query, opened=True)
    assert (
        at.title
        or at.get("plotly_chart")
        or at.header
        or any('class="narrative practices' in html.proto.body for html in at.get("html"))
    ), "the slide draws something"
    stray = [text for text in visible_text(at, skip_keys=SKIPPED) if HAN.search(text)]
    assert stray == []


@pytest.mark.parametrize(
    "query",
    [
        {"lang": "zh"},
        {"lang": "zh", "present": "true"},
        *({"lang": "zh", "present": "true", "step": str(step)} for step in range(2, 10)),
    ],
)
def test_chinese_pages_leave_no_english_ui_words(query):
    at = _run(query, opened=True)
    words_found = {word for text in visible_text(at, skip_keys=SKIPPED) for word in ENGLISH_WORD.findall(text)}
    assert words_found - ALLOWED_IN_CHINESE == set()


def test_english_narrative_is_labelled_and_keeps_the_original_one_click_away():
    at = _run({"lang": "en"})
    bodies = [el.proto.body for el in at.get("html") if 'class="narrative"' in el.proto.body]
    assert bodies and all("Unofficial translation" in body for body in bodies)
    assert all(
        '<details class="original" lang="zh-Hans"><summary>Chinese original</summary>' in body for body in bodies
    )
    assert '<mark class="figure-mark">CNY 558 million</mark>' in "".join(bodies)
    assert '<mark class="figure-mark">5.58亿元</mark>' in "".join(bodies)


def test_english_data_error_page(data_copy, monkeypatch):
    (data_copy / "domains.csv").unlink()
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_copy))
    at = _run({"lang": "en"})
    assert at.title[0].value == "The data cannot be shown"
    assert at.table[0].value.iloc[0].tolist() == ["domains.csv", "this file is missing"]


def test_a_link_in_one_language_opens_in_the_other():
    at = _run({"lang": "en", "domain": ["消防"]})
    assert {m.label for m in kpi_cards(at)} == {"Fire accidents"}
    assert not at.warning


def test_bad_lang_is_ignored_with_a_notice():
    at = _run({"lang": "xx"})
    assert any("lang" in w.value for w in at.warning)
    assert at.title[0].value == "平安丽水 · 2019年建设成效"
