"""Backup and verify of a large database: 1,000,000 slips and at least 200,000 persons.

Measured: `backup.write` (SQLCipher export of one snapshot, zip with key file and manifest,
then the full self-check every backup gets) and `backup.verify` (what `bvct verify` does:
open the backup's own slot, HMAC, SHA-256, cipher_integrity_check, integrity_check, audit
chain). Baseline, for information: copying the database file's bytes (`shutil.copyfile`).
The database is a copy of the cached 1,000,000-slip database of bench_report, topped up
with synthetic cadres to 200,000 persons when it holds fewer.
target: backup ≤ 120 s and verify ≤ 120 s on the 2-core machine.
"""

import shutil
import tempfile
from pathlib import Path

import common
import fixtures
import synthetic
from bench_report import ROWS
from sqlalchemy import func, select

from bvct_desktop.core import backup
from bvct_desktop.core.schema import persons, slips

PERSONS = 200_000
TARGET_SECONDS = 120.0


def prepared_copy(folder: Path, rows: int, persons_wanted: int) -> Path:
    source = fixtures.slip_database(rows)
    target = folder / "bvct.db"
    for suffix in ("", "-wal", ".keys"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    db = fixtures.open_database(target)
    try:
        with db.read() as connection:
            have = connection.execute(select(func.count()).select_from(persons)).scalar()
        if have < persons_wanted:
            top_up(db, persons_wanted - have)
    finally:
        db.close()
    return target


def top_up(db, count: int) -> None:
    """Adds `count` persons (synthetic cadres' identities) straight into the persons table."""
    with db.write() as connection:
        next_id = (connection.execute(select(func.max(persons.c.id))).scalar() or 0) + 1
        now = db.clock()
        batch = []
        for offset, record in enumerate(synthetic.iter_cadres(count, seed=7)):
            name = record["full_name"]
            batch.append({"id": next_id + offset, "full_name": name, "name_key": f"{name.lower()}#{offset}",
                          "birth_date": record.get("birth_date"), "home_town": record.get("home_town"),
                          "home_town_key": "", "search_key": name.lower(), "created_at": now, "updated_at": now})
        connection.execute(persons.insert(), batch)


def run(scale: float = 1.0, repeat: int = 3, profile: bool = False) -> list[common.Figure]:
    rows = common.scaled(ROWS, scale)
    wanted = common.scaled(PERSONS, scale)
    with tempfile.TemporaryDirectory(dir=fixtures.OUT) as folder:
        folder = Path(folder)
        path = prepared_copy(folder, rows, wanted)
        db = fixtures.open_database(path)
        out = folder / "bvct.bvctbak"
        try:
            with db.read() as connection:
                counts = (connection.execute(select(func.count()).select_from(persons)).scalar(),
                          connection.execute(select(func.count()).select_from(slips)).scalar())
            print(f"database: {counts[0]:,} persons, {counts[1]:,} slips, "
                  f"{path.stat().st_size / 1_048_576:.0f} MB")
            copy_runs, backup_runs = common.alternate(
                lambda: common.timed(lambda: shutil.copyfile(path, folder / "raw-copy.db")),
                lambda: common.timed(lambda: backup.write(db, out)), repeat)
            if profile:
                common.profile(lambda: backup.write(db, out))
        finally:
            db.close()
        print(f"backup file: {out.stat().st_size / 1_048_576:.0f} MB")
        verify_runs = [common.timed(lambda: backup.verify(out, fixtures.ADMIN, fixtures.PASSWORD))
                       for _ in range(repeat)]
    made = common.Figure(f"backup of {counts[0]:,} persons and {counts[1]:,} slips", TARGET_SECONDS,
                         backup_runs, copy_runs, absolute=True)
    checked = common.Figure("verify of that backup", TARGET_SECONDS, verify_runs, copy_runs, absolute=True)
    common.print_figure(made, "raw file copy", "backup.write (export, zip, self-check)")
    common.print_figure(checked, "raw file copy", "backup.verify (bvct verify)")
    return [made, checked]


if __name__ == "__main__":
    args = common.arguments(__doc__.splitlines()[0], default_repeat=3)
    run(args.scale, args.repeat, args.profile)
