"""Making data text safe for Streamlit's Markdown."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&=\"'])")


def escape_markdown(text: str) -> str:
    """Backslash-escape every character Markdown, LaTeX or Streamlit directives could act on."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
