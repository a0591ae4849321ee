"""What every chart shares: its context (words, source line, text size), the light template, and the
frame of title, subtitle, footnotes, source line and alt text drawn inside the figure.

Every figure carries a headline title that states the message, a subtitle saying what is
measured, value labels on the marks, footnotes for anything derived or cut, and the source
line inside the figure, so a screenshot of any chart still says where its numbers came from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components import theme
from components.data.records import rows_of
from components.text.layout import plain, text_width, wrap
from components.text.wording import Wording

OUTLIER_RATIO = 4  # a bar more than 4x the next longest gets a cut axis
LINE_HEIGHT = 1.4
FOOTER = "footer"  # the name of the annotation holding the footnotes and the source line


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
    def sized(cls, words: Wording, source_line: str, presenting: bool) -> ChartContext:
        """Page type (fits a 390 px phone), or projector type for a slide at 1280x720."""
        return cls(
            words, source_line, theme.font_family(words.catalog.language), **(PRESENTER_TEXT if presenting else {})
        )


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
    fig.update_layout(
        template=_TEMPLATE,
        font=dict(size=ctx.font_size, family=ctx.font_family),
        hoverlabel=dict(font=dict(family=ctx.font_family)),
    )
    return fig


def finish_figure(
    fig: go.Figure,
    ctx: ChartContext,
    title: str,
    subtitle: str,
    notes: list[str],
    plot_height: int,
    alt_items: list[tuple[str, str]],
    gutter_labels: list[str],
    axis_labels: bool = True,
    panel_title_lines: int = 0,
) -> go.Figure:
    """Add the title, subtitle, footnotes, source line and alt text, and size the figure to fit.

    The category labels get a left gutter of known width, so the footnotes can start at the
    figure's left edge like the title (annotations can only be placed relative to the plot area).
    """
    words, size = ctx.words, ctx.font_size
    title_html = wrap(plain(title), ctx.title_chars)
    small = max(round(size * 0.8), ctx.min_text)  # footnotes and the source line
    subtitle_size = max(round(size * 0.85), ctx.min_text)
    subtitle_html = wrap(plain(subtitle), ctx.note_chars * small / subtitle_size)  # note_chars is at footnote size
    footer_html = "<br>".join(wrap(plain(note), ctx.note_chars) for note in [*notes, ctx.source_line])
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
        title=dict(
            text=f'{title_html}<br><span style="font-size:{subtitle_size}px;color:{theme.MUTED_TEXT_COLOUR}">'
            f"{subtitle_html}</span>",
            x=0,
            xanchor="left",
            xref="container",
            y=1 - (title_size + 8) / height,
            yanchor="top",
            yref="container",
            pad=dict(l=6),
            font=dict(size=title_size, color=theme.TEXT_COLOUR),
        ),
        margin=dict(t=top, b=bottom, l=gutter, r=16),
        height=height,
        meta=dict(
            alt=words.t(
                "chart.alt",
                title=title,
                source=ctx.source_line,
                items=words.t("chart.alt_separator").join(
                    words.t("chart.alt_item", label=label, value=value) for label, value in alt_items
                ),
            ),
            title=title,
            subtitle=subtitle,
            notes=notes,
            heading_px=heading,
            footer_px=footer,
        ),
    )
    fig.add_annotation(
        name=FOOTER,
        text=footer_html,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        xshift=-gutter + 6,
        yshift=-axis_space,
        align="left",
        showarrow=False,
        font=dict(size=max(round(size * 0.8), ctx.min_text), color=theme.MUTED_TEXT_COLOUR),
    )
    return fig


def plotly_config(file_name: str) -> dict:
    """Plotly's toolbar: no logo, no zoom or selection tools, and a camera button that saves a 2x PNG
    named ``file_name``."""
    return {
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "zoom2d", "pan2d", "autoScale2d", "resetScale2d"],
        "toImageButtonOptions": {"format": "png", "scale": 2, "filename": file_name},
    }


def unframed(fig: go.Figure) -> go.Figure:
    """A copy without the title block and the footer, for a slide that sets them as its own text.

    ``fig.layout.meta`` keeps the title, subtitle and notes for that text.
    """
    bare = go.Figure(fig)
    meta = fig.layout.meta
    bare.layout.title = None
    bare.layout.annotations = [note for note in fig.layout.annotations if note.name != FOOTER]
    bare.update_layout(
        margin=dict(t=fig.layout.margin.t - meta["heading_px"], b=fig.layout.margin.b - meta["footer_px"]),
        height=fig.layout.height - meta["heading_px"] - meta["footer_px"],
    )
    return bare


def break_marks(fig: go.Figure, cut: float, position: int, row: int | None = None) -> None:
    """Two white slashes across a bar drawn to the axis cut: the bar continues beyond the axis."""
    for offset in (0.80, 0.86):
        fig.add_shape(
            type="line",
            x0=cut * offset,
            x1=cut * (offset + 0.03),
            y0=position - 0.32,
            y1=position + 0.32,
            line=dict(color=theme.BACKGROUND, width=4),
            row=row,
            col=1 if row else None,
        )


def tick_step(span: float) -> float:
    """The smallest round step (1, 2 or 5 x 10^k, at least 1) that fits ``span`` in at most 2.5 steps."""
    if not span > 0 or not math.isfinite(span):
        return 1
    power = 10 ** max(math.floor(math.log10(span / 2.5)), 0)
    return next(step for step in (power, 2 * power, 5 * power, 10 * power) if span / step <= 2.5)


def ticks(low: float, high: float, origin: float = 0) -> list[float]:
    """Round tick positions between ``low`` and ``high`` only, so no tick sits beyond an axis cut."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return []
    step = tick_step(high - low)
    first = math.floor((low - origin) / step) * step + origin
    return [first + i * step for i in range(int((high - first) // step) + 1) if first + i * step >= low]


def rows_height(labels: list[str], ctx: ChartContext, value_lines: int = 1) -> int:
    """Plot height for one bar row per label, taller where a label (or every value label, set in
    ``value_lines`` lines) wraps onto two lines."""
    rows = [
        max(ctx.font_size * ctx.row_scale, max(label.count("<br>") + 1, value_lines) * ctx.font_size * 1.35 + 10)
        for label in labels
    ]
    return round(max(sum(rows), 2 * ctx.font_size * ctx.row_scale))


def phrase_and_domain(rows: pd.DataFrame, words: Wording) -> list[list[str]]:
    """Each mark's customdata: the change in words (for the hover) and the figure's domain (for a
    click that filters the page to it)."""
    return [[plain(words.change_phrase(row)), row["domain"]] for row in rows_of(rows)]


def category_labels(rows: pd.DataFrame, ctx: ChartContext) -> list[str]:
    """Each figure's name, wrapped to two short lines so the label gutter leaves room on a phone."""
    return [wrap(plain(ctx.words.label(row)), ctx.label_chars) for row in rows_of(rows)]


def value_labels(
    fig: go.Figure, ends: pd.Series, labels: list[str], texts: list[str | tuple[str, ...]], origin: float = 0
) -> None:
    """Value labels just right of each bar end or of the origin, never over the category labels; a
    tuple is set as one line per item."""
    add_to_layout(
        fig,
        "annotations",
        [
            dict(
                x=max(end, origin),
                y=label,
                text="<br>".join(map(plain, text if isinstance(text, tuple) else (text,))),
                xanchor="left",
                xshift=8,
                showarrow=False,
                font=dict(color=theme.TEXT_COLOUR),
            )
            for end, label, text in zip(ends, labels, texts)
        ],
    )


def add_to_layout(fig: go.Figure, kind: str, items: list[dict]) -> None:
    """Add many annotations or shapes (``kind``) at once: ``fig.add_annotation`` checks every earlier
    one again on each call, which made a chart's labels cost more than its bars."""
    fig.update_layout({kind: [*fig.layout[kind], *items]})


APPROXIMATE_PATTERN = "."  # dots over a bar whose figure the article qualifies (超过, 约, 余 …)


def approximate_notes(qualifiers: pd.Series, words: Wording) -> list[str]:
    """A footnote when a bar stands for an approximate figure, dotted."""
    return [words.t("chart.note.approximate")] if (qualifiers != "").any() else []


def translation_notes(rows: pd.DataFrame, words: Wording) -> list[str]:
    """A footnote when a label is shown in Chinese because it is not yet translated."""
    column = f"label_{words.catalog.language}"
    untranslated = column != "label_zh" and (rows[column] == "").any()
    return [words.t("chart.note.untranslated")] if untranslated else []


def meaning_text(words: Wording, row: pd.Series) -> str:
    return words.t(f"outcome.{row['outcome']}")
