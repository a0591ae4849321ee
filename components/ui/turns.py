"""Page runs take turns: one session draws its page at a time.

Every session's script is a thread of one Python process, and they share one interpreter lock.
When a room opens the link together, 20 scripts running side by side each take 20 times as long
and every page appears at the very end. Taking turns (roughly in order of arrival; the lock does
not promise strict order), the first pages appear after one script's time
(benchmarks/viewers.py measures it). A run that waits longer than ``TURN_TIMEOUT_S`` draws anyway,
so one stuck run can slow the others but never stop them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

TURN_TIMEOUT_S = 10.0
_TURNS = threading.BoundedSemaphore(1)
_WAITED = threading.local()
_LOG = logging.getLogger(__name__)


@contextmanager
def page_turn() -> Iterator[None]:
    """Wait for this session's turn to draw the page, and give it up afterwards (also on st.stop or st.rerun)."""
    start = time.perf_counter()
    got_turn = _TURNS.acquire(timeout=TURN_TIMEOUT_S)
    _WAITED.seconds = time.perf_counter() - start
    if not got_turn:
        _LOG.warning("A page run waited %.0f s for its turn and is drawn without it.", TURN_TIMEOUT_S)
    try:
        yield
    finally:
        if got_turn:
            _TURNS.release()


def waited() -> float:
    """How long this thread's last page run waited for its turn, in seconds (the benchmarks read it)."""
    return getattr(_WAITED, "seconds", 0.0)
