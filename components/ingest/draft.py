"""A draft data folder from an article: the review library's files, with every figure the extractor
found as a row (or listed with the reason it is left out), its charts, and only what a person decides
left empty for ``components.validate`` to name."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from components.data import schema
from components.data.figure_text import base_unit, change_column
from components.data.grammar import read_change, read_level, read_pair
from components.data.records import Dataset
from components.ingest.candidates import TITLE_SECTION, Article, Candidate
from components.ingest.structure import Paragraph

YEAR_IN_TITLE = re.compile(r"(20\d\d)年")
OTHER_BASE = re.compile(r"(?:比|较|与)([0-9]{4})年(?:同期)?(?:相比)?[,,]? ?(?:同比)?$")
ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|[0-9]+[、.．])")
SHORT_SUBJECT = 2  # characters: a subject this short is a verb (打掉, 抓获) whose noun follows the number
CHART_ROWS = 6  # figures a proposed levels or share chart draws; more go on a chart of their own
NOT_DRAWN = {"duration": "duration", "rank": "rank"}  # reading kinds that are words, not dashboard figures


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
    authors: tuple[str, ...] = ()
    url: str = ""


@dataclass(frozen=True)
class LeftOut:
    """A candidate that is not a row, and why: a catalog key under ``ingest.reason.``."""

    text: str
    sentence: str
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class Proposal:
    """The figures.csv rows the extractor proposes, and every candidate it left out with its reason."""

    rows: list[dict[str, str]]
    left_out: list[LeftOut]


def guess_year(title: str) -> int | None:
    """The year a review covers, as its title usually says: 2019年全市平安丽水建设工作综述 -> 2019."""
    found = YEAR_IN_TITLE.search(title)
    return int(found.group(1)) if found else None


def propose_domain(sentence: str, keywords: pd.DataFrame) -> str:
    """The domain whose keyword stands earliest in ``sentence`` (a figure's subject, or its whole
    sentence), or "" when none does."""
    hits = [(sentence.find(row.keyword), row.domain) for row in keywords.itertuples() if row.keyword in sentence]
    return min(hits)[1] if hits else ""


def split_texts(candidate: Candidate) -> tuple[str, str]:
    """(the level or from-to pair as written, the change as written) inside the candidate's text, each
    "" if absent. A member of an enumeration is its own text (read in its sentence)."""
    text = candidate.text
    if candidate.kind == "change":
        return "", text
    if candidate.kind == "level":
        return text, ""
    read = read_pair if candidate.kind == "from_to" else read_level
    start = next(
        (start for start in range(1, len(text)) if candidate.change is not None and read_change(text[start:])),
        len(text),
    )
    level = next((text[:end] for end in range(start, 0, -1) if read(text[:end])), "")
    return level, text[start:]


def propose_figures(
    article: Article, record: ReviewRecord, library: Dataset | None, keywords: pd.DataFrame
) -> Proposal:
    """A figures.csv row for every candidate the dashboard can hold, and the others with their reason."""
    rows: list[dict[str, str]] = []
    left_out: list[LeftOut] = []
    labels: set[str] = set()
    levels: dict[tuple[str, str], dict[str, str]] = {}  # (sentence, subject): a row with a level and no change yet
    body = [candidate for candidate, paragraph in article.candidates if paragraph.section != TITLE_SECTION]
    for candidate, paragraph in article.candidates:
        reason = _reason_to_leave_out(candidate, paragraph, body)
        if reason:
            left_out.append(LeftOut(candidate.text, candidate.sentence, *reason))
            continue
        level_text, change_text = split_texts(candidate)
        base = _other_base(candidate, change_text, record)
        if base:  # 比2018年下降30% is no year-on-year change: the level stays, the change is listed
            left_out.append(LeftOut(change_text, candidate.sentence, "other_base", base))
            if not level_text:
                continue
            change_text = ""
        row = _row(candidate, paragraph, record, level_text, change_text)
        earlier = levels.pop((candidate.sentence, candidate.subject), None) if candidate.subject else None
        if candidate.kind == "change" and earlier is not None and _joins(earlier, row):
            earlier.update({key: value for key, value in row.items() if key.startswith("yoy_") and value})
            continue  # 发生事故14起、死亡16人,同比分别下降22.2%、20%: each change joins its level
        if candidate.kind in ("level", "from_to"):
            levels[(candidate.sentence, candidate.subject)] = row
        label = _unique_label(_label(candidate), labels)
        labels.add(label)
        metric = _metric(label, library)
        row.update(
            id=f"{record.id}-{metric}",
            metric=metric,
            label_zh=label,
            domain=propose_domain(candidate.subject, keywords) or propose_domain(candidate.sentence, keywords),
        )
        rows.append(row)
    return Proposal(rows, left_out)


def _reason_to_leave_out(candidate: Candidate, paragraph: Paragraph, body: list[Candidate]) -> tuple[str, str] | None:
    """(reason, detail) when ``candidate`` cannot or need not be a row, else None."""
    if candidate.kind in NOT_DRAWN:
        return NOT_DRAWN[candidate.kind], ""
    level, change = split_texts(candidate)
    if not level and not change:
        return "unreadable", ""
    unit = _written_unit(level)
    if level and unit not in schema.UNITS and unit != "":
        return "unit", unit
    if paragraph.section == TITLE_SECTION and any(_same_figure(candidate, other) for other in body):
        return "title_repeated", ""
    return None


def _joins(level: dict[str, str], change: dict[str, str]) -> bool:
    """Whether a change read after a level of the same subject in the same sentence is that level's:
    when the level has no change yet, a change in percent or points always, and a change in counts
    when it counts the same thing."""
    has_change = any(level[column] for column in schema.CHANGE_COLUMNS)
    return not has_change and (not change["yoy_abs"] or change["unit"] == level["unit"])


def _other_base(candidate: Candidate, change_text: str, record: ReviewRecord) -> str:
    """The year a change is compared with, when the article names one other than the year before
    (刑事案件1.2万起,比2018年下降30% in a review of 2022), else ""."""
    if not change_text or not record.year:
        return ""
    before = (
        candidate.sentence[: candidate.sentence.find(candidate.text)]
        + candidate.text[: candidate.text.rfind(change_text)]
    )
    named = OTHER_BASE.search(before)
    return named[1] if named and int(named[1]) != record.year - 1 else ""


def _same_figure(title: Candidate, body: Candidate) -> bool:
    """Whether the body repeats the title's figure: the same numbers in the same units."""
    keys = ("value", "unit", "change", "change_unit")
    return all(getattr(title, key) == getattr(body, key) for key in keys)


