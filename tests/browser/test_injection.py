"""Markup and script in the data, its translations and the article, in a real browser: with every
fold a reader can open opened, no dialog fires, no element is injected, and the text shows as written."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from components.data.loader import DATA_DIR_ENV
from tests.support.browser import open_page, running_app, wait_for_charts
from tests.support.data_files import DATA
from tests.support.hostile import inject_markup


@pytest.fixture(scope="module")
def injected_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("injected") / "data"
    shutil.copytree(DATA, folder)
    inject_markup(folder)
    with running_app({DATA_DIR_ENV: str(folder)}) as url:
        yield url


@pytest.mark.parametrize("language", ["zh", "en"])
def test_markup_in_the_data_runs_nothing_and_shows_as_text(chromium, injected_url, language):
    page = open_page(chromium, f"{injected_url}/?lang={language}", 1280, 720)
    wait_for_charts(page)
    expect(page.locator(".kpi-cards")).to_be_visible()
    page.locator("[data-testid=stExpander] summary").click()  # the full article, drawn when opened
    expect(page.locator("[data-testid=stExpander] .narrative.article").first).to_be_visible()
    folds = "details.kpi-source > summary, details.folded > summary, details.original > summary"
    for summary in page.locator(folds).all():  # KPI sentences, chart data, map sources, Chinese originals
        summary.click()
    expect(page.get_by_text("<b id=injected>b</b>").first).to_be_visible()  # shown as written
    page.wait_for_load_state("networkidle")  # every image tried, so an injected onerror would have fired
    assert page.locator("#injected, img[src=x], a[href^='javascript:']").count() == 0
    assert page.locator("[data-testid=stException]").count() == 0
    assert not page.errors  # no script error and no dialog
    page.close()
