"""Shared fixtures: cheap key slots, a database made with `bvct init`, workbooks built in tests."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import errno  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from bvct_desktop.cli.main import main  # noqa: E402
from bvct_desktop.core import files, keyfile, vault  # noqa: E402

# One workbook writer and one set of sample cadres for the suite and the bundle's smoke test.
from installer.smoke import CADRE_HEADERS, workbook  # noqa: E402, F401
from installer.smoke import CADRES as CADRE_ROWS  # noqa: E402
from tests.small_disk import small_disk  # noqa: E402, F401 - a fixture for every test module

ADMIN = "quantri"
PASSWORD = "Hoa-sen-no-2025"
ON_SERVER = False  # set for the office-server pass (--engine=postgresql)
GUI_TESTS = Path(__file__).parent / "gui"
CHEAP_KDF = keyfile.KdfParams(1, 1024, 1)  # Argon2id at a test's cost


def pytest_addoption(parser):
    parser.addoption("--engine", choices=("file", "postgresql"), default=None,
                     help="the database the fixtures make: a file (default) or the office server "
                          "(BVCT_TEST_ENGINE too; its cluster: tests/server_db.py)")


def pytest_configure(config):
    global ON_SERVER
    config.addinivalue_line("markers", "file_only(reason): a test of what only the file database has "
                                       "(its key file, its pages, the SQLCipher engine); skipped on the server pass")
    ON_SERVER = (config.getoption("--engine") or os.environ.get("BVCT_TEST_ENGINE") or "file") == "postgresql"


def pytest_collection_modifyitems(config, items):
    if ON_SERVER:  # only the `cli` fixture's database moves to the server: the rest is the file pass again
        moved, same = [], []
        for item in items:
            (moved if _on_the_server_pass(item) else same).append(item)
        config.hook.pytest_deselected(items=same)
        items[:] = moved
    for item in items:
        marker = item.get_closest_marker("file_only")
        if ON_SERVER and marker is not None:
            item.add_marker(pytest.mark.skip(reason="chỉ có ở cơ sở dữ liệu tệp: " + (marker.args[0] if marker.args
                                                                                      else "")))
        if "bundle" in item.fixturenames:  # one worker builds the bundle, once (tests/installer/conftest.py)
            item.add_marker(pytest.mark.xdist_group("bundle"))
        elif GUI_TESTS in item.path.parents:  # on one worker, in their file order, as before there were workers
            item.add_marker(pytest.mark.xdist_group("gui"))


def _on_the_server_pass(item) -> bool:
    """Whether the test's database is the `cli` fixture's, which the server pass puts on the server; a
    module's `cli` made of `both_engines_cli` runs on both in every pass."""
    return "cli" in item.fixturenames and "both_engines_cli" not in item.fixturenames


