"""Reading the sheet of an import workbook, fast, and telling bad and hostile files apart.

The sheet read is the first one an officer sees in Excel: the first visible worksheet (a
hidden sheet before it is skipped and named). A child process (`sheet_process`) surveys it
(`sheet_xml`: the range its values reach against the limits, formulas with no cached value,
cells showing an error, dates shown without their day, areas merged down) and only then reads its
values with python-calamine (Rust; about 11× openpyxl's read-only mode): a workbook that makes the
reader abort takes only that process down. The reader gives a merged area's value in its top-left
cell only: each row the area covers is given it here, as the officer sees it in Excel. A large file
is read by one child per core, each a part of the rows. The caller may go on meanwhile
(`start_reading`): `bvct import` unlocks the database while the sheet is read.

Calamine gives no styles, so `column_fonts` reads the cell styles of just the columns asked for
(one more pass over the XML, and the workbook's style table): the legacy-encoding converter
needs fonts only where text looks like TCVN3/VNI. A caller waiting for the child with nothing
else to do may have them read meanwhile (`PendingSheet.read_styles_ahead`).
"""

import itertools
import zipfile
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import InputError, folder_given, os_reason
from . import sheet_process, sheet_xml

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DEFAULT_COLUMNS = 30        # a caller that does not say how many columns it expects
_READER_FAILED = {
    sheet_process.PASSWORD: "Tệp «{}» được bảo vệ bằng mật khẩu; hãy bỏ mật khẩu rồi nhập lại.",
    sheet_process.NO_MEMORY: "Tệp «{}» quá lớn để đọc trên máy này; hãy chia thành nhiều tệp nhỏ hơn.",
    sheet_process.DAMAGED: "Tệp «{}» bị hỏng, không đọc được nội dung bảng tính.",
    "aborted": "Tệp «{}» bị hỏng hoặc có cấu trúc bất thường: trình đọc bảng tính đã dừng, không đọc được.",
}


@dataclass
class Sheet:
    path: Path
    columns: list[list[object]] = field(kw_only=True)  # by column (all of one length), columns[c][0] in row 1
    name: str = ""
    formula_without_value: set[tuple[int, int]] = field(default_factory=set)  # (row, col), 1-based
    hidden_skipped: list[str] = field(default_factory=list)  # hidden sheets before this one
    sheets: int = 1                       # worksheets in the workbook
    member: str = ""
    styles_member: str | None = None
    styles_ahead: "StylesAhead | None" = None  # read while the child read the values
    error_cells: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) → the error shown: #N/A
    dates_shown: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) → mm/yyyy or yyyy
    merged_filled: int = 0  # cells given the value of the area merged over them
    numbers_shown: dict[tuple[int, int], sheet_xml.NumberForm] = field(default_factory=dict)  # text around
    hidden_rows: set[int] = field(default_factory=set)  # rows hidden in Excel
    not_read: list[str] = field(default_factory=list)  # the visible sheets after this one
    open_in_excel: bool = False  # Excel's lock file «~$name» was beside it
    hidden_columns: set[int] = field(default_factory=set)  # columns hidden in Excel, 1-based

    @classmethod
    def of_rows(cls, path: Path, rows: list[list[object]], **facts) -> "Sheet":
        """A sheet of `rows` (rows[0] is Excel row 1; a short row's missing cells are None)."""
        return cls(path, columns=[list(column) for column in itertools.zip_longest(*rows)], **facts)

    @property
    def rows(self) -> list[list[object]]:
        """The cells by row, rows[0] is Excel row 1, made anew from the columns (which an import
        reads, and the converter rewrites)."""
        return list(map(list, zip(*self.columns, strict=True)))

    @property
    def height(self) -> int:
        """How many rows the sheet has (to its last row with a value)."""
        return len(self.columns[0]) if self.columns else 0

    def row(self, number: int) -> list[object]:
        """The cells of Excel row `number` (1 is the headers')."""
        return [column[number - 1] for column in self.columns]

    @property
    def described(self) -> str:
        """Which sheet was read, when the workbook has more than one, and that Excel has it open."""
        told = []
        if self.sheets > 1:
            text = f"Đọc trang tính «{self.name}»"
            if self.hidden_skipped:
                text += f" (bỏ qua trang ẩn {_names(self.hidden_skipped)})"
            if self.not_read:
                text += (f"; không đọc các trang sau: {_names(self.not_read)} (mỗi lần nhập một trang: trang cần "
                         "nhập phải đứng đầu)")
            told.append(text + ".")
        if self.open_in_excel:
            told.append(f"Tệp «{self.path.name}» đang mở trong Excel: chỉ đọc được những gì đã lưu; nếu vừa sửa tệp, "
                        "hãy bấm Lưu trong Excel rồi nhập lại.")
        return " ".join(told)

    def column_fonts(self, columns: Collection[int],
                     heard: Callable[[], None] = lambda: None) -> dict[int, list[str | None]]:
        """The font name of every cell of each column asked for (1-based), row 1 first; `heard` called
        at each block of the sheet's XML read and each column made: raising there stops it."""
        if not columns:
            return {}
        height = self.height
        ahead = self.styles_ahead
        if ahead is not None and ahead.columns.issuperset(columns):
            names, styles = ahead.names, ahead.styles
        else:
            with sheet_xml.opened(self.path) as archive:
                names = sheet_xml.xf_font_names(archive, self.styles_member)
                if len(set(names)) <= 1:
                    return {c: [names[0] if names else None] * height for c in columns}
                styles = sheet_xml.column_styles(archive, self.member, set(columns), height, heard)
        fonts = {}
        for c in columns:
            heard()
            fonts[c] = column = [names[0]] * height
            for row, style in styles.get(c, {}).items():
                if row <= height:
                    column[row - 1] = names[style] if style < len(names) else None
        return fonts


