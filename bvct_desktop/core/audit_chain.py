"""The audit trail's hash chain: appending an entry, moving the head, verifying the chain.

Each entry carries an HMAC-SHA256, keyed with a secret derived from the database key, over
the previous entry's MAC and the entry's own fields, so an entry edited or removed through
a SQL shell breaks the chain. Entry ids run 1, 2, 3… without gaps in an intact trail.

The chain's head (entry count, last id, last MAC) is mirrored in the key file after every
commit that appended entries — after, so the mirror may lag behind the database but never
runs ahead of it. It only moves forward, and only while the entry it names is still in the
database as it was: a database cut short or swapped for an older copy cannot overwrite the
evidence. `verify_chain` recomputes everything and names the first broken entry.
"""

import datetime as dt
import functools
import hashlib
import hmac
import itertools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from json.encoder import c_make_encoder, encode_basestring

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from . import keyfile
from .changes import insert_columns
from .schema import audit_log

OK, REFUSED, FAILED = "ok", "refused", "failed"
PENDING = "pending"  # begun, settled by a later entry that names it (key slot changes)
HEAD_INFO = "bvct_audit_head"  # the newest head appended in the open transaction (connection.info)


def derive_key(db_key: bytes) -> bytes:
    return keyfile.derive_subkey(db_key, b"bvct-audit-chain")


# An entry's details as json.dumps(details, ensure_ascii=False, sort_keys=True, default=str) writes
# them: json's own C encoder, made once (json.dumps makes it anew for every call). Its arguments:
# markers, default, encoder, indent, key separator, item separator, sort_keys, skipkeys, allow_nan.
_DETAILS = c_make_encoder(None, str, encode_basestring, None, ": ", ", ", True, False, True)
# A field's value as json.dumps writes it.
_VALUE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode


def entry_mac(key: bytes, previous_mac: str, entry: dict) -> str:
    return _mac(_keyed(key), previous_mac, canonical(entry))


def _keyed(key: bytes) -> hmac.HMAC:
    return hmac.new(key, digestmod=hashlib.sha256)


def _mac(keyed: hmac.HMAC, previous_mac: str, canonical_text: str) -> str:
    """The entry's MAC, from an HMAC already keyed (copying one costs less than keying anew)."""
    mac = keyed.copy()
    mac.update((previous_mac + canonical_text).encode("utf-8"))
    return mac.hexdigest()


def canonical(entry: dict) -> str:
    """What an entry's MAC covers: its fields (those of `fields_of`) as the JSON object
    json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    writes, byte for byte — put together from each value's own encoding, the fields an import's
    entries share encoded once."""
    return _canonical(_frame(entry["action"], entry["at"], entry["kind"], entry["outcome"], entry["role"],
                             entry["user_name"]), entry["details"], entry["record_id"])


def _canonical(frame: tuple[str, str, str], details, record_id) -> str:
    head, middle, tail = frame
    return f"{head}{_json(details)}{middle}{_json(record_id)}{tail}"


@functools.lru_cache(maxsize=64, typed=True)  # typed: 1 and True are equal keys but not the same JSON
def _frame(action, at, kind, outcome, role, user_name) -> tuple[str, str, str]:
    """The canonical text around an entry's details and record id (the keys in sorted order)."""
    return (f'{{"action":{_json(action)},"at":{_json(at)},"details":',
            f',"kind":{_json(kind)},"outcome":{_json(outcome)},"record_id":',
            f',"role":{_json(role)},"user_name":{_json(user_name)}}}')


def _json(value) -> str:
    """One value as json.dumps writes it (ensure_ascii=False, default=str)."""
    if type(value) is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if type(value) is int:
        return int.__repr__(value)
    return _VALUE(value)


