"""One chart beside the article's own words, with its data one click away (opened in the browser)."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from components import results
from components.charts.base import plotly_config
from components.context import PageContext


def chart_config(ctx: PageContext, chart_id: str) -> dict:
    """Plotly's toolbar for one chart; its camera button saves '平安丽水_2019_changes.png'."""
    return plotly_config(ctx.words.file_name("pack.png_name", ctx.source, chart=chart_id))


def render_chart_section(ctx: PageContext, chart_id: str) -> None:
    """Chart on the left with its data under it, narrative on the right; they stack on a phone.

    On a slide the chart is drawn twice: in projector type, and in page type for a phone (the
    page's CSS picks one by screen width); the narrative keeps only the sentences that report the
    chart's figures, in larger type.
    """
    config = chart_config(ctx, chart_id)
    with st.container(key=f"chart-{chart_id}", horizontal=True, gap="large"):  # placed by the page's CSS grid
        if ctx.presenting:
            draw_twice(ctx, lambda sized: results.chart(sized, chart_id), f"fig-{chart_id}", config)
        else:
            plot(results.chart(ctx, chart_id), f"fig-{chart_id}", config)
            st.html(results.chart_data_html(ctx, chart_id))
        st.html(results.narrative(ctx, chart_id))


def draw_twice(ctx: PageContext, figure, key: str, config: dict) -> None:
    """A slide's chart in projector type, and in page type shown instead on a phone."""
    with st.container(key="figure-large"):
        plot(figure(ctx), key, config)
    with st.container(key="figure-compact"):
        plot(figure(ctx.sized(False)), f"{key}-compact", config)


def plot(fig: go.Figure, key: str, config: dict) -> None:
    """A shared figure, with its alt text."""
    st.plotly_chart(fig, key=key, theme=None, config=config, alt=fig.layout.meta["alt"])
