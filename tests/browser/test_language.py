"""Language in Chromium: the browser's locale decides, ?lang= overrides, the switch writes the link."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import open_page

TITLES = {"zh": "平安丽水 · 2019年建设成效", "en": "Safe Lishui: 2019 results"}


@pytest.mark.parametrize(
    ("locale", "query", "language"),
    [
        ("en-US", "", "en"),
        ("zh-CN", "", "zh"),
        ("fr-FR", "", "zh"),
        ("en-US", "?lang=zh", "zh"),
        ("zh-CN", "?lang=en", "en"),
    ],
)
def test_locale_decides_and_the_link_overrides(chromium, app_url, locale, query, language):
    page = open_page(chromium, app_url + "/" + query, 1280, 720, locale=locale)
    expect(page.get_by_role("heading", name=TITLES[language])).to_be_visible()
    other = "en" if language == "zh" else "zh"
    expect(page.get_by_role("heading", name=TITLES[other])).to_have_count(0)
    assert not page.errors
    page.close()


def test_switching_language_keeps_the_view_and_writes_the_link(chromium, app_url):
    page = open_page(chromium, app_url + "/?domain=消防", 1280, 720, locale="zh-CN")
    page.locator(".st-key-lang").get_by_text("English").click()
    expect(page.get_by_role("heading", name=TITLES["en"])).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]lang=en\b"))
    labels = page.locator(".kpi-cards .kpi-label")
    expect(labels.filter(has_text="Fire accidents")).to_be_visible()
    expect(labels.filter(has_text="Criminal cases")).to_have_count(0)
    expect(page.locator(".st-key-chart-changes").get_by_text("Source: Lishui Daily, 10 March 2020")).to_be_attached()
    page.reload()
    expect(page.get_by_role("heading", name=TITLES["en"])).to_be_visible()
    page.close()


def test_the_chinese_original_is_one_click_away(chromium, app_url):
    page = open_page(chromium, app_url + "/?lang=en", 1280, 720, locale="en-US")
    section = page.locator(".st-key-chart-courts")
    original = section.locator("details.original")
    expect(original.get_by_text("实现多年来收案件量首次同比下降")).to_be_hidden()
    original.locator("summary").click()
    expect(original.get_by_text("实现多年来收案件量首次同比下降")).to_be_visible()
    page.close()
