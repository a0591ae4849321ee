"""Local practices: tile placement from the seats' coordinates, selection by domain and section, the map."""

from __future__ import annotations

import itertools
import math

import lxml.html
import pandas as pd
import pytest

from components import theme
from components.charts.practice_map import build_practice_map, tile_fill
from components.html.practice_list import practice_groups_html
from components.model.figures import View
from components.model.practices import PracticeView, map_tiles, practices_shown, split_citywide
from components.model.tiles import _cost, _scaled, grid_size, tile_cells
from tests.support.helpers import REVIEW, SOURCE_LINE, context, dataset, words

ALL_DOMAINS = tuple(dataset().domains["id"])


def _seats() -> dict[str, tuple[float, float]]:
    counties = dataset().places[dataset().places["kind"] == "county"]
    return {row.id: (row.lat, row.lon) for row in counties.itertuples()}


def _map(domains=ALL_DOMAINS, section="", selected=None):
    data = dataset()
    in_article, shown = practices_shown(data, PracticeView(View(REVIEW, domains), section))
    local, city = split_citywide(data.places, shown)
    tiles = map_tiles(data.places, in_article, local)
    return build_practice_map(tiles, shown, len(city), selected, context()), tiles, shown


def test_every_county_gets_its_own_cell_on_the_grid():
    cells = tile_cells(_seats())
    assert set(cells) == set(_seats())
    assert len(set(cells.values())) == len(cells)
    side = grid_size(len(cells))
    assert all(0 <= col < side and 0 <= row < side for col, row in cells.values())


def test_tiles_keep_the_seats_compass_order():
    """A seat more than half a cell east (or north) of another is never drawn west (or south) of it,
    and one more than a cell and a half away is drawn in a column (or row) of its own."""
    seats, cells = _seats(), tile_cells(_seats())
    targets = _scaled(seats, grid_size(len(seats)))
    for first, second in itertools.permutations(seats, 2):
        for axis, direction in ((0, "east"), (1, "north")):
            gap = targets[first][axis] - targets[second][axis]
            if gap > 0.5:
                assert cells[first][axis] >= cells[second][axis], f"{first} lies {direction} of {second}"
            if gap > 1.5:
                assert cells[first][axis] > cells[second][axis], f"{first} lies well {direction} of {second}"


def test_each_tile_is_within_a_cell_of_its_seat():
    seats, cells = _seats(), tile_cells(_seats())
    targets = _scaled(seats, grid_size(len(seats)))
    assert all(math.sqrt(_cost(targets[place], cells[place])) <= 1 for place in seats)


def test_the_real_layout_puts_the_corners_where_they_are():
    cells = tile_cells(_seats())
    assert cells["qingyuan"] == (0, 0), "Qingyuan is the south-west corner"
    assert cells["jinyun"][1] == cells["suichang"][1] == 3, "Jinyun and Suichang are the north"
    assert cells["qingtian"][0] == 3, "Qingtian is the east"
    assert cells["longquan"][0] == 0, "Longquan is the west"


def test_no_move_or_swap_would_lower_the_total_displacement():
    seats = _seats()
    cells, targets = tile_cells(seats), _scaled(seats, grid_size(len(seats)))
    side = grid_size(len(seats))
    total = sum(_cost(targets[p], cells[p]) for p in seats)
    free = {(c, r) for c in range(side) for r in range(side)} - set(cells.values())
    for place in seats:
        for cell in free:
            assert total - _cost(targets[place], cells[place]) + _cost(targets[place], cell) >= total - 1e-9
    for first, second in itertools.combinations(seats, 2):
        swapped = _cost(targets[first], cells[second]) + _cost(targets[second], cells[first])
        assert swapped >= _cost(targets[first], cells[first]) + _cost(targets[second], cells[second]) - 1e-9


def test_placement_does_not_depend_on_the_order_of_the_rows():
    seats = _seats()
    assert tile_cells(dict(reversed(list(seats.items())))) == tile_cells(seats)


def test_the_domain_filter_and_the_section_filter_narrow_the_practices():
    data = dataset()
    _, everything = practices_shown(data, PracticeView(View(REVIEW, ALL_DOMAINS)))
    assert len(everything) == len(data.practices) == 20
    _, fire = practices_shown(data, PracticeView(View(REVIEW, ("fire",))))
    assert fire["id"].tolist() == ["safety-reports"]
    _, disputes_at_source = practices_shown(data, PracticeView(View(REVIEW, ("disputes",)), "source"))
    assert set(disputes_at_source["section"]) == {"source"}
    assert "lianxin-studio" in set(disputes_at_source["id"]) and "open-voting" not in set(disputes_at_source["id"])


def test_tiles_count_the_practices_shown_and_know_which_places_the_article_names():
    _, tiles, _ = _map()
    counts = dict(zip(tiles["id"], tiles["count"]))
    assert counts == {
        "liandu": 2,
        "longquan": 1,
        "qingtian": 0,
        "jinyun": 2,
        "suichang": 2,
        "songyang": 0,
        "yunhe": 0,
        "qingyuan": 0,
        "jingning": 1,
        "devzone": 1,
    }
    named = set(tiles.loc[tiles["mentioned"], "id"])
    assert named == {"liandu", "longquan", "jinyun", "suichang", "jingning", "devzone"}
    _, filtered, _ = _map(domains=("fire",))
    assert filtered["count"].sum() == 0 and set(filtered.loc[filtered["mentioned"], "id"]) == named


