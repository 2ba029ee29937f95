"""The login dialog tells each failure apart in the core's words, and offers the newest
verified backup when the database is damaged."""

import sqlite3

import pytest

from bvct_desktop.core import backup, keyfile, users, vault
from bvct_desktop.gui.designer.ui_admin_users import Ui_UsersPage
from bvct_desktop.gui.designer.ui_login import Ui_LoginDialog
from bvct_desktop.gui.dialogs import YES, Dialogs
from bvct_desktop.gui.login import LoginDialog
from bvct_desktop.gui.qt import QDialog, QWidget
from tests.conftest import ADMIN, PASSWORD
from tests.gui.shell_support import active, logged_in, new_database, tab_stops, type_text


@pytest.fixture
def db_path(tmp_path, clock):
    db = new_database(tmp_path, clock)
    db.close()
    return db.path


def login(qtbot, path, clock, user=ADMIN, password=PASSWORD, dialogs=None):
    dialog = LoginDialog(path, dialogs or Dialogs(scripted=True), clock)
    qtbot.addWidget(dialog)
    dialog.user.setText(user)
    dialog.password.setText(password)
    return dialog, logged_in(dialog)


def test_right_password_opens_the_database(qtbot, db_path, clock):
    dialog, ok = login(qtbot, db_path, clock)
    assert ok and dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.database.actor.name == ADMIN
    dialog.database.close()


def test_vietnamese_password_typed_key_by_key(qtbot, tmp_path, clock):
    db = new_database(tmp_path, clock)
    users.add(db, "nguyen.an", "chuyen-vien", "Sông Hương mùa thu")
    db.close()
    dialog = LoginDialog(db.path, Dialogs(scripted=True), clock)
    qtbot.addWidget(dialog)
    dialog.user.setText("nguyen.an")
    type_text(dialog.password, "Sông Hương mùa thu")
    assert logged_in(dialog)
    dialog.database.close()


def test_each_failure_has_its_own_message(qtbot, tmp_path, db_path, clock):
    messages = {}
    dialog, ok = login(qtbot, db_path, clock, password="")
    assert not ok and dialog.error.text() == "Nhập tên người dùng và mật khẩu."
    dialog, ok = login(qtbot, db_path, clock, password="Sai-mat-khau-99")
    assert not ok and dialog.password.text() == ""
    messages["wrong password"] = dialog.error.text()

    for _ in range(5):
        login(qtbot, db_path, clock, password="Sai-mat-khau-99")
    dialog, ok = login(qtbot, db_path, clock)             # even the right password waits out the lockout
    assert not ok
    messages["locked"] = dialog.error.text()

    foreign = tmp_path / "khac.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.commit()
    keyfile.key_path(db_path).rename(keyfile.key_path(foreign))
    dialog, ok = login(qtbot, foreign, clock)
    messages["foreign"] = dialog.error.text()

    keyfile.key_path(foreign).rename(keyfile.key_path(db_path))
    with open(db_path, "r+b") as handle:
        handle.truncate(db_path.stat().st_size - 100)
    dialog, ok = login(qtbot, db_path, clock)
    messages["damaged"] = dialog.error.text()

    missing = tmp_path / "khong-co.db"
    asked = Dialogs(scripted=True)
    dialog, ok = login(qtbot, missing, clock, dialogs=asked)
    messages["missing"] = dialog.error.text()
    assert not asked.shown  # no restore offered for a file that is not there: it may be the wrong place

    assert "Sai tên người dùng hoặc mật khẩu" in messages["wrong password"]
    assert "tạm khóa" in messages["locked"] and "thử lại sau" in messages["locked"]
    assert "không mã hóa" in messages["foreign"]
    assert "hỏng" in messages["damaged"]
    assert "Không tìm thấy" in messages["missing"]
    assert len(set(messages.values())) == len(messages)


def test_damaged_database_offers_the_newest_verified_backup(qtbot, tmp_path, clock):
    db = new_database(tmp_path, clock, ("cadres",))
    saved = backup.create(db, tmp_path / "ban-sao.bvctbak")
    db.close()
    with open(db.path, "r+b") as handle:
        handle.truncate(db.path.stat().st_size - 100)

    dialogs = Dialogs(scripted=True)
    dialogs.answer_next(YES)
    dialog, ok = login(qtbot, db.path, clock, dialogs=dialogs)
    assert not ok
    assert dialogs.shown[0].kind == "ask" and saved.path.name in dialogs.shown[0].text
    assert "Đã khôi phục" in dialog.error.text()
    assert list(tmp_path.glob("bvct-truoc-khoi-phuc-*.db"))     # the damaged file is kept aside

    dialog.password.setText(PASSWORD)
    assert logged_in(dialog)
    dialog.database.close()


def test_declining_the_restore_changes_nothing(qtbot, tmp_path, clock):
    db = new_database(tmp_path, clock)
    backup.create(db, tmp_path / "ban-sao.bvctbak")
    db.close()
    db.path.write_bytes(b"hong" * 1000)
    dialogs = Dialogs(scripted=True)
    dialog, ok = login(qtbot, db.path, clock, dialogs=dialogs)   # the scripted answer defaults to "no"
    assert not ok and dialogs.shown[0].kind == "ask"
    assert db.path.read_bytes() == b"hong" * 1000


