"""The practices beside the map, as HTML from a template (autoescaped): under each place's name, each practice's name,
section and domains, and the article's own sentence (with the translation first in English)."""

from __future__ import annotations

from typing import Literal

import pandas as pd

from components.data.records import Dataset, rows_of
from components.html.narrative import html_lang, segments
from components.html.render import render
from components.text.wording import ARTICLE_LANGUAGE, Wording


def practice_groups(data: Dataset, shown: pd.DataFrame, place: str, words: Wording) -> list[tuple[str, pd.DataFrame]]:
    """(heading, practices) for the chosen place, else for every place with practices shown."""
    places = data.places.set_index("id", drop=False)
    if place:
        return [(words.name(places.loc[place]), shown[shown["place"] == place])]
    return [
        (words.name(places.loc[place_id]), shown[shown["place"] == place_id])
        for place_id in places.index
        if (shown["place"] == place_id).any()
    ]


def practice_groups_html(
    groups: list[tuple[str, pd.DataFrame]],
    sections: pd.DataFrame,
    domains: pd.DataFrame,
    words: Wording,
    large: bool = False,
    detail: Literal["quotes", "names"] = "quotes",
    columns: bool = False,
) -> str:
    """One block per (heading, practices) pair; every piece of data text is escaped.

    ``detail`` is how much of each practice is shown: its quote, or only its name (a slide).
    ``columns`` flows a long list into two columns on a wide screen.
    """
    language = words.catalog.language
    classes = "narrative practices" + (" large" if large else "") + (" two-columns" if columns else "")
    translated = language != ARTICLE_LANGUAGE
    return render(
        "practice_groups.html.j2",
        classes=classes,
        lang=html_lang(language),
        detail=detail,
        translation_note=words.t("chart.translation_note") if translated else None,
        original_label=words.t("chart.original"),
        groups=[
            {
                "heading": heading,
                "count": words.t("practices.count_caption", count=len(practices)),
                "entries": _entries(practices, sections, domains, words, detail),
            }
            for heading, practices in groups
        ],
    )


def _entries(
    practices: pd.DataFrame, sections: pd.DataFrame, domains: pd.DataFrame, words: Wording, detail: str
) -> list:
    """What a group lists: each practice (for quotes) or each name (for names)."""
    if detail == "names":
        return [words.name(row) for row in rows_of(practices)]
    return [_practice(row, sections, domains, words) for row in rows_of(practices)]


def _practice(row: pd.Series, sections: pd.DataFrame, domains: pd.DataFrame, words: Wording) -> dict:
    """A practice's name, its section and domains, its quote with the name highlighted, and the
    quote's translation (None in the article's language)."""
    section = sections[(sections["source_id"] == row["source_id"]) & (sections["id"] == row["section"])]
    section_label = words.label(section.iloc[0]) if not section.empty else row["section"]
    domain_labels = words.t("practices.domain_separator").join(words.domain(domains, d) for d in row["domains"])
    translated = words.catalog.language != ARTICLE_LANGUAGE
    return {
        "name": words.name(row),
        "meta": words.t("practices.meta", section=section_label, domains=domain_labels),
        "pieces": segments(row["quote"], [row["name_zh"]]),
        "translation": row["quote_en"] if translated else None,
    }


def practices_note_html(text: str) -> str:
    """A note above the practice lists, e.g. that the chosen place has none in the view."""
    return render("note.html.j2", kind="practices-note", text=text)
