"""One caching mechanism: pure builders memoised on their hashable arguments, shared by every session.

``@memoised`` keys a result by the builder and its arguments; a ``PageContext`` hashes as its key
(data folder, data version, view, language, presenting), so no call site writes a key by hand.
Results are shared read-only. The store is bounded by bytes, not entries, and each result is built
once even when sessions ask for it at the same moment.
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

MAX_BYTES = 256 * 2**20
ESTIMATED_BYTES = 64 * 2**10  # a figure, a table, a list: counted at this size, bytes and text at their length


def size_of(result: object) -> int:
    """What a result counts against the budget."""
    if isinstance(result, (bytes, str)):
        return max(len(result), 1)
    return ESTIMATED_BYTES


class SharedResults:
    """A thread-safe LRU map from key to result, bounded by ``max_bytes``."""

    def __init__(self, max_bytes: int = MAX_BYTES):
        self._results: OrderedDict[tuple, tuple[object, int]] = OrderedDict()
        self._building: dict[tuple, threading.Lock] = {}
        self._lock = threading.Lock()
        self._bytes = 0
        self.max_bytes = max_bytes

    @property
    def size(self) -> int:
        """Bytes held now."""
        return self._bytes

    def get(self, key: tuple, build: Callable[[], T]) -> T:
        """The result for ``key``, built by ``build()`` if no session has built it yet."""
        found = self._lookup(key)
        if found is not None:
            return found[0]
        with self._lock:
            building = self._building.setdefault(key, threading.Lock())
        with building:  # only this key waits; other results are read and built meanwhile
            found = self._lookup(key)  # built by the session this one waited for
            if found is None:
                try:
                    result = build()  # an exception is not kept: the next session tries again
                    self._store(key, result)
                finally:
                    with self._lock:
                        if self._building.get(key) is building:
                            del self._building[key]
                return result
        return found[0]

    def clear(self) -> None:
        """Forget every result."""
        with self._lock:
            self._results.clear()
            self._bytes = 0

    def _lookup(self, key: tuple) -> tuple[object] | None:
        with self._lock:
            if key not in self._results:
                return None
            self._results.move_to_end(key)
            return (self._results[key][0],)

    def _store(self, key: tuple, result: object) -> None:
        size = size_of(result)
        with self._lock:
            self._results[key] = (result, size)
            self._bytes += size
            while self._bytes > self.max_bytes and len(self._results) > 1:
                _, (_, dropped) = self._results.popitem(last=False)
                self._bytes -= dropped


RESULTS = SharedResults()


def memoised(builder: Callable[..., T]) -> Callable[..., T]:
    """``builder`` run once per distinct (hashable) arguments for every session; its result is read-only."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    signature = inspect.signature(builder)
    arity = len(signature.parameters)

    @functools.wraps(builder)
    def shared(*args, **kwargs):
        if kwargs or len(args) < arity:  # f(x) and f(x, None) are one call when None is the default
            call = signature.bind(*args, **kwargs)
            call.apply_defaults()
            args, kwargs = call.args, call.kwargs
        key = (name, args, tuple(sorted(kwargs.items())))
        return RESULTS.get(key, lambda: builder(*args, **kwargs))

    return shared
