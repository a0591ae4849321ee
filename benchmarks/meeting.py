"""A whole meeting at once: 1, 20 and 50 viewers open the link at the same moment. Run with `make bench`.

What a person sees is a page with every chart drawn, so one viewer of each round is headless
Chromium in a fresh context (empty cache) and its time runs from navigation until every chart is
drawn. The others are websocket clients on loopback (benchmarks/wsclient.py), each timed until
the server has sent its whole page: a browser per viewer on this 2-core machine would measure the
machine's own rendering, not the server a meeting shares. They connect the moment Chromium opens
its websocket (its scripts loaded), so all ask the server for their page run together. They do
not download the page's HTML, scripts and styles (about 5 MB, static files the server sends
without running Python), so a real room also loads the server's network side more than this.
The server starts as the product does (components.serve) and has served one viewer before the
first count.
"""

from __future__ import annotations

import asyncio
import statistics
import threading

from playwright.sync_api import sync_playwright

from benchmarks.browser import DASHBOARD_CHARTS, load_seconds
from benchmarks.common import machine, print_table
from benchmarks.viewers import percentile
from benchmarks.wsclient import Session, close_all, open_page
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, running_app

COUNTS = (1, 20, 50)
ROUNDS = 5


def one_round(browser, url: str, count: int) -> tuple[float, list[Session], int]:
    """``count`` viewers at once: the browser's page-ready seconds, the other viewers' sessions, and
    how many of them failed (a session with an error, or a client that could not connect)."""
    sessions: list[Session] = []
    failed = [count - 1]  # until the clients report

    def others() -> None:
        async def open_all() -> None:
            opened = await asyncio.gather(*(open_page(url) for _ in range(count - 1)), return_exceptions=True)
            sessions.extend(session for session in opened if isinstance(session, Session))
            failed[0] = len(opened) - len(sessions) + sum(bool(session.error) for session in sessions)
            await close_all(sessions)

        asyncio.run(open_all())

    clients = threading.Thread(target=others)
    seconds = load_seconds(browser, url, DASHBOARD_CHARTS, on_connect=clients.start)
    if clients.ident is not None:  # the page opened its websocket, so the others were sent in
        clients.join()
    return seconds, sessions, failed[0]


def main() -> None:
    print(f"A meeting opening the link at once, on {machine()}")
    rows, single = [], None
    with sync_playwright() as playwright, running_app() as url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        load_seconds(browser, url, DASHBOARD_CHARTS)
        for count in COUNTS:
            ready, delivered, errors = [], [], 0
            for _ in range(ROUNDS):
                seconds, sessions, failed = one_round(browser, url, count)
                ready.append(seconds)
                delivered += [session.seconds for session in sessions if not session.error]
                errors += failed
            single = single or statistics.median(ready)
            rows.append(
                (
                    str(count),
                    f"{statistics.median(ready) * 1000:.0f} ms",
                    f"{max(ready) * 1000:.0f} ms",
                    f"{max(ready) / single:.1f}x",
                    f"{percentile(delivered, 0.5) * 1000:.0f} / {percentile(delivered, 0.95) * 1000:.0f} ms"
                    if delivered
                    else "-",
                    str(errors),
                )
            )
        browser.close()
    print_table(
        f"Viewers opening the page at once, {ROUNDS} rounds each: Chromium's page-ready time (navigation "
        "until every chart is drawn) and the other viewers' whole page sent (target: 0 errors; the "
        "slowest page-ready at 20 at most 3x one viewer's)",
        rows,
        ("viewers", "page-ready median", "page-ready slowest", "vs 1 viewer", "page sent p50 / p95", "errors"),
    )


if __name__ == "__main__":
    main()
