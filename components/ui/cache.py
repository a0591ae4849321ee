"""Work shared by every session: the validated data and the built figures, made once per input."""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import Callable, TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.charts.base import charts_with_rows
from components.data.loader import Dataset, load_dataset
from components.exports.deck import deck_bytes
from components.exports.csv_file import csv_bytes, export_frame
from components.exports.images import figures_to_png
from components.model.figures import View, enrich, select, source_for_year
from components.exports.pack import build_pack, chart_context
from components.charts.practice_map import build_view_map
from components.model.practices import PracticeView
from components.exports.report import report_html
from components.text.wording import Wording
from components.exports.workbook import workbook_bytes

T = TypeVar("T")


def data_signature(folder: Path) -> str:
    """A digest of the data files' names, sizes and modification times, so edits reload the data
    (short, so every cache key that holds it hashes quickly)."""
    if not folder.is_dir():
        return ""
    return hashlib.sha256(repr(sorted(_file_stats(folder, ""))).encode()).hexdigest()[:16]


def _file_stats(folder: str | Path, prefix: str):
    """(relative path, size, mtime) of every file under ``folder``, one directory read per folder
    (this runs on every rerun)."""
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    yield from _file_stats(entry.path, f"{prefix}{entry.name}/")
                elif entry.is_file():
                    info = entry.stat()
                    yield f"{prefix}{entry.name}", info.st_size, info.st_mtime_ns
    except OSError:  # an unreadable folder: the loader names the problem
        yield f"{prefix}(unreadable)", 0, 0


@st.cache_resource(show_spinner=False, max_entries=4)
def dataset(folder: str, signature: str) -> Dataset:
    """Load, validate and enrich the data folder (raises DataError; errors are not cached)."""
    loaded = load_dataset(folder)
    return replace(loaded, figures=enrich(loaded.figures))


class _SharedResults:
    """A bounded, thread-safe map from (name, key, data) to a result every session reads.

    It does what ``st.cache_resource`` does for these small per-view results, without hashing
    each argument on every call (measured: about a third of a warm rerun went into that hashing).
    Each result is built once: if two sessions need it at the same moment, one builds it and the
    other waits for that result instead of building its own. (Page runs also take turns,
    ``components.ui.turns``; this holds without them.)
    """

    def __init__(self, max_entries: int):
        self._results: OrderedDict[tuple, object] = OrderedDict()
        self._building: dict[tuple, threading.Lock] = {}
        self._lock = threading.Lock()
        self._max_entries = max_entries

    def get(self, key: tuple, build: Callable[[], T]) -> T:
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
            building = self._building.setdefault(key, threading.Lock())
        with building:  # only this key waits; other results are read and built meanwhile
            with self._lock:
                if key in self._results:  # built by the session this one waited for
                    self._results.move_to_end(key)
                    return self._results[key]
            try:
                result = build()
            except BaseException:
                self._done_building(key, building)  # the next session tries again
                raise
            with self._lock:
                self._results[key] = result
                while len(self._results) > self._max_entries:
                    self._results.popitem(last=False)
            self._done_building(key, building)
        return result

    def _done_building(self, key: tuple, building: threading.Lock) -> None:
        with self._lock:
            if self._building.get(key) is building:
                del self._building[key]


_RESULTS = _SharedResults(max_entries=4096)


def shared(name: str, key: tuple, signature: str, build: Callable[[], T]) -> T:
    """``build()`` once per (name, key, data) for every session: figures, tables, HTML and lists
    derived from one view. ``key`` must hold everything ``build`` reads besides the data (view,
    language...). The result is shared read-only: callers never change it."""
    return _RESULTS.get((name, repr(key), signature), build)


def view_rows(data: Dataset, view: View, signature: str) -> tuple[pd.DataFrame, pd.DataFrame, tuple]:
    """(figures shown, every figure of the year's article, ((chart spec, its rows), ...) for the charts
    that have rows), shared read-only."""
    def build():
        shown = select(data.figures, view)
        source_id = source_for_year(data, view.year).id
        return shown, data.figures[data.figures["source_id"] == source_id], charts_with_rows(shown)
    return shared("view-rows", (view,), signature, build)


class SharedFigure(go.Figure):
    """A figure shared read-only by every session. ``st.plotly_chart`` asks for ``to_dict()`` on
    every run, and plotly deep-copies the whole figure each time; this builds the dict once."""

    def to_dict(self) -> dict:
        if not hasattr(self, "_shared_dict"):
            self._shared_dict = super().to_dict()
        return self._shared_dict


def figure(spec_id: str, view: View, words: Wording, signature: str, data: Dataset, presenting: bool) -> go.Figure:
    """One chart for one view, in page or presenter size; shared read-only by every session."""
    def build():
        spec, rows = next(chart for chart in view_rows(data, view, signature)[2] if chart[0].id == spec_id)
        return SharedFigure(spec.build(rows, chart_context(data, view.year, words, presenting)))
    return shared("figure", (spec_id, view, words.catalog.language, presenting), signature, build)


def practice_map(practice_view: PracticeView, selected: str, words: Wording, signature: str, data: Dataset,
                 presenting: bool) -> go.Figure:
    """The practices tile map for one view and selected place; shared read-only by every session."""
    def build():
        ctx = chart_context(data, practice_view.view.year, words, presenting)
        return SharedFigure(build_view_map(data, practice_view, selected or None, ctx))
    return shared("practice-map", (practice_view, selected, words.catalog.language, presenting), signature, build)


def pack_file(kind: str, practice_view: PracticeView, place: str, words: Wording, signature: str,
              data: Dataset) -> bytes:
    """One meeting-pack file ("pptx", "html", "xlsx" or "csv") of a view; shared by every session."""
    return _pack_file(kind, practice_view, place, words.catalog.language, signature, data, words)


@st.cache_resource(show_spinner=False, max_entries=64)
def _pack_file(kind: str, practice_view: PracticeView, place: str, language: str, signature: str,
               _data: Dataset, _words: Wording) -> bytes:
    pack = build_pack(_data, practice_view, place, _words)
    if kind == "pptx":
        return deck_bytes(pack, figures_to_png)
    if kind == "html":
        return report_html(pack).encode("utf-8")
    if kind == "xlsx":
        return workbook_bytes(pack)
    labels = {d: _words.domain(_data.domains, d) for d in _data.domains["id"]}
    return csv_bytes(export_frame(pack.shown, _words, _words.source_line(pack.source), labels))
