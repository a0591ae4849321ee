"""Message catalogs: every user-visible string comes from one TOML catalog per language."""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

CATALOG_DIR = Path(__file__).parent / "messages"
DEFAULT_LANGUAGE = "zh"
LANGUAGES = ("zh", "en")  # one catalog each in messages/


def _flatten(tree: Mapping, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


def placeholders(template: str) -> set[str]:
    """Names of the ``{placeholders}`` in a message template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True)
class Catalog:
    """One language's messages, looked up by dotted key."""

    language: str
    messages: Mapping[str, str]

    def t(self, key: str, **params: object) -> str:
        """The message for ``key`` with its placeholders filled in."""
        return self.messages[key].format(**params)


@cache
def load_catalog(language: str = DEFAULT_LANGUAGE) -> Catalog:
    """Load and cache the catalog for ``language`` (raises FileNotFoundError if unknown)."""
    with open(CATALOG_DIR / f"{language}.toml", "rb") as handle:
        tree = tomllib.load(handle)
    return Catalog(language, MappingProxyType(_flatten(tree)))
