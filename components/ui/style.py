"""The page's own styles: type for Chinese text, narrative and highlight classes, presenter mode."""

from __future__ import annotations

import streamlit as st

from components.styles import NARRATIVE_CSS

_PAGE_CSS = """
@page { size: A4 landscape; margin: 10mm; }
@media print {
  .stMain { zoom: 0.72; }  /* keeps the screen's two-column layout on an A4 landscape page */
  [class*="st-key-chart-"] .stPlotlyChart, .st-key-practices .stPlotlyChart, .st-key-kpis { break-inside: avoid; }
  .stSidebar, .stAppHeader, .stExpander, .stDownloadButton { display: none; }
}
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
