"""Key slot changes and their audit entries happen both or neither — a kill -9 at the worst
moment, a key file that cannot be written, a completion that cannot commit (issue 10, point 5);
an older key file, a damaged slot or any malformed field are exit 4 (point 7); a used recovery key is replaced."""

import json
import sys

import pytest

from bvct_desktop.cli import hints
from bvct_desktop.core import key_slots, keyfile, users, vault
from bvct_desktop.core.errors import AuthError, DiskFullError
from tests.conftest import ADMIN, PASSWORD
from tests.real_process import bvct, environment, killed

pytestmark = pytest.mark.file_only("the key file beside the database; a server keeps its key slots in its own "
                                   "transactions (tests/server)")

OLD, NEW = "Mat-khau-cu-cua-Binh", "Mat-khau-moi-cua-Binh"


@pytest.fixture
def office(cli, tmp_path):
    (tmp_path / "cu.txt").write_text(OLD + "\n", encoding="utf-8")
    (tmp_path / "moi.txt").write_text(NEW + "\n", encoding="utf-8")
    assert cli("users", "add", "binh", "--role", "chuyen-vien", "--new-password-file", tmp_path / "cu.txt")[0] == 0
    return cli


def _opens(cli, user: str, password: str) -> bool:
    try:
        vault.unlock(cli.db, user, password).close()
    except AuthError:
        return False
    return True


def _trail(cli, action: str) -> list[str]:
    """The outcomes of `action` in the audit trail, oldest first."""
    listing = cli("audit", "list")[1].splitlines()[1:]
    return [line.split("\t")[5] for line in listing if line.split("\t")[4] == action]


def _active(cli, user: str) -> bool:
    return f"{user}\tchuyen-vien\tChuyên viên\n" in cli("users", "list")[1]


pytest_kill = pytest.mark.skipif(sys.platform == "win32", reason="kill -9")


@pytest_kill
@pytest.mark.parametrize("point, done", [("slot-pending", False), ("slot-written", True)])
def test_a_password_change_killed_midway_is_settled_at_the_next_open(office, tmp_path, point, done):
    env = environment(tmp_path, office.db)
    assert killed(bvct(env, "users", "passwd", "binh", "--new-password-file", tmp_path / "moi.txt", crash_at=point))
    assert office("users", "list")[0] == 0  # the next open settles it
    assert _opens(office, "binh", NEW) is done and _opens(office, "binh", OLD) is not done
    assert _trail(office, "đổi mật khẩu") == ["đang thực hiện", "thành công" if done else "thất bại"]
    assert office("audit", "verify")[0] == 0


@pytest_kill
@pytest.mark.parametrize("point, done", [("slot-pending", False), ("slot-written", True)])
def test_disabling_a_user_killed_midway_removes_slot_and_account_together(office, tmp_path, point, done):
    env = environment(tmp_path, office.db)
    assert killed(bvct(env, "users", "disable", "binh", crash_at=point))
    assert office("users", "list")[0] == 0
    assert _active(office, "binh") is not done
    assert ("binh" in keyfile.read(keyfile.key_path(office.db)).slots) is not done
    assert _trail(office, "khóa người dùng") == ["đang thực hiện", "thành công" if done else "thất bại"]


@pytest_kill
@pytest.mark.parametrize("point, done", [("slot-pending", False), ("slot-written", True)])
def test_reopening_a_user_killed_midway_gives_back_slot_and_account_together(office, tmp_path, point, done):
    assert office("users", "disable", "binh")[0] == 0
    env = environment(tmp_path, office.db)
    assert killed(bvct(env, "users", "enable", "binh", "--new-password-file", tmp_path / "moi.txt", crash_at=point))
    assert office("users", "list")[0] == 0
    assert _active(office, "binh") is done and _opens(office, "binh", NEW) is done
    assert _trail(office, "mở lại người dùng") == ["đang thực hiện", "thành công" if done else "thất bại"]


@pytest_kill
def test_a_user_added_when_killed_after_the_key_file_can_log_in(office, tmp_path):
    env = environment(tmp_path, office.db)
    assert killed(bvct(env, "users", "add", "an", "--role", "xem", "--new-password-file", tmp_path / "moi.txt",
                       crash_at="slot-written"))
    assert office("users", "list")[0] == 0
    assert _opens(office, "an", NEW)
    assert _trail(office, "thêm người dùng")[-2:] == ["đang thực hiện", "thành công"]


