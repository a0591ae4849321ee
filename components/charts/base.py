"""Pure chart builders: figure rows + wording -> go.Figure. Never imports streamlit.

Every figure carries a headline title that states the message, a subtitle saying what is
measured, value labels on the marks, footnotes for anything derived or cut, and the source
line inside the figure, so a screenshot of any chart still says where its numbers came from.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, replace
from typing import Callable, Literal

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components import theme
from components.model.figures import GOOD, NEUTRAL, headline_figures, with_change, with_metrics
from components.text.wording import Wording

OUTLIER_RATIO = 4  # a bar more than 4x the next longest gets a cut axis
INSIDE_LABEL_SHARE = 0.5  # a bar at least half as long as the longest carries its label inside
LINE_HEIGHT = 1.4
FOOTER = "footer"  # the name of the annotation holding the footnotes and the source line
BREAK_AFTER = ",，、;；:：·。)）"


@dataclass(frozen=True)
class ChartContext:
    """What a builder needs besides the rows: words, the source line and the text size."""

    words: Wording
    source_line: str
    font_family: str = theme.FONT_FAMILY
    font_size: int = 16
    min_text: int = 12  # no text in the figure is smaller than this (px)
    title_chars: int = 17  # wrap budget in CJK characters, so titles fit a 390 px phone
    note_chars: int = 27
    label_chars: int = 8  # category labels: "扫黑除恶破获案件", "Road traffic<br>accidents"
    row_scale: float = 2.6  # height of one bar row, in font sizes

    @classmethod
    def sized(cls, words: Wording, source_line: str, presenting: bool) -> "ChartContext":
        """Page type (fits a 390 px phone), or projector type for a slide at 1280x720."""
        return cls(words, source_line, theme.font_family(words.catalog.language),
                   **(PRESENTER_TEXT if presenting else {}))


# Projector type: 20 px text, never below 18 px, wrapped for a 1280 px wide slide.
PRESENTER_TEXT = dict(font_size=20, min_text=18, title_chars=26, note_chars=35, label_chars=13, row_scale=2.1)


_TEMPLATE = go.layout.Template(
    layout=dict(
        font=dict(family=theme.FONT_FAMILY, color=theme.TEXT_COLOUR),
        paper_bgcolor=theme.BACKGROUND,
        plot_bgcolor=theme.BACKGROUND,
        xaxis=dict(gridcolor=theme.GRID_COLOUR, zeroline=False, automargin=True, fixedrange=True, tickangle=0),
        yaxis=dict(gridcolor=theme.GRID_COLOUR, zeroline=False, automargin=True, fixedrange=True),
        hoverlabel=dict(font=dict(family=theme.FONT_FAMILY)),
        showlegend=False,
        separators=".,",
    )
)


# --- shared pieces -----------------------------------------------------------------------------


def axis_cut(changes: pd.Series) -> float | None:
    """Where to cut the value axis so one large rise does not flatten the rest, or None.

    Only rises are cut: a fall can never pass -100%, but a rise is unbounded (+451%). The cut
    lands on a round number 1.5x beyond the second-longest bar; the outlier's bar is drawn to
    the cut with a break mark, and its label always shows the true value.
    """
    ordered = [change for change in sorted(changes, key=abs, reverse=True) if change != 0]
    if len(ordered) < 2 or ordered[0] <= 0 or ordered[0] <= OUTLIER_RATIO * abs(ordered[1]):
        return None
    second = abs(ordered[1])
    step = 10 if second >= 10 else 1
    return math.ceil(second * 1.5 / step) * step


def new_figure(ctx: ChartContext, panel_titles: list[str] | None = None) -> go.Figure:
    """An empty figure in the light template; with ``panel_titles`` (wrapped), one stacked panel per title."""
    if panel_titles:
        lines, rows = max(title.count("<br>") + 1 for title in panel_titles), len(panel_titles)
        spacing = 0.28 * lines / rows  # room for each panel's title, however many lines it wraps to,
        if rows > 1:  # up to what Plotly allows (a long label in hand-edited data must not break the chart)
            spacing = min(spacing, 0.9 / (rows - 1))
        fig = make_subplots(rows=rows, cols=1, subplot_titles=panel_titles, vertical_spacing=spacing)
        fig.update_annotations(font=dict(size=ctx.font_size, color=theme.TEXT_COLOUR), x=0, xanchor="left")
    else:
        fig = go.Figure()
    fig.update_layout(template=_TEMPLATE, font=dict(size=ctx.font_size, family=ctx.font_family),
                      hoverlabel=dict(font=dict(family=ctx.font_family)))
    return fig


def plain(text: str) -> str:
    """Data text made safe for Plotly, which reads <b>, <a href> and the like as markup."""
    return html.escape(text, quote=False)


def text_width(text: str) -> float:
    """Rendered width in ems: CJK characters are one em, Latin letters and digits about half."""
    return sum(1 if ord(char) > 0x2E7F else 0.55 for char in text)


def wrap(text: str, width: float) -> str:
    """Break ``text`` into lines of at most ``width`` CJK characters (Latin counts as half),
    breaking after punctuation or at a space (never just before a '·'); joined with <br>."""
    lines, line, last_break = [], "", 0
    for position, char in enumerate(text):
        if not line and char == " ":
            continue
        if line and char != " " and text_width(line + char) > width:
            cut = last_break or len(line)
            lines.append(line[:cut].rstrip())
            line, last_break = line[cut:].lstrip(), 0
        line += char
        if char in BREAK_AFTER or (char == " " and text[position + 1:position + 2] != "·"):
            last_break = len(line)
    lines.append(line.rstrip())
    return "<br>".join(part for part in lines if part)


def finish_figure(fig: go.Figure, ctx: ChartContext, title: str, subtitle: str, notes: list[str], plot_height: int,
            alt_items: list[tuple[str, str]], gutter_labels: list[str], axis_labels: bool = True,
            panel_title_lines: int = 0) -> go.Figure:
    """Add the title, subtitle, footnotes, source line and alt text, and size the figure to fit.

    The category labels get a left gutter of known width, so the footnotes can start at the
    figure's left edge like the title (annotations can only be placed relative to the plot area).
    """
    words, size = ctx.words, ctx.font_size
    title_html = wrap(plain(title), ctx.title_chars)
    small = max(round(size * 0.8), ctx.min_text)  # footnotes and the source line
    subtitle_size = max(round(size * 0.85), ctx.min_text)
    subtitle_html = wrap(plain(subtitle), ctx.note_chars * small / subtitle_size)  # note_chars is at footnote size
    footer_html = "<br>".join(wrap(plain(note), ctx.note_chars) for note in notes + [ctx.source_line])
    line = size * LINE_HEIGHT
    title_lines, subtitle_lines = title_html.count("<br>") + 1, subtitle_html.count("<br>") + 1
    footer_lines = footer_html.count("<br>") + 1
    axis_space = round(size * 2.2) if axis_labels else round(size * 0.6)
    heading = round(title_lines * 1.25 * line + subtitle_lines * small * LINE_HEIGHT + size)
    footer = round(footer_lines * small * 1.5)
    top = heading + round(size * (1 + 1.5 * panel_title_lines))
    bottom = axis_space + footer + 14
    height = top + plot_height + bottom
    lines = [line for label in gutter_labels for line in label.split("<br>")]
    gutter = round(max(map(text_width, lines), default=0) * size) + 14
    title_size = round(size * 1.25)
    fig.update_layout(
        title=dict(text=f"{title_html}<br><span style=\"font-size:{subtitle_size}px;color:{theme.MUTED_TEXT_COLOUR}\">"
                        f"{subtitle_html}</span>",
                   x=0, xanchor="left", xref="container", y=1 - (title_size + 8) / height, yanchor="top",
                   yref="container", pad=dict(l=6), font=dict(size=title_size, color=theme.TEXT_COLOUR)),
        margin=dict(t=top, b=bottom, l=gutter, r=16),
        height=height,
        meta=dict(alt=words.t("chart.alt", title=title, source=ctx.source_line, items=words.t(
            "chart.alt_separator").join(words.t("chart.alt_item", label=label, value=value)
                                        for label, value in alt_items)),
                  title=title, subtitle=subtitle, notes=notes, heading_px=heading, footer_px=footer),
    )
    fig.add_annotation(
        name=FOOTER, text=footer_html, xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top",
        xshift=-gutter + 6, yshift=-axis_space, align="left", showarrow=False,
        font=dict(size=max(round(size * 0.8), ctx.min_text), color=theme.MUTED_TEXT_COLOUR),
    )
    return fig


def plotly_config(file_name: str) -> dict:
    """Plotly's toolbar: no logo, no zoom or selection tools, and a camera button that saves a 2x PNG
    named ``file_name``."""
    return {"displaylogo": False, "responsive": True,
            "modeBarButtonsToRemove": ["select2d", "lasso2d", "zoom2d", "pan2d", "autoScale2d", "resetScale2d"],
            "toImageButtonOptions": {"format": "png", "scale": 2, "filename": file_name}}


def unframed(fig: go.Figure) -> go.Figure:
    """A copy without the title block and the footer, for a slide that sets them as its own text.

    ``fig.layout.meta`` keeps the title, subtitle and notes for that text.
    """
    bare = go.Figure(fig)
    meta = fig.layout.meta
    bare.layout.title = None
    bare.layout.annotations = [note for note in fig.layout.annotations if note.name != FOOTER]
    bare.update_layout(margin=dict(t=fig.layout.margin.t - meta["heading_px"], b=fig.layout.margin.b - meta["footer_px"]),
                       height=fig.layout.height - meta["heading_px"] - meta["footer_px"])
    return bare


def _break_marks(fig: go.Figure, cut: float, position: int, row: int | None = None) -> None:
    """Two white slashes across a bar drawn to the axis cut: the bar continues beyond the axis."""
    for offset in (0.80, 0.86):
        fig.add_shape(type="line", x0=cut * offset, x1=cut * (offset + 0.03), y0=position - 0.32,
                      y1=position + 0.32, line=dict(color=theme.BACKGROUND, width=4),
                      row=row, col=1 if row else None)


def _ticks(low: float, high: float, origin: float = 0) -> list[float]:
    """Round tick positions between ``low`` and ``high`` only, so no tick sits beyond an axis cut."""
    span = high - low
    step = next(step for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000) if span / step <= 2.5)
    first = math.floor((low - origin) / step) * step + origin
    return [first + i * step for i in range(int((high - first) // step) + 1) if first + i * step >= low]


def _rows_height(labels: list[str], ctx: ChartContext) -> int:
    """Plot height for one bar row per label, taller where a label wraps onto two lines."""
    rows = [max(ctx.font_size * ctx.row_scale, (label.count("<br>") + 1) * ctx.font_size * 1.35 + 10)
            for label in labels]
    return round(max(sum(rows), 2 * ctx.font_size * ctx.row_scale))


def _category_labels(rows: pd.DataFrame, ctx: ChartContext) -> list[str]:
    """Each figure's name, wrapped to two short lines so the label gutter leaves room on a phone."""
    return [wrap(plain(ctx.words.label(row)), ctx.label_chars) for _, row in rows.iterrows()]


