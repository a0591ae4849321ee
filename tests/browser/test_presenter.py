"""Presenter mode in Chromium: slides, clicker and arrow keys, URL-bound step (legible type is
checked on every slide by tests/browser/test_slides_fit.py)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.support.browser import READY, open_page

SLIDES = 9  # title, five charts, practices, city-wide practices, summary


def indicator(page):
    return page.locator(".st-key-nav-indicator")


def press(page, key: str, expected_step: int) -> None:
    expect(page.locator(READY)).to_be_attached()
    expect(page.locator(".st-key-nav-pages button").first).to_be_visible()
    page.keyboard.press(key)
    expect(indicator(page)).to_have_text(f"{expected_step} / {SLIDES}")
    expect(page.locator(READY)).to_be_attached()


def test_title_slide_has_no_sidebar_and_shows_the_kpis(chromium, app_url):
    page = open_page(chromium, f"{app_url}/?present=true", 1280, 720)
    expect(indicator(page)).to_have_text(f"1 / {SLIDES}")
    expect(page.locator(".kpi-cards")).to_be_visible()
    expect(page.locator("[data-testid=stSidebar]")).to_have_count(0)
    expect(page.locator(".stAppHeader")).to_be_hidden()
    assert not page.errors
    page.close()


def test_clicker_and_arrow_keys_move_and_the_url_follows(chromium, app_url):
    page = open_page(chromium, f"{app_url}/?present=true", 1280, 720)
    press(page, "PageDown", 2)
    expect(page.locator(".st-key-chart-changes")).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]step=2\b"))
    press(page, "ArrowRight", 3)
    expect(page.locator(".st-key-chart-security")).to_be_visible()
    press(page, "ArrowLeft", 2)
    press(page, "PageUp", 1)
    press(page, "PageUp", 1)  # the first slide stays the first
    expect(page).not_to_have_url(re.compile(r"[?&]step=(?!1\b)"))
    press(page, "PageDown", 2)
    expect(page).to_have_url(re.compile(r"[?&]step=2\b"))
    page.reload()
    expect(page.locator(READY)).to_be_attached()
    expect(indicator(page)).to_have_text(f"2 / {SLIDES}"), "a reload resumes on the same slide"
    assert not page.errors
    page.close()


def test_step_in_the_link_opens_that_slide_and_the_last_slide_stays(chromium, app_url):
    page = open_page(chromium, f"{app_url}/?present=true&step={SLIDES}", 1280, 720)
    expect(indicator(page)).to_have_text(f"{SLIDES} / {SLIDES}")
    expect(page.get_by_text("来源:丽水日报《步履铿锵铸平安——2019年全市平安丽水建设工作综述》").first).to_be_visible()
    press(page, "PageDown", SLIDES)
    press(page, "ArrowRight", SLIDES)
    expect(page).to_have_url(re.compile(rf"[?&]step={SLIDES}\b"))
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    page.close()


@pytest.mark.parametrize("step", ["0", "99", "abc", "<script>alert(1)</script>"])
def test_a_bad_step_is_ignored_with_a_notice(chromium, app_url, step):
    page = open_page(chromium, f"{app_url}/?present=true&step={step}", 1280, 720)
    expect(page.get_by_text("链接中的参数 step").first).to_be_visible()
    expect(indicator(page)).to_have_text(re.compile(rf"^\d+ / {SLIDES}$"))
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    assert not page.errors, "no script ran and nothing broke"
    page.close()


def test_turning_presenter_mode_on_keeps_the_filter(chromium, app_url):
    page = open_page(chromium, f"{app_url}/?domain=消防", 1280, 720)
    page.locator(".st-key-present label").click()
    expect(indicator(page)).to_have_text("1 / 6")  # title, changes, index, practices, city-wide, summary
    expect(page).to_have_url(re.compile(r"present=true"))
    assert parse_qs(urlparse(page.url).query)["domain"] == ["消防"]
    press_to = page.locator(".st-key-next-slide button")
    press_to.click()
    expect(indicator(page)).to_have_text("2 / 6")
    expect(page.locator(".st-key-chart-changes")).to_be_visible()
    expect(page.locator(".st-key-chart-crackdown")).to_have_count(0)
    page.close()
