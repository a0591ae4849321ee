"""The memo shared between sessions (components/memo.py): a shared result is built once, even by
sessions arriving together, never changed by one session, and built again after a failure."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.support.app_text import open_folded, run_app


def _snapshot(value) -> str:
    """A value's full content as text, to notice any change made to a shared object."""
    if isinstance(value, tuple | list):
        return "[" + ",".join(_snapshot(item) for item in value) + "]"
    if hasattr(value, "to_dict") and hasattr(value, "layout"):
        return json.dumps(value.to_dict(), sort_keys=True, default=str)
    if hasattr(value, "to_json"):
        return value.to_json()
    return repr(value)


def test_objects_shared_between_sessions_are_never_changed_by_one(monkeypatch):
    """Each shared object is photographed the moment it is built; after sessions in other views,
    languages and modes have used them all, every one must still match its photograph."""
    from components import memo

    built: dict[tuple, tuple[object, str]] = {}
    results = memo.SharedResults()
    original_get = results.get

    def get(key, build):
        def photographed():
            value = build()
            built[key] = (value, _snapshot(value))
            return value

        return original_get(key, photographed)

    monkeypatch.setattr(results, "get", get)
    monkeypatch.setattr(memo, "RESULTS", results)
    for query in (
        {},
        {"domain": "消防"},
        {"lang": "en"},
        {"present": "true", "step": "2"},
        {"county": "缙云县"},
        {"present": "true", "step": "7", "county": "莲都区"},
        {"present": "true", "step": "9"},
    ):
        at = open_folded(run_app(query))
        open_folded(at.multiselect(key="domain").set_value(["fire", "disputes"]).run())
    assert {key[0].rsplit(".", 1)[-1] for key in built} >= {
        "_chart",
        "figures_table",
        "_chart_data_html",
        "_narrative",
        "kpis_html",
        "_practice_lists",
        "_citywide_practices",
        "article",
        "map_layout_note",
        "view_rows",
        "practices",
        "headlines",
    }
    changed = [key for key, (value, photo) in built.items() if _snapshot(value) != photo]
    assert changed == []


def test_a_shared_result_is_one_whether_its_defaults_are_written_or_not(monkeypatch):
    from components import memo

    monkeypatch.setattr(memo, "RESULTS", memo.SharedResults())
    calls = []

    @memo.memoised
    def cards(view: str, items: range | None = None) -> list:
        calls.append((view, items))
        return [view]

    assert cards("all") is cards("all", None) is cards("all", items=None)
    assert cards("all", range(0, 5)) is not cards("all")
    assert calls == [("all", None), ("all", range(0, 5))]


def test_sessions_arriving_together_build_each_shared_result_once():
    from components import memo

    results, builds = memo.SharedResults(), []
    all_missed = threading.Event()

    class Misses(dict):
        """Counts the sessions that found no result and went to build or wait."""

        def setdefault(self, key, default):
            lock = super().setdefault(key, default)
            self.count = getattr(self, "count", 0) + 1
            if self.count == 8:
                all_missed.set()
            return lock

    results._building = Misses()

    def build():
        builds.append(1)
        assert all_missed.wait(timeout=30), "every session reaches the result while it is being built"
        return object()

    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda _: results.get(("figure", "view"), build), range(8)))
    assert len(builds) == 1 and all(value is got[0] for value in got)


def test_a_failed_build_is_tried_again_by_the_next_session():
    from components import memo

    results = memo.SharedResults()

    def broken():
        raise OSError("disk went away")

    with pytest.raises(OSError, match="disk went away"):
        results.get(("figure", "view"), broken)
    assert results.get(("figure", "view"), lambda: "built") == "built"