def _value_labels(fig: go.Figure, ends: pd.Series, labels: list[str], texts: list[str], origin: float = 0) -> None:
    """Value labels just right of each bar end or of the origin, never over the category labels."""
    for end, label, text in zip(ends, labels, texts):
        fig.add_annotation(x=max(end, origin), y=label, text=plain(text), xanchor="left", xshift=8, showarrow=False,
                           font=dict(color=theme.TEXT_COLOUR))


def _meaning_text(words: Wording, row: pd.Series) -> str:
    return words.t(f"outcome.{row['outcome']}")


# --- 1. changes: every reported year-on-year change in one view ------------------------------


def build_changes_chart(rows: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    """Horizontal bars of each year-on-year change, coloured by whether it is good news."""
    words = ctx.words
    rows = rows.sort_values("yoy_pct", kind="stable")
    cut = axis_cut(rows["yoy_pct"])
    labels = _category_labels(rows, ctx)
    shown = rows["yoy_pct"].clip(upper=cut) if cut else rows["yoy_pct"]
    fig = new_figure(ctx)
    fig.add_bar(
        x=shown.tolist(), y=labels, orientation="h",
        marker=dict(color=[theme.OUTCOME_COLOURS[o] for o in rows["outcome"]]),
        customdata=[plain(words.change_phrase(row)) for _, row in rows.iterrows()],
        hovertemplate="%{y}: %{customdata}<extra></extra>",
    )
    _value_labels(fig, shown, labels, [f"{words.change(row)} {_meaning_text(words, row)}" for _, row in rows.iterrows()])
    notes = []
    if cut:
        for position, value in enumerate(rows["yoy_pct"]):
            if value > cut:
                _break_marks(fig, cut, position)
        notes.append(words.t("chart.note.cut"))
    low = min(rows["yoy_pct"].min(), 0)
    high = cut if cut else max(rows["yoy_pct"].max(), 0)
    span = (high - low) or 1
    ticks = _ticks(low, high)
    fig.update_xaxes(range=[low - span * 0.04, high + span * 0.75], zeroline=True, zerolinecolor=theme.ZERO_LINE_COLOUR,
                     zerolinewidth=2, tickvals=ticks, ticktext=[words.numbers.change(t, 0).lstrip("+") for t in ticks])
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=labels)
    alt_items = [(words.label(row), words.change_phrase(row)) for _, row in rows.iterrows()]
    return finish_figure(fig, ctx, _changes_title(rows, words), words.t("chart.changes.subtitle"), notes,
                   plot_height=_rows_height(labels, ctx), alt_items=alt_items, gutter_labels=labels)


