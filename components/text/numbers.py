"""Locale-aware number and date formatting, the one place user-facing numbers become text."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from babel.dates import format_date
from babel.numbers import format_decimal

MINUS = "\u2212"  # a true minus sign, as typography wants it
BABEL_LOCALES = {"zh": "zh_Hans_CN", "en": "en_GB"}
# How English writes an amount in each unit the data may use: template, multiplier, fewer decimals.
# 5.58亿元 is CNY 558 million; any other unit (the counters 个, 起, 件, 人, 次) is a plain number.
ENGLISH_UNITS = {
    "%": ("{n}%", 1, 0),
    "元": ("CNY {n}", 1, 0),
    "万元": ("CNY {n} thousand", 10, 1),
    "亿元": ("CNY {n} million", 100, 2),
}


def decimals_in(text: str) -> int:
    """How many decimal places the article used when writing a number, e.g. '5.58亿元' -> 2."""
    digits = "".join(ch for ch in text if ch.isdigit() or ch == ".")
    return len(digits.split(".", 1)[1]) if "." in digits else 0


@dataclass(frozen=True)
class NumberFormat:
    """Formats numbers the way one language writes them."""

    language: str

    def number(self, value: float, decimals: int = 0) -> str:
        """Grouped decimal with exactly ``decimals`` places: 79362 -> '79,362'."""
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        text = format_decimal(abs(value), format=pattern, locale=BABEL_LOCALES[self.language])
        return (MINUS + text) if value < 0 and not _rounds_to_zero(value, decimals) else text

    def change(self, pct: float, decimals: int = 1) -> str:
        """A signed percentage change: -13.8 -> '−13.8%', 451 -> '+451%'."""
        sign = "+" if pct > 0 and not _rounds_to_zero(pct, decimals) else ""
        return f"{sign}{self.number(pct, decimals)}%"

    def level(self, value: float, unit: str, decimals: int = 0) -> str:
        """A level with its unit: '5.58亿元' / 'CNY 558 million', '79,362件' / '79,362', '98.2%'."""
        if self.language == "zh":
            return f"{self.number(value, decimals)}{unit}"
        template, multiplier, fewer = ENGLISH_UNITS.get(unit, ("{n}", 1, 0))
        return template.format(n=self.number(value * multiplier, max(decimals - fewer, 0)))

    def date(self, day: dt.date) -> str:
        """A date written in full: '2020年3月10日' / '10 March 2020'."""
        return format_date(day, "long", locale=BABEL_LOCALES[self.language])


def _rounds_to_zero(value: float, decimals: int) -> bool:
    return math.isclose(round(abs(value), decimals), 0.0)
