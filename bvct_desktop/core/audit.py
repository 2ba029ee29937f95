"""The audit trail as officers read it: one entry per login, record opened, change, import, export and refusal.

Listing and verifying are audited services; the chain itself (appending, the head mirrored in
the key file, the MACs) is `audit_chain`. Details never hold more than the officer's own action
needs.
"""

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from . import user_names
from .audit_chain import FAILED, OK, PENDING, REFUSED, Verdict
from .database import Database
from .permissions import Action
from .schema import audit_log

OUTCOMES = {OK: "thành công", REFUSED: "bị từ chối", FAILED: "thất bại", PENDING: "đang thực hiện"}
OLD, NEW = "cu", "moi"  # how an entry's details name a value before and after
RECORD = "ban_ghi"  # the values an entry about one stored record names it by
FIRST_RECORD, LAST_RECORD = "ban_ghi_dau", "ban_ghi_cuoi"  # of a print of many records
VIEWED, VIEWED_TRAIL = "xem hồ sơ", "xem nhật ký"
TRAIL_EXPORTED = "xuất nhật ký"
LIST_HEADERS = ("Số", "Thời gian", "Người dùng", "Vai trò", "Hành động", "Kết quả", "Loại", "Bản ghi",
                "Chi tiết")


def created(values: dict[str, Any]) -> dict[str, Any]:
    """The details of a record's creation (or its return from the recycle bin): its filled values."""
    return {NEW: _filled(values)}


def deleted(values: dict[str, Any]) -> dict[str, Any]:
    """The details of a record put in the recycle bin: the filled values it had."""
    return {OLD: _filled(values)}


def _filled(values: dict[str, Any]) -> dict[str, Any]:
    """The values that are neither None nor an empty list (0, "" and False are filled)."""
    return {key: value for key, value in values.items() if value is not None and value != []}


