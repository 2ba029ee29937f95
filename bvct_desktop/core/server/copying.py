"""Copies between the office server and an encrypted file, whole.

- `to_file`: a backup of the server database is a SQLCipher file like any other, keyed with the
  database key the users' key slots hold: every table read in one REPEATABLE READ READ ONLY
  snapshot (the same moment for all of them), the server's audit chain verified in that snapshot
  and then linked again with the file's own HMAC key, entry by entry, ids and fields unchanged.
  So `verify` and `restore` read it as they read any backup, and it restores to a standalone PC.
- `to_server`: a file database (or a backup restored from one) into an empty server database, as
  its owner: every table, the users as login roles, the audit trail entry by entry (the server
  links it anew) and checked against the file's, field by field.
"""

import json
import struct
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import Column, ColumnElement, LargeBinary, MetaData, Table, and_, func, inspect, select, text
from sqlalchemy.engine import Connection

from .. import audit_chain, engine, key_slots, keyfile, migrations, sealed_names, user_names
from ..address import ServerAddress
from ..changes import insert_rows
from ..database import Clock, FileDatabase
from ..errors import DamagedError, InputError
from ..permissions import ADMIN
from ..schema import audit_log, change_counts, meta, metadata, users
from . import engine as server_engine
from . import objects, taken_names
from .database import ServerDatabase, verdict
from .setup import check_owner, verifier

CHUNK = 5_000
PIECE = 1024 * 1024  # bytes of a file read from the office server at once
# meta keys that describe where the data is kept (its engine, a file's key file), not the data: a copy notes its own
KEEPING_FACTS = (*engine.CIPHER_FACTS, *server_engine.SERVER_FACTS, objects.VERSION_KEY, key_slots.GENERATION,
                 key_slots.PENDING)


def _data_tables() -> list[Table]:
    """Every table of the schema in foreign-key order, but the trail (copied entry by entry) and the
    change counts (each database counts its own writes)."""
    return [table for table in metadata.sorted_tables if table not in (audit_log, change_counts)]


def _rows(connection: Connection, table: Table) -> Iterable[list[dict]]:
    """The table's rows in partitions of CHUNK."""
    result = connection.execute(select(table).order_by(*table.primary_key), execution_options={"yield_per": CHUNK})
    for partition in result.mappings().partitions():
        yield [dict(row) for row in partition]


def _holds_files(table: Table) -> bool:
    return any(isinstance(column.type, LargeBinary) for column in table.c)


def _copy(source: Connection, table: Table, write: Callable[[list[dict]], object]) -> None:
    """Hands `write` the table's rows in partitions; a table of files (a scan is up to 25 MB) a row at a time,
    each read by a query of its own and closed before `write` runs (a cursor left on a row keeps the engine's
    own copy of it), and gone before the next is read: the office's scans one at a time, held once."""
    if not _holds_files(table):
        for rows in _rows(source, table):
            write(_of_the_data(table, rows))
        return
    key = table.primary_key.columns
    for values in source.execute(select(*key).order_by(*key)).all():
        write([_file_row(source, table, and_(*map(Column.__eq__, key, values)))])


def _file_row(source: Connection, table: Table, where: ColumnElement[bool]) -> dict:
    """The one row of `table` found by `where`. From the office server, each file read a PIECE at a time into
    the bytes handed on: read whole, the driver would hold it as hex text (twice its size) beside a buffer
    of the reply and the bytes made of them."""
    if source.dialect.name != "postgresql":
        return dict(source.execute(select(table).where(where)).mappings().one())
    files = [column for column in table.c if isinstance(column.type, LargeBinary)]
    row = dict(source.execute(select(*(func.octet_length(column).label(column.name) if column in files else column
                                       for column in table.c)).where(where)).mappings().one())
    for column in files:
        if row[column.name] is not None:
            content = row[column.name] = bytearray(row[column.name])
            for start in range(0, len(content), PIECE):
                content[start:start + PIECE] = source.execute(
                    select(func.substring(column, start + 1, PIECE)).where(where)).scalar_one()
    return row


def _of_the_data(table: Table, rows: list[dict]) -> list[dict]:
    """`rows` but the notes of where they were kept."""
    return [row for row in rows if row["key"] not in KEEPING_FACTS] if table is meta else rows


def _note_facts(connection: Connection, facts: dict[str, str]) -> None:
    connection.execute(meta.insert(), [{"key": key, "value": value} for key, value in facts.items()])


# --- server → file ------------------------------------------------------------------------

def _as_stored(sink: Connection, tables: list[Table]) -> list[Table]:
    """The tables with the columns the copy's schema has (a backup taken before `bvct upgrade`
    holds the server's older schema; opening it brings it up to date like any older file)."""
    present = inspect(sink)
    narrowed = MetaData()
    found = []
    for table in tables:
        if not present.has_table(table.name):
            continue
        names = {column["name"] for column in present.get_columns(table.name)}
        found.append(table if names == set(table.c.keys()) else Table(
            table.name, narrowed, *[Column(column.name, column.type, primary_key=column.primary_key)
                                    for column in table.c if column.name in names]))
    return found


