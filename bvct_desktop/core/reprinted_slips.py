"""What a new value of a setting printed on slips means for the slips already issued in its span.

An issued report or letter is kept as it was issued (the outgoing register); a slip is not: it is
drawn again under the settings in force on its own `Ngày phát hành`. So a value set for days that
already have slips (a correction of the value in force, or a new value from a day already past)
changes how those slips print again, and the administrator is told which ones."""

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from .numbers import grouped
from .schema import slips


def reprinted_note(connection: Connection, label: str, value: str, first: dt.date | None,
                   last: dt.date | None) -> str | None:
    """The note for the slips dated `first`..`last` (None: no bound) that now print with `value` of the
    setting `label`; None when there are none."""
    dated = [slips.c.deleted_at.is_(None)]
    if first is not None:
        dated.append(slips.c.issued_on >= first)
    if last is not None:
        dated.append(slips.c.issued_on <= last)
    count = connection.execute(select(func.count()).select_from(slips).where(*dated)).scalar()
    if not count:
        return None
    return (f"Lưu ý: {grouped(count)} phiếu yêu cầu xác minh lai lịch đã phát hành{_days(first, last)} in lại sẽ mang "
            f"«{label}» mới ({_shown(value)}); muốn các phiếu ấy giữ giá trị cũ, hãy đặt giá trị mới từ một ngày sau "
            "chúng.")


def _shown(value: str) -> str:
    return f"«{value}»" if value else "để trống"


def _days(first: dt.date | None, last: dt.date | None) -> str:
    """" (ghi ngày từ 01/02/2026 đến 30/06/2026)": the slips' dates, when bounded."""
    if first is None and last is None:
        return ""
    since = f" từ {first:%d/%m/%Y}" if first else ""
    until = f" đến {last:%d/%m/%Y}" if last else ""
    return f" (ghi ngày{since}{until})"
