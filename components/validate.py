"""Command line: ``python -m components.validate [DATA_DIR]`` checks a data folder and lists every problem.
A review whose Chinese passes every check is ready; its missing English is reported as a status, or
as problems with ``--strict``."""

from __future__ import annotations

import argparse
import sys

from components.data.loader import data_dir_from_env, load_dataset
from components.data.records import DataError, Dataset, Problem
from components.text.catalog import LANGUAGES, Catalog, load_catalog
from components.text.problems import describe


LISTED = 5  # reviews named in one line; a larger library is summarised (see --list)


def summary(dataset: Dataset, catalog: Catalog) -> str:
    """One line saying what a good data folder holds: its reviews by name, or for a larger library
    how many places and years."""
    sources = [dataset.source(review) for review in dataset.reviews]
    if len(sources) <= LISTED:
        reviews = catalog.t("validate.review_separator").join(f"{source.place} {source.year}" for source in sources)
    else:
        years = [source.year for source in sources]
        reviews = catalog.t("validate.many_reviews", places=len({source.place for source in sources}),
                            first=min(years), last=max(years))
    return catalog.t("validate.ok", figures=len(dataset.figures), domains=len(dataset.domains),
                     passages=len(dataset.passages), practices=len(dataset.practices), sources=len(sources),
                     charts=len(dataset.charts), reviews=reviews)


def review_lines(dataset: Dataset, catalog: Catalog) -> list[str]:
    """One line per review, newest first (``--list``): place, year, id, figures and its English."""
    counts = dataset.figures["source_id"].value_counts()
    lines = []
    for review in dataset.reviews:
        source, pending = dataset.source(review), len(dataset.untranslated.get(review, ()))
        english = catalog.t("validate.list_pending", count=pending) if pending else catalog.t("validate.list_translated")
        lines.append(catalog.t("validate.list_line", place=source.place, year=source.year, id=review,
                               figures=int(counts.get(review, 0)), english=english))
    return lines


def english_status(dataset: Dataset, catalog: Catalog) -> str:
    """'Ready in Chinese; English: 14 texts to translate (…)', or that both languages are ready."""
    pending = {review: items for review, items in dataset.untranslated.items() if items}
    if not pending:
        return catalog.t("validate.translated")
    named = [catalog.t("validate.english_review", review=review, count=len(items))
             for review, items in list(pending.items())[:LISTED]]
    if len(pending) > LISTED:
        named.append(catalog.t("validate.more_reviews", count=len(pending) - LISTED))
    return catalog.t("validate.english_pending", count=sum(map(len, pending.values())),
                     reviews=catalog.t("validate.review_separator").join(named))


def untranslated_problems(dataset: Dataset) -> list[Problem]:
    """Every missing English text as a problem, for ``--strict``."""
    return [Problem(item.file, "missing_translation", row=item.row, column=item.column)
            for items in dataset.untranslated.values() for item in items]


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
