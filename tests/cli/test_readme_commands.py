"""The docs' command lines work exactly as printed: adding a review (docs/data.md, on the 2019 article) and
the meeting pack from the command line (docs/using.md)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

from tests.support.data_files import DATA, ROOT

ARTICLE = DATA / "articles" / "lishui-daily-2020-03-10.txt"


DATA_GUIDE = ROOT / "docs" / "data.md"
USING_GUIDE = ROOT / "docs" / "using.md"


def _commands(guide, heading: str) -> list[str]:
    """The commands of the first ```sh block after ``heading`` in a guide, continuation lines joined."""
    text = guide.read_text(encoding="utf-8")
    block = re.search(re.escape(heading) + r".*?```sh\n(.*?)```", text, re.S).group(1)
    return [line.split("  #")[0].strip() for line in block.replace("\\\n", " ").splitlines() if line.strip()]


def _ingest_block() -> list[str]:
    """The commands of docs/data.md's "On the command line" block."""
    return _commands(DATA_GUIDE, "**On the command line:**\n\n")


def test_the_data_guide_ingest_commands_run_as_printed(tmp_path):
    commands = _ingest_block()
    assert len(commands) == 4
    results = []
    for command in commands:
        words = shlex.split(command.replace("ARTICLE.txt", str(ARTICLE)).replace("DRAFT", str(tmp_path / "draft")))
        assert words[0] == ".venv/bin/python"
        results.append(
            subprocess.run([sys.executable, *words[1:]], cwd=ROOT, capture_output=True, text=True, timeout=120)
        )
    assert [result.returncode for result in results[:3]] == [0, 0, 0], [result.stderr for result in results]
    source = (tmp_path / "draft" / "sources.toml").read_text(encoding="utf-8")
    assert 'id = "lishui-daily-2021-03-01"' in source and "year = 2020" in source
    assert 'authors = ["记者 李倩"]' in source and 'url = "https://example.org/article.html"' in source
    validate = results[3]
    assert validate.returncode == 1 and "Traceback" not in validate.stderr
    assert all("better" in line or "domain" in line for line in validate.stderr.splitlines()[1:])


def test_the_using_guide_pack_commands_run_as_printed(tmp_path):
    commands = _commands(USING_GUIDE, "**From the command line.**")
    assert len(commands) == 3
    for command in commands[:2]:  # the third names a data folder of a server
        words = shlex.split(command)
        out = words.index("--out") + 1
        words[out] = str(tmp_path / words[out])
        result = subprocess.run([sys.executable, *words[1:]], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0 and (tmp_path / shlex.split(command)[out]).stat().st_size > 0, result.stderr
