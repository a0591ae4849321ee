"""The data desk: its pure steps (rows a person accepts, the verdict in memory, the preview, the zip,
continuing from that zip) and its page in both languages, with bad input named on the page."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import random
import struct
import tomllib
import zipfile

import lxml.html
import pytest
from streamlit.testing.v1 import AppTest

from components.data.loader import load_dataset
from components.ingest.candidates import read_article
from components.ingest.desk import (
    accepted_figures,
    figure_names,
    grouped,
    preview_figures,
    proposed_rows,
    row_ranges,
    verdict,
    zipped,
)
from components.ingest.draft import ReviewRecord, draft_files
from components.ingest.resume import MAX_UNPACKED_BYTES, MAX_ZIP_BYTES, ResumeError, read_saved, with_saved_edits
from components.text.catalog import load_catalog
from components.ui.desk import UNCHOSEN
from tests.support.data_files import DATA
from tests.support.helpers import rendered

ARTICLE = (DATA / "articles" / "lishui-daily-2020-03-10.txt").read_text(encoding="utf-8")
RECORD = ReviewRecord(
    id="review-2019",
    place="丽水市",
    place_short="丽水",
    place_en="Lishui",
    level="city",
    year=2019,
    publisher="丽水日报",
    title="步履铿锵铸平安",
)
FULL_RECORD = ReviewRecord(
    id="review-2019",
    place="丽水市",
    place_short="丽水",
    place_en="",
    level="city",
    year=2019,
    publisher="丽水日报",
    publisher_en="Lishui Daily",
    title=read_article(ARTICLE).title,
    date=dt.date(2020, 3, 10),
    authors=("记者 李倩", "通讯员 蓝江楠"),
    url="https://example.org/a?b=1",
)
DESK = "from components.ui.desk import render_desk\nrender_desk()\n"
ZIP = "application/zip"
EDITED = ["accept", "kind", "label_zh", "label_en", "domain", "better", "parent"]


@pytest.fixture(scope="module")
def proposed():
    return proposed_rows(read_article(ARTICLE), RECORD, load_dataset(DATA))[0]


def test_every_proposed_figure_is_accepted_with_its_kind(proposed):
    assert len(proposed) == 10 and proposed["accept"].all()
    kinds = dict(zip(proposed["label_zh"], proposed["kind"]))
    assert kinds["刑事案件"] == "change" and kinds["打掉黑恶团伙"] == "level" and kinds["破获案件"] == "level_change"


def test_the_candidates_left_out_come_with_their_reason():
    _, left_out = proposed_rows(read_article(ARTICLE), RECORD, load_dataset(DATA))
    assert [(item.text, item.reason) for item in left_out] == [("近8年", "duration")]
    assert "近8年" in left_out[0].sentence


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


def test_a_new_metric_follows_its_renamed_label_and_a_parent_may_be_named(proposed):
    known = frozenset(load_dataset(DATA).figures["metric"])
    edited = proposed.copy()
    unknown = next(index for index, metric in edited["metric"].items() if metric not in known)
    edited.loc[unknown, "label_zh"] = "改过的名称"
    edited.loc[edited["label_zh"] == "涉恶集团以上", "parent"] = "打掉黑恶团伙"
    figures = {row["label_zh"]: row for row in accepted_figures(edited, known)}
    assert figures["改过的名称"]["metric"] == "改过的名称"
    assert figures["改过的名称"]["id"] == f"{RECORD.id}-改过的名称"
    assert figures["涉恶集团以上"]["parent"] == figures["打掉黑恶团伙"]["id"]
    assert figures["打掉黑恶团伙"]["metric"] in known, "a metric the library knows stays, so compare years joins it"


def test_the_verdict_is_given_in_memory_and_groups_problems(proposed, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    library = load_dataset(DATA)
    files = draft_files(
        read_article(ARTICLE), RECORD, library, library.keywords, library.domains, figures=accepted_figures(proposed)
    )
    found = verdict(files)
    assert found.dataset is None and found.problems
    assert list(tmp_path.iterdir()) == [], "nothing is written"
    groups = {(problem.file, problem.column): rows for problem, rows in grouped(found.problems)}
    assert row_ranges(groups[("figures.csv", "better")]) == "2–11"
    assert ("figures.csv", "label_en") not in groups, "English follows later: it is no problem"
    assert row_ranges((2, 3, 4, 9)) == "2–4, 9"
    figures = accepted_figures(proposed)
    assert figure_names("figures.csv", (2, 3), figures) == "、".join(row["label_zh"] for row in figures[:2])
    assert figure_names("figures.csv", tuple(range(2, 12)), figures).endswith("…"), "the verdict names a few, then …"
    assert figure_names("sources.toml", (1,), figures) == ""
    archive = zipfile.ZipFile(io.BytesIO(zipped(files, "review-2019")))
    assert (
        "review-2019/figures.csv" in archive.namelist() and "review-2019/articles/review-2019.txt" in archive.namelist()
    )


# --- continuing from a zip -------------------------------------------------------------------------


def _edited(proposed, valid: bool = True):
    """A person's work: one row unticked, one kept as its level only, names, domains and directions."""
    edited = proposed.copy()
    edited.loc[edited["label_zh"] == "道路交通事故", "accept"] = False
    edited.loc[edited["label_zh"] == "破获案件", ["kind", "label_zh", "label_en"]] = [
        "level",
        "破获涉黑涉恶案件",
        "Cases solved",
    ]
    edited.loc[edited["label_zh"] == "涉恶集团以上", "parent"] = "review-2019-gangs_broken_up"
    if valid:
        edited["better"] = edited["label_zh"].map(
            lambda label: "higher" if label in ("人民群众安全感", "破获涉黑涉恶案件") else "lower"
        )
        edited.loc[edited["domain"] == "", "domain"] = "anti_gang"
    return edited


