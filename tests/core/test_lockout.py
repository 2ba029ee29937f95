"""Wrong passwords: counted in the key file, growing lockouts, copied into the audit trail."""

import datetime as dt
import json
import re

import pytest

from bvct_desktop.core import audit, audit_words, keyfile, lockout, users, vault
from bvct_desktop.core.errors import AuthError
from tests.conftest import ADMIN, PASSWORD

START = dt.datetime(2026, 3, 2, 8, 0, 0)
WRONG = "không-phải-mật-khẩu"


class Clock:
    def __init__(self):
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def made(tmp_path):
    path = tmp_path / "bvct.db"
    vault.create(path, ADMIN, PASSWORD, clock=lambda: START)
    return path


def _fail(path, clock, times=1, user=ADMIN):
    for _ in range(times):
        with pytest.raises(AuthError):
            vault.unlock(path, user, WRONG, clock)


def test_five_wrong_passwords_lock_the_account_for_30_seconds(made):
    clock = Clock()
    _fail(made, clock, 4)
    with pytest.raises(AuthError, match=r"tạm khóa, hãy thử lại sau 02/03/2026 08:00"):
        vault.unlock(made, ADMIN, WRONG, clock)
    clock.advance(seconds=29)
    with pytest.raises(AuthError, match=rf"^Tài khoản «{ADMIN}» đã bị tạm khóa do nhập sai mật khẩu nhiều lần; hãy "
                                        r"thử lại sau 02/03/2026 08:00"):
        vault.unlock(made, ADMIN, PASSWORD, clock)  # even the right password waits
    clock.advance(seconds=2)
    vault.unlock(made, ADMIN, PASSWORD, clock).close()
    assert keyfile.read(keyfile.key_path(made)).failures == {}


def test_the_time_to_try_again_is_the_end_of_the_lockout_to_the_second(made):
    clock = Clock()
    clock.now = dt.datetime(2026, 12, 2, 8, 47, 51)
    _fail(made, clock, 4)
    with pytest.raises(AuthError, match=r"tạm khóa, hãy thử lại sau 02/12/2026 08:48:21\.$"):
        vault.unlock(made, ADMIN, WRONG, clock)
    clock.now = dt.datetime(2026, 12, 2, 8, 48, 5)
    with pytest.raises(AuthError, match=r"nhiều lần; hãy thử lại sau 02/12/2026 08:48:21\.$"):
        vault.unlock(made, ADMIN, PASSWORD, clock)
    clock.now = dt.datetime(2026, 12, 2, 8, 48, 21)  # the time the message gave
    vault.unlock(made, ADMIN, PASSWORD, clock).close()


def test_the_delay_grows_30s_1min_5min_15min_1h(made):
    clock = Clock()
    _fail(made, clock, 5)
    waits = []
    for _ in range(5):
        until = lockout.locked_until(keyfile.read(keyfile.key_path(made)), ADMIN)
        waits.append(until - clock.now)
        clock.now = until
        _fail(made, clock)
    assert waits == [dt.timedelta(seconds=30), dt.timedelta(minutes=1), dt.timedelta(minutes=5),
                     dt.timedelta(minutes=15), dt.timedelta(hours=1)]


def test_a_restart_does_not_reset_the_count_and_a_wrong_password_leaves_the_database_untouched(made):
    clock = Clock()
    before = made.read_bytes()
    _fail(made, clock, 5)
    assert made.read_bytes() == before
    stored = json.loads(keyfile.key_path(made).read_text(encoding="utf-8"))["failures"][ADMIN]
    assert stored["count"] == 5 and stored["until"] == "2026-03-02T08:00:30"
    # a new process reads the same key file: still locked
    with pytest.raises(AuthError, match="thử lại sau"):
        vault.unlock(made, ADMIN, PASSWORD, clock)


