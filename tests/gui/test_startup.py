"""First run: office settings pre-filled and editable, the administrator with a password hint,
the recovery key shown once and confirmed; or an existing database opened instead."""

import datetime as dt
import sys
import unicodedata
from pathlib import Path

import pytest

from bvct_desktop import paths
from bvct_desktop.cli.main import main as cli_main
from bvct_desktop.core import address, backup, backup_log, keyfile, numbering, restore_checks, settings, vault
from bvct_desktop.core.address import FileAddress
from bvct_desktop.gui import app, startup_restore
from bvct_desktop.gui.dialogs import Dialogs
from bvct_desktop.gui.login import LoginDialog
from bvct_desktop.gui.qt import QDialog, QLabel, QWizard
from bvct_desktop.gui.startup import OPEN_OTHER, FirstRunWizard
from tests.conftest import ADMIN, PASSWORD
from tests.gui.shell_support import FakeClock, logged_in, off_the_gui_thread, threads_calling
from tests.real_process import bvct, environment, killed


@pytest.fixture
def wizard(qtbot, tmp_path):
    dialogs = Dialogs(scripted=True)
    shown = FirstRunWizard(tmp_path / "du-lieu" / "bvct.db", dialogs, FakeClock())
    qtbot.addWidget(shown)
    shown.show()
    return shown


def fill_admin(wizard, password=PASSWORD, again=PASSWORD):
    wizard.admin.password.setText(password)
    wizard.admin.again.setText(again)


def test_office_settings_are_prefilled_and_editable(wizard):
    assert wizard.office.values() == {"co_quan_cap_tren": "TỈNH ỦY LÂM ĐỒNG", "co_quan": "BAN TỔ CHỨC",
                                      "dia_danh": "Lâm Đồng"}
    wizard.office.fields["co_quan"].setText("")
    wizard.next()
    assert wizard.currentPage() is wizard.office
    assert "Cơ quan ban hành" in wizard.office.error.text()


def test_password_hint_gives_the_core_reason(wizard):
    wizard.next()
    wizard.admin.password.setText("ngan")
    assert wizard.admin.hint.text() == "Mật khẩu phải có ít nhất 10 ký tự."
    wizard.admin.password.setText("matkhau123")
    assert "phổ biến" in wizard.admin.hint.text()
    wizard.admin.password.setText(PASSWORD)
    assert wizard.admin.hint.text() == "Mật khẩu đạt yêu cầu."


def test_mismatched_passwords_create_nothing(wizard):
    wizard.next()
    fill_admin(wizard, again=PASSWORD + "x")
    wizard.next()
    assert wizard.currentPage() is wizard.admin
    assert wizard.admin.error.text() == "Hai lần nhập mật khẩu không khớp."
    assert not wizard.path.exists()


def test_an_administrators_name_breaking_the_rule_creates_nothing(wizard):
    wizard.next()
    fill_admin(wizard)
    wizard.admin.name.setText("quản trị " * 8)
    wizard.next()
    assert wizard.currentPage() is wizard.admin
    assert wizard.admin.error.text().startswith("Tên người dùng dài 103 byte, quá giới hạn 63 byte")
    assert not wizard.path.exists()


def test_the_administrator_is_the_name_as_stored_and_logged_in_by_it(wizard):
    wizard.next()
    fill_admin(wizard)
    wizard.admin.name.setText(unicodedata.normalize("NFD", " Trần Bình "))  # typed with combining marks
    wizard.next()
    assert wizard.currentPage() is wizard.recovery
    assert wizard.database.actor.name == "Trần Bình"
    wizard.database.close()


def test_whole_first_run_creates_the_database_with_the_office_settings(wizard):
    wizard.office.fields["dia_danh"].setText("Bình Thuận")
    wizard.next()
    fill_admin(wizard)
    wizard.next()

    assert wizard.currentPage() is wizard.recovery
    db = wizard.database
    assert db.actor.name == "quantri" and db.actor.role == "quan-tri"
    assert settings.list_settings(db)["dia_danh"] == "Bình Thuận"
    key = wizard.recovery.key.text()
    assert key == wizard.recovery_key and len(key) > 20
    vault.unlock_with_recovery_key(wizard.path, key).close()

    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()                     # not before the officer confirms the key is kept
    wizard.reject()
    assert wizard.isVisible()                         # cannot be dismissed: the key is never shown again
    wizard.recovery.kept.setChecked(True)
    assert finish.isEnabled()
    wizard.accept()
    db.close()


