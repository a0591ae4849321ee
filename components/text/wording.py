"""Phrases built from one figure row: its label, level, change and headline, in the catalog's language."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from components.data.loader import Source
from components.text.numbers import NumberFormat
from components.text.catalog import Catalog, load_catalog

ARTICLE_LANGUAGE = "zh"  # the review articles are Chinese; other languages read translations
UNSAFE_IN_FILE_NAME = re.compile(r"[^\w.\-]")


@dataclass(frozen=True)
class Wording:
    """Turns figure rows into user-facing text for one language."""

    catalog: Catalog
    numbers: NumberFormat

    def __hash__(self) -> int:  # one wording per language: results built from it are keyed by that
        return hash(self.catalog.language)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Wording) and other.catalog.language == self.catalog.language

    def t(self, key: str, **params: object) -> str:
        """Shortcut to the catalog."""
        return self.catalog.t(key, **params)

    def label(self, row: pd.Series) -> str:
        """The figure's name, e.g. 刑事案件."""
        return row[f"label_{self.catalog.language}"]

    def name(self, row: pd.Series, stem: str = "name") -> str:
        """A row's ``{stem}_zh`` / ``{stem}_en`` text in this language, e.g. a place's name."""
        return row[f"{stem}_{self.catalog.language}"]

    def domain_labels(self, domains: pd.DataFrame) -> dict[str, str]:
        """Every domain's display name by id, in filter order."""
        return dict(zip(domains["id"], domains[f"label_{self.catalog.language}"]))

    def domain(self, domains: pd.DataFrame, domain_id: str) -> str:
        """A domain's display name."""
        return self.domain_labels(domains)[domain_id]

    def level(self, row: pd.Series) -> str:
        """The reported level with its unit: '5.58亿元'."""
        return self.numbers.level(row["value"], row["unit"], row["value_decimals"])

    def implied_previous(self, row: pd.Series) -> str:
        """The derived previous-year level, marked as approximate: '约435起'."""
        level = self.numbers.level(row["implied_previous"], row["unit"], row["value_decimals"])
        return self.t("derived.approx", value=level)

    def change(self, row: pd.Series) -> str:
        """The signed change: '−13.8%'."""
        return self.numbers.change(row["yoy_pct"], row["change_decimals"])

    def index(self, row: pd.Series) -> str:
        """The derived index value: '86.2'."""
        return self.numbers.number(row["index_value"], row["change_decimals"])

    def change_phrase(self, row: pd.Series) -> str:
        """The change in the article's own words: '同比减少10.37%' / 'down 10.37% year on year'."""
        return self.t("phrase.change", text=self.article_text(row, "yoy_text"))

    def headline(self, row: pd.Series) -> str:
        """A one-line message for one figure: '法院新收案件79,362件,同比减少10.37%'."""
        has_level, has_change = not pd.isna(row["value"]), not pd.isna(row["yoy_pct"])
        if has_level and has_change:
            return self.t("phrase.level_and_change", label=self.label(row), level=self.level(row),
                          change=self.change_phrase(row))
        if has_change:
            return self.t("phrase.change_only", label=self.label(row), change=self.change_phrase(row))
        return self.t("phrase.level_only", label=self.label(row), level=self.level(row))

    def context(self, row: pd.Series) -> str:
        """The article's own context for a figure, e.g. 创出了近8年的新高 (may be empty)."""
        return self.article_text(row, "context_text")

    def article_text(self, row, column: str) -> str:
        """An article text column in this language: the original, or its ``_en`` translation."""
        return row[column] if self.catalog.language == ARTICLE_LANGUAGE else row[f"{column}_{self.catalog.language}"]

    def source_line(self, source: Source, short: bool = False) -> str:
        """'来源:丽水日报《…》,2020年3月10日' from the metadata; ``short`` (inside charts) leaves out the
        title: '来源:丽水日报,2020年3月10日' / 'Source: Lishui Daily, 10 March 2020'."""
        english = self.catalog.language == "en"
        publisher = source.publisher_en if english else source.publisher
        title = source.title_en if english else source.title
        date = self.numbers.date(source.date)
        if short:
            return self.t("app.source_line_short", publisher=publisher, date=date)
        return self.t("app.source_line", publisher=publisher, title=title, date=date)

    def publisher(self, source: Source) -> str:
        """The publisher's name in this language: 丽水日报 / Lishui Daily."""
        return source.publisher_en if self.catalog.language == "en" else source.publisher

    def authors(self, source: Source) -> str:
        """'作者:记者 李倩、通讯员 蓝江楠' / 'by reporter Li Qian and correspondent Lan Jiangnan'."""
        names = source.authors_en if self.catalog.language == "en" else source.authors
        return self.t("app.source_authors", authors=self.t("app.author_separator").join(names))

    def byline(self, source: Source) -> str:
        """The full source line and the authors, for the page header and the closing slide."""
        return f"{self.source_line(source)} · {self.authors(source)}"

    def place(self, source: Source) -> str:
        """The review's place as it stands in titles and file names: 丽水 / Lishui."""
        return source.place_en if self.catalog.language == "en" else source.place_short

    def review_title(self, source: Source) -> str:
        """'平安丽水 · 2019年建设成效' / 'Safe Lishui: 2019 results'."""
        return self.t("app.title", place=self.place(source), year=source.year)

    def review_name(self, source: Source) -> str:
        """How the review picker names a review: '丽水市 2019年 · 丽水日报' / 'Lishui 2019 · Lishui Daily'."""
        english = self.catalog.language == "en"
        return self.t("sidebar.review_option", place=source.place_en if english else source.place, year=source.year,
                      publisher=source.publisher_en if english else source.publisher)

    def file_name(self, key: str, source: Source, **params: object) -> str:
        """A download's name from the catalog, with the review's place and year: 平安丽水_2019_会议材料.pptx.
        Only letters (any script), digits, '.', '-' and '_' survive; anything else becomes '_'."""
        return UNSAFE_IN_FILE_NAME.sub("_", self.t(key, place=self.place(source), year=source.year, **params))


def wording(language: str) -> Wording:
    """Catalog and number formats for ``language``."""
    return Wording(load_catalog(language), NumberFormat(language))
