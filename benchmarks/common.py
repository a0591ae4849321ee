"""Shared by the benchmarks: medians, the machine they ran on, and a table printer."""

from __future__ import annotations

import logging
import os
import platform
import statistics
import time
from collections.abc import Callable


def quiet_streamlit() -> None:
    """AppTest runs outside a server, and Streamlit warns "missing ScriptRunContext" on every run."""
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    """The median wall time of ``repeats`` runs of ``action``."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def machine() -> str:
    """One line naming the machine: CPU count, Python, platform."""
    return f"{os.cpu_count()} CPUs · Python {platform.python_version()} · {platform.platform()}"


def print_table(title: str, rows: list[tuple[str, ...]], header: tuple[str, ...]) -> None:
    widths = [max(len(str(row[n])) for row in [header, *rows]) for n in range(len(header))]
    print(f"\n{title}")
    for row in [header, *rows]:
        print("  " + "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)))
