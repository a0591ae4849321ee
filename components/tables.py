"""Tables of figures for people: localized columns, formatted numbers, derived values marked."""

from __future__ import annotations

import pandas as pd

from components.data import Dataset
from components.wording import Wording


def figures_table(rows: pd.DataFrame, dataset: Dataset, words: Wording) -> pd.DataFrame:
    """The shown figures as a readable table with their source quotes."""
    sections = {(r.source_id, r.id): r.label_zh for r in dataset.sections.itertuples()}
    return pd.DataFrame({
        words.t("table.domain"): [words.domain(dataset.domains, d) for d in rows["domain"]],
        words.t("table.label"): [words.label(row) for _, row in rows.iterrows()],
        words.t("table.value"): [words.level(row) if not pd.isna(row["value"]) else "" for _, row in rows.iterrows()],
        words.t("table.change"): [words.change(row) if not pd.isna(row["yoy_pct"]) else "" for _, row in rows.iterrows()],
        words.t("table.implied_previous"): [
            words.implied_previous(row) if not pd.isna(row["implied_previous"]) else "" for _, row in rows.iterrows()],
        words.t("table.section"): [sections.get((s, sec), sec) for s, sec in zip(rows["source_id"], rows["section"])],
        words.t("table.quote"): rows["source_quote"].tolist(),
    })
