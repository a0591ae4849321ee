"""Levels: each reported level, its parts inside it, or against the implied previous-year level (derived)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components import theme
from components.charts.base import (
    APPROXIMATE_PATTERN,
    ChartContext,
    approximate_notes,
    finish_figure,
    new_figure,
    translation_notes,
)
from components.data.derived import GOOD
from components.data.records import rows_of
from components.model.figures import headline_figures
from components.text.layout import plain, text_width, wrap
from components.text.wording import Wording

LABEL_PAD_PX = 14  # room around a value label, inside or beyond its bar


def build_levels_chart(rows: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    """One panel per reported level: parts inside their whole, or the level against the implied
    previous-year level (derived, hatched and labelled so)."""
    words = ctx.words
    wholes = headline_figures(rows)
    panel_chars = ctx.title_chars * 1.25  # panel titles are set at the base size, titles 1.25x larger
    titles = (
        [
            wrap(plain(_panel_title(whole, rows[rows["parent"] == whole["id"]], words)), panel_chars)
            for whole in rows_of(wholes)
        ]
        if len(wholes) > 1
        else []
    )
    fig = new_figure(ctx, panel_titles=titles)
    notes: list[str] = []
    for panel, whole in enumerate(rows_of(wholes), start=1):
        row_ref = panel if len(wholes) > 1 else None
        parts = rows[rows["parent"] == whole["id"]]
        if not parts.empty:
            _part_of_whole_panel(fig, whole, parts, words, row_ref)
        elif not pd.isna(whole["earlier_value"]):
            _level_vs_previous_panel(fig, whole, ctx, row_ref)
            notes = [words.t("chart.note.derived")] if whole["earlier_derived"] or notes else notes
        else:
            _single_level_panel(fig, whole, ctx, row_ref)
        fig.update_xaxes(
            showticklabels=False, showgrid=False, rangemode="tozero", row=row_ref, col=1 if row_ref else None
        )
    fig.update_layout(barmode="overlay", bargap=0.3)
    fig.update_yaxes(type="category")  # "2018" and "2019" are labels, not numbers
    title, subtitle = levels_title(wholes, words)
    years = [
        words.t("chart.levels.year", year=year) for year in (*wholes["earlier_year"].dropna(), wholes["year"].iloc[0])
    ]
    notes += approximate_notes(wholes["value_qualifier"], words) + translation_notes(rows, words)
    return finish_figure(
        fig,
        ctx,
        title,
        subtitle,
        notes,
        axis_labels=False,
        panel_title_lines=titles[0].count("<br>") + 1 if titles else 0,
        plot_height=len(wholes) * round(ctx.font_size * ctx.row_scale * 2.5),
        alt_items=_levels_alt(rows, words),
        gutter_labels=years,
    )


def _levels_alt(rows: pd.DataFrame, words: Wording) -> list[tuple[str, str]]:
    items = []
    for row in rows_of(rows):
        text = words.level(row)
        if row["earlier_derived"]:
            text = words.t(
                "chart.levels.alt_with_previous",
                level=text,
                change=words.change(row),
                previous=words.implied_previous(row),
                year=row["previous_year"],
            )
        elif not pd.isna(row["earlier_value"]):
            text = words.t(
                "chart.levels.alt_with_earlier", level=text, previous=words.earlier(row), year=row["earlier_year"]
            )
        items.append((words.label(row), text))
    return items


def _panel_title(whole: pd.Series, parts: pd.DataFrame, words: Wording) -> str:
    if parts.empty:
        return words.label(whole)
    return words.t(
        "chart.levels.part_title",
        whole=words.label(whole),
        parts=words.t("phrase.list_separator").join(words.label(part) for part in rows_of(parts)),
    )


def _part_of_whole_panel(
    fig: go.Figure, whole: pd.Series, parts: pd.DataFrame, words: Wording, row: int | None
) -> None:
    """The whole as a light bar with each part drawn darker inside it, both labelled with their level."""
    col = 1 if row else None
    label = words.t("chart.levels.year", year=whole["year"])
    fig.add_bar(
        x=[whole["value"]],
        y=[label],
        orientation="h",
        marker_color=theme.PART_COLOUR,
        width=0.7,
        text=[plain(words.t("chart.levels.whole", level=words.level(whole)))],
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}: %{text}<extra></extra>",
        row=row,
        col=col,
    )
    for part in rows_of(parts):
        fig.add_bar(
            x=[part["value"]],
            y=[label],
            orientation="h",
            width=0.7,
            marker_color=theme.OUTCOME_COLOURS[GOOD],
            text=[plain(words.level(part))],
            textposition="inside",
            insidetextanchor="end",
            textfont=dict(color=theme.BACKGROUND),
            customdata=[plain(words.label(part))],
            hovertemplate="%{customdata}: %{text}<extra></extra>",
            row=row,
            col=col,
        )
    fig.update_xaxes(range=[0, (whole["value"] or 1) * 1.35], row=row, col=col)


def _level_vs_previous_panel(fig: go.Figure, figure: pd.Series, ctx: ChartContext, row: int | None) -> None:
    """This year's level against the earlier one: reported (a from-to pair, or the level less an
    absolute change) in a solid light bar, or implied by the change in percent, hatched and marked."""
    words, col = ctx.words, 1 if row else None
    derived = bool(figure["earlier_derived"])
    years = [
        words.t("chart.levels.year", year=figure["earlier_year"]),
        words.t("chart.levels.year", year=figure["year"]),
    ]
    values = [figure["earlier_value"], figure["value"]]
    level = words.level(figure)
    texts = [
        words.t(
            "chart.levels.derived_label" if derived else "chart.levels.reported_label", value=words.earlier(figure)
        ),
        level
        if pd.isna(figure["change"])
        else words.t("chart.levels.level_with_change", level=level, change=words.change(figure)),
    ]
    colours = [theme.DERIVED_COLOUR if derived else theme.PART_COLOUR, theme.OUTCOME_COLOURS[figure["outcome"]]]
    inside, axis_end = _label_places(values, texts, ctx)
    fig.add_bar(
        x=values,
        y=years,
        orientation="h",
        width=0.7,
        marker=dict(
            color=colours,
            pattern=dict(shape=["/" if derived else "", _pattern(figure)], fgcolor=theme.BACKGROUND, solidity=0.25),
        ),
        text=[plain(text) for text in texts],
        textposition=["inside" if fits else "outside" for fits in inside],
        insidetextanchor="end",
        constraintext="none",
        cliponaxis=False,
        textfont=dict(
            color=[
                theme.BACKGROUND if fits and on_dark else theme.TEXT_COLOUR
                for fits, on_dark in zip(inside, (False, True))
            ]
        ),
        hovertemplate="%{y}: %{text}<extra></extra>",
        row=row,
        col=col,
    )
    fig.update_xaxes(range=[0, axis_end], row=row, col=col)
    fig.update_yaxes(autorange="reversed", row=row, col=col)


def _label_places(
    values: list[float], texts: list[str], ctx: ChartContext, inside_allowed: bool = True
) -> tuple[list[bool], float]:
    """Whether each bar's label fits inside it, and where the axis ends so the others fit beyond
    theirs, on the narrowest plot the chart is drawn for (a phone's, or a slide's)."""
    plot_px = ctx.title_chars * ctx.font_size * 1.25  # the title's wrap width is the plot's
    widths = [text_width(text) * ctx.font_size + LABEL_PAD_PX for text in texts]
    axis_end = (max(values) or 1) * 1.2
    for _ in values:  # a longer axis shortens every bar: settle which labels still fit inside
        inside = [inside_allowed and value / axis_end * plot_px >= width for value, width in zip(values, widths)]
        needed = max(
            [axis_end]
            + [
                value * plot_px / (plot_px - width)
                for value, width, fits in zip(values, widths, inside)
                if not fits and plot_px > width
            ]
        )
        if needed == axis_end:
            break
        axis_end = needed
    inside = [inside_allowed and value / axis_end * plot_px >= width for value, width in zip(values, widths)]
    return inside, axis_end


def _pattern(figure: pd.Series) -> str:
    """Dots on this year's bar when the article gives its level approximately."""
    return APPROXIMATE_PATTERN if figure["value_qualifier"] else ""


