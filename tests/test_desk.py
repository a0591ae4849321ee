"""The data desk: its pure steps (rows a person accepts, the verdict in memory, the preview, the zip)
and its page in both languages, with bad input named on the page."""

from __future__ import annotations

import io
import zipfile

import pytest
from streamlit.testing.v1 import AppTest

from components.data.loader import load_dataset
from components.ingest.candidates import read_article
from components.ingest.desk import accepted_figures, grouped, preview_figures, proposed_rows, row_ranges, verdict, zipped
from components.ingest.draft import ReviewRecord, draft_files
from tests.conftest import DATA

ARTICLE = (DATA / "articles" / "lishui-daily-2020-03-10.txt").read_text(encoding="utf-8")
RECORD = ReviewRecord(id="review-2019", place="丽水市", place_short="丽水", place_en="Lishui", level="city", year=2019,
                      publisher="丽水日报", title="步履铿锵铸平安")
DESK = "from components.ui.desk import render_desk\nrender_desk()\n"


@pytest.fixture(scope="module")
def proposed():
    return proposed_rows(read_article(ARTICLE), RECORD, load_dataset(DATA))


def test_every_proposed_figure_is_accepted_with_its_kind(proposed):
    assert len(proposed) == 10 and proposed["accept"].all()
    kinds = dict(zip(proposed["label_zh"], proposed["kind"]))
    assert kinds["刑事案件"] == "change" and kinds["打掉黑恶团伙"] == "level" and kinds["破获案件"] == "level_change"


def test_a_person_drops_a_row_and_keeps_only_a_level(proposed):
    edited = proposed.copy()
    edited.loc[edited["label_zh"] == "刑事案件", "accept"] = False
    edited.loc[edited["label_zh"] == "破获案件", "kind"] = "level"
    figures = accepted_figures(edited)
    assert len(figures) == 9 and "刑事案件" not in [row["label_zh"] for row in figures]
    solved = next(row for row in figures if row["label_zh"] == "破获案件")
    assert solved["value_text"] == "611起" and solved["yoy_text"] == "" and solved["yoy_pct"] == ""
    preview = preview_figures(figures, RECORD)
    assert len(preview) == 9 and preview["label_en"].ne("").all(), "the preview shows Chinese where English is missing"


def test_the_verdict_is_given_in_memory_and_groups_problems(proposed, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    library = load_dataset(DATA)
    files = draft_files(read_article(ARTICLE), RECORD, library, library.keywords, library.domains,
                        figures=accepted_figures(proposed))
    found = verdict(files)
    assert found.dataset is None and found.problems
    assert list(tmp_path.iterdir()) == [], "nothing is written"
    groups = {(problem.file, problem.column): rows for problem, rows in grouped(found.problems)}
    assert row_ranges(groups[("figures.csv", "better")]) == "2–11"
    assert ("figures.csv", "label_en") not in groups, "English follows later: it is no problem"
    assert row_ranges((2, 3, 4, 9)) == "2–4, 9"
    archive = zipfile.ZipFile(io.BytesIO(zipped(files, "review-2019")))
    assert "review-2019/figures.csv" in archive.namelist() and "review-2019/articles/review-2019.txt" in archive.namelist()


def _desk(language: str, text: str = "") -> AppTest:
    at = AppTest.from_string(DESK, default_timeout=60)
    at.query_params["lang"] = language
    at.run()
    if text:
        at.text_area(key="desk-article").input(text).run()
    assert not at.exception
    return at


@pytest.mark.parametrize("language, hint", [("zh", "粘贴文章后"), ("en", "Once an article is pasted")])
def test_an_empty_desk_says_what_to_do(language, hint):
    at = _desk(language)
    assert any(hint in info.value for info in at.info)


@pytest.mark.parametrize("language, problems, valid", [("zh", "处需要填写或修改", "数据有效"),
                                                       ("en", "things still to fill in", "data is valid")])
def test_a_pasted_article_gets_rows_a_verdict_a_preview_and_a_zip(language, problems, valid):
    at = _desk(language, ARTICLE)
    editors = [frame for frame in at.dataframe if frame.proto.editing_mode]
    assert len(editors) == 1 and len(editors[0].value) == 10, "one editable row per figure found"
    assert any(problems in warning.value for warning in at.warning)
    assert not any(valid in success.value for success in at.success)
    assert any("kpi-card" in element.proto.body for element in at.get("html")), "KPI cards in the preview"
    assert at.get("plotly_chart"), "the changes chart in the preview"
    assert at.get("download_button")


@pytest.mark.parametrize("text, message", [
    ("这是一段没有任何数字的文字。\n第二段也没有。", "没有找到任何数字"),
    ("平安。" * 70_000, "文字太长"),
])
def test_bad_input_is_named_on_the_page(text, message):
    at = _desk("zh", text)
    assert any(message in part.value for part in [*at.error, *at.warning])
    assert not at.get("download_button")


def test_markup_in_a_pasted_article_stays_text():
    at = _desk("zh", "标题\n\n<script>alert(1)</script>全市刑事案件同比下降13.8%。<img src=x onerror=alert(2)>\n")
    bodies = "\n".join(element.proto.body for element in at.get("html"))
    assert "<script>" not in bodies and "<img" not in bodies and "&lt;script&gt;" in bodies


def test_edits_are_kept_per_article_so_they_never_land_on_another_articles_figures():
    at = _desk("zh", ARTICLE)
    first = next(frame for frame in at.dataframe if frame.proto.editing_mode).proto.id
    at.text_area(key="desk-article").input(ARTICLE.replace("下降13.8%", "下降31.8%")).run()
    second = next(frame for frame in at.dataframe if frame.proto.editing_mode).proto.id
    assert first != second, "another article's table starts from the extractor's proposal, not the last edits"
