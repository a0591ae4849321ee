"""The data desk page (资料台, /desk): paste a review article, confirm every figure found in it, and
download the data folder once the validator accepts it; upload that zip later to continue where the
work stopped. Nothing is written on the server."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pandas as pd
import streamlit as st

from components import results
from components.charts.base import ChartContext, plotly_config
from components.charts.registry import build_chart
from components.context import Library
from components.data.loader import data_dir_from_env
from components.data.records import DataError
from components.data.schema import BETTER_CHOICES, PLACE_LEVELS
from components.html.kpis import kpi_cards, kpi_cards_html
from components.html.narrative import article_html
from components.html.render import render
from components.ingest.candidates import read_article
from components.ingest.desk import (
    EDITABLE,
    KINDS,
    SHOWN,
    Preview,
    Verdict,
    accepted_figures,
    figure_names,
    grouped,
    preview,
    proposed_rows,
    row_ranges,
    sentence_pieces,
    verdict,
    zipped,
)
from components.ingest.draft import LeftOut, ReviewRecord, draft_files, guess_year
from components.ingest.reading import ArticleError, checked_text
from components.ingest.resume import ResumeError, Saved, read_saved, with_saved_edits
from components.text.library_status import english_status
from components.text.problems import message
from components.text.wording import Wording, wording
from components.ui import style
from components.ui.chart_section import plot
from components.ui.errors import render_data_error
from components.ui.language import render_language_picker, resolve_language
from components.ui.text import escape_markdown

RESUME_KEY, SAVED_KEY, NOTE_KEY = "desk-resume", "desk-saved", "desk-resume-note"
# The record's boxes by key, with the ReviewRecord field each shows (authors: one box, 、 between names).
RECORD_BOXES = {
    "desk-id": "id",
    "desk-place": "place",
    "desk-place-short": "place_short",
    "desk-place-en": "place_en",
    "desk-level": "level",
    "desk-year": "year",
    "desk-publisher": "publisher",
    "desk-publisher-en": "publisher_en",
    "desk-title-en": "title_en",
    "desk-date": "date",
    "desk-authors": "authors",
    "desk-url": "url",
}
AUTHOR_SEPARATORS = re.compile(r"[、,,;;\n]")
# A choice the extractor could not make, shown as "(待选)" until the person makes it: the grid shows
# an empty choice as "None", so the editor holds this instead of "" and gives "" back.
UNCHOSEN = "?"
CHOICES = ("domain", "better")


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
    _render_resume(words)
    text = st.text_area(
        words.t("desk.article"), key="desk-article", height=220, placeholder=words.t("desk.article_placeholder")
    )
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
    proposed, left_out = proposed_rows(article, record, library.data)
    edited = _render_rows(words, *_as_saved(words, proposed, article.text), library)
    _render_left_out(words, left_out)
    data = library.data
    figures = accepted_figures(edited, results.library_metrics(library))
    files = draft_files(article, record, data, data.keywords, data.domains, figures=figures)
    found = verdict(files)
    _render_verdict(words, found, figures)
    _render_preview(words, preview(found, files, figures, record))
    st.download_button(
        words.t("desk.download"),
        zipped(files, record.id),
        file_name=f"{record.id}.zip",
        mime="application/zip",
        key="desk-download",
        on_click="ignore",
        icon="⬇️",
    )


def _render_resume(words: Wording) -> None:
    """The one upload of the app: a zip this page downloaded, to continue from; what it restored or
    why it was refused is said under it."""
    st.file_uploader(
        words.t("desk.resume.label"), type="zip", key=RESUME_KEY, on_change=_resume, help=words.t("desk.resume.help")
    )
    note = st.session_state.get(NOTE_KEY)
    if note is None:
        return
    kind, key, params = note
    text = escape_markdown(words.t(key, **params))
    if kind == "done":
        st.success(text, icon=":material/check_circle:")
    else:
        st.error(text, icon="⚠️")


def _resume() -> None:
    """On upload, before the page is drawn: the zip's article, record and rows fill the page's boxes."""
    upload = st.session_state.get(RESUME_KEY)
    st.session_state.pop(NOTE_KEY, None)
    if upload is None:
        return
    try:
        saved = read_saved(upload.getvalue())
    except ResumeError as error:
        st.session_state[NOTE_KEY] = ("error", error.key, error.params)
        return
    st.session_state.update({key: _box_value(saved, field) for key, field in RECORD_BOXES.items()})
    st.session_state["desk-article"] = saved.article
    st.session_state[SAVED_KEY] = (saved, st.session_state.get(SAVED_KEY, (None, 0))[1] + 1)
    st.session_state[NOTE_KEY] = ("done", "desk.resume.done", {"name": upload.name, "rows": len(saved.figures)})


def _box_value(saved: Saved, field: str):
    value = getattr(saved.record, field)
    return "、".join(value) if field == "authors" else value


def _as_saved(words: Wording, proposed: pd.DataFrame, article: str) -> tuple[pd.DataFrame, str]:
    """The proposed rows as the zip restored last left them, when it holds this article, and the key
    of their table: one per article, so edits never land on another article's rows, and a fresh one
    after each restore, so the table starts from the zip's rows."""
    key = "desk-rows-" + hashlib.sha1(article.encode()).hexdigest()[:12]
    saved, restores = st.session_state.get(SAVED_KEY, (None, 0))
    if saved is None or saved.article != article or proposed.empty:
        return proposed, key
    rows, unmatched = with_saved_edits(proposed, saved.figures)
    if unmatched:
        st.warning(words.t("desk.resume.unmatched", count=unmatched), icon="⚠️")
    return rows, f"{key}-{restores}"


