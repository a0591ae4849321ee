"""The article's words beside each chart: right passages, figures highlighted, data text escaped."""

from __future__ import annotations

import pytest

from components.charts.registry import chart_rows
from components.html.narrative import article_html, chart_passages, figure_terms, highlighted_html, segments
from tests.support.helpers import dataset

SPECS = {chart.id: chart for chart in dataset().charts}


def test_figure_terms_are_the_articles_own_writing():
    terms = figure_terms(dataset().figures)
    assert {"下降13.8%", "5.58亿元", "79362件", "增长451%", "创出了近8年的新高"} <= set(terms)
    assert list(terms) == sorted(terms, key=lambda t: (-len(t), t))


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("同比下降13.8%。", ["下降13.8%"], [("同比", False), ("下降13.8%", True), ("。", False)]),
        ("27个和127个", ["27个"], [("27个", True), ("和127个", False)]),
        ("110联调中心和10个", ["10个", "10"], [("110联调中心和", False), ("10个", True)]),
        ("无数字", [], [("无数字", False)]),
        ("", ["x"], []),
    ],
)
def test_segments(text, terms, expected):
    assert segments(text, terms) == expected


def test_highlighting_escapes_markup_in_data():
    html = highlighted_html("<script>alert(1)</script> 611起 <img src=x onerror=alert(1)>", ["611起"])
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and '<mark class="figure-mark">611起</mark>' in html


@pytest.mark.parametrize(
    ("spec_id", "expected_sections"),
    [
        ("changes", {"opening", "combine", "source"}),
        ("security", {"opening"}),
        ("crackdown", {"combine"}),
        ("courts", {"source"}),
    ],
)
def test_each_chart_gets_passages_from_its_sections(spec_id, expected_sections):
    spec = SPECS[spec_id]
    shown = chart_rows(spec, dataset().figures)
    passages = chart_passages(spec, shown, dataset().passages)
    assert set(passages["section"]) == expected_sections
    for quote in shown["source_quote"]:
        assert any(quote in text for text in passages["text"]), "the passage that reports each figure is there"


def test_full_article_highlights_every_figure():
    source = dataset().sources["lishui-daily-2020-03-10"]
    html = article_html(source.article, figure_terms(dataset().figures))
    for term in figure_terms(dataset().figures):
        assert f'<mark class="figure-mark">{term}</mark>' in html


def test_a_slide_keeps_only_the_sentences_that_report_its_figures():
    spec = SPECS["changes"].for_slide()
    shown = chart_rows(spec, dataset().figures)
    sentences = chart_passages(spec, shown, dataset().passages)
    assert sentences["text"].tolist() == list(dict.fromkeys(shown["source_quote"]))
    assert len(sentences) == 3