def test_a_key_file_that_cannot_be_written_changes_nothing(office, tmp_path, monkeypatch):
    real = keyfile.update

    def full(path, change):
        if change.__qualname__.startswith("_write_key_file"):
            raise DiskFullError("Ổ đĩa đầy: không ghi được tệp khóa.")
        return real(path, change)

    with monkeypatch.context() as patched:
        patched.setattr(keyfile, "update", full)
        code, _, err = office("users", "passwd", "binh", "--new-password-file", tmp_path / "moi.txt")
    assert code == 1 and "Ổ đĩa đầy" in err
    assert _opens(office, "binh", OLD) and not _opens(office, "binh", NEW)
    assert _trail(office, "đổi mật khẩu") == ["đang thực hiện", "thất bại"]


def test_a_completion_that_cannot_commit_puts_the_key_file_back(office, tmp_path, monkeypatch):
    real = key_slots._settle

    def full(db, connection, note, completed, reason=None):
        if completed:
            raise DiskFullError("Ổ đĩa đầy: không ghi được vào «bvct.db»; cơ sở dữ liệu không thay đổi.")
        return real(db, connection, note, completed, reason)

    generation = keyfile.read(keyfile.key_path(office.db)).generation
    with monkeypatch.context() as patched:
        patched.setattr(key_slots, "_settle", full)
        code, _, err = office("users", "disable", "binh")
    assert code == 1 and "Ổ đĩa đầy" in err
    assert _active(office, "binh") and _opens(office, "binh", OLD)
    assert keyfile.read(keyfile.key_path(office.db)).generation == generation
    assert _trail(office, "khóa người dùng") == ["đang thực hiện", "thất bại"]


def test_an_older_key_file_is_refused_naming_the_backup_to_restore(office, tmp_path):
    keys = keyfile.key_path(office.db)
    stolen = keys.read_bytes()  # a copy taken while binh's old password was good
    assert office("backup", "--out", tmp_path / "sau.bvctbak")[0] == 0
    assert office("users", "passwd", "binh", "--new-password-file", tmp_path / "moi.txt")[0] == 0
    keys.write_bytes(stolen)
    env = environment(tmp_path, office.db, user="binh", password=OLD)
    done = bvct(env, "users", "passwd", "binh", "--new-password-file", tmp_path / "cu.txt")
    assert done.returncode == 4, done.stderr
    assert "cũ hơn cơ sở dữ liệu" in done.stderr
    # binh is no administrator: the command names none, and says who may run it
    assert ("Chỉ quản trị viên của bản sao lưu khôi phục được (TÊN: tên của quản trị viên). Khôi phục bằng lệnh: "
            + hints.restore_command(office.db, tmp_path / "sau.bvctbak")) in done.stderr
    done = bvct(environment(tmp_path, office.db, user=ADMIN, password=PASSWORD), "users", "list")
    assert done.returncode == 4, done.stderr
    assert ("Khôi phục bằng lệnh: " + hints.restore_command(office.db, tmp_path / "sau.bvctbak", ADMIN)
            in done.stderr) and "Chỉ quản trị viên" not in done.stderr


def test_a_key_file_with_a_newer_generation_than_the_database_is_refused(office, tmp_path):
    _rewrite(keyfile.key_path(office.db), lambda body: body.update(generation=body["generation"] + 5))
    code, _, err = office("users", "list")
    assert code == 4 and "mới hơn cơ sở dữ liệu" in err


@pytest.mark.parametrize("field, value", [("memory_kib", 0), ("memory_kib", 2**40), ("time_cost", -1),
                                          ("parallelism", "2"), ("salt", "không phải base64")])
def test_invalid_kdf_parameters_are_a_damaged_key_file(office, field, value):
    _rewrite(keyfile.key_path(office.db), lambda body: body["slots"]["binh"]["kdf"].update({field: value}))
    for user in (ADMIN, "binh"):  # whoever logs in: the file itself is damaged
        code, _, err = office.as_user(user, PASSWORD)("users", "list")
        assert code == 4 and "Tệp khóa" in err and "ngăn khóa «binh»" in err, err


MALFORMED_FIELDS = {
    "lockout time": lambda body: body["failures"].update({ADMIN: {"count": 5, "until": "garbage", "events": []}}),
    "failure count": lambda body: body["failures"].update({ADMIN: {"count": "năm", "until": None, "events": []}}),
    "failure time": lambda body: body["failures"].update({ADMIN: {"count": 1, "until": None, "events": ["hôm qua"]}}),
    "failures a list": lambda body: body.update(failures=[ADMIN]),
    "one user's failures a list": lambda body: body["failures"].update({ADMIN: [5]}),
    "audit head": lambda body: body.update(audit_head={"count": "a"}),
    "audit head a number": lambda body: body.update(audit_head=7),
    "backup path": lambda body: body.update(last_backup={"path": 5, "at": "2026-03-01T08:00:00"}),
    "backup time": lambda body: body.update(last_backup={"path": "/e/bvct.bvctbak", "at": None}),
    "database id": lambda body: body.update(db_id=["x"]),
    "name-sealing key": lambda body: body.update(name_seal="ngắn"),
    "slotless tries": lambda body: body.update(slotless={"no_slot": ["2026-03-01T08:00:00"], "dropped": 0}),
    "slotless count": lambda body: body.update(slotless={"no_slot": [], "dropped": -1}),
}


