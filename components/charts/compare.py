"""Compare years: each metric that two or more reviews of one place report, one panel per metric
and one bar per review, each labelled with its value as reported and carrying its own source."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

from components import theme
from components.charts.base import ChartContext, finish_figure, new_figure
from components.data.records import Dataset, rows_of
from components.model.compare import LEVEL
from components.text.layout import plain, wrap


def sources_line(rows: pd.DataFrame, data: Dataset, ctx: ChartContext) -> str:
    """One short source line naming every review the rows come from, oldest first."""
    words = ctx.words
    names = [
        words.t(
            "chart.compare.source_item",
            publisher=words.publisher(data.source(review)),
            date=words.numbers.date(data.source(review).date),
        )
        for review in dict.fromkeys(rows["source_id"])
    ]
    return words.t("chart.compare.sources", sources=words.t("chart.compare.source_separator").join(names))


def build_compare_chart(rows: pd.DataFrame, data: Dataset, ctx: ChartContext) -> go.Figure:
    """One panel per metric, one labelled bar per review; hovering a bar shows its source and sentence."""
    words = ctx.words
    ctx = replace(ctx, source_line=sources_line(rows, data, ctx))
    metrics = list(dict.fromkeys(rows["metric"]))
    groups = [rows[rows["metric"] == metric] for metric in metrics]
    titles = [wrap(plain(_panel_title(group, ctx)), ctx.title_chars * 1.25) for group in groups]
    fig = new_figure(ctx, panel_titles=titles)
    alt_items = []
    for panel, group in enumerate(groups, start=1):
        alt_items += _panel(fig, group, data, ctx, panel)
    fig.update_layout(bargap=0.3)
    fig.update_yaxes(type="category", autorange="reversed")
    fig.update_xaxes(showticklabels=False, showgrid=False)
    years = sorted(set(rows["year"]))
    title = words.t("chart.compare.title", first=years[0], last=years[-1], n=len(metrics))
    gutter = [words.t("chart.levels.year", year=year) for year in years]
    return finish_figure(
        fig,
        ctx,
        title,
        words.t("chart.compare.subtitle"),
        [words.t("chart.compare.note")],
        plot_height=sum(len(group) for group in groups) * round(ctx.font_size * ctx.row_scale * 1.2),
        alt_items=alt_items,
        gutter_labels=gutter,
        axis_labels=False,
        panel_title_lines=titles[0].count("<br>") + 1,
    )


def _panel_title(group: pd.DataFrame, ctx: ChartContext) -> str:
    latest = group.iloc[-1]
    key = "chart.compare.panel_level" if group["measure"].iloc[0] == LEVEL else "chart.compare.panel_change"
    return ctx.words.t(key, label=ctx.words.label(latest))


def _panel(fig: go.Figure, group: pd.DataFrame, data: Dataset, ctx: ChartContext, panel: int) -> list[tuple[str, str]]:
    """The bars of one metric; returns its (label, value) items for the alt text."""
    words = ctx.words
    level = group["measure"].iloc[0] == LEVEL
    values = group["value" if level else "yoy_pct"].astype(float)
    texts = [words.level(row) if level else words.change(row) for row in rows_of(group)]
    years = [words.t("chart.levels.year", year=year) for year in group["year"]]
    colours = (
        [theme.PART_COLOUR] * (len(group) - 1) + [theme.OUTCOME_COLOURS["good"]]
        if level
        else [theme.OUTCOME_COLOURS[outcome] for outcome in group["outcome"]]
    )
    sources = [
        plain(
            f"{words.source_line(data.source(row['source_id']), short=True)} · "
            f"{words.article_text(row, 'source_quote')}"
        )
        for row in rows_of(group)
    ]
    fig.add_bar(
        x=values.tolist(),
        y=years,
        orientation="h",
        width=0.7,
        marker_color=colours,
        text=[plain(text) for text in texts],
        textposition="outside",
        cliponaxis=False,
        customdata=[wrap(source, 40) for source in sources],
        hovertemplate="%{y}: %{text}<br>%{customdata}<extra></extra>",
        row=panel,
        col=1,
    )
    low, high = min(values.min(), 0), max(values.max(), 0)
    span = (high - low) or 1
    fig.update_xaxes(
        range=[low - span * (0.45 if low < 0 else 0), high + span * 0.45],
        zeroline=not level,
        zerolinecolor=theme.ZERO_LINE_COLOUR,
        row=panel,
        col=1,
    )
    label = words.label(group.iloc[-1])
    return [
        (label, words.t("chart.compare.alt_item", year=row["year"], value=text))
        for row, text in zip(rows_of(group), texts)
    ]
