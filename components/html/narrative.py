"""The article's own words beside each chart: passage choice and figure highlighting (escaped HTML).

In a language other than the article's, passages are shown in their unofficial translation with
the figures highlighted the same way, and the Chinese original one click away in a <details>
element marked ``class="original"``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable

import pandas as pd

from components.charts.base import ChartSpec
from components.text.wording import ARTICLE_LANGUAGE, Wording

HIGHLIGHT_CLASS = "figure-mark"
ORIGINAL_CLASS = "original"
FIGURE_TEXT_COLUMNS = ("value_text", "yoy_text", "context_text")


def _column(name: str, language: str) -> str:
    return name if language == ARTICLE_LANGUAGE else f"{name}_{language}"


def figure_terms(figures: pd.DataFrame, language: str = ARTICLE_LANGUAGE) -> tuple[str, ...]:
    """Every figure as the text writes it ('下降13.8%' / 'down 13.8%', ...), longest first."""
    columns = figures[[_column(name, language) for name in FIGURE_TEXT_COLUMNS]].to_numpy().ravel()
    terms = {term for term in columns if term}
    return tuple(sorted(terms, key=lambda term: (-len(term), term)))


def segments(text: str, terms: Iterable[str]) -> list[tuple[str, bool]]:
    """Split ``text`` into (piece, is_figure) runs; longer terms win where terms overlap."""
    ordered = sorted(set(terms), key=len, reverse=True)
    if not ordered:
        return [(text, False)] if text else []
    pattern = re.compile("|".join(_bounded(term) for term in ordered))
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            pieces.append((text[position:match.start()], False))
        pieces.append((match.group(0), True))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def _bounded(term: str) -> str:
    """A term's pattern that cannot match inside a longer number ('10个' is not in '110个')."""
    before = r"(?<![\d.])" if term[:1].isdigit() else ""
    after = r"(?![\d])" if term[-1:].isdigit() else ""
    return before + re.escape(term) + after


def highlighted_html(text: str, terms: Iterable[str]) -> str:
    """``text`` as escaped HTML with each figure wrapped in <mark>; no markup from data survives."""
    return "".join(
        f'<mark class="{HIGHLIGHT_CLASS}">{html.escape(piece)}</mark>' if is_figure else html.escape(piece)
        for piece, is_figure in segments(text, terms)
    )


def chart_passages(spec: ChartSpec, shown: pd.DataFrame, passages: pd.DataFrame) -> pd.DataFrame:
    """The passages (original and translation) that belong beside a chart showing ``shown``."""
    if spec.narrative == "sentences":
        sentences = shown.drop_duplicates("source_quote")
        return pd.DataFrame({"source_id": sentences["source_id"], "section": sentences["section"],
                             "text": sentences["source_quote"], "text_en": sentences["source_quote_en"]})
    same_source = passages[passages["source_id"].isin(shown["source_id"])]
    quotes = shown["source_quote"].tolist()
    reports = same_source["text"].map(lambda text: any(quote in text for quote in quotes))
    if spec.narrative == "quotes":
        return same_source[reports]
    domains = set(shown["domain"])
    in_section = same_source["section"].isin(shown["section"])
    shares_domain = same_source["domains"].map(lambda tags: bool(domains.intersection(tags)))
    return same_source[reports | (in_section & shares_domain)]


@dataclass(frozen=True)
class NarrativeLabels:
    """The words around a narrative: its heading, the translation note and the original's label."""

    heading: str
    translation_note: str
    original: str

    @classmethod
    def for_words(cls, words: Wording) -> "NarrativeLabels":
        """The labels in the user's language."""
        return cls(words.t("chart.narrative_heading"), words.t("chart.translation_note"), words.t("chart.original"))


def narrative_html(passages: pd.DataFrame, sections: pd.DataFrame, figures: pd.DataFrame, language: str,
                   labels: NarrativeLabels, large: bool = False) -> str:
    """Passages under their section headings with figures highlighted, all text escaped.

    ``large`` is for a slide: bigger type, and no section headings so the sentences fit the screen.
    """
    size = " large" if large else ""
    parts = [f'<div class="narrative{size}" lang="{html_lang(language)}"><p class="narrative-heading"><strong>{html.escape(labels.heading)}'
             f'</strong></p>']
    if language != ARTICLE_LANGUAGE:
        parts.append(f'<p class="translation-note">{html.escape(labels.translation_note)}</p>')
    parts.append(_passages_html(passages, sections, figures, language, headings=not large))
    if language != ARTICLE_LANGUAGE:
        original = _passages_html(passages, sections, figures, ARTICLE_LANGUAGE, headings=not large)
        parts.append(original_html(original, labels.original))
    parts.append("</div>")
    return "".join(parts)


def _passages_html(passages: pd.DataFrame, sections: pd.DataFrame, figures: pd.DataFrame, language: str,
                   headings: bool = True) -> str:
    terms = figure_terms(figures, language)
    heading, text, label = _column("heading", language), _column("text", language), f"label_{language}"
    titles = {(row["source_id"], row["id"]): row[heading] or row[label] for _, row in sections.iterrows()}
    parts, current = [], None
    for _, row in passages.iterrows():
        section = (row["source_id"], row["section"])
        if headings and section != current:
            parts.append(f'<p class="section-heading">{html.escape(titles.get(section, row["section"]))}</p>')
            current = section
        parts.append(f"<p>{highlighted_html(row[text], terms)}</p>")
    return "".join(parts)


def html_lang(language: str) -> str:
    return "zh-Hans" if language == "zh" else language


def original_html(body: str, label: str) -> str:
    return (f'<details class="{ORIGINAL_CLASS}" lang="zh-Hans"><summary>{html.escape(label)}</summary>'
            f"{body}</details>")


def article_html(article: str, terms: Iterable[str]) -> str:
    """The whole article, paragraph by paragraph, with every figure highlighted."""
    paragraphs = [line.strip() for line in article.splitlines() if line.strip()]
    body = "".join(f"<p>{highlighted_html(paragraph, terms)}</p>" for paragraph in paragraphs)
    return f'<div class="narrative article" lang="zh-Hans">{body}</div>'


def translated_article_html(title: str, passages: pd.DataFrame, sections: pd.DataFrame, figures: pd.DataFrame,
                            language: str, labels: NarrativeLabels, article: str) -> str:
    """The article in translation, section by section, with the Chinese original one click away."""
    return (f'<div class="narrative article" lang="{html_lang(language)}"><p>{html.escape(title)}</p>'
            f'<p class="translation-note">{html.escape(labels.translation_note)}</p>'
            f"{_passages_html(passages, sections, figures, language)}"
            f"{original_html(article_html(article, figure_terms(figures)), labels.original)}</div>")
