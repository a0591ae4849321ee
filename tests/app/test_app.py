"""The whole app in AppTest: every figure shown, the filter narrows everything, errors are friendly."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from components.text.numbers import MINUS
from tests.support.app_text import block, chart_titles, html_table, kpi_cards, open_folded, run_app
from tests.support.data_files import edit_rows

KPIS = {
    "刑事案件": f"{MINUS}13.8%",
    "道路交通事故": f"{MINUS}21.5%",
    "火灾事故": f"{MINUS}12.27%",
    "安全生产事故": f"{MINUS}17.7%",
    "群众安全感": "98.2%",
    "打掉黑恶团伙": "27个",
    "扫黑除恶破获案件": "611起",
    "查扣非法资产": "5.58亿元",
    "法院新收案件": "79,362件",
}
CHART_IDS = ["changes", "security", "crackdown", "courts", "index"]


def main_table(at: AppTest):
    return html_table(block(at, "data-table").get("html")[0].proto.body)


def html_text(at: AppTest) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


def test_default_page_shows_every_figure():
    at = run_app()
    assert {m.label: m.value for m in kpi_cards(at)} == KPIS
    titles = chart_titles(at)
    assert len(titles) == 6
    assert titles[0].startswith("7项同比指标全部向好")
    assert titles[1].startswith("群众安全感达98.2%")
    assert titles[2].startswith("打掉黑恶团伙27个")
    assert titles[3].startswith("法院新收案件79,362件")
    assert titles[4].startswith("以2018年为100")
    assert titles[5].startswith("原文点名6地的9项做法,另有11项在全市推行")
    assert at.title[0].value == "平安丽水 · 2019年建设成效"


def test_every_chart_has_alt_text_and_a_narrative_beside_it():
    at = run_app()
    for chart, title in zip(at.get("plotly_chart"), chart_titles(at)):
        assert chart.proto.alt.replace(" ", "").startswith(title.replace(" ", ""))
        assert "来源:丽水日报" in chart.proto.alt
    narratives = [el.proto.body for el in at.get("html") if 'class="narrative"' in el.proto.body]
    assert len(narratives) == len(CHART_IDS)
    assert all("原文怎么说" in body and '<mark class="figure-mark">' in body for body in narratives)
    assert "下降13.8%" in narratives[0] and "98.2%" in narratives[1] and "611起" in narratives[2]
    assert "79362件" in narratives[3]


def test_delta_colours_follow_meaning():
    at = run_app()
    cards = {card.label: card for card in kpi_cards(at)}
    assert (cards["刑事案件"].delta, cards["刑事案件"].arrow) == ("向好", "↓")
    assert (cards["扫黑除恶破获案件"].delta, cards["扫黑除恶破获案件"].arrow) == ("+40.46% 向好", "↑")
    assert cards["刑事案件"].outcome == cards["扫黑除恶破获案件"].outcome == "good", (
        "a fall in crime and a rise in cases solved are both good"
    )
    assert (cards["群众安全感"].delta, cards["群众安全感"].outcome) == ("创出了近8年的新高", "neutral"), (
        "a level with no change is not rated"
    )
    assert cards["查扣非法资产"].quote.startswith("全市社会大局持续稳定") and "5.58亿元" in cards["查扣非法资产"].quote


def test_domain_filter_narrows_kpis_charts_narratives_and_table():
    at = run_app()
    at.multiselect(key="domain").set_value(["fire"]).run()
    assert not at.exception
    assert {m.label for m in kpi_cards(at)} == {"火灾事故"}
    assert len(at.get("plotly_chart")) == 3  # the changes chart and the index, each with one bar, and the map
    assert chart_titles(at)[0].startswith("火灾事故同比下降12.27%")
    table = main_table(at)
    assert table["指标"].tolist() == ["火灾事故"]
    body = html_text(at)
    assert "下降12.27%" in body and "611起" not in body.split('class="narrative article"')[0]


def test_anti_gang_filter_shows_only_the_crackdown():
    at = run_app()
    at.multiselect(key="domain").set_value(["anti_gang"]).run()
    assert {m.label for m in kpi_cards(at)} == {"打掉黑恶团伙", "扫黑除恶破获案件", "查扣非法资产"}
    assert len(at.get("plotly_chart")) == 4  # changes, crackdown, index, and the map of the anti-gang practices


def test_empty_selection_shows_a_hint_and_a_way_back():
    at = run_app()
    at.multiselect(key="domain").set_value([]).run()
    assert not at.exception
    assert not kpi_cards(at) and not at.get("plotly_chart")
    assert any("尚未选择任何领域" in info.value for info in at.info)
    open_folded(at)
    assert any("没有可导出的内容" in info.value for info in at.info), "the meeting pack says there is nothing"
    assert not at.get("download_button"), "no empty or broken file is handed out"
    at.button(key="show_all_domains").click().run()
    assert len(kpi_cards(at)) == 9


SECTION_KEY = re.compile(r"^\$\$ID-[0-9a-f]+-(chart-[\w-]+|compare|practices|data-table|article)$")


def section_places(at: AppTest) -> dict[str, tuple[int, bool]]:
    """Each section's place on the main page (by its container's key), and whether it draws anything."""
    places = {}
    for place, child in enumerate(at.main.children.values()):
        found = SECTION_KEY.match(child.proto.id) if getattr(child, "type", None) == "flex_container" else None
        if found:
            places[found[1]] = (place, bool(child.children))
    return places


@pytest.mark.parametrize(
    ("library", "toggled"),
    [
        ("2019 alone", {"chart-security", "chart-crackdown", "practices"}),
        ("two years", {"chart-security", "chart-fraud", "compare"}),  # the newer review, compared with 2019
    ],
)
def test_sections_keep_their_places_when_the_view_leaves_some_out(library, toggled, request, monkeypatch):
    """A section the view leaves out keeps an empty slot, so no section moves when the filter
    changes: in the browser a chart that moves can be drawn again (tests/browser/test_redraw.py). Each of
    ``toggled`` is drawn for some of the domains chosen and left out for others."""
    at = run_app(
        data_dir=request.getfixturevalue("two_year_data") if library == "two years" else None, monkeypatch=monkeypatch
    )
    full = section_places(at)
    assert {"compare", "practices", "data-table", "article"} < set(full)
    domains = at.multiselect(key="domain").value
    drawn_sometimes, left_out_sometimes = set(), set()
    for chosen in [[domain] for domain in domains] + [[d for d in domains if d != domain] for domain in domains]:
        at.multiselect(key="domain").set_value(chosen).run()
        if not kpi_cards(at):  # nothing of this review in the view: the empty hint stands for the page
            continue
        places = section_places(at)
        assert {key: place for key, (place, _) in places.items()} == {key: place for key, (place, _) in full.items()}, (
            chosen
        )
        drawn_sometimes |= {key for key, (_, drawn) in places.items() if drawn}
        left_out_sometimes |= {key for key, (_, drawn) in places.items() if not drawn}
    assert toggled <= drawn_sometimes & left_out_sometimes


def test_domain_from_the_url_is_applied():
    at = run_app({"domain": ["消防", "道路交通"]})
    assert {m.label for m in kpi_cards(at)} == {"火灾事故", "道路交通事故"}
    assert not at.warning


def test_bad_url_values_are_ignored_with_a_notice():
    at = run_app({"domain": ["消防", "<script>alert(1)</script>"], "year": "1999"})
    assert {m.label for m in kpi_cards(at)} == {"火灾事故"}
    notices = [w.value for w in at.warning]
    assert len(notices) == 2
    assert any("domain" in notice and "script" in notice for notice in notices)
    assert any("1999" in notice for notice in notices)


def test_table_and_csv_download():
    at = run_app()
    table = main_table(at)
    assert len(table) == 10 and "原文" in table.columns
    assert not at.get("download_button"), "the downloads are drawn only when the meeting pack is opened"
    assert open_folded(at).get("download_button")


def test_full_article_is_one_click_away_with_figures_highlighted():
    at = run_app()
    assert "步履铿锵铸平安" not in html_text(at), "the folded article is sent only when opened"
    body = html_text(open_folded(at))
    assert "步履铿锵铸平安" in body and '<mark class="figure-mark">5.58亿元</mark>' in body


def test_broken_data_folder_shows_the_problem_list(data_copy, monkeypatch):
    edit_rows(data_copy, "figures.csv", lambda rows: rows[0].update(yoy_pct="-13.8%"))
    (data_copy / "domains.csv").unlink()
    at = run_app(data_dir=data_copy, monkeypatch=monkeypatch)
    assert at.title[0].value == "数据无法显示"
    assert "2 处问题" in at.error[0].value
    problems = at.table[0].value
    assert len(problems) == 2
    assert not kpi_cards(at) and not at.get("plotly_chart")


def test_review_picker_appears_only_with_more_than_one_review(two_year_data, monkeypatch):
    assert "review" not in [box.key for box in run_app().selectbox]
    at = run_app(data_dir=two_year_data, monkeypatch=monkeypatch)
    review = at.selectbox(key="review")
    assert review.value == "test-review-2020" and review.options == [
        "丽水市 2020年 · 测试日报",
        "丽水市 2019年 · 丽水日报",
    ], "the newest review of the city first"
    assert {m.label for m in kpi_cards(at)} == {
        "刑事案件",
        "法院新收案件",
        "电信网络诈骗案件",
        "电信网络诈骗案件破案率",
        "群众安全感",
    }
    review.set_value("lishui-daily-2020-03-10").run()
    assert not at.exception
    assert len(kpi_cards(at)) == 9
    assert at.title[0].value == "平安丽水 · 2019年建设成效"
    assert at.query_params["review"] == "lishui-daily-2020-03-10", "the link names the review by its id"


@pytest.mark.parametrize("query", [{"year": "2019"}, {"review": "lishui-daily-2020-03-10"}])
def test_review_from_the_url_and_old_year_links(two_year_data, monkeypatch, query):
    at = run_app(query, data_dir=two_year_data, monkeypatch=monkeypatch)
    assert not at.exception and len(kpi_cards(at)) == 9 and not at.warning


@pytest.mark.parametrize("query", [{"year": "1999"}, {"review": "<b>nope</b>"}])
def test_an_unknown_review_or_year_in_a_link_is_named_and_the_default_shown(two_year_data, monkeypatch, query):
    at = run_app(query, data_dir=two_year_data, monkeypatch=monkeypatch)
    assert not at.exception and at.title[0].value == "平安丽水 · 2020年建设成效"
    assert any(next(iter(query)) in warning.value for warning in at.warning)


def _practice_html(at: AppTest) -> str:
    return "\n".join(body for body in (el.proto.body for el in at.get("html")) if "narrative practices" in body)


def test_choosing_a_place_shows_its_practices_under_its_name():
    at = run_app()
    assert "缙云县" in _practice_html(at) and "莲都区" in _practice_html(at), "with no place chosen, every place"
    at.selectbox(key="county").set_value("jinyun").run()
    assert not at.exception
    body = _practice_html(at)
    assert "缙云县" in body and "“正道讲和团”" in body and "“110联调中心”" in body
    assert "莲心工作室" not in body, "other places are not listed"
    assert "全市层面的做法" in body, "city-wide practices stay listed on their own"
    assert [chart.key for chart in at.get("plotly_chart")][-1] == "practice-map-jinyun"


def test_a_place_without_practices_says_so():
    at = run_app({"county": "青田县"})
    assert '<p class="practices-note">在所选领域和章节中,原文没有点名青田县的做法。</p>' in html_text(at)


def test_place_and_section_come_from_the_link_in_either_language():
    at = run_app({"county": "Jinyun County", "section": "源头治理"})
    assert at.selectbox(key="county").value == "jinyun"
    assert at.selectbox(key="section").value == "source"
    body = _practice_html(at)
    assert "“正道讲和团”" in body and "“雪亮工程”" not in body, "the section filter narrows the city-wide list too"


@pytest.mark.parametrize(("name", "value"), [("county", "全市"), ("county", "City-wide"), ("section", "开篇")])
def test_a_name_the_boxes_never_offer_gets_a_notice(name, value):
    at = run_app({name: value})
    assert any(f"{name}={value}" in warning.value.replace("\\", "") for warning in at.warning)


def test_a_bad_place_in_the_link_is_ignored_with_a_notice():
    at = run_app({"county": "<script>alert(1)</script>", "domain": "消防"})
    assert any("county" in warning.value for warning in at.warning)
    assert at.selectbox(key="county").value == ""
    assert {m.label for m in kpi_cards(at)} == {"火灾事故"}, "the rest of the link is kept"


def test_a_tile_click_selects_its_place(monkeypatch):
    from components.ui import practices

    state = {"practice-map-none": {"selection": {"points": [{"customdata": "suichang", "x": 1, "y": 3}]}}}
    monkeypatch.setattr(practices.st, "session_state", state)
    practices._pick_place("practice-map-none")
    assert state[practices.PLACE_KEY] == "suichang"
    state["practice-map-suichang"] = {"selection": {"points": []}}
    practices._pick_place("practice-map-suichang")
    assert state[practices.PLACE_KEY] == "suichang", "clearing the chart's selection keeps the place"


def test_the_practices_slide_follows_the_chosen_place():
    at = run_app({"present": "true", "step": "7", "county": "莲都区"})
    body = _practice_html(at)
    assert "“莲心工作室”" in body and "<blockquote>" in body
    at = run_app({"present": "true", "step": "7"})
    body = _practice_html(at)
    assert "<blockquote>" not in body and "“正道讲和团”" in body and "全市层面的做法" not in body
    body = _practice_html(run_app({"present": "true", "step": "8"}))
    assert "全市层面的做法" in body and body.count("<li>") == 11, "the city-wide practices on a slide of their own"


def test_the_meeting_pack_offers_five_files_built_only_when_asked(monkeypatch):
    from dataclasses import replace

    from components.exports.registry import EXPORTS

    def never(*args, **kwargs):
        raise AssertionError("a meeting-pack file was built during the page's normal run")

    for kind, export in EXPORTS.items():
        monkeypatch.setitem(EXPORTS, kind, replace(export, build=never))
    at = open_folded(run_app())
    assert [button.proto.id.rsplit("-", 1)[-1] for button in at.get("download_button")] == [
        "download_pptx",
        "download_html",
        "download_xlsx",
        "download_csv",
        "download_png",
    ]
    at = open_folded(run_app({"present": "true", "step": "3"}))
    assert len(at.get("download_button")) == 5, "presenters find the pack beside the settings"


def test_each_chart_saves_a_png_named_after_it():
    at = run_app()
    names = [json.loads(chart.proto.config)["toImageButtonOptions"] for chart in at.get("plotly_chart")]
    assert names[0] == {"format": "png", "scale": 2, "filename": "平安丽水_2019_changes"}
    assert names[-1]["filename"] == "平安丽水_2019_practices"


def test_each_chart_has_its_data_one_click_away_without_a_page_run():
    at = run_app()
    folded = [
        element.proto.body
        for element in block(at, "chart-crackdown").get("html")
        if element.proto.body.startswith('<details class="folded">')
    ]
    assert len(folded) == 1 and "<summary>查看数据</summary>" in folded[0]
    table = html_table(folded[0])
    assert table["指标"].tolist() == ["打掉黑恶团伙", "其中涉恶集团以上", "扫黑除恶破获案件", "查扣非法资产"]
    assert not at.get("dataframe"), "no data grid is loaded for a few rows"