def to_file(db: ServerDatabase, target: Path) -> tuple[dict, keyfile.KeyFile]:
    """Writes the server database into a new encrypted file `target`; returns its audit head and
    the key file of that moment (the users' key slots on the server)."""
    copy = engine.make_engine(Path(target), db.key)
    try:
        with db.read() as source, engine.translated_errors(Path(target)), copy.connect() as sink:
            with sink.execution_options(immediate=True).begin():
                migrations.upgrade(sink, migrations.current_revision(source))  # the server's schema, even older
                sink.execute(meta.delete())  # what the migrations noted: the server's own notes come next
                with engine.smaller_cache(sink, engine.COPY_CACHE_KIB):
                    for table in _as_stored(sink, _data_tables()):
                        _copy(source, table, lambda rows, into=table: _store(sink, into, rows))
                _note_facts(sink, {**engine.cipher_facts(sink), key_slots.GENERATION: str(keyfile.KeyFile.generation)})
                head = _relinked_trail(db, source, sink)
            slots = {name: json.loads(slot) for name, slot in source.execute(
                text(objects.reads(source)["slots"]), {"proof": objects.key_proof(db.key)})}
    finally:
        copy.dispose()
    return head, keyfile.KeyFile(db.db_id, slots, audit_head=head, name_seal=sealed_names.public_key(db.key))


def _store(sink: Connection, table: Table, rows: list[dict]) -> None:
    if _holds_files(table):
        sink.execute(table.insert(), rows)  # the file's bytes bound as they are read (insert_rows keeps each value)
    else:
        insert_rows(sink, table, rows)


def _relinked_trail(db: ServerDatabase, source: Connection, sink: Connection) -> dict:
    checked, broken, problem, head = source.execute(text("SELECT * FROM public.bvct_audit_verify()")).one()
    if problem:
        found = verdict(checked, broken, problem, head).problem
        raise DamagedError(f"Nhật ký trên máy chủ không toàn vẹn, không sao lưu: {found}")
    key = audit_chain.derive_key(db.key)
    mac, count, last = "", 0, 0
    result = source.execute(text(objects.reads(source)["trail"]),
                            {"proof": objects.key_proof(db.key)}, execution_options={"yield_per": CHUNK})
    for partition in result.mappings().partitions():
        rows = []
        for row in partition:
            fields = audit_chain.fields_of(row)
            mac = audit_chain.entry_mac(key, mac, fields)
            rows.append({**fields, "at": row["at"], "id": row["id"], "mac": mac})
            count, last = count + 1, row["id"]
        insert_rows(sink, audit_log, rows)
    if count != checked:
        raise DamagedError("Nhật ký trên máy chủ thay đổi trong lúc sao lưu; hãy thử lại.")
    return {"count": count, "id": last, "mac": mac}


# --- file → server ------------------------------------------------------------------------

def to_server(source: FileDatabase, address: ServerAddress, owner: str, owner_password: str | None,
              admin: str, admin_password: str, clock: Clock, action: str, details: dict) -> list[str]:
    """Copies the file database `source` into the empty server database `address` as `owner`;
    `admin` (an administrator of the file) gets their password on the server, every other user a
    login role without one (an administrator sets it). Returns those users' names."""
    verdict_found = source.verify_audit_chain()
    if not verdict_found.ok:
        raise DamagedError(f"Nhật ký của cơ sở dữ liệu tệp không toàn vẹn, không chuyển: {verdict_found.problem}")
    keys = keyfile.read(source.key_path)
    target = server_engine.owner_engine(address, owner, owner_password)
    try:
        with source.read() as reading, server_engine.translated_errors(address), target.connect() as writing:
            with writing.begin():
                check_owner(writing, address, owner)
                people = reading.execute(select(users)).mappings().all()
                for person in people:
                    try:
                        user_names.check_login_role(person["name"])
                    except InputError as refused:
                        raise refused.reworded(f"Người dùng «{person['name'][:30]}» không chuyển lên máy chủ được: "
                                               f"{refused.message}") from None
                taken_names.check_free(writing, [person["name"] for person in people], address.dbname)
                migrations.upgrade(writing)
                writing.execute(meta.delete())  # what the migrations noted: the file's own notes come next
                objects.prepare(writing, address.dbname, owner)
                objects.hold_key_proof(writing, source.key)
                with engine.smaller_cache(reading, engine.COPY_CACHE_KIB):
                    for table in _data_tables():
                        if table is not users:
                            _copy(reading, table, lambda rows, into=table: _send(writing, into, rows))
                _note_facts(writing, server_engine.server_facts(writing))
                waiting = _accounts(writing, people, keys, admin, admin_password)
                _trail(reading, writing)
                writing.execute(text("INSERT INTO audit_log (at, user_name, role, action, outcome, details) "
                                     "VALUES (:at, :user, :role, :action, 'ok', :details)"),
                                {"at": clock(), "user": admin, "role": ADMIN, "action": action, "details":
                                 audit_chain.details_text({**details, "nguoi_dung_chua_co_mat_khau": waiting})})
    finally:
        target.dispose()
    return waiting


