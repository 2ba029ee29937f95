"""Changes of key slots — a user added, a password changed or reset, a user disabled or reopened,
the recovery key replaced — written to the audit trail together with the key file: both or neither.

The key file cannot join a database transaction, so a change runs in three steps, all under
one lock (`PATH.keys.slots.lock`) that backups and the check at open also take:

1. the audit entry "đang thực hiện" and a pending note commit in the database;
2. the key file is replaced, its generation counter one higher;
3. the change's effect on the users table, the entry that completes it ("thành công") and the
   new generation commit; should this fail, the key file is put back and the change is "thất bại".

A crash between the steps leaves the pending note, which the next open settles from the key
file's generation (`reconcile`): the key file got the change → completed; it did not → failed.
The database records the generation of its key file, so a key file older than the database
(a copy that still opens a password the administrator has since reset) is refused (exit 4),
and so is one newer than the database.
"""

import contextlib
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Connection

from . import audit_chain, backup_log, crashpoints, files, keyfile, lockout
from .database import Database
from .errors import BvctError, DamagedError
from .schema import meta, users

GENERATION, PENDING = "key_generation", "key_change_pending"  # keys of the meta table
ADD, DISABLE, ENABLE = "add", "disable", "enable"  # a change's effect on the users table ("" for none)


@dataclass(frozen=True)
class Change:
    action: str                              # the audit action, e.g. "đổi mật khẩu"
    user: str                                # whose account
    slots: dict[str, dict | None] = field(default_factory=dict)  # slot → new slot, None: removed
    effect: str = ""
    role: str | None = None                  # the new user's role (ADD)


@contextlib.contextmanager
def holding(key_path: Path) -> Iterator[None]:
    """No key slot changes while the block runs (a backup reads the key file and the database)."""
    with files.locked(Path(f"{key_path}.slots.lock")):
        yield


def apply(db: Database, change: Change, check: Callable[[Connection], None] = lambda connection: None) -> None:
    """Makes `change` in the key file and the database, audited; `check` may refuse it first
    (InputError), inside the first transaction."""
    with holding(db.key_path):
        with db.write() as connection:
            check(connection)
            generation = _generation(connection) + 1
            db.audit(connection, change.action, audit_chain.PENDING, details=_details(change, generation))
            note = {**asdict(change), "slots": sorted(change.slots), "generation": generation,
                    "entry": connection.info[audit_chain.HEAD_INFO]["id"]}
            _put(connection, PENDING, json.dumps(note, ensure_ascii=False))
        crashpoints.reached("slot-pending")
        try:
            previous = _write_key_file(db.key_path, change.slots, generation, generation - 1,
                                       afresh=change.user if change.slots.get(change.user) else None)
        except BvctError as error:
            _settle_quietly(db, note, completed=False, reason=error.message)
            raise
        crashpoints.reached("slot-written")
        try:
            with db.write() as connection:
                _settle(db, connection, note, completed=True)
        except BvctError as error:
            try:
                _write_key_file(db.key_path, previous, generation - 1, generation)  # put back
            except BvctError:  # the key file has it: the next open completes it (`reconcile`)
                raise error.reworded(f"{error.message.split(';')[0].rstrip('.')}; «{change.action}» của "
                                     f"«{change.user}» đã vào tệp khóa và sẽ được hoàn tất, ghi vào nhật ký ở lần "
                                     "mở cơ sở dữ liệu tiếp theo.") from None
            _settle_quietly(db, note, completed=False, reason=error.message)
            raise


def reconcile(db: Database, keys: keyfile.KeyFile) -> None:
    """At open: settles a change a crash interrupted, then refuses a key file whose generation
    is not the one the database recorded."""
    with db.read() as connection:
        generation, note = _generation(connection), _note(connection)
    if note is None and generation == keys.generation:
        return
    backups: list[backup_log.Known] = []
    role = None  # of the user opening it, at the damage
    with holding(db.key_path):
        keys = keyfile.read(db.key_path)
        with db.write() as connection:
            note = _note(connection)
            if note is not None:
                _settle(db, connection, note, completed=keys.generation >= note["generation"],
                        reason="đối chiếu với tệp khóa khi mở cơ sở dữ liệu")
            generation = _generation(connection)
            if keys.generation != generation:
                db.audit(connection, "mở cơ sở dữ liệu", audit_chain.FAILED,
                         details={"ly_do": "tệp khóa không khớp", "the_he_tep_khoa": keys.generation,
                                  "the_he_co_so_du_lieu": generation})
                backups = backup_log.in_trail(connection)
                role = connection.execute(select(users.c.role).where(users.c.name == db.actor.name)).scalar()
    if keys.generation != generation:
        raise backup_log.naming_backup(DamagedError(_mismatch(db.key_path, keys.generation, generation)), db.path,
                                       backups, role)


