"""Turn a data Problem into one readable sentence in the user's language."""

from __future__ import annotations

from components.data.records import Problem
from components.text.catalog import Catalog


def location(problem: Problem, catalog: Catalog) -> str:
    """Where the problem is: file, line and column, as far as known."""
    parts = [problem.file]
    if problem.row is not None:
        parts.append(catalog.t("problem.where.row", row=problem.row))
    if problem.column:
        parts.append(catalog.t("problem.where.column", column=problem.column))
    return catalog.t("problem.where.separator").join(parts)


def message(problem: Problem, catalog: Catalog) -> str:
    """What is wrong, without the location."""
    return catalog.t(f"problem.{problem.code}", **problem.params)


def describe(problem: Problem, catalog: Catalog) -> str:
    """Location and message in one line, for the CLI."""
    return f"{location(problem, catalog)}: {message(problem, catalog)}"
