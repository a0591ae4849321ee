"""Command line: ``python -m components.check_install`` checks that this server can run the dashboard.

One line per check (packages, data, deck pictures, Chinese fonts, the served port); exit 1 if any fails.
"""

from __future__ import annotations

import argparse
import http.client
import importlib.metadata
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from components.text.catalog import LANGUAGES, Catalog, load_catalog  # standard library only

# Each check imports the app's modules inside itself, so a broken install is reported, not a traceback.

REQUIREMENTS = Path(__file__).resolve().parent.parent / "requirements.txt"
DEFAULT_URL = "http://127.0.0.1:8501"
HEALTH_PATH = "/_stcore/health"
HEALTH_TIMEOUT_S = 5
FONT_PACKAGE = "fonts-noto-cjk"  # the Debian package the app's Chinese text is drawn in
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
FC_LIST_TIMEOUT_S = 30
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_DETAILS = 5
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # the app itself, never via a proxy


class Status(Enum):
    """How a check ended; the value is the mark printed before its line."""

    OK = "✓"
    WARN = "!"
    FAIL = "✗"
    SKIP = "-"


@dataclass(frozen=True)
class Outcome:
    """One check's result: its status, what was checked, and any detail lines to list beneath it."""

    status: Status
    name: str
    text: str
    details: tuple[str, ...] = ()


def _import_failed(name: str, error: ImportError, catalog: Catalog) -> Outcome:
    """A check that cannot even load the modules it tests."""
    return Outcome(Status.FAIL, name, catalog.t("check_install.import_failed", error=error))


def _mismatches(lines: list[str], catalog: Catalog) -> tuple[int, list[str]]:
    """How many lines pin a version, and each pin not installed as pinned (or line not understood)."""
    from packaging.markers import UndefinedEnvironmentName
    from packaging.requirements import InvalidRequirement, Requirement
    from packaging.utils import canonicalize_name, canonicalize_version

    pinned, wrong = 0, []
    for number, line in enumerate(lines, 1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        try:
            requirement = Requirement(text)
            if requirement.marker and not requirement.marker.evaluate():
                continue
        except (InvalidRequirement, UndefinedEnvironmentName):
            wrong.append(catalog.t("check_install.requirement_invalid", line=number, text=text))
            continue
        for pin in (spec.version for spec in requirement.specifier if spec.operator == "=="):
            pinned += 1
            try:
                installed = importlib.metadata.version(canonicalize_name(requirement.name))
            except importlib.metadata.PackageNotFoundError:
                wrong.append(catalog.t("check_install.package_missing", package=requirement.name, pinned=pin))
                continue
            if canonicalize_version(installed) != canonicalize_version(pin):
                wrong.append(
                    catalog.t(
                        "check_install.package_other_version", package=requirement.name, installed=installed, pinned=pin
                    )
                )
    return pinned, wrong


def check_packages(requirements: Path, catalog: Catalog) -> Outcome:
    """Every version pinned in ``requirements`` is the one installed."""
    name = catalog.t("check_install.name.packages")
    try:
        lines = requirements.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        return Outcome(
            Status.FAIL, name, catalog.t("check_install.requirements_unreadable", file=requirements, error=error)
        )
    try:
        pinned, wrong = _mismatches(lines, catalog)
    except ImportError as error:
        return _import_failed(name, error, catalog)
    if wrong:
        return Outcome(
            Status.FAIL,
            name,
            catalog.t("check_install.packages_failed", count=len(wrong), file=requirements, python=sys.executable),
            tuple(wrong),
        )
    return Outcome(Status.OK, name, catalog.t("check_install.packages_ok", count=pinned, file=requirements))


def check_data(catalog: Catalog) -> Outcome:
    """The data folder the app would serve ($DASHBOARD_DATA_DIR or data/) validates."""
    name = catalog.t("check_install.name.data")
    try:
        from components.data.loader import data_dir_from_env, load_dataset
        from components.data.records import DataError
        from components.text.problems import describe
    except ImportError as error:
        return _import_failed(name, error, catalog)
    folder = data_dir_from_env()
    try:
        dataset = load_dataset(folder)
    except DataError as error:
        text = catalog.t("check_install.data_failed", folder=folder, count=len(error.problems))
        return Outcome(Status.FAIL, name, text, tuple(describe(problem, catalog) for problem in error.problems))
    return Outcome(
        Status.OK,
        name,
        catalog.t("check_install.data_ok", folder=folder, reviews=len(dataset.reviews), figures=len(dataset.figures)),
    )


def _no_chromium(catalog: Catalog) -> str:
    """Why no Chromium was found: $DASHBOARD_CHROMIUM names no file, or there is none on the PATH."""
    from components.exports.images import CHROMIUM_ENV

    configured = os.environ.get(CHROMIUM_ENV, "").strip()
    if configured:
        return catalog.t("check_install.deck_bad_setting", env=CHROMIUM_ENV, path=configured)
    return catalog.t("check_install.deck_no_chromium", env=CHROMIUM_ENV)


def _draw_problem(path: str, catalog: Catalog) -> str | None:
    """Why the Chromium at ``path`` did not draw one small chart as a PNG (None if it did)."""
    import plotly.graph_objects as go
    from choreographer.protocol import DevtoolsProtocolError
    from kaleido.errors import KaleidoError

    from components.exports.images import charts_to_png

    chart = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout={"height": 200})
    try:
        png = charts_to_png([chart], 400)[0]
    except (RuntimeError, OSError, ValueError, KaleidoError, DevtoolsProtocolError) as error:
        return catalog.t("check_install.deck_failed", path=path, error=error)
    return None if png.startswith(PNG_SIGNATURE) else catalog.t("check_install.deck_not_png", path=path)


