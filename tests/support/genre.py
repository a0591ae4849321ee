"""The fictional review articles written in the genre (tests/fixtures/articles/, marked 【虚构】) and
their answer keys: a draft made from each with ``python -m components.ingest --out``, completed as a
maintainer would (only ``better``, and a domain where none was proposed), and the rows matched to the key."""

from __future__ import annotations

import math
import subprocess
import sys
import tomllib
from pathlib import Path

from components.data.figure_text import base_unit
from tests.support.data_files import ROOT, read_rows, write_rows

ARTICLES = ROOT / "tests" / "fixtures" / "articles"
SLUGS = ("county-2022", "province-2021", "city-police-2023")


def answer_key(slug: str) -> dict:
    """The article's key: its source record and every figure a reader should take from it."""
    return tomllib.loads((ARTICLES / f"{slug}.toml").read_text(encoding="utf-8"))


def ingest_draft(slug: str, folder: Path) -> subprocess.CompletedProcess:
    """Run the ingest command line as a maintainer would, with the record's fields and nothing English."""
    key = answer_key(slug)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "components.ingest",
            str(ARTICLES / f"{slug}.txt"),
            "--out",
            str(folder),
            "--id",
            slug,
            "--year",
            str(key["year"]),
            "--place",
            key["place"],
            "--place-short",
            key["place_short"],
            "--level",
            key["level"],
            "--publisher",
            key["publisher"],
            "--date",
            key["date"],
            "--author",
            "记者 某某",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def parts(row: dict[str, str]) -> list[tuple[str, str, float | None]]:
    """The figures a row holds as (words, kind, number in base units): its level and its change."""
    factor = base_unit(row["unit"])[1]
    held = []
    if row["value_text"]:
        held.append((row["value_text"], "value", float(row["value"]) * factor))
    change = next(((column, float(row[column])) for column in ("yoy_pct", "yoy_pp", "yoy_abs") if row[column]), None)
    if row["yoy_text"] and change:
        held.append((row["yoy_text"], "change", change[1] * (factor if change[0] == "yoy_abs" else 1)))
    return held


def matches(row: dict[str, str], figure: dict) -> list[int]:
    """Which parts of a row hold the key's figure (its words and numbers; a level and its change written
    together are one figure of the key, and a row's level and change may be two)."""
    held = parts(row)
    together = [index for index, (text, _, _) in enumerate(held) if text in figure["text"]]
    numbers = {kind: number for index, (_, kind, number) in enumerate(held) if index in together}
    previous = float(row["from_value"]) * base_unit(row["unit"])[1] if row["from_value"] else None
    right = all(_same(numbers.get(name), figure.get(name)) for name in ("value", "change")) and _same(
        previous if "value" in numbers else None, figure.get("previous") if "value" in numbers else None
    )
    return together if together and right else []


def _same(found: float | None, expected: float | None) -> bool:
    return (found is None) == (expected is None) and (found is None or math.isclose(found, expected, rel_tol=1e-9))


def assign(rows: list[dict[str, str]], figures: list[dict]) -> list[int | None]:
    """For each key figure in reading order, the index of the row that holds it (None when none does);
    no part of a row holds two figures."""
    taken: set[tuple[int, int]] = set()
    found: list[int | None] = []
    for figure in figures:
        index = next(
            (
                i
                for i, row in enumerate(rows)
                if (held := matches(row, figure)) and not taken & {(i, part) for part in held}
            ),
            None,
        )
        found.append(index)
        if index is not None:
            taken.update((index, part) for part in matches(rows[index], figure))
    return found


def complete_as_a_maintainer(slug: str, folder: Path) -> None:
    """Fill only what a person decides: each row's better, and its domain where none was proposed."""
    figures = answer_key(slug)["figures"]
    rows = read_rows(folder / "figures.csv")
    for figure, index in zip(figures, assign(rows, figures)):
        if index is not None:
            rows[index]["better"] = figure["better"]
            rows[index]["domain"] = rows[index]["domain"] or figure["domain"]
    for row in rows:  # a row the key does not hold would still need a person's word: make it visible
        row["better"] = row["better"] or "neutral"
        row["domain"] = row["domain"] or "public_order"
    write_rows(folder / "figures.csv", rows)
