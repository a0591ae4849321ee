"""Click a chart to filter, through the selection state: a click on a mark filters the page to its
domain, a second click (or "Show all domains") clears it, the page follows, and a slide stays on
the clicked chart."""

from __future__ import annotations

import json

import pytest

from components.ui import chart_filter
from components.ui.chart_filter import FOLLOW_KEY, ClickFilter, apply_click
from components.ui.filters import DOMAIN_KEY
from tests.support.app_text import block, chart_titles, kpi_cards, run_app

ALL = ("public_order", "road_traffic", "fire", "work_safety", "anti_gang", "disputes", "sense_of_security")
CLICK = ClickFilter("changes", ALL, "0", "", keep_slide=True)


def clicked(state: dict, customdata) -> dict:
    state["fig"] = {"selection": {"points": [{"x": -12.27, "y": "火灾事故", "customdata": customdata}]}}
    apply_click("fig", CLICK)
    return state


@pytest.fixture
def state(monkeypatch):
    state = {DOMAIN_KEY: list(ALL)}
    monkeypatch.setattr(chart_filter.st, "session_state", state)
    return state


def test_a_click_filters_to_the_marks_domain_and_a_second_clears_it(state):
    assert clicked(state, ["−12.27% 向好", "fire"])[DOMAIN_KEY] == ["fire"]
    assert state[FOLLOW_KEY] == "changes", "presenter mode keeps the clicked chart's slide"
    assert clicked(state, ["−12.27% 向好", "fire"])[DOMAIN_KEY] == list(ALL)


@pytest.mark.parametrize("customdata", [None, "fire", ["−1%", "no_such_domain"]])
def test_a_click_on_a_mark_without_a_domain_changes_nothing(state, customdata):
    assert clicked(state, customdata)[DOMAIN_KEY] == list(ALL) and FOLLOW_KEY not in state


def test_the_changes_and_index_charts_carry_each_marks_domain_and_say_a_click_filters():
    at = run_app()
    charts = [chart for chart in at.get("plotly_chart") if chart.key.startswith("fig-")]  # not the practices map
    selectable = [chart for chart in charts if chart.proto.selection_mode]
    assert len(selectable) == 2, "the changes and index charts, and no other"
    for chart in selectable:
        spec = json.loads(chart.proto.spec)
        domains = {row[-1] for trace in spec["data"] for row in trace.get("customdata", []) if isinstance(row, list)}
        assert domains == set(ALL) - {"sense_of_security"}
    assert [("点击某一项" in chart.proto.alt) for chart in charts] == [
        bool(chart.proto.selection_mode) for chart in charts
    ]


def test_the_page_follows_the_filter_and_offers_the_way_back():
    at = run_app()
    at.multiselect(key=DOMAIN_KEY).set_value(["fire"]).run()  # what a click on the fire bar sets
    assert {card.label for card in kpi_cards(at)} == {"火灾事故"}
    assert [markdown.value.replace("\\", "") for markdown in block(at, "filtered").get("markdown")] == ["只显示:消防"]
    at.button(key="show_all_domains").click().run()
    assert len(kpi_cards(at)) == 9 and len(chart_titles(at)) == 6
    assert at.query_params.get(DOMAIN_KEY) is None or len(at.query_params[DOMAIN_KEY]) == len(ALL)


def test_kpi_cards_link_to_the_chart_that_draws_their_figure():
    cards = {card.label: card.chart for card in kpi_cards(run_app())}
    assert cards["刑事案件"] == "changes" and cards["群众安全感"] == "security" and cards["打掉黑恶团伙"] == "crackdown"
    assert cards["法院新收案件"] == "courts", "the chart drawing the card's figure most closely, not every change"
    anchors = [html.proto.body for html in run_app().get("html") if 'class="section-anchor"' in html.proto.body]
    assert {f'id="chart-{chart}"' for chart in ("changes", "security", "crackdown", "courts", "index")} <= {
        anchor.split()[1] for anchor in anchors
    }


def test_a_click_on_the_page_leaves_no_slide_to_jump_to_later(state):
    state["fig"] = {"selection": {"points": [{"customdata": ["−12.27% 向好", "fire"]}]}}
    apply_click("fig", ClickFilter("changes", ALL, "0", ""))
    assert state[DOMAIN_KEY] == ["fire"] and FOLLOW_KEY not in state, "only a click on a slide keeps its slide"


@pytest.mark.parametrize("query", [{}, {"present": "true"}])
def test_with_no_domain_chosen_the_page_offers_one_way_back(query):
    at = run_app(query)
    at.multiselect(key=DOMAIN_KEY).set_value([]).run()
    assert not at.exception and len(at.button(key="show_all_domains").proto.label) > 0


def test_on_a_slide_a_click_keeps_the_clicked_chart_on_screen():
    at = run_app({"present": "true", "step": "6"})  # the index chart, sixth of nine
    at.session_state[FOLLOW_KEY] = "index"  # what the click's callback leaves, with the filter
    at.multiselect(key=DOMAIN_KEY).set_value(["fire"]).run()
    indicator = [markdown.value for markdown in at.markdown if " / " in markdown.value]
    assert indicator == ["**3 / 6**"], "title, changes, index, practices, city-wide, summary: the index is third"
