"""Row versions: every stored change to a record or a person counts up its `row_version` and names
who made it (`updated_by`), so that a form saved over a change its officer did not see is refused
(core/editing.py) instead of silently undoing it — on a shared server two officers may have the
same record open. So is a form's save of a record someone put in the recycle bin: it would bring the
record back (core/plans/base.py). The acting user reaches the writes through the write transaction's
connection.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from .errors import InputError

ACTOR_INFO = "bvct_actor"  # connection.info: the user of the write transaction under way


@dataclass(frozen=True)
class Change:
    """Who changed a record (or its person) and when; `binned`: they put the record in the recycle bin."""

    by: str | None
    at: dt.datetime
    binned: bool = False

    def __str__(self) -> str:
        """In words: «chuyenvien2 sửa lúc 09:20 ngày 02/03/2026»."""
        did = "xóa" if self.binned else "sửa"
        return f"{self.by or 'người khác'} {did} lúc {self.at:%H:%M} ngày {self.at:%d/%m/%Y}"


def binned(record: dict[str, Any]) -> Change | None:
    """Who put the stored `record` in the recycle bin, and when (its last change); None: it is not there."""
    return Change(record["updated_by"], record["updated_at"], binned=True) if record["deleted_at"] is not None else None


class ChangedMeanwhile(InputError):
    """Someone else changed the record (or its person) since the form was filled from it, or put it in
    the recycle bin: nothing is saved."""

    @classmethod
    def of(cls, change: Change) -> "ChangedMeanwhile":
        """The refusal naming who made `change` and when."""
        if change.binned:
            return cls(f"Bản ghi đã bị {change} (chuyển vào Thùng rác); chưa lưu. Những gì bạn nhập vẫn còn trên "
                       "biểu mẫu: nếu vẫn cần, hãy khôi phục bản ghi từ Thùng rác, mở lại rồi lưu.")
        return cls(f"Bản ghi đã được {change}, sau khi bạn mở nó; chưa lưu. Những gì bạn nhập vẫn còn trên biểu mẫu: "
                   "hãy mở lại bản ghi để xem thay đổi rồi lưu lại.")


def versioned(table: Table) -> bool:
    return "row_version" in table.c


def first(connection: Connection, table: Table) -> dict[str, Any]:
    """The version columns of a new row."""
    return {"row_version": 1, "updated_by": connection.info.get(ACTOR_INFO)} if versioned(table) else {}


def next_of(connection: Connection, table: Table) -> dict[str, Any]:
    """The version columns of an update (SQL: counted up where the row is)."""
    if not versioned(table):
        return {}
    return {"row_version": table.c.row_version + 1, "updated_by": connection.info.get(ACTOR_INFO)}
