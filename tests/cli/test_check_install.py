"""`python -m components.check_install`: one line per check, exit 0 on a working install, and a failing
check named with what to do (never a traceback)."""

from __future__ import annotations

import importlib.metadata
import os
import socket
import subprocess
import sys
import time

import pytest

from components.check_install import HEALTH_TIMEOUT_S
from tests.support.browser import running_app
from tests.support.data_files import ROOT

# Tests about other checks leave out Chromium (seconds to start) and the port; the deck is then only a warning.
WITHOUT_CHROMIUM = {"DASHBOARD_CHROMIUM": "/nonexistent/chromium"}
QUICK = ("--allow-no-deck", "--skip-port")


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "components.check_install", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=180,
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result


def _line(result: subprocess.CompletedProcess, start: str) -> str:
    """The one output line that starts with ``start``."""
    [line] = [line for line in result.stdout.splitlines() if line.startswith(start)]
    return line


@pytest.mark.slow  # serves the app
def test_a_working_install_passes_every_check_in_one_line_each():
    with running_app() as url:
        result = _run("--url", url)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert [line.split(":", 1)[0] for line in lines] == [
        "✓ 软件包",
        "✓ 数据",
        "✓ 演示文稿图片",
        "✓ 中文字体",
        "✓ 服务端口",
    ]
    assert lines[4] == f"✓ 服务端口:{url}/_stcore/health 应答 ok。"


def test_corrupt_data_fails_naming_the_file_and_its_first_problems(data_copy):
    figures = data_copy / "figures.csv"
    figures.write_bytes(figures.read_bytes()[: len(figures.read_bytes()) // 2])  # cut off mid-write
    result = _run(*QUICK, env={**WITHOUT_CHROMIUM, "DASHBOARD_DATA_DIR": str(data_copy)})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    failed = lines.index(_line(result, "✗ 数据:"))
    assert lines[failed] == (
        f"✗ 数据:{data_copy} 中有 11 处问题,仪表盘将不显示数据。请修正;完整清单见 python -m components.validate"
    )
    assert lines[failed + 1] == "    - figures.csv,第7行,“domain”列: 不能为空"
    assert lines[failed + 6] == "    ……另有 6 项"


def test_packages_not_installed_as_pinned_are_named(tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("# pins\nxlsxwriter==0.0.1\nnot-a-real-package==1.0\nplotly==7.1.0\n", encoding="utf-8")
    result = _run("--requirements", str(requirements), *QUICK, env=WITHOUT_CHROMIUM)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"✗ 软件包:2 项与 {requirements} 不符。")
    assert lines[1:3] == [
        f"    - xlsxwriter 安装的是 {importlib.metadata.version('xlsxwriter')},应为 0.0.1",
        "    - not-a-real-package 未安装(应为 1.0)",
    ]
    assert _line(result, "✓ 数据:")  # the other checks still run


def test_an_unreadable_requirements_file_is_a_failure_not_a_traceback(tmp_path):
    result = _run("--requirements", str(tmp_path / "missing.txt"), *QUICK, env=WITHOUT_CHROMIUM)
    assert result.returncode == 1
    assert _line(result, "✗ 软件包:").startswith(f"✗ 软件包:无法读取 {tmp_path / 'missing.txt'}(")


def test_a_package_that_cannot_be_imported_fails_its_checks_without_a_traceback():
    broken = (
        "import runpy, sys; sys.modules['pandas'] = None; "  # `import pandas` now raises ImportError
        "runpy.run_module('components.check_install', run_name='__main__', alter_sys=True)"
    )
    result = subprocess.run(
        [sys.executable, "-c", broken, *QUICK],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **WITHOUT_CHROMIUM},
        timeout=180,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert _line(result, "✗ 数据:") == (
        "✗ 数据:无法载入所需的模块(import of pandas halted; None in sys.modules)。"
        "请重新安装 requirements.txt 中的软件包。"
    )


@pytest.mark.parametrize(
    ("env", "language", "expected"),
    [
        (
            WITHOUT_CHROMIUM,
            "zh",
            "演示文稿图片:PowerPoint 演示文稿不可用:DASHBOARD_CHROMIUM 所指的 /nonexistent/chromium 不是文件。",
        ),
        (
            {"DASHBOARD_CHROMIUM": "", "PATH": "EMPTY"},
            "en",
            "deck pictures: the PowerPoint deck is unavailable: no Chromium found.",
        ),
    ],
    ids=["setting-names-no-file", "none-on-path"],
)
def test_without_chromium_the_deck_is_unavailable_and_fails_unless_allowed(tmp_path, env, language, expected):
    env = {name: str(tmp_path) if value == "EMPTY" else value for name, value in env.items()}
    refused = _run("--lang", language, "--skip-port", env=env)
    assert refused.returncode == 1
    assert _line(refused, "✗ ").startswith(f"✗ {expected}")
    allowed = _run("--lang", language, "--skip-port", "--allow-no-deck", env=env)
    assert allowed.returncode == 0, allowed.stdout
    assert _line(allowed, "! ").startswith(f"! {expected}")
    assert allowed.stdout.count("\n") == 5


def test_a_port_that_does_not_answer_fails_at_once():
    started = time.monotonic()
    result = _run("--url", "http://127.0.0.1:9", "--allow-no-deck", env=WITHOUT_CHROMIUM)
    assert result.returncode == 1
    assert _line(result, "✗ 服务端口:").startswith("✗ 服务端口:http://127.0.0.1:9/_stcore/health 没有应答(")
    assert time.monotonic() - started < 60


@pytest.mark.slow  # waits out the timeout
def test_a_port_that_accepts_but_never_answers_fails_within_the_timeout():
    with socket.socket() as silent:  # the kernel accepts connections into the backlog; nothing ever replies
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        started = time.monotonic()
        result = _run("--url", url, "--lang", "en", "--allow-no-deck", env=WITHOUT_CHROMIUM)
        elapsed = time.monotonic() - started
    assert result.returncode == 1
    assert _line(result, "✗ port:") == (
        f"✗ port: {url}/_stcore/health does not answer (timed out). Check that the app "
        "is running and listens at this address; before the service is started, add "
        "--skip-port."
    )
    assert HEALTH_TIMEOUT_S <= elapsed < HEALTH_TIMEOUT_S + 60


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "fr"], "argument --lang: invalid choice: 'fr' (choose from 'zh', 'en')"),
        (["--url", "localhost:8501"], "argument --url: not an http(s) URL: 'localhost:8501'"),
        (["--url", "file:///etc/passwd"], "argument --url: not an http(s) URL: 'file:///etc/passwd'"),
        (["--port"], "unrecognized arguments: --port"),
    ],
)
def test_bad_arguments_are_refused_with_exit_2(args, message):
    result = _run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().endswith(message)
