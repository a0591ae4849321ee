"""The data desk page (资料台, /desk): paste a review article, confirm every figure found in it, and
download the data folder once the validator accepts it. Nothing is written on the server."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pandas as pd
import streamlit as st

from components import results
from components.charts.base import ChartContext
from components.charts.changes import build_changes_chart
from components.context import Library
from components.data.loader import data_dir_from_env
from components.data.records import DataError
from components.text.problems import message
from components.data.schema import BETTER_CHOICES, PLACE_LEVELS
from components.html.kpis import kpi_cards, kpi_cards_html
from components.html.narrative import article_html
from components.ingest.candidates import read_article
from components.ingest.desk import (EDITABLE, KINDS, SHOWN, accepted_figures, grouped, preview_figures, proposed_rows,
                                   row_ranges, verdict, zipped)
from components.ingest.draft import ReviewRecord, draft_files, guess_year
from components.ingest.reading import ArticleError, checked_text
from components.text.wording import Wording, wording
from components.ui import style
from components.ui.chart_section import plot
from components.ui.errors import render_data_error
from components.ui.language import render_language_picker, resolve_language
from components.ui.text import escape_markdown


def render_desk() -> None:
    """The whole desk page, top to bottom."""
    language, _ = resolve_language()
    words = wording(language)
    st.set_page_config(page_title=words.t("desk.page_title"), page_icon="🗂️", layout="wide")
    style.inject(False)
    with st.sidebar:
        render_language_picker(language, words)
        st.caption(words.t("desk.sidebar"))
    st.title(words.t("desk.title"))
    st.caption(words.t("desk.intro"))
    folder = data_dir_from_env()
    try:
        library = results.library(folder)
    except DataError as error:
        render_data_error(error, str(folder), words)
        return
    text = st.text_area(words.t("desk.article"), key="desk-article", height=220,
                        placeholder=words.t("desk.article_placeholder"))
    if not text.strip():
        st.info(words.t("desk.paste_hint"), icon="ℹ️")
        return
    try:
        article = read_article(checked_text(text))
    except ArticleError as error:
        st.error(escape_markdown(words.t(f"ingest.{error.code}", file="", **error.params)), icon="⚠️")
        return
    record = _render_record(words, guess_year(article.title), article.title)
    if not article.candidates:
        st.warning(words.t("desk.no_figures"), icon="⚠️")
        return
    with st.expander(words.t("desk.highlighted"), key="desk-highlighted"):
        st.html(article_html(article.text, [candidate.text for candidate, _ in article.candidates]))
    article_key = hashlib.sha1(article.text.encode()).hexdigest()[:12]
    edited = _render_rows(words, proposed_rows(article, record, library.data), library, article_key)
    figures = accepted_figures(edited)
    data = library.data
    files = draft_files(article, record, data, data.keywords, data.domains, figures=figures)
    _render_verdict(words, verdict(files))
    _render_preview(words, preview_figures(figures, record))
    st.download_button(words.t("desk.download"), zipped(files, record.id), file_name=f"{record.id}.zip",
                       mime="application/zip", key="desk-download", on_click="ignore", icon="⬇️")


def _render_record(words: Wording, year: int | None, title: str) -> ReviewRecord:
    """The review's source record: what the article cannot say about itself."""
    with st.container(key="desk-record", horizontal=True, wrap=True, gap="medium"):
        review_id = st.text_input(words.t("desk.id"), key="desk-id", width=260, help=words.t("desk.id_help"))
        place = st.text_input(words.t("desk.place"), key="desk-place", width=160, placeholder=words.t("desk.example_place"))
        place_short = st.text_input(words.t("desk.place_short"), key="desk-place-short", width=160, placeholder=words.t("desk.example_place_short"))
        place_en = st.text_input(words.t("desk.place_en"), key="desk-place-en", width=160, placeholder=words.t("desk.example_place_en"))
        level = st.selectbox(words.t("desk.level"), ["", *PLACE_LEVELS], key="desk-level", width=160,
                             format_func=lambda value: words.t(f"desk.levels.{value or 'none'}"))
        chosen_year = st.number_input(words.t("desk.year"), key="desk-year", min_value=1949, max_value=2100,
                                      value=year, step=1, width=140)
        publisher = st.text_input(words.t("desk.publisher"), key="desk-publisher", width=200,
                                  placeholder=words.t("desk.example_publisher"))
        publisher_en = st.text_input(words.t("desk.publisher_en"), key="desk-publisher-en", width=200,
                                     placeholder=words.t("desk.example_publisher_en"))
        title_en = st.text_input(words.t("desk.title_en"), key="desk-title-en", width=420)
        date = st.date_input(words.t("desk.date"), key="desk-date", value=None, width=180,
                             min_value=dt.date(1949, 1, 1), max_value=dt.date(2100, 12, 31))
    plain_id = "-".join(re.findall(r"[A-Za-z0-9_]+", review_id))  # names files and links: plain characters only
    return ReviewRecord(id=plain_id or f"review-{chosen_year or 'draft'}", place=place.strip(),
                        place_short=place_short.strip(), place_en=place_en.strip(), level=level,
                        year=int(chosen_year) if chosen_year else None, publisher=publisher.strip(),
                        publisher_en=publisher_en.strip(), title=title, title_en=title_en.strip(), date=date)


