"""`bvct` as its own process, as an officer (or an attacker) runs it: for crashes, disk faults and
system-call traces that an in-process test cannot see.

The database is made in the test with cheap key slots; their parameters travel in each slot,
so the child unlocks just as cheaply. The child's HOME and temporary folder are the test's.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bvct_desktop.core import crashpoints
from bvct_desktop.core.address import ServerAddress
from tests import server_db
from tests.conftest import ADMIN, PASSWORD

COMMAND = [sys.executable, "-c", "from bvct_desktop.cli.main import run; run()"]
_CREATED = re.compile(r'^\d+\s+(?:open|openat|creat)\((?:AT_FDCWD, )?"([^"]+)", ([A-Z_|]+)[^=]*= (\d+)')
_MADE_DIR = re.compile(r'^\d+\s+(?:mkdir|mkdirat)\((?:AT_FDCWD, )?"([^"]+)"[^=]*= 0')


def environment(tmp_path: Path, db: Path | ServerAddress, user: str = ADMIN, password: str = PASSWORD,
                **extra: str) -> dict:
    """`db`: a database file, or a database on the office server (`cli.db` either way)."""
    temp = tmp_path / "tmp-cua-tien-trinh"
    temp.mkdir(exist_ok=True)
    where = server_db.url_of(db) if isinstance(db, ServerAddress) else str(db)
    env = {**os.environ, "BVCT_DB": where, "BVCT_USER": user, "BVCT_PASSWORD": password,
           "TMPDIR": str(temp), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop(crashpoints.ENV, None)
    env.update(extra)
    return env


def bvct(env: dict, *args: object, crash_at: str | None = None, timeout: float = 120,
         prefix: list[str] | None = None) -> subprocess.CompletedProcess:
    """Runs `bvct ARGS`; `crash_at` names a crash point where it is killed (kill -9)."""
    if crash_at:
        env = {**env, crashpoints.ENV: crash_at}
    return subprocess.run([*(prefix or []), *COMMAND, *map(str, args)], env=env, capture_output=True, text=True,
                          timeout=timeout)


def killed(done: subprocess.CompletedProcess) -> bool:
    return done.returncode in (-9, 137)


def dead_pid() -> int:
    """The id of a process that has ended (POSIX)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child ends at once
        os._exit(0)
    os.waitpid(pid, 0)
    return pid


def strace_or_skip() -> str:
    found = shutil.which("strace")
    if found is None or sys.platform != "linux":
        pytest.skip("cần strace trên Linux (gói strace) để theo dõi lời gọi hệ thống")
    probe = subprocess.run([found, "-qq", "-o", os.devnull, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("strace không được phép theo dõi tiến trình (ptrace bị chặn)")
    return found


def traced(env: dict, log: Path, *args: object, inject: str | None = None) -> subprocess.CompletedProcess:
    """Runs `bvct ARGS` under strace, logging every file it opens or makes (`created(log)`)."""
    calls = "open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2"
    if inject:  # strace tampers only with the calls it traces
        calls += "," + inject.split(":")[0]
    prefix = [strace_or_skip(), "-f", "-qq", "-o", str(log), "-e", f"trace={calls}"]
    if inject:
        prefix += ["-e", f"inject={inject}"]
    return bvct(env, *args, prefix=prefix)


def created(log: Path) -> list[str]:
    """Every file the traced process created or opened for writing, and every folder it made."""
    paths = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        match = _CREATED.match(line)
        if match and ("O_CREAT" in match[2] or "O_WRONLY" in match[2] or "O_RDWR" in match[2]):
            paths.append(match[1])
        made = _MADE_DIR.match(line)
        if made:
            paths.append(made[1])
    return paths
