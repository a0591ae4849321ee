"""The README's command lines for adding a review work exactly as printed (on the 2019 article)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

from tests.support.data_files import DATA, ROOT

ARTICLE = DATA / "articles" / "lishui-daily-2020-03-10.txt"


def _ingest_block() -> list[str]:
    """The commands of the README's "On the command line" block, continuation lines joined."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"\*\*On the command line:\*\*\n\n```sh\n(.*?)```", readme, re.S).group(1)
    return [line.split("  #")[0].strip() for line in block.replace("\\\n", " ").splitlines() if line.strip()]


def test_the_readme_ingest_commands_run_as_printed(tmp_path):
    commands = _ingest_block()
    assert len(commands) == 4
    results = []
    for command in commands:
        words = shlex.split(command.replace("ARTICLE.txt", str(ARTICLE)).replace("DRAFT", str(tmp_path / "draft")))
        assert words[0] == ".venv/bin/python"
        results.append(subprocess.run([sys.executable, *words[1:]], cwd=ROOT, capture_output=True, text=True,
                                      timeout=120))
    assert [result.returncode for result in results[:3]] == [0, 0, 0], [result.stderr for result in results]
    source = (tmp_path / "draft" / "sources.toml").read_text(encoding="utf-8")
    assert 'id = "lishui-daily-2021-03-01"' in source and "year = 2020" in source
    assert 'authors = ["记者 李倩"]' in source and 'url = "https://example.org/article.html"' in source
    validate = results[3]
    assert validate.returncode == 1 and "Traceback" not in validate.stderr
    assert all("better" in line or "domain" in line for line in validate.stderr.splitlines()[1:])


def test_the_readme_pack_commands_run_as_printed(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"\*\*From the command line\.\*\*.*?```sh\n(.*?)```", readme, re.S).group(1)
    commands = [line.split("  #")[0].strip() for line in block.replace("\\\n", " ").splitlines() if line.strip()]
    assert len(commands) == 3
    for command in commands[:2]:  # the third names a data folder of a server
        words = shlex.split(command)
        out = words.index("--out") + 1
        words[out] = str(tmp_path / words[out])
        result = subprocess.run([sys.executable, *words[1:]], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0 and (tmp_path / shlex.split(command)[out]).stat().st_size > 0, result.stderr
