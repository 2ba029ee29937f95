"""Nhật ký shows what an entry did in view in its row — a change's «cũ → mới» before the values naming
the record, each value by its first line — the whole entry in the tooltip and in what Ctrl+C copies."""

import datetime as dt
import json

import pytest

from bvct_desktop.core import audit, audit_words, browse, editing
from bvct_desktop.gui.admin.audit_page import AuditPage, in_a_row, sorted_entries
from bvct_desktop.gui.qt import QApplication, QFontMetrics, QStyle, QStyleOptionViewItem, Qt, QTextLayout, QTextOption
from tests.gui import register_support as support
from tests.gui.shell_support import main_window
from tests.gui.tip_support import as_seen

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures
FIVE_LINES = "Dòng một của kết quả\nDòng hai\nDòng ba\nDòng bốn\nDòng năm"
CHANGED = "Kết quả: «Chưa có kết quả» → «Không có vấn đề»"
CHANGE = f"Kết quả: «{FIVE_LINES}» → «Không có vấn đề»"


def _result_changed_from_five_lines(db) -> None:
    slip = browse.record_ids(db, "slips", "13/PXM")[0]
    for result in (FIVE_LINES, "Không có vấn đề"):
        stored = editing.load(db, "slips", slip)
        editing.save(db, "slips", {**stored, "result_on": "20/02/2025", "result": result}, slip, stored["person_id"])


def _the_change(qtbot, context):
    _result_changed_from_five_lines(context.db)
    page = AuditPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    row = next(row for row in range(page.model.rowCount())
               if CHANGE in page.model.index(row, audit_words.DETAILS_COLUMN).data())
    return page, page.model.index(row, audit_words.DETAILS_COLUMN)


def shown_in_row(view, index) -> str:
    """The text the view draws in the cell."""
    option = QStyleOptionViewItem()
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    return option.text


def in_view(view, index) -> str:
    """The text the view shows in the cell at its width and height, as the style draws it: the lines wrapped
    at spaces that fit the row, the last of them cut with «…» when more follows."""
    option = QStyleOptionViewItem()
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    rect = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view).adjusted(
        margin, 0, -margin, 0)
    layout = QTextLayout(option.text, option.font)
    wrapping = QTextOption()
    wrapping.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(wrapping)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(rect.width())
        lines.append(line)
    layout.endLayout()
    shown, height = [], 0.0
    for number, line in enumerate(lines):
        height += line.height()
        last = number + 1 == len(lines) or height + lines[number + 1].height() > rect.height()
        if last:
            rest = option.text[line.textStart():]
            shown.append(QFontMetrics(option.font).elidedText(rest, Qt.TextElideMode.ElideRight, rect.width()))
            break
        shown.append(option.text[line.textStart():line.textStart() + line.textLength()])
    return "".join(shown)


def test_a_slip_changed_in_one_field_shows_the_change_in_view_at_1366_by_768(qtbot, db, clock):
    slip = browse.record_ids(db, "slips", "13/PXM")[0]
    stored = editing.load(db, "slips", slip)
    editing.save(db, "slips", {**stored, "result_on": "20/02/2026", "result": "Chưa có kết quả"}, slip,
                 stored["person_id"])
    stored = editing.load(db, "slips", slip)
    editing.save(db, "slips", {**stored, "result": "Không có vấn đề"}, slip, stored["person_id"])
    window = main_window(qtbot, db, clock)  # the page at its width on an office screen
    window.resize(1366, 728)
    window.navigation.select("admin")
    admin = window.current_page()
    tab = [admin.tabText(index) for index in range(admin.count())].index("Nhật ký")
    admin.setCurrentIndex(tab)
    page = admin.page(tab)
    qtbot.wait(20)
    index = next(index for row in range(page.model.rowCount())
                 if CHANGED in (index := page.model.index(row, audit_words.DETAILS_COLUMN)).data())
    assert "Số phiếu: «13/PXM»" in index.data()  # the whole entry names the slip
    assert CHANGED in in_view(page.view, index)


def test_a_change_of_a_value_typed_in_lines_shows_each_value_by_its_first_line(qtbot, context):
    page, index = _the_change(qtbot, context)
    shown = shown_in_row(page.view, index)
    assert shown.startswith("Kết quả: «Dòng một của kết quả …» → «Không có vấn đề»; Bản ghi: Số phiếu: «13/PXM»")
    assert "Dòng hai" not in shown


def test_the_tooltip_and_ctrl_c_keep_the_whole_change(qtbot, context):
    page, index = _the_change(qtbot, context)
    assert "Dòng năm» → «Không có vấn đề»" in as_seen(index.data(Qt.ItemDataRole.ToolTipRole))
    page.view.setCurrentIndex(index)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert CHANGE in QApplication.clipboard().text()