def test_recovery_key_is_printed_or_saved_to_a_usb_stick_never_copied(wizard, tmp_path):
    """As the printed sheet says: kept on paper or a USB stick stored apart, never on the computer
    (the clipboard included: Windows keeps its history)."""
    wizard.next()
    fill_admin(wizard)
    wizard.next()
    page = wizard.recovery
    assert not hasattr(page, "copy_button") and page.save_button.text() == "Lưu vào ổ USB…"
    assert "ổ USB cất riêng" in page.keeping.text() and "không lưu trên máy tính này" in page.keeping.text()
    target = tmp_path / "khoa.txt"
    wizard.dialogs.answer_next(str(target))
    page.save_key()
    # the key on the first line: the file serves `bvct users passwd TÊN --recovery-key-file` as it is
    assert target.read_text(encoding="utf-8").splitlines()[0] == page.key.text()
    wizard.recovery.print_key()
    assert wizard.recovery.preview.isVisible() and wizard.recovery.preview.pages == 1
    wizard.recovery.preview.close()
    wizard.database.close()


def whole(label: QLabel) -> bool:
    return label.isVisible() and label.height() >= label.heightForWidth(label.width())


def subtitle_shown(wizard) -> QLabel:
    return wizard.currentPage().findChild(QLabel, "explanation")  # gui/wizard_pages: said on the page


def test_each_page_s_subtitle_is_read_whole_at_the_wizard_s_size(wizard, qtbot):
    """The header shows two lines: the recovery key's warning (never kept on this computer), once the
    subtitle's last words, was cut off there; it is said on the page itself."""
    for _page in (wizard.office, wizard.admin):
        qtbot.waitUntil(lambda: whole(subtitle_shown(wizard)))
        fill_admin(wizard)
        wizard.next()
    assert wizard.currentPage() is wizard.recovery
    qtbot.wait(50)
    assert whole(subtitle_shown(wizard)), subtitle_shown(wizard).text()
    assert whole(wizard.recovery.keeping)
    wizard.database.close()


def test_open_another_database_instead(wizard, tmp_path):
    other = tmp_path / "khac.db"
    wizard.dialogs.answer_next(str(other))
    wizard.open_other()
    assert wizard.result() == OPEN_OTHER and wizard.other_path == other
    assert not wizard.path.exists()


def backup_of_the_old_pc(tmp_path) -> tuple[Path, str]:
    """The backup an administrator made on the old PC (README: «Chuyển chương trình và dữ liệu sang máy
    mới»), and the recovery key on its printed slip."""
    old = tmp_path / "may-cu" / "bvct.db"
    recovery_key = vault.create(old, ADMIN, PASSWORD)
    db = vault.unlock(old, ADMIN, PASSWORD)
    settings.set_setting(db, "dia_danh", "Bảo Lộc")
    with db.write() as connection:
        numbering.take(db, connection, numbering.REPORT, dt.date(2025, 10, 1), dt.date(2026, 1, 5), "báo cáo", "BTCTU")
    saved = backup.create(db, tmp_path / "chuyen-may.bvctbak").path
    db.close()
    return saved, recovery_key


