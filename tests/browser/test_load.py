"""Sessions, load and faults in headless Chromium on loopback, bounded in count and time: two
sessions that never touch each other, 20 viewers at once with memory stable after they leave, and
open pages that reconnect by themselves, with their view, after the server restarts."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from components.data.loader import DATA_DIR_ENV
from tests.support.browser import (
    READY,
    SESSION_STATE_METRIC,
    free_port,
    open_page,
    rss_mb,
    server_metric,
    serving,
    wait_for_charts,
    wait_until,
)
from tests.support.data_files import edit_rows

VIEWERS = 20
SESSION_TTL_S = 2  # how long the server keeps a closed page's session (Streamlit's default: 120 s)
MEMORY_SLACK_MB = 15  # a second crowd may leave no more than this behind (20 sessions hold about 6 MB)


def test_two_sessions_with_different_views_never_affect_each_other(chromium, app_url):
    reader = open_page(chromium, f"{app_url}/?domain=消防&lang=en", 1280, 720)
    presenter = open_page(chromium, f"{app_url}/?present=true&step=3", 1280, 720)
    expect(reader.locator(".kpi-cards .kpi-label")).to_have_text(["Fire accidents"])
    expect(presenter.locator(".st-key-nav-indicator")).to_have_text(re.compile(r"^3 / "))
    reader.locator(".st-key-domain").get_by_role("button", name=re.compile("Fire safety")).click()  # remove it
    expect(reader.get_by_text("No domain is selected", exact=False)).to_be_visible()
    presenter.keyboard.press("PageDown")
    expect(presenter.locator(".st-key-nav-indicator")).to_have_text(re.compile(r"^4 / "))
    expect(presenter.locator(READY)).to_be_attached()
    expect(reader.locator(READY)).to_be_attached()
    assert "step=4" in presenter.url and "lang" not in presenter.url and "domain" not in presenter.url
    assert "present" not in reader.url and "step" not in reader.url
    expect(presenter.get_by_text("上一页", exact=False).first).to_be_visible()  # the presenter stays in Chinese
    expect(reader.get_by_text("No domain is selected", exact=False)).to_be_visible()  # the reader's view is kept
    assert not reader.errors and not presenter.errors
    reader.close()
    presenter.close()


def _crowd(browser, url: str) -> None:
    """VIEWERS pages opened at once; every one must draw in full. Each page is a session of its own on
    the server, as a viewer's browser is; they share one browser context so that Chromium loads the
    page's JavaScript once, not twenty times (each crowd about 23 s shorter)."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="zh-CN")
    pages = [context.new_page() for _ in range(VIEWERS)]
    errors = []
    for page in pages:
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url, wait_until="commit")  # all twenty load together
    for page in pages:
        expect(page.locator(READY)).to_be_attached(timeout=120_000)
        wait_for_charts(page, timeout_ms=120_000)
        expect(page.locator(".kpi-cards .kpi-label")).to_have_count(9)
        expect(page.locator("[data-testid=stException]")).to_have_count(0)
    assert server_metric(url, "active_sessions") == VIEWERS, "one session for each page"
    context.close()
    assert not errors


def _wait_until_sessions_are_gone(url: str) -> None:
    """Until the server holds no session: none connected, and no state kept for one that left
    (the server lets a session go SESSION_TTL_S after its page closes)."""
    wait_until(
        lambda: server_metric(url, "active_sessions") == 0 and server_metric(url, SESSION_STATE_METRIC) == 0,
        60,
        "the server to let go of every closed page's session",
    )


def test_twenty_viewers_at_once_all_draw_and_memory_settles_after_they_leave(chromium):
    with serving({"STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(SESSION_TTL_S)}) as (url, server):
        first = open_page(chromium, url, 1280, 720)  # the shared results are built once, here
        wait_for_charts(first)
        first.close()
        memory = []
        for _ in range(2):
            _crowd(chromium, url)
            _wait_until_sessions_are_gone(url)
            memory.append(rss_mb(server.pid))
    assert memory[1] - memory[0] < MEMORY_SLACK_MB, memory


def test_open_pages_reconnect_after_a_restart_and_keep_their_view(chromium, data_copy):
    """The restarted server reads a data copy with one label changed, so what the page shows after
    the restart provably comes from the new server, not from the old page left on screen.

    Streamlit's page reconnects by itself and keeps showing what it showed; it runs the script again
    at the reader's next action (here: opening the meeting-pack menu), with the view it had.
    """
    edit_rows(
        data_copy,
        "figures.csv",
        lambda rows: [
            row.update(label_en=row["label_en"] + " (after restart)")
            for row in rows
            if row["metric"] == "fire_accidents"
        ],
    )
    port = free_port()
    status = "[data-testid=stConnectionStatus]"
    with serving(port=port) as (url, _):
        page = open_page(chromium, f"{url}/?domain=Fire+safety&lang=en", 1280, 720)
        expect(page.locator(".kpi-cards .kpi-label")).to_have_text(["Fire accidents"])
    expect(page.locator(status)).to_be_visible(timeout=30_000)  # the server is gone; the page says so
    with serving({DATA_DIR_ENV: str(data_copy)}, port=port):
        expect(page.locator(status)).to_have_count(0, timeout=60_000)  # reconnected by itself
        expect(page.get_by_role("dialog")).to_have_count(0)
        page.get_by_role("button", name=re.compile("Meeting pack")).click()
        expect(page.locator(".kpi-cards .kpi-label")).to_have_text(["Fire accidents (after restart)"])
        expect(page.locator(".st-key-domain").get_by_role("button", name=re.compile("Fire safety"))).to_be_visible()
        assert "domain=" in page.url and "lang=en" in page.url
        page.reload()  # and the link alone brings the same view back
        expect(page.locator(".kpi-cards .kpi-label")).to_have_text(["Fire accidents (after restart)"])
        assert not page.errors
        page.close()
