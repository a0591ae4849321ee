"""The offline install bundle, as an administrator meets it: built, unpacked, installed with every
package registry unreachable, served, checked, and refused when damaged."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from components.data.loader import load_dataset
from tests.support.browser import open_page, serving, wait_for_charts
from tests.support.data_files import ROOT, edit_rows

UNREACHABLE = {"PIP_INDEX_URL": "http://127.0.0.1:9/simple", "PIP_EXTRA_INDEX_URL": "http://127.0.0.1:9/simple"}


def _run(command: list[str], cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=900,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The bundle built by `make bundle`'s script and unpacked: the folder holding install.sh."""
    built = _run([str(ROOT / "deploy" / "bundle"), sys.executable], cwd=ROOT)
    assert built.returncode == 0, built.stderr
    archive = ROOT / built.stdout.strip().splitlines()[-1].split(" ")[0]
    version = (ROOT / "deploy" / "VERSION").read_text().strip()
    assert archive.name == f"safe-lishui-{version}-py311-linux-x86_64.tar.gz"
    target = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return next(target.iterdir())


@pytest.fixture(scope="module")
def installed(bundle, tmp_path_factory) -> Path:
    """The bundle installed for a trial (no root, no systemd) with every registry unreachable."""
    prefix = tmp_path_factory.mktemp("install")
    result = _run([str(bundle / "install.sh"), "--prefix", str(prefix), "--no-systemd"], env=UNREACHABLE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Installed Safe Lishui" in result.stdout
    return prefix


def test_the_bundle_holds_the_app_every_wheel_and_its_checksums(bundle):
    pins = [
        line.split("==")[0]
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    ]
    wheels = [wheel.name.lower().replace("_", "-") for wheel in (bundle / "wheels").glob("*.whl")]
    missing = [
        pin for pin in pins if not any(wheel.startswith(pin.lower().replace("_", "-") + "-") for wheel in wheels)
    ]
    assert missing == [] and len(wheels) == len(pins)
    for part in (
        "app/dashboard.py",
        "app/data/figures.csv",
        "app/.streamlit/config.toml",
        "app/requirements.txt",
        "app/deploy/safe-lishui.service",
        "app/deploy/update-data",
        "install.sh",
        "SHA256SUMS",
        "debian-packages.txt",
    ):
        assert (bundle / part).is_file(), part
    assert {"chromium", "fonts-noto-cjk"} <= set((bundle / "debian-packages.txt").read_text().split())
    assert _run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=bundle).returncode == 0


def test_the_installed_app_serves_and_passes_its_checks(installed, chromium):
    python = str(installed / "venv" / "bin" / "python")
    env = {"DASHBOARD_DATA_DIR": str(installed / "data")}
    with serving(env=env, script=installed / "app" / "dashboard.py", python=python) as (url, _):
        check = _run([python, "-m", "components.check_install", "--url", url], cwd=installed / "app", env=env)
        assert check.returncode == 0, check.stdout + check.stderr
        page = open_page(chromium, url, 1280, 720)
        wait_for_charts(page)
        expect(page.locator("h1").first).to_contain_text("平安丽水")
        assert page.locator(".js-plotly-plot").count() >= 5
        page.close()


def test_check_install_fails_clearly_on_corrupted_data(installed, tmp_path):
    broken = tmp_path / "data"
    shutil.copytree(installed / "data", broken)
    edit_rows(broken, "figures.csv", lambda rows: rows[0].update(yoy_pct="lots"))
    python = str(installed / "venv" / "bin" / "python")
    check = _run(
        [python, "-m", "components.check_install", "--skip-port"],
        cwd=installed / "app",
        env={"DASHBOARD_DATA_DIR": str(broken)},
    )
    assert check.returncode == 1 and "figures.csv" in check.stdout + check.stderr
    assert "Traceback" not in check.stdout + check.stderr


