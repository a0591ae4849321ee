"""Share: each percentage (or score out of 100) on a full 0-100 track."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components import theme
from components.charts.base import (
    APPROXIMATE_PATTERN,
    ChartContext,
    approximate_notes,
    category_labels,
    finish_figure,
    new_figure,
    translation_notes,
)
from components.data.derived import GOOD, NEUTRAL
from components.data.grammar import POLL_WORDS
from components.data.records import rows_of
from components.text.layout import plain
from components.text.wording import Wording


def build_share_chart(rows: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    """A bullet bar for each percentage level, drawn on a full 0-100% track."""
    words = ctx.words
    labels = category_labels(rows, ctx)
    fig = new_figure(ctx)
    fig.add_bar(
        x=[100] * len(rows), y=labels, orientation="h", marker_color=theme.TRACK_COLOUR, hoverinfo="skip", width=0.6
    )
    fig.add_bar(
        x=rows["value"].tolist(),
        y=labels,
        orientation="h",
        width=0.6,
        marker=dict(
            color=[theme.OUTCOME_COLOURS[GOOD if b == "higher" else NEUTRAL] for b in rows["better"]],
            pattern=dict(
                shape=[APPROXIMATE_PATTERN if q else "" for q in rows["value_qualifier"]],
                fgcolor=theme.BACKGROUND,
                solidity=0.25,
            ),
        ),
        text=[plain(words.level(row)) for row in rows_of(rows)],
        textposition="inside",
        insidetextanchor="end",
        textfont=dict(color=theme.BACKGROUND, size=round(ctx.font_size * 1.15)),
        hovertemplate="%{y}: %{text}<extra></extra>",
    )
    fig.update_layout(barmode="overlay")
    ticks = [0, 25, 50, 75, 100]
    fig.update_xaxes(range=[0, 102], tickvals=ticks, ticktext=[f"{words.numbers.number(t)}%" for t in ticks])
    title = share_title(rows.iloc[0], words)
    alt_items = [(words.label(row), words.level(row)) for row in rows_of(rows)]
    polled = rows["label_zh"].str.contains(POLL_WORDS.pattern).all()  # 安全感, 满意度: what a poll asks
    subtitle = words.t("chart.share.subtitle" if polled else "chart.share.subtitle_rate")
    notes = approximate_notes(rows["value_qualifier"], words) + translation_notes(rows, words)
    return finish_figure(
        fig,
        ctx,
        title,
        subtitle,
        notes,
        plot_height=max(len(rows), 1) * round(ctx.font_size * 4),
        alt_items=alt_items,
        gutter_labels=labels,
    )


def share_title(row: pd.Series, words: Wording) -> str:
    context = words.context(row)
    headline = words.headline(row)
    return words.t("phrase.with_context", headline=headline, context=context) if context else headline


def share_headline(rows: pd.DataFrame, words: Wording) -> str:
    """The share chart's title: its first figure's headline, with the article's context."""
    return share_title(rows.iloc[0], words)
