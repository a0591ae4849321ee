"""Runs a page inside `streamlit run` ($BENCH_PAGE, the dashboard by default) and records each
script run: wall time, the time it waited for its turn (components/ui/turns.py), the script
thread's CPU time and, when tracemalloc is on, the memory Python holds. One JSON line per run goes
to $BENCH_TIMINGS. The benchmarks use it through timed_page.py."""

from __future__ import annotations

import json
import os
import threading
import time
import tracemalloc
from functools import lru_cache
from pathlib import Path

from components.ui.turns import waited

PAGE = Path(os.environ.get("BENCH_PAGE") or Path(__file__).resolve().parent.parent / "dashboard.py")
_WRITE = threading.Lock()

if os.environ.get("BENCH_TRACEMALLOC") and not tracemalloc.is_tracing():
    tracemalloc.start()


@lru_cache(maxsize=1)
def _page_code():
    return compile(PAGE.read_text(encoding="utf-8"), str(PAGE), "exec")


def run_page_timed() -> None:
    """Run the page and append this run's timings (also when it stops or reruns)."""
    wall, cpu = time.perf_counter(), time.thread_time()
    try:
        exec(_page_code(), {"__name__": "__main__", "__file__": str(PAGE)})
    finally:
        record = {
            "wall": time.perf_counter() - wall,
            "cpu": time.thread_time() - cpu,
            "waited": waited(),
            "end": time.time(),
        }
        if tracemalloc.is_tracing():
            record["traced"] = tracemalloc.get_traced_memory()[0]
        with _WRITE, open(os.environ["BENCH_TIMINGS"], "a", encoding="utf-8") as log:
            log.write(json.dumps(record) + "\n")


def read_runs(log: Path, since: float) -> list[dict]:
    """The script runs recorded in ``log`` that ended after ``since`` (the benchmark's side)."""
    runs = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    return [run for run in runs if run["end"] >= since]
