"""Databases for the benchmarks: created with cheap key slots, bulk-loaded, cached.

Built databases are cached under benchmarks/out/ (gitignored) in a folder named after
everything that shapes them (the slip loader, the generator, the schema and the
migrations), so a change to any of them builds afresh.
"""

import functools
import hashlib
import inspect
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import synthetic
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from bvct_desktop.core import keyfile, migrations, schema, vault
from bvct_desktop.core.collation import name_sort_key
from bvct_desktop.core.database import Database
from bvct_desktop.core.people import Identity, search_key
from bvct_desktop.core.schema import persons, recipients, slips
from bvct_desktop.core.text import identity_key

OUT = Path(__file__).resolve().parent / "out"
ADMIN = "quantri"
PASSWORD = "Thu-nghiem-hieu-nang-2026"
CHEAP_KDF = keyfile.KdfParams(1, 1024, 1)  # key slots are not what is measured
LOAD_CHUNK = 50_000
FINGERPRINT_LENGTH = 10


def create_database(path: Path) -> None:
    vault.create(path, ADMIN, PASSWORD, kdf=CHEAP_KDF)


def open_database(path: Path) -> Database:
    return vault.unlock(path, ADMIN, PASSWORD)


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".keys", ".keys.lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@functools.cache
def _fingerprint() -> str:
    """Changes whenever the generator, the slip loader, the schema or a migration does.

    Taken once per process, so one run uses one set of fixtures even while the tree is edited.
    """
    migration_files = sorted(Path(migrations.__file__).parent.glob("versions/*.py"))
    digest = hashlib.sha256()
    for source in (synthetic.__file__, schema.__file__, *migration_files):
        digest.update(Path(source).read_bytes())
    for loader in (load_slips, SlipLoader):
        digest.update(inspect.getsource(loader).encode())
    return digest.hexdigest()[:FINGERPRINT_LENGTH]


def cached(name: str, build: Callable[[Path], None]) -> Path:
    """A folder under out/ built once by `build(folder)`; a half-built one never counts.

    Folders of the same name built by an older generator, loader or schema are removed.
    """
    folder = OUT / f"{name}-{_fingerprint()}"
    if folder.is_dir():
        return folder
    _remove_leftovers(name)
    # Per process, so two runs building the same fixture at once never share a folder.
    partial = folder.with_name(f"{folder.name}.partial-{os.getpid()}")
    partial.mkdir(parents=True)
    print(f"building {folder.name} (cached for later runs)…", flush=True)
    started = time.perf_counter()
    try:
        build(partial)
        partial.rename(folder)
    except OSError:
        if not folder.is_dir():
            raise
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return folder


def _remove_leftovers(name: str) -> None:
    """Removes `name` built for an older tree, and half-built ones whose process is gone."""
    for stale in OUT.glob(f"{name}-" + "?" * FINGERPRINT_LENGTH):
        shutil.rmtree(stale, ignore_errors=True)
    for partial in OUT.glob(f"{name}-" + "?" * FINGERPRINT_LENGTH + ".partial-*"):
        if not _running(int(partial.name.rsplit("-", 1)[1])):
            shutil.rmtree(partial, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, and someone else's
        pass
    return True


def slip_database(rows: int, seed: int = 1) -> Path:
    """An encrypted database holding `rows` synthetic slips (issued 2016–2025)."""
    def build(folder: Path) -> None:
        path = folder / "bvct.db"
        create_database(path)
        db = open_database(path)
        try:
            load_slips(db, synthetic.iter_slips(rows, seed))
        finally:
            db.close()

    return cached(f"slips-{rows}-seed{seed}", build) / "bvct.db"


# Bulk loading: SQLAlchemy Core executemany straight into the tables, with every derived
# column computed by the package's own rules, as an import would store it. Unlike an import,
# it opens no vetting cases (slips.vetting_case_id stays empty).

def load_slips(db: Database, records: Iterable[synthetic.Record]) -> int:
    """Inserts slips, their persons and recipients; one transaction per chunk."""
    loader = None
    count = 0
    for chunk in _chunks(records, LOAD_CHUNK):
        with db.write() as connection:
            loader = loader or SlipLoader(connection, db.clock())
            loader.insert(connection, chunk)
        count += len(chunk)
    return count


def _chunks(records: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class SlipLoader:
    """Assigns ids itself so persons and recipients are found again across chunks."""

    def __init__(self, connection: Connection, now):
        self.now = now
        self.person_ids: dict[tuple[str, str, str], int] = {}
        self.recipient_ids = {key: rid for rid, key in connection.execute(
            select(recipients.c.id, recipients.c.name_key))}
        self.next_person = _next_id(connection, persons)
        self.next_recipient = _next_id(connection, recipients)
        self.next_slip = _next_id(connection, slips)

    def insert(self, connection: Connection, records: list[synthetic.Record]) -> None:
        new_recipients, new_persons, new_slips = [], [], []
        for record in records:
            person_id = self._person(record, new_persons)
            recipient_id = self._recipient(record["recipient"], new_recipients)
            new_slips.append(self._slip(record, person_id, recipient_id))
        for table, rows in ((recipients, new_recipients), (persons, new_persons), (slips, new_slips)):
            if rows:
                connection.execute(table.insert(), rows)

    def _person(self, record: synthetic.Record, new: list[dict]) -> int:
        identity = Identity(record["full_name"], record.get("birth_date"), record.get("home_town"))
        key = identity.key
        if key in self.person_ids:
            return self.person_ids[key]
        person_id, self.next_person = self.next_person, self.next_person + 1
        values = {"full_name": record["full_name"], "other_names": record.get("other_names"),
                  "cccd": None, "cmnd": None, "home_town": record.get("home_town")}
        new.append({**values, "id": person_id, "name_key": key[0], "gender": record.get("gender"),
                    "birth_date": record.get("birth_date"), "home_town_key": key[2],
                    "residence": record.get("residence"), "ethnicity": None, "religion": None,
                    "search_key": search_key(values), "sort_key": name_sort_key(record["full_name"]),
                    "created_at": self.now, "updated_at": self.now})
        self.person_ids[key] = person_id
        return person_id

    def _recipient(self, name: str, new: list[dict]) -> int:
        key = identity_key(name)
        if key not in self.recipient_ids:
            self.recipient_ids[key], self.next_recipient = self.next_recipient, self.next_recipient + 1
            new.append({"id": self.recipient_ids[key], "name": name, "name_key": key, "active": True,
                        "created_at": self.now})
        return self.recipient_ids[key]

    def _slip(self, record: synthetic.Record, person_id: int, recipient_id: int) -> dict:
        slip_id, self.next_slip = self.next_slip, self.next_slip + 1
        return {"id": slip_id, "number": record["number"], "number_key": identity_key(record["number"]),
                "year": record["issued_on"].year, "issued_on": record["issued_on"], "person_id": person_id,
                "relation": record["relation"], "vetted_name": record["vetted_name"], "vetted_cadre_id": None,
                "purpose": record["purpose"], "recipient_id": recipient_id,
                "father_name": record["father_name"], "mother_name": record["mother_name"],
                "spouse_name": record["spouse_name"], "result_on": record["result_on"],
                "result": record["result"], "note": record["note"], "created_at": self.now,
                "updated_at": self.now, "deleted_at": None}


def _next_id(connection: Connection, table) -> int:
    return (connection.execute(select(func.max(table.c.id))).scalar() or 0) + 1
