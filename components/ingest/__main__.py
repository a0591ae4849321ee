"""Command line: ``python -m components.ingest ARTICLE.txt`` lists every figure found in a review article;
``--json`` prints them as JSON, ``--out DIR`` writes a draft data folder. Bad input: a message, exit 1."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from components.data.loader import data_dir_from_env, load_dataset
from components.data.records import DataError
from components.data.schema import PLACE_LEVELS
from components.ingest.candidates import read_article
from components.ingest.draft import ReviewRecord, draft_files, guess_year, propose_figures, write_draft
from components.ingest.reading import ArticleError, read_article_file
from components.text.catalog import LANGUAGES, Catalog, load_catalog


def main(argv: list[str] | None = None) -> int:
    """Read the article named in ``argv`` and report, print or write what it holds."""
    parser = argparse.ArgumentParser(prog="python -m components.ingest", description=__doc__)
    parser.add_argument("article", type=Path)
    parser.add_argument("--json", action="store_true", help="print the figures as a JSON list")
    parser.add_argument("--out", type=Path, help="write a draft data folder here (it must not exist)")
    parser.add_argument("--id", help="the review's source id (default: the article file's name)")
    parser.add_argument("--place", default="", help="e.g. 丽水市")
    parser.add_argument("--place-short", default="", help="the name in 平安丽水, e.g. 丽水")
    parser.add_argument("--place-en", default="", help="e.g. Lishui")
    parser.add_argument("--level", default="", choices=("", *PLACE_LEVELS))
    parser.add_argument("--year", type=int, help="the year the review covers (default: read from its title)")
    parser.add_argument("--publisher", default="", help="e.g. 丽水日报")
    parser.add_argument("--date", type=dt.date.fromisoformat, help="publication date, e.g. 2021-03-01")
    parser.add_argument(
        "--author", action="append", default=[], help="an author as the article names them; repeat for several"
    )
    parser.add_argument("--url", default="", help="where the article was published")
    parser.add_argument("--lang", default="zh", choices=LANGUAGES)
    args = parser.parse_args(argv)
    catalog = load_catalog(args.lang)
    try:
        text = read_article_file(args.article)
    except ArticleError as error:
        return _fail(catalog, f"ingest.{error.code}", file=args.article, **error.params)
    article = read_article(text)
    if not article.candidates:
        return _fail(catalog, "ingest.no_figures", file=args.article)
    if args.json:
        print(json.dumps([candidate.as_json() for candidate, _ in article.candidates], ensure_ascii=False, indent=1))
    elif args.out is None:
        for candidate, _ in article.candidates:
            print(
                catalog.t("ingest.line", start=candidate.start, text=candidate.text, subject=candidate.subject or "?")
            )
    if args.out is not None:
        return _write(args, article, catalog)
    return 0


def _write(args: argparse.Namespace, article, catalog: Catalog) -> int:
    if args.out.exists():
        return _fail(catalog, "ingest.out_exists", folder=args.out)
    try:
        library = load_dataset(data_dir_from_env())
    except DataError:
        return _fail(catalog, "ingest.no_library", folder=data_dir_from_env())
    record = ReviewRecord(
        id=args.id or args.article.stem,
        place=args.place,
        place_short=args.place_short,
        place_en=args.place_en,
        level=args.level,
        year=args.year or guess_year(article.title),
        publisher=args.publisher,
        title=article.title,
        date=args.date,
        authors=tuple(args.author),
        url=args.url,
    )
    proposal = propose_figures(article, record, library, library.keywords)
    for item in proposal.left_out:
        reason = catalog.t(f"ingest.reason.{item.reason}", detail=item.detail)
        print(catalog.t("ingest.left_out", reason=reason, text=item.text, sentence=item.sentence), file=sys.stderr)
    files = draft_files(article, record, library, library.keywords, library.domains, figures=proposal.rows)
    write_draft(files, args.out)
    print(
        catalog.t("ingest.written", folder=args.out, rows=len(proposal.rows), left=len(proposal.left_out)),
        file=sys.stderr,
    )
    return 0


def _fail(catalog: Catalog, key: str, **params: object) -> int:
    print(catalog.t(key, **params), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
