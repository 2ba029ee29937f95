"""What a test sees of the disk flushes a write makes: each flushed descriptor, and the target's
content at that moment (whether the rename had happened yet)."""

import os
import stat
from pathlib import Path


def record(monkeypatch, target: Path) -> list[tuple[bool, bytes | None]]:
    """From now on, each fsync as (was it the target's folder, the target's content then)."""
    flushed: list[tuple[bool, bytes | None]] = []
    real_fsync = os.fsync

    def recording(fd: int) -> None:
        folder = stat.S_ISDIR(os.fstat(fd).st_mode) and os.path.samestat(os.fstat(fd), target.parent.stat())
        flushed.append((folder, target.read_bytes() if target.exists() else None))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording)
    return flushed
