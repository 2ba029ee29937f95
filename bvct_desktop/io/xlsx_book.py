"""The one way the program puts values into a workbook it writes.

openpyxl turns any string that begins with `=` into a live formula and a string such as
`#REF!` into an error cell. A name, a note, a recipient or an office setting typed as
`=HYPERLINK(…)` would then run when another officer opens the file in Excel (OWASP's
"CSV injection"), and the export would no longer import back. Every value written here that
is text stays text: an explicit string cell, shown exactly as stored — never escaped with a
quote, never changed. (`+`, `-`, `@`, tab and carriage return at the start are formula
prefixes only for a spreadsheet that parses typed text; a string cell is not parsed.)
"""

from collections.abc import Iterable
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, TYPE_STRING

TEXT_FORMAT = "@"


def becomes_other_than_text(value: object) -> bool:
    """True for a string openpyxl would write as a formula or an error, not as text."""
    return isinstance(value, str) and (value[:1] == "=" and len(value) > 1 or value in ERROR_CODES)


def cell(sheet, value: Any, *, font=None, fill=None, alignment=None, border=None, number_format: str | None = None,
         text: bool = False) -> WriteOnlyCell:
    """A write-only cell holding `value`; a string is always a string cell. `text` also shows
    it as text in Excel (format "@", for identity numbers and slip numbers)."""
    made = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        made.data_type = TYPE_STRING
    if font is not None:
        made.font = font
    if fill is not None:
        made.fill = fill
    if alignment is not None:
        made.alignment = alignment
    if border is not None:
        made.border = border
    if text and value is not None:
        made.number_format = TEXT_FORMAT
    elif number_format is not None:
        made.number_format = number_format
    return made


def row(sheet, values: Iterable[Any]) -> list[Any]:
    """`values` ready for `sheet.append`: strings that openpyxl would not keep as text become
    string cells; everything else is left as it is (the fast path of write-only mode)."""
    return [cell(sheet, value) if becomes_other_than_text(value) else value for value in values]


def put(sheet, row_number: int, column: int, value: Any):
    """Sets a cell of an ordinary (not write-only) sheet; a string stays a string."""
    target = sheet.cell(row=row_number, column=column, value=value)
    if isinstance(value, str):
        target.data_type = TYPE_STRING
    return target


def append(sheet, values: Iterable[Any]) -> None:
    """Appends a row to an ordinary (not write-only) sheet; strings stay strings."""
    values = list(values)
    sheet.append(values)
    number = sheet.max_row
    for column, value in enumerate(values, start=1):
        if becomes_other_than_text(value):
            sheet.cell(row=number, column=column).data_type = TYPE_STRING
