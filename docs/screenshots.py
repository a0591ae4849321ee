"""Make every picture the docs show, into docs/images/: `make screenshots`, or
`.venv/bin/python docs/screenshots.py` from the repository root.

It serves the dashboard on a free port (as `make run` does), opens it in Debian's Chromium with
Playwright, and saves the top of each view at the size named, then re-saves each picture as a small
palette PNG. The long image (一图读懂) is made by `python -m components.pack --format png`, as a
meeting would get it, and shown small. Needs what the browser tests need (`make test` installs it).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402  (the project root must be importable first)

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, open_page, running_app, wait_for_charts  # noqa: E402

IMAGES = ROOT / "docs" / "images"
# Where the first chart of the page ends, from the top of the page (the page has not scrolled).
FIRST_CHART_BOTTOM = """() => document.querySelector('[class*="st-key-chart-"] .stPlotlyChart')
    .getBoundingClientRect().bottom"""
MARGIN = 24  # white below the chart, in px
COLOURS = 128  # a palette this size keeps Chinese type and the charts' blues legible
# The address in the long image's QR code: an example of what DASHBOARD_PUBLIC_URL is set to on a server.
PUBLIC_URL = "http://10.2.3.4/"
GLANCE_WIDTH = 612  # the long image's pictures side by side, shown small


@dataclass(frozen=True)
class Shot:
    """One picture of the page: its file, the link's query string, the window's size and the browser's
    locale. ``to_first_chart``: once drawn at that size, the window grows down to the end of the first
    chart, so the picture holds the header, the KPI cards and that chart."""

    name: str
    query: str
    width: int
    height: int
    locale: str = "zh-CN"
    to_first_chart: bool = False


SHOTS = (
    Shot("page-zh.png", "lang=zh", 1280, 720, to_first_chart=True),
    Shot("page-en.png", "lang=en", 1280, 720, "en-GB", to_first_chart=True),
    Shot("presenter-zh.png", "present=true&step=2", 1280, 720),
    Shot("phone-zh.png", "lang=zh", 390, 844),
)


def small_png(picture: bytes | Image.Image, path: Path, colours: int = COLOURS) -> int:
    """Save ``picture`` as a palette PNG (no dithering, so flat colours and type stay clean); its size in bytes."""
    image = picture if isinstance(picture, Image.Image) else Image.open(io.BytesIO(picture))
    image = image.convert("RGB").quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    image.save(path, optimize=True)
    return path.stat().st_size


def page_shots(url: str) -> list[tuple[Path, int]]:
    """The pictures of the page, each the window's view once every chart is drawn."""
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for shot in SHOTS:
            page = open_page(browser, f"{url}/?{shot.query}", shot.width, shot.height, locale=shot.locale)
            wait_for_charts(page)
            if page.locator("[data-testid=stException]").count() or not page.locator(".stPlotlyChart").count():
                raise RuntimeError(f"{shot.name}: the page shows no chart:\n{page.inner_text('body')[:2000]}")
            if shot.to_first_chart:
                bottom = page.evaluate(FIRST_CHART_BOTTOM)
                page.set_viewport_size({"width": shot.width, "height": max(shot.height, round(bottom) + MARGIN)})
                wait_for_charts(page)
            page.mouse.move(0, 0)  # no hover label on a chart
            page.evaluate("document.fonts.ready")
            assert not page.errors, f"{shot.name}: {page.errors}"
            path = IMAGES / shot.name
            written.append((path, small_png(page.screenshot(), path)))
            page.close()
        browser.close()
    return written


def glance_shot() -> tuple[Path, int]:
    """The long image of the whole review in Chinese, as `python -m components.pack` writes it, its
    pictures (one, or the parts of a tall one) set side by side and shown ``GLANCE_WIDTH`` wide."""
    env = {**os.environ, "DASHBOARD_PUBLIC_URL": PUBLIC_URL}
    with tempfile.TemporaryDirectory() as folder:
        for extension in ("png", "zip"):  # a long image too tall for one picture is a zip of its parts
            out = Path(folder) / f"glance.{extension}"
            command = ["-m", "components.pack", "--view", "lang=zh", "--format", "png", "--out", str(out)]
            result = subprocess.run([sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True)
            if result.returncode == 0:
                break
            if result.returncode != 2:
                raise RuntimeError(result.stderr)
        else:
            raise RuntimeError(result.stderr)
        if extension == "png":
            parts = [Image.open(out)]
        else:
            with zipfile.ZipFile(out) as archive:
                parts = [Image.open(io.BytesIO(archive.read(name))) for name in sorted(archive.namelist())]
        part_width = GLANCE_WIDTH // len(parts)
        shown = [
            part.convert("RGB").resize(
                (part_width, round(part.height * part_width / part.width)), Image.Resampling.LANCZOS
            )
            for part in parts
        ]
        sheet = Image.new("RGB", (part_width * len(shown), max(part.height for part in shown)), "white")
        for index, part in enumerate(shown):
            sheet.paste(part, (index * part_width, 0))
    path = IMAGES / "at-a-glance-zh.png"
    return path, small_png(sheet, path)


def main() -> int:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with running_app() as url:
        written = page_shots(url)
    written.append(glance_shot())
    for path, size in written:
        print(f"{path.relative_to(ROOT)}  {size / 1024:,.0f} KB")
    print(f"{sum(size for _, size in written) / 1024:,.0f} KB in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