def test_failures_are_copied_into_the_audit_trail_at_the_next_unlock(made):
    clock = Clock()
    _fail(made, clock, 2)
    clock.advance(seconds=5)
    _fail(made, clock, 1, user="ai-do")
    clock.advance(minutes=1)
    db = vault.unlock(made, ADMIN, PASSWORD, clock)
    entries = list(audit.list_entries(db))
    failed = [(e.user, e.action, e.at) for e in entries if e.outcome == audit.FAILED]
    later = START + dt.timedelta(seconds=5)
    assert failed == [(ADMIN, "đăng nhập", START), (ADMIN, "đăng nhập", START), ("ai-do", "đăng nhập", later)]
    assert entries[-1].action == "đăng nhập" and entries[-1].outcome == audit.OK
    assert db.verify_audit_chain().ok
    db.close()
    # the unlocking user starts afresh; «ai-do» has no key slot: once in the trail, nothing of it is kept
    assert keyfile.read(keyfile.key_path(made)).failures == {}


def _trail(made, clock, user=ADMIN, password=PASSWORD) -> list[tuple[str, str, dt.datetime, str]]:
    """The failed entries of the trail as the chief reads them: who, what, when, why."""
    db = vault.unlock(made, user, password, clock)
    entries = [entry for entry in audit.list_entries(db) if entry.outcome == audit.FAILED]
    db.close()
    return [(entry.user, entry.action, entry.at, audit_words.cells(entry)[8]) for entry in entries]


def test_a_lockout_is_written_under_the_locked_account_at_its_start_to_the_second(made):
    """Not under whoever logs in next, at that login's time: the chief filtering by the officer sees it."""
    clock = Clock()
    _officer_guessed_at(made, clock, 4)
    clock.now = dt.datetime(2026, 3, 2, 9, 15, 21)
    _fail(made, clock, 1, user="binh")  # the fifth: locked until 09:15:51
    clock.advance(hours=2)
    trail = _trail(made, clock)
    assert trail[-1] == ("binh", "tạm khóa tài khoản", dt.datetime(2026, 3, 2, 9, 15, 21), "Đến: 02/03/2026 09:15:51")
    assert [who for who, *_ in trail] == ["binh"] * 6


def test_tries_refused_while_the_account_is_locked_reach_the_trail_and_lengthen_nothing(made):
    clock = Clock()
    _officer_guessed_at(made, clock, 5)
    clock.advance(seconds=10)
    with pytest.raises(AuthError, match="tạm khóa"):
        vault.unlock(made, "binh", "Binh-mat-khau-2026", clock)  # the right password, refused while locked
    assert keyfile.read(keyfile.key_path(made)).failures["binh"]["until"] == "2026-03-02T08:00:30"
    trail = _trail(made, clock)
    assert trail[-1] == ("binh", "đăng nhập", START + dt.timedelta(seconds=10), "Lý do: «đang tạm khóa»")


def test_a_lockout_taken_while_the_clock_was_a_year_ahead_lasts_its_own_delay_once_the_clock_is_put_right(made):
    """Five wrong passwords on 05/11/2027 (the PC's clock a year ahead): 30 seconds, not until 05/11/2027 once
    the clock says 05/11/2026 again — the wait is never longer than its delay from now, and then ends."""
    clock = Clock()
    clock.now = dt.datetime(2027, 11, 5, 9, 0, 6)
    _fail(made, clock, 5)
    clock.now = dt.datetime(2026, 11, 5, 9, 5, 0)
    with pytest.raises(AuthError, match=r"nhiều lần; hãy thử lại sau 05/11/2026 09:05:30\.$"):
        vault.unlock(made, ADMIN, PASSWORD, clock)
    clock.advance(seconds=10)
    with pytest.raises(AuthError, match=r"nhiều lần; hãy thử lại sau 05/11/2026 09:05:30\.$"):
        vault.unlock(made, ADMIN, PASSWORD, clock)  # still the same end: a wait that ends
    clock.advance(seconds=20)
    vault.unlock(made, ADMIN, PASSWORD, clock).close()


def test_a_disabled_account_and_a_name_no_one_has_are_told_apart_from_a_wrong_password(made):
    clock = _binh_disabled(made)
    for user, password in (("binh", "Binh-mat-khau-2026"), ("khong-ai", WRONG), (ADMIN, WRONG)):
        clock.advance(seconds=1)
        with pytest.raises(AuthError) as refused:
            vault.unlock(made, user, password, clock)
        assert refused.value.message == "Sai tên người dùng hoặc mật khẩu."  # the person typing learns nothing
    trail = _trail(made, clock)
    assert [(who, why) for who, _what, _at, why in trail] == [
        ("binh", "Lý do: «tài khoản đã bị khóa»"), ("khong-ai", "Lý do: «không có tài khoản này»"),
        (ADMIN, "Lý do: «sai mật khẩu»")]


