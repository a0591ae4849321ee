"""The extractor and the draft on real published reviews: how many of the figures a reader takes from
each article are found, read exactly and stored in a valid draft, and how many fields a person still types.

The gold figures, annotated by hand, are in benchmarks/real_reviews/<slug>.toml (with each article's url);
the articles themselves are not in the repository: they are read from $REAL_REVIEWS_DIR (default
../real-reviews next to the repository), one <slug>.txt each, title on the first line.

Run with ``python -m benchmarks.real_reviews [--checkout PATH] [--python PATH] [--verbose]``. Every step runs
the measured checkout's command line in a subprocess (``python -m components.ingest`` and
``python -m components.validate``, with cwd = the checkout), so an older checkout is measured the same way.

- found: a candidate's span overlaps the gold figure's (the n-th occurrence of its text in the article);
  candidates in the title line are left out (the title repeats the body's figures).
- exact: an overlapping candidate has the gold's value and unit, and one has its change and change unit.
- right (precision): a candidate overlapping any gold figure, a repeated one included (repeat = true).
- stored: after filling only ``better`` (from the gold) and any empty ``domain``, a figures.csv row holds
  the gold's level and/or change, and validate reports no problem on that row but missing English.
- to type: the problem lines validate prints on the untouched draft, and how many of them are English.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import print_table

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "benchmarks" / "real_reviews"
TEXTS_ENV = "REAL_REVIEWS_DIR"
DEFAULT_TEXTS = ROOT.parent / "real-reviews"
MULTIPLIERS = {"万": 1e4, "亿": 1e8, "萬": 1e4, "億": 1e8}
PROBLEM_LINE = re.compile(  # "  - figures.csv, line 9, column “label_en”: must not be empty" (validate --lang en)
    r"^\s+- (?P<file>[^,:]+)(?:, line (?P<line>\d+))?(?:, column “(?P<column>[^”]*)”)?: (?P<message>.*)$"
)
# The figures.csv column of a change by its unit; a count (减少3起) goes in yoy_abs. A checkout without the
# column cannot store that change.
CHANGE_COLUMNS = {"%": "yoy_pct", "个百分点": "yoy_pp"}
TIMEOUT = 300  # seconds for one command


@dataclass(frozen=True)
class Gold:
    """One hand-annotated figure and where it is in the article."""

    figure: dict
    start: int
    end: int

    @property
    def repeat(self) -> bool:
        return bool(self.figure.get("repeat"))


@dataclass(frozen=True)
class Review:
    """A gold file and its article text (None when the text is missing)."""

    slug: str
    meta: dict
    text: str | None
    path: Path


def load_reviews(texts_dir: Path) -> list[Review]:
    """Every gold file, with its article if it is in ``texts_dir``."""
    reviews = []
    for gold_file in sorted(GOLD_DIR.glob("*.toml")):
        path = texts_dir / f"{gold_file.stem}.txt"
        text = path.read_text(encoding="utf-8") if path.is_file() else None
        reviews.append(Review(gold_file.stem, tomllib.loads(gold_file.read_text(encoding="utf-8")), text, path))
    return reviews


def gold_spans(review: Review) -> list[Gold]:
    """Each gold figure with the span of the n-th occurrence of its text."""
    spans = []
    for figure in review.meta["figures"]:
        starts = [match.start() for match in re.finditer(re.escape(figure["text"]), review.text)]
        if len(starts) < figure["occurrence"]:
            raise SystemExit(f"{review.slug}: “{figure['text']}” does not occur {figure['occurrence']} times")
        start = starts[figure["occurrence"] - 1]
        spans.append(Gold(figure, start, start + len(figure["text"])))
    return spans


def run(checkout: Path, python: str, *args: str) -> subprocess.CompletedProcess:
    """``python -m ARGS`` in the checkout."""
    return subprocess.run([python, "-m", *args], cwd=checkout, capture_output=True, text=True, timeout=TIMEOUT)


def read_candidates(checkout: Path, python: str, review: Review) -> list[dict]:
    """The extractor's candidates (``components.ingest --json``), those in the title line left out."""
    done = run(checkout, python, "components.ingest", str(review.path), "--json")
    if done.returncode != 0:
        print(f"  {review.slug}: ingest --json failed: {done.stderr.strip()}", file=sys.stderr)
        return []
    title_end = review.text.find("\n")
    return [candidate for candidate in json.loads(done.stdout) if candidate["start"] >= title_end]


