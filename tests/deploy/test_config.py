"""The server's effective configuration, read from `streamlit config show` as it runs here: no
tracebacks for viewers, XSRF and CORS protection on, no usage statistics, no static files, and one
small upload: the data desk's own zip."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import pytest

from tests.support.data_files import ROOT

OPTION = re.compile(r"^(\w+) = (.+)$")


@pytest.fixture(scope="module")
def config() -> dict[tuple[str, str], object]:
    """(section, option) → value, for every option `streamlit config show` prints."""
    shown = subprocess.run(
        [sys.executable, "-m", "streamlit", "config", "show"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    options, section = {}, ""
    for line in shown.splitlines():
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif match := OPTION.match(line):
            options[(section, match[1])] = tomllib.loads(f"value = {match[2]}")["value"]
    return options


@pytest.mark.parametrize(
    ("section", "option", "expected"),
    [
        ("server", "enableXsrfProtection", True),
        ("server", "enableCORS", True),
        ("client", "showErrorDetails", "none"),  # viewers never see a traceback
        ("client", "toolbarMode", "viewer"),  # no developer menu (rerun, clear cache, settings)
        ("browser", "gatherUsageStats", False),
        ("server", "enableStaticServing", False),
        ("server", "runOnSave", False),
        ("server", "maxUploadSize", 2),  # MB: the desk's zip is about 40 KB
    ],
)
def test_effective_setting(config, section, option, expected):
    assert config[(section, option)] == expected


def test_the_only_file_upload_is_the_desks_zip():
    """Officials' pages take no file; the data desk takes back the zip it downloaded, nothing else."""
    sources = [ROOT / "dashboard.py", *sorted((ROOT / "components").rglob("*.py"))]
    assert len(sources) > 10
    uploading = {
        str(path.relative_to(ROOT)): path.read_text(encoding="utf-8").count("file_uploader")
        for path in sources
        if "file_uploader" in path.read_text(encoding="utf-8")
    }
    assert uploading == {"components/ui/desk.py": 1}
    desk = (ROOT / "components" / "ui" / "desk.py").read_text(encoding="utf-8")
    assert re.search(r'st\.file_uploader\(\s*words\.t\("desk\.resume\.label"\),\s*type="zip",', desk)
