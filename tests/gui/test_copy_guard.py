"""Copying out of the program is exporting: a role that may not export (Chỉ xem) copies nothing
from a table or a read-only field and is told why; the roles that may export copy as Qt does."""


from bvct_desktop.core.permissions import VIEWER
from bvct_desktop.gui.qt import (
    QApplication,
    QContextMenuEvent,
    QLineEdit,
    QPoint,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTableView,
)
from tests.gui.shell_support import as_user, main_window

CCCD = "001085012345"


def table_in(qtbot, window) -> QTableView:
    """A table of the window showing a CCCD, its cell current and focused."""
    model = QStandardItemModel(1, 1, window)
    model.setItem(0, 0, QStandardItem(CCCD))
    table = QTableView(window.stack)
    table.setModel(model)
    window.stack.addWidget(table)
    window.stack.setCurrentWidget(table)
    table.setCurrentIndex(model.index(0, 0))
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    return table


def test_a_viewer_copies_nothing_from_a_table_and_is_told_why(qtbot, db, clock):
    viewer = as_user(db, "xem.c", VIEWER)
    window = main_window(qtbot, viewer, clock)
    table = table_in(qtbot, window)
    QApplication.clipboard().setText("trước đó")
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "trước đó"
    assert window.statusBar().currentMessage() == (
        "Vai trò của bạn không được phép sao chép dữ liệu hồ sơ ra ngoài chương trình.")
    viewer.close()


def test_a_viewer_copies_nothing_from_a_read_only_field(qtbot, db, clock):
    viewer = as_user(db, "xem.d", VIEWER)
    window = main_window(qtbot, viewer, clock)
    field = QLineEdit(CCCD, window.stack)
    field.setReadOnly(True)
    window.stack.addWidget(field)
    window.stack.setCurrentWidget(field)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    QApplication.clipboard().setText("trước đó")
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "trước đó"
    menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(2, 2), field.mapToGlobal(QPoint(2, 2)))
    assert QApplication.sendEvent(field, menu)  # taken: no menu with «Sao chép» opens
    assert window.statusBar().currentMessage().startswith("Vai trò của bạn không được phép sao chép")
    viewer.close()


def test_a_role_that_may_export_copies_a_cell(qtbot, db, clock):
    window = main_window(qtbot, db, clock)
    table = table_in(qtbot, window)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == CCCD
    assert window.statusBar().currentMessage() == ""
