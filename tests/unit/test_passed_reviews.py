"""Reviews that passed are not checked again within one process; anything that changes a review, or
what it refers to, has it checked again."""

from __future__ import annotations

import pandas as pd
import pytest

from benchmarks.library import add_review, grown_library
from components.data import figure_text, loader
from components.data.passed_reviews import PASSED
from components.data.records import DataError
from tests.support.data_files import read_rows


@pytest.fixture
def library(tmp_path):
    PASSED.clear()
    yield grown_library(tmp_path / "data", places=3, years=2)
    PASSED.clear()


@pytest.fixture
def rows_read(monkeypatch):
    """How many figure rows' words each load reads (the per-row checks run on exactly these)."""
    counts = []
    real = figure_text.read_rows

    def counting(figures):
        counts.append(len(figures))
        return real(figures)

    monkeypatch.setattr(loader, "read_rows", counting)
    return counts


def test_adding_a_review_checks_that_review_alone(library, rows_read):
    first = loader.load_dataset(library)
    add_review(library)
    again = loader.load_dataset(library)
    assert rows_read == [60, 10]
    assert len(again.sources) == len(first.sources) + 1
    PASSED.clear()
    pd.testing.assert_frame_equal(again.figures, loader.load_dataset(library).figures)


def test_a_review_edited_after_it_passed_is_checked_again(library, rows_read):
    loader.load_dataset(library)
    figures = (library / "figures.csv").read_text(encoding="utf-8")
    (library / "figures.csv").write_text(figures.replace(",-13.8,下降13.8%", ",-31.8,下降13.8%", 1), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        loader.load_dataset(library)
    assert {(problem.code, problem.row) for problem in raised.value.problems} == {
        ("change_mismatch", 2),
        ("translation_mismatch", 2),
    }  # the edited row, and its English no longer agrees
    assert rows_read == [60, 10]


def test_a_changed_shared_table_has_every_review_checked_again(library, rows_read):
    loader.load_dataset(library)
    domains = (library / "domains.csv").read_text(encoding="utf-8").splitlines()
    (library / "domains.csv").write_text(
        "\n".join(line for line in domains if not line.startswith("fire,")) + "\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as raised:
        loader.load_dataset(library)
    assert rows_read == [60, 60]
    assert {problem.params.get("value") for problem in raised.value.problems} == {"fire"}


def test_a_review_with_a_problem_is_not_remembered(library, rows_read):
    article = library / "articles" / "place-001-2019.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("98.2%", "98.3%"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError):
            loader.load_dataset(library)
    assert rows_read == [60, 10]  # the second load checks only the review that failed


def test_a_part_checked_against_one_of_two_wholes_is_checked_again_when_the_other_remains(library):
    """Two rows share a whole's id (a duplicate, reported): a part is checked against the first. Once
    the first is renamed, the part must be checked against the one that remains."""
    import csv

    figures = library / "figures.csv"
    rows = read_rows(figures)

    def write():
        with open(figures, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)

    first, second, part_of = "lishui-daily-2020-03-10", "place-001-2019", "place-002-2019"
    whole = next(row["parent"] for row in rows if row["source_id"] == first and row["parent"])
    for row in rows:
        if row["source_id"] == first and whole in (row["id"], row["parent"]):
            row.update({"id": "W"} if row["id"] == whole else {"parent": "W"})
        elif row["source_id"] == second and row["unit"] == "件":
            row["id"] = "W"  # a second W, of another unit: 79,362 件
        elif row["source_id"] == part_of and row["parent"]:
            row["parent"] = "W"  # this review's part (10 个) names W
    write()
    with pytest.raises(DataError):
        loader.load_dataset(library)
    for row in rows:
        if row["source_id"] == first and "W" in (row["id"], row["parent"]):
            row.update({"id": whole} if row["id"] == "W" else {"parent": whole})
    write()
    with pytest.raises(DataError) as raised:
        loader.load_dataset(library)
    assert "parent_incompatible" in {problem.code for problem in raised.value.problems}


def test_a_year_that_does_not_read_is_named_not_a_crash(library):
    figures = library / "figures.csv"
    lines = figures.read_text(encoding="utf-8").splitlines(keepends=True)
    part = next(n for n, line in enumerate(lines) if line.startswith("place-001-2019-") and ",place-001-2019-" in line)
    lines[part] = lines[part].replace(",2019,", ",20x9,", 1)
    figures.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        loader.load_dataset(library)
    assert [(problem.code, problem.row) for problem in raised.value.problems] == [("not_integer", part + 1)]
