"""A figure row's words read back as numbers: its level (or from-to pair) and its change, each as the
grammar reads it standing alone or, for a member of an enumeration, where it stands in its sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from components.data import schema
from components.data.grammar import UNIT_FACTORS, Reading, read_change, read_in_sentence, read_level, read_pair

CHANGE_COLUMN = {"%": "yoy_pct", "个百分点": "yoy_pp"}  # any other change unit is a count: yoy_abs
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALES = (1, 1e3, 1e4, 1e6, 1e8, 1e9)  # "CNY 558 million" states 5.58亿元, "25,000" states 2.5万


def level_reading(value_text: str, quote: str) -> Reading | None:
    """The level (or from-to pair) ``value_text`` states, or None when it does not read as one."""
    if not value_text:
        return None
    return read_level(value_text) or read_pair(value_text) or read_in_sentence(value_text, quote, "level")


@dataclass(frozen=True)
class RowReadings:
    """A figure row's words read once per load, for the checks and the derived values alike."""

    level: Reading | None  # value_text as a level or a from-to pair
    change: Reading | None  # yoy_text as a change
    change_alone: bool  # yoy_text reads as a change by itself, not only where it stands in its sentence


def read_rows(figures: pd.DataFrame) -> list[RowReadings]:
    """Each figure row's readings, in row order."""
    return [
        _read_row(value_text, yoy_text, quote)
        for value_text, yoy_text, quote in zip(figures["value_text"], figures["yoy_text"], figures["source_quote"])
    ]


def _read_row(value_text: str, yoy_text: str, quote: str) -> RowReadings:
    alone = read_change(yoy_text) if yoy_text else None
    change = alone or (read_in_sentence(yoy_text, quote, "change") if yoy_text else None)
    return RowReadings(level_reading(value_text, quote), change, alone is not None)


def change_column(change_unit: str) -> str:
    """Which column holds a change in ``change_unit``: yoy_pct, yoy_pp or yoy_abs (减少3起)."""
    return CHANGE_COLUMN.get(change_unit, "yoy_abs")


def numbers_stated(text: str) -> list[float]:
    """Every number a translation's text may state, at each scale English writes amounts in."""
    return [float(found.replace(",", "")) * scale for found in _DIGITS.findall(text) for scale in _SCALES]


def base_unit(unit: str) -> tuple[str, float]:
    """(base unit, how many of it one ``unit`` is): 亿元 -> (元, 1e8), 起 -> (起, 1)."""
    return UNIT_FACTORS.get(unit, (unit, 1.0))


def unit_written_as(unit: str, written: str) -> bool:
    """Whether a row's ``unit`` matches the unit as written: the same, a count with 万/亿 before it
    (2.5万起 is a count of 起), or tenths as a percentage (近八成 is about 80%)."""
    return (
        written == unit
        or (unit in schema.COUNT_UNITS and written in ("万" + unit, "亿" + unit))
        or (unit == "%" and written == "成")
    )
