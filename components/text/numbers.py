"""Locale-aware number and date formatting, the one place user-facing numbers become text: levels with
their units and qualifiers, changes in percent, in percentage points and in counts, and dates."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from babel.dates import format_date
from babel.numbers import format_decimal

MINUS = "\u2212"  # a true minus sign, as typography wants it
BABEL_LOCALES = {"zh": "zh_Hans_CN", "en": "en_GB"}
POINTS = "个百分点"
SCALES = {"": 1, "万": 10_000, "亿": 100_000_000}  # a count written 2.5万起 keeps its 万 in Chinese
MONEY = {"元": 1, "万元": 10_000, "亿元": 100_000_000}  # English writes yuan in millions and billions
MONEY_WORDS = ((1e9, "billion"), (1e6, "million"))
# The English noun of each measure word that says what is counted; 个 起 件 次 stay a plain number,
# their label says what is counted.
ENGLISH_NOUNS = {
    "名": ("person", "people"),
    "人": ("person", "people"),
    "人次": ("person-time", "person-times"),
    "户": ("household", "households"),
    "家": ("business", "businesses"),
    "辆": ("vehicle", "vehicles"),
    "处": ("site", "sites"),
    "所": ("institution", "institutions"),
    "笔": ("transaction", "transactions"),
    "宗": ("case", "cases"),
    "条": ("item", "items"),
    "项": ("item", "items"),
    "枚": ("piece", "pieces"),
    "批": ("batch", "batches"),
    "支": ("unit", "units"),
    "把": ("piece", "pieces"),
    "件次": ("case", "cases"),
    "辆次": ("vehicle", "vehicles"),
    "家次": ("visit", "visits"),
    "户次": ("visit", "visits"),
    "吨": ("tonne", "tonnes"),
    "公斤": ("kg", "kg"),
    "千克": ("kg", "kg"),
}
# The article's qualifiers by meaning; Chinese keeps the words as written, English says them this way.
QUALIFIER_MEANINGS = {
    "超过": "over",
    "逾": "over",
    "以上": "over",
    "余": "over",
    "多": "over",
    "上": "over",
    "约": "about",
    "大约": "about",
    "约有": "about",
    "左右": "about",
    "近": "nearly",
    "将近": "nearly",
    "接近": "nearly",
    "以下": "under",
}
ENGLISH_QUALIFIERS = {"over": "more than", "about": "about", "nearly": "nearly", "under": "under"}
QUALIFIER_WORDS = {"zh": {"over": "超过", "about": "约", "nearly": "近", "under": "不足"}, "en": ENGLISH_QUALIFIERS}
CHINESE_CHANGE_QUALIFIERS = {"over": "超", "nearly": "近", "under": "不足"}
ENGLISH_CHANGE_QUALIFIERS = {"over": "over", "nearly": "nearly", "under": "under"}
_BEFORE_NUMBER = ("大约", "约有", "将近", "接近", "超过", "逾", "约", "近", "上")  # longest first
_BEFORE_UNIT = ("余", "多")  # 860余万元, 3000多户
_AFTER_ALL = ("以上", "以下", "左右")  # 95%以上


def qualifier_meaning(qualifier: str) -> str:
    """over / about / nearly / under for the article's words ("超过", "余", "约" …), "" for none."""
    return next(
        (
            meaning
            for word, meaning in sorted(QUALIFIER_MEANINGS.items(), key=lambda item: -len(item[0]))
            if word in qualifier
        ),
        "",
    )