def test_the_zone_sits_inside_its_county_tile():
    fig, tiles, _ = _map()
    rects = [shape for shape in fig.layout.shapes if shape.type == "rect"]
    by_place = dict(zip(tiles["id"], rects))
    zone, county = by_place["devzone"], by_place["liandu"]
    assert county.x0 < zone.x0 < zone.x1 < county.x1 and county.y0 < zone.y0 < zone.y1 < county.y1


def test_map_shades_by_count_and_never_marks_an_unnamed_place_as_bad():
    fig, tiles, _ = _map()
    rects = [shape for shape in fig.layout.shapes if shape.type == "rect"]
    assert len(rects) == len(tiles)
    for shape, (_, tile) in zip(rects, tiles.iterrows()):
        assert shape.fillcolor == tile_fill(tile["count"])
        assert shape.fillcolor != theme.OUTCOME_COLOURS["bad"]
    texts = [annotation.text for annotation in fig.layout.annotations]
    assert sum("未提及" in text for text in texts) == 4, "Qingtian, Songyang, Yunhe and Qingyuan are labelled"
    assert any("缙云" in text and "2项" in text for text in texts)
    assert tile_fill(0) == theme.NO_PRACTICE_COLOUR


def test_map_title_counts_places_practices_and_city_wide_ones():
    fig, _, _ = _map()
    assert fig.layout.title.text.startswith("原文点名6地的9项做法,<br>另有11项在全市推行")
    assert SOURCE_LINE in "".join(a.text for a in fig.layout.annotations)
    alt = fig.layout.meta["alt"]
    assert "缙云县:2项" in alt and "青田县:未提及" in alt and "全市:11项" in alt


def test_a_filtered_out_place_says_so_instead_of_not_mentioned():
    fig, _, _ = _map(domains=("public_order",))
    texts = [annotation.text for annotation in fig.layout.annotations]
    assert any("龙泉" in text and "筛选后无" in text for text in texts)


def test_each_tile_can_be_clicked_and_the_selected_one_is_outlined():
    fig, tiles, _ = _map(selected="jinyun")
    targets = fig.data[0]
    assert list(targets.customdata) == tiles["id"].tolist()
    assert fig.layout.clickmode == "event+select"
    rects = dict(zip(tiles["id"], [shape for shape in fig.layout.shapes if shape.type == "rect"]))
    assert rects["jinyun"].line.width > rects["liandu"].line.width
    assert "“正道讲和团”" in targets.text[tiles.index[tiles["id"] == "jinyun"][0]]


def test_data_text_in_the_map_and_list_is_escaped():
    data = dataset()
    places = data.places.copy()
    places.loc[places["id"] == "jinyun", "short_zh"] = "<b onmouseover=alert(1)>缙云</b>"
    practices = data.practices.copy()
    practices.loc[practices["id"] == "lianxin-studio", "name_zh"] = "<script>alert(1)</script>"
    in_article, shown = practices, practices
    local, city = split_citywide(places, shown)
    fig = build_practice_map(map_tiles(places, in_article, local), shown, len(city), None, context())
    text = "".join(a.text for a in fig.layout.annotations) + "".join(fig.data[0].text)
    assert "<b onmouseover" not in text and "&lt;b onmouseover=alert(1)&gt;" in text
    assert "<script>" not in text and "&lt;script&gt;" in text
    html = practice_groups_html(
        [("<i>x</i>", practices[practices["place"] == "liandu"])], data.sections, data.domains, words()
    )
    assert "<script>" not in html and "<i>x</i>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_list_shows_each_practice_with_its_quote_section_and_domains(language):
    data = dataset()
    rows = data.practices[data.practices["place"] == "liandu"]
    html = practice_groups_html([("莲都区", rows)], data.sections, data.domains, words(language))
    if language == "zh":
        assert '莲都区<mark class="figure-mark">“莲心工作室”</mark>' in html
        assert "源头治理 · 矛盾纠纷化解" in html and "2项做法" in html
    else:
        quotes = lxml.html.fragment_fromstring(html, create_parent="div").xpath("//blockquote/text()")
        assert (
            any("Liandu District's “Lianxin Studio”" in quote for quote in quotes) and "Unofficial translation" in html
        )
        assert '<details class="original"' in html and "莲都区" in html
    names = practice_groups_html([("莲都区", rows)], data.sections, data.domains, words(language), detail="names")
    assert "<blockquote>" not in names and names.count("<li>") == 2


def test_practices_tables_are_never_mutated_by_the_view():
    data = dataset()
    before = data.practices.copy(deep=True), data.places.copy(deep=True)
    _map(selected="liandu")
    pd.testing.assert_frame_equal(data.practices, before[0])
    pd.testing.assert_frame_equal(data.places, before[1])
