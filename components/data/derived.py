"""Derived values, computed from the reported figures when the data is loaded and never stored: the
earlier level (reported in a from-to pair or by an absolute change, or implied by a change in percent),
the index (previous year = 100), whether a change is good news, and how each number is qualified."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from components.data.figure_text import change_reading, level_reading

GOOD, BAD, NEUTRAL, UNCHANGED = "good", "bad", "neutral", "unchanged"
_NUMBER = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")


def decimals_in(text: str) -> int:
    """How many decimal places the article used when writing a number, e.g. '5.58亿元' -> 2; of a
    from-to pair, its later end ('从2015年的1.2万起下降至2019年的4831起' -> 0)."""
    numbers = _NUMBER.findall(unicodedata.normalize("NFKC", text))
    return len(numbers[-1].split(".", 1)[1]) if numbers and "." in numbers[-1] else 0


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

    - ``change``: the one change a row reports, whatever its unit (yoy_pct, yoy_pp or yoy_abs).
    - ``value_qualifier`` / ``change_qualifier``: the article's words that make a number approximate
      (超过, 约, 余 …), "" when it is exact; ``value_scale``: the 万 or 亿 a count was written with.
    - ``implied_previous``: the previous year's level implied by value / (1 + change), only where the
      article gives an exact level and an exact change in percent (derived).
    - ``earlier_value`` / ``earlier_year`` / ``earlier_derived``: the earlier level a levels chart
      sets beside this year's: a from-to pair's earlier end or the level less an absolute change
      (both reported), else the implied previous level (derived).
    - ``index_value``: the current year on an index where the previous year is 100 (exact % changes).
    - ``outcome``: good / bad / neutral, from the change and which direction is better.
    - ``value_decimals`` / ``change_decimals``: the precision the article used.
    """
    out = figures.copy()
    out["change"] = out["yoy_pct"].fillna(out["yoy_pp"]).fillna(out["yoy_abs"])
    levels = [level_reading(text, quote) for text, quote in zip(out["value_text"], out["source_quote"])]
    out["value_qualifier"] = [reading.qualifier if reading else "" for reading in levels]
    out["value_scale"] = [_scale(reading, unit) for reading, unit in zip(levels, out["unit"])]
    out["change_qualifier"] = [reading.qualifier if reading else "" for reading in
                               (change_reading(text, quote) for text, quote in zip(out["yoy_text"], out["source_quote"]))]
    exact = (out["value_qualifier"] == "") & (out["change_qualifier"] == "")
    out["previous_year"] = out["year"] - 1
    out["implied_previous"] = (out["value"] / (1 + out["yoy_pct"] / 100)).where(exact)
    reported = out["from_value"].where(out["from_year"].isna() | (out["from_year"] == out["previous_year"]))
    reported = reported.fillna((out["value"] - out["yoy_abs"]).where(exact))
    out["earlier_value"] = reported.fillna(out["implied_previous"])
    out["earlier_year"] = out["from_year"].fillna(out["previous_year"]).where(out["from_value"].notna(),
                                                                               out["previous_year"]).astype("Int64")
    out["earlier_derived"] = reported.isna() & out["implied_previous"].notna()
    out["index_value"] = (100 + out["yoy_pct"]).where(out["change_qualifier"] == "")
    out["outcome"] = [outcome(change, better) for change, better in zip(out["change"], out["better"])]
    out["value_decimals"] = out["value_text"].map(decimals_in)
    out["change_decimals"] = out["yoy_text"].map(decimals_in)
    return out


def _scale(reading, unit: str) -> str:
    """The 万 or 亿 a count was written with (2.5万起: 万), "" for none or for money (万元 is a unit)."""
    if reading is None or reading.written_unit == unit:
        return ""
    return reading.written_unit[:1] if reading.written_unit[:1] in ("万", "亿") else ""