def _render_record(words: Wording, year: int | None, title: str) -> ReviewRecord:
    """The review's source record: what the article cannot say about itself. English may follow later."""
    with st.container(key="desk-record", horizontal=True, wrap=True, gap="medium"):
        review_id = st.text_input(words.t("desk.id"), key="desk-id", width=260, help=words.t("desk.id_help"))
        place = st.text_input(
            words.t("desk.place"), key="desk-place", width=160, placeholder=words.t("desk.example_place")
        )
        place_short = st.text_input(
            words.t("desk.place_short"),
            key="desk-place-short",
            width=160,
            placeholder=words.t("desk.example_place_short"),
        )
        place_en = st.text_input(
            words.t("desk.place_en"), key="desk-place-en", width=160, placeholder=words.t("desk.example_place_en")
        )
        level = st.selectbox(
            words.t("desk.level"),
            ["", *PLACE_LEVELS],
            key="desk-level",
            width=160,
            format_func=lambda value: words.t(f"desk.levels.{value or 'none'}"),
        )
        chosen_year = st.number_input(
            words.t("desk.year"), key="desk-year", min_value=1949, max_value=2100, value=year, step=1, width=140
        )
        publisher = st.text_input(
            words.t("desk.publisher"), key="desk-publisher", width=200, placeholder=words.t("desk.example_publisher")
        )
        publisher_en = st.text_input(
            words.t("desk.publisher_en"),
            key="desk-publisher-en",
            width=200,
            placeholder=words.t("desk.example_publisher_en"),
        )
        title_en = st.text_input(words.t("desk.title_en"), key="desk-title-en", width=420)
        date = st.date_input(
            words.t("desk.date"),
            key="desk-date",
            value=None,
            width=180,
            min_value=dt.date(1949, 1, 1),
            max_value=dt.date(2100, 12, 31),
        )
        authors = st.text_input(
            words.t("desk.authors"),
            key="desk-authors",
            width=320,
            placeholder=words.t("desk.example_authors"),
            help=words.t("desk.authors_help"),
        )
        url = st.text_input(words.t("desk.url"), key="desk-url", width=420, placeholder="https://")
    plain_id = "-".join(re.findall(r"[A-Za-z0-9_]+", review_id))  # names files and links: plain characters only
    return ReviewRecord(
        id=plain_id or f"review-{chosen_year or 'draft'}",
        place=place.strip(),
        place_short=place_short.strip(),
        place_en=place_en.strip(),
        level=level,
        year=int(chosen_year) if chosen_year else None,
        publisher=publisher.strip(),
        publisher_en=publisher_en.strip(),
        title=title,
        title_en=title_en.strip(),
        date=date,
        authors=tuple(filter(None, map(str.strip, AUTHOR_SEPARATORS.split(authors)))),
        url=url.strip(),
    )


