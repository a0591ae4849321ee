"""Hostile data folders (tests/support/hostile.py): each is named by the loader, by the validation CLI and on
the page, in its own words, with no traceback and no partial dashboard."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components.data.loader import DATA_DIR_ENV, load_dataset
from components.data.records import DataError
from components.text.catalog import load_catalog
from components.text.problems import message
from components.validate import main as validate
from tests.support.app_text import kpi_cards
from tests.support.data_files import ROOT
from tests.support.helpers import rendered
from tests.support.hostile import HOSTILE_CASES, HostileCase, break_copy

CASES = pytest.mark.parametrize("case", HOSTILE_CASES, ids=[case.name for case in HOSTILE_CASES])


def _problems(folder) -> list:
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    return caught.value.problems


@CASES
def test_the_loader_names_the_problem(case: HostileCase, data_copy):
    problems = _problems(break_copy(case, data_copy))
    assert (case.file, case.code) in [(p.file, p.code) for p in problems]
    said = [message(p, load_catalog("zh")) for p in problems if p.code == case.code]
    assert any(case.says in text for text in said), said


@CASES
def test_the_validation_cli_names_the_problem_without_a_traceback(case: HostileCase, data_copy, capsys):
    assert validate([str(break_copy(case, data_copy))]) == 1
    out = capsys.readouterr()
    assert not out.out and "Traceback" not in out.err
    line = next(line for line in out.err.splitlines() if case.says in line)
    assert line.startswith(f"  - {case.file}")


@CASES
def test_the_page_names_the_problem_and_shows_nothing_else(case: HostileCase, data_copy, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(break_copy(case, data_copy)))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "数据无法显示"
    table = at.table[0].value
    rows = [
        (rendered(where), rendered(what))
        for where, what in zip(table.iloc[:, 0], table.iloc[:, 1])
        if case.says in rendered(what)
    ]
    assert rows and rows[0][0].startswith(case.file), table
    assert not at.get("plotly_chart") and not at.multiselect, "no partial dashboard"
    assert not [element for element in at.get("html") if 'class="kpi-cards"' in element.proto.body]


def test_every_case_has_a_message_of_its_own():
    catalog = load_catalog("zh")
    codes = {case.code for case in HOSTILE_CASES}
    assert len({catalog.messages[f"problem.{code}"] for code in codes}) == len(codes)


def test_a_utf8_bom_is_read_as_utf8_on_the_page(data_copy, monkeypatch):
    for name in ("figures.csv", "domains.csv", "sources.toml"):
        path = data_copy / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception and len(kpi_cards(at)) == 9
    assert validate([str(data_copy)]) == 0
