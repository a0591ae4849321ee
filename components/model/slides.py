"""Presenter mode's slide plan: a title slide, one slide per chart shown, the practices map, and a summary;
what does not fit one slide at 1280x720 goes on more."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Literal

# What one slide holds at 1280x720 in projector type; more is split over slides of its own.
KPI_CARDS_PER_SLIDE = 10  # two rows of five
CITYWIDE_PER_SLIDE = 12  # practice names, two columns of six


@dataclass(frozen=True)
class Slide:
    """One screen in presenter mode; ``chart_id`` is set for chart slides, ``items`` for the slides
    that hold a share of a list (the KPI cards, the city-wide practices): a range of its indices."""

    kind: Literal["title", "kpis", "chart", "compare", "practices", "citywide", "summary"]
    chart_id: str | None = None
    items: range = range(0)


def shares(count: int, most: int) -> list[range]:
    """``count`` items split into as few shares of at most ``most`` as possible, as even as possible:
    14 at most 10 a share are 7 + 7."""
    parts = max(-(-count // most), 1)
    bounds = [round(count * part / parts) for part in range(parts + 1)]
    return [range(start, stop) for start, stop in itertools.pairwise(bounds)]


def slide_plan(
    kpi_count: int, chart_ids: list[str], practices: bool = False, citywide_count: int = 0, compare: bool = False
) -> list[Slide]:
    """Title and KPIs first (the cards over more slides when they are many), then each chart in page
    order, compare years (if the library holds another review of the place), the practices map (if
    the article names any) and the city-wide practices, then the summary with the source."""
    first, *more = shares(kpi_count, KPI_CARDS_PER_SLIDE)
    citywide = shares(citywide_count, CITYWIDE_PER_SLIDE) if citywide_count else []
    return [
        Slide("title", items=first),
        *(Slide("kpis", items=cards) for cards in more),
        *(Slide("chart", chart_id) for chart_id in chart_ids),
        *([Slide("compare")] if compare else []),
        *([Slide("practices")] if practices else []),
        *(Slide("citywide", items=names) for names in citywide),
        Slide("summary"),
    ]


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
