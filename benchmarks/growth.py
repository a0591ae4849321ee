"""Data growth: synthetic data folders with 10x, 100x and 1000x the real figure table (the 2019
review repeated as more years), run through load -> validate -> filter -> build every chart.
Time should grow no faster than the row count. Run with `make bench`."""

from __future__ import annotations

import csv
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.common import machine, print_table
from components.charts.base import ChartContext
from components.charts.registry import build_chart, charts_with_rows
from components.data.loader import DEFAULT_DATA_DIR, load_dataset
from components.text.numbers import NumberFormat
from components.text.catalog import load_catalog
from components.model.figures import View, select
from components.text.wording import Wording

FACTORS = (1, 10, 100, 1000)
SOURCE = "lishui-daily-2020-03-10"
YEAR_TABLES = ("figures.csv", "sections.csv", "passages.csv", "practices.csv")


def grown_folder(target: Path, factor: int) -> Path:
    """data/ with the review repeated ``factor`` times, each copy a year of its own."""
    shutil.copytree(DEFAULT_DATA_DIR, target)
    article = (DEFAULT_DATA_DIR / "articles" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    entry = (DEFAULT_DATA_DIR / "sources.toml").read_text(encoding="utf-8").split("[[sources]]", 1)[1]
    tables = {name: list(csv.DictReader(open(DEFAULT_DATA_DIR / name, encoding="utf-8"))) for name in YEAR_TABLES}
    grown = {name: list(rows) for name, rows in tables.items()}
    with open(target / "sources.toml", "a", encoding="utf-8") as sources:
        for copy in range(1, factor):
            source_id, year = f"{SOURCE}-{copy}", 2019 - copy
            (target / "articles" / f"{source_id}.txt").write_text(article, encoding="utf-8")
            sources.write("\n[[sources]]" + entry.replace(f'"{SOURCE}"', f'"{source_id}"')
                          .replace("year = 2019", f"year = {year}").replace(f"{SOURCE}.txt", f"{source_id}.txt"))
            for name, rows in tables.items():
                for row in rows:
                    row = dict(row, source_id=source_id)
                    if name == "figures.csv":
                        row.update(id=row["id"].replace("2019-", f"{year}-"), year=str(year),
                                   parent=row["parent"].replace("2019-", f"{year}-"))
                    grown[name].append(row)
    for name, rows in grown.items():
        with open(target / name, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return target


def pipeline(folder: Path) -> dict[str, float]:
    """Seconds for each step: load, validate and derive; select one view; build every chart."""
    times = {}
    start = time.perf_counter()
    data = load_dataset(folder)
    times["load + validate + derive"] = time.perf_counter() - start
    start = time.perf_counter()
    view = View(data.reviews[-1], tuple(data.domains["id"]))
    shown = select(data.figures, view)
    times["filter"] = time.perf_counter() - start
    words = Wording(load_catalog("zh"), NumberFormat("zh"))
    start = time.perf_counter()
    for chart, rows in charts_with_rows(data.charts, shown, view.review):
        build_chart(chart, rows, ChartContext(words, "src"))
    times["build charts"] = time.perf_counter() - start
    return times


def main() -> None:
    print(f"Data growth benchmark on {machine()}")
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        for factor in FACTORS:
            folder = grown_folder(Path(scratch) / f"x{factor}", factor)
            results[factor] = pipeline(folder)
    base = results[1]
    rows = []
    for factor, times in results.items():
        for step, seconds in times.items():
            rows.append((f"{factor}x ({factor * 10} figures)", step, f"{seconds * 1000:.1f} ms",
                         f"{seconds / base[step]:.1f}x", f"{seconds / base[step] / factor:.2f}"))
    print_table("Each step, against the real data (1x); the last column is growth per row (1.00 = linear)",
                rows, ("data", "step", "time", "ratio", "per row"))


if __name__ == "__main__":
    main()
