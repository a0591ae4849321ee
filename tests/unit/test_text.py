"""Data text shown through Streamlit's Markdown stays text."""

from __future__ import annotations

import pytest

from components.ui.text import escape_markdown
from tests.support.helpers import rendered


@pytest.mark.parametrize(
    "text",
    [
        "−12.27%",
        "+40.46% 向好",
        "2019年",
        "1. 不是列表",
        "- 不是列表",
        "> 不是引用",
        "# 不是标题",
        "[链接](javascript:alert(1))",
        "![](http://example.com/x.png)",
        "$x^2$",
        ":red[红字]",
        "<b>粗</b>",
        "a_b*c`d",
    ],
)
def test_escaped_text_renders_as_written(text):
    escaped = escape_markdown(text)
    assert rendered(escaped) == text
    for mark in ("[", "]", "(", ")", "<", ">", "$", ":", "*", "_", "`", "!"):
        assert f"\\{mark}" in escaped or mark not in text


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("- item", "\\- item"),
        ("1. item", "1\\. item"),
        ("+40.46%", "\\+40.46%"),
        ("−13.8%", "−13.8%"),
    ],
)
def test_block_marks_are_escaped_only_at_a_line_start(text, escaped):
    assert escape_markdown(text) == escaped
