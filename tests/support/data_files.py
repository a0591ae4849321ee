"""The data folder's files for tests: where they are, CSV rows read and written, and a library of
two reviews made from them."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "data"
FIXTURES = ROOT / "tests" / "fixtures"


def read_rows(path: Path) -> list[dict[str, str]]:
    """A CSV file's rows as dicts (header order kept in the dict keys)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict[str, str]], header: list[str] | None = None) -> None:
    """Write rows back as CSV with the given header, or every key of the rows in order (a test may
    add a column that a file may leave out, such as yoy_abs)."""
    header = header or list(dict.fromkeys(key for row in rows for key in row))
    rows = [{key: row.get(key, "") for key in header} for row in rows]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def edit_rows(folder: Path, name: str, change: Callable[[list[dict[str, str]]], None]) -> None:
    """Apply ``change`` to the rows of ``folder/name`` in place."""
    rows = read_rows(folder / name)
    change(rows)
    write_rows(folder / name, rows)


def with_second_review(target: Path) -> Path:
    """data/ copied to ``target`` plus the fictional 2020 review of the same city in
    tests/fixtures/review_2020 (test-only, not real figures): new metrics, a domain and charts of its
    own, added as data alone."""
    shutil.copytree(DATA, target)
    extra = FIXTURES / "review_2020"
    shutil.copy(extra / "article.txt", target / "articles" / "test-review-2020.txt")
    for name in ("sources.toml", "charts.toml"):
        with open(target / name, "a", encoding="utf-8") as handle:
            handle.write((extra / name).read_text(encoding="utf-8"))
    for name in ("figures.csv", "sections.csv", "passages.csv", "domains.csv"):
        rows = read_rows(target / name) + read_rows(extra / name)
        write_rows(target / name, rows)
    return target
