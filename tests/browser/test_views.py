"""Every size and mode in Chromium: no overflow, no clipped labels, no outside requests, AA contrast, print."""

from __future__ import annotations

import re
import subprocess
from urllib.parse import parse_qs, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.support.browser import artifact, open_fitting_page, open_page, wait_for_charts

SIZES = {"1920x1080": (1920, 1080), "1280x720": (1280, 720), "390x844": (390, 844)}
VIEWS = {
    "page": "/",
    "page-filtered": "/?domain=扫黑除恶&domain=矛盾纠纷化解",
    **{f"slide-{step}": f"/?present=true&step={step}" for step in range(1, 10)},
    "page-en": "/?lang=en",
    "slide-4-en": "/?lang=en&present=true&step=4",
    "page-county-en": "/?lang=en&county=Liandu%20District",
    "slide-7-county-en": "/?lang=en&present=true&step=7&county=Liandu%20District",
}
CHART_IDS = ("changes", "security", "crackdown", "courts", "index")


# A slide at 1280x720 and 1920x1080 is checked the same way, and for fitting the screen, as
# tests/browser/test_slides_fit.py steps through every slide; here slides are checked on a phone.
@pytest.mark.parametrize(
    ("view", "size"), [(view, size) for view in VIEWS for size in SIZES if size == "390x844" or "slide" not in view]
)
def test_every_view_fits_every_size(chromium, app_url, view, size):
    width, height = SIZES[size]
    page = open_fitting_page(chromium, app_url + VIEWS[view], width, height)
    page.screenshot(path=artifact(f"{view}-{size}.png"))
    full_height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": width, "height": min(max(full_height, height), 12000)})
    wait_for_charts(page)
    page.screenshot(path=artifact(f"{view}-{size}-full.png"))
    assert not page.errors
    page.close()


def test_on_a_phone_each_chart_stacks_over_its_narrative(chromium, app_url):
    page = open_page(chromium, app_url, 390, 844)
    wait_for_charts(page)
    for chart_id in CHART_IDS:
        section = page.locator(f".st-key-chart-{chart_id}")
        chart = section.locator(".js-plotly-plot").first.bounding_box()
        text = section.locator(".narrative").bounding_box()
        assert text["y"] >= chart["y"] + chart["height"], chart_id
        assert text["width"] > 300 and chart["width"] > 300, chart_id
    page.close()


@pytest.mark.parametrize("view", ["page", "slide-2"])
def test_the_page_requests_nothing_but_its_own_server(chromium, app_url, view):
    page = chromium.new_page(viewport={"width": 1280, "height": 720}, locale="zh-CN")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(app_url + VIEWS[view])
    expect(page.locator("[data-testid=stApp][data-test-script-state=notRunning]")).to_be_attached(timeout=60_000)
    wait_for_charts(page)
    own = urlparse(app_url).netloc
    foreign = [
        url
        for url in requests
        if urlparse(url).scheme in ("http", "https", "ws", "wss") and urlparse(url).netloc != own
    ]
    assert requests and foreign == [], foreign
    page.close()


@pytest.mark.parametrize("view", ["page", "slide-1", "slide-4"])
def test_wcag_aa_holds(chromium, app_url, view):
    page = open_page(chromium, app_url + VIEWS[view], 1280, 720)
    wait_for_charts(page)
    result = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}
    )
    violations = [(v["id"], [node["target"] for node in v["nodes"]][:3]) for v in result.response["violations"]]
    assert violations == []
    page.close()


def test_every_chart_has_alt_text_and_a_data_table(chromium, app_url):
    page = open_page(chromium, app_url, 1280, 720)
    wait_for_charts(page)
    for chart_id in CHART_IDS:
        section = page.locator(f".st-key-chart-{chart_id}")
        expect(section.locator("[role=figure][aria-label]").first).to_be_attached()
        label = section.locator("[role=figure][aria-label]").first.get_attribute("aria-label")
        assert "来源:丽水日报" in label
        section.get_by_text("查看数据").click()  # opens in the browser, no page run
        expect(section.locator("details.folded table.figures-table tbody tr").first).to_be_visible()
    page.close()


