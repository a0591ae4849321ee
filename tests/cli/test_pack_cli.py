"""The meeting pack from the command line: every format for a view link is the file the page's button
gives for the same link, and a bad option, link or data folder is refused with a clear line."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from urllib.parse import parse_qsl

import openpyxl
import pytest
from PIL import Image
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from components import memo, results
from components.context import PageContext
from components.data.loader import DEFAULT_DATA_DIR
from components.exports.registry import EXPORTS
from components.model.figures import View
from components.model.practices import PracticeView
from components.pack import link_params, main
from components.text.wording import wording
from tests.support.data_files import ROOT

pytestmark = pytest.mark.slow  # each test starts the command line or Chromium

VIEWS = [
    "",
    "domain=消防&lang=en",
    "http://intranet.example/?domain=群众安全感&domain=扫黑除恶&county=缙云县",
    "?lang=en&section=源头治理",
]


def _page_file(query: str, kind: str) -> bytes:
    """The file the page's ⬇ button gives for the view a link opens (the view read from the page's state)."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params.update({})
    for key, value in parse_qsl(query.split("?", 1)[-1]):
        at.query_params.setdefault(key, [])
        at.query_params[key] = [*at.query_params[key], value] if isinstance(at.query_params[key], list) else value
    at.run()
    assert not at.exception
    state = at.session_state
    lib = results.library(DEFAULT_DATA_DIR)
    ctx = PageContext(lib, View(lib.data.default_review, tuple(state["domain"])), wording(state["lang"]), False)
    section = state.get("section", "")
    place = state.get("county", "")
    memo.RESULTS.clear()
    return results.pack_file(ctx, PracticeView(ctx.view, section or ""), place or "", kind)


def _content(kind: str, data: bytes):
    """What a file shows, its timestamps and metadata aside."""
    if kind == "pptx":
        deck = Presentation(io.BytesIO(data))
        return [
            [shape.text_frame.text if shape.has_text_frame else shape.shape_type for shape in slide.shapes]
            for slide in deck.slides
        ]
    if kind == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(data))
        return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}
    if kind == "png":
        if data.startswith(b"PK"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return [(name, Image.open(io.BytesIO(archive.read(name))).size) for name in archive.namelist()]
        return Image.open(io.BytesIO(data)).size
    return data


DRAWN_KINDS = ("pptx", "png")  # each draws every chart with Chromium: tested on the first two views only
CASES = [(kind, view) for view in VIEWS for kind in EXPORTS if kind not in DRAWN_KINDS or view in VIEWS[:2]]


@pytest.mark.parametrize(("kind", "view"), CASES)
def test_the_command_line_writes_the_file_the_button_gives(kind, view, tmp_path, capsys):
    out = tmp_path / f"pack.{'zip' if kind == 'png' and not view else kind}"  # the whole review is two pictures
    memo.RESULTS.clear()
    assert main(["--view", view, "--format", kind, "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert _content(kind, out.read_bytes()) == _content(kind, _page_file(view, kind))


def test_a_whole_link_and_its_query_string_are_read_alike():
    assert (
        link_params("http://host:8501/?domain=消防&lang=en")
        == link_params("domain=消防&lang=en")
        == link_params("?domain=消防&lang=en")
        == {"domain": ["消防"], "lang": ["en"]}
    )


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "components.pack", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(
    ("view", "line"),
    [
        ("domain=火灾", "链接中的参数 domain=火灾 无效,已忽略。"),
        ("lang=fr&domain=消防", "链接中的参数 lang=fr 无效,已忽略。"),
        ("domain=消防&lang=en&county=<script>", "The link's parameter county=<script> is not valid and was ignored."),
    ],
)
def test_a_value_the_page_would_not_accept_is_refused_with_the_pages_notice(view, line, tmp_path):
    result = _run("--view", view, "--format", "csv", "--out", str(tmp_path / "x.csv"))
    assert result.returncode == 2 and line in result.stderr.splitlines()
    assert "Traceback" not in result.stderr and not (tmp_path / "x.csv").exists()


def test_a_bad_option_is_refused_with_exit_2(tmp_path):
    for args in (["--format", "docx", "--out", str(tmp_path / "x")], ["--format", "csv"], ["--bogus"]):
        result = _run(*args)
        assert result.returncode == 2 and "usage: python -m components.pack" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_data_folder_with_problems_is_exit_1_with_each_problem(tmp_path):
    (tmp_path / "data").mkdir()
    result = _run("--format", "csv", "--out", str(tmp_path / "x.csv"), "--data", str(tmp_path / "data"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith(f"数据文件夹 {tmp_path / 'data'} 中有")
    assert "  - sources.toml" in result.stderr


def test_an_unwritable_place_is_exit_1_with_its_reason(tmp_path):
    result = _run("--format", "csv", "--out", str(tmp_path / "missing" / "x.csv"))
    assert result.returncode == 1 and "No such file or directory" in result.stderr and "Traceback" not in result.stderr


def test_a_name_not_in_links_an_unreadable_link_and_a_wrong_extension_are_refused(tmp_path):
    cases = [
        (
            ["--view", "domian=消防", "--format", "csv", "--out", str(tmp_path / "x.csv")],
            "链接中的参数 domian=消防 无效,已忽略。",
        ),
        (["--view", "http://[x/?review=1", "--format", "csv", "--out", str(tmp_path / "x.csv")], "--view: "),
        (
            ["--format", "png", "--out", str(tmp_path / "whole.png")],
            f"这个视图的文件是 .zip:请把 {tmp_path / 'whole.png'} 改为以 .zip 结尾的文件名。",
        ),
    ]
    for args, line in cases:
        result = _run(*args)
        assert result.returncode == 2 and any(said.startswith(line) for said in result.stderr.splitlines()), (
            result.stderr
        )
        assert "Traceback" not in result.stderr and not list(tmp_path.iterdir())


def test_an_address_without_its_scheme_is_read_as_a_link():
    assert link_params("10.2.3.4:8501/?domain=消防") == {"domain": ["消防"]}


def test_a_chromium_that_cannot_start_is_exit_1_with_a_line(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_CHROMIUM", "/bin/false")
    result = _run("--view", "domain=消防", "--format", "png", "--out", str(tmp_path / "x.png"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert any(line.startswith("无法用 Chromium 绘图,没有写出文件(") for line in result.stderr.splitlines())
    assert not (tmp_path / "x.png").exists()
