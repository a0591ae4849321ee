"""The article's named local practices: which are shown, and how many fall in each place of the tile map."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.data.records import Dataset
from components.model.figures import View
from components.model.tiles import tile_cells

COUNTY, ZONE, CITY = "county", "zone", "city"


@dataclass(frozen=True)
class PracticeView:
    """The figures' view narrowed, for practices, to one article section ("" for every section)."""

    view: View
    section: str = ""


def practices_shown(data: Dataset, practice_view: PracticeView) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The review's practices in the article, and those the view selects."""
    in_article = data.practices[data.practices["source_id"] == practice_view.view.review]
    return in_article, select_practices(in_article, practice_view.view.domains, practice_view.section)


def split_citywide(places: pd.DataFrame, practices: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(practices in a county or zone, practices city-wide)."""
    city = practices["place"].isin(city_places(places))
    return practices[~city], practices[city]


def select_practices(practices: pd.DataFrame, domains: tuple[str, ...], section: str | None = None) -> pd.DataFrame:
    """The practices that share a domain with ``domains`` (and lie in ``section``, if given)."""
    mask = practices["domains"].map(lambda own: bool(set(own) & set(domains))).astype(bool)  # bool even when empty
    if section:
        mask &= practices["section"] == section
    return practices[mask]


def map_tiles(places: pd.DataFrame, in_article: pd.DataFrame, shown: pd.DataFrame) -> pd.DataFrame:
    """One row per county and zone: its grid cell, how many practices are shown there, and
    whether the article names any practice there at all (``mentioned``). A zone shares the
    cell of the county it lies in."""
    counties = places[places["kind"] == COUNTY]
    cells = tile_cells({row.id: (row.lat, row.lon) for row in counties.itertuples()})
    tiles = places[places["kind"].isin([COUNTY, ZONE])].copy()
    home = tiles["id"].where(tiles["kind"] == COUNTY, tiles["within"])
    tiles["col"] = [cells[place][0] for place in home]
    tiles["row"] = [cells[place][1] for place in home]
    tiles["count"] = tiles["id"].map(shown["place"].value_counts()).fillna(0).astype(int)
    tiles["mentioned"] = tiles["id"].isin(in_article["place"])
    return tiles.reset_index(drop=True)


def city_places(places: pd.DataFrame) -> list[str]:
    """Ids of the places that stand for the whole city (listed beside the map, not on it)."""
    return places.loc[places["kind"] == CITY, "id"].tolist()
