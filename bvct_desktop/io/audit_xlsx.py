"""The audit trail as a workbook (Quản trị › Nhật ký › Xuất Excel), written atomically and laid out as
the register exports are (io/xlsx_writer): A4 landscape fitted to the page's width, the header row
frozen and repeated, a text longer than its column («Chi tiết», a register's long title, an action
naming it) wrapped in a row as tall as its lines (LibreOffice sizes none), «Số» and «Bản ghi» numbers
and «Thời gian» a date-time cell (the trail sorts as it happened). Details longer than an Excel cell holds
(an edit of a 32,767-character text) go on, whole, in the next cells under «Chi tiết (tiếp)». The
export's permission and its own audit entry are the core's (`audit.export`)."""

from collections.abc import Iterable
from pathlib import Path

from openpyxl.styles import Font

from ..core import audit, audit_words
from ..core.fields import LONG_TEXT, excel_length
from ..core.files import check_target
from . import xlsx_stream, xlsx_writer
from .documents.workbook import LINE_HEIGHT, TALLEST_ROW, column_points, wrapped

TITLE = "Nhật ký"
WIDTHS = (8, 20, 16, 14, 30, 13, 22, 9, 60)
TIME_FORMAT = "DD/MM/YYYY HH:MM:SS"
SIZE = 11
RECORD = audit.LIST_HEADERS.index("Bản ghi")  # the record's number, a number cell
DETAILS_FONT = Font(name=xlsx_writer.HEADER_FONT_NAME, size=SIZE)  # as measured for the row's height
MORE_DETAILS = "Chi tiết (tiếp)"


def cell_pieces(text: str) -> list[str]:
    """`text` in consecutive pieces of at most LONG_TEXT units each as Excel counts them (`excel_length`), cut
    between characters."""
    pieces, start, units = [], 0, 0
    for at, character in enumerate(text):
        size = excel_length(character)
        if units + size > LONG_TEXT:
            pieces.append(text[start:at])
            start, units = at, 0
        units += size
    return [*pieces, text[start:]]


def write_audit(entries: Iterable[audit.Entry], target: Path, password: str | None = None) -> int:
    """Writes `entries` to the workbook `target` (encrypted with `password` when given); returns how many."""
    check_target(target, xlsx_writer.XLSX)
    points = [column_points(width) for width in WIDTHS]
    written = 0

    def fill(book) -> None:
        nonlocal written
        sheet = xlsx_stream.StreamedSheet(book, TITLE)
        header = xlsx_writer.header_format(book)
        sheet.row(0, list(audit.LIST_HEADERS), [header] * len(WIDTHS))
        body = {"font_name": DETAILS_FONT.name, "font_size": SIZE, "valign": "top"}
        text = book.add_format({**body, "text_wrap": True})
        formats = [book.add_format({**body, "align": "center"}),
                   book.add_format({**body, "num_format": TIME_FORMAT, "align": "left"}),
                   *[text] * (len(WIDTHS) - 4), book.add_format({**body, "align": "center"}), text]
        columns = len(WIDTHS)
        for written, entry in enumerate(entries, start=1):  # noqa: B007 - the count is the last row's
            *cells, details = [entry.id, entry.at, *audit_words.cells(entry)[2:]]
            cells = [*cells, *cell_pieces(details)]
            cells[RECORD] = entry.record_id
            for column in range(columns, len(cells)):
                sheet.sheet.write_string(0, column, MORE_DETAILS, header)
            columns = max(columns, len(cells))
            lines = max(len(wrapped(cell, DETAILS_FONT, width)) for cell, width in zip(cells, points, strict=False)
                        if isinstance(cell, str))
            if lines > 1:
                sheet.sheet.set_row(written, min(TALLEST_ROW, lines * SIZE * LINE_HEIGHT))
            sheet.row(written, cells, formats + [text] * (len(cells) - len(formats)))
        more = columns - len(WIDTHS)
        xlsx_writer.print_setup(sheet.sheet, TITLE, WIDTHS + WIDTHS[-1:] * more, formats + [text] * more,
                                landscape=True)
        sheet.sheet.autofilter(0, 0, written, columns - 1)

    xlsx_stream.streamed(Path(target), fill, password)
    return written
