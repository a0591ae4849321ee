"""The loader: good data loads whole; every broken rule is named with file, row and column."""

from __future__ import annotations

import pandas as pd
import pytest

from components.data.loader import data_dir_from_env, load_dataset
from components.data.records import DataError, Problem
from tests.support.data_files import DATA, edit_rows, read_rows


def test_real_data_loads_every_reported_figure():
    dataset = load_dataset(DATA)
    figures = dataset.figures.set_index("metric")
    expected = {
        "criminal_cases": (None, -13.8),
        "road_traffic_accidents": (None, -21.5),
        "fire_accidents": (None, -12.27),
        "work_safety_accidents": (None, -17.7),
        "sense_of_security": (98.2, None),
        "gangs_broken_up": (27, None),
        "syndicates_broken_up": (10, None),
        "cases_solved": (611, 40.46),
        "assets_seized": (5.58, 451),
        "court_cases": (79362, -10.37),
    }
    assert set(figures.index) == set(expected)
    for metric, (value, change) in expected.items():
        row = figures.loc[metric]
        assert pd.isna(row["value"]) if value is None else row["value"] == value, metric
        assert pd.isna(row["yoy_pct"]) if change is None else row["yoy_pct"] == change, metric
    assert figures.loc["syndicates_broken_up", "parent"] == "2019-gangs_broken_up"
    assert figures.loc["assets_seized", "unit"] == "亿元"
    assert dataset.reviews == ("lishui-daily-2020-03-10",) and dataset.default_review == dataset.reviews[0]


def test_real_data_has_every_domain_section_and_source_field():
    dataset = load_dataset(DATA)
    assert dataset.domains["label_zh"].tolist() == [
        "社会治安",
        "道路交通",
        "消防",
        "安全生产",
        "扫黑除恶",
        "矛盾纠纷化解",
        "群众安全感",
    ]
    assert dataset.sections["label_zh"].tolist() == ["开篇", "严字当头", "打防结合", "源头治理", "固本强基", "结语"]
    source = dataset.sources["lishui-daily-2020-03-10"]
    assert (source.publisher, str(source.date), source.authors) == (
        "丽水日报",
        "2020-03-10",
        ("记者 李倩", "通讯员 蓝江楠"),
    )
    assert source.title.startswith("步履铿锵铸平安")


def test_every_quote_and_passage_occurs_in_the_article():
    dataset = load_dataset(DATA)
    article = dataset.sources["lishui-daily-2020-03-10"].article
    assert all(quote in article for quote in dataset.figures["source_quote"])
    assert all(text in article for text in dataset.passages["text"])


def test_passages_come_in_article_order():
    dataset = load_dataset(DATA)
    article = dataset.sources["lishui-daily-2020-03-10"].article
    positions = [article.index(text) for text in dataset.passages["text"]]
    assert positions == sorted(positions)


def test_data_dir_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    assert data_dir_from_env() == DATA
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    assert data_dir_from_env() == tmp_path


def _set(metric: str, column: str, value: str):
    def change(rows):
        for row in rows:
            if row["metric"] == metric:
                row[column] = value

    return change


def _row(row_id: str, **values: str):
    def change(rows):
        next(row for row in rows if row["id"] == row_id).update(values)

    return change


def _first(column: str, value: str):
    def change(rows):
        rows[0][column] = value

    return change


def _duplicate_first(rows):
    rows.append(dict(rows[0]))


def _drop_column(column: str):
    def change(rows):
        for row in rows:
            del row[column]

    return change


def _add_column(rows):
    for row in rows:
        row["notes"] = "x"


