"""The practices tile map: one square per county-level division, shaded by how many practices the
article names there. Pure: tiles + wording -> go.Figure (no map tiles, no geodata, Plotly only)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components import theme
from components.charts.base import ChartContext, add_to_layout, finish_figure, new_figure, plain
from components.data.records import Dataset, rows_of
from components.model.practices import ZONE, PracticeView, map_tiles, practices_shown, split_citywide

HALF = 0.46  # half a tile's side, in grid cells: the rest of the cell is the gap
CELL_ROWS = 2.6  # a tile's side, in bar rows (so a slide's map fits 720 px like its bar charts)
ZONE_BOX = (-0.42, 0.42, -0.42, -0.14)  # the zone's inset inside its county's tile (x0, x1, y0, y1)


def tile_fill(count: int) -> str:
    """Neutral grey for no practice, then the blues for 1, 2, and 3 or more."""
    if count <= 0:
        return theme.NO_PRACTICE_COLOUR
    return theme.PRACTICE_COLOURS[min(count, len(theme.PRACTICE_COLOURS)) - 1]


def tile_text_colour(count: int) -> str:
    """White on the darkest blue, dark text everywhere else (both pass WCAG AA)."""
    return theme.BACKGROUND if count >= len(theme.PRACTICE_COLOURS) else theme.TEXT_COLOUR


def status_text(tile: pd.Series, ctx: ChartContext) -> str:
    """What a tile says under its name: '2项', '未提及' or '筛选后无'."""
    if tile["count"]:
        return ctx.words.t("practices.tile_count", count=int(tile["count"]))
    return ctx.words.t("practices.not_named" if not tile["mentioned"] else "practices.filtered_out")


def build_practice_map(
    tiles: pd.DataFrame, shown: pd.DataFrame, city_count: int, selected: str | None, ctx: ChartContext
) -> go.Figure:
    """Tiles placed by the grid cells in ``tiles``; ``shown`` are the practices counted, ``selected`` is outlined.

    Each tile carries an invisible square marker whose customdata is the place id, so a click
    (or tap) selects the place through Streamlit's point selection.
    """
    words = ctx.words
    side = int(max(tiles["col"].max(), tiles["row"].max())) + 1
    fig = new_figure(ctx)
    small = max(round(ctx.font_size * 0.8), ctx.min_text)
    targets, shapes, labels = [], [], []
    for tile in rows_of(tiles):
        zone = tile["kind"] == ZONE
        x0, x1, y0, y1 = _box(tile, zone)
        shapes.append(
            dict(
                type="rect",
                x0=x0,
                x1=x1,
                y0=y0,
                y1=y1,
                layer="below",
                fillcolor=tile_fill(tile["count"]),
                line=_outline(tile, selected, zone),
            )
        )
        label_y = _label_y(tile, tiles, zone)
        labels.append(
            dict(
                x=tile["col"],
                y=label_y,
                text=_tile_label(tile, zone, small, ctx),
                showarrow=False,
                font=dict(size=small if zone else ctx.font_size, color=tile_text_colour(tile["count"])),
            )
        )
        targets.append((tile, label_y))
    labels.append(
        dict(
            x=-0.5,
            y=side - 0.5,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            text=plain(words.t("practices.north")),
            font=dict(size=small, color=theme.MUTED_TEXT_COLOUR),
        )
    )
    add_to_layout(fig, "shapes", shapes)
    add_to_layout(fig, "annotations", labels)
    _click_targets(fig, targets, shown, ctx)
    fig.update_xaxes(range=[-0.5, side - 0.5], visible=False, fixedrange=True)
    fig.update_yaxes(range=[-0.5, side - 0.5], visible=False, fixedrange=True, scaleanchor="x", scaleratio=1)
    fig.update_layout(clickmode="event+select", dragmode=False, hovermode="closest")
    alt_items = [(words.name(tile), status_text(tile, ctx)) for tile in rows_of(tiles)]
    alt_items.append((words.t("practices.citywide"), words.t("practices.tile_count", count=city_count)))
    return finish_figure(
        fig,
        ctx,
        practices_title(tiles, city_count, ctx),
        words.t("practices.map_subtitle"),
        [],
        plot_height=round(side * ctx.font_size * ctx.row_scale * CELL_ROWS),
        alt_items=alt_items,
        gutter_labels=[],
        axis_labels=False,
    )


def _tile_label(tile: pd.Series, zone: bool, small: int, ctx: ChartContext) -> str:
    """A county: its short name over its status. A zone (a small inset): name and count on one line."""
    name = ctx.words.name(tile, "short")
    if zone:
        return f"<b>{plain(ctx.words.t('practices.zone_label', name=name, count=int(tile['count'])))}</b>"
    return f'<b>{plain(name)}</b><br><span style="font-size:{small}px">{plain(status_text(tile, ctx))}</span>'


def _label_y(tile: pd.Series, tiles: pd.DataFrame, zone: bool) -> float:
    """Labels sit mid-tile; a county holding a zone's inset has its label in its upper part."""
    if zone:
        return tile["row"] + (ZONE_BOX[2] + ZONE_BOX[3]) / 2
    holds_zone = (tiles["within"] == tile["id"]).any()
    return tile["row"] + (0.2 if holds_zone else 0)