@pytest.mark.parametrize("edit", MALFORMED_FIELDS)
def test_a_key_file_with_a_malformed_field_and_a_correct_checksum_is_damaged(office, edit):
    """The checksum has no secret key: whoever edits the file can put it back. A field of the wrong
    shape is damage (exit 4, naming the key file) whoever logs in, and the file is left as it is."""
    path = keyfile.key_path(office.db)
    _rewrite(path, MALFORMED_FIELDS[edit])
    before = path.read_bytes(), office.db.read_bytes()
    for user, password in ((ADMIN, PASSWORD), ("binh", OLD), (ADMIN, "Sai-mat-khau-2026")):
        code, _, err = office.as_user(user, password)("users", "list")
        assert code == 4 and f"Tệp khóa «{path}» bị hỏng" in err, err
    assert (path.read_bytes(), office.db.read_bytes()) == before


def test_the_recovery_key_is_replaced_once_used_and_shown_once(tmp_path, capsys, monkeypatch):
    from tests.conftest import Cli

    cli = Cli(tmp_path / "bvct.db", capsys, monkeypatch)
    code, out, _ = cli("init", "--admin", ADMIN)
    first = out.strip().splitlines()[-1]
    (tmp_path / "khoa.txt").write_text(first, encoding="utf-8")
    (tmp_path / "moi.txt").write_text("Mat-khau-quan-tri-moi\n", encoding="utf-8")
    code, out, err = cli("users", "passwd", ADMIN, "--recovery-key-file", tmp_path / "khoa.txt",
                         "--new-password-file", tmp_path / "moi.txt")
    assert code == 0, err
    second = out.strip().splitlines()[-1]
    assert "KHÓA KHÔI PHỤC MỚI" in out and second != first and len(second) == len(first)
    code, _, err = cli("users", "passwd", ADMIN, "--recovery-key-file", tmp_path / "khoa.txt",
                       "--new-password-file", tmp_path / "moi.txt")
    assert code == 3 and "Khóa khôi phục không đúng" in err  # the used one opens nothing now
    vault.unlock_with_recovery_key(cli.db, second).close()
    assert _opens(cli, ADMIN, "Mat-khau-quan-tri-moi")


def test_reconcile_is_silent_when_key_file_and_database_agree(office):
    db = vault.unlock(office.db, ADMIN, PASSWORD)
    try:
        keys = keyfile.read(db.key_path)
        key_slots.reconcile(db, keys)
        assert keys.generation == 1  # binh's slot was one change
    finally:
        db.close()


def _rewrite(path, edit) -> None:
    """Edits the key file and puts a correct checksum back (the checksum has no secret key)."""
    body = json.loads(path.read_text(encoding="utf-8"))
    body.pop("checksum")
    edit(body)
    body["checksum"] = keyfile._checksum(body)
    path.write_text(json.dumps(body), encoding="utf-8")


def test_users_module_goes_through_the_protocol():
    import inspect

    assert "keyfile.update" not in inspect.getsource(users)


def test_a_change_in_the_key_file_that_cannot_be_put_back_is_completed_at_the_next_open(office, tmp_path,
                                                                                       monkeypatch):
    """The completion fails and so does putting the key file back (the disk filled meanwhile):
    the key file has the change, so the next open completes and audits it — both, not neither."""
    real_settle, real_update = key_slots._settle, keyfile.update
    writes = []

    def settle(db, connection, note, completed, reason=None):
        if completed:
            raise DiskFullError("Ổ đĩa đầy: không ghi được vào «bvct.db»; cơ sở dữ liệu không thay đổi.")
        return real_settle(db, connection, note, completed, reason)

    def update(path, change):
        if change.__qualname__.startswith("_write_key_file"):
            writes.append(1)
            if len(writes) == 2:  # the putting back
                raise DiskFullError("Ổ đĩa đầy: không ghi được tệp khóa.")
        return real_update(path, change)

    with monkeypatch.context() as patched:
        patched.setattr(key_slots, "_settle", settle)
        patched.setattr(keyfile, "update", update)
        code, _, err = office("users", "passwd", "binh", "--new-password-file", tmp_path / "moi.txt")
    assert code == 1 and err.startswith("Ổ đĩa đầy") and "đã vào tệp khóa" in err
    assert office("users", "list")[0] == 0  # the next open
    assert _opens(office, "binh", NEW) and not _opens(office, "binh", OLD)
    assert _trail(office, "đổi mật khẩu")[-2:] == ["đang thực hiện", "thành công"]
