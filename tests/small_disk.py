"""A real full disk for fault tests: a small tmpfs mounted in the test's folder.

Mounting needs root (CI runs as root in its container); elsewhere the tests that need it are
skipped with that reason. `fill` leaves a chosen number of bytes free.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BLOCK = 4096


def mount(folder: Path, size: int) -> Path:
    """Mounts a tmpfs of `size` bytes at `folder` (created); skips the test where that cannot be done."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("cần quyền root trên Linux để gắn một ổ tmpfs nhỏ (ổ đĩa đầy thật)")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"không gắn được tmpfs: {done.stderr.strip()}")
    return folder


def unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


def free_bytes(folder: Path) -> int:
    stats = os.statvfs(folder)
    return stats.f_bavail * stats.f_frsize


def fill(folder: Path, leave: int = 0) -> Path:
    """A filler file taking all but `leave` bytes of the disk."""
    filler = folder / "day-o-dia.bin"
    size = max(free_bytes(folder) - leave, 0) // BLOCK * BLOCK
    with open(filler, "wb") as handle:
        handle.write(b"\0" * size)
    return filler


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MB disk of its own; the test fills it as it needs."""
    folder = mount(tmp_path / "o-nho", 4 * 1024 * 1024)
    yield folder
    unmount(folder)
