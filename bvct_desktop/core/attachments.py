"""Attachments (tệp đính kèm): the scans of signed papers kept with a record — a police unit's written reply to
a verification slip, the «Bản cam kết về thân nhân ở nước ngoài» of a private trip, a vetting case's decision
and minutes (brief §1.5, §6).

Their bytes live inside the encrypted database only (the SQLCipher file, the office server's bytea), apart from
the list, which never reads them; nothing is written to the disk to view one. A file is told by its first bytes,
not by its name. Viewing is audited as opening a record is; a copy saved out is an export, audited with the
file's name, size and hash, never its content. Deleting puts one in the recycle bin (core/recycle_bin.py), where
the record lists it to be restored. The same file twice on one record is kept only when asked again.
"""

import datetime as dt
import hashlib
import io
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Table, inspect, select
from sqlalchemy.engine import Connection

from . import audit, files
from .database import Database
from .errors import DamagedError, InputError, os_reason
from .fields import Field
from .kinds import ARCHIVE_REQUESTS, COMPLAINTS, SLIPS
from .numbers import decimal
from .permissions import Action
from .personfile import cases, writes
from .personfile.foreign import FOREIGN_ELEMENTS
from .schema import (
    archive_requests,
    attachment_contents,
    attachments,
    complaints,
    foreign_elements,
    slips,
    vetting_cases,
)

KIND = "attachments"
NONE_ATTACHED = "Không có tệp đính kèm"  # what a backup's verification says of a database holding none
MAX_MB = 25
MAX_BYTES = MAX_MB * 1024 * 1024
VIEWED, SAVED = "xem tệp đính kèm", "lưu bản sao tệp đính kèm"
ADDING, NOTING = "thêm tệp đính kèm", "sửa ghi chú tệp đính kèm"
PDF, IMAGE = "pdf", "image"  # how a file is shown; Word and Excel files are kept and saved out, not shown
# the records that keep attachments, by kind
OWNERS: dict[str, Table] = {SLIPS.name: slips, FOREIGN_ELEMENTS.kind: foreign_elements, cases.KIND: vetting_cases,
                             COMPLAINTS.name: complaints, ARCHIVE_REQUESTS.name: archive_requests}
NAMED_BY = ("file_name", "size", "sha256")  # what the trail names an attachment by (besides its id)
FIELDS = (  # what the trail's reader calls the values it names
    Field("file_name", "Tên tệp"), Field("file_type", "Loại tệp"), Field("size", "Dung lượng (byte)"),
    Field("sha256", "Mã SHA-256"), Field("note", "Ghi chú"), Field("created_by", "Người thêm"),
    Field("record_kind", "Thuộc loại hồ sơ"),
    Field("record_id", "Thuộc hồ sơ số"),
)


@dataclass(frozen=True)
class FileType:
    key: str
    title: str
    suffixes: tuple[str, ...]  # the names' endings it goes by, the first given to a copy named otherwise
    shown: str | None  # PDF, IMAGE, or None: not shown in the program

    @property
    def suffix(self) -> str:
        return self.suffixes[0]


TYPES = {kind.key: kind for kind in (
    FileType("pdf", "PDF", (".pdf",), PDF), FileType("jpeg", "Ảnh JPEG", (".jpg", ".jpeg", ".jpe"), IMAGE),
    FileType("png", "Ảnh PNG", (".png",), IMAGE), FileType("docx", "Văn bản Word", (".docx",), None),
    FileType("xlsx", "Bảng tính Excel", (".xlsx",), None))}
_SUFFIXES = {suffix for kind in TYPES.values() for suffix in kind.suffixes}
ACCEPTED = "PDF, ảnh JPEG, ảnh PNG, văn bản Word (.docx) hoặc bảng tính Excel (.xlsx)"
_SIGNATURES = ((b"%PDF-", "pdf"), (b"\xff\xd8\xff", "jpeg"), (b"\x89PNG\r\n\x1a\n", "png"))
_OFFICE_PARTS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"))


@dataclass(frozen=True)
class Attachment:
    id: int
    record_kind: str
    record_id: int
    file_name: str
    file_type: str
    size: int
    sha256: str
    note: str | None
    created_at: dt.datetime
    created_by: str | None  # who added it (None: added before 0035 by a user the trail no longer names)
    updated_by: str | None  # who added it or last corrected its note; in the recycle bin, who put it there
    deleted_at: dt.datetime | None

    @property
    def type(self) -> FileType:
        return TYPES[self.file_type]


_LISTED = [attachments.c[name] for name in Attachment.__dataclass_fields__]


class AlreadyAttached(InputError):
    """The record keeps a file of the same content (`earlier`); attached again only when asked."""

    def __init__(self, earlier: Attachment):
        self.earlier = earlier
        super().__init__(attached_on(earlier) + ".")


def misnamed(found: Attachment) -> bool:
    """Whether the file's name does not end as files of its type do (a Word file named «….pdf»)."""
    return Path(found.file_name).suffix.lower() not in found.type.suffixes


