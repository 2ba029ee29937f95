"""The server's schema brought up to date, once, by an administrator and the database's owner
(`bvct upgrade`): a verified backup taken as the administrator first, then the migrations and the
server's objects as the owner, the upgrade written to the trail."""

from pathlib import Path

from sqlalchemy import insert

from .. import audit_chain, autobackup, backup, migrations
from ..address import ServerAddress
from ..database import Clock
from ..errors import SchemaBehind
from ..permissions import ADMIN, Action
from ..schema import audit_log
from . import engine as server_engine
from . import objects, setup


def upgrade(address: ServerAddress, user: str, password: str, owner: str, owner_password: str | None,
            backup_out: Path | None, clock: Clock) -> Path | None:
    """The schema brought up to date by `owner`, after a verified backup taken as the administrator `user`."""
    db = setup.unlock(address, user, password, clock, schema_checked=False)
    try:
        db.require(Action.MANAGE_USERS, "nâng cấp cấu trúc dữ liệu")
        with db.read() as connection:
            current = migrations.current_revision(connection)
            try:
                setup.check_schema(connection)
                return None
            except SchemaBehind:
                pass
        taken = backup.write(db, backup_out).path if backup_out else autobackup.before_migration(db)
        key = db.key
    finally:
        db.close()
    engine = server_engine.owner_engine(address, owner, owner_password)
    try:
        with server_engine.translated_errors(address), engine.connect() as connection, connection.begin():
            migrations.upgrade(connection)
            objects.prepare(connection, address.dbname, owner)
            objects.hold_key_proof(connection, key)
            details = {"tu": current, "den": migrations.head_revision(), "sao_luu_truoc": str(taken)}
            connection.execute(insert(audit_log), {"at": clock(), "user_name": user, "role": ADMIN, "outcome": "ok",
                                                   "action": "nâng cấp cấu trúc dữ liệu",
                                                   "details": audit_chain.details_text(details)})
    finally:
        engine.dispose()
    return taken
