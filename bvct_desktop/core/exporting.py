"""Exporting a register in its import layout, and the period rule of each kind."""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from . import record_rows
from .database import Database
from .errors import InputError
from .kinds import Kind
from .permissions import Action

RowWriter = Callable[[Iterable[Mapping]], int]


def export(db: Database, kind: Kind, target: Path, write: RowWriter,
           start: dt.date | None = None, end: dt.date | None = None) -> int:
    """Streams the kind's records (in the recycle bin: never) to `write`; returns the row count."""
    if (start or end) and kind.date_key is None:
        raise InputError(f"Danh sách «{kind.name}» không lọc theo ngày; bỏ --from/--to.")
    if start and end and end < start:
        raise InputError("Ngày --to phải sau hoặc bằng ngày --from.")
    db.require(Action.EXPORT, f"xuất {kind.name}")
    with db.read() as connection:
        count = write(record_rows.export_rows(connection, kind, start, end))
    with db.write() as connection:
        db.audit(connection, "xuất", kind=kind.name,
                 details={"tep": Path(target).name, "so_dong": count,
                          "tu": start, "den": end})
    return count
