"""The grammar of figures (components/data/grammar.py) on the invented test set
(tests/fixtures/ingest_sentences.toml, every sentence, xfail ones included) and on the 2019 article:
recall and precision overall and per pattern tag, how often values, changes (sign and unit) and
subjects are right, and how long reading takes. Run with `python -m benchmarks.ingest` (or `make bench`)."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

from benchmarks.common import machine, median_seconds, print_table
from components.data.grammar import Reading, find_figures

ROOT = Path(__file__).resolve().parents[1]
TEST_SET = ROOT / "tests" / "fixtures" / "ingest_sentences.toml"
ARTICLE = ROOT / "data" / "articles" / "lishui-daily-2020-03-10.txt"
CHECKED = ("value", "unit", "approximate", "change", "change_unit")  # plus kind and previous where given
LONG_TEXT = 100_000  # characters


def same(found, expected) -> bool:
    """Equal, numbers to nine decimals."""
    if isinstance(found, float) and isinstance(expected, (int, float)):
        return round(found, 9) == round(expected, 9)
    return found == expected


def expected_fields(figure: dict) -> dict:
    """The fields a reading must have to be entirely right (a left-out value or change is None)."""
    fields = {name: figure.get(name) for name in CHECKED}
    fields.update({name: figure[name] for name in ("kind", "previous") if name in figure})
    return fields


def tally(sentence: dict) -> Counter:
    """Counts for one sentence: figures expected and read, readings entirely right, and values,
    changes and subjects right. A reading answers the expected figure with the same text."""
    readings = find_figures(sentence["text"])
    by_text = {reading.text: reading for reading in readings}
    counts = Counter(expected=len(sentence["figures"]), read=len(readings))
    for figure in sentence["figures"]:
        reading = by_text.get(figure["text"])
        counts["correct"] += reading is not None and all(
            same(getattr(reading, name), value) for name, value in expected_fields(figure).items()
        )
        counts["subjects"] += reading is not None and reading.subject == figure["subject"]
        if "value" in figure:
            counts["values"] += 1
            counts["values_right"] += (
                reading is not None and same(reading.value, figure["value"]) and reading.unit == figure["unit"]
            )
        if "change" in figure:
            counts["changes"] += 1
            counts["changes_right"] += reading is not None and change_matches(reading, figure)
    return counts


def change_matches(reading: Reading, figure: dict) -> bool:
    """The same direction (sign) and the same change unit."""
    signs = [(value > 0) - (value < 0) for value in (reading.change or 0, figure["change"])]
    return reading.change is not None and signs[0] == signs[1] and reading.change_unit == figure["change_unit"]


def share(part: int, whole: int) -> str:
    return f"{part / whole:.1%} ({part}/{whole})" if whole else "-"


def quality(sentences: list[dict]) -> None:
    """Recall and precision overall and per tag; values, changes and subjects right."""
    counts = {id(sentence): tally(sentence) for sentence in sentences}
    total = sum(counts.values(), Counter())
    xfails = sum("xfail" in sentence for sentence in sentences)
    print_table(
        f"Test set: {len(sentences)} sentences ({xfails} marked xfail), {total['expected']} figures",
        [
            ("recall (figures read entirely right / expected)", share(total["correct"], total["expected"]), "≥ 98%"),
            ("precision (readings entirely right / readings)", share(total["correct"], total["read"]), "≥ 95%"),
            ("values exactly right (value and unit)", share(total["values_right"], total["values"]), ""),
            ("changes with the right sign and unit", share(total["changes_right"], total["changes"]), ""),
            ("subjects right", share(total["subjects"], total["expected"]), ""),
        ],
        ("measure", "result", "target"),
    )
    tags = sorted({tag for sentence in sentences for tag in sentence["tags"]})
    rows = []
    for tag in tags:
        tagged = [sentence for sentence in sentences if tag in sentence["tags"]]
        pooled = sum((counts[id(sentence)] for sentence in tagged), Counter())
        rows.append(
            (
                tag,
                str(len(tagged)),
                str(pooled["expected"]),
                share(pooled["correct"], pooled["expected"]),
                share(pooled["correct"], pooled["read"]),
            )
        )
    print_table(
        "Per pattern tag (a sentence counts under each of its tags)",
        rows,
        ("tag", "sentences", "figures", "recall", "precision"),
    )


def speed(sentences: list[dict], article: str) -> None:
    """Time per 1,000 characters, the 2019 article's time and a 100,000-character text's."""
    texts = [sentence["text"] for sentence in sentences]
    characters = sum(map(len, texts))
    long_text = (article * (LONG_TEXT // len(article) + 1))[:LONG_TEXT]
    set_time = median_seconds(lambda: [find_figures(text) for text in texts], 20)
    article_time = median_seconds(lambda: find_figures(article), 20)
    long_time = median_seconds(lambda: find_figures(long_text), 3)
    print_table(
        "Time (median)",
        [
            (
                "test set, sentence by sentence",
                f"{characters:,}",
                f"{set_time * 1000:.1f} ms",
                f"{set_time / characters * 1e6:.2f} ms",
                "",
            ),
            (
                "the 2019 article",
                f"{len(article):,}",
                f"{article_time * 1000:.1f} ms",
                f"{article_time / len(article) * 1e6:.2f} ms",
                "≤ 50 ms",
            ),
            (
                "the article repeated",
                f"{len(long_text):,}",
                f"{long_time * 1000:.0f} ms",
                f"{long_time / len(long_text) * 1e6:.2f} ms",
                "≤ 2 s",
            ),
        ],
        ("text", "characters", "time", "per 1,000 characters", "target"),
    )


def main() -> None:
    sentences = tomllib.loads(TEST_SET.read_text(encoding="utf-8"))["sentences"]
    print(f"Figure grammar · {machine()}")
    quality(sentences)
    speed(sentences, ARTICLE.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
