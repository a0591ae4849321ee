"""Load, validate and derive: a data folder becomes one Dataset of tidy pandas tables with the derived
values added, or one DataError naming every problem."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from components.data import schema
from components.data.derived import enrich
from components.data.files import FileTooLarge, FolderFiles, MemoryFiles
from components.data.grammar import FALL_WORDS, RISE_WORDS, UNIT_FACTORS, read_change, read_level
from components.data.difference import first_difference
from components.text.numbers import NumberFormat, decimals_in
from components.data.schema import Column

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DATA_DIR_ENV = "DASHBOARD_DATA_DIR"
Files = FolderFiles | MemoryFiles

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")  # invisible, and refused by spreadsheet files


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data: where it is and a message code with its parameters."""

    file: str
    code: str
    row: int | None = None
    column: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)


class DataError(Exception):
    """The data folder cannot be shown; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the data folder")
        self.problems = problems


@dataclass(frozen=True)
class Source:
    """A review article and its bibliographic record."""

    id: str
    year: int
    place: str
    level: str  # city, county or province
    place_short: str  # the name in 平安丽水
    place_en: str
    publisher: str
    publisher_en: str
    title: str
    title_en: str
    date: dt.date
    authors: tuple[str, ...]
    authors_en: tuple[str, ...]
    url: str
    article: str


@dataclass(frozen=True)
class ChartDeclaration:
    """One chart of ``charts.toml``: its kind, the metrics it draws (``None``: every metric with a
    change), the passages beside it, and the reviews it is for (empty: every review)."""

    id: str
    kind: str
    metrics: tuple[str, ...] | None
    narrative: str
    reviews: tuple[str, ...] = ()

    def for_slide(self) -> "ChartDeclaration":
        """The same chart with only the sentences that report its figures (a slide has less room)."""
        return replace(self, narrative="sentences")

    def shown_for(self, review: str) -> bool:
        """Whether the review ``review`` (a source id) shows this chart."""
        return not self.reviews or review in self.reviews


@dataclass(frozen=True)
class Dataset:
    """Everything the dashboard shows, validated. Treat the tables as read-only."""

    figures: pd.DataFrame
    domains: pd.DataFrame
    sections: pd.DataFrame
    passages: pd.DataFrame
    places: pd.DataFrame
    practices: pd.DataFrame
    sources: Mapping[str, Source]
    charts: tuple[ChartDeclaration, ...]
    keywords: pd.DataFrame

    @cached_property
    def reviews(self) -> tuple[str, ...]:
        """Every review's source id: newest first, then by place (worked out once, read on every rerun)."""
        return tuple(source.id for source in sorted(self.sources.values(), key=lambda s: (-s.year, s.place)))

    @cached_property
    def default_review(self) -> str:
        """The newest review of the city (of any place, if the library holds none of the city)."""
        return next((review for review in self.reviews if self.sources[review].level == "city"), self.reviews[0])

    def source(self, review: str) -> Source:
        """The source record of the review ``review`` (a source id)."""
        return self.sources[review]


def data_dir_from_env() -> Path:
    """The data folder: ``$DASHBOARD_DATA_DIR`` if set, else the bundled ``data/``."""
    configured = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(configured) if configured else DEFAULT_DATA_DIR