def _render_rows(words: Wording, proposed: pd.DataFrame, library: Library, key: str) -> pd.DataFrame:
    """The editable table of candidates; returns every row with the person's edits. ``key`` names the
    article, so edits made to one article's rows never land on another's."""
    st.subheader(words.t("desk.rows_heading"))
    st.caption(words.t("desk.rows_caption"))
    domains = results.domain_labels(library, words)
    config = {
        "accept": st.column_config.CheckboxColumn(words.t("desk.col.accept"), width="small"),
        "value_text": st.column_config.TextColumn(words.t("desk.col.value_text")),
        "yoy_text": st.column_config.TextColumn(words.t("desk.col.yoy_text")),
        "label_zh": st.column_config.TextColumn(words.t("desk.col.label_zh")),
        "label_en": st.column_config.TextColumn(words.t("desk.col.label_en")),
        "domain": st.column_config.SelectboxColumn(words.t("desk.col.domain"), options=list(domains),
                                                   format_func=domains.__getitem__),
        "better": st.column_config.SelectboxColumn(words.t("desk.col.better"), options=list(BETTER_CHOICES),
                                                   format_func=lambda value: words.t(f"better.{value}")),
        "parent": st.column_config.TextColumn(words.t("desk.col.parent"), help=words.t("desk.col.parent_help")),
        "kind": st.column_config.SelectboxColumn(words.t("desk.col.kind"), options=list(KINDS),
                                                 format_func=lambda value: words.t(f"desk.kinds.{value}"),
                                                 help=words.t("desk.col.kind_help")),
        "source_quote": st.column_config.TextColumn(words.t("desk.col.sentence"), width="large"),
    }
    edited = st.data_editor(proposed[list(SHOWN)], key=f"desk-rows-{key}", hide_index=True, num_rows="fixed",
                            column_config=config, disabled=[column for column in SHOWN if column not in EDITABLE],
                            width="stretch")
    return proposed.assign(**{column: edited[column] for column in EDITABLE})


def _render_verdict(words: Wording, found) -> None:
    """The validator's verdict on the draft, live: valid, or every problem with its place."""
    st.subheader(words.t("desk.verdict_heading"))
    if not found.problems:
        st.success(words.t("desk.valid"), icon="✅")
        return
    st.warning(words.t("desk.problems", count=len(found.problems)), icon="⚠️")
    groups = grouped(found.problems)
    st.table(pd.DataFrame({  # st.table renders Markdown: data text in a message must stay text
        words.t("desk.col.where"): [escape_markdown(" · ".join(filter(None, (p.file, p.column)))) for p, _ in groups],
        words.t("desk.col.rows"): [row_ranges(rows) for _, rows in groups],
        words.t("data_error.problem"): [escape_markdown(message(p, words.catalog)) for p, _ in groups],
    }))


def _render_preview(words: Wording, rows: pd.DataFrame) -> None:
    """The KPI cards and the changes chart the dashboard would draw from the accepted rows."""
    st.subheader(words.t("desk.preview_heading"))
    if rows.empty:
        st.info(words.t("desk.nothing_accepted"), icon="ℹ️")
        return
    st.html(kpi_cards_html(kpi_cards(rows, words), words))
    changes = rows[rows["yoy_pct"].notna()]
    if not changes.empty:
        fig = build_changes_chart(changes, ChartContext(words, words.t("desk.preview_source")))
        plot(fig, "desk-preview-changes", {"displaylogo": False, "responsive": True})