def test_a_lockout_kept_by_an_earlier_release_is_written_under_its_account_at_its_last_try(made):
    """A key file written before lockouts were kept with their start holds only the lockout's end."""
    clock = Clock()
    _fail(made, clock, 5)
    path = keyfile.key_path(made)
    stored = json.loads(path.read_text(encoding="utf-8"))
    state = stored["failures"][ADMIN]
    del state["lockouts"]
    state["count"] = 0  # the lockout is over; its record waits for the trail
    keyfile.update(path, lambda keys: keys.failures.__setitem__(ADMIN, state))
    clock.advance(minutes=5)
    assert _trail(made, clock)[-1] == (ADMIN, "tạm khóa tài khoản", START, "Đến: 02/03/2026 08:00:30")


def test_a_lockout_is_audited_and_other_users_keep_their_count(made):
    clock = Clock()
    db = vault.unlock(made, ADMIN, PASSWORD, clock)
    users.add(db, "binh", "chuyen-vien", "Binh-mat-khau-2026")
    db.close()
    _fail(made, clock, 5)
    _fail(made, clock, 3, user="binh")
    clock.advance(minutes=1)
    db = vault.unlock(made, ADMIN, PASSWORD, clock)
    actions = [(e.action, e.outcome) for e in audit.list_entries(db)]
    db.close()
    assert ("tạm khóa tài khoản", audit.FAILED) in actions
    assert keyfile.read(keyfile.key_path(made)).failures["binh"]["count"] == 3


def _officer_guessed_at(made, clock, times: int) -> None:
    """Officer «binh» added, then `times` wrong passwords typed for him."""
    db = vault.unlock(made, ADMIN, PASSWORD, clock)
    users.add(db, "binh", "chuyen-vien", "Binh-mat-khau-2026")
    db.close()
    _fail(made, clock, times, user="binh")


def test_a_reopened_account_starts_its_count_afresh_and_its_failures_still_reach_the_trail(made):
    """An account guessed at is disabled, its password reset and reopened: its officer logs in at once,
    not after the day-long wait the guesses earned."""
    clock = Clock()
    _officer_guessed_at(made, clock, 5)
    db = vault.unlock(made, ADMIN, PASSWORD, clock)
    users.disable(db, "binh")
    clock.advance(seconds=31)
    _fail(made, clock, 1, user="binh")  # still guessed at while disabled: now locked for a minute
    users.enable(db, "binh", "Binh-mat-khau-moi-2026")
    db.close()
    vault.unlock(made, "binh", "Binh-mat-khau-moi-2026", clock).close()
    db = vault.unlock(made, ADMIN, PASSWORD, clock)
    guesses = [e for e in audit.list_entries(db) if e.user == "binh" and e.action == "đăng nhập"
               and e.outcome == audit.FAILED]
    db.close()
    assert len(guesses) == 6


def test_a_password_set_by_an_administrator_lets_the_locked_out_officer_in_at_once(made):
    """The officer who forgot the password and guessed is given a new one: no wait of the guesses
    earned (growing to a day), and no «users enable» that says the account is active."""
    clock = Clock()
    _officer_guessed_at(made, clock, 6)
    db = vault.unlock(made, ADMIN, PASSWORD, clock)
    users.change_password(db, "binh", "Binh-mat-khau-moi-2026")
    db.close()
    vault.unlock(made, "binh", "Binh-mat-khau-moi-2026", clock).close()