def restore_through(wizard, saved: Path, password: str = PASSWORD) -> None:
    wizard.office.restore_button.click()
    wizard.restore.backup_file.setText(str(saved))
    wizard.restore.user.setText(ADMIN)
    wizard.restore.password.setText(password)
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_a_new_pc_restores_the_old_one_s_backup_instead_of_creating_a_database(wizard, tmp_path):
    saved, _key = backup_of_the_old_pc(tmp_path)
    wizard.office.restore_button.click()
    assert wizard.currentPage() is wizard.restore
    # where it goes, whole: a long Windows path cut the subtitle's third line off at 1366×768
    assert wizard.restore.where.text().endswith(f"\n{wizard.path}") and wizard.restore.where.wordWrap()
    assert str(wizard.path) not in wizard.restore.findChild(QLabel, "explanation").text()
    wizard.dialogs.answer_next(str(saved))
    wizard.restore.backup_button.click()
    assert wizard.restore.backup_file.text() == str(saved)
    made = backup.dated(saved).at  # its own time, before its age: the officer sees which backup is chosen
    assert wizard.restore.error.text() == (f"Bản sao lưu này tạo lúc {made:%H:%M} ngày {made:%d/%m/%Y} "
                                           f"({backup_log.age(made, wizard.clock())}).")
    restore_through(wizard, saved, "Sai-mat-khau-2025")
    assert wizard.currentPage() is wizard.restore and wizard.restore.error.text() == backup.WRONG_BACKUP_LOGIN
    assert not wizard.path.parent.exists() and wizard.restore.password.text() == ""
    wizard.back()
    assert wizard.currentPage() is wizard.office
    wizard.next()
    assert wizard.currentPage() is wizard.admin  # back on the first page, creating is the way forward again
    wizard.back()
    restore_through(wizard, saved)
    assert wizard.result() == QDialog.DialogCode.Accepted and wizard.database is None and wizard.restored_by == ADMIN
    told = wizard.dialogs.shown[-1]
    assert told.kind == "inform" and told.text.startswith(f"Đã khôi phục từ bản sao lưu «{saved}» (")
    assert "Tệp cũ giữ lại" not in told.text  # a new PC had nothing to keep
    assert ("\n\nSố văn bản cuối cùng trong bản sao lưu (nhiệm kỳ từ 01/10/2025): 01-BC/BTCTU ngày 05/01/2026. "
            + restore_checks.AGAINST_THE_REGISTER) in told.text
    restored = vault.unlock(wizard.path, ADMIN, PASSWORD)
    assert settings.list_settings(restored)["dia_danh"] == "Bảo Lộc"
    restored.close()


def test_an_administrator_who_forgot_the_password_restores_on_a_new_pc_with_the_recovery_key(wizard, tmp_path):
    """The old PC gone and its administrator's password forgotten: the backup opens with the recovery
    key, and the officer is told to reset the password with it at the login."""
    saved, key = backup_of_the_old_pc(tmp_path)
    wizard.office.restore_button.click()
    page = wizard.restore
    page.backup_file.setText(str(saved))
    page.with_recovery_key.setChecked(True)
    assert page.user.isHidden() and page.password_label.text() == "Khóa khôi phục:"
    page.password.setText("KHONG-DUNG-" + key[11:])
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.currentPage() is page and page.error.text() == backup.WRONG_BACKUP_RECOVERY_KEY
    assert not wizard.path.parent.exists()
    page.password.setText(key.lower().replace("-", " "))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QDialog.DialogCode.Accepted and wizard.restored_by == ""
    assert wizard.restored_with_key == key.lower().replace("-", " ")  # the login resets the password with it
    told = wizard.dialogs.shown[-1]
    assert told.kind == "inform" and startup_restore.RESET_WITH_THE_KEY in told.text
    restored = vault.unlock_with_recovery_key(wizard.path, key)
    assert settings.list_settings(restored)["dia_danh"] == "Bảo Lộc"
    restored.close()


def test_a_session_restored_from_a_backup_goes_to_the_login_of_its_administrator(qtbot, tmp_path, monkeypatch):
    saved, _key = backup_of_the_old_pc(tmp_path)
    logins = []

    def walk_through(wizard):
        wizard.show()  # as exec() would
        restore_through(wizard, saved)
        return wizard.result()

    def log_in(dialog):
        logins.append(dialog.user.text())
        dialog.password.setText(PASSWORD)
        return QDialog.DialogCode.Accepted if logged_in(dialog) else QDialog.DialogCode.Rejected

    monkeypatch.setattr(FirstRunWizard, "exec", walk_through)
    monkeypatch.setattr(LoginDialog, "exec", log_in)
    session = app.Session(tmp_path / "moi" / "bvct.db", Dialogs(scripted=True))
    assert session.start()
    qtbot.addWidget(session.window)
    assert logins == [ADMIN] and session.window.context.db.actor.name == ADMIN
    session.end()