def _changes_title(rows: pd.DataFrame, words: Wording) -> str:
    if len(rows) == 1:
        return words.headline(rows.iloc[0])
    good = int((rows["outcome"] == GOOD).sum())
    if good == len(rows):
        return words.t("chart.changes.title_all_good", n=len(rows))
    return words.t("chart.changes.title_mixed", good=good, other=len(rows) - good)


# --- 2. share: a percentage level against 100% ------------------------------------------------


def build_share_chart(rows: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    """A bullet bar for each percentage level, drawn on a full 0-100% track."""
    words = ctx.words
    labels = _category_labels(rows, ctx)
    fig = new_figure(ctx)
    fig.add_bar(x=[100] * len(rows), y=labels, orientation="h", marker_color=theme.TRACK_COLOUR,
                hoverinfo="skip", width=0.6)
    fig.add_bar(
        x=rows["value"].tolist(), y=labels, orientation="h", width=0.6,
        marker_color=[theme.OUTCOME_COLOURS[GOOD if b == "higher" else NEUTRAL] for b in rows["better"]],
        text=[plain(words.level(row)) for _, row in rows.iterrows()], textposition="inside", insidetextanchor="end",
        textfont=dict(color=theme.BACKGROUND, size=round(ctx.font_size * 1.15)),
        hovertemplate="%{y}: %{text}<extra></extra>",
    )
    fig.update_layout(barmode="overlay")
    ticks = [0, 25, 50, 75, 100]
    fig.update_xaxes(range=[0, 102], tickvals=ticks, ticktext=[f"{words.numbers.number(t)}%" for t in ticks])
    title = _share_title(rows.iloc[0], words)
    alt_items = [(words.label(row), words.level(row)) for _, row in rows.iterrows()]
    return finish_figure(fig, ctx, title, words.t("chart.share.subtitle"), [],
                   plot_height=max(len(rows), 1) * round(ctx.font_size * 4), alt_items=alt_items, gutter_labels=labels)


def _share_title(row: pd.Series, words: Wording) -> str:
    context = words.context(row)
    headline = words.headline(row)
    return words.t("phrase.with_context", headline=headline, context=context) if context else headline


def summary_line(rows: pd.DataFrame, words: Wording) -> str:
    """The page's one-line summary: how many changes are good news, and each share with its context."""
    parts = []
    changes = with_change(rows)
    if not changes.empty:
        parts.append(_changes_title(changes, words))
    shares = rows[rows["yoy_pct"].isna() & (rows["unit"] == "%")]
    parts += [_share_title(row, words) for _, row in shares.iterrows()]
    return words.t("app.summary_separator").join(parts)


# --- 3 and 4. levels: each reported level against its implied previous year ------------------


def build_levels_chart(rows: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    """One panel per reported level: parts inside their whole, or the level against the implied
    previous-year level (derived, hatched and labelled so)."""
    words = ctx.words
    wholes = headline_figures(rows)
    panel_chars = ctx.title_chars * 1.25  # panel titles are set at the base size, titles 1.25x larger
    titles = [wrap(plain(_panel_title(whole, rows[rows["parent"] == whole["id"]], words)), panel_chars)
              for _, whole in wholes.iterrows()] if len(wholes) > 1 else []
    fig = new_figure(ctx, panel_titles=titles)
    notes: list[str] = []
    for panel, (_, whole) in enumerate(wholes.iterrows(), start=1):
        row_ref = panel if len(wholes) > 1 else None
        parts = rows[rows["parent"] == whole["id"]]
        if not parts.empty:
            _part_of_whole_panel(fig, whole, parts, words, row_ref)
        elif not pd.isna(whole["implied_previous"]):
            _level_vs_previous_panel(fig, whole, words, row_ref)
            notes = [words.t("chart.note.derived")]
        else:
            _single_level_panel(fig, whole, words, row_ref)
        fig.update_xaxes(showticklabels=False, showgrid=False, rangemode="tozero", row=row_ref, col=1 if row_ref else None)
    fig.update_layout(barmode="overlay", bargap=0.3)
    fig.update_yaxes(type="category")  # "2018" and "2019" are labels, not numbers
    title, subtitle = _levels_title(wholes, words)
    years = [words.t("chart.levels.year", year=year) for year in (wholes["year"].iloc[0] - 1, wholes["year"].iloc[0])]
    return finish_figure(fig, ctx, title, subtitle, notes, axis_labels=False,
                   panel_title_lines=titles[0].count("<br>") + 1 if titles else 0,
                   plot_height=len(wholes) * round(ctx.font_size * ctx.row_scale * 2.5), alt_items=_levels_alt(rows, words),
                   gutter_labels=years)


def _levels_alt(rows: pd.DataFrame, words: Wording) -> list[tuple[str, str]]:
    items = []
    for _, row in rows.iterrows():
        text = words.level(row)
        if not pd.isna(row["implied_previous"]):
            text = words.t("chart.levels.alt_with_previous", level=text, change=words.change(row),
                           previous=words.implied_previous(row), year=row["previous_year"])
        items.append((words.label(row), text))
    return items


def _panel_title(whole: pd.Series, parts: pd.DataFrame, words: Wording) -> str:
    if parts.empty:
        return words.label(whole)
    return words.t("chart.levels.part_title", whole=words.label(whole),
                   parts=words.t("phrase.list_separator").join(words.label(part) for _, part in parts.iterrows()))


def _part_of_whole_panel(fig: go.Figure, whole: pd.Series, parts: pd.DataFrame, words: Wording, row: int | None) -> None:
    """The whole as a light bar with each part drawn darker inside it, both labelled with their level."""
    col = 1 if row else None
    label = words.t("chart.levels.year", year=whole["year"])
    fig.add_bar(x=[whole["value"]], y=[label], orientation="h", marker_color=theme.PART_COLOUR, width=0.7,
                text=[plain(words.t("chart.levels.whole", level=words.level(whole)))], textposition="outside",
                cliponaxis=False, hovertemplate="%{y}: %{text}<extra></extra>", row=row, col=col)
    for _, part in parts.iterrows():
        fig.add_bar(x=[part["value"]], y=[label], orientation="h", width=0.7,
                    marker_color=theme.OUTCOME_COLOURS[GOOD], text=[plain(words.level(part))], textposition="inside",
                    insidetextanchor="end", textfont=dict(color=theme.BACKGROUND),
                    customdata=[plain(words.label(part))], hovertemplate="%{customdata}: %{text}<extra></extra>",
                    row=row, col=col)
    fig.update_xaxes(range=[0, (whole["value"] or 1) * 1.35], row=row, col=col)


def _level_vs_previous_panel(fig: go.Figure, figure: pd.Series, words: Wording, row: int | None) -> None:
    col = 1 if row else None
    years = [words.t("chart.levels.year", year=figure["previous_year"]),
             words.t("chart.levels.year", year=figure["year"])]
    values = [figure["implied_previous"], figure["value"]]
    texts = [words.t("chart.levels.derived_label", value=words.implied_previous(figure)),
             words.t("chart.levels.level_with_change", level=words.level(figure), change=words.change(figure))]
    colours = [theme.DERIVED_COLOUR, theme.OUTCOME_COLOURS[figure["outcome"]]]
    longest = max(values) or 1  # a level of 0 still gets an axis
    inside = [value / longest >= INSIDE_LABEL_SHARE for value in values]  # the derived bar is light, the reported dark
    fig.add_bar(x=values, y=years, orientation="h", width=0.7, marker=dict(
                    color=colours, pattern=dict(shape=["/", ""], fgcolor=theme.BACKGROUND, solidity=0.25)),
                text=[plain(text) for text in texts], textposition=["inside" if fits else "outside" for fits in inside],
                insidetextanchor="end",
                constraintext="none",
                cliponaxis=False, textfont=dict(color=[theme.BACKGROUND if fits and on_dark else theme.TEXT_COLOUR
                                                       for fits, on_dark in zip(inside, (False, True))]),
                hovertemplate="%{y}: %{text}<extra></extra>", row=row, col=col)
    fig.update_xaxes(range=[0, longest * 1.2], row=row, col=col)
    fig.update_yaxes(autorange="reversed", row=row, col=col)


def _single_level_panel(fig: go.Figure, figure: pd.Series, words: Wording, row: int | None) -> None:
    col = 1 if row else None
    fig.add_bar(x=[figure["value"]], y=[words.t("chart.levels.year", year=figure["year"])], orientation="h",
                width=0.7, marker_color=theme.OUTCOME_COLOURS[GOOD], text=[plain(words.level(figure))],
                textposition="outside", cliponaxis=False, hovertemplate="%{y}: %{text}<extra></extra>",
                row=row, col=col)
    fig.update_xaxes(range=[0, (figure["value"] or 1) * 1.35], row=row, col=col)


def _levels_title(wholes: pd.DataFrame, words: Wording) -> tuple[str, str]:
    if len(wholes) == 1:
        whole = wholes.iloc[0]
        context = words.context(whole)
        subtitle = words.t("chart.levels.subtitle_single", year=whole["year"])
        return words.headline(whole), (f"{context} · {subtitle}" if context else subtitle)
    parts = [words.t("phrase.label_level", label=words.label(row), level=words.level(row)) for _, row in wholes.iterrows()]
    return words.t("phrase.list_separator").join(parts), words.t("chart.levels.subtitle_many")


# --- 5. index: previous year = 100 -------------------------------------------------------------


def build_index_chart(rows: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    """Dumbbells from 100 (previous year) to the current year's index, for every reported change."""
    words = ctx.words
    rows = rows.sort_values("index_value", kind="stable")
    labels = _category_labels(rows, ctx)
    cut = axis_cut(rows["yoy_pct"])
    shown = (100 + rows["yoy_pct"].clip(upper=cut)) if cut else rows["index_value"]
    fig = new_figure(ctx)
    line_x: list[float | None] = []
    line_y: list[str | None] = []
    for label, end in zip(labels, shown):
        line_x += [100, end, None]
        line_y += [label, label, None]
    fig.add_scatter(x=line_x, y=line_y, mode="lines", line=dict(color=theme.DERIVED_COLOUR, width=3), hoverinfo="skip")
    fig.add_scatter(x=[100] * len(rows), y=labels, mode="markers", hoverinfo="skip",
                    marker=dict(size=ctx.font_size * 0.8, color=theme.BACKGROUND,
                                line=dict(color=theme.MUTED_TEXT_COLOUR, width=2)))
    texts = [words.t("chart.cut_label", value=words.index(row)) if cut and row["yoy_pct"] > cut else words.index(row)
             for _, row in rows.iterrows()]
    fig.add_scatter(
        x=shown.tolist(), y=labels, mode="markers", cliponaxis=False,
        marker=dict(size=ctx.font_size * 0.9, color=[theme.OUTCOME_COLOURS[o] for o in rows["outcome"]],
                    symbol=["triangle-left" if v < 100 else "triangle-right" for v in rows["index_value"]]),
        text=[plain(text) for text in texts], customdata=[plain(words.change_phrase(row)) for _, row in rows.iterrows()],
        hovertemplate="%{y}: %{text}(%{customdata})<extra></extra>",
    )
    _value_labels(fig, shown, labels, texts, origin=100)
    notes = [words.t("chart.note.index")]
    if cut:
        notes.append(words.t("chart.note.cut_point"))
    low = min(shown.min(), 100)
    high = max(shown.max(), 100)
    span = high - low or 1
    fig.add_vline(x=100, line=dict(color=theme.ZERO_LINE_COLOUR, width=2))
    ticks = _ticks(low, high, origin=100)
    fig.update_xaxes(range=[low - span * 0.04, high + span * 0.75], tickvals=ticks,
                     ticktext=[words.numbers.number(t) for t in ticks])
    fig.update_yaxes(categoryorder="array", categoryarray=labels, autorange="reversed")
    year = int(rows["year"].iloc[0])
    title = _index_title(rows, words)
    alt_items = [(words.label(row), words.index(row)) for _, row in rows.iterrows()]
    return finish_figure(fig, ctx, title, words.t("chart.index.subtitle", previous=year - 1, year=year), notes,
                   plot_height=_rows_height(labels, ctx), alt_items=alt_items, gutter_labels=labels)


def _index_title(rows: pd.DataFrame, words: Wording) -> str:
    year = int(rows["year"].iloc[0])
    good = int((rows["outcome"] == GOOD).sum())
    return words.t("chart.index.title", year=year, previous=year - 1, good=good, n=len(rows))


# --- the dashboard's charts, in page order -------------------------------------------------------


@dataclass(frozen=True)
class ChartSpec:
    """One chart on the page: which figures it draws, how, and which passages sit beside it.

    ``narrative`` is "quotes" (only the passages that report its figures), "section" (every
    passage in the figures' sections that shares a domain with them) or "sentences" (only the
    quoted sentences themselves, for a slide).
    """

    id: str
    pick: Callable[[pd.DataFrame], pd.DataFrame]
    build: Callable[[pd.DataFrame, ChartContext], go.Figure]
    headline: Callable[[pd.DataFrame, Wording], str]
    narrative: Literal["quotes", "section", "sentences"]

    def for_slide(self) -> "ChartSpec":
        """The same chart with only the sentences that report its figures (a slide has less room)."""
        return replace(self, narrative="sentences")


def _levels_headline(rows: pd.DataFrame, words: Wording) -> str:
    return _levels_title(headline_figures(rows), words)[0]


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("changes", with_change, build_changes_chart, _changes_title, "quotes"),
    ChartSpec("security", lambda rows: with_metrics(rows, ["sense_of_security"]), build_share_chart,
              lambda rows, words: _share_title(rows.iloc[0], words), "section"),
    ChartSpec("crackdown", lambda rows: with_metrics(
        rows, ["gangs_broken_up", "syndicates_broken_up", "cases_solved", "assets_seized"]), build_levels_chart,
        _levels_headline, "section"),
    ChartSpec("courts", lambda rows: with_metrics(rows, ["court_cases"]), build_levels_chart, _levels_headline,
              "section"),
    ChartSpec("index", with_change, build_index_chart, _index_title, "quotes"),
)
CHART_BY_ID = {spec.id: spec for spec in CHARTS}


def charts_with_rows(figures: pd.DataFrame) -> tuple[tuple[ChartSpec, pd.DataFrame], ...]:
    """(spec, the figures it draws) for each chart, in page order, leaving out charts with nothing to draw."""
    picked = ((spec, spec.pick(figures)) for spec in CHARTS)
    return tuple((spec, rows) for spec, rows in picked if not rows.empty)
