"""Styles for the article's words (narratives, practices, highlighted figures), shared by the page and the HTML report."""

from __future__ import annotations

from components import theme
from components.narrative import HIGHLIGHT_CLASS

NARRATIVE_CSS = f"""
.narrative {{ font-size: 1.05rem; line-height: 1.85; color: {theme.TEXT_COLOUR}; }}
.narrative p {{ margin: 0 0 0.8em 0; font-size: inherit; line-height: inherit; }}
.narrative .section-heading {{ font-weight: 700; margin: 0.2em 0 0.4em 0;
  border-left: 4px solid {theme.OUTCOME_COLOURS["good"]}; padding-left: 0.5em; }}
.narrative.large {{ font-size: 1.25rem; line-height: 1.65; }}
.narrative:lang(en) {{ font-family: {theme.LATIN_FONT_FAMILY}; line-height: 1.6; }}
.narrative.large:lang(en) {{ line-height: 1.4; }}
.narrative .original:lang(zh-Hans) {{ font-family: {theme.FONT_FAMILY}; line-height: 1.85; }}
.narrative .translation-note {{ color: {theme.MUTED_TEXT_COLOUR}; font-style: italic; }}
.narrative details.original summary {{ cursor: pointer; color: {theme.OUTCOME_COLOURS["good"]}; margin-bottom: 0.6em; }}
.practices .practice-count {{ font-weight: 400; color: {theme.MUTED_TEXT_COLOUR}; font-size: 0.9em; }}
.practices .practice-name {{ margin: 0.3em 0 0.2em 0; }}
.practices .practice-meta {{ color: {theme.MUTED_TEXT_COLOUR}; font-size: 0.9em; }}
.practices blockquote {{ margin: 0 0 0.9em 0; padding-left: 0.8em; border-left: 3px solid {theme.GRID_COLOUR}; }}
.practices.two-columns {{ column-count: 2; column-gap: 3rem; }}
.practices.two-columns .section-heading {{ column-span: all; }}
.practices .practice {{ break-inside: avoid; }}
@media (max-width: 900px) {{ .practices.two-columns {{ column-count: 1; }} }}
.practices ul.practice-names {{ margin: 0 0 0.6em 1.2em; padding: 0; }}
.article p:first-child {{ font-size: 1.3rem; font-weight: 700; }}
mark.{HIGHLIGHT_CLASS} {{ background: {theme.HIGHLIGHT_BACKGROUND}; color: {theme.TEXT_COLOUR};
  padding: 0 0.15em; border-radius: 3px; font-weight: 600; }}
"""
