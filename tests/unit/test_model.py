"""Derived values: implied previous year, index, and whether a change is good news."""

from __future__ import annotations

import pandas as pd
import pytest

from components.data.derived import BAD, GOOD, NEUTRAL, UNCHANGED, outcome
from components.model.figures import View, select
from tests.support.helpers import REVIEW, dataset, figure_row


@pytest.mark.parametrize(
    ("metric", "implied"),
    [
        ("cases_solved", 611 / 1.4046),  # ≈ 435.0
        ("assets_seized", 5.58 / 5.51),  # ≈ 1.0127 亿元
        ("court_cases", 79362 / 0.8963),  # ≈ 88,544
    ],
)
def test_implied_previous_level_is_value_over_one_plus_change(metric, implied):
    assert figure_row(metric)["implied_previous"] == pytest.approx(implied)


@pytest.mark.parametrize("metric", ["criminal_cases", "sense_of_security", "gangs_broken_up", "syndicates_broken_up"])
def test_no_level_is_invented_where_the_article_gives_none(metric):
    assert pd.isna(figure_row(metric)["implied_previous"])


@pytest.mark.parametrize(
    ("metric", "index"),
    [
        ("criminal_cases", 86.2),
        ("road_traffic_accidents", 78.5),
        ("fire_accidents", 87.73),
        ("work_safety_accidents", 82.3),
        ("cases_solved", 140.46),
        ("assets_seized", 551),
        ("court_cases", 89.63),
    ],
)
def test_index_with_previous_year_100(metric, index):
    assert figure_row(metric)["index_value"] == pytest.approx(index)


@pytest.mark.parametrize(
    ("change", "better", "expected"),
    [
        (-13.8, "lower", GOOD),
        (13.8, "lower", BAD),
        (40.46, "higher", GOOD),
        (-5, "higher", BAD),
        (0, "lower", UNCHANGED),
        (None, "higher", NEUTRAL),
        (12, "neutral", NEUTRAL),
    ],
)
def test_outcome_follows_meaning_not_sign(change, better, expected):
    assert outcome(change, better) == expected


def test_all_reported_changes_of_2019_are_good_news():
    figures = dataset().figures
    assert set(figures.loc[figures["yoy_pct"].notna(), "outcome"]) == {GOOD}


@pytest.mark.parametrize(
    ("domains", "metrics"),
    [
        (("fire",), {"fire_accidents"}),
        (("anti_gang",), {"gangs_broken_up", "syndicates_broken_up", "cases_solved", "assets_seized"}),
        ((), set()),
    ],
)
def test_select_filters_by_domain(domains, metrics):
    assert set(select(dataset().figures, View(REVIEW, domains))["metric"]) == metrics


def test_enrich_does_not_modify_its_input():
    from components.data.derived import enrich
    from components.data.loader import load_dataset
    from tests.support.data_files import DATA

    raw = load_dataset(DATA).figures
    before = raw.copy()
    enrich(raw)
    pd.testing.assert_frame_equal(raw, before)


def test_a_list_too_long_for_one_slide_is_shared_evenly_over_more():
    from components.model.slides import KPI_CARDS_PER_SLIDE, shares, slide_plan

    assert shares(9, KPI_CARDS_PER_SLIDE) == [range(0, 9)]
    assert shares(14, KPI_CARDS_PER_SLIDE) == [range(0, 7), range(7, 14)], "7 + 7, not 10 + 4"
    assert shares(25, 12) == [range(0, 8), range(8, 17), range(17, 25)]
    plan = slide_plan(14, ["changes"], practices=True, citywide_count=11)
    assert [slide.kind for slide in plan] == ["title", "kpis", "chart", "practices", "citywide", "summary"]
    assert [len(slide.items) for slide in plan if slide.kind in ("title", "kpis", "citywide")] == [7, 7, 11]


@pytest.mark.parametrize(
    ("count", "most", "columns"),
    [
        (9, 5, 5),
        (9, 4, 3),
        (9, 3, 3),
        (8, 5, 4),
        (10, 5, 5),
        (7, 5, 4),
        (7, 4, 4),
        (7, 3, 2),
        (6, 5, 3),
        (11, 5, 4),
        (4, 5, 4),
        (1, 5, 1),
        (0, 5, 1),
    ],
)
def test_kpi_cards_a_row_keep_every_row_full_or_one_short(count, most, columns):
    from components.html.kpis import even_columns

    assert even_columns(count, most) == columns
    rows = [min(columns, count - start) for start in range(0, count, columns)]
    assert not rows or min(rows) >= max(rows) - 1
