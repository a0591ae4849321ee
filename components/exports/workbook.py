"""The meeting pack's Excel workbook: the shown figures with their quotes (numbers as numbers), the
derived values on a sheet of their own, the practices, and the source. Text is neutralised."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from components.charts.base import text_width
from components.data.records import rows_of
from components.exports.csv_file import compare_frame, derived_frame, neutralise, reported_frame
from components.exports.pack import Pack

MAX_WIDTH = 60  # characters; longer text (the quotes) wraps inside the cell


def workbook_bytes(pack: Pack) -> bytes:
    """The .xlsx file."""
    words, data = pack.words, pack.data
    source_line = words.source_line(pack.source)
    labels = words.domain_labels(data.domains)
    book = Workbook()
    _sheet(book.active, words.t("pack.sheet_figures"), reported_frame(pack.shown, words, source_line, labels))
    derived = book.create_sheet()
    derived.append([words.t("pack.derived_note")])
    derived["A1"].font = Font(italic=True)
    _sheet(derived, words.t("pack.sheet_derived"), derived_frame(pack.shown, words), first_row=2)
    if not pack.comparison.empty:
        _sheet(book.create_sheet(), words.t("pack.sheet_compare"), compare_frame(pack.comparison, data, words))
    groups = pack.practice_groups()
    if groups:
        practices = pd.concat([rows for _, rows in groups])
        _sheet(book.create_sheet(), words.t("pack.sheet_practices"), _practices_frame(pack, practices))
    _sheet(book.create_sheet(), words.t("pack.sheet_source"), _source_frame(pack))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet(sheet, title: str, frame: pd.DataFrame, first_row: int = 1) -> None:
    """Write ``frame`` with a bold header; numbers stay numbers, text is neutralised and never a formula."""
    sheet.title = title
    for number, name in enumerate(frame.columns, start=1):
        sheet.cell(first_row, number, name)
    for cell in sheet[first_row]:
        cell.font = Font(bold=True)
    for values in frame.itertuples(index=False):
        sheet.append([None if _missing(value) else _value(value) for value in values])
    for cell in (cell for row in sheet.iter_rows(min_row=first_row + 1) for cell in row):
        if isinstance(cell.value, str):
            cell.data_type = "s"  # text that looks like a formula stays text
    for number, column in enumerate(frame.columns, start=1):
        texts = [str(column)] + [str(value) for value in frame.iloc[:, number - 1] if not _missing(value)]
        widest = max(text_width(text) for text in texts) * 2 + 2  # a CJK character is two columns wide
        sheet.column_dimensions[get_column_letter(number)].width = min(widest, MAX_WIDTH)
        if widest > MAX_WIDTH:
            for (cell,) in sheet.iter_rows(min_row=first_row + 1, min_col=number, max_col=number):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = sheet.cell(first_row + 1, 1)


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def _value(value):
    """Plain Python numbers for numbers (openpyxl writes them as numbers), neutralised text otherwise."""
    if isinstance(value, str):
        return neutralise(value)
    return value.item() if hasattr(value, "item") else value


def _practices_frame(pack: Pack, practices: pd.DataFrame) -> pd.DataFrame:
    words, data = pack.words, pack.data
    places = data.places.set_index("id")
    sections = data.sections[data.sections["source_id"] == pack.source.id].set_index("id")
    return pd.DataFrame(
        {
            words.t("pack.col_place"): [words.name(places.loc[place]) for place in practices["place"]],
            words.t("pack.col_practice"): [words.name(row) for row in rows_of(practices)],
            words.t("pack.col_section"): [words.label(sections.loc[section]) for section in practices["section"]],
            words.t("pack.col_domains"): [
                words.t("practices.domain_separator").join(words.domain(data.domains, d) for d in domains)
                for domains in practices["domains"]
            ],
            words.t("table.csv.quote"): practices["quote"].tolist(),
            words.t("table.csv.quote_translation"): practices["quote_en"].tolist(),
        }
    )


def _source_frame(pack: Pack) -> pd.DataFrame:
    words, source = pack.words, pack.source
    english = words.catalog.language == "en"
    rows = [
        ("pack.source_publisher", source.publisher_en if english else source.publisher),
        ("pack.source_title", source.title_en if english else source.title),
        ("pack.source_date", words.numbers.date(source.date)),
        ("pack.source_authors", words.t("app.author_separator").join(source.authors_en if english else source.authors)),
        ("pack.source_view", pack.view_line()),
        ("pack.source_note", words.t("footer.derived")),
    ]
    return pd.DataFrame(
        {
            words.t("pack.source_field"): [words.t(key) for key, _ in rows],
            words.t("pack.source_value"): [value for _, value in rows],
        }
    )
