"""Reading the first sheet of an import workbook, fast, and telling bad files apart.

Values come from python-calamine (Rust; about 11× openpyxl's read-only mode). Calamine gives
no styles, so `font_of` opens the same file with openpyxl, once and only when asked: the
legacy-encoding converter needs a cell's font name only where its text looks like TCVN3/VNI.
Cells holding a formula with no cached value are found in the sheet XML and reported.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import python_calamine

from ..core.errors import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")


@dataclass
class Sheet:
    path: Path
    rows: list[list[object]]              # rows[0] is Excel row 1
    formula_without_value: set[tuple[int, int]] = field(default_factory=set)  # (row, col), 1-based
    _fonts: object = None

    def font_of(self, row: int, column: int) -> str | None:
        """The font name of a cell (1-based), read with openpyxl on first use."""
        if self._fonts is None:
            import openpyxl

            # not read-only: there each cell() call rereads the sheet from its first row
            self._fonts = openpyxl.load_workbook(self.path).worksheets[0]
        cell = self._fonts.cell(row=row, column=column)
        return getattr(getattr(cell, "font", None), "name", None)


def read_first_sheet(path: Path) -> Sheet:
    path = Path(path)
    _check_container(path)
    try:
        workbook = python_calamine.load_workbook(str(path))
        if not workbook.sheet_names:
            raise InputError(f"Tệp «{path.name}» không có trang tính nào.")
        rows = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except python_calamine.PasswordError:
        raise InputError(f"Tệp «{path.name}» được bảo vệ bằng mật khẩu; hãy bỏ mật khẩu rồi nhập lại.") from None
    except (python_calamine.CalamineError, python_calamine.ZipError, python_calamine.XmlError,
            ValueError, OSError):
        raise InputError(f"Tệp «{path.name}» bị hỏng, không đọc được nội dung bảng tính.") from None
    if not any(any(value != "" for value in row) for row in rows):
        raise InputError(f"Trang tính đầu tiên của «{path.name}» trống.")
    return Sheet(path, rows, _formulas_without_value(path))


def _check_container(path: Path) -> None:
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(OLE_MAGIC))
    except FileNotFoundError:
        raise InputError(f"Không tìm thấy tệp «{path}».") from None
    except IsADirectoryError:
        raise InputError(f"«{path}» là thư mục, không phải tệp Excel.") from None
    except OSError as error:
        raise InputError(f"Không mở được tệp «{path}» ({error.strerror}).") from None
    if head == OLE_MAGIC:
        if _is_encrypted_ole(path):
            raise InputError(f"Tệp «{path.name}» được bảo vệ bằng mật khẩu; hãy bỏ mật khẩu rồi nhập lại.")
        raise InputError(f"Tệp «{path.name}» là định dạng Excel cũ (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx.")
    if not zipfile.is_zipfile(path):
        raise InputError(f"Tệp «{path.name}» không phải tệp Excel .xlsx.")


def _is_encrypted_ole(path: Path) -> bool:
    import msoffcrypto

    try:
        with open(path, "rb") as handle:
            return msoffcrypto.OfficeFile(handle).is_encrypted()
    except Exception:  # an OLE file msoffcrypto cannot read is not one we can import either
        return False


def _formulas_without_value(path: Path) -> set[tuple[int, int]]:
    """Cells of the first sheet whose formula has no cached value (never calculated)."""
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read(_first_sheet_member(archive))
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError):
        return set()
    if b"<f" not in xml and b":f" not in xml:
        return set()
    missing = set()
    for _, element in ElementTree.iterparse(io.BytesIO(xml), events=("end",)):
        if element.tag != f"{{{_NS['m']}}}c":
            continue
        formula = element.find("m:f", _NS)
        value = element.find("m:v", _NS)
        inline = element.find("m:is", _NS)
        if formula is not None and (value is None or value.text is None) and inline is None:
            match = _CELL_REF.match(element.get("r", ""))
            if match:
                missing.add((int(match[2]), _column_number(match[1])))
        element.clear()
    return missing


def _first_sheet_member(archive: zipfile.ZipFile) -> str:
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    first = workbook.find("m:sheets/m:sheet", _NS)
    rel_id = first.get(f"{{{_NS['r']}}}id")
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for rel in rels.findall("rel:Relationship", _NS):
        if rel.get("Id") == rel_id:
            target = rel.get("Target").lstrip("/")
            return target if target.startswith("xl/") else f"xl/{target}"
    raise KeyError(rel_id)


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number

