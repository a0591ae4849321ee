"""Reviews written as real ones are: three fictional articles in the genre (tests/fixtures/articles/,
marked 【虚构】) go through ``ingest --out``, a maintainer fills only ``better`` (and a domain where
none was proposed), and the review is stored whole, validates with no English typed, and renders."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from components.data.loader import load_dataset
from tests.support.data_files import ROOT, read_rows
from tests.support.genre import SLUGS, answer_key, assign, complete_as_a_maintainer, ingest_draft, parts

APP = str(ROOT / "dashboard.py")
NUMBER_BREAK = re.compile(r"[0-9][,.]?<br>[0-9,.%]|[0-9]<br>[个起件人名万亿%]")  # a line break inside a number


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[str, tuple]:
    """Each article's draft as ingest wrote it (with its command's output), then completed."""
    made = {}
    for slug in SLUGS:
        folder = tmp_path_factory.mktemp(slug) / "draft"
        result = ingest_draft(slug, folder)
        assert result.returncode == 0, result.stderr
        untouched = read_rows(folder / "figures.csv")
        complete_as_a_maintainer(slug, folder)
        made[slug] = (folder, result, untouched)
    return made


def _validate(folder, *options) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "components.validate", str(folder), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_every_figure_of_the_article_is_stored_and_no_candidate_disappears(drafts, slug):
    _folder, result, untouched = drafts[slug]
    figures = answer_key(slug)["figures"]
    held = assign(untouched, figures)
    assert [figure["text"] for figure, row in zip(figures, held) if row is None] == []
    held = sum(len(parts(row)) for row in untouched)
    assert held == len(figures) + sum(
        figure["kind"] == "level_change" or ("change" in figure and "value" in figure) for figure in figures
    ), "no row holds what the article does not"
    left_out = [line for line in result.stderr.splitlines() if line.startswith("未收入")]
    written = re.search(r"(\d+) 个数字成行,(\d+) 个未收入", result.stderr)
    assert written and int(written[1]) == len(untouched) and int(written[2]) == len(left_out) > 0
    assert any("排名" in line for line in left_out) and any("时长" in line for line in left_out)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_draft_leaves_only_better_and_unproposed_domains(drafts, slug):
    folder, _, untouched = drafts[slug]
    raw = folder.parent / "raw"
    raw.mkdir(exist_ok=True)
    assert ingest_draft(slug, raw / "draft").returncode == 0
    result = _validate(raw / "draft", "--lang", "en")
    problems = [line for line in result.stderr.splitlines() if line.startswith("  - ")]
    assert result.returncode == 1 and problems
    assert all(
        re.match(r"  - figures\.csv, line \d+, column “(better|domain)”: must not be empty$", line) for line in problems
    ), problems
    assert len([line for line in problems if "better" in line]) == len(untouched)


@pytest.mark.parametrize("slug", SLUGS)
def test_a_chinese_only_review_validates_and_its_english_is_a_status(drafts, slug):
    folder = drafts[slug][0]
    result = _validate(folder)
    assert result.returncode == 0, result.stderr
    assert re.search(r"中文已可发布;英文:\d+ 处文字待翻译", result.stdout)
    strict = _validate(folder, "--strict", "--lang", "en")
    assert strict.returncode == 1 and "has no English translation" in strict.stderr
    dataset = load_dataset(folder)
    rows = dataset.figures
    assert rows["yoy_pp"].notna().any() and rows["yoy_abs"].notna().any() and rows["from_value"].notna().any()
    assert (rows["value_qualifier"] != "").any()


def _page(folder, monkeypatch, language: str) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = language
    at.run()
    assert not at.exception
    return at


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("slug", SLUGS)
def test_the_page_draws_every_chart_and_no_title_breaks_a_number(drafts, slug, language, monkeypatch):
    folder = drafts[slug][0]
    at = _page(folder, monkeypatch, language)
    declared = {chart.id for chart in load_dataset(folder).charts}
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    drawn = {spec["layout"]["meta"]["title"] for spec in specs}
    assert len(specs) >= len(declared) and len(drawn) >= len(declared)
    for spec in specs:
        texts = [spec["layout"]["title"]["text"], *(note.get("text", "") for note in spec["layout"]["annotations"])]
        assert [text for text in texts if NUMBER_BREAK.search(text)] == []
    approximate = load_dataset(folder).figures.query("change_qualifier != ''")
    index = next(spec for spec in specs if spec["layout"]["meta"]["subtitle"].startswith(("指数", "Index")))
    on_index = {label.replace("<br>", "") for trace in index["data"] for label in trace.get("y") or [] if label}
    assert on_index and not on_index & set(approximate["label_zh"]), "降幅超过30% is no point on the index"


def test_the_english_view_of_an_untranslated_review_is_honest(drafts, monkeypatch):
    at = _page(drafts["county-2022"][0], monkeypatch, "en")
    assert any("not yet fully translated" in info.value for info in at.info)
    bodies = "".join(element.proto.body for element in at.get("html"))
    assert '<span class="untranslated-mark">Not yet translated</span>' in bodies
    cards = next(body for body in (element.proto.body for element in at.get("html")) if "kpi-card" in body)
    assert "people" in cards or "CNY" in cards, "numbers are written by the software in English"
    footnotes = [
        note["text"]
        for chart in at.get("plotly_chart")
        for note in json.loads(chart.proto.spec)["layout"]["annotations"]
        if note.get("name") == "footer"
    ]
    assert any("not yet translated" in note for note in footnotes)