def _written_unit(level_text: str) -> str:
    """The unit a level is stored in: money and percent as written (5570万元), a count in its measure
    word (2.5万起 is 起), tenths as a percentage (八成 is 80%)."""
    reading = read_level(level_text) or read_pair(level_text)
    if reading is None:
        return ""
    written = reading.written_unit
    if written == "成":
        return "%"  # 近八成: about 80%
    return reading.unit if written[:1] in ("万", "亿") and reading.unit in schema.COUNT_UNITS else written


def _row(
    candidate: Candidate, paragraph: Paragraph, record: ReviewRecord, level_text: str, change_text: str
) -> dict[str, str]:
    """The figures.csv row of one candidate's level and change (as written), each number in the column
    its unit belongs in."""
    unit = (
        _written_unit(level_text)
        if level_text
        else (candidate.change_unit if candidate.change_unit not in ("%", "个百分点") else "")
    )
    factor = base_unit(unit)[1]
    row = {column.name: "" for column in schema.FIGURES}
    row.update(
        source_id=record.id,
        year=str(record.year or ""),
        section=paragraph.section,
        source_quote=candidate.sentence,
        value_text=level_text,
        yoy_text=change_text,
        unit=unit,
    )
    if level_text:
        row["value"] = _number(candidate.value / factor)
        if candidate.kind == "from_to":
            row["from_value"] = _number(candidate.previous / factor)
            row["from_year"] = str(candidate.previous_year or "")
    if change_text:
        column = change_column(candidate.change_unit)
        row[column] = _number(candidate.change / (factor if column == "yoy_abs" else 1))
    return row


