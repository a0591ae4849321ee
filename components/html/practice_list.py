"""The practices beside the map, as escaped HTML: under each place's name, each practice's name,
section and domains, and the article's own sentence (with the translation first in English)."""

from __future__ import annotations

import html
from typing import Literal

import pandas as pd

from components.data.loader import Dataset
from components.html.narrative import highlighted_html, html_lang, original_html
from components.text.wording import ARTICLE_LANGUAGE, Wording


def practice_groups(data: Dataset, shown: pd.DataFrame, place: str, words: Wording) -> list[tuple[str, pd.DataFrame]]:
    """(heading, practices) for the chosen place, else for every place with practices shown."""
    places = data.places.set_index("id", drop=False)
    if place:
        return [(words.name(places.loc[place]), shown[shown["place"] == place])]
    return [(words.name(places.loc[place_id]), shown[shown["place"] == place_id])
            for place_id in places.index if (shown["place"] == place_id).any()]


def practice_groups_html(groups: list[tuple[str, pd.DataFrame]], sections: pd.DataFrame, domains: pd.DataFrame,
                         words: Wording, large: bool = False, detail: Literal["quotes", "names", "count"] = "quotes",
                         columns: bool = False) -> str:
    """One block per (heading, practices) pair; every piece of data text is escaped.

    ``detail`` is how much of each practice is shown: its quote, only its name (a slide with no
    place chosen), or nothing but the count beside the heading.
    ``columns`` flows a long list into two columns on a wide screen.
    """
    language = words.catalog.language
    classes = "narrative practices" + (" large" if large else "") + (" two-columns" if columns else "")
    parts = [f'<div class="{classes}" lang="{html_lang(language)}">']
    if language != ARTICLE_LANGUAGE and detail != "count":
        parts.append(f'<p class="translation-note">{html.escape(words.t("chart.translation_note"))}</p>')
    for heading, practices in groups:
        count = words.t("practices.count_caption", count=len(practices))
        parts.append(f'<p class="section-heading">{html.escape(heading)} <span class="practice-count">'
                     f"{html.escape(count)}</span></p>")
        if detail == "quotes":
            parts.extend(_practice_html(row, sections, domains, words) for _, row in practices.iterrows())
        elif detail == "names":
            names = (f"<li>{html.escape(words.name(row))}</li>" for _, row in practices.iterrows())
            parts.append(f'<ul class="practice-names">{"".join(names)}</ul>')
    parts.append("</div>")
    return "".join(parts)


def _practice_html(row: pd.Series, sections: pd.DataFrame, domains: pd.DataFrame, words: Wording) -> str:
    section = sections[(sections["source_id"] == row["source_id"]) & (sections["id"] == row["section"])]
    section_label = words.label(section.iloc[0]) if not section.empty else row["section"]
    domain_labels = words.t("practices.domain_separator").join(words.domain(domains, d) for d in row["domains"])
    meta = words.t("practices.meta", section=section_label, domains=domain_labels)
    if words.catalog.language == ARTICLE_LANGUAGE:
        quote = f"<blockquote>{highlighted_html(row['quote'], [row['name_zh']])}</blockquote>"
    else:
        original = f"<blockquote>{highlighted_html(row['quote'], [row['name_zh']])}</blockquote>"
        quote = (f"<blockquote>{html.escape(row['quote_en'])}</blockquote>"
                 f"{original_html(original, words.t('chart.original'))}")
    return (f'<div class="practice"><p class="practice-name"><strong>{html.escape(words.name(row))}</strong>'
            f'<br><span class="practice-meta">{html.escape(meta)}</span></p>{quote}</div>')
