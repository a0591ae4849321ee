"""Hostile data folders: one way each that a hand edit of next year's review can go wrong.

Each case breaks a fresh copy of data/ and names the problem the loader must report, with a few
words of the message a person then reads (on the page and from `python -m components.validate`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from components.data import schema
from components.data.loader import load_dataset
from components.data.records import DataError
from tests.support.data_files import edit_rows

FIFTY_MB = 50 * 2**20


@dataclass(frozen=True)
class HostileCase:
    """A broken data folder: how to break it, and the (file, code) and message words expected."""

    name: str
    breaks: Callable[[Path], None]
    file: str
    code: str
    says: str  # words of the Chinese message, to prove it is this case's own message


def _set(metric: str, **values: str) -> Callable[[Path], None]:
    def breaks(folder: Path) -> None:
        edit_rows(
            folder, "figures.csv", lambda rows: next(row for row in rows if row["metric"] == metric).update(values)
        )

    return breaks


def _rewrite(name: str, encode: Callable[[str], bytes]) -> Callable[[Path], None]:
    def breaks(folder: Path) -> None:
        path = folder / name
        path.write_bytes(encode(path.read_text(encoding="utf-8")))

    return breaks


def _semicolons(text: str) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(csv.reader(io.StringIO(text)))
    return out.getvalue().encode("utf-8")


def _drop_column(folder: Path) -> None:
    edit_rows(folder, "figures.csv", lambda rows: [row.pop("yoy_pct") for row in rows])


def _extra_column(folder: Path) -> None:
    edit_rows(folder, "figures.csv", lambda rows: [row.update(notes="x") for row in rows])


def _duplicate_id(folder: Path) -> None:
    edit_rows(folder, "figures.csv", lambda rows: rows.append(dict(rows[0])))


def _fifty_mb(folder: Path) -> None:
    with open(folder / "passages.csv", "ab") as handle:
        handle.truncate(FIFTY_MB)


HOSTILE_CASES = [
    HostileCase(
        "missing file", lambda folder: (folder / "figures.csv").unlink(), "figures.csv", "missing_file", "缺少这个文件"
    ),
    HostileCase(
        "empty file",
        lambda folder: (folder / "passages.csv").write_bytes(b""),
        "passages.csv",
        "empty_file",
        "文件是空的",
    ),
    HostileCase(
        "wrong delimiter", _rewrite("figures.csv", _semicolons), "figures.csv", "wrong_delimiter", "分隔符似乎是 ';'"
    ),
    HostileCase(
        "saved as GBK",
        _rewrite("domains.csv", lambda text: text.encode("gbk")),
        "domains.csv",
        "not_utf8",
        "可能是 GBK",
    ),
    HostileCase("missing column", _drop_column, "figures.csv", "missing_column", "缺少这一列"),
    HostileCase("extra column", _extra_column, "figures.csv", "extra_column", "多出未知的列"),
    HostileCase("duplicate id", _duplicate_id, "figures.csv", "duplicate_key", "重复"),
    HostileCase(
        "text in a number column",
        _set("cases_solved", value="六百一十一"),
        "figures.csv",
        "not_number",
        "“六百一十一”不是数字",
    ),
    HostileCase(
        "percentage written 13.8%",
        _set("criminal_cases", yoy_pct="-13.8%"),
        "figures.csv",
        "not_number_percent",
        "百分比只写数字",
    ),
    HostileCase(
        "change below -100%",
        _set("fire_accidents", yoy_pct="-112.27"),
        "figures.csv",
        "change_too_low",
        "同比变化 -112.27% 不可能",
    ),
    HostileCase(
        "quote not in the article",
        _set("court_cases", source_quote="2019年度全市法院共新收各类案件79363件"),
        "figures.csv",
        "not_in_article",
        "未在原文中逐字找到",
    ),
    HostileCase(
        "figure not in its quote",
        _set("cases_solved", value_text="612起"),
        "figures.csv",
        "not_in_quote",
        "“612起”未在本行的原文摘录中出现",
    ),
    HostileCase(
        "parent that does not exist",
        _set("syndicates_broken_up", parent="2019-nothing"),
        "figures.csv",
        "unknown_ref",
        "引用了不存在的“2019-nothing”",
    ),
    HostileCase("a 50 MB file", _fifty_mb, "passages.csv", "file_too_large", "文件过大(50.0 MB"),
]


def break_copy(case: HostileCase, folder: Path) -> Path:
    """Apply ``case`` to ``folder`` (a copy of data/) and return it."""
    case.breaks(folder)
    return folder


# Markup and script in text: every kind a page, a file or a Markdown renderer might run. Markup made
# harmless shows these characters as written; markup that ran would leave none of them.
RAW = ("<img src=x", "<script>alert", "<b id=injected>")
IDS = {"id", "metric"}
ANCHORS = (
    "丽水",
    "Lishui",
    "新高",
    "highest",
    "安全感",
    "sense of security",
    "集团",
    "syndicate-level",
    "枫桥经验",
    "Fengqiao",
)
PAYLOAD = "<img src=x onerror=alert(1)><script>alert(2)</script><b id=injected>b</b>[x](javascript:alert(3))"


def inject_markup(folder: Path) -> list[str]:
    """Put PAYLOAD into every text field of the data folder at ``folder``; return the fields changed.

    The article and everything quoted from it (quotes, passages, headings, the article's context
    words, and their translations) get it after each of a few words, alike everywhere, so each quote
    still stands word for word in the article. Then every other text column gets it at the end of
    each cell wherever the data stays valid (a reference to a row must name it exactly). Ids, which
    no one reads, and the figures as the article writes them (611起, which must parse) are left as
    they are.
    """
    for path in [folder / schema.SOURCES_FILE, *folder.glob("*.csv"), *(folder / "articles").glob("*.txt")]:
        text = path.read_text(encoding="utf-8")
        for word in ANCHORS:
            text = text.replace(word, word + PAYLOAD)
        path.write_text(text, encoding="utf-8")
    changed = []
    for name, columns in schema.TABLES.items():
        for column in (column for column in columns if column.kind == "text" and column.name not in IDS):
            before = (folder / name).read_bytes()
            edit_rows(
                folder,
                name,
                lambda rows, name=column.name: [row.update({name: row[name] + PAYLOAD}) for row in rows if row[name]],
            )
            try:
                load_dataset(folder)
                changed.append(f"{name}:{column.name}")
            except DataError:
                (folder / name).write_bytes(before)
    return changed
