"""Text layout for figures: rendered widths of mixed Chinese and Latin text, and line wrapping."""

from __future__ import annotations

import html

BREAK_AFTER = ",，、;；:：·。)）"
NUMBER_MARKS = ",.%+−-"  # characters that belong to a number as written


def plain(text: str) -> str:
    """Data text made safe for Plotly, which reads <b>, <a href> and the like as markup."""
    return html.escape(text, quote=False)


def text_width(text: str) -> float:
    """Rendered width in ems: CJK characters are one em, Latin letters and digits about half."""
    return sum(1 if ord(char) > 0x2E7F else 0.55 for char in text)


def wrap(text: str, width: float) -> str:
    """Break ``text`` into lines of at most ``width`` CJK characters (Latin counts as half),
    breaking after punctuation or at a space (never just before a '·'), and never inside a number or
    between a number and the word beside it ('9,800起', '−13.8%', 'CNY 55.7 million' keep together
    as far as a line allows); joined with <br>."""
    lines, line, last_break = [], "", 0
    for position, char in enumerate(text):
        if not line and char == " ":
            continue
        if line and char != " " and text_width(line + char) > width:
            cut = last_break or _outside_number(line)
            lines.append(line[:cut].rstrip())
            line, last_break = line[cut:].lstrip(), 0
        line += char
        if (char in BREAK_AFTER and not _inside_number(text, position)) or (
            char == " " and text[position + 1 : position + 2] != "·" and not _beside_number(text, position)
        ):
            last_break = len(line)
    lines.append(line.rstrip())
    return "<br>".join(part for part in lines if part)


def _inside_number(text: str, position: int) -> bool:
    """Whether ``text[position]`` (a comma, point or space) sits between two digits: 9,800 · 55.7 · 1 000."""
    return 0 < position < len(text) - 1 and text[position - 1].isdigit() and text[position + 1].isdigit()


def _beside_number(text: str, position: int) -> bool:
    """Whether the space at ``position`` binds a number to its neighbour: 'CNY 120', '120 million'."""
    return text[position - 1 : position].isdigit() or text[position + 1 : position + 2].isdigit()


def _outside_number(line: str) -> int:
    """Where to cut a line with no break point: before the number it ends in, if it does (a forced
    cut never splits one), else at its end."""
    cut = len(line)
    while cut > 0 and (line[cut - 1].isdigit() or line[cut - 1] in NUMBER_MARKS):
        cut -= 1
    return cut or len(line)
