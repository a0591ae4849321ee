"""The article's own words beside each chart: passage choice and figure highlighting (escaped HTML)."""

from __future__ import annotations

import html
import re
from typing import Iterable

import pandas as pd

from components.charts import ChartSpec

HIGHLIGHT_CLASS = "figure-mark"


def figure_terms(figures: pd.DataFrame) -> tuple[str, ...]:
    """Every figure as the article writes it ('下降13.8%', '5.58亿元', ...), longest first."""
    columns = figures[["value_text", "yoy_text", "context_text"]].to_numpy().ravel()
    terms = {term for term in columns if term}
    return tuple(sorted(terms, key=lambda term: (-len(term), term)))


def segments(text: str, terms: Iterable[str]) -> list[tuple[str, bool]]:
    """Split ``text`` into (piece, is_figure) runs; longer terms win where terms overlap."""
    ordered = sorted(set(terms), key=len, reverse=True)
    if not ordered:
        return [(text, False)] if text else []
    pattern = re.compile("|".join(re.escape(term) for term in ordered))
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


def highlighted_html(text: str, terms: Iterable[str]) -> str:
    """``text`` as escaped HTML with each figure wrapped in <mark>; no markup from data survives."""
    return "".join(
        f'<mark class="{HIGHLIGHT_CLASS}">{html.escape(piece)}</mark>' if is_figure else html.escape(piece)
        for piece, is_figure in segments(text, terms)
    )


def chart_passages(spec: ChartSpec, shown: pd.DataFrame, passages: pd.DataFrame) -> pd.DataFrame:
    """The passages that belong beside a chart showing the figure rows ``shown``."""
    if spec.narrative == "sentences":
        sentences = shown.drop_duplicates("source_quote")
        return pd.DataFrame({"source_id": sentences["source_id"], "section": sentences["section"],
                             "text": sentences["source_quote"]})
    same_source = passages[passages["source_id"].isin(shown["source_id"])]
    quotes = shown["source_quote"].tolist()
    reports = same_source["text"].map(lambda text: any(quote in text for quote in quotes))
    if spec.narrative == "quotes":
        return same_source[reports]
    domains = set(shown["domain"])
    in_section = same_source["section"].isin(shown["section"])
    shares_domain = same_source["domains"].map(lambda tags: bool(domains.intersection(tags)))
    return same_source[reports | (in_section & shares_domain)]


def narrative_html(passages: pd.DataFrame, sections: pd.DataFrame, terms: Iterable[str], heading: str,
                   large: bool = False) -> str:
    """Passages grouped under their section headings, figures highlighted, all text escaped."""
    titles = {(row.source_id, row.id): row.heading or row.label_zh for row in sections.itertuples()}
    size = " large" if large else ""
    parts = [f'<div class="narrative{size}"><p class="narrative-heading"><strong>{html.escape(heading)}</strong></p>']
    current = None
    for row in passages.itertuples():
        section = (row.source_id, row.section)
        if section != current:
            parts.append(f'<p class="section-heading">{html.escape(titles.get(section, row.section))}</p>')
            current = section
        parts.append(f"<p>{highlighted_html(row.text, terms)}</p>")
    parts.append("</div>")
    return "".join(parts)


def article_html(article: str, terms: Iterable[str]) -> str:
    """The whole article, paragraph by paragraph, with every figure highlighted."""
    paragraphs = [line.strip() for line in article.splitlines() if line.strip()]
    body = "".join(f"<p>{highlighted_html(paragraph, terms)}</p>" for paragraph in paragraphs)
    return f'<div class="narrative article">{body}</div>'