def check_deck(catalog: Catalog, allow_no_deck: bool) -> Outcome:
    """A Chromium draws a chart as a PNG, as the PowerPoint deck needs; only a warning with ``allow_no_deck``."""
    name = catalog.t("check_install.name.deck")
    try:
        from components.exports.images import chromium_path

        path = chromium_path()
        problem = _no_chromium(catalog) if path is None else _draw_problem(path, catalog)
    except ImportError as error:
        return _import_failed(name, error, catalog)
    if problem is None:
        return Outcome(Status.OK, name, catalog.t("check_install.deck_ok", path=path))
    return Outcome(
        Status.WARN if allow_no_deck else Status.FAIL,
        name,
        catalog.t("check_install.deck_unavailable", problem=problem),
    )


def _fc_list_families(fc_list: str) -> list[str]:
    """The font families fontconfig has for Chinese, Simplified Chinese (SC) first; raises OSError or
    SubprocessError if fc-list fails."""
    listed = subprocess.run(
        [fc_list, ":lang=zh", "family"],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=FC_LIST_TIMEOUT_S,
        check=True,
    ).stdout
    families = {line.split(",")[0].strip() for line in listed.splitlines() if line.strip()}
    return sorted(families, key=lambda family: ("SC" not in family.split(), family))


def _cjk_font_files() -> list[Path]:
    """CJK font files in the system font folders, for a server without fc-list."""
    return sorted(path for folder in FONT_DIRS if folder.is_dir() for path in folder.rglob("*CJK*") if path.is_file())


def check_fonts(catalog: Catalog) -> Outcome:
    """A Chinese font is installed, so the deck's pictures do not show boxes for Chinese."""
    name = catalog.t("check_install.name.fonts")
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        files = _cjk_font_files()
        if files:
            return Outcome(Status.OK, name, catalog.t("check_install.fonts_ok_files", file=files[0]))
        return Outcome(Status.FAIL, name, catalog.t("check_install.fonts_missing", package=FONT_PACKAGE))
    try:
        families = _fc_list_families(fc_list)
    except (OSError, subprocess.SubprocessError) as error:
        return Outcome(Status.FAIL, name, catalog.t("check_install.fonts_failed", error=error, package=FONT_PACKAGE))
    if not families:
        return Outcome(Status.FAIL, name, catalog.t("check_install.fonts_missing", package=FONT_PACKAGE))
    return Outcome(
        Status.OK, name, catalog.t("check_install.fonts_ok", families=", ".join(families[:3]), count=len(families))
    )


