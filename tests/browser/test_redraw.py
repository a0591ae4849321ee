"""A filter change redraws only what it changed, in Chromium: a chart whose figure stays the same
keeps the plot the browser drew, and no plot is drawn only to be thrown away. (Streamlit draws a
chart from scratch when its figure or key changes. It did so for every chart when the "showing
only" line appeared above them; and when a section went and the ones after it moved up, their
charts were sometimes drawn again, or drawn in their new place and thrown away, depending on how
fast the run's messages came.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.browser import READY, open_page, wait_for_charts

CHARTS = ("changes", "security", "crackdown", "courts", "index")
MARK_PLOTS = (
    """() => document.querySelectorAll('.js-plotly-plot').forEach((plot) => { plot.dataset.drawnBefore = 'yes'; })"""
)
WATCH_THROWN_AWAY = """() => { window.thrownAway = [];
    new MutationObserver((changes) => changes.forEach((change) => change.removedNodes.forEach((node) => {
        if (node.nodeType !== 1) return;
        const plots = node.matches('.js-plotly-plot') ? [node] : [...node.querySelectorAll('.js-plotly-plot')];
        plots.filter((plot) => plot.dataset.drawnBefore !== 'yes').forEach((plot) => window.thrownAway.push(
            plot.closest('[class*="st-key-fig-"]')?.className.match(/st-key-(fig-[\\w-]+)/)?.[1] ?? 'a plot'));
    }))).observe(document.body, {childList: true, subtree: true}); }"""
KEPT = """(charts) => Object.fromEntries(charts.map((chart) => {
    const plot = document.querySelector(`.st-key-chart-${chart} .js-plotly-plot`);
    return [chart, plot ? plot.dataset.drawnBefore === 'yes' : null]; }))"""


def kept_after_removing(page, domain_label: str) -> tuple[dict[str, bool | None], list[str]]:
    """Remove ``domain_label`` in the sidebar: for each chart, whether its plot is the one drawn
    before (None: the chart is gone); and the plots drawn during the change and removed by it."""
    page.evaluate(MARK_PLOTS)
    page.evaluate(WATCH_THROWN_AWAY)
    cards = page.locator(".kpi-card").count()
    page.locator(f".stSidebar button[aria-label='Remove {domain_label}']").click()
    expect(page.locator(".kpi-card")).not_to_have_count(cards)
    expect(page.locator(READY)).to_be_attached()
    wait_for_charts(page)
    page.wait_for_function("() => !document.querySelector('[data-stale=true]')")
    return page.evaluate(KEPT, list(CHARTS)), page.evaluate("window.thrownAway")


@pytest.mark.parametrize(
    ("domain", "redrawn"),
    [
        ("消防", {"changes", "index"}),  # drawn by the changes and index charts only
        ("群众安全感", set()),  # drawn by its own chart alone, which goes
    ],
)
def test_a_filter_change_redraws_only_the_charts_whose_figures_changed(chromium, app_url, domain, redrawn):
    page = open_page(chromium, app_url, 1280, 720)
    wait_for_charts(page)
    kept, thrown_away = kept_after_removing(page, domain)
    present = {chart for chart, same in kept.items() if same is not None}
    assert {chart for chart in present if not kept[chart]} == redrawn, kept
    assert thrown_away == []
    assert present >= {"changes", "index", "courts"}
    page.close()
