"""The data desk's work, without Streamlit: the table a person edits and the candidates left out,
the rows they accepted, the validator's verdict on the draft in memory, a preview of the review's
page (its figures and every chart the draft declares), and the zip to download."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import pandas as pd

from components.charts.registry import charts_with_rows
from components.data import schema
from components.data.derived import enrich
from components.data.files import MemoryFiles
from components.data.loader import load_dataset
from components.data.read import read_charts
from components.data.records import ChartDeclaration, DataError, Dataset, Problem, Source
from components.ingest.candidates import Article
from components.ingest.draft import LeftOut, ReviewRecord, propose_figures
from components.model.figures import review_figures

# The columns a person edits (the rest of each row is the extractor's and stays as proposed).
EDITABLE = ("accept", "label_zh", "label_en", "domain", "better", "parent", "kind")
SHOWN = (
    "accept",
    "value_text",
    "yoy_text",
    "label_zh",
    "label_en",
    "domain",
    "better",
    "parent",
    "kind",
    "source_quote",
)
KINDS = ("level_change", "level", "change")  # keep both parts of a figure, only its level, or only its change


@dataclass(frozen=True)
class Verdict:
    """The validator's answer on the draft: the dataset when it is valid, else every problem."""

    dataset: Dataset | None
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Preview:
    """The review's page as the dashboard would draw it: its figures, and each chart the draft
    declares with the rows it draws; ``source`` is the review's record once the draft is valid."""

    figures: pd.DataFrame
    charts: tuple[tuple[ChartDeclaration, pd.DataFrame], ...]
    source: Source | None


def proposed_rows(article: Article, record: ReviewRecord, library: Dataset) -> tuple[pd.DataFrame, list[LeftOut]]:
    """One row per figure the extractor proposes, every one accepted, with its kind; and every
    candidate it left out, with its reason."""
    proposal = propose_figures(article, record, library, library.keywords)
    rows = pd.DataFrame(proposal.rows)
    if rows.empty:
        return rows, proposal.left_out
    kinds = [
        "level_change" if v and c else ("level" if v else "change")
        for v, c in zip(rows["value_text"], rows["yoy_text"])
    ]
    return rows.assign(accept=True, kind=kinds), proposal.left_out


def accepted_figures(edited: pd.DataFrame, known_metrics: frozenset[str] = frozenset()) -> list[dict[str, str]]:
    """The figures.csv rows a person kept, with only the parts of each figure they kept. A metric the
    library does not know follows the name the person gave it (and so does the row's id), and a
    parent may be given by the whole's name as well as by its id."""
    kept = [
        {key: "" if value is None else str(value) for key, value in row.items()}
        for row in edited[edited["accept"].astype(bool)].to_dict("records")
    ]
    new_ids = {}
    for row in kept:
        if row["metric"] not in known_metrics and row["label_zh"]:
            row["metric"] = row["label_zh"]
            new_ids[row["id"]] = row["id"] = f"{row['source_id']}-{row['metric']}"
    by_name = {row["label_zh"]: row["id"] for row in kept}
    for row in kept:
        parent = row["parent"].strip()
        row["parent"] = new_ids.get(parent) or by_name.get(parent) or parent
        if row["kind"] == "change":
            row.update(value="", value_text="", value_text_en="", from_value="", from_year="")
            row["unit"] = row["unit"] if row["yoy_abs"] else ""
        elif row["kind"] == "level":
            row.update(yoy_pct="", yoy_pp="", yoy_abs="", yoy_text="", yoy_text_en="")
    return [{key: value for key, value in row.items() if key not in ("accept", "kind")} for row in kept]


def verdict(files: dict[str, bytes]) -> Verdict:
    """What the validator says of the draft (nothing is written anywhere)."""
    try:
        return Verdict(load_dataset(MemoryFiles(files)), ())
    except DataError as error:
        return Verdict(None, tuple(error.problems))


