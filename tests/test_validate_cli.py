"""`python -m components.validate`: a one-line summary on good data, every problem and exit 1 on bad."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT, edit_rows


def _run(*args: str):
    return subprocess.run([sys.executable, "-m", "components.validate", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_good_data_prints_one_line_and_exits_0():
    result = _run("data")
    assert result.returncode == 0
    assert result.stdout.strip().splitlines() == ["数据有效:1篇来源、10个数字、7个领域、20段原文、20项做法(年份:2019)。"]


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
    assert "  - figures.csv,第9行,“value_text_en”列: 英文写作“611 cases”,应包含“612”" in lines


def test_default_folder_comes_from_the_environment(tmp_path):
    env = {"DASHBOARD_DATA_DIR": str(tmp_path / "missing"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "components.validate"], cwd=ROOT, capture_output=True,
                            text=True, env=env, timeout=60)
    assert result.returncode == 1 and "数据文件夹不存在" in result.stderr