def _restored(proposed, valid: bool = True):
    """The rows a zip of ``_edited`` gives back: what a person kept as they left it, and a row they
    unticked unticked, as proposed (the zip holds only the rows kept)."""
    restored, dropped = _edited(proposed, valid), ~_edited(proposed, valid)["accept"]
    restored.loc[dropped, EDITED[1:]] = proposed.loc[dropped, EDITED[1:]]
    return restored


def _work_zip(proposed, valid: bool = True, record: ReviewRecord = FULL_RECORD) -> bytes:
    library = load_dataset(DATA)
    files = draft_files(
        read_article(ARTICLE),
        record,
        library,
        library.keywords,
        library.domains,
        figures=accepted_figures(_edited(proposed, valid), frozenset(library.figures["metric"])),
    )
    return zipped(files, record.id)


def test_a_downloaded_zip_reads_back_exactly(proposed):
    saved = read_saved(_work_zip(proposed))
    assert saved.article == ARTICLE and saved.record == FULL_RECORD
    rows, unmatched = with_saved_edits(proposed, saved.figures)
    assert unmatched == 0
    assert rows[EDITED].astype(str).equals(_restored(proposed)[EDITED].astype(str)), "every edit comes back"
    assert rows["accept"].sum() == 9, "and the row unticked stays unticked"


def test_rows_added_by_hand_are_counted_not_lost_silently(proposed):
    saved = read_saved(_work_zip(proposed))
    extra = {**saved.figures[0], "source_quote": "一句文章里没有的话。"}
    _, unmatched = with_saved_edits(proposed, (*saved.figures, extra))
    assert unmatched == 1


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def _members(proposed, changes: dict[str, bytes | None] | None = None) -> dict[str, bytes]:
    """The good zip's members, some replaced (or, given None, left out), by their name in the folder."""
    archive = zipfile.ZipFile(io.BytesIO(_work_zip(proposed)))
    members = {name: archive.read(name) for name in archive.namelist()}
    for name, content in (changes or {}).items():
        members[f"review-2019/{name}"] = content
    return {name: content for name, content in members.items() if content is not None}


def _sources(proposed, old: bytes, new: bytes) -> dict[str, bytes]:
    return {"sources.toml": _members(proposed)["review-2019/sources.toml"].replace(old, new)}


def _lying_bomb(proposed) -> bytes:
    """A member of 16 MB of zeros whose headers say it holds 10 bytes."""
    raw = bytearray(_zip({**_members(proposed), "review-2019/zeros.txt": b"0" * (2 * MAX_UNPACKED_BYTES)}))
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = raw.rfind(signature)
        raw[at + offset : at + offset + 4] = struct.pack("<I", 10)
    return bytes(raw)