BROKEN = [
    # (case id, file, change, expected problem code, expected column)
    ("missing column", "figures.csv", _drop_column("yoy_pct"), "missing_column", "yoy_pct"),
    ("extra column", "domains.csv", _add_column, "extra_column", "notes"),
    ("text in a number column", "figures.csv", _set("cases_solved", "value", "六百一十一"), "not_number", "value"),
    (
        "percent sign in a change",
        "figures.csv",
        _set("criminal_cases", "yoy_pct", "-13.8%"),
        "not_number_percent",
        "yoy_pct",
    ),
    ("year not an integer", "figures.csv", _first("year", "2019.0"), "not_integer", "year"),
    ("empty required cell", "figures.csv", _first("label_zh", ""), "empty_value", "label_zh"),
    ("unknown better", "figures.csv", _first("better", "down"), "bad_choice", "better"),
    ("duplicate id", "figures.csv", _duplicate_first, "duplicate_key", "id"),
    ("change below -100%", "figures.csv", _set("criminal_cases", "yoy_pct", "-112.27"), "change_too_low", "yoy_pct"),
    ("negative value", "figures.csv", _set("cases_solved", "value", "-611"), "negative_value", "value"),
    (
        "quote not in the article",
        "figures.csv",
        _set("court_cases", "source_quote", "2019年度全市法院共新收各类案件79363件"),
        "not_in_article",
        "source_quote",
    ),
    (
        "figure not in its quote",
        "figures.csv",
        _set("cases_solved", "value_text", "612起"),
        "not_in_quote",
        "value_text",
    ),
    (
        "value disagrees with the article",
        "figures.csv",
        _set("cases_solved", "value", "612"),
        "value_mismatch",
        "value",
    ),
    ("unit disagrees with the article", "figures.csv", _set("assets_seized", "unit", "万元"), "unit_mismatch", "unit"),
    (
        "sign of a change flipped",
        "figures.csv",
        _set("criminal_cases", "yoy_pct", "13.8"),
        "change_mismatch",
        "yoy_pct",
    ),
    (
        "change text without direction",
        "figures.csv",
        _set("criminal_cases", "yoy_text", "13.8%"),
        "change_text_unreadable",
        "yoy_text",
    ),
    (
        "level text without a level",
        "figures.csv",
        _set("cases_solved", "value", ""),
        "text_without_number",
        "value_text",
    ),
    (
        "no figure at all",
        "figures.csv",
        lambda rows: rows[4].update(value="", unit="", value_text=""),
        "no_figure",
        "value",
    ),
    (
        "parent that does not exist",
        "figures.csv",
        _set("syndicates_broken_up", "parent", "2019-nothing"),
        "unknown_ref",
        "parent",
    ),
    ("level typed wrongly", "figures.csv", _set("gangs_broken_up", "value", "9"), "value_mismatch", "value"),
    ("unknown domain", "figures.csv", _set("fire_accidents", "domain", "weather"), "unknown_ref", "domain"),
    ("unknown section", "figures.csv", _set("fire_accidents", "section", "middle"), "unknown_ref", "section"),
    ("year differs from its source", "figures.csv", _set("fire_accidents", "year", "2018"), "year_mismatch", "year"),
    ("passage not in the article", "passages.csv", _first("text", "这段话不在原文里。"), "not_in_article", "text"),
    (
        "passage with unknown domain",
        "passages.csv",
        lambda rows: rows[1].update(domains="weather"),
        "unknown_ref",
        "domains",
    ),
    (
        "heading not in the article",
        "sections.csv",
        lambda rows: rows[1].update(heading="不存在的标题"),
        "not_in_article",
        "heading",
    ),
    (
        "English change goes the wrong way",
        "figures.csv",
        _set("criminal_cases", "yoy_text_en", "up 13.8%"),
        "translation_mismatch",
        "yoy_text_en",
    ),
    (
        "English level differs",
        "figures.csv",
        _set("assets_seized", "value_text_en", "CNY 55.8 million"),
        "translation_mismatch",
        "value_text_en",
    ),
    ("two changes in one row", "figures.csv", _set("cases_solved", "yoy_abs", "12"), "several_changes", "yoy_abs"),
    (
        "a from value without a pair",
        "figures.csv",
        _set("court_cases", "from_value", "88544"),
        "from_without_pair",
        "from_value",
    ),
    (
        "practice quote not in the article",
        "practices.csv",
        _row("lianxin-studio", quote="莲都区“莲心工作站”"),
        "not_in_article",
        "quote",
    ),
    (
        "practice not named in its quote",
        "practices.csv",
        _row("lianxin-studio", name_zh="“莲心驿站”"),
        "not_in_quote",
        "name_zh",
    ),
    (
        "practice quote outside every passage",
        "practices.csv",
        _row("lianxin-studio", quote="步履铿锵铸平安"),
        "quote_not_in_passages",
        "quote",
    ),
    (
        "practice translation outside every passage",
        "practices.csv",
        _row("lianxin-studio", quote_en="Liandu District's “Lotus Heart Studio”"),
        "quote_not_in_translation",
        "quote_en",
    ),
    ("practice in an unknown place", "practices.csv", _row("lianxin-studio", place="hangzhou"), "unknown_ref", "place"),
    (
        "practice in an unknown section",
        "practices.csv",
        _row("lianxin-studio", section="middle"),
        "unknown_ref",
        "section",
    ),
    (
        "practice with an unknown domain",
        "practices.csv",
        _row("lianxin-studio", domains="disputes;weather"),
        "unknown_ref",
        "domains",
    ),
    ("practice with no domain", "practices.csv", _row("lianxin-studio", domains=""), "empty_value", "domains"),
    ("duplicate practice id", "practices.csv", _duplicate_first, "duplicate_key", "source_id+id"),
    ("county without a latitude", "places.csv", _row("jinyun", lat=""), "missing_coordinates", "lat"),
    (
        "county without a coordinate source",
        "places.csv",
        _row("jinyun", coord_source=""),
        "missing_coordinates",
        "coord_source",
    ),
    ("latitude out of range", "places.csv", _row("jinyun", lat="128.659"), "coordinate_out_of_range", "lat"),
    ("longitude written in degrees and minutes", "places.csv", _row("jinyun", lon="120°04′39″E"), "not_number", "lon"),
    ("zone in no county", "places.csv", _row("devzone", within="citywide"), "within_not_county", "within"),
    ("unknown place kind", "places.csv", _row("jinyun", kind="province"), "bad_choice", "kind"),
    (
        "invisible control character",
        "practices.csv",
        _row("lianxin-studio", name_en="Lianxin\x0bStudio"),
        "control_character",
        None,
    ),
]


