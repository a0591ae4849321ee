"""A data update while the page is in use: 20 viewers keep asking for page runs while
deploy/update-data switches an install to a new release and rolls it back. No run fails, every run
shows one release's page exactly (never parts of both), and once a switch is made every run asked
for shows the release switched to (benchmarks/update_data.py runs the same scenario and times it)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from benchmarks.update_data import MARKERS, VIEWERS, markers_in, scenario, stale_runs, verdict

pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="module")
def under_load(tmp_path_factory):
    """The scenario's outcome and the reference pages of both releases. It runs in a thread of its
    own: a browser test's Playwright keeps an event loop running in the main thread."""
    with ThreadPoolExecutor(1) as worker:
        return worker.submit(scenario, tmp_path_factory.mktemp("update-under-load"), cycles=1, warm_runs=3).result()


def test_the_two_releases_differ_in_every_view_in_more_than_one_place(under_load):
    _, references = under_load
    for view in range(len(references["A"].texts)):
        first, new = references["A"].texts[view], references["B"].texts[view]
        assert markers_in(first) == (list(MARKERS), []), f"view {view}: release A shows all of its differences"
        assert markers_in(new) == ([], list(MARKERS)), f"view {view}: release B shows all of its differences"
        assert sum(a != b for a, b in zip(first, new)) >= 2 and len(first) == len(new)


def test_update_data_switched_and_rolled_back(under_load):
    outcome, _ = under_load
    assert [(switch.release, switch.returncode) for switch in outcome.switches] == [("B", 0), ("A", 0)], [
        switch.output for switch in outcome.switches
    ]


def test_no_page_run_fails(under_load):
    outcome, _ = under_load
    assert {run.viewer for run in outcome.runs} == set(range(VIEWERS))
    assert [(run.viewer, run.error) for run in outcome.runs if run.error] == []


def test_every_page_run_shows_exactly_one_release(under_load):
    outcome, _ = under_load
    odd = [
        (run.viewer, run.view, run.release, markers_in(run.texts))
        for run in outcome.runs
        if run.release not in ("A", "B")
    ]
    assert odd == [], "a page run drawn from both releases, or from neither"
    assert {run.release for run in outcome.runs} == {"A", "B"}
    every, none = list(MARKERS), []
    assert all(markers_in(run.texts) in ((every, none), (none, every)) for run in outcome.runs)


def test_a_page_mixing_the_releases_would_be_caught(under_load):
    """The check above on made-up pages: one element of the other release, or one element missing."""
    _, references = under_load
    for view, (first, new) in enumerate(zip(references["A"].texts, references["B"].texts)):
        differing = [n for n, (a, b) in enumerate(zip(first, new)) if a != b]
        for n in differing:
            mixed = [*first[:n], new[n], *first[n + 1 :]]
            assert verdict(mixed, view, references) == "mix", (view, n)
        assert verdict(first[:-1], view, references) == "A?"
        assert verdict([], view, references) == "none"


def test_viewers_see_the_new_release_after_the_switch_and_the_old_one_after_the_rollback(under_load):
    outcome, _ = under_load
    for switch in outcome.switches:
        shown = {run.viewer for run in outcome.after(switch) if run.release == switch.release}
        assert shown == set(range(VIEWERS)), f"every viewer shown {switch.release} after the switch"
    assert [(switch.release, run.viewer, run.release) for switch, run in stale_runs(outcome)] == [], (
        "a page run asked for after a switch showed the release switched from"
    )
    assert all(run.release == "A" for run in outcome.before_first_switch()), "A before the update"
