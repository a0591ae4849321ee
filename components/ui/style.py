"""The page's own styles: type for Chinese text, narrative and highlight classes (no Streamlit internals)."""

from __future__ import annotations

import streamlit as st

from components import theme
from components.narrative import HIGHLIGHT_CLASS

_CSS = f"""
<style>
.narrative {{ font-size: 1.05rem; line-height: 1.85; color: {theme.TEXT_COLOUR}; }}
.narrative p {{ margin: 0 0 0.8em 0; text-align: justify; text-justify: inter-character; }}
.narrative .section-heading {{ font-weight: 700; font-size: 1.05rem; margin: 0.2em 0 0.4em 0;
  color: {theme.TEXT_COLOUR}; border-left: 4px solid {theme.OUTCOME_COLOURS["good"]}; padding-left: 0.5em; }}
.narrative .article-title {{ font-size: 1.3rem; font-weight: 700; margin-bottom: 0.3em; }}
.narrative .byline {{ color: {theme.MUTED_TEXT_COLOUR}; font-size: 0.95rem; }}
mark.{HIGHLIGHT_CLASS} {{ background: {theme.HIGHLIGHT_BACKGROUND}; color: {theme.TEXT_COLOUR};
  padding: 0 0.15em; border-radius: 3px; font-weight: 600; }}
.source-line {{ color: {theme.MUTED_TEXT_COLOUR}; font-size: 0.95rem; }}
</style>
"""


def inject() -> None:
    """Add the stylesheet to the page (static text, no data in it)."""
    st.html(_CSS)
