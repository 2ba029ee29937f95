"""Copying out of the program is exporting: a role that may not export (Chỉ xem) copies nothing
from a table or a read-only field and is told why; the roles that may export copy as Qt does."""


from bvct_desktop.core.permissions import VIEWER
from bvct_desktop.gui import copy_guard
from bvct_desktop.gui.app import prepare_application
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
# Windows' formats, in Qt's naming, that keep a copy out of clipboard history (Win+V) and the cloud clipboard
KEPT_OUT = ('application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"',
            'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"',
            'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"')
DWORD_0 = bytes(4)


def kept_out_of_clipboard_history() -> bool:
    """What is on the clipboard asks Windows to keep it out of its clipboard history and cloud clipboard."""
    held = QApplication.clipboard().mimeData()
    exclude, history, cloud = KEPT_OUT
    return held.hasFormat(exclude) and held.data(history).data() == held.data(cloud).data() == DWORD_0


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


def test_a_cell_copied_from_a_table_is_kept_out_of_windows_clipboard_history(qtbot, db, clock):
    prepare_application()
    window = main_window(qtbot, db, clock)
    qtbot.keyClick(table_in(qtbot, window), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == CCCD
    assert kept_out_of_clipboard_history()


def test_text_copied_from_a_field_by_qt_s_own_menu_is_kept_out_of_windows_clipboard_history(qtbot):
    prepare_application()
    field = QLineEdit(CCCD)
    qtbot.addWidget(field)
    field.selectAll()
    field.copy()  # what its context menu's «Sao chép» does
    assert QApplication.clipboard().text() == CCCD
    assert kept_out_of_clipboard_history()


def test_a_copied_cell_is_taken_off_the_clipboard_when_the_program_locks(qtbot, db, clock):
    """Records copied must not wait on the clipboard for whoever sits down at the idle PC."""
    window = main_window(qtbot, db, clock)
    qtbot.keyClick(table_in(qtbot, window), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    window.locker.lock()
    assert QApplication.clipboard().text() == ""


def test_what_another_program_put_on_the_clipboard_stays_at_the_lock(qtbot, db, clock, monkeypatch):
    """The offscreen clipboard is the program's own; a real one tells whose its content is."""
    window = main_window(qtbot, db, clock)
    qtbot.keyClick(table_in(qtbot, window), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    monkeypatch.setattr(copy_guard, "PRIVATE_CLIPBOARDS", ())  # as if another program had copied since
    window.locker.lock()
    assert QApplication.clipboard().text() == CCCD
