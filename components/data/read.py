"""Reading a data folder's files: text, TOML entries (sources, charts) and typed CSV tables, with every
file-level or cell-level problem noted rather than raised."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tomllib
from typing import Any

import pandas as pd

from components.data import schema
from components.data.files import FileTooLarge, FolderFiles, MemoryFiles
from components.data.records import ChartDeclaration, Problem, Source, reporter
from components.data.schema import Column

Files = FolderFiles | MemoryFiles

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")  # invisible, and refused by spreadsheet files


def _read_text(folder: Files, name: str, problems: list[Problem]) -> str | None:
    """The text of the file ``name``, or None with the reason noted (missing, unreadable, too large, not text)."""
    try:
        raw = folder.read(name, schema.MAX_FILE_BYTES)
    except FileNotFoundError:
        problems.append(Problem(name, "missing_file"))
        return None
    except FileTooLarge as err:
        problems.append(
            Problem(
                name,
                "file_too_large",
                params={"size_mb": round(err.size / 2**20, 1), "limit_mb": schema.MAX_FILE_BYTES // 2**20},
            )
        )
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
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        problems.append(Problem(name, "bad_toml", params={"detail": str(err)}))
        return None
    problems.extend(Problem(name, "unknown_field", column=key) for key in sorted(set(document) - {table}))
    entries = document.get(table)
    if not isinstance(entries, list) or not entries:
        problems.append(Problem(name, "no_entries", params={"table": table}))
        return None
    return entries


def read_sources(folder: Files, problems: list[Problem]) -> dict[str, Source]:
    """Each review of ``sources.toml`` by id, its article read; every malformed entry is a problem."""
    name = schema.SOURCES_FILE
    entries = _read_entries(folder, name, "sources", problems)
    if entries is None:
        return {}
    sources: dict[str, Source] = {}
    first_of: dict[object, int] = {}  # the entry number that first gave an id, or a place and year
    for number, entry in enumerate(entries, start=1):
        source = _parse_source(folder, entry, number, problems)
        if source is None:
            continue
        if source.id in sources:
            problems.append(
                Problem(
                    name,
                    "duplicate_key",
                    row=number,
                    column="id",
                    params={"value": source.id, "other": first_of[source.id]},
                )
            )
        elif (source.place, source.year) in first_of:
            problems.append(
                Problem(
                    name,
                    "duplicate_key",
                    row=number,
                    column="place+year",
                    params={"value": f"{source.place} / {source.year}", "other": first_of[(source.place, source.year)]},
                )
            )
        first_of.setdefault(source.id, number)
        first_of.setdefault((source.place, source.year), number)
        sources[source.id] = source
    return sources


def _parse_source(folder: Files, entry: Any, number: int, problems: list[Problem]) -> Source | None:
    """One ``[[sources]]`` entry as a Source with its article text, or None with its problems noted."""
    name = schema.SOURCES_FILE
    if not isinstance(entry, dict):
        problems.append(Problem(name, "bad_source_entry", row=number))
        return None
    ok = True
    entry = {**{key: schema.SOURCE_FIELDS[key]() for key in schema.OPTIONAL_SOURCE_FIELDS}, **entry}  # may be left out
    for key, kind in schema.SOURCE_FIELDS.items():
        value = entry.get(key)
        if (
            not isinstance(value, kind)
            or isinstance(value, bool)
            or (kind is list and not all(isinstance(item, str) for item in value))
        ):
            problems.append(
                Problem(name, "bad_source_field", row=number, column=key, params={"expected": kind.__name__})
            )
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
        problems.append(
            Problem(
                name,
                "bad_choice",
                row=number,
                column="level",
                params={"value": entry["level"], "choices": " / ".join(schema.PLACE_LEVELS)},
            )
        )
        ok = False
    if not ok:
        return None
    if not folder.inside(entry["article"]):
        problems.append(
            Problem(name, "article_outside_folder", row=number, column="article", params={"value": entry["article"]})
        )
        return None
    article = _read_text(folder, entry["article"], problems)
    if article is None:
        return None
    return Source(
        entry["id"],
        entry["year"],
        entry["place"],
        entry["level"],
        entry["place_short"],
        entry["place_en"],
        entry["publisher"],
        entry["publisher_en"],
        entry["title"],
        entry["title_en"],
        date,
        tuple(entry["authors"]),
        tuple(entry["authors_en"]),
        entry["url"],
        article,
    )


def read_charts(folder: Files, problems: list[Problem]) -> list[tuple[ChartDeclaration, int]]:
    """Each chart of ``charts.toml`` with its entry number; every malformed entry is a problem."""
    name = schema.CHARTS_FILE
    declarations: list[tuple[ChartDeclaration, int]] = []
    for number, entry in enumerate(_read_entries(folder, name, "charts", problems) or [], start=1):
        report = reporter(problems, name, number)

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
            isinstance(metrics, list) and metrics and all(isinstance(item, str) for item in metrics)
        ):
            report("bad_metrics", "metrics", every=schema.EVERY_CHANGE)
            continue
        if not schema.ID_PATTERN.fullmatch(entry["id"]) or (
            entry["id"] in schema.RESERVED_CHART_IDS and schema.RESERVED_CHART_IDS[entry["id"]] != entry["kind"]
        ):
            report("bad_id", "id", value=entry["id"])
        if any(other.id == entry["id"] for other, _ in declarations):
            report(
                "duplicate_key",
                "id",
                value=entry["id"],
                other=next(n for other, n in declarations if other.id == entry["id"]),
            )
        declarations.append(
            (
                ChartDeclaration(
                    entry["id"],
                    entry["kind"],
                    None if metrics == schema.EVERY_CHANGE else tuple(metrics),
                    entry["narrative"],
                    tuple(reviews),
                ),
                number,
            )
        )
    return declarations


def read_table(folder: Files, name: str, columns: tuple[Column, ...], problems: list[Problem]) -> pd.DataFrame | None:
    """A CSV table typed by its columns (a column that may be absent is added blank), or None with the reason noted."""
    text = _read_text(folder, name, problems)
    if text is None:
        return None
    header_line = text.lstrip().split("\n", 1)[0]
    delimiter = next((mark for mark in (";", "\t", "|") if mark in header_line), None)
    if delimiter and "," not in header_line:  # e.g. saved by a spreadsheet set up for semicolons
        problems.append(Problem(name, "wrong_delimiter", params={"delimiter": repr(delimiter)}))
        return None
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=object, keep_default_na=False, skip_blank_lines=True)
    except (pd.errors.ParserError, csv.Error, ValueError) as err:
        problems.append(Problem(name, "bad_csv", params={"detail": str(err).strip()}))
        return None
    expected = [column.name for column in columns]
    header = [str(name_) for name_ in frame.columns]
    missing = [column.name for column in columns if column.name not in header and not column.may_be_absent]
    for column in missing:
        problems.append(Problem(name, "missing_column", column=column))
    for column in header:
        if column not in expected:
            problems.append(Problem(name, "extra_column", column=column))
    if missing or len(set(header)) != len(header) or not set(header) <= set(expected):
        return None
    frame = frame.assign(**{column: "" for column in expected if column not in header})[expected]
    if frame.empty and name not in schema.MAY_BE_EMPTY:
        problems.append(Problem(name, "no_rows"))
        return None
    return _parse_cells(frame, name, columns, problems)


def _parse_cells(frame: pd.DataFrame, name: str, columns: tuple[Column, ...], problems: list[Problem]) -> pd.DataFrame:
    """Turn each text column into its typed column, noting every cell that doesn't parse."""
    parsed: dict[str, list[Any]] = {}
    for column in columns:  # object columns of Python strings (a short row's missing cells are NaN): read as lists
        cells = [cell.strip() if isinstance(cell, str) else "" for cell in frame[column.name].tolist()]
        if not _all_parse(cells, column):  # the slow path, cell by cell, only for a column with a problem
            for index, cell in enumerate(cells):
                code, params = _cell_problem(cell, column) or (None, {})
                if code:
                    problems.append(Problem(name, code, _line(index), column.name, params))
                    cells[index] = ""  # read as blank
        parsed[column.name] = (
            cells if column.kind in ("text", "choice") else [_value(cell, column.kind) for cell in cells]
        )
    typed = pd.DataFrame(parsed, dtype=object)  # Python strings: iterated by every check, and cheap to build
    for column in columns:
        if column.kind in ("int", "number"):
            typed[column.name] = pd.to_numeric(typed[column.name]).astype(
                "Int64" if column.kind == "int" else "Float64"
            )
    typed.insert(0, "line", [_line(index) for index in range(len(typed))])
    return typed


