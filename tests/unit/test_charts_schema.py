"""docs/charts.schema.json: made from the data contract, current, and in agreement with the loader."""

from __future__ import annotations

import tomllib

import jsonschema
import pytest

from components.data import charts_schema
from components.data.loader import load_dataset
from components.data.records import DataError
from tests.support.data_files import DATA, FIXTURES

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


@pytest.mark.parametrize("body", REFUSED.values(), ids=REFUSED.keys())
def test_what_the_loader_refuses_the_schema_refuses(body, data_copy):
    entry = f'\n[[charts]]\nid = "extra"\nnarrative = "section"\n{body}\n'
    with open(data_copy / "charts.toml", "a", encoding="utf-8") as handle:
        handle.write(entry)
    with pytest.raises(DataError):
        load_dataset(data_copy)
    assert list(VALIDATOR.iter_errors(tomllib.loads((data_copy / "charts.toml").read_text(encoding="utf-8"))))


def test_a_slide_narrative_is_not_for_the_file(data_copy):
    with open(data_copy / "charts.toml", "a", encoding="utf-8") as handle:
        handle.write(
            '\n[[charts]]\nid = "extra"\nkind = "levels"\nmetrics = ["court_cases"]\nnarrative = "sentences"\n'
        )
    with pytest.raises(DataError):
        load_dataset(data_copy)
    assert list(VALIDATOR.iter_errors(tomllib.loads((data_copy / "charts.toml").read_text(encoding="utf-8"))))
