"""The workbooks' signature block: a line too long for its merged cells wraps there, and its row is
as tall as its lines, so the title prints whole as on the PDF."""

import datetime as dt

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from bvct_desktop.core import settings
from bvct_desktop.io.documents import layout, reminder, render, workbook
from bvct_desktop.io.documents.fonts import BOLD
from bvct_desktop.io.documents.report_content import ReportSource

from .conftest import FIGURES, NOTES, SLIP, TITLE_70, TITLE_150, TRIP

PRINTED = dt.date(2026, 3, 2)


def _signed_workbook(kind: str, target, office: dict[str, str], options: render.Options) -> None:
    history = settings.History([(key, None, value) for key, value in office.items()])
    slip = {**SLIP, "days_late": 40}
    if kind == "register":
        render.slip_register_xlsx(target, history, [slip], PRINTED, PRINTED, PRINTED, options)
    elif kind == "delegation":
        render.delegation_xlsx(target, history, TRIP, options)
    elif kind == "report":
        render.report_xlsx(target, ReportSource(dict(FIGURES), office, dict(NOTES), 12, PRINTED), options)
    else:
        render.reminder_xlsx(target, reminder.ReminderSource("Cục A93B – Bộ Công an", PRINTED, 30, [slip], office, 5),
                             options)


@pytest.mark.parametrize("kind", ["register", "delegation", "report", "reminder"])
@pytest.mark.parametrize("title", [TITLE_70, TITLE_150], ids=["title-70", "title-150"])
def test_a_long_signature_line_wraps_in_its_cells_and_its_row_shows_every_line(tmp_path, office, options, kind,
                                                                               title):
    target = tmp_path / "ky.xlsx"
    _signed_workbook(kind, target, {**office, "chuc_vu_ky": title}, options)
    sheet = openpyxl.load_workbook(target).worksheets[0]
    cell = next(cell for row in sheet.iter_rows() for cell in row if cell.value == title)
    merged = next((cells for cells in sheet.merged_cells.ranges if cell.coordinate in cells), None)
    first, last = (merged.min_col, merged.max_col) if merged else (cell.column, cell.column)
    width = sum(workbook.column_points(sheet.column_dimensions[get_column_letter(column)].width)
                for column in range(first, last + 1))
    lines = len(layout.wrap(title, BOLD, cell.font.sz, width))
    assert cell.alignment.wrap_text and cell.font.b
    assert (sheet.row_dimensions[cell.row].height or 15) >= lines * cell.font.sz * 1.25
