"""The key file `PATH.keys`: the database key wrapped once per user and once for the recovery key.

Layout (JSON): a format marker and version, the database id, one key slot per user and one
for the recovery key (the 256-bit database key sealed with AES-256-GCM under a key derived
from the password with Argon2id; the KDF parameters travel in the slot), the failed-login
counters and lockout times of the names with a slot, the tries of names without one (each name
sealed, `sealed_names`, with the public key it is sealed to), the audit chain's head (count,
last id, last MAC), where the newest verified backup was written, the number of the last backup
written (`backup_log`), the salt at the head of its database file (which tells the key file of
another database put beside it), the salts of the files whose history it continues
(`backup_lines`), and a SHA-256 checksum over all of it. A slot's GCM associated data names the
database and the slot, so slots cannot be moved between users or files. Every change goes
through `update`: lock, re-read, change, atomic replace.
"""

import base64
import datetime as dt
import hashlib
import json
import os
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import WRONG_LOGIN, AuthError, DamagedError, os_reason
from .files import atomic_output, locked
from .kept_files import KEY_FILE_FORMAT as FORMAT
from .own_files import key_path as key_path  # the key file is one of a database's own files

VERSION = 1
RECOVERY_SLOT = "*recovery*"
SALT_BYTES = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost; the default takes about 0.5 s on a 2-core office PC."""

    time_cost: int = 4
    memory_kib: int = 262_144
    parallelism: int = 2


DEFAULT_KDF = KdfParams()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(secret.encode("utf-8"), salt, params.time_cost, params.memory_kib,
                           params.parallelism, 32, Type.ID)


def _composed(secret: str) -> str:
    """A secret as a slot is sealed with it: NFC, however the keyboard composed its accents."""
    return unicodedata.normalize("NFC", secret)


def seal(db_key: bytes, secret: str, db_id: str, slot: str, params: KdfParams) -> dict:
    """A key slot holding `db_key`, opened only by `secret`."""
    salt, nonce = os.urandom(16), os.urandom(12)
    wrapping = _derive(_composed(secret), salt, params)
    aad = f"{FORMAT}|{db_id}|{slot}".encode()
    return {
        "kdf": {"name": "argon2id", "time_cost": params.time_cost,
                "memory_kib": params.memory_kib, "parallelism": params.parallelism,
                "salt": b64(salt)},
        "nonce": b64(nonce),
        "sealed": b64(AESGCM(wrapping).encrypt(nonce, db_key, aad)),
    }


def unseal(entry: dict, secret: str, db_id: str, slot: str) -> bytes | None:
    """The database key, or None when `secret` does not open the slot (a well-formed one:
    `check_slot` has passed when the key file was read). Tried NFC, as slots are sealed, then as
    typed when that differs (a slot sealed before secrets were NFC)."""
    kdf = entry["kdf"]
    params = KdfParams(kdf["time_cost"], kdf["memory_kib"], kdf["parallelism"])
    aad = f"{FORMAT}|{db_id}|{slot}".encode()
    for form in dict.fromkeys((_composed(secret), secret)):
        wrapping = _derive(form, unb64(kdf["salt"]), params)
        try:
            return AESGCM(wrapping).decrypt(unb64(entry["nonce"]), unb64(entry["sealed"]), aad)
        except InvalidTag:
            continue
    return None


# What a slot's Argon2id parameters may be: argon2's own rules (memory at least 8 KiB per lane)
# and bounds that keep an edited key file from asking for hours or gigabytes at every login.
LIMITS = {"time_cost": (1, 64), "memory_kib": (8, 2 * 1024 * 1024), "parallelism": (1, 64)}


def check_slot(name: str, entry: object) -> str | None:
    """Why slot `name` is malformed (its KDF parameters, salt, nonce or sealed key), or None."""
    if not isinstance(entry, dict) or not isinstance(entry.get("kdf"), dict):
        return "không đúng cấu trúc"
    kdf = entry["kdf"]
    if kdf.get("name") != "argon2id":
        return f"thuật toán dẫn xuất khóa «{kdf.get('name')}» không hợp lệ"
    for key, (low, high) in LIMITS.items():
        value = kdf.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            return f"tham số dẫn xuất khóa {key} = {value!r} không hợp lệ"
    if kdf["memory_kib"] < 8 * kdf["parallelism"]:
        return "tham số dẫn xuất khóa memory_kib nhỏ hơn 8 × parallelism"
    for where, field_name, size in ((kdf, "salt", None), (entry, "nonce", 12), (entry, "sealed", 48)):
        try:
            raw = unb64(where.get(field_name, ""))
        except (ValueError, TypeError, AttributeError):
            raw = b""
        if len(raw) < 8 or size is not None and len(raw) != size:
            return f"trường {field_name} không hợp lệ"
    return None


def no_slotless() -> dict:
    """No try of a name without a key slot kept (`KeyFile.slotless`)."""
    return {"no_slot": [], "dropped": 0}


@dataclass
class KeyFile:
    db_id: str
    slots: dict[str, dict] = field(default_factory=dict)
    failures: dict[str, dict] = field(default_factory=dict)
    audit_head: dict = field(default_factory=lambda: {"count": 0, "id": 0, "mac": ""})
    last_backup: dict | None = None
    generation: int = 0  # bumped by every change of a key slot; the database records it (key_slots)
    db_salt: str | None = None  # its database file's salt (`salt_of`); None: written before it was kept
    line: list[str] | None = None  # its line of history (`backup_lines`); None: not known, as before lines were kept
    second_copy: dict | None = None  # the last copy of an automatic backup to the second folder: at, ok, error
    # names tried that have no key slot (lockout): when, and each name sealed (None: before `name_seal` was
    # kept); with how many were only counted
    slotless: dict = field(default_factory=no_slotless)
    name_seal: str | None = None  # the public key those names are sealed to (sealed_names.public_key)
    backup_number: int = 0  # the number of the last backup written (`backup_log.Known.written`); 0: none numbered yet

    def forget_failures(self) -> None:
        """No failed login kept: a copy of the key file for a backup or a restore starts afresh."""
        self.failures, self.slotless = {}, no_slotless()

    def is_for(self, salt: str | None) -> bool:
        """Whether this may be the key file of the database whose salt is `salt` (one that does not
        name its database, or a salt not known, may be)."""
        return None in (self.db_salt, salt) or self.db_salt == salt

    def to_bytes(self) -> bytes:
        body = {"format": FORMAT, "version": VERSION, "db_id": self.db_id, "slots": self.slots,
                "failures": self.failures, "audit_head": self.audit_head, "last_backup": self.last_backup,
                "generation": self.generation, "db_salt": self.db_salt, "line": self.line,
                "slotless": self.slotless, "name_seal": self.name_seal, "backup_number": self.backup_number,
                **({"second_copy": self.second_copy} if self.second_copy is not None else {})}
        body["checksum"] = _checksum(body)
        return json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes, path: Path) -> "KeyFile":
        try:
            body = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            body = None
        if not isinstance(body, dict) or body.get("format") != FORMAT:
            raise DamagedError(f"Tệp khóa «{path}» không phải tệp khóa của BVCT Desktop.")
        checksum = body.pop("checksum", None)
        if checksum != _checksum(body):
            raise DamagedError(f"Tệp khóa «{path}» bị hỏng (sai mã kiểm tra).")
        if body.get("version") != VERSION:
            raise DamagedError(f"Tệp khóa «{path}» thuộc phiên bản {body.get('version')} chưa hỗ trợ.")
        try:
            keys = cls(body["db_id"], body["slots"], body["failures"], body["audit_head"],
                       body.get("last_backup"), body.get("generation", 0), body.get("db_salt"), body.get("line"),
                       body.get("second_copy"), body.get("slotless", no_slotless()),
                       body.get("name_seal"), body.get("backup_number", 0))
        except KeyError:
            raise DamagedError(f"Tệp khóa «{path}» thiếu thông tin bắt buộc.") from None
        problem = keys._malformed()
        if problem:
            raise DamagedError(f"Tệp khóa «{path}» bị hỏng: {problem}.")
        return keys

    def _malformed(self) -> str | None:
        """What in a key file just read has not the shape this program writes, or None: the checksum
        has no secret key, so an edited file may carry a correct one."""
        if not isinstance(self.db_id, str) or not self.db_id:
            return "mã cơ sở dữ liệu không hợp lệ"
        if not isinstance(self.slots, dict):
            return "danh sách ngăn khóa không hợp lệ"
        for name, entry in self.slots.items():
            problem = check_slot(name, entry)
            if problem:
                return f"ngăn khóa {'khóa khôi phục' if name == RECOVERY_SLOT else f'«{name}»'} có {problem}"
        if not isinstance(self.failures, dict):
            return "phần ghi đăng nhập sai không hợp lệ"
        for name, state in self.failures.items():
            if not _failures_well_formed(state):
                return f"phần ghi đăng nhập sai của «{name}» không hợp lệ"
        if not _slotless_well_formed(self.slotless):
            return "phần ghi đăng nhập sai bằng tên không có tài khoản không hợp lệ"
        if self.name_seal is not None and not _public_key(self.name_seal):
            return "khóa công khai niêm phong tên đăng nhập sai không hợp lệ"
        if not _head_well_formed(self.audit_head):
            return "đầu chuỗi nhật ký không hợp lệ"
        if self.last_backup is not None and not _backup_note_well_formed(self.last_backup):
            return "ghi chú về bản sao lưu gần nhất không hợp lệ"
        if not _count(self.generation):
            return "số thế hệ ngăn khóa không hợp lệ"
        if not _count(self.backup_number):
            return "số thứ tự bản sao lưu không hợp lệ"
        if self.db_salt is not None and not isinstance(self.db_salt, str):
            return "mã nhận diện tệp dữ liệu không hợp lệ"
        if self.line is not None and not (isinstance(self.line, list) and all(isinstance(s, str) for s in self.line)):
            return "dòng lịch sử của cơ sở dữ liệu không hợp lệ"
        if self.second_copy is not None and not (
                isinstance(self.second_copy, dict) and _moment(self.second_copy.get("at"))
                and isinstance(self.second_copy.get("ok"), bool) and isinstance(self.second_copy.get("error"), str)):
            return "ghi chú về lần chép ra thư mục sao lưu thứ hai không hợp lệ"
        return None

    def open_slot(self, slot: str, secret: str) -> bytes:
        """The database key from `slot`; AuthError when there is no such slot or wrong secret."""
        entry = self.slots.get(slot)
        key = unseal(entry, secret, self.db_id, slot) if entry else None
        if key is None:
            raise AuthError(WRONG_LOGIN)
        return key


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _moment(value: object) -> bool:
    """A date and time as the key file keeps them (ISO)."""
    try:
        dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _failures_well_formed(state: object) -> bool:
    """One name's wrong passwords (lockout.record_failure): a count, the end of a lockout, the events
    not yet in the audit trail (wrong secrets, names without a slot, lockouts from–until, tries refused
    while locked) and how many were dropped."""
    return (isinstance(state, dict) and _count(state.get("count"))
            and (state.get("until") is None or _moment(state["until"]))
            and isinstance(state.get("events"), list) and _moments(state["events"])
            and _moments(state.get("no_slot", [])) and _moments(state.get("refused", []))
            and isinstance(state.get("lockouts", []), list)
            and all(isinstance(pair, list) and len(pair) == 2 and _moments(pair) for pair in state.get("lockouts", []))
            and _count(state.get("dropped", 0)))


def _slotless_well_formed(slotless: object) -> bool:
    """The tries of names without a key slot: [when, the name sealed or None] each, and how many were dropped."""
    return (isinstance(slotless, dict) and isinstance(slotless.get("no_slot"), list)
            and all(isinstance(event, list) and len(event) == 2 and _moment(event[0])
                    and (event[1] is None or isinstance(event[1], str)) for event in slotless["no_slot"])
            and _count(slotless.get("dropped")))


def _public_key(text: object) -> bool:
    """An X25519 public key (any 32 bytes are one), in base 64."""
    try:
        return len(unb64(text)) == 32
    except (AttributeError, ValueError):
        return False


def _moments(events: object) -> bool:
    return isinstance(events, list) and all(_moment(event) for event in events)


def _head_well_formed(head: object) -> bool:
    """The audit chain's head: its count and last MAC, and (kept since entries have ids) its last id."""
    return (isinstance(head, dict) and _count(head.get("count")) and _count(head.get("id", 0))
            and isinstance(head.get("mac", ""), str))


