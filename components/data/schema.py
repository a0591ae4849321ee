"""The data folder's contract: which files exist, their columns, and how each cell is read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["text", "int", "number", "choice", "list"]

BETTER_CHOICES = ("lower", "higher", "neutral")
# The measure words of counts: a count's value is in these, even when written with 万 (2.5万起 is
# 25000 起). Each has its English noun in components/text/numbers.py.
COUNT_UNITS = (
    "个",
    "起",
    "件",
    "人",
    "次",
    "名",
    "宗",
    "笔",
    "处",
    "家",
    "辆",
    "条",
    "户",
    "所",
    "项",
    "枚",
    "批",
    "支",
    "把",
    "人次",
    "件次",
    "辆次",
    "家次",
    "户次",
    "吨",
    "公斤",
    "千克",
)
# Money is kept in the unit the article writes (5.58 亿元), as are percentages; "" is a score (97.87).
UNITS = (*COUNT_UNITS, "%", "元", "万元", "亿元")
MAX_FILE_BYTES = 32 * 1024 * 1024  # the real files are a few KB; 1000 years of reviews fit (benchmarks/growth.py)
SOURCES_FILE = "sources.toml"
PLACE_LEVELS = ("city", "county", "province")  # a review covers a city, a county or the province


@dataclass(frozen=True)
class Column:
    """One column of a CSV table: its name, how its cells parse, whether they may be blank, and
    whether the column may be left out of the file (added after folders were written without it)."""

    name: str
    kind: Kind = "text"
    required: bool = True
    choices: tuple[str, ...] = ()
    may_be_absent: bool = False


FIGURES = (
    Column("id"),
    Column("source_id"),
    Column("year", "int"),
    Column("metric"),
    Column("domain"),
    Column("section"),
    Column("label_zh"),
    Column("label_en", required=False),
    Column("value", "number", required=False),
    Column("unit", "choice", required=False, choices=UNITS),
    Column("value_text", required=False),
    Column("value_text_en", required=False),
    Column("yoy_pct", "number", required=False),
    Column("yoy_text", required=False),
    Column("yoy_text_en", required=False),
    Column("better", "choice", choices=BETTER_CHOICES),
    Column("parent", required=False),
    Column("context_text", required=False),
    Column("context_text_en", required=False),
    Column("source_quote"),
    Column("source_quote_en", required=False),
    # A change in percentage points (提升0.8个百分点) or in the level's own unit (减少3起), written in
    # yoy_text like a change in percent; a row holds at most one of yoy_pct, yoy_pp and yoy_abs.
    Column("yoy_pp", "number", required=False, may_be_absent=True),
    Column("yoy_abs", "number", required=False, may_be_absent=True),
    # The earlier end of a from-to pair (亡人事故由58起下降至47起: value_text is the pair, value 47,
    # from_value 58) and its year; from_year left blank is the year before.
    Column("from_value", "number", required=False, may_be_absent=True),
    Column("from_year", "int", required=False, may_be_absent=True),
)
CHANGE_COLUMNS = ("yoy_pct", "yoy_pp", "yoy_abs")

# Each article text column and its unofficial English translation, which must mirror it when given.
# The English of a level or a change is written by the software when left blank.
TRANSLATED_TEXT = {"value_text": "value_text_en", "yoy_text": "yoy_text_en", "context_text": "context_text_en"}

DOMAINS = (
    Column("id"),
    Column("order", "int"),
    Column("label_zh"),
    Column("label_en"),
)

SECTIONS = (
    Column("source_id"),
    Column("id"),
    Column("order", "int"),
    Column("heading", required=False),
    Column("heading_en", required=False),
    Column("label_zh"),
    Column("label_en", required=False),
)

PASSAGES = (
    Column("source_id"),
    Column("id"),
    Column("section"),
    Column("order", "int"),
    Column("domains", "list", required=False),
    Column("text"),
    Column("text_en", required=False),
)

# A county-level division on the tile map, a development zone inside one, or the whole city.
PLACE_KINDS = ("county", "zone", "city")
LATITUDE_RANGE = (-90.0, 90.0)
LONGITUDE_RANGE = (-180.0, 180.0)

PLACES = (
    Column("id"),
    Column("kind", "choice", choices=PLACE_KINDS),
    Column("order", "int"),
    Column("name_zh"),
    Column("name_en"),
    Column("short_zh"),
    Column("short_en"),
    Column("within", required=False),
    Column("lat", "number", required=False),
    Column("lon", "number", required=False),
    Column("coord_source", required=False),
)

PRACTICES = (
    Column("source_id"),
    Column("id"),
    Column("place"),
    Column("section"),
    Column("domains", "list"),
    Column("name_zh"),
    Column("name_en", required=False),
    Column("quote"),
    Column("quote_en", required=False),
)

# The data desk proposes a figure's domain when its sentence holds one of these words.
KEYWORDS = (
    Column("domain"),
    Column("keyword"),
)

# The English a review still needs, per file: each column and the Chinese column it translates.
ENGLISH_COLUMNS = {
    "figures.csv": {"label_en": "label_zh", "context_text_en": "context_text"},
    "sections.csv": {"heading_en": "heading", "label_en": "label_zh"},
    "passages.csv": {"text_en": "text"},  # a figure's or a practice's quote takes its passage's English
    "practices.csv": {"name_en": "name_zh"},
}

TABLES: dict[str, tuple[Column, ...]] = {
    "figures.csv": FIGURES,
    "domains.csv": DOMAINS,
    "sections.csv": SECTIONS,
    "passages.csv": PASSAGES,
    "places.csv": PLACES,
    "practices.csv": PRACTICES,
    "keywords.csv": KEYWORDS,
}
# A review may name no practice, and a library may hold no map: these tables may have no rows.
MAY_BE_EMPTY = ("practices.csv", "places.csv", "keywords.csv")

# Every other text field of a source must be filled in; the English ones follow the Chinese.
ENGLISH_SOURCE_FIELDS = ("publisher_en", "title_en", "authors_en", "place_en")
OPTIONAL_SOURCE_FIELDS = ("url", *ENGLISH_SOURCE_FIELDS)
SOURCE_FIELDS: dict[str, type] = {
    "id": str,
    "year": int,
    "publisher": str,
    "publisher_en": str,
    "title": str,
    "title_en": str,
    "authors": list,
    "authors_en": list,
    "place": str,
    "level": str,
    "place_short": str,
    "place_en": str,
    "url": str,
    "article": str,
}

# data/charts.toml: which charts each review shows, in page order.
CHARTS_FILE = "charts.toml"
# The one list of chart kinds, with what each draws. The figure kinds are drawn by their entries in
# components/charts/registry.py, which refuses to load unless it draws exactly these.
CHART_KINDS_DRAWN = {
    "changes": "every year-on-year change in percent, on one axis, with a zero line; a click on a bar filters the page",
    "share": "a share or score on a 0–100% track",
    "levels": (
        "values beside their implied previous year (derived) or the earlier level the article gives; "
        "a part drawn inside its whole"
    ),
    "index": "an index with the previous year = 100 (derived); a click on a marker filters the page",
    "practices_map": "the places' named practices on a map of tiles (`practices.csv`, `places.csv`)",
}
KINDS_WITHOUT_METRICS = ("practices_map",)  # they draw the practices, not figures
CHART_KINDS = tuple(CHART_KINDS_DRAWN)
FIGURE_KINDS = tuple(kind for kind in CHART_KINDS if kind not in KINDS_WITHOUT_METRICS)
# The words beside a chart, by narrative mode.
NARRATIVE_MODES = {
    "quotes": "the passages that report the chart's figures",
    "section": (
        "the passages that report the chart's figures, "
        "and every passage of their sections that shares a domain with them"
    ),
}
SLIDE_NARRATIVE = "sentences"  # never in charts.toml: a slide keeps only the sentences that report its figures
EVERY_CHANGE = "every_change"  # metrics = "every_change": every metric of the review with a change
CHART_FIELDS: dict[str, type] = {"id": str, "kind": str, "narrative": str}
# Ids name containers, links and files: letters, digits, '-' and '_' only. Two chart ids belong to
# the page's own sections (compare years; the practices map, which must be of that kind).
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")
RESERVED_CHART_IDS = {"compare": "", "practices": "practices_map"}
