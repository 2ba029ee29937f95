"""The passport custody register on paper (sổ theo dõi giao, nhận hộ chiếu), as the officer shows it to the
chief and at inspections: the passports the register page shows, in its order, each with every time it was
handed out and received back (the oldest first); a passport never handed out has one line saying where it is.
Printed and taken to Excel by io/documents (render.passport_register_pdf, _xlsx); printing and exporting need
the export permission and are audited (documents_data.produce)."""

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from . import documents_data, passports, settings
from .database import Database
from .deadlines import passport_return_due, trip_return_on
from .documents_data import Office
from .fields import Field
from .kinds import CADRES
from .schema import cadres, passport_handovers, persons, units
from .schema import passports as passport_table

TITLE = "SỔ THEO DÕI GIAO, NHẬN HỘ CHIẾU"
KIND = passports.KIND  # the trail's kind for a print or an export of the register
COUNTED = "so_ho_chieu"  # how its audit entry names the number of passports listed
HOLDER = Field("full_name", "Họ và tên")
TRIP = Field("trip", "Chuyến đi")  # the kind of trip, with its decision number
NOTE = Field("note", "Ghi chú")  # the handover's note, the passport's last with its remark; never handed out: where
FIELDS = (HOLDER, CADRES.field("position"), CADRES.field("unit"), *passports.PASSPORT_FIELDS[:2],
          passports.PASSPORT_FIELDS[3], passports.HANDED_ON, TRIP, passports.TRIP_RETURN, passports.DUE_SHOWN,
          passports.RETURNED_ON, NOTE)


def lines(connection: Connection, passport_ids: Sequence[int], today: dt.date) -> list[dict[str, Any]]:
    """The register's lines for the passports `passport_ids` (those in the recycle bin left out), in that
    order; «Hạn nộp lại» as the ledger shows it, how late on `today` (the day printed) while not back."""
    history = settings.read_history(connection)
    found = {row["id"]: dict(row) for row in connection.execute(
        select(passport_table.c.id, persons.c.full_name, cadres.c.position, units.c.name.label("unit"),
               passport_table.c.passport_type, passport_table.c.number, passport_table.c.expires_on,
               passport_table.c.lost_on, passport_table.c.lost_note)
        .select_from(passport_table.join(persons).outerjoin(cadres, cadres.c.person_id == persons.c.id)
                     .outerjoin(units, units.c.id == cadres.c.unit_id))
        .where(passport_table.c.id.in_(passport_ids), passport_table.c.deleted_at.is_(None))).mappings()}
    handed: dict[int, list[dict[str, Any]]] = {}
    for row in connection.execute(
            select(passport_handovers.c.passport_id, passport_handovers.c.handed_on, passport_handovers.c.trip,
                   passport_handovers.c.decision_no, trip_return_on().label("trip_return_on"),
                   passport_handovers.c.returned_on, passport_handovers.c.note)
            .where(passport_handovers.c.passport_id.in_(passport_ids), passport_handovers.c.deleted_at.is_(None))
            .order_by(passport_handovers.c.handed_on, passport_handovers.c.id)).mappings():
        due = passport_return_due(row["trip_return_on"], history) if row["trip_return_on"] else None
        trip = f"{row['trip']} ({row['decision_no']})" if row["decision_no"] else row["trip"]
        handed.setdefault(row["passport_id"], []).append(
            {**row, "trip": trip, passports.DUE_SHOWN.key: passports.due_shown(
                due, row["returned_on"], today, found[row["passport_id"]]["lost_on"])})
    where = passports.states(connection, list(found), today)
    for passport_id, handovers in handed.items():
        last = handovers[-1]
        last[NOTE.key] = "; ".join(filter(None, (last[NOTE.key], passports.remark(found[passport_id], today)))) or None
    return [{**found[passport_id], **handover}
            for passport_id in passport_ids if passport_id in found
            for handover in handed.get(passport_id) or [{NOTE.key: where[passport_id]}]]


def produce(db: Database, passport_ids: Sequence[int], today: dt.date,
            write: Callable[[Office, list[dict[str, Any]]], None], subject: Sequence[str],
            target: Path | None = None) -> list[dict[str, Any]]:
    """Writes the register's lines for an officer allowed to export: the PDF to print (`target` None: printing
    it is audited by the preview), or the workbook `target`, whose export is audited here with which passports
    it covers."""
    return documents_data.listed(db, "sổ theo dõi giao, nhận hộ chiếu", KIND,
                                 lambda connection: lines(connection, passport_ids, today), write, target,
                                 {COUNTED: len(passport_ids), "pham_vi": list(subject)}, today)
