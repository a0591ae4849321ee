"""Objects most tests need: the real dataset enriched, and Chinese wording."""

from __future__ import annotations

from functools import cache

from components.charts.base import ChartContext
from components.data.loader import load_dataset
from components.data.records import Dataset
from components.text.catalog import load_catalog
from components.text.numbers import NumberFormat
from components.text.wording import Wording
from tests.support.data_files import DATA

SOURCE_LINE = "来源:测试来源"
REVIEW = "lishui-daily-2020-03-10"  # the real 2019 review


@cache
def dataset() -> Dataset:
    return load_dataset(DATA)


def words(language: str = "zh") -> Wording:
    return Wording(load_catalog(language), NumberFormat(language))


def context() -> ChartContext:
    return ChartContext(words(), SOURCE_LINE)


def figure_row(metric: str):
    figures = dataset().figures
    return figures[figures["metric"] == metric].iloc[0]


def rendered(markdown: str) -> str:
    """What escaped Markdown shows on the page (backslash escapes removed)."""
    import re

    return re.sub(r"\\(.)", r"\1", markdown)


def pack_of(domains: tuple[str, ...] | None = None, place: str = "", language: str = "zh", data: Dataset | None = None):
    """The meeting pack of the 2019 review for ``domains`` (all by default), ``place`` and ``language``."""
    from components.exports.pack import build_pack
    from components.model.figures import View
    from components.model.practices import PracticeView

    data = data or dataset()
    return build_pack(
        data,
        PracticeView(View(REVIEW, tuple(data.domains["id"]) if domains is None else domains)),
        place,
        words(language),
    )
