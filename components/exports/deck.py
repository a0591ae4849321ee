"""The meeting pack's PowerPoint deck (16:9): a title slide, one slide per chart with its passage in
the speaker notes, the practices map, and a closing slide with every figure and the source.

Text is set in Microsoft YaHei (Chinese and Latin), which PowerPoint and WPS have on Chinese
Windows; LibreOffice and others substitute a CJK font they have (Noto Sans CJK on Debian).
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from components import theme
from components.charts.base import text_width, unframed
from components.data.records import rows_of
from components.exports.pack import Pack
from components.text.wording import ARTICLE_LANGUAGE

FONT = "Microsoft YaHei"
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
IMAGE_WIDTH_PX = 1200  # charts are drawn this wide (CSS px) in projector type, then at 2x
TITLE_PT = 28
TITLE_SPREAD = 1.2  # ems per character as set: office apps add space between Chinese and Latin text
LINES_PER_COLUMN = 16  # the practices list at 13 pt beside the map


Render = Callable[[list[go.Figure], int], list[bytes]]  # figures, default width in CSS px -> PNGs


def deck_bytes(pack: Pack, render: Render) -> bytes:
    """The .pptx file. ``render`` draws the charts (without their own titles and footers, which the
    slides set as text) as PNGs, all in one call."""
    figures = [pack.chart(chart, presenting=True) for chart in pack.charts]
    has_comparison = not pack.comparison.empty
    if has_comparison:
        figures.append(pack.compare_chart(presenting=True))
    has_practices = not pack.practices.empty or not pack.city_practices.empty
    if has_practices:
        figures.append(pack.practice_map(presenting=True))
    drawn = [unframed(fig) for fig in figures]
    if has_practices:
        drawn[-1].update_layout(width=drawn[-1].layout.height)  # the map is square: no empty sides
    pictures = render(drawn, IMAGE_WIDTH_PX)
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    _title_slide(deck, pack)
    source = pack.words.source_line(pack.source, short=True)
    for chart, fig, picture in zip(pack.charts, figures, pictures):  # the compare and map pictures follow
        meta = fig.layout.meta
        slide = _content_slide(deck, meta["title"], meta["subtitle"], picture, [*meta["notes"], source])
        _notes(slide, _passage_notes(pack, chart.passages))
    if has_comparison:
        meta = figures[len(pack.charts)].layout.meta
        slide = _content_slide(deck, meta["title"], meta["subtitle"], pictures[len(pack.charts)], meta["notes"])
        _notes(
            slide,
            "\n\n".join(
                pack.words.t(
                    "pack.note_compare",
                    year=row["year"],
                    label=pack.words.label(row),
                    quote=pack.words.article_text(row, "source_quote"),
                )
                for row in rows_of(pack.comparison)
            ),
        )
    if has_practices:
        _practices_slide(deck, pack, figures[-1].layout.meta, pictures[-1])
    _closing_slide(deck, pack)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


# --- slides ------------------------------------------------------------------------------------


def _blank(deck):
    return deck.slides.add_slide(deck.slide_layouts[6])


def _title_slide(deck, pack: Pack) -> None:
    slide = _blank(deck)
    _text(slide, pack.title(), (MARGIN, Inches(2.0), WIDTH - 2 * MARGIN, Inches(1.2)), 40, bold=True)
    _text(slide, pack.summary(), (MARGIN, Inches(3.3), WIDTH - 2 * MARGIN, Inches(1.4)), 22)
    _text(
        slide,
        pack.view_line(),
        (MARGIN, Inches(4.8), WIDTH - 2 * MARGIN, Inches(0.5)),
        16,
        colour=theme.MUTED_TEXT_COLOUR,
    )
    _text(
        slide,
        pack.words.byline(pack.source),
        (MARGIN, Inches(6.2), WIDTH - 2 * MARGIN, Inches(0.8)),
        14,
        colour=theme.MUTED_TEXT_COLOUR,
    )


def _heading(slide, title: str, subtitle: str) -> Emu:
    """The slide's title (shrunk to fit one line, down to 20 pt) and subtitle; returns where they end."""
    width = WIDTH - 2 * MARGIN
    room = width / Pt(1) / (text_width(title) * TITLE_SPREAD)
    size = max(20, min(TITLE_PT, int(room)))
    lines = 1 if size <= room else 2
    title_height = Pt(size * 1.35 * lines + 12)
    _text(slide, title, (MARGIN, Inches(0.3), width, title_height), size, bold=True)
    _text(
        slide, subtitle, (MARGIN, Inches(0.3) + title_height, width, Inches(0.45)), 14, colour=theme.MUTED_TEXT_COLOUR
    )
    return Inches(0.3) + title_height + Inches(0.5)


def _content_slide(deck, title: str, subtitle: str, picture: bytes, footer: list[str]):
    """Title and subtitle on top, the picture fitted in the middle, footnotes and source below."""
    slide = _blank(deck)
    top = _heading(slide, title, subtitle)
    footer_height = Inches(0.3) * len(footer) + Inches(0.1)
    box = (MARGIN, top, WIDTH - 2 * MARGIN, HEIGHT - top - footer_height - Inches(0.25))
    _picture(slide, picture, box)
    _text(
        slide,
        "\n".join(footer),
        (MARGIN, HEIGHT - footer_height - Inches(0.2), WIDTH - 2 * MARGIN, footer_height),
        12,
        colour=theme.MUTED_TEXT_COLOUR,
    )
    return slide


