"""Shared results keyed by what they draw: a chart's figure, words and table are built once for
every view that gives the chart the same rows, and are the same as built for the view itself."""

from __future__ import annotations

import json

from components import results
from components.charts.registry import build_chart
from components.context import PageContext
from components.exports.pack import chart_context
from components.model.figures import View
from components.model.practices import PracticeView
from components.text.wording import wording
from tests.support.data_files import ROOT

ALL = ("public_order", "road_traffic", "fire", "work_safety", "anti_gang", "disputes", "sense_of_security")


def view(*without: str, language: str = "zh", presenting: bool = False) -> PageContext:
    lib = results.library(ROOT / "data")
    return PageContext(
        lib,
        View(lib.data.reviews[0], tuple(d for d in ALL if d not in without)),
        wording(language),
        presenting=presenting,
    )


def test_views_giving_a_chart_the_same_rows_share_its_results():
    everything, without_fire = view(), view("fire")
    for build in (results.chart, results.narrative, results.chart_data_html):
        assert build(without_fire, "security") is build(everything, "security")  # fire is not in that chart
        assert build(without_fire, "changes") is not build(everything, "changes")
    for other in (view(language="en"), view(presenting=True)):
        assert results.chart(other, "security") is not results.chart(everything, "security")
        assert results.narrative(other, "security") != results.narrative(everything, "security")


def test_a_shared_chart_is_the_chart_of_the_view_itself():
    for ctx in (view("fire"), view("fire", "public_order"), view("sense_of_security")):
        for chart, rows in results.view_rows(ctx).charts:
            own = build_chart(chart, rows, chart_context(ctx.source, ctx.words, ctx.presenting))
            assert json.loads(results.chart(ctx, chart.id).to_json()) == json.loads(own.to_json()), chart.id


def test_every_chart_a_view_draws_has_its_slot_in_page_order():
    """The page draws a view's charts in the slots of the review's charts (page.keep_place), so a
    chart missing from those would not be drawn at all."""
    slots = results.review_chart_ids(results.library(ROOT / "data"), view().view.review)
    assert slots == ("changes", "security", "crackdown", "courts", "index")
    for ctx in [view(*(d for d in ALL if d != kept)) for kept in ALL] + [view(removed) for removed in ALL]:
        drawn = [chart.id for chart, _ in results.view_rows(ctx).charts]
        assert drawn == [chart_id for chart_id in slots if chart_id in drawn], ctx.view.domains


def test_views_showing_the_same_practices_share_the_map_and_the_lists():
    everything, without_fire, without_disputes = view(), view("fire"), view("disputes")
    builds = (
        lambda ctx: results.practice_map(ctx, PracticeView(ctx.view), ""),
        lambda ctx: results.practice_lists(ctx, PracticeView(ctx.view), "", "quotes"),
        lambda ctx: results.citywide_practices(ctx, PracticeView(ctx.view)),
    )
    for build in builds:
        assert build(without_fire) is build(everything)  # fire's one practice is shown for another domain
        assert build(without_disputes) is not build(everything)
    assert results.practice_map(everything, PracticeView(everything.view), "liandu") is not builds[0](everything)
    section = PracticeView(everything.view, str(everything.data.practices["section"].iloc[0]))
    assert results.practice_lists(everything, section, "", "quotes") != builds[1](everything)
