"""What stays in the other registers when cadres go to the recycle bin: the slips about them or vetting
them, their vetting cases, the delegations they went with, the letters about them and their passports are
records of their own, kept and counted as before; the officer deleting a cadre is told so."""

from sqlalchemy import ColumnElement, Table, func, or_, select

from .database import Database
from .permissions import Action
from .schema import cadres, complaints, delegation_members, delegations, passports, slips, vetting_cases


def still_listed(db: Database, cadre_ids: list[int]) -> list[str]:
    """The records about the cadres `cadre_ids` that stay where they are, each register once
    («3 phiếu xác minh»), in the registers' order; none: an empty list."""
    db.require(Action.BROWSE, "xem hồ sơ")
    persons = select(cadres.c.person_id).where(cadres.c.id.in_(cadre_ids)).scalar_subquery()
    members = select(delegation_members.c.delegation_id).where(delegation_members.c.cadre_id.in_(cadre_ids))
    ties: list[tuple[str, Table, ColumnElement]] = [
        ("hồ sơ thẩm tra", vetting_cases, vetting_cases.c.person_id.in_(persons)),
        ("phiếu xác minh", slips, or_(slips.c.person_id.in_(persons), slips.c.vetted_cadre_id.in_(cadre_ids))),
        ("đoàn ra nước ngoài", delegations, delegations.c.id.in_(members)),
        ("đơn thư", complaints, complaints.c.person_id.in_(persons)),
        ("hộ chiếu", passports, passports.c.person_id.in_(persons)),
    ]
    with db.read() as connection:
        counted = [(what, connection.execute(select(func.count()).select_from(table).where(
            where, table.c.deleted_at.is_(None))).scalar_one()) for what, table, where in ties]
    return [f"{count} {what}" for what, count in counted if count]
