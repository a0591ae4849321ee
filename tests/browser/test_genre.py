"""A review written as real ones are, stored from its draft with only ``better`` and domains typed, in
Chromium: every chart drawn in both languages at a projector's and a phone's size, no label clipped or
overlapping, nothing scrolling sideways, and no line break inside a number of any chart's text."""

from __future__ import annotations

import itertools
import re

import pytest

from components.data.loader import load_dataset
from tests.support.browser import artifact, open_fitting_page, running_app
from tests.support.genre import complete_as_a_maintainer, ingest_draft

SLUG = "city-police-2023"
SIZES = {"1280x720": (1280, 720), "390x844": (390, 844)}
BROKEN_NUMBER = re.compile(r"[0-9][,.]?$")  # a text line of a chart that ends inside a number …
NUMBER_START = re.compile(r"^[0-9%]")  # … and a next line that goes on with it


@pytest.fixture(scope="module")
def genre_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("genre") / "draft"
    assert ingest_draft(SLUG, folder).returncode == 0
    complete_as_a_maintainer(SLUG, folder)
    with running_app(env={"DASHBOARD_DATA_DIR": str(folder)}) as url:
        yield url, len(load_dataset(folder).charts)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_chart_is_drawn_and_no_number_is_broken(chromium, genre_url, language, size):
    url, declared = genre_url
    width, height = SIZES[size]
    page = open_fitting_page(chromium, f"{url}/?lang={language}", width, height)
    assert page.locator(".js-plotly-plot .main-svg").count() >= declared
    lines = page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot text')]
        .map((text) => [...text.querySelectorAll('tspan.line')].map((line) => line.textContent))
        .filter((spans) => spans.length > 1)""")
    broken = [
        pair
        for spans in lines
        for pair in itertools.pairwise(spans)
        if BROKEN_NUMBER.search(pair[0]) and NUMBER_START.search(pair[1])
    ]
    assert broken == []
    page.screenshot(path=artifact(f"genre-{SLUG}-{language}-{size}.png"), full_page=True)
    assert not page.errors
    page.close()