def grouped(problems: tuple[Problem, ...]) -> list[tuple[Problem, tuple[int, ...]]]:
    """Problems of one kind in one column, once each with every row they occur in (a draft misses
    the same English column on many rows): (the first such problem, its rows), in order found."""
    groups: dict[tuple, list[Problem]] = {}
    for problem in problems:
        groups.setdefault((problem.file, problem.column, problem.code), []).append(problem)
    return [(found[0], tuple(p.row for p in found if p.row is not None)) for found in groups.values()]


def figure_names(file: str, rows: tuple[int, ...], figures: list[dict[str, str]], most: int = 4) -> str:
    """The names of the figures a problem of figures.csv is on (its lines are not the table's rows):
    '打掉涉黑组织、抓获犯罪嫌疑人…'; "" for another file."""
    if file != "figures.csv":
        return ""
    names = [figures[row - 2]["label_zh"] for row in rows if 0 <= row - 2 < len(figures)]
    return "、".join(names[:most]) + ("…" if len(names) > most else "")


def row_ranges(rows: tuple[int, ...]) -> str:
    """2, 3, 4, 5, 9 -> '2–5, 9'."""
    spans: list[list[int]] = []
    for row in sorted(set(rows)):
        if spans and row == spans[-1][1] + 1:
            spans[-1][1] = row
        else:
            spans.append([row, row])
    return ", ".join(f"{a}–{b}" if b > a else str(a) for a, b in spans)


def preview_figures(figures: list[dict[str, str]], record: ReviewRecord) -> pd.DataFrame:
    """The accepted rows as the dashboard's enriched table, for a preview before the draft is valid:
    a missing English label shows the Chinese one, an unset direction counts as not rated."""
    frame = pd.DataFrame(figures)
    if frame.empty:
        return frame
    frame = frame.assign(**{column.name: "" for column in schema.FIGURES if column.name not in frame})
    numbers = {
        column: pd.to_numeric(frame[column].replace("", None), errors="coerce").astype("Float64")
        for column in ("value", "from_value", "from_year", *schema.CHANGE_COLUMNS)
    }
    frame = frame.assign(
        **numbers,
        year=record.year or 0,
        better=frame["better"].replace("", "neutral"),
        label_en=frame["label_en"].where(frame["label_en"] != "", frame["label_zh"]),
    )
    frame = frame[frame[["value", *schema.CHANGE_COLUMNS]].notna().any(axis=1)]
    return enrich(frame.reset_index(drop=True))


def sentence_pieces(text: str, sentence: str) -> list[tuple[str, bool]]:
    """A sentence as (piece, is_the_figure) runs, for a template to mark the figure in it."""
    start = sentence.find(text)
    if start < 0:
        return [(sentence, False)]
    return [
        (piece, marked)
        for piece, marked in ((sentence[:start], False), (text, True), (sentence[start + len(text) :], False))
        if piece
    ]


def preview(found: Verdict, files: dict[str, bytes], figures: list[dict[str, str]], record: ReviewRecord) -> Preview:
    """What the review's page would show: from the validated dataset once the draft is valid, else
    from the accepted rows (``preview_figures``) with the charts the draft's charts.toml declares."""
    if found.dataset is not None:
        rows = review_figures(found.dataset.figures, record.id)
        return Preview(rows, charts_with_rows(found.dataset.charts, rows, record.id), found.dataset.source(record.id))
    rows = preview_figures(figures, record)
    declared = tuple(chart for chart, _ in read_charts(MemoryFiles(files), []))  # the desk wrote it: it reads
    return Preview(rows, charts_with_rows(declared, rows, record.id) if not rows.empty else (), None)


def zipped(files: dict[str, bytes], folder: str) -> bytes:
    """The draft folder as a zip, everything under ``folder/``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in sorted(files.items()):
            archive.writestr(f"{folder}/{name}", content)
    return out.getvalue()
