"""The chart kinds that data/charts.toml can name, and the charts a review shows with their rows.

Adding a kind is one entry here plus its module; which metrics a chart draws is data, never code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd
import plotly.graph_objects as go

from components.charts.base import ChartContext
from components.charts.changes import build_changes_chart, changes_title
from components.charts.index import build_index_chart, index_title
from components.charts.levels import build_levels_chart, levels_headline
from components.charts.share import build_share_chart, share_headline
from components.data.loader import ChartDeclaration
from components.model.figures import with_change, with_metrics
from components.text.wording import Wording


@dataclass(frozen=True)
class ChartKind:
    """How one kind of chart is drawn from its rows, and the message it states. ``filters_on_click``:
    each mark's customdata ends with its figure's domain, and a click filters the page to it."""

    build: Callable[[pd.DataFrame, ChartContext], go.Figure]
    headline: Callable[[pd.DataFrame, Wording], str]
    filters_on_click: bool = False


KINDS: dict[str, ChartKind] = {
    "changes": ChartKind(build_changes_chart, changes_title, filters_on_click=True),
    "share": ChartKind(build_share_chart, share_headline),
    "levels": ChartKind(build_levels_chart, levels_headline),
    "index": ChartKind(build_index_chart, index_title, filters_on_click=True),
}


def chart_rows(chart: ChartDeclaration, figures: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``figures`` that ``chart`` draws, in the order its declaration names them."""
    return with_change(figures) if chart.metrics is None else with_metrics(figures, chart.metrics)


def charts_with_rows(charts: tuple[ChartDeclaration, ...], figures: pd.DataFrame,
                     review: str) -> tuple[tuple[ChartDeclaration, pd.DataFrame], ...]:
    """(chart, the figures it draws) for each figure chart of ``review``, in page order, leaving out
    charts with nothing to draw."""
    picked = ((chart, chart_rows(chart, figures)) for chart in charts if chart.kind in KINDS and chart.shown_for(review))
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
