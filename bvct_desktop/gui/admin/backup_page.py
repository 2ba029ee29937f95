"""Sao lưu: back up now, verify a backup, restore one (administrator); the newest verified
backup and a warning when it is older than a week. The data-safety services do the work,
off the GUI thread with a progress dialog. The page is the Designer form ui/admin_backup.ui."""

from pathlib import Path

from ...core import audit, autobackup, backup, backup_log, restore_loss
from ...core.errors import BvctError
from ...core.numbers import megabytes
from ...core.permissions import Action, allows
from .. import restore_offer
from ..accessible import named_from_labels
from ..caps_lock import CapsLockWatch
from ..context import BACKUPS, AppContext
from ..designer.ui_admin_backup import Ui_BackupPage
from ..dialogs import YES
from ..look import TICK, colour
from ..qt import QWidget
from ..workers import run_in_background

SERVER_ABOUT = ("Bản sao lưu cơ sở dữ liệu trên máy chủ là một tệp mã hóa (cùng định dạng với cơ sở dữ liệu tệp), "
                "chụp một thời điểm nhất quán và được kiểm tra ngay sau khi ghi. Trên máy chủ, chương trình không tự "
                "sao lưu khi đóng: quản trị viên sao lưu định kỳ bằng lệnh bvct backup (README: «Dùng chung trong mạng "
                "nội bộ»).")
SERVER_NEWEST_HIDDEN = "Các bản sao lưu của máy chủ ghi trong nhật ký; quản trị viên và lãnh đạo xem được."