def copy_name(found: Attachment) -> str:
    """The name a copy is saved under: the file's, ending as files of its type do, that the program for what it
    is opens it («Biên bản.pdf», a Word file: «Biên bản.docx»)."""
    if not misnamed(found):
        return found.file_name
    name = Path(found.file_name)
    stem = name.stem if name.suffix.lower() in _SUFFIXES else found.file_name
    return stem + found.type.suffix


def attached_on(earlier: Attachment) -> str:
    """«Tệp này đã đính kèm ngày 01/03/2026 (tên «…», ghi chú «…»)»: what the officer knows the earlier one by."""
    noted = f", ghi chú «{earlier.note}»" if earlier.note else ""
    return f"Tệp này đã đính kèm ngày {earlier.created_at:%d/%m/%Y} (tên «{earlier.file_name}»{noted})"


def sniff(content: bytes) -> FileType | None:
    """The accepted type `content` is, by its first bytes (a Word or Excel file by the parts its zip names);
    None for anything else."""
    for signature, key in _SIGNATURES:
        if content.startswith(signature):
            return TYPES[key]
    if content.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(content)).namelist())
        except (zipfile.BadZipFile, ValueError):
            return None
        return next((TYPES[key] for part, key in _OFFICE_PARTS if part in names), None)
    return None


def attach(db: Database, record_kind: str, record_id: int, path: Path, note: str | None = None,
           again: bool = False) -> int:
    """Keeps the file at `path` with the record; refused, the database unchanged, for a file of another type
    (told by its content), an empty one or one over MAX_MB, and (AlreadyAttached) for a file the record keeps
    already, unless `again`."""
    db.require(Action.EDIT, ADDING)
    name, content, found = _prepared(Path(path))
    values = {"record_kind": record_kind, "record_id": record_id, "file_name": name, "file_type": found.key,
              "size": len(content), "sha256": hashlib.sha256(content).hexdigest(), "note": _note(note),
              "created_by": db.actor.name}
    with db.write() as connection:
        _owner(connection, record_kind, record_id)
        earlier = None if again else _same(connection, record_kind, record_id, values["sha256"])
        if earlier is not None:
            raise AlreadyAttached(earlier)
        attachment_id = writes.insert(db, connection, attachments, KIND, values)
        connection.execute(attachment_contents.insert().values(attachment_id=attachment_id, content=content))
    return attachment_id


def attached_already(db: Database, record_kind: str, record_id: int, path: Path) -> Attachment | None:
    """The record's attachment (not in the recycle bin) of the same content as the file at `path`, asked before
    the officer is asked anything else; refused as `attach` refuses the file."""
    db.require(Action.BROWSE, VIEWED)
    _name, content, _found = _prepared(Path(path))
    with db.read() as connection:
        return _same(connection, record_kind, record_id, hashlib.sha256(content).hexdigest())


def _prepared(path: Path) -> tuple[str, bytes, FileType]:
    """The file's name, content and type; InputError for one that is not kept."""
    name = unicodedata.normalize("NFC", path.name)
    content = _read(path, name)
    found = sniff(content)
    if found is None:
        raise InputError(f"Không đính kèm được «{name}»: nội dung tệp không phải {ACCEPTED} "
                         "(đổi đuôi tên tệp không làm đổi loại tệp).")
    return name, content, found


def _same(connection: Connection, record_kind: str, record_id: int, sha256: str) -> Attachment | None:
    row = connection.execute(select(*_LISTED).where(
        attachments.c.record_kind == record_kind, attachments.c.record_id == record_id,
        attachments.c.sha256 == sha256, attachments.c.deleted_at.is_(None)).order_by(attachments.c.id)).first()
    return None if row is None else Attachment(*row)


def _note(typed: str | None) -> str | None:
    return unicodedata.normalize("NFC", typed.strip()) if typed and typed.strip() else None


def set_note(db: Database, attachment_id: int, note: str | None) -> bool:
    """The attachment's note corrected (blank: none), audited as a change naming the file; False when it was
    already so."""
    db.require(Action.EDIT, NOTING)
    with db.write() as connection:
        record = writes.current(connection, attachments, attachment_id, "tệp đính kèm")
        changed = writes.update(db, connection, attachments, KIND, record, {"note": _note(note)}, NAMED_BY)
    return bool(changed)


def _read(path: Path, name: str) -> bytes:
    try:
        size = path.stat().st_size
        if size <= MAX_BYTES:
            with open(path, "rb") as handle:
                content = handle.read(MAX_BYTES + 1)
                size = len(content)
    except OSError as error:
        raise InputError(f"Không đọc được tệp «{name}»: {os_reason(error)}") from None
    if size > MAX_BYTES:
        raise InputError(f"Không đính kèm được «{name}»: tệp nặng {_megabytes(size)} MB, quá {MAX_MB} MB "
                         "cho mỗi tệp. Hãy quét lại với độ phân giải thấp hơn hoặc chia thành nhiều tệp.")
    if size == 0:
        raise InputError(f"Không đính kèm được «{name}»: tệp rỗng (0 byte).")
    return content


