"""A name, a unit, a summary or a file name typed like markup is shown as typed on a window's labels and in
its message boxes, never as bold or an image."""

import datetime as dt
import shutil

import pytest

from bvct_desktop.core import backup, browse
from bvct_desktop.core.attachments import Attachment
from bvct_desktop.core.permissions import OFFICER
from bvct_desktop.gui.admin.backup_page import BackupPage
from bvct_desktop.gui.admin.password_page import PasswordPage
from bvct_desktop.gui.attachment_view import AttachmentView
from bvct_desktop.gui.autolock import LockCover
from bvct_desktop.gui.dialogs import Dialogs, message_box, text_dialog
from bvct_desktop.gui.forms import open_form
from bvct_desktop.gui.forms.person_picker import PersonPicker
from bvct_desktop.gui.import_wizard import ImportWizard
from bvct_desktop.gui.login import LoginDialog
from bvct_desktop.gui.look import ErrorLabel, heading
from bvct_desktop.gui.places_dialog import PlacesDialog
from bvct_desktop.gui.qt import QLabel, QLineEdit, QMessageBox, Qt, QWidget
from tests.conftest import workbook
from tests.gui import register_support as support
from tests.gui.shell_support import as_user, context_for, main_window
from tests.gui.tip_support import as_seen, label_as_seen

app, sample_files, db, context = support.app, support.sample_files, support.db, support.context  # fixtures

TYPED = "<b>Lê Thị Hoa</b> & Cty A&B"
TYPED_USER = "<b>Lan</b>"  # any printable character may be in a user's name


@pytest.fixture
def lan(db, clock):
    """The sample database opened by a user named like markup."""
    opened = as_user(db, TYPED_USER, OFFICER)
    yield opened
    opened.close()


def _named(parent: QWidget, name: str) -> QLabel:
    return parent.findChild(QLabel, name)


def test_a_record_s_heading_and_the_line_under_it_read_as_typed(qtbot):
    """The heading of a case's window, a passport holder's, a person file entry's: the person's name as typed."""
    box = heading(f"{TYPED} (1980) — Bổ nhiệm", f"Mở ngày 01/03/2026; người ký {TYPED}.")
    qtbot.addWidget(box)
    assert label_as_seen(_named(box, "title")) == f"{TYPED} (1980) — Bổ nhiệm"
    assert label_as_seen(_named(box, "subtitle")) == f"Mở ngày 01/03/2026; người ký {TYPED}."


def test_a_message_under_a_form_quoting_a_value_reads_as_typed(qtbot):
    message = ErrorLabel()
    qtbot.addWidget(message)
    message.show_message(f"Họ và tên: đã có người «{TYPED}»")
    assert label_as_seen(message) == f"Họ và tên: đã có người «{TYPED}»"


def test_the_attachment_viewer_names_the_file_as_it_is_called(qtbot):
    found = Attachment(1, "slips", 1, f"{TYPED}.docx", "docx", 2048, "0" * 64, None, dt.datetime(2026, 3, 1),
                       "admin", "admin", None)
    view = AttachmentView(found, b"")
    qtbot.addWidget(view)
    title = view.findChildren(QLabel)[0]
    assert label_as_seen(title).startswith(f"{TYPED}.docx — Văn bản Word")
    assert f"Tệp «{TYPED}.docx» (Văn bản Word) không xem được" in label_as_seen(view.message)


def test_the_person_picker_names_the_person_chosen_as_typed(qtbot, context):
    picker = PersonPicker(context)
    qtbot.addWidget(picker)
    picker.warn_changed(TYPED, ["họ tên"])
    assert label_as_seen(picker.warning).startswith(f"Đã sửa họ tên của người đã chọn ({TYPED}). Nếu đây là người")


def test_the_place_looked_up_is_quoted_as_typed(qtbot):
    dialog = PlacesDialog()
    qtbot.addWidget(dialog)
    dialog.query.setText(TYPED)
    dialog.look_up()
    assert f"«{TYPED}»" in label_as_seen(dialog.status)


