"""Hồ sơ, tài liệu hết thời hạn bảo quản: the vetting dossiers and the issued documents whose term
(core/retention.py) is over by a day, for the chief of office to put before the council that decides
on destruction. Nothing is deleted here or anywhere in the program (retention.NEVER_DESTROYED)."""

import datetime as dt
from dataclasses import dataclass

from . import audit, numbering, outgoing
from .database import Database
from .personfile import cases

VIEWED = "xem hồ sơ, tài liệu hết thời hạn bảo quản"


@dataclass(frozen=True)
class PastTerm:
    dossiers: list[cases.PastTerm]     # concluded earliest first
    documents: list[outgoing.Issued]   # in the order their numbers were taken; a number marked «hỏng» left out


def past_term(db: Database, today: dt.date) -> PastTerm:
    """What is past its term by `today`, for the officer reading the list: the viewing is audited."""
    documents = [entry for entry in outgoing.register(db)
                 if entry.status != numbering.SPOILED and entry.kept.past(today)]
    found = PastTerm(cases.past_term(db, today), documents)
    audit.viewed(db, VIEWED, details={"ngay": today})
    return found