def test_a_user_who_cannot_restore_is_told_an_administrator_must(qtbot, tmp_path, clock):
    db = new_database(tmp_path, clock)
    users.add(db, "binh", "chuyen-vien", "Mat-khau-cua-Binh")
    backup.create(db, tmp_path / "ban-sao.bvctbak")
    stale = keyfile.key_path(db.path).read_bytes()
    users.change_password(db, ADMIN, "Mat-khau-moi-2026")
    db.close()
    keyfile.key_path(db.path).write_bytes(stale)  # an old copy put back: older than the database
    dialogs = Dialogs(scripted=True)
    dialog, ok = login(qtbot, db.path, clock, user="binh", password="Mat-khau-cua-Binh", dialogs=dialogs)
    assert not ok and not dialogs.shown  # no restore offered with a login that cannot do it
    assert "cũ hơn cơ sở dữ liệu" in dialog.error.text()
    assert "Chỉ quản trị viên của bản sao lưu khôi phục được: hãy báo quản trị viên." in dialog.error.text()


def test_another_database_file_can_be_chosen(qtbot, db_path, tmp_path, clock):
    dialogs = Dialogs(scripted=True)
    dialog = LoginDialog(tmp_path / "khong-co.db", dialogs, clock)
    qtbot.addWidget(dialog)
    dialogs.answer_next(str(db_path))
    dialog.choose_other_file()
    assert dialog.address.path == db_path and str(db_path) in dialog.file_label.text()
    dialog.user.setText(ADMIN)
    dialog.password.setText(PASSWORD)
    assert logged_in(dialog)
    dialog.database.close()


def test_the_key_is_derived_off_the_gui_thread_while_the_window_says_so(qtbot, db_path, clock):
    dialog = LoginDialog(db_path, Dialogs(scripted=True), clock)
    qtbot.addWidget(dialog)
    dialog.user.setText(ADMIN)
    dialog.password.setText(PASSWORD)
    dialog.attempt()
    assert dialog.unlocking is not None  # returned at once: the window goes on painting
    assert dialog.error.text() == "Đang mở khóa cơ sở dữ liệu…" and not dialog.login_button.isEnabled()
    dialog.attempt()  # a second press meanwhile does nothing
    qtbot.waitUntil(lambda: dialog.unlocking is None, timeout=20_000)
    assert dialog.result() == LoginDialog.DialogCode.Accepted and dialog.login_button.isEnabled()
    dialog.database.close()


def test_a_database_older_than_its_key_file_is_refused_and_the_verified_backup_offered(qtbot, tmp_path, clock):
    db = new_database(tmp_path, clock)
    db.close()
    old = db.path.read_bytes()
    db = vault.unlock(db.path, ADMIN, PASSWORD, clock)
    users.add(db, "nguyen.an", "chuyen-vien", "Sông Hương mùa thu")
    saved = backup.create(db, tmp_path / "ban-sao.bvctbak")
    db.close()
    db.path.write_bytes(old)  # an older copy put back beside the current key file

    dialogs = Dialogs(scripted=True)
    dialog, ok = login(qtbot, db.path, clock, dialogs=dialogs)   # the scripted answer defaults to "no"
    assert not ok and dialog.database is None
    assert "cũ hơn tệp khóa" in dialog.error.text() and "bvct restore" in dialog.error.text()
    assert dialogs.shown[0].kind == "ask" and saved.path.name in dialogs.shown[0].text


def test_tab_goes_round_the_window_as_it_reads(qtbot, db_path, clock):
    """From the user name: the password, the row of buttons left to right, then the other file above."""
    dialog = LoginDialog(db_path, Dialogs(scripted=True), clock)
    qtbot.addWidget(dialog)
    active(qtbot, dialog)
    assert tab_stops() == [dialog.user, dialog.password, dialog.recovery_button, dialog.server_button,
                           dialog.login_button, dialog.quit_button, dialog.other_button]


def test_the_login_names_the_account_s_name_as_the_users_page_does(qtbot):
    login_form, users_form = Ui_LoginDialog(), Ui_UsersPage()
    login_form.setupUi(dialog := QDialog())
    users_form.setupUi(page := QWidget())
    qtbot.addWidget(dialog)
    qtbot.addWidget(page)
    assert login_form.user_label.text() == users_form.name_label.text() == "Tên người dùng:"


def test_a_lost_key_file_lets_the_administrator_choose_the_backup_on_the_usb_drive(qtbot, tmp_path, clock):
    """Only bvct.db was copied to the new PC. Without its key file the program cannot know where the
    backups went, and the login only said to look for them: the officer could not restore from here.
    Now it asks for one (on the USB drive), says when it was made, and restores it."""
    db = new_database(tmp_path, clock, ("cadres",))
    usb = tmp_path / "usb"
    usb.mkdir()
    saved = backup.create(db, usb / "chuyen-may.bvctbak")
    db.close()
    keyfile.key_path(db.path).unlink()
    dialogs = Dialogs(scripted=True)
    dialogs.answer_next(YES, str(saved.path), YES)
    dialog, ok = login(qtbot, db.path, clock, dialogs=dialogs)
    assert not ok
    assert [shown.kind for shown in dialogs.shown] == ["ask", "open_file", "ask"]
    assert "ổ USB" in dialogs.shown[0].text and f"«{saved.path}» (" in dialogs.shown[2].text
    assert dialog.error.text().startswith(f"Đã khôi phục từ bản sao lưu «{saved.path}» (")
    dialog.password.setText(PASSWORD)
    assert logged_in(dialog)
    dialog.database.close()


def test_choosing_no_backup_changes_nothing(qtbot, tmp_path, clock):
    db = new_database(tmp_path, clock)
    db.close()
    keyfile.key_path(db.path).unlink()
    before = db.path.read_bytes()
    dialogs = Dialogs(scripted=True)
    dialogs.answer_next(YES, None)
    dialog, ok = login(qtbot, db.path, clock, dialogs=dialogs)
    assert not ok and [shown.kind for shown in dialogs.shown] == ["ask", "open_file"]
    assert "tệp khóa" in dialog.error.text().lower() and db.path.read_bytes() == before
