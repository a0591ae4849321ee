"""Derived values, computed from the reported figures when the data is loaded and never stored: the
earlier level (reported in a from-to pair or by an absolute change, or implied by a change in percent),
the index (previous year = 100), whether a change is good news, and how each number is qualified."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from components.data.figure_text import RowReadings, read_rows

GOOD, BAD, NEUTRAL, UNCHANGED = "good", "bad", "neutral", "unchanged"
_NUMBER = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
_CHINESE_DECIMALS = re.compile(r"[〇零一二两三四五六七八九十百千万亿]+点[〇零一二三四五六七八九]+")
_SCALED = {"倍": 2, "成": 1}
MONEY_UNITS = (
    "元",
    "万元",
    "亿元",
)  # 万 and 亿 are part of a money unit, not a count's scale  # 增长1.5倍 is +150%: two decimals fewer in percent


def decimals_in(text: str) -> int:
    """How many decimal places the article used when writing a number, e.g. '5.58亿元' -> 2,
    '三点五亿元' -> 1; of a from-to pair, its later end ('从2015年的1.2万起下降至2019年的4831起' -> 0)."""
    folded = unicodedata.normalize("NFKC", text)
    numbers = _NUMBER.findall(folded) or _CHINESE_DECIMALS.findall(folded)
    last = numbers[-1] if numbers else ""
    return len(last.split(".", 1)[1]) if "." in last else len(last.split("点", 1)[1]) if "点" in last else 0


def _places(value: float) -> int:
    """The fewest decimals (at most two) that write ``value`` exactly: 560.0 -> 0, 2.5 -> 1."""
    return next((places for places in range(2) if abs(round(value, places) - value) < 1e-9), 2)


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


def enrich(figures: pd.DataFrame, readings: list[RowReadings] | None = None) -> pd.DataFrame:
    """Add derived columns, each computed from reported figures and named for what it is.

    - ``change``: the one change a row reports, whatever its unit (yoy_pct, yoy_pp or yoy_abs).
    - how each number is written, read back from the article's words: ``value_qualifier`` and
      ``change_qualifier`` (超过, 约, 余 …; "" when exact), ``value_scale`` and ``change_scale`` (the 万
      or 亿 a count was written with), ``value_decimals`` and ``change_decimals`` (at that scale),
      ``value_alone`` and ``change_alone`` (the words read as a level or a change by themselves,
      not as a member of a list or a from-to pair).
    - ``implied_previous``: the previous year's level implied by value / (1 + change), only where the
      article gives an exact level and an exact change in percent (derived).
    - ``earlier_value``, ``earlier_year``, ``earlier_derived``, ``earlier_decimals``, ``earlier_scale``:
      the earlier level a levels chart sets beside this year's: a from-to pair's earlier end (in its
      year) or the level less an absolute change, both reported; else the implied previous level.
    - ``index_value``: the current year on an index where the previous year is 100 (exact % changes).
    - ``outcome``: good / bad / neutral, from the change and which direction is better.

    ``readings`` are the rows' words as ``read_rows`` reads them, when the caller has them already.
    """
    out = figures.copy()
    readings = read_rows(out) if readings is None else readings
    levels = [reading.level for reading in readings]
    changes = [reading.change for reading in readings]
    out["change"] = out["yoy_pct"].fillna(out["yoy_pp"]).fillna(out["yoy_abs"])
    out["value_qualifier"] = [reading.qualifier if reading else "" for reading in levels]
    out["change_qualifier"] = [reading.qualifier if reading else "" for reading in changes]
    out["value_scale"] = [_scale(reading, unit) for reading, unit in zip(levels, out["unit"])]
    out["change_scale"] = [_scale(reading, unit) for reading, unit in zip(changes, out["unit"])]
    out["value_alone"] = [
        bool(reading) and reading.kind == "level" and text == reading.text
        for reading, text in zip(levels, out["value_text"])
    ]
    out["change_alone"] = [reading.change_alone for reading in readings]
    out["value_decimals"] = out["value_text"].map(decimals_in)
    out["change_decimals"] = [
        max(decimals_in(text) - _SCALED.get(reading.written_unit, 0), 0) if reading else 0
        for text, reading in zip(out["yoy_text"], changes)
    ]
    exact = (out["value_qualifier"] == "") & (out["change_qualifier"] == "")
    out["previous_year"] = out["year"] - 1
    factor = 1 + out["yoy_pct"] / 100
    out["implied_previous"] = (out["value"] / factor).where(exact & (factor > 0))
    by_change = (out["value"] - out["yoy_abs"]).where(exact)
    reported = out["from_value"].fillna(by_change)
    out["earlier_value"] = reported.fillna(out["implied_previous"])
    out["earlier_year"] = out["from_year"].where(out["from_value"].notna()).fillna(out["previous_year"]).astype("Int64")
    out["earlier_derived"] = reported.isna() & out["implied_previous"].notna()
    pairs = [_pair_start(reading, unit) for reading, unit in zip(levels, out["unit"])]
    out["earlier_decimals"] = [
        pair[0] if pair else _places(value) if not pd.isna(value) else 0 for pair, value in zip(pairs, by_change)
    ]
    out["earlier_scale"] = [pair[1] if pair else "" for pair in pairs]
    out.loc[out["earlier_derived"], "earlier_decimals"] = out["value_decimals"]
    out.loc[out["earlier_derived"], "earlier_scale"] = out["value_scale"]
    out["index_value"] = (100 + out["yoy_pct"]).where(out["change_qualifier"] == "")
    out["outcome"] = [outcome(change, better) for change, better in zip(out["change"], out["better"])]
    return out


def _scale(reading, unit: str) -> str:
    """The 万 or 亿 a count was written with (2.5万起: 万), "" for none or for money (万元 is a unit)."""
    if reading is None or reading.written_unit == unit:
        return ""
    return reading.written_unit[:1] if reading.written_unit[:1] in ("万", "亿") else ""


def _pair_start(reading, unit: str) -> tuple[int, str] | None:
    """(decimals, scale) of a from-to pair's earlier end as written (由1.2万起…: 1, 万), else None."""
    if reading is None or reading.kind != "from_to":
        return None
    written = reading.previous_text
    scale = next((mark for mark in ("万", "亿") if mark in written and unit not in MONEY_UNITS), "")
    return decimals_in(written), scale
