"""Compare years: which figures two or more reviews of one place report in the same measure."""

from __future__ import annotations

import pandas as pd

from components.data.records import Dataset
from components.model.figures import View

LEVEL, CHANGE = "level", "change"


def compare_rows(data: Dataset, view: View) -> pd.DataFrame:
    """Every figure, in ``view.domains``, of a metric that two or more reviews of the view's place
    report in the same measure: the level where each gives one in the same unit, else the change.
    One row per (metric, review), oldest review first, with ``measure`` set; empty if none."""
    place = data.source(view.review).place
    reviews = [source.id for source in data.sources.values() if source.place == place]
    rows = data.figures[data.figures["source_id"].isin(reviews) & data.figures["domain"].isin(view.domains)]
    if len(reviews) < 2 or rows.empty:
        return rows.iloc[0:0].assign(measure="")
    parts = []
    for _, group in rows.groupby("metric", sort=False):
        if group["source_id"].nunique() < 2:
            continue
        if group["value"].notna().all() and group["unit"].nunique() == 1:
            parts.append(group.assign(measure=LEVEL))
        elif group["yoy_pct"].notna().sum() >= 2:
            parts.append(group[group["yoy_pct"].notna()].assign(measure=CHANGE))
    if not parts:
        return rows.iloc[0:0].assign(measure="")
    return pd.concat(parts).sort_values("year", kind="stable")
