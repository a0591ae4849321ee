"""A draft data folder from an article: the review library's files, with every figure the extractor
found as a row, and the fields only a person can decide left empty for ``components.validate`` to name."""

from __future__ import annotations

import csv
import io
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from components.data import schema
from components.data.grammar import UNIT_FACTORS, read_change, read_level
from components.data.loader import Dataset, english_change, english_level
from components.ingest.candidates import Article, Candidate

YEAR_IN_TITLE = re.compile(r"(20\d\d)年")


@dataclass(frozen=True)
class ReviewRecord:
    """What a person tells the desk about the article; blanks stay blank in the draft."""

    id: str
    place: str = ""
    place_short: str = ""
    place_en: str = ""
    level: str = ""
    year: int | None = None
    publisher: str = ""
    publisher_en: str = ""
    title: str = ""
    title_en: str = ""
    date: dt.date | None = None


def guess_year(title: str) -> int | None:
    """The year a review covers, as its title usually says: 2019年全市平安丽水建设工作综述 -> 2019."""
    found = YEAR_IN_TITLE.search(title)
    return int(found.group(1)) if found else None


def split_texts(candidate: Candidate) -> tuple[str, str]:
    """(the level as written, the change as written) inside the candidate's text, each "" if absent."""
    text = candidate.text
    spans = [text[i:j] for i in range(len(text)) for j in range(len(text), i, -1)]
    level = next((span for span in spans if candidate.value is not None and read_level(span)), "")
    change = next((span for span in spans if candidate.change is not None and read_change(span)), "")
    return level, change


def propose_domain(sentence: str, keywords: pd.DataFrame) -> str:
    """The domain whose keyword stands earliest in ``sentence`` (a figure's subject, or its whole
    sentence), or "" when none does."""
    hits = [(sentence.find(row.keyword), row.domain) for row in keywords.itertuples() if row.keyword in sentence]
    return min(hits)[1] if hits else ""


def propose_metric(subject: str, library: Dataset | None, taken: set[str]) -> str:
    """The library's metric whose Chinese label is the subject (so compare years joins it), else a new id."""
    if library is not None and subject:
        known = library.figures.loc[library.figures["label_zh"] == subject, "metric"]
        if not known.empty and known.iloc[0] not in taken:
            return known.iloc[0]
    return next(f"figure_{n:02d}" for n in range(1, 1000) if f"figure_{n:02d}" not in taken)


def figure_rows(article: Article, record: ReviewRecord, library: Dataset | None,
                keywords: pd.DataFrame) -> list[dict[str, str]]:
    """One figures.csv row per candidate that reads as a level or a change the dashboard can show."""
    rows, taken = [], set()
    for candidate, paragraph in article.candidates:
        level_text, change_text = split_texts(candidate)
        if not level_text and not change_text:
            continue  # a duration or a rank: words, not a figure the charts draw
        level = read_level(level_text) if level_text else None
        unit = (level.written_unit or level.unit) if level else ""
        if level and unit not in schema.UNITS:
            continue
        metric = propose_metric(candidate.subject, library, taken)
        taken.add(metric)
        rows.append({
            "id": f"{record.year or 'draft'}-{metric}", "source_id": record.id,
            "year": str(record.year or ""), "metric": metric,
            "domain": propose_domain(candidate.subject, keywords) or propose_domain(candidate.sentence, keywords),
            "section": paragraph.section,
            "label_zh": candidate.subject, "label_en": "",
            "value": _number(level.value / schema_factor(unit)) if level else "", "unit": unit,
            "value_text": level_text,
            "value_text_en": english_level(level.value / schema_factor(unit), unit, level_text) if level else "",
            "yoy_pct": _number(candidate.change) if change_text else "", "yoy_text": change_text,
            "yoy_text_en": english_change(candidate.change) if change_text else "",
            "better": "", "parent": "", "context_text": "", "context_text_en": "",
            "source_quote": candidate.sentence, "source_quote_en": "",
        })
    return rows


def schema_factor(unit: str) -> float:
    """How many base units one written unit is (亿元: 1e8)."""
    return UNIT_FACTORS.get(unit, (unit, 1.0))[1]


def _number(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e15 else repr(value)


def draft_files(article: Article, record: ReviewRecord, library: Dataset | None, keywords: pd.DataFrame,
                domains: pd.DataFrame, figures: list[dict[str, str]] | None = None) -> dict[str, bytes]:
    """Every file of the draft data folder, by name; ``figures`` replaces the proposed figures rows
    (the desk passes the rows a person accepted and completed)."""
    rows = figure_rows(article, record, library, keywords) if figures is None else figures
    sections = [{"source_id": record.id, "id": section.id, "order": str(section.order), "heading": section.heading,
                 "heading_en": "", "label_zh": section.heading[:12] or "开篇", "label_en": ""}
                for section in article.sections if section.id in {p.section for p in article.paragraphs}]
    passages = [{"source_id": record.id, "id": f"{paragraph.section}-{n}", "section": paragraph.section,
                 "order": str(n), "domains": ";".join(sorted({propose_domain(paragraph.text, keywords)} - {""})),
                 "text": paragraph.text, "text_en": ""}
                for n, paragraph in enumerate(article.paragraphs, start=1)]
    return {
        f"articles/{record.id}.txt": article.text.encode("utf-8"),
        schema.SOURCES_FILE: _sources_toml(record).encode("utf-8"),
        schema.CHARTS_FILE: DRAFT_CHARTS.encode("utf-8"),
        "figures.csv": _csv(schema.FIGURES, rows),
        "sections.csv": _csv(schema.SECTIONS, sections),
        "passages.csv": _csv(schema.PASSAGES, passages),
        "domains.csv": _csv(schema.DOMAINS, domains.drop(columns="line").astype(str).to_dict("records")),
        "keywords.csv": _csv(schema.KEYWORDS, keywords.drop(columns="line").to_dict("records")),
        "places.csv": _csv(schema.PLACES, []),
        "practices.csv": _csv(schema.PRACTICES, []),
    }


def write_draft(files: dict[str, bytes], folder: Path) -> None:
    """Write the draft's files into ``folder``, which must not exist yet."""
    folder.mkdir(parents=True)
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)


def _csv(columns: tuple, rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[column.name for column in columns], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _toml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _sources_toml(record: ReviewRecord) -> str:
    """The source record; what a person must still fill stays empty, under a comment naming it."""
    fields = {"id": record.id, "place": record.place, "level": record.level, "place_short": record.place_short,
              "place_en": record.place_en, "publisher": record.publisher, "publisher_en": record.publisher_en,
              "title": record.title, "title_en": record.title_en, "url": "", "article": f"articles/{record.id}.txt"}
    lines = ["# Draft written by python -m components.ingest. Fill every empty field, then run",
             "# python -m components.validate on this folder.", "[[sources]]"]
    lines += [f"{key} = {_toml_text(value)}" for key, value in fields.items()]
    lines.append(f"year = {record.year}" if record.year else 'year = ""  # the year the review covers')
    lines.append(f"date = {record.date.isoformat()}" if record.date else 'date = ""  # the publication date, e.g. 2021-03-01')
    lines += ["authors = []", "authors_en = []"]
    return "\n".join(lines) + "\n"


DRAFT_CHARTS = """# Charts of the draft: every change in one view and as an index. Add levels and shares by metric id.
[[charts]]
id = "changes"
kind = "changes"
metrics = "every_change"
narrative = "quotes"

[[charts]]
id = "index"
kind = "index"
metrics = "every_change"
narrative = "quotes"
"""

