"""Derived values, computed from the reported figures when the data is loaded and never stored:
the implied previous-year level, the index (previous year = 100) and whether a change is good news."""

from __future__ import annotations

import pandas as pd

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
