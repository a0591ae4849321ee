"""Click a chart to filter: a click on a bar of the changes chart or a marker of the index chart
filters the page to that figure's domain (the URL's ?domain= follows, as the sidebar box is bound to
it); a click in the filtered chart, or "Show all domains", brings every domain back. In presenter
mode the slide of the clicked chart stays on screen."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components import results
from components.context import PageContext
from components.ui.filters import DOMAIN_KEY

FOLLOW_KEY = "follow-chart"  # the chart clicked last; presenter mode keeps its slide
CLICKS_KEY = "chart-clicks"  # how many clicks on charts this session has filtered by


@dataclass(frozen=True)
class ClickFilter:
    """What a clickable chart needs: its id, every domain (to clear the filter), the widget key's
    suffix (new after each click), the hint added to its alt text, and whether a slide should stay on it."""

    chart_id: str
    all_domains: tuple[str, ...]
    key_suffix: str
    hint: str
    keep_slide: bool = False

    @classmethod
    def of(cls, ctx: PageContext, chart_id: str) -> ClickFilter:
        # After each click the chart is drawn under a new key, so it starts with nothing selected
        # and a click on the same bar again counts as a new click. A view changed in the sidebar
        # keeps the key: a chart whose figure did not change is then left as the browser drew it.
        key_suffix = f"c{st.session_state.get(CLICKS_KEY, 0)}"
        return cls(
            chart_id,
            results.review_domains(ctx.library, ctx.view.review),
            key_suffix,
            ctx.words.t("chart.alt_click_filters"),
            keep_slide=ctx.presenting,
        )


def apply_click(widget_key: str, click: ClickFilter) -> None:
    """The chart at ``widget_key`` was clicked: filter to the clicked mark's domain, or clear the
    filter if the page already shows that domain alone."""
    points = st.session_state[widget_key]["selection"]["points"]
    domain = next((point["customdata"][-1] for point in points if isinstance(point.get("customdata"), list)), None)
    if domain not in click.all_domains:  # a click on a line carries no domain
        return
    st.session_state[DOMAIN_KEY] = list(click.all_domains) if st.session_state.get(DOMAIN_KEY) == [domain] else [domain]
    st.session_state[CLICKS_KEY] = st.session_state.get(CLICKS_KEY, 0) + 1
    if click.keep_slide:
        st.session_state[FOLLOW_KEY] = click.chart_id