def append(connection: Connection, key: bytes, *, at: dt.datetime, user: str | None,
           role: str | None, action: str, outcome: str, kind: str | None = None,
           record_id: int | None = None, details: dict | None = None) -> dict:
    """Adds one entry inside the caller's transaction; returns the chain's new head."""
    return append_all(connection, key, [{"at": at, "user": user, "role": role, "action": action,
                                         "outcome": outcome, "kind": kind, "record_id": record_id,
                                         "details": details}])


def append_all(connection: Connection, key: bytes, entries: Sequence[dict]) -> dict | None:
    """Adds the entries (each with the arguments of `append`) in order, in one statement; returns
    the chain's new head (None when there were none)."""
    links = Links(connection, key)
    links.add(entries)
    return links.write(connection)


class Links:
    """Entries linked, in order, to the end of the chain as `connection` holds it (read once): `add`
    makes their rows and MACs without the database, `write` appends those made so far."""

    COLUMNS = ("id", "at", "user_name", "role", "action", "outcome", "kind", "record_id", "details", "mac")

    def __init__(self, connection: Connection, key: bytes):
        previous = connection.execute(
            select(audit_log.c.id, audit_log.c.mac).order_by(audit_log.c.id.desc()).limit(1)).first()
        self._last_id, self._mac = (previous.id, previous.mac) if previous else (0, "")
        self._keyed = _keyed(key)
        self._rows = self._no_rows()

    @classmethod
    def _no_rows(cls) -> dict[str, list]:
        return {name: [] for name in cls.COLUMNS}

    def add(self, entries: Sequence[dict]) -> None:
        """Entries with the arguments of `append`, linked after those added before."""
        for shared, alike in itertools.groupby(entries, _shared):
            self.add_records(*shared, [(entry["action"], entry.get("record_id"), entry.get("details"))
                                       for entry in alike])

    def add_records(self, at: dt.datetime, user: str | None, role: str | None, outcome: str, kind: str | None,
                    records: Sequence[tuple[str, int | None, dict | None]]) -> None:
        """Entries sharing their moment, user, role, outcome and kind, (action, record id, details)
        each, linked after those added before: what they share is encoded once."""
        at_text, stored_at = _moment(at)
        texts = list(map(details_text, [details for _, _, details in records]))
        frames: dict[str, tuple[str, str, str]] = {}  # by action
        keyed, mac, macs = self._keyed, self._mac, []
        for (action, record_id, _), text in zip(records, texts, strict=True):
            frame = frames.get(action)
            if frame is None:
                frame = frames[action] = _frame(action, at_text, kind, outcome, role, user)
            mac = _mac(keyed, mac, _canonical(frame, text, record_id))  # the MAC covers the moment's text
            macs.append(mac)
        rows, count = self._rows, len(records)
        first = self._last_id + len(rows["id"]) + 1
        rows["id"] += range(first, first + count)
        for column, value in (("at", stored_at), ("user_name", user), ("role", role), ("outcome", outcome),
                              ("kind", kind)):
            rows[column] += [value] * count
        rows["action"] += [action for action, _, _ in records]
        rows["record_id"] += [record_id for _, record_id, _ in records]
        rows["details"] += [text and text.encode("utf-8") for text in texts]  # half the memory while they wait
        rows["mac"] += macs
        self._mac = mac

    def write(self, connection: Connection) -> dict | None:
        """Appends the entries added since the last write; the chain's new head (None: there were none)."""
        count = len(self._rows["id"])
        if not count:
            return None
        insert_columns(connection, audit_log, count,
                       {**self._rows, "details": map(_decoded, self._rows["details"])})
        self._last_id += count
        self._rows = self._no_rows()
        head = {"count": self._last_id, "id": self._last_id, "mac": self._mac}
        connection.info[HEAD_INFO] = head
        return head


def _shared(entry: dict) -> tuple:
    """What `add_records` takes once of entries that share it, in its order."""
    return entry["at"], entry["user"], entry["role"], entry["outcome"], entry.get("kind")


def _decoded(text: bytes | None) -> str | None:
    return text and text.decode("utf-8")


