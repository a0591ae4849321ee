"""Chart builders: traces, headline titles, source line, colours by meaning, honest handling of +451%."""

from __future__ import annotations

import pandas as pd
import pytest

from components import theme
from components.charts.base import axis_cut, tick_step, ticks
from components.charts.changes import build_changes_chart
from components.charts.index import build_index_chart
from components.charts.levels import build_levels_chart
from components.charts.registry import build_chart, chart_rows
from components.charts.share import build_share_chart
from components.data.derived import BAD, GOOD, enrich
from components.model.figures import with_change, with_metrics
from components.text.layout import text_width, wrap
from components.text.numbers import MINUS
from tests.support.helpers import SOURCE_LINE, context, dataset

CHARTS = [chart for chart in dataset().charts if chart.kind != "practices_map"]
ROOT_CHARTS = {chart.id: chart for chart in CHARTS}


def _annotation_texts(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations]


def _plain(text: str) -> str:
    return text.replace("<br>", "")


def _build(spec_id: str, figures: pd.DataFrame | None = None):
    spec = ROOT_CHARTS[spec_id]
    rows = chart_rows(spec, dataset().figures if figures is None else figures)
    return build_chart(spec, rows, context()), rows


@pytest.mark.parametrize("spec_id", [spec.id for spec in CHARTS])
def test_every_chart_carries_title_source_line_and_alt_text(spec_id):
    fig, rows = _build(spec_id)
    assert fig.layout.title.text
    assert any(SOURCE_LINE in _plain(text) for text in _annotation_texts(fig)), "source line inside the figure"
    alt = fig.layout.meta["alt"]
    assert SOURCE_LINE in alt and all(label in alt for label in rows["label_zh"])


@pytest.mark.parametrize(
    ("magnitudes", "cut"),
    [
        ([13.8, 21.5, 12.27, 17.7, 40.46, 451, 10.37], 70),
        ([13.8, 21.5, 12.27], None),
        ([451], None),
        ([10, 39], None),
        ([0.5, 3.0], 1),
        ([-2, 30], 3),
        ([-95, -5], None),
        ([-10, 450, 200], None),
        ([-13.8, 1700, 100000], 2550),  # huge rises: the cut is still a round number past the second
        ([5e11, 1e12, 2.5e11], None),
        ([1e12, 3], 5),
    ],
)
def test_axis_cut_only_for_a_real_outlier(magnitudes, cut):
    """Changes in %; only a rise more than 4x the next-largest change is cut."""
    assert axis_cut(pd.Series(magnitudes)) == cut


@pytest.mark.parametrize(
    ("span", "step"),
    [
        (0, 1),
        (0.5, 1),
        (2.5, 1),
        (3, 2),
        (91.5, 50),
        (2613.8, 2000),
        (100013.8, 50000),
        (1e12, 5e11),
        (float("inf"), 1),
        (float("nan"), 1),
    ],
)
def test_tick_step_is_round_for_any_span(span, step):
    assert tick_step(span) == step


@pytest.mark.parametrize(
    ("low", "high", "origin", "expected"),
    [
        (-21.5, 70, 0, [0, 50]),
        (78.5, 170, 100, [100, 150]),
        (-13.8, 2600, 0, [0, 2000]),  # a +2,600% rise once raised StopIteration
        (-13.8, 2550, 0, [0, 2000]),  # an axis cut past a +1,700% second-largest rise
        (86.2, 100100, 100, [100, 50100, 100100]),
        (0, 0, 0, [0]),
        (0, float("inf"), 0, []),
    ],
)
def test_ticks_fit_any_span(low, high, origin, expected):
    assert ticks(low, high, origin) == expected


def _with_changes(changes: dict[str, float]) -> pd.DataFrame:
    """The real figures with some changes replaced and the derived columns worked out again."""
    figures = dataset().figures.copy()
    for metric, change in changes.items():
        figures.loc[figures["metric"] == metric, "yoy_pct"] = change
    return enrich(figures)


@pytest.mark.parametrize("spec_id", ["changes", "index"])
@pytest.mark.parametrize(
    "changes",
    [
        {"assets_seized": 2600, "cases_solved": 1000},  # no cut: +2,600% is not 4x the next rise
        {"assets_seized": 100000, "cases_solved": 1700},  # cut at 2,550%
    ],
)
def test_huge_rises_still_draw_with_ticks_inside_the_axis(spec_id, changes):
    fig, _ = _build(spec_id, _with_changes(changes))
    low, high = fig.layout.xaxis.range
    assert fig.layout.xaxis.tickvals and all(low <= tick <= high for tick in fig.layout.xaxis.tickvals)


def test_changes_chart_draws_every_change_coloured_by_meaning():
    fig, _rows = _build("changes")
    bars = fig.data[0]
    assert len(bars.y) == 7
    shown = dict(zip(bars.y, bars.x))
    assert shown["道路交通事故"] == -21.5 and shown["扫黑除恶破获案件"] == 40.46
    assert set(bars.marker.color) == {theme.OUTCOME_COLOURS[GOOD]}
    assert fig.layout.xaxis.zeroline is True
    assert _plain(fig.layout.title.text).startswith("7项同比指标全部向好")


def test_changes_chart_cuts_451_percent_without_hiding_it():
    fig, _ = _build("changes")
    shown = dict(zip(fig.data[0].y, fig.data[0].x))
    assert shown["查扣非法资产"] == 70, "drawn to the cut"
    labels = _annotation_texts(fig)
    assert any(text.startswith("+451%") for text in labels), "true value labelled"
    assert any("截断" in _plain(text) for text in labels), "the cut is explained"
    assert len(fig.layout.shapes) == 2, "break marks on the cut bar"
    assert max(fig.layout.xaxis.tickvals) <= 70, "no tick beyond the cut"


