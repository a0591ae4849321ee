"""Charts as sharp PNGs for the PowerPoint deck: kaleido drives the system's Chromium, offline.

Kaleido's page would fetch MathJax from a CDN and may fall back to a CDN plotly.js; both are
turned off here (no MathJax, plotly.js from this package's vendor folder), so nothing leaves the machine.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
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
_ONE_AT_A_TIME = threading.Lock()  # one Chromium for images at a time, so a deck cannot starve the server


def chromium_path() -> str | None:
    """``$DASHBOARD_CHROMIUM``, else the first Chromium or Chrome on the PATH, else None."""
    configured = os.environ.get(CHROMIUM_ENV, "").strip()
    if configured:
        return configured if Path(configured).is_file() else None
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


def charts_to_png(charts: list[go.Figure], width: int) -> list[bytes]:
    """Each chart drawn at its own width (else ``width``) and height in CSS pixels, at ``SCALE``x, in one Chromium."""
    import kaleido  # imported here: the page itself never needs it

    path = chromium_path()
    if path is None:
        raise RuntimeError("no Chromium found for drawing charts as images")

    async def draw() -> list[bytes]:
        async with kaleido.Kaleido(n=1, mathjax=False, plotlyjs=PLOTLY_JS.as_uri(), path=path) as renderer:
            return [await renderer.calc_fig(fig, opts=dict(format="png", width=fig.layout.width or width, height=fig.layout.height,
                                                            scale=SCALE)) for fig in charts]

    with _ONE_AT_A_TIME, ThreadPoolExecutor(max_workers=1) as own_thread:
        return own_thread.submit(asyncio.run, draw()).result()  # its own event loop, whatever the caller runs
