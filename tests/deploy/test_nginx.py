"""The deployment recipe for a larger audience (deploy/serve-behind-nginx): Debian's nginx in front
of two app processes, on loopback. A browser session works through it (page, websocket, reruns),
each browser stays with one process, and when one process is killed new sessions are still served."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import urllib.request
from http.cookiejar import CookieJar

import pytest
from playwright.sync_api import expect

from tests.support.browser import answers, free_port, open_page, wait_for_charts, wait_until
from tests.support.data_files import ROOT

SCRIPT = ROOT / "deploy" / "serve-behind-nginx"
COOKIE = re.compile(r"dashboard_backend=(app_[ab])")
CLIENTS = 16  # fresh browsers; all landing on one process by chance: 2 in 2^16


@pytest.fixture
def deployment(tmp_path):
    """The recipe started as a person would, on free ports; yields (url, {process name: pid file})."""
    port, apps = free_port(), [free_port(), free_port()]
    env = {
        **os.environ,
        "PORT": str(port),
        "LISTEN": "127.0.0.1",
        "APP_PORTS": " ".join(map(str, apps)),
        "RUN_DIR": str(tmp_path / "run"),
    }
    process = subprocess.Popen([str(SCRIPT)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_until(lambda: answers(url), 60, "the deployment to serve")
        except AssertionError:
            process.terminate()
            pytest.fail("the deployment did not start:\n" + process.communicate(timeout=30)[0])
        yield url, {name: tmp_path / "run" / f"app-{app}.pid" for name, app in zip(("app_a", "app_b"), apps)}
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def _served_by(set_cookie: str) -> str:
    """The process named in the sticky cookie nginx sets on a response."""
    return COOKIE.search(set_cookie)[1]


def _backend(url: str, opener) -> str:
    with opener.open(f"{url}/_stcore/health", timeout=10) as response:
        return _served_by("\n".join(response.headers.get_all("Set-Cookie")))


def test_a_browser_session_through_nginx_draws_and_reruns(chromium, deployment):
    url, _ = deployment
    page = open_page(chromium, url, 1280, 720)
    wait_for_charts(page)
    expect(page.locator(".kpi-cards .kpi-label")).to_have_count(9)
    page.locator(".st-key-domain").get_by_role("button", name=re.compile("消防")).click()  # a rerun over the websocket
    expect(page.locator(".kpi-cards .kpi-label")).to_have_count(8)
    assert "domain=" in page.url and not page.errors
    page.close()


def test_each_browser_stays_with_one_process_and_browsers_spread_over_both(deployment):
    url, pid_files = deployment
    first_backends = set()
    for _ in range(CLIENTS):
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        backends = {_backend(url, opener) for _ in range(4)}  # the cookie set by the first keeps it there
        assert len(backends) == 1
        first_backends |= backends
    assert first_backends == set(pid_files)


def test_after_one_process_is_killed_new_sessions_are_still_served(chromium, deployment):
    url, pid_files = deployment
    context = chromium.new_context(viewport={"width": 1280, "height": 720}, locale="zh-CN")
    serving = _served_by(context.request.get(f"{url}/_stcore/health").headers["set-cookie"])  # the browser's cookie
    page = context.new_page()
    page.goto(url)
    expect(page.locator(".kpi-cards .kpi-label")).to_have_count(9, timeout=60_000)
    os.kill(int(pid_files[serving].read_text()), signal.SIGKILL)  # the process holding this page's session
    for _ in range(3):  # newcomers, each a browser of its own with no cookie, so nginx picks for each
        newcomer = chromium.new_context(viewport={"width": 1280, "height": 720}, locale="zh-CN")
        other = newcomer.new_page()
        other.goto(url)
        wait_for_charts(other)
        expect(other.locator(".kpi-cards .kpi-label")).to_have_count(9, timeout=60_000)
        newcomer.close()
    page.reload()
    expect(page.locator(".kpi-cards .kpi-label")).to_have_count(9, timeout=60_000)
    assert _served_by(context.request.get(f"{url}/_stcore/health").headers["set-cookie"]) != serving, (
        "the cookie now names the process that serves this browser"
    )
    context.close()
