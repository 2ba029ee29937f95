"""Workbooks XlsxWriter writes: the register exports and the import templates.

The rule of io/xlsx_book holds here too: a string is always a string cell (`write_string`, never
parsed as a formula, a number or a link), so text stays text. XlsxWriter is loaded only when a
workbook is written, and loads in a third of openpyxl's time: `bvct template` starts at once.
"""

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import office_file

TEXT_FORMAT = "@"  # Excel's text format: what is typed in the cell stays text


class StreamedSheet:
    """A worksheet XlsxWriter writes row by row: a string is always a string cell (`write_string`,
    never parsed), a date a date cell in the format given, a number a number."""

    def __init__(self, book, title: str):
        self.book = book
        self.sheet = book.add_worksheet(title)
        self._written = {str: self.sheet.write_string, bool: self.sheet.write_boolean}

    def row(self, number: int, values: list[Any], formats: list[Any] | None = None) -> None:
        """Writes `values` in row `number` (0-based), each cell in its column's format (or None)."""
        written = self._written
        formats = formats or [None] * len(values)
        for column, value in enumerate(values):
            if value is None:
                continue
            kind = value.__class__
            if kind in written:
                written[kind](number, column, value, formats[column])
            elif isinstance(value, dt.date):
                self.sheet.write_datetime(number, column, value, formats[column])
            elif isinstance(value, str):  # a str subclass
                self.sheet.write_string(number, column, value, formats[column])
            else:
                self.sheet.write_number(number, column, value, formats[column])


def streamed(target: Path, fill: Callable[[Any], None], password: str | None = None) -> None:
    """Writes a workbook that `fill(book)` builds with XlsxWriter to `target` atomically (encrypted
    when a password is given).

    XlsxWriter holds the sheet in memory (about 150 bytes a cell) and zips it in memory: nothing
    but the finished file — ciphertext when encrypted — touches a disk, and a full disk is told
    cleanly. (Its constant-memory mode stages rows and parts in files and leaves its zip open when
    the disk fills.)
    """
    import xlsxwriter

    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
               "strings_to_urls": False}

    def package(sink) -> None:
        book = xlsxwriter.Workbook(sink, options)
        fill(book)
        book.close()

    office_file.save(Path(target), package, password, in_memory=True)
