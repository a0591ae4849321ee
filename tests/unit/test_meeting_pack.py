"""The meeting pack's files: the deck (opened by LibreOffice), the HTML report, the workbook and the CSV."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import threading

import openpyxl
import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Inches

from components.data.loader import load_dataset
from components.exports.csv_file import FORMULA_PREFIXES, csv_bytes, export_frame, neutralise
from components.exports.deck import deck_bytes
from components.exports.images import ChartRenderer, charts_to_png
from components.exports.report import report_html
from components.exports.workbook import workbook_bytes
from tests.support.browser import artifact, wait_until
from tests.support.data_files import edit_rows
from tests.support.helpers import dataset, pack_of, words

ALL = tuple(dataset().domains["id"])
HYPERLINK = '=HYPERLINK("http://example.invalid","刑事案件")'


@pytest.fixture(scope="module")
def deck_zh():
    return Presentation(io.BytesIO(deck_bytes(pack_of(), charts_to_png)))


def _texts(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def _pictures(slide):
    return [shape for shape in slide.shapes if shape.shape_type == 13]


def test_the_deck_has_a_title_a_slide_per_chart_the_map_and_a_closing_table(deck_zh):
    slides = list(deck_zh.slides)
    assert len(slides) == 8
    assert (deck_zh.slide_width, deck_zh.slide_height) == (Inches(13.333), Inches(7.5)), "16:9"
    assert "平安丽水 · 2019年建设成效" in _texts(slides[0]) and "领域:全部" in _texts(slides[0])
    titles = [_texts(slide).splitlines()[0] for slide in slides[1:7]]
    assert titles[0] == "7项同比指标全部向好" and titles[3].startswith("法院新收案件79,362件")
    assert titles[5].startswith("原文点名6地的9项做法")
    closing = slides[7]
    table = next(shape.table for shape in closing.shapes if shape.has_table)
    assert len(table.rows) == 11 and table.cell(10, 1).text == "79,362件" and table.cell(10, 3).text == "约88,544件"
    assert "来源:丽水日报《步履铿锵铸平安" in _texts(closing)


def test_each_chart_slide_has_a_sharp_picture_its_source_and_its_passage_in_the_notes(deck_zh):
    for slide in list(deck_zh.slides)[1:7]:
        (picture,) = _pictures(slide)
        width_px, _ = Image.open(io.BytesIO(picture.image.blob)).size
        shown_inches = picture.width / Inches(1)
        assert width_px / shown_inches >= 150, "at least 150 pixels per inch as shown"
        assert "来源:丽水日报,2020年3月10日" in _texts(slide)
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()
    notes = [slide.notes_slide.notes_text_frame.text for slide in list(deck_zh.slides)[1:7]]
    assert "全市刑事案件同比下降13.8%" in notes[0]
    assert "查扣非法资产5.58亿元,同比增长451%" in notes[2]
    assert "缙云县“正道讲和团”" in notes[5] or "“正道讲和团”" in notes[5]


def test_the_deck_text_is_set_in_a_font_with_chinese(deck_zh):
    runs = [
        run
        for slide in deck_zh.slides
        for shape in slide.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    ]
    assert runs
    for run in runs:
        east_asian = run._r.rPr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}ea")
        assert east_asian is not None and east_asian.get("typeface") == "Microsoft YaHei"


def test_the_deck_follows_the_filter_and_the_language():
    deck = Presentation(io.BytesIO(deck_bytes(pack_of(domains=("fire",), language="en"), charts_to_png)))
    slides = list(deck.slides)
    assert len(slides) == 5, "title, changes, index, practices, closing"
    assert "Domains: Fire safety" in _texts(slides[0])
    notes = slides[1].notes_slide.notes_text_frame.text
    assert (
        "Unofficial translation" in notes
        and "fire accidents down 12.27%" in notes
        and "火灾事故同比下降12.27%" in notes
    )


def _pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


@pytest.mark.slow
def test_libreoffice_opens_the_deck_and_the_workbook(tmp_path):
    """LibreOffice converts both to PDF: one page per slide; the pages go to test-artifacts to look at."""
    (tmp_path / "deck.pptx").write_bytes(deck_bytes(pack_of(place="liandu"), charts_to_png))
    (tmp_path / "book.xlsx").write_bytes(workbook_bytes(pack_of()))
    subprocess.run(
        [
            "libreoffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "deck.pptx"),
            str(tmp_path / "book.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert _pdf_pages(tmp_path / "deck.pdf") == 8
    assert _pdf_pages(tmp_path / "book.pdf") >= 4, "a page or more per sheet"
    book_text = subprocess.run(["pdftotext", str(tmp_path / "book.pdf"), "-"], capture_output=True, text=True).stdout
    assert "79362" in book_text.replace(",", "") and "推算" in book_text
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(tmp_path / "deck.pdf"), str(artifact("deck-page"))], check=True)


def test_the_report_is_one_offline_file_with_every_chart_narrative_and_source():
    page = report_html(pack_of())
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-Hans">' in page
    assert "<script src" not in page and "<link" not in page, "plotly.js is inlined, nothing is fetched"
    assert len(re.findall(r'<div id="chart-[a-z]+"', page)) == 6
    assert page.count('class="narrative"') == 5 and "narrative practices" in page
    assert "推算" in page and "标有“推算”的数值由原文数字计算得出" in page
    assert "来源:丽水日报《步履铿锵铸平安——2019年全市平安丽水建设工作综述》" in page
    assert json.dumps({"filename": "平安丽水_2019_changes"})[1:-1] in page, (
        "the camera button saves a PNG named after the chart"
    )


def _small_chart():
    import plotly.graph_objects as go

    return go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout=dict(width=300, height=200))


def test_the_image_renderer_is_reused_retired_and_replaced_when_it_dies():
    renderer = ChartRenderer()
    renderer.draw([_small_chart()], 300)
    first = renderer.browser_pid()
    assert renderer.draw([_small_chart()], 300)[0].startswith(b"\x89PNG") and renderer.browser_pid() == first, (
        "the second request reuses the browser"
    )
    os.kill(first, signal.SIGKILL)
    wait_until(lambda: renderer.browser_pid() is None, 10, "the killed Chromium to be gone")
    assert renderer.draw([_small_chart()], 300)[0].startswith(b"\x89PNG"), "a dead browser is replaced"
    second = renderer.browser_pid()
    assert second not in (None, first)
    renderer.MAX_RENDERS = renderer._renders  # worn out: the next request opens a fresh one
    renderer.draw([_small_chart()], 300)
    assert renderer.browser_pid() not in (None, second)


def test_two_decks_asked_at_the_same_moment_both_arrive():
    together = threading.Barrier(2)
    decks = []

    def ask() -> None:
        together.wait()
        decks.append(deck_bytes(pack_of(), charts_to_png))

    askers = [threading.Thread(target=ask) for _ in range(2)]
    for asker in askers:
        asker.start()
    for asker in askers:
        asker.join(timeout=300)
    assert len(decks) == 2 and all(len(Presentation(io.BytesIO(deck)).slides) >= 8 for deck in decks)


def test_the_report_inlines_plotly_js_basic_bundle_with_its_licence_under_2_mb():
    page = report_html(pack_of())
    assert len(page.encode()) <= 2_000_000, "government mail systems cap attachments"
    assert "* plotly.js (basic - minified) v" in page and "Licensed under the MIT license" in page, (
        "licence header kept"
    )
    markup = re.sub(r"<script>.*?</script>", "", page, flags=re.S)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", markup), "the page loads nothing from outside the file"
    traces = {
        trace["type"]
        for chart in pack_of().charts
        for trace in json.loads(pack_of().chart(chart, presenting=False).to_json())["data"]
    }
    assert traces <= {"bar", "scatter"}, "every trace type the report draws is in the basic bundle"


def test_the_vendored_basic_bundle_is_the_plotly_js_of_the_pinned_plotly_py():
    from components.exports.images import FULL_PLOTLY_JS, PLOTLY_JS

    version = re.compile(rb"plotly\.js(?: \(basic - minified\))? (v[\d.]+)")
    assert version.search(PLOTLY_JS.read_bytes()[:200])[1] == version.search(FULL_PLOTLY_JS.read_bytes()[:200])[1]


def test_the_report_follows_the_language_and_keeps_the_original():
    page = report_html(pack_of(language="en"))
    assert '<html lang="en">' in page and "Unofficial translation" in page and '<details class="original"' in page


def test_the_workbook_keeps_numbers_as_numbers_and_derived_values_apart():
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(pack_of())))
    assert book.sheetnames == ["数据", "推算值", "各地做法", "来源"]
    data = book["数据"]
    header = [cell.value for cell in data[1]]
    rows = {row[0]: dict(zip(header, row)) for row in data.iter_rows(min_row=2, values_only=True)}
    assert rows["2019-court_cases"]["数值"] == 79362 and rows["2019-court_cases"]["同比变化(%)"] == -10.37
    assert rows["2019-assets_seized"]["单位"] == "亿元" and rows["2019-assets_seized"]["数值"] == 5.58
    assert all("推算" not in name for name in header), "reported figures only"
    derived = book["推算值"]
    assert "推算" in derived["A1"].value
    assert all("推算" in cell.value for cell in derived[2][2:])
    assert (
        round(
            next(row for row in derived.iter_rows(min_row=3, values_only=True) if row[0] == "2019-cases_solved")[2], 1
        )
        == 435.0
    )
    assert book["各地做法"].max_row == 21 and book["来源"]["B2"].value == "丽水日报"
    assert data.column_dimensions["D"].width >= 16, "a Chinese label column is wide enough for 8 characters"
    assert data.freeze_panes == "A2"


def test_every_file_shows_only_the_chosen_place():
    pack = pack_of(place="jinyun")
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(pack)))
    places = {row[0] for row in book["各地做法"].iter_rows(min_row=2, values_only=True)}
    assert places == {"缙云县", "全市"}, "the chosen place, and the city-wide practices"
    page = report_html(pack)
    assert "<strong>“正道讲和团”</strong>" in page and "<strong>“莲心工作室”</strong>" not in page
    assert "地区:缙云县" in page


@pytest.fixture
def hostile_dataset(data_copy):
    """Data text that starts like a formula, in a label, a domain name and a practice name."""

    def labels(rows):
        for row in rows:
            if row["metric"] == "criminal_cases":
                row["label_zh"] = HYPERLINK
            if row["metric"] == "fire_accidents":
                row["label_zh"] = "+SUM(1,2)"

    edit_rows(data_copy, "figures.csv", labels)
    edit_rows(data_copy, "domains.csv", lambda rows: rows[0].update(label_zh="@cmd|' /C calc'!A0"))
    edit_rows(data_copy, "practices.csv", lambda rows: rows[0].update(name_en="-2+3"))
    return load_dataset(data_copy)


def test_formula_text_is_neutralised_in_the_csv_and_the_workbook(hostile_dataset):
    pack = pack_of(data=hostile_dataset)
    labels = {d: words().domain(hostile_dataset.domains, d) for d in hostile_dataset.domains["id"]}
    csv = csv_bytes(export_frame(pack.shown, words(), "src", labels)).decode("utf-8-sig")
    assert "'" + HYPERLINK.replace('"', '""') in csv and "'+SUM(1,2)" in csv and "'@cmd" in csv
    assert "\n2019-criminal_cases,2019," in csv.replace("\r", ""), "numbers stay numbers"
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(pack)))
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert not [cell.value for cell in cells if cell.value.startswith(FORMULA_PREFIXES)]
    assert any(cell.value == "'" + HYPERLINK for cell in cells) and all(cell.data_type == "s" for cell in cells)
    english = openpyxl.load_workbook(io.BytesIO(workbook_bytes(pack_of(data=hostile_dataset, language="en"))))
    assert any(cell.value == "'-2+3" for row in english["Local practices"].iter_rows() for cell in row)


@pytest.mark.parametrize("prefix", FORMULA_PREFIXES)
def test_every_formula_prefix_is_neutralised(prefix):
    assert neutralise(f"{prefix}1+1") == f"'{prefix}1+1"
    assert neutralise(-13.8) == -13.8 and neutralise("刑事案件") == "刑事案件"


def test_the_csv_has_a_byte_order_mark_and_numbers():
    pack = pack_of()
    labels = {d: words().domain(dataset().domains, d) for d in dataset().domains["id"]}
    data = csv_bytes(export_frame(pack.shown, words(), "src", labels))
    assert data.startswith(b"\xef\xbb\xbf")
    assert ",79362.0," in data.decode("utf-8-sig") or ",79362," in data.decode("utf-8-sig")


def test_nothing_to_export_means_no_pack():
    assert pack_of(domains=()) is None
