"""The article-to-data command: candidate figures as JSON, a draft folder the validator names the
gaps of, bad input refused with a message, and the 2019 article back to today's dashboard."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.data.loader import load_dataset
from components.data.records import DataError
from tests.support.data_files import DATA, ROOT, read_rows, write_rows

ARTICLE = DATA / "articles" / "lishui-daily-2020-03-10.txt"
JSON_KEYS = [
    "text",
    "value",
    "unit",
    "approximate",
    "change",
    "change_unit",
    "subject",
    "sentence",
    "start",
    "end",
    "section",
    "kind",
    "previous",
    "previous_year",
]
META = [
    "--place",
    "丽水市",
    "--place-short",
    "丽水",
    "--place-en",
    "Lishui",
    "--level",
    "city",
    "--publisher",
    "丽水日报",
    "--date",
    "2020-03-10",
]
# What only a person can decide in a draft: English words, which way is better, an unproposed domain.
LEFT_TO_A_PERSON = {
    ("figures.csv", "label_en"),
    ("figures.csv", "better"),
    ("figures.csv", "domain"),
    ("figures.csv", "source_quote_en"),
    ("sections.csv", "label_en"),
    ("sections.csv", "heading_en"),
    ("passages.csv", "text_en"),
    ("sources.toml", "publisher_en"),
    ("sources.toml", "title_en"),
}


def _ingest(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "components.ingest", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DASHBOARD_DATA_DIR": str(DATA)},
    )


def test_json_lists_every_figure_with_its_sentence_and_offsets():
    result = _ingest(str(ARTICLE), "--json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    article = ARTICLE.read_text(encoding="utf-8")
    assert [list(item) for item in found] == [JSON_KEYS] * len(found)
    assert [item["start"] for item in found] == sorted(item["start"] for item in found), "reading order"
    for item in found:
        assert article[item["start"] : item["end"]] == item["text"]
        assert item["sentence"] in article and item["text"] in item["sentence"]
    byline = article.index("来源:丽水日报")
    assert not [item for item in found if item["start"] < article.index("平安,是一座城市")], (
        "nothing from title or byline"
    )
    assert byline < article.index("平安,是一座城市")


def test_every_figure_the_dashboard_shows_is_found_in_its_sentence():
    found = json.loads(_ingest(str(ARTICLE), "--json").stdout)
    for row in read_rows(DATA / "figures.csv"):
        for column, key, number in (("value_text", "value", "value"), ("yoy_text", "change", "yoy_pct")):
            if not row[column]:
                continue
            matches = [
                item
                for item in found
                if row[column] in item["text"]
                and item["sentence"]
                in row["source_quote"] + "".join(read_rows(DATA / "passages.csv")[i]["text"] for i in range(20))
            ]
            assert matches, f"{row['id']}: {row[column]}"
            if key == "change":
                assert matches[0]["change"] == pytest.approx(float(row[number])), row["id"]


@pytest.mark.parametrize(
    ("name", "content", "key"),
    [
        ("empty.txt", b"", "文章是空的"),
        ("blank.txt", b"  \n\n ", "文章是空的"),
        ("gbk.txt", "全市刑事案件同比下降13.8%。".encode("gbk"), "不是 UTF-8"),
        ("binary.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "不是文本文件"),
        ("huge.txt", "平安。".encode() * 1_200_000, "文件太大"),
        ("plain.txt", "这是一段没有任何数字的文字。".encode(), "没有找到任何数字"),
    ],
)
def test_bad_input_gets_a_message_and_exit_1(tmp_path, name, content, key):
    path = tmp_path / name
    path.write_bytes(content)
    result = _ingest(str(path))
    assert result.returncode == 1 and key in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_markup_in_the_article_stays_text(tmp_path):
    path = tmp_path / "markup.txt"
    path.write_text("标题\n\n<script>alert(1)</script>全市刑事案件同比下降13.8%。<b>粗</b>\n", encoding="utf-8")
    result = _ingest(str(path), "--json")
    assert result.returncode == 0
    found = json.loads(result.stdout)
    assert found[0]["text"] == "下降13.8%" and "<script>alert(1)</script>" in found[0]["sentence"]


def test_a_missing_file_and_an_existing_output_folder_are_refused(tmp_path):
    assert "无法读取" in _ingest(str(tmp_path / "nope.txt")).stderr
    result = _ingest(str(ARTICLE), "--out", str(tmp_path), "--lang", "en")
    assert result.returncode == 1 and "already exists" in result.stderr


@pytest.fixture
def draft(tmp_path) -> Path:
    folder = tmp_path / "draft"
    result = _ingest(str(ARTICLE), "--out", str(folder), *META)
    assert result.returncode == 0, result.stderr
    return folder


def test_the_draft_leaves_only_what_a_person_decides(draft):
    with pytest.raises(DataError) as caught:
        load_dataset(draft)
    left = {(problem.file, problem.column) for problem in caught.value.problems}
    assert left <= LEFT_TO_A_PERSON, left - LEFT_TO_A_PERSON
    assert {problem.code for problem in caught.value.problems} <= {"empty_value", "missing_translation"}
    figures = read_rows(draft / "figures.csv")
    assert {row["metric"] for row in figures} >= {"criminal_cases", "assets_seized", "gangs_broken_up"}, (
        "a subject the library already labels reuses its metric, so compare years joins it"
    )
    assert tomllib.loads((draft / "sources.toml").read_text(encoding="utf-8"))["sources"][0]["year"] == 2019


def _fill_as_a_person(draft: Path) -> None:
    """What a maintainer types into the draft, taken from today's data: words, directions, charts."""
    data_figures = read_rows(DATA / "figures.csv")
    rows = read_rows(draft / "figures.csv")
    for row in rows:
        known = next(
            f
            for f in data_figures
            if row["source_quote"] in f["source_quote"]
            and (row["value_text"] or row["yoy_text"]) in (f["value_text"] + f["yoy_text"])
        )
        row.update(
            {
                key: known[key]
                for key in (
                    "id",
                    "metric",
                    "domain",
                    "label_zh",
                    "label_en",
                    "better",
                    "parent",
                    "context_text",
                    "context_text_en",
                    "source_quote",
                    "source_quote_en",
                    "value_text_en",
                    "yoy_text_en",
                )
            }
        )
    write_rows(draft / "figures.csv", rows)
    translations = {row["text"]: row for row in read_rows(DATA / "passages.csv")}
    passages = read_rows(draft / "passages.csv")
    for row in passages:
        row.update(text_en=translations[row["text"]]["text_en"], domains=translations[row["text"]]["domains"])
    write_rows(draft / "passages.csv", passages)
    headings = {row["heading"]: row for row in read_rows(DATA / "sections.csv")}
    sections = read_rows(draft / "sections.csv")
    for row in sections:
        row.update({key: headings[row["heading"]][key] for key in ("heading_en", "label_zh", "label_en")})
    write_rows(draft / "sections.csv", sections)
    source = (draft / "sources.toml").read_text(encoding="utf-8")
    real = tomllib.loads((DATA / "sources.toml").read_text(encoding="utf-8"))["sources"][0]
    source = source.replace('publisher_en = ""', f'publisher_en = "{real["publisher_en"]}"')
    source = source.replace('title_en = ""', f'title_en = "{real["title_en"]}"')
    source = source.replace("authors = []", 'authors = ["记者 李倩", "通讯员 蓝江楠"]')
    (draft / "sources.toml").write_text(
        source.replace("authors_en = []", 'authors_en = ["reporter Li Qian", "correspondent Lan Jiangnan"]'),
        encoding="utf-8",
    )
    (draft / "charts.toml").write_text((DATA / "charts.toml").read_text(encoding="utf-8"), encoding="utf-8")


def _view(folder: Path, monkeypatch) -> tuple[list[str], list[str]]:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    assert not at.exception
    titles = [json.loads(chart.proto.spec)["layout"]["meta"]["title"] for chart in at.get("plotly_chart")]
    kpis = [body for body in (element.proto.body for element in at.get("html")) if "kpi-card" in body]
    return titles, kpis


def test_the_2019_article_through_the_desk_renders_todays_dashboard(draft, monkeypatch):
    _fill_as_a_person(draft)
    load_dataset(draft)  # the validator accepts it
    titles, kpis = _view(draft, monkeypatch)
    expected_titles, expected_kpis = _view(DATA, monkeypatch)
    assert titles == expected_titles[: len(titles)] and len(titles) == len(expected_titles) - 1, (
        "every chart, less the practices map (practices are a person's to add)"
    )
    assert kpis == expected_kpis