BAD_ZIPS = {
    "too_large": (lambda proposed: b"PK" + b"\0" * (MAX_ZIP_BYTES + 1), "desk.resume.too_large"),
    "not_a_zip": (lambda proposed: "文章正文".encode(), "desk.resume.not_zip"),
    "cut_short": (lambda proposed: _work_zip(proposed)[:3000], "desk.resume.not_zip"),
    "bomb": (
        lambda proposed: _zip({**_members(proposed), "review-2019/zeros.txt": b"0" * (MAX_UNPACKED_BYTES + 1)}),
        "desk.resume.bomb",
    ),
    "lying_bomb": (_lying_bomb, "desk.resume.not_zip"),
    "dot_dot": (
        lambda proposed: _zip({**_members(proposed), "review-2019/../../etc/cron.d/x": b"x"}),
        "desk.resume.unsafe_path",
    ),
    "absolute": (lambda proposed: _zip({**_members(proposed), "/etc/passwd": b"x"}), "desk.resume.unsafe_path"),
    "gbk": (
        lambda proposed: _zip(
            _members(proposed, {"sources.toml": _members(proposed)["review-2019/sources.toml"].decode().encode("gbk")})
        ),
        "desk.resume.not_utf8",
    ),
    "no_figures": (lambda proposed: _zip(_members(proposed, {"figures.csv": None})), "desk.resume.missing_file"),
    "no_article": (
        lambda proposed: _zip(_members(proposed, {"articles/review-2019.txt": None})),
        "desk.resume.missing_file",
    ),
    "bad_toml": (
        lambda proposed: _zip(_members(proposed, {"sources.toml": b"[[sources]\nid = "})),
        "desk.resume.bad_sources",
    ),
    "bad_year": (
        lambda proposed: _zip(_members(proposed, _sources(proposed, b"year = 2019", b"year = 1066"))),
        "desk.resume.bad_sources",
    ),
    "article_outside": (
        lambda proposed: _zip(
            _members(proposed, _sources(proposed, b'article = "articles/', b'article = "../articles/'))
        ),
        "desk.resume.bad_sources",
    ),
    "bad_columns": (
        lambda proposed: _zip(_members(proposed, {"figures.csv": b"id,label\n1,x\n"})),
        "desk.resume.bad_figures",
    ),
}


@pytest.mark.parametrize("name", BAD_ZIPS)
def test_each_bad_zip_is_refused_with_its_message(proposed, name):
    build, key = BAD_ZIPS[name]
    with pytest.raises(ResumeError) as refused:
        read_saved(build(proposed))
    assert refused.value.key == key
    for language in ("zh", "en"):
        assert load_catalog(language).t(refused.value.key, **refused.value.params)


