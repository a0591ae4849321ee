"""`python -m components.validate`: a one-line summary on good data, every problem and exit 1 on bad."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from components.data.loader import load_dataset
from components.data.records import DataError, Problem
from components.text.problems import describe
from tests.support.data_files import ROOT, edit_rows
from tests.support.helpers import words

ARTICLE = "articles/lishui-daily-2020-03-10.txt"
# Refuses one file as an unreadable file would (tests run as root, so chmod 000 cannot), then runs the CLI.
REFUSING_CLI = """
import pathlib, runpy, sys
name, method = sys.argv.pop(1), sys.argv.pop(1)
original = getattr(pathlib.Path, method)
def refuse(self, *args, **kwargs):
    if self.name == name:
        raise PermissionError(13, "Permission denied", str(self))
    return original(self, *args, **kwargs)
setattr(pathlib.Path, method, refuse)
runpy.run_module("components.validate", run_name="__main__", alter_sys=True)
"""


def _run(*args: str):
    return subprocess.run(
        [sys.executable, "-m", "components.validate", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_good_data_prints_one_line_and_exits_0():
    result = _run("data")
    assert result.returncode == 0
    assert result.stdout.strip().splitlines() == [
        "数据有效:1篇综述(丽水市 2019)、10个数字、7个领域、20段原文、20项做法、6张图表。",
        "中英文均已就绪。",
    ]


def test_bad_data_lists_every_problem_and_exits_1(data_copy):
    def change(rows):
        rows[0]["yoy_pct"] = "-13.8%"
        rows[7]["value"] = "612"

    edit_rows(data_copy, "figures.csv", change)
    result = _run(str(data_copy))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert "3 处问题" in lines[0]
    assert "  - figures.csv,第2行,“yoy_pct”列: “-13.8%”不是数字:百分比只写数字,例如 -13.8" in lines
    assert "  - figures.csv,第9行,“value”列: 原文写作“611起”,与数值 612 不符" in lines
    assert (
        "  - figures.csv,第9行,“value_text_en”列: 英文写作“611 cases”,与数字 612 不符(数字或方向不一致);"
        "留空则由软件写出英文"
    ) in lines


def test_default_folder_comes_from_the_environment(tmp_path):
    env = {"DASHBOARD_DATA_DIR": str(tmp_path / "missing"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "components.validate"], cwd=ROOT, capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 1 and "数据文件夹不存在" in result.stderr


UNREADABLE = [
    ("figures.csv", "read_bytes"),
    ("figures.csv", "stat"),
    ("sources.toml", "read_bytes"),
    (ARTICLE, "read_bytes"),
    (ARTICLE, "stat"),
]


@pytest.mark.parametrize(("name", "method"), UNREADABLE)
def test_an_unreadable_file_is_a_problem_naming_it(monkeypatch, name, method):
    original = getattr(Path, method)

    def refuse(self, *args, **kwargs):
        if self.name == Path(name).name:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, refuse)
    with pytest.raises(DataError) as caught:
        load_dataset(ROOT / "data")
    problem = Problem(name, "unreadable_file", params={"detail": "Permission denied"})
    assert problem in caught.value.problems
    assert describe(problem, words().catalog) == f"{name}: 无法读取这个文件:Permission denied"
    assert describe(problem, words("en").catalog) == f"{name}: this file cannot be read: Permission denied"


@pytest.mark.parametrize(("name", "method"), UNREADABLE[:3])
def test_the_cli_names_an_unreadable_file_and_exits_1(name, method):
    result = subprocess.run(
        [sys.executable, "-c", REFUSING_CLI, name, method, "data"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"  - {name}: 无法读取这个文件:Permission denied" in result.stderr.splitlines()


def test_a_large_library_is_summarised_and_listed_on_request(tmp_path):
    from benchmarks.library import grown_library

    folder = grown_library(tmp_path / "data", places=4, years=3)
    result = _run(str(folder), "--list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("数据有效:12篇综述(4个地方,2017–2019年)"), lines[0]
    assert lines[1] == "中英文均已就绪。"
    assert len(lines) == 2 + 12 and all(" · 10个数字 · 英文已就绪" in line for line in lines[2:])
    assert sum("样例地003 " in line for line in lines[2:]) == 3