def _render_rows(words: Wording, proposed: pd.DataFrame, key: str, library: Library) -> pd.DataFrame:
    """The editable table of candidates under ``key``; returns every row with the person's edits."""
    st.subheader(words.t("desk.rows_heading"))
    st.caption(words.t("desk.rows_caption"))
    domains = results.domain_labels(library, words)
    unset = words.t("desk.unset")
    config = {
        "accept": st.column_config.CheckboxColumn(words.t("desk.col.accept"), width="small"),
        "value_text": st.column_config.TextColumn(words.t("desk.col.value_text")),
        "yoy_text": st.column_config.TextColumn(words.t("desk.col.yoy_text")),
        "label_zh": st.column_config.TextColumn(words.t("desk.col.label_zh")),
        "label_en": st.column_config.TextColumn(words.t("desk.col.label_en")),
        "domain": st.column_config.SelectboxColumn(
            words.t("desk.col.domain"),
            options=[UNCHOSEN, *domains],
            format_func=lambda value: domains.get(value, unset),
        ),
        "better": st.column_config.SelectboxColumn(
            words.t("desk.col.better"),
            options=[UNCHOSEN, *BETTER_CHOICES],
            format_func=lambda value: unset if value == UNCHOSEN else words.t(f"better.{value}"),
        ),
        "parent": st.column_config.TextColumn(words.t("desk.col.parent"), help=words.t("desk.col.parent_help")),
        "kind": st.column_config.SelectboxColumn(
            words.t("desk.col.kind"),
            options=list(KINDS),
            format_func=lambda value: words.t(f"desk.kinds.{value}"),
            help=words.t("desk.col.kind_help"),
        ),
        "source_quote": st.column_config.TextColumn(words.t("desk.col.sentence"), width="large"),
    }
    edited = st.data_editor(
        proposed[list(SHOWN)].replace({column: {"": UNCHOSEN, None: UNCHOSEN} for column in CHOICES}),
        key=key,
        hide_index=True,
        num_rows="fixed",
        column_config=config,
        disabled=[column for column in SHOWN if column not in EDITABLE],
        width="stretch",
    )
    return proposed.assign(**{column: edited[column] for column in EDITABLE}).replace(
        {column: {UNCHOSEN: ""} for column in CHOICES}
    )


def _render_left_out(words: Wording, left_out: list[LeftOut]) -> None:
    """The candidates that are not rows, each with its reason, its text and its sentence."""
    if not left_out:
        return
    items = [
        {
            "text": item.text,
            "reason": words.t(f"ingest.reason.{item.reason}", detail=item.detail),
            "pieces": sentence_pieces(item.text, item.sentence),
        }
        for item in left_out
    ]
    st.html(render("desk_left_out.html.j2", heading=words.t("desk.left_out", count=len(left_out)), items=items))


def _render_verdict(words: Wording, found: Verdict, figures: list[dict[str, str]]) -> None:
    """The validator's verdict on the draft, live: valid with its English status, or every problem
    with its place and, in figures.csv, the names of the figures it is on."""
    st.subheader(words.t("desk.verdict_heading"))
    if not found.problems:
        st.success(words.t("desk.valid"), icon=":material/check_circle:")
        st.info(escape_markdown(english_status(found.dataset, words.catalog)), icon=":material/translate:")
        return
    st.warning(words.t("desk.problems", count=len(found.problems)), icon="⚠️")
    groups = grouped(found.problems)
    st.table(
        pd.DataFrame(
            {  # st.table renders Markdown: data text in a message must stay text
                words.t("desk.col.where"): [
                    escape_markdown(" · ".join(filter(None, (p.file, p.column)))) for p, _ in groups
                ],
                words.t("desk.col.rows"): [row_ranges(rows) for _, rows in groups],
                words.t("desk.col.figures"): [
                    escape_markdown(figure_names(p.file, rows, figures)) for p, rows in groups
                ],
                words.t("data_error.problem"): [escape_markdown(message(p, words.catalog)) for p, _ in groups],
            }
        )
    )


def _render_preview(words: Wording, shown: Preview) -> None:
    """The page the review will get: its KPI cards and every chart the draft declares."""
    st.subheader(words.t("desk.preview_heading"))
    if shown.figures.empty:
        st.info(words.t("desk.nothing_accepted"), icon="ℹ️")
        return
    st.caption(words.t("desk.preview_caption", count=len(shown.charts)))
    st.html(kpi_cards_html(kpi_cards(shown.figures, words), words))
    line = words.source_line(shown.source, short=True) if shown.source else words.t("desk.preview_source")
    ctx = ChartContext.sized(words, line, False)
    for chart, rows in shown.charts:
        with st.container(key=f"chart-desk-{chart.id}"):  # chart-*: checked in the browser as the page's
            plot(build_chart(chart, rows, ctx), f"desk-preview-{chart.id}", plotly_config(chart.id))
