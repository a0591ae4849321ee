"""一图读懂 (At a glance): what the long image shows for a view, how it is cut and named, and that every
character it sets has a glyph in the fonts the machine has (no tofu boxes)."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from functools import cache
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
import segno
from PIL import Image

from components.exports import at_a_glance as glance
from components.exports.images import page_to_png
from components.exports.pack import build_pack
from components.exports.registry import EXPORTS
from components.html.kpis import kpi_cards
from components.model.figures import View
from components.model.practices import PracticeView
from tests.support.data_files import with_second_review
from tests.support.helpers import REVIEW, dataset, words

ALL = tuple(dataset().domains["id"])
FONTS = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _pack(domains=ALL, language="zh", place="", data=None, review=REVIEW):
    return build_pack(data or dataset(), PracticeView(View(review, domains)), place, words(language))


def _values(pack, link=None):
    return glance.glance_values(pack, glance.chart_drawings(pack), link)


def _html(pack):
    return glance.glance_html(pack, glance.chart_drawings(pack))


class _Text(HTMLParser):
    """The text a page sets, outside <style>."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], False

    def handle_starttag(self, tag, attrs):
        self._skip = tag in ("style", "svg")

    def handle_endtag(self, tag):
        self._skip = False

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_kpi_of_the_view_the_title_and_the_source_line_are_in_the_picture(language):
    pack = _pack(language=language)
    values = _values(pack)
    assert [card.label for card in values["cards"]] == [card.label for card in kpi_cards(pack.shown, pack.words)]
    assert len(values["cards"]) == 9 and values["byline"] == pack.words.byline(pack.source)
    text = _text(_html(pack))
    for card in values["cards"]:
        assert card.label in text and "".join(piece for piece, _ in card.value_pieces) in text.replace("</span>", "")
    assert pack.title() in text and pack.words.byline(pack.source) in text
    assert [chart.headline for chart in values["charts"]] == [
        pack.chart(c, False).layout.meta["title"] for c in pack.charts
    ]


def test_a_sentence_of_the_article_carries_each_chart_and_none_is_repeated():
    values = _values(_pack())
    sentences = [chart.sentence for chart in values["charts"] if chart.sentence]
    article = dataset().source(REVIEW).article
    assert sentences and all(sentence in article for sentence in sentences)
    assert len(sentences) == len(set(sentences)) and values["charts"][0].sentence


def test_the_derived_note_comes_with_derived_values_only():
    assert _values(_pack())["derived"]
    assert not _values(_pack(("sense_of_security",)))["derived"]


def test_the_places_and_their_practices_come_when_the_view_shows_them():
    practices = dict(_values(_pack())["practices"])
    assert "缙云县" in practices and "“正道讲和团”" in practices["缙云县"]


def test_the_qr_code_opens_the_same_view_on_the_public_address(monkeypatch):
    pack = _pack(("fire", "road_traffic"), language="en")
    assert glance.view_link(pack) is None and "<svg" not in _html(pack)
    monkeypatch.setenv(glance.PUBLIC_URL_ENV, "https://safety.example.gov.cn/dashboard/")
    link = glance.view_link(pack)
    assert link.startswith("https://safety.example.gov.cn/dashboard/?")
    assert parse_qs(urlsplit(link).query) == {
        "review": [REVIEW],
        "lang": ["en"],
        "domain": ["Fire safety", "Road traffic"],
    }
    html = _html(pack)
    assert segno.make(link, error="m").svg_inline(scale=6, border=2).count("<path") == html.count("<path")
    assert "Scan to open this view" in html


def test_markup_in_the_data_is_text_in_the_picture(tmp_path):
    import shutil

    from components.data.loader import load_dataset
    from tests.support.data_files import DATA, edit_rows

    shutil.copytree(DATA, tmp_path / "data")

    def hostile(rows):
        rows[0]["label_zh"] = "<script>alert(1)</script>刑事案件"

    edit_rows(tmp_path / "data", "figures.csv", hostile)
    html = _html(_pack(data=load_dataset(tmp_path / "data")))
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;刑事案件" in html