def load_dataset(data_dir: Path | str | FolderFiles | MemoryFiles) -> Dataset:
    """Read and validate every file in ``data_dir`` (a folder, or files in memory) and add the
    derived values; raise DataError listing all problems. The app, the CLI, the desk, the tests and
    the benchmarks all load through here."""
    folder = data_dir if isinstance(data_dir, (FolderFiles, MemoryFiles)) else FolderFiles(Path(data_dir))
    problems: list[Problem] = []
    if not folder.exists():
        raise DataError([Problem(folder.label, "missing_folder")])
    sources = _read_sources(folder, problems)
    declarations = _read_charts(folder, problems)
    tables = {name: _read_table(folder, name, columns, problems) for name, columns in schema.TABLES.items()}
    if any(table is None for table in tables.values()):
        raise DataError(problems)
    figures, domains, sections, passages, places, practices, keywords = (
        tables[name] for name in ("figures.csv", "domains.csv", "sections.csv", "passages.csv", "places.csv",
                                  "practices.csv", "keywords.csv"))
    _check_unique(domains, "domains.csv", ["id"], problems)
    _check_unique(sections, "sections.csv", ["source_id", "id"], problems)
    _check_unique(passages, "passages.csv", ["source_id", "id"], problems)
    _check_unique(figures, "figures.csv", ["id"], problems)
    _check_unique(figures, "figures.csv", ["metric", "source_id"], problems)
    for label in ("label_zh", "label_en"):  # a chart's rows are its labels: two alike would draw as one
        _check_unique(figures[figures[label] != ""], "figures.csv", ["source_id", label], problems)
    _check_unique(places, "places.csv", ["id"], problems)
    _check_unique(practices, "practices.csv", ["source_id", "id"], problems)
    _check_sections(sections, sources, problems)
    _check_passages(passages, sources, sections, set(domains["id"]), problems)
    _check_figures(figures, sources, sections, passages, set(domains["id"]), problems)
    _check_places(places, problems)
    _check_practices(practices, sources, sections, passages, set(domains["id"]), set(places["id"]), problems)
    _check_charts(declarations, sources, set(figures["metric"]), problems)
    for _, row in keywords.iterrows():
        if row["domain"] not in set(domains["id"]):
            problems.append(Problem("keywords.csv", "unknown_ref", row=row["line"], column="domain",
                                    params={"value": row["domain"], "target": "domains.csv"}))
    if problems:
        raise DataError(problems)
    return Dataset(
        figures=enrich(figures),
        domains=domains.sort_values("order", kind="stable").reset_index(drop=True),
        sections=sections.sort_values(["source_id", "order"], kind="stable").reset_index(drop=True),
        passages=_in_article_order(passages, sections),
        places=places.sort_values("order", kind="stable").reset_index(drop=True),
        practices=_practices_in_article_order(practices, sources),
        sources=sources,
        charts=tuple(declaration for declaration, _ in declarations),
        keywords=keywords,
    )


