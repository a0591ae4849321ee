"""Styles for the article's words (narratives, practices, highlighted figures) and the figures table,
shared by the page and the HTML report."""

from __future__ import annotations

from components import theme
from components.html.narrative import HIGHLIGHT_CLASS

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
details.folded {{ border: 1px solid {theme.GRID_COLOUR}; border-radius: 0.5rem; padding: 0 0.9rem; margin: 0.6rem 0; }}
details.folded > summary {{ cursor: pointer; padding: 0.55rem 0; }}
details.folded[open] {{ padding-bottom: 0.6rem; }}
details.folded .note {{ color: {theme.MUTED_TEXT_COLOUR}; font-size: 0.9rem; margin: 0 0 0.5rem 0; }}
@media print {{ details.folded {{ display: none; }} }}
.table-scroll {{ overflow-x: auto; container-type: inline-size; }}  /* cards when the table's column is narrow */
table.figures-table {{ border-collapse: collapse; width: 100%; font-size: 0.95rem; line-height: 1.6; }}
.figures-table th, .figures-table td {{ border-bottom: 1px solid {theme.GRID_COLOUR}; padding: 6px 8px;
  text-align: left; vertical-align: top; }}
.figures-table th {{ background: {theme.TRACK_COLOUR}; }}
.figures-table .num {{ text-align: right; font-variant-numeric: tabular-nums; }}
.figures-table th, .figures-table td:not(:last-child) {{ word-break: keep-all; }}  /* 同比变化, not 同比变/化 */
.figures-table td:last-child {{ min-width: 14em; overflow-wrap: anywhere; }}  /* long source addresses too */
@container (max-width: 600px) {{
  .figures-table thead {{ display: none; }}
  .figures-table tr {{ display: block; padding: 8px 0; border-bottom: 1px solid {theme.GRID_COLOUR}; }}
  .figures-table td, .figures-table td.num {{ display: block; border: none; padding: 1px 0; min-width: 0;
    text-align: left; }}
  .figures-table td:empty {{ display: none; }}
  .figures-table td::before {{ content: attr(data-label); display: inline-block; min-width: 7em;
    margin-right: 0.6em; color: {theme.MUTED_TEXT_COLOUR}; }}
}}
.article p:first-child {{ font-size: 1.3rem; font-weight: 700; }}
mark.{HIGHLIGHT_CLASS} {{ background: {theme.HIGHLIGHT_BACKGROUND}; color: {theme.TEXT_COLOUR};
  padding: 0 0.15em; border-radius: 3px; font-weight: 600; }}
"""
