"""Hồ sơ, tài liệu hết thời hạn bảo quản: the vetting dossiers and the issued documents whose term
(core/retention.py) is over by a day, for the chief of office to put before the council that decides
on destruction — as the window and its workbook lay them out (`sections`). Nothing is deleted here
or anywhere in the program (retention.NEVER_DESTROYED)."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import audit, issued_terms, numbering, outgoing
from .database import Database
from .permissions import Action
from .personfile import cases

TITLE = "Hồ sơ, tài liệu hết thời hạn bảo quản"
VIEWED = "xem hồ sơ, tài liệu hết thời hạn bảo quản"
EXPORTED = "xuất danh sách hồ sơ, tài liệu hết thời hạn bảo quản"
DOSSIER_HEADERS = ("Họ và tên", "Mục đích thẩm tra", "Số văn bản kết luận", "Ngày kết luận", "Thời hạn bảo quản")
DOCUMENT_HEADERS = ("Số", "Ngày", "Nhiệm kỳ", "Loại", "Trích yếu", "Thời hạn bảo quản")


@dataclass(frozen=True)
class PastTerm:
    on: dt.date
    dossiers: list[cases.PastTerm]     # concluded earliest first
    documents: issued_terms.Listing  # in the order their numbers were taken, «hỏng» or used outside left out; each
    # with its term (nhiệm kỳ), which tells apart two documents numbered 01


@dataclass(frozen=True)
class Section:
    title: str
    headers: tuple[str, ...]
    rows: list[list[Any]]  # texts, and dates (as dt.date)


def past_term(db: Database, today: dt.date) -> PastTerm:
    """What is past its term by `today`, for the officer reading the list: the viewing is audited."""
    register = issued_terms.listing(db)
    documents = [entry for entry in register.entries
                 if entry.status not in numbering.NO_DOCUMENT and entry.kept.past(today)]
    found = PastTerm(today, cases.past_term(db, today), issued_terms.Listing(documents, register.terms))
    audit.viewed(db, VIEWED, details={"ngay": today})
    return found


def sections(found: PastTerm) -> list[Section]:
    """The list's two parts, each a title, its headers and a row a dossier or document."""
    return [
        Section("Hồ sơ thẩm tra", DOSSIER_HEADERS, [
            [d.full_name, d.purpose or "chưa ghi mục đích", d.conclusion_no, d.concluded_on, d.kept.label]
            for d in found.dossiers]),
        Section("Văn bản đã phát hành", DOCUMENT_HEADERS, [
            [e.number_text, e.issued_on, found.documents.term_of(e).label, outgoing.KIND_LABELS.get(e.kind, e.kind),
             e.subject, e.kept.label] for e in found.documents.entries]),
    ]


def export(db: Database, target: Path, write: Callable[[PastTerm], None], found: PastTerm,
           encrypted: bool = False) -> None:
    """Hands the list the officer is shown to `write` (the io layer's workbook at `target`, `encrypted`
    with a password); exporting needs the export permission and is audited with the file's path."""
    db.require(Action.EXPORT, EXPORTED)
    write(found)
    details = audit.file_at(target) | {"ngay": found.on, "so_ho_so": len(found.dossiers),
               "so_van_ban": len(found.documents.entries)} | ({"ma_hoa": True} if encrypted else {})
    with db.write() as connection:
        db.audit(connection, EXPORTED, details=details)