def test_a_reset_with_the_recovery_key_lets_the_locked_out_administrator_in_at_once(tmp_path):
    """The administrator who forgot the password guessed first: the recovery key proves it is them."""
    clock = Clock()
    path = tmp_path / "r.db"
    key = vault.create(path, ADMIN, PASSWORD, clock=lambda: START)
    _fail(path, clock, 5)
    db = vault.unlock_with_recovery_key(path, key, clock)
    new_key = users.change_password(db, ADMIN, "Mat-khau-moi-sau-khi-quen-1")
    db.close()
    assert new_key and new_key != key
    db = vault.unlock(path, ADMIN, "Mat-khau-moi-sau-khi-quen-1", clock)
    failed = [e.action for e in audit.list_entries(db) if e.outcome == audit.FAILED]
    db.close()
    assert failed == ["đăng nhập"] * 5 + ["tạm khóa tài khoản"]  # the guesses are still in the trail


def test_screen_lock_and_unlock_again_are_audited_and_counted(made):
    clock = Clock()
    db = vault.unlock(made, ADMIN, PASSWORD, clock)
    db.record_lock()
    with pytest.raises(AuthError) as wrong:
        db.unlock_again(WRONG)
    assert wrong.value.message == "Mật khẩu không đúng."  # no user name was typed
    assert keyfile.read(db.key_path).failures[ADMIN]["count"] == 1
    db.unlock_again(PASSWORD)
    actions = [(e.action, e.outcome) for e in audit.list_entries(db)][-3:]
    db.close()
    assert actions == [("khóa màn hình", "ok"), ("mở khóa màn hình", "failed"), ("mở khóa màn hình", "ok")]


def test_a_password_asked_again_is_told_wrong_as_a_password_even_when_it_locks_the_account(made):
    clock = Clock()
    db = vault.unlock(made, ADMIN, PASSWORD, clock)
    told = []
    for _ in range(5):
        with pytest.raises(AuthError) as wrong:
            db.confirm_password(WRONG, "xuất Excel")
        told.append(wrong.value.message)
    db.close()
    assert told[0] == "Mật khẩu không đúng."
    assert told[-1].startswith("Mật khẩu không đúng. Đã sai 5 lần: tài khoản đã bị tạm khóa, hãy thử lại sau ")


def test_at_the_lock_screen_the_tries_left_before_the_lockout_are_told_after_the_third_wrong_password(made):
    """Three mistyped passwords at the lock screen were each told «Mật khẩu không đúng.» and nothing more: the
    fifth locked the account unannounced. Two tries left is not «sai nữa … sẽ bị tạm khóa»: one more wrong
    password still does not lock it. The name is the one who locked the screen, so no name is told of
    that was not known (a login's wrong password says no more than «Sai tên người dùng hoặc mật khẩu.»)."""
    clock = Clock()
    db = vault.unlock(made, ADMIN, PASSWORD, clock)
    told = []
    for _ in range(5):
        with pytest.raises(AuthError) as wrong:
            db.unlock_again(WRONG)
        told.append(wrong.value.message)
    users.add(db, "can.bo", "chuyen-vien", PASSWORD)
    db.close()
    assert told[:4] == ["Mật khẩu không đúng.", "Mật khẩu không đúng.",
                        "Mật khẩu không đúng. Còn 2 lần thử: sai thêm 2 lần, tài khoản sẽ bị tạm khóa.",
                        "Mật khẩu không đúng. Còn 1 lần thử: sai thêm 1 lần, tài khoản sẽ bị tạm khóa."]
    assert told[4].startswith("Mật khẩu không đúng. Đã sai 5 lần: tài khoản đã bị tạm khóa, hãy thử lại sau ")
    for _ in range(3):
        with pytest.raises(AuthError) as at_login:
            vault.unlock(made, "can.bo", WRONG, clock)
    assert at_login.value.message == "Sai tên người dùng hoặc mật khẩu."


