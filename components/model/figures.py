"""Derived values and view selection: everything computed from the validated tables, never stored."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import pandas as pd

from components.data.loader import Dataset
from components.text.numbers import decimals_in

GOOD, BAD, NEUTRAL, UNCHANGED = "good", "bad", "neutral", "unchanged"


def outcome(change: float | None, better: str) -> str:
    """Whether a change is good news: fewer crimes and more cases solved are both good.

    ``neutral`` means not rated (no change reported, or no better direction); ``unchanged`` is 0%.
    """
    if change is None or pd.isna(change) or better == "neutral":
        return NEUTRAL
    if change == 0:
        return UNCHANGED
    rising = change > 0
    return GOOD if rising == (better == "higher") else BAD


def enrich(figures: pd.DataFrame) -> pd.DataFrame:
    """Add derived columns, each computed from reported figures and named for what it is.

    - ``previous_year`` and ``implied_previous``: the level a year earlier implied by
      value / (1 + change); only where the article gives both the level and the change.
    - ``index_value``: the current year on an index where the previous year is 100.
    - ``outcome``: good / bad / neutral, from the change and which direction is better.
    - ``value_decimals`` / ``change_decimals``: the precision the article used.
    """
    out = figures.copy()
    factor = 1 + out["yoy_pct"] / 100
    out["previous_year"] = out["year"] - 1
    out["implied_previous"] = out["value"] / factor
    out["index_value"] = 100 + out["yoy_pct"]
    out["outcome"] = [outcome(change, better) for change, better in zip(out["yoy_pct"], out["better"])]
    out["value_decimals"] = out["value_text"].map(decimals_in)
    out["change_decimals"] = out["yoy_text"].map(decimals_in)
    return out


@dataclass(frozen=True)
class View:
    """What the user asked to see: one year and a set of domains."""

    year: int
    domains: tuple[str, ...]


def select(figures: pd.DataFrame, view: View) -> pd.DataFrame:
    """The figures of ``view.year`` in ``view.domains``, in the order of figures.csv."""
    mask = (figures["year"] == view.year) & figures["domain"].isin(view.domains)
    return figures[mask]


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


def source_for_year(dataset: Dataset, year: int):
    """The review article that reports ``year``."""
    return next(source for source in dataset.sources.values() if source.year == year)
