"""Page runs take turns (components/ui/turns.py), and a run never waits for ever."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest


def test_page_runs_take_turns_and_a_stopped_run_gives_its_turn_back():
    from components.ui import turns

    order, first_inside, moments = [], threading.Event(), {}

    def first():
        with turns.page_turn():
            first_inside.set()
            deadline = time.monotonic() + 30
            while not turns._TURNS._cond._waiters and time.monotonic() < deadline:  # the second run is queued
                time.sleep(0.001)
            moments["second seen waiting"] = time.perf_counter()
            order.append("first done")
        moments["turn given back"] = time.perf_counter()

    def second():
        first_inside.wait()
        with turns.page_turn():
            order.append("second starts")
        return turns.waited()

    with ThreadPoolExecutor(2) as pool:
        pool.submit(first)
        waited = pool.submit(second).result()
    assert order == ["first done", "second starts"]
    assert waited >= moments["turn given back"] - moments["second seen waiting"] > 0
    with pytest.raises(RuntimeError), turns.page_turn():  # st.stop() and st.rerun() leave by an exception
        raise RuntimeError
    assert turns._TURNS.acquire(timeout=5), "the turn was given back"
    turns._TURNS.release()


def test_a_run_that_waits_too_long_for_its_turn_draws_anyway(monkeypatch):
    from components.ui import turns

    monkeypatch.setattr(turns, "TURN_TIMEOUT_S", 0.1)
    assert turns._TURNS.acquire(timeout=5)  # a stuck run holds the turn
    try:
        with turns.page_turn():
            drawn = True
        assert drawn and turns.waited() >= 0.1
    finally:
        turns._TURNS.release()  # raises if page_turn gave back a turn it never had
