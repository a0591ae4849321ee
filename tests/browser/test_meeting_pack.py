"""The meeting pack in Chromium: each file downloads from the ⬇ menu, and the HTML report draws every
chart from disk with the network blocked."""

from __future__ import annotations

import io
import zipfile

import openpyxl
from PIL import Image
from playwright.sync_api import expect
from pptx import Presentation

from tests.support.browser import artifact, open_page

FILES = {
    "pptx": "平安丽水_2019_会议材料.pptx",
    "html": "平安丽水_2019_会议材料.html",
    "xlsx": "平安丽水_2019_会议材料.xlsx",
    "csv": "平安丽水_2019_数据.csv",
    "png": "平安丽水_2019_一图读懂.zip",
}  # the whole review is two pictures tall


def test_every_file_of_the_meeting_pack_downloads(chromium, app_url, tmp_path):
    page = open_page(chromium, app_url, 1280, 720)
    page.locator(".st-key-export button").first.click()
    saved = {}
    for kind, name in FILES.items():
        with page.expect_download(timeout=120_000) as download:
            page.locator(f".st-key-download_{kind} button").first.click()
        assert download.value.suggested_filename == name
        saved[kind] = tmp_path / name
        download.value.save_as(saved[kind])
    assert len(Presentation(str(saved["pptx"])).slides) == 8
    assert openpyxl.load_workbook(saved["xlsx"]).sheetnames == ["数据", "推算值", "各地做法", "来源"]
    assert saved["csv"].read_bytes().startswith(b"\xef\xbb\xbf")
    with zipfile.ZipFile(saved["png"]) as pictures:
        assert pictures.namelist() == ["平安丽水_2019_一图读懂_1.png", "平安丽水_2019_一图读懂_2.png"]
        sizes = [Image.open(io.BytesIO(pictures.read(name))).size for name in pictures.namelist()]
    assert all(width == 2160 for width, _ in sizes) and all(info.file_size < 2 * 2**20 for info in pictures.infolist())
    (tmp_path / "report.html").write_bytes(saved["html"].read_bytes())
    assert not page.errors
    page.close()
    _open_report_offline(chromium, saved["html"])


def _open_report_offline(chromium, report) -> None:
    """The report from disk, every request that is not the file itself refused: every chart still draws."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    outside: list[str] = []

    def only_the_file(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_file)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(report.as_uri())
    expect(page.locator(".js-plotly-plot .main-svg:first-child")).to_have_count(6, timeout=30_000)
    expect(page.locator("#chart-practices .js-plotly-plot, #chart-practices.js-plotly-plot")).to_have_count(1)
    expect(page.get_by_text("来源:丽水日报,2020年3月10日").first).to_be_attached()
    page.screenshot(path=artifact("report-1280.png"), full_page=True)
    assert outside == [], "the report asks for nothing outside the file"
    assert errors == []
    context.close()


def test_a_short_view_downloads_as_one_long_image(chromium, app_url, tmp_path):
    page = open_page(chromium, f"{app_url}/?domain=消防&lang=en", 390, 844)  # on a phone
    page.locator(".st-key-export button").first.click()
    with page.expect_download(timeout=120_000) as download:
        page.locator(".st-key-download_png button:visible").click()
    assert download.value.suggested_filename == "Safe-Lishui_2019_at-a-glance.png"
    picture = Image.open(download.value.path())
    assert picture.format == "PNG" and picture.size[0] == 2160 and picture.size[1] < 2 * 6000
    picture.save(artifact("at-a-glance-fire-en.png"))
    assert not page.errors