@pytest.mark.parametrize(
    ("file", "change", "code", "column"), [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN]
)
def test_each_broken_rule_is_named(data_copy, file, change, code, column):
    edit_rows(data_copy, file, change)
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    found = [(p.file, p.code, p.column) for p in caught.value.problems]
    assert (file, code, column) in found, found


def test_part_larger_than_whole_is_named_when_the_article_agrees(data_copy):
    """Check the part/whole rule on its own: both figures consistent with their quotes."""

    def change(rows):
        for row in rows:
            if row["metric"] == "syndicates_broken_up":
                row.update(value="611", unit="起", value_text="611起")
            if row["metric"] == "gangs_broken_up":
                row.update(value="27", unit="起", value_text="27个")

    edit_rows(data_copy, "figures.csv", change)
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert "part_exceeds_whole" in [p.code for p in caught.value.problems]


def test_every_problem_is_listed_at_once_with_its_row(data_copy):
    edit_rows(data_copy, "figures.csv", _set("cases_solved", "value", "abc"))
    edit_rows(data_copy, "figures.csv", _set("fire_accidents", "yoy_pct", "-120"))
    edit_rows(data_copy, "domains.csv", _duplicate_first)
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    problems = caught.value.problems
    assert Problem("figures.csv", "not_number", row=9, column="value", params={"value": "abc"}) in problems
    assert any(p.code == "change_too_low" and p.row == 4 for p in problems)
    assert any(p.file == "domains.csv" and p.code == "duplicate_key" and p.row == 9 for p in problems)


