"""Shared fixtures: cheap key slots, a database made with `bvct init`, workbooks built in tests."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from bvct_desktop.cli.main import main  # noqa: E402
from bvct_desktop.core import keyfile  # noqa: E402

# One workbook writer and one set of sample cadres for the suite and the bundle's smoke test.
from installer.smoke import CADRE_HEADERS, workbook  # noqa: E402, F401
from installer.smoke import CADRES as CADRE_ROWS  # noqa: E402
from tests.small_disk import small_disk  # noqa: E402, F401 - a fixture for every test module

ADMIN = "quantri"
PASSWORD = "Hoa-sen-no-2025"


@pytest.fixture(autouse=True, scope="session")
def no_network():
    """The whole suite runs with network connections refused: the app must never need one."""
    import socket

    def refused(*args, **kwargs):
        raise OSError("mạng bị chặn trong bộ kiểm thử")

    with pytest.MonkeyPatch.context() as patch:
        for name in ("connect", "connect_ex", "sendto"):
            patch.setattr(socket.socket, name, refused)
        patch.setattr(socket, "getaddrinfo", refused)
        yield


@pytest.fixture(autouse=True)
def cheap_key_slots(monkeypatch):
    """Argon2id at a test cost; the parameters travel in each slot, so unlocking follows."""
    monkeypatch.setattr(keyfile, "DEFAULT_KDF", keyfile.KdfParams(1, 1024, 1))


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Keeps the log file and the default database inside the test's folder."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "home" / "state"))
    for name in ("BVCT_DB", "BVCT_USER", "BVCT_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


class Cli:
    """Runs `bvct` in-process with the test database and credentials."""

    def __init__(self, db: Path, capsys, monkeypatch):
        self.db = db
        self._capsys = capsys
        monkeypatch.setenv("BVCT_DB", str(db))
        monkeypatch.setenv("BVCT_USER", ADMIN)
        monkeypatch.setenv("BVCT_PASSWORD", PASSWORD)
        self._monkeypatch = monkeypatch

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        self._capsys.readouterr()
        code = main([str(a) for a in argv])
        captured = self._capsys.readouterr()
        return code, captured.out, captured.err

    def as_user(self, name: str, password: str) -> "Cli":
        self._monkeypatch.setenv("BVCT_USER", name)
        self._monkeypatch.setenv("BVCT_PASSWORD", password)
        return self


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch) -> Cli:
    """A fresh database created by `bvct init` with the administrator ADMIN."""
    runner = Cli(tmp_path / "bvct.db", capsys, monkeypatch)
    code, out, err = runner("init", "--admin", ADMIN)
    assert code == 0, err
    return runner




@pytest.fixture
def cadres_file(tmp_path) -> Path:
    return workbook(tmp_path / "can_bo.xlsx", CADRE_HEADERS, CADRE_ROWS)
