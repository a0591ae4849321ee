"""Shared fixtures: copies of the real data folder that tests may break or extend."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SLOW_FILES = {"test_nginx.py", "test_config.py", "test_bundle.py", "test_pack_cli.py"}  # start servers or subprocesses; make test-fast leaves them out


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark by layer: every test in a test_browser_*.py file is ``browser``; servers are ``slow``."""
    for item in items:
        name = item.path.name
        if name.startswith("test_browser_"):
            item.add_marker(pytest.mark.browser)
        if name in SLOW_FILES:
            item.add_marker(pytest.mark.slow)


def read_rows(path: Path) -> list[dict[str, str]]:
    """A CSV file's rows as dicts (header order kept in the dict keys)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict[str, str]], header: list[str] | None = None) -> None:
    """Write rows back as CSV with the given header, or every key of the rows in order (a test may
    add a column that a file may leave out, such as yoy_abs)."""
    header = header or list(dict.fromkeys(key for row in rows for key in row))
    rows = [{key: row.get(key, "") for key in header} for row in rows]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def edit_rows(folder: Path, name: str, change: Callable[[list[dict[str, str]]], None]) -> None:
    """Apply ``change`` to the rows of ``folder/name`` in place."""
    rows = read_rows(folder / name)
    change(rows)
    write_rows(folder / name, rows)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may modify."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def with_second_review(target: Path) -> Path:
    """data/ copied to ``target`` plus the fictional 2020 review of the same city in
    tests/fixtures/review_2020 (test-only, not real figures): new metrics, a domain and charts of its
    own, added as data alone."""
    shutil.copytree(DATA, target)
    extra = FIXTURES / "review_2020"
    shutil.copy(extra / "article.txt", target / "articles" / "test-review-2020.txt")
    for name in ("sources.toml", "charts.toml"):
        with open(target / name, "a", encoding="utf-8") as handle:
            handle.write((extra / name).read_text(encoding="utf-8"))
    for name in ("figures.csv", "sections.csv", "passages.csv", "domains.csv"):
        rows = read_rows(target / name) + read_rows(extra / name)
        write_rows(target / name, rows)
    return target


@pytest.fixture
def two_year_data(tmp_path: Path) -> Path:
    """A private library of two reviews of the city (see ``with_second_review``)."""
    return with_second_review(tmp_path / "two_years")


@pytest.fixture(scope="session")
def app_url():
    """The dashboard served as `make run` serves it (components.serve) for this test session."""
    from tests.browser import running_app
    with running_app() as url:
        yield url


@pytest.fixture(scope="session")
def library_url(tmp_path_factory):
    """The dashboard served on a library of two reviews of the city (see ``with_second_review``)."""
    from tests.browser import running_app
    folder = with_second_review(tmp_path_factory.mktemp("library") / "data")
    with running_app(env={"DASHBOARD_DATA_DIR": str(folder)}) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, driven by Playwright (its own browser download cannot work offline)."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=15_000)  # a shared 2-core machine can be slow; waits still end early

    from tests.browser import CHROMIUM, CHROMIUM_ARGS
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