def test_a_wrong_password_asked_again_is_written_at_once_as_what_it_is_and_still_counts_to_the_lockout(made):
    clock = Clock()
    db = vault.unlock(made, ADMIN, PASSWORD, clock)
    asked = "xác nhận mật khẩu để in hoặc lưu PDF"
    with pytest.raises(AuthError):
        db.confirm_password(WRONG, "in hoặc lưu PDF")
    [entry] = list(audit.list_entries(db))[-1:]
    assert (entry.action, entry.outcome, json.loads(entry.details)) == (asked, "failed", {"ly_do": "sai mật khẩu"})
    assert audit_words.cells(entry)[3:6] == ["Quản trị", asked, "thất bại"]
    for _ in range(4):
        clock.advance(seconds=1)
        with pytest.raises(AuthError):
            db.confirm_password(WRONG, "in hoặc lưu PDF")
    with pytest.raises(AuthError, match="tạm khóa"):
        db.confirm_password(PASSWORD, "in hoặc lưu PDF")  # locked out: the wrong tries counted
    clock.advance(seconds=31)
    db.confirm_password(PASSWORD, "in hoặc lưu PDF")
    entries = [(entry.action, entry.outcome, json.loads(entry.details or "{}")) for entry in audit.list_entries(db)]
    db.close()
    assert [entry for entry in entries if entry[1] == "failed" or entry[0].startswith("tạm khóa")] == [
        *[(asked, "failed", {"ly_do": "sai mật khẩu"})] * 5, (asked, "failed", {"ly_do": "đang tạm khóa"}),
        ("tạm khóa tài khoản", "failed", {"den": "2026-03-02T08:00:34"})]
    assert entries[-1][:2] == (asked, "ok")  # and no failed login among them


def test_a_lockout_brought_by_ones_own_password_page_is_written_with_the_accounts_role(made):
    """Five wrong current passwords on «Mật khẩu của tôi» lock the account; its «tạm khóa tài khoản» entry
    had an empty Vai trò, beside the five tries that had the role."""
    clock = Clock()
    _officer_guessed_at(made, clock, 0)
    db = vault.unlock(made, "binh", "Binh-mat-khau-2026", clock)
    for _ in range(5):
        with pytest.raises(AuthError):
            users.change_own_password(db, WRONG, "Mat-khau-moi-2026")
    clock.advance(seconds=31)
    users.change_own_password(db, "Binh-mat-khau-2026", "Mat-khau-moi-2026")
    db.close()
    db = vault.unlock(made, ADMIN, PASSWORD, clock)
    [locked] = [entry for entry in audit.list_entries(db) if entry.action == "tạm khóa tài khoản"]
    db.close()
    assert (locked.user, locked.role, audit_words.cells(locked)[3]) == ("binh", "chuyen-vien", "Chuyên viên")


def test_the_recovery_key_is_locked_out_too_and_said_as_the_recovery_key_not_an_account(tmp_path):
    """The key's slot has an internal name (`*recovery*`): the administrator reads «khóa khôi phục»,
    at each wrong try, at the try that locks it, and in the trail."""
    path = tmp_path / "r.db"
    recovery = vault.create(path, ADMIN, PASSWORD)
    clock = Clock()
    told = []
    for _ in range(5):
        with pytest.raises(AuthError) as wrong:
            vault.unlock_with_recovery_key(path, "AAAA-BBBB-CCCC", clock)
        told.append(wrong.value.message)
    with pytest.raises(AuthError) as locked:
        vault.unlock_with_recovery_key(path, recovery, clock)
    assert told == [lockout.WRONG_RECOVERY_KEY] * 4 + [
        f"{lockout.WRONG_RECOVERY_KEY} Đã sai 5 lần: khóa khôi phục đã bị tạm khóa, hãy thử lại sau "
        "02/03/2026 08:00:30."]
    assert locked.value.message == ("Khóa khôi phục đã bị tạm khóa do nhập sai nhiều lần; hãy thử lại sau "
                                    "02/03/2026 08:00:30.")
    clock.advance(seconds=30)
    db = vault.unlock_with_recovery_key(path, recovery, clock)
    entries = list(audit.list_entries(db))
    db.close()
    stored = [(entry.action, json.loads(entry.details)) for entry in entries
              if entry.user == keyfile.RECOVERY_SLOT and entry.outcome == "failed"]
    assert stored[:5] == [("mở bằng khóa khôi phục", {"ly_do": "sai khóa khôi phục"})] * 5
    trail = [audit_words.cells(entry) for entry in entries]
    assert not [cells for cells in trail if any(keyfile.RECOVERY_SLOT in cell for cell in cells)]
    failed = [(cells[2], cells[4], cells[8]) for cells in trail if cells[5] == "thất bại"]
    assert failed == [("(khóa khôi phục)", "mở bằng khóa khôi phục", "Lý do: «sai khóa khôi phục»")] * 5 + [
        ("(khóa khôi phục)", "tạm khóa khóa khôi phục", "Đến: 02/03/2026 08:00:30"),
        ("(khóa khôi phục)", "mở bằng khóa khôi phục", "Lý do: «đang tạm khóa»")]


