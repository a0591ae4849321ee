"""The data folder's contract: which files exist, their columns, and how each cell is read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["text", "int", "number", "choice", "list"]

BETTER_CHOICES = ("lower", "higher", "neutral")
# Units the number formatter can write in every language (counters, percent, money).
UNITS = ("个", "起", "件", "人", "次", "%", "元", "万元", "亿元")
MAX_FILE_BYTES = 32 * 1024 * 1024  # the real files are a few KB; 1000 years of reviews fit (benchmarks/growth.py)
SOURCES_FILE = "sources.toml"
PLACE_LEVELS = ("city", "county", "province")  # a review covers a city, a county or the province


@dataclass(frozen=True)
class Column:
    """One column of a CSV table: its name, how its cells parse, and whether they may be blank."""

    name: str
    kind: Kind = "text"
    required: bool = True
    choices: tuple[str, ...] = ()


FIGURES = (
    Column("id"),
    Column("source_id"),
    Column("year", "int"),
    Column("metric"),
    Column("domain"),
    Column("section"),
    Column("label_zh"),
    Column("label_en"),
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
    Column("source_quote_en"),
)

# Each article text column and its unofficial English translation, which must mirror it.
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
    Column("label_en"),
)

PASSAGES = (
    Column("source_id"),
    Column("id"),
    Column("section"),
    Column("order", "int"),
    Column("domains", "list", required=False),
    Column("text"),
    Column("text_en"),
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
    Column("name_en"),
    Column("quote"),
    Column("quote_en"),
)

# The data desk proposes a figure's domain when its sentence holds one of these words.
KEYWORDS = (
    Column("domain"),
    Column("keyword"),
)

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

OPTIONAL_SOURCE_FIELDS = ("url",)  # every other text field of a source must be filled in
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
CHART_KINDS = ("changes", "share", "levels", "index", "practices_map")
KINDS_WITHOUT_METRICS = ("practices_map",)  # they draw the practices, not figures
NARRATIVE_MODES = ("quotes", "section")
EVERY_CHANGE = "every_change"  # metrics = "every_change": every metric of the review with a change
CHART_FIELDS: dict[str, type] = {"id": str, "kind": str, "narrative": str}
# Ids name containers, links and files: letters, digits, '-' and '_' only. Two chart ids belong to
# the page's own sections (compare years; the practices map, which must be of that kind).
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")
RESERVED_CHART_IDS = {"compare": "", "practices": "practices_map"}
