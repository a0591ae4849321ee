"""Page runs take turns: at most ``PAGE_RUNS_AT_ONCE`` sessions draw the page at the same time.

Every session's script is a thread of one Python process, and they share one interpreter lock.
When a room opens the link together, 20 scripts running side by side each take 20 times as long
and every page appears at the very end. Taking turns, the first pages appear after one script's
time and the last no later than before (benchmarks/viewers.py measures both).
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Iterator

PAGE_RUNS_AT_ONCE = 1
_TURNS = threading.BoundedSemaphore(PAGE_RUNS_AT_ONCE)
_WAITED = threading.local()


@contextmanager
def page_turn() -> Iterator[None]:
    """Wait for this session's turn to draw the page, and give it up afterwards (also on st.stop or st.rerun)."""
    start = time.perf_counter()
    with _TURNS:
        _WAITED.seconds = time.perf_counter() - start
        yield


def waited() -> float:
    """How long this thread's last page run waited for its turn, in seconds."""
    return getattr(_WAITED, "seconds", 0.0)
