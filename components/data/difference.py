"""Where a quote parts from the text it should stand in: the closest stretch of that text and the
first character where the two differ, so a maintainer sees the typo instead of hunting for it."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

CONTEXT = 8  # characters shown either side of the first difference
MIN_COMMON = 4  # a shorter common run is chance: nothing in the text is close


@dataclass(frozen=True)
class Difference:
    """``quoted`` and ``closest`` are short excerpts around the first differing character, which is
    character ``position`` (1-based) of the quote."""

    position: int
    quoted: str
    closest: str


def first_difference(quote: str, text: str) -> Difference:
    """The closest stretch of ``text`` to ``quote`` (aligned on their longest common run) and where
    they first differ."""
    match = SequenceMatcher(None, text, quote, autojunk=False).find_longest_match(0, len(text), 0, len(quote))
    if match.size < MIN_COMMON:
        return Difference(1, _around(quote, 0), "—")
    start = max(match.a - match.b, 0)
    closest = text[start : start + len(quote)]
    position = next((i for i, (a, b) in enumerate(zip(quote, closest)) if a != b), min(len(quote), len(closest)))
    return Difference(position + 1, _around(quote, position), _around(closest, position))


def _around(text: str, position: int) -> str:
    begin, end = max(position - CONTEXT, 0), min(position + CONTEXT + 1, len(text))
    return ("…" if begin else "") + text[begin:end] + ("…" if end < len(text) else "")
