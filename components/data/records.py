"""What loading a data folder yields: the Dataset and its records, or a DataError listing Problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import pandas as pd

from components.data.schema import SLIDE_NARRATIVE

Row = Mapping[str, Any]  # one table row as its column names read it


def rows_of(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Each row of ``frame`` as a dict of Python values (NA stays NA); several times faster than
    ``iterrows`` or ``to_dict`` on the Arrow-backed text columns pandas 3 reads."""
    columns = [str(column) for column in frame.columns]
    values = [frame[column].to_numpy(dtype=object).tolist() for column in frame.columns]
    return [dict(zip(columns, row)) for row in zip(*values)]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data: where it is and a message code with its parameters."""

    file: str
    code: str
    row: int | None = None
    column: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)


def reporter(problems: list[Problem], file: str, row: int | None) -> Callable[..., None]:
    """``report(code, column, **params)``: notes a problem of row ``row`` of ``file`` in ``problems``."""

    def report(code: str, column: str, **params: Any) -> None:
        problems.append(Problem(file, code, row=row, column=column, params=params))

    return report


class DataError(Exception):
    """The data folder cannot be shown; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the data folder")
        self.problems = problems


@dataclass(frozen=True)
class Source:
    """A review article and its bibliographic record. The English fields may be empty: a review is
    published in Chinese first, and its translation follows."""

    id: str
    year: int
    place: str
    level: str  # city, county or province
    place_short: str  # the name in 平安丽水
    place_en: str
    publisher: str
    publisher_en: str
    title: str
    title_en: str
    date: dt.date
    authors: tuple[str, ...]
    authors_en: tuple[str, ...]
    url: str
    article: str


@dataclass(frozen=True)
class ChartDeclaration:
    """One chart of ``charts.toml``: its kind, the metrics it draws (``None``: every metric with a
    change), the passages beside it, and the reviews it is for (empty: every review)."""

    id: str
    kind: str
    metrics: tuple[str, ...] | None
    narrative: str
    reviews: tuple[str, ...] = ()

    def for_slide(self) -> ChartDeclaration:
        """The same chart with only the sentences that report its figures (a slide has less room)."""
        return replace(self, narrative=SLIDE_NARRATIVE)

    def shown_for(self, review: str) -> bool:
        """Whether the review ``review`` (a source id) shows this chart."""
        return not self.reviews or review in self.reviews


@dataclass(frozen=True)
class Untranslated:
    """One text of a review that has no English yet: where it is (file, line, column)."""

    file: str
    row: int | None
    column: str


@dataclass(frozen=True)
class Dataset:
    """Everything the dashboard shows, validated. Treat the tables as read-only."""

    figures: pd.DataFrame
    domains: pd.DataFrame
    sections: pd.DataFrame
    passages: pd.DataFrame
    places: pd.DataFrame
    practices: pd.DataFrame
    sources: Mapping[str, Source]
    charts: tuple[ChartDeclaration, ...]
    keywords: pd.DataFrame
    untranslated: Mapping[str, tuple[Untranslated, ...]] = field(default_factory=dict)  # by source id

    @cached_property
    def reviews(self) -> tuple[str, ...]:
        """Every review's source id: newest first, then by place (worked out once, read on every rerun)."""
        return tuple(source.id for source in sorted(self.sources.values(), key=lambda s: (-s.year, s.place)))

    @cached_property
    def default_review(self) -> str:
        """The newest review of the city (of any place, if the library holds none of the city)."""
        return next((review for review in self.reviews if self.sources[review].level == "city"), self.reviews[0])

    def source(self, review: str) -> Source:
        """The source record of the review ``review`` (a source id)."""
        return self.sources[review]

    def translated(self, review: str) -> bool:
        """Whether every text of ``review`` has its English."""
        return not self.untranslated.get(review)