def test_a_tall_picture_is_cut_between_blocks_into_parts_of_at_most_6000_px():
    bottoms = [700, 1900, 4000, 5900, 7100, 9000, 9300, 9300]  # the footer ends where the page does
    assert glance.cuts(bottoms, 1) == [0, 9300]
    assert glance.cuts(bottoms, 2) == [0, 4000, 9300]  # the most even cut
    assert glance.cuts(bottoms, 3) == [0, 4000, 7100, 9300]
    assert glance.cuts([3000, 9500, 12000], 2) == [0, 3000, 12000]  # a block taller than a part stays whole
    assert glance.cuts([12000, 12000], 3) == [0, 12000]  # one block cannot be cut


def test_the_file_is_named_for_its_view_and_is_a_zip_only_when_tall():
    png, whole = EXPORTS["png"], _pack()
    assert png.file_type(_pack(("fire",))) == ("png", "image/png")
    assert png.file_type(whole) == ("zip", "application/zip")
    assert whole.words.file_name(png.file_name_key, whole.source, extension="png") == "平安丽水_2019_一图读懂.png"
    archive = zipfile.ZipFile(io.BytesIO(glance.glance_file([b"1", b"2"], "平安丽水_2019_一图读懂")))
    assert archive.namelist() == ["平安丽水_2019_一图读懂_1.png", "平安丽水_2019_一图读懂_2.png"]
    assert glance.glance_file([b"only"], "x") == b"only"


@cache
def _covered() -> frozenset[int]:
    """Every code point the machine's CJK and Latin fonts have a glyph for (fontconfig's charset)."""
    points = set()
    for font in FONTS:
        charset = subprocess.run(
            ["fc-query", "--format=%{charset}", font], capture_output=True, text=True, check=True
        ).stdout.split("\n", 1)[0]
        for span in charset.split():
            first, _, last = span.partition("-")
            points.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(points)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_character_of_the_picture_has_a_glyph(language, tmp_path):
    data = dataset() if language == "zh" else None
    for pack in (_pack(language=language, data=data), _pack(language=language, data=_fictional(tmp_path))):
        text = _text(_html(pack))
        missing = {char for char in text if not char.isspace() and ord(char) not in _covered()}
        assert missing == set(), f"no glyph for {sorted(missing)}"


def _fictional(tmp_path):
    from components.data.loader import load_dataset

    return load_dataset(with_second_review(tmp_path / "two"))


@pytest.mark.slow  # draws with Chromium; the browser test downloads the same picture
@pytest.mark.parametrize(("language", "domains", "parts"), [("zh", ALL, 2), ("en", ("fire",), 1)])
def test_the_picture_is_2160_px_wide_under_2_mb_and_cut_as_named(language, domains, parts):
    pack = _pack(domains, language)
    pictures = glance.glance_pictures(pack, page_to_png)
    assert len(pictures) == parts == glance.estimated_parts(pack)
    for picture in pictures:
        image = Image.open(io.BytesIO(picture))
        assert image.format == "PNG" and image.size[0] == 2 * glance.WIDTH and len(picture) < glance.MAX_BYTES
        assert image.size[1] <= 2 * glance.PART_HEIGHT * 1.2
    drawn = sum(Image.open(io.BytesIO(picture)).size[1] for picture in pictures) / 2
    assert abs(glance.estimated_height(pack, glance.chart_drawings(pack)) - drawn) < 0.15 * drawn, (
        "the name (.png or .zip) is decided on it"
    )
    first = Image.open(io.BytesIO(pictures[0])).convert("RGB")
    assert first.getpixel((20, 20)) == (11, 99, 168), "the title band is at the top"


@pytest.mark.slow  # draws with Chromium
def test_the_picture_of_the_fictional_review_is_drawn(tmp_path):
    data = _fictional(tmp_path)
    review = next(review for review in data.reviews if review != REVIEW)
    pack = _pack(tuple(data.domains["id"]), data=data, review=review)
    pictures = glance.glance_pictures(pack, page_to_png)
    assert pictures and all(Image.open(io.BytesIO(p)).size[0] == 2160 for p in pictures)
    assert re.search("2020", _text(_html(pack)))


def test_a_chart_s_words_cannot_end_the_script_that_draws_it():
    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=[1], y=["</script><script>alert(1)</script> & more"]))
    json_text = glance.script_json(fig)
    assert "<" not in json_text and ">" not in json_text and "&" not in json_text
    import json

    assert json.loads(json_text)["data"][0]["y"] == ["</script><script>alert(1)</script> & more"]
