"""The data folder's contract: which files exist, their columns, and how each cell is read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["text", "int", "number", "choice", "list"]

BETTER_CHOICES = ("lower", "higher", "neutral")
MAX_FILE_BYTES = 5 * 1024 * 1024  # the real files are a few KB; anything this large is a mistake
SOURCES_FILE = "sources.toml"

# Words the article uses for the direction of a year-on-year change.
FALL_WORDS = ("下降", "减少")
RISE_WORDS = ("增长", "上升", "增加", "提高")


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
    Column("value", "number", required=False),
    Column("unit", required=False),
    Column("value_text", required=False),
    Column("yoy_pct", "number", required=False),
    Column("yoy_text", required=False),
    Column("better", "choice", choices=BETTER_CHOICES),
    Column("parent", required=False),
    Column("context_text", required=False),
    Column("source_quote"),
)

DOMAINS = (
    Column("id"),
    Column("order", "int"),
    Column("label_zh"),
)

SECTIONS = (
    Column("source_id"),
    Column("id"),
    Column("order", "int"),
    Column("heading", required=False),
    Column("label_zh"),
)

PASSAGES = (
    Column("source_id"),
    Column("id"),
    Column("section"),
    Column("order", "int"),
    Column("domains", "list", required=False),
    Column("text"),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "figures.csv": FIGURES,
    "domains.csv": DOMAINS,
    "sections.csv": SECTIONS,
    "passages.csv": PASSAGES,
}

SOURCE_FIELDS: dict[str, type] = {
    "id": str,
    "year": int,
    "publisher": str,
    "title": str,
    "authors": list,
    "url": str,
    "article": str,
}