def practices_title(tiles: pd.DataFrame, city_count: int, ctx: ChartContext) -> str:
    """'原文点名6地的9项做法,另有9项在全市推行'."""
    named = tiles[tiles["count"] > 0]
    return ctx.words.t("practices.map_title", places=len(named), n=int(named["count"].sum()), city=city_count)


def _box(tile: pd.Series, zone: bool) -> tuple[float, float, float, float]:
    col, row = tile["col"], tile["row"]
    if zone:
        x0, x1, y0, y1 = ZONE_BOX
        return col + x0, col + x1, row + y0, row + y1
    return col - HALF, col + HALF, row - HALF, row + HALF


def _outline(tile: pd.Series, selected: str | None, zone: bool) -> dict:
    if tile["id"] == selected:
        return dict(color=theme.SELECTED_BORDER, width=4)
    if zone:
        return dict(color=theme.NO_PRACTICE_BORDER, width=1.5, dash="dot")
    return dict(color=theme.NO_PRACTICE_BORDER if not tile["count"] else theme.BACKGROUND, width=1.5)


def _click_targets(
    fig: go.Figure, targets: list[tuple[pd.Series, float]], shown: pd.DataFrame, ctx: ChartContext
) -> None:
    """Transparent squares over each tile's label: hovering lists its practices, clicking selects it."""
    words = ctx.words
    hover = []
    for tile, _ in targets:
        names = [plain(words.name(row)) for row in rows_of(shown[shown["place"] == tile["id"]])]
        hover.append("<br>".join([f"<b>{plain(words.name(tile))}</b>", *names]))
    fig.add_scatter(
        x=[tile["col"] for tile, _ in targets],
        y=[y for _, y in targets],
        mode="markers",
        customdata=[tile["id"] for tile, _ in targets],
        text=hover,
        hovertemplate="%{text}<extra></extra>",
        marker=dict(symbol="square", size=round(ctx.font_size * 3.2), color="rgba(0,0,0,0)"),
        selected=dict(marker=dict(opacity=1)),
        unselected=dict(marker=dict(opacity=1)),
        showlegend=False,
    )


def build_view_map(data: Dataset, practice_view: PracticeView, selected: str | None, ctx: ChartContext) -> go.Figure:
    """The map for one view of the data: tiles counted from the practices it selects."""
    in_article, shown = practices_shown(data, practice_view)
    local, city = split_citywide(data.places, shown)
    return build_practice_map(map_tiles(data.places, in_article, local), shown, len(city), selected, ctx)