def _label(candidate: Candidate) -> str:
    """The figure's name: its subject, with the noun after it when the subject is only a verb
    (打掉34个涉黑组织: 打掉涉黑组织), or the words just before it when it has none."""
    if len(candidate.subject) > SHORT_SUBJECT:
        return candidate.subject
    after = candidate.sentence[candidate.sentence.find(candidate.text) + len(candidate.text) :]
    noun = re.match(r"的?([^,,;;::。、()()“”\"0-9]{2,12})", after)
    if candidate.subject and noun:
        return candidate.subject + noun[1]
    return candidate.subject or _clause_before(candidate)


def _clause_before(candidate: Candidate) -> str:
    """A label for a figure with no subject: the words of its sentence just before it."""
    before = candidate.sentence[: max(candidate.sentence.find(candidate.text), 0)]
    clause = re.split(r"[,,;;::。、]", before)[-1].strip()
    return clause[-12:] or candidate.text


def _unique_label(label: str, taken: set[str]) -> str:
    """The label, numbered (…(2), …(3)) if another figure of the review already has it."""
    return next(
        candidate for candidate in [label] + [f"{label}({n})" for n in range(2, 1000)] if candidate not in taken
    )


def _metric(label: str, library: Dataset | None) -> str:
    """The library's metric for this label (so compare years joins it), else the label itself."""
    if library is not None:
        known = library.figures.loc[library.figures["label_zh"] == label, "metric"]
        if not known.empty:
            return known.iloc[0]
    return label


def proposed_charts(review: str, rows: list[dict[str, str]]) -> str:
    """charts.toml for the draft's own figures: changes and index for changes in percent, levels for
    counts with a change, share for rates and scores; each shown for this review only."""
    changes = [row for row in rows if row["yoy_pct"]]
    levels = [
        row["metric"]
        for row in rows
        if row["value"]
        and row["unit"] not in ("%", "")
        and any(row[column] for column in (*schema.CHANGE_COLUMNS, "from_value"))
    ]
    shares = [row["metric"] for row in rows if row["value"] and row["unit"] in ("%", "")]
    charts = [("changes", "changes", '"every_change"', "quotes")] if changes else []
    charts += [(_numbered("levels", n), "levels", _toml_list(part), "section") for n, part in _chunks(levels)]
    charts += [(_numbered("share", n), "share", _toml_list(part), "quotes") for n, part in _chunks(shares)]
    charts += [("index", "index", '"every_change"', "quotes")] if changes else []
    lines = ["# Charts of this review's own figures. Add or remove metric ids (figures.csv) as you like."]
    for chart_id, kind, metrics, narrative in charts:
        lines += [
            "",
            "[[charts]]",
            f'id = "{review}-{chart_id}"',
            f'kind = "{kind}"',
            f"metrics = {metrics}",
            f'narrative = "{narrative}"',
            f"reviews = [{_toml_text(review)}]",
        ]
    return "\n".join(lines) + "\n"


def _chunks(metrics: list[str]) -> list[tuple[int, list[str]]]:
    """The metrics in charts of at most CHART_ROWS each, numbered from 1 (every one drawn somewhere)."""
    return [(n, metrics[start : start + CHART_ROWS]) for n, start in enumerate(range(0, len(metrics), CHART_ROWS), 1)]


def _numbered(name: str, n: int) -> str:
    """ "levels" for the first chart of a kind, "levels-2" for the next."""
    return name if n == 1 else f"{name}-{n}"


