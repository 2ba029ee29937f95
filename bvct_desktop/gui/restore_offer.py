"""A damaged database at login: offer the newest verified backup, restored by the data-safety
service (authenticated against the backup's own key slots, the damaged pair kept aside). The words
before and after a restore, and the backups a file dialog offers, are said here for every restore the
desktop makes."""

from pathlib import Path

from ..core import backup, backup_log, restored_accounts
from ..core.database import Clock
from ..core.errors import BvctError
from .dialogs import YES, Dialogs
from .look import wait_cursor
from .workers import wait_for

BACKUP_FILTER = f"Bản sao lưu BVCT (*{backup_log.SUFFIX});;Mọi tệp (*)"


def offer(parent, dialogs: Dialogs, path: Path, user: str, password: str, clock: Clock) -> str | None:
    """Asks, then restores; returns what was done and that the officer logs in again (None when nothing
    was restored)."""
    newest = backup_log.newest_verified(path)
    if newest is None:
        return None
    which = "bản sao lưu đã kiểm tra gần nhất"
    question = f"Cơ sở dữ liệu không mở được vì bị hỏng hoặc không đúng tệp.\n\n{question_for(newest, which)}"
    if dialogs.ask(parent, "Khôi phục từ bản sao lưu", question) != YES:
        return None
    try:
        with wait_cursor():
            restored = wait_for(lambda: backup.restore(newest.path, user, password, path, clock))
    except BvctError as refused:
        dialogs.warn(parent, "Không khôi phục được", refused.message)
        return None
    return outcome_of(newest, restored, "Hãy đăng nhập lại.")


def question_for(chosen: backup_log.Known, which: str = "bản sao lưu") -> str:
    """The question before `chosen` (`which` backup it is) replaces the database: since when the work is
    lost, where it is kept."""
    return (f"Khôi phục từ {which} {chosen.describe()}?\n\nTệp hiện tại được giữ lại dưới tên có ngày giờ, "
            "không bị xóa. Dữ liệu nhập sau thời điểm sao lưu sẽ phải nhập lại.")


def outcome_of(chosen: backup_log.Known, restored: backup.Restored, then: str) -> str:
    """What a restore of `chosen` did, naming the files kept aside, what the officer does `then`, and
    below it the accounts that came back as they were at the backup."""
    kept = ", ".join(p.name for p in restored.kept) or "không có"
    done = f"Đã khôi phục từ bản sao lưu {chosen.describe()}. Tệp cũ giữ lại: {kept}. {then}"
    accounts = restored_accounts.told(restored.accounts)
    return f"{done}\n\n{accounts}" if accounts else done
