"""The meeting pack's standalone HTML report: one file with plotly.js (its basic bundle) inlined, interactive charts,
the article's words beside each, the practices, every figure and the source. Opens offline;
every piece of data text is escaped."""

from __future__ import annotations

import functools

import plotly.io as pio
from markupsafe import Markup

from components.charts.base import plotly_config
from components.exports.images import PLOTLY_JS
from components.exports.pack import Pack
from components.html.narrative import NarrativeLabels, html_lang, narrative_html
from components.html.practice_list import practice_groups_html
from components.html.render import render
from components.html.tables import compare_table_html, figures_table_html


def report_html(pack: Pack) -> str:
    """The whole report as one HTML document (about 1.3 MB, most of it plotly.js's basic bundle)."""
    words, data = pack.words, pack.data
    language = words.catalog.language
    labels = NarrativeLabels.for_words(words)
    sections = [
        (
            _chart_html(
                pack.chart(chart, presenting=False),
                f"chart-{chart.spec.id}",
                words.file_name("pack.png_name", pack.source, chart=chart.spec.id),
            ),
            Markup(narrative_html(chart.passages, data.sections, pack.source_figures, language, labels)),
        )
        for chart in pack.charts
    ]
    if not pack.comparison.empty:
        sections.append(
            (
                _chart_html(
                    pack.compare_chart(presenting=False),
                    "chart-compare",
                    words.file_name("pack.png_name", pack.source, chart="compare"),
                ),
                Markup(compare_table_html(pack.comparison, data, words)),
            )
        )
    practices = None
    if not pack.practices.empty or not pack.city_practices.empty:
        practices = (
            _chart_html(
                pack.practice_map(presenting=False),
                "chart-practices",
                words.file_name("pack.png_name", pack.source, chart="practices"),
            ),
            Markup(practice_groups_html(pack.practice_groups(), data.sections, data.domains, words)),
        )
    return render(
        "report.html.j2",
        lang=html_lang(language),
        title=pack.title(),
        summary=pack.summary(),
        byline=words.byline(pack.source),
        view_line=pack.view_line(),
        sections=sections,
        practices=practices,
        practices_heading=words.t("practices.heading"),
        table_heading=words.t("table.heading"),
        table=Markup(figures_table_html(pack.shown, data, words)),
        derived_note=words.t("footer.derived"),
        report_note=words.t("pack.report_note"),
        plotly_js=_plotly_js(),
    )


@functools.cache
def _plotly_js() -> Markup:
    """plotly.js's basic bundle, read once (1.2 MB)."""
    return Markup(PLOTLY_JS.read_text(encoding="utf-8"))


def _chart_html(fig, div_id: str, file_name: str) -> Markup:
    """A chart's <div> and the script that draws it (Plotly's own HTML); its alt text is the figure's
    accessible name."""
    chart = pio.to_html(fig, full_html=False, include_plotlyjs=False, div_id=div_id, config=plotly_config(file_name))
    return Markup(render("figure.html.j2", alt=fig.layout.meta["alt"], chart=Markup(chart)))
