"""The slips already sent about one person, the recycle bin's left out: a new slip about them tells the officer
of each (which, when, where, whom the vetting was for, its reply or that it still waits), and a second slip sent
while one still waits is asked about before it is saved."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Connection

from .database import Database
from .dates import display_date
from .permissions import Action
from .schema import recipients, slips
from .text import brief

AWAITS = "chờ trả lời"
RESULT_LETTERS = 60  # a reply's result as the message line tells it; the slip's form holds it whole


@dataclass(frozen=True)
class EarlierSlip:
    number: str
    issued_on: dt.date
    recipient: str
    vetted_name: str | None
    result_on: dt.date | None
    result: str | None

    @property
    def waiting(self) -> bool:
        return self.result_on is None and not self.result

    def told(self) -> str:
        """«Phiếu 41/PXM ngày 02/03/2025 gửi Cục A93B – Bộ Công an, xác minh cho Nguyễn Văn Hùng: chờ trả lời»,
        or «…: trả lời ngày 30/03/2025 — Không có tàng thư»."""
        sent = f"{self._which} gửi {self.recipient}"
        if self.vetted_name:
            sent += f", xác minh cho {self.vetted_name}"
        return f"{sent}: {self._reply}"

    def told_briefly(self) -> str:
        """The person picker's line, without where and for whom: «Phiếu 41/PXM ngày 02/03/2025: chờ trả lời»."""
        return f"{self._which}: {self._reply}"

    @property
    def _which(self) -> str:
        return f"Phiếu {self.number} ngày {display_date(self.issued_on)}"

    @property
    def _reply(self) -> str:
        if self.waiting:
            return AWAITS
        answered = f"trả lời ngày {display_date(self.result_on)}" if self.result_on else "đã trả lời"
        return answered + (f" — {brief(self.result, RESULT_LETTERS)}" if self.result else "")

def about(db: Database, person_id: int) -> list[EarlierSlip]:
    db.require(Action.BROWSE, "xem phiếu xác minh")
    with db.read() as connection:
        return read(connection, person_id)


def read(connection: Connection, person_id: int) -> list[EarlierSlip]:
    """The slips about person `person_id`, oldest first, in one query."""
    query = (select(slips.c.number, slips.c.issued_on, recipients.c.name, slips.c.vetted_name, slips.c.result_on,
                    slips.c.result)
             .select_from(slips.join(recipients))
             .where(slips.c.person_id == person_id, slips.c.deleted_at.is_(None))
             .order_by(slips.c.issued_on, slips.c.id))
    return [EarlierSlip(*row) for row in connection.execute(query)]


def still_waiting(found: list[EarlierSlip]) -> list[str]:
    """The doubt a new slip about the person raises while an earlier one waits for its reply: each of those."""
    return [f"Đã có phiếu về người này chưa được trả lời: {slip.told()}" for slip in found if slip.waiting]