class BackupPage(QWidget, Ui_BackupPage):
    """`restored` is called once a restore let go of the open database — it replaced it, or failed after
    (the session logs in again)."""

    def __init__(self, context: AppContext, restored, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.caps_lock = CapsLockWatch(self.password)
        self.context = context
        self._restored = restored
        self.task = None
        self.backup_button.clicked.connect(self.back_up)
        self.verify_button.clicked.connect(self.verify)
        self.restore_button.clicked.connect(self.restore)
        # A restore writes a database file; the server is never overwritten (`bvct restore` says how)
        self.restore_button.setVisible(allows(context.db.actor.role, Action.RESTORE) and not context.read_only
                                       and not context.db.is_server)
        if context.db.is_server:
            self.about.setText(SERVER_ABOUT)
        named_from_labels(self)
        self.show_newest()

    def show_newest(self) -> None:
        db = self.context.db
        newest = autobackup.newest(db)
        text = ("Chưa có bản sao lưu đã kiểm tra nào." if newest is None
                else f"Bản sao lưu đã kiểm tra gần nhất: {newest.describe()}{_made_by(newest.made_by)}.")
        if db.is_server and not allows(db.actor.role, Action.AUDIT):
            text = SERVER_NEWEST_HIDDEN
        overdue = autobackup.overdue(db, self.context.clock())
        if overdue:
            text += f" {overdue} — hãy sao lưu ngay."
        copy = autobackup.last_second_copy(db)
        if copy is not None:
            text += f"\nLần chép ra thư mục thứ hai gần nhất: {copy.describe()}."
        alarming = overdue or (copy is not None and not copy.ok)
        self.newest.setStyleSheet(f"color: {colour('error')}; font-weight: bold;" if alarming else "")
        self.newest.setText(text)

    def _start(self, title: str, job, done, refused=None) -> None:
        """Runs `job` off the GUI thread; `done` gets its result, `refused` its BvctError (by default
        shown on the page)."""
        self.message.clear()
        self.checks.clear()
        refused = refused or (lambda error: self.message.show_message(error.message))

        def finished(result, error) -> None:
            self.task = None
            if isinstance(error, BvctError):
                refused(error)
            elif error is not None:
                raise error
            else:
                done(result)

        self.task = run_in_background(self, title, lambda progress: job(), finished)

    def back_up(self) -> None:
        db = self.context.db
        suggested = str(backup_log.auto_folder() / autobackup.auto_name(db, self.context.clock()))
        chosen = self.context.dialogs.save_file(self, "Sao lưu ra tệp", suggested, restore_offer.BACKUP_FILTER)
        if not chosen:
            return

        def done(written: backup.Written) -> None:
            self.message.show_message(f"Đã sao lưu và kiểm tra: «{written.path}» "
                                      f"({megabytes(written.size)}).", error=False)
            self.show_newest()
            self.context.notifier.changed.emit(BACKUPS)

        self._start("Đang sao lưu…", lambda: backup.create(db, Path(chosen)), done)

    def _chosen_backup(self, title: str) -> Path | None:
        if not self.password.text():
            self.message.show_message("Nhập mật khẩu của bạn để mở bản sao lưu.")
            return None
        chosen = self.context.dialogs.open_file(self, title, restore_offer.BACKUP_FILTER)
        return Path(chosen) if chosen else None

    def verify(self) -> None:
        path = self._chosen_backup("Kiểm tra bản sao lưu")
        if path is None:
            return
        user, password = self.context.db.actor.name, self.password.text()
        self._start("Đang kiểm tra bản sao lưu…", lambda: backup.verify(path, user, password),
                    lambda report: self._show_checked(path, report))

    def _show_checked(self, path: Path, report: backup.Report) -> None:
        """What the check of the backup at `path` found good, each check ticked."""
        made = f"tạo lúc {report.created_at:%d/%m/%Y %H:%M}{_made_by(report.manifest.get('created_by'))}"
        self.message.show_message(f"Bản sao lưu «{audit.full_path(path)}» tốt ({made}).", error=False)
        self.checks.setText("\n".join(f"{TICK} {check}" for check in report.checks))

    def restore(self) -> None:
        """Checks the backup chosen as `verify` does, then asks whether to restore it: a damaged one is
        told before the officer is asked. The restore then takes that check's report (`backup.restore`)."""
        path = self._chosen_backup("Khôi phục từ bản sao lưu")
        if path is None:
            return
        try:
            chosen = backup.dated(path)
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        user, password = self.context.db.actor.name, self.password.text()
        self._start("Đang kiểm tra bản sao lưu…", lambda: backup.verify(path, user, password),
                    lambda report: self._restore_checked(chosen, user, password, report))

    def _restore_checked(self, chosen: backup_log.Known, user: str, password: str, report: backup.Report) -> None:
        path, db = chosen.path, self.context.db
        lost = restore_loss.told(db, path)
        question = (f"{restore_offer.question_for(chosen, lost=lost)}\n\n"
                    "Sau khi khôi phục, chương trình yêu cầu đăng nhập lại.")
        if restore_offer.of_another_database(path, db.db_id):
            question = f"{restore_offer.OF_ANOTHER_DATABASE}\n\n{question}"
        if self.context.dialogs.ask(self, "Khôi phục từ bản sao lưu", question) != YES:
            self._show_checked(path, report)  # not restored: what the check found stays told
            return

        def done(result: backup.Restored) -> None:
            told = restore_offer.outcome_of(chosen, result, "Hãy đăng nhập lại.")
            self.context.dialogs.inform(self, "Đã khôi phục", told)
            self._restored()

        def failed(error: BvctError) -> None:
            if not db.closed:  # refused before the open database was let go: the officer works on
                self.message.show_message(error.message)
                return
            self.context.dialogs.warn(self, "Không khôi phục được", f"{error.message} Hãy đăng nhập lại.")
            self._restored()

        # the files are moved aside once the backup is checked: no connection may stay open on them then
        self._start("Đang khôi phục…",
                    lambda: backup.restore(path, user, password, db.path, self.context.clock, release=db.close,
                                           verified=report), done, failed)


def _made_by(name: str | None) -> str:
    """Who made a backup, after when, where known: the page is read by whoever is logged in."""
    return f", người sao lưu: {name}" if name else ""
