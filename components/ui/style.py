"""The page's stylesheet (components/html/templates/*.css.j2, rendered with the theme) added to the page."""

from __future__ import annotations

import streamlit as st

from components.html.render import render


def inject(presenting: bool) -> None:
    """Add the stylesheet to the page (static text, no data in it); presenter styles when ``presenting``."""
    st.html(render("page_style.html.j2", presenting=presenting))
