"""Numbers are written one way everywhere: grouping, the article's precision, a true minus sign."""

from __future__ import annotations

import pytest

from components.data.derived import decimals_in
from components.text.numbers import MINUS, NumberFormat
from tests.support.helpers import figure_row, words


@pytest.mark.parametrize(
    ("text", "decimals"), [("5.58亿元", 2), ("79362件", 0), ("下降12.27%", 2), ("98.2%", 1), ("", 0)]
)
def test_decimals_follow_the_article(text, decimals):
    assert decimals_in(text) == decimals


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (79362, 0, "79,362"),
        (5.58, 2, "5.58"),
        (435.0, 0, "435"),
        (-21.5, 1, f"{MINUS}21.5"),
        (-0.01, 1, "0.0"),
    ],
)
def test_number(value, decimals, expected):
    assert NumberFormat("zh").number(value, decimals) == expected


@pytest.mark.parametrize(
    ("pct", "decimals", "expected"),
    [
        (-13.8, 1, f"{MINUS}13.8%"),
        (40.46, 2, "+40.46%"),
        (451, 0, "+451%"),
        (0, 1, "0.0%"),
    ],
)
def test_change(pct, decimals, expected):
    assert NumberFormat("zh").change(pct, decimals) == expected


@pytest.mark.parametrize(
    ("metric", "level", "change"),
    [
        ("assets_seized", "5.58亿元", "+451%"),
        ("court_cases", "79,362件", f"{MINUS}10.37%"),
        ("cases_solved", "611起", "+40.46%"),
    ],
)
def test_figures_are_written_as_in_the_article(metric, level, change):
    row = figure_row(metric)
    assert words().level(row) == level
    assert words().change(row) == change


@pytest.mark.parametrize(
    ("metric", "previous"),
    [("cases_solved", "约435起"), ("assets_seized", "约1.01亿元"), ("court_cases", "约88,544件")],
)
def test_derived_levels_are_marked_approximate(metric, previous):
    assert words().implied_previous(figure_row(metric)) == previous
