"""Work shared by every session: the validated data and the built figures, made once per input."""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from components.charts import CHART_BY_ID, ChartContext
from components.data import Dataset, load_dataset
from components.model import View, enrich, select, source_for_year
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
    return Dataset(enrich(loaded.figures), loaded.domains, loaded.sections, loaded.passages, loaded.sources)


def figure(spec_id: str, view: View, words: Wording, signature: tuple, data: Dataset, presenting: bool) -> go.Figure:
    """One chart for one view, in page or presenter size; shared read-only by every session."""
    return _figure(spec_id, view, words.catalog.language, presenting, signature, data, words)


@st.cache_resource(show_spinner=False, max_entries=1024)
def _figure(spec_id: str, view: View, language: str, presenting: bool, signature: tuple,
            _data: Dataset, _words: Wording) -> go.Figure:
    source = source_for_year(_data, view.year)
    ctx = ChartContext(_words, _words.source_line(source, short=True), font_family(language),
                       **(PRESENTER_TEXT if presenting else {}))
    spec = CHART_BY_ID[spec_id]
    return spec.build(spec.pick(select(_data.figures, view)), ctx)
