"""What a click pays for what it redraws: the simplest page's domain removal, against the same page
with 30 more containers of text that do not change, and with 2 more charts that change with the
filter (Streamlit draws a chart whose figure changed from scratch). Headless Chromium at 1280x720,
timed as benchmarks/clicks.py times a click. Run with `make bench`."""

from __future__ import annotations

import statistics
from contextlib import ExitStack

from playwright.sync_api import sync_playwright

from benchmarks.clicks import BASELINE, DOMAINS, opened, remove_domain
from benchmarks.common import machine, print_table
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, running_app
from tests.support.data_files import ROOT

VARIANT = ROOT / "benchmarks" / "variant_page.py"
PAGES = {  # name: (script, variant, charts on the page)
    "simplest page": (BASELINE, "", 1),
    "+ 30 containers of unchanging text": (VARIANT, "elements", 1),
    "+ 2 charts that change": (VARIANT, "charts", 3),
}
ROUNDS = 2


def main() -> None:
    print(f"What a click redraws, priced on {machine()}")
    with sync_playwright() as playwright, ExitStack() as servers:
        urls = {
            name: servers.enter_context(running_app(env={"BENCH_VARIANT": variant}, script=script))
            for name, (script, variant, _) in PAGES.items()
        }
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, url in urls.items():
            opened(browser, url, PAGES[name][2]).close()
        times = {name: [] for name in PAGES}
        for _ in range(ROUNDS):  # the pages take turns, so a slower spell hits each alike
            for index in range(DOMAINS):
                for name, url in urls.items():
                    times[name].append(remove_domain(browser, url, index, PAGES[name][2]))
        browser.close()
    base = statistics.median(times["simplest page"])
    print_table(
        "Domain removed, until redrawn and idle (median)",
        [
            (name, f"{statistics.median(t) * 1000:.0f} ms", f"{statistics.median(t) / base:.2f}x", str(len(t)))
            for name, t in times.items()
        ],
        ("page", "median", "ratio", "n"),
    )


if __name__ == "__main__":
    main()