def test_bvct_gui_and_bvct_desktop_find_the_database_as_bvct_does(monkeypatch, tmp_path):
    started: list[address.Address] = []

    def start(session):
        started.append(session.address)
        return False                                          # the officer closed the login

    monkeypatch.setattr(app.Session, "start", start)
    monkeypatch.setenv("BVCT_DB", str(tmp_path / "tu-bien.db"))
    assert app.main([]) == 0
    assert cli_main(["--db", str(tmp_path / "tu-tham-so.db"), "gui"]) == 0
    assert cli_main(["gui"]) == 0
    monkeypatch.delenv("BVCT_DB")
    assert app.main([]) == 0
    assert started == [FileAddress(tmp_path / "tu-bien.db"), FileAddress(tmp_path / "tu-tham-so.db"),
                       FileAddress(tmp_path / "tu-bien.db"), FileAddress(paths.default_database())]


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9")
def test_a_restore_cut_off_is_put_back_and_told_before_the_login_looks_for_the_database(monkeypatch, tmp_path):
    path = tmp_path / "bvct.db"
    vault.create(path, ADMIN, PASSWORD)
    db = vault.unlock(path, ADMIN, PASSWORD)
    saved = backup.create(db, tmp_path / "truoc.bvctbak").path
    db.close()
    assert killed(bvct(environment(tmp_path, path), "restore", saved, crash_at="restore-half-placed"))
    told: list[str] = []
    found: list[bool] = []
    monkeypatch.setattr(app.Dialogs, "warn", lambda self, parent, title, text: told.append(text))
    monkeypatch.setattr(app.Session, "start",
                        lambda session: found.append(path.exists() and keyfile.key_path(path).exists()) or False)
    monkeypatch.setenv("BVCT_DB", str(path))
    assert app.main([]) == 0
    assert found == [True]
    assert told == [f"Lần khôi phục từ bản sao lưu «{saved}» bị ngắt giữa chừng: cơ sở dữ liệu «{path}» và tệp khóa "
                    "của nó đã được đặt lại như trước khi khôi phục. Hãy khôi phục lại nếu vẫn cần."]


def test_first_run_session_opens_the_main_window_as_the_new_administrator(qtbot, tmp_path, monkeypatch):
    def walk_through(wizard):
        wizard.show()                                         # as exec() would
        wizard.next()
        fill_admin(wizard)
        wizard.next()
        wizard.recovery.kept.setChecked(True)
        wizard.accept()
        return wizard.result()

    monkeypatch.setattr(FirstRunWizard, "exec", walk_through)
    session = app.Session(tmp_path / "moi" / "bvct.db", Dialogs(scripted=True))   # the system clock
    assert session.start()
    window = session.window
    qtbot.addWidget(window)
    assert window.context.db.actor.name == "quantri" and not window.context.read_only
    assert (tmp_path / "moi" / "bvct.db").exists()
    session.end()


def test_the_database_is_created_on_a_worker(wizard, monkeypatch):
    created_on = threads_calling(monkeypatch, vault, "create")
    wizard.next()
    fill_admin(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.recovery and wizard.admin.error.text() == ""
    assert off_the_gui_thread(created_on)  # its key derivations too
    wizard.database.close()


def test_a_server_address_without_a_verified_certificate_is_refused_before_any_window(monkeypatch, tmp_path):
    """As `bvct` does: exit 2, saying how to allow a closed LAN anyway; no session, no file made."""
    told: list[str] = []
    monkeypatch.setattr(app.Dialogs, "warn", lambda self, parent, title, text: told.append(text))
    monkeypatch.setattr(app.Session, "start", lambda session: pytest.fail("no session on an unverified server"))
    monkeypatch.chdir(tmp_path)
    assert app.main(["--db", "postgresql://may-chu/bvct?sslmode=verify-full&sslrootcert=ca.crt"]) == 2
    assert "ca.crt" in told[0] and "--insecure-lan" in told[0] and list(tmp_path.iterdir()) == []


def test_a_remembered_server_that_no_longer_opens_is_said_and_the_file_is_offered(monkeypatch, tmp_path):
    """The office CA file was moved: the officer is told why and how to choose the server again."""
    told: list[str] = []
    started: list[address.Address] = []
    monkeypatch.setattr(app.Dialogs, "warn", lambda self, parent, title, text: told.append(text))
    monkeypatch.setattr(app.Session, "start", lambda session: started.append(session.address) or False)
    paths.remember(paths.Choice(f"postgresql://may-chu/bvct?sslmode=verify-full&sslrootcert={tmp_path}/ca.crt"))
    assert app.main([]) == 0
    assert told[0].startswith("Không mở được máy chủ đã chọn lúc thiết lập: Không tìm thấy tệp chứng chỉ CA")
    assert "«Máy chủ dùng chung…»" in told[0]
    assert started == [FileAddress(paths.default_database())]
