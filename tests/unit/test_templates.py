"""Every piece of HTML comes from an autoescaped Jinja2 template: markup in data shows as text (read
back with a parser), every HTML template escapes, and no module builds HTML in an f-string."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import lxml.html
import pandas as pd
import pytest

from components.exports.report import report_html
from components.html.kpis import kpi_cards, kpi_cards_html
from components.html.narrative import (
    NarrativeLabels,
    article_html,
    figure_terms,
    highlighted_html,
    narrative_html,
    translated_article_html,
)
from components.html.practice_list import practice_groups_html
from components.html.render import ENVIRONMENT, render
from components.html.tables import figures_table_html, folded_html, table_html
from tests.support.data_files import ROOT
from tests.support.helpers import dataset, pack_of, words

PAYLOAD = "<img src=x onerror=alert(1)><script>alert(2)</script>"
F_STRING_HTML = re.compile(r"""\b[rR]?[fF][rR]?(?:\"\"\"|'''|["'])\s*<[a-zA-Z/]""")  # also across a line break


def _hostile(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """``frame`` with PAYLOAD after the text of ``columns``."""
    return frame.assign(**{column: frame[column] + PAYLOAD for column in columns})


def _hostile_data():
    data = dataset()
    return replace(
        data,
        figures=_hostile(data.figures, "label_zh", "label_en", "source_quote", "source_quote_en"),
        passages=_hostile(data.passages, "text", "text_en"),
        sections=_hostile(data.sections, "heading", "heading_en", "label_zh", "label_en"),
        practices=_hostile(data.practices, "name_zh", "name_en", "quote", "quote_en"),
    )


def _narrative(language: str, large: bool = False) -> str:
    data = _hostile_data()
    return narrative_html(
        data.passages, data.sections, data.figures, language, NarrativeLabels.for_words(words(language)), large
    )


def _translated_article(language: str) -> str:
    data = _hostile_data()
    return translated_article_html(
        PAYLOAD,
        data.passages,
        data.sections,
        data.figures,
        language,
        NarrativeLabels.for_words(words(language)),
        PAYLOAD + "\n611起" + PAYLOAD,
    )


def _practices(language: str, detail: str) -> str:
    data = _hostile_data()
    return practice_groups_html(
        [(PAYLOAD, data.practices.head(4))], data.sections, data.domains, words(language), detail=detail
    )


def _table() -> str:
    return table_html(pd.DataFrame({PAYLOAD: [PAYLOAD], "n": [PAYLOAD]}), {PAYLOAD})


BUILDERS = {
    "kpi_cards": lambda language: kpi_cards_html(kpi_cards(_hostile_data().figures, words(language)), words(language)),
    "narrative": _narrative,
    "narrative_large": lambda language: _narrative(language, large=True),
    "article": lambda language: article_html(PAYLOAD + "\n下降13.8%" + PAYLOAD, figure_terms(_hostile_data().figures)),
    "translated_article": _translated_article,
    "highlighted": lambda language: highlighted_html(PAYLOAD + "611起" + PAYLOAD, ["611起", PAYLOAD]),
    "practice_quotes": lambda language: _practices(language, "quotes"),
    "practice_names": lambda language: _practices(language, "names"),
    "practice_count": lambda language: _practices(language, "count"),
    "figures_table": lambda language: figures_table_html(_hostile_data().figures, _hostile_data(), words(language)),
    "table": lambda language: _table(),
    "folded": lambda language: folded_html(PAYLOAD, _table(), kind="citations"),
    "note": lambda language: render("note.html.j2", kind="note", text=PAYLOAD),
}


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("name", BUILDERS)
def test_markup_in_data_is_text_in_every_piece(name, language):
    root = lxml.html.fragment_fromstring(BUILDERS[name](language), create_parent="div")
    assert not root.xpath("//script | //img"), "no element comes from data"
    assert PAYLOAD in root.text_content(), "the markup reads as the text it is"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_markup_in_data_is_text_in_the_report(language):
    pack = pack_of(language=language, data=_hostile_data())
    document = lxml.html.document_fromstring(report_html(pack))
    assert not document.xpath("//img")
    scripts = document.xpath("//script")
    assert len(scripts) == 1 + len(document.xpath("//figure")), "plotly.js, then one script per chart"
    assert not [script for script in scripts if re.search("<(script|img)", script.text_content())]
    for script in scripts:
        script.drop_tree()
    assert PAYLOAD in document.body.text_content()


def test_every_html_template_is_autoescaped_and_only_css_is_not():
    names = ENVIRONMENT.list_templates()
    html = [name for name in names if name.endswith(".html.j2")]
    css = [name for name in names if name.endswith(".css.j2")]
    assert html and css and sorted(html + css) == sorted(names), "every template is HTML or CSS"
    assert all(ENVIRONMENT.autoescape(name) is True for name in html)
    assert not any(ENVIRONMENT.autoescape(name) for name in css)
    assert ENVIRONMENT.autoescape("anything-else.j2") is True, "escaping is the default"


def test_no_html_template_turns_escaping_off():
    folder = ROOT / "components" / "html" / "templates"
    for path in folder.glob("*.html.j2"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b|autoescape\s+false|Markup", source), path.name


def _python_sources() -> list[Path]:
    components = ROOT / "components"
    return [path for path in components.rglob("*.py") if components / "charts" not in path.parents]


@pytest.mark.parametrize("path", _python_sources(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_module_builds_html_in_an_f_string(path):
    """Plotly's label markup in components/charts is Plotly's own, not page HTML, and is left out."""
    source = path.read_text(encoding="utf-8")
    assert not [source.count("\n", 0, match.start()) + 1 for match in F_STRING_HTML.finditer(source)], "line numbers"
