"""A command that has to wait for another officer's write (a long import) says so at once, naming who
holds the database, and then carries on (spec, "Office server": every command behaves the same)."""

import threading

from bvct_desktop.core import vault

OFFICER, OFFICER_PASSWORD = "lan", "Lan-nhap-phieu-2026"
PERIOD = ("--from", "2026-01-01", "--to", "2026-12-31")


def _officer(cli, tmp_path):
    secret = tmp_path / "lan.txt"
    secret.write_text(OFFICER_PASSWORD + "\n", encoding="utf-8")
    assert cli("users", "add", OFFICER, "--role", "chuyen-vien", "--new-password-file", secret)[0] == 0
    return vault.unlock(cli.db, OFFICER, OFFICER_PASSWORD)


def _holding_the_write(db, seconds: float) -> threading.Thread:
    """`db`'s user writes for `seconds` in another thread (as another officer's import does)."""
    entered = threading.Event()

    def hold():
        with db.write():
            entered.set()
            threading.Event().wait(seconds)

    holder = threading.Thread(target=hold)
    holder.start()
    assert entered.wait(10)
    return holder


def test_a_command_waiting_for_an_officers_write_tells_who_it_waits_for_then_runs(cli, tmp_path):
    officer = _officer(cli, tmp_path)
    holder = _holding_the_write(officer, 1.5)
    try:
        code, out, err = cli("report", *PERIOD, "--format", "json", "--out", "-")
    finally:
        holder.join()
        officer.close()
    assert code == 0, err
    assert '"slips_issued": 0' in out
    assert err.count("Đang chờ «lan» ghi xong vào cơ sở dữ liệu (có thể đang nhập một danh sách dài); "
                     "lệnh sẽ tự làm tiếp khi xong.") == 1, err


def test_a_command_that_need_not_wait_says_nothing_of_waiting(cli):
    code, out, err = cli("report", *PERIOD, "--format", "json", "--out", "-")
    assert code == 0 and "Đang chờ" not in err
