"""Records kept about a person, or about one of their relatives, as form values go: the
shared shape of foreign elements, political-issue notes and the person's own account on form 2C
(core/personfile/vitae.py). A date of the person's own life cannot precede their birth."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..editing import FormProblems
from ..fields import Field, FieldType, order_problems
from ..schema import relatives
from . import writes
from .owned import OwnedRows, Owner

RELATIVE = "relative_id"  # the form value naming the relative a record is about (or None)
NO_LONGER_LISTED = "đã xóa khỏi danh sách thân nhân"  # said of a relative a record is about, no longer listed
REMOVED = f"({NO_LONGER_LISTED})"  # how a record about a relative no longer listed names them
BORN = Field("birth_date", "Ngày sinh", FieldType.PARTIAL_DATE)  # the person's, which no date of their life precedes


def _settled(connection: Connection, notes: OwnedRows, person: dict[str, Any], raw: dict[str, Any],
             values: dict[str, Any], record: dict[str, Any] | None) -> None:
    """The relative the record is about, when its table names one; then, for a record not about a relative, the
    dates of the person's own life: none before their birth, each told at its field."""
    if about_relatives(notes):
        values[RELATIVE] = _relative_of(connection, person["id"], raw.get(RELATIVE),
                                        None if record is None else record[RELATIVE])
    if values.get(RELATIVE) is None:
        dates = [(spec, BORN) for spec in notes.fields if spec.type in (FieldType.DATE, FieldType.PARTIAL_DATE,
                                                                        FieldType.YEAR)]
        if wrong := order_problems(dates, {**values, BORN.key: person[BORN.key]}):
            raise FormProblems({problem.header: problem.message for problem in wrong})


# the owner of a person's records (OwnedRows), each of them about the person or, when its table has the column for
# it (RELATIVE), one of their relatives
PERSON = Owner("person_id", lambda connection, person_id, _title: writes.person_exists(connection, person_id),
               _settled)


def about_relatives(notes: OwnedRows) -> bool:
    """Whether a record may be about one of the person's relatives."""
    return RELATIVE in notes.table.c


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
