"""Many viewers at once, and the memory each one costs. Run with `make bench`.

Each viewer is a Streamlit websocket client on loopback: it opens a session, asks for the page
(as a browser does on load) and waits for the server's "script finished". That is the time to
a drawn page from the server's side, without a browser's rendering in the way. 1, 5, 10 and 20
viewers open the page at the same moment; the server runs benchmarks/timed_page.py, which
records each script run's wall time and CPU time.
"""

from __future__ import annotations

import asyncio
import math
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.common import machine, print_table
from benchmarks.timing import read_runs
from benchmarks.wsclient import Session, close_all, open_page
from tests.support.browser import SESSION_STATE_METRIC, rss_mb, server_metric, serving

ROOT = Path(__file__).resolve().parent.parent
TIMED_PAGE = ROOT / "benchmarks" / "timed_page.py"
BASELINE = ROOT / "benchmarks" / "baseline_page.py"
SESSION_COUNTS = (1, 5, 10, 20)
ROUNDS = 3  # each count is run this many times; percentiles are over every viewer of every round
SESSION_SETTLE_S = 2.0


async def viewers_at_once(base_url: str, count: int) -> list[Session]:
    """``count`` viewers open the page at the same moment; their sessions stay open until all are drawn."""
    viewers = await asyncio.gather(*(open_page(base_url) for _ in range(count)))
    return list(viewers)


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with at least ``share`` of them at or below it
    (p95 of 20 values is the 19th smallest, p50 of 30 the 15th)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered) - 1e-9) - 1)]


def session_state_kb(base_url: str) -> float:
    """Streamlit's own count of the memory every session's state holds (/_stcore/metrics)."""
    return server_metric(base_url, SESSION_STATE_METRIC) / 1024


def rounds(base_url: str, count: int, log: Path | None = None) -> tuple[list[float], int, list[dict]]:
    """``count`` viewers at once, ROUNDS times on a warm server: page times, errors, and the script
    runs the server recorded meanwhile (when it runs the timed page)."""
    times, errors, runs = [], 0, []
    for _ in range(ROUNDS):
        since = time.time()
        viewers = asyncio.run(_round(base_url, count))
        times += [viewer.seconds for viewer in viewers]
        errors += sum(bool(viewer.error) for viewer in viewers)
        runs += read_runs(log, since) if log else []
        time.sleep(SESSION_SETTLE_S)
    return times, errors, runs


def load_rows(url: str, baseline_url: str, log: Path) -> tuple[list[tuple[str, ...]], dict]:
    """Each session count for the dashboard and the baseline page; returns the table rows and the
    single-session median script times (what the figures at 20 are compared with)."""
    asyncio.run(_warm(url))
    asyncio.run(_warm(baseline_url))
    rows, single = [], {}
    for count in SESSION_COUNTS:
        times, errors, runs = rounds(url, count, log)
        base_times, base_errors, _ = rounds(baseline_url, count)
        waits = [run["waited"] for run in runs]
        drawing, cpus = [run["wall"] - run["waited"] for run in runs], [run["cpu"] for run in runs]
        single = single or {"wall": statistics.median(drawing), "cpu": statistics.median(cpus)}
        p50, base_p50 = percentile(times, 0.5), percentile(base_times, 0.5)
        rows.append(
            (
                str(count),
                _ms(p50),
                _ms(percentile(times, 0.95)),
                str(errors + base_errors),
                _ms(base_p50),
                f"{p50 / base_p50:.1f}x",
                _ms(percentile(waits, 0.95)),
                _ms(percentile(drawing, 0.95)),
                f"{percentile(drawing, 0.95) / single['wall']:.1f}x",
                _ms(percentile(cpus, 0.95)),
                f"{percentile(cpus, 0.95) / single['cpu']:.1f}x",
            )
        )
    return rows, single


async def _warm(base_url: str) -> None:
    """One viewer first, so the shared results exist, as after the meeting's first arrival."""
    await close_all([await open_page(base_url)])


async def _round(base_url: str, count: int) -> list[Session]:
    viewers = await viewers_at_once(base_url, count)
    await close_all(viewers)
    return viewers


MEASURES = ("RSS", "session state (/_stcore/metrics)", "traced by tracemalloc")


def memory_rows(base_url: str, pid: int, log: Path) -> list[tuple[str, list[float]]]:
    """(moment, [RSS, Streamlit's session-state total, Python's traced memory] in KB): idle, with 1
    and with 20 sessions open, and after they close."""

    async def measure() -> list[tuple[str, list[float]]]:
        rows = [("idle (server started)", _memory(base_url, pid, log))]
        first = await viewers_at_once(base_url, 1)
        await asyncio.sleep(SESSION_SETTLE_S)
        rows.append(("1 session open", _memory(base_url, pid, log)))
        others = await viewers_at_once(base_url, 19)
        await asyncio.sleep(SESSION_SETTLE_S)
        rows.append(("20 sessions open", _memory(base_url, pid, log)))
        await close_all(first + others)
        await asyncio.sleep(SESSION_SETTLE_S)
        rows.append(("20 sessions closed", _memory(base_url, pid, log, traced=False)))
        return rows

    return asyncio.run(measure())


def _memory(base_url: str, pid: int, log: Path, traced: bool = True) -> list[float]:
    """Python's traced memory is written by a script run, so it is the value after the last run
    (``traced=False`` when no run has happened since the last reading)."""
    runs = read_runs(log, 0)
    latest = runs[-1]["traced"] / 1024 if runs and traced else float("nan")
    return [rss_mb(pid) * 1024, session_state_kb(base_url), latest]


def per_session(rows: list[tuple[str, list[float]]]) -> list[tuple[str, str]]:
    """What each of the 19 sessions added between 1 and 20 open sessions, by each measure."""
    one, twenty = rows[1][1], rows[2][1]
    return [(name, f"{(twenty[n] - one[n]) / 19:.1f} KB") for n, name in enumerate(MEASURES)]


def _kb(value: float) -> str:
    if math.isnan(value):
        return "(no run to read it)"
    return f"{value / 1024:.1f} MB" if value >= 1024 else f"{value:.2f} KB"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> None:
    print(f"Many viewers on {machine()}")
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "runs.jsonl"
        with serving({"BENCH_TIMINGS": str(log)}, TIMED_PAGE) as (url, _), serving(script=BASELINE) as (base_url, _):
            rows, single = load_rows(url, base_url, log)
        print_table(
            f"Viewers opening the page at once, {ROUNDS} rounds each (websocket clients on loopback; one "
            f"viewer's script: {single['wall'] * 1000:.0f} ms wall, {single['cpu'] * 1000:.0f} ms CPU; "
            "target: 0 errors, p95 script time at 20 at most 5x one viewer's)",
            rows,
            (
                "viewers",
                "page p50",
                "page p95",
                "errors",
                "baseline p50",
                "ratio",
                "turn wait p95",
                "script p95",
                "vs 1",
                "script CPU p95",
                "vs 1",
            ),
        )
        memory_log = Path(folder) / "memory.jsonl"
        with serving({"BENCH_TIMINGS": str(memory_log), "BENCH_TRACEMALLOC": "1"}, TIMED_PAGE) as (url, server):
            memory = memory_rows(url, server.pid, memory_log)
    print_table(
        "Server memory (a separate server with tracemalloc on)",
        [(moment, *map(_kb, values)) for moment, values in memory],
        ("moment", *MEASURES),
    )
    print_table(
        "Each extra session (20 open minus 1 open, over 19; target: at most 5 MB)",
        per_session(memory),
        ("measure", "per session"),
    )


if __name__ == "__main__":
    main()