@dataclass
class StylesAhead:
    """The style index of the cells of `columns` (by column and row, style 0 left out) and each
    style's font name."""

    names: list[str | None]
    columns: set[int]
    styles: dict[int, dict[int, int]]


def read_first_sheet(path: Path, columns: int = DEFAULT_COLUMNS,
                     heard: Callable[[], None] = lambda: None) -> Sheet:
    """The first visible worksheet of `path`; `columns` is how many the caller expects; `heard` called
    while the children read it: raising there stops them."""
    return start_reading(path, columns).result(heard)


def start_reading(path: Path, columns: int = DEFAULT_COLUMNS) -> "PendingSheet":
    """Starts reading the first visible worksheet of `path` (`read_first_sheet`) while the caller
    goes on; a file that is missing or no xlsx is told at once."""
    path = Path(path)
    _check_container(path)
    return PendingSheet(path, sheet_process.Reading(path, columns), columns)


class PendingSheet:
    """A sheet being read: `result` waits for it (and tells what is wrong with the file), `close`
    stops reading it."""

    def __init__(self, path: Path, reading: sheet_process.Reading, columns: int):
        self.path, self._reading, self._columns = path, reading, columns
        self._styles_ahead: StylesAhead | None = None

    def read_styles_ahead(self, legacy_font: Callable[[str | None], object]) -> None:
        """Reads the cell styles of the sheet's columns now, while the child still reads its values,
        when the style table names a font `legacy_font` calls legacy (a TCVN3/VNI register: the
        converter will ask for them). What is wrong with the file is told by `result`, not here."""
        try:
            with sheet_xml.opened(self.path) as archive:
                member, styles_member = sheet_xml.sheet_members(archive, self.path)
                names = sheet_xml.xf_font_names(archive, styles_member)
                if len(set(names)) <= 1 or not any(map(legacy_font, set(names))):
                    return
                columns = set(range(1, self._columns + sheet_xml.EXTRA_COLUMNS + 1))
                styles = sheet_xml.column_styles(archive, member, columns, sheet_xml.MAX_DATA_ROWS + 1)
        except InputError:
            return
        self._styles_ahead = StylesAhead(names, columns, styles)

    def result(self, heard: Callable[[], None] = lambda: None) -> Sheet:
        path = self.path
        try:
            surveyed, columns = self._reading.outcome(heard)
        except sheet_process.ReaderFailed as failed:
            raise InputError(_READER_FAILED.get(failed.reason, _READER_FAILED["aborted"]).format(path.name)) from None
        if not any(any(value != "" for value in column) for column in columns):
            others = (f" Chương trình chỉ đọc trang tính đầu tiên; tệp còn trang {_names(surveyed.not_read)}: hãy kéo "
                      "trang cần nhập lên đầu (hoặc xóa trang trống) rồi nhập lại." if surveyed.not_read else "")
            raise InputError(f"Trang tính «{surveyed.name}» của tệp «{path.name}» trống.{others}")
        filled = _filled_from_merges(columns, surveyed.merged, surveyed.dates_shown)
        return Sheet(path, surveyed.name, surveyed.formula_without_value, surveyed.hidden_skipped,
                     surveyed.sheets, surveyed.member, surveyed.styles_member, self._styles_ahead,
                     surveyed.error_cells, surveyed.dates_shown, filled, surveyed.numbers_shown,
                     surveyed.hidden_rows, surveyed.not_read, _open_in_excel(path), surveyed.hidden_columns,
                     columns=columns)

    def close(self) -> None:
        self._reading.close()


