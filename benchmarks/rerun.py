"""Server rerun: a warm rerun after a domain-filter change, and a cold first run, for the dashboard
and the baseline page (AppTest, median of 45); and the same warm rerun on a real `streamlit run`
server, changed by a websocket client as a browser would. Run with `make bench`."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from streamlit.testing.v1 import AppTest

from benchmarks.common import machine, print_table, quiet_streamlit
from benchmarks.timing import read_runs
from benchmarks.wsclient import close_all, connect, run_page
from components.data.loader import load_dataset
from tests.support.browser import serving

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"baseline": ROOT / "benchmarks" / "baseline_page.py", "dashboard": ROOT / "dashboard.py"}
DOMAINS = load_dataset(ROOT / "data").domains["id"].tolist()
FILTERS = [DOMAINS[2:3], DOMAINS[2:5:2], DOMAINS]  # one domain, two, all
TIMED_PAGE = ROOT / "benchmarks" / "timed_page.py"
REPEATS = 45


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
            changed = app.multiselect(key="domain").set_value(
                FILTERS[turn % len(FILTERS)]
            )  # finding it is AppTest's work
            start = time.perf_counter()
            changed.run()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def first_run(page: Path) -> float:
    """Time of a new session's first run (the process's caches may already be warm)."""
    start = time.perf_counter()
    AppTest.from_file(str(page), default_timeout=120).run()
    return time.perf_counter() - start


def server_reruns() -> dict[str, dict[str, float]]:
    """Median round trip and script time of a warm rerun after a domain-filter change on a real
    server per page (benchmarks/timed_page.py), one websocket session each, the pages taking turns."""
    with tempfile.TemporaryDirectory() as folder, ExitStack() as servers:
        logs = {name: Path(folder) / f"{name}.jsonl" for name in PAGES}
        urls = {
            name: servers.enter_context(
                serving({"BENCH_PAGE": str(page), "BENCH_TIMINGS": str(logs[name])}, TIMED_PAGE)
            )[0]
            for name, page in PAGES.items()
        }
        return asyncio.run(_server_reruns(urls, logs))


async def _server_reruns(urls: dict[str, str], logs: dict[str, Path]) -> dict[str, dict[str, float]]:
    sessions = {name: await run_page(await connect(url)) for name, url in urls.items()}
    choices = {}
    for name, session in sessions.items():
        widget, options = next(iter(session.multiselects.items()))
        choices[name] = [(widget, chosen) for chosen in ([options[2]], [options[2], options[4]], options)]
        for choice in choices[name]:  # every view once, as after the first viewers
            await run_page(session, multiselect=choice)
    times, since = {name: [] for name in sessions}, time.time()
    for turn in range(REPEATS):
        for name, session in sessions.items():
            await run_page(session, multiselect=choices[name][turn % len(FILTERS)])
            times[name].append(session.seconds)
    await close_all(list(sessions.values()))
    scripts = {name: [run["wall"] for run in read_runs(log, since)] for name, log in logs.items()}
    return {
        name: {"round trip": statistics.median(times[name]), "script": statistics.median(scripts[name])}
        for name in sessions
    }


def main() -> None:
    quiet_streamlit()
    print(f"Server rerun benchmark on {machine()}")
    cold = {name: first_run(page) for name, page in PAGES.items()}  # the very first run in this process
    warm = warm_reruns(PAGES)
    base = warm["baseline"]
    print_table(
        f"Warm rerun after a domain-filter change (AppTest, median of {REPEATS}; target: at most 3x)",
        [(name, f"{seconds * 1000:.1f} ms", f"{seconds / base:.1f}x") for name, seconds in warm.items()],
        ("page", "time", "ratio"),
    )
    server = server_reruns()
    print_table(
        f"The same on a real server, changed over its websocket (median of {REPEATS}; reported)",
        [
            (
                name,
                *(
                    f"{server[name][part] * 1000:.1f} ms ({server[name][part] / server['baseline'][part]:.1f}x)"
                    for part in ("round trip", "script")
                ),
            )
            for name in server
        ],
        ("page", "round trip (ratio)", "script (ratio)"),
    )
    print_table(
        "Cold first run (the first session after the server starts)",
        [(name, f"{seconds * 1000:.0f} ms", f"{seconds / cold['baseline']:.1f}x") for name, seconds in cold.items()],
        ("page", "time", "ratio"),
    )


if __name__ == "__main__":
    main()
