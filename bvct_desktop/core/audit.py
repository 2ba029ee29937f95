"""The audit trail: one entry per login, change, import, export and refusal, hash-chained.

Each entry carries an HMAC-SHA256, keyed with a secret derived from the database key, over
the previous entry's MAC and the entry's own fields, so an entry edited or removed through
a SQL shell breaks the chain. Details never hold more than the officer's own action needs.
"""

import datetime as dt
import hashlib
import hmac
import json

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select
from sqlalchemy.engine import Connection

from .schema import audit_log

OK, REFUSED, FAILED = "ok", "refused", "failed"


def derive_key(db_key: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"bvct-audit-chain").derive(db_key)


def entry_mac(key: bytes, previous_mac: str, entry: dict) -> str:
    canonical = json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                           default=str)
    return hmac.new(key, (previous_mac + canonical).encode("utf-8"), hashlib.sha256).hexdigest()


def append(connection: Connection, key: bytes, *, at: dt.datetime, user: str | None,
           role: str | None, action: str, outcome: str, kind: str | None = None,
           record_id: int | None = None, details: dict | None = None) -> None:
    """Adds one entry inside the caller's transaction."""
    previous = connection.execute(
        select(audit_log.c.mac).order_by(audit_log.c.id.desc()).limit(1)).scalar() or ""
    entry = {"at": at.isoformat(timespec="seconds"), "user_name": user, "role": role,
             "action": action, "outcome": outcome, "kind": kind, "record_id": record_id,
             "details": json.dumps(details, ensure_ascii=False, sort_keys=True, default=str)
             if details else None}
    mac = entry_mac(key, previous, entry)
    connection.execute(audit_log.insert().values(
        **{**entry, "at": at.replace(microsecond=0)}, mac=mac))
