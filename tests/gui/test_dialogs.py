"""What the officer is asked through `Dialogs`: a line typed under a question that may name a long file name,
read whole on an office screen at Windows' 150 %."""

from bvct_desktop.gui.attachments_panel import NOTE_ASKED
from bvct_desktop.gui.dialogs import text_dialog
from bvct_desktop.gui.qt import QLabel, QLineEdit
from tests.gui import register_support as support
from tests.gui.shell_support import on_office_screen
from tests.gui.test_attachments_panel import LONG_NAME, LONG_NOTE

app = support.app  # fixture


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
