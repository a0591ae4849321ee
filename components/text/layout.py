"""Text layout for figures: rendered widths of mixed Chinese and Latin text, and line wrapping."""

from __future__ import annotations

import html

BREAK_AFTER = ",，、;；:：·。)）"


def plain(text: str) -> str:
    """Data text made safe for Plotly, which reads <b>, <a href> and the like as markup."""
    return html.escape(text, quote=False)


def text_width(text: str) -> float:
    """Rendered width in ems: CJK characters are one em, Latin letters and digits about half."""
    return sum(1 if ord(char) > 0x2E7F else 0.55 for char in text)


def wrap(text: str, width: float) -> str:
    """Break ``text`` into lines of at most ``width`` CJK characters (Latin counts as half),
    breaking after punctuation or at a space (never just before a '·'); joined with <br>."""
    lines, line, last_break = [], "", 0
    for position, char in enumerate(text):
        if not line and char == " ":
            continue
        if line and char != " " and text_width(line + char) > width:
            cut = last_break or len(line)
            lines.append(line[:cut].rstrip())
            line, last_break = line[cut:].lstrip(), 0
        line += char
        if char in BREAK_AFTER or (char == " " and text[position + 1:position + 2] != "·"):
            last_break = len(line)
    lines.append(line.rstrip())
    return "<br>".join(part for part in lines if part)

