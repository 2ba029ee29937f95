"""What a new value of a setting printed on documents means for the documents already issued in its span.

An issued report or letter is kept as it was issued (the outgoing register); a slip and a
delegation's member list are not: each is drawn again under the settings in force on its own date
(the slip's `Ngày phát hành`, the delegation's decision day). So a value set for days that already
have such documents (a correction of the value in force, or a new value from a day already past)
changes how they print again, and the administrator is told which ones."""

import datetime as dt

from sqlalchemy import Column, func, select
from sqlalchemy.engine import Connection

from .numbers import grouped
from .schema import delegations, slips

# what is drawn again, by the day it is dated (only a delegation with a decision has a day of its own)
DATED = ((slips.c.issued_on, "phiếu yêu cầu xác minh lai lịch"),
         (delegations.c.decision_on, "danh sách trích ngang đoàn ra"))


def reprinted_note(connection: Connection, label: str, value: str, first: dt.date | None,
                   last: dt.date | None) -> str | None:
    """The note for the documents dated `first`..`last` (None: no bound) that now print with `value`
    of the setting `label`; None when there are none."""
    counts = [(_count(connection, day, first, last), what) for day, what in DATED]
    found = " và ".join(f"{grouped(count)} {what}" for count, what in counts if count)
    if not found:
        return None
    return (f"Lưu ý: {found} đã phát hành{_days(first, last)} in lại sẽ mang «{label}» mới ({_shown(value)}); "
            "muốn những văn bản ấy giữ giá trị cũ, hãy đặt giá trị mới từ một ngày sau chúng.")


def _count(connection: Connection, day: Column, first: dt.date | None, last: dt.date | None) -> int:
    dated = [day.table.c.deleted_at.is_(None), day.is_not(None)]
    if first is not None:
        dated.append(day >= first)
    if last is not None:
        dated.append(day <= last)
    return connection.execute(select(func.count()).select_from(day.table).where(*dated)).scalar()


def _shown(value: str) -> str:
    return f"«{value}»" if value else "để trống"


def _days(first: dt.date | None, last: dt.date | None) -> str:
    """" (ghi ngày từ 01/02/2026 đến 30/06/2026)": the documents' dates, when bounded."""
    if first is None and last is None:
        return ""
    since = f" từ {first:%d/%m/%Y}" if first else ""
    until = f" đến {last:%d/%m/%Y}" if last else ""
    return f" (ghi ngày{since}{until})"
