"""Compare years: the metrics that several reviews of the view's place report, with each value's source."""

from __future__ import annotations

import streamlit as st

from components import results
from components.context import PageContext
from components.ui.chart_section import chart_config, draw_twice, plot

CHART_ID = "compare"


def has_comparison(ctx: PageContext) -> bool:
    """Whether the library holds another review of the view's place sharing a metric in its domains."""
    return not results.comparison(ctx).empty


def render_compare(ctx: PageContext) -> None:
    """The section (page) or the slide (presenting): the chart beside every value with its sentence."""
    with st.container(key="compare"):
        if not ctx.presenting:
            st.header(ctx.words.t("chart.compare.heading"))
            st.caption(ctx.words.t("chart.compare.intro"))
        with st.container(key=f"chart-{CHART_ID}", horizontal=True, gap="large"):
            with st.container(key=f"cell-{CHART_ID}"):
                if ctx.presenting:
                    draw_twice(ctx, results.compare_chart, CHART_ID)
                else:
                    plot(results.compare_chart(ctx), f"fig-{CHART_ID}", chart_config(ctx, CHART_ID))
            st.html(results.compare_sentences(ctx))
