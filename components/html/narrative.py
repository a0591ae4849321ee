"""The article's own words beside each chart: passage choice and figure highlighting, as HTML from
templates (autoescaped).

In a language other than the article's, passages are shown in their unofficial translation with
the figures highlighted the same way, and the Chinese original one click away in a <details>
element marked ``class="original"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from components.data.records import ChartDeclaration, rows_of
from components.data.schema import SLIDE_NARRATIVE
from components.html.render import render
from components.text.wording import ARTICLE_LANGUAGE, Wording

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
            pieces.append((text[position : match.start()], False))
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
    return render("highlighted.html.j2", pieces=segments(text, terms))


def chart_passages(spec: ChartDeclaration, shown: pd.DataFrame, passages: pd.DataFrame) -> pd.DataFrame:
    """The passages (original and translation) that belong beside a chart showing ``shown``."""
    if spec.narrative == SLIDE_NARRATIVE:
        sentences = shown.drop_duplicates("source_quote")
        return pd.DataFrame(
            {
                "source_id": sentences["source_id"],
                "section": sentences["section"],
                "text": sentences["source_quote"],
                "text_en": sentences["source_quote_en"],
            }
        )
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
    untranslated: str

    @classmethod
    def for_words(cls, words: Wording) -> NarrativeLabels:
        """The labels in the user's language."""
        return cls(
            words.t("chart.narrative_heading"),
            words.t("chart.translation_note"),
            words.t("chart.original"),
            words.t("chart.untranslated"),
        )


def narrative_html(
    passages: pd.DataFrame,
    sections: pd.DataFrame,
    figures: pd.DataFrame,
    language: str,
    labels: NarrativeLabels,
    large: bool = False,
) -> str:
    """Passages under their section headings with figures highlighted, all text escaped.

    ``large`` is for a slide: bigger type, and no section headings so the sentences fit the screen.
    """
    original = (
        None
        if language == ARTICLE_LANGUAGE
        else _passage_items(passages, sections, figures, ARTICLE_LANGUAGE, headings=not large)
    )
    return render(
        "narrative.html.j2",
        lang=html_lang(language),
        large=large,
        labels=labels,
        items=_passage_items(passages, sections, figures, language, headings=not large),
        original_items=original,
    )


def _passage_items(
    passages: pd.DataFrame, sections: pd.DataFrame, figures: pd.DataFrame, language: str, headings: bool = True
) -> list[tuple[str | None, list[tuple[str, bool]], bool]]:
    """(section heading where a section starts, else None; highlighted pieces; whether the passage is
    shown in the original because it is not yet translated) for each passage."""
    terms, original_terms = figure_terms(figures, language), figure_terms(figures)
    heading, text, label = _column("heading", language), _column("text", language), f"label_{language}"
    titles = {
        (row["source_id"], row["id"]): row[heading] or row[label] or row["heading"] or row["label_zh"]
        for row in rows_of(sections[sections["source_id"].isin(set(passages["source_id"]))])
    }
    items, current = [], None
    for row in rows_of(passages):
        section = (row["source_id"], row["section"])
        starts = headings and section != current
        untranslated = not row[text]
        pieces = segments(row["text"], original_terms) if untranslated else segments(row[text], terms)
        items.append((titles.get(section, row["section"]) if starts else None, pieces, untranslated))
        current = section
    return items


def html_lang(language: str) -> str:
    """The HTML ``lang`` value for a catalog language (Chinese is written in simplified characters)."""
    return "zh-Hans" if language == "zh" else language


def _paragraphs(article: str, terms: Iterable[str]) -> list[list[tuple[str, bool]]]:
    """The article's non-blank lines as highlighted pieces."""
    return [segments(line.strip(), terms) for line in article.splitlines() if line.strip()]


def article_html(article: str, terms: Iterable[str]) -> str:
    """The whole article, paragraph by paragraph, with every figure highlighted."""
    return render("article.html.j2", paragraphs=_paragraphs(article, terms))


def translated_article_html(
    title: str,
    passages: pd.DataFrame,
    sections: pd.DataFrame,
    figures: pd.DataFrame,
    language: str,
    labels: NarrativeLabels,
    article: str,
) -> str:
    """The article in translation, section by section, with the Chinese original one click away."""
    return render(
        "translated_article.html.j2",
        lang=html_lang(language),
        title=title,
        labels=labels,
        items=_passage_items(passages, sections, figures, language),
        paragraphs=_paragraphs(article, figure_terms(figures)),
    )
