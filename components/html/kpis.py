"""The row of KPI cards: one per headline figure, its value, its change coloured by meaning (a fall
in crime is good news) and the article's sentence one click away, as one block of HTML from a template."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from components import theme
from components.data.derived import NEUTRAL
from components.data.records import rows_of
from components.html.narrative import html_lang
from components.html.render import render
from components.model.figures import headline_figures
from components.text.wording import Wording

ARROWS = {"down": "↓", "up": "↑"}
LONG_VALUE = 16  # characters: "CNY 558 million" keeps the big type
_DIGITS = r"[−+-]?\d[\d,.]*"
_NUMBER = re.compile(rf"({_DIGITS}%?)")
_NUMBER_AND_UNIT = re.compile(rf"({_DIGITS}(?:%|[万亿]?[\u4e00-\u9fff])?)")  # "10个", "5.58亿元"


@dataclass(frozen=True)
class KpiCard:
    """What one card shows; ``outcome`` colours the delta, ``arrow`` is "up", "down" or ""."""

    label: str
    value: str
    delta: str
    arrow: str
    outcome: str
    note: str
    quote: str
    chart: str = ""  # the chart that draws this figure, "" for none in view
    translated: bool = True  # False: the quote is the Chinese, its English not written yet

    @property
    def long(self) -> bool:
        """A value too long for the card's big type ("more than CNY 8.6 million"): set smaller."""
        return len(self.value) > LONG_VALUE

    @property
    def value_pieces(self) -> list[tuple[str, bool]]:
        """The value as (text, is the number) pieces: 'CNY 558 million' sets CNY and million small."""
        return _pieces(self.value, _NUMBER)

    @property
    def delta_pieces(self) -> list[tuple[str, bool]]:
        """The delta as (text, is a number with its unit) pieces, so that "10个" never breaks in two."""
        return _pieces(self.delta, _NUMBER_AND_UNIT)


def _pieces(text: str, number: re.Pattern) -> list[tuple[str, bool]]:
    return [(piece, bool(number.fullmatch(piece))) for piece in number.split(text) if piece]


def _card(row: pd.Series, parts: pd.DataFrame, words: Wording) -> KpiCard:
    has_level, has_change = not pd.isna(row["value"]), not pd.isna(row["change"])
    quote, translated = words.article_text(row, "source_quote"), words.translated(row, "source_quote")
    if not has_change:  # a level with the article's context, or the levels of its parts
        context = words.context(row) or words.t("phrase.list_separator").join(
            words.t("phrase.label_level", label=words.label(part), level=words.level(part)) for part in rows_of(parts)
        )
        return KpiCard(words.label(row), words.level(row), context, "", NEUTRAL, "", quote, translated=translated)
    meaning = words.t(f"outcome.{row['outcome']}")
    arrow = "" if row["change"] == 0 else ("down" if row["change"] < 0 else "up")
    value = words.level(row) if has_level else words.change(row)
    delta = f"{words.change(row)} {meaning}" if has_level else meaning
    return KpiCard(
        words.label(row),
        value,
        delta,
        arrow,
        row["outcome"],
        words.t("kpi.change_caption"),
        quote,
        translated=translated,
    )


def kpi_cards(rows: pd.DataFrame, words: Wording, chart_of: dict[str, str] | None = None) -> list[KpiCard]:
    """A card for each headline figure in ``rows``, in their order; ``chart_of`` names the chart that
    draws each figure (by metric id), which the card links to."""
    return [
        KpiCard(
            **{
                **vars(_card(row, rows[rows["parent"] == row["id"]], words)),
                "chart": (chart_of or {}).get(row["id"], ""),
            }
        )
        for row in rows_of(headline_figures(rows))
    ]


def even_columns(count: int, most: int) -> int:
    """Cards a row (up to ``most``) leaving the last row full or one short: 9 cards at most 5 a row
    are 5 + 4, at most 4 are 3 x 3, never 4 + 4 + 1. Where only a much narrower row would do that
    (13 at most 5: 2 a row), the fewest rows instead, as evenly as a grid allows (5 + 5 + 3)."""
    even = next(
        (columns for columns in range(min(most, max(count, 1)), 1, -1) if count % columns in (0, columns - 1)), 1
    )
    return even if even >= most - 1 or count <= most else math.ceil(count / math.ceil(count / most))


def kpi_cards_html(cards: list[KpiCard], words: Wording, linked: bool = False) -> str:
    """The cards as one block, in even rows at every width; every piece of data text is escaped.
    ``linked``: each card links to its chart on the page (an in-page anchor)."""
    columns = {width: even_columns(len(cards), most) for width, (_, most) in theme.KPI_COLUMNS.items()}
    return render(
        "kpi_cards.html.j2",
        cards=cards,
        arrows=ARROWS,
        source_label=words.t("kpi.source"),
        original_label=words.t("kpi.source_original"),
        lang=html_lang(words.catalog.language),
        columns=columns,
        linked=linked,
        link_label=words.t("kpi.to_chart"),
    )
