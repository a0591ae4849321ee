"""Start the app for browser tests and drive Debian's Chromium with Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.data_files import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts"
READY = "[data-testid=stApp][data-test-script-state=notRunning]"
STARTUP_TIMEOUT_S = 60
SESSION_STATE_METRIC = 'cache_memory_bytes{cache_type="st_session_state"'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(
    env: dict[str, str] | None = None, script: Path = ROOT / "dashboard.py", warm_up: bool = True
) -> Iterator[str]:
    """Serve dashboard.py (as `python -m components.serve` does, or with ``warm_up=False`` as plain
    `streamlit run`) or another page on a free port until the block ends; yield its URL."""
    with serving(env, script, warm_up=warm_up) as (url, _):
        yield url


@contextmanager
def serving(
    env: dict[str, str] | None = None,
    script: Path = ROOT / "dashboard.py",
    port: int | None = None,
    python: str = sys.executable,
    warm_up: bool = True,
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Like ``running_app``, and also yield the server process (to read its memory or stop it);
    ``port`` serves on a given port (a restarted server comes back where its pages look for it);
    ``python`` runs an installed copy of the app (it serves from the folder of ``script`` then)."""
    port = port or free_port()
    folder = ROOT if python == sys.executable else script.parent
    # The dashboard beside the components package the server imports (this tree's, or an installed
    # copy's) starts as the product does (components.serve: warmed up); other pages as Streamlit runs them.
    launcher = warm_up and script == folder / "dashboard.py"
    start = ["-m", "components.serve"] if launcher else ["-m", "streamlit", "run", str(script)]
    command = [python, *start, "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]
    process = subprocess.Popen(
        command,
        cwd=folder,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_until_serving(process, port)
        threading.Thread(target=process.stdout.read, daemon=True).start()  # a full pipe would stall the server
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        process.wait(timeout=20)


def _wait_until_serving(process: subprocess.Popen, port: int) -> None:
    """Block on the server's own output until it says it serves, then confirm with the health check."""
    lines = []
    for line in process.stdout:
        lines.append(line)
        if "server started" in line:  # logged once the socket listens (no welcome banner: see config)
            break
    else:
        raise RuntimeError("streamlit exited before serving:\n" + "".join(lines))
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=STARTUP_TIMEOUT_S) as response:
        assert response.read() == b"ok"


def rss_mb(pid: int) -> float:
    """A process's resident memory."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def wait_until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    """Check ``condition`` until it holds (a server's state, which no page shows); after ``seconds``
    the test fails, saying ``what`` it waited for."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {seconds} s for {what}")
        time.sleep(0.2)


def answers(url: str) -> bool:
    """Whether the server at ``url`` says it is healthy."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read() == b"ok"
    except OSError:
        return False


def server_metric(base_url: str, line_start: str) -> float:
    """The sum of the server's /_stcore/metrics values on lines starting with ``line_start``, e.g.
    ``active_sessions`` or ``cache_memory_bytes{cache_type="st_session_state"``."""
    with urllib.request.urlopen(f"{base_url}/_stcore/metrics", timeout=30) as response:
        lines = response.read().decode().splitlines()
    return sum(float(line.rsplit(" ", 1)[1]) for line in lines if line.startswith(line_start))


def artifact(name: str) -> Path:
    """Where a screenshot goes (a folder git ignores)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


# For each Plotly chart: text that spills outside the figure, and pairs of labels that overlap.
LABEL_CHECK_JS = """
() => Array.from(document.querySelectorAll('.js-plotly-plot')).filter((plot) => plot.offsetParent !== null)
    .map((plot) => {
  const box = plot.getBoundingClientRect();
  const texts = Array.from(plot.querySelectorAll('text')).filter((t) => t.textContent.trim()
      && t.getBoundingClientRect().width > 0 && getComputedStyle(t).visibility !== 'hidden'
      && !t.closest('.hoverlayer'));
  const rects = texts.map((t) => ({text: t.textContent.trim(), r: t.getBoundingClientRect()}));
  const clipped = rects.filter(({r}) => r.left < box.left - 1 || r.right > box.right + 1
      || r.top < box.top - 1 || r.bottom > box.bottom + 1).map(({text}) => text);
  const overlaps = [];
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i].r, b = rects[j].r;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 2 && h > 2) overlaps.push([rects[i].text, rects[j].text]);
    }
  }
  return {id: plot.closest('[class*="st-key-chart-"]')?.className.match(/st-key-chart-[a-z]+/)?.[0],
          clipped, overlaps};
})
"""


def label_problems(page) -> list[dict]:
    """Charts on the page whose labels are clipped or overlap (empty when all is well)."""
    return [chart for chart in page.evaluate(LABEL_CHECK_JS) if chart["clipped"] or chart["overlaps"]]


def _context(browser, locale: str):
    """One browser context per browser and locale, shared by the pages ``open_page`` opens: each page
    is still a session of its own to the server, and Chromium loads the page's JavaScript from its
    cache instead of afresh (about 0.25 s of each page's 2.5 s)."""
    if not hasattr(browser, "shared_contexts"):
        browser.shared_contexts = {}
    if locale not in browser.shared_contexts:
        browser.shared_contexts[locale] = browser.new_context(locale=locale)
    return browser.shared_contexts[locale]


def open_page(browser, url: str, width: int, height: int, locale: str = "zh-CN"):
    """A new page at the given size and browser locale, opened at ``url`` and ready; errors are collected."""
    from playwright.sync_api import expect

    page = _context(browser, locale).new_page()
    page.set_viewport_size({"width": width, "height": height})
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("dialog", lambda dialog: page.errors.append(f"dialog: {dialog.message}"))
    page.goto(url)
    expect(page.locator(READY)).to_be_attached(timeout=60_000)
    return page


def open_fitting_page(browser, url: str, width: int, height: int):
    """A page opened and drawn, checked as every view is: nothing scrolls sideways, no chart label is
    clipped or overlaps another, and no exception is shown."""
    from playwright.sync_api import expect

    page = open_page(browser, url, width, height)
    wait_for_charts(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "no horizontal scrolling"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    assert label_problems(page) == [], "no clipped or overlapping labels"
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    return page


def wait_for_charts(page, timeout_ms: int = 30_000) -> None:
    """Every element drawn (no loading placeholder left) and every shown chart with its SVG."""
    from playwright.sync_api import expect

    charts = page.locator(".js-plotly-plot .main-svg")
    if page.locator("[class*='st-key-chart-']").count():
        expect(charts.first).to_be_attached(timeout=timeout_ms)
        expect(page.locator(".js-plotly-plot:visible .main-svg").first).to_be_visible(timeout=timeout_ms)
        page.wait_for_function(
            """() => [...document.querySelectorAll('.stPlotlyChart')]
            .filter((chart) => chart.offsetParent !== null).every((chart) => chart.querySelector('.main-svg'))""",
            timeout=timeout_ms,
        )
    expect(page.locator("[data-testid=stSkeleton]")).to_have_count(0, timeout=timeout_ms)


# A slide's misfits: the lowest visible element of the main area below the screen, and any element
# in it (the main area included) that can scroll. Leaf elements only, so a container's padding does
# not count; hidden elements (folded details, the arrow-key twins of the buttons) are skipped.
SLIDE_MISFITS_JS = """
() => {
  const main = document.querySelector('[data-testid=stMain]');
  const problems = [];
  let lowest = null;
  for (const element of main.querySelectorAll('*')) {
    const leaf = !element.children.length || element instanceof SVGSVGElement || element.tagName === 'BUTTON';
    const box = element.getBoundingClientRect();
    if (!leaf || element.closest('svg') !== element && element.closest('svg') || box.width < 1 || box.height < 1
        || !element.checkVisibility({visibilityProperty: true}) || element.closest('[class*="-arrow"]')) continue;
    if (!lowest || box.bottom > lowest.bottom) lowest = {bottom: box.bottom, text: element.textContent.trim()};
  }
  if (lowest && lowest.bottom > window.innerHeight + 0.5)
    problems.push(`ends ${Math.round(lowest.bottom - window.innerHeight)} px below the screen`
                  + ` at "${lowest.text.slice(0, 40)}"`);
  for (const element of [main, ...main.querySelectorAll('*')]) {
    const style = getComputedStyle(element);
    const scrolls = (axis, size, client) => /auto|scroll/.test(style[axis]) && element[size] > element[client] + 1;
    if (scrolls('overflowY', 'scrollHeight', 'clientHeight') || scrolls('overflowX', 'scrollWidth', 'clientWidth'))
      problems.push(`${element === main ? 'the slide' : element.className.toString().slice(0, 50)} scrolls by `
                    + `${element.scrollHeight - element.clientHeight} px`);
  }
  return problems;
}
"""


def slide_misfits(page) -> list[str]:
    """What keeps the slide on screen from fitting (empty when it fits)."""
    return page.evaluate(SLIDE_MISFITS_JS)


# A slide's type read from across a room: chart text in projector type at least 18 px (hover labels
# aside; a chart must have some); the narrative beside it, where the slide has one, in slide type
# (.narrative.large) and at least 20 px.
SMALL_TYPE_JS = """
() => {
  const size = (element) => parseFloat(getComputedStyle(element).fontSize);
  const chart = [...document.querySelectorAll('.st-key-figure-large .js-plotly-plot text')]
    .filter((text) => text.textContent.trim() && !text.closest('.hoverlayer'))
    .flatMap((text) => [text, ...text.querySelectorAll('tspan')]);
  const narrative = [...document.querySelectorAll('.narrative.large p')];
  const charted = document.querySelector('.st-key-figure-large .js-plotly-plot') !== null;
  return [
    ...(charted && !chart.length ? ['a chart without text'] : []),
    ...[...document.querySelectorAll('[data-testid=stMain] .narrative:not(.large)')]
      .map(() => 'a narrative in page type'),
    ...chart.filter((text) => size(text) < 18).map((text) => `chart text ${size(text)} px: ${text.textContent}`),
    ...narrative.filter((p) => size(p) < 20)
      .map((p) => `narrative ${size(p)} px: ${p.textContent.slice(0, 40)}`),
  ];
}
"""


def small_type(page) -> list[str]:
    """Text on the slide on screen too small to read from across a room (empty when none is)."""
    return page.evaluate(SMALL_TYPE_JS)
