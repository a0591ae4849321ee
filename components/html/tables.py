"""Tables of figures for people: localized columns, formatted numbers, derived values marked."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from components.data.records import Dataset, rows_of
from components.html.render import render
from components.model.compare import LEVEL
from components.text.wording import Wording


def figures_table(rows: pd.DataFrame, dataset: Dataset, words: Wording) -> pd.DataFrame:
    """The shown figures as a readable table with their source quotes."""
    label = f"label_{words.catalog.language}"
    shown = dataset.sections[dataset.sections["source_id"].isin(set(rows["source_id"]))]
    sections = dict(zip(zip(shown["source_id"], shown["id"]), shown[label]))
    records = rows_of(rows)
    return pd.DataFrame(
        {
            words.t("table.domain"): [words.domain(dataset.domains, d) for d in rows["domain"]],
            words.t("table.label"): [words.label(row) for row in records],
            words.t("table.value"): [words.level(row) if not pd.isna(row["value"]) else "" for row in records],
            words.t("table.change"): [words.change(row) if not pd.isna(row["change"]) else "" for row in records],
            words.t("table.implied_previous"): [
                words.implied_previous(row) if not pd.isna(row["implied_previous"]) else "" for row in records
            ],
            words.t("table.section"): [
                sections.get((s, sec), sec) for s, sec in zip(rows["source_id"], rows["section"])
            ],
            words.t("table.quote"): [words.article_text(row, "source_quote") for row in records],
        }
    )


def figures_table_html(rows: pd.DataFrame, dataset: Dataset, words: Wording) -> str:
    """``figures_table`` as an HTML table, its number columns right-aligned."""
    numeric = {words.t("table.value"), words.t("table.change"), words.t("table.implied_previous")}
    return table_html(figures_table(rows, dataset, words), numeric)


def table_html(frame: pd.DataFrame, numeric: set[str] = frozenset()) -> str:
    """A table of display text as escaped HTML. Long text wraps (a data grid would cut the quotes
    off) and ``numeric`` columns align their digits; on a phone each row becomes a card of
    "column: value" lines (the CSS in ``templates/narrative.css.j2`` reads each cell's ``data-label``)."""
    columns = [(str(column), column in numeric) for column in frame.columns]
    rows = [
        [(str(cell), name, is_number) for cell, (name, is_number) in zip(row, columns)]
        for row in frame.itertuples(index=False)
    ]
    return render("figures_table.html.j2", columns=columns, rows=rows)


def folded_html(summary: str, body: str, kind: str = "") -> str:
    """``body`` under a summary line the reader opens in the browser: no page run, keyboard-usable,
    left out of print. ``body`` is HTML rendered by another template; ``kind`` is an extra class
    (``citations``: sources quoted as written)."""
    return render("folded.html.j2", summary=summary, body=Markup(body), kind=kind)


def layout_note_html(places: pd.DataFrame, words: Wording) -> str:
    """Where each map tile's position comes from: the county seats' coordinates and their sources,
    folded under a line the reader opens."""
    counties = places[places["lat"].notna()]
    latitude, longitude = words.t("practices.layout_lat"), words.t("practices.layout_lon")
    table = table_html(
        pd.DataFrame(
            {
                words.t("practices.layout_name"): [words.name(row) for row in rows_of(counties)],
                latitude: [f"{value:.4f}" for value in counties["lat"].astype(float)],
                longitude: [f"{value:.4f}" for value in counties["lon"].astype(float)],
                words.t("practices.layout_source"): counties["coord_source"],
            }
        ),
        {latitude, longitude},
    )
    note = render("note.html.j2", kind="note", text=words.t("practices.layout_caption"))
    return folded_html(words.t("practices.layout_expander"), note + table, kind="citations")


def compare_table_html(rows: pd.DataFrame, dataset: Dataset, words: Wording, sentences: bool = True) -> str:
    """Each compared value (``components.model.compare``) with its year, its review's source line and
    (unless ``sentences`` is off, for a slide) its sentence."""
    value, records = words.t("table.value"), rows_of(rows)
    frame = pd.DataFrame(
        {
            words.t("table.year"): rows["year"].astype(str),
            words.t("table.label"): [words.label(row) for row in records],
            value: [words.level(row) if row["measure"] == LEVEL else words.change(row) for row in records],
            words.t("table.source"): [
                words.source_line(dataset.source(review), short=True) for review in rows["source_id"]
            ],
            words.t("table.quote"): [words.article_text(row, "source_quote") for row in records],
        }
    )
    return table_html(frame if sentences else frame.drop(columns=words.t("table.quote")), {value})