@pytest.mark.parametrize("name", ["figures.csv", "domains.csv", "sections.csv", "passages.csv", "sources.toml"])
def test_missing_file_is_named(data_copy, name):
    (data_copy / name).unlink()
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert (name, "missing_file") in [(p.file, p.code) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty_file"),
        ("编号;年份\n1;2019\n".encode("gbk"), "not_utf8"),
        (b"id;order;label_zh\nx;1;y\n", "wrong_delimiter"),
        (b"id,order,label_zh,label_en\n", "no_rows"),
        (b'id,order,label_zh\n"x,1,y\n', "bad_csv"),
    ],
)
def test_unreadable_table_is_named(data_copy, content, code):
    (data_copy / "domains.csv").write_bytes(content)
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert ("domains.csv", code) in [(p.file, p.code) for p in caught.value.problems]


def test_utf8_bom_is_read_correctly(data_copy):
    path = data_copy / "figures.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(load_dataset(data_copy).figures) == 10


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(DataError) as caught:
        load_dataset(tmp_path / "nowhere")
    assert caught.value.problems[0].code == "missing_folder"


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (lambda text: text.replace("year = 2019", 'year = "2019"'), "bad_source_field"),
        (lambda text: text.replace("date = 2020-03-10", 'date = "yesterday"'), "bad_source_field"),
        (
            lambda text: text.replace("articles/lishui-daily-2020-03-10.txt", "../../etc/passwd"),
            "article_outside_folder",
        ),
        (lambda text: text.replace("[[sources]]", "[[sources"), "bad_toml"),
        (lambda text: "", "empty_file"),
    ],
)
def test_bad_source_metadata_is_named(data_copy, edit, code):
    path = data_copy / "sources.toml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert ("sources.toml", code) in [(p.file, p.code) for p in caught.value.problems]


def test_two_years_load_with_both_years(two_year_data):
    dataset = load_dataset(two_year_data)
    assert dataset.reviews == ("test-review-2020", "lishui-daily-2020-03-10")
    assert dataset.default_review == "test-review-2020", "the newest review of the city"
    assert len(dataset.sources) == 2


def test_a_quote_must_stand_in_a_passage_so_the_narrative_shows_it(data_copy):
    edit_rows(data_copy, "passages.csv", lambda rows: rows[10].update(text=rows[10]["text"][:20]))
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert ("figures.csv", "quote_not_in_passages", "source_quote") in [
        (p.file, p.code, p.column) for p in caught.value.problems
    ]


def test_two_sources_for_one_place_and_year_are_named(data_copy):
    path = data_copy / "sources.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + text.replace('id = "lishui-daily-2020-03-10"', 'id = "another"'), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert ("sources.toml", "duplicate_key", "place+year") in [
        (p.file, p.code, p.column) for p in caught.value.problems
    ]


def test_a_county_review_of_the_same_year_is_welcome(data_copy):
    path = data_copy / "sources.toml"
    text = path.read_text(encoding="utf-8")
    county = (
        text.replace('id = "lishui-daily-2020-03-10"', 'id = "jinyun-2019"')
        .replace('place = "丽水市"', 'place = "缙云县"')
        .replace('level = "city"', 'level = "county"')
    )
    path.write_text(text + county, encoding="utf-8")
    dataset = load_dataset(data_copy)
    assert set(dataset.reviews) == {"lishui-daily-2020-03-10", "jinyun-2019"}
    assert dataset.default_review == "lishui-daily-2020-03-10", "the city's review, not the county's"


CHART = '[[charts]]\nid = "extra"\nkind = "changes"\nmetrics = "every_change"\nnarrative = "quotes"\n'