def same(found, expected) -> bool:
    """Equal numbers (to nine significant digits), or both absent."""
    if found is None or expected is None:
        return found is None and expected is None
    return math.isclose(float(found), float(expected), rel_tol=1e-9, abs_tol=1e-9)


def overlaps(candidate: dict, gold: Gold) -> bool:
    return candidate["start"] < gold.end and gold.start < candidate["end"]


def exact(gold: Gold, candidates: list[dict]) -> bool:
    """Some overlapping candidate has the gold's value and unit, and some its change and change unit."""
    figure = gold.figure
    value_right = "value" not in figure or any(
        same(c["value"], figure["value"]) and c["unit"] == figure["unit"] for c in candidates
    )
    change_right = "change" not in figure or any(
        same(c["change"], figure["change"]) and c["change_unit"] == figure["change_unit"] for c in candidates
    )
    return value_right and change_right


def extraction(golds: list[Gold], candidates: list[dict], verbose: bool) -> Counter:
    """Gold figures found and read exactly, candidates that are right."""
    counts = Counter(gold=sum(not gold.repeat for gold in golds), candidates=len(candidates))
    for gold in golds:
        if gold.repeat:
            continue
        near = [candidate for candidate in candidates if overlaps(candidate, gold)]
        counts["found"] += bool(near)
        counts["exact"] += bool(near) and exact(gold, near)
        if verbose and not (near and exact(gold, near)):
            read = "; ".join(f"{c['text']} = {c['value']} {c['unit']} / {c['change']} {c['change_unit']}" for c in near)
            print(f"    {'misread' if near else 'missed '} {gold.figure['text']}  ({gold.figure['subject']})  {read}")
    for candidate in candidates:
        right = any(overlaps(candidate, gold) for gold in golds)
        counts["right"] += right
        if verbose and not right:
            print(f"    extra   {candidate['text']}  ({candidate['subject']})")
    return counts


def write_draft(checkout: Path, python: str, review: Review, folder: Path) -> bool:
    """``components.ingest ARTICLE --out FOLDER`` with the review's record."""
    meta = review.meta
    args = [
        "components.ingest",
        str(review.path),
        "--out",
        str(folder),
        "--id",
        review.slug,
        "--year",
        str(meta["year"]),
        "--place",
        meta["place"],
        "--level",
        meta["level"],
        "--publisher",
        meta["publisher"],
    ]
    if meta["date"]:
        args += ["--date", meta["date"]]
    done = run(checkout, python, *args)
    if done.returncode != 0:
        print(f"  {review.slug}: ingest --out failed: {done.stderr.strip()}", file=sys.stderr)
    return done.returncode == 0


def problems(checkout: Path, python: str, folder: Path) -> list[dict]:
    """The problem lines of ``components.validate FOLDER`` (file, line, column, message)."""
    done = run(checkout, python, "components.validate", "--lang", "en", str(folder))
    found = [PROBLEM_LINE.match(line) for line in done.stderr.splitlines()]
    return [match.groupdict() for match in found if match]


def is_english(problem: dict) -> bool:
    """A missing or wrong English text: an *_en column, or a message about the translation."""
    column, message = problem["column"] or "", problem["message"].lower()
    return column.endswith("_en") or "translation" in message or "english" in message


