"""The list of dossiers and documents past their term (menu Hồ sơ › Hồ sơ, tài liệu hết thời hạn bảo
quản › Xuất Excel) as a workbook for the council: a sheet a part, laid out as the register exports are
(io/xlsx_writer), dates as date cells. The export's permission and audit entry are the core's
(`past_term.export`)."""

import datetime as dt
from pathlib import Path

from ..core.files import check_target
from ..core.past_term import TITLE, PastTerm, sections
from . import xlsx_stream, xlsx_writer

WIDTHS = {"Hồ sơ thẩm tra": (28, 22, 20, 14, 26), "Văn bản đã phát hành": (16, 12, 14, 12, 44, 26)}


def write_past_term(found: PastTerm, target: Path, password: str | None = None) -> None:
    """Writes `found` to the workbook `target` (encrypted with `password` when given)."""
    check_target(target, xlsx_writer.XLSX)

    def fill(book) -> None:
        text = book.add_format({"text_wrap": True, "valign": "top"})
        date = book.add_format({"num_format": "DD/MM/YYYY", "valign": "top", "align": "left"})
        for section in sections(found):
            sheet = xlsx_stream.StreamedSheet(book, section.title)
            widths = WIDTHS[section.title]
            sheet.row(0, list(section.headers), [xlsx_writer.header_format(book)] * len(widths))
            for number, row in enumerate(section.rows, start=1):
                sheet.row(number, row, [date if isinstance(value, dt.date) else text for value in row])
            xlsx_writer.print_setup(sheet.sheet, f"{TITLE} đến ngày {found.on:%d/%m/%Y} — {section.title}", widths,
                                    [text] * len(widths), landscape=True)

    xlsx_stream.streamed(Path(target), fill, password)