def changed(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The details of a change, in the one format every entry uses: each changed value, old and new."""
    return {key: {OLD: before.get(key), NEW: value} for key, value in after.items() if before.get(key) != value}


def file_at(target: Path | str) -> dict[str, str]:
    """The details naming a file the program wrote or read by its full path (a backup, an export, an import's
    workbook), failed or not: a copy on a USB stick (E:\\) is told from one kept in the office's folder, and
    the officer finds the file the trail names."""
    return {"tep": full_path(target)}


def full_path(target: Path | str) -> str:
    """A file as the trail names it (`file_at`), for a message to say it alike."""
    return str(Path(target).resolve())


def named(record: dict[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """The details naming one stored `record` by its filled values of `keys` (the slip's number, whom
    it is about): what the officer knows it by, not its internal id."""
    return {RECORD: {key: record[key] for key in keys if record.get(key) not in (None, [], "")}}


def viewed(db: Database, action: str, kind: str | None = None, record_id: int | None = None,
           details: dict[str, Any] | None = None) -> None:
    """Writes a view to the trail (one record opened, the trail, the outgoing register): one small
    write of its own once the reading succeeded, by any role that may read."""
    with db.write() as connection:
        db.audit(connection, action, kind=kind, record_id=record_id, details=details)


@dataclass(frozen=True)
class Entry:
    id: int
    at: dt.datetime
    user: str | None
    role: str | None
    action: str
    outcome: str
    kind: str | None
    record_id: int | None
    details: str | None

    def cells(self) -> tuple[str, ...]:
        return (str(self.id), f"{self.at:%d/%m/%Y %H:%M:%S}", self.user or "", self.role or "", self.action,
                OUTCOMES.get(self.outcome, self.outcome), self.kind or "",
                "" if self.record_id is None else str(self.record_id), self.details or "")


# an Entry's columns, in its order (a long trail is read as plain tuples)
ENTRY_COLUMNS = [audit_log.c[name] for name in ("id", "at", "user_name", "role", "action", "outcome", "kind",
                                                 "record_id", "details")]


def list_entries(db: Database, start: dt.date | None = None, end: dt.date | None = None,
                 user: str | None = None, *, users: Collection[str] | None = None,
                 actions: Collection[str] | None = None, outcome: str | None = None) -> Iterator[Entry]:
    """The trail, oldest first, between two days (both included), for one user if asked (`user`
    as `_users_meant` reads it) or for `users` (names as stored), for `actions` and one `outcome`."""
    db.require(Action.AUDIT, VIEWED_TRAIL)
    query = select(*ENTRY_COLUMNS).order_by(audit_log.c.id)
    if start:
        query = query.where(audit_log.c.at >= dt.datetime.combine(start, dt.time()))
    if end:
        query = query.where(audit_log.c.at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
    if user:
        query = query.where(audit_log.c.user_name.in_(_users_meant(db, user)))
    if users is not None:
        query = query.where(audit_log.c.user_name.in_(users))
    if actions is not None:
        query = query.where(audit_log.c.action.in_(actions))
    if outcome:
        query = query.where(audit_log.c.outcome == outcome)
    return _entries(db, query)


def viewed_trail(db: Database, asked: dict[str, Any]) -> None:
    """Writes the reading of the trail with what was `asked` (its filled values) to the trail itself."""
    db.require(Action.AUDIT, VIEWED_TRAIL)
    viewed(db, VIEWED_TRAIL, details={key: value for key, value in asked.items() if value is not None})


def distinct_values(db: Database, column: str) -> set[str]:
    """The values the trail holds in one of its columns (`user_name`, `action`), empty ones left out."""
    with db.read() as connection:
        return set(connection.execute(select(audit_log.c[column]).distinct()).scalars()) - {None}


def officers(db: Database) -> dict[str, str | None]:
    """The users the trail holds (names as stored) with the role of their latest entry: whom the officer reading
    the trail picks among, without the administrator's right to list the accounts."""
    db.require(Action.AUDIT, VIEWED_TRAIL)
    latest = select(func.max(audit_log.c.id)).where(audit_log.c.user_name.is_not(None)).group_by(
        audit_log.c.user_name)
    with db.read() as connection:
        rows = connection.execute(select(audit_log.c.user_name, audit_log.c.role).where(audit_log.c.id.in_(latest)))
        return {name: role for name, role in rows}


def _users_meant(db: Database, typed: str) -> list[str]:
    """The trail's user names a name `typed` means: the one of that spelling (`user_names.as_stored`),
    else those differing from it only by letter case or Unicode form (one person under the rule of
    `user_names.check_free`)."""
    names = distinct_values(db, "user_name")
    name = user_names.as_stored(typed, names)
    return [name] if name in names else [other for other in names if user_names.alike(other, name)]


def _entries(db: Database, query) -> Iterator[Entry]:
    with db.read() as connection:
        for row in connection.execution_options(yield_per=5_000).execute(query).tuples():
            yield Entry(*row)


def export(db: Database, target: Path, write: Callable[[Iterator[Entry]], int], entries: Iterable[Entry],
           encrypted: bool = False) -> int:
    """Hands `entries` (those the officer is shown, in the order shown) to `write` (the io layer's
    workbook at `target`, `encrypted` with a password); returns how many. Exporting needs the export
    permission and is itself audited with the file's path."""
    db.require(Action.EXPORT, TRAIL_EXPORTED)
    count = write(iter(entries))
    details = file_at(target) | {"so_muc": count} | ({"ma_hoa": True} if encrypted else {})
    with db.write() as connection:
        db.audit(connection, TRAIL_EXPORTED, details=details)
    return count


def verify(db: Database) -> Verdict:
    """Checks the whole trail against the key file's head; the check itself is audited."""
    db.require(Action.AUDIT, "kiểm tra nhật ký")
    verdict = db.verify_audit_chain()
    with db.write() as connection:
        db.audit(connection, "kiểm tra nhật ký", OK if verdict.ok else FAILED,
                 details={"so_muc": verdict.count, "muc_hong": verdict.broken_id})
    return verdict