def test_a_damaged_zip_is_read_or_refused_never_anything_else(proposed):
    """Bytes changed or cut anywhere in a good zip: its work, or a ResumeError; no other exception."""
    good, rng = _work_zip(proposed), random.Random(2019)
    for _ in range(1000):
        damaged = bytearray(good)
        for _ in range(rng.randint(1, 20)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        with contextlib.suppress(ResumeError):
            read_saved(bytes(damaged[: rng.randrange(len(damaged))] if rng.random() < 0.3 else damaged))


# --- the page --------------------------------------------------------------------------------------


def _desk(language: str, text: str = "") -> AppTest:
    at = AppTest.from_string(DESK, default_timeout=60)
    at.query_params["lang"] = language
    at.run()
    if text:
        at.text_area(key="desk-article").input(text).run()
    assert not at.exception
    return at


def _upload(at: AppTest, content: bytes, name: str = "review-2019.zip") -> AppTest:
    at.file_uploader(key="desk-resume").set_value((name, content, ZIP)).run()
    assert not at.exception
    return at


def _editor(at: AppTest):
    return next(frame for frame in at.dataframe if frame.proto.editing_mode)


@pytest.mark.parametrize(("language", "hint"), [("zh", "粘贴文章后"), ("en", "Once an article is pasted")])
def test_an_empty_desk_says_what_to_do(language, hint):
    at = _desk(language)
    assert any(hint in info.value for info in at.info)
    assert len(at.file_uploader) == 1 and at.file_uploader[0].allowed_type == [".zip"]


@pytest.mark.parametrize(
    ("language", "problems", "valid"),
    [("zh", "处需要填写或修改", "数据有效"), ("en", "Still to fill in or correct", "data is valid")],
)
def test_a_pasted_article_gets_rows_a_verdict_a_preview_and_a_zip(language, problems, valid):
    at = _desk(language, ARTICLE)
    editors = [frame for frame in at.dataframe if frame.proto.editing_mode]
    assert len(editors) == 1 and len(editors[0].value) == 10, "one editable row per figure found"
    assert any(problems in warning.value for warning in at.warning)
    assert not any(valid in success.value for success in at.success)
    assert any("kpi-card" in element.proto.body for element in at.get("html")), "KPI cards in the preview"
    assert at.get("plotly_chart"), "the charts in the preview"
    assert at.get("download_button")


@pytest.mark.parametrize(
    ("language", "heading", "reason"),
    [("zh", "1 个候选数字未收入", "这是时长"), ("en", "Candidates left out: 1", "a duration")],
)
def test_the_candidates_left_out_are_listed_under_the_rows(language, heading, reason):
    at = _desk(language, ARTICLE)
    body = next(element.proto.body for element in at.get("html") if "desk-left-out" in element.proto.body)
    text = lxml.html.fragment_fromstring(body, create_parent="div").text_content()
    assert heading in text and reason in text and "近8年" in text and "创出了近8年的新高,达98.2%" in text
    assert body.count("<li>") == 1


def test_markup_in_a_left_out_sentence_stays_text():
    at = _desk("zh", "标题\n\n刑事案件同比下降13.8%。<img src=x onerror=alert(1)>居全省第2位。\n")
    body = next(element.proto.body for element in at.get("html") if "desk-left-out" in element.proto.body)
    root = lxml.html.fragment_fromstring(body, create_parent="div")
    assert not root.xpath("//img") and "<img src=x onerror=alert(1)>居全省第2位" in root.text_content()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("这是一段没有任何数字的文字。\n第二段也没有。", "没有找到任何数字"),
        ("平安。" * 70_000, "文字太长"),
    ],
)
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
    first = _editor(at).proto.id
    at.text_area(key="desk-article").input(ARTICLE.replace("下降13.8%", "下降31.8%")).run()
    second = _editor(at).proto.id
    assert first != second, "another article's table starts from the extractor's proposal, not the last edits"


def _declared_charts(downloaded: list[bytes]) -> list[str]:
    """The keys of the preview's charts, one for each chart the last zip's charts.toml declares."""
    archive = zipfile.ZipFile(io.BytesIO(downloaded[-1]))
    charts = tomllib.loads(archive.read("review-2019/charts.toml").decode())["charts"]
    return [f"desk-preview-{chart['id']}" for chart in charts]


@pytest.fixture
def downloads(monkeypatch) -> list[bytes]:
    """Every zip the page offers for download, newest last."""
    import components.ui.desk as desk

    offered: list[bytes] = []

    def recorded(files, folder):
        offered.append(zipped(files, folder))
        return offered[-1]

    monkeypatch.setattr(desk, "zipped", recorded)
    return offered


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_preview_draws_every_chart_the_draft_declares_before_it_is_valid(language, downloads):
    at = _desk(language, ARTICLE)
    declared = _declared_charts(downloads)
    assert len(declared) == 4 and [chart.key for chart in at.get("plotly_chart")] == declared
    sources = {json.loads(chart.proto.spec)["layout"]["meta"]["alt"] for chart in at.get("plotly_chart")}
    assert all(load_catalog(language).t("desk.preview_source") in alt for alt in sources)


