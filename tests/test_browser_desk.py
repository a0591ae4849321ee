"""The data desk in Chromium, at its own address: paste the 2019 article and meet the rows, the
verdict, the preview and the download, at a desk's and a phone's size, in both languages."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import artifact, open_page, wait_for_charts
from tests.conftest import DATA

ARTICLE = (DATA / "articles" / "lishui-daily-2020-03-10.txt").read_text(encoding="utf-8")
SIZES = {"1280x720": (1280, 720), "390x844": (390, 844)}
WORDS = {"zh": ("资料台", "找到的数字", "校验结果", "下载数据文件夹"),
         "en": ("Data desk", "Figures found", "Validator's verdict", "Download the data folder")}


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
