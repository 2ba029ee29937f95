"""What restoring an older backup over the open database loses: the work written after the backup was
taken, counted from the open database's audit trail past the entry the backup's trail ends at, in words
and numbers an officer can check against what was done since. Nothing here holds record content."""

from pathlib import Path

from sqlalchemy import func, select

from . import audit_actions as actions
from . import audit_chain, audit_words, backup_log
from .collation import text_sort_key
from .database import Database
from .schema import audit_log
from .text import capitalised

# what was done to a record, and to how many records (recycle bin: «khôi phục»)
RECORD_ACTIONS = {actions.ADDED: "thêm mới", actions.CHANGED: "sửa", actions.DELETED: "xóa",
                  actions.RESTORED: "lấy lại từ thùng rác"}
# the other work a restore takes back, counted as times done
OTHER_ACTIONS = (actions.USER_ADDED, actions.ROLE_CHANGED, actions.USER_DISABLED, actions.USER_ENABLED,
                 actions.FULL_NAME_CHANGED, actions.PASSWORD_CHANGED, actions.PASSWORD_RESET, actions.SETTING_CHANGED,
                 actions.DOCUMENT_ISSUED, actions.RECIPIENT_ADDED, actions.RECIPIENT_RENAMED, actions.RECIPIENTS_MERGED,
                 actions.NUMBER_SPOILED, actions.NUMBERS_USED_OUTSIDE)
# asked before the restore, then told once it is done
LOST = ("Những việc đã làm sau lúc sao lưu sẽ không còn trong cơ sở dữ liệu khôi phục (vẫn còn trong tệp hiện tại "
        "được giữ lại):")
LOST_NOW = ("Những việc đã làm sau lúc sao lưu không còn trong cơ sở dữ liệu đã khôi phục (vẫn còn trong tệp cũ "
            "được giữ lại):")
NOTHING_DONE = "chưa có hồ sơ, tài khoản, thiết lập hay văn bản nào được thêm, sửa hoặc xóa."
NOTHING_LOST = f"Từ lúc sao lưu đến nay {NOTHING_DONE}"
NOTHING_LOST_NOW = f"Từ lúc sao lưu đến lúc khôi phục {NOTHING_DONE}"


def told(db: Database, backup: Path, restored: bool = False) -> str | None:
    """The work on the open database since `backup` was taken, line by line with counts («Thân nhân: 4 bản
    ghi thêm mới»), as what a restore will take back or, `restored`, took back; None when that cannot be
    told: the backup is no earlier state of this database (another database, a copy restored elsewhere
    with its own history, a file that is no readable backup)."""
    found = backup_log.label(Path(backup))
    if found is None or found.db_id != db.db_id or not found.audit_head:
        return None
    head = found.audit_head
    with db.read() as connection:
        at_head = connection.execute(select(audit_log.c.mac).where(audit_log.c.id == head["id"])).scalar()
        if at_head != head["mac"]:
            return None
        since = (audit_log.c.id > head["id"]) & (audit_log.c.outcome == audit_chain.OK)
        records = connection.execute(
            select(audit_log.c.kind, audit_log.c.action, func.count(audit_log.c.record_id.distinct()))
            .where(since, audit_log.c.action.in_(RECORD_ACTIONS), audit_log.c.record_id.is_not(None))
            .group_by(audit_log.c.kind, audit_log.c.action)).all()
        other = connection.execute(
            select(audit_log.c.action, func.count()).where(since, audit_log.c.action.in_(OTHER_ACTIONS))
            .group_by(audit_log.c.action)).all()
    lines = _record_lines(records) + [f"  – {capitalised(action)}: {times} lần"
                                      for action, times in sorted(other, key=lambda row: OTHER_ACTIONS.index(row[0]))]
    if not lines:
        return NOTHING_LOST_NOW if restored else NOTHING_LOST
    return "\n".join([LOST_NOW if restored else LOST, *lines])


def _record_lines(rows) -> list[str]:
    """One line per register or part of the person's file, in Vietnamese order (Đơn thư after Dân tộc, before
    Hồ sơ): how many records were added, changed, deleted."""
    done: dict[str, list[tuple[str, int]]] = {}
    for kind, action, count in rows:
        done.setdefault(audit_words.kind_text(kind), []).append((action, count))
    order = list(RECORD_ACTIONS)
    return [f"  – {title}: " + ", ".join(f"{count} bản ghi {RECORD_ACTIONS[action]}"
                                         for action, count in sorted(actions, key=lambda a: order.index(a[0])))
            for title, actions in sorted(done.items(), key=lambda item: text_sort_key(item[0]))]