@functools.lru_cache(maxsize=64)  # an import's entries share one moment
def _moment(at: dt.datetime) -> tuple[str, dt.datetime]:
    """An entry's moment as its MAC covers it, and as stored: to the second."""
    return at.isoformat(timespec="seconds"), at.replace(microsecond=0)


def details_text(details: dict | None) -> str | None:
    """An entry's details as stored (JSON, keys sorted), or None."""
    return "".join(_DETAILS(details, 0)) if details else None


def fields_of(row) -> dict:
    """What an entry's MAC covers, from a stored row (a mapping)."""
    return {"at": row["at"].isoformat(timespec="seconds"), "user_name": row["user_name"], "role": row["role"],
            "action": row["action"], "outcome": row["outcome"], "kind": row["kind"], "record_id": row["record_id"],
            "details": row["details"]}


def advance(stored: dict, head: dict, mac_at: Callable[[int], str | None]) -> dict:
    """The key file's new head: `head` if it moves forward from an entry still intact, else `stored`."""
    if head["id"] <= stored.get("id", 0):
        return stored
    if stored.get("id") and mac_at(stored["id"]) != stored["mac"]:
        return stored  # the database no longer holds what the key file saw: keep the evidence
    return dict(head)


def mac_at(connection: Connection, entry_id: int) -> str | None:
    return connection.execute(select(audit_log.c.mac).where(audit_log.c.id == entry_id)).scalar()


@dataclass(frozen=True)
class Verdict:
    count: int
    broken_id: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify_chain(connection: Connection, key: bytes, head: dict) -> Verdict:
    """Recomputes every MAC and compares the end of the chain with the key file's `head`."""
    previous_mac, expected_id, count = "", 1, 0
    rows = connection.execution_options(yield_per=5_000).execute(select(audit_log).order_by(audit_log.c.id))
    for row in rows:
        if row.id != expected_id:
            return Verdict(count, expected_id, _deleted(expected_id, row.id - 1))
        if not hmac.compare_digest(entry_mac(key, previous_mac, fields_of(row._mapping)), row.mac):
            return Verdict(count, row.id, f"Mục nhật ký số {row.id} ({row.at:%d/%m/%Y %H:%M}) đã bị sửa "
                           "hoặc không thuộc chuỗi nhật ký này.")
        previous_mac, expected_id, count = row.mac, row.id + 1, count + 1
        if row.id == head.get("id") and not hmac.compare_digest(row.mac, head.get("mac", "")):
            return Verdict(count, row.id, _replaced(row.id))
    if head.get("id", 0) > count:
        return Verdict(count, count + 1, _cut(head["id"], count))
    return Verdict(count)


def missing_head(connection: Connection, head: dict) -> str | None:
    """What `verify_chain` tells when the trail no longer holds the entry the key file's `head` names
    (the database cut short, or swapped for an older copy), found cheaply: that one entry's MAC, not
    the chain. None when it holds it."""
    if not head.get("id"):
        return None
    mac = mac_at(connection, head["id"])
    if mac is not None:
        return None if hmac.compare_digest(mac, head["mac"]) else _replaced(head["id"])
    count = connection.execute(select(func.count()).select_from(audit_log)).scalar()
    return _cut(head["id"], count) if count < head["id"] else _deleted(head["id"], head["id"])


def _deleted(first: int, last: int) -> str:
    return f"Nhật ký bị xóa mục số {first}" + (f" đến {last}" if last > first else "") + "."


def _replaced(entry_id: int) -> str:
    return (f"Mục nhật ký số {entry_id} khác với bản ghi trong tệp khóa: cơ sở dữ liệu đã bị thay bằng một "
            "bản khác.")


def _cut(head_id: int, count: int) -> str:
    return (f"Nhật ký bị cắt: tệp khóa ghi {head_id} mục, cơ sở dữ liệu chỉ còn {count}; mất từ mục số {count + 1} "
            "(các mục mới nhất bị xóa, hoặc cơ sở dữ liệu bị thay bằng bản cũ hơn).")