def _open_in_excel(path: Path) -> bool:
    """Whether Excel's owner file «~$name» lies beside `path` (Excel has it open, or closed without removing it)."""
    return (path.parent / f"~${path.name}").exists()


def _names(sheets: list[str]) -> str:
    return ", ".join(f"«{name}»" for name in sheets)


def _filled_from_merges(columns: list[list[object]], merged: list[tuple[int, int, int]],
                        dates_shown: dict[tuple[int, int], str]) -> int:
    """Gives each cell of the first column of the `merged` areas (top row, column, bottom row) the
    value of the area's top cell, within the sheet's rows, with its date form; how many cells that
    filled. Across columns an area shows one value, left in its first."""
    filled = 0
    for top, column, bottom in merged:
        cells = columns[column - 1] if column <= len(columns) else []
        value = cells[top - 1] if top <= len(cells) else None
        if value is None or value == "":
            continue
        form = dates_shown.get((top, column))
        for row in range(top + 1, min(bottom, len(cells)) + 1):
            cells[row - 1] = value
            if form:
                dates_shown[row, column] = form
        filled += max(min(bottom, len(cells)) - top, 0)
    return filled


def _check_container(path: Path) -> None:
    if path.is_dir():
        raise folder_given(path, "tệp Excel")
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(OLE_MAGIC))
    except FileNotFoundError:
        raise InputError(f"Không tìm thấy tệp «{path}».") from None
    except OSError as error:
        raise InputError(f"Không mở được tệp «{path}» ({os_reason(error)}).") from None
    if head == OLE_MAGIC:
        if _is_encrypted_ole(path):
            raise InputError(f"Tệp «{path.name}» được bảo vệ bằng mật khẩu; hãy bỏ mật khẩu rồi nhập lại.")
        raise InputError(f"Tệp «{path.name}» là định dạng Excel cũ (.xls); {sheet_xml.SAVE_AS_XLSX}")
    if not zipfile.is_zipfile(path):  # a .csv, a web page or XML table Excel once saved as .xls…
        raise sheet_xml.not_xlsx(path)


def _is_encrypted_ole(path: Path) -> bool:
    import msoffcrypto

    try:
        with open(path, "rb") as handle:
            return msoffcrypto.OfficeFile(handle).is_encrypted()
    except Exception:  # an OLE file msoffcrypto cannot read is not one we can import either
        return False
