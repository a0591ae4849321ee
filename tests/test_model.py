"""Derived values: implied previous year, index, and whether a change is good news."""

from __future__ import annotations

import pandas as pd
import pytest

from components.data.derived import BAD, GOOD, NEUTRAL, UNCHANGED, outcome
from components.model.figures import View, select
from tests.helpers import REVIEW, dataset, figure_row


@pytest.mark.parametrize("metric, implied", [
    ("cases_solved", 611 / 1.4046),        # ≈ 435.0
    ("assets_seized", 5.58 / 5.51),        # ≈ 1.0127 亿元
    ("court_cases", 79362 / 0.8963),       # ≈ 88,544
])
def test_implied_previous_level_is_value_over_one_plus_change(metric, implied):
    assert figure_row(metric)["implied_previous"] == pytest.approx(implied)


@pytest.mark.parametrize("metric", ["criminal_cases", "sense_of_security", "gangs_broken_up", "syndicates_broken_up"])
def test_no_level_is_invented_where_the_article_gives_none(metric):
    assert pd.isna(figure_row(metric)["implied_previous"])


@pytest.mark.parametrize("metric, index", [
    ("criminal_cases", 86.2), ("road_traffic_accidents", 78.5), ("fire_accidents", 87.73),
    ("work_safety_accidents", 82.3), ("cases_solved", 140.46), ("assets_seized", 551), ("court_cases", 89.63),
])
def test_index_with_previous_year_100(metric, index):
    assert figure_row(metric)["index_value"] == pytest.approx(index)


@pytest.mark.parametrize("change, better, expected", [
    (-13.8, "lower", GOOD), (13.8, "lower", BAD), (40.46, "higher", GOOD), (-5, "higher", BAD),
    (0, "lower", UNCHANGED), (None, "higher", NEUTRAL), (12, "neutral", NEUTRAL),
])
def test_outcome_follows_meaning_not_sign(change, better, expected):
    assert outcome(change, better) == expected


def test_all_reported_changes_of_2019_are_good_news():
    figures = dataset().figures
    assert set(figures.loc[figures["yoy_pct"].notna(), "outcome"]) == {GOOD}


@pytest.mark.parametrize("domains, metrics", [
    (("fire",), {"fire_accidents"}),
    (("anti_gang",), {"gangs_broken_up", "syndicates_broken_up", "cases_solved", "assets_seized"}),
    ((), set()),
])
def test_select_filters_by_domain(domains, metrics):
    assert set(select(dataset().figures, View(REVIEW, domains))["metric"]) == metrics


def test_enrich_does_not_modify_its_input():
    from components.data.loader import load_dataset
    from components.data.derived import enrich
    from tests.conftest import DATA
    raw = load_dataset(DATA).figures
    before = raw.copy()
    enrich(raw)
    pd.testing.assert_frame_equal(raw, before)
