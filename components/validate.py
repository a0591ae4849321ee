"""Command line: ``python -m components.validate [DATA_DIR]`` checks a data folder and lists every problem."""

from __future__ import annotations

import argparse
import sys

from components.data.loader import DataError, Dataset, data_dir_from_env, load_dataset
from components.text.catalog import LANGUAGES, Catalog, load_catalog
from components.data.problems import describe


def summary(dataset: Dataset, catalog: Catalog) -> str:
    """One line saying what a good data folder holds."""
    return catalog.t(
        "validate.ok",
        figures=len(dataset.figures),
        domains=len(dataset.domains),
        passages=len(dataset.passages),
        practices=len(dataset.practices),
        sources=len(dataset.sources),
        charts=len(dataset.charts),
        reviews=catalog.t("validate.review_separator").join(
            f"{dataset.source(review).place} {dataset.source(review).year}" for review in dataset.reviews),
    )


def main(argv: list[str] | None = None) -> int:
    """Validate the folder named in ``argv`` (default: $DASHBOARD_DATA_DIR or data/)."""
    parser = argparse.ArgumentParser(prog="python -m components.validate", description=__doc__)
    parser.add_argument("data_dir", nargs="?", default=None)
    parser.add_argument("--lang", default="zh", choices=LANGUAGES)
    args = parser.parse_args(argv)
    catalog = load_catalog(args.lang)
    folder = args.data_dir or data_dir_from_env()
    try:
        dataset = load_dataset(folder)
    except DataError as err:
        print(catalog.t("validate.failed", folder=folder, count=len(err.problems)), file=sys.stderr)
        for problem in err.problems:
            print("  - " + describe(problem, catalog), file=sys.stderr)
        return 1
    print(summary(dataset, catalog))
    return 0


if __name__ == "__main__":
    sys.exit(main())
