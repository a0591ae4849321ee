"""The page's own styles: type for Chinese text, narrative and highlight classes, presenter mode."""

from __future__ import annotations

import streamlit as st

from components import theme
from components.narrative import HIGHLIGHT_CLASS

_CSS = f"""
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
@page {{ size: A4 landscape; margin: 10mm; }}
@media print {{
  .stMain {{ zoom: 0.72; }}  /* keeps the screen's two-column layout on an A4 landscape page */
  [class*="st-key-chart-"] .stPlotlyChart, .st-key-practices .stPlotlyChart, .st-key-kpis {{ break-inside: avoid; }}
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
    st.html(f"<style>{_CSS}{_PRESENTER_CSS if presenting else ''}</style>")
