"""The processes this one started and has not reaped yet (Linux: read from /proc)."""

import os
from pathlib import Path


def child_processes() -> set[int]:
    """The ids of this process's children, running or dead but not waited for."""
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[1]) == os.getpid():
            children.add(int(stat.parent.name))
    return children
