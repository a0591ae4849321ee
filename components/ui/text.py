"""Making data text safe for Streamlit's Markdown."""

from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*_{}\[\]()<>~:$&|#!])")
_BLOCK_MARK = re.compile(r"^(\s*)([-+>=])", re.M)
_ORDERED = re.compile(r"^(\s*\d+)([.)])", re.M)


def escape_markdown(text: str) -> str:
    """Backslash-escape what Markdown, LaTeX or Streamlit directives could act on: inline marks
    anywhere, list and quote marks at a line's start. Text shows exactly as written."""
    text = _INLINE.sub(r"\\\1", text)
    text = _BLOCK_MARK.sub(r"\1\\\2", text)
    return _ORDERED.sub(r"\1\\\2", text)
