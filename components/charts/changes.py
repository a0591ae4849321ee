"""Changes: every reported year-on-year change in one view, coloured by whether it is good news."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components import theme
from components.charts.base import (
    APPROXIMATE_PATTERN,
    ChartContext,
    approximate_notes,
    axis_cut,
    break_marks,
    category_labels,
    finish_figure,
    meaning_text,
    new_figure,
    phrase_and_domain,
    rows_height,
    ticks,
    translation_notes,
    value_labels,
)
from components.data.derived import BAD, GOOD, NEUTRAL
from components.data.records import rows_of
from components.text.layout import text_width
from components.text.wording import Wording

ONE_LINE_LABEL = 8  # ems: a longer value label ("+451% not rated") goes on two lines, or a phone clips it


def build_changes_chart(rows: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    """Horizontal bars of each year-on-year change, coloured by whether it is good news."""
    words = ctx.words
    rows = rows.sort_values("yoy_pct", kind="stable")
    cut = axis_cut(rows["yoy_pct"])
    labels = category_labels(rows, ctx)
    shown = rows["yoy_pct"].clip(upper=cut) if cut else rows["yoy_pct"]
    fig = new_figure(ctx)
    fig.add_bar(
        x=shown.tolist(),
        y=labels,
        orientation="h",
        marker=dict(
            color=[theme.OUTCOME_COLOURS[o] for o in rows["outcome"]],
            pattern=dict(
                shape=[APPROXIMATE_PATTERN if q else "" for q in rows["change_qualifier"]],
                fgcolor=theme.BACKGROUND,
                solidity=0.3,
            ),
        ),
        customdata=phrase_and_domain(rows, words),
        hovertemplate="%{y}: %{customdata[0]}<extra></extra>",
    )
    # With no rise, every label stands right of zero in the room left for labels alone: two short lines
    # there, so a phone's narrow plot does not clip "−23.6% better"; a qualified change ("down over 40%")
    # is long enough to need two lines too.
    texts = [(words.change(row), meaning_text(words, row)) for row in rows_of(rows)]
    stacked = (
        rows["yoy_pct"].max() <= 0
        or (rows["change_qualifier"] != "").any()
        or max(text_width(" ".join(text)) for text in texts) > ONE_LINE_LABEL
    )
    value_labels(fig, shown, labels, texts if stacked else [" ".join(text) for text in texts])
    notes = []
    if cut:
        for position, value in enumerate(rows["yoy_pct"]):
            if value > cut:
                break_marks(fig, cut, position)
        notes.append(words.t("chart.note.cut"))
    notes += approximate_notes(rows["change_qualifier"], words) + translation_notes(rows, words)
    low = min(rows["yoy_pct"].min(), 0)
    high = cut if cut else max(rows["yoy_pct"].max(), 0)
    span = (high - low) or 1
    tick_values = ticks(low, high)
    fig.update_xaxes(
        range=[low - span * 0.04, high + span * 0.75],
        zeroline=True,
        zerolinecolor=theme.ZERO_LINE_COLOUR,
        zerolinewidth=2,
        tickvals=tick_values,
        ticktext=[words.numbers.change(t, 0).lstrip("+") for t in tick_values],
    )
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=labels)
    alt_items = [(words.label(row), words.change_phrase(row)) for row in rows_of(rows)]
    return finish_figure(
        fig,
        ctx,
        changes_title(rows, words),
        words.t("chart.changes.subtitle"),
        notes,
        plot_height=rows_height(labels, ctx, value_lines=2 if stacked else 1),
        alt_items=alt_items,
        gutter_labels=labels,
    )


def changes_title(rows: pd.DataFrame, words: Wording) -> str:
    if len(rows) == 1:
        return words.headline(rows.iloc[0])
    good = int((rows["outcome"] == GOOD).sum())
    if good == len(rows):
        return words.t("chart.changes.title_all_good", n=len(rows))
    if (rows["outcome"] == NEUTRAL).any():  # a draft before its directions are set: none is "not better" yet
        bad = int((rows["outcome"] == BAD).sum())
        return words.t("chart.changes.title_unrated", good=good, bad=bad, unrated=len(rows) - good - bad)
    return words.t("chart.changes.title_mixed", good=good, other=len(rows) - good)