def _backup_note_well_formed(note: object) -> bool:
    """Where and when the newest verified backup was written, and its number (none: noted before backups
    were numbered)."""
    return (isinstance(note, dict) and isinstance(note.get("path"), str) and note["path"] != ""
            and _moment(note.get("at")) and _count(note.get("number", 0)))


def _checksum(body: dict) -> str:
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def salt_of(db_path: Path) -> str | None:
    """What names a database to its key file: the salt SQLCipher keeps at the head of the file
    (random for each file, not secret), in hex; None when the file cannot be read. A restore writes
    a new file, so a new salt."""
    try:
        with open(db_path, "rb") as handle:
            return salt_in(handle.read(SALT_BYTES))
    except OSError:
        return None


def salt_in(head: bytes) -> str | None:
    """The salt of a database file whose first bytes are `head`; None when it has none yet (its
    pages still in the WAL)."""
    return head[:SALT_BYTES].hex() if len(head) >= SALT_BYTES else None


def read(path: Path) -> KeyFile:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise DamagedError(f"Không tìm thấy tệp khóa «{path}» (phải nằm cạnh cơ sở dữ liệu).") from None
    except OSError as error:
        raise DamagedError(f"Không đọc được tệp khóa «{path}» ({os_reason(error)}).") from None
    return KeyFile.from_bytes(data, Path(path))


