"""Charts as sharp PNGs for the PowerPoint deck: kaleido drives the system's Chromium, offline.

Kaleido's page would fetch MathJax from a CDN and may fall back to a CDN plotly.js; both are
turned off here (no MathJax, plotly.js from this package's vendor folder), so nothing leaves the machine.
"""

from __future__ import annotations

import asyncio
import atexit
import base64
import contextlib
import itertools
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import plotly
import plotly.graph_objects as go

CHROMIUM_ENV = "DASHBOARD_CHROMIUM"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
# plotly.js's partial bundle with the trace types every chart here uses (scatter and bar), a quarter
# of the full library: the report inlines it and the image renderer loads it (vendor/README.md).
PLOTLY_JS = Path(__file__).parent / "vendor" / "plotly-basic.min.js"
FULL_PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"  # the version it must match
SCALE = 2  # device pixels per CSS pixel: sharp on a projector and when zoomed


def chromium_path() -> str | None:
    """``$DASHBOARD_CHROMIUM``, else the first Chromium or Chrome on the PATH, else None."""
    configured = os.environ.get(CHROMIUM_ENV, "").strip()
    if configured:
        return configured if Path(configured).is_file() else None
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


def charts_to_png(charts: list[go.Figure], width: int) -> list[bytes]:
    """Each chart drawn at its own width (else ``width``) and height in CSS pixels, at ``SCALE``x, by
    the one Chromium kept open for images (started now if it is not running)."""
    return RENDERER.draw(charts, width)


def page_to_png(html: str, width: int, blocks_js: str, cut: Callable[[list[int]], list[int]]) -> list[bytes]:
    """An HTML page as PNGs (see ``ChartRenderer.page_to_png``), by the same Chromium."""
    return RENDERER.page_to_png(html, width, blocks_js, cut)


