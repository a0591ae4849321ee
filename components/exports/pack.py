"""The meeting pack's content: exactly the view on screen (filters, language, chosen place), shared
by the PowerPoint deck, the HTML report, the workbook and the CSV. Never imports streamlit."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go

from components.charts.base import ChartContext
from components.charts.compare import build_compare_chart
from components.charts.practice_map import build_view_map
from components.charts.registry import build_chart, charts_with_rows
from components.charts.summary import summary_line
from components.data.records import ChartDeclaration, Dataset, Source
from components.html.narrative import chart_passages
from components.html.practice_list import practice_groups
from components.model.compare import compare_rows
from components.model.figures import View, review_domains, review_figures, select
from components.model.practices import PracticeView, practices_shown, split_citywide
from components.text.wording import Wording


def chart_context(source: Source, words: Wording, presenting: bool) -> ChartContext:
    """Chart type and the short source line of ``source``, in page or projector size."""
    return ChartContext.sized(words, words.source_line(source, short=True), presenting)


@dataclass(frozen=True)
class PackChart:
    """One chart of the view: its spec, the figures it draws and the passages beside it."""

    spec: ChartDeclaration
    rows: pd.DataFrame
    passages: pd.DataFrame


@dataclass(frozen=True)
class Pack:
    """Everything a meeting-pack file shows, for one view."""

    data: Dataset
    practice_view: PracticeView
    place: str
    words: Wording
    source: Source
    shown: pd.DataFrame
    charts: tuple[PackChart, ...]
    practices: pd.DataFrame
    city_practices: pd.DataFrame
    comparison: pd.DataFrame  # compare years: empty without another review of the place

    @property
    def view(self) -> View:
        return self.practice_view.view

    @property
    def source_figures(self) -> pd.DataFrame:
        """Every figure of the article (for highlighting them in its passages)."""
        return review_figures(self.data.figures, self.source.id)

    def chart(self, chart: PackChart, presenting: bool) -> go.Figure:
        return build_chart(chart.spec, chart.rows, chart_context(self.source, self.words, presenting))

    @cached_property
    def page_figures(self) -> tuple[go.Figure, ...]:
        """The view's charts in page type, built once per pack and shared read-only (the long image's
        size is worked out from them when the menu opens, and it is drawn from them when clicked)."""
        return tuple(self.chart(chart, presenting=False) for chart in self.charts)

    def practice_map(self, presenting: bool) -> go.Figure:
        ctx = chart_context(self.source, self.words, presenting)
        return build_view_map(self.data, self.practice_view, self.place or None, ctx)

    def compare_chart(self, presenting: bool) -> go.Figure:
        return build_compare_chart(self.comparison, self.data, chart_context(self.source, self.words, presenting))

    def practice_groups(self) -> list[tuple[str, pd.DataFrame]]:
        """(heading, practices): the chosen place's (or every place's), then the city-wide ones."""
        groups = [
            group for group in practice_groups(self.data, self.practices, self.place, self.words) if not group[1].empty
        ]
        if not self.city_practices.empty:
            groups.append((self.words.t("practices.citywide_heading"), self.city_practices))
        return groups

    def title(self) -> str:
        return self.words.review_title(self.source)

    def summary(self) -> str:
        return summary_line(self.shown, self.words)

    def view_line(self) -> str:
        """'领域:全部' or the domains chosen, and the place and section when one is chosen."""
        words, data = self.words, self.data
        if set(self.view.domains) >= set(review_domains(data.domains, data.figures, data.practices, self.view.review)):
            parts = [words.t("pack.all_domains")]
        else:
            names = words.t("practices.domain_separator").join(words.domain(data.domains, d) for d in self.view.domains)
            parts = [words.t("pack.domains", domains=names)]
        if self.practice_view.section:
            section = data.sections[
                (data.sections["source_id"] == self.source.id) & (data.sections["id"] == self.practice_view.section)
            ].iloc[0]
            parts.append(words.t("pack.section", section=words.label(section)))
        if self.place:
            place = data.places[data.places["id"] == self.place].iloc[0]
            parts.append(words.t("pack.place", place=words.name(place)))
        return words.t("phrase.list_separator").join(parts)


def build_pack(data: Dataset, practice_view: PracticeView, place: str, words: Wording) -> Pack | None:
    """The pack for a view, or None when the view shows nothing (there is nothing to export)."""
    view = practice_view.view
    shown = select(data.figures, view)
    if shown.empty:
        return None
    charts = tuple(
        PackChart(spec, rows, chart_passages(spec, rows, data.passages))
        for spec, rows in charts_with_rows(data.charts, shown, view.review)
    )
    _, practices = practices_shown(data, practice_view)
    local, city = split_citywide(data.places, practices)
    return Pack(
        data,
        practice_view,
        place,
        words,
        data.source(view.review),
        shown,
        charts,
        local,
        city,
        compare_rows(data, view),
    )
