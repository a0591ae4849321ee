"""Presenter mode's slide plan: a title slide, one slide per chart shown, the practices map, and a summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Slide:
    """One screen in presenter mode; ``chart_id`` is set for chart slides."""

    kind: Literal["title", "chart", "compare", "practices", "summary"]
    chart_id: str | None = None


def slide_plan(chart_ids: list[str], practices: bool = False, compare: bool = False) -> list[Slide]:
    """Title and KPIs first, then each chart in page order, compare years (if the library holds
    another review of the place), the practices map (if the article names any), then the summary
    with the source."""
    return [Slide("title"), *(Slide("chart", chart_id) for chart_id in chart_ids),
            *([Slide("compare")] if compare else []), *([Slide("practices")] if practices else []), Slide("summary")]


def parse_step(raw: str | None, count: int) -> int | None:
    """A 1-based slide number from a URL value, or None if it is not one of 1..count."""
    if raw is None or not raw.strip().isdigit() or not raw.strip().isascii():
        return None
    step = int(raw.strip())
    return step if 1 <= step <= count else None


def parse_flag(raw: str | None) -> bool | None:
    """'true' / 'false' (any case) from a URL value, else None."""
    value = (raw or "").strip().lower()
    return {"true": True, "false": False}.get(value)
