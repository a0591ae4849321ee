"""Meeting-pack cost: how long each file takes to build, and how much a deck being built slows
another viewer's page (AppTest runs of the page, alone and while a deck is built in another thread,
as Streamlit runs sessions as threads of one process).

Run with `make bench`. Ratios are against a baseline measured in the same run; absolute times
on a shared machine are noisy."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time

from streamlit.testing.v1 import AppTest

from benchmarks.common import machine, median_seconds, print_table, quiet_streamlit
from components.data.loader import DEFAULT_DATA_DIR, load_dataset
from components.exports.at_a_glance import glance_pictures
from components.exports.csv_file import csv_bytes, export_frame
from components.exports.deck import deck_bytes
from components.exports.images import charts_to_png, page_to_png
from components.exports.pack import build_pack
from components.exports.report import report_html
from components.exports.workbook import workbook_bytes
from components.model.figures import View
from components.model.practices import PracticeView
from components.text.catalog import load_catalog
from components.text.numbers import NumberFormat
from components.text.wording import Wording

APP = str(DEFAULT_DATA_DIR.parent / "dashboard.py")
PAGE_REPEATS = 9


def default_pack(language: str = "zh", domains: tuple[str, ...] | None = None):
    data = load_dataset(DEFAULT_DATA_DIR)
    words = Wording(load_catalog(language), NumberFormat(language))
    view = View(data.default_review, domains or tuple(data.domains["id"]))
    return data, words, build_pack(data, PracticeView(view), "", words)


def first_long_image() -> float:
    """Seconds for the first long image of a fresh process (it opens the Chromium later files reuse)."""
    found = subprocess.run(
        [sys.executable, "-m", "benchmarks.exports", "--first-long-image"], capture_output=True, text=True, check=True
    )
    return json.loads(found.stdout.strip().splitlines()[-1])


def _time_first_long_image() -> None:
    pack = default_pack()[2]
    started = time.perf_counter()
    glance_pictures(pack, page_to_png)
    print(json.dumps(time.perf_counter() - started))


def main() -> None:
    quiet_streamlit()
    print(f"Meeting-pack benchmark on {machine()}")
    first_glance = first_long_image()
    data, words, pack = default_pack()
    single = default_pack("en", ("fire",))[2]
    labels = {d: words.domain(data.domains, d) for d in data.domains["id"]}
    started = time.perf_counter()
    deck_bytes(pack, charts_to_png)  # the first deck: it opens the Chromium that later decks reuse
    first_deck = time.perf_counter() - started
    builders = {
        "CSV": (lambda: csv_bytes(export_frame(pack.shown, words, "src", labels)), 15),
        "Excel": (lambda: workbook_bytes(pack), 9),
        "HTML report": (lambda: report_html(pack), 5),
        "PowerPoint": (lambda: deck_bytes(pack, charts_to_png), 3),
        "long image (whole review, 2 parts)": (lambda: glance_pictures(pack, page_to_png), 3),
        "long image (one domain, English)": (lambda: glance_pictures(single, page_to_png), 3),
    }
    times = {name: median_seconds(build, repeats) for name, (build, repeats) in builders.items()}
    baseline = times["CSV"]
    print_table(
        "Build time per file (median; ratio to the CSV, the simplest file)",
        [(name, f"{seconds * 1000:.0f} ms", f"{seconds / baseline:.0f}x") for name, seconds in times.items()],
        ("file", "time", "ratio"),
    )
    print_table(
        "The deck and the report against their targets",
        [
            ("first deck after start (opens Chromium)", f"{first_deck:.2f} s", "target: at most 6 s"),
            ("deck, Chromium open", f"{times['PowerPoint']:.2f} s", "target: at most 2 s"),
            ("HTML report, build", f"{times['HTML report']:.2f} s", "target: at most 0.5 s"),
            ("HTML report, size", f"{len(report_html(pack).encode()) / 1e6:.2f} MB", "target: at most 2 MB"),
            ("first long image after start (opens Chromium)", f"{first_glance:.2f} s", "target: at most 4 s"),
            (
                "long image, Chromium open",
                f"{times['long image (whole review, 2 parts)']:.2f} s",
                "target: at most 2 s",
            ),
            (
                "long image parts, largest",
                f"{max(map(len, glance_pictures(pack, page_to_png))) / 2**20:.2f} MB",
                "target: under 2 MB",
            ),
        ],
        ("measure", "value", "target"),
    )

    warm = AppTest.from_file(APP, default_timeout=120)
    warm.run()  # caches filled, as for any viewer after the first
    alone = median_seconds(lambda: AppTest.from_file(APP, default_timeout=120).run(), PAGE_REPEATS)
    building = threading.Event()

    def keep_building_decks() -> None:
        while not building.is_set():
            deck_bytes(pack, charts_to_png)

    worker = threading.Thread(target=keep_building_decks, daemon=True)
    worker.start()
    during = median_seconds(lambda: AppTest.from_file(APP, default_timeout=120).run(), PAGE_REPEATS)
    building.set()
    worker.join()
    print_table(
        "Another viewer's page run (AppTest, median of 9)",
        [
            ("alone", f"{alone * 1000:.0f} ms", "1.0x"),
            ("while decks are being built", f"{during * 1000:.0f} ms", f"{during / alone:.1f}x"),
        ],
        ("page run", "time", "ratio"),
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--first-long-image"]:
        _time_first_long_image()
    else:
        main()
