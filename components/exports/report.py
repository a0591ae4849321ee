"""The meeting pack's standalone HTML report: one file with plotly.js inlined, interactive charts,
the article's words beside each, the practices, every figure and the source. Opens offline;
every piece of data text is escaped."""

from __future__ import annotations

import html

import plotly.io as pio

from components import theme
from components.charts.base import plotly_config
from components.exports.images import PLOTLY_JS
from components.html.narrative import NarrativeLabels, html_lang, narrative_html
from components.exports.pack import Pack
from components.html.practice_list import practice_groups_html
from components.html.styles import NARRATIVE_CSS
from components.html.tables import figures_table_html

_LAYOUT_CSS = f"""
body {{ margin: 0; font-family: {theme.FONT_FAMILY}; color: {theme.TEXT_COLOUR}; background: {theme.BACKGROUND}; }}
body:lang(en) {{ font-family: {theme.LATIN_FONT_FAMILY}; }}
main {{ max-width: 1280px; margin: 0 auto; padding: 24px; }}
h1 {{ font-size: 2rem; margin: 0 0 0.4em 0; }}
h2 {{ font-size: 1.4rem; margin: 1.6em 0 0.6em 0; }}
.summary {{ font-weight: 700; font-size: 1.1rem; }}
.muted {{ color: {theme.MUTED_TEXT_COLOUR}; }}
.pair {{ display: grid; grid-template-columns: 3fr 2fr; gap: 32px; margin: 24px 0;
  border-top: 1px solid {theme.GRID_COLOUR}; padding-top: 16px; break-inside: avoid; }}
footer {{ margin-top: 32px; font-size: 0.9rem; }}
@media (max-width: 800px) {{ .pair {{ grid-template-columns: 1fr; }} main {{ padding: 12px; }} }}
"""


def report_html(pack: Pack) -> str:
    """The whole report as one HTML document (about 5 MB, most of it plotly.js)."""
    words, data = pack.words, pack.data
    language = words.catalog.language
    labels = NarrativeLabels.for_words(words)
    year = pack.view.year
    parts = [f"<h1>{html.escape(pack.title())}</h1>",
             f'<p class="summary">{html.escape(pack.summary())}</p>',
             f'<p class="muted">{html.escape(words.byline(pack.source))}</p>',
             f'<p class="muted">{html.escape(pack.view_line())}</p>']
    for chart in pack.charts:
        figure = _figure_html(pack.figure(chart, presenting=False), f"chart-{chart.spec.id}",
                              words.t("pack.png_name", year=year, chart=chart.spec.id))
        text = narrative_html(chart.passages, data.sections, pack.source_figures, language, labels)
        parts.append(f'<section class="pair">{figure}<div>{text}</div></section>')
    if not pack.practices.empty or not pack.city_practices.empty:
        parts.append(f"<h2>{html.escape(words.t('practices.heading'))}</h2>")
        figure = _figure_html(pack.practice_map(presenting=False), "chart-practices",
                              words.t("pack.png_name", year=year, chart="practices"))
        lists = practice_groups_html(pack.practice_groups(), data.sections, data.domains, words)
        parts.append(f'<section class="pair">{figure}<div>{lists}</div></section>')
    parts.append(f"<h2>{html.escape(words.t('table.heading'))}</h2>")
    parts.append(figures_table_html(pack.shown, data, words))
    parts.append(f'<footer class="muted"><p>{html.escape(words.t("footer.derived"))}</p>'
                 f"<p>{html.escape(words.byline(pack.source))}</p><p>{html.escape(words.t('pack.report_note'))}</p>"
                 "</footer>")
    return (f'<!DOCTYPE html>\n<html lang="{html_lang(language)}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(pack.title())}</title>"
            f"<style>{NARRATIVE_CSS}{_LAYOUT_CSS}</style>"
            f"<script>{PLOTLY_JS.read_text(encoding='utf-8')}</script></head>"
            f"<body><main>{''.join(parts)}</main></body></html>")


def _figure_html(fig, div_id: str, file_name: str) -> str:
    """A chart's <div> and the script that draws it; its alt text is the figure's accessible name."""
    body = pio.to_html(fig, full_html=False, include_plotlyjs=False, div_id=div_id, config=plotly_config(file_name))
    return f'<figure role="img" aria-label="{html.escape(fig.layout.meta["alt"])}" style="margin:0">{body}</figure>'

