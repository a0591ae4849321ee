"""Click to redrawn, in Chromium: from an action until the page has run its script, every chart is
drawn and nothing is stale, for the dashboard and for the simplest page (benchmarks/baseline_page.py)
answering the same kind of action, measured in one run.

Actions: a domain removed in the sidebar (a view nobody has opened since the server started, then
the same views again), a presenter's PageDown (each slide the first time, then again), and a click
on a practices-map tile (each place the first time, then again). The simplest page has one action,
a domain removed in its sidebar, which answers each of them. Headless Debian Chromium, 1280x720.
Run with `make bench`."""

from __future__ import annotations

import statistics

from playwright.sync_api import Page, sync_playwright

from benchmarks.common import machine, print_table
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, READY, running_app
from tests.support.data_files import ROOT

BASELINE = ROOT / "benchmarks" / "baseline_page.py"
SIZE = {"width": 1280, "height": 720}
TIMEOUT_MS = 120_000
DOMAINS = 7
PLACES = ("liandu", "jinyun", "suichang", "longquan", "jingning", "songyang")
# The page is answered when its DOM has been still for QUIET_MS after the action, no run is going and
# no element is stale: the time is that of the last change, counted from the pointer or key event the
# page received (not from when Playwright began the action: its checks before the click are no part of
# what a person waits for). Streamlit does not always show a fast run in its script-state attribute, so
# the changes themselves are watched.
QUIET_MS = 500
WATCH_CHANGES = """() => {
  window.benchLast = 0;
  window.benchInput = 0;
  if (!window.benchListening) {
    for (const kind of ['pointerdown', 'keydown'])
      document.addEventListener(kind, (event) => { window.benchInput = window.benchInput || event.timeStamp; }, true);
    window.benchListening = true;
  }
  new MutationObserver(() => { window.benchLast = performance.now(); })
    .observe(document.querySelector('[data-testid=stApp]'), {subtree: true, childList: true, attributes: true,
                                                             characterData: true});
  window.benchStart = performance.now();
}"""
IDLE = """document.querySelector('[data-testid=stApp]').dataset.testScriptState === 'notRunning'
  && !document.querySelector('[data-stale=true]')
  && [...document.querySelectorAll('.stPlotlyChart')].filter((chart) => chart.offsetParent !== null)
       .every((chart) => chart.querySelector('.js-plotly-plot .main-svg'))"""
ANSWERED = f"""() => window.benchInput > 0 && window.benchLast > window.benchInput
  && performance.now() - window.benchLast > {QUIET_MS} && {IDLE}"""
# Opened: at least ``charts`` charts exist (until Plotly's code is loaded and parsed there are none to
# check), every one is plotted, and nothing has changed for QUIET_MS.
SETTLED = f"""(charts) => document.querySelectorAll('.stPlotlyChart').length >= charts
  && performance.now() - Math.max(window.benchLast, window.benchStart) > {QUIET_MS} && {IDLE}"""
PAGE_CHARTS = 6  # the dashboard's default page: five charts and the practices map
FIRST_SLIDE_CHARTS = 0  # the title and the KPI cards
BASELINE_CHARTS = 1


def opened(browser, url: str, charts: int) -> Page:
    """A new page at ``url``, fully drawn: its script run, its ``charts`` charts plotted (the chart
    code is loaded lazily, from the browser's cache after the first page, so a quiet network is not
    enough) and nothing changed for QUIET_MS."""
    page = browser.new_page(viewport=SIZE, locale="zh-CN")
    page.goto(url, timeout=TIMEOUT_MS)
    page.wait_for_selector(READY, state="attached", timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)  # every script and style in: widgets answer
    page.evaluate(WATCH_CHANGES)
    page.wait_for_function(SETTLED, arg=charts, timeout=TIMEOUT_MS, polling="raf")
    return page


def answered_in(page: Page, action) -> float:
    """Seconds from the input event of ``action`` until the page's last change in answer to it
    (redrawn and idle)."""
    page.evaluate(WATCH_CHANGES)
    action()
    page.wait_for_function(ANSWERED, timeout=TIMEOUT_MS, polling="raf")
    return page.evaluate("() => (window.benchLast - window.benchInput) / 1000")


def remove_domain(browser, url: str, index: int, charts: int) -> float:
    """A fresh page at ``url`` with ``charts`` charts; remove the ``index``-th domain in the sidebar."""
    page = opened(browser, url, charts)
    seconds = answered_in(page, lambda: page.locator(".stSidebar button[aria-label^='Remove ']").nth(index).click())
    page.close()
    return seconds


def page_downs(browser, url: str) -> list[float]:
    """A presentation from slide 1; each PageDown to the last slide."""
    page = opened(browser, f"{url}/?present=true", FIRST_SLIDE_CHARTS)
    count = int(page.locator(".st-key-nav-indicator").inner_text().split("/")[1])
    times = [answered_in(page, lambda: page.keyboard.press("PageDown")) for _ in range(count - 1)]
    page.close()
    return times


def tile_clicks(browser, url: str) -> list[float]:
    """The practices map; a click on each place's tile in turn."""
    page = opened(browser, f"{url}/?lang=en", PAGE_CHARTS)
    times = []
    for place in PLACES:
        tile = page.locator(".st-key-practices-split .js-plotly-plot").first
        tile.scroll_into_view_if_needed()
        marker = tile.evaluate(
            """(plot, place) => { const data = plot.data.find((trace) => trace.customdata);
            const index = data.customdata.indexOf(place);
            const trace = plot.querySelectorAll('g.trace.scatter')[plot.data.indexOf(data)];
            const points = trace.querySelectorAll('path.point');
            const box = points[index].getBoundingClientRect();
            return [box.x + box.width / 2, box.y + box.height / 2]; }""",
            place,
        )
        times.append(answered_in(page, lambda point=marker: page.mouse.click(*point)))
    page.close()
    return times


def _ms(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:.0f} ms"


def main() -> None:
    print(f"Click to redrawn on {machine()} · Chromium at {SIZE['width']}x{SIZE['height']}")
    with sync_playwright() as playwright, running_app(script=BASELINE) as baseline_url, running_app() as url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        opened(browser, url, PAGE_CHARTS).close()  # the first viewer: the default view is built
        opened(browser, baseline_url, BASELINE_CHARTS).close()
        baseline = [
            remove_domain(browser, baseline_url, index, BASELINE_CHARTS) for index in [*range(DOMAINS), *range(DOMAINS)]
        ]
        measured = {
            "domain removed, view new to the server": [
                remove_domain(browser, url, i, PAGE_CHARTS) for i in range(DOMAINS)
            ],
            "domain removed, view seen before": [remove_domain(browser, url, i, PAGE_CHARTS) for i in range(DOMAINS)],
            "presenter PageDown, slide new": page_downs(browser, url),
            "presenter PageDown, slide seen": page_downs(browser, url),
            "map tile clicked, place new": tile_clicks(browser, url),
            "map tile clicked, place seen": tile_clicks(browser, url),
        }
        browser.close()
    base = statistics.median(baseline)
    print_table(
        "Action until redrawn and idle (median; the simplest page's domain removal is the baseline; "
        "target: at most 1.5x)",
        [
            ("simplest page: domain removed", _ms(baseline), "1.00x", str(len(baseline))),
            *(
                (name, _ms(times), f"{statistics.median(times) / base:.2f}x", str(len(times)))
                for name, times in measured.items()
            ),
        ],
        ("action", "median", "ratio", "n"),
    )


if __name__ == "__main__":
    main()
