"""HTML and script in the data, its translations and the article show as text: on the page, in the
full article, in chart text, and in every file of the meeting pack (tests/support/hostile.py:inject_markup)."""

from __future__ import annotations

import html
import io
import json
import shutil

import openpyxl
import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from components.data.loader import DATA_DIR_ENV, load_dataset
from components.exports.csv_file import csv_bytes, export_frame
from components.exports.deck import deck_bytes
from components.exports.pack import build_pack
from components.exports.report import report_html
from components.exports.workbook import workbook_bytes
from components.model.figures import View
from components.model.practices import PracticeView
from tests.support.app_text import open_folded
from tests.support.data_files import DATA, ROOT
from tests.support.helpers import REVIEW, words
from tests.support.hostile import PAYLOAD, RAW, inject_markup

SHOWN_AS_TEXT = html.escape(PAYLOAD, quote=False)
MARKDOWN = ("title", "markdown", "caption", "header", "subheader", "warning", "info", "error")


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    folder = tmp_path_factory.mktemp("injected") / "data"
    shutil.copytree(DATA, folder)
    fields = inject_markup(folder)
    assert len(fields) >= 14, fields  # labels, names, headings, translations, coordinate sources
    return folder


def _raw(text: str) -> list[str]:
    return [mark for mark in RAW if mark in text]


def _drawn_text(spec: str) -> str:
    """A chart's JSON as Plotly draws it: read back (its JSON writes < as \u003c), without
    ``layout.meta``, the plain text kept for the alt attribute and the deck, which Plotly never draws."""
    figure = json.loads(spec)
    figure["layout"].pop("meta", None)
    return json.dumps(figure, ensure_ascii=False)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_page_and_the_full_article_show_markup_as_text(injected, monkeypatch, language):
    monkeypatch.setenv(DATA_DIR_ENV, str(injected))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["lang"] = language
    open_folded(at.run())
    assert not at.exception and not at.get("table"), "the data loads: this is not the data-error page"
    bodies = [element.proto.body for element in at.get("html")]
    assert not [_raw(body) for body in bodies if _raw(body)]
    assert sum(SHOWN_AS_TEXT in body for body in bodies) >= 5  # KPI cards, narratives, tables, article, practices
    assert any("步履铿锵铸平安" in body and SHOWN_AS_TEXT in body for body in bodies), "the full article"
    specs = [_drawn_text(element.proto.spec) for element in at.get("plotly_chart")]
    assert len(specs) >= 5 and not [_raw(spec) for spec in specs if _raw(spec)]
    assert any(html.escape("<b id=injected>", quote=False) in spec for spec in specs), "chart text"
    for kind in MARKDOWN:  # Markdown elements: every mark escaped, so the payload never stands whole
        assert not [element.value for element in at.get(kind) if PAYLOAD in element.value]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_meeting_pack_file_keeps_markup_as_text(injected, language):
    data = load_dataset(injected)
    pack = build_pack(data, PracticeView(View(REVIEW, tuple(data.domains["id"]))), "", words(language))
    report = report_html(pack)
    assert not _raw(report) and SHOWN_AS_TEXT in report
    labels = {domain: words(language).domain(data.domains, domain) for domain in data.domains["id"]}
    assert PAYLOAD in csv_bytes(export_frame(pack.shown, words(language), "src", labels)).decode("utf-8-sig")
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(pack)))
    assert any(PAYLOAD in str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row)
    deck = Presentation(io.BytesIO(deck_bytes(pack, lambda figures, width: [_PIXEL] * len(figures))))
    texts = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame]
    assert any(PAYLOAD in text for text in texts)


_PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5d8b3e40000000049454e44ae426082"
)
