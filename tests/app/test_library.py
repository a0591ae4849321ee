"""A library of reviews: a second review, its own metrics, domains and charts, and compare years,
all from data alone; the architecture rules that keep it so."""

from __future__ import annotations

import ast
import io
import json
import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from components import memo, results
from components.data.loader import load_dataset
from components.exports.pack import build_pack
from components.exports.registry import EXPORTS
from components.model.compare import compare_rows
from components.model.figures import View
from components.model.practices import PracticeView
from tests.support.data_files import DATA, ROOT
from tests.support.helpers import words

APP = str(ROOT / "dashboard.py")
FICTIONAL = "test-review-2020"
NEW_METRICS = {"telecom_fraud_cases", "fraud_clearance_rate"}


def _app(folder, monkeypatch, **query) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query)
    at.run()
    assert not at.exception
    return at


def _titles(at: AppTest) -> list[str]:
    return [json.loads(chart.proto.spec)["layout"]["meta"]["title"] for chart in at.get("plotly_chart")]


def test_no_metric_id_of_the_data_appears_in_python():
    metrics = set(load_dataset(DATA).figures["metric"]) | NEW_METRICS
    code = [
        path
        for folder in ("components", "benchmarks")
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "baseline_page.py"
    ]  # the simplest page names its own options
    found = [
        (path.name, metric)
        for path in [*code, ROOT / "dashboard.py"]
        for metric in metrics
        if re.search(rf"\b{metric}\b", path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_no_renderer_takes_more_than_four_parameters():
    wide = []
    for path in (ROOT / "components" / "ui").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                count = len(node.args.posonlyargs) + len(node.args.args) + len(node.args.kwonlyargs)
                if count > 4:
                    wide.append(f"{path.name}:{node.name}({count})")
    assert wide == []


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_fictional_review_renders_from_data_alone(two_year_data, monkeypatch, language):
    at = _app(two_year_data, monkeypatch, lang=language)
    titles = " | ".join(_titles(at))
    fraud = {"zh": "电信网络诈骗案件1,200起", "en": "Telecom fraud cases: 1,200"}[language]
    clearance = {"zh": "破案率达55.8%", "en": "clearance rate: 55.8%"}[language]
    assert fraud in titles and clearance in titles, "its own charts, labelled from the data"
    assert "97.87" in titles, "a score without a % sign"
    bodies = "\n".join(element.proto.body for element in at.get("html"))
    label = {"zh": "电信网络诈骗案件", "en": "Telecom fraud cases"}[language]
    assert label in bodies, "KPI card and narrative"
    assert {"zh": "历年对比", "en": "Compare years"}[language] in [header.value for header in at.header]
    assert {"zh": "各地做法", "en": "Local practices"}[language] not in [header.value for header in at.header], (
        "it declares no practices map"
    )
    assert "【虚构】" in load_dataset(two_year_data).source(FICTIONAL).article, "marked fictional in its own text"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_slide_of_the_fictional_review_draws(two_year_data, monkeypatch, language):
    at = _app(two_year_data, monkeypatch, lang=language, present="true")
    seen = []
    while True:
        seen.extend(_titles(at))
        button = at.button(key="next-slide")
        if button.disabled:
            break
        button.click().run()
        assert not at.exception
    joined = " | ".join(seen)
    assert {"zh": "2019—2020年对比", "en": "2019–2020"}[language] in joined, "a compare-years slide"
    assert {"zh": "电信网络诈骗案件", "en": "Telecom fraud cases"}[language] in joined


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_meeting_pack_of_the_fictional_review_has_every_file(two_year_data, language):
    from openpyxl import load_workbook
    from pptx import Presentation

    data = load_dataset(two_year_data)
    pack = build_pack(data, PracticeView(View(FICTIONAL, tuple(data.domains["id"]))), "", words(language))
    drawn_elsewhere = {"png"}  # the long image of this review: tests/unit/test_at_a_glance.py (slow lane)
    files = {
        kind: export.build(pack)
        for kind, export in EXPORTS.items()
        if export.available() and kind not in drawn_elsewhere
    }
    assert set(files) == set(EXPORTS) - drawn_elsewhere, "Chromium is installed for the tests"
    deck = Presentation(io.BytesIO(files["pptx"]))
    texts = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert {"zh": "2019—2020年对比", "en": "2019–2020"}[language] in texts
    assert "97.87" in files["html"].decode("utf-8") and "1,200" in files["html"].decode("utf-8")
    sheets = load_workbook(io.BytesIO(files["xlsx"])).sheetnames
    assert {"zh": "历年对比", "en": "Compare years"}[language] in sheets
    assert "1200" in files["csv"].decode("utf-8-sig")


def test_compare_years_joins_the_metrics_two_reviews_of_one_place_share(two_year_data):
    data = load_dataset(two_year_data)
    rows = compare_rows(data, View(FICTIONAL, tuple(data.domains["id"])))
    measures = dict(zip(rows["metric"] + "@" + rows["year"].astype(str), rows["measure"]))
    assert measures == {
        "criminal_cases@2019": "change",
        "criminal_cases@2020": "change",
        "court_cases@2019": "level",
        "court_cases@2020": "level",
    }
    assert "sense_of_security@2019" not in measures, "98.2% and a score of 97.87 are not the same measure"
    alone = compare_rows(load_dataset(DATA), View("lishui-daily-2020-03-10", ("public_order",)))
    assert alone.empty, "one review: nothing to compare"


def test_two_folders_with_identical_files_never_share_a_result(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    shutil.copytree(DATA, first)
    shutil.copytree(DATA, second)
    for source in first.rglob("*"):  # identical names, sizes and times: the same data signature
        shutil.copystat(source, second / source.relative_to(first))
    (second / "domains.csv").write_bytes(
        (first / "domains.csv").read_bytes().replace("社会治安".encode(), "治安二字".encode())
    )
    shutil.copystat(first / "domains.csv", second / "domains.csv")
    one, two = results.library(first), results.library(second)
    assert one.signature == two.signature, "the files look the same by their stats"
    assert one is not two and one.key != two.key
    assert results.domain_labels(one, words("zh"))["public_order"] == "社会治安"
    assert results.domain_labels(two, words("zh"))["public_order"] == "治安二字"


def test_large_results_are_bounded_by_bytes():
    store = memo.SharedResults(max_bytes=10_000)
    for number in range(5):
        store.get(("file", number), lambda: b"x" * 4_000)
    assert store.size <= 10_000
    assert store.get(("file", 4), lambda: b"rebuilt") == b"x" * 4_000, "the newest is kept"
    assert store.get(("file", 0), lambda: b"rebuilt") == b"rebuilt", "the oldest was dropped"


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    from benchmarks.library import grown_library

    return grown_library(tmp_path_factory.mktemp("library") / "province", places=3, years=2)


def _boxes(at: AppTest) -> dict[str, tuple[str, list[str]]]:
    return {box.key: (box.value, box.options) for box in at.selectbox if box.key in ("review_place", "review")}


def test_a_review_among_many_places_is_picked_by_place_then_year(province, monkeypatch):
    at = _app(province, monkeypatch)
    boxes = _boxes(at)
    assert boxes["review_place"] == ("丽水市", ["丽水市", "样例地001", "样例地002"])
    assert boxes["review"] == ("lishui-daily-2020-03-10", ["2019年 · 丽水日报", "2018年 · 丽水日报"])
    at.selectbox(key="review_place").set_value("样例地002").run()
    assert _boxes(at)["review"][0] == "place-002-2019" and at.query_params["review"] == "place-002-2019"
    at.selectbox(key="review").set_value("place-002-2018").run()
    assert at.query_params["review"] == "place-002-2018" and "2018" in at.title[0].value
    linked = _app(province, monkeypatch, review="place-001-2018")
    assert _boxes(linked)["review_place"][0] == "样例地001" and _boxes(linked)["review"][0] == "place-001-2018"


def test_one_place_keeps_one_review_box(two_year_data, monkeypatch):
    at = _app(two_year_data, monkeypatch)
    assert "review_place" not in _boxes(at) and len(_boxes(at)["review"][1]) == 2


def test_a_review_gone_after_a_data_update_falls_back_to_the_default(province, tmp_path, monkeypatch):
    from benchmarks.library import grown_library

    at = _app(province, monkeypatch)
    at.selectbox(key="review_place").set_value("样例地002").run()
    at.selectbox(key="review").set_value("place-002-2018").run()
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(grown_library(tmp_path / "smaller", places=2, years=1)))
    at.run()
    assert not at.exception and _boxes(at)["review"][0] == "lishui-daily-2020-03-10"
