"""一图读懂 (At a glance): the view as one tall picture to share in a work chat and read on a phone.

The picture is an HTML page (``at_a_glance.html.j2``) laid out 1080 CSS px wide and drawn at 2x
by the Chromium the deck already uses; its charts are the page's phone-sized charts, drawn 484 px
wide by plotly.js in the page and shown twice that size, so their text reads on a phone like the page's. A picture
taller than about 6,000 px (at 1x) is cut between its blocks into parts, delivered as a zip.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from urllib.parse import urlencode

import plotly.graph_objects as go
import plotly.io as pio
from markupsafe import Markup
from PIL import Image

from components.charts.base import unframed
from components.data.records import rows_of
from components.exports.images import PLOTLY_JS
from components.exports.pack import Pack
from components.html.kpis import ARROWS, kpi_cards
from components.html.narrative import html_lang
from components.html.render import render

WIDTH = 1080  # CSS px of the layout (the picture at 1x); drawn at images.SCALE (2x): 2160 px
MARGIN = 56  # CSS px each side of a block (at_a_glance.css.j2)
CHART_WIDTH = (WIDTH - 2 * MARGIN) // 2  # the charts are the phone's, drawn 484 px wide and shown at twice the size
PART_HEIGHT = 6000  # a taller picture is cut into parts of at most this height (at 1x), between blocks
MAX_BYTES = 2 * 2**20  # a part over this is saved with a 256-colour palette
PUBLIC_URL_ENV = "DASHBOARD_PUBLIC_URL"
# Where a part may end: the bottom of each block, and the page's end (CSS px).
BLOCK_BOTTOMS_JS = """[...document.querySelectorAll('.glance-block')]
  .map((block) => Math.ceil(block.getBoundingClientRect().bottom + window.scrollY))"""


@dataclass(frozen=True)
class GlanceChart:
    """One chart of the picture: its message, its drawing and one sentence of the article."""

    headline: str
    subtitle: str
    image: str  # the chart's figure as JSON, drawn in the page by plotly.js
    notes: tuple[str, ...]
    sentence: str
    sentence_translated: bool


def view_link(pack: Pack) -> str | None:
    """The view's link on the public address ``$DASHBOARD_PUBLIC_URL``, or None when it is not set."""
    base = os.environ.get(PUBLIC_URL_ENV, "").strip()
    if not base:
        return None
    return f"{base.rstrip('/')}/?{urlencode(view_query(pack), doseq=True)}"


def view_query(pack: Pack) -> list[tuple[str, str]]:
    """The link's parameters for the pack's view, as the page writes them (names as shown)."""
    words, data = pack.words, pack.data
    query = [("review", pack.source.id), ("lang", words.catalog.language)]
    offered = set(data.figures.loc[data.figures["source_id"] == pack.source.id, "domain"])
    if not offered <= set(pack.view.domains):
        query += [("domain", words.domain(data.domains, domain)) for domain in pack.view.domains]  # the box's order
    if pack.place:
        query.append(("county", words.name(data.places[data.places["id"] == pack.place].iloc[0])))
    if pack.practice_view.section:
        section = data.sections[
            (data.sections["source_id"] == pack.source.id) & (data.sections["id"] == pack.practice_view.section)
        ].iloc[0]
        query.append(("section", words.label(section)))
    return query


def glance_values(pack: Pack, drawings: list[go.Figure], link: str | None) -> dict:
    """What the template shows, top to bottom; ``drawings`` are the view's charts as ``chart_drawings`` gives them."""
    words = pack.words
    shown, quoted = [], set()
    for chart, fig in zip(pack.charts, drawings, strict=True):
        sentence, translated = _sentence(chart.rows, words)
        shown.append(
            GlanceChart(
                fig.layout.meta["title"],
                fig.layout.meta["subtitle"],
                script_json(fig),
                tuple(fig.layout.meta["notes"]),
                "" if sentence in quoted else sentence,
                translated,
            )
        )
        quoted.add(sentence)  # a sentence already quoted above is not repeated
    return dict(
        plotly_js=PLOTLY_JS.as_uri(),
        margin=MARGIN,
        sizes=[(CHART_WIDTH, fig.layout.height) for fig in drawings],
        lang=html_lang(words.catalog.language),
        labels=_labels(words),
        title=pack.title(),
        view_line=pack.view_line(),
        summary=pack.summary(),
        cards=kpi_cards(pack.shown, words),
        arrows=ARROWS,
        charts=shown,
        practices=[(heading, [words.name(row) for row in rows_of(rows)]) for heading, rows in pack.practice_groups()],
        byline=words.byline(pack.source),
        derived=_has_derived(pack),
        link=link,
        qr=_qr_svg(link) if link else "",
    )


def chart_drawings(pack: Pack) -> list[go.Figure]:
    """The view's charts as the picture draws them: phone type, without their own title and footer
    (which the picture sets as text), ``CHART_WIDTH`` wide."""
    return [unframed(fig).update_layout(width=CHART_WIDTH) for fig in pack.page_figures]


def glance_html(pack: Pack, drawings: list[go.Figure]) -> str:
    """The picture's page; plotly.js draws ``drawings`` in it."""
    return render("at_a_glance.html.j2", **glance_values(pack, drawings, view_link(pack)))


