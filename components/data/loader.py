"""Load, validate and derive: a data folder becomes one Dataset of tidy pandas tables with the derived
values added, or one DataError naming every problem. The reading, the checks and the derived values
live in their own modules; this one puts them in order."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from components.data import schema
from components.data.checks import (
    check_charts,
    check_passages,
    check_places,
    check_practices,
    check_sections,
    check_unique,
)
from components.data.derived import enrich
from components.data.figure_checks import check_figures
from components.data.figure_text import RowReadings, read_rows
from components.data.files import FolderFiles, MemoryFiles
from components.data.passed_reviews import PASSED, REVIEW_TABLES, failed_reviews, review_digests
from components.data.read import read_charts, read_sources, read_table
from components.data.records import DataError, Dataset, Problem, Source, rows_of
from components.data.translation import untranslated, with_quote_translations

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DATA_DIR_ENV = "DASHBOARD_DATA_DIR"
TABLE_NAMES = (
    "figures.csv",
    "domains.csv",
    "sections.csv",
    "passages.csv",
    "places.csv",
    "practices.csv",
    "keywords.csv",
)


def data_dir_from_env() -> Path:
    """The data folder: ``$DASHBOARD_DATA_DIR`` if set, else the bundled ``data/``."""
    configured = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(configured) if configured else DEFAULT_DATA_DIR


def load_dataset(data_dir: Path | str | FolderFiles | MemoryFiles) -> Dataset:
    """Read and validate every file in ``data_dir`` (a folder, or files in memory) and add the
    derived values; raise DataError listing all problems. The app, the CLI, the desk, the tests and
    the benchmarks all load through here. Missing English is not a problem: ``Dataset.untranslated``
    lists it."""
    folder = data_dir if isinstance(data_dir, (FolderFiles, MemoryFiles)) else FolderFiles(Path(data_dir))
    problems: list[Problem] = []
    if not folder.exists():
        raise DataError([Problem(folder.label, "missing_folder")])
    sources = read_sources(folder, problems)
    declarations = read_charts(folder, problems)
    tables = {name: read_table(folder, name, schema.TABLES[name], problems) for name in TABLE_NAMES}
    if any(table is None for table in tables.values()):
        raise DataError(problems)
    digests = review_digests(tables, sources)
    passed = {review: found for review, digest in digests.items() if (found := PASSED.readings(digest)) is not None}
    to_check = {
        name: table[~table["source_id"].isin(passed)] if name in REVIEW_TABLES else table
        for name, table in tables.items()
    }
    checked_readings = read_rows(to_check["figures.csv"])  # each figure's words read once, for checks and enrich
    _check_tables(tables, to_check, checked_readings, sources, declarations, problems)
    readings = _in_row_order(tables["figures.csv"], passed, checked_readings)
    _remember_passed(tables, digests, set(passed), readings, problems)
    if problems:
        raise DataError(problems)
    figures, domains, sections, passages, places, practices, keywords = (tables[name] for name in TABLE_NAMES)
    return Dataset(
        figures=enrich(with_quote_translations(figures, "source_quote", passages), readings),
        domains=domains.sort_values("order", kind="stable").reset_index(drop=True),
        sections=sections.sort_values(["source_id", "order"], kind="stable").reset_index(drop=True),
        passages=_in_article_order(passages, sections),
        places=places.sort_values("order", kind="stable").reset_index(drop=True),
        practices=_practices_in_article_order(with_quote_translations(practices, "quote", passages), sources),
        sources=sources,
        charts=tuple(declaration for declaration, _ in declarations),
        keywords=keywords,
        untranslated=untranslated(tables, sources),
    )


def _check_tables(
    tables: Mapping[str, pd.DataFrame],
    to_check: Mapping[str, pd.DataFrame],
    readings: list[RowReadings],
    sources: Mapping[str, Source],
    declarations,
    problems: list[Problem],
) -> None:
    """Every cross-check between the files read: the checks across reviews on every row, the checks of
    each row on the rows of reviews not known to pass (``to_check``, whose figures' words are ``readings``)."""
    figures, domains, sections, passages, places, practices, keywords = (tables[name] for name in TABLE_NAMES)
    check_unique(domains, "domains.csv", ["id"], problems)
    check_unique(sections, "sections.csv", ["source_id", "id"], problems)
    check_unique(passages, "passages.csv", ["source_id", "id"], problems)
    check_unique(figures, "figures.csv", ["id"], problems)
    check_unique(figures, "figures.csv", ["metric", "source_id"], problems)
    for label in ("label_zh", "label_en"):  # a chart's rows are its labels: two alike would draw as one
        check_unique(figures[figures[label] != ""], "figures.csv", ["source_id", label], problems)
    check_unique(places, "places.csv", ["id"], problems)
    check_unique(practices, "practices.csv", ["source_id", "id"], problems)
    known_domains = set(domains["id"])
    check_sections(to_check["sections.csv"], sources, problems)
    check_passages(to_check["passages.csv"], sources, sections, known_domains, problems)
    check_figures(
        to_check["figures.csv"], readings, sources, sections, passages, known_domains, problems, every_figure=figures
    )
    check_places(places, problems)
    check_practices(to_check["practices.csv"], sources, sections, passages, known_domains, set(places["id"]), problems)
    check_charts(declarations, sources, set(figures["metric"]), problems)
    for row in rows_of(keywords):
        if row["domain"] not in known_domains:
            problems.append(
                Problem(
                    "keywords.csv",
                    "unknown_ref",
                    row=row["line"],
                    column="domain",
                    params={"value": row["domain"], "target": "domains.csv"},
                )
            )


def _in_row_order(
    figures: pd.DataFrame, passed: Mapping[str, tuple[RowReadings, ...]], checked_readings: list[RowReadings]
) -> list[RowReadings]:
    """Every figure row's readings in row order: a passed review's remembered, the others' just read."""
    remembered = {review: iter(readings) for review, readings in passed.items()}
    fresh = iter(checked_readings)
    return [next(remembered[review]) if review in remembered else next(fresh) for review in figures["source_id"]]


def _remember_passed(
    tables: Mapping[str, pd.DataFrame],
    digests: Mapping[str, str],
    known: set[str],
    readings: list[RowReadings],
    problems: list[Problem],
) -> None:
    """Remember each review just checked that no problem is on, unless a problem is on a shared file."""
    failed = failed_reviews(problems, tables)
    if failed is None:
        return
    by_review: dict[str, list[RowReadings]] = {review: [] for review in digests}
    for review, reading in zip(tables["figures.csv"]["source_id"], readings):
        if review in by_review:
            by_review[review].append(reading)
    for review, digest in digests.items():
        if review not in known and review not in failed:
            PASSED.add(digest, tuple(by_review[review]))


def _in_article_order(passages: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """Passages by source, then section, then their order in it."""
    rank = dict(zip(zip(sections["source_id"], sections["id"]), sections["order"]))
    key = [rank[place] for place in zip(passages["source_id"], passages["section"])]
    ordered = passages.assign(section_order=key).sort_values(["source_id", "section_order", "order"], kind="stable")
    return ordered.drop(columns="section_order").reset_index(drop=True)


def _practices_in_article_order(practices: pd.DataFrame, sources: Mapping[str, Source]) -> pd.DataFrame:
    """Practices by source, then where their quote stands in the article."""
    position = [
        sources[source].article.find(quote) for source, quote in zip(practices["source_id"], practices["quote"])
    ]
    ordered = practices.assign(position=position).sort_values(["source_id", "position"], kind="stable")
    return ordered.drop(columns="position").reset_index(drop=True)
