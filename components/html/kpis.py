"""The row of KPI cards: one per headline figure, its value, its change coloured by meaning (a fall
in crime is good news) and the article's sentence one click away, as one piece of escaped HTML."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from components.model.figures import UNCHANGED, headline_figures
from components.html.narrative import html_lang
from components.text.wording import Wording

ARROWS = {"down": "↓", "up": "↑"}


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


def _card(row: pd.Series, parts: pd.DataFrame, words: Wording) -> KpiCard:
    has_level, has_change = not pd.isna(row["value"]), not pd.isna(row["yoy_pct"])
    quote = words.article_text(row, "source_quote")
    if not has_change:  # a level with the article's context, or the levels of its parts
        context = words.context(row) or words.t("phrase.list_separator").join(
            words.t("phrase.label_level", label=words.label(part), level=words.level(part))
            for _, part in parts.iterrows())
        return KpiCard(words.label(row), words.level(row), context, "", UNCHANGED, "", quote)
    meaning = words.t(f"outcome.{row['outcome']}")
    arrow = "" if row["yoy_pct"] == 0 else ("down" if row["yoy_pct"] < 0 else "up")
    value = words.level(row) if has_level else words.change(row)
    delta = f"{words.change(row)} {meaning}" if has_level else meaning
    return KpiCard(words.label(row), value, delta, arrow, row["outcome"], words.t("kpi.change_caption"), quote)


def kpi_cards(rows: pd.DataFrame, words: Wording) -> list[KpiCard]:
    """A card for each headline figure in ``rows``, in their order."""
    return [_card(row, rows[rows["parent"] == row["id"]], words) for _, row in headline_figures(rows).iterrows()]


def _card_html(card: KpiCard, source_label: str) -> str:
    arrow = f'<span aria-hidden="true">{ARROWS[card.arrow]}</span> ' if card.arrow else ""
    delta = (f'<span class="kpi-delta {html.escape(card.outcome)}">{arrow}{html.escape(card.delta)}</span>'
             if card.delta else "")
    note = f' <span class="kpi-note">{html.escape(card.note)}</span>' if card.note else ""
    return (f'<div class="kpi-card"><p class="kpi-label">{html.escape(card.label)}</p>'
            f'<p class="kpi-value">{html.escape(card.value)}</p><p class="kpi-change">{delta}{note}</p>'
            f'<details class="kpi-source"><summary>{html.escape(source_label)}</summary>'
            f'<p>{html.escape(card.quote)}</p></details></div>')


def kpi_cards_html(cards: list[KpiCard], words: Wording) -> str:
    """The cards as one block; every piece of data text is escaped."""
    body = "".join(_card_html(card, words.t("kpi.source")) for card in cards)
    return f'<div class="kpi-cards" lang="{html_lang(words.catalog.language)}">{body}</div>'