def _practices_slide(deck, pack: Pack, meta, picture: bytes) -> None:
    """The map on the left; on the right each place's practices (two columns when they are many)."""
    words = pack.words
    slide = _blank(deck)
    top = _heading(slide, meta["title"], meta["subtitle"])
    height = HEIGHT - top - Inches(0.7)
    _picture(slide, picture, (MARGIN, top, Inches(5.6), height))
    lines = []
    for heading, rows in pack.practice_groups():
        lines.append((heading, True))
        lines.extend((words.name(row), False) for row in rows_of(rows))
    columns = 2 if len(lines) > LINES_PER_COLUMN else 1
    _lines(slide, lines, (Inches(6.4), top, WIDTH - Inches(6.4) - MARGIN, height), 13, columns=columns)
    _text(
        slide,
        words.source_line(pack.source, short=True),
        (MARGIN, HEIGHT - Inches(0.5), Inches(6), Inches(0.35)),
        12,
        colour=theme.MUTED_TEXT_COLOUR,
    )
    notes = [
        f"{heading}\n"
        + "\n".join(
            words.t("pack.note_item", name=words.name(row), quote=words.article_text(row, "quote"))
            for row in rows_of(rows)
        )
        for heading, rows in pack.practice_groups()
    ]
    _notes(slide, "\n\n".join(notes))


def _closing_slide(deck, pack: Pack) -> None:
    words = pack.words
    slide = _blank(deck)
    _text(slide, words.t("pack.closing_heading"), (MARGIN, Inches(0.3), WIDTH - 2 * MARGIN, Inches(0.7)), 28, bold=True)
    header = [
        words.t("table.label"),
        words.t("table.value"),
        words.t("table.change"),
        words.t("table.implied_previous"),
    ]
    rows = [
        [
            words.label(row),
            words.level(row) if not pd.isna(row["value"]) else "",
            words.change(row) if not pd.isna(row["change"]) else "",
            words.implied_previous(row) if not pd.isna(row["implied_previous"]) else "",
        ]
        for row in rows_of(pack.shown)
    ]
    height = Inches(0.42) * (len(rows) + 1)
    table = slide.shapes.add_table(len(rows) + 1, len(header), MARGIN, Inches(1.2), WIDTH - 2 * MARGIN, height).table
    for column, width in enumerate((5.0, 2.4, 2.2, 2.733)):
        table.columns[column].width = Inches(width)
    for r, values in enumerate([header, *rows]):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.text = value
            _style(cell.text_frame.paragraphs[0].runs[0] if value else None, 14, bold=r == 0)
    footer = [words.t("footer.derived"), words.byline(pack.source)]
    _text(
        slide,
        "\n".join(footer),
        (MARGIN, Inches(1.4) + height, WIDTH - 2 * MARGIN, Inches(1.2)),
        13,
        colour=theme.MUTED_TEXT_COLOUR,
    )


# --- pieces ------------------------------------------------------------------------------------


def _passage_notes(pack: Pack, passages: pd.DataFrame) -> str:
    """The chart's passages for the speaker, in the pack's language (with the original in Chinese)."""
    words = pack.words
    if words.catalog.language == ARTICLE_LANGUAGE:
        return "\n\n".join(passages["text"])
    translated = "\n\n".join(passages[f"text_{words.catalog.language}"])
    return f"{words.t('chart.translation_note')}\n\n{translated}\n\n{words.t('chart.original')}\n\n" + "\n\n".join(
        passages["text"]
    )


def _notes(slide, text: str) -> None:
    slide.notes_slide.notes_text_frame.text = text


def _picture(slide, picture: bytes, box: tuple) -> None:
    """The PNG as large as fits the box, keeping its shape, centred horizontally."""
    from PIL import Image

    left, top, width, height = box
    pixels_wide, pixels_high = Image.open(io.BytesIO(picture)).size
    scale = min(width / pixels_wide, height / pixels_high)
    shown_w, shown_h = Emu(int(pixels_wide * scale)), Emu(int(pixels_high * scale))
    slide.shapes.add_picture(io.BytesIO(picture), left + (width - shown_w) // 2, top, shown_w, shown_h)


def _text(slide, text: str, box: tuple, size: int, bold: bool = False, colour: str = theme.TEXT_COLOUR) -> None:
    _lines(slide, [(line, bold) for line in text.split("\n")], box, size, colour)


def _lines(
    slide, lines: list[tuple[str, bool]], box: tuple, size: int, colour: str = theme.TEXT_COLOUR, columns: int = 1
) -> None:
    """A text box of paragraphs, each (text, bold), that wraps inside the box (in ``columns`` columns)."""
    frame = slide.shapes.add_textbox(*box).text_frame
    frame.word_wrap = True
    if columns > 1:
        frame._txBody.bodyPr.set("numCol", str(columns))
        frame._txBody.bodyPr.set("spcCol", str(Inches(0.3)))
    for number, (line, bold) in enumerate(lines):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        _style(run, size, bold, colour)


def _style(run, size: int, bold: bool = False, colour: str = theme.TEXT_COLOUR) -> None:
    if run is None:
        return
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
    run.font.color.rgb = RGBColor.from_string(colour.lstrip("#"))
    properties = run._r.get_or_add_rPr()
    for tag in ("a:ea", "a:cs"):  # the East Asian face is what Chinese text is set in
        element = properties.find(qn(tag))
        if element is None:
            element = properties.makeelement(qn(tag), {})
            properties.append(element)
        element.set("typeface", FONT)
