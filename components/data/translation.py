"""The English that follows a review: which of its texts are not yet translated, and each quote's English
taken from its passage's translation, so a maintainer never pastes a sentence twice."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from components.data import schema
from components.data.figure_text import numbers_stated
from components.data.grammar import find_figures
from components.data.records import Source, Untranslated

_CHINESE_SENTENCE = re.compile(r"[^。!?;！？；]*(?:[。!?;！？；][”’」』)）]*|$)")
_ENGLISH_BREAK = re.compile(r"(?<=[.!?;])[\"”’)]*\s+")


def untranslated(
    tables: Mapping[str, pd.DataFrame], sources: Mapping[str, Source]
) -> dict[str, tuple[Untranslated, ...]]:
    """Each review's texts that have Chinese but no English yet, by source id."""
    found: dict[str, list[Untranslated]] = {}
    for review in sources.values():
        for field in schema.ENGLISH_SOURCE_FIELDS:  # a review naming no authors has none to translate
            if not getattr(review, field) and getattr(review, field.removesuffix("_en")):
                found.setdefault(review.id, []).append(Untranslated(schema.SOURCES_FILE, None, field))
    for name, columns in schema.ENGLISH_COLUMNS.items():
        table = tables[name]
        for english, chinese in columns.items():
            missing = table[(table[chinese] != "") & (table[english] == "")]
            for source_id, line in zip(missing["source_id"], missing["line"]):
                found.setdefault(source_id, []).append(Untranslated(name, line, english))
    return {review: tuple(items) for review, items in found.items()}


def with_quote_translations(table: pd.DataFrame, quote: str, passages: pd.DataFrame) -> pd.DataFrame:
    """``table`` with each blank ``{quote}_en`` filled from the translation of the passage the quote
    stands in: the same sentences where both languages have as many, else the whole passage. A quote
    whose passage has no English keeps a blank (not yet translated)."""
    english = f"{quote}_en"
    blank = table[english] == ""
    if not blank.any():
        return table
    by_source = {source: list(zip(group["text"], group["text_en"])) for source, group in passages.groupby("source_id")}
    filled = [
        _quote_english(text, by_source.get(source, ())) if empty else given
        for text, given, empty, source in zip(table[quote], table[english], blank, table["source_id"])
    ]
    return table.assign(**{english: filled})


def _quote_english(quote: str, passages) -> str:
    """The English of ``quote`` from the translated passage it stands in, or "" when there is none."""
    for text, text_en in passages:
        position = text.find(quote)
        if position < 0 or not text_en:
            continue
        chinese = [match.span() for match in _CHINESE_SENTENCE.finditer(text) if match.group().strip()]
        english = [part for part in _ENGLISH_BREAK.split(text_en.strip()) if part]
        if len(chinese) != len(english):
            return _sentences_stating(quote, english) or text_en
        covered = [
            index for index, (start, end) in enumerate(chinese) if start < position + len(quote) and end > position
        ]
        return " ".join(english[covered[0] : covered[-1] + 1])
    return ""


def _sentences_stating(quote: str, english: list[str]) -> str:
    """The English sentences that state every number of the quote (a translation may split or join
    sentences), or "" when no run of them does."""
    numbers = {
        abs(number)
        for reading in find_figures(quote)
        for number in (reading.value, reading.change)
        if number is not None
    }
    stated = [{round(number, 6) for number in numbers_stated(sentence)} for sentence in english]
    numbers = {round(number, 6) for number in numbers}
    stating = [index for index, found in enumerate(stated) if numbers & found]
    if not stating or not numbers <= set().union(*(stated[index] for index in stating)):
        return ""
    return " ".join(english[stating[0] : stating[-1] + 1])
