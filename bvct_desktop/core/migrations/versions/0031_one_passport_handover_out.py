"""a passport is out on one handover at most: the store refuses a second one not received back

Revision ID: 0031
Revises: 0030
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None

INDEX = "uq_passport_handovers_one_out"
OUT = "returned_on IS NULL AND deleted_at IS NULL"
CLOSED_NOTE = ("Ngày nhận lại ghi khi nâng cấp chương trình: hộ chiếu đã được giao lại ngày {}, mà lần giao này "
               "chưa ghi ngày nhận lại; hãy xem lại.")


def upgrade() -> None:
    _close_all_but_the_last_out()
    op.create_index(INDEX, "passport_handovers", ["passport_id"], unique=True,
                    sqlite_where=sa.text(OUT), postgresql_where=sa.text(OUT))


def _close_all_but_the_last_out() -> None:
    """A passport out twice in an earlier version's database (two officers handing it out at once): it was back
    by the day it went out again, which is written as the earlier handover's return, saying so in its note —
    the officer corrects the day if the paper ledger has it. The handover out last stays out."""
    handovers = sa.table("passport_handovers", sa.column("id"), sa.column("passport_id"),
                         sa.column("handed_on", sa.Date), sa.column("returned_on", sa.Date), sa.column("note"),
                         sa.column("deleted_at"), sa.column("updated_at", sa.DateTime), sa.column("row_version"))
    bind = op.get_bind()
    out = bind.execute(sa.select(handovers.c.id, handovers.c.passport_id, handovers.c.handed_on, handovers.c.note)
                       .where(handovers.c.returned_on.is_(None), handovers.c.deleted_at.is_(None))
                       .order_by(handovers.c.passport_id, handovers.c.handed_on, handovers.c.id)).all()
    now = dt.datetime.now().replace(microsecond=0)
    for earlier, later in zip(out, out[1:], strict=False):
        if earlier.passport_id != later.passport_id:
            continue
        told = CLOSED_NOTE.format(later.handed_on.strftime("%d/%m/%Y"))
        bind.execute(handovers.update().where(handovers.c.id == earlier.id).values(
            returned_on=later.handed_on, note=f"{earlier.note}\n{told}" if earlier.note else told,
            updated_at=now, row_version=handovers.c.row_version + 1))


def downgrade() -> None:
    op.drop_index(INDEX, "passport_handovers")
