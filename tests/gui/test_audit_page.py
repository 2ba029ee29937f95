"""Nhật ký shows a change of a long value as «cũ → mới» in its row: each value by its first line, the
whole entry in the tooltip and in what Ctrl+C copies."""

from bvct_desktop.core import audit_words, browse, editing
from bvct_desktop.gui.admin.audit_page import AuditPage
from bvct_desktop.gui.qt import QApplication, QStyleOptionViewItem, Qt
from tests.gui import register_support as support
from tests.gui.tip_support import as_seen

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures
FIVE_LINES = "Dòng một của kết quả\nDòng hai\nDòng ba\nDòng bốn\nDòng năm"
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


def test_a_change_of_a_value_typed_in_lines_shows_each_value_by_its_first_line(qtbot, context):
    page, index = _the_change(qtbot, context)
    shown = shown_in_row(page.view, index)
    assert shown.endswith("Kết quả: «Dòng một của kết quả …» → «Không có vấn đề»")
    assert "Dòng hai" not in shown


def test_the_tooltip_and_ctrl_c_keep_the_whole_change(qtbot, context):
    page, index = _the_change(qtbot, context)
    assert "Dòng năm» → «Không có vấn đề»" in as_seen(index.data(Qt.ItemDataRole.ToolTipRole))
    page.view.setCurrentIndex(index)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert CHANGE in QApplication.clipboard().text()
