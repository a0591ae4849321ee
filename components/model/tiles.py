"""Tile-map placement: each county-level division on its own grid cell, near where its seat really lies."""

from __future__ import annotations

import itertools
import math

Cell = tuple[int, int]  # (column from the west, row from the south)


def grid_size(count: int) -> int:
    """Cells per side: one more than the tightest square, so tiles can keep their compass order."""
    return math.isqrt(max(count - 1, 0)) + 2


def tile_cells(seats: dict[str, tuple[float, float]]) -> dict[str, Cell]:
    """Give each place (id -> (latitude, longitude)) its own cell of a square grid.

    Seats are projected (longitude shrunk by the cosine of the mean latitude), scaled so the
    wider extent spans the grid, and then assigned to cells with the least total squared
    displacement: a greedy start, improved by moves and swaps until none helps.
    """
    if not seats:
        return {}
    side = grid_size(len(seats))
    targets = _scaled(seats, side)
    cells = [(column, row) for row in range(side) for column in range(side)]
    placed: dict[str, Cell] = {}
    for place in sorted(targets, key=lambda p: (min(_cost(targets[p], cell) for cell in cells), p)):
        free = [cell for cell in cells if cell not in placed.values()]
        placed[place] = min(free, key=lambda cell: (_cost(targets[place], cell), cell))
    while _improve(placed, targets, cells):
        pass
    return placed


def _scaled(seats: dict[str, tuple[float, float]], side: int) -> dict[str, tuple[float, float]]:
    mean_lat = math.radians(sum(lat for lat, _ in seats.values()) / len(seats))
    xy = {place: (lon * math.cos(mean_lat), lat) for place, (lat, lon) in seats.items()}
    low_x, low_y = min(x for x, _ in xy.values()), min(y for _, y in xy.values())
    span = max(max(x for x, _ in xy.values()) - low_x, max(y for _, y in xy.values()) - low_y) or 1.0
    scale = (side - 1) / span
    return {place: ((x - low_x) * scale, (y - low_y) * scale) for place, (x, y) in xy.items()}


def _cost(target: tuple[float, float], cell: Cell) -> float:
    return (target[0] - cell[0]) ** 2 + (target[1] - cell[1]) ** 2


def _improve(placed: dict[str, Cell], targets: dict[str, tuple[float, float]], cells: list[Cell]) -> bool:
    """Apply the first move to an empty cell, or swap of two places, that lowers the total cost."""
    for place in sorted(placed):
        for cell in cells:
            if cell not in placed.values() and _cost(targets[place], cell) < _cost(targets[place], placed[place]):
                placed[place] = cell
                return True
    for first, second in itertools.combinations(sorted(placed), 2):
        now = _cost(targets[first], placed[first]) + _cost(targets[second], placed[second])
        swapped = _cost(targets[first], placed[second]) + _cost(targets[second], placed[first])
        if swapped < now - 1e-12:
            placed[first], placed[second] = placed[second], placed[first]
            return True
    return False