@pytest.mark.parametrize(
    ("entry", "column", "code"),
    [
        (CHART.replace('kind = "changes"', 'kind = "pie"'), "kind", "bad_choice"),
        (CHART.replace('"every_change"', '["no_such_metric"]'), "metrics", "unknown_ref"),
        (CHART.replace('"every_change"', '"everything"'), "metrics", "bad_metrics"),
        (CHART.replace('"quotes"', '"poem"'), "narrative", "bad_choice"),
        (CHART + 'reviews = ["no-such-review"]\n', "reviews", "unknown_ref"),
        (CHART + 'colour = "red"\n', "colour", "unknown_field"),
        (CHART.replace('id = "extra"', 'id = "changes"'), "id", "duplicate_key"),
        (CHART.replace('kind = "changes"\n', ""), "kind", "bad_source_field"),
    ],
)
def test_a_bad_chart_declaration_is_named_with_its_entry(data_copy, entry, column, code):
    with open(data_copy / "charts.toml", "a", encoding="utf-8") as handle:
        handle.write("\n" + entry)
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert ("charts.toml", code, 7, column) in [(p.file, p.code, p.row, p.column) for p in caught.value.problems]


def test_charts_are_declared_in_data(data_copy):
    charts = load_dataset(DATA).charts
    assert [chart.id for chart in charts] == ["changes", "security", "crackdown", "courts", "index", "practices"]
    assert charts[0].metrics is None and charts[2].metrics[0] == "gangs_broken_up"
    (data_copy / "charts.toml").unlink()
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert ("charts.toml", "missing_file") in [(p.file, p.code) for p in caught.value.problems]


def test_a_duplicated_parent_id_is_reported_not_crashed(data_copy):
    edit_rows(data_copy, "figures.csv", lambda rows: rows.append(dict(rows[5], metric="other")))
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert "duplicate_key" in [p.code for p in caught.value.problems]


def test_practices_load_in_article_order_with_their_places():
    dataset = load_dataset(DATA)
    practices, places = dataset.practices, dataset.places.set_index("id")
    article = dataset.sources["lishui-daily-2020-03-10"].article
    positions = [article.index(quote) for quote in practices["quote"]]
    assert positions == sorted(positions)
    assert all(name in quote for name, quote in zip(practices["name_zh"], practices["quote"]))
    by_place = practices.groupby("place")["name_zh"].apply(list).to_dict()
    assert by_place["jinyun"] == ["“正道讲和团”", "“110联调中心”"]
    assert by_place["liandu"] == ["“莲心工作室”", "“村级事务阳光票决”黄泥墩经验"]
    assert by_place["longquan"] == ["“以数字化转型化解山林纠纷”"]
    assert by_place["suichang"] == ["“民事村了”工作法", "全科网格“1+X”组团式服务"]
    assert by_place["devzone"] == ["全域挂牌整治"]
    assert "“雪亮工程”" in by_place["citywide"] and "“诉源治理”" in by_place["citywide"]
    assert places.loc["devzone", "within"] == "liandu"
    assert (places["kind"] == "county").sum() == 9


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh", "“…刑事案件同比下降31.8%,道路交…”与原文最接近处“…刑事案件同比下降13.8%,道路交…”在第"),
        (
            "en",
            (
                "“…刑事案件同比下降31.8%,道路交…” differs from the closest passage "
                "“…刑事案件同比下降13.8%,道路交…” at character"
            ),
        ),
    ],
)
def test_a_quote_with_a_typo_shows_where_it_parts_from_the_article(data_copy, language, expected):
    from components.text.problems import describe
    from tests.support.helpers import words

    original = read_rows(data_copy / "figures.csv")[0]["source_quote"]
    typo = original.replace("13.8%", "31.8%")
    edit_rows(data_copy, "figures.csv", lambda rows: rows[0].update(source_quote=typo))
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    found = [p for p in caught.value.problems if p.code == "not_in_article"]
    first = next(i for i, (a, b) in enumerate(zip(original, typo)) if a != b) + 1
    assert found and found[0].params["position"] == first, "the first differing character, counted from 1"
    assert expected in describe(found[0], words(language).catalog)


