"""The practices map in Chromium: a click on a tile (or a tap) shows that place's practices and goes into the link."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from tests.support.browser import READY, artifact, open_page

TILE_ORDER = [
    "liandu",
    "longquan",
    "qingtian",
    "jinyun",
    "suichang",
    "songyang",
    "yunhe",
    "qingyuan",
    "jingning",
    "devzone",
]  # places.csv order: the order of the map's click targets


def _tiles(page):
    targets = page.locator(".st-key-practices .js-plotly-plot .scatterlayer path.point")
    expect(targets).to_have_count(len(TILE_ORDER), timeout=30_000)
    return targets


def _centre(tile) -> tuple[float, float]:
    """Bring the tile to mid-screen (clear of Streamlit's sticky header); its centre on screen.

    Plotly's drag layer lies over the points and picks the nearest one under the pointer, so a
    person's click lands on that layer: the tests press the mouse at the tile's centre as they would.
    """
    tile.evaluate("(element) => element.scrollIntoView({block: 'center'})")
    box = tile.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def _click(tile) -> None:
    tile.page.mouse.click(*_centre(tile))


def _first_heading(page):
    return page.locator(".st-key-practices .practices .section-heading").first


def test_clicking_a_tile_shows_its_practices_and_the_link_keeps_it(chromium, app_url):
    page = open_page(chromium, app_url, 1920, 1080)
    _click(_tiles(page).nth(TILE_ORDER.index("suichang")))
    expect(_first_heading(page)).to_contain_text("遂昌县")
    expect(page.locator(".st-key-practices .practices").first).to_contain_text("“民事村了”工作法")
    expect(page).to_have_url(re.compile(r"[?&]county="))
    assert parse_qs(urlparse(page.url).query)["county"] == ["遂昌县"]
    expect(page.get_by_role("combobox", name="地区")).to_have_value("遂昌县")
    expect(page.locator(READY)).to_be_attached()
    _click(_tiles(page).nth(TILE_ORDER.index("devzone")))  # the zone's inset inside Liandu's tile
    expect(_first_heading(page)).to_contain_text("丽水经济技术开发区")
    expect(page.locator(".st-key-practices .practices").first).to_contain_text("全域挂牌整治")
    page.locator(".st-key-practices").screenshot(path=artifact("practices-clicked-1920x1080.png"))
    page.reload()
    expect(page.locator(READY)).to_be_attached()
    expect(_first_heading(page)).to_contain_text("丽水经济技术开发区"), "a reload reopens the same place"
    assert not page.errors
    page.close()


def test_a_tap_on_a_phone_selects_a_tile(chromium, app_url):
    page = open_page(chromium, f"{app_url}/?lang=en", 390, 844)
    _click(_tiles(page).nth(TILE_ORDER.index("jinyun")))
    expect(_first_heading(page)).to_contain_text("Jinyun County")
    assert parse_qs(urlparse(page.url).query)["county"] == ["Jinyun County"]
    assert not page.errors
    page.close()


def test_hovering_a_tile_lists_its_practices(chromium, app_url):
    page = open_page(chromium, app_url, 1280, 720)
    page.mouse.move(*_centre(_tiles(page).nth(TILE_ORDER.index("jinyun"))))
    expect(page.locator(".st-key-practices .hoverlayer")).to_contain_text("“正道讲和团”")
    page.close()
