"""The workbooks' signature block: a line too long for its merged cells wraps there, and its row is
as tall as its lines, so the title prints whole as on the PDF."""

import datetime as dt

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from bvct_desktop.core import settings
from bvct_desktop.io.documents import fonts, layout, lists, reminder, render, workbook
from bvct_desktop.io.documents.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR
from bvct_desktop.io.documents.layout import PARTY
from bvct_desktop.io.documents.report_content import ReportSource

from .conftest import FIGURES, NOTES, SLIP, TITLE_70, TITLE_150, TRIP

PRINTED = dt.date(2026, 3, 2)


def _signed_workbook(kind: str, target, office: dict[str, str], options: render.Options) -> None:
    history = settings.History([(key, None, value) for key, value in office.items()])
    slip = {**SLIP, "days_late": 40}
    if kind == "register":
        render.register_xlsx(lists.SLIP_REGISTER, target, history, [slip], PRINTED, PRINTED, PRINTED, options)
    elif kind == "delegation":
        render.delegation_xlsx(target, history, TRIP, PRINTED, options)
    elif kind == "report":
        render.report_xlsx(target, ReportSource(dict(FIGURES), office, dict(NOTES), 12, PRINTED), options)
    else:
        letter = reminder.ReminderSource("Cục A93B – Bộ Công an", PRINTED, (30,), [slip], office, 5)
        render.reminder_xlsx(target, letter, options)


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


LONG_RECIPIENT = ("Phòng PV06 – Công an tỉnh Bà Rịa – Vũng Tàu (nay thuộc Công an Thành phố Hồ Chí Minh) – "
                  "Đội Nghiệp vụ hồ sơ lưu trữ số 2")


def _span(sheet, cell) -> tuple[int, int, float]:
    """The first and last column of the cell's merged cells (or its own), and their width in points."""
    merged = next((cells for cells in sheet.merged_cells.ranges if cell.coordinate in cells), None)
    first, last = (merged.min_col, merged.max_col) if merged else (cell.column, cell.column)
    width = sum(workbook.column_points(sheet.column_dimensions[get_column_letter(column)].width)
                for column in range(first, last + 1))
    return first, last, width


def _face(cell) -> str:
    return {(False, False): REGULAR, (True, False): BOLD, (False, True): ITALIC,
            (True, True): BOLD_ITALIC}[bool(cell.font.b), bool(cell.font.i)]


def _sheets(kind: str, tmp_path, office, options):
    target = tmp_path / f"{kind}.xlsx"
    if kind == "report":
        figures = {**FIGURES, "slips_by_recipient_group": {**FIGURES["slips_by_recipient_group"],
                                                           "Công an các tỉnh, thành phố khác": {LONG_RECIPIENT: 120}}}
        render.report_xlsx(target, ReportSource(figures, office, dict(NOTES), 12, PRINTED), options)
    else:
        _signed_workbook(kind, target, office, options)
    return openpyxl.load_workbook(target).worksheets


@pytest.mark.parametrize("kind", ["register", "delegation", "report", "reminder"])
def test_the_letterhead_and_nơi_nhận_stand_in_a_left_block_as_wide_as_the_pdfs(tmp_path, office, options, kind):
    """HD 36: the issuing body, the number and «Nơi nhận» on the left, about two fifths of the width,
    the party's name and the date beside them on the right, each on one line."""
    for sheet in _sheets(kind, tmp_path, office, options):
        cells = {cell.value: cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)}
        total = sum(workbook.column_points(sheet.column_dimensions[get_column_letter(column)].width)
                    for column in range(1, sheet.max_column + 1))
        left = [cells[text] for text in ("TỈNH ỦY LÂM ĐỒNG", "BAN TỔ CHỨC", "Số 12-BC/BTCTU", "Số 05-CV/BTCTU",
                                         "Nơi nhận:") if text in cells]
        right = [cells[text] for text in cells if text == PARTY or text.startswith("Lâm Đồng, ngày")]
        assert left and right, sheet.title
        for cell in left:
            first, last, width = _span(sheet, cell)
            assert first == 1 and 0.3 <= width / total <= 0.5, (sheet.title, cell.value, width / total)
        for cell in left[:3] + right:
            width = _span(sheet, cell)[2]
            assert fonts.width(cell.value, _face(cell), cell.font.sz) <= width - workbook.CELL_MARGINS, cell.value


@pytest.mark.parametrize("kind", ["register", "delegation", "report", "reminder"])
def test_every_row_whose_text_wraps_is_as_tall_as_its_lines(tmp_path, office, options, kind):
    """LibreOffice sizes no row when it opens a workbook, Excel none whose text is in merged cells: a
    long recipient's row would run into the next one."""
    for sheet in _sheets(kind, tmp_path, office, options):
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.alignment.wrap_text:
                    width = _span(sheet, cell)[2]
                    lines = len(layout.wrap(cell.value, _face(cell), cell.font.sz, width - workbook.CELL_MARGINS))
                    height = sheet.row_dimensions[cell.row].height or 15
                    assert height >= lines * cell.font.sz * 1.25, (sheet.title, cell.value)


@pytest.mark.parametrize("wide", [False, True])
def test_a_sheet_too_wide_for_its_paper_prints_at_10_pt_on_more_pages_not_smaller(wide):
    assert workbook.print_scale([40] * 12, wide) == workbook.PRINT_SCALE_LEAST


@pytest.mark.parametrize("kind", ["register", "reminder"])
def test_a_long_slip_number_keeps_one_line_in_its_column_and_the_sheet_its_width(tmp_path, office, options, kind):
    """The reminder's list of «1947/PXM-BVCTNB» in LibreOffice: «1947/ / PXM- / BVCTNB» in a column ten
    units wide, its lines running into the next rows; the PDF never breaks a slip number."""
    history = settings.History([(key, None, value) for key, value in office.items()])
    sheets = {}
    for number in ("12/PXM", "1947/PXM-BVCTNB"):
        target = tmp_path / f"{kind}-{number[:2]}.xlsx"
        slips = [{**SLIP, "number": number, "days_late": 3958},
                 {**SLIP, "id": 2, "number": "13/PXM", "days_late": 3957}]
        if kind == "register":
            render.register_xlsx(lists.SLIP_REGISTER, target, history, slips, PRINTED, PRINTED, PRINTED, options)
        else:
            render.reminder_xlsx(target, reminder.ReminderSource("Cục A93B – Bộ Công an", PRINTED, (30,), slips,
                                                                 office, 5), options)
        sheets[number] = openpyxl.load_workbook(target).worksheets[-1]
    sheet = sheets["1947/PXM-BVCTNB"]
    cell = next(cell for row in sheet.iter_rows() for cell in row if cell.value == "1947/PXM-BVCTNB")
    room = (_span(sheet, cell)[2] - workbook.CELL_MARGINS) * workbook.SCREEN_SLACK
    assert fonts.width(cell.value, REGULAR, cell.font.sz) <= room
    assert sheet.page_setup.scale == sheets["12/PXM"].page_setup.scale  # the other columns gave the room