def read_rows(folder: Path) -> tuple[list[str], list[tuple[int, dict]]]:
    """figures.csv's columns and its rows, each with its line number."""
    with open(folder / "figures.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [(reader.line_num, row) for row in reader]
        return list(reader.fieldnames or []), rows


def matching_golds(row: dict, golds: list[Gold], text: str) -> list[Gold]:
    """Gold figures whose text holds the row's value_text or yoy_text, inside the row's quoted sentence."""
    written = [row.get(name) or "" for name in ("value_text", "yoy_text")]
    quote = row.get("source_quote") or ""
    sentences = [(m.start(), m.start() + len(quote)) for m in re.finditer(re.escape(quote), text)] if quote else []
    return [
        gold
        for gold in golds
        if any(part and part in gold.figure["text"] for part in written)
        and any(start <= gold.start and gold.end <= end for start, end in sentences)
    ]


def fill_draft(folder: Path, golds: list[Gold], text: str) -> None:
    """Fill only ``better`` from the gold, and an empty ``domain`` with a domain id."""
    with open(folder / "domains.csv", encoding="utf-8", newline="") as handle:
        domain = next(csv.DictReader(handle))["id"]
    columns, rows = read_rows(folder)
    for _, row in rows:
        matched = matching_golds(row, golds, text)
        if matched:
            row["better"] = matched[0].figure["better"]
        if not row.get("domain"):
            row["domain"] = domain
    with open(folder / "figures.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(row for _, row in rows)


def in_base_units(value: str, unit: str) -> tuple[float, str] | None:
    """A figures.csv value and unit in base units: (5570, 万元) -> (55700000, 元)."""
    if not value:
        return None
    factor = MULTIPLIERS.get(unit[:1], 1.0) if len(unit) > 1 else 1.0
    return float(value) * factor, unit[1:] if factor != 1.0 else unit


def holds(row: dict, gold: Gold) -> bool:
    """The row holds the gold's level and/or change, as the gold gives them."""
    figure = gold.figure
    if "value" in figure:
        level = in_base_units(row.get("value") or "", row.get("unit") or "")
        if level is None or not same(level[0], figure["value"]) or level[1] != figure["unit"]:
            return False
    if "change" in figure:
        change = row.get(CHANGE_COLUMNS.get(figure["change_unit"], "yoy_abs")) or ""
        if not change or not same(float(change), figure["change"]):
            return False
    return True


def stored(folder: Path, golds: list[Gold], text: str, blocking: set[int]) -> int:
    """Gold figures held by a figures.csv row on which validate reports nothing but missing English."""
    _, rows = read_rows(folder)
    kept = set()
    for line, row in rows:
        if line in blocking:
            continue
        kept.update(id(gold) for gold in matching_golds(row, golds, text) if holds(row, gold))
    return sum(id(gold) in kept for gold in golds if not gold.repeat)


def draft_counts(checkout: Path, python: str, review: Review, golds: list[Gold]) -> Counter:
    """Fields to type on the untouched draft, then gold figures stored once ``better`` is filled."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / review.slug
        if not write_draft(checkout, python, review, folder):
            return Counter()
        untouched = problems(checkout, python, folder)
        fill_draft(folder, golds, review.text)
        blocking = {
            int(p["line"])
            for p in problems(checkout, python, folder)
            if p["file"] == "figures.csv" and p["line"] and not is_english(p)
        }
        return Counter(
            to_type=len(untouched),
            english=sum(map(is_english, untouched)),
            stored=stored(folder, golds, review.text, blocking),
        )


def share(part: int, whole: int) -> str:
    return f"{part / whole:.1%} ({part}/{whole})" if whole else "-"


def row(name: str, counts: Counter) -> tuple[str, ...]:
    return (
        name,
        str(counts["gold"]),
        share(counts["found"], counts["gold"]),
        share(counts["right"], counts["candidates"]),
        share(counts["exact"], counts["gold"]),
        share(counts["stored"], counts["gold"]),
        str(counts["to_type"]),
        str(counts["english"]),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.real_reviews", description=__doc__.split("\n\n")[0])
    parser.add_argument("--checkout", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    parser.add_argument("--python", default=sys.executable, help="the Python to run it with")
    parser.add_argument(
        "--verbose", action="store_true", help="list the figures missed or misread, and the extra candidates"
    )
    args = parser.parse_args(argv)
    texts_dir = Path(os.environ.get(TEXTS_ENV) or DEFAULT_TEXTS).resolve()
    args.checkout = args.checkout.resolve()
    if os.sep in args.python:  # a path: the commands run in the checkout, so make it absolute
        args.python = os.path.abspath(args.python)
    print(f"Real reviews · checkout {args.checkout} · articles from {texts_dir}")
    rows, total = [], Counter()
    for review in load_reviews(texts_dir):
        if review.text is None:
            print(
                f"  missing: {review.path} — save the article from {review.meta['url']} there "
                f"(UTF-8, title on the first line); skipped"
            )
            continue
        if args.verbose:
            print(f"  {review.slug}")
        golds = gold_spans(review)
        counts = extraction(golds, read_candidates(args.checkout, args.python, review), args.verbose)
        counts += draft_counts(args.checkout, args.python, review, golds)
        rows.append(row(review.slug, counts))
        total += counts
    if not rows:
        print("No article found: nothing measured.")
        return 1
    rows.append(row("total", total))
    print_table(
        "Gold figures found, right and stored, and fields left to type",
        rows,
        ("review", "gold", "recall", "precision", "exact", "stored", "to type", "of which English"),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
