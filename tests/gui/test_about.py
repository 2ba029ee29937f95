"""The "Giới thiệu" dialog tells which copy of the program runs and on what, from the Help menu."""

import datetime as dt

from bvct_desktop import __version__, buildinfo
from bvct_desktop.gui.about import AboutDialog
from bvct_desktop.gui.main_window import MainWindow
from bvct_desktop.gui.qt import QApplication, QLabel
from tests.gui.shell_support import FakeClock, context_for, new_database
from tests.gui.test_copy_guard import kept_out_of_clipboard_history

BUNDLE = buildinfo.BuildInfo(version="9.9.9", bundled=True, built_at=dt.datetime(2026, 11, 30, 7, 5, tzinfo=dt.UTC),
                             commit="abc1234", python="3.11.9", sqlcipher="4.19.0 community", sqlite="3.53.4",
                             qt="6.11.3")


def _texts(dialog: AboutDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_the_dialog_shows_version_build_and_every_library(qtbot):
    dialog = AboutDialog(info=BUNDLE)
    qtbot.addWidget(dialog)
    shown = "\n".join(_texts(dialog))
    for expected in ("BVCT Desktop 9.9.9", "Bản đóng gói dựng ngày", "abc1234", "3.11.9", "4.19.0 community",
                     "3.53.4", "Qt", "Tệp chương trình", "Thư mục dữ liệu"):
        assert expected in shown
    assert "30/11/2026" in shown


def test_copy_puts_the_same_lines_on_the_clipboard(qtbot):
    dialog = AboutDialog(info=BUNDLE)
    qtbot.addWidget(dialog)
    dialog.copy()
    copied = QApplication.clipboard().text()
    assert copied == dialog.text()
    assert "Phiên bản: 9.9.9" in copied and "SQLCipher: 4.19.0 community" in copied
    assert kept_out_of_clipboard_history()


def test_the_help_menu_opens_it_with_this_programs_versions(qtbot, tmp_path):
    clock = FakeClock()
    window = MainWindow(context_for(new_database(tmp_path, clock), clock))
    qtbot.addWidget(window)
    help_menu = next(action.menu() for action in window.menuBar().actions() if "giúp" in action.text())
    next(action for action in help_menu.actions() if action.text() == "Giới thiệu").trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    shown = "\n".join(_texts(dialog))
    assert f"BVCT Desktop {__version__}" in shown and "môi trường Python" in shown
    dialog.close()
    window.context.db.close()
