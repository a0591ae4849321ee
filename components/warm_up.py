"""What the first viewer after a start would otherwise wait for, built in the background: the
imports, the checked data, and the default view's results in each language (the same shared
results the page reads, so the first page finds them built)."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from components import results
from components.context import PageContext
from components.data.loader import data_dir_from_env
from components.data.records import DataError
from components.model.figures import View
from components.model.practices import PracticeView
from components.text.catalog import LANGUAGES
from components.text.wording import wording


def build_default_views(folder: Path) -> None:
    """Every result the page draws for the default view, in each language."""
    lib = results.library(folder)
    results.link_names(lib)
    results.review_chart_ids(lib, lib.data.default_review)
    for language in LANGUAGES:
        words = wording(language)
        review = lib.data.default_review
        ctx = PageContext(lib, View(review, tuple(results.domain_labels(lib, words, review))), words, presenting=False)
        results.summary(ctx)
        results.kpis_html(ctx)
        for chart, _ in results.view_rows(ctx).charts:
            results.chart(ctx, chart.id).to_dict()
            results.narrative(ctx, chart.id)
            results.chart_data_html(ctx, chart.id)
        if not results.comparison(ctx).empty:
            results.compare_chart(ctx).to_dict()
            results.compare_sentences(ctx)
        if results.has_practices(ctx):
            practice_view = PracticeView(ctx.view)
            results.practice_filter_labels(ctx)
            results.practice_map(ctx, practice_view, "").to_dict()
            results.map_layout_note(lib, words)
            results.practice_lists(ctx, practice_view, "", "quotes")
            results.citywide_practices(ctx, practice_view)
        results.figures_table(ctx)
        results.article(ctx)


def warm_up(folder: Path) -> None:
    """Build the default views, saying on stderr (the service's journal) how long it took. A failure
    is one line there: the page explains data problems itself, and builds what is missing."""
    start = time.perf_counter()
    try:
        build_default_views(folder)
    except DataError:
        print("Warm-up skipped: the data folder has problems; the page lists them.", file=sys.stderr)
        return
    except Exception as error:  # noqa: BLE001 - a warm-up must never take the server down
        print(f"Warm-up stopped ({type(error).__name__}: {error}); pages build what they need.", file=sys.stderr)
        return
    print(f"Warm-up done in {time.perf_counter() - start:.1f} s: the default view is built.", file=sys.stderr)


def start_warm_up(folder: Path | None = None) -> threading.Thread:
    """Warm up in a daemon thread and return at once, so the server starts answering meanwhile."""
    thread = threading.Thread(target=warm_up, args=(folder or data_dir_from_env(),), name="warm-up", daemon=True)
    thread.start()
    return thread