def _megabytes(size: int) -> str:
    return decimal(size / 1024 / 1024)


def size_text(size: int) -> str:
    """900 → «900 byte»; 1.536 → «1,5 KB»; 2.621.440 → «2,5 MB»."""
    if size < 1024:
        return f"{size} byte"
    return f"{decimal(size / 1024)} KB" if size < 1024 * 1024 else f"{_megabytes(size)} MB"


def _owner(connection: Connection, record_kind: str, record_id: int) -> None:
    table = OWNERS.get(record_kind)
    if table is None:
        raise InputError(f"Hồ sơ loại «{record_kind}» không có tệp đính kèm.")
    if connection.execute(select(table.c.id).where(table.c.id == record_id,
                                                   table.c.deleted_at.is_(None))).first() is None:
        raise InputError(f"Không có hồ sơ số {record_id} để đính kèm tệp (hồ sơ chưa lưu hoặc đã ở thùng rác).")


def attachments_of(db: Database, record_kind: str, record_id: int, binned: bool = False) -> list[Attachment]:
    """The record's attachments, in the order they were added; with `binned`, those in the recycle bin instead,
    the last deleted first. No content is read."""
    db.require(Action.BROWSE, VIEWED)
    order = (attachments.c.deleted_at.desc(), attachments.c.id) if binned else (attachments.c.created_at,
                                                                                attachments.c.id)
    with db.read() as connection:
        rows = connection.execute(select(*_LISTED).where(
            attachments.c.record_kind == record_kind, attachments.c.record_id == record_id,
            attachments.c.deleted_at.is_not(None) if binned else attachments.c.deleted_at.is_(None))
            .order_by(*order)).all()
    return [Attachment(*row) for row in rows]


def view(db: Database, attachment_id: int) -> tuple[Attachment, bytes]:
    """The attachment and its content, in memory, for the officer opening it: audited as opening a record is."""
    db.require(Action.BROWSE, VIEWED)
    found, content = _content(db, attachment_id)
    audit.viewed(db, VIEWED, KIND, attachment_id, _named(found))
    return found, content


def save_copy(db: Database, attachment_id: int, target: Path) -> Attachment:
    """Writes a copy of the attachment to `target`, the officer's file (an export: audited with the file's name,
    size and hash and where it went)."""
    db.require(Action.EXPORT, SAVED)
    found, content = _content(db, attachment_id)
    with files.output(Path(target)) as temp:
        temp.write_bytes(content)
    with db.write() as connection:
        db.audit(connection, SAVED, kind=KIND, record_id=attachment_id,
                 details=_named(found) | audit.file_at(target))
    return found


def _named(found: Attachment) -> dict:
    return audit.named({key: getattr(found, key) for key in NAMED_BY}, NAMED_BY)


def checked(connection: Connection) -> str:
    """Every attachment's content against the size and SHA-256 taken when it was added (a backup's verification),
    read one at a time; the count and size in words, or DamagedError naming the scans that do not match."""
    if not inspect(connection).has_table(attachments.name):  # a backup of a release before attachments
        return NONE_ATTACHED
    count, size, unmatched = 0, 0, []
    query = (select(attachments.c.file_name, attachments.c.size, attachments.c.sha256, attachment_contents.c.content)
             .select_from(attachments.outerjoin(attachment_contents)).order_by(attachments.c.id))
    for name, stored_size, sha256, content in connection.execute(query, execution_options={"yield_per": 1}):
        count, size = count + 1, size + stored_size
        if content is None or len(content) != stored_size or hashlib.sha256(content).hexdigest() != sha256:
            unmatched.append(f"«{name}»")
    if unmatched:
        raise DamagedError(f"tệp đính kèm {', '.join(unmatched)} không còn như lúc thêm (không khớp mã kiểm tra "
                           "ghi khi thêm).")
    if not count:
        return NONE_ATTACHED
    return f"Tệp đính kèm: {count} tệp ({size_text(size)}), từng tệp còn như lúc thêm (khớp mã kiểm tra ghi khi thêm)"


def _content(db: Database, attachment_id: int) -> tuple[Attachment, bytes]:
    with db.read() as connection:
        row = connection.execute(select(*_LISTED, attachment_contents.c.content)
                                 .select_from(attachments.join(attachment_contents))
                                 .where(attachments.c.id == attachment_id, attachments.c.deleted_at.is_(None))).first()
    if row is None:
        raise InputError(f"Không có tệp đính kèm số {attachment_id} (có thể đã bị xóa).")
    found, content = Attachment(*row[:-1]), bytes(row[-1])
    if hashlib.sha256(content).hexdigest() != found.sha256:
        raise DamagedError(f"Nội dung tệp đính kèm «{found.file_name}» không khớp mã SHA-256 đã ghi khi thêm: "
                           "dữ liệu đã bị hỏng.")
    return found, content