class ChartRenderer:
    """One Chromium, through kaleido, kept open to draw charts as PNGs: starting it is most of a
    deck's time, so the first deck opens it and later decks reuse it. It runs on an event loop of
    its own thread and draws one request at a time (two decks asked at once queue, each with its
    own ``TIMEOUT_S`` once its turn comes). A browser found dead is replaced, one that dies during a
    request is replaced and the request tried once more, and each is retired after ``MAX_AGE_S`` or
    ``MAX_RENDERS`` charts, so a long-lived server never keeps one browser for ever."""

    MAX_AGE_S = 3600
    MAX_RENDERS = 2000
    TIMEOUT_S = 120

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_started = threading.Lock()
        self._browser = None
        self._opened_at = 0.0
        self._renders = 0
        self._busy: asyncio.Lock | None = None

    def draw(self, charts: list[go.Figure], width: int) -> list[bytes]:
        """The charts as PNGs; waits for its turn and for the browser if it is still starting."""

        async def render() -> list[bytes]:
            browser = await self._ready()
            pictures = [
                await browser.calc_fig(
                    fig, opts=dict(format="png", width=fig.layout.width or width, height=fig.layout.height, scale=SCALE)
                )
                for fig in charts
            ]
            self._renders += len(charts)
            return pictures

        request = asyncio.run_coroutine_threadsafe(self._serve(render), self._running_loop())
        return request.result()  # bounded inside: TIMEOUT_S once its turn comes, twice with a retry

    def page_to_png(self, html: str, width: int, blocks_js: str, cut: Callable[[list[int]], list[int]]) -> list[bytes]:
        """An HTML page laid out ``width`` CSS px wide, as tall as its content, drawn at ``SCALE``x: a
        PNG per part between the offsets ``cut`` gives for the places a part may end (``blocks_js``,
        a JavaScript expression for the CSS px offsets, to which the page's end is added). The page
        is loaded from a file, offline."""

        async def render() -> list[bytes]:
            browser = await self._ready()
            with tempfile.TemporaryDirectory() as folder:
                page = Path(folder) / "page.html"
                page.write_text(html, encoding="utf-8")
                tab = await browser.create_tab("about:blank")  # sized below, to the page
                try:
                    return await _screenshots(tab, page.as_uri(), width, blocks_js, cut)
                finally:
                    await browser.close_tab(tab.target_id)

        request = asyncio.run_coroutine_threadsafe(self._serve(render), self._running_loop())
        return request.result()

    def stop(self) -> None:
        """Close the browser (the process is exiting), so no Chromium outlives the server."""
        if self._loop is not None:
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(self._retire(), self._loop).result(10)

    def browser_pid(self) -> int | None:
        """The process id of the Chromium in use, None before the first or after it has gone."""
        process = getattr(self._browser, "subprocess", None)
        return process.pid if process is not None and process.poll() is None else None

    async def _serve(self, job):
        """Run ``job`` alone, within ``TIMEOUT_S``; if the browser it started with died meanwhile,
        replace it and run the job once more. Any other failure (a chart, a browser that cannot
        start, a time-out) is raised, and a timed-out browser is retired."""
        self._busy = self._busy or asyncio.Lock()
        async with self._busy:
            had_browser = self.browser_pid() is not None
            try:
                return await asyncio.wait_for(job(), self.TIMEOUT_S)
            except TimeoutError:
                await self._retire()
                raise
            except Exception:
                if not had_browser or self.browser_pid() is not None:
                    raise
                await self._retire()
                return await asyncio.wait_for(job(), self.TIMEOUT_S)

    async def _ready(self):
        """The open browser: opened now if there is none, it has died, or it is past its lifetime."""
        import kaleido  # imported here: the page itself never needs it

        worn = time.monotonic() - self._opened_at > self.MAX_AGE_S or self._renders >= self.MAX_RENDERS
        if self._browser is not None and (worn or self.browser_pid() is None):
            await self._retire()
        if self._browser is None:
            path = chromium_path()
            if path is None:
                raise RuntimeError("no Chromium found for drawing charts as images")
            browser = kaleido.Kaleido(n=1, mathjax=False, plotlyjs=PLOTLY_JS.as_uri(), path=path)
            try:
                await browser.open()
            except BaseException:
                with contextlib.suppress(Exception):  # no half-started Chromium or temp folder left behind
                    await browser.close()
                raise
            self._browser, self._opened_at, self._renders = browser, time.monotonic(), 0
        return self._browser

    async def _retire(self) -> None:
        browser, self._browser = self._browser, None
        if browser is not None:
            with contextlib.suppress(Exception):  # a dead browser cannot close cleanly
                await browser.close()

    def _running_loop(self) -> asyncio.AbstractEventLoop:
        with self._loop_started:
            if self._loop is None:
                self._loop = asyncio.new_event_loop()
                threading.Thread(target=self._loop.run_forever, name="chart-renderer", daemon=True).start()
                atexit.register(self.stop)
        return self._loop


async def _screenshots(tab, url: str, width: int, blocks_js: str, cut) -> list[bytes]:
    """Load ``url`` in ``tab`` and capture it whole, part by part between the offsets ``cut`` gives."""
    await tab.send_command("Page.enable")
    loaded = tab.subscribe_once("Page.loadEventFired")
    await tab.send_command("Page.navigate", params={"url": url})
    await loaded
    await tab.send_command(
        "Runtime.evaluate",
        params={  # the fonts, and whatever the page draws itself
            "expression": "document.fonts.ready.then(() => window.pageDrawn)",
            "awaitPromise": True,
        },
    )
    found = await tab.send_command(
        "Runtime.evaluate",
        params={
            "expression": f"JSON.stringify([...{blocks_js}, Math.ceil(document.documentElement.scrollHeight)])",
            "returnByValue": True,
        },
    )
    offsets = cut(json.loads(found["result"]["result"]["value"]))
    height = offsets[-1]
    await tab.send_command(
        "Emulation.setDeviceMetricsOverride",
        params={"width": width, "height": height, "deviceScaleFactor": SCALE, "mobile": False},
    )
    parts = []
    for top, bottom in itertools.pairwise(offsets):
        shot = await tab.send_command(
            "Page.captureScreenshot",
            params={
                "format": "png",
                "captureBeyondViewport": True,
                "fromSurface": True,
                "clip": {"x": 0, "y": top, "width": width, "height": bottom - top, "scale": 1},
            },
        )
        if "result" not in shot:
            raise RuntimeError(f"Chromium could not capture {top}–{bottom} px: {shot.get('error')}")
        parts.append(base64.b64decode(shot["result"]["data"]))
    return parts


RENDERER = ChartRenderer()