def test_a_shared_link_reopens_the_same_view(chromium, app_url):
    page = open_page(chromium, app_url, 1280, 720)
    chip = page.locator(".st-key-domain").get_by_role("button", name=re.compile("消防"))
    chip.click()  # removes 消防 from the selection
    expect(page.locator(".st-key-chart-changes")).to_be_visible()
    expect(page).to_have_url(re.compile(r"domain="))
    shared = page.url
    assert "消防" not in parse_qs(urlparse(shared).query)["domain"]
    other = open_page(chromium, shared, 390, 844)
    labels = other.locator(".kpi-cards .kpi-label")
    expect(labels.filter(has_text="刑事案件")).to_be_visible()
    expect(labels.filter(has_text="火灾事故")).to_have_count(0)
    card = other.locator(".kpi-card").filter(has=other.locator(".kpi-label", has_text="刑事案件"))
    expect(card.get_by_text("全市刑事案件同比下降13.8%")).to_be_hidden()
    card.locator("summary").click()  # the card's sentence opens in the browser, no page run
    expect(card.get_by_text("全市刑事案件同比下降13.8%")).to_be_visible()
    page.close()
    other.close()


def test_a_hostile_query_string_shows_notices_and_runs_nothing(chromium, app_url):
    query = (
        "?domain=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&domain=消防&year=%27%3B--&present=maybe"
        "&step=-1&lang=%00&" + "x=" + "9" * 5000
    )
    page = open_page(chromium, app_url + query, 1280, 720)
    expect(page.get_by_text("链接中的参数 domain").first).to_be_visible()
    expect(page.get_by_text("链接中的参数 present").first).to_be_visible()
    expect(page.locator("img[src=x]")).to_have_count(0)
    expect(page.locator(".st-key-chart-changes")).to_be_visible(), "the valid part of the link is kept"
    expect(page.locator(".st-key-chart-crackdown")).to_have_count(0)
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    assert not page.errors
    page.close()


def test_the_dashboard_prints_to_a4_landscape(chromium, app_url):
    page = open_page(chromium, app_url, 1400, 900)  # the width an A4 landscape page lays out at
    expect(page.locator(".kpi-cards")).to_be_visible()
    containers = [f"chart-{chart_id}" for chart_id in CHART_IDS] + ["practices"]
    for key in containers:  # draw every chart before printing (off-screen ones may wait)
        chart = page.locator(f".st-key-{key} .js-plotly-plot")
        chart.scroll_into_view_if_needed()
        expect(chart.locator(".main-svg").first).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".js-plotly-plot .main-svg:first-child")).to_have_count(len(containers))
    pdf = artifact("dashboard.pdf")
    page.pdf(path=pdf, prefer_css_page_size=True, print_background=True)
    pages = int(
        re.search(
            r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        ).group(1)
    )
    assert 4 <= pages <= 20, pages
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(artifact("dashboard-print"))], check=True)
    texts = [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for n in range(1, pages + 1)
    ]
    flat = [text.replace("\n", "") for text in texts]
    for marker in (
        "同比变化(%)",
        "民调结果,满分为100%",
        "打掉黑恶团伙",
        "法院新收案件79,362件,",
        "以2018年为100",
        "原文点名6地的9项做法",
    ):
        on = [n for n, text in enumerate(flat) if marker in text]
        assert on, f"the chart with {marker} is printed"
        assert "来源:丽水日报,2020年3月10日" in flat[on[0]], f"{marker}: its source line on its page"
    page.close()


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (390, 844)])
def test_each_chart_section_holds_chart_data_and_words_in_place(chromium, app_url, width, height):
    """Wide: the chart on the left, the article's words on the right with the chart's data under them.
    Phone: one under another, in reading order (chart, data, words)."""
    page = open_page(chromium, app_url, width, height)
    wait_for_charts(page)
    for key, words in (("chart-changes", ".narrative"), ("practices-split", ".narrative.practices")):
        section = page.locator(f".st-key-{key}")
        section.scroll_into_view_if_needed()
        chart, data, text = (
            section.locator(selector).first.bounding_box() for selector in (".stPlotlyChart", "details.folded", words)
        )
        if width > 640:
            assert text["x"] >= chart["x"] + chart["width"] and text["y"] < chart["y"] + 40, key
            assert data["y"] >= text["y"] + text["height"] - 1 and abs(data["x"] - text["x"]) < 16, key
        else:
            assert data["y"] >= chart["y"] + chart["height"] - 1 and abs(data["x"] - chart["x"]) < 16, key
            assert text["y"] >= data["y"] + data["height"] - 1 and abs(text["x"] - chart["x"]) < 16, key
    page.close()


