"""The permission table of the spec, walked whole: every command a role may not run exits 5,
prints nothing, changes nothing, is written to the audit trail and told what was refused; every
command it may run is not refused."""

from pathlib import Path

import pytest

from bvct_desktop.core.permissions import ADMIN as ADMIN_ROLE
from bvct_desktop.core.permissions import LEADER, OFFICER, VIEWER
from tests.conftest import ADMIN, PASSWORD

PERIOD = ("--from", "2025-01-01", "--to", "2025-12-31")
ROLE_USERS = {LEADER: "lanhdao1", OFFICER: "chuyenvien1", VIEWER: "xem1"}
EVERYONE = {ADMIN_ROLE, LEADER, OFFICER, VIEWER}
WORKERS = {ADMIN_ROLE, LEADER, OFFICER}


@pytest.fixture
def cli(both_engines_cli):
    """The permission table holds on the office server as on a file."""
    return both_engines_cli


def _password(user: str) -> str:
    return f"{user}-Mat-khau-2026"


# (command, roles allowed, written to this database's trail when refused)
def table(files, on_server: bool = False):
    return [
        (("import", "cadres", files["cadres"]), WORKERS, True),
        (("export", "cadres", "--out", files["out"] / "ra.xlsx"), WORKERS, True),
        (("report", *PERIOD, "--format", "json", "--out", "-"), EVERYONE, True),
        (("report", *PERIOD, "--format", "xlsx", "--out", files["out"] / "bc.xlsx"), WORKERS, True),
        (("report", *PERIOD, "--format", "xlsx", "--out", files["out"] / "so.xlsx", "--issue"),
         {ADMIN_ROLE, LEADER}, True),
        (("print", "slip-register", *PERIOD, "--out", files["out"] / "so.pdf"), WORKERS, True),
        (("print", "reminder", "--recipient", "Cục A93B – Bộ Công an", "--out", files["out"] / "cv.pdf", "--issue"),
         {ADMIN_ROLE, LEADER}, True),
        (("backup", "--out", files["out"] / "b.bvctbak"), WORKERS, True),
        (("verify", files["backup"]), WORKERS, False),
        # onto a server: only into an empty database, with its owner (tests/server/test_moving.py)
        *([] if on_server else [(("restore", files["backup"]), {ADMIN_ROLE}, False)]),
        (("users", "add", "moi1", "--role", "xem", "--new-password-file", files["new"]), {ADMIN_ROLE}, True),
        (("users", "list"), {ADMIN_ROLE}, True),
        (("users", "disable", "xem1"), {ADMIN_ROLE}, True),
        (("users", "enable", "xem1", "--new-password-file", files["new"]), {ADMIN_ROLE}, True),
        (("users", "role", "xem1", "--role", OFFICER), {ADMIN_ROLE}, True),
        (("users", "passwd", ADMIN, "--new-password-file", files["new"]), {ADMIN_ROLE}, True),
        (("settings", "list"), {ADMIN_ROLE}, True),
        (("settings", "set", "do_mat", "MẬT"), {ADMIN_ROLE}, True),
        (("audit", "list"), {ADMIN_ROLE, LEADER}, True),
        (("audit", "verify"), {ADMIN_ROLE, LEADER}, True),
    ]


@pytest.fixture
def office(cli, cadres_file, tmp_path):
    new = tmp_path / "moi.txt"
    new.write_text("Mat-khau-moi-2026", encoding="utf-8")
    for role, user in ROLE_USERS.items():
        secret = tmp_path / f"{user}.txt"
        secret.write_text(_password(user), encoding="utf-8")
        assert cli("users", "add", user, "--role", role, "--new-password-file", secret)[0] == 0
    out = tmp_path / "ra"
    out.mkdir()
    backup = tmp_path / "chung.bvctbak"
    assert cli("backup", "--out", backup)[0] == 0
    return {"cadres": cadres_file, "out": out, "new": new, "backup": backup}


def _refusals(cli) -> list[tuple[str, str]]:
    cli.as_user(ADMIN, PASSWORD)
    lines = cli("audit", "list")[1].splitlines()[1:]
    return [(cells[2], cells[4]) for cells in (line.split("\t") for line in lines) if cells[5] == "bị từ chối"]


@pytest.mark.parametrize("role", [LEADER, OFFICER, VIEWER])
def test_every_command_a_role_may_not_run_is_refused_and_audited(office, cli, role):
    user = ROLE_USERS[role]
    refused_here = 0
    for argv, allowed, audited_here in table(office, not isinstance(cli.db, Path)):
        before = cli.db.read_bytes() if argv[0] == "restore" else None
        code, out, err = cli.as_user(user, _password(user))(*argv)
        if role in allowed:
            assert code != 5, (argv, err)
            continue
        assert code == 5 and out == "" and "không được phép" in err, (argv, code, out, err)
        refused_here += audited_here
        if before is not None:
            assert cli.db.read_bytes() == before
    assert not (office["out"] / "ra.xlsx").exists() or role in WORKERS
    assert len([entry for entry in _refusals(cli) if entry[0] == user]) == refused_here > 0