def test_a_message_box_or_a_question_quoting_a_name_shows_it_as_typed(qtbot):
    box = message_box(None, QMessageBox.Icon.Question, "Xóa", f"Xóa người «{TYPED}»?", QMessageBox.StandardButton.Yes)
    qtbot.addWidget(box)
    assert box.text() == f"Xóa người «{TYPED}»?" and box.textFormat() == Qt.TextFormat.PlainText
    asking = text_dialog(None, "Đổi tên", f"Tên mới cho «{TYPED}»:", QLineEdit.EchoMode.Normal)
    qtbot.addWidget(asking)
    assert label_as_seen(asking.findChild(QLabel)) == f"Tên mới cho «{TYPED}»:"


def test_the_status_bar_names_the_user_as_typed(qtbot, lan, clock):
    window = main_window(qtbot, lan, clock)
    assert label_as_seen(window.user_label) == f"Người dùng: {TYPED_USER}"


def test_the_status_bar_tells_why_the_database_is_out_of_reach_as_written(qtbot, lan, clock):
    window = main_window(qtbot, lan, clock)
    window._show_reach(f"Không kết nối được máy chủ «{TYPED}».")
    assert label_as_seen(window.reach_label).startswith("Không kết nối được máy chủ «<b>")
    assert as_seen(window.reach_label.toolTip()) == f"Không kết nối được máy chủ «{TYPED}»."


def test_the_lock_screen_names_the_user_as_typed(qtbot, lan, clock):
    window = main_window(qtbot, lan, clock)
    window.locker.lock()
    cover = next(c for c in window.findChildren(LockCover) if c.parent() is window)
    assert f"Người dùng: {TYPED_USER}" in [label_as_seen(label) for label in cover.findChildren(QLabel)]


def test_the_password_page_names_the_user_as_typed(qtbot, lan, clock):
    page = PasswordPage(context_for(lan, clock))
    qtbot.addWidget(page)
    assert label_as_seen(page.page_subtitle).startswith(f"Người dùng: {TYPED_USER}. Mật khẩu mới cần")


def test_a_field_s_error_quotes_the_value_typed_as_typed(qtbot, context):
    form = open_form(context, "cadres", browse.record_ids(context.db, "cadres")[0])
    qtbot.addWidget(form)
    support.fill(form, {"birth_date": "<b>x</b>"})
    assert label_as_seen(form.errors["birth_date"]).startswith("Ngày sinh: «<b>x</b>» không phải ngày tháng")



def test_the_import_wizard_names_a_column_it_ignores_as_headed_in_the_file(qtbot, context, tmp_path):
    wizard = ImportWizard(context, "cadres")
    qtbot.addWidget(wizard)
    wizard.load(workbook(tmp_path / "moi.xlsx", ["Họ và tên", TYPED], [["Châu Văn Lực", "x"]]))
    qtbot.waitUntil(lambda: wizard.reading is None, timeout=20_000)
    assert f"Cột bỏ qua: {TYPED}" in label_as_seen(wizard.columns)



def test_the_backup_page_names_who_made_the_newest_backup_as_typed(qtbot, db, lan, clock, tmp_path):
    backup.create(lan, tmp_path / "lan.bvctbak")
    page = BackupPage(context_for(db, clock), lambda: None)
    qtbot.addWidget(page)
    assert label_as_seen(page.newest).endswith(f", người sao lưu: {TYPED_USER}.")


def test_the_login_window_names_the_file_as_it_is_called(qtbot, db, clock, tmp_path):
    folder = tmp_path / "<img src=x> Hồ sơ & A"  # a folder's name holds no «/»
    folder.mkdir()
    path = folder / "bvct.db"
    for name in ("bvct.db", "bvct.db.keys"):
        shutil.copy(db.path.parent / name, folder / name)
    dialog = LoginDialog(path, Dialogs(scripted=True), clock)
    qtbot.addWidget(dialog)
    assert label_as_seen(dialog.file_label) == f"Cơ sở dữ liệu: {path}"