@pytest.mark.file_only("the lockout counters are in the key file; the server checks passwords itself")
def test_cli_exit_3_says_when_to_try_again(cli):
    cli.as_user(ADMIN, WRONG)
    codes = [cli("users", "list")[0] for _ in range(5)]
    code, _, err = cli.as_user(ADMIN, PASSWORD)("users", "list")
    assert codes == [3] * 5 and code == 3
    told = re.search(r"hãy thử lại sau (\d\d/\d\d/\d{4} \d\d:\d\d:\d\d)", err)
    until = dt.datetime.strptime(told.group(1), "%d/%m/%Y %H:%M:%S")
    assert dt.datetime.now() < until + dt.timedelta(seconds=1) < dt.datetime.now() + dt.timedelta(minutes=2)


@pytest.mark.file_only("the lockout counters are in the key file; the server checks passwords itself")
def test_cli_a_password_set_by_an_administrator_or_the_recovery_key_lets_the_locked_out_user_in(
        tmp_path, capsys, monkeypatch):
    from tests.conftest import Cli

    cli = Cli(tmp_path / "bvct.db", capsys, monkeypatch)
    recovery = tmp_path / "khoa.txt"
    recovery.write_text(cli("init", "--admin", ADMIN)[1].strip().splitlines()[-1], encoding="utf-8")
    given, reset = tmp_path / "cap.txt", tmp_path / "dat-lai.txt"
    given.write_text("Chuyen-vien-2026-a", encoding="utf-8")
    reset.write_text("Dat-lai-2026-moi-b", encoding="utf-8")
    assert cli("users", "add", "chuyenvien", "--role", "chuyen-vien", "--new-password-file", given)[0] == 0
    for user in ("chuyenvien", ADMIN):
        assert [cli.as_user(user, WRONG)("users", "list")[0] for _ in range(5)] == [3] * 5
    code, _, err = cli.as_user("ai-do", WRONG)("users", "passwd", ADMIN, "--recovery-key-file", recovery,
                                               "--new-password-file", reset)
    assert code == 0, err
    assert cli.as_user(ADMIN, "Dat-lai-2026-moi-b")("users", "passwd", "chuyenvien", "--new-password-file",
                                                    reset)[0] == 0
    code, _, err = cli.as_user("chuyenvien", "Dat-lai-2026-moi-b")("users", "passwd", "chuyenvien",
                                                                   "--new-password-file", given)
    assert code == 0, err


def test_a_name_longer_than_any_user_name_is_not_tracked_nor_audited(made):
    clock = Clock()
    keys = keyfile.key_path(made)
    size = keys.stat().st_size
    huge = "x" * 120_000
    _fail(made, clock, 3, user=huge)
    _fail(made, clock, 1, user="ư" * 21)  # 63 bytes: the longest a name may be, tracked
    assert keys.stat().st_size < size + 2_000
    assert len(keyfile.read(keys).slotless["no_slot"]) == 1
    db = vault.unlock(made, ADMIN, PASSWORD, clock)
    try:
        trail = "".join(f"{entry.user} {entry.details}" for entry in audit.list_entries(db))
    finally:
        db.close()
    assert "x" * 64 not in trail and "ư" * 21 in trail


PASSWORD_AS_A_NAME = "Matkhau-quantri-2026"  # a password typed into the user-name box


def _key_file_text(made) -> str:
    return keyfile.key_path(made).read_text(encoding="utf-8")