def test_files_held_in_memory_load_like_the_folder():
    from components.data.files import MemoryFiles

    files = {str(path.relative_to(DATA)): path.read_bytes() for path in DATA.rglob("*") if path.is_file()}
    from_memory, from_folder = load_dataset(MemoryFiles(files)), load_dataset(DATA)
    pd.testing.assert_frame_equal(from_memory.figures, from_folder.figures)
    del files["figures.csv"]
    files["sources.toml"] = files["sources.toml"].replace(b"articles/lishui", b"../articles/lishui")
    with pytest.raises(DataError) as caught:
        load_dataset(MemoryFiles(files))
    assert {(p.file, p.code) for p in caught.value.problems} >= {
        ("figures.csv", "missing_file"),
        ("sources.toml", "article_outside_folder"),
    }


@pytest.mark.parametrize(
    ("edit", "name", "column", "code"),
    [
        (
            lambda rows: rows[1].update(label_zh=rows[0]["label_zh"]),
            "figures.csv",
            "source_id+label_zh",
            "duplicate_key",
        ),
        (
            lambda rows: rows[1].update(label_en=rows[0]["label_en"]),
            "figures.csv",
            "source_id+label_en",
            "duplicate_key",
        ),
    ],
)
def test_two_figures_of_one_review_never_share_a_label(data_copy, edit, name, column, code):
    edit_rows(data_copy, "figures.csv", edit)
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert (name, code, column) in [(p.file, p.code, p.column) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("entry", "column"),
    [
        (
            '[[charts]]\nid = "x\\"><img src=x>"\nkind = "changes"\nmetrics = "every_change"\nnarrative = "quotes"\n',
            "id",
        ),
        ('[[charts]]\nid = "compare"\nkind = "changes"\nmetrics = "every_change"\nnarrative = "quotes"\n', "id"),
    ],
)
def test_a_chart_id_that_would_break_the_page_is_refused(data_copy, entry, column):
    with open(data_copy / "charts.toml", "a", encoding="utf-8") as handle:
        handle.write("\n" + entry)
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert ("charts.toml", "bad_id", column) in [(p.file, p.code, p.column) for p in caught.value.problems]


def test_a_source_id_that_is_not_a_plain_name_is_refused(data_copy):
    path = data_copy / "sources.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('id = "lishui-daily-2020-03-10"', 'id = "../../evil"'),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert ("sources.toml", "bad_id") in [(p.file, p.code) for p in caught.value.problems]


def test_missing_english_is_a_status_not_a_problem(data_copy):
    edit_rows(
        data_copy,
        "figures.csv",
        lambda rows: [
            row.update(label_en="", source_quote_en="", value_text_en="", yoy_text_en="", context_text_en="")
            for row in rows
        ],
    )
    edit_rows(data_copy, "passages.csv", lambda rows: rows[1].update(text_en=""))
    dataset = load_dataset(data_copy)
    untranslated = dataset.untranslated["lishui-daily-2020-03-10"]
    assert {(item.file, item.column) for item in untranslated} == {
        ("figures.csv", "label_en"),
        ("figures.csv", "context_text_en"),
        ("passages.csv", "text_en"),
    }
    assert not dataset.translated("lishui-daily-2020-03-10")
    quotes = dataset.figures.set_index("metric")["source_quote_en"]
    assert quotes["criminal_cases"] == ""  # its passage has no English: nothing is made up
    assert quotes["court_cases"].startswith("In 2019 the city's courts took in 79,362 cases")  # from its passage


def test_a_quote_takes_the_same_sentences_of_its_passages_translation():
    quotes = load_dataset(DATA).figures.set_index("metric")["source_quote_en"]
    assert quotes.str.len().min() > 0
