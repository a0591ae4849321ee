"""Safe Lishui 2019: the city's public-safety review as an interactive statistics dashboard."""

from __future__ import annotations

import streamlit as st

from components.charts import CHARTS, ChartContext, summary_line
from components.data import DataError, data_dir_from_env
from components.format import NumberFormat
from components.i18n import load_catalog
from components.model import select, source_for_year
from components.narrative import figure_terms
from components.ui import cache, style
from components.ui.article import render_article
from components.ui.chart_section import render_chart_section
from components.ui.errors import render_data_error
from components.ui.filters import render_empty_hint, render_sidebar
from components.ui.header import render_header, render_kpis
from components.ui.table import render_table
from components.wording import Wording

LANGUAGE = "zh"

words = Wording(load_catalog(LANGUAGE), NumberFormat(LANGUAGE))
st.set_page_config(page_title=words.t("app.page_title"), page_icon="🛡️", layout="wide")
style.inject()

folder = data_dir_from_env()
signature = cache.data_signature(folder)
try:
    data = cache.dataset(str(folder), signature)
except DataError as error:
    render_data_error(error, str(folder), words)
    st.stop()

view = render_sidebar(data, words)
source = source_for_year(data, view.year)
shown = select(data.figures, view)
terms = figure_terms(data.figures[data.figures["source_id"] == source.id])
ctx = ChartContext(words, words.source_line(source, short=True))
figures = {spec.id: cache.figure(spec.id, view.year, view.domains, LANGUAGE, signature, data, ctx)
           for spec in CHARTS if not spec.pick(shown).empty}

render_header(view.year, summary_line(data.figures[data.figures["year"] == view.year], words), source, words)
if shown.empty:
    render_empty_hint(data, words)
else:
    render_kpis(shown, words)
    for spec in CHARTS:
        if spec.id in figures:
            render_chart_section(spec, spec.pick(shown), figures[spec.id], data, terms, words)
    render_table(shown, data, words.source_line(source), view.year, words)
render_article(source, terms, words)
st.caption(words.t("footer.derived"))
