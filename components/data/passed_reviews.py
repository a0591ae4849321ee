"""Reviews that passed every check, remembered within one process: a review whose record, article and
rows are as they were when it last passed is not checked again. A data update that adds one review to
a library of a thousand checks that one (the checks across reviews, such as unique ids, still run)."""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections import OrderedDict
from collections.abc import Mapping

import pandas as pd

from components.data.figure_text import RowReadings
from components.data.records import Problem, Source

REVIEW_TABLES = ("figures.csv", "sections.csv", "passages.csv", "practices.csv")  # each row names its review
SHARED_TABLES = ("domains.csv", "places.csv")  # what a review's rows refer to
MAX_REVIEWS = 5000
_HASH_KEY = secrets.token_hex(8)  # 16 characters, as pandas' row hash takes


class PassedReviews:
    """A bounded, thread-safe map from a review's digest to its figure rows' readings."""

    def __init__(self, max_reviews: int = MAX_REVIEWS):
        self._passed: OrderedDict[str, tuple[RowReadings, ...]] = OrderedDict()
        self._lock = threading.Lock()
        self.max_reviews = max_reviews

    def readings(self, digest: str) -> tuple[RowReadings, ...] | None:
        """The readings of a review that passed with this digest, else None."""
        with self._lock:
            found = self._passed.get(digest)
            if found is not None:
                self._passed.move_to_end(digest)
            return found

    def add(self, digest: str, readings: tuple[RowReadings, ...]) -> None:
        with self._lock:
            self._passed[digest] = readings
            while len(self._passed) > self.max_reviews:
                self._passed.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._passed.clear()


PASSED = PassedReviews()


def review_digests(tables: Mapping[str, pd.DataFrame], sources: Mapping[str, Source]) -> dict[str, str]:
    """Each review's digest: its record and article, its rows of every table in order (their line
    numbers aside), the wholes its parts name, and the shared tables its rows refer to."""
    shared = repr([sorted(map(str, tables[name]["id"])) for name in SHARED_TABLES]).encode()
    parts: dict[str, list[bytes]] = {
        source_id: [shared, repr(source).encode()] for source_id, source in sources.items()
    }
    figures = tables["figures.csv"]
    whole_of: dict[str, bytes] = {}
    for figure_id, row_hash in zip(figures["id"], _row_hashes(figures)):
        whole_of.setdefault(figure_id, row_hash)  # the first row of an id: the one a part is checked against
    for name in REVIEW_TABLES:
        table = tables[name]
        for review, row_hash in zip(table["source_id"], _row_hashes(table)):
            if review in parts:
                parts[review].append(row_hash)
    for review, whole in zip(figures["source_id"], figures["parent"]):
        if whole and review in parts:  # a part is checked against its whole
            parts[review].append(whole_of.get(whole, b"?"))
    return {review: hashlib.blake2b(b"\n".join(pieces), digest_size=16).hexdigest() for review, pieces in parts.items()}


def _row_hashes(table: pd.DataFrame) -> list[bytes]:
    """A 64-bit hash of each row's cells (its line number aside), computed a column at a time, keyed
    by a secret of this process so no row can be made to collide with another on purpose."""
    cells = table.drop(columns="line").astype(str)
    hashes = pd.util.hash_pandas_object(cells, index=False, hash_key=_HASH_KEY)
    return [value.to_bytes(8, "little") for value in hashes.tolist()]


def failed_reviews(problems: list[Problem], tables: Mapping[str, pd.DataFrame]) -> set[str] | None:
    """The reviews some problem is on, or None when a problem is on no one review (a shared file)."""
    line_of = {name: dict(zip(tables[name]["line"], tables[name]["source_id"])) for name in REVIEW_TABLES}
    failed = set()
    for problem in problems:
        review = line_of.get(problem.file, {}).get(problem.row)
        if review is None:
            return None
        failed.add(review)
    return failed
