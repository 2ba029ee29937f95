"""Temporary files: an encrypted export puts nothing unencrypted on any disk; a plain export
stages beside its target, never in the temporary folder; killed backups and restores leave
nothing behind after the next start (issue 10, point 3). Real processes, traced with strace."""

import re
import sys
import tempfile
from pathlib import Path

import pytest

from bvct_desktop.core import files
from bvct_desktop.core.address import ServerAddress
from bvct_desktop.core.kinds import CADRES
from bvct_desktop.core.leftovers import OUTPUT_NOTES
from bvct_desktop.io import audit_xlsx, xlsx_writer
from tests import conftest
from tests.conftest import workbook
from tests.real_process import bvct, created, dead_pid, environment, killed, traced

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="strace and kill -9")

MARK = "DAUVETHOSO"  # in every name and home town; ASCII, since sheet XML writes other letters as &#…;
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.fixture
def loaded(cli, tmp_path):
    rows = [[f"Nguyễn Văn {MARK} {i}", f"{1 + i % 28:02d}/0{1 + i % 9}/19{50 + i % 40}", f"Xã {MARK} {i}"]
            for i in range(600)]
    source = workbook(tmp_path / "vao.xlsx", ["Họ và tên", "Ngày sinh", "Quê quán"], rows)
    assert cli("import", "cadres", source)[0] == 0
    return cli


def _outside_the_database(paths: list[str], db: Path | ServerAddress, env: dict) -> list[str]:
    """What a process wrote that is not the (encrypted) database, its key file and their locks, nor
    Python's probe of the temporary folder (an empty file, a random 8-letter name, gone at once), nor
    the note naming the folder an export is written in (`_notes_left` checks those)."""
    probe = re.compile(re.escape(env["TMPDIR"]) + r"/[a-z0-9_]{8}$")
    own = (db.name, f".{db.name}.") if isinstance(db, Path) else ()  # a server's files are the server's
    notes = _notes(env)
    return list(dict.fromkeys(p for p in paths if not p.startswith(("/dev/", "/proc/")) and not probe.match(p)
                              and not Path(p).name.startswith(own) and not notes.is_relative_to(p)
                              and Path(p).parent != notes))


def _notes(env: dict) -> Path:
    return Path(env["XDG_DATA_HOME"]) / "BVCT Desktop" / OUTPUT_NOTES


def _notes_left(env: dict) -> list[str]:
    """The notes of outputs being written still in the data folder: each named a folder only, and went."""
    notes = _notes(env)
    return [note.read_text(encoding="utf-8") for note in notes.iterdir()] if notes.is_dir() else []


def _holding_plaintext(folder: Path) -> list[Path]:
    marker = MARK.encode("utf-8")
    return [path for path in folder.rglob("*") if path.is_file() and marker in path.read_bytes()]


def test_an_encrypted_export_writes_nothing_unencrypted_anywhere(loaded, tmp_path):
    out_dir = tmp_path / "ra"
    out_dir.mkdir()
    (tmp_path / "mk.txt").write_text("Mat-khau-xuat-2025\n", encoding="utf-8")
    env = environment(tmp_path, loaded.db)
    log = tmp_path / "strace.log"
    done = traced(env, log, "export", "cadres", "--out", out_dir / "can-bo.xlsx",
                  "--encrypt-password-file", tmp_path / "mk.txt")
    assert done.returncode == 0, done.stderr
    written = _outside_the_database(created(log), loaded.db, env)
    # beside the target only: the empty file that tried the folder first, then the temporary holding
    # ciphertext, renamed into place
    assert len(written) == 2 and all(Path(p).name.startswith(".can-bo.xlsx.p") for p in written), written
    assert (out_dir / "can-bo.xlsx").read_bytes()[:8] == OLE_MAGIC
    assert list(Path(env["TMPDIR"]).iterdir()) == [] and _notes_left(env) == []


def test_a_plain_export_stages_beside_its_target_never_in_the_temporary_folder(loaded, tmp_path):
    out_dir = tmp_path / "ra"
    out_dir.mkdir()
    env = environment(tmp_path, loaded.db)
    log = tmp_path / "strace.log"
    done = traced(env, log, "export", "cadres", "--out", out_dir / "can-bo.xlsx")
    assert done.returncode == 0, done.stderr
    written = _outside_the_database(created(log), loaded.db, env)
    assert written and all(Path(p).parent == out_dir and Path(p).name.startswith(".can-bo.xlsx.p") for p in written)
    assert [p.name for p in out_dir.iterdir()] == ["can-bo.xlsx"] and _notes_left(env) == []