def test_install_stops_on_a_missing_or_changed_wheel(bundle, tmp_path):
    damaged = tmp_path / "bundle"
    shutil.copytree(bundle, damaged)
    next((damaged / "wheels").glob("xlsxwriter-*.whl")).unlink()
    result = _run([str(damaged / "install.sh"), "--prefix", str(tmp_path / "inst"), "--no-systemd"], env=UNREACHABLE)
    assert result.returncode == 1 and "damaged or incomplete" in result.stderr
    assert not (tmp_path / "inst" / "venv").exists(), "nothing is installed from a damaged bundle"


def test_the_service_unit_passes_systemd_analyze(installed, tmp_path):
    unit = tmp_path / "safe-lishui.service"
    unit.write_text(
        (installed / "app" / "deploy" / "safe-lishui.service").read_text().replace("@PREFIX@", str(installed))
    )
    result = _run(["systemd-analyze", "verify", str(unit)])
    assert result.returncode == 0, result.stderr
    text = unit.read_text()
    assert (
        "User=safe-lishui" in text and "Restart=on-failure" in text and "EnvironmentFile=/etc/safe-lishui.env" in text
    )


def test_updating_the_data_validates_switches_by_rename_and_rolls_back(installed, tmp_path):
    update = [str(installed / "app" / "deploy" / "update-data")]
    env = {"PREFIX": str(installed)}
    before = os.readlink(installed / "data")
    broken = tmp_path / "broken"
    shutil.copytree(installed / "data", broken)
    (broken / "domains.csv").write_text("nonsense", encoding="utf-8")
    refused = _run([*update, str(broken)], env=env)
    assert refused.returncode == 1 and "nothing was changed" in refused.stderr
    assert os.readlink(installed / "data") == before
    fresh = tmp_path / "fresh"
    shutil.copytree(installed / "data", fresh)
    (fresh / "figures.csv").chmod(0o600)  # a maintainer's private copy: the service's user must still read it
    switched = _run([*update, "fresh"], cwd=tmp_path, env=env)  # a path relative to where the command runs
    assert switched.returncode == 0, switched.stderr
    now = os.readlink(installed / "data")
    assert now != before and (installed / before).is_dir(), "the old release is kept"
    assert (installed / now / "figures.csv").stat().st_mode & 0o044 == 0o044
    assert load_dataset(installed / "data").sources, "the new release validates where it is served"
    second = tmp_path / "second"
    shutil.copytree(installed / "data", second)
    assert _run([*update, str(second)], env=env).returncode == 0
    assert _run([*update, "--rollback"], env=env).returncode == 0
    assert os.readlink(installed / "data") == now, "one step back"
    assert _run([*update, "--rollback"], env=env).returncode == 0
    assert os.readlink(installed / "data") == before, "and one more"
    assert _run([*update, "--rollback"], env=env).returncode == 1, "nothing older to go back to"


def test_installing_again_upgrades_in_place_and_keeps_the_data_served(bundle, installed):
    served = os.readlink(installed / "data")
    again = _run([str(bundle / "install.sh"), "--prefix", str(installed), "--no-systemd"], env=UNREACHABLE)
    assert again.returncode == 0, again.stdout + again.stderr
    assert os.readlink(installed / "data") == served, "an upgrade never changes which data is served"
    assert (installed / "app" / "dashboard.py").is_file() and not (installed / "app.new").exists()


def test_check_install_names_a_package_missing_from_the_install(installed):
    """Last in this file: it breaks the shared install on purpose."""
    python = str(installed / "venv" / "bin" / "python")
    removed = _run([python, "-m", "pip", "uninstall", "--yes", "--quiet", "xlsxwriter"])
    assert removed.returncode == 0, removed.stderr
    check = _run(
        [python, "-m", "components.check_install", "--skip-port", "--lang", "en"],
        cwd=installed / "app",
        env={"DASHBOARD_DATA_DIR": str(installed / "data")},
    )
    assert check.returncode == 1 and "xlsxwriter" in check.stdout.lower() and "Traceback" not in check.stderr
