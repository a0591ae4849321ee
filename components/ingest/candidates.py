"""Candidate figures: every figure the grammar reads in an article's title and body, with its sentence
and section."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from components.data.grammar import find_figures
from components.ingest.structure import Paragraph, Section, sentence_around, structure

TITLE_SECTION = "title"  # the section id of a title figure the body does not repeat


@dataclass(frozen=True)
class Candidate:
    """One figure as the extractor proposes it; the keys of ``python -m components.ingest --json``."""

    text: str
    value: float | None
    unit: str
    approximate: bool
    change: float | None
    change_unit: str
    subject: str
    sentence: str
    start: int
    end: int
    section: str
    kind: str = "level"
    previous: float | None = None
    previous_year: int | None = None

    def as_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Article:
    """An article's text and shape, and the figures found in it (the title's first, then the body's)."""

    text: str
    title: str
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]
    candidates: tuple[tuple[Candidate, Paragraph], ...]


def read_article(text: str) -> Article:
    """Every figure in the title and the body of ``text`` (not in its source lines), in reading order."""
    title, sections, paragraphs = structure(text)
    headings = {section.id: section.heading for section in sections}
    found = []
    title_start = text.find(title)
    heading_line = Paragraph(title, title_start, title_start + len(title), TITLE_SECTION)
    read_title = title and not any(paragraph.start == title_start for paragraph in paragraphs)
    for paragraph in ([heading_line] if read_title else []) + list(paragraphs):
        for reading in find_figures(paragraph.text):
            start, end = paragraph.start + reading.start, paragraph.start + reading.end
            found.append(
                (
                    Candidate(
                        reading.text,
                        reading.value,
                        reading.unit,
                        reading.approximate,
                        reading.change,
                        reading.change_unit,
                        reading.subject,
                        sentence_around(paragraph, start, end),
                        start,
                        end,
                        headings.get(paragraph.section, ""),
                        reading.kind,
                        reading.previous,
                        reading.previous_year,
                    ),
                    paragraph,
                )
            )
    return Article(text, title, tuple(sections), tuple(paragraphs), tuple(found))