def _in_article_order(passages: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    rank = {(row.source_id, row.id): row.order for row in sections.itertuples()}
    key = [rank[(row.source_id, row.section)] for row in passages.itertuples()]
    ordered = passages.assign(section_order=key).sort_values(["source_id", "section_order", "order"], kind="stable")
    return ordered.drop(columns="section_order").reset_index(drop=True)


def _practices_in_article_order(practices: pd.DataFrame, sources: Mapping[str, Source]) -> pd.DataFrame:
    position = [sources[row.source_id].article.find(row.quote) for row in practices.itertuples()]
    ordered = practices.assign(position=position).sort_values(["source_id", "position"], kind="stable")
    return ordered.drop(columns="position").reset_index(drop=True)


# --- reading files -----------------------------------------------------------------------------


def _read_text(folder: Files, name: str, problems: list[Problem]) -> str | None:
    """The text of the file ``name``, or None with the reason noted (missing, unreadable, too large, not text)."""
    try:
        raw = folder.read(name, schema.MAX_FILE_BYTES)
    except FileNotFoundError:
        problems.append(Problem(name, "missing_file"))
        return None
    except FileTooLarge as err:
        problems.append(Problem(name, "file_too_large", params={"size_mb": round(err.size / 2**20, 1),
                                                               "limit_mb": schema.MAX_FILE_BYTES // 2**20}))
        return None
    except OSError as err:  # no permission, an I/O error, a name the file system refuses
        problems.append(Problem(name, "unreadable_file", params={"detail": err.strerror or str(err)}))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        problems.append(Problem(name, "not_utf8", params={"offset": err.start}))
        return None
    if "\x00" in text:
        problems.append(Problem(name, "binary_file"))
        return None
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        problems.append(Problem(name, "control_character", row=line, params={"code": f"U+{ord(control.group()):04X}"}))
        return None
    if not text.strip():
        problems.append(Problem(name, "empty_file"))
        return None
    return text


def _read_entries(folder: Files, name: str, table: str, problems: list[Problem]) -> list | None:
    """The ``[[table]]`` entries of the TOML file ``name``, or None (with the problem noted)."""
    text = _read_text(folder, name, problems)
    if text is None:
        return None
    try:
        entries = tomllib.loads(text).get(table)
    except tomllib.TOMLDecodeError as err:
        problems.append(Problem(name, "bad_toml", params={"detail": str(err)}))
        return None
    if not isinstance(entries, list) or not entries:
        problems.append(Problem(name, "no_entries", params={"table": table}))
        return None
    return entries


def _read_sources(folder: Files, problems: list[Problem]) -> dict[str, Source]:
    name = schema.SOURCES_FILE
    entries = _read_entries(folder, name, "sources", problems)
    if entries is None:
        return {}
    sources: dict[str, Source] = {}
    for number, entry in enumerate(entries, start=1):
        source = _parse_source(folder, entry, number, problems)
        if source is None:
            continue
        if source.id in sources:
            problems.append(Problem(name, "duplicate_key", row=number, column="id",
                                    params={"value": source.id, "other": list(sources).index(source.id) + 1}))
        same = [other for other in sources.values()
                if (other.place, other.year) == (source.place, source.year) and other.id != source.id]
        if same:
            problems.append(Problem(name, "duplicate_key", row=number, column="place+year",
                                    params={"value": f"{source.place} / {source.year}",
                                            "other": list(sources).index(same[0].id) + 1}))
        sources[source.id] = source
    return sources


def _parse_source(folder: Files, entry: Any, number: int, problems: list[Problem]) -> Source | None:
    name = schema.SOURCES_FILE
    if not isinstance(entry, dict):
        problems.append(Problem(name, "bad_source_entry", row=number))
        return None
    ok = True
    for key, kind in schema.SOURCE_FIELDS.items():
        value = entry.get(key)
        if not isinstance(value, kind) or isinstance(value, bool) or (kind is list and not all(
                isinstance(item, str) for item in value)):
            problems.append(Problem(name, "bad_source_field", row=number, column=key,
                                    params={"expected": kind.__name__}))
            ok = False
        elif kind is str and not value.strip() and key not in schema.OPTIONAL_SOURCE_FIELDS:
            problems.append(Problem(name, "empty_value", row=number, column=key))
            ok = False
    date = entry.get("date")
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        problems.append(Problem(name, "bad_source_field", row=number, column="date", params={"expected": "date"}))
        ok = False
    if ok and not schema.ID_PATTERN.fullmatch(entry["id"]):
        problems.append(Problem(name, "bad_id", row=number, column="id", params={"value": entry["id"]}))
        ok = False
    if ok and entry["level"] not in schema.PLACE_LEVELS:
        problems.append(Problem(name, "bad_choice", row=number, column="level",
                                params={"value": entry["level"], "choices": " / ".join(schema.PLACE_LEVELS)}))
        ok = False
    if not ok:
        return None
    if not folder.inside(entry["article"]):
        problems.append(Problem(name, "article_outside_folder", row=number, column="article",
                                params={"value": entry["article"]}))
        return None
    article = _read_text(folder, entry["article"], problems)
    if article is None:
        return None
    return Source(entry["id"], entry["year"], entry["place"], entry["level"], entry["place_short"], entry["place_en"], entry["publisher"],
                  entry["publisher_en"], entry["title"], entry["title_en"], date, tuple(entry["authors"]),
                  tuple(entry["authors_en"]), entry["url"], article)


def _read_charts(folder: Files, problems: list[Problem]) -> list[tuple[ChartDeclaration, int]]:
    """Each chart of ``charts.toml`` with its entry number; every malformed entry is a problem."""
    name = schema.CHARTS_FILE
    declarations: list[tuple[ChartDeclaration, int]] = []
    for number, entry in enumerate(_read_entries(folder, name, "charts", problems) or [], start=1):
        def report(code: str, column: str, **params: Any) -> None:
            problems.append(Problem(name, code, row=number, column=column, params=params))

        if not isinstance(entry, dict):
            problems.append(Problem(name, "bad_source_entry", row=number))
            continue
        bad = [key for key, kind in schema.CHART_FIELDS.items() if not isinstance(entry.get(key), kind)]
        for key in bad:
            report("bad_source_field", key, expected="str")
        for key in sorted(set(entry) - {*schema.CHART_FIELDS, "metrics", "reviews"}):
            report("unknown_field", key)
        metrics, reviews = entry.get("metrics"), entry.get("reviews", [])
        if not (isinstance(reviews, list) and all(isinstance(item, str) for item in reviews)):
            report("bad_source_field", "reviews", expected="list")
            bad.append("reviews")
        if bad:
            continue
        if entry["kind"] not in schema.CHART_KINDS:
            report("bad_choice", "kind", value=entry["kind"], choices=" / ".join(schema.CHART_KINDS))
        if entry["narrative"] not in schema.NARRATIVE_MODES:
            report("bad_choice", "narrative", value=entry["narrative"], choices=" / ".join(schema.NARRATIVE_MODES))
        if entry["kind"] in schema.KINDS_WITHOUT_METRICS:
            if metrics is not None:
                report("unknown_field", "metrics")
            metrics = []
        elif metrics != schema.EVERY_CHANGE and not (
                isinstance(metrics, list) and metrics and all(isinstance(item, str) for item in metrics)):
            report("bad_metrics", "metrics", every=schema.EVERY_CHANGE)
            continue
        if not schema.ID_PATTERN.fullmatch(entry["id"]) or (
                entry["id"] in schema.RESERVED_CHART_IDS and schema.RESERVED_CHART_IDS[entry["id"]] != entry["kind"]):
            report("bad_id", "id", value=entry["id"])
        if any(other.id == entry["id"] for other, _ in declarations):
            report("duplicate_key", "id", value=entry["id"],
                   other=next(n for other, n in declarations if other.id == entry["id"]))
        declarations.append((ChartDeclaration(entry["id"], entry["kind"],
                                              None if metrics == schema.EVERY_CHANGE else tuple(metrics),
                                              entry["narrative"], tuple(reviews)), number))
    return declarations


def _read_table(folder: Files, name: str, columns: tuple[Column, ...], problems: list[Problem]) -> pd.DataFrame | None:
    text = _read_text(folder, name, problems)
    if text is None:
        return None
    header_line = text.lstrip().split("\n", 1)[0]
    delimiter = next((mark for mark in (";", "\t", "|") if mark in header_line), None)
    if delimiter and "," not in header_line:  # e.g. saved by a spreadsheet set up for semicolons
        problems.append(Problem(name, "wrong_delimiter", params={"delimiter": repr(delimiter)}))
        return None
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skip_blank_lines=True)
    except (pd.errors.ParserError, csv.Error, ValueError) as err:
        problems.append(Problem(name, "bad_csv", params={"detail": str(err).strip()}))
        return None
    expected = [column.name for column in columns]
    header = [str(name_) for name_ in frame.columns]
    missing = [column for column in expected if column not in header]
    for column in missing:
        problems.append(Problem(name, "missing_column", column=column))
    for column in header:
        if column not in expected:
            problems.append(Problem(name, "extra_column", column=column))
    if missing or len(header) != len(expected):
        return None
    if frame.empty and name not in schema.MAY_BE_EMPTY:
        problems.append(Problem(name, "no_rows"))
        return None
    return _parse_cells(frame, name, columns, problems)


def _parse_cells(frame: pd.DataFrame, name: str, columns: tuple[Column, ...], problems: list[Problem]) -> pd.DataFrame:
    """Turn each text column into its typed column, noting every cell that doesn't parse."""
    frame = frame.fillna("").map(str.strip)
    parsed: dict[str, list[Any]] = {}
    for column in columns:
        values = []
        for index, cell in enumerate(frame[column.name]):
            values.append(_parse_cell(cell, column, Problem(name, "", row=_line(index), column=column.name), problems))
        parsed[column.name] = values
    typed = pd.DataFrame(parsed)
    for column in columns:
        if column.kind in ("int", "number"):
            typed[column.name] = pd.to_numeric(typed[column.name]).astype("Int64" if column.kind == "int" else "Float64")
    typed.insert(0, "line", [_line(index) for index in range(len(typed))])
    return typed


def _parse_cell(cell: str, column: Column, where: Problem, problems: list[Problem]) -> Any:
    def report(code: str, **params: Any) -> None:
        problems.append(Problem(where.file, code, where.row, where.column, params))

    if cell == "":
        if column.required:
            report("empty_value")
        return () if column.kind == "list" else (pd.NA if column.kind in ("int", "number") else "")
    if column.kind == "int":
        if not re.fullmatch(r"\d+", cell):
            report("not_integer", value=cell)
            return pd.NA
        return int(cell)
    if column.kind == "number":
        if not _NUMBER.fullmatch(cell):
            report("not_number_percent" if cell.endswith("%") else "not_number", value=cell)
            return pd.NA
        return float(cell)
    if column.kind == "choice" and cell not in column.choices:
        report("bad_choice", value=cell, choices=" / ".join(column.choices))
        return ""
    if column.kind == "list":
        return tuple(part.strip() for part in cell.split(";") if part.strip())
    return cell


def _line(index: int) -> int:
    """The spreadsheet line of a data row (line 1 is the header)."""
    return index + 2


# --- cross-checks ------------------------------------------------------------------------------


def _check_unique(frame: pd.DataFrame, name: str, keys: list[str], problems: list[Problem]) -> None:
    duplicated = frame[frame.duplicated(keys, keep="first")]
    for _, row in duplicated.iterrows():
        first = frame[(frame[keys] == row[keys]).all(axis=1)]["line"].iloc[0]
        problems.append(Problem(name, "duplicate_key", row=row["line"], column="+".join(keys),
                                params={"value": " / ".join(str(row[key]) for key in keys), "other": first}))


def _check_source_ref(name: str, row: pd.Series, sources: Mapping[str, Source], problems: list[Problem]) -> Source | None:
    source = sources.get(row["source_id"])
    if source is None and sources:
        problems.append(Problem(name, "unknown_ref", row=row["line"], column="source_id",
                                params={"value": row["source_id"], "target": schema.SOURCES_FILE}))
    return source


def _check_in_article(name: str, row: pd.Series, column: str, source: Source | None, problems: list[Problem]) -> None:
    if source is not None and row[column] and row[column] not in source.article:
        problems.append(Problem(name, "not_in_article", row=row["line"], column=column,
                                params=_difference(row[column], source.article)))


def _check_sections(sections: pd.DataFrame, sources: Mapping[str, Source], problems: list[Problem]) -> None:
    for _, row in sections.iterrows():
        source = _check_source_ref("sections.csv", row, sources, problems)
        _check_in_article("sections.csv", row, "heading", source, problems)
        if row["heading"] and not row["heading_en"]:
            problems.append(Problem("sections.csv", "missing_translation", row=row["line"], column="heading_en"))


def _check_passages(passages: pd.DataFrame, sources: Mapping[str, Source], sections: pd.DataFrame,
                    domains: set[str], problems: list[Problem]) -> None:
    known_sections = set(zip(sections["source_id"], sections["id"]))
    for _, row in passages.iterrows():
        source = _check_source_ref("passages.csv", row, sources, problems)
        _check_in_article("passages.csv", row, "text", source, problems)
        if (row["source_id"], row["section"]) not in known_sections:
            problems.append(Problem("passages.csv", "unknown_ref", row=row["line"], column="section",
                                    params={"value": row["section"], "target": "sections.csv"}))
        for domain in row["domains"]:
            if domain not in domains:
                problems.append(Problem("passages.csv", "unknown_ref", row=row["line"], column="domains",
                                        params={"value": domain, "target": "domains.csv"}))


def _joined_passages(passages: pd.DataFrame, column: str) -> dict[str, str]:
    """Each source's passages in ``column``, joined: where a quote (or its translation) must stand."""
    return {source_id: "\n".join(group[column]) for source_id, group in passages.groupby("source_id")}


def _check_figures(figures: pd.DataFrame, sources: Mapping[str, Source], sections: pd.DataFrame,
                   passages: pd.DataFrame, domains: set[str], problems: list[Problem]) -> None:
    name = "figures.csv"
    originals, translations = _joined_passages(passages, "text"), _joined_passages(passages, "text_en")
    known_sections = set(zip(sections["source_id"], sections["id"]))
    by_id = figures.drop_duplicates("id").set_index("id", drop=False)  # duplicates are reported elsewhere
    unreadable = {(p.row, p.column) for p in problems if p.file == name}
    for _, row in figures.iterrows():
        if (row["line"], "value") in unreadable or (row["line"], "yoy_pct") in unreadable:
            continue  # already reported; cross-checks on a half-read row would only add noise
        def report(code: str, column: str, **params: Any) -> None:
            problems.append(Problem(name, code, row=row["line"], column=column, params=params))

        source = _check_source_ref(name, row, sources, problems)
        if source is not None and not pd.isna(row["year"]) and row["year"] != source.year:
            report("year_mismatch", "year", value=row["year"], expected=source.year)
        if row["domain"] and row["domain"] not in domains:
            report("unknown_ref", "domain", value=row["domain"], target="domains.csv")
        if row["section"] and (row["source_id"], row["section"]) not in known_sections:
            report("unknown_ref", "section", value=row["section"], target="sections.csv")
        _check_in_article(name, row, "source_quote", source, problems)
        for column, translated in schema.TRANSLATED_TEXT.items():
            if row[column] and row["source_quote"] and row[column] not in row["source_quote"]:
                report("not_in_quote", column, value=row[column])
            if bool(row[column]) != bool(row[translated]):
                report("missing_translation" if row[column] else "text_without_number", translated)
            elif row[translated] and row["source_quote_en"] and row[translated] not in row["source_quote_en"]:
                report("not_in_quote", translated, value=row[translated])
        if row["source_quote"] and row["source_quote"] not in originals.get(row["source_id"], ""):
            report("quote_not_in_passages", "source_quote", **_difference(row["source_quote"], originals.get(row["source_id"], "")))
        if row["source_quote_en"] and row["source_quote_en"] not in translations.get(row["source_id"], ""):
            report("quote_not_in_translation", "source_quote_en",
                   **_difference(row["source_quote_en"], translations.get(row["source_id"], "")))
        _check_english_figures(row, report)
        has_value, has_change = not pd.isna(row["value"]), not pd.isna(row["yoy_pct"])
        if not has_value and not has_change:
            report("no_figure", "value")
        if has_value:
            if row["value"] < 0:
                report("negative_value", "value", value=_plain(row["value"]))
            _check_value_text(row, report)
        elif row["value_text"] or row["unit"]:
            report("text_without_number", "value_text")
        if has_change:
            if row["yoy_pct"] <= -100:
                report("change_too_low", "yoy_pct", value=_plain(row["yoy_pct"]))
            _check_change_text(row, report)
        elif row["yoy_text"]:
            report("text_without_number", "yoy_text")
        if row["parent"]:
            _check_parent(row, by_id, report)


def _check_places(places: pd.DataFrame, problems: list[Problem]) -> None:
    """Counties are placed on the map by their seat's coordinates; a zone lies within a county."""
    name = "places.csv"
    counties = set(places.loc[places["kind"] == "county", "id"])
    for _, row in places.iterrows():
        def report(code: str, column: str, **params: Any) -> None:
            problems.append(Problem(name, code, row=row["line"], column=column, params=params))

        if row["kind"] == "county":
            for column, (low, high) in (("lat", schema.LATITUDE_RANGE), ("lon", schema.LONGITUDE_RANGE)):
                if pd.isna(row[column]):
                    report("missing_coordinates", column)
                elif not low <= row[column] <= high:
                    report("coordinate_out_of_range", column, value=_plain(row[column]), low=_plain(low),
                           high=_plain(high))
            if not row["coord_source"]:
                report("missing_coordinates", "coord_source")
        if row["kind"] == "zone" and row["within"] not in counties:
            report("within_not_county", "within", value=row["within"])


def _check_practices(practices: pd.DataFrame, sources: Mapping[str, Source], sections: pd.DataFrame,
                     passages: pd.DataFrame, domains: set[str], places: set[str], problems: list[Problem]) -> None:
    """Each practice is quoted verbatim, named in its quote, and tied to known places, sections and domains."""
    name = "practices.csv"
    originals, translations = _joined_passages(passages, "text"), _joined_passages(passages, "text_en")
    known_sections = set(zip(sections["source_id"], sections["id"]))
    for _, row in practices.iterrows():
        def report(code: str, column: str, **params: Any) -> None:
            problems.append(Problem(name, code, row=row["line"], column=column, params=params))

        source = _check_source_ref(name, row, sources, problems)
        _check_in_article(name, row, "quote", source, problems)
        if row["place"] not in places:
            report("unknown_ref", "place", value=row["place"], target="places.csv")
        if (row["source_id"], row["section"]) not in known_sections:
            report("unknown_ref", "section", value=row["section"], target="sections.csv")
        for domain in row["domains"]:
            if domain not in domains:
                report("unknown_ref", "domains", value=domain, target="domains.csv")
        if row["name_zh"] and row["quote"] and row["name_zh"] not in row["quote"]:
            report("not_in_quote", "name_zh", value=row["name_zh"])
        if source is not None and row["quote"] and row["quote"] not in originals.get(row["source_id"], ""):
            report("quote_not_in_passages", "quote", **_difference(row["quote"], originals.get(row["source_id"], "")))
        if row["quote_en"] and row["quote_en"] not in translations.get(row["source_id"], ""):
            report("quote_not_in_translation", "quote_en", **_difference(row["quote_en"], translations.get(row["source_id"], "")))


def _check_charts(declarations: list[tuple[ChartDeclaration, int]], sources: Mapping[str, Source],
                  metrics: set[str], problems: list[Problem]) -> None:
    """Every chart names metrics of figures.csv and reviews of sources.toml."""
    name = schema.CHARTS_FILE
    for declaration, number in declarations:
        for metric in declaration.metrics or ():
            if metric not in metrics:
                problems.append(Problem(name, "unknown_ref", row=number, column="metrics",
                                        params={"value": metric, "target": "figures.csv"}))
        for review in declaration.reviews:
            if sources and review not in sources:
                problems.append(Problem(name, "unknown_ref", row=number, column="reviews",
                                        params={"value": review, "target": schema.SOURCES_FILE}))


def _check_value_text(row: pd.Series, report) -> None:
    """The article's words must read as one level: the row's value in base units, in the row's unit."""
    reading = read_level(row["value_text"])
    if reading is None:
        report("value_text_unreadable", "value_text", value=row["value_text"])
        return
    base_unit, factor = UNIT_FACTORS.get(row["unit"], (row["unit"], 1.0))
    if reading.unit != base_unit or not math.isclose(reading.value, row["value"] * factor, rel_tol=1e-9):
        report("value_mismatch", "value", text=row["value_text"], value=_plain(row["value"]))
    if reading.written_unit != row["unit"]:
        report("unit_mismatch", "unit", text=row["value_text"], value=row["unit"])


def _check_change_text(row: pd.Series, report) -> None:
    """The article's words must read as one change: the row's yoy_pct, in percent."""
    reading = read_change(row["yoy_text"])
    if reading is None:
        report("change_text_unreadable", "yoy_text", value=row["yoy_text"], words=" / ".join(FALL_WORDS + RISE_WORDS))
        return
    if reading.change_unit != "%" or not math.isclose(reading.change, row["yoy_pct"], rel_tol=1e-9, abs_tol=1e-9):
        report("change_mismatch", "yoy_pct", text=row["yoy_text"], value=_plain(row["yoy_pct"]))


def english_level(value: float, unit: str, value_text: str) -> str:
    """How the English translation writes a level: 5.58亿元 -> 'CNY 558 million'."""
    return NumberFormat("en").level(value, unit, decimals_in(value_text))


def english_change(pct: float) -> str:
    """How the English translation writes a change: -13.8 -> 'down 13.8%'."""
    return f"{'down' if pct < 0 else 'up'} {abs(pct):g}%"


def _check_english_figures(row: pd.Series, report) -> None:
    """The translation must say the same number, and a change must go the same way."""
    if not pd.isna(row["value"]) and row["value_text_en"] and row["unit"] in schema.UNITS:
        written = english_level(row["value"], row["unit"], row["value_text"])
        if written not in row["value_text_en"]:
            report("translation_mismatch", "value_text_en", text=row["value_text_en"], expected=written)
    if not pd.isna(row["yoy_pct"]) and row["yoy_text_en"]:
        expected = english_change(row["yoy_pct"])
        if row["yoy_text_en"] != expected:
            report("translation_mismatch", "yoy_text_en", text=row["yoy_text_en"], expected=expected)


def _check_parent(row: pd.Series, by_id: pd.DataFrame, report) -> None:
    if row["parent"] not in by_id.index or row["parent"] == row["id"]:
        report("unknown_ref", "parent", value=row["parent"], target="figures.csv")
        return
    parent = by_id.loc[row["parent"]]
    if parent["unit"] != row["unit"] or parent["year"] != row["year"]:
        report("parent_incompatible", "parent", value=row["parent"])
    elif not pd.isna(parent["value"]) and not pd.isna(row["value"]) and row["value"] > parent["value"]:
        report("part_exceeds_whole", "value", value=_plain(row["value"]), whole=_plain(parent["value"]))


def _plain(number: float) -> str:
    """A number as a person would type it: 612, 5.58."""
    return f"{number:g}"


def _difference(quote: str, text: str) -> dict[str, Any]:
    """A quote's first difference from the closest stretch of ``text``, as message parameters."""
    found = first_difference(quote, text)
    return {"quoted": found.quoted, "closest": found.closest, "position": found.position}
