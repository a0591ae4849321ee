"""Command line: ``python -m components.pack --view LINK --format KIND --out FILE [--data DIR]`` writes
the meeting-pack file the page's ⬇ button gives for the view of a dashboard link (its query string,
or the whole link; none: the default view). KIND is an entry of the exports registry.

Exit codes: 0 written; 1 the data has problems, or the file cannot be made here; 2 a bad option, a
link value the page would not accept (named with the page's own notice), or an output name whose
extension is not the file's (a tall long image is a .zip)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from components import results
from components.context import PageContext
from components.data.loader import data_dir_from_env
from components.data.records import DataError
from components.exports.registry import EXPORTS
from components.links import LINK_KEYS, bad_languages, bad_values, linked_view, shown_value
from components.model.figures import View
from components.model.practices import PracticeView
from components.text.catalog import DEFAULT_LANGUAGE, load_catalog
from components.text.problems import describe
from components.text.wording import wording


def link_params(view: str) -> dict[str, list[str]]:
    """The parameters of a link given whole (http://…/?domain=消防, 10.2.3.4/?domain=消防) or as its
    query string (domain=消防); ValueError for a link that cannot be read."""
    if "://" in view:
        query = urlsplit(view).query
    elif "?" in view:  # an address without its scheme
        query = view.split("?", 1)[1]
    else:  # the query string alone
        query = view
    return parse_qs(query, keep_blank_values=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m components.pack", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--view", default="", help='a dashboard link or its query string, e.g. "domain=消防&lang=en"')
    parser.add_argument("--format", required=True, choices=list(EXPORTS), help="the file to write")
    parser.add_argument("--out", required=True, type=Path, help="where to write it")
    parser.add_argument("--data", default=None, help="the data folder (default: $DASHBOARD_DATA_DIR or data/)")
    args = parser.parse_args(argv)
    try:
        params = link_params(args.view)
    except ValueError as err:  # e.g. http://[x/ (an address that cannot be one)
        print(f"--view: {err}", file=sys.stderr)
        return 2
    language = next((value for value in params.get("lang", ()) if value), DEFAULT_LANGUAGE)
    catalog = load_catalog(language if not bad_languages(params) else DEFAULT_LANGUAGE)
    folder = Path(args.data) if args.data else data_dir_from_env()
    try:
        lib = results.library(folder)
    except DataError as err:
        print(catalog.t("validate.failed", folder=folder, count=len(err.problems)), file=sys.stderr)
        for problem in err.problems:
            print("  - " + describe(problem, catalog), file=sys.stderr)
        return 1
    unknown = [(name, value) for name, values in params.items() if name not in LINK_KEYS for value in values]
    bad = unknown + bad_languages(params) + bad_values(lib, params)  # a mistyped name is refused too
    if bad:
        for name, value in bad:
            print(catalog.t("notice.bad_param", name=shown_value(name), value=shown_value(value)), file=sys.stderr)
        print(catalog.t("pack.refused"), file=sys.stderr)
        return 2
    return _write(lib, params, args.format, args.out)


def _write(lib, params: dict[str, list[str]], kind: str, out: Path) -> int:
    """Write the file of the link's view; 1 when there is nothing to export or it cannot be made here."""
    linked = linked_view(lib, params)
    words = wording(linked.language)
    ctx = PageContext(lib, View(linked.review, linked.domains), words, presenting=False)
    if results.view_rows(ctx).shown.empty:
        print(words.t("pack.nothing"), file=sys.stderr)
        return 1
    if not EXPORTS[kind].available():
        print(words.t("pack.no_chromium"), file=sys.stderr)
        return 1
    practice_view = PracticeView(ctx.view, linked.section)
    extension, _ = results.pack_file_type(ctx, practice_view, linked.place, kind)
    if out.suffix.lower() != f".{extension}":
        print(words.t("pack.wrong_extension", path=out, extension=extension), file=sys.stderr)
        return 2
    try:
        content = results.pack_file(ctx, practice_view, linked.place, kind)
    except Exception as err:  # noqa: BLE001 - Chromium failing to start or to draw is a line, not a traceback
        print(words.t("pack.drawing_failed", detail=f"{type(err).__name__}: {err}"), file=sys.stderr)
        return 1
    try:
        out.write_bytes(content)
    except OSError as err:
        print(f"{out}: {err.strerror or err}", file=sys.stderr)
        return 1
    print(words.t("pack.written", path=out, size=f"{len(content) / 1024:,.0f}", extension=extension))
    return 0


if __name__ == "__main__":
    sys.exit(main())
