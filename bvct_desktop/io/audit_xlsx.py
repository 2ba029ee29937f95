"""The audit trail as a workbook (Quản trị › Nhật ký › Xuất Excel), written atomically; the
export's permission and its own audit entry are the core's (`audit.export`)."""

from collections.abc import Iterable
from pathlib import Path

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..core import audit, audit_words
from ..core.files import check_target
from . import xlsx_book

WIDTHS = (8, 20, 16, 14, 30, 13, 22, 9, 60)


def write_audit(entries: Iterable[audit.Entry], target: Path, password: str | None = None) -> int:
    """Writes `entries` to the workbook `target` (encrypted with `password` when given); returns how many."""
    target = Path(target)
    check_target(target, ".xlsx")
    with xlsx_book.Workbook(target, password) as book:
        sheet = book.create_sheet("Nhật ký")
        for i, width in enumerate(WIDTHS):
            sheet.column_dimensions[get_column_letter(i + 1)].width = width
        sheet.freeze_panes = "A2"
        sheet.append([xlsx_book.cell(sheet, text, font=Font(bold=True)) for text in audit.LIST_HEADERS])
        count = 0
        for entry in entries:
            sheet.append(xlsx_book.row(sheet, audit_words.cells(entry)))
            count += 1
        book.write()
    return count
