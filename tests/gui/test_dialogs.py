"""What the officer is asked through `Dialogs`: a line typed under a question that may name a long file name,
read whole on an office screen at Windows' 150 %; a file chosen, leaving no trace of the folders visited."""

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import pytest
import shiboken6

from bvct_desktop.gui.app import Session, prepare_application
from bvct_desktop.gui.attachments_panel import NOTE_ASKED
from bvct_desktop.gui.dialogs import FILE_DIALOG_SIZE, FILE_FILTERS, Dialogs, file_dialog, text_dialog
from bvct_desktop.gui.qt import (
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListView,
    QSettings,
    Qt,
    QTimer,
    QTreeView,
)
from tests.gui import register_support as support
from tests.gui.shell_support import on_office_screen
from tests.gui.test_attachments_panel import LONG_NAME, LONG_NOTE

app = support.app  # fixture
PERSON = "Phạm Văn Bình"


def test_a_question_naming_a_long_file_wraps_within_the_screen_and_its_box_shows_a_long_note(qtbot, monkeypatch,
                                                                                            app):
    screen = on_office_screen(monkeypatch, 1.5)
    dialog = text_dialog(None, "Thêm tệp đính kèm", NOTE_ASKED.format(LONG_NAME), QLineEdit.EchoMode.Normal,
                         LONG_NOTE)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    question, box = dialog.findChild(QLabel), dialog.findChild(QLineEdit)
    assert dialog.frameGeometry().width() <= screen.width()
    assert question.text() == NOTE_ASKED.format(LONG_NAME) and question.wordWrap()
    assert question.height() >= 3 * question.fontMetrics().lineSpacing()  # wrapped, not cut
    assert box.width() >= box.fontMetrics().horizontalAdvance(LONG_NOTE[:60])
    assert box.text() == LONG_NOTE and box.echoMode() == QLineEdit.EchoMode.Normal


def test_a_short_question_asks_no_more_room_than_an_office_screen_less_its_margins(qtbot, monkeypatch, app):
    screen = on_office_screen(monkeypatch, 1.5)
    dialog = text_dialog(None, "Mật khẩu", "Mật khẩu:", QLineEdit.EchoMode.Password)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.frameGeometry().width() <= screen.width()
    assert dialog.findChild(QLineEdit).echoMode() == QLineEdit.EchoMode.Password


@pytest.fixture
def qt_settings(tmp_path):
    """Qt's per-user settings (where QFileDialog keeps its folders) written under the test's own folder."""
    before = Path(QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject").fileName()).parent
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield tmp_path / "config"
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(before))


def answered_by(answer: Callable[[QFileDialog], None]) -> None:
    """The file dialog about to open, answered as soon as it shows."""
    def when_shown() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog):
            answer(dialog)
        else:
            QTimer.singleShot(20, when_shown)
    QTimer.singleShot(20, when_shown)


def traces(settings_folder: Path) -> str:
    return "".join(unquote(file.read_text(errors="replace")) for file in settings_folder.rglob("*"))


def test_saving_into_a_folder_named_after_a_person_leaves_no_trace_in_qt_settings(app, tmp_path, qt_settings):
    folder = tmp_path / PERSON
    folder.mkdir()
    answered_by(lambda dialog: dialog.accept())
    chosen = Dialogs().save_file(None, "Lưu tài liệu", str(folder / "bien-ban.pdf"), FILE_FILTERS["pdf"])
    assert chosen == str(folder / "bien-ban.pdf")
    assert PERSON not in traces(qt_settings)


def test_opening_from_a_folder_named_after_a_person_leaves_no_trace_in_qt_settings(app, tmp_path, qt_settings):
    folder = tmp_path / PERSON
    folder.mkdir()
    (folder / "don-to-cao.pdf").write_bytes(b"%PDF")
    answered_by(lambda dialog: (dialog.setDirectory(str(folder)), dialog.reject()))
    assert Dialogs().open_file(None, "Mở tệp", FILE_FILTERS["pdf"]) is None
    assert PERSON not in traces(qt_settings)


