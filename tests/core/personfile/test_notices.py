"""The notices of conclusion of the cases selected (an election list's nominees), issued together: each as a
case's window issues one (its TB number, its line in the outgoing register, its audit entries), the numbers
consecutive in the selection's order, all in one write — a failure on the way takes no number; cases with a
notice issued already, open or in the recycle bin are skipped and named; a role that may not issue issues none."""

import json

import pytest
from sqlalchemy import event, func, select

from bvct_desktop.core import (
    audit,
    conclusion_notice,
    crashpoints,
    documents_data,
    editing,
    outgoing,
    recycle_bin,
    vault,
)
from bvct_desktop.core.audit_actions import DOCUMENT_ISSUED
from bvct_desktop.core.errors import PermissionDenied
from bvct_desktop.core.personfile import cases, conclusions, notices
from bvct_desktop.core.schema import cadres, document_numbers
from bvct_desktop.io.documents import profile, render
from tests.conftest import ADMIN, PASSWORD
from tests.sample_db import fixed_clock, viewer_database

ELECTION = {"conclusion_no": "95-CV/BTCTU", "concluded_on": "25/02/2026", "signer": "Trần Văn Ban",
            "result": "Đủ tiêu chuẩn"}
LIST_OF = 120


def _nominees(db, count: int) -> list[int]:
    """Election cases of `count` nominees, concluded together."""
    found = []
    for number in range(count):
        cadre = editing.save(db, "cadres", {"full_name": f"Nguyễn Văn Đức {number:03d}", "birth_date": "1970"})
        with db.read() as connection:
            person = connection.execute(select(cadres.c.person_id).where(cadres.c.id == cadre)).scalar_one()
        found.append(cases.open_case(db, person, {"purpose": "Bầu cử", "opened_on": "02/02/2026"}))
    conclusions.record_conclusions(db, found, ELECTION)
    return found


@pytest.fixture
def nominees(db) -> list[int]:
    return _nominees(db, 3)


def _writer() -> render.ConclusionWriter:
    return render.conclusion_writer("pdf", None, render.Options(profile.load()))


def _taken(db) -> int:
    with db.read() as connection:
        return connection.execute(select(func.count()).select_from(document_numbers)).scalar_one()


def test_each_concluded_case_selected_takes_the_next_tb_number_in_the_selections_order(db, nominees):
    before, _ = documents_data.conclusion_document(db, nominees[0], None, _writer(), issue=True)
    chosen = [nominees[2], nominees[1]]
    writer = _writer()
    outcome, issued = notices.issue_notices(db, chosen, writer)
    assert [entry.number_text for entry in issued] == ["02-TB/BTCTU", "03-TB/BTCTU"]
    assert outcome.done == ["Nguyễn Văn Đức 002, sinh năm 1970 – Bầu cử", "Nguyễn Văn Đức 001, sinh năm 1970 – Bầu cử"]
    single = outgoing.register(db)[0]  # the one its case's window issued
    for case_id, entry in zip(chosen, issued, strict=True):
        assert (entry.kind, entry.status, entry.recipients, entry.signer) == (
            outgoing.CONCLUSION, "issued", single.recipients, single.signer)
        assert [notice.entry for notice in conclusion_notice.issued_for(db, case_id)] == [entry]
    assert before.text == "01-TB/BTCTU"
    assert writer.data.startswith(b"%PDF")


def test_each_notice_is_audited_as_one_issued_from_its_case_window(db, nominees):
    entries = len(list(audit.list_entries(db)))
    _, issued = notices.issue_notices(db, nominees, _writer())
    trail = list(audit.list_entries(db))[entries:]
    issues = [json.loads(entry.details) for entry in trail if entry.action == DOCUMENT_ISSUED]
    assert [told["so_van_ban"] for told in issues] == [entry.number_text for entry in issued]
    assert [told["ho_so_tham_tra"] for told in issues] == nominees
    assert [entry.action for entry in trail].count("giữ số văn bản") == 3
    assert [entry.action for entry in trail].count("ghi sổ văn bản đi") == 3


