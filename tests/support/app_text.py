"""The dashboard in AppTest: a run opened at a link, a container found by key, and the text a person
sees in it (for the language contract tests)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import lxml.html
import pandas as pd
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from tests.support.data_files import ROOT

ORIGINAL_BLOCK = re.compile(
    r'<details class="original".*?</details>|<details class="folded citations".*?</details>'
    r"|<style>.*?</style>",
    re.S,
)
VISIBLE_FIELDS = {
    "label",
    "body",
    "help",
    "placeholder",
    "options",
    "delta",
    "delta_description",
    "caption",
    "captions",
}
TAG = re.compile(r"<[^>]+>")
PLOTLY_TEXT_KEYS = {"text", "customdata"}  # customdata only where the hover shows it


def _strings(message: Message):
    """The visible string fields of a protobuf message, recursively."""
    for field, value in message.ListFields():
        values = [value] if isinstance(value, (str, bytes, Message)) or not hasattr(value, "__iter__") else value
        for item in values:
            if isinstance(item, Message):
                yield from _strings(item)
            elif isinstance(item, str) and field.name in VISIBLE_FIELDS:
                yield item


def _plotly_strings(spec: dict):
    layout = spec.get("layout", {})
    yield layout.get("title", {}).get("text", "")
    for annotation in layout.get("annotations", []):
        yield annotation.get("text", "")
    for trace in spec.get("data", []):
        shown = PLOTLY_TEXT_KEYS if "customdata" in trace.get("hovertemplate", "") else {"text"}
        for key in shown:
            value = trace.get(key)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    yield item
        yield from (label for label in trace.get("y", []) or [] if isinstance(label, str))


def visible_text(at: AppTest, skip_keys: tuple[str, ...] = ()) -> list[str]:
    """Strings shown by the app: element text, widget labels and options, chart text, table cells.

    Chinese originals inside <details class="original"> (marked as such on the page), the map's
    coordinate sources (citations, shown as written) and the
    widgets whose keys are in ``skip_keys`` are left out.
    """
    texts: list[str] = []

    def walk(node):
        for child in getattr(node, "children", {}).values():
            proto = getattr(child, "proto", None)
            key = getattr(child, "key", None) or ""
            if key in skip_keys or any(getattr(proto, "id", "").endswith(f"-{k}") for k in skip_keys):
                continue
            kind = getattr(child, "type", "")
            if kind == "plotly_chart":
                texts.extend(_plotly_strings(json.loads(proto.spec)))
                texts.append(proto.alt)
            elif kind == "html":
                texts.append(TAG.sub(" ", ORIGINAL_BLOCK.sub("", proto.body)))
            elif kind == "table":
                frame = child.value
                texts.extend(map(str, frame.columns))
                texts.extend(str(cell) for column in frame.columns for cell in frame[column])
            elif isinstance(proto, Message):
                texts.extend(_strings(proto))
            walk(child)

    walk(at._tree)
    return [TAG.sub(" ", text) for text in texts if text]


def open_folded(at: AppTest) -> AppTest:
    """Open every expander and popover, as a person clicking each would (their content is drawn
    only while open), and run the page again."""
    ids = [element.proto.id for kind in ("expander", "popover") for element in at.get(kind)]
    for element_id in ids:
        at.session_state[element_id.split("-", 2)[2]] = True  # "$$ID-<hash>-<key>"
    at.run()
    assert not at.exception
    return at


class _TableReader(HTMLParser):
    """Collects the header and data cells of an HTML table."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def html_table(body: str) -> pd.DataFrame:
    """The first table in an HTML body as a DataFrame of its text (first row as the header)."""
    reader = _TableReader()
    reader.feed(body)
    header, *rows = reader.rows
    return pd.DataFrame(rows, columns=header)


def kpi_cards(at: AppTest) -> list[SimpleNamespace]:
    """The KPI cards on the page (label, value, delta, outcome, arrow, quote, chart linked), as a person
    reads them."""
    bodies = [element.proto.body for element in at.get("html") if 'class="kpi-frame"' in element.proto.body]
    return [_card(card) for body in bodies for card in lxml.html.fragment_fromstring(body).find_class("kpi-card")]


def _card(card) -> SimpleNamespace:
    def text(path: str) -> str:
        found = card.xpath(path)
        return found[0].text_content() if found else ""

    arrow = text('.//span[@aria-hidden="true"]')
    outcome = card.xpath('.//span[contains(@class, "kpi-delta")]/@class')
    link = card.xpath('.//p[@class="kpi-label"]/a/@href')
    return SimpleNamespace(
        label=text('.//p[@class="kpi-label"]'),
        value=text('.//p[@class="kpi-value"]'),
        delta=text('.//span[contains(@class, "kpi-delta")]').removeprefix(arrow).strip(),
        outcome=outcome[0].split()[-1] if outcome else "",
        arrow=arrow,
        quote=text(".//details/p"),
        chart=link[0].removeprefix("#chart-") if link else "",
    )


APP = str(ROOT / "dashboard.py")


def run_app(query: dict | None = None, data_dir=None, monkeypatch=None) -> AppTest:
    if data_dir is not None:
        monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query or {})
    at.run()
    assert not at.exception
    return at


def is_container(node, key: str) -> bool:
    """Whether ``node`` is the container made with st.container(key=key)."""
    return getattr(node, "type", None) == "flex_container" and node.proto.id.endswith(f"-{key}")


def block(at: AppTest, key: str):
    """The container made with st.container(key=key)."""

    def walk(node):
        for child in getattr(node, "children", {}).values():
            if is_container(child, key):
                return child
            found = walk(child)
            if found is not None:
                return found
        return None

    found = walk(at.main)
    assert found is not None, key
    return found


def chart_titles(at: AppTest) -> list[str]:
    return [
        json.loads(chart.proto.spec)["layout"]["title"]["text"].split("<span")[0].replace("<br>", "")
        for chart in at.get("plotly_chart")
    ]
