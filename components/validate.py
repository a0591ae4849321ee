"""Command line: ``python -m components.validate [DATA_DIR]`` checks a data folder and lists every problem.
A review whose Chinese passes every check is ready; its missing English is reported as a status, or
as problems with ``--strict``."""

from __future__ import annotations

import argparse
import sys

from components.data.loader import data_dir_from_env, load_dataset
from components.data.records import DataError, Dataset, Problem
from components.text.catalog import LANGUAGES, load_catalog
from components.text.library_status import english_status, review_lines, summary
from components.text.problems import describe


def untranslated_problems(dataset: Dataset) -> list[Problem]:
    """Every missing English text as a problem, for ``--strict``."""
    return [
        Problem(item.file, "missing_translation", row=item.row, column=item.column)
        for items in dataset.untranslated.values()
        for item in items
    ]


def main(argv: list[str] | None = None) -> int:
    """Validate the folder named in ``argv`` (default: $DASHBOARD_DATA_DIR or data/)."""
    parser = argparse.ArgumentParser(prog="python -m components.validate", description=__doc__)
    parser.add_argument("data_dir", nargs="?", default=None)
    parser.add_argument("--lang", default="zh", choices=LANGUAGES)
    parser.add_argument("--strict", action="store_true", help="missing English is a problem too")
    parser.add_argument("--list", action="store_true", help="list every review, one line each")
    args = parser.parse_args(argv)
    catalog = load_catalog(args.lang)
    folder = args.data_dir or data_dir_from_env()
    try:
        dataset = load_dataset(folder)
        missing = untranslated_problems(dataset) if args.strict else []
        if missing:
            raise DataError(missing)
    except DataError as err:
        print(catalog.t("validate.failed", folder=folder, count=len(err.problems)), file=sys.stderr)
        for problem in err.problems:
            print("  - " + describe(problem, catalog), file=sys.stderr)
        return 1
    print(summary(dataset, catalog))
    print(english_status(dataset, catalog))
    if args.list:
        print("\n".join(review_lines(dataset, catalog)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
