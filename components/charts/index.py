"""Index: previous year = 100 (derived), a dumbbell from 100 to this year for every reported change."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components import theme
from components.charts.base import (
    ChartContext,
    axis_cut,
    category_labels,
    finish_figure,
    new_figure,
    phrase_and_domain,
    rows_height,
    ticks,
    translation_notes,
    value_labels,
)
from components.data.derived import GOOD
from components.data.records import rows_of
from components.text.layout import plain
from components.text.wording import Wording


def build_index_chart(rows: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    """Dumbbells from 100 (previous year) to the current year's index, for every reported change."""
    words = ctx.words
    rows = rows.sort_values("index_value", kind="stable")
    labels = category_labels(rows, ctx)
    cut = axis_cut(rows["yoy_pct"])
    shown = (100 + rows["yoy_pct"].clip(upper=cut)) if cut else rows["index_value"]
    fig = new_figure(ctx)
    line_x: list[float | None] = []
    line_y: list[str | None] = []
    for label, end in zip(labels, shown):
        line_x += [100, end, None]
        line_y += [label, label, None]
    fig.add_scatter(x=line_x, y=line_y, mode="lines", line=dict(color=theme.DERIVED_COLOUR, width=3), hoverinfo="skip")
    fig.add_scatter(
        x=[100] * len(rows),
        y=labels,
        mode="markers",
        customdata=phrase_and_domain(rows, words),
        hoverinfo="none",  # no label, but a click on the hollow circle filters like the marker
        marker=dict(
            size=ctx.font_size * 0.8, color=theme.BACKGROUND, line=dict(color=theme.MUTED_TEXT_COLOUR, width=2)
        ),
    )
    texts = [
        words.t("chart.cut_label", value=words.index(row)) if cut and row["yoy_pct"] > cut else words.index(row)
        for row in rows_of(rows)
    ]
    fig.add_scatter(
        x=shown.tolist(),
        y=labels,
        mode="markers",
        cliponaxis=False,
        marker=dict(
            size=ctx.font_size * 0.9,
            color=[theme.OUTCOME_COLOURS[o] for o in rows["outcome"]],
            symbol=[marker_symbol(v) for v in rows["index_value"]],
        ),
        text=[plain(text) for text in texts],
        customdata=phrase_and_domain(rows, words),
        hovertemplate="%{y}: %{text}(%{customdata[0]})<extra></extra>",
    )
    value_labels(fig, shown, labels, texts, origin=100)
    notes = [words.t("chart.note.index")]
    if cut:
        notes.append(words.t("chart.note.cut_point"))
    notes += translation_notes(rows, words)
    low = min(shown.min(), 100)
    high = max(shown.max(), 100)
    span = high - low or 1
    fig.add_vline(x=100, line=dict(color=theme.ZERO_LINE_COLOUR, width=2))
    tick_values = ticks(low, high, origin=100)
    fig.update_xaxes(
        range=[low - span * 0.04, high + span * 0.75],
        tickvals=tick_values,
        ticktext=[words.numbers.number(t) for t in tick_values],
    )
    fig.update_yaxes(categoryorder="array", categoryarray=labels, autorange="reversed")
    year = int(rows["year"].iloc[0])
    title = index_title(rows, words)
    alt_items = [(words.label(row), words.index(row)) for row in rows_of(rows)]
    return finish_figure(
        fig,
        ctx,
        title,
        words.t("chart.index.subtitle", previous=year - 1, year=year),
        notes,
        plot_height=rows_height(labels, ctx),
        alt_items=alt_items,
        gutter_labels=labels,
    )


def marker_symbol(index_value: float) -> str:
    """A triangle pointing the way the figure moved; a diamond for no change (index exactly 100)."""
    if index_value == 100:
        return "diamond"
    return "triangle-left" if index_value < 100 else "triangle-right"


def index_title(rows: pd.DataFrame, words: Wording) -> str:
    year = int(rows["year"].iloc[0])
    good = int((rows["outcome"] == GOOD).sum())
    return words.t("chart.index.title", year=year, previous=year - 1, good=good, n=len(rows))
