"""One context per page run: the loaded library of reviews, the view, the wording and presenter mode.

Both objects hash and compare by their key alone, so memoised builders (``components.memo``) key
their results on them: the data folder's path and version are always part of that key.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from components.data.records import Dataset, Source
from components.model.figures import View, review_figures, select
from components.text.wording import Wording


@dataclass(frozen=True, eq=False)
class Library:
    """A validated data folder: its dataset, its path and its version (a digest of its files)."""

    data: Dataset
    folder: str
    signature: str
    key: tuple = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", (self.folder, self.signature))

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Library) and other.key == self.key


@dataclass(frozen=True, eq=False)
class PageContext:
    """Everything one page run draws from. Frozen; equal contexts share every built result."""

    library: Library
    view: View
    words: Wording
    presenting: bool
    key: tuple = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", (self.library.key, self.view, self.language, self.presenting))

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PageContext) and other.key == self.key

    @property
    def data(self) -> Dataset:
        return self.library.data

    @property
    def language(self) -> str:
        return self.words.catalog.language

    @property
    def source(self) -> Source:
        """The review on screen."""
        return self.data.source(self.view.review)

    def shown(self) -> pd.DataFrame:
        """The view's figures (memoise callers, not this)."""
        return select(self.data.figures, self.view)

    def review_figures(self) -> pd.DataFrame:
        """Every figure of the review on screen."""
        return review_figures(self.data.figures, self.view.review)

    def sized(self, presenting: bool) -> PageContext:
        """The same view in page type (``False``) or projector type (``True``)."""
        return self if presenting == self.presenting else replace(self, presenting=presenting)
