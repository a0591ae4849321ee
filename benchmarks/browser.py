"""In the browser: time from navigation until every chart is drawn, for the dashboard and the
baseline page, and from a presenter's key press until the next slide's chart is drawn.
Headless Debian Chromium at 1280x720, a fresh browser context (empty cache) per page load.
Run with `make bench`."""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable

from playwright.sync_api import Page, sync_playwright

from benchmarks.common import machine, print_table
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, READY, running_app
from tests.support.data_files import ROOT

BASELINE = ROOT / "benchmarks" / "baseline_page.py"
LOADS = 7  # page loads of each page, alternating between them
SIZE = {"width": 1280, "height": 720}
TIMEOUT_MS = 120_000
# Every Plotly chart in the page has drawn its SVG, there are at least ``count``, and the script is done.
ALL_DRAWN = """(count) => {
  const charts = [...document.querySelectorAll('.stPlotlyChart')];
  return charts.length >= count && charts.every((chart) => chart.querySelector('.js-plotly-plot .main-svg'))
    && document.querySelector('[data-testid=stApp][data-test-script-state=notRunning]') !== null;
}"""
SLIDE_DRAWN = """(step) => document.querySelector(
  `.st-key-slide-${step} .st-key-figure-large .js-plotly-plot .main-svg`) !== null"""
DASHBOARD_CHARTS = 6  # five charts and the practices map
PRESENTER_STEPS = range(2, 8)  # the five chart slides and the map slide (then the city-wide practices)


def load_seconds(browser, url: str, charts: int, on_connect: Callable[[], None] | None = None) -> float:
    """Seconds from navigation until ``charts`` charts (or more) are drawn, in a fresh context;
    ``on_connect`` is called when the page opens its websocket (its scripts loaded)."""
    context = browser.new_context(viewport=SIZE, locale="zh-CN")
    page = context.new_page()
    if on_connect:
        page.once("websocket", lambda _: on_connect())
    start = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    page.wait_for_function(ALL_DRAWN, arg=charts, timeout=TIMEOUT_MS, polling="raf")
    seconds = time.perf_counter() - start
    context.close()
    return seconds


def key_press_seconds(browser, url: str) -> list[float]:
    """Seconds from each PageDown, then each PageUp, until the next slide's chart is drawn."""
    context = browser.new_context(viewport=SIZE, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{url}/?present=true&step={PRESENTER_STEPS[0]}", timeout=TIMEOUT_MS)
    _wait_for_slide(page, PRESENTER_STEPS[0])
    times = []
    route = [*itertools.pairwise(PRESENTER_STEPS)]
    for key, moves in (("PageDown", route), ("PageUp", [(after, before) for before, after in reversed(route)])):
        for _, target in moves:
            start = time.perf_counter()
            page.keyboard.press(key)
            _wait_for_slide(page, target)
            times.append(time.perf_counter() - start)
            page.wait_for_selector(READY, state="attached", timeout=TIMEOUT_MS)
    context.close()
    return times


def _wait_for_slide(page: Page, step: int) -> None:
    page.wait_for_function(SLIDE_DRAWN, arg=step, timeout=TIMEOUT_MS, polling="raf")


FIRST_VIEWER_STARTS = 3  # server starts of each kind, taking turns


def first_viewers(browser) -> dict[str, float]:
    """The first viewer's load (median over FIRST_VIEWER_STARTS starts), arriving as soon as a new
    server answers: served as the product is (components.serve warms up in the background) and as
    plain `streamlit run` (no warm-up)."""
    kinds = {
        "first viewer after a start (components.serve)": True,
        "first viewer after a start, no warm-up (streamlit run)": False,
    }
    times = {name: [] for name in kinds}
    for _ in range(FIRST_VIEWER_STARTS):
        for name, warm_up in kinds.items():
            with running_app(warm_up=warm_up) as url:
                times[name].append(load_seconds(browser, url, DASHBOARD_CHARTS))
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    print(f"Browser benchmark on {machine()} · Chromium at {SIZE['width']}x{SIZE['height']}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        firsts = first_viewers(browser)
        browser.close()
    with sync_playwright() as playwright, running_app(script=BASELINE) as baseline_url, running_app() as url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        load_seconds(browser, url, DASHBOARD_CHARTS)  # a first viewer, so the loads below are warm
        loads = {"baseline": [], "dashboard": []}
        for _ in range(LOADS):
            loads["baseline"].append(load_seconds(browser, baseline_url, 1))
            loads["dashboard"].append(load_seconds(browser, url, DASHBOARD_CHARTS))
        presses = key_press_seconds(browser, url)
        browser.close()
    base = statistics.median(loads["baseline"])
    print_table(
        f"From navigation until every chart is drawn (median of {LOADS}, fresh context each; target: at most 1.5x)",
        [
            (
                name,
                f"{statistics.median(times) * 1000:.0f} ms",
                f"{statistics.median(times) / base:.2f}x",
                f"{min(times) * 1000:.0f}-{max(times) * 1000:.0f} ms",
            )
            for name, times in loads.items()
        ],
        ("page", "median", "ratio", "range"),
    )
    warm = statistics.median(loads["dashboard"])
    print_table(
        "The first viewer after a server start, from navigation until every chart is drawn, against the "
        "dashboard's warm load above (target: at most 2x)",
        [(name, f"{seconds * 1000:.0f} ms", f"{seconds / warm:.2f}x") for name, seconds in firsts.items()],
        ("viewer", "time", "vs warm load"),
    )
    print_table(
        f"Presenter: key press until the next slide's chart is drawn ({len(presses)} presses)",
        [("PageDown / PageUp", f"{statistics.median(presses) * 1000:.0f} ms", f"{max(presses) * 1000:.0f} ms")],
        ("keys", "median", "slowest"),
    )


if __name__ == "__main__":
    main()
