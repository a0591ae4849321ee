"""Downloadable files built from the shown figures. Never imports streamlit."""

from __future__ import annotations

import pandas as pd

from components.data.records import Dataset, rows_of
from components.text.wording import Wording

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """Stop spreadsheet programs from running text as a formula (OWASP CSV injection)."""
    if isinstance(cell, str) and cell.startswith(FORMULA_PREFIXES):
        return "'" + cell
    return cell


def reported_frame(rows: pd.DataFrame, words: Wording, source_line: str, domain_labels: dict[str, str]) -> pd.DataFrame:
    """What the article reports, machine-readable: numbers stay numbers, each row with its quote."""
    return pd.DataFrame(
        {
            words.t("table.csv.id"): rows["id"],
            words.t("table.csv.year"): rows["year"],
            words.t("table.csv.domain"): rows["domain"].map(domain_labels),
            words.t("table.csv.label"): [words.label(row) for row in rows_of(rows)],
            words.t("table.csv.value"): rows["value"],
            words.t("table.csv.unit"): rows["unit"],
            words.t("table.csv.yoy_pct"): rows["yoy_pct"],
            words.t("table.csv.yoy_pp"): rows["yoy_pp"],
            words.t("table.csv.yoy_abs"): rows["yoy_abs"],
            words.t("table.csv.from_value"): rows["from_value"],
            words.t("table.csv.from_year"): rows["from_year"],
            words.t("table.csv.as_written"): [
                " ".join(filter(None, texts)) for texts in zip(rows["value_text"], rows["yoy_text"])
            ],
            words.t("table.csv.better"): rows["better"].map(lambda b: words.t(f"better.{b}")),
            words.t("table.csv.quote"): rows["source_quote"],
            words.t("table.csv.quote_translation"): rows["source_quote_en"],
            words.t("table.csv.source"): source_line,
        }
    )


def derived_frame(rows: pd.DataFrame, words: Wording) -> pd.DataFrame:
    """The derived values, each column's header saying it is derived (推算)."""
    return pd.DataFrame(
        {
            words.t("table.csv.id"): rows["id"],
            words.t("table.csv.label"): [words.label(row) for row in rows_of(rows)],
            words.t("table.csv.implied_previous"): rows["implied_previous"].round(4),
            words.t("table.csv.index_value"): rows["index_value"].round(4),
        }
    )


def export_frame(rows: pd.DataFrame, words: Wording, source_line: str, domain_labels: dict[str, str]) -> pd.DataFrame:
    """One table for the CSV: the reported columns, then the derived ones before the quote."""
    reported = reported_frame(rows, words, source_line, domain_labels)
    derived = derived_frame(rows, words).iloc[:, 2:]
    at = reported.columns.get_loc(words.t("table.csv.quote"))
    frame = pd.concat([reported.iloc[:, :at], derived, reported.iloc[:, at:]], axis=1)
    return frame.map(neutralise)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows the Chinese; CRLF line ends."""
    return frame.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def compare_frame(rows: pd.DataFrame, data: Dataset, words: Wording) -> pd.DataFrame:
    """Compare years, machine-readable: each review's value or change for each shared metric, with its
    year, source and sentence."""
    return pd.DataFrame(
        {
            words.t("table.csv.year"): rows["year"],
            words.t("table.csv.label"): [words.label(row) for row in rows_of(rows)],
            words.t("table.csv.value"): rows["value"],
            words.t("table.csv.unit"): rows["unit"],
            words.t("table.csv.yoy_pct"): rows["yoy_pct"],
            words.t("table.source"): [words.source_line(data.source(review)) for review in rows["source_id"]],
            words.t("table.csv.quote"): rows["source_quote"],
        }
    )