def _all_parse(cells: list[str], column: Column) -> bool:
    """Whether every cell of a column reads without a problem (checked for the whole column at once)."""
    if column.required and "" in cells:
        return False
    if column.kind == "int":
        return all(cell == "" or (cell.isdigit() and cell.isascii()) for cell in cells)
    if column.kind == "number":
        return all(cell == "" or _NUMBER.fullmatch(cell) for cell in cells)
    if column.kind == "choice":
        return set(cells) <= {"", *column.choices}
    return True


def _cell_problem(cell: str, column: Column) -> tuple[str, dict[str, Any]] | None:
    """Why one cell does not read in its column (a message code and its parameters), else None."""
    if cell == "":
        return ("empty_value", {}) if column.required else None
    if column.kind == "int" and not re.fullmatch(r"\d+", cell):
        return "not_integer", {"value": cell}
    if column.kind == "number" and not _NUMBER.fullmatch(cell):
        return ("not_number_percent" if cell.endswith("%") else "not_number"), {"value": cell}
    if column.kind == "choice" and cell not in column.choices:
        return "bad_choice", {"value": cell, "choices": " / ".join(column.choices)}
    return None


def _value(cell: str, kind: str) -> Any:
    """A cell that reads (or is blank) as its column's value: NA, "" or () when blank."""
    if kind in ("int", "number"):
        return pd.NA if cell == "" else (int(cell) if kind == "int" else float(cell))
    if kind == "list":
        return tuple(part.strip() for part in cell.split(";") if part.strip())
    return cell


def _line(index: int) -> int:
    """The spreadsheet line of a data row (line 1 is the header)."""
    return index + 2
