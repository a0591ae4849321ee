"""An article's bytes as text, or an ArticleError naming what is wrong with them (shared by the CLI and the desk)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

MAX_ARTICLE_CHARS = 200_000  # a review is about 5,000 characters; a book is not an article
MAX_ARTICLE_BYTES = 4 * MAX_ARTICLE_CHARS  # UTF-8 Chinese takes three bytes a character


class ArticleError(Exception):
    """The text cannot be read as an article: ``code`` names why (a catalog key under ingest.)."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code, self.params = code, params


def article_text(raw: bytes) -> str:
    """UTF-8 text (a BOM is fine) with Windows line ends made plain; raises ArticleError."""
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError("too_large", size_kb=len(raw) // 1024, limit_kb=MAX_ARTICLE_BYTES // 1024)
    if b"\x00" in raw:
        raise ArticleError("binary")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError("not_utf8", offset=error.start) from None
    return checked_text(text.replace("\r\n", "\n"))


def checked_text(text: str) -> str:
    """Pasted or read text, refused when it is empty or longer than an article can be."""
    if not text.strip():
        raise ArticleError("empty")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError("too_long", chars=len(text), limit=MAX_ARTICLE_CHARS)
    return text


def read_article_file(path: Path) -> str:
    """The article at ``path``; raises ArticleError (also when it cannot be read at all)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as error:
        raise ArticleError("unreadable", detail=error.strerror or str(error)) from None
    return article_text(raw)
