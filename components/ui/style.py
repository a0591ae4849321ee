"""The page's own styles: type for Chinese text, narrative and highlight classes, presenter mode."""

from __future__ import annotations

import streamlit as st

from components import theme
from components.model.figures import BAD, GOOD
from components.html.styles import NARRATIVE_CSS

# A chart section (and the practices' map with its lists) is one grid: the chart with its folded
# details under it on the left (3 parts), the article's words on the right (2 parts); on a phone they
# stack in the order they are drawn: chart, details, words. Cells are placed by the chart's key, not
# by what they hold, so a chart still loading keeps its place. (A presenter's slide holds the chart
# twice, in projector and phone type, in one cell; the page shows the one that fits.) One grid
# costs a page run far less than st.columns, whose every column is an element of its own.
_CHART_SECTION = '.stHorizontalBlock:is([class*="st-key-chart-"], .st-key-practices-split)'
_CHART_CELL = ':is([class*="st-key-fig"], [class*="st-key-practice-map"], :has(> [class*="st-key-figure-"]))'
_FOLD_CELL = ":has(details.folded)"
_PAGE_CSS = f"""
{_CHART_SECTION} {{ display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
  grid-template-rows: auto 1fr; column-gap: 3rem; row-gap: 0; }}
{_CHART_SECTION} > {_CHART_CELL} {{ grid-area: 1 / 1; }}
{_CHART_SECTION} > {_FOLD_CELL} {{ grid-area: 2 / 1; }}
{_CHART_SECTION} > :not({_CHART_CELL}, {_FOLD_CELL}) {{ grid-area: 1 / 2 / 3 / 3; }}
@media (max-width: 640px) {{
  {_CHART_SECTION} {{ grid-template-columns: minmax(0, 1fr); grid-template-rows: auto; }}
  {_CHART_SECTION} > :not({_CHART_CELL}, {_FOLD_CELL}) {{ grid-area: 3 / 1; }}
}}
.practices-note {{ background: {theme.GOOD_TINT}; border-radius: 0.5rem; padding: 0.75rem 1rem; }}
.kpi-cards {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(12.5rem, 1fr)); gap: 0.75rem;
  align-items: start; }}
.kpi-cards:lang(en) {{ grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }}
.kpi-card {{ border: 1px solid {theme.GRID_COLOUR}; border-radius: 0.5rem; padding: 0.8rem 1rem 0.6rem; }}
.kpi-card p {{ margin: 0; }}
.kpi-label {{ font-size: 0.95rem; }}
.kpi-value {{ font-size: 2.1rem; line-height: 1.3; font-variant-numeric: tabular-nums; }}
.kpi-change {{ font-size: 0.9rem; color: {theme.MUTED_TEXT_COLOUR}; min-height: 1.6em; }}
.kpi-delta {{ display: inline-block; padding: 0 0.4em; border-radius: 0.3em; margin-right: 0.3em;
  background: {theme.TRACK_COLOUR}; color: {theme.MUTED_TEXT_COLOUR}; }}
.kpi-delta.{GOOD} {{ background: {theme.GOOD_TINT}; color: {theme.OUTCOME_COLOURS[GOOD]}; }}
.kpi-delta.{BAD} {{ background: {theme.BAD_TINT}; color: {theme.OUTCOME_COLOURS[BAD]}; }}
.kpi-note {{ white-space: nowrap; }}
.kpi-source {{ font-size: 0.85rem; color: {theme.MUTED_TEXT_COLOUR}; margin-top: 0.3rem; }}
.kpi-source summary {{ cursor: pointer; }}
.kpi-source p {{ margin-top: 0.3rem; line-height: 1.6; color: {theme.TEXT_COLOUR}; }}
@media (max-width: 640px) {{  /* two cards a row on a phone */
  .kpi-cards, .kpi-cards:lang(en) {{ grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.5rem; }}
  .kpi-card {{ padding: 0.6rem 0.7rem 0.5rem; }}
  .kpi-value {{ font-size: 1.5rem; }}
}}
@page {{ size: A4 landscape; margin: 10mm; }}
@media print {{
  .stMain {{ zoom: 0.72; }}  /* keeps the screen's two-column layout on an A4 landscape page */
  [class*="st-key-chart-"] .stPlotlyChart, .st-key-practices .stPlotlyChart, .kpi-card {{ break-inside: avoid; }}
  .kpi-source {{ display: none; }}
  .stSidebar, .stAppHeader, .stExpander, .stDownloadButton {{ display: none; }}
}}
"""

# Presenter mode hides Streamlit's header bar and tightens the page's top padding, through the
# stable class names Streamlit gives these elements for styling. The arrow-key twins of the
# navigation buttons stay in the page (their shortcuts work) but are visually hidden. A slide
# holds its chart twice, in projector type and in phone type, and shows the one that fits.
_PRESENTER_CSS = """
.stAppHeader { display: none; }
.stMainBlockContainer { padding-top: 1rem; padding-bottom: 1rem; }
.st-key-prev-slide-arrow, .st-key-next-slide-arrow {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
.st-key-summary-slide li, .st-key-summary-slide p { font-size: 1.35rem; line-height: 1.7; }
@media (max-width: 640px) { .st-key-figure-large { display: none; } }
@media (min-width: 641px) { .st-key-figure-compact { display: none; } }
"""


def inject(presenting: bool) -> None:
    """Add the stylesheet to the page (static text, no data in it)."""
    st.html(f"<style>{NARRATIVE_CSS}{_PAGE_CSS}{_PRESENTER_CSS if presenting else ''}</style>")
