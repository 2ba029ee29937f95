"""The office server in the suite: test databases on a throw-away PostgreSQL cluster with TLS.

The `cluster` fixture uses the cluster named by BVCT_TEST_PG (a URL of its maintenance database,
TLS verified against the test CA) with the superuser BVCT_TEST_PG_SUPERUSER /
BVCT_TEST_PG_SUPERUSER_PASSWORD; without one, and on each worker when the suite runs on several, it
starts its own with tools/pg_test_cluster.sh (a test CA made in the run, the loopback address only)
and stops it after the session, or skips the server tests saying why when this machine has no
PostgreSQL server binaries. Each test gets an empty database owned by the owner role `bvct_owner`
(CREATEROLE), made with the C.UTF-8 locale as the README says, and everything it made — the
database, its group roles and its users' login roles — is dropped after. `pytest --engine=postgresql`
(or BVCT_TEST_ENGINE=postgresql) runs every `cli` fixture of the suite on the cluster too.
"""

import contextlib
import glob
import itertools
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import psycopg
from psycopg import sql

from bvct_desktop.core import address

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "pg_test_cluster.sh"
OWNER = "bvct_owner"
_counter = itertools.count(1)


class Cluster:
    def __init__(self, url: str, superuser: str, superuser_password: str):
        self.maintenance = url
        self._login = {"user": superuser, "password": superuser_password}
        self.owner_password = secrets.token_hex(12)
        self._superuser = psycopg.connect(url, autocommit=True, **self._login)
        for (leftover,) in self._superuser.execute(
                "SELECT datname FROM pg_database WHERE pg_get_userbyid(datdba) = %s", (OWNER,)).fetchall():
            self.drop(leftover)  # a run killed before its teardown (the cluster is the suite's alone)
        if self._superuser.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (OWNER,)).fetchone():
            self._superuser.execute(f"ALTER ROLE {OWNER} LOGIN CREATEROLE PASSWORD '{self.owner_password}'")
        else:
            self._superuser.execute(f"CREATE ROLE {OWNER} LOGIN CREATEROLE PASSWORD '{self.owner_password}'")

    def close(self) -> None:
        self._superuser.close()

    def url(self, dbname: str) -> str:
        return self.maintenance.replace("/postgres?", f"/{dbname}?", 1)

    def new_database(self) -> str:
        name = f"bvct_t{os.getpid()}_{next(_counter)}"
        self.drop(name)
        self._superuser.execute(f"CREATE DATABASE {name} OWNER {OWNER} TEMPLATE template0 ENCODING 'UTF8' "
                                "LOCALE 'C.UTF-8'")
        return name

    def superuser(self, dbname: str) -> psycopg.Connection:
        return psycopg.connect(self.url(dbname), autocommit=True, **self._login)

    def drop(self, dbname: str) -> None:
        """The database, then its groups' members (the program users) and the groups."""
        execute = self._superuser.execute
        execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (dbname,))
        execute(f"DROP DATABASE IF EXISTS {dbname}")
        groups = [row[0] for row in execute("SELECT rolname FROM pg_roles WHERE rolname LIKE %s",
                                            (f"{dbname}:%",)).fetchall()]
        members = {row[0] for row in execute(
            "SELECT m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
            "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = ANY(%s)", (groups,)).fetchall()}
        for role in [*members, *groups]:
            execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (role,))
            execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))

    def kill_server_process(self, pid: int) -> None:
        """The server process `pid` killed outright (SIGKILL, as a crash would leave it): the server
        ends every session and recovers by itself; returns when it takes logins again. What was
        committed before is kept (this cluster runs with synchronous_commit off: a checkpoint first)."""
        self._superuser.execute("CHECKPOINT")
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 60
        with contextlib.suppress(psycopg.OperationalError):
            while time.monotonic() < deadline:  # until the server ends this session too
                self._superuser.execute("SELECT 1")
                time.sleep(0.05)
        while True:
            try:
                self._superuser = psycopg.connect(self.maintenance, autocommit=True, **self._login)
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def address(self, dbname: str) -> address.ServerAddress:
        return address.parse(self.url(dbname))


def url_of(where: address.ServerAddress) -> str:
    """`where` as `--db` / `BVCT_DB` name it (for `bvct` run as its own process)."""
    return "postgresql://?" + urlencode(where.params, quote_via=quote)


def server_binaries() -> Path | None:
    """The newest PostgreSQL server binaries of the distribution's packages, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class OwnCluster:
    """A cluster this session starts (tools/pg_test_cluster.sh) and stops."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="bvct-pg-"))
        for _ in range(3):  # a port found free may be taken before the server listens (another worker's)
            done = subprocess.run(["bash", str(SCRIPT), "start", str(self.folder), str(_free_port())],
                                  capture_output=True, text=True, timeout=120)
            if not done.returncode:
                break
        else:
            raise RuntimeError(f"tools/pg_test_cluster.sh failed: {done.stderr or done.stdout}")
        lines = (self.folder / "env").read_text().splitlines()
        exported = (line.removeprefix("export ").split("=", 1) for line in lines)
        self.settings = {name: value.strip("'") for name, value in exported}

    def stop(self) -> None:
        subprocess.run(["bash", str(SCRIPT), "stop", str(self.folder)], capture_output=True, timeout=120)
        shutil.rmtree(self.folder, ignore_errors=True)


def settings_from_environment() -> dict[str, str] | None:
    """BVCT_TEST_PG's cluster; None when there is none, or when the suite runs on several workers
    (pytest-xdist): the login roles a test makes are the cluster's, not its database's, and a session
    takes the cluster for its own (`Cluster`), so each worker starts one."""
    names = ("BVCT_TEST_PG", "BVCT_TEST_PG_SUPERUSER", "BVCT_TEST_PG_SUPERUSER_PASSWORD")
    if int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")) > 1:
        return None
    return {name: os.environ[name] for name in names} if all(os.environ.get(name) for name in names) else None


def cluster_of(settings: dict[str, str]) -> Cluster:
    return Cluster(settings["BVCT_TEST_PG"], settings["BVCT_TEST_PG_SUPERUSER"],
                   settings["BVCT_TEST_PG_SUPERUSER_PASSWORD"])
