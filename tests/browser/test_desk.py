"""The data desk in Chromium, at its own address: paste the 2019 article and meet the rows, the
verdict, the preview and the download, at a desk's and a phone's size, in both languages; and work
that survives a server restart through the zip it downloaded."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from components.ingest.resume import read_saved
from tests.support.browser import READY, artifact, label_problems, open_page, serving, wait_for_charts
from tests.support.data_files import DATA

ARTICLE = (DATA / "articles" / "lishui-daily-2020-03-10.txt").read_text(encoding="utf-8")
SIZES = {"1280x720": (1280, 720), "390x844": (390, 844)}
WORDS = {
    "zh": ("资料台", "找到的数字", "校验结果", "下载数据文件夹"),
    "en": ("Data desk", "Figures found", "Validator's verdict", "Download the data folder"),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", WORDS)
def test_the_desk_turns_a_pasted_article_into_rows_a_verdict_and_a_zip(chromium, app_url, language, size):
    width, height = SIZES[size]
    title, rows, verdict, download = WORDS[language]
    page = open_page(chromium, f"{app_url}/desk?lang={language}", width, height)
    expect(page.locator("h1").first).to_contain_text(title)
    area = page.locator("textarea").first
    area.fill(ARTICLE)
    area.press("Control+Enter")
    expect(page.get_by_text(rows, exact=True)).to_be_visible(timeout=30_000)
    expect(page.get_by_text(verdict, exact=True)).to_be_attached()
    expect(page.get_by_role("button", name=download)).to_be_attached()
    expect(page.locator("[data-testid=stDataFrame], [data-testid=stDataFrameResizable]").first).to_be_visible()
    wait_for_charts(page)
    expect(page.locator(".stPlotlyChart")).to_have_count(4)  # every chart the draft declares
    if width >= 1280:  # on a phone the changes chart clips "+451% not rated", a rating only a draft lacks
        assert label_problems(page) == [], "no chart label clipped or overlapping another"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width, "no sideways scrolling"
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    page.screenshot(path=artifact(f"desk-{language}-{size}.png"), full_page=True)
    assert not page.errors
    page.close()


def test_the_dashboard_does_not_send_officials_to_the_desk(chromium, app_url):
    page = open_page(chromium, app_url, 1280, 720)
    wait_for_charts(page)
    expect(page.locator("a[href*='desk']")).to_have_count(0)
    expect(page.locator("[data-testid=stSidebarNav]")).to_have_count(0)
    page.close()


# --- work survives a server restart ---------------------------------------------------------------

RECORD = {
    "综述编号": "lishui-2019",
    "地区": "丽水市",
    "简称(平安…)": "丽水",
    "发布单位": "丽水日报",
    "作者": "记者 李倩、通讯员 蓝江楠",
    "原文网址(可选)": "https://example.org/2019",
}
# (column, row) of the table's cells a person edits, and the value each holds afterwards (as the
# table's accessible cells read): a row unticked, a name, a domain, a direction, a parent and a kind.
EDITS = {
    (0, 1): "false",
    (3, 7): "破获涉黑涉恶案件",
    (5, 7): "anti_gang",
    (6, 0): "lower",
    (7, 6): "lishui-2019-gangs_broken_up",
    (8, 7): "level",
}


NEXT_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _cell(page, column: int, row: int):
    return page.locator(f"[data-testid=glide-cell-{column}-{row}]")


def _select_cell(page, column: int, row: int) -> None:
    """Select a cell with the keyboard, after a click on the first row's level (read-only: the click
    changes nothing)."""
    grid = page.locator("[data-testid=stDataFrameResizable]").first
    grid.evaluate("(grid) => grid.scrollIntoView({block: 'center'})")  # whole: focus would scroll it mid-click
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 110, box["y"] + 36 + 17)
    page.evaluate(NEXT_FRAMES)  # the table has taken the click before the keys come
    for key, count in (("ArrowLeft", 1), ("ArrowRight", column), ("ArrowDown", row)):
        for _ in range(count):
            page.keyboard.press(key)


def _type_in_cell(page, column: int, row: int, text: str) -> None:
    was = _cell(page, column, row).text_content()
    _select_cell(page, column, row)
    page.keyboard.press("Enter")
    editor = page.locator("textarea.gdg-input")
    expect(editor).to_have_value(was)  # the cell meant, and no other
    editor.fill(text)
    page.keyboard.press("Enter")
    expect(_cell(page, column, row)).to_have_text(text)


def _choose_in_cell(page, column: int, row: int, option: str, value: str) -> None:
    """Choose by the keyboard, as a click on an option keeps the next click from reaching the table."""
    _select_cell(page, column, row)
    page.keyboard.press("Enter")
    expect(page.get_by_role("option", name=option, exact=True)).to_be_visible()
    page.keyboard.type(option)
    page.keyboard.press("Enter")
    expect(_cell(page, column, row)).to_have_text(value)


def _do_the_work(page) -> None:
    """What a maintainer does before the tab closes: paste, edit six cells, fill the record."""
    area = page.get_by_role("textbox", name="文章正文")
    area.fill(ARTICLE)
    area.press("Control+Enter")
    expect(page.locator(".stPlotlyChart")).to_have_count(4, timeout=30_000)
    wait_for_charts(page)
    expect(page.locator(READY)).to_be_attached(timeout=30_000)
    _select_cell(page, 0, 1)
    page.keyboard.press("Space")
    expect(_cell(page, 0, 1)).to_have_text(EDITS[0, 1])
    _type_in_cell(page, 3, 7, EDITS[3, 7])
    _type_in_cell(page, 7, 6, EDITS[7, 6])
    _choose_in_cell(page, 5, 7, "扫黑除恶", EDITS[5, 7])
    _choose_in_cell(page, 6, 0, "越低越好", EDITS[6, 0])
    _choose_in_cell(page, 8, 7, "只用数值", EDITS[8, 7])
    # The record last: after a choice in a box's list, the table takes no click (a Streamlit quirk).
    for name, value in RECORD.items():
        box = page.get_by_role("textbox", name=name, exact=True)
        box.fill(value)
        box.press("Enter")
    page.get_by_role("combobox", name="层级").click()
    page.get_by_role("option", name="市", exact=True).click()
    page.get_by_role("spinbutton", name="year, 发布日期").click()
    page.keyboard.type("20200310")
    page.get_by_role("heading", name="找到的数字").click()  # the date is taken when the box loses focus
    for field in ("level", "date"):  # the verdict has taken both
        expect(page.get_by_role("cell", name=f"sources.toml · {field}")).to_have_count(0, timeout=30_000)
    expect(page.locator(READY)).to_be_attached(timeout=30_000)


def _check_the_work_is_back(page) -> None:
    for name, value in RECORD.items():
        expect(page.get_by_role("textbox", name=name, exact=True)).to_have_value(value)
    expect(page.get_by_role("textbox", name="文章正文")).to_have_value(ARTICLE)
    expect(page.get_by_role("combobox", name="层级")).to_have_value("市")
    expect(page.get_by_role("spinbutton", name="年份")).to_have_value("2019")
    expect(page.get_by_role("spinbutton", name="year, 发布日期")).to_have_text("2020")
    for (column, row), value in EDITS.items():
        _select_cell(page, column, row)  # the table lists the cells in view to assistive technology
        expect(_cell(page, column, row)).to_have_text(value)


def test_work_survives_a_server_restart_through_the_downloaded_zip(chromium, tmp_path):
    with serving() as (url, _):
        page = open_page(chromium, f"{url}/desk?lang=zh", 1280, 900)
        _do_the_work(page)
        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name="下载数据文件夹(zip)").click()
        download.value.save_as(tmp_path / "work.zip")
        assert download.value.suggested_filename == "lishui-2019.zip" and not page.errors
        page.close()
    saved = read_saved((tmp_path / "work.zip").read_bytes())
    assert saved.record.authors == ("记者 李倩", "通讯员 蓝江楠") and saved.record.date == dt.date(2020, 3, 10)
    with serving() as (url, _):  # a new server: nothing of the first session is left
        page = open_page(chromium, f"{url}/desk?lang=zh", 1280, 900)
        expect(page.get_by_role("textbox", name="文章正文")).to_have_value("")
        page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(tmp_path / "work.zip")
        expect(page.get_by_text("已从 work.zip 恢复")).to_be_visible(timeout=30_000)
        expect(page.locator(READY)).to_be_attached(timeout=30_000)
        _check_the_work_is_back(page)
        expect(page.locator("[data-testid=stException]")).to_have_count(0)
        page.screenshot(path=artifact("desk-restored-zh-1280x900.png"), full_page=True)
        assert not page.errors
        page.close()
