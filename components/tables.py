"""Tables of figures for people: localized columns, formatted numbers, derived values marked."""

from __future__ import annotations

import pandas as pd

from components.data import Dataset
from components.wording import Wording


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