def test_the_next_file_dialog_opens_in_the_folder_last_chosen_and_is_qt_s_own(app, tmp_path, qt_settings):
    folder = tmp_path / PERSON
    folder.mkdir()
    dialogs = Dialogs()
    answered_by(lambda dialog: dialog.accept())
    dialogs.save_file(None, "Lưu tài liệu", str(folder / "bien-ban.pdf"), FILE_FILTERS["pdf"])
    seen = []
    answered_by(lambda dialog: (seen.extend([dialog.directory().absolutePath(),
                                             dialog.testOption(QFileDialog.Option.DontUseNativeDialog)]),
                                dialog.reject()))
    dialogs.open_file(None, "Mở tệp", FILE_FILTERS["pdf"])
    assert seen == [str(folder), True]


@pytest.mark.parametrize("scale", [1, 1.5])
def test_a_file_dialog_opens_wide_enough_for_its_columns_and_within_an_office_screen(app, qtbot, monkeypatch,
                                                                                    qt_settings, scale):
    prepare_application()  # Qt's words in Vietnamese
    screen = on_office_screen(monkeypatch, scale)
    dialog = file_dialog(None, "Lưu tài liệu", "bien-ban.pdf", FILE_FILTERS["pdf"])
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    assert dialog.width() >= min(FILE_DIALOG_SIZE[0], screen.width() * 9 // 10)
    dialog.show()
    qtbot.waitExposed(dialog)
    app.processEvents()
    columns = dialog.findChild(QTreeView).header()
    for column in range(columns.count()):
        title = columns.model().headerData(column, Qt.Orientation.Horizontal)
        assert columns.sectionSize(column) > columns.fontMetrics().horizontalAdvance(title), title
    places = dialog.findChild(QListView, "sidebar")  # «Máy tính», the home folder: read whole, not «Má…»
    assert places.viewport().width() >= places.sizeHintForColumn(0)
    shiboken6.delete(dialog)


def test_a_file_dialog_shows_sizes_and_days_as_vietnamese_write_them(app, qtbot, qt_settings, tmp_path):
    """Qt's model of the folder writes in the system's locale, not the program's: «1 bytes», «120.56 KiB» and
    «7 12 2026 05:16» on a PC set to English. The dialog shows «1 byte», «120,6 kB» and dd/mm/yyyy."""
    prepare_application()
    (tmp_path / "mot.txt").write_bytes(b"x")
    (tmp_path / "bien-ban.pdf").write_bytes(bytes(123_456))
    modified = dt.datetime(2026, 3, 5, 14, 7)
    for name in ("mot.txt", "bien-ban.pdf"):
        os.utime(tmp_path / name, (modified.timestamp(), modified.timestamp()))
    dialog = file_dialog(None, "Mở tệp", str(tmp_path), "Mọi tệp (*)")
    view = dialog.findChild(QTreeView)
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 2)

    def shown(name: str) -> list[str]:
        root = view.rootIndex()
        [row] = [row for row in range(2) if model.index(row, 0, root).data() == name]
        return [model.index(row, column, root).data() for column in (1, 3)]

    assert shown("mot.txt") == ["1 byte", "05/03/2026 14:07"]
    assert shown("bien-ban.pdf") == ["120,6 kB", "05/03/2026 14:07"]
    shiboken6.delete(dialog)


def test_the_folders_an_earlier_version_s_file_dialogs_left_are_forgotten_when_the_program_starts(app, tmp_path,
                                                                                                  qt_settings):
    left = QSettings(QSettings.Scope.UserScope, "QtProject")
    left.setValue("FileDialog/lastVisited", (tmp_path / PERSON).as_uri())
    left.sync()
    assert PERSON in traces(qt_settings)
    Session(tmp_path / "bvct.db", Dialogs(scripted=True))
    assert PERSON not in traces(qt_settings)