def test_a_refusal_names_what_was_asked_for_not_the_permission_it_needs(office, cli):
    reminder = ("print", "reminder", "--recipient", "Cục A93B – Bộ Công an", "--out", office["out"] / "cv.pdf")
    refusals = [
        (OFFICER, ("settings", "list"), "xem thiết lập"),
        (OFFICER, ("settings", "set", "do_mat", "MẬT"), "thay đổi thiết lập"),
        (OFFICER, ("audit", "list"), "xem nhật ký"),
        (OFFICER, ("audit", "verify"), "kiểm tra nhật ký"),
        (OFFICER, ("report", *PERIOD, "--format", "pdf", "--out", office["out"] / "bc.pdf", "--issue"),
         "phát hành báo cáo"),
        (OFFICER, (*reminder, "--issue"), "phát hành công văn"),
        (VIEWER, (*reminder, "--issue"), "lập công văn đôn đốc"),
        (VIEWER, ("export", "cadres", "--out", office["out"] / "ra.xlsx"), "xuất «Cán bộ»"),
        (VIEWER, ("import", "cadres", office["out"] / "khong-co.xlsx"), "nhập «Cán bộ»"),
        (VIEWER, ("verify", office["backup"]), "kiểm tra bản sao lưu"),
        (LEADER, ("users", "passwd", ADMIN, "--new-password-file", office["new"]), "đổi mật khẩu người khác"),
    ]
    for role, argv, asked_for in refusals:
        user = ROLE_USERS[role]
        code, out, err = cli.as_user(user, _password(user))(*argv)
        assert (code, out, err) == (5, "", f"Vai trò của bạn không được phép {asked_for}.\n"), argv


def test_a_refused_action_on_an_account_names_the_account_in_the_trail(office, cli):
    """The chief saw that someone tried to lock an account or set its password, not whose."""
    officer = ROLE_USERS[OFFICER]
    attempts = (("users", "disable", ADMIN), ("users", "passwd", ADMIN, "--new-password-file", office["new"]),
                ("users", "role", ADMIN, "--role", VIEWER))
    for argv in attempts:
        assert cli.as_user(officer, _password(officer))(*argv)[0] == 5
    cli.as_user(ADMIN, PASSWORD)
    lines = cli("audit", "list")[1].splitlines()[1:]
    refused = [cells for cells in (line.split("\t") for line in lines) if cells[5] == "bị từ chối"]
    assert [(cells[4], f"Người dùng: {ADMIN}" in cells[-1]) for cells in refused[-3:]] == [
        ("khóa người dùng", True), ("đổi mật khẩu người khác", True), ("đổi vai trò người dùng", True)]


def test_everyone_may_change_their_own_password(office, cli, tmp_path):
    for user in ROLE_USERS.values():
        secret = tmp_path / f"{user}-moi.txt"
        secret.write_text(f"{user}-Moi-2026-x", encoding="utf-8")
        assert cli.as_user(user, _password(user))("users", "passwd", user, "--new-password-file", secret)[0] == 0
        assert cli.as_user(user, f"{user}-Moi-2026-x")("report", *PERIOD, "--format", "json", "--out", "-")[0] == 0
        assert cli.as_user(user, _password(user))("report", *PERIOD, "--format", "json", "--out", "-")[0] == 3


def test_a_disabled_user_no_longer_opens_the_database_and_the_last_administrator_stays(office, cli):
    assert cli("users", "disable", "xem1")[0] == 0
    assert cli.as_user("xem1", _password("xem1"))("report", *PERIOD, "--format", "json", "--out", "-")[0] == 3
    code, _, err = cli.as_user(ADMIN, PASSWORD)("users", "disable", ADMIN)
    assert code == 2 and "quản trị viên cuối cùng" in err


def test_an_administrator_reopens_a_disabled_account_with_a_new_password_and_its_role(office, cli):
    viewer = ("xem1", _password("xem1"))
    assert cli("users", "disable", "xem1")[:2] == (0, "Đã khóa tài khoản «xem1».\n")
    assert "xem1\txem\tChỉ xem (đã khóa)\n" in cli("users", "list")[1]
    code, out, err = cli("users", "enable", "xem1", "--new-password-file", office["new"])
    assert (code, out) == (0, "Đã mở lại tài khoản «xem1» (Chỉ xem).\n"), err
    assert "xem1\txem\tChỉ xem\n" in cli("users", "list")[1]
    assert cli.as_user(*viewer)("report", *PERIOD, "--format", "json", "--out", "-")[0] == 3
    assert cli.as_user("xem1", "Mat-khau-moi-2026")("report", *PERIOD, "--format", "json", "--out", "-")[0] == 0
    trail = cli.as_user(ADMIN, PASSWORD)("audit", "list")[1]
    assert [line.split("\t")[4:6] for line in trail.splitlines() if "mở lại người dùng" in line][-1] == [
        "mở lại người dùng", "thành công"]


