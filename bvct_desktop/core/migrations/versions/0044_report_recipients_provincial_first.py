"""the periodic report's «Nơi nhận» (setting noi_nhan_bao_cao) lists Thường trực Tỉnh ủy first, as the brief's
example does: the value in force today is rewritten where it is still, word for word, the default `bvct init`
stored before; an office's own text, its other dated values and the reports already issued (each keeps its own
«Nơi nhận») stay as they are

Revision ID: 0044
Revises: 0043
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

from bvct_desktop.core.settings import History

revision = "0044"
down_revision = "0043"
branch_labels = None
depends_on = None

KEY = "noi_nhan_bao_cao"
# the defaults word for word as `bvct init` stored them, whatever core/settings.py says later
BEFORE = ("Ban Tổ chức Trung ương (Cục Bảo vệ chính trị nội bộ); Thường trực Tỉnh ủy (để báo cáo); "
          "Lưu Văn phòng Ban")
AFTER = ("Thường trực Tỉnh ủy (để báo cáo); Ban Tổ chức Trung ương (Cục Bảo vệ chính trị nội bộ); "
         "Lưu Văn phòng Ban")
SETTINGS = sa.table("settings", sa.column("key", sa.String), sa.column("valid_from", sa.Date),
                    sa.column("value", sa.Text))


def upgrade() -> None:
    _replace_in_force(BEFORE, AFTER)


def downgrade() -> None:
    _replace_in_force(AFTER, BEFORE)


def _replace_in_force(old: str, new: str) -> None:
    """The value of KEY in force today made `new` if it is `old` (a value not stored is the program's default)."""
    connection = op.get_bind()
    rows = connection.execute(sa.select(SETTINGS.c.key, SETTINGS.c.valid_from, SETTINGS.c.value)
                              .where(SETTINGS.c.key == KEY)).all()
    if not rows:
        return
    span = History(rows).span_on(KEY, dt.date.today())
    if span.value != old:
        return
    same_row = (SETTINGS.c.valid_from.is_(None) if span.valid_from is None
                else SETTINGS.c.valid_from == span.valid_from)
    connection.execute(SETTINGS.update().where(SETTINGS.c.key == KEY, same_row).values(value=new))