def _send(writing: Connection, table: Table, rows: list[dict]) -> None:
    if _holds_files(table):
        _streamed(writing, table, rows)
    else:
        writing.execute(table.insert(), rows)


_NULL = struct.pack(">i", -1)  # a field's length in the binary COPY: none
_COPY_SIGNATURE = b"PGCOPY\n\xff\r\n\0" + struct.pack(">ii", 0, 0)  # PostgreSQL's binary COPY: no flags, no extension


def _streamed(writing: Connection, table: Table, rows: list[dict]) -> None:
    """The rows of a table of integers and files sent by COPY in its binary form, each file's bytes handed to the
    driver as they are, which passes them on in pieces: an INSERT would have the driver build the whole
    statement, a second copy of the scan, in its buffer. Not psycopg's `write_row` (binary, `set_types`): as
    fast (a 20 MB scan: 0.12 s either way), but it formats the row into its own buffer, one more copy of each
    scan (20 MB traced against 0.1 MB)."""
    columns = ", ".join(table.c.keys())
    with writing.connection.driver_connection.cursor() as cursor, cursor.copy(
            f"COPY {table.name} ({columns}) FROM STDIN (FORMAT BINARY)") as copy:
        copy.write(_COPY_SIGNATURE)
        for row in rows:
            copy.write(struct.pack(">h", len(table.c)))
            for column in table.c:
                value = row[column.name]
                if value is None:
                    copy.write(_NULL)
                    continue
                data = value if isinstance(column.type, LargeBinary) else struct.pack(">i", value)
                copy.write(struct.pack(">i", len(data)))
                copy.write(data)
        copy.write(struct.pack(">h", -1))


def _accounts(writing: Connection, people, keys: keyfile.KeyFile, admin: str, admin_password: str) -> list[str]:
    waiting = []
    for person in people:
        name = person["name"]
        password_verifier = verifier(writing, name, admin_password) if name == admin else None
        slot = keys.slots.get(name)
        writing.execute(text("SELECT public.bvct_user_add(:name, :role, :verifier, :slot, :at)"),
                        {"name": name, "role": person["role"], "verifier": password_verifier,
                         "slot": json.dumps(slot) if slot and person["active"] else None, "at": person["created_at"]})
        if person["full_name"]:
            writing.execute(users.update().where(users.c.name == name).values(full_name=person["full_name"]))
        if not person["active"]:
            writing.execute(text("SELECT public.bvct_user_disable(:name)"), {"name": name})
        elif name != admin:
            waiting.append(name)
    recovery = keys.slots.get(keyfile.RECOVERY_SLOT)
    if recovery:
        writing.execute(text("INSERT INTO key_slots (name, slot) VALUES (:name, :slot)"),
                        {"name": keyfile.RECOVERY_SLOT, "slot": json.dumps(recovery)})
    return waiting


def _trail(reading: Connection, writing: Connection) -> None:
    """The file's entries in order; the server links them, then the two are compared."""
    for rows in _rows(reading, audit_log):
        writing.execute(text("INSERT INTO audit_log (at, user_name, role, action, outcome, kind, record_id, details) "
                             "VALUES (:at, :user_name, :role, :action, :outcome, :kind, :record_id, :details)"),
                        [{key: row[key] for key in ("at", "user_name", "role", "action", "outcome", "kind",
                                                     "record_id", "details")} for row in rows])
    count = reading.execute(select(func.count()).select_from(audit_log)).scalar()
    copied = writing.execute(select(func.count()).select_from(audit_log)).scalar()
    checked, _, problem, _ = writing.execute(text("SELECT * FROM public.bvct_audit_verify()")).one()
    if copied != count or problem or checked != count:
        raise DamagedError("Nhật ký chép lên máy chủ không khớp nhật ký của tệp; không chuyển.")
    for source_rows, copied_rows in zip(_rows(reading, audit_log), _rows(writing, audit_log), strict=True):
        for before, after in zip(source_rows, copied_rows, strict=True):
            if audit_chain.fields_of(before) != audit_chain.fields_of(after) or before["id"] != after["id"]:
                raise DamagedError(f"Mục nhật ký số {before['id']} chép lên máy chủ khác bản trong tệp; không chuyển.")
