"""The page's one-line summary, from the messages of the charts' own titles."""

from __future__ import annotations

import pandas as pd

from components.charts.changes import changes_title
from components.charts.share import share_title
from components.data.records import rows_of
from components.model.figures import with_change
from components.text.wording import Wording


def summary_line(rows: pd.DataFrame, words: Wording) -> str:
    """The page's one-line summary: how many changes are good news, and each share with its context."""
    parts = []
    changes = with_change(rows)
    if not changes.empty:
        parts.append(changes_title(changes, words))
    shares = rows[rows["change"].isna() & (rows["unit"] == "%")]
    parts += [share_title(row, words) for row in rows_of(shares)]
    return words.t("app.summary_separator").join(parts)
