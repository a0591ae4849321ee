"""A library of two reviews in Chromium: the review picker, compare years on the page and on its
slide, and the second review's own charts, at a projector's and a phone's size in both languages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import artifact, open_fitting_page, open_page, wait_for_charts

SIZES = {"1280x720": (1280, 720), "1920x1080": (1920, 1080), "390x844": (390, 844)}
COMPARE_SLIDE = 8  # title, six charts of the 2020 review, compare years, summary
VIEWS = {
    "page": "/",
    "page-en": "/?lang=en",
    "compare-slide": f"/?present=true&step={COMPARE_SLIDE}",
    "compare-slide-en": f"/?lang=en&present=true&step={COMPARE_SLIDE}",
    "fraud-slide-en": "/?lang=en&present=true&step=6",
}


# A slide at 1280x720 and 1920x1080 is checked, as every slide of every review is, by
# tests/browser/test_slides_fit.py; here the library's slides are checked on a phone.
@pytest.mark.parametrize(
    ("view", "size"), [(view, size) for view in VIEWS for size in SIZES if size == "390x844" or "slide" not in view]
)
def test_library_views_fit(chromium, library_url, view, size):
    width, height = SIZES[size]
    page = open_fitting_page(chromium, library_url + VIEWS[view], width, height)
    page.screenshot(path=artifact(f"library-{view}-{size}.png"), full_page=True)
    assert not page.errors
    page.close()


def test_the_review_picker_switches_review_and_link(chromium, library_url):
    page = open_page(chromium, library_url + "/?year=2019", 1280, 720)
    wait_for_charts(page)
    expect(page.locator("h1").first).to_contain_text("2019")
    page.get_by_role("combobox", name="综述").click()
    page.get_by_role("option", name="丽水市 2020年 · 测试日报").click()
    expect(page.locator("h1").first).to_contain_text("2020")
    expect(page).to_have_url(re.compile(r"[?&]review=test-review-2020"))
    assert "year=" not in page.url, "the old ?year= gives way to the review it opened"
    expect(page.locator(".st-key-compare")).to_be_visible()
    page.close()
