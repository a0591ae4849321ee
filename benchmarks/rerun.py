"""Server rerun: a warm rerun after a domain-filter change, and a cold first run, for the dashboard
and the baseline page (AppTest, median of 15). Run with `make bench`."""

from __future__ import annotations

import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from benchmarks.common import machine, median_seconds, print_table, quiet_streamlit

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"baseline": ROOT / "benchmarks" / "baseline_page.py", "dashboard": ROOT / "dashboard.py"}
FILTERS = [["fire"], ["fire", "anti_gang"], ["public_order", "road_traffic", "fire", "work_safety", "anti_gang",
                                            "disputes", "sense_of_security"]]
REPEATS = 15


def warm_rerun(page: Path) -> float:
    """Median time of a rerun after changing the domain filter, in one session with warm caches."""
    app = AppTest.from_file(str(page), default_timeout=120)
    app.run()
    for chosen in FILTERS:  # every view once, so the shared caches hold them, as after the first viewers
        app.multiselect(key="domain").set_value(chosen).run()
    turn = iter(range(10**6))
    return median_seconds(lambda: app.multiselect(key="domain").set_value(FILTERS[next(turn) % 3]).run(), REPEATS)


def first_run(page: Path) -> float:
    """Time of a new session's first run (the process's caches may already be warm)."""
    start = time.perf_counter()
    AppTest.from_file(str(page), default_timeout=120).run()
    return time.perf_counter() - start


def main() -> None:
    quiet_streamlit()
    print(f"Server rerun benchmark on {machine()}")
    cold = {name: first_run(page) for name, page in PAGES.items()}  # the very first run in this process
    warm = {name: warm_rerun(page) for name, page in PAGES.items()}
    base = warm["baseline"]
    print_table("Warm rerun after a domain-filter change (AppTest, median of 15; target: at most 3x)",
                [(name, f"{seconds * 1000:.1f} ms", f"{seconds / base:.1f}x") for name, seconds in warm.items()],
                ("page", "time", "ratio"))
    print_table("Cold first run (the first session after the server starts)",
                [(name, f"{seconds * 1000:.0f} ms", f"{seconds / cold['baseline']:.1f}x") for name, seconds in cold.items()],
                ("page", "time", "ratio"))


if __name__ == "__main__":
    main()
