"""The grammar of figures: an invented test set of review sentences (tests/fixtures/ingest_sentences.toml),
tables of single levels and changes, and the 2019 article with its figures.csv rows."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.data.grammar import UNIT_FACTORS, find_figures, read_change, read_level
from tests.support.data_files import DATA, FIXTURES, read_rows

SENTENCES = tomllib.loads((FIXTURES / "ingest_sentences.toml").read_text(encoding="utf-8"))["sentences"]
ARTICLE = (DATA / "articles" / "lishui-daily-2020-03-10.txt").read_text(encoding="utf-8")
CHECKED = ("value", "unit", "approximate", "change", "change_unit")  # plus kind and previous where given


def _sentence_params():
    for number, sentence in enumerate(SENTENCES, 1):
        marks = [pytest.mark.xfail(reason=sentence["xfail"], strict=True)] if "xfail" in sentence else []
        yield pytest.param(sentence, id=f"{number:03d}-{'+'.join(sentence['tags'])}", marks=marks)


def _expected(figure: dict) -> dict:
    """An expected figure's checked fields (a left-out value or change is None)."""
    fields = {name: figure.get(name) for name in CHECKED}
    fields.update({name: figure[name] for name in ("kind", "previous") if name in figure})
    return fields


def _found(reading, expected: dict) -> dict:
    """The same fields of a reading, numbers rounded so that 0.1 + 0.2 compares as 0.3."""
    fields = {name: getattr(reading, name) for name in expected}
    return {name: round(value, 9) if isinstance(value, float) else value for name, value in fields.items()}


@pytest.mark.parametrize("sentence", list(_sentence_params()))
def test_each_sentence_gives_exactly_its_figures(sentence):
    readings = find_figures(sentence["text"])
    assert [reading.text for reading in readings] == [figure["text"] for figure in sentence["figures"]]
    for reading, figure in zip(readings, sentence["figures"]):
        expected = _expected(figure)
        assert _found(reading, expected) == expected, figure["text"]
        assert sentence["text"][reading.start : reading.end] == reading.text


def test_most_subjects_are_right():
    """Subjects are best effort: at least nine in ten of the set's figures name theirs as expected."""
    pairs = [
        (reading.subject, figure["subject"])
        for sentence in SENTENCES
        if "xfail" not in sentence
        for reading, figure in zip(find_figures(sentence["text"]), sentence["figures"])
    ]
    right = sum(found == expected for found, expected in pairs)
    assert right / len(pairs) >= 0.9, [pair for pair in pairs if pair[0] != pair[1]]


LEVELS = [
    # (text, value in base units, base unit, unit as written, approximate)
    ("611起", 611, "起", "起", False),
    ("27个", 27, "个", "个", False),
    ("79362件", 79362, "件", "件", False),
    ("79,362件", 79362, "件", "件", False),
    ("24.1万起", 241_000, "起", "万起", False),
    ("1.2万人次", 12_000, "人次", "万人次", False),
    ("5.58亿元", 558_000_000, "元", "亿元", False),
    ("300万元", 3_000_000, "元", "万元", False),
    ("98.2%", 98.2, "%", "%", False),
    ("97.87", 97.87, "", "", False),
    ("60余起", 60, "起", "起", True),
    ("51万余元", 510_000, "元", "万元", True),
    ("约435起", 435, "起", "起", True),
    ("3000多名", 3000, "名", "名", True),
    ("三起", 3, "起", "起", False),
    ("十二名", 12, "名", "名", False),
    ("一百零五件", 105, "件", "件", False),
    ("百分之十三点八", 13.8, "%", "%", False),
    ("两成", 20, "%", "成", False),
    ("１３．８％", 13.8, "%", "%", False),  # noqa: RUF001 - full-width digits, as an article may print them
    ("5.58億元", 558_000_000, "元", "亿元", False),
    ("4,500萬元", 45_000_000, "元", "万元", False),
    ("8個", 8, "个", "个", False),
    ("近千名", 1000, "名", "名", True),
    ("约有1.5万名", 15_000, "名", "万名", True),
]


@pytest.mark.parametrize(
    ("text", "value", "unit", "written_unit", "approximate"), LEVELS, ids=[row[0] for row in LEVELS]
)
def test_read_level(text, value, unit, written_unit, approximate):
    reading = read_level(text)
    assert reading is not None and reading.kind == "level" and reading.change is None
    assert (reading.value, reading.unit, reading.written_unit, reading.approximate) == (
        pytest.approx(value),
        unit,
        written_unit,
        approximate,
    )
    assert (reading.text, reading.start, reading.end) == (text, 0, len(text))


NOT_LEVELS = [
    "",
    "起",
    "abc",
    "下降13.8%",
    "2019年",
    "3月10日",
    "2020-03-10",
    "近8年",
    "全省第一",
    "一起",
    "第一",
    "611起,同比增长40.46%",
    "27个和10个",
    "2.1个百分点",
    "611起612起",
    "1.5倍",
]


@pytest.mark.parametrize("text", NOT_LEVELS)
def test_read_level_refuses_anything_but_one_level(text):
    assert read_level(text) is None


