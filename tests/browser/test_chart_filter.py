"""Click a chart to filter, in Chromium: a click on the SVG bar or marker at its rendered position
filters the page and the link to that figure's domain, a second click brings every domain back, a
slide stays on the chart clicked, and a KPI card's label takes the reader to its chart."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from tests.support.browser import artifact, open_page, wait_for_charts


def click_mark(page, chart: str, marks: str, label: str) -> None:
    """Click the mark (bar or marker) of ``chart`` on the row whose category label (on one line or
    wrapped over two) is ``label``."""
    plot = page.locator(f"{chart} .js-plotly-plot").first
    plot.scroll_into_view_if_needed()
    middle = plot.evaluate(
        """(plot, label) => {
        const tick = [...plot.querySelectorAll('g.ytick text')]
            .find((text) => text.textContent.replace(/\\s/g, '') === label.replace(/\\s/g, ''));
        const box = tick.getBoundingClientRect();
        return box.top + box.height / 2; }""",
        label,
    )
    boxes = [box for box in (mark.bounding_box() for mark in plot.locator(marks).all()) if box]
    box = min(boxes, key=lambda box: abs(box["y"] + box["height"] / 2 - middle))
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def domains_in_link(page) -> list[str]:
    return parse_qs(urlparse(page.url).query).get("domain", [])


def test_clicking_a_bar_filters_the_page_and_a_second_click_clears_it(chromium, app_url):
    page = open_page(chromium, app_url, 1280, 720)
    wait_for_charts(page)
    click_mark(page, ".st-key-chart-changes", "g.trace.bars path", "火灾事故")
    expect(page.locator(".kpi-card")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"domain="))
    assert domains_in_link(page) == ["消防"], "the link reopens the filtered view"
    expect(page.locator(".st-key-chart-crackdown")).to_have_count(0)
    expect(page.locator(".st-key-filtered")).to_contain_text("只显示:消防")
    wait_for_charts(page)
    page.screenshot(path=artifact("click-filtered-fire.png"))
    click_mark(page, ".st-key-chart-changes", "g.trace.bars path", "火灾事故")
    expect(page.locator(".kpi-card")).to_have_count(9)
    expect(page.locator(".st-key-filtered")).to_have_count(0)
    assert len(domains_in_link(page)) in (0, 7)
    page.close()


def test_show_all_domains_clears_a_filter_made_by_a_click(chromium, app_url):
    page = open_page(chromium, f"{app_url}/?lang=en", 1280, 720)
    wait_for_charts(page)
    click_mark(page, ".st-key-chart-index", "g.trace.scatter path.point", "Road traffic accidents")
    expect(page.locator(".kpi-card")).to_have_count(1)
    expect(page.locator(".st-key-filtered")).to_contain_text("Showing only: Road traffic")
    page.get_by_role("button", name="Show all domains").click()
    expect(page.locator(".kpi-card")).to_have_count(9)
    page.close()


def test_on_a_slide_a_click_keeps_the_clicked_chart_on_screen(chromium, app_url):
    page = open_page(chromium, f"{app_url}/?present=true&step=6", 1280, 720)  # the index chart
    wait_for_charts(page)
    click_mark(page, ".st-key-figure-large", "g.trace.scatter path.point", "火灾事故")
    indicator = page.locator(".st-key-nav-indicator")
    expect(indicator).to_have_text(re.compile(r"^3 / \d+$"))  # title, changes, then the index chart
    expect(page.locator(".st-key-chart-index")).to_be_visible()
    assert domains_in_link(page) == ["消防"]
    page.close()


def test_a_kpi_card_takes_the_reader_to_its_chart(chromium, app_url):
    page = open_page(chromium, app_url, 1440, 900)
    wait_for_charts(page)
    page.locator(".kpi-label a", has_text="法院新收案件").click()
    expect(page).to_have_url(re.compile(r"#chart-courts$"))
    page.wait_for_function("""() => {
        const box = document.querySelector('.st-key-chart-courts').getBoundingClientRect();
        return box.top >= 0 && box.top < 200; }""")
    page.close()
