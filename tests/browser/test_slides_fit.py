"""Every slide fits the screen: at 1280x720 in both languages, for all domains and each one alone,
with no place and with each place chosen, and for every review in the library; at 1920x1080 (more
room both ways, type of the same pixel size) for all domains and every review. Nothing ends below
the screen, nothing inside a slide scrolls (tests/support/browser.py, slide_misfits), nothing
scrolls sideways, no exception is shown, no chart label is clipped or overlaps another, and the
type reads from across a room (chart text at least 18 px, the narrative in slide type and at least
20 px: tests/support/browser.py, small_type)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from components.data.loader import load_dataset
from tests.support.browser import READY, label_problems, open_page, slide_misfits, small_type, wait_for_charts
from tests.support.data_files import ROOT

SIZES = {"1280x720": (1280, 720), "1920x1080": (1920, 1080)}
DATA = load_dataset(ROOT / "data")
DOMAINS = ["", *DATA.domains["id"]]
PLACES = list(DATA.places.query("kind != 'city'")["name_zh"])  # the place box offers these, by the name shown


def misfits_of_every_slide(browser, url: str, size: str) -> str:
    """Step through the presentation at ``url`` from slide 1 with the clicker key; each slide's misfits, one a line."""
    width, height = SIZES[size]
    page = open_page(browser, url, width, height)
    indicator = page.locator(".st-key-nav-indicator")
    count = int(re.search(r"/ (\d+)", indicator.inner_text()).group(1))
    found = []
    for step in range(1, count + 1):
        if step > 1:
            page.keyboard.press("PageDown")
            expect(indicator).to_have_text(f"{step} / {count}")
        expect(page.locator(READY)).to_be_attached()
        wait_for_charts(page)
        found += [f"slide {step}: {problem}" for problem in slide_misfits(page)]
        found += [f"slide {step}: labels of {chart}" for chart in label_problems(page)]
        found += [f"slide {step}: {text}" for text in small_type(page)]
        if page.evaluate("document.scrollingElement.scrollWidth") > width:
            found.append(f"slide {step}: scrolls sideways")
        if page.locator("[data-testid=stException]").count():
            found.append(f"slide {step}: shows an exception")
    assert not page.errors
    page.close()
    return "\n".join(found)


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize(("domain", "size"), [("", "1920x1080")] + [(domain, "1280x720") for domain in DOMAINS])
def test_every_slide_fits_for_each_domain(chromium, app_url, domain, language, size):
    query = f"&domain={DATA.domains.set_index('id').at[domain, 'label_zh']}" if domain else ""
    assert misfits_of_every_slide(chromium, f"{app_url}/?present=true&lang={language}{query}", size) == ""


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("place", PLACES)
def test_every_slide_fits_with_each_place_chosen(chromium, app_url, place, language):
    url = f"{app_url}/?present=true&lang={language}&county={place}"
    assert misfits_of_every_slide(chromium, url, "1280x720") == ""


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("review", [*list(DATA.sources), "test-review-2020"])
def test_every_slide_fits_for_every_review(chromium, library_url, review, language, size):
    url = f"{library_url}/?present=true&lang={language}&review={review}"
    assert misfits_of_every_slide(chromium, url, size) == ""
