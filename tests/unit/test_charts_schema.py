"""docs/charts.schema.json: made from the data contract, current, and in agreement with the loader."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import jsonschema
import pytest

from components.charts.registry import KINDS
from components.data import charts_schema, schema
from components.data.loader import load_dataset
from components.data.records import DataError
from tests.support.data_files import DATA, FIXTURES, ROOT

VALIDATOR = jsonschema.Draft202012Validator(charts_schema.charts_schema())


def test_the_schema_in_docs_is_the_one_the_code_makes():
    assert charts_schema.main(["--check"]) == 0


@pytest.mark.parametrize("path", [DATA / "charts.toml", FIXTURES / "review_2020" / "charts.toml"])
def test_the_real_charts_files_follow_the_schema(path):
    assert list(VALIDATOR.iter_errors(tomllib.loads(path.read_text(encoding="utf-8")))) == []


REFUSED = {
    "an unknown kind": 'kind = "pie"\nmetrics = ["court_cases"]',
    "metrics on the practices map": 'kind = "practices_map"\nmetrics = ["court_cases"]',
    "no metrics on a figure chart": 'kind = "levels"',
    "an empty metric list": 'kind = "levels"\nmetrics = []',
    "a misspelt field": 'kind = "levels"\nmetrics = ["court_cases"]\nmetric = "x"',
}
# Entries appended to data/charts.toml with id = "extra" unless they set their own.
REFUSED_WITH_ID = {
    "the compare section's id": 'id = "compare"\nkind = "levels"\nmetrics = ["court_cases"]',
    "the practices section's id on another kind": 'id = "practices"\nkind = "levels"\nmetrics = ["court_cases"]',
}
ACCEPTED = {
    "a figure chart": 'id = "extra"\nkind = "levels"\nmetrics = ["court_cases"]',
    "every change, for one review": (
        'id = "extra"\nkind = "changes"\nmetrics = "every_change"\nreviews = ["lishui-daily-2020-03-10"]'
    ),
}


@pytest.mark.parametrize("body", REFUSED.values(), ids=REFUSED.keys())
def test_what_the_loader_refuses_the_schema_refuses(body, data_copy):
    entry = f'\n[[charts]]\nid = "extra"\nnarrative = "section"\n{body}\n'
    with open(data_copy / "charts.toml", "a", encoding="utf-8") as handle:
        handle.write(entry)
    with pytest.raises(DataError):
        load_dataset(data_copy)
    assert list(VALIDATOR.iter_errors(tomllib.loads((data_copy / "charts.toml").read_text(encoding="utf-8"))))


def _appended(data_copy, body: str) -> dict:
    """data/charts.toml with one more entry, written and read back."""
    with open(data_copy / "charts.toml", "a", encoding="utf-8") as handle:
        handle.write(f'\n[[charts]]\nnarrative = "section"\n{body}\n')
    return tomllib.loads((data_copy / "charts.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("body", REFUSED_WITH_ID.values(), ids=REFUSED_WITH_ID.keys())
def test_a_reserved_id_is_refused_by_both(body, data_copy):
    document = _appended(data_copy, body)
    with pytest.raises(DataError):
        load_dataset(data_copy)
    assert list(VALIDATOR.iter_errors(document))


@pytest.mark.parametrize("body", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_what_the_schema_accepts_the_loader_accepts(body, data_copy):
    document = _appended(data_copy, body)
    assert list(VALIDATOR.iter_errors(document)) == []
    assert any(chart.id == "extra" for chart in load_dataset(data_copy).charts)


def test_no_charts_and_an_unknown_table_are_refused_by_both(data_copy):
    (data_copy / "charts.toml").write_text('[[chart]]\nid = "changes"\n', encoding="utf-8")
    with pytest.raises(DataError) as refused:
        load_dataset(data_copy)
    assert {"no_entries", "unknown_field"} <= {problem.code for problem in refused.value.problems}
    assert list(VALIDATOR.iter_errors({"chart": [{"id": "changes"}]}))
    assert list(VALIDATOR.iter_errors({"charts": []}))


def test_the_chart_registry_refuses_to_load_unless_it_draws_every_kind_of_the_contract():
    assert tuple(KINDS) == schema.FIGURE_KINDS
    code = "import components.data.schema as s; s.FIGURE_KINDS += ('pie',); import components.charts.registry"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "RuntimeError: the chart registry draws" in result.stderr


def test_a_slide_narrative_is_not_for_the_file(data_copy):
    with open(data_copy / "charts.toml", "a", encoding="utf-8") as handle:
        handle.write(
            '\n[[charts]]\nid = "extra"\nkind = "levels"\nmetrics = ["court_cases"]\nnarrative = "sentences"\n'
        )
    with pytest.raises(DataError):
        load_dataset(data_copy)
    assert list(VALIDATOR.iter_errors(tomllib.loads((data_copy / "charts.toml").read_text(encoding="utf-8"))))
