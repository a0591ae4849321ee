"""A province's library, made up for the benchmarks and the slow tests: the 2019 review copied as many
places, each reviewing many years. Place n is 样例地nnn (Place nnn); its review of year y has the
source id ``place-nnn-y``."""

from __future__ import annotations

import csv
import shutil
import tomllib
from pathlib import Path

from components.data.loader import DEFAULT_DATA_DIR
from tests.support.data_files import read_rows

SOURCE = "lishui-daily-2020-03-10"
LAST_YEAR = 2019
REVIEW_TABLES = ("figures.csv", "sections.csv", "passages.csv", "practices.csv")


def source_id(place: int, year: int) -> str:
    return f"place-{place:03d}-{year}"


def grown_library(target: Path, places: int, years: int) -> Path:
    """``data/`` with ``places`` × ``years`` reviews (the real one first, as itself), written to ``target``."""
    shutil.copytree(DEFAULT_DATA_DIR, target)
    article = (DEFAULT_DATA_DIR / "articles" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    sources_text = (DEFAULT_DATA_DIR / "sources.toml").read_text(encoding="utf-8")
    entry = sources_text.split("[[sources]]", 1)[1]
    tables = {name: read_rows(DEFAULT_DATA_DIR / name) for name in REVIEW_TABLES}
    grown = {name: list(rows) for name, rows in tables.items()}
    copies = [(place, LAST_YEAR - back) for place in range(places) for back in range(years)][1:]
    with open(target / "sources.toml", "a", encoding="utf-8") as sources:
        for place, year in copies:
            copy_id = source_id(place, year)
            (target / "articles" / f"{copy_id}.txt").write_text(article, encoding="utf-8")
            sources.write("\n[[sources]]" + _entry(entry, copy_id, place, year))
            for name, rows in tables.items():
                grown[name].extend(_row(name, row, copy_id, year) for row in rows)
    for name, rows in grown.items():
        with open(target / name, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    assert len(tomllib.loads((target / "sources.toml").read_text(encoding="utf-8"))["sources"]) == places * years
    return target


def _entry(entry: str, copy_id: str, place: int, year: int) -> str:
    replaced = (
        entry.replace(f'"{SOURCE}"', f'"{copy_id}"')
        .replace(f"{SOURCE}.txt", f"{copy_id}.txt")
        .replace(f"year = {LAST_YEAR}", f"year = {year}")
    )
    if place:
        replaced = (
            replaced.replace('place = "丽水市"', f'place = "样例地{place:03d}"')
            .replace('place_short = "丽水"', f'place_short = "样例{place:03d}"')
            .replace('place_en = "Lishui"', f'place_en = "Place {place:03d}"')
        )
    return replaced


def _row(name: str, row: dict, copy_id: str, year: int) -> dict:
    row = dict(row, source_id=copy_id)
    if name == "figures.csv":
        row.update(
            id=f"{copy_id}-{row['metric']}",
            year=str(year),
            parent=f"{copy_id}-{row['parent'].split('-', 1)[1]}" if row["parent"] else "",
        )
    return row


def add_review(folder: Path) -> str:
    """One more place's review of the last year appended to the library in ``folder``; its source id."""
    sources = tomllib.loads((folder / "sources.toml").read_text(encoding="utf-8"))["sources"]
    place = 1 + max(
        (int(entry["id"].split("-")[1]) for entry in sources if entry["id"].startswith("place-")), default=0
    )
    copy_id = source_id(place, LAST_YEAR)
    entry = (DEFAULT_DATA_DIR / "sources.toml").read_text(encoding="utf-8").split("[[sources]]", 1)[1]
    article = (DEFAULT_DATA_DIR / "articles" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    (folder / "articles" / f"{copy_id}.txt").write_text(article, encoding="utf-8")
    with open(folder / "sources.toml", "a", encoding="utf-8") as handle:
        handle.write("\n[[sources]]" + _entry(entry, copy_id, place, LAST_YEAR))
    for name in REVIEW_TABLES:
        rows = read_rows(DEFAULT_DATA_DIR / name)
        with open(folder / name, "a", encoding="utf-8", newline="") as handle:
            csv.DictWriter(handle, fieldnames=list(rows[0])).writerows(
                _row(name, row, copy_id, LAST_YEAR) for row in rows
            )
    return copy_id