def test_changes_chart_colours_bad_news_differently():
    figures = dataset().figures.copy()
    figures.loc[figures["metric"] == "fire_accidents", ["yoy_pct", "outcome"]] = [12.27, BAD]
    fig, _ = _build("changes", figures)
    colours = dict(zip(fig.data[0].y, fig.data[0].marker.color))
    assert colours["火灾事故"] == theme.OUTCOME_COLOURS[BAD]
    assert colours["刑事案件"] == theme.OUTCOME_COLOURS[GOOD]
    assert any(text.startswith("+12.27% 转差") for text in _annotation_texts(fig)), "meaning also in words"
    assert "6项同比指标向好,1项未向好" in _plain(fig.layout.title.text)


def test_share_chart_shows_98_2_against_a_full_track_with_context():
    fig, _ = _build("security")
    track, bar = fig.data
    assert list(track.x) == [100] and list(bar.x) == [98.2]
    assert list(fig.layout.xaxis.range) == [0, 102]
    assert _plain(fig.layout.title.text).startswith("群众安全感达98.2%,创出了近8年的新高")


def test_crackdown_chart_shows_parts_inside_the_whole_and_derived_levels_marked():
    fig, _ = _build("crackdown")
    whole, part = fig.data[0], fig.data[1]
    assert list(whole.x) == [27] and list(part.x) == [10]
    derived = [trace for trace in fig.data if trace.marker.pattern and trace.marker.pattern.shape]
    assert len(derived) == 2
    for trace in derived:
        assert trace.marker.pattern.shape[0] == "/" and "推算" in trace.text[0]
        assert trace.marker.color[0] == theme.DERIVED_COLOUR
    cases = derived[0]
    assert cases.x[0] == pytest.approx(611 / 1.4046) and cases.x[1] == 611
    assert cases.text[0] == "约435起(推算)" and cases.text[1] == "611起(+40.46%)"
    assert any("推算" in _plain(text) and "非原文报道" in _plain(text) for text in _annotation_texts(fig))


def test_courts_chart_headline_and_first_fall_context():
    fig, _ = _build("courts")
    title = _plain(fig.layout.title.text)
    assert title.startswith("法院新收案件79,362件,同比减少10.37%")
    assert "实现多年来收案件量首次同比下降" in title
    bar = fig.data[0]
    assert bar.text[0] == "约88,544件(推算)" and bar.text[1] == f"79,362件({MINUS}10.37%)"


def test_index_chart_marks_100_and_every_2019_value():
    fig, _ = _build("index")
    points = fig.data[2]
    assert set(fig.data[1].x) == {100}
    values = dict(zip(points.y, points.text))
    assert values["刑事案件"] == "86.2" and values["扫黑除恶破获案件"] == "140.46"
    assert values["查扣非法资产"] == "551(截断)"
    assert dict(zip(points.y, points.x))["查扣非法资产"] == 170


@pytest.mark.parametrize(("change", "symbol"), [(0, "diamond"), (-13.8, "triangle-left"), (40.46, "triangle-right")])
def test_index_chart_marker_points_the_way_the_figure_moved(change, symbol):
    """A 0% change (index exactly 100) gets a neutral mark, not a rise's triangle."""
    fig, _ = _build("index", _with_changes({"criminal_cases": change}))
    points = fig.data[2]
    assert dict(zip(points.y, points.marker.symbol))["刑事案件"] == symbol


def test_builders_accept_a_single_row():
    rows = with_change(dataset().figures).head(1)
    fig = build_changes_chart(rows, context())
    assert _plain(fig.layout.title.text).startswith("刑事案件同比下降13.8%")
    assert build_index_chart(rows, context()).data
    assert build_levels_chart(with_metrics(dataset().figures, ["court_cases"]), context()).data
    assert build_share_chart(with_metrics(dataset().figures, ["sense_of_security"]), context()).data


@pytest.mark.parametrize("spec_id", [spec.id for spec in CHARTS])
def test_a_very_long_label_still_draws_the_chart(spec_id):
    """Hand-edited data may hold a 300-character label; panel titles then wrap to many lines."""
    figures = dataset().figures.copy()
    figures["label_zh"] = figures["label_zh"] + "很长的名称" * 60
    fig, _ = _build(spec_id, figures)
    assert fig.data


@pytest.mark.parametrize(
    "text",
    [
        "打掉黑恶团伙27个 · 破获案件611起 · 查扣非法资产5.58亿元",
        "推算:上年数值 = 本年数值 ÷ (1 + 同比变化),由原文数字计算,非原文报道。",
    ],
)
def test_wrap_keeps_every_line_within_budget(text):
    lines = wrap(text, 17).split("<br>")
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(text_width(line) <= 17 for line in lines)


def test_the_figures_table_is_escaped_html_with_aligned_numbers():
    from components.html.tables import figures_table_html, table_html
    from tests.support.app_text import html_table
    from tests.support.helpers import words

    hostile = pd.DataFrame({"名称": ["<script>alert(1)</script>"], "数值": ["1,234件"]})
    body = table_html(hostile, {"数值"})
    assert "<script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert '<th scope="col" class="num">数值</th>' in body and '<td data-label="数值" class="num">1,234件</td>' in body
    table = html_table(figures_table_html(dataset().figures, dataset(), words()))
    assert len(table) == 10 and table.loc[table["指标"] == "法院新收案件", "数值"].tolist() == ["79,362件"]