def glance_pictures(pack: Pack, draw_page) -> list[bytes]:
    """The picture as PNGs (one, or the parts of a tall one), each under ``MAX_BYTES``, drawn by
    ``draw_page(html, width, blocks_js, cut)``."""
    drawings = chart_drawings(pack)
    parts = _parts(estimated_height(pack, drawings))
    html = glance_html(pack, drawings)
    pictures = draw_page(html, WIDTH, BLOCK_BOTTOMS_JS, lambda bottoms: cuts(bottoms, parts))
    return [_small_enough(picture) for picture in pictures]


def script_json(fig) -> Markup:
    """A figure as JSON to set inside a <script>: no ``<``, ``>`` or ``&`` of the data can end it."""
    text = pio.to_json(fig, validate=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def estimated_parts(pack: Pack) -> int:
    """How many parts the picture is cut into, known before it is drawn (a download's name says
    .png or .zip): its height worked out from its blocks, in parts of about ``PART_HEIGHT``."""
    return _parts(estimated_height(pack, chart_drawings(pack)))


def _parts(height: int) -> int:
    return max(1, -(-height // PART_HEIGHT))


def estimated_height(pack: Pack, drawings: list[go.Figure]) -> int:
    """The picture's height (CSS px) worked out from its blocks: the cards' rows, each chart's height
    and the lines its words wrap to, the practices' lines (within about 10% for the views measured)."""
    latin = pack.words.catalog.language != "zh"
    values = glance_values(pack, drawings, None)

    def lines(text: str, per_line_zh: int) -> int:  # characters a line holds at that size, in Chinese
        return -(-len(text) // (per_line_zh * (1.9 if latin else 1.25))) if text else 0

    charts = sum(
        90
        + 62 * lines(chart.headline, 21)
        + 45 * lines(chart.subtitle, 32)
        + 2 * fig.layout.height
        + 40
        + sum(39 * lines(note, 37) for note in chart.notes)
        + (80 + 48 * lines(chart.sentence, 30) if chart.sentence else 0)
        for fig, chart in zip(drawings, values["charts"])
    )
    practices = sum(90 + 70 * (1 + len(names) // 3) for _, names in values["practices"])
    return int(
        560 + 52 * lines(values["summary"], 28) + (-(-len(values["cards"]) // 2)) * 240 + 90 + charts + practices + 400
    )


def cuts(bottoms: list[int], parts: int) -> list[int]:
    """Offsets to cut a page whose blocks end at ``bottoms`` (the last is the page's end) into
    ``parts`` parts of even height, each ending at a block's bottom and at most ``PART_HEIGHT`` tall
    where the blocks allow; never more cuts than the blocks allow."""
    end = bottoms[-1]
    offsets = [0]
    while len(offsets) < parts:
        later = [bottom for bottom in bottoms if offsets[-1] < bottom < end]
        if not later:
            break
        aim = offsets[-1] + (end - offsets[-1]) / (parts - len(offsets) + 1)
        fitting = [bottom for bottom in later if bottom <= offsets[-1] + PART_HEIGHT] or later[:1]
        offsets.append(min(fitting, key=lambda bottom: abs(bottom - aim)))
    return [*offsets, end]


def glance_file(pictures: list[bytes], stem: str) -> bytes:
    """One PNG as it is; parts as a zip of ``stem_1.png``, ``stem_2.png`` …"""
    if len(pictures) == 1:
        return pictures[0]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:  # PNGs are compressed already
        for number, picture in enumerate(pictures, start=1):
            archive.writestr(f"{stem}_{number}.png", picture)
    return buffer.getvalue()


def _labels(words) -> dict[str, str]:
    """The picture's own words, in the view's language."""
    return {
        "tag": words.t("glance.tag"),
        "sentence": words.t("glance.sentence"),
        "sentence_original": words.t("glance.sentence_original"),
        "practices": words.t("glance.practices"),
        "made": words.t("glance.made"),
        "scan": words.t("glance.scan"),
        "derived": words.t("footer.derived"),
    }


def _sentence(rows, words) -> tuple[str, bool]:
    """The article's sentence that carries a chart's message: its first figure's, in this language
    where translated (else the Chinese, marked)."""
    first = next(iter(rows_of(rows)))
    translated = words.translated(first, "source_quote")
    return (words.article_text(first, "source_quote") if translated else first["source_quote"]), translated


def _has_derived(pack: Pack) -> bool:
    """Whether a chart of the view shows a derived value (an index, or an earlier level worked out)."""
    return any(
        chart.spec.kind == "index" or (chart.spec.kind == "levels" and chart.rows["earlier_derived"].any())
        for chart in pack.charts
    )


def _qr_svg(link: str) -> str:
    """The link as a QR code (an SVG), to scan with a phone."""
    import segno

    buffer = io.BytesIO()
    segno.make(link, error="m", micro=False).save(
        buffer, kind="svg", scale=6, border=2, xmldecl=False, svgns=True, omitsize=False
    )
    return Markup(buffer.getvalue().decode("utf-8"))  # segno's paths: no text of the data in it


def _small_enough(picture: bytes) -> bytes:
    """``picture``, or the same with a 256-colour palette when it is over ``MAX_BYTES``."""
    if len(picture) <= MAX_BYTES:
        return picture
    buffer = io.BytesIO()
    Image.open(io.BytesIO(picture)).convert("RGB").quantize(256).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
