"""Checks of figures.csv: each row's references, its quote word for word in the article, and its numbers
equal to the article's words (a level, a from-to pair, a change in %, in percentage points or in counts)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping

import pandas as pd

from components.data import schema
from components.data.checks import check_in_article, check_source_ref, difference, joined_passages, plain
from components.data.figure_text import RowReadings, base_unit, change_column, numbers_stated, unit_written_as
from components.data.grammar import FALL_WORDS, RISE_WORDS, Reading
from components.data.records import Problem, Row, Source, reporter, rows_of

NAME = "figures.csv"
Report = Callable[..., None]
_ENGLISH_FALL = re.compile(r"\b(down|fell|fall|falling|decreas\w*|lower|fewer|less|declin\w*|drop\w*)\b", re.I)
_ENGLISH_RISE = re.compile(r"\b(up|rose|rise|rising|increas\w*|higher|more|grew|growth)\b", re.I)


def check_figures(
    figures: pd.DataFrame,
    readings: list[RowReadings],
    sources: Mapping[str, Source],
    sections: pd.DataFrame,
    passages: pd.DataFrame,
    domains: set[str],
    problems: list[Problem],
    every_figure: pd.DataFrame | None = None,
) -> None:
    """Every problem of every figure row (its words read as ``read_rows`` reads them), added to ``problems``.
    A part's whole is looked for among ``every_figure`` (by default, ``figures``)."""
    originals, translations = joined_passages(passages, "text"), joined_passages(passages, "text_en")
    known_sections = set(zip(sections["source_id"], sections["id"]))
    every_figure = figures if every_figure is None else every_figure
    by_id = every_figure.drop_duplicates("id").set_index("id", drop=False)  # duplicates are reported elsewhere
    unreadable = {(p.row, p.column) for p in problems if p.file == NAME}
    numbers = ("year", "value", "from_value", *schema.CHANGE_COLUMNS)
    for row, reading in zip(rows_of(figures), readings):
        if any((row["line"], column) in unreadable for column in numbers):
            continue  # already reported; cross-checks on a half-read row would only add noise
        report = reporter(problems, NAME, row["line"])

        source = check_source_ref(NAME, row, sources, problems)
        if source is not None and not pd.isna(row["year"]) and row["year"] != source.year:
            report("year_mismatch", "year", value=row["year"], expected=source.year)
        if row["domain"] and row["domain"] not in domains:
            report("unknown_ref", "domain", value=row["domain"], target="domains.csv")
        if row["section"] and (row["source_id"], row["section"]) not in known_sections:
            report("unknown_ref", "section", value=row["section"], target="sections.csv")
        check_in_article(NAME, row, "source_quote", source, problems)
        _check_quotes(row, originals.get(row["source_id"], ""), translations.get(row["source_id"], ""), report)
        _check_numbers(row, reading, report)
        _check_english_numbers(row, report)
        if row["parent"]:
            _check_parent(row, by_id, report)


def _check_quotes(row: Row, original: str, translation: str, report: Report) -> None:
    """The figure's words stand in its quote, the quote in a passage, and any English in the English."""
    for column, translated in schema.TRANSLATED_TEXT.items():
        if row[column] and row["source_quote"] and row[column] not in row["source_quote"]:
            report("not_in_quote", column, value=row[column])
        if row[translated] and not row[column]:
            report("text_without_number", translated)
        elif row[translated] and row["source_quote_en"] and row[translated] not in row["source_quote_en"]:
            report("not_in_quote", translated, value=row[translated])
    if row["source_quote"] and row["source_quote"] not in original:
        report("quote_not_in_passages", "source_quote", **difference(row["source_quote"], original))
    if row["source_quote_en"] and row["source_quote_en"] not in translation:
        report("quote_not_in_translation", "source_quote_en", **difference(row["source_quote_en"], translation))


def _check_numbers(row: Row, reading: RowReadings, report: Report) -> None:
    """The number columns hold a figure, and each equals the words it is written in."""
    changes = [column for column in schema.CHANGE_COLUMNS if not pd.isna(row[column])]
    has_value = not pd.isna(row["value"])
    if not has_value and not changes:
        report("no_figure", "value")
    if len(changes) > 1:
        report("several_changes", changes[1], columns=" / ".join(changes))
    if has_value:
        if row["value"] < 0:
            report("negative_value", "value", value=plain(row["value"]))
        _check_level_text(row, reading.level, report)
    elif row["value_text"]:
        report("text_without_number", "value_text")
    elif not pd.isna(row["from_value"]):
        report("text_without_number", "from_value")
    if changes:
        _check_change_text(row, reading.change, changes[0], report)
    elif row["yoy_text"]:
        report("text_without_number", "yoy_text")