def test_a_name_with_no_account_is_never_readable_in_the_key_file_and_reaches_the_trail(made):
    """The key file is read before any password: whoever copies it must not read a password typed
    as a name. The name tried is sealed there; the next login writes it into the trail."""
    clock = Clock()
    _fail(made, clock, 2, user=PASSWORD_AS_A_NAME)
    assert PASSWORD_AS_A_NAME not in _key_file_text(made)
    assert PASSWORD_AS_A_NAME.encode("utf-16-le") not in keyfile.key_path(made).read_bytes()
    assert _trail(made, clock) == [(PASSWORD_AS_A_NAME, "đăng nhập", START, "Lý do: «không có tài khoản này»")] * 2
    assert PASSWORD_AS_A_NAME not in _key_file_text(made)
    assert keyfile.read(keyfile.key_path(made)).slotless == {"no_slot": [], "dropped": 0}


def test_a_name_with_no_account_locks_nothing_out(made):
    """Nothing can be opened by it, so nothing needs to be held back."""
    clock = Clock()
    for _ in range(lockout.FREE_ATTEMPTS + 2):
        with pytest.raises(AuthError) as refused:
            vault.unlock(made, "khong-ai", WRONG, clock)
        assert refused.value.message == "Sai tên người dùng hoặc mật khẩu."
    assert keyfile.read(keyfile.key_path(made)).failures == {}


def test_a_disabled_officer_s_tries_reach_the_trail_under_the_name_and_stay_out_of_the_key_file(made):
    clock = _binh_disabled(made)
    clock.advance(seconds=1)
    _fail(made, clock, 1, user="binh")
    assert '"binh"' not in _key_file_text(made)
    assert _trail(made, clock)[-1] == ("binh", "đăng nhập", clock.now, "Lý do: «tài khoản đã bị khóa»")


def test_names_an_earlier_release_kept_readable_are_copied_then_dropped_at_the_next_login(made):
    """Its key file kept each name tried by name, forever once counted: the next login cleans it."""
    def earlier(keys):
        keys.failures[PASSWORD_AS_A_NAME] = {"count": 1, "until": None, "events": [], "no_slot": [], "dropped": 0}
        keys.failures["ai-do"] = {"count": 1, "until": None, "events": [], "no_slot": ["2026-03-02T07:00:00"],
                                  "dropped": 0}

    keyfile.update(keyfile.key_path(made), earlier)
    trail = _trail(made, Clock())
    assert ("ai-do", "đăng nhập", dt.datetime(2026, 3, 2, 7), "Lý do: «không có tài khoản này»") in trail
    assert keyfile.read(keyfile.key_path(made)).failures == {}
    assert PASSWORD_AS_A_NAME not in _key_file_text(made) and "ai-do" not in _key_file_text(made)


def test_a_name_tried_before_the_key_file_could_seal_it_is_not_kept_and_the_try_still_reaches_the_trail(made):
    """A key file of an earlier release has no key to seal names with until its next login gives it one."""
    keyfile.update(keyfile.key_path(made), lambda keys: setattr(keys, "name_seal", None))
    clock = Clock()
    _fail(made, clock, 1, user=PASSWORD_AS_A_NAME)
    assert PASSWORD_AS_A_NAME not in _key_file_text(made)
    assert _trail(made, clock) == [(None, "đăng nhập", START, f"Lý do: «{lockout.NAME_NOT_KEPT}»")]
    assert keyfile.read(keyfile.key_path(made)).name_seal is not None  # the next names are sealed


def test_past_the_kept_tries_of_names_without_an_account_the_rest_are_counted(made, monkeypatch):
    monkeypatch.setattr(lockout, "MAX_EVENTS", 3)
    clock = Clock()
    for name in ("mot", "hai", "ba", "bon", "nam"):
        _fail(made, clock, 1, user=name)
    trail = _trail(made, clock)
    assert [who for who, *_ in trail] == ["ba", "bon", "nam", None]
    assert trail[-1][3] == "Số lần sai không ghi chi tiết: 2"
    assert keyfile.read(keyfile.key_path(made)).slotless == {"no_slot": [], "dropped": 0}


def _binh_disabled(made) -> Clock:
    """The officer «binh» added, then disabled, by the administrator; the clock they did it by."""
    clock = Clock()
    db = vault.unlock(made, ADMIN, PASSWORD, clock)
    users.add(db, "binh", "chuyen-vien", "Binh-mat-khau-2026")
    users.disable(db, "binh")
    db.close()
    return clock
