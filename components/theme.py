"""Colours and type shared by the charts, the page styles and .streamlit/config.toml."""

from __future__ import annotations

from components.data.derived import BAD, GOOD, NEUTRAL, UNCHANGED

# Blue for good news, vermilion for bad: a pair that colour-blind readers can tell apart.
OUTCOME_COLOURS = {GOOD: "#0b63a8", BAD: "#c2410c", NEUTRAL: "#5b6573", UNCHANGED: "#5b6573"}
DERIVED_COLOUR = "#aab4c0"
TRACK_COLOUR = "#e4e9ef"
GOOD_TINT, BAD_TINT = "#e3eef8", "#fbe9e1"  # light backgrounds behind good and bad news (KPI deltas, notes)
PART_COLOUR = "#7fb2dc"
TEXT_COLOUR = "#101418"
MUTED_TEXT_COLOUR = "#4b5563"
GRID_COLOUR = "#e5e7eb"
ZERO_LINE_COLOUR = "#374151"
BACKGROUND = "#ffffff"
HIGHLIGHT_BACKGROUND = "#fde68a"

FONT_FAMILY = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
    '"Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif'
)
# English text reads better in a Latin face (CJK fonts set quotes full-width); Streamlit serves
# "Source Sans" itself, and Chinese characters fall back to the CJK fonts.
LATIN_FONT_FAMILY = '"Source Sans", ' + FONT_FAMILY


def font_family(language: str) -> str:
    """The font stack for text in ``language``."""
    return LATIN_FONT_FAMILY if language == "en" else FONT_FAMILY


# The practices map: neutral grey where the article names nothing, then light to dark blue by count.
NO_PRACTICE_COLOUR = "#f1f3f5"
NO_PRACTICE_BORDER = "#9aa3ad"
PRACTICE_COLOURS = ("#d6e6f4", "#7fb2dc", "#0b63a8")  # 1, 2, 3 or more practices
SELECTED_BORDER = TEXT_COLOUR

# KPI cards a row, by the width the cards have: (from this many px, at most this many cards). Below
# the narrowest, two a row (a phone).
KPI_COLUMNS = {"narrow": (480, 3), "mid": (700, 4), "wide": (1000, 5)}
