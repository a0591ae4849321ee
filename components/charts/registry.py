"""How each chart kind that data/charts.toml can name is drawn, and the charts a review shows with their rows.

The kinds' names are the data contract's (``components.data.schema.FIGURE_KINDS``: the data layer
imports nothing of the app); this registry draws exactly those, or the app does not start. Adding a
kind is its name there, one entry here and its module; which metrics a chart draws is data, never code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from components.charts.base import ChartContext
from components.charts.changes import build_changes_chart, changes_title
from components.charts.index import build_index_chart, index_title
from components.charts.levels import build_levels_chart, levels_headline
from components.charts.share import build_share_chart, share_headline
from components.data.records import ChartDeclaration
from components.data.schema import FIGURE_KINDS
from components.model.figures import with_change, with_metrics
from components.text.wording import Wording


@dataclass(frozen=True)
class ChartKind:
    """How one kind of chart is drawn from its rows, and the message it states. ``draws`` keeps the
    rows it can honestly draw (a chart declared for every review draws only those of the review
    shown). ``filters_on_click``: each mark's customdata ends with its figure's domain, and a click
    filters the page to it."""

    build: Callable[[pd.DataFrame, ChartContext], go.Figure]
    headline: Callable[[pd.DataFrame, Wording], str]
    draws: Callable[[pd.DataFrame], pd.Series]
    filters_on_click: bool = False


KINDS: dict[str, ChartKind] = {
    # changes in percent only: points and counts are other measures, never set on one axis with them
    "changes": ChartKind(
        build_changes_chart, changes_title, lambda rows: rows["yoy_pct"].notna(), filters_on_click=True
    ),
    "share": ChartKind(
        build_share_chart, share_headline, lambda rows: rows["value"].notna() & rows["unit"].isin(("%", ""))
    ),
    "levels": ChartKind(build_levels_chart, levels_headline, lambda rows: rows["value"].notna()),
    # exact changes in percent only: "降幅超过30%" is no point on an index
    "index": ChartKind(build_index_chart, index_title, lambda rows: rows["index_value"].notna(), filters_on_click=True),
}
if tuple(KINDS) != FIGURE_KINDS:
    raise RuntimeError(f"the chart registry draws {tuple(KINDS)}; the data contract names {FIGURE_KINDS}")


def chart_rows(chart: ChartDeclaration, figures: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``figures`` that ``chart`` draws, in the order its declaration names them."""
    rows = with_change(figures) if chart.metrics is None else with_metrics(figures, chart.metrics)
    return rows[KINDS[chart.kind].draws(rows)] if chart.kind in KINDS else rows


def charts_with_rows(
    charts: tuple[ChartDeclaration, ...], figures: pd.DataFrame, review: str
) -> tuple[tuple[ChartDeclaration, pd.DataFrame], ...]:
    """(chart, the figures it draws) for each figure chart of ``review``, in page order, leaving out
    charts with nothing to draw."""
    picked = (
        (chart, chart_rows(chart, figures)) for chart in charts if chart.kind in KINDS and chart.shown_for(review)
    )
    return tuple((chart, rows) for chart, rows in picked if not rows.empty)


def build_chart(chart: ChartDeclaration, rows: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    """The Plotly figure of ``chart`` for ``rows``."""
    return KINDS[chart.kind].build(rows, ctx)


def chart_headline(chart: ChartDeclaration, rows: pd.DataFrame, words: Wording) -> str:
    """The message ``chart`` states for ``rows`` (its title, and its line on the summary slide)."""
    return KINDS[chart.kind].headline(rows, words)


def shows_practices(charts: tuple[ChartDeclaration, ...], review: str) -> bool:
    """Whether ``review`` declares the practices map."""
    return any(chart.kind == "practices_map" and chart.shown_for(review) for chart in charts)
