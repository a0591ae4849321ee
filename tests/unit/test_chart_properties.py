"""Property test: every chart kind draws any valid figure table, with its labels inside the figure
and a title that states the data."""

from __future__ import annotations

import math
import re
import string

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.charts.base import ChartContext
from components.charts.registry import KINDS, build_chart, chart_rows
from components.data import schema
from components.data.derived import enrich
from components.data.records import ChartDeclaration
from components.model.figures import headline_figures
from tests.support.helpers import dataset, words

REAL = dataset().figures
RAW_COLUMNS = ["line", *(column.name for column in schema.FIGURES)]
TEMPLATE = REAL[REAL["metric"] == "cases_solved"].iloc[0][RAW_COLUMNS]  # a level and a change
CHANGE_KINDS = ("changes", "index")  # charts of every figure with a change; the others draw levels
LATIN = string.ascii_letters + string.digits + " "
LABELS = (
    st.text(
        st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), st.sampled_from(LATIN)),
        min_size=1,
        max_size=200,
    )
    .map(str.strip)
    .filter(bool)
)
DECIMALS = st.integers(0, 2)


def _change(draw) -> tuple[float, int]:
    decimals = draw(DECIMALS)  # -99.9% needs a decimal: written as a whole number it would be -100%
    change = draw(st.one_of(st.just(0.0), st.floats(-99.9 if decimals else -99, 100_000)))
    return round(change, decimals), decimals


def _level(draw, kind: str) -> tuple[float, int]:
    level = draw(st.floats(0, 100) if kind == "share" else st.one_of(st.just(0.0), st.floats(0, 1e12)))
    decimals = draw(DECIMALS)
    return round(level, decimals), decimals


@st.composite
def figure_tables(draw, kind: str) -> tuple[str, pd.DataFrame]:
    """(language, an enriched figure table of 1-60 metrics that ``kind`` can draw); a share chart
    gets percentages, a levels chart levels with some parts inside their wholes."""
    language = draw(st.sampled_from(("zh", "en")))
    rows: list[dict] = []
    for position in range(draw(st.integers(1, 60))):
        has_change = (kind in CHANGE_KINDS and position == 0) or draw(st.booleans())
        has_level = kind not in CHANGE_KINDS or not has_change or draw(st.booleans())
        unit = "%" if kind == "share" else draw(st.sampled_from(schema.UNITS))
        level, level_decimals = _level(draw, kind) if has_level else (None, 0)
        change, change_decimals = _change(draw) if has_change else (None, 0)
        label = draw(LABELS)
        row = {
            **TEMPLATE.to_dict(),
            "line": position + 2,
            "id": f"figure-{position}",
            "metric": f"metric_{position}",
            "label_zh": label,
            "label_en": label,
            "value": level,
            "unit": unit if has_level else "",
            "value_text": f"{level:.{level_decimals}f}{unit}" if has_level else "",
            "value_text_en": f"{level:.{level_decimals}f}" if has_level else "",
            "yoy_pct": change,
            "better": draw(st.sampled_from(schema.BETTER_CHOICES)),
            "parent": "",
            "yoy_text": f"{'增长' if change >= 0 else '下降'}{abs(change):.{change_decimals}f}%" if has_change else "",
            "yoy_text_en": f"{'up' if change >= 0 else 'down'} {abs(change):.{change_decimals}f}%"
            if has_change
            else "",
            "context_text": "",
            "context_text_en": "",
            "source_quote": label,
            "source_quote_en": label,
        }
        wholes = [whole for whole in rows if not whole["parent"] and whole["value"] is not None]
        if kind == "levels" and has_level and wholes and draw(st.booleans()):
            whole, share = draw(st.sampled_from(wholes)), draw(st.floats(0, 1))
            part = math.floor(whole["value"] * share * 10**level_decimals) / 10**level_decimals  # never above the whole
            row.update(
                parent=whole["id"],
                unit=whole["unit"],
                value=part,
                value_text=f"{part:.{level_decimals}f}{whole['unit']}",
                value_text_en=f"{part:.{level_decimals}f}",
            )
        rows.append(row)
    raw = pd.DataFrame(rows, columns=RAW_COLUMNS).astype(REAL[RAW_COLUMNS].dtypes.to_dict())
    figures = enrich(raw)
    assert list(figures.columns) == list(REAL.columns), "the same columns as the real enriched table"
    return language, figures


def _declaration(kind: str, figures: pd.DataFrame) -> ChartDeclaration:
    """The chart as charts.toml would declare it: every change, or the metrics with a level."""
    metrics = None if kind in CHANGE_KINDS else tuple(figures.loc[figures["value"].notna(), "metric"])
    return ChartDeclaration("generated", kind, metrics, "quotes")


def _good(rows: pd.DataFrame) -> int:
    """Changes that are good news, counted without the code under test."""
    return sum(
        better != "neutral" and change != 0 and (change > 0) == (better == "higher")
        for change, better in zip(rows["yoy_pct"], rows["better"])
    )


def _check_title(kind: str, title: str, rows: pd.DataFrame, language: str) -> None:
    label = words(language).label
    if kind == "changes" and len(rows) > 1:
        assert sum(map(int, re.findall(r"\d+", title))) == len(rows), "the count of changes, split by meaning"
    elif kind == "index":
        assert {len(rows), _good(rows)} <= set(map(int, re.findall(r"\d+", title)))
    elif kind == "levels":
        assert label(headline_figures(rows).iloc[0])[:8] in title
    else:
        assert label(rows.iloc[0])[:8] in title


def _value_labels(fig) -> list:
    return [note for note in fig.layout.annotations if note.xref != "paper"]


def _x_range(fig, axis: str | None) -> tuple[float, float]:
    """The range of the x-axis a trace or an annotation refers to ("x", "x2", ...)."""
    return tuple(fig.layout[(axis or "x").replace("x", "xaxis")].range)


def _check_inside(fig) -> None:
    """Value labels, ticks and bars lie inside their x-axis range."""
    for note in _value_labels(fig):
        low, high = _x_range(fig, note.xref)
        assert low <= note.x <= high, note.text
    for axis in fig.select_xaxes():
        low, high = axis.range
        assert math.isfinite(low) and math.isfinite(high) and low < high
        assert all(low <= tick <= high for tick in axis.tickvals or ())
    for bar in (trace for trace in fig.data if trace.type == "bar"):
        low, high = _x_range(fig, bar.xaxis)
        assert all(low <= x <= high for x in bar.x)


@pytest.mark.parametrize("kind", sorted(KINDS))
@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_chart_kind_draws_any_valid_table(kind, data):
    language, figures = data.draw(figure_tables(kind))
    chart = _declaration(kind, figures)
    rows = chart_rows(chart, figures)
    assert not rows.empty
    fig = build_chart(chart, rows, ChartContext(words(language), "src"))
    assert math.isfinite(fig.layout.height) and fig.layout.height > 0
    if kind in CHANGE_KINDS:
        assert len(_value_labels(fig)) == len(rows), "a value label on every mark"
    _check_inside(fig)
    _check_title(kind, fig.layout.meta["title"], rows, language)
