"""View selection: which figures of the library one view shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class View:
    """What the user asked to see: one review (its source id) and a set of domains."""

    review: str
    domains: tuple[str, ...]


def review_domains(
    domains: pd.DataFrame, figures: pd.DataFrame, practices: pd.DataFrame, review: str
) -> tuple[str, ...]:
    """The domains one review speaks to (its figures' and its practices'), in filter order: the filter
    lists these only."""
    used = set(figures.loc[figures["source_id"] == review, "domain"])
    used.update(domain for tags in practices.loc[practices["source_id"] == review, "domains"] for domain in tags)
    return tuple(domain for domain in domains["id"] if domain in used)


def select(figures: pd.DataFrame, view: View) -> pd.DataFrame:
    """The figures of ``view.review`` in ``view.domains``, in the order of figures.csv."""
    mask = (figures["source_id"] == view.review) & figures["domain"].isin(view.domains)
    return figures[mask]


def review_figures(figures: pd.DataFrame, review: str) -> pd.DataFrame:
    """Every figure of one review (for highlighting them in its passages)."""
    return figures[figures["source_id"] == review]


def headline_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures that stand on their own (not a part of another figure)."""
    return figures[figures["parent"] == ""]


def with_metrics(figures: pd.DataFrame, metrics: Iterable[str]) -> pd.DataFrame:
    """Rows for the given metric keys, in the order the keys are given."""
    order = {metric: rank for rank, metric in enumerate(metrics)}
    chosen = figures[figures["metric"].isin(order)]
    return chosen.sort_values("metric", key=lambda col: col.map(order), kind="stable")


def with_change(figures: pd.DataFrame) -> pd.DataFrame:
    """Rows that report a year-on-year change."""
    return figures[figures["yoy_pct"].notna()]
