"""The dashboard in a real browser at the sizes its users have: every chart draws, nothing overflows."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.browser import READY, artifact

SIZES = {"desktop": (1920, 1080), "phone": (390, 844)}


@pytest.mark.parametrize("size", SIZES)
def test_default_page_draws_every_chart(chromium, app_url, size):
    width, height = SIZES[size]
    page = chromium.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(app_url)
    expect(page.locator(READY)).to_be_attached(timeout=60_000)
    charts = page.locator(".js-plotly-plot .main-svg:first-child")
    expect(charts).to_have_count(6, timeout=30_000)
    for chart_id in ("changes", "security", "crackdown", "courts", "index"):
        expect(page.locator(f".st-key-chart-{chart_id} .js-plotly-plot")).to_be_attached()
    expect(page.locator(".st-key-practices .js-plotly-plot")).to_be_attached()
    expect(page.get_by_text("来源:丽水日报,2020年3月10日").first).to_be_attached()
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "no horizontal scrolling"
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    page.set_viewport_size({"width": width, "height": 6000})
    page.screenshot(path=artifact(f"core-{size}.png"))
    assert not errors
    page.close()
