"""Phrases built from one figure row: its label, level, change and headline, in the catalog's language."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from components.data.records import Source
from components.text.catalog import Catalog, load_catalog
from components.text.numbers import QUALIFIER_WORDS, NumberFormat, qualifier_meaning

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
        """The figure's name, e.g. 刑事案件 (the Chinese until it is translated)."""
        return self.name(row, "label")

    def name(self, row: pd.Series, stem: str = "name") -> str:
        """A row's ``{stem}_zh`` / ``{stem}_en`` text in this language, e.g. a place's name; the Chinese
        where the English is not written yet."""
        return row[f"{stem}_{self.catalog.language}"] or row[f"{stem}_{ARTICLE_LANGUAGE}"]

    def domain_labels(self, domains: pd.DataFrame) -> dict[str, str]:
        """Every domain's display name by id, in filter order."""
        names = domains[f"label_{self.catalog.language}"]
        return dict(zip(domains["id"], names.where(names != "", domains[f"label_{ARTICLE_LANGUAGE}"])))

    def domain(self, domains: pd.DataFrame, domain_id: str) -> str:
        """A domain's display name."""
        return self.domain_labels(domains)[domain_id]

    def level(self, row: pd.Series) -> str:
        """The reported level with its unit and qualifier: '5.58亿元', '2.5万起'; in Chinese an approximate
        level as the article writes it ('860余万元', '上万人')."""
        if self.catalog.language == ARTICLE_LANGUAGE and row["value_qualifier"] and row["value_alone"]:
            return row["value_text"]
        return self.numbers.level(
            row["value"], row["unit"], row["value_decimals"], row["value_qualifier"], row["value_scale"]
        )

    def implied_previous(self, row: pd.Series) -> str:
        """The derived previous-year level, marked as approximate: '约435起'."""
        level = self.numbers.level(
            row["implied_previous"], row["unit"], row["value_decimals"], scale=row["value_scale"]
        )
        return self.t("derived.approx", value=level)

    def earlier(self, row: pd.Series) -> str:
        """The earlier level beside this year's: as reported ('58起'), or derived and marked ('约435起')."""
        if row["earlier_derived"]:
            return self.implied_previous(row)
        return self.numbers.level(
            row["earlier_value"], row["unit"], row["earlier_decimals"], scale=row["earlier_scale"]
        )

    def change(self, row: pd.Series) -> str:
        """The signed change in its own unit: '−13.8%', '+0.8个百分点', '−3起', with any qualifier."""
        qualifier, decimals = row["change_qualifier"], row["change_decimals"]
        if not pd.isna(row["yoy_pp"]):
            return self.numbers.points(row["yoy_pp"], decimals, qualifier)
        if not pd.isna(row["yoy_abs"]):
            return self.numbers.count_change(row["yoy_abs"], row["unit"], decimals, qualifier, row["change_scale"])
        return self.numbers.change(row["yoy_pct"], decimals, qualifier)

    def index(self, row: pd.Series) -> str:
        """The derived index value: '86.2'."""
        return self.numbers.number(row["index_value"], row["change_decimals"])

    def change_phrase(self, row: pd.Series) -> str:
        """The change in the article's own words: '同比减少10.37%' / 'down 10.37% year on year' (in
        English as the translation writes it, else as the software writes it)."""
        if self.catalog.language == ARTICLE_LANGUAGE:  # a list's member (35.5%) takes its direction in words
            return self.t("phrase.change", text=row["yoy_text"] if row["change_alone"] else self._moved(row))
        return self.t("phrase.change", text=row[f"yoy_text_{self.catalog.language}"] or self._moved(row))

    def _moved(self, row: pd.Series) -> str:
        """'down 13.8%', 'up 0.8 percentage points', 'down more than 30%' / '下降8%': a change in words."""
        meaning = qualifier_meaning(row["change_qualifier"])
        size = self.t("phrase.points", n=self.numbers.number(abs(row["change"]), row["change_decimals"]))
        if pd.isna(row["yoy_pp"]):
            size = (
                self.numbers.number(abs(row["change"]), row["change_decimals"]) + "%"
                if pd.isna(row["yoy_abs"])
                else self.numbers.level(
                    abs(row["change"]), row["unit"], row["change_decimals"], scale=row["change_scale"]
                )
            )
        qualifier = QUALIFIER_WORDS[self.catalog.language].get(meaning, "")
        space = " " if self.catalog.language != ARTICLE_LANGUAGE else ""
        return self.t(
            "phrase.down" if row["change"] < 0 else "phrase.up", size=f"{qualifier}{space}{size}" if qualifier else size
        )

    def headline(self, row: pd.Series) -> str:
        """A one-line message for one figure: '法院新收案件79,362件,同比减少10.37%'."""
        has_level, has_change = not pd.isna(row["value"]), not pd.isna(row["change"])
        if has_level and has_change:
            return self.t(
                "phrase.level_and_change", label=self.label(row), level=self.level(row), change=self.change_phrase(row)
            )
        if has_change:
            return self.t("phrase.change_only", label=self.label(row), change=self.change_phrase(row))
        return self.t("phrase.level_only", label=self.label(row), level=self.level(row))

    def context(self, row: pd.Series) -> str:
        """The article's own context for a figure, e.g. 创出了近8年的新高 (may be empty)."""
        return self.article_text(row, "context_text")

    def article_text(self, row, column: str) -> str:
        """An article text column in this language: the original, or its ``_en`` translation (the
        original until it is translated)."""
        return (
            row[column]
            if self.catalog.language == ARTICLE_LANGUAGE
            else row[f"{column}_{self.catalog.language}"] or row[column]
        )

    def translated(self, row, column: str) -> bool:
        """Whether ``column`` of ``row`` reads in this language (the article's, or a translation given)."""
        return (
            self.catalog.language == ARTICLE_LANGUAGE
            or not row[column]
            or bool(row[f"{column}_{self.catalog.language}"])
        )

    def _source_field(self, source: Source, field: str):
        """A source record's field in this language, the Chinese until it is translated."""
        english = getattr(source, f"{field}_en") if self.catalog.language == "en" else None
        return english or getattr(source, field)

    def source_line(self, source: Source, short: bool = False) -> str:
        """'来源:丽水日报《…》,2020年3月10日' from the metadata; ``short`` (inside charts) leaves out the
        title: '来源:丽水日报,2020年3月10日' / 'Source: Lishui Daily, 10 March 2020'."""
        publisher, title = self._source_field(source, "publisher"), self._source_field(source, "title")
        date = self.numbers.date(source.date)
        if short:
            return self.t("app.source_line_short", publisher=publisher, date=date)
        translated = self.catalog.language == ARTICLE_LANGUAGE or source.title_en
        return self.t(
            "app.source_line" if translated else "app.source_line_original", publisher=publisher, title=title, date=date
        )

    def publisher(self, source: Source) -> str:
        """The publisher's name in this language: 丽水日报 / Lishui Daily."""
        return self._source_field(source, "publisher")

    def authors(self, source: Source) -> str:
        """'作者:记者 李倩、通讯员 蓝江楠' / 'by reporter Li Qian and correspondent Lan Jiangnan'."""
        names = self._source_field(source, "authors")
        return self.t("app.source_authors", authors=self.t("app.author_separator").join(names))

    def byline(self, source: Source) -> str:
        """The full source line and the authors, for the page header and the closing slide."""
        return f"{self.source_line(source)} · {self.authors(source)}"

    def place(self, source: Source) -> str:
        """The review's place as it stands in titles and file names: 丽水 / Lishui."""
        return (source.place_en or source.place_short) if self.catalog.language == "en" else source.place_short

    def review_title(self, source: Source) -> str:
        """'平安丽水 · 2019年建设成效' / 'Safe Lishui: 2019 results'."""
        return self.t("app.title", place=self.place(source), year=source.year)

    def review_name(self, source: Source) -> str:
        """How the review picker names a review: '丽水市 2019年 · 丽水日报' / 'Lishui 2019 · Lishui Daily'."""
        return self.t(
            "sidebar.review_option", place=self.place_name(source), year=source.year, publisher=self.publisher(source)
        )

    def place_name(self, source: Source) -> str:
        """The full name of a review's place: 丽水市 / Lishui."""
        return (source.place_en or source.place) if self.catalog.language == "en" else source.place

    def file_name(self, key: str, source: Source, **params: object) -> str:
        """A download's name from the catalog, with the review's place and year: 平安丽水_2019_会议材料.pptx.
        Only letters (any script), digits, '.', '-' and '_' survive; anything else becomes '_'."""
        return UNSAFE_IN_FILE_NAME.sub("_", self.t(key, place=self.place(source), year=source.year, **params))


def wording(language: str) -> Wording:
    """Catalog and number formats for ``language``."""
    return Wording(load_catalog(language), NumberFormat(language))