def test_cases_holding_a_notice_open_or_in_the_recycle_bin_are_skipped_and_named(db, nominees):
    noticed, binned, left = nominees
    documents_data.conclusion_document(db, noticed, None, _writer(), issue=True)
    recycle_bin.delete(db, cases.KIND, binned)
    still_open = cases.open_case(db, cases.case_file(db, left).case["person_id"],
                                 {"purpose": "Bổ nhiệm", "opened_on": "02/02/2026"})
    outcome, issued = notices.issue_notices(db, [noticed, binned, still_open, left], _writer())
    assert outcome.skipped == [
        "Nguyễn Văn Đức 000, sinh năm 1970 – Bầu cử: đã có thông báo kết luận số 01-TB/BTCTU ngày 01/03/2026 "
        "(phát hành thêm từ cửa sổ của hồ sơ)",
        "Nguyễn Văn Đức 001, sinh năm 1970 – Bầu cử: đã chuyển vào thùng rác",
        "Nguyễn Văn Đức 002, sinh năm 1970 – Bổ nhiệm: chưa có kết luận"]
    assert outcome.done == ["Nguyễn Văn Đức 002, sinh năm 1970 – Bầu cử"]
    assert [entry.number_text for entry in issued] == ["02-TB/BTCTU"]


def test_nothing_to_issue_takes_no_number_and_writes_no_document(db, nominees):
    recycle_bin.delete(db, cases.KIND, nominees[0])
    writer = _writer()
    outcome, issued = notices.issue_notices(db, nominees[:1], writer)
    assert (issued, len(outcome.skipped), writer.data) == ([], 1, None)
    assert _taken(db) == 0


def test_a_failure_on_the_sixtieth_of_120_notices_takes_no_number_at_all(db):
    chosen = _nominees(db, LIST_OF)
    writer = _writer()
    frozen = writer.freeze

    def failing(office, data, issue):
        if issue.number == 60:
            raise OSError("ổ đĩa đầy")
        return frozen(office, data, issue)

    writer.freeze = failing
    entries = len(list(audit.list_entries(db)))
    with pytest.raises(OSError):
        notices.issue_notices(db, chosen, writer)
    assert _taken(db) == 0 and outgoing.register(db) == []
    assert len(list(audit.list_entries(db))) == entries

    outcome, issued = notices.issue_notices(db, chosen, _writer())
    assert [entry.number for entry in issued] == list(range(1, LIST_OF + 1))
    assert len(outcome.done) == LIST_OF


def test_a_role_that_may_not_issue_issues_none(cli, db, nominees):
    viewer = viewer_database(cli, db)
    with pytest.raises(PermissionDenied):
        notices.issue_notices(viewer, nominees, _writer())
    viewer.close()
    assert _taken(db) == 0


def test_the_notices_are_drawn_once_their_numbers_are_committed_not_inside_the_write(db, nominees):
    """Drawing 120 notices takes a second: inside the write it held every other writer (and, on the office
    server, the transaction) for it; what the register keeps is the same either way."""
    writer, seen = _writer(), []
    write_all = writer.write_all

    def drawing(contents, on_each):
        seen.append([entry.status for entry in outgoing.register(db)])  # another connection's read: committed only
        write_all(contents, on_each)

    writer.write_all = drawing
    _, issued = notices.issue_notices(db, nominees, writer)
    assert seen == [["issued"] * 3]
    assert outgoing.register(db) == issued and writer.data.startswith(b"%PDF")


class Killed(BaseException):
    """The process killed outright at a crash point (a power cut, kill -9): nothing after it runs."""


def test_a_crash_once_the_numbers_are_taken_takes_no_number_and_leaves_nothing_half_issued(db, nominees, monkeypatch):
    def kill(name):
        if name == "documents-entered":
            raise Killed(name)

    monkeypatch.setattr(crashpoints, "reached", kill)
    entries = len(list(audit.list_entries(db)))
    writer = _writer()
    with pytest.raises(Killed):
        notices.issue_notices(db, nominees, writer)
    assert _taken(db) == 0 and outgoing.register(db) == [] and writer.data is None
    assert len(list(audit.list_entries(db))) == entries
    assert [conclusion_notice.issued_for(db, case_id) for case_id in nominees] == [[], [], []]