@pytest.fixture(scope="session")
def cluster():
    """The office server's test cluster (tests/server_db.py): BVCT_TEST_PG's, else one started
    for the session (for each worker's, when the suite runs on several); the server tests are skipped,
    saying why, where PostgreSQL is not installed."""
    from tests import server_db

    settings, own = server_db.settings_from_environment(), None
    if settings is None:
        if server_db.server_binaries() is None:
            pytest.skip("không có PostgreSQL trên máy này (/usr/lib/postgresql/*/bin): các kiểm thử máy chủ "
                        "cần gói postgresql của bản phân phối (apt-get install postgresql; .ci/run cài sẵn)")
        own = server_db.OwnCluster()
        settings = own.settings
    found = server_db.cluster_of(settings)
    yield found
    found.close()
    if own:
        own.stop()


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
    monkeypatch.setattr(keyfile, "DEFAULT_KDF", CHEAP_KDF)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Keeps the log file, the default database and the notes of outputs being written inside the test's
    folder (a command run in the test process notes them where its own start said)."""
    monkeypatch.setattr(files, "_notes", [])
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "home" / "state"))
    for name in ("BVCT_DB", "BVCT_USER", "BVCT_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def read_only(tmp_path, monkeypatch) -> Path:
    """A folder no file can be made in. Tests run as root, whom chmod does not stop: the seam is the
    creation of a temporary file there (every file is first written as one beside its target)."""
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    make = files.tempfile.mkstemp

    def refused(*args, dir=None, **kwargs):
        if Path(dir) == folder:
            raise PermissionError(errno.EACCES, "Permission denied")
        return make(*args, dir=dir, **kwargs)

    monkeypatch.setattr(files.tempfile, "mkstemp", refused)
    return folder


@pytest.fixture
def open_elsewhere(monkeypatch):
    """Holds files as a program that has them open holds them on Windows (Word, Excel): `hold(path)`,
    and from then on the file can be neither opened for writing nor replaced. Tests run as root,
    whom chmod does not stop: the seams are the opening of a file and the rename over it."""
    held: set[Path] = set()
    opening, replacing = os.open, os.replace

    def opened(path, flags, *args, **kwargs):
        if Path(path) in held and flags & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return opening(path, flags, *args, **kwargs)

    def replaced(source, target, *args, **kwargs):
        if Path(target) in held:
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        return replacing(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "open", opened)
    monkeypatch.setattr(os, "replace", replaced)
    return held.add


class Cli:
    """Runs `bvct` in-process with the test database and credentials."""

    def __init__(self, db, capsys, monkeypatch, url: str | None = None):
        """`db`: the database file, or the server address (`url` its text)."""
        self.db = db
        self._capsys = capsys
        monkeypatch.setenv("BVCT_DB", url or str(db))
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


@pytest.fixture(scope="session")
def initialized_file(tmp_path_factory) -> Path:
    """The folder of a database file made as `bvct init --admin ADMIN` makes it, once for the session
    (each worker's): the database, its key file and that file's lock, nothing else."""
    folder = tmp_path_factory.mktemp("initialized")
    vault.create(folder / "bvct.db", ADMIN, PASSWORD, kdf=CHEAP_KDF)
    return folder


def file_cli(request, capsys, monkeypatch) -> Cli:
    """A database file of the test's own, copied from the session's `initialized_file` (a `bvct init`
    of its own cost 0.2–0.4 s in each of some 500 tests)."""
    folder = request.getfixturevalue("tmp_path")
    for made in request.getfixturevalue("initialized_file").iterdir():
        shutil.copy2(made, folder / made.name)
    return Cli(folder / "bvct.db", capsys, monkeypatch)


def server_cli(request, capsys, monkeypatch) -> Cli:
    """An empty database on the test cluster, made by `bvct init` as its owner (dropped after the test)."""
    cluster = request.getfixturevalue("cluster")
    name = cluster.new_database()
    request.addfinalizer(lambda: cluster.drop(name))
    runner = Cli(cluster.address(name), capsys, monkeypatch, url=cluster.url(name))
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    code, out, err = runner("init", "--admin", ADMIN, "--server-owner", server_owner())
    monkeypatch.delenv("PGPASSWORD")
    assert code == 0, err
    return runner


def server_owner() -> str:
    from tests.server_db import OWNER

    return OWNER


@pytest.fixture
def cli(capsys, monkeypatch, request) -> Cli:
    """A fresh database as `bvct init` makes it, with the administrator ADMIN (a file copied from
    `initialized_file`, or on the office-server pass an empty server database, initialized as its owner)."""
    return server_cli(request, capsys, monkeypatch) if ON_SERVER else file_cli(request, capsys, monkeypatch)


@pytest.fixture(params=["file", "server"])
def both_engines_cli(request, capsys, monkeypatch) -> Cli:
    """The same test on a database file and on the office server."""
    if request.param == "server":
        return server_cli(request, capsys, monkeypatch)
    return file_cli(request, capsys, monkeypatch)


@pytest.fixture
def cadres_file(tmp_path) -> Path:
    return workbook(tmp_path / "can_bo.xlsx", CADRE_HEADERS, CADRE_ROWS)
