"""The meeting pack's file formats: one entry each, which the page's menu loops over.

Adding a format is one entry here plus its builder (``Pack -> bytes``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from components.exports.at_a_glance import estimated_parts, glance_file, glance_pictures
from components.exports.csv_file import csv_bytes, export_frame
from components.exports.deck import deck_bytes
from components.exports.images import charts_to_png, chromium_path, page_to_png
from components.exports.pack import Pack
from components.exports.report import report_html
from components.exports.workbook import workbook_bytes


@dataclass(frozen=True)
class Export:
    """One downloadable file: how it is built, its extension and MIME type, the catalog key of its
    file name, and whether this machine can build it now. ``split`` says, before the file is built,
    when a view's file is a zip of parts instead (a tall long image)."""

    build: Callable[[Pack], bytes]
    extension: str
    mime: str
    file_name_key: str = "pack.file_name"
    available: Callable[[], bool] = lambda: True
    split: Callable[[Pack], bool] = lambda pack: False

    def file_type(self, pack: Pack) -> tuple[str, str]:
        """(extension, MIME type) of the view's file."""
        return ("zip", "application/zip") if self.available() and self.split(pack) else (self.extension, self.mime)


def _glance(pack: Pack) -> bytes:
    stem = pack.words.file_name("pack.glance_name", pack.source, extension="png").removesuffix(".png")
    return glance_file(glance_pictures(pack, page_to_png), stem)


def _csv(pack: Pack) -> bytes:
    words = pack.words
    return csv_bytes(
        export_frame(pack.shown, words, words.source_line(pack.source), words.domain_labels(pack.data.domains))
    )


EXPORTS: dict[str, Export] = {  # in menu order; each kind's label is the catalog's pack.<kind>
    "pptx": Export(
        lambda pack: deck_bytes(pack, charts_to_png),
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        available=lambda: chromium_path() is not None,
    ),
    "html": Export(lambda pack: report_html(pack).encode("utf-8"), "html", "text/html"),
    "xlsx": Export(workbook_bytes, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "csv": Export(_csv, "csv", "text/csv", file_name_key="table.file_name"),
    "png": Export(
        _glance,
        "png",
        "image/png",
        file_name_key="pack.glance_name",
        available=lambda: chromium_path() is not None,
        split=lambda pack: estimated_parts(pack) > 1,
    ),
}