DESKTOPS = [(1024, 768), (1280, 720), (1440, 900), (1920, 1080)]  # the sidebar open at each


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("query", ["", "present=true&"])
@pytest.mark.parametrize("screens", [[(390, 844)], DESKTOPS], ids=["phone", "desktops"])
def test_kpi_cards_fill_even_rows(chromium, app_url, screens, query, language):
    """Bordered cards side by side, every row full or one short: 9 cards as 5 + 4 or 3 x 3, never 4 + 4 + 1
    (a phone's two a row is the one exception an odd count forces). One page is opened on the smallest
    screen and widened through the others (the cards are laid out by CSS alone)."""
    page = open_page(chromium, f"{app_url}/?{query}lang={language}", *screens[0])
    cards = page.locator(".kpi-card")
    for width, height in screens:
        page.set_viewport_size({"width": width, "height": height})
        expect(cards).to_have_count(9)
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        rows = {}
        for box in (card.bounding_box() for card in cards.all()):
            rows[round(box["y"])] = rows.get(round(box["y"]), 0) + 1
        sizes = [rows[top] for top in sorted(rows)]
        assert sizes in ([5, 4], [3, 3, 3]) or (width < 640 and sizes == [2, 2, 2, 2, 1]), (width, sizes)
    assert cards.first.evaluate("card => getComputedStyle(card).borderTopWidth") == "1px"
    page.close()


# Scroll the page in 300 px steps; at each, every section whose passages (the article's words beside
# the chart: paragraphs and quotes, not headings or notes) show 200 px or more must show at least half
# its chart.
STICKY_JS = """
() => {
  const main = document.querySelector('[data-testid=stMain]');
  const seen = (box) => Math.max(0, Math.min(box.bottom, innerHeight) - Math.max(box.top, 0));
  const misses = [];
  for (let top = 0; top <= main.scrollHeight - main.clientHeight + 300; top += 300) {
    main.scrollTop = top;
    for (const section of document.querySelectorAll(
        '.stHorizontalBlock:is([class*="st-key-chart-"], .st-key-practices-split)')) {
      const chart = section.querySelector('.js-plotly-plot').getBoundingClientRect();
      const passages = [...section.querySelectorAll(
          '.narrative :is(p, blockquote):not(.section-heading, .translation-note, .practice-name, details *)')]
        .reduce((sum, element) => sum + seen(element.getBoundingClientRect()), 0);
      if (passages >= 200 && seen(chart) < chart.height / 2)
        misses.push(`${section.className.match(/st-key-[\\w-]+/)[0]} at ${main.scrollTop} px: `
                    + `${Math.round(passages)} px of passages, `
                    + `${Math.round(seen(chart))} of ${Math.round(chart.height)} px of chart`);
    }
  }
  return misses;
}
"""


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_chart_stays_in_view_beside_its_passages(chromium, app_url, language):
    page = open_page(chromium, f"{app_url}/?lang={language}", 1440, 900)
    wait_for_charts(page)
    assert page.evaluate(STICKY_JS) == []
    page.locator("#chart-courts").scroll_into_view_if_needed()
    page.screenshot(path=artifact(f"page-courts-1440-{language}.png"))
    page.close()
