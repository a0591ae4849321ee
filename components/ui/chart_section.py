"""One chart beside the article's own words, with its data one click away (opened in the browser)."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from components import results
from components.charts.base import plotly_config
from components.charts.registry import KINDS
from components.context import PageContext
from components.html.render import render
from components.ui.chart_filter import ClickFilter, apply_click


def chart_config(ctx: PageContext, chart_id: str) -> dict:
    """Plotly's toolbar for one chart; its camera button saves '平安丽水_2019_changes.png'."""
    return plotly_config(ctx.words.file_name("pack.png_name", ctx.source, chart=chart_id))


def render_chart_section(ctx: PageContext, chart_id: str) -> None:
    """Chart on the left, narrative on the right with the chart's data under it; they stack on a
    phone (chart, data, words), and on a wide screen the chart stays in view while a long narrative
    scrolls past.

    On the page an anchor marks the section, for the KPI cards' links. On a slide the chart is
    drawn twice: in projector type, and in page type for a phone (the page's CSS picks one by screen
    width); the narrative keeps only the sentences that report the chart's figures, in larger type.
    A changes or index chart filters the page to the domain of the mark clicked (when there are
    domains to choose between).
    """
    chart, _ = results.view_rows(ctx).chart(chart_id)
    clickable = KINDS[chart.kind].filters_on_click and len(ctx.data.domains) > 1
    click = ClickFilter.of(ctx, chart_id) if clickable else None
    with st.container(key=f"chart-{chart_id}", horizontal=True, gap="large"):  # a two-cell grid (page.css.j2)
        with st.container(key=f"cell-{chart_id}"):
            if ctx.presenting:
                draw_twice(ctx, lambda sized: results.chart(sized, chart_id), chart_id, click)
            else:
                st.html(render("anchor.html.j2", id=f"chart-{chart_id}"))
                plot(results.chart(ctx, chart_id), f"fig-{chart_id}", chart_config(ctx, chart_id), click)
        if not ctx.presenting:
            st.html(results.chart_data_html(ctx, chart_id))
        st.html(results.narrative(ctx, chart_id))


def draw_twice(ctx: PageContext, figure, chart_id: str, click: ClickFilter | None = None) -> None:
    """A slide's chart ``figure(ctx)`` in projector type, and in page type shown instead on a phone."""
    config = chart_config(ctx, chart_id)
    with st.container(key="figure-large"):
        plot(figure(ctx), f"fig-{chart_id}", config, click)
    with st.container(key="figure-compact"):
        plot(figure(ctx.sized(False)), f"fig-{chart_id}-compact", config, click)


def plot(fig: go.Figure, key: str, config: dict, click: ClickFilter | None = None) -> None:
    """A shared figure, with its alt text; with ``click``, a click on a mark filters the page."""
    if click is None:
        st.plotly_chart(fig, key=key, theme=None, config=config, alt=fig.layout.meta["alt"])
        return
    key = f"{key}-{click.key_suffix}"
    st.plotly_chart(
        fig,
        key=key,
        theme=None,
        config=config,
        alt=f"{fig.layout.meta['alt']} {click.hint}",
        on_select=lambda: apply_click(key, click),
        selection_mode="points",
    )
