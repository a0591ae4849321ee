"""Server rerun: a warm rerun after a domain-filter change, and a cold first run, for the dashboard
and the baseline page (AppTest, median of 21). Run with `make bench`."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from benchmarks.common import machine, print_table, quiet_streamlit

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"baseline": ROOT / "benchmarks" / "baseline_page.py", "dashboard": ROOT / "dashboard.py"}
FILTERS = [["fire"], ["fire", "anti_gang"], ["public_order", "road_traffic", "fire", "work_safety", "anti_gang",
                                            "disputes", "sense_of_security"]]
REPEATS = 21


def warm_reruns(pages: dict[str, Path]) -> dict[str, float]:
    """Median time of a rerun after changing the domain filter, one session per page with warm
    caches; the pages take turns, so a slower spell on the machine hits both alike."""
    apps = {name: AppTest.from_file(str(page), default_timeout=120) for name, page in pages.items()}
    for app in apps.values():
        app.run()
        for chosen in FILTERS:  # every view once, so the shared caches hold them, as after the first viewers
            app.multiselect(key="domain").set_value(chosen).run()
    times = {name: [] for name in apps}
    for turn in range(REPEATS):
        for name, app in apps.items():
            start = time.perf_counter()
            app.multiselect(key="domain").set_value(FILTERS[turn % len(FILTERS)]).run()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def first_run(page: Path) -> float:
    """Time of a new session's first run (the process's caches may already be warm)."""
    start = time.perf_counter()
    AppTest.from_file(str(page), default_timeout=120).run()
    return time.perf_counter() - start


def main() -> None:
    quiet_streamlit()
    print(f"Server rerun benchmark on {machine()}")
    cold = {name: first_run(page) for name, page in PAGES.items()}  # the very first run in this process
    warm = warm_reruns(PAGES)
    base = warm["baseline"]
    print_table(f"Warm rerun after a domain-filter change (AppTest, median of {REPEATS}; target: at most 3x)",
                [(name, f"{seconds * 1000:.1f} ms", f"{seconds / base:.1f}x") for name, seconds in warm.items()],
                ("page", "time", "ratio"))
    print_table("Cold first run (the first session after the server starts)",
                [(name, f"{seconds * 1000:.0f} ms", f"{seconds / cold['baseline']:.1f}x") for name, seconds in cold.items()],
                ("page", "time", "ratio"))


if __name__ == "__main__":
    main()
