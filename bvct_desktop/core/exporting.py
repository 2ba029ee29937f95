"""Exporting a register in its import layout, and the period rule of each kind."""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from . import audit, record_rows
from .database import Database
from .dates import check_period
from .errors import InputError
from .kinds import Kind
from .permissions import Action

RowWriter = Callable[[Iterable[Mapping]], int]


def asked_for(kind: Kind) -> str:
    """What an export of `kind` is called when it is refused, on every face and in the trail: «xuất «Cán bộ»»."""
    return f"xuất «{kind.title}»"


def export(db: Database, kind: Kind, target: Path, write: RowWriter,
           start: dt.date | None = None, end: dt.date | None = None, ids: Sequence[int] | None = None,
           encrypted: bool = False, scope: Sequence[str] = ()) -> int:
    """Streams the kind's records (in the recycle bin: never) to `write`; returns the row count.

    `ids` exports those records only, in that order: what a register shows under its search and
    filters, or the rows the officer selected (the audit entry says how many were chosen, and the `scope`:
    the lines naming the period, filters, search and selection they were chosen under).
    `encrypted`: `write` encrypts the file with a password (the audit entry says so)."""
    if (start or end) and kind.date_key is None:
        raise InputError(f"Danh sách «{kind.title}» không lọc theo ngày; bỏ ngày bắt đầu và ngày kết thúc.")
    check_period(start, end)
    db.require(Action.EXPORT, asked_for(kind))
    with db.read() as connection:
        count = write(record_rows.export_rows(connection, kind, start, end, ids))
    asked = {"tu": start, "den": end, "so_ban_ghi_chon": None if ids is None else len(ids),
             "pham_vi": list(scope) or None, "ma_hoa": encrypted or None}
    with db.write() as connection:
        db.audit(connection, "xuất", kind=kind.name, details=audit.file_at(target) | {"so_dong": count} | {
            key: value for key, value in asked.items() if value is not None})
    return count