@pytest.mark.parametrize("when", [6, 12, 24])
def test_a_killed_encrypted_export_leaves_no_plaintext(loaded, tmp_path, when):
    """kill -9 at the Nth write: nothing unencrypted in the target folder or the temporary folder."""
    out_dir = tmp_path / "ra"
    out_dir.mkdir()
    (tmp_path / "mk.txt").write_text("Mat-khau-xuat-2025\n", encoding="utf-8")
    env = environment(tmp_path, loaded.db)
    done = traced(env, tmp_path / "strace.log", "export", "cadres", "--out", out_dir / "can-bo.xlsx",
                  "--encrypt-password-file", tmp_path / "mk.txt", inject=f"write:signal=KILL:when={when}")
    assert killed(done) or done.returncode == 0, done.stderr
    assert _holding_plaintext(out_dir) == [] and _holding_plaintext(Path(env["TMPDIR"])) == []


def test_a_killed_plain_export_leaves_nothing_after_the_next_start(loaded, tmp_path):
    """A plain export stages its plaintext beside the target, in a folder no start knew: killed there
    (a power cut), it is removed by the next start, which the write noted the folder for."""
    out_dir = tmp_path / "ra"
    out_dir.mkdir()
    env = environment(tmp_path, loaded.db)
    assert killed(bvct(env, "export", "cadres", "--out", out_dir / "can-bo.xlsx", crash_at="output-written"))
    left = list(out_dir.iterdir())  # the kill did leave the whole workbook, unencrypted, under a temporary name
    assert left and all(p.name.startswith(".can-bo.xlsx.p") and p.stat().st_size for p in left)
    assert _notes_left(env) == [str(out_dir.resolve())]  # the folder, never the file's name
    assert bvct(env, "users", "list").returncode == 0  # the next start
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize("point", ["backup-copied", "backup-packed"])
def test_a_killed_backup_leaves_nothing_after_the_next_start(loaded, tmp_path, point):
    folder = tmp_path / "sao-luu"
    folder.mkdir()
    env = environment(tmp_path, loaded.db)
    assert bvct(env, "backup", "--out", folder / "a.bvctbak").returncode == 0  # the folder is now known
    done = bvct(env, "backup", "--out", folder / "b.bvctbak", crash_at=point)
    assert killed(done)
    assert [p.name for p in folder.iterdir() if p.name.startswith(".b.bvctbak.")]  # the crash did leave them
    if conftest.ON_SERVER:  # no key file notes the folder: the next backup into it clears it first
        assert bvct(env, "backup", "--out", folder / "a.bvctbak").returncode == 0
    else:
        assert bvct(env, "users", "list").returncode == 0  # the next start
    assert sorted(p.name for p in folder.iterdir()) == ["a.bvctbak"]


@pytest.mark.file_only("restores over a database file; onto a server only into an empty database (tests/server)")
@pytest.mark.parametrize("point", ["backup-extracted", "restore-written"])
def test_a_killed_verify_or_restore_leaves_nothing_after_the_next_start(loaded, tmp_path, point):
    backup = tmp_path / "a.bvctbak"
    env = environment(tmp_path, loaded.db)
    assert bvct(env, "backup", "--out", backup).returncode == 0
    done = bvct(env, "restore", backup, crash_at=point)
    assert killed(done)
    temp = Path(env["TMPDIR"])
    left = list(temp.iterdir()) + [p for p in loaded.db.parent.iterdir() if p.name.startswith(".bvct.db.p")]
    assert left  # the crash did leave them
    assert bvct(env, "users", "list").returncode == 0
    assert list(temp.iterdir()) == []
    assert [p.name for p in loaded.db.parent.iterdir() if p.name.startswith(".bvct.db.")] == []


def test_files_of_a_process_still_running_are_kept(tmp_path):
    ours = files.temporary_beside(tmp_path / "x.bvctbak")
    gone = tmp_path / f".x.bvctbak.p{dead_pid()}-abc.tmp"
    gone.write_bytes(b"")
    assert files.sweep(tmp_path, ".x.bvctbak.*.tmp*") == [gone]
    assert ours.exists()


def test_workbook_writers_stage_beside_their_target(tmp_path, monkeypatch):
    """The workbook writers (the GUI calls the same ones) ask for temporary files in the target's folder."""
    asked = []
    real = tempfile.mkstemp

    def spy(*args, **kwargs):
        asked.append(Path(kwargs.get("dir") or tempfile.gettempdir()))
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", spy)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", lambda *a, **k: pytest.fail("openpyxl's own staging"))
    out = tmp_path / "ra"
    out.mkdir()
    xlsx_writer.write_export(CADRES, [], out / "a.xlsx")
    xlsx_writer.write_template(CADRES, out / "b.xlsx")
    audit_xlsx.write_audit([], out / "c.xlsx")
    assert asked and set(asked) == {out}