def check_port(url: str, catalog: Catalog) -> Outcome:
    """``url`` + /_stcore/health answers 200 "ok" within a few seconds."""
    name = catalog.t("check_install.name.port")
    health = url.rstrip("/") + HEALTH_PATH
    try:
        with DIRECT.open(health, timeout=HEALTH_TIMEOUT_S) as response:
            status, body = response.status, response.read(100)
    except urllib.error.HTTPError as error:
        status, body = error.code, b""
    except (OSError, ValueError, http.client.HTTPException) as error:
        return Outcome(
            Status.FAIL,
            name,
            catalog.t("check_install.port_unreachable", url=health, error=getattr(error, "reason", error)),
        )
    answer = body.decode("utf-8", "replace").strip()
    if status != 200 or answer != "ok":
        return Outcome(
            Status.FAIL,
            name,
            catalog.t("check_install.port_wrong_answer", url=health, status=status, answer=answer[:40]),
        )
    return Outcome(Status.OK, name, catalog.t("check_install.port_ok", url=health))


def run_checks(args: argparse.Namespace, catalog: Catalog) -> Iterator[Outcome]:
    """Each check in turn, so its line appears as soon as it is known."""
    yield check_packages(args.requirements, catalog)
    yield check_data(catalog)
    yield check_deck(catalog, args.allow_no_deck)
    yield check_fonts(catalog)
    if args.skip_port:
        yield Outcome(Status.SKIP, catalog.t("check_install.name.port"), catalog.t("check_install.port_skipped"))
    else:
        yield check_port(args.url, catalog)


def lines(outcome: Outcome, catalog: Catalog) -> list[str]:
    """The outcome's line, then its first few details indented beneath it."""
    shown = [catalog.t("check_install.line", mark=outcome.status.value, name=outcome.name, text=outcome.text)]
    shown += [f"    - {detail}" for detail in outcome.details[:MAX_DETAILS]]
    if len(outcome.details) > MAX_DETAILS:
        shown.append("    " + catalog.t("check_install.more", count=len(outcome.details) - MAX_DETAILS))
    return shown


def http_url(text: str) -> str:
    """An http(s) URL with a host, for argparse (anything else is refused with exit 2)."""
    parts = urllib.parse.urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise argparse.ArgumentTypeError(f"not an http(s) URL: {text!r}")
    return text


def parser() -> argparse.ArgumentParser:
    """The command's options."""
    options = argparse.ArgumentParser(
        prog="python -m components.check_install",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    options.add_argument("--lang", default="zh", choices=LANGUAGES, help="message language (default: zh)")
    options.add_argument(
        "--url",
        default=DEFAULT_URL,
        type=http_url,
        help=f"where the app is served; its {HEALTH_PATH} must answer ok (default: {DEFAULT_URL})",
    )
    options.add_argument(
        "--skip-port", action="store_true", help="do not check the port (the service is not started yet)"
    )
    options.add_argument(
        "--allow-no-deck",
        action="store_true",
        help="a missing Chromium is a warning: the PowerPoint deck is unavailable, the rest works",
    )
    options.add_argument(
        "--requirements",
        default=REQUIREMENTS,
        type=Path,
        metavar="PATH",
        help="the pinned requirements to compare with (default: the app's requirements.txt)",
    )
    return options


def main(argv: list[str] | None = None) -> int:
    """Run every check, print one line each, and return 1 if any failed."""
    args = parser().parse_args(argv)
    catalog = load_catalog(args.lang)
    failed = False
    for outcome in run_checks(args, catalog):
        print("\n".join(lines(outcome, catalog)), flush=True)
        failed |= outcome.status is Status.FAIL
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
