"""Document tables as an Excel workbook: the document's title lines above a table styled like
every export (bold frozen header row, autofilter, fitting widths, dates as date cells shown
dd/mm/yyyy, A4 fitted to width with the header row repeated and page numbers), streamed in
write-only mode, encrypted when a password is given."""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..xlsx_writer import DATE_FORMAT, HEADER_FILL, HEADER_FONT, TEXT_FORMAT, _check_target, _save
from .layout import nfc
from .tables import TOTAL, Column

TITLE_FONT = Font(name="Times New Roman", bold=True, size=14)
LINE_FONT = Font(name="Times New Roman", italic=True)
BODY_FONT = Font(name="Times New Roman")
TOTAL_FONT = Font(name="Times New Roman", bold=True)


@dataclass
class Sheet:
    name: str
    heading: Sequence[str]  # the title, then lines in italics (period, decision …)
    columns: Sequence[Column]
    records: Iterable[Mapping[str, Any]]
    wide: bool = False
    notes: Sequence[str] = field(default_factory=tuple)  # lines below the table


def write(target: Path, sheets: Sequence[Sheet], password: str | None = None) -> int:
    """Writes the sheets; returns the number of table rows written in all."""
    _check_target(Path(target))
    workbook = openpyxl.Workbook(write_only=True)
    count = 0
    for spec in sheets:
        count += _sheet(workbook.create_sheet(spec.name[:31]), spec)
    _save(workbook, Path(target), password)
    return count


def _sheet(sheet, spec: Sheet) -> int:
    header_row = len(spec.heading) + 2
    width = len(spec.columns)
    last = get_column_letter(width)
    for index, column in enumerate(spec.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.excel_width or 14
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if spec.wide else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.center.text = "Trang &P / &N"
    for number, text in enumerate(spec.heading):
        sheet.append([_styled(sheet, nfc(text), TITLE_FONT if number == 0 else LINE_FONT)])
    sheet.append([])
    sheet.append([_header(sheet, column.label) for column in spec.columns])
    texted = {index for index, column in enumerate(spec.columns)
              if column.field is not None and column.field.text_only}
    count = 0
    for record in spec.records:
        font = TOTAL_FONT if record.get(TOTAL) else BODY_FONT
        sheet.append([_cell(sheet, column.cell(record), font, index in texted)
                      for index, column in enumerate(spec.columns)])
        count += 1
    sheet.auto_filter.ref = f"A{header_row}:{last}{header_row + count}"
    if spec.notes:
        sheet.append([])
        for text in spec.notes:
            sheet.append([_styled(sheet, nfc(text), LINE_FONT)])
    return count


def _styled(sheet, value: object, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = font
    return cell


def _header(sheet, label: str) -> WriteOnlyCell:
    cell = _styled(sheet, label, HEADER_FONT)
    cell.fill = HEADER_FILL
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return cell


def _cell(sheet, value: object, font: Font, as_text: bool) -> WriteOnlyCell:
    cell = _styled(sheet, nfc(value) if isinstance(value, str) else value, font)
    if isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    elif as_text and value is not None:
        cell.number_format = TEXT_FORMAT
    cell.alignment = Alignment(vertical="top", wrap_text=True)
    return cell
