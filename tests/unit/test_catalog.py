"""Every user-visible string comes from the catalog: each key used in code exists, with its placeholders."""

from __future__ import annotations

import re

import pytest

from components.data import schema
from components.data.derived import BAD, GOOD, NEUTRAL, UNCHANGED
from components.exports.registry import EXPORTS
from components.text.catalog import load_catalog, placeholders
from tests.support.data_files import ROOT

CODE = [*list((ROOT / "components").rglob("*.py")), ROOT / "dashboard.py"]
KEY_CALL = re.compile(r"""\.t\(\s*"([a-z0-9_.]+)"((?:[^()]|\([^()]*\))*)\)""", re.S)
PROBLEM_CODE = re.compile(r"""(?:Problem\([^,()]+,\s*|report\()"([a-z_]+)\"""")


def _literal_calls():
    for path in CODE:
        for match in KEY_CALL.finditer(path.read_text(encoding="utf-8")):
            yield path.name, match.group(1), set(re.findall(r"(\w+)=", match.group(2)))


@pytest.mark.parametrize(
    ("where", "key", "params"), list(_literal_calls()), ids=lambda v: v if isinstance(v, str) else ""
)
@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_literal_key_exists_with_matching_placeholders(where, key, params, language):
    catalog = load_catalog(language)
    assert key in catalog.messages, f"{where}: {key}"
    assert placeholders(catalog.messages[key]) <= params, f"{where}: {key} needs {placeholders(catalog.messages[key])}"


def test_every_problem_code_has_a_message():
    codes = {
        code
        for path in (ROOT / "components" / "data").glob("*.py")
        for code in PROBLEM_CODE.findall(path.read_text(encoding="utf-8"))
    }
    assert len(codes) > 20
    missing = {code for code in codes if f"problem.{code}" not in load_catalog("zh").messages}
    assert not missing


@pytest.mark.parametrize(
    "key",
    [f"outcome.{o}" for o in (GOOD, BAD, NEUTRAL, UNCHANGED)]
    + [f"better.{b}" for b in schema.BETTER_CHOICES]
    + ["language.zh", "language.en"]
    + [f"pack.{kind}{suffix}" for kind in EXPORTS for suffix in ("", "_help")],
)
@pytest.mark.parametrize("language", ["zh", "en"])
def test_dynamic_keys_exist(key, language):
    assert key in load_catalog(language).messages


def test_rendering_code_has_no_chinese_literals():
    """UI text lives in the catalog, not in code (comments and docstrings aside)."""
    han = re.compile(r"[\u4e00-\u9fff]")
    for path in [
        ROOT / "dashboard.py",
        *(ROOT / "components" / "ui").glob("*.py"),
        *(ROOT / "components" / "charts").glob("*.py"),
    ]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if han.search(code) and not code.strip().startswith(('"""', "'''")):
                pytest.fail(f"{path.name}:{number}: {line.strip()}")


def test_every_catalog_key_is_used():
    """No dead messages: each key is used literally in code or is one of the dynamic families."""
    code = "".join(path.read_text(encoding="utf-8") for path in CODE)
    dynamic = (
        "problem.",
        "outcome.",
        "better.",
        "language.",
        "presenter.prev",
        "presenter.next",
        "ingest.",
        "desk.levels.",
        "desk.kinds.",
        *(f"pack.{kind}" for kind in EXPORTS),
    )
    unused = [
        key
        for key in load_catalog("zh").messages
        if not key.startswith(dynamic) and f'"{key}"' not in code and f"'{key}'" not in code
    ]
    assert unused == []