def _single_level_panel(fig: go.Figure, figure: pd.Series, ctx: ChartContext, row: int | None) -> None:
    """One level on its own, its label beyond the bar with room left for it."""
    words, col = ctx.words, 1 if row else None
    text = words.level(figure)
    _, axis_end = _label_places([figure["value"] or 0], [text], ctx, inside_allowed=False)
    fig.add_bar(
        x=[figure["value"]],
        y=[words.t("chart.levels.year", year=figure["year"])],
        orientation="h",
        width=0.7,
        marker=dict(
            color=theme.OUTCOME_COLOURS[GOOD],
            pattern=dict(shape=[_pattern(figure)], fgcolor=theme.BACKGROUND, solidity=0.25),
        ),
        text=[plain(text)],
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}: %{text}<extra></extra>",
        row=row,
        col=col,
    )
    fig.update_xaxes(range=[0, axis_end], row=row, col=col)


def levels_title(wholes: pd.DataFrame, words: Wording) -> tuple[str, str]:
    """(title, subtitle): the levels' message, and what the bars set beside this year's, as drawn."""
    derived = wholes["earlier_derived"].astype(bool)
    reported = wholes["earlier_value"].notna() & ~derived
    if derived.any() and reported.any():
        subtitle = words.t("chart.levels.subtitle_mixed")
    elif derived.any():
        subtitle = words.t("chart.levels.subtitle_derived")
    elif reported.any():
        subtitle = words.t("chart.levels.subtitle_reported")
    else:
        subtitle = words.t("chart.levels.subtitle_levels", year=wholes["year"].iloc[0])
    if len(wholes) == 1:
        whole = wholes.iloc[0]
        context = words.context(whole)
        return words.headline(whole), (f"{context} · {subtitle}" if context else subtitle)
    parts = [words.t("phrase.label_level", label=words.label(row), level=words.level(row)) for row in rows_of(wholes)]
    return words.t("phrase.list_separator").join(parts), subtitle


def levels_headline(rows: pd.DataFrame, words: Wording) -> str:
    """The levels chart's title: each standing level with its value, or the one level's headline."""
    return levels_title(headline_figures(rows), words)[0]