CHANGES = [
    # (text, signed change, change unit)
    ("下降13.8%", -13.8, "%"),
    ("减少10.37%", -10.37, "%"),
    ("增长40.46%", 40.46, "%"),
    ("增长451%", 451, "%"),
    ("上升2.1个百分点", 2.1, "个百分点"),
    ("下降了13.8%", -13.8, "%"),
    ("提升了1.3个百分点", 1.3, "个百分点"),
    ("提高2.1个百分点", 2.1, "个百分点"),
    ("增加5.2%", 5.2, "%"),
    ("降幅34.3%", -34.3, "%"),
    ("降幅为34.3%", -34.3, "%"),
    ("升幅23.6个百分点", 23.6, "个百分点"),
    ("增幅23.6%", 23.6, "%"),
    ("下降百分之十三点八", -13.8, "%"),
    ("下降两成", -20, "%"),
    ("下降１３．８％", -13.8, "%"),  # noqa: RUF001 - full-width digits, as an article may print them
    ("減少5.2%", -5.2, "%"),
    ("上昇2.1個百分點", 2.1, "个百分点"),
    ("增長8.2%", 8.2, "%"),
    ("减少12起", -12, "起"),
    ("下降0%", 0, "%"),
    ("增长1.5倍", 150, "%"),
]


@pytest.mark.parametrize(("text", "change", "change_unit"), CHANGES, ids=[row[0] for row in CHANGES])
def test_read_change(text, change, change_unit):
    reading = read_change(text)
    assert reading is not None and reading.kind == "change" and reading.value is None
    assert (reading.change, reading.change_unit) == (pytest.approx(change), change_unit)
    assert (reading.text, reading.start, reading.end) == (text, 0, len(text))


NOT_CHANGES = [
    "",
    "13.8%",
    "611起",
    "同比上升",
    "下降",
    "下降至15.8万起",
    "上升至98.62%",
    "-13.8%",
    "下降13.8%和8.3%",
    "同比下降13.8%",
    "611起,同比增长40.46%",
]


@pytest.mark.parametrize("text", NOT_CHANGES)
def test_read_change_refuses_anything_but_one_change(text):
    assert read_change(text) is None


def test_a_change_in_percent_is_never_one_in_points():
    readings = find_figures("刑事案件增幅23.6%,破案率升幅23.6个百分点。")
    assert [(reading.change, reading.change_unit) for reading in readings] == [(23.6, "%"), (23.6, "个百分点")]


def test_offsets_are_in_the_original_text_when_normalising_changes_its_length():
    text = "全程12㎞,破获案件６１１起"  # ㎞ becomes "km": two characters for one
    [reading] = find_figures(text)
    assert (reading.text, reading.value) == ("６１１起", 611)
    assert text[reading.start : reading.end] == reading.text


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(
    st.text(
        alphabet=st.sampled_from("0123456789.,%万亿元起个下降增长了约余第年月日从至、和１％億減") | st.characters(),
        max_size=40,
    )
)
def test_any_text_reads_without_error_and_each_reading_is_its_slice(text):
    for reading in find_figures(text):
        assert 0 <= reading.start < reading.end <= len(text)
        assert text[reading.start : reading.end] == reading.text


# --- the 2019 article ------------------------------------------------------------------------------


def _within(reading, quote: str) -> bool:
    start = ARTICLE.index(quote)
    return start <= reading.start and reading.end <= start + len(quote)


@pytest.mark.parametrize("row", read_rows(DATA / "figures.csv"), ids=lambda row: row["metric"])
def test_every_figure_of_the_2019_article_is_read_where_its_quote_stands(row):
    readings = [reading for reading in find_figures(ARTICLE) if _within(reading, row["source_quote"])]
    if row["value_text"]:
        base = float(row["value"]) * UNIT_FACTORS[row["unit"]][1]
        assert any(row["value_text"] in reading.text and reading.value == pytest.approx(base) for reading in readings)
    if row["yoy_text"]:
        assert any(
            row["yoy_text"] in reading.text
            and reading.change == pytest.approx(float(row["yoy_pct"]))
            and reading.change_unit == "%"
            for reading in readings
        )


def test_no_figure_is_read_from_the_2019_article_title_dates_or_byline():
    lines = ARTICLE.splitlines(keepends=True)
    starts = [sum(map(len, lines[:number])) for number in range(len(lines))]
    headers = [(start, start + len(line)) for start, line in zip(starts, lines) if _header_line(line)]
    assert len(headers) == 3  # the title, the source and date line, the byline
    for reading in find_figures(ARTICLE):
        assert not any(start <= reading.start < end for start, end in headers), reading


def _header_line(line: str) -> bool:
    """The lines that must give no figure: the title and the lines naming the source."""
    return line.startswith(("来源:", "步履铿锵铸平安"))


def test_the_2019_article_gives_its_eleven_figures_and_nothing_else():
    assert [reading.text for reading in find_figures(ARTICLE)] == [
        "下降13.8%",
        "下降21.5%",
        "下降12.27%",
        "下降17.7%",
        "近8年",
        "98.2%",
        "27个",
        "10个",
        "611起,同比增长40.46%",
        "5.58亿元,同比增长451%",
        "79362件,同比减少10.37%",
    ]