SLIP = {"number": "13/PXM", "full_name": "Phạm Minh Quang"}


def _entry(action: str, details: dict) -> audit.Entry:
    return audit.Entry(1, dt.datetime(2026, 3, 2, 9, 30), "quantri", "admin", action, audit.OK, "slips", 7,
                       json.dumps(details, ensure_ascii=False))


@pytest.mark.parametrize(("action", "details", "row"), [
    ("sửa", {audit.RECORD: SLIP, "result": {audit.OLD: None, audit.NEW: "Không có vấn đề"}},
     "Kết quả: (trống) → «Không có vấn đề»; Bản ghi: Số phiếu: «13/PXM», Họ và tên người được xác minh: "
     "«Phạm Minh Quang»"),
    ("xem hồ sơ", {audit.RECORD: SLIP},
     "Bản ghi: Số phiếu: «13/PXM», Họ và tên người được xác minh: «Phạm Minh Quang»"),
    ("in", {"so_ban_ghi": 2, audit.RECORD: [SLIP, {"number": "14/PXM"}], "may_in": "HP LaserJet"},
     "Máy in: HP LaserJet; Số bản ghi: 2; Bản ghi: (Số phiếu: «13/PXM», Họ và tên người được xác minh: "
     "«Phạm Minh Quang»); (Số phiếu: «14/PXM»)"),
    ("in", {"so_ban_ghi": 40, audit.FIRST_RECORD: SLIP, audit.LAST_RECORD: {"number": "52/PXM"}},
     "Số bản ghi: 40; Bản ghi đầu: Số phiếu: «13/PXM», Họ và tên người được xác minh: «Phạm Minh Quang»; "
     "Bản ghi cuối: Số phiếu: «52/PXM»"),
    ("xóa", audit.deleted(SLIP), "Giá trị trước khi xóa: Số phiếu: «13/PXM»; Họ và tên người được xác minh: "
     "«Phạm Minh Quang»"),
    ("nhập", {"tep": "phieu.xlsx", "so_dong": 12}, "Tệp: phieu.xlsx; Số dòng: 12"),
])
def test_a_row_shows_what_the_entry_did_before_the_records_it_names(action, details, row):
    entry = _entry(action, details)
    assert in_a_row(entry) == row
    whole = audit_words.cells(entry)[audit_words.DETAILS_COLUMN]
    assert sorted(whole.split("; ")) == sorted(row.split("; "))  # the same words, only in another order


def test_the_action_filter_offers_first_everything_that_left_the_database_in_one_pass(qtbot, context, tmp_path):
    from bvct_desktop.core import audit_find, exporting
    from bvct_desktop.core.kinds import SLIPS

    exporting.export(context.db, SLIPS, tmp_path / "phieu.xlsx", lambda rows: len(list(rows)))
    with context.db.write() as connection:
        context.db.audit(connection, "sao lưu", details={"tep": "E:\\bvct.bvctbak"})
    page = AuditPage(context)
    qtbot.addWidget(page)
    assert [page.action.itemText(i) for i in range(2)] == ["Tất cả", "Mọi việc đưa dữ liệu ra ngoài"]
    page.action.setCurrentText(audit_find.LEAVING)
    page.refresh()
    assert [entry.action for entry in page.model.entries] == ["xuất", "sao lưu"]
    assert page.action.currentText() == audit_find.LEAVING


def test_the_record_column_sorts_records_known_by_their_number_as_numbers_after_entries_about_none():
    def entry(number: int, record_id: int | None, named: str = "") -> audit.Entry:
        details = json.dumps({audit.RECORD: {"full_name": named}}, ensure_ascii=False) if named else None
        return audit.Entry(number, dt.datetime(2026, 12, 6, 9, number), "admin", "quan-tri", "sửa", "ok", "cadres",
                           record_id, details)

    entries = [entry(1, 12), entry(2, 5), entry(3, None), entry(4, 100), entry(5, 7, "Nguyễn Văn An"), entry(6, 5)]
    ascending = sorted_entries(entries, audit_words.RECORD_COLUMN, Qt.SortOrder.AscendingOrder)
    assert [audit_words.cells(one)[audit_words.RECORD_COLUMN] for one in ascending] == [
        "", "5", "5", "12", "100", "Nguyễn Văn An"]
    assert [one.id for one in ascending][1:3] == [2, 6]  # those alike as they happened
    descending = sorted_entries(entries, audit_words.RECORD_COLUMN, Qt.SortOrder.DescendingOrder)
    assert [audit_words.cells(one)[audit_words.RECORD_COLUMN] for one in descending] == [
        "Nguyễn Văn An", "100", "12", "5", "5", ""]