def short_heading(heading: str) -> str:
    """A section's short label: its heading without the ordinal, up to the first pause
    (一、严打整治,社会治安持续向好 -> 严打整治)."""
    bare = ORDINAL.sub("", heading).strip()
    return re.split(r"[,,;;::。!!??——]", bare)[0][:12]


def _toml_list(items: list[str]) -> str:
    """A TOML list of strings."""
    return "[" + ", ".join(_toml_text(item) for item in items) + "]"


def _number(value: float) -> str:
    """A number as a CSV cell: 611, 5.58, never 611.0."""
    text = f"{value:.10g}" if abs(value) < 1e15 else repr(value)
    return text[:-2] if text.endswith(".0") else text


def draft_files(
    article: Article,
    record: ReviewRecord,
    library: Dataset | None,
    keywords: pd.DataFrame,
    domains: pd.DataFrame,
    figures: list[dict[str, str]] | None = None,
) -> dict[str, bytes]:
    """Every file of the draft data folder, by name; ``figures`` replaces the proposed figures rows
    (the desk passes the rows a person accepted and completed)."""
    rows = propose_figures(article, record, library, keywords).rows if figures is None else figures
    paragraphs = list(article.paragraphs)
    if any(row["section"] == TITLE_SECTION for row in rows):  # a title figure quotes the title
        title_start = article.text.find(article.title)
        paragraphs.insert(0, Paragraph(article.title, title_start, title_start + len(article.title), TITLE_SECTION))
    used = {paragraph.section for paragraph in paragraphs}
    sections = [
        {
            "source_id": record.id,
            "id": section.id,
            "order": str(section.order),
            "heading": section.heading,
            "heading_en": "",
            "label_zh": short_heading(section.heading) or "开篇",
            "label_en": "",
        }
        for section in article.sections
        if section.id in used
    ]
    if TITLE_SECTION in used:
        sections.insert(
            0,
            {
                "source_id": record.id,
                "id": TITLE_SECTION,
                "order": "0",
                "heading": "",
                "heading_en": "",
                "label_zh": "标题",
                "label_en": "Title",
            },
        )
    passages = [
        {
            "source_id": record.id,
            "id": f"{paragraph.section}-{n}",
            "section": paragraph.section,
            "order": str(n),
            "domains": ";".join(sorted({propose_domain(paragraph.text, keywords)} - {""})),
            "text": paragraph.text,
            "text_en": "",
        }
        for n, paragraph in enumerate(paragraphs, start=1)
    ]
    return {
        f"articles/{record.id}.txt": article.text.encode("utf-8"),
        schema.SOURCES_FILE: _sources_toml(record).encode("utf-8"),
        schema.CHARTS_FILE: proposed_charts(record.id, rows).encode("utf-8"),
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
    """Rows as a UTF-8 CSV file with the table's columns, in order."""
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=[column.name for column in columns], lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _toml_text(value: str) -> str:
    """A TOML basic string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _sources_toml(record: ReviewRecord) -> str:
    """The source record; what a person must still fill stays empty, under a comment naming it."""
    fields = {
        "id": record.id,
        "place": record.place,
        "level": record.level,
        "place_short": record.place_short,
        "place_en": record.place_en,
        "publisher": record.publisher,
        "publisher_en": record.publisher_en,
        "title": record.title,
        "title_en": record.title_en,
        "url": record.url,
        "article": f"articles/{record.id}.txt",
    }
    lines = [
        "# Draft written by python -m components.ingest. Fill every empty field, then run",
        "# python -m components.validate on this folder. The English fields may follow later.",
        "[[sources]]",
    ]
    lines += [f"{key} = {_toml_text(value)}" for key, value in fields.items()]
    lines.append(f"year = {record.year}" if record.year else 'year = ""  # the year the review covers')
    lines.append(
        f"date = {record.date.isoformat()}" if record.date else 'date = ""  # the publication date, e.g. 2021-03-01'
    )
    lines += [f"authors = {_toml_list(list(record.authors))}", "authors_en = []"]
    return "\n".join(lines) + "\n"
