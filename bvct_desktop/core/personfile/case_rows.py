"""Rows kept in a vetting case, as form values go: the shared shape of its team members, the dossier
items received and the verification minutes (personfile/case_steps.py)."""

from collections.abc import Callable
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from ..database import Database
from ..editing import VERSION
from ..errors import InputError
from ..fields import Field
from ..permissions import Action
from ..plans.cases import CONCLUDED
from ..schema import vetting_cases
from . import writes

CASE = "hồ sơ thẩm tra"
# the rule a row's values must keep beside the case's other rows (FormProblems): the connection, the case,
# the values and the row being changed (None: a new one)
Check = Callable[[Connection, dict[str, Any], dict[str, Any], int | None], None]


class CaseRows:
    def __init__(self, table: Table, kind: str, title: str, fields: tuple[Field, ...], order: tuple[str, ...],
                 check: Check = lambda connection, case, values, row_id: None):
        self.table, self.kind, self.title, self.fields, self.check = table, kind, title, fields, check
        self.order = order  # the keys the case's rows are listed by

    def of_case(self, db: Database, case_id: int) -> list[dict[str, Any]]:
        """The case's rows in `order`, each with its VERSION."""
        db.require(Action.BROWSE, f"xem {self.title}")
        with db.read() as connection:
            return self.read(connection, case_id)

    def read(self, connection: Connection, case_id: int) -> list[dict[str, Any]]:
        """`of_case` inside the caller's transaction."""
        query = (select(self.table).where(self.table.c.vetting_case_id == case_id, self.table.c.deleted_at.is_(None))
                 .order_by(*(self.table.c[key] for key in self.order), self.table.c.id))
        return [{**row, VERSION: (row["row_version"],)} for row in connection.execute(query).mappings()]

    def add(self, db: Database, case_id: int, raw: dict[str, Any]) -> int:
        db.require(Action.EDIT, f"thêm {self.title}")
        values = writes.parse(self.fields, raw)
        with db.write() as connection:
            case = self._still_open(connection, case_id)
            self.check(connection, case, values, None)
            return writes.insert(db, connection, self.table, self.kind, {**values, "vetting_case_id": case_id})

    def update(self, db: Database, row_id: int, raw: dict[str, Any], seen: tuple[int, ...] | None = None
               ) -> list[str]:
        """Replaces the row's values with the form's; returns the keys that changed. A row changed since the
        form was filled from it (`seen`, the entry's VERSION) is refused (ChangedMeanwhile)."""
        db.require(Action.EDIT, f"sửa {self.title}")
        values = writes.parse(self.fields, raw)
        with db.write() as connection:
            row = writes.current(connection, self.table, row_id, self.title)
            writes.check_unchanged(row, seen)
            case = self._still_open(connection, row["vetting_case_id"])
            self.check(connection, case, values, row_id)
            return writes.update(db, connection, self.table, self.kind, row, values,
                                 [spec.key for spec in self.fields if spec.required])

    def delete(self, db: Database, row_id: int) -> None:
        db.require(Action.EDIT, f"xóa {self.title}")
        with db.write() as connection:
            row = writes.current(connection, self.table, row_id, self.title)
            self._still_open(connection, row["vetting_case_id"])
            writes.soft_delete(db, connection, self.table, self.kind, row)

    def _still_open(self, connection: Connection, case_id: int) -> dict[str, Any]:
        """The case, refused once concluded: what its conclusion rests on is changed after «Mở lại hồ sơ»."""
        case = writes.current(connection, vetting_cases, case_id, CASE)
        if case["status"] == CONCLUDED:
            raise InputError(f"Hồ sơ đã kết luận: không thêm, sửa hay xóa {self.title}; chọn «Mở lại hồ sơ» nếu "
                             "cần thẩm tra, xác minh tiếp.")
        return case
