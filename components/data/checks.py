"""Cross-checks between a data folder's tables: unique keys, references between files, quotes that stand
word for word in their article, places on the map and the chart declarations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from components.data import schema
from components.data.difference import first_difference
from components.data.records import ChartDeclaration, Problem, Row, Source, reporter, rows_of


def check_unique(frame: pd.DataFrame, name: str, keys: list[str], problems: list[Problem]) -> None:
    """Each row repeating the ``keys`` of an earlier one is a problem naming the first."""
    duplicated = frame[frame.duplicated(keys, keep="first")]
    for _, row in duplicated.iterrows():
        first = frame[(frame[keys] == row[keys]).all(axis=1)]["line"].iloc[0]
        problems.append(
            Problem(
                name,
                "duplicate_key",
                row=row["line"],
                column="+".join(keys),
                params={"value": " / ".join(str(row[key]) for key in keys), "other": first},
            )
        )


def check_source_ref(name: str, row: Row, sources: Mapping[str, Source], problems: list[Problem]) -> Source | None:
    """The row's source, or None (a problem when the library names sources and this is not one)."""
    source = sources.get(row["source_id"])
    if source is None and sources:
        problems.append(
            Problem(
                name,
                "unknown_ref",
                row=row["line"],
                column="source_id",
                params={"value": row["source_id"], "target": schema.SOURCES_FILE},
            )
        )
    return source


def check_in_article(name: str, row: Row, column: str, source: Source | None, problems: list[Problem]) -> None:
    """The row's ``column`` must stand word for word in its article."""
    if source is not None and row[column] and row[column] not in source.article:
        problems.append(
            Problem(
                name, "not_in_article", row=row["line"], column=column, params=difference(row[column], source.article)
            )
        )


def check_sections(sections: pd.DataFrame, sources: Mapping[str, Source], problems: list[Problem]) -> None:
    """Each section belongs to a source and its heading stands in the article."""
    for row in rows_of(sections):
        source = check_source_ref("sections.csv", row, sources, problems)
        check_in_article("sections.csv", row, "heading", source, problems)


def check_passages(
    passages: pd.DataFrame,
    sources: Mapping[str, Source],
    sections: pd.DataFrame,
    domains: set[str],
    problems: list[Problem],
) -> None:
    """Each passage stands in its article, in a known section, tagged with known domains."""
    known_sections = set(zip(sections["source_id"], sections["id"]))
    for row in rows_of(passages):
        source = check_source_ref("passages.csv", row, sources, problems)
        check_in_article("passages.csv", row, "text", source, problems)
        if (row["source_id"], row["section"]) not in known_sections:
            problems.append(
                Problem(
                    "passages.csv",
                    "unknown_ref",
                    row=row["line"],
                    column="section",
                    params={"value": row["section"], "target": "sections.csv"},
                )
            )
        for domain in row["domains"]:
            if domain not in domains:
                problems.append(
                    Problem(
                        "passages.csv",
                        "unknown_ref",
                        row=row["line"],
                        column="domains",
                        params={"value": domain, "target": "domains.csv"},
                    )
                )


def joined_passages(passages: pd.DataFrame, column: str) -> dict[str, str]:
    """Each source's passages in ``column``, joined: where a quote (or its translation) must stand."""
    joined: dict[str, list[str]] = {}
    for source_id, text in zip(passages["source_id"], passages[column]):
        joined.setdefault(source_id, []).append(text)
    return {source_id: "\n".join(texts) for source_id, texts in joined.items()}


def check_places(places: pd.DataFrame, problems: list[Problem]) -> None:
    """Counties are placed on the map by their seat's coordinates; a zone lies within a county."""
    name = "places.csv"
    counties = set(places.loc[places["kind"] == "county", "id"])
    for row in rows_of(places):
        report = reporter(problems, name, row["line"])

        if row["kind"] == "county":
            for column, (low, high) in (("lat", schema.LATITUDE_RANGE), ("lon", schema.LONGITUDE_RANGE)):
                if pd.isna(row[column]):
                    report("missing_coordinates", column)
                elif not low <= row[column] <= high:
                    report(
                        "coordinate_out_of_range", column, value=plain(row[column]), low=plain(low), high=plain(high)
                    )
            if not row["coord_source"]:
                report("missing_coordinates", "coord_source")
        if row["kind"] == "zone" and row["within"] not in counties:
            report("within_not_county", "within", value=row["within"])


def check_practices(
    practices: pd.DataFrame,
    sources: Mapping[str, Source],
    sections: pd.DataFrame,
    passages: pd.DataFrame,
    domains: set[str],
    places: set[str],
    problems: list[Problem],
) -> None:
    """Each practice is quoted verbatim, named in its quote, and tied to known places, sections and domains."""
    name = "practices.csv"
    originals, translations = joined_passages(passages, "text"), joined_passages(passages, "text_en")
    known_sections = set(zip(sections["source_id"], sections["id"]))
    for row in rows_of(practices):
        report = reporter(problems, name, row["line"])

        source = check_source_ref(name, row, sources, problems)
        check_in_article(name, row, "quote", source, problems)
        if row["place"] not in places:
            report("unknown_ref", "place", value=row["place"], target="places.csv")
        if (row["source_id"], row["section"]) not in known_sections:
            report("unknown_ref", "section", value=row["section"], target="sections.csv")
        for domain in row["domains"]:
            if domain not in domains:
                report("unknown_ref", "domains", value=domain, target="domains.csv")
        if row["name_zh"] and row["quote"] and row["name_zh"] not in row["quote"]:
            report("not_in_quote", "name_zh", value=row["name_zh"])
        if source is not None and row["quote"] and row["quote"] not in originals.get(row["source_id"], ""):
            report("quote_not_in_passages", "quote", **difference(row["quote"], originals.get(row["source_id"], "")))
        if row["quote_en"] and row["quote_en"] not in translations.get(row["source_id"], ""):
            report(
                "quote_not_in_translation",
                "quote_en",
                **difference(row["quote_en"], translations.get(row["source_id"], "")),
            )


def check_charts(
    declarations: list[tuple[ChartDeclaration, int]],
    sources: Mapping[str, Source],
    metrics: set[str],
    problems: list[Problem],
) -> None:
    """Every chart names metrics of figures.csv and reviews of sources.toml."""
    name = schema.CHARTS_FILE
    for declaration, number in declarations:
        for metric in declaration.metrics or ():
            if metric not in metrics:
                problems.append(
                    Problem(
                        name,
                        "unknown_ref",
                        row=number,
                        column="metrics",
                        params={"value": metric, "target": "figures.csv"},
                    )
                )
        for review in declaration.reviews:
            if sources and review not in sources:
                problems.append(
                    Problem(
                        name,
                        "unknown_ref",
                        row=number,
                        column="reviews",
                        params={"value": review, "target": schema.SOURCES_FILE},
                    )
                )


def plain(number: float) -> str:
    """A number as a person would type it: 612, 5.58."""
    return f"{number:g}"


def difference(quote: str, text: str) -> dict[str, Any]:
    """A quote's first difference from the closest stretch of ``text``, as message parameters."""
    found = first_difference(quote, text)
    return {"quoted": found.quoted, "closest": found.closest, "position": found.position}
