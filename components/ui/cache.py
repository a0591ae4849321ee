"""Work shared by every session: the validated data and the built figures, made once per input."""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from components.charts import CHARTS, ChartContext
from components.data import Dataset, load_dataset
from components.model import enrich

_SPECS = {spec.id: spec for spec in CHARTS}


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


@st.cache_resource(show_spinner=False, max_entries=512)
def figure(spec_id: str, year: int, domains: tuple[str, ...], language: str, signature: tuple,
           _data: Dataset, _ctx: ChartContext) -> go.Figure:
    """One chart for one view, built once and shared read-only by every session."""
    spec = _SPECS[spec_id]
    rows = spec.pick(_data.figures[(_data.figures["year"] == year) & _data.figures["domain"].isin(domains)])
    return spec.build(rows, _ctx)
