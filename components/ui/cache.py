"""Work shared by every session: the validated data and the built figures, made once per input."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from components.charts import CHART_BY_ID, ChartContext
from components.data import Dataset, load_dataset
from components.model import View, enrich, select, source_for_year
from components.practice_map import build_practice_map
from components.practices import PracticeView, map_tiles, practices_shown, split_citywide
from components.theme import font_family
from components.wording import Wording

PRESENTER_TEXT = dict(font_size=20, min_text=18, title_chars=26, note_chars=35, label_chars=13, row_scale=2.1)


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


def _context(data: Dataset, year: int, words: Wording, language: str, presenting: bool) -> ChartContext:
    source = source_for_year(data, year)
    return ChartContext(words, words.source_line(source, short=True), font_family(language),
                        **(PRESENTER_TEXT if presenting else {}))


@st.cache_resource(show_spinner=False, max_entries=1024)
def _figure(spec_id: str, view: View, language: str, presenting: bool, signature: tuple,
            _data: Dataset, _words: Wording) -> go.Figure:
    ctx = _context(_data, view.year, _words, language, presenting)
    spec = CHART_BY_ID[spec_id]
    return spec.build(spec.pick(select(_data.figures, view)), ctx)


def practice_map(practice_view: PracticeView, selected: str, words: Wording, signature: tuple, data: Dataset,
                 presenting: bool) -> go.Figure:
    """The practices tile map for one view and selected place; shared read-only by every session."""
    return _practice_map(practice_view, selected, words.catalog.language, presenting, signature, data, words)


@st.cache_resource(show_spinner=False, max_entries=1024)
def _practice_map(practice_view: PracticeView, selected: str, language: str, presenting: bool, signature: tuple,
                  _data: Dataset, _words: Wording) -> go.Figure:
    ctx = _context(_data, practice_view.view.year, _words, language, presenting)
    in_article, shown = practices_shown(_data, practice_view)
    local, city = split_citywide(_data.places, shown)
    return build_practice_map(map_tiles(_data.places, in_article, local), shown, len(city), selected or None, ctx)
