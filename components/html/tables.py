"""Tables of figures for people: localized columns, formatted numbers, derived values marked."""

from __future__ import annotations

import html

import pandas as pd

from components.data.loader import Dataset
from components.text.wording import Wording


def figures_table(rows: pd.DataFrame, dataset: Dataset, words: Wording) -> pd.DataFrame:
    """The shown figures as a readable table with their source quotes."""
    label = f"label_{words.catalog.language}"
    sections = {(r["source_id"], r["id"]): r[label] for _, r in dataset.sections.iterrows()}
    return pd.DataFrame({
        words.t("table.domain"): [words.domain(dataset.domains, d) for d in rows["domain"]],
        words.t("table.label"): [words.label(row) for _, row in rows.iterrows()],
        words.t("table.value"): [words.level(row) if not pd.isna(row["value"]) else "" for _, row in rows.iterrows()],
        words.t("table.change"): [words.change(row) if not pd.isna(row["yoy_pct"]) else "" for _, row in rows.iterrows()],
        words.t("table.implied_previous"): [
            words.implied_previous(row) if not pd.isna(row["implied_previous"]) else "" for _, row in rows.iterrows()],
        words.t("table.section"): [sections.get((s, sec), sec) for s, sec in zip(rows["source_id"], rows["section"])],
        words.t("table.quote"): [words.article_text(row, "source_quote") for _, row in rows.iterrows()],
    })


def figures_table_html(rows: pd.DataFrame, dataset: Dataset, words: Wording) -> str:
    """``figures_table`` as an HTML table, its number columns right-aligned."""
    numeric = {words.t("table.value"), words.t("table.change"), words.t("table.implied_previous")}
    return table_html(figures_table(rows, dataset, words), numeric)


def table_html(frame: pd.DataFrame, numeric: set[str] = frozenset()) -> str:
    """A table of display text as escaped HTML. Long text wraps (a data grid would cut the quotes
    off) and ``numeric`` columns align their digits; on a phone each row becomes a card of
    "column: value" lines (the CSS in ``components.html.styles`` reads each cell's ``data-label``)."""
    columns = [html.escape(str(column), quote=True) for column in frame.columns]
    aligned = [' class="num"' if column in numeric else "" for column in frame.columns]
    head = "".join(f'<th scope="col"{align}>{column}</th>' for column, align in zip(columns, aligned))
    body = "".join("<tr>" + "".join(f'<td data-label="{column}"{align}>{html.escape(str(cell))}</td>'
                                    for cell, column, align in zip(row, columns, aligned)) + "</tr>"
                   for row in frame.itertuples(index=False))
    return (f'<div class="table-scroll"><table class="figures-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def folded_html(summary: str, body: str, kind: str = "") -> str:
    """``body`` under a summary line the reader opens in the browser: no page run, keyboard-usable,
    left out of print. ``kind`` is an extra class (``citations``: sources quoted as written)."""
    classes = f"folded {kind}".strip()
    return f'<details class="{classes}"><summary>{html.escape(summary)}</summary>{body}</details>'