def _mismatch(key_path: Path, found: int, recorded: int) -> str:
    if found < recorded:
        return (f"Tệp khóa «{key_path}» cũ hơn cơ sở dữ liệu (lần đổi ngăn khóa thứ {found}, cơ sở dữ liệu đã ghi "
                f"lần thứ {recorded}): có thể một bản sao cũ đã chép đè lên, mở lại được mật khẩu đã bị đổi hoặc "
                "tài khoản đã bị khóa, nên không mở.")
    return (f"Tệp khóa «{key_path}» mới hơn cơ sở dữ liệu (lần đổi ngăn khóa thứ {found}, cơ sở dữ liệu mới ghi "
            f"lần thứ {recorded}): cơ sở dữ liệu có thể đã bị thay bằng một bản cũ hơn, nên không mở.")


def _details(change: Change, generation: int) -> dict:
    details = {"nguoi_dung": change.user, "the_he_tep_khoa": generation}
    if change.role:
        details["vai_tro"] = change.role
    return details


def _write_key_file(key_path: Path, slots: dict[str, dict | None], generation: int, expected: int,
                    afresh: str | None = None) -> dict[str, dict | None]:
    """Puts `slots` into the key file, moving it from generation `expected` to `generation`, and
    starts the failed-login count of user `afresh` over (given a new password: added, reopened, its
    password set by an administrator or reset with the recovery key); returns the slots as they were."""
    previous: dict[str, dict | None] = {}

    def change(keys: keyfile.KeyFile) -> None:
        if keys.generation != expected:
            raise DamagedError(_mismatch(key_path, keys.generation, expected))
        for name, slot in slots.items():
            previous[name] = keys.slots.get(name)
            if slot is None:
                keys.slots.pop(name, None)
            else:
                keys.slots[name] = slot
        if afresh is not None:
            lockout.start_afresh(keys, afresh)
        keys.generation = generation

    keyfile.update(key_path, change)
    return previous


def _settle(db: Database, connection: Connection, note: dict, completed: bool, reason: str | None = None) -> None:
    """Completes (the effect, the generation) or fails the pending change, and clears the note."""
    details = {"nguoi_dung": note["user"], "muc_dang_thuc_hien": note["entry"], "the_he_tep_khoa": note["generation"]}
    if reason:
        details["ly_do"] = reason
    if completed:
        _effect(connection, note, db.clock())
        _put(connection, GENERATION, str(note["generation"]))
    db.audit(connection, note["action"], audit_chain.OK if completed else audit_chain.FAILED, details=details)
    connection.execute(meta.delete().where(meta.c.key == PENDING))


def _settle_quietly(db: Database, note: dict, completed: bool, reason: str) -> None:
    """Records a failed change when the database takes it; else the next open does (`reconcile`)."""
    try:
        with db.write() as connection:
            _settle(db, connection, note, completed, reason)
    except BvctError:
        pass


def _effect(connection: Connection, note: dict, now) -> None:
    if note["effect"] == ADD:
        if connection.execute(select(users.c.id).where(users.c.name == note["user"])).first() is None:
            connection.execute(users.insert().values(name=note["user"], role=note["role"], active=True,
                                                     created_at=now))
    elif note["effect"] in (DISABLE, ENABLE):
        connection.execute(users.update().where(users.c.name == note["user"]).values(active=note["effect"] == ENABLE))


def _generation(connection: Connection) -> int:
    value = connection.execute(select(meta.c.value).where(meta.c.key == GENERATION)).scalar()
    return int(value) if value else 0


def _note(connection: Connection) -> dict | None:
    value = connection.execute(select(meta.c.value).where(meta.c.key == PENDING)).scalar()
    return json.loads(value) if value else None


def _put(connection: Connection, key: str, value: str) -> None:
    connection.execute(meta.delete().where(meta.c.key == key))
    connection.execute(meta.insert().values(key=key, value=value))
