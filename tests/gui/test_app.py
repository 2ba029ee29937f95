"""The desktop's error hook: an expected failure told in its own words, anything else logged, and
one message at a time."""

import sys

import pytest

from bvct_desktop import paths
from bvct_desktop.core.database import disabled_message, password_changed_message
from bvct_desktop.core.errors import AccountDisabled, BvctError, DamagedError, PasswordChanged
from bvct_desktop.core.permissions import ADMIN
from bvct_desktop.gui import app, damage
from bvct_desktop.gui.dialogs import Dialogs


class Repainting(Dialogs):
    """Message boxes whose showing fails again while they are up, as the repaint of a register whose
    rows could not be read did (bounded: without a guard each box would open another, to a crash)."""

    def warn(self, parent, title: str, text: str) -> None:
        super().warn(parent, title, text)
        if len(self.shown) < 5:
            sys.excepthook(*raised(BvctError("Lỗi khi vẽ lại.")))


def raised(error: BaseException) -> tuple:
    try:
        raise error
    except BaseException as caught:  # noqa: BLE001 - handed to the hook as Python hands it
        return type(caught), caught, caught.__traceback__


def test_an_error_met_while_its_message_is_up_is_logged_not_shown_again(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    dialogs = Repainting(scripted=True)
    app.install_error_hook(dialogs)
    sys.excepthook(*raised(BvctError("Không đọc được sổ.")))
    assert [shown.text for shown in dialogs.shown] == ["Không đọc được sổ."]
    assert "bvct_desktop.core.errors.BvctError" in paths.log_file().read_text(encoding="utf-8")
    sys.excepthook(*raised(BvctError("Lần sau.")))  # the box closed: the next error is told
    assert [shown.text for shown in dialogs.shown] == ["Không đọc được sổ.", "Lần sau."]


def test_a_damaged_database_is_told_with_its_restore(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    dialogs = Dialogs(scripted=True)
    app.install_error_hook(dialogs)
    damaged = DamagedError("Cơ sở dữ liệu bị hỏng.", (tmp_path / "bvct.db", tmp_path / "a.bvctbak"), ADMIN)
    sys.excepthook(*raised(damaged))
    assert [shown.text for shown in dialogs.shown] == [f"Cơ sở dữ liệu bị hỏng. {damage.RESTORE_PAGE}"]


@pytest.mark.parametrize("ended", [AccountDisabled(disabled_message("binh")),
                                   PasswordChanged(password_changed_message("binh"))])
def test_a_disabled_accounts_refusal_is_left_to_the_lock_it_brings(qapp, monkeypatch, ended):
    """binh typed in a register's search box after his account was disabled: the refusal escaped the box
    as a message, while the window locked saying the same (main_window): told once, by the lock. So is a
    connection to the office server refused once an administrator reset his password."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    dialogs = Dialogs(scripted=True)
    app.install_error_hook(dialogs)
    sys.excepthook(*raised(ended))
    assert dialogs.shown == []


def test_the_places_are_read_while_the_officer_types_the_password():
    """The register search reads them at the first unit word typed («Đặc khu Phú Quý»), a 0.3 s wait
    on the GUI thread were they not read before."""
    from bvct_desktop.core import gazetteer

    gazetteer.load.cache_clear()
    app._preload()
    assert gazetteer.load.cache_info().currsize == 1


def test_a_failed_copy_to_the_second_folder_at_exit_is_told_before_the_program_goes(qapp, monkeypatch, tmp_path):
    """The backup at exit was written but its USB copy failed: only the audit trail knew."""
    from types import SimpleNamespace

    from bvct_desktop.core import autobackup, settings
    from tests.gui.shell_support import FakeClock, new_database

    clock = FakeClock()
    db = new_database(tmp_path, clock)
    settings.set_setting(db, "thu_muc_sao_luu_2", str(tmp_path / "usb"))
    written = autobackup.at_exit(db)
    shell = app.Session(db.path, Dialogs(scripted=True), clock)
    shell.window = SimpleNamespace(context=SimpleNamespace(db=db))
    monkeypatch.setattr(shell, "_quit", db.close)
    shell._backed_up(written, None)
    assert [shown.text for shown in shell.dialogs.shown] == [
        f"Đã tự động sao lưu «{written}» trên máy này, nhưng không chép được ra thư mục sao lưu thứ hai: Không thấy "
        f"thư mục sao lưu thứ hai «{tmp_path / 'usb'}» (ổ USB chưa cắm?). Bản sao lưu ngoài máy hôm nay chưa có; lần "
        "sau chương trình đóng sẽ chép lại."]


def test_what_the_program_copied_is_taken_off_the_clipboard_when_the_session_ends(qapp, tmp_path):
    """Logging out and quitting end the session: Windows would keep the program's copy after it quits."""
    from bvct_desktop.gui.qt import QApplication
    from tests.gui.shell_support import FakeClock, new_database

    clock = FakeClock()
    shell = app.Session(tmp_path / "bvct.db", Dialogs(scripted=True), clock)
    shell._open_window(new_database(tmp_path, clock))
    QApplication.clipboard().setText("Vương Khả Ngân")  # as Ctrl+C on a register's row puts it
    shell.end()
    assert QApplication.clipboard().text() == ""