def test_a_new_password_for_a_disabled_account_is_refused_saying_to_reopen_it(office, cli):
    """Disabling took the account's key slot: only reopening gives it one, with the new password."""
    assert cli("users", "disable", "xem1")[0] == 0
    assert cli("users", "passwd", "xem1", "--new-password-file", office["new"]) == (
        2, "", "Tài khoản «xem1» đã bị khóa: mở lại tài khoản với mật khẩu mới («Mở lại tài khoản» ở trang "
               "Người dùng, hoặc bvct users enable).\n")
    assert cli.as_user("xem1", "Mat-khau-moi-2026")("users", "list")[0] == 3


@pytest.mark.parametrize(("name", "said"), [
    ("lanhdao1", "Tài khoản «lanhdao1» đang hoạt động, không cần mở lại.\n"),
    ("khong-co", "Không có người dùng «khong-co».\n"),
])
def test_reopening_an_account_not_disabled_exits_2_and_changes_nothing(office, cli, name, said):
    accounts, trail = cli("users", "list")[1], cli("audit", "list")[1].count("mở lại người dùng")
    assert cli("users", "enable", name, "--new-password-file", office["new"]) == (2, "", said)
    assert cli("users", "list")[1] == accounts
    assert cli("audit", "list")[1].count("mở lại người dùng") == trail
    assert cli.as_user(name, "Mat-khau-moi-2026")("users", "list")[0] == 3


def test_an_administrator_changes_a_role_and_it_holds_from_the_next_login(office, cli):
    viewer = ("xem1", _password("xem1"))
    assert cli.as_user(*viewer)("import", "cadres", office["cadres"])[0] == 5
    code, out, err = cli.as_user(ADMIN, PASSWORD)("users", "role", "xem1", "--role", OFFICER)
    assert code == 0 and "«xem1»: Chuyên viên" in out, err
    assert "xem1\tchuyen-vien" in cli("users", "list")[1]
    assert "đổi vai trò người dùng" in cli("audit", "list")[1]
    assert cli.as_user(*viewer)("import", "cadres", office["cadres"])[0] == 0
    code, _, err = cli.as_user(ADMIN, PASSWORD)("users", "role", ADMIN, "--role", VIEWER)
    assert code == 2 and "quản trị viên cuối cùng" in err


@pytest.mark.parametrize(("name", "said"), [
    ("a" * 3000, "Tên người dùng dài 3000 byte, quá giới hạn 63 byte (63 chữ không dấu;"),
    ("lanh\ndao", "Tên người dùng không được có ký tự xuống dòng"),
    ("Lanhdao1", "Đã có người dùng «lanhdao1»; «Lanhdao1» chỉ khác ở chữ hoa/thường"),
])
def test_a_users_name_breaking_the_rule_exits_2_naming_it_and_adds_no_one(office, cli, name, said):
    accounts = cli("users", "list")[1]
    added = cli("audit", "list")[1].count("thêm người dùng")
    code, out, err = cli("users", "add", name, "--role", VIEWER, "--new-password-file", office["new"])
    assert code == 2 and said in err and not out
    assert cli("users", "list")[1] == accounts
    assert cli("audit", "list")[1].count("thêm người dùng") == added


def test_a_name_with_spaces_quotes_and_a_backslash_is_a_user_like_any_other(office, cli, tmp_path):
    """On the office server it is the login role's name, quoted wherever the server names it."""
    typed, name = '  o\'Brien "Bình" \\ 2 ', 'o\'Brien "Bình" \\ 2'
    code, out, err = cli("users", "add", typed, "--role", VIEWER, "--new-password-file", office["new"])
    assert (code, out) == (0, f"Đã thêm người dùng «{name}» (Chỉ xem).\n"), err
    secret = tmp_path / "rieng.txt"
    secret.write_text("Mat-khau-rieng-2026", encoding="utf-8")
    assert cli.as_user(name, "Mat-khau-moi-2026")("users", "passwd", name, "--new-password-file", secret)[0] == 0
    assert cli.as_user(name, "Mat-khau-rieng-2026")("report", *PERIOD, "--format", "json", "--out", "-")[0] == 0
    assert cli.as_user(ADMIN, PASSWORD)("users", "role", name, "--role", OFFICER)[0] == 0
    assert cli.as_user(name, "Mat-khau-rieng-2026")("import", "cadres", office["cadres"])[0] == 0
    assert cli.as_user(ADMIN, PASSWORD)("users", "disable", name)[0] == 0
    assert cli.as_user(name, "Mat-khau-rieng-2026")("users", "list")[0] == 3
    assert cli.as_user(ADMIN, PASSWORD)("users", "enable", name, "--new-password-file", office["new"])[0] == 0
    assert cli.as_user(name, "Mat-khau-moi-2026")("users", "list")[0] == 5
