"""Shared fixtures, and the lanes: a test's folder sets its markers (browser, slow)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.data_files import DATA, with_second_review

# tests/unit and tests/app: the fast lane (make test-fast); tests/cli too, but for a file marked slow.
FOLDER_MARKERS = {"browser": (pytest.mark.browser,), "deploy": (pytest.mark.slow,)}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark by folder: tests/browser is ``browser``; tests/deploy (installs, servers, nginx) is ``slow``."""
    for item in items:
        for marker in FOLDER_MARKERS.get(item.path.parent.name, ()):
            item.add_marker(marker)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may modify."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def two_year_data(tmp_path: Path) -> Path:
    """A private library of two reviews of the city (see ``with_second_review``)."""
    return with_second_review(tmp_path / "two_years")


@pytest.fixture(scope="session")
def app_url():
    """The dashboard served as `make run` serves it (components.serve) for this test session."""
    from tests.support.browser import running_app

    with running_app() as url:
        yield url


@pytest.fixture(scope="session")
def library_url(tmp_path_factory):
    """The dashboard served on a library of two reviews of the city (see ``with_second_review``)."""
    from tests.support.browser import running_app

    folder = with_second_review(tmp_path_factory.mktemp("library") / "data")
    with running_app(env={"DASHBOARD_DATA_DIR": str(folder)}) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, driven by Playwright (its own browser download cannot work offline)."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=15_000)  # a shared 2-core machine can be slow; waits still end early

    from tests.support.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