def _check_english_numbers(row: Row, report: Report) -> None:
    """A translation given for a figure states its number (at any scale: 558 million is 5.58亿元) and,
    for a change, goes the same way. Left blank, the software writes it."""
    stated = row["value_text_en"] and not pd.isna(row["value"])
    if stated and not _states(row["value_text_en"], row["value"] * base_unit(row["unit"])[1]):
        report("translation_mismatch", "value_text_en", text=row["value_text_en"], value=plain(row["value"]))
    change = next((row[column] for column in schema.CHANGE_COLUMNS if not pd.isna(row[column])), None)
    if row["yoy_text_en"] and change is not None:
        wrong_way = _ENGLISH_RISE if change < 0 else _ENGLISH_FALL
        if not _states(row["yoy_text_en"], abs(change)) or (wrong_way.search(row["yoy_text_en"]) and change != 0):
            report("translation_mismatch", "yoy_text_en", text=row["yoy_text_en"], value=plain(change))


def _states(text: str, value: float) -> bool:
    """Whether an English text states ``value`` (in base units) at some scale."""
    return any(math.isclose(number, value, rel_tol=1e-9) for number in numbers_stated(text))


def _check_level_text(row: Row, reading: Reading | None, report: Report) -> None:
    """The article's words must read as one level (or one from-to pair): the row's value in base
    units, in the row's unit; a pair's earlier end is ``from_value``."""
    if reading is None:
        report("value_text_unreadable", "value_text", value=row["value_text"])
        return
    base, factor = base_unit(row["unit"])
    if reading.unit != base or not math.isclose(reading.value, row["value"] * factor, rel_tol=1e-9):
        report("value_mismatch", "value", text=row["value_text"], value=plain(row["value"]))
    if not unit_written_as(row["unit"], reading.written_unit):
        report("unit_mismatch", "unit", text=row["value_text"], value=row["unit"])
    if reading.kind != "from_to":
        if not pd.isna(row["from_value"]):
            report("from_without_pair", "from_value", text=row["value_text"])
        return
    if pd.isna(row["from_value"]) or not math.isclose(reading.previous, row["from_value"] * factor, rel_tol=1e-9):
        report(
            "from_mismatch",
            "from_value",
            text=row["value_text"],
            value="" if pd.isna(row["from_value"]) else plain(row["from_value"]),
        )
    year = row["from_year"]
    if not pd.isna(year) and (year >= row["year"] or (reading.previous_year and year != reading.previous_year)):
        report("from_year_mismatch", "from_year", value=year, text=row["value_text"])


def _check_change_text(row: Row, reading: Reading | None, column: str, report: Report) -> None:
    """The article's words must read as one change, held in the column for its unit with the same number."""
    if reading is None:
        report("change_text_unreadable", "yoy_text", value=row["yoy_text"], words=" / ".join(FALL_WORDS + RISE_WORDS))
        return
    expected = change_column(reading.change_unit)
    if expected != column:
        report("change_column_mismatch", column, text=row["yoy_text"], expected=expected)
        return
    if not math.isclose(
        reading.change,
        row[column] * (base_unit(row["unit"])[1] if column == "yoy_abs" else 1),
        rel_tol=1e-9,
        abs_tol=1e-9,
    ):
        report("change_mismatch", column, text=row["yoy_text"], value=plain(row[column]))
    if column == "yoy_pct" and row[column] < -100:
        report("change_too_low", column, value=plain(row[column]))
    if column == "yoy_abs":
        if reading.change_unit != base_unit(row["unit"])[0]:
            report("unit_mismatch", "unit", text=row["yoy_text"], value=row["unit"])
        elif not pd.isna(row["value"]) and row["value"] - row[column] < 0:
            report("change_exceeds_level", column, value=plain(row[column]), level=plain(row["value"]))


def _check_parent(row: Row, by_id: pd.DataFrame, report: Report) -> None:
    """A part names an existing whole of the same unit and year, and is no larger than it."""
    if row["parent"] not in by_id.index or row["parent"] == row["id"]:
        report("unknown_ref", "parent", value=row["parent"], target="figures.csv")
        return
    parent = by_id.loc[row["parent"]]
    if parent["unit"] != row["unit"] or pd.isna(parent["year"]) or parent["year"] != row["year"]:
        report("parent_incompatible", "parent", value=row["parent"])
    elif not pd.isna(parent["value"]) and not pd.isna(row["value"]) and row["value"] > parent["value"]:
        report("part_exceeds_whole", "value", value=plain(row["value"]), whole=plain(parent["value"]))
