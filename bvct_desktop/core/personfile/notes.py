"""Records kept about a person, or about one of their relatives, as form values go: the
shared shape of foreign elements, political-issue notes and the person's own account on form 2C
(core/personfile/vitae.py). A date of the person's own life cannot precede their birth."""

from collections.abc import Callable
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from ..database import Database
from ..editing import VERSION, FormProblems
from ..fields import Field, FieldType, order_problems
from ..permissions import Action
from ..schema import persons, relatives
from . import writes

RELATIVE = "relative_id"  # the form value naming the relative a record is about (or None)
REMOVED = "(đã xóa khỏi danh sách thân nhân)"  # how a record about a relative no longer listed names them
BORN = Field("birth_date", "Ngày sinh", FieldType.PARTIAL_DATE)  # the person's, which no date of their life precedes


class PersonNotes:
    """`check`: the rule a record's values (its RELATIVE included) must keep beyond each field's own
    (FormProblems); it may fill in a value left empty that follows from the others. `in_order_of`: the key of
    the date the records are listed by (undated last), else in the order written. A record is about one of
    the person's relatives when its table has the column for it (RELATIVE)."""

    def __init__(self, table: Table, kind: str, title: str, fields: tuple[Field, ...],
                 check: Callable[[dict[str, Any]], None] = lambda values: None, in_order_of: str | None = None):
        self.table, self.kind, self.title, self.fields, self.check = table, kind, title, fields, check
        self.in_order_of = in_order_of
        self.about_relatives = RELATIVE in table.c

    def field(self, key: str) -> Field:
        return next(spec for spec in self.fields if spec.key == key)

    def of_person(self, db: Database, person_id: int) -> list[dict[str, Any]]:
        """The person's records (about them and their relatives), oldest first, each with its VERSION."""
        db.require(Action.BROWSE, f"xem {self.title}")
        with db.read() as connection:
            return self.read(connection, person_id)

    def read(self, connection: Connection, person_id: int) -> list[dict[str, Any]]:
        """`of_person` inside the caller's transaction (documents read it with their other data)."""
        order = (self.table.c[self.in_order_of].asc().nulls_last(),) if self.in_order_of else ()
        query = (select(self.table).where(self.table.c.person_id == person_id, self.table.c.deleted_at.is_(None))
                 .order_by(*order, self.table.c.id))
        return [{**row, VERSION: (row["row_version"],)} for row in connection.execute(query).mappings()]

    def add(self, db: Database, person_id: int, raw: dict[str, Any]) -> int:
        db.require(Action.EDIT, f"thêm {self.title}")
        values = writes.parse(self.fields, raw)
        with db.write() as connection:
            writes.person_exists(connection, person_id)
            if self.about_relatives:
                values[RELATIVE] = _relative_of(connection, person_id, raw.get(RELATIVE))
            self._checked(connection, person_id, values)
            return writes.insert(db, connection, self.table, self.kind, {**values, "person_id": person_id})

    def update(self, db: Database, record_id: int, raw: dict[str, Any], seen: tuple[int, ...] | None = None
               ) -> list[str]:
        """Replaces the record's values with the form's; returns the keys that changed. A record changed
        since the form was filled from it (`seen`, the entry's VERSION) is refused (ChangedMeanwhile)."""
        db.require(Action.EDIT, f"sửa {self.title}")
        values = writes.parse(self.fields, raw)
        with db.write() as connection:
            record = writes.current(connection, self.table, record_id, self.title)
            writes.check_unchanged(record, seen)
            if self.about_relatives:
                values[RELATIVE] = _relative_of(connection, record["person_id"], raw.get(RELATIVE), record[RELATIVE])
            self._checked(connection, record["person_id"], values)
            return writes.update(db, connection, self.table, self.kind, record, values,
                                 [spec.key for spec in self.fields if spec.required])

    def delete(self, db: Database, record_id: int) -> None:
        db.require(Action.EDIT, f"xóa {self.title}")
        with db.write() as connection:
            writes.soft_delete(db, connection, self.table, self.kind,
                                writes.current(connection, self.table, record_id, self.title))


    def _checked(self, connection: Connection, person_id: int, values: dict[str, Any]) -> None:
        """`check`, after the dates of the person's own life (a record not about a relative): none before their
        birth, each told at its field."""
        if values.get(RELATIVE) is None:
            born = connection.execute(select(persons.c.birth_date).where(persons.c.id == person_id)).scalar()
            dates = [(spec, BORN) for spec in self.fields if spec.type in (FieldType.DATE, FieldType.PARTIAL_DATE)]
            if wrong := order_problems(dates, {**values, BORN.key: born}):
                raise FormProblems({problem.header: problem.message for problem in wrong})
        self.check(values)


def _relative_of(connection: Connection, person_id: int, relative_id: int | None, kept: int | None = None
                 ) -> int | None:
    """`relative_id`, a live relative of the person's; or `kept`, whom the record is about already (a relative
    deleted before relatives.delete_relative refused it)."""
    if relative_id is None or relative_id == kept:
        return relative_id
    owner = connection.execute(select(relatives.c.person_id).where(
        relatives.c.id == relative_id, relatives.c.deleted_at.is_(None))).scalar()
    if owner != person_id:
        raise FormProblems({RELATIVE: "Thân nhân đã chọn không thuộc hồ sơ này"})
    return relative_id
