"""Work shared by every session: the validated data and the built figures, made once per input."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from components.charts import CHART_BY_ID
from components.data import Dataset, load_dataset
from components.model import View, enrich, select
from components.deck import deck_bytes
from components.export import csv_bytes, export_frame
from components.images import figures_to_png
from components.pack import build_pack, chart_context
from components.report import report_html
from components.workbook import workbook_bytes
from components.practice_map import build_view_map
from components.practices import PracticeView
from components.wording import Wording


def data_signature(folder: Path) -> tuple:
    """Names, sizes and modification times of the data files, so edits reload the data."""
    if not folder.is_dir():
        return ()
    return tuple(sorted((str(p.relative_to(folder)), p.stat().st_size, p.stat().st_mtime_ns)
                        for p in folder.rglob("*") if p.is_file()))


@st.cache_resource(show_spinner=False, max_entries=4)
def dataset(folder: str, signature: tuple) -> Dataset:
    """Load, validate and enrich the data folder (raises DataError; errors are not cached)."""
    loaded = load_dataset(folder)
    return replace(loaded, figures=enrich(loaded.figures))


def figure(spec_id: str, view: View, words: Wording, signature: tuple, data: Dataset, presenting: bool) -> go.Figure:
    """One chart for one view, in page or presenter size; shared read-only by every session."""
    return _figure(spec_id, view, words.catalog.language, presenting, signature, data, words)


@st.cache_resource(show_spinner=False, max_entries=1024)
def _figure(spec_id: str, view: View, language: str, presenting: bool, signature: tuple,
            _data: Dataset, _words: Wording) -> go.Figure:
    ctx = chart_context(_data, view.year, _words, presenting)
    spec = CHART_BY_ID[spec_id]
    return spec.build(spec.pick(select(_data.figures, view)), ctx)


def practice_map(practice_view: PracticeView, selected: str, words: Wording, signature: tuple, data: Dataset,
                 presenting: bool) -> go.Figure:
    """The practices tile map for one view and selected place; shared read-only by every session."""
    return _practice_map(practice_view, selected, words.catalog.language, presenting, signature, data, words)


@st.cache_resource(show_spinner=False, max_entries=1024)
def _practice_map(practice_view: PracticeView, selected: str, language: str, presenting: bool, signature: tuple,
                  _data: Dataset, _words: Wording) -> go.Figure:
    return build_view_map(_data, practice_view, selected or None, chart_context(_data, practice_view.view.year, _words, presenting))


def pack_file(kind: str, practice_view: PracticeView, place: str, words: Wording, signature: tuple,
              data: Dataset) -> bytes:
    """One meeting-pack file ("pptx", "html", "xlsx" or "csv") of a view; shared by every session."""
    return _pack_file(kind, practice_view, place, words.catalog.language, signature, data, words)


@st.cache_resource(show_spinner=False, max_entries=64)
def _pack_file(kind: str, practice_view: PracticeView, place: str, language: str, signature: tuple,
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
