"""Continuing at the desk from a zip it downloaded earlier: the article, the source record and the
figure rows, read with the limits a file from a browser needs (its size, a zip bomb, paths leading
out, the encoding), and the saved edits laid back onto the rows the extractor proposes. Nothing is
written anywhere; every refusal is a ResumeError whose key is a message of the catalogs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tomllib
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import pandas as pd

from components.data import schema
from components.ingest.draft import ReviewRecord

MAX_ZIP_BYTES = 2 * 2**20  # a draft folder zips to about 40 KB; .streamlit/config.toml allows 2 MB
MAX_UNPACKED_BYTES = 8 * 2**20  # what all its files may hold once unpacked, declared or found
MAX_MEMBERS = 200
SAVED_COLUMNS = ("source_quote", "value_text", "yoy_text", "label_zh", "label_en", "domain", "better", "parent")
TEXT_FIELDS = (
    "id",
    "place",
    "level",
    "place_short",
    "place_en",
    "publisher",
    "publisher_en",
    "title",
    "title_en",
    "url",
)
YEARS = (1949, 2100)  # the desk's year and date boxes allow these


class ResumeError(Exception):
    """The zip cannot be continued from: ``key`` is its catalog message, ``params`` fill it in."""

    def __init__(self, key: str, **params: Any):
        super().__init__(key)
        self.key, self.params = key, params


@dataclass(frozen=True)
class Saved:
    """What a downloaded draft holds of a person's work: the article, its record, the rows kept."""

    article: str
    record: ReviewRecord
    figures: tuple[dict[str, str], ...]


def read_saved(raw: bytes) -> Saved:
    """The work saved in the zip ``raw``; raises ResumeError naming what is wrong with it."""
    if len(raw) > MAX_ZIP_BYTES:
        raise ResumeError("desk.resume.too_large", size_kb=len(raw) // 1024, limit_kb=MAX_ZIP_BYTES // 1024)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            files = _unpacked(archive)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as error:  # broken
        raise ResumeError("desk.resume.not_zip", detail=type(error).__name__) from None
    entry = _source_entry(_text(files, schema.SOURCES_FILE))
    article = entry.get("article") or f"articles/{entry.get('id', '')}.txt"
    if not isinstance(article, str) or not _safe(article):
        raise ResumeError("desk.resume.bad_sources", field="article")
    return Saved(_text(files, article), _record(entry), _figures(_text(files, "figures.csv")))


def _safe(name: str) -> bool:
    """Whether a member's name stays inside the folder: relative, no '..', no drive or backslash."""
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name and ":" not in name


def _unpacked(archive: zipfile.ZipFile) -> dict[str, bytes]:
    """Every file of the archive by its name inside the draft folder (the zip's one top folder taken
    off), each read no further than the unpacked limit allows, whatever the zip declares."""
    members = [info for info in archive.infolist() if not info.is_dir()]
    if len(members) > MAX_MEMBERS or sum(info.file_size for info in members) > MAX_UNPACKED_BYTES:
        raise ResumeError("desk.resume.bomb", limit_mb=MAX_UNPACKED_BYTES // 2**20)
    unsafe = next((info.filename for info in members if not _safe(info.filename)), None)
    if unsafe is not None:
        raise ResumeError("desk.resume.unsafe_path", name=unsafe)
    if any(info.flag_bits & 0x1 for info in members):
        raise ResumeError("desk.resume.not_zip", detail="encrypted")
    tops = {PurePosixPath(info.filename).parts[0] for info in members}
    strip = len(tops) == 1 and all(len(PurePosixPath(info.filename).parts) > 1 for info in members)
    files, left = {}, MAX_UNPACKED_BYTES
    for info in members:
        with archive.open(info) as member:
            content = member.read(left + 1)
        left -= len(content)
        if left < 0:
            raise ResumeError("desk.resume.bomb", limit_mb=MAX_UNPACKED_BYTES // 2**20)
        parts = PurePosixPath(info.filename).parts
        files["/".join(parts[1:] if strip else parts)] = content
    return files


def _text(files: dict[str, bytes], name: str) -> str:
    if name not in files:
        raise ResumeError("desk.resume.missing_file", name=name)
    try:
        return files[name].decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        raise ResumeError("desk.resume.not_utf8", name=name, offset=error.start) from None


def _source_entry(text: str) -> dict[str, Any]:
    try:
        entries = tomllib.loads(text).get("sources")
    except tomllib.TOMLDecodeError:
        raise ResumeError("desk.resume.bad_sources", field="[[sources]]") from None
    if not isinstance(entries, list) or not entries or not isinstance(entries[0], dict):
        raise ResumeError("desk.resume.bad_sources", field="[[sources]]")
    return entries[0]


def _record(entry: dict[str, Any]) -> ReviewRecord:
    """The record as the desk's boxes can show it; a field of another type or out of range is refused."""

    def field(key: str, fits) -> Any:
        value = entry.get(key, "")
        if not fits(value):
            raise ResumeError("desk.resume.bad_sources", field=key)
        return value

    texts = {key: field(key, lambda value: isinstance(value, str)) for key in TEXT_FIELDS}
    if texts["level"] not in ("", *schema.PLACE_LEVELS):
        raise ResumeError("desk.resume.bad_sources", field="level")
    year = field("year", lambda value: value == "" or (type(value) is int and YEARS[0] <= value <= YEARS[1]))
    date = field("date", lambda value: value == "" or (type(value) is dt.date and YEARS[0] <= value.year <= YEARS[1]))
    authors = field("authors", lambda value: isinstance(value, list) and all(isinstance(item, str) for item in value))
    return ReviewRecord(**texts, year=year or None, date=date or None, authors=tuple(authors))


def _figures(text: str) -> tuple[dict[str, str], ...]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [column for column in SAVED_COLUMNS if column not in (reader.fieldnames or ())]
    if missing:
        raise ResumeError("desk.resume.bad_figures", columns=", ".join(missing))
    try:
        return tuple({column: row[column] or "" for column in SAVED_COLUMNS} for row in reader)
    except csv.Error:
        raise ResumeError("desk.resume.bad_figures", columns="figures.csv") from None


def with_saved_edits(proposed: pd.DataFrame, saved: tuple[dict[str, str], ...]) -> tuple[pd.DataFrame, int]:
    """The proposed rows as the person left them: a row is ticked when the zip keeps it, with its
    kind, names, domain, direction and parent; the others unticked. A saved row is the proposed row
    with its sentence whose texts it keeps. Also how many saved rows matched none (e.g. added by hand)."""
    rows, left = proposed.assign(accept=False), list(saved)
    for index, row in proposed.iterrows():
        match = next((kept for kept in left if _same_figure(row, kept)), None)
        if match is None:
            continue
        left.remove(match)
        level, change = match["value_text"], match["yoy_text"]
        kind = "level_change" if level and change else ("level" if level else "change")
        rows.loc[index, ["accept", "kind", "label_zh", "label_en", "domain", "better", "parent"]] = [
            True,
            kind,
            match["label_zh"],
            match["label_en"],
            match["domain"],
            match["better"],
            match["parent"],
        ]
    return rows, len(left)


def _same_figure(proposed: pd.Series, kept: dict[str, str]) -> bool:
    return (
        kept["source_quote"] == proposed["source_quote"]
        and bool(kept["value_text"] or kept["yoy_text"])
        and kept["value_text"] in ("", proposed["value_text"])
        and kept["yoy_text"] in ("", proposed["yoy_text"])
    )
