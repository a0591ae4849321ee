"""A province's library: the 2019 review copied as many places and years (``benchmarks/library.py``),
from one review to 1,000 (100 places × 10 years), each measured against the one-review library in
the same run:

- ``validate``: the command line, a fresh process, wall time;
- checking again after one review is added to the library (in the process that loaded it);
- the first page run after a data update (AppTest, imports already warm, results not yet built);
- a warm page run after a filter change (median of 30);
- a server's resident memory holding the library, with 1 and with 20 sessions open.

Run with `make bench`."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import machine, print_table, quiet_streamlit
from benchmarks.library import grown_library

ROOT = Path(__file__).resolve().parent.parent
# 4 reviews is the smallest library whose page has every section a province's has (the place box, the
# year box and compare years), so the page's growth is read against it as well as against 1 review.
LIBRARIES = {
    "1 review": (1, 1),
    "4 reviews (2 places × 2 years)": (2, 2),
    "100 reviews (10 places × 10 years)": (10, 10),
    "1,000 reviews (100 places × 10 years)": (100, 10),
}
SAME_PAGE = "4 reviews (2 places × 2 years)"
WARM_RUNS = 45
VALIDATE_RUNS = 3


def validate_seconds(folder: Path) -> float:
    """Median wall time of ``python -m components.validate folder`` in a fresh process."""
    times = []
    for _ in range(VALIDATE_RUNS):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "components.validate", str(folder)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def page_seconds(folder: Path, warm_up: Path) -> dict[str, float]:
    """The page measures of one library, in a fresh process (``python -m benchmarks.growth --page``)."""
    found = subprocess.run(
        [sys.executable, "-m", "benchmarks.growth", "--page", str(folder), str(warm_up)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(found.stdout.strip().splitlines()[-1])


def measure_page(folder: Path, warm_up: Path) -> dict[str, float]:
    """First page run after the data folder changes to ``folder`` (the process already served
    ``warm_up``), again after one more review is added, and a warm run after a filter change."""
    from streamlit.testing.v1 import AppTest

    from benchmarks.library import add_review
    from components.data.loader import load_dataset

    quiet_streamlit()
    os.environ["DASHBOARD_DATA_DIR"] = str(warm_up)
    AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300).run()  # imports and fonts, as a server has
    os.environ["DASHBOARD_DATA_DIR"] = str(folder)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    start = time.perf_counter()
    app.run()
    first = time.perf_counter() - start
    assert not app.exception and app.multiselect(key="domain").value, "the page did not draw"
    domains = app.multiselect(key="domain").options
    filters = [domains[2:3], domains[2:5:2], domains]
    for chosen in filters:  # every view once, as after the first viewers
        app.multiselect(key="domain").set_value(chosen).run()
    times = []
    for turn in range(WARM_RUNS):
        changed = app.multiselect(key="domain").set_value(filters[turn % len(filters)])
        start = time.perf_counter()
        changed.run()
        times.append(time.perf_counter() - start)
    add_review(folder)
    start = time.perf_counter()
    load_dataset(folder)
    checked_again = time.perf_counter() - start
    return {"first": first, "warm": statistics.median(times), "checked again": checked_again}


def memory(folder: Path, scratch: Path) -> list[tuple[str, list[float]]]:
    """RSS, session state and traced memory (KB) of a server holding ``folder``: idle, 1 and 20 sessions."""
    from benchmarks.viewers import TIMED_PAGE, memory_rows
    from tests.support.browser import serving

    log = scratch / f"memory-{folder.name}.jsonl"
    with serving(
        {"DASHBOARD_DATA_DIR": str(folder), "BENCH_TIMINGS": str(log), "BENCH_TRACEMALLOC": "1"}, TIMED_PAGE
    ) as (url, server):
        return memory_rows(url, server.pid, log)


def main() -> None:
    from benchmarks.viewers import per_session

    print(f"Library growth benchmark on {machine()}")
    results, memories = {}, {}
    with tempfile.TemporaryDirectory() as scratch:
        warm_up = grown_library(Path(scratch) / "warm-up", 1, 1)
        for name, (places, years) in LIBRARIES.items():
            folder = grown_library(Path(scratch) / f"p{places}y{years}", places, years)
            results[name] = {"validate": validate_seconds(folder), **page_seconds(folder, warm_up)}
            if name in ("1 review", "1,000 reviews (100 places × 10 years)"):
                memories[name] = memory(folder, Path(scratch))
    base, same_page = results["1 review"], results[SAME_PAGE]
    targets = {
        "validate": "≤ 3 s at 1,000",
        "first": "≤ 2.5 s at 1,000",
        "warm": "≤ 1.2× at 1,000",
        "checked again": "reported",
    }
    labels = {
        "validate": "validate (fresh process)",
        "first": "first page run after a data update",
        "warm": f"warm page run after a filter change (median of {WARM_RUNS})",
        "checked again": "loaded again after one review is added",
    }
    rows = [
        (
            name,
            labels[measure],
            f"{times[measure] * 1000:,.1f} ms",
            f"{times[measure] / base[measure]:.2f}×",
            f"{times[measure] / same_page[measure]:.2f}×",
            targets[measure],
        )
        for measure in labels
        for name, times in results.items()
    ]
    print_table(
        "Each measure against the one-review library, and against the smallest library with the same page "
        "sections, in the same run",
        rows,
        ("library", "measure", "time", "vs 1 review", "vs 4 reviews", "target"),
    )
    print_table(
        "Server memory holding the library (RSS; target: each extra session costs no more at 1,000 reviews than at 1)",
        [
            (
                name,
                f"{rows[1][1][0] / 1024:.0f} MB",
                f"{rows[2][1][0] / 1024:.0f} MB",
                per_session(rows)[0][1],
                per_session(rows)[2][1],
            )
            for name, rows in memories.items()
        ],
        ("library", "1 session", "20 sessions", "RSS per extra session", "traced per extra session"),
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--page"]:
        print(json.dumps(measure_page(Path(sys.argv[2]), Path(sys.argv[3]))))
    else:
        main()