@pytest.mark.parametrize(
    ("language", "source"), [("zh", "来源:丽水日报,2020年3月10日"), ("en", "Source: Lishui Daily, 10 March 2020")]
)
def test_a_valid_draft_previews_its_page_from_the_validated_data(proposed, language, source, downloads):
    at = _upload(_desk(language), _work_zip(proposed))
    assert [chart.key for chart in at.get("plotly_chart")] == _declared_charts(downloads)
    assert all(source in json.loads(chart.proto.spec)["layout"]["meta"]["alt"] for chart in at.get("plotly_chart"))
    assert any(load_catalog(language).t("desk.valid") in success.value for success in at.success)
    english = next(info.value for info in at.info if "review-2019" in info.value)
    assert rendered(english).startswith(load_catalog(language).t("validate.english_pending", count=0, reviews="")[:8])
    cards = next(element.proto.body for element in at.get("html") if "kpi-card" in element.proto.body)
    labels = [
        label.text_content()
        for label in lxml.html.fragment_fromstring(cards, create_parent="div").find_class("kpi-label")
    ]
    assert {"zh": "破获涉黑涉恶案件", "en": "Cases solved"}[language] in labels, "the cards show the person's edits"
    assert len(labels) == 8, "nine kept, one of them a part of another"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_zip_restores_every_record_field_and_every_row_edit(proposed, language, downloads):
    at = _upload(_desk(language), _work_zip(proposed, valid=False))
    assert at.text_area(key="desk-article").value == ARTICLE
    boxes = {
        key: at.text_input(key=key).value
        for key in (
            "desk-id",
            "desk-place",
            "desk-place-short",
            "desk-place-en",
            "desk-publisher",
            "desk-publisher-en",
            "desk-title-en",
            "desk-authors",
            "desk-url",
        )
    }
    assert boxes == {
        "desk-id": "review-2019",
        "desk-place": "丽水市",
        "desk-place-short": "丽水",
        "desk-place-en": "",
        "desk-publisher": "丽水日报",
        "desk-publisher-en": "Lishui Daily",
        "desk-title-en": "",
        "desk-authors": "记者 李倩、通讯员 蓝江楠",
        "desk-url": "https://example.org/a?b=1",
    }
    assert at.selectbox(key="desk-level").value == "city" and at.number_input(key="desk-year").value == 2019
    assert at.date_input(key="desk-date").value == dt.date(2020, 3, 10)
    rows, restored = _editor(at).value.replace(UNCHOSEN, ""), _restored(proposed, valid=False)  # "(待选)" is ""
    for column in EDITED:
        assert rows[column].astype(str).tolist() == restored[column].astype(str).tolist(), column
    assert any("review-2019.zip" in rendered(success.value) for success in at.success)
    again = read_saved(downloads[-1])
    assert again.record == FULL_RECORD and again.figures == read_saved(_work_zip(proposed, valid=False)).figures, (
        "downloaded again, the zip holds the same work"
    )


def test_record_fields_typed_on_the_page_reach_the_draft(downloads):
    at = _desk("zh", ARTICLE)
    at.text_input(key="desk-authors").input("记者 李倩、 通讯员 蓝江楠,\n").run()
    at.text_input(key="desk-url").input(" https://example.org/a ").run()
    at.text_input(key="desk-id").input("lishui 2020/03/10").run()
    saved = read_saved(downloads[-1])
    assert saved.record.authors == ("记者 李倩", "通讯员 蓝江楠") and saved.record.url == "https://example.org/a"
    assert saved.record.id == "lishui-2020-03-10"


@pytest.mark.parametrize(("language", "unchosen"), [("zh", "(待选)"), ("en", "(to choose)")])
def test_a_choice_the_extractor_left_is_shown_as_to_choose_and_drafted_empty(language, unchosen, downloads):
    at = _desk(language, ARTICLE)
    grid = _editor(at)
    choices = json.loads(grid.proto.columns)["better"]["type_config"]["options"]
    options = {choice["value"]: choice["label"] for choice in choices}
    assert options[UNCHOSEN] == unchosen, "the grid names the empty choice, never 'None'"
    assert set(grid.value["better"]) == {UNCHOSEN} and UNCHOSEN in set(grid.value["domain"])
    figures = read_saved(downloads[-1]).figures
    assert {row["better"] for row in figures} == {""}, "the draft keeps the choice empty for the person"
    assert "" in {row["domain"] for row in figures} and UNCHOSEN not in {row["domain"] for row in figures}


@pytest.mark.parametrize("name", ["bomb", "dot_dot", "gbk", "no_figures", "not_a_zip"])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_bad_zip_is_named_on_the_page_and_changes_nothing(proposed, name, language):
    build, key = BAD_ZIPS[name]
    at = _upload(_desk(language, "标题\n\n刑事案件同比下降13.8%。\n"), build(proposed))
    assert not at.exception
    refused = load_catalog(language).t(key, **_params(build(proposed)))
    assert [rendered(error.value) for error in at.error] == [refused]
    assert at.text_area(key="desk-article").value == "标题\n\n刑事案件同比下降13.8%。\n", "the work on the page stays"


def _params(content: bytes) -> dict:
    try:
        read_saved(content)
    except ResumeError as error:
        return error.params
    raise AssertionError("the zip was accepted")