@dataclass(frozen=True)
class NumberFormat:
    """Formats numbers the way one language writes them."""

    language: str

    def number(self, value: float, decimals: int = 0) -> str:
        """Grouped decimal with exactly ``decimals`` places: 79362 -> '79,362'."""
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        text = format_decimal(abs(value), format=pattern, locale=BABEL_LOCALES[self.language])
        return (MINUS + text) if value < 0 and not _rounds_to_zero(value, decimals) else text

    def change(self, pct: float, decimals: int = 1, qualifier: str = "") -> str:
        """A signed percentage change: -13.8 -> '−13.8%', 451 -> '+451%'; qualified: 'more than −30%'."""
        return self._qualified_change(f"{self._signed(pct, decimals)}%", qualifier)

    def points(self, change: float, decimals: int = 1, qualifier: str = "") -> str:
        """A change in percentage points: '+0.8个百分点' / '+0.8 pp'."""
        unit = POINTS if self.language == "zh" else " pp"
        return self._qualified_change(f"{self._signed(change, decimals)}{unit}", qualifier)

    def count_change(self, change: float, unit: str, decimals: int = 0, qualifier: str = "", scale: str = "") -> str:
        """A change in the level's own unit: '−3起' / '−3', '+12名' / '+12 people', '−0.35万起' / '−3,500',
        '−300万元' / '−CNY 3 million'."""
        sign = "+" if change > 0 else (MINUS if change < 0 else "")
        size = self.level(abs(change), unit, decimals, scale=scale)
        return self._qualified_change(sign + size, qualifier)

    def level(self, value: float, unit: str, decimals: int = 0, qualifier: str = "", scale: str = "") -> str:
        """A level with its unit and qualifier: '5.58亿元' / 'CNY 558 million', '2.5万起' / '25,000',
        '350名' / '350 people', '860余万元' / 'more than CNY 8.6 million'. ``scale`` is the 万 or 亿 a
        count was written with; ``decimals`` count at that scale, as the article wrote them."""
        if self.language == "zh":
            return self._chinese_level(value, unit, decimals, qualifier, scale)
        if unit in MONEY:
            text = _money(value * MONEY[unit], MONEY[unit] / 10**decimals, self)
        else:
            places = max(decimals - round(math.log10(SCALES.get(scale, 1))), 0)
            text = self.number(value, places) + ("%" if unit == "%" else _noun(unit, value))
        meaning = qualifier_meaning(qualifier)
        return f"{ENGLISH_QUALIFIERS[meaning]} {text}" if meaning else text

    def date(self, day: dt.date) -> str:
        """A date written in full: '2020年3月10日' / '10 March 2020'."""
        return format_date(day, "long", locale=BABEL_LOCALES[self.language])

    def _signed(self, value: float, decimals: int) -> str:
        sign = "+" if value > 0 and not _rounds_to_zero(value, decimals) else ""
        return sign + self.number(value, decimals)

    def _qualified_change(self, text: str, qualifier: str) -> str:
        """A change the article qualifies, its qualifier on the size, not the sign: 降幅超过30% is a fall
        of more than 30% ('降超30%', 'down over 30%'), which '超过−30%' would misstate."""
        meaning = qualifier_meaning(qualifier)
        if not meaning:
            return text
        if meaning == "about":
            return ("约" if self.language == "zh" else "about ") + text
        falling = text.startswith(MINUS)
        size = text.lstrip("+" + MINUS)
        if self.language == "zh":
            return ("降" if falling else "升") + CHINESE_CHANGE_QUALIFIERS[meaning] + size
        return f"{'down' if falling else 'up'} {ENGLISH_CHANGE_QUALIFIERS[meaning]} {size}"

    def _chinese_level(self, value: float, unit: str, decimals: int, qualifier: str, scale: str) -> str:
        text = self.number(value / SCALES.get(scale, 1), decimals)
        before = next((word for word in _BEFORE_NUMBER if qualifier.startswith(word)), "")
        inside = next((word for word in _BEFORE_UNIT if word in qualifier), "")
        after = next((word for word in _AFTER_ALL if word in qualifier), "")
        return f"{before}{text}{inside}{scale}{unit}{after}"


def _noun(unit: str, value: float) -> str:
    """' people', ' household' …: the English noun of a measure word, or '' for a plain number."""
    if unit not in ENGLISH_NOUNS:
        return ""
    singular, plural = ENGLISH_NOUNS[unit]
    return f" {singular if abs(value) == 1 else plural}"


def _money(yuan: float, step: float, numbers: NumberFormat) -> str:
    """'CNY 558 million', 'CNY 1.25 billion', 'CNY 86,000': no finer than the article wrote it (``step``
    yuan: 5.58亿元 is to the million), and no decimal that is 0."""
    for size, word in MONEY_WORDS:
        if abs(yuan) >= size:
            return f"CNY {numbers.number(yuan / size, _places(yuan / size, size / step))} {word}"
    return f"CNY {numbers.number(yuan, _places(yuan, 1 / step))}"


def _places(value: float, units_per_step: float) -> int:
    """The fewest decimals that write ``value`` exactly (55.7 -> 1, 558.0 -> 0), but no more than the
    precision it was written with allows (``units_per_step`` of it in the article's last digit)."""
    most = max(0, min(3, math.ceil(math.log10(units_per_step) - 1e-9))) if units_per_step > 1 else 0
    return next((places for places in range(most) if math.isclose(round(value, places), value, abs_tol=1e-9)), most)


def _rounds_to_zero(value: float, decimals: int) -> bool:
    return math.isclose(round(abs(value), decimals), 0.0)
