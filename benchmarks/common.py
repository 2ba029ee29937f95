"""What the benchmark scripts share: timing against a baseline, databases, cached fixtures.

The machine is shared and noisy, so every figure alternates baseline and measured runs
within one process and compares medians. Built databases are cached under benchmarks/out/
(gitignored) in a folder named after everything that shapes them, so a changed generator,
loader or schema builds afresh.
"""

import argparse
import cProfile
import gc
import hashlib
import pstats
import shutil
import statistics
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from bvct_desktop.core import keyfile, migrations, vault
from bvct_desktop.core.people import Identity, search_key
from bvct_desktop.core.schema import persons, recipients, slips
from bvct_desktop.core.text import identity_key

import synthetic

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
ADMIN = "quantri"
PASSWORD = "Thu-nghiem-hieu-nang-2026"
CHEAP_KDF = keyfile.KdfParams(1, 1024, 1)  # key slots are not what is measured
LOAD_CHUNK = 50_000


@dataclass
class Figure:
    """One measured operation: its runs, its baseline's runs, and its target."""

    name: str
    target: float
    runs: list[float]
    baseline_runs: list[float]
    absolute: bool = False  # the target is in seconds, not a ratio to the baseline

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def baseline(self) -> float:
        return statistics.median(self.baseline_runs)

    @property
    def ratio(self) -> float:
        return self.median / self.baseline

    @property
    def value(self) -> float:
        return self.median if self.absolute else self.ratio

    @property
    def met(self) -> bool:
        return self.value <= self.target

    def target_text(self) -> str:
        return f"≤ {self.target:g} s" if self.absolute else f"ratio ≤ {self.target:g}"

    def verdict(self) -> str:
        shown = f"{self.median:.3f} s" if self.absolute else f"ratio {self.ratio:.2f}"
        return f"{shown} (target {self.target_text()}): {'met' if self.met else 'MISSED'}"


def timed(action: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def alternate(baseline: Callable[[], float], measured: Callable[[], float],
              repeat: int) -> tuple[list[float], list[float]]:
    """Runs baseline and measured in turns; each callable returns its own elapsed seconds."""
    baseline_runs, measured_runs = [], []
    for _ in range(repeat):
        baseline_runs.append(baseline())
        measured_runs.append(measured())
    return baseline_runs, measured_runs


def print_runs(label: str, runs: list[float]) -> None:
    shown = " ".join(f"{run:.3f}" for run in runs)
    print(f"  {label}: {shown} s → median {statistics.median(runs):.3f} s")


def print_figure(figure: Figure, baseline_label: str, measured_label: str) -> None:
    print(figure.name)
    print_runs(f"baseline ({baseline_label})", figure.baseline_runs)
    print_runs(f"measured ({measured_label})", figure.runs)
    if figure.absolute:
        print(f"  ratio to baseline {figure.ratio:.2f} (for information)")
    print(f"  {figure.verdict()}")


def arguments(description: str, default_repeat: int) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply the data sizes (e.g. 0.1 for a quick run)")
    parser.add_argument("--repeat", type=int, default=default_repeat, help="timed runs of each side")
    parser.add_argument("--profile", action="store_true",
                        help="also run the measured operation once under cProfile and print the top")
    return parser.parse_args()


def scaled(rows: int, scale: float) -> int:
    return max(100, round(rows * scale))


def profile(action: Callable[[], object], limit: int = 30) -> None:
    """Runs `action` under cProfile and prints the functions with the most cumulative time."""
    profiler = cProfile.Profile()
    profiler.runcall(action)
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(limit)
    stats.sort_stats("tottime").print_stats(limit)


# Databases

def create_database(path: Path) -> None:
    vault.create(path, ADMIN, PASSWORD, kdf=CHEAP_KDF)


def open_database(path: Path) -> vault.Database:
    return vault.unlock(path, ADMIN, PASSWORD)


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".keys", ".keys.lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _fingerprint() -> str:
    """Changes whenever the generator, the loader or the schema does."""
    digest = hashlib.sha256(migrations.head_revision().encode())
    for source in (Path(synthetic.__file__), Path(__file__), Path(persons.metadata and _schema_file())):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:10]


def _schema_file() -> str:
    from bvct_desktop.core import schema

    return schema.__file__


def cached(name: str, build: Callable[[Path], None]) -> Path:
    """A folder under out/ built once by `build(folder)`; a half-built one never counts."""
    folder = OUT / f"{name}-{_fingerprint()}"
    if folder.is_dir():
        return folder
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    print(f"building {folder.name} (cached for later runs)…", flush=True)
    started = time.perf_counter()
    build(partial)
    partial.rename(folder)
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return folder


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
# column computed by the package's own text rules, as an import would store it.

def load_slips(db: vault.Database, records: Iterable[synthetic.Record]) -> int:
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
                    "search_key": search_key(values), "created_at": self.now, "updated_at": self.now})
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
