"""The one way the program writes a workbook: its cells and its file.

openpyxl turns any string that begins with `=` into a live formula and a string such as
`#REF!` into an error cell. A name, a note, a recipient or an office setting typed as
`=HYPERLINK(…)` would then run when another officer opens the file in Excel (OWASP's
"CSV injection"), and the export would no longer import back. Every value written here that
is text stays text: an explicit string cell, shown exactly as stored — never escaped with a
quote, never changed. (`+`, `-`, `@`, tab and carriage return at the start are formula
prefixes only for a spreadsheet that parses typed text; a string cell is not parsed.)

`Workbook` is the file side: where the sheets wait while the workbook is written.
"""

import contextlib
import datetime as dt
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, TYPE_STRING
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from ..core import files
from . import office_file
from .xlsx_stream import TEXT_FORMAT


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


class _Deflated:
    """A sheet's XML kept in memory, compressed as it is written (about a tenth of its size)."""

    def __init__(self) -> None:
        self._compressor = zlib.compressobj(1)
        self._parts: list[bytes] = []

    def write(self, data: bytes | str) -> int:
        if isinstance(data, str):
            data = data.encode("utf-8")
        self._parts.append(self._compressor.compress(data))
        return len(data)

    def flush(self) -> None:
        pass

    def chunks(self) -> Iterator[bytes]:
        self._parts.append(self._compressor.flush())
        decompressor = zlib.decompressobj()
        while self._parts:
            yield decompressor.decompress(self._parts.pop(0))
        yield decompressor.flush()


class _Beside:
    """A sheet's XML in a temporary file beside the target, written through Python (so a full
    disk is an OSError, not a serialiser's own error)."""

    def __init__(self, target: Path):
        self.path = files.temporary_beside(target)
        self._file = open(self.path, "wb")  # noqa: SIM115 - closed by `close`, whatever happens

    def write(self, data: bytes | str) -> int:
        return self._file.write(data.encode("utf-8") if isinstance(data, str) else data)

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        self._file.close()

    def remove(self) -> None:
        with contextlib.suppress(OSError):  # a full disk may refuse the last buffered bytes
            self._file.close()
        self.path.unlink(missing_ok=True)


class _StagedSheet(WriteOnlyWorksheet):
    """A streamed sheet whose rows go where its workbook stages them."""

    def _get_writer(self):
        if self._writer is None:
            self._writer = WorksheetWriter(self, out=self.parent.stage())
            self._writer.write_top()

    def abandon(self) -> None:
        """Ends openpyxl's row streams of a sheet that will not be saved, so that nothing tries
        to finish them later (at garbage collection, on a closed file, with a traceback)."""
        for stream in (self._rows, getattr(self._writer, "xf", None)):
            if stream is not None:
                with contextlib.suppress(Exception):
                    stream.close()


class _Writer(ExcelWriter):
    """openpyxl's package writer, taking each sheet's XML from where it was staged."""

    def write_worksheet(self, ws) -> None:
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        if not ws.closed:
            ws.close()
        writer = ws._writer
        ws._rels = writer._rels
        if isinstance(writer.out, _Deflated):
            with self._archive.open(ws.path[1:], "w", force_zip64=True) as member:
                for chunk in writer.out.chunks():
                    member.write(chunk)
        else:
            writer.out.close()
            self._archive.write(writer.out.path, ws.path[1:])
        self.manifest.append(ws)
        self.workbook.unstage(writer.out)


class Workbook(openpyxl.Workbook):
    """An openpyxl write-only workbook written to `target` by `write()`, atomically, never through the
    system's temporary folder: openpyxl stages each sheet's XML in a file under
    `tempfile.gettempdir()`; here a sheet is staged in a temporary file beside `target`, or
    — when `password` asks for encryption — compressed in memory, so that nothing unencrypted
    touches any disk. Used as a context manager, whatever was staged is removed on the way out.
    `stamp`: the workbook's time (its properties and parts) instead of the moment it is written.
    """

    def __init__(self, target: Path, password: str | None = None, stamp: dt.datetime | None = None):
        super().__init__(write_only=True)
        self.target, self.password, self.stamp = Path(target), password, stamp
        self._staged: list[_Deflated | _Beside] = []

    def create_sheet(self, title: str | None = None, index: int | None = None):
        sheet = _StagedSheet(parent=self, title=title)
        self._add_sheet(sheet=sheet, index=index)
        return sheet

    def stage(self) -> "_Deflated | _Beside":
        out = _Deflated() if self.password else _Beside(self.target)
        self._staged.append(out)
        return out

    def unstage(self, out: "_Deflated | _Beside") -> None:
        if out in self._staged:
            self._staged.remove(out)
        if isinstance(out, _Beside):
            out.remove()

    def write(self) -> None:
        """Writes the workbook to its target (encrypted when a password was given)."""
        try:
            office_file.save(self.target, self._package, self.password, stamp=self.stamp)
        finally:
            self.discard()

    def discard(self) -> None:
        for sheet in self._sheets:
            if isinstance(sheet, _StagedSheet) and not sheet.closed:
                sheet.abandon()
        for out in list(self._staged):
            self.unstage(out)

    def __enter__(self) -> "Workbook":
        return self

    def __exit__(self, _kind, error, _traceback) -> None:
        self.discard()
        if isinstance(error, OSError):  # a full disk while the rows were being staged
            raise files.os_error(error, self.target) from None

    def _package(self, sink) -> None:
        if not self.worksheets:
            self.create_sheet()
        self.properties.modified = self.stamp or dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
        if self.stamp is not None:
            self.properties.created = self.stamp
        archive = zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        try:
            _Writer(self, archive).write_data()
        except BaseException:
            with contextlib.suppress(Exception):  # the half-written package is thrown away anyway
                archive.close()
            raise
        archive.close()

