"""An article's shape: its title, sections (a heading line starts one), paragraphs and sentences,
each with its character offsets in the article as given."""

from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE_END = "。！？!?；;"
CLOSING = "”’」』）)"
MAX_HEADING_CHARS = 30
# Lines about the article rather than of it: where it came from, when, who wrote it.
META_LINE = re.compile(
    r"^(来源|來源|发布时间|發佈時間|浏览量|瀏覽量|记者|記者|通讯员|通訊員|作者|编辑|編輯)[::\s]|"
    r"(发布时间|浏览量|記者|记者)[::]"
)


@dataclass(frozen=True)
class Section:
    """A stretch of the article under one heading ("" for the opening before the first heading)."""

    id: str
    order: int
    heading: str


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of body text, stripped, with its offsets and its section's id."""

    text: str
    start: int
    end: int
    section: str


def _lines(article: str) -> list[tuple[str, int]]:
    """Each non-blank line, stripped, with the offset of its first kept character."""
    found, offset = [], 0
    for raw in article.splitlines(keepends=True):
        text = raw.strip()
        if text:
            found.append((text, offset + raw.index(text)))
        offset += len(raw)
    return found


def _is_heading(text: str) -> bool:
    return len(text) <= MAX_HEADING_CHARS and text[-1] not in SENTENCE_END + CLOSING + "…:："


def structure(article: str) -> tuple[str, list[Section], list[Paragraph]]:
    """(title, sections, paragraphs): the first line is the title (a text of one line is its own
    title and body), meta lines are left out, and a short line without closing punctuation starts a
    new section."""
    lines = _lines(article)
    if not lines:
        return "", [], []
    title, body = lines[0][0], lines[1:]
    if not body:  # a pasted sentence or paragraph: its one line is the body, and names the review too
        body = lines
    sections = [Section("opening", 1, "")]
    paragraphs: list[Paragraph] = []
    for text, start in body:
        if META_LINE.search(text):
            continue
        if _is_heading(text):
            sections.append(Section(f"section-{len(sections)}", len(sections) + 1, text))
            continue
        paragraphs.append(Paragraph(text, start, start + len(text), sections[-1].id))
    return title, sections, paragraphs


def sentence_around(paragraph: Paragraph, start: int, end: int) -> str:
    """The sentence of ``paragraph`` holding the article's characters start..end (verbatim)."""
    text, base = paragraph.text, paragraph.start
    begin = max((i + 1 for i in range(start - base) if text[i] in SENTENCE_END), default=0)
    finish = next((i + 1 for i in range(max(end - base, begin), len(text)) if text[i] in SENTENCE_END), len(text))
    while finish < len(text) and text[finish] in CLOSING:
        finish += 1
    return text[begin:finish]