def write_new(path: Path, keyfile: KeyFile) -> None:
    with locked(_lock_path(path)):
        _replace(path, keyfile)


def update(path: Path, change: Callable[[KeyFile], None]) -> KeyFile:
    """Lock, re-read, apply `change`, replace atomically; no concurrent update is lost."""
    with locked(_lock_path(path)):
        keyfile = read(path)
        change(keyfile)
        _replace(path, keyfile)
        return keyfile


def _replace(path: Path, keyfile: KeyFile) -> None:
    with atomic_output(Path(path)) as temp:
        temp.write_bytes(keyfile.to_bytes())


def _lock_path(path: Path) -> Path:
    return Path(f"{path}.lock")


def derive_subkey(db_key: bytes, purpose: bytes) -> bytes:
    """A 256-bit key for one purpose (audit chain, backup manifests), derived from the database key."""
    return HKDF(hashes.SHA256(), 32, salt=None, info=purpose).derive(db_key)


def new_database_key() -> bytes:
    return secrets.token_bytes(32)


def new_recovery_key() -> str:
    """160 random bits, written as eight groups of four base-32 letters."""
    letters = base64.b32encode(secrets.token_bytes(20)).decode("ascii")
    return "-".join(letters[i:i + 4] for i in range(0, len(letters), 4))


# Base 32 has no 0, 1 nor 8: copied from paper, they are the letters they look like.
LOOK_ALIKES = str.maketrans("018", "OIB")


def normalize_recovery_key(text: str) -> str:
    letters = "".join(ch for ch in text.upper() if ch.isalnum()).translate(LOOK_ALIKES)
    return "-".join(letters[i:i + 4] for i in range(0, len(letters), 4))
