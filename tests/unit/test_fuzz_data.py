"""Arbitrary bytes in each data file: the loader returns a dataset or raises the project's own
DataError, whose every problem can be put into words; nothing else ever escapes."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.data import schema
from components.data.loader import load_dataset
from components.data.records import DataError
from components.text.catalog import load_catalog
from components.text.problems import describe
from tests.support.data_files import DATA

FILES = [*schema.TABLES, schema.SOURCES_FILE, "articles/lishui-daily-2020-03-10.txt"]
CATALOGS = [load_catalog("zh"), load_catalog("en")]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """One copy of data/ for the module; each example rewrites one file and puts it back."""
    target = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(DATA, target)
    return target


@st.composite
def damaged(draw, original: bytes) -> bytes:
    """Random bytes, or the real file with a stretch replaced by random bytes or text."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=4096))
    start = draw(st.integers(0, len(original)))
    end = draw(st.integers(start, min(len(original), start + 200)))
    patch = draw(st.one_of(st.binary(max_size=64), st.text(max_size=64).map(str.encode)))
    return original[:start] + patch + original[end:]


@pytest.mark.parametrize("name", FILES)
def test_any_bytes_give_a_dataset_or_a_data_error(folder, name):
    path = folder / name
    original = (DATA / name).read_bytes()

    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None, derandomize=True
    )  # the same bytes on every run (to explore others: False, and --hypothesis-seed)
    @given(content=damaged(original))
    def check(content: bytes) -> None:
        path.write_bytes(content)
        try:
            problems = _problems(folder)
        finally:
            path.write_bytes(original)
        for catalog in CATALOGS:
            for problem in problems:
                assert describe(problem, catalog)

    check()


def _problems(folder) -> list:
    """The problems loading ``folder`` reports: none when it loads, else at least one."""
    try:
        load_dataset(folder)
    except DataError as error:
        problems = error.problems
    else:
        return []
    assert problems, "a refused folder names what is wrong"
    return problems
