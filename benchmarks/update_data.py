"""A data update under load: 20 viewers keep asking for page runs (each changing the domain filter,
as benchmarks/rerun.py does) while deploy/update-data switches an install to a new release and then
switches back (--rollback). Run with `python -m benchmarks.update_data`.

The install is laid out as install.sh lays it out (data -> data-releases/<release>, app, venv),
in a temporary folder, and served as the product serves it (components.serve) with
DASHBOARD_DATA_DIR=$PREFIX/data. The new release differs from the first one in the review's title
(the source line under the page title) and in one figure's label (its KPI card, chart and tables),
so every page shows which release it was drawn from, and a page drawn from both shows both.

Every page run's texts (headings, markdown, HTML, each chart's figure JSON) are compared with the
same view's page drawn by a server that serves only one release: a run must match one of them
exactly. Printed: errors and mixed runs (target 0 each), runs asked for after a switch that still
show the old release (target 0), and for each switch the first page run that shows the new release
(how long after the switch it finished, and its own time) against the warm page run's median under
the same load. tests/deploy/test_update_under_load.py runs the same scenario and asserts all but the times.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.common import machine, print_table
from benchmarks.wsclient import Session, close_all, connect, run_page
from tests.support.browser import running_app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
VIEWERS = 20
CYCLES = 3  # update then rollback, this many times (the test does one)
FIRST_RELEASE = "first"
SEEN_TIMEOUT_S = 60.0  # how long every viewer has to show a new release before the scenario moves on
RUNS_AFTER = 2  # each viewer's page runs asked for after a switch, before the next one

TITLE = ("步履铿锵铸平安", "稳步前行护平安")  # the review's title (start), first release and new release
TITLE_EN = ("Steady Steps Forge Safety", "Firm Strides Guard Safety")
LABEL = ("火灾事故", "火情事故")  # a figure in the domain every filter below keeps (options[2])
LABEL_EN = ("Fire accidents", "Fire incidents")
# Where each difference shows, as text only that release's page holds: (first release, new release).
MARKERS = {
    "source line": (f"《{TITLE[0]}", f"《{TITLE[1]}"),
    "label in cards and tables": (f">{LABEL[0]}<", f">{LABEL[1]}<"),
    "label in charts": (json.dumps(LABEL[0]), json.dumps(LABEL[1])),  # Plotly's JSON escapes it as \\uXXXX
}


# --- the install and its two releases -------------------------------------------------------------


def make_release_b(source: Path, target: Path) -> Path:
    """A copy of ``source`` with a new title for its review and a new label for one figure."""
    shutil.copytree(source, target)
    sources = target / "sources.toml"
    text = sources.read_text(encoding="utf-8")
    for old, new in (TITLE, TITLE_EN):
        assert text.count(f'"{old}') == 1, f"{old} is not the start of one title in {sources}"
        text = text.replace(f'"{old}', f'"{new}')
    sources.write_text(text, encoding="utf-8")
    figures = target / "figures.csv"
    lines = figures.read_text(encoding="utf-8").splitlines(keepends=True)
    old_cells = f",{LABEL[0]},{LABEL_EN[0]},"
    changed = [n for n, line in enumerate(lines) if old_cells in line]
    assert len(changed) == 1, f"one row labelled {LABEL[0]} expected in {figures}"
    lines[changed[0]] = lines[changed[0]].replace(old_cells, f",{LABEL[1]},{LABEL_EN[1]},")
    figures.write_text("".join(lines), encoding="utf-8")
    return target


def make_install(prefix: Path, data: Path = DATA) -> Path:
    """An install as install.sh leaves it, for deploy/update-data: data-releases/ holding a copy of
    ``data``, the data link to it, and app and venv linked to this tree and its Python."""
    (prefix / "data-releases").mkdir(parents=True)
    shutil.copytree(data, prefix / "data-releases" / FIRST_RELEASE)
    (prefix / "data").symlink_to(f"data-releases/{FIRST_RELEASE}")
    (prefix / "app").symlink_to(ROOT)
    (prefix / "venv").symlink_to(Path(sys.prefix))
    return prefix


# --- what a page run showed -----------------------------------------------------------------------


@dataclass
class Pages:
    """The page of each filter, as one release draws it: the texts of each run (wsclient.element_text)."""

    filters: list[list[str]]  # the domain filter's options chosen, per view
    texts: list[list[str]]


async def reference_pages(url: str) -> Pages:
    """One viewer asks for each view in turn: one domain, two, and all of them (the first page)."""
    session = await connect(url)
    session.texts = []
    try:
        await run_page(session)
        assert not session.error, session.error
        widget, options = next(iter(session.multiselects.items()))
        filters = [[options[2]], [options[2], options[4]], list(options)]
        texts = []
        for chosen in filters:
            await run_page(session, multiselect=(widget, chosen))
            assert not session.error, session.error
            texts.append(session.texts)
    finally:
        await close_all([session])
    return Pages(filters, texts)


def markers_in(texts: list[str]) -> tuple[list[str], list[str]]:
    """The differences (MARKERS' names) shown as the first release shows them, and as the new one does."""
    page = "\n".join(texts)
    return (
        [name for name, (first, _) in MARKERS.items() if first in page],
        [name for name, (_, new) in MARKERS.items() if new in page],
    )


def verdict(texts: list[str], view: int, references: dict[str, Pages]) -> str:
    """ "A" or "B" when the run's texts are exactly that release's page of the view. Otherwise "mix"
    when it shows differences of both releases (MARKERS, or whole elements that only one release's
    page of the view holds), "none" when of neither, and "A?"/"B?" when it shows only one release's
    differences but is not that release's page either."""
    for release, pages in references.items():
        if texts == pages.texts[view]:
            return release
    first, new = markers_in(texts)
    only_a, only_b = (set(references[r].texts[view]) - set(references[o].texts[view]) for r, o in ("AB", "BA"))
    if (first and new) or (only_a & set(texts) and only_b & set(texts)):
        return "mix"
    return "A?" if first else "B?" if new else "none"


# --- the scenario ---------------------------------------------------------------------------------


@dataclass
class Run:
    viewer: int
    view: int  # index into Pages.filters
    sent: float  # perf_counter when the page run was asked for
    done: float  # and when its "script finished" arrived
    seconds: float
    error: str
    release: str  # verdict()
    texts: list[str] = field(repr=False, default_factory=list)


@dataclass
class Switch:
    release: str  # what is served afterwards: "A" or "B"
    command: list[str]
    started: float
    switched: float  # when update-data said "Now serving" (right after its rename)
    finished: float
    returncode: int
    output: str


@dataclass
class Outcome:
    runs: list[Run]
    switches: list[Switch]
    viewers: int

    def viewer_runs(self, viewer: int) -> list[Run]:
        return [run for run in self.runs if run.viewer == viewer]

    def after(self, switch: Switch) -> list[Run]:
        """Runs asked for once the switch was made and before the next switch started."""
        later = [other.started for other in self.switches if other.started > switch.started]
        end = min(later, default=math.inf)
        return [run for run in self.runs if switch.switched < run.sent and run.done < end]

    def before_first_switch(self) -> list[Run]:
        start = self.switches[0].started if self.switches else math.inf
        return [run for run in self.runs if run.done < start]


async def update_data(prefix: Path, *args: str) -> Switch:
    """Run deploy/update-data with PREFIX set, noting when it said it switched."""
    command = [str(prefix / "app" / "deploy" / "update-data"), *args]
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        *command,
        env={**os.environ, "PREFIX": str(prefix)},
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    switched, output = math.nan, []
    async for line in process.stdout:
        if line.startswith(b"Now serving"):
            switched = time.perf_counter()
        output.append(line.decode(errors="replace"))
    returncode = await process.wait()
    release = "A" if args[0] == "--rollback" else "B"
    return Switch(release, command, started, switched, time.perf_counter(), returncode, "".join(output))


async def _viewer(url: str, number: int, references: dict[str, Pages], runs: list[Run], stop: asyncio.Event) -> None:
    """One viewer: opens the page, then changes the domain filter again and again until ``stop``."""
    filters = next(iter(references.values())).filters
    view, turn = len(filters) - 1, number  # the first page shows every domain
    sent = time.perf_counter()
    try:
        session = await connect(url)
    except OSError as problem:
        runs.append(Run(number, view, sent, time.perf_counter(), math.nan, f"connect: {problem!r}", "none"))
        return
    session.texts = []
    try:
        while True:
            try:
                await run_page(session, multiselect=None if turn == number else (_widget(session), filters[view]))
            except Exception as problem:  # noqa: BLE001 - e.g. the socket closed before the request was sent
                runs.append(Run(number, view, sent, time.perf_counter(), math.nan, repr(problem), "none"))
                break
            runs.append(
                Run(
                    number,
                    view,
                    sent,
                    time.perf_counter(),
                    session.seconds,
                    session.error,
                    verdict(session.texts, view, references),
                    session.texts,
                )
            )
            if stop.is_set() or "ConnectionClosed" in session.error:
                break
            turn += 1
            view, sent = turn % len(filters), time.perf_counter()
    finally:
        await close_all([session])


def _widget(session: Session) -> str:
    return next(iter(session.multiselects))


async def _wait(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.perf_counter() + seconds
    while not condition():
        if time.perf_counter() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


async def under_load(
    url: str,
    prefix: Path,
    new_release: Path,
    references: dict[str, Pages],
    cycles: int = 1,
    warm_runs: int = 3,
    viewers: int = VIEWERS,
) -> Outcome:
    """``viewers`` viewers on the page; once each has had ``warm_runs`` page runs, update to
    ``new_release`` and roll back, ``cycles`` times. Before each next step every viewer has had
    RUNS_AFTER runs asked for after the switch (or SEEN_TIMEOUT_S passed)."""
    runs: list[Run] = []
    outcome = Outcome(runs, [], viewers)
    stop = asyncio.Event()
    tasks = [asyncio.create_task(_viewer(url, number, references, runs, stop)) for number in range(viewers)]

    def every_viewer(enough: Callable[[list[Run]], bool]) -> Callable[[], bool]:
        return lambda: all(enough(outcome.viewer_runs(n)) or task.done() for n, task in enumerate(tasks))

    try:
        await _wait(every_viewer(lambda own: len(own) >= warm_runs), SEEN_TIMEOUT_S)
        for _ in range(cycles):
            for args in ([str(new_release)], ["--rollback"]):
                if outcome.switches:  # update-data names a release by the second it was made
                    await asyncio.sleep(max(0.0, 1.05 - (time.perf_counter() - outcome.switches[-1].finished)))
                switch = await update_data(prefix, *args)
                outcome.switches.append(switch)
                if switch.returncode != 0 or math.isnan(switch.switched):
                    return outcome
                await _wait(
                    every_viewer(lambda own, at=switch.switched: sum(run.sent > at for run in own) >= RUNS_AFTER),
                    SEEN_TIMEOUT_S,
                )
    finally:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
    return outcome


def scenario(folder: Path, cycles: int = 1, warm_runs: int = 3) -> tuple[Outcome, dict[str, Pages]]:
    """The whole scenario in ``folder``: the new release, the reference pages of both releases (each
    from a server of its own), the install, and the load while it is updated and rolled back."""
    new_release = make_release_b(DATA, folder / "new-release")
    prefix = make_install(folder / "install")
    references = {}
    with running_app(env={"DASHBOARD_DATA_DIR": str(new_release)}) as url:
        references["B"] = asyncio.run(reference_pages(url))
    with running_app(env={"DASHBOARD_DATA_DIR": str(prefix / "data")}) as url:
        references = {"A": asyncio.run(reference_pages(url)), **references}
        outcome = asyncio.run(under_load(url, prefix, new_release, references, cycles, warm_runs))
    return outcome, references


# --- what it found ---------------------------------------------------------------------------------


def stale_runs(outcome: Outcome) -> list[tuple[Switch, Run]]:
    """Runs asked for after a switch that did not show the release switched to."""
    return [
        (switch, run)
        for switch in outcome.switches
        for run in outcome.after(switch)
        if not run.error and run.release != switch.release
    ]


def first_new_run(outcome: Outcome, switch: Switch) -> Run | None:
    """The first page run to finish showing the release ``switch`` switched to."""
    shown = [run for run in outcome.runs if run.done > switch.started and run.release == switch.release]
    return min(shown, key=lambda run: run.done, default=None)


def all_shown(outcome: Outcome, switch: Switch) -> tuple[float, list[Run]]:
    """When the last viewer was shown the release ``switch`` switched to (seconds after the switch),
    and the page runs that finished meanwhile (each waited for its turn while the new release loaded)."""
    firsts = [
        min(
            (run.done for run in outcome.viewer_runs(n) if run.done > switch.started and run.release == switch.release),
            default=math.inf,
        )
        for n in range(outcome.viewers)
    ]
    last = max(firsts, default=math.inf)
    return last - switch.switched, [run for run in outcome.runs if switch.switched <= run.done <= last]


def warm_median(outcome: Outcome) -> float:
    """The median page run under the same load before the first switch (each viewer's first page left out)."""
    firsts = {id(own[0]) for own in map(outcome.viewer_runs, range(outcome.viewers)) if own}
    warm = [run.seconds for run in outcome.before_first_switch() if id(run) not in firsts and not run.error]
    return statistics.median(warm) if warm else math.nan


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> None:
    print(
        f"A data update under load ({VIEWERS} viewers changing the domain filter; deploy/update-data, then "
        f"--rollback, {CYCLES} times) on {machine()}"
    )
    with tempfile.TemporaryDirectory() as folder:
        outcome, _ = scenario(Path(folder), cycles=CYCLES, warm_runs=5)
    runs, warm = outcome.runs, warm_median(outcome)
    errors = [run for run in runs if run.error]
    mixed = [run for run in runs if not run.error and run.release not in ("A", "B")]
    stale = stale_runs(outcome)
    print_table(
        "Page runs (target: 0 errors, 0 mixed, 0 showing the old release once switched)",
        [
            (
                str(len(runs)),
                str(sum(run.release == "A" for run in runs)),
                str(sum(run.release == "B" for run in runs)),
                str(len(errors)),
                str(len(mixed)),
                str(len(stale)),
                _ms(warm),
            )
        ],
        ("page runs", "release A", "release B", "errors", "mixed", "old after switch", "warm run median (under load)"),
    )
    rows = []
    for number, switch in enumerate(outcome.switches):
        first = first_new_run(outcome, switch)
        label = f"{number // 2 + 1}: {'update to B' if switch.release == 'B' else 'rollback to A'}"
        if switch.returncode or first is None:
            rows.append((label, f"exit {switch.returncode}", "-", "-", "-", "-"))
            continue
        everyone, meanwhile = all_shown(outcome, switch)
        slowest = max((run.seconds for run in meanwhile), default=math.nan)
        rows.append(
            (
                label,
                _ms(switch.switched - switch.started),
                _ms(first.done - switch.switched),
                _ms(first.seconds),
                f"{first.seconds / warm:.1f}x",
                _ms(everyone),
                f"{_ms(slowest)} ({slowest / warm:.1f}x)",
            )
        )
    print_table(
        f"Each switch: update-data's own time (validation, copy) until its rename; the first page run "
        f"showing the new release: when it finished after the rename, its own time, and that against the "
        f"warm median ({_ms(warm)}); when all {outcome.viewers} viewers had been shown it, and the slowest "
        f"page run finished by then (reported)",
        rows,
        (
            "switch",
            "update-data",
            "first new page after",
            "its time",
            "vs warm",
            "all shown after",
            "slowest meanwhile (vs warm)",
        ),
    )
    for run in errors[:5]:
        print(f"  error, viewer {run.viewer}: {run.error}")
    for run in mixed[:5]:
        print(f"  not one release's page, viewer {run.viewer}, view {run.view}: {run.release} {markers_in(run.texts)}")
    for switch, run in stale[:5]:
        print(f"  after the switch to {switch.release}, viewer {run.viewer} was shown {run.release}")


if __name__ == "__main__":
    main()
