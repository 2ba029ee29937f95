"""A damaged database at login: offer the newest verified backup (or, none known, one the officer
chooses), restored by the data-safety service (authenticated against the backup's own key slots, the
damaged pair kept aside). The words before and after a restore, and the backups a file dialog offers,
are said here for every restore the desktop makes."""

from pathlib import Path

from ..core import backup, backup_log, restored_accounts
from ..core.database import Clock
from ..core.errors import BvctError
from .dialogs import YES, Dialogs
from .look import wait_cursor
from .workers import wait_for

BACKUP_FILTER = f"Bản sao lưu BVCT (*{backup_log.SUFFIX});;Mọi tệp (*)"
TITLE, NOT_RESTORED = "Khôi phục từ bản sao lưu", "Không khôi phục được"
NOT_OPENED = "Cơ sở dữ liệu không mở được vì bị hỏng hoặc không đúng tệp."
OF_ANOTHER_DATABASE = ("Bản sao lưu này là của một cơ sở dữ liệu khác, không phải cơ sở dữ liệu đang mở: khôi phục nó "
                       "thì hồ sơ, tài khoản và mật khẩu ở đây được thay bằng của cơ sở dữ liệu ấy. Hãy xem lại tệp đã "
                       "chọn.")


def offer(parent, dialogs: Dialogs, path: Path, user: str, password: str, clock: Clock) -> str | None:
    """Asks, then restores the newest verified backup, or one the officer chooses when none is known (the
    key file lost with the PC: only it remembers where backups went); returns what was done and that
    the officer logs in again (None when nothing was restored)."""
    newest = backup_log.newest_verified(path)
    if newest is not None:
        chosen = _agreed(parent, dialogs, newest)
    else:  # a file not there is told so: it may only be the wrong place (Mở cơ sở dữ liệu khác…)
        chosen = _picked(parent, dialogs) if Path(path).exists() else None
    if chosen is None:
        return None
    try:
        with wait_cursor():
            restored = wait_for(lambda: backup.restore(chosen.path, user, password, path, clock))
    except BvctError as refused:
        dialogs.warn(parent, NOT_RESTORED, refused.message)
        return None
    return outcome_of(chosen, restored, "Hãy đăng nhập lại.")


def _agreed(parent, dialogs: Dialogs, newest: backup_log.Known) -> backup_log.Known | None:
    question = f"{NOT_OPENED}\n\n{question_for(newest, 'bản sao lưu đã kiểm tra gần nhất')}"
    return newest if dialogs.ask(parent, TITLE, question) == YES else None


def _picked(parent, dialogs: Dialogs) -> backup_log.Known | None:
    """A backup the officer finds (on the USB drive), confirmed once its date is known."""
    question = (f"{NOT_OPENED} Chương trình không tìm thấy bản sao lưu đã kiểm tra nào của nó.\n\nChọn một bản sao "
                f"lưu (tệp {backup_log.SUFFIX}, ví dụ trên ổ USB) để khôi phục?")
    if dialogs.ask(parent, TITLE, question) != YES:
        return None
    path = dialogs.open_file(parent, TITLE, BACKUP_FILTER)
    if not path:
        return None
    try:
        chosen = backup.dated(Path(path))
    except BvctError as refused:
        dialogs.warn(parent, NOT_RESTORED, refused.message)
        return None
    return chosen if dialogs.ask(parent, TITLE, question_for(chosen)) == YES else None


def question_for(chosen: backup_log.Known, which: str = "bản sao lưu", lost: str | None = None) -> str:
    """The question before `chosen` (`which` backup it is) replaces the database: where the current one is
    kept, and the work lost — what it comes to when the open database tells it (`restore_loss.told`), else
    that whatever was entered since the backup is to be entered again."""
    question = (f"Khôi phục từ {which} {chosen.describe()}?\n\nTệp hiện tại được giữ lại dưới tên có ngày giờ, "
                "không bị xóa.")
    return f"{question}\n\n{lost}" if lost else f"{question} Dữ liệu nhập sau thời điểm sao lưu sẽ phải nhập lại."


def of_another_database(path: Path, db_id: str) -> bool:
    """Whether the backup at `path` holds another database than the one whose id is `db_id`."""
    found = backup_log.label(path)
    return found is not None and found.db_id != db_id


def outcome_of(chosen: backup_log.Known, restored: backup.Restored, then: str) -> str:
    """What a restore of `chosen` did, naming the files kept aside (if any), what the officer does `then`,
    and below it what to check in the database restored and the accounts that came back as they were
    at the backup."""
    kept = (f" Tệp cũ giữ lại trong thư mục «{restored.kept[0].parent}»: {', '.join(p.name for p in restored.kept)}."
            if restored.kept else "")
    done = f"Đã khôi phục từ bản sao lưu {chosen.describe()}.{kept} {then}"
    return "\n\n".join([done, *restored.checks, restored_accounts.told(restored.accounts)]).rstrip()