def test_a_notice_another_officer_issues_meanwhile_is_read_inside_the_write_and_its_case_skipped(cli, db, nominees,
                                                                                                  monkeypatch):
    """Two officers issuing the same case's notice: the cases holding one are read in the write that numbers the
    others, not before it."""
    other = vault.unlock(cli.db, ADMIN, PASSWORD, clock=fixed_clock)
    issue_together = outgoing.issue_together

    def meanwhile(*args):
        documents_data.conclusion_document(other, nominees[1], None, _writer(), issue=True)
        return issue_together(*args)

    monkeypatch.setattr(outgoing, "issue_together", meanwhile)
    try:
        outcome, issued = notices.issue_notices(db, nominees, _writer())
    finally:
        other.close()
    assert [entry.number_text for entry in issued] == ["02-TB/BTCTU", "03-TB/BTCTU"]
    assert outcome.done == ["Nguyễn Văn Đức 000, sinh năm 1970 – Bầu cử", "Nguyễn Văn Đức 002, sinh năm 1970 – Bầu cử"]
    assert outcome.skipped == ["Nguyễn Văn Đức 001, sinh năm 1970 – Bầu cử: đã có thông báo kết luận số 01-TB/BTCTU "
                               "ngày 01/03/2026 (phát hành thêm từ cửa sổ của hồ sơ)"]
    assert [len(conclusion_notice.issued_for(db, case_id)) for case_id in nominees] == [1, 1, 1]


def test_the_progress_counts_the_cases_read_then_the_notices_drawn_each_against_its_own_total(db, nominees):
    """120 cases with 3 holding a notice: the bar ran to 240 while reading, then to 237, neither true."""
    documents_data.conclusion_document(db, nominees[0], None, _writer(), issue=True)
    told = []
    notices.issue_notices(db, nominees, _writer(), lambda *step: told.append(step))
    assert told == [(0, 3, "Đang đọc hồ sơ thẩm tra: 0/3…"), (1, 3, "Đang đọc hồ sơ thẩm tra: 1/3…"),
                    (2, 3, "Đang đọc hồ sơ thẩm tra: 2/3…"), (0, 0, "Đang ghi số cho 2 thông báo…"),
                    (0, 2, "Đang tạo bản in: 0/2 thông báo…"), (1, 2, "Đang tạo bản in: 1/2 thông báo…"),
                    (2, 2, "Đang tạo bản in: 2/2 thông báo…")]


def test_a_drawing_failed_once_the_numbers_are_committed_is_told_with_the_numbers_issued(db, nominees):
    writer = _writer()
    writer.write_all = lambda contents, on_each: (_ for _ in ()).throw(OSError("hết bộ nhớ"))
    with pytest.raises(outgoing.NotWritten, match=r"Đã phát hành 3 văn bản \(số 01-TB/BTCTU, 02-TB/BTCTU, "
                                                  r"03-TB/BTCTU\) nhưng chưa tạo được bản in \(OSError\)"):
        notices.issue_notices(db, nominees, writer)
    assert [entry.status for entry in outgoing.register(db)] == ["issued"] * 3


def test_a_drawing_failed_tells_the_cases_done_and_skipped_with_the_numbers(db, nominees):
    """The officer told the numbers issued was not told which cases were skipped, nor why."""
    documents_data.conclusion_document(db, nominees[1], None, _writer(), issue=True)
    writer = _writer()
    writer.write_all = lambda contents, on_each: (_ for _ in ()).throw(OSError("hết bộ nhớ"))
    with pytest.raises(outgoing.NotWritten, match=r"Đã phát hành 2 văn bản \(số 02-TB/BTCTU, 03-TB/BTCTU\)") as raised:
        notices.issue_notices(db, nominees, writer)
    outcome = raised.value.outcome
    assert outcome.done == ["Nguyễn Văn Đức 000, sinh năm 1970 – Bầu cử", "Nguyễn Văn Đức 002, sinh năm 1970 – Bầu cử"]
    assert outcome.skipped == ["Nguyễn Văn Đức 001, sinh năm 1970 – Bầu cử: đã có thông báo kết luận số 01-TB/BTCTU "
                               "ngày 01/03/2026 (phát hành thêm từ cửa sổ của hồ sơ)"]


def test_the_cases_holding_a_notice_are_read_once_in_the_write_not_once_a_notice(db, monkeypatch):
    """Each of 120 notices asked, inside the write that holds every other officer's, whether its case held one:
    120 reads of every notice's content where one tells them all."""
    chosen = _nominees(db, LIST_OF)
    documents_data.conclusion_document(db, chosen[7], None, _writer(), issue=True)
    statements = []

    def counted(*args):
        statements.append(f"{args[2]} {args[3]}")

    event.listen(db.engine, "before_cursor_execute", counted)
    try:
        outcome, issued = notices.issue_notices(db, chosen, _writer())
    finally:
        event.remove(db.engine, "before_cursor_execute", counted)
    assert (len(issued), len(outcome.skipped)) == (LIST_OF - 1, 1)
    read = [statement for statement in statements if statement.lstrip().startswith("SELECT")
            and "FROM outgoing_documents" in statement and "case_id" in statement]
    assert len(read) == 2  # before the write, and in it
