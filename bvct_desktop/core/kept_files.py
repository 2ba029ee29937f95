"""The files any database keeps, told by their content without its key, whatever they are named:
its key file, its backups, and the database itself (its key file lies beside it). Nothing written
for the officer ever goes over one of them."""

import json
import zipfile
from pathlib import Path

from .errors import BROKEN_ARCHIVE

KEY_FILE_FORMAT = "BVCT-KEYS"
BACKUP_FORMAT = "BVCT-BACKUP"
BACKUP_MANIFEST = "manifest.json"  # the member of a backup file that names its format
KEY_FILE_SUFFIX = ".keys"
# A key file holds a few hundred bytes a user: a larger file is none, and is not read whole
KEY_FILE_LIMIT = 16 << 20

KEY_FILE = "tệp khóa của một cơ sở dữ liệu BVCT Desktop"
BACKUP = "bản sao lưu BVCT Desktop"


def kind(path: Path) -> str | None:
    """What the file at `path` is among the files a database keeps, in words for a message
    ("tệp khóa …", "bản sao lưu …", "cơ sở dữ liệu …"); None for any other file, or none."""
    path = Path(path)
    if not path.is_file():
        return None
    if is_key_file(path):
        return KEY_FILE
    if _is_backup(path):
        return BACKUP
    keys = Path(f"{path}{KEY_FILE_SUFFIX}")
    if is_key_file(keys):
        return f"cơ sở dữ liệu BVCT Desktop (tệp khóa «{keys.name}» nằm cạnh)"
    return None


def is_key_file(path: Path) -> bool:
    """Whether `path` is a key file, one that fails its checksum too (it still holds the key slots)."""
    try:
        with open(path, "rb") as handle:
            text = handle.read(1)
            if text != b"{":
                return False
            text += handle.read(KEY_FILE_LIMIT)
        body = json.loads(text.decode("utf-8")) if len(text) <= KEY_FILE_LIMIT else None
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(body, dict) and body.get("format") == KEY_FILE_FORMAT


def _is_backup(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read(BACKUP_MANIFEST).decode("utf-8"))
    except BROKEN_ARCHIVE:
        return False
    return isinstance(manifest, dict) and manifest.get("format") == BACKUP_FORMAT
