"""What a valid data folder holds, in words: the line `validate` prints, one line per review, and the
English still to translate (shared by the command line and the data desk)."""

from __future__ import annotations

from components.data.records import Dataset
from components.text.catalog import Catalog

LISTED = 5  # reviews named in one line; a larger library is summarised (see --list)


def summary(dataset: Dataset, catalog: Catalog) -> str:
    """One line saying what a good data folder holds: its reviews by name, or for a larger library
    how many places and years."""
    sources = [dataset.source(review) for review in dataset.reviews]
    if len(sources) <= LISTED:
        reviews = catalog.t("validate.review_separator").join(f"{source.place} {source.year}" for source in sources)
    else:
        years = [source.year for source in sources]
        reviews = catalog.t(
            "validate.many_reviews", places=len({source.place for source in sources}), first=min(years), last=max(years)
        )
    return catalog.t(
        "validate.ok",
        figures=len(dataset.figures),
        domains=len(dataset.domains),
        passages=len(dataset.passages),
        practices=len(dataset.practices),
        sources=len(sources),
        charts=len(dataset.charts),
        reviews=reviews,
    )


def review_lines(dataset: Dataset, catalog: Catalog) -> list[str]:
    """One line per review, newest first (``--list``): place, year, id, figures and its English."""
    counts = dataset.figures["source_id"].value_counts()
    lines = []
    for review in dataset.reviews:
        source, pending = dataset.source(review), len(dataset.untranslated.get(review, ()))
        english = (
            catalog.t("validate.list_pending", count=pending) if pending else catalog.t("validate.list_translated")
        )
        lines.append(
            catalog.t(
                "validate.list_line",
                place=source.place,
                year=source.year,
                id=review,
                figures=int(counts.get(review, 0)),
                english=english,
            )
        )
    return lines


def english_status(dataset: Dataset, catalog: Catalog) -> str:
    """'Ready in Chinese; English: 14 texts to translate (…)', or that both languages are ready."""
    pending = {review: items for review, items in dataset.untranslated.items() if items}
    if not pending:
        return catalog.t("validate.translated")
    named = [
        catalog.t("validate.english_review", review=review, count=len(items))
        for review, items in list(pending.items())[:LISTED]
    ]
    if len(pending) > LISTED:
        named.append(catalog.t("validate.more_reviews", count=len(pending) - LISTED))
    return catalog.t(
        "validate.english_pending",
        count=sum(map(len, pending.values())),
        reviews=catalog.t("validate.review_separator").join(named),
    )
