"""What a page shows, built once per input and shared read-only by every session.

Each builder is pure and memoised on its arguments (``components.memo``): a ``PageContext``, a
``Library``, or small values such as a chart id. Nothing here imports Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from components.charts.compare import build_compare_chart
from components.charts.practice_map import build_view_map
from components.charts.registry import build_chart, chart_headline, charts_with_rows, shows_practices
from components.charts.summary import summary_line
from components.context import Library, PageContext
from components.data.loader import load_dataset
from components.data.records import ChartDeclaration, rows_of
from components.data.signature import data_signature
from components.exports.pack import Pack, build_pack, chart_context
from components.exports.registry import EXPORTS
from components.html.kpis import KpiCard, kpi_cards, kpi_cards_html
from components.html.narrative import (
    NarrativeLabels,
    article_html,
    chart_passages,
    figure_terms,
    narrative_html,
    translated_article_html,
)
from components.html.practice_list import practice_groups, practice_groups_html, practices_note_html
from components.html.tables import compare_table_html, figures_table_html, folded_html, layout_note_html
from components.memo import memoised
from components.model.compare import compare_rows
from components.model.figures import View, review_figures
from components.model.figures import review_domains as domains_of_review
from components.model.practices import CITY, PracticeView, practices_shown, split_citywide
from components.text.wording import ARTICLE_LANGUAGE, Wording

# --- the library --------------------------------------------------------------------------------


def library(folder: Path) -> Library:
    """The validated library in ``folder`` at its current version (raises DataError, never cached).
    A link (deploy/update-data switches one) is followed once, so the version, the files read and
    the cache key all come from the same release even while the link changes."""
    release = Path(folder).resolve()
    return _library(str(release), data_signature(release))


@memoised
def _library(folder: str, signature: str) -> Library:
    return Library(load_dataset(folder), folder, signature)


@memoised
def link_names(lib: Library) -> dict[str, dict[str, str]]:
    """For each link parameter naming rows of a table: every name its box can offer, in both
    languages, to its id (domains, places on the map, sections that hold a practice)."""
    data = lib.data
    places = data.places[data.places["kind"] != CITY]
    sections = data.sections[data.sections["id"].isin(data.practices["section"])]
    return {
        "domain": _ids_by_label(data.domains),
        "county": _ids_by_label(places, "name"),
        "section": _ids_by_label(sections),
    }


def _ids_by_label(table: pd.DataFrame, stem: str = "label") -> dict[str, str]:
    return {label: row["id"] for row in rows_of(table) for label in (row[f"{stem}_zh"], row[f"{stem}_en"])}


@memoised
def domain_labels(lib: Library, words: Wording, review: str | None = None) -> dict[str, str]:
    """Each domain's name in the wording's language, by id, in filter order: of the library, or only
    those ``review`` speaks to."""
    labels = words.domain_labels(lib.data.domains)
    return labels if review is None else {domain: labels[domain] for domain in review_domains(lib, review)}


@memoised
def library_metrics(lib: Library) -> frozenset[str]:
    """Every metric id the library already holds (a new review's figure reusing one joins compare years)."""
    return frozenset(lib.data.figures["metric"])


@memoised
def review_domains(lib: Library, review: str) -> tuple[str, ...]:
    """The domains ``review`` speaks to, in filter order."""
    data = lib.data
    return domains_of_review(data.domains, data.figures, data.practices, review)


@memoised
def review_labels(lib: Library, words: Wording) -> dict[str, str]:
    """Each review's name for the picker, by source id, newest first."""
    return {review: words.review_name(lib.data.source(review)) for review in lib.data.reviews}


@memoised
def review_places(lib: Library, words: Wording) -> dict[str, str]:
    """Each place with a review, by its Chinese name, to its name in the user's language: the default
    review's place first, then the province, cities and counties, each by name."""
    data, levels = lib.data, {"province": 0, "city": 1, "county": 2}
    first = data.source(data.default_review).place
    sources = sorted(data.sources.values(), key=lambda s: (s.place != first, levels.get(s.level, 3), s.place))
    return {source.place: words.place_name(source) for source in sources}


@memoised
def reviews_by_place(lib: Library) -> dict[str, tuple[str, ...]]:
    """Each place's reviews (source ids), newest first."""
    by_place: dict[str, list[str]] = {}
    for review in lib.data.reviews:
        by_place.setdefault(lib.data.source(review).place, []).append(review)
    return {place: tuple(reviews) for place, reviews in by_place.items()}


@memoised
def review_years(lib: Library, words: Wording) -> dict[str, str]:
    """Each review's name in the box that follows the place box: its year and publisher."""
    return {
        review: words.t(
            "sidebar.review_of_place",
            year=lib.data.source(review).year,
            publisher=words.publisher(lib.data.source(review)),
        )
        for review in lib.data.reviews
    }


# --- the figures of one view ---------------------------------------------------------------------


@dataclass(frozen=True)
class ViewRows:
    """The view's figures, every figure of its review, and each chart with the figures it draws."""

    shown: pd.DataFrame
    review_figures: pd.DataFrame
    charts: tuple[tuple[ChartDeclaration, pd.DataFrame], ...]

    def chart(self, chart_id: str) -> tuple[ChartDeclaration, pd.DataFrame]:
        return next(chart for chart in self.charts if chart[0].id == chart_id)


@memoised
def view_rows(ctx: PageContext) -> ViewRows:
    """The rows every part of the page reads."""
    shown = ctx.shown()
    return ViewRows(shown, ctx.review_figures(), charts_with_rows(ctx.data.charts, shown, ctx.view.review))


@memoised
def review_chart_ids(lib: Library, review: str) -> tuple[str, ...]:
    """The ids of the charts ``review`` draws with every domain shown, in page order: the page keeps
    a slot for each. Built once per review, not per view (about 8 ms)."""
    every_domain = review_figures(lib.data.figures, review)
    return tuple(chart.id for chart, _ in charts_with_rows(lib.data.charts, every_domain, review))


class SharedChart(go.Figure):
    """A figure shared read-only by every session. ``st.plotly_chart`` asks for ``to_dict()`` on
    every run, and plotly deep-copies the whole figure each time; this builds the dict once."""

    def to_dict(self) -> dict:
        if not hasattr(self, "_shared_dict"):
            self._shared_dict = super().to_dict()
        return self._shared_dict


@memoised
def chart_view(ctx: PageContext, chart_id: str) -> PageContext:
    """``ctx`` narrowed to the domains one chart draws in its view. A chart's figure, words and table
    depend on its rows alone, so views that give it the same rows share them: removing a domain the
    chart does not draw builds nothing new for it on the server."""
    _, rows = view_rows(ctx).chart(chart_id)
    drawn = set(rows["domain"])
    return replace(
        ctx, view=View(ctx.view.review, tuple(domain for domain in ctx.data.domains["id"] if domain in drawn))
    )


def chart(ctx: PageContext, chart_id: str) -> go.Figure:
    """One chart of the view, in the context's type size."""
    return _chart(chart_view(ctx, chart_id), chart_id)


@memoised
def _chart(ctx: PageContext, chart_id: str) -> go.Figure:
    chart, rows = view_rows(ctx).chart(chart_id)
    return SharedChart(build_chart(chart, rows, chart_context(ctx.source, ctx.words, ctx.presenting)))


@memoised
def headlines(ctx: PageContext) -> tuple[str, ...]:
    """Each chart's message, for the closing slide."""
    return tuple(chart_headline(chart, rows, ctx.words) for chart, rows in view_rows(ctx).charts)


@memoised
def summary(ctx: PageContext) -> str:
    """The one-line summary under the title."""
    return summary_line(view_rows(ctx).shown, ctx.words)


@memoised
def kpis(ctx: PageContext) -> tuple[KpiCard, ...]:
    """A card per headline figure, each naming the chart that draws it most closely: of the charts
    drawing it, the one drawing the fewest figures (court cases: its own chart, not every change)."""
    rows = view_rows(ctx)
    chart_of: dict[str, str] = {}
    for chart, chart_rows in sorted(rows.charts, key=lambda pair: len(pair[1])):
        for metric in chart_rows["id"]:
            chart_of.setdefault(metric, chart.id)
    return tuple(kpi_cards(rows.shown, ctx.words, chart_of))


@memoised
def kpis_html(ctx: PageContext, items: range | None = None) -> str:
    """The KPI cards as one HTML block, each linked to its chart; a slide's share (``items``) unlinked,
    its charts being other slides."""
    cards = kpis(ctx)
    return kpi_cards_html(
        list(cards if items is None else cards[items.start : items.stop]), ctx.words, linked=items is None
    )


def narrative(ctx: PageContext, chart_id: str) -> str:
    """The article's words beside a chart: its passages, or on a slide only its sentences."""
    return _narrative(chart_view(ctx, chart_id), chart_id)


@memoised
def _narrative(ctx: PageContext, chart_id: str) -> str:
    chart, rows = view_rows(ctx).chart(chart_id)
    data = ctx.data
    passages = chart_passages(chart.for_slide() if ctx.presenting else chart, rows, data.passages)
    return narrative_html(
        passages,
        data.sections,
        view_rows(ctx).review_figures,
        ctx.language,
        NarrativeLabels.for_words(ctx.words),
        large=ctx.presenting,
    )


def chart_data_html(ctx: PageContext, chart_id: str) -> str:
    """A chart's figures as a folded table (under the words beside the chart)."""
    return _chart_data_html(chart_view(ctx, chart_id), chart_id)


@memoised
def _chart_data_html(ctx: PageContext, chart_id: str) -> str:
    _, rows = view_rows(ctx).chart(chart_id)
    return folded_html(ctx.words.t("chart.show_data"), figures_table_html(rows, ctx.data, ctx.words))


@memoised
def figures_table(ctx: PageContext) -> str:
    """Every shown figure with its source quote."""
    return figures_table_html(view_rows(ctx).shown, ctx.data, ctx.words)


@memoised
def article(ctx: PageContext) -> str:
    """The original with its figures highlighted, or the translation with the original one click away."""
    source, words = ctx.source, ctx.words
    terms_from = view_rows(ctx).review_figures
    if ctx.language == ARTICLE_LANGUAGE:
        return article_html(source.article, figure_terms(terms_from))
    passages = ctx.data.passages[ctx.data.passages["source_id"] == source.id]
    return translated_article_html(
        source.title_en,
        passages,
        ctx.data.sections,
        terms_from,
        ctx.language,
        NarrativeLabels.for_words(words),
        source.article,
    )


# --- practices ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PracticesShown:
    """The review's practices: all it names, those the view shows, and those split by place."""

    in_article: pd.DataFrame
    shown: pd.DataFrame
    local: pd.DataFrame
    city: pd.DataFrame


@memoised
def practices(lib: Library, practice_view: PracticeView) -> PracticesShown:
    """The practices one view shows."""
    in_article, shown = practices_shown(lib.data, practice_view)
    return PracticesShown(in_article, shown, *split_citywide(lib.data.places, shown))


def has_practices(ctx: PageContext) -> bool:
    """Whether the review declares the practices map and names a practice in the view's domains."""
    return (
        shows_practices(ctx.data.charts, ctx.view.review)
        and not practices(ctx.library, PracticeView(ctx.view)).shown.empty
    )


@memoised
def practice_filter_labels(ctx: PageContext) -> tuple[dict[str, str], dict[str, str]]:
    """Section and place names for the boxes, by id, in the user's language."""
    data, words = ctx.data, ctx.words
    in_article = practices(ctx.library, PracticeView(ctx.view)).in_article
    sections = data.sections[
        data.sections["id"].isin(in_article["section"]) & data.sections["source_id"].isin(in_article["source_id"])
    ]
    places = data.places[data.places["kind"] != CITY]
    return (
        dict(zip(sections["id"], (words.label(row) for row in rows_of(sections)))),
        dict(zip(places["id"], (words.name(row) for row in rows_of(places)))),
    )


@dataclass(frozen=True)
class SamePractices:
    """A practices view that equals every other showing the same practices (the key of the map and
    the lists)."""

    practice_view: PracticeView = field(compare=False)
    shown: tuple[int, ...]


def by_practices(ctx: PageContext, practice_view: PracticeView) -> tuple[PageContext, SamePractices]:
    """The key of what the practices section draws: ``ctx`` without its domains, and the practices
    shown. Removing a domain whose practices all stay shown (for another domain) builds nothing new."""
    shown = SamePractices(practice_view, tuple(practices(ctx.library, practice_view).shown.index))
    return replace(ctx, view=View(ctx.view.review, ())), shown


def practice_map(ctx: PageContext, practice_view: PracticeView, selected: str) -> go.Figure:
    """The tile map for one view and selected place."""
    return _practice_map(*by_practices(ctx, practice_view), selected)


@memoised
def _practice_map(ctx: PageContext, same: SamePractices, selected: str) -> go.Figure:
    return SharedChart(
        build_view_map(
            ctx.data, same.practice_view, selected or None, chart_context(ctx.source, ctx.words, ctx.presenting)
        )
    )


def practice_lists(ctx: PageContext, practice_view: PracticeView, place: str, detail: str) -> str:
    """The chosen place's practices (or every place's), after a note if the place has none."""
    return _practice_lists(*by_practices(ctx, practice_view), place, detail)


@memoised
def _practice_lists(ctx: PageContext, same: SamePractices, place: str, detail: str) -> str:
    data, words = ctx.data, ctx.words
    groups = practice_groups(data, practices(ctx.library, same.practice_view).local, place, words)
    note = (
        practices_note_html(words.t("practices.none_here", place=groups[0][0])) if place and groups[0][1].empty else ""
    )
    shown = [group for group in groups if not group[1].empty]
    lists = (
        practice_groups_html(shown, data.sections, data.domains, words, large=ctx.presenting, detail=detail)
        if shown
        else ""
    )
    return note + lists


def citywide_practices(ctx: PageContext, practice_view: PracticeView, items: range | None = None) -> str:
    """The city-wide practices under their own heading in two columns: on the page with their quotes,
    on a slide the names of a share of them (``items``)."""
    return _citywide_practices(*by_practices(ctx, practice_view), items)


@memoised
def _citywide_practices(ctx: PageContext, same: SamePractices, items: range | None) -> str:
    data, words = ctx.data, ctx.words
    city = practices(ctx.library, same.practice_view).city
    heading = words.t("practices.citywide_heading")
    if items is not None:
        heading = (
            words.t(
                "practices.citywide_share", heading=heading, first=items.start + 1, last=items.stop, count=len(city)
            )
            if len(items) < len(city)
            else heading
        )
        city = city.iloc[items.start : items.stop]
    return practice_groups_html(
        [(heading, city)],
        data.sections,
        data.domains,
        words,
        large=ctx.presenting,
        detail="quotes" if items is None else "names",
        columns=True,
    )


@memoised
def map_layout_note(lib: Library, words: Wording) -> str:
    """Where each tile's position comes from: the seats' coordinates and their sources."""
    return layout_note_html(lib.data.places, words)


# --- compare years ---------------------------------------------------------------------------------


@memoised
def comparison(ctx: PageContext) -> pd.DataFrame:
    """Every metric the view's place reports in two or more reviews, one row per review (empty if none)."""
    return compare_rows(ctx.data, ctx.view)


@memoised
def compare_chart(ctx: PageContext) -> go.Figure:
    """The compare-years chart of the view."""
    return SharedChart(
        build_compare_chart(comparison(ctx), ctx.data, chart_context(ctx.source, ctx.words, ctx.presenting))
    )


# --- the meeting pack ------------------------------------------------------------------------------


def pack_file(ctx: PageContext, practice_view: PracticeView, place: str, kind: str) -> bytes:
    """One meeting-pack file of a view (page and presenter share it)."""
    return _pack_file(ctx.sized(False), practice_view, place, kind)


@memoised
def _pack_file(ctx: PageContext, practice_view: PracticeView, place: str, kind: str) -> bytes:
    return EXPORTS[kind].build(_pack(ctx, practice_view, place))


def pack_file_type(ctx: PageContext, practice_view: PracticeView, place: str, kind: str) -> tuple[str, str]:
    """(extension, MIME type) of one meeting-pack file of a view, known before it is built."""
    return _pack_file_type(ctx.sized(False), practice_view, place, kind)


@memoised
def _pack_file_type(ctx: PageContext, practice_view: PracticeView, place: str, kind: str) -> tuple[str, str]:
    return EXPORTS[kind].file_type(_pack(ctx, practice_view, place))


@memoised
def _pack(ctx: PageContext, practice_view: PracticeView, place: str) -> Pack:
    return build_pack(ctx.data, practice_view, place, ctx.words)


@memoised
def compare_sentences(ctx: PageContext) -> str:
    """Each compared value with its year, its review's source line and its sentence, as a table."""
    return compare_table_html(comparison(ctx), ctx.data, ctx.words, sentences=not ctx.presenting)
