"""Document numbers: continuous per type within a term, taken (committed) before the document is
written, then issued or spoiled — never given back, whatever the term settings say later."""

import datetime as dt
import json
import threading
import time

import pytest
from sqlalchemy import create_engine

from bvct_desktop.core import (
    audit,
    audit_actions,
    audit_chain,
    audit_words,
    documents_data,
    migrations,
    numbering,
    outgoing,
    party_terms,
    report_notes,
    setting_notes,
    settings,
    users,
    vault,
)
from bvct_desktop.core.errors import BusyError, InputError, PermissionDenied
from bvct_desktop.core.permissions import LEADER
from bvct_desktop.core.schema import document_numbers
from tests.conftest import ADMIN, PASSWORD

TERM, NEXT_TERM = dt.date(2025, 10, 1), dt.date(2030, 10, 1)
NOW = dt.datetime(2031, 1, 5, 8, 0)  # "today" for the numbers taken here: every date below is past
# The auditor's case: a report issued on 02/12/2026, then a term said to have begun on 01/11/2026.
AUDIT_DAY, LATE_TERM = dt.date(2026, 12, 2), dt.date(2026, 11, 1)
OFFICER, OFFICER_PASSWORD = "chuyenvien", "Chuyen-vien-2026"


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'plain.db'}")
    with engine.begin() as connection:
        migrations.upgrade(connection)
    return engine


def reserve(connection, term=TERM, on=dt.date(2026, 1, 5), doc_type=numbering.REPORT):
    return numbering.reserve(connection, doc_type, term, on, "kết quả công tác", "quantri", NOW).number


def test_numbers_run_on_within_a_type_and_a_term(engine):
    with engine.begin() as connection:
        assert [reserve(connection) for _ in range(3)] == [1, 2, 3]
        assert reserve(connection, doc_type="TTr") == 1
        assert reserve(connection, term=NEXT_TERM, on=dt.date(2030, 11, 1)) == 1
        assert [number for number, *_ in numbering.issued(connection, numbering.REPORT, TERM)] == [1, 2, 3]


def test_a_number_is_taken_in_its_callers_transaction(engine):
    with engine.begin() as connection:
        assert reserve(connection) == 1
    with pytest.raises(RuntimeError), engine.begin() as connection:
        assert reserve(connection) == 2
        raise RuntimeError("the document could not be written")
    with engine.begin() as connection:
        assert reserve(connection) == 2


def test_a_term_start_set_before_issued_documents_goes_on_after_their_numbers(engine):
    with engine.begin() as connection:
        assert reserve(connection, on=AUDIT_DAY) == 1  # taken in the term of 01/10/2025
        assert reserve(connection, term=LATE_TERM, on=AUDIT_DAY) == 2  # never 01 again
        with pytest.raises(InputError, match="trước ngày 02/12/2026 của văn bản số 02-BC"):  # nor dated before them
            reserve(connection, term=LATE_TERM, on=dt.date(2026, 11, 20))
        assert reserve(connection, term=LATE_TERM, on=dt.date(2026, 12, 20)) == 3
        assert reserve(connection, term=LATE_TERM, on=AUDIT_DAY, doc_type=numbering.LETTER) == 1


def test_a_new_term_begins_again_at_01_when_no_document_is_dated_in_it(engine):
    with engine.begin() as connection:
        assert [reserve(connection, on=dt.date(2026, 10, day)) for day in (1, 31)] == [1, 2]
        assert reserve(connection, term=LATE_TERM, on=dt.date(2026, 11, 3)) == 1
        assert reserve(connection, term=LATE_TERM, on=dt.date(2026, 11, 3)) == 2


def test_a_term_start_moved_later_than_issued_documents_leaves_them_before_it(engine):
    """Their numbers stay as issued; the term numbers from 01 on later days, so a number and a date
    still name one document."""
    later = dt.date(2026, 12, 10)
    with engine.begin() as connection:
        assert reserve(connection, on=AUDIT_DAY) == 1
        assert reserve(connection, term=later, on=dt.date(2026, 12, 15)) == 1


def test_a_number_taken_under_a_term_start_is_never_taken_again_under_it(engine):
    """Even one dated before that start (as an older copy of the register may hold)."""
    with engine.begin() as connection:
        connection.execute(document_numbers.insert().values(
            doc_type=numbering.REPORT, term_start=LATE_TERM, number=5, issued_on=dt.date(2026, 10, 20),
            subject="quý III", created_at=NOW, status=numbering.ISSUED))
        assert reserve(connection, term=LATE_TERM, on=AUDIT_DAY) == 6


def test_a_number_is_dated_from_the_last_date_of_its_series_to_today(engine):
    """Numbers follow the dates: a document is never dated before one numbered earlier, nor after today."""
    with engine.begin() as connection:
        assert reserve(connection, on=dt.date(2026, 6, 1), doc_type=numbering.LETTER) == 1
        assert reserve(connection, on=dt.date(2026, 6, 1), doc_type=numbering.LETTER) == 2  # the same day
        assert reserve(connection, on=dt.date(2026, 5, 4)) == 1  # each type has its own numbers
    with pytest.raises(InputError, match=r"Ngày văn bản 31/05/2026 trước ngày 01/06/2026 của văn bản số 02-CV "
                                         r"đã lấy số.*Chưa lấy số văn bản\."), engine.begin() as connection:
        reserve(connection, on=dt.date(2026, 5, 31), doc_type=numbering.LETTER)
    with pytest.raises(InputError, match=r"Ngày văn bản 06/01/2031 sau hôm nay \(05/01/2031\).*Chưa lấy số"), \
            engine.begin() as connection:
        reserve(connection, on=dt.date(2031, 1, 6), doc_type=numbering.LETTER)
    with engine.begin() as connection:
        assert reserve(connection, on=NOW.date(), doc_type=numbering.LETTER) == 3  # the refusals took none


def test_an_issue_before_the_term_began_is_refused(engine):
    with pytest.raises(InputError, match=r"trước ngày bắt đầu nhiệm kỳ .*Chưa lấy số văn bản\.$"), \
            engine.begin() as connection:
        reserve(connection, on=dt.date(2025, 9, 30))


@pytest.fixture
def db(tmp_path):
    from bvct_desktop.core import vault

    vault.create(tmp_path / "bvct.db", "quantri", "Hoa-sen-no-2025")
    opened = vault.unlock(tmp_path / "bvct.db", "quantri", "Hoa-sen-no-2025")
    yield opened
    opened.close()


def test_the_numbers_and_the_terms_named_read_the_one_setting_an_administrator_sets(db):
    """A term begins on each value of one setting: the numbers restart with it (`term_start`), the register
    names its terms by it (`party_terms`)."""
    assert settings.BY_KEY[numbering.TERM_START].label == "Ngày bắt đầu nhiệm kỳ"
    settings.set_setting(db, numbering.TERM_START, NEXT_TERM.isoformat(), NEXT_TERM)
    assert numbering.term_start(settings.list_settings(db, NEXT_TERM)) == NEXT_TERM
    assert numbering.term_start(settings.list_settings(db, NEXT_TERM - dt.timedelta(days=1))) == TERM
    with db.read() as connection:
        assert [term.start for term in party_terms.read_terms(connection)] == [TERM, NEXT_TERM]


def _statuses(db) -> list[tuple[int, str]]:
    with db.read() as connection:
        return [(number, status) for number, _, _, status in numbering.issued(connection, numbering.REPORT, TERM)]


def _taken(db, on: dt.date, subject: str) -> numbering.Reservation:
    with db.write() as connection:
        return numbering.take(db, connection, numbering.REPORT, TERM, on, subject, "BTCTU")


def test_a_document_that_fails_to_be_written_spoils_its_number_and_the_next_goes_on(db):
    first = _taken(db, dt.date(2026, 1, 5), "quý I")
    with numbering.issuing(db, first, "BTCTU"), db.write() as connection:
        numbering.confirm(connection, first.id)
    second = _taken(db, dt.date(2026, 1, 6), "quý II")
    assert second.number == 2
    with pytest.raises(OSError), numbering.issuing(db, second, "BTCTU"):
        raise OSError("the disk filled up while writing")
    third = _taken(db, dt.date(2026, 1, 7), "quý III")
    assert _statuses(db)[-1] == (3, numbering.RESERVED)  # taken, committed, before anything is written
    assert third.number == 3 and third.text("BTCTU") == "03-BC/BTCTU"
    assert _statuses(db) == [(1, numbering.ISSUED), (2, numbering.SPOILED), (3, numbering.RESERVED)]
    assert numbering.STATUS_LABELS[numbering.SPOILED] == "hỏng"


# The auditor's case through the services the report page and `report --issue` use, on either database.

PERIOD = ("from", "to")  # what the register reads of a report's figures: its period, for its retention


class Kept:
    """A report writer that keeps what it writes instead of a file."""

    encrypted = False

    def recipients(self, office) -> list[str]:
        return ["Lưu Văn phòng Ban."]

    def freeze(self, office, figures, notes, issue) -> outgoing.Content:
        return {"so": issue.number, "ngay": issue.on.isoformat(), "figures": {key: figures[key] for key in PERIOD}}

    def write(self, content: outgoing.Content) -> None:
        self.written = {key: content[key] for key in ("so", "ngay")}  # the number and date written


@pytest.fixture
def office(cli):
    opened = vault.unlock(cli.db, ADMIN, PASSWORD, clock=lambda: dt.datetime(2026, 12, 2, 8, 0))
    report_notes.save(opened, LATE_TERM, AUDIT_DAY, dict.fromkeys(report_notes.PARTS, "Đã viết."))
    yield opened
    opened.close()


def issue_report(db) -> documents_data.Issue:
    return documents_data.report_document(db, LATE_TERM, AUDIT_DAY, None, "kết quả công tác", Kept(), issue=True)


def reprinted(db, number: str, on: dt.date | None = None) -> outgoing.Content:
    kept = Kept()
    documents_data.reprint(db, number, on, kept.write, None)
    return kept.written


def test_a_term_start_set_in_the_past_never_issues_a_number_again(office):
    assert issue_report(office).text == "01-BC/BTCTU"
    settings.set_setting(office, "nhiem_ky_bat_dau", LATE_TERM.isoformat(), LATE_TERM)
    note = setting_notes.saved_note(office, "nhiem_ky_bat_dau", LATE_TERM.isoformat())
    assert "01/11/2026" in note and "02-BC" in note and "không đánh số lại từ 01" in note
    assert issue_report(office).text == "02-BC/BTCTU"
    assert reprinted(office, "01-BC/BTCTU") == {"so": 1, "ngay": "2026-12-02"}
    assert reprinted(office, "01-BC/BTCTU", AUDIT_DAY) == {"so": 1, "ngay": "2026-12-02"}
    assert reprinted(office, "02-BC/BTCTU", AUDIT_DAY) == {"so": 2, "ngay": "2026-12-02"}
    assert [entry.number_text for entry in outgoing.register(office)] == ["01-BC/BTCTU", "02-BC/BTCTU"]


def test_a_term_start_with_nothing_numbered_on_or_after_it_needs_no_note(office):
    assert issue_report(office).number == 1
    tomorrow = dt.date(2026, 12, 3)  # set to begin tomorrow from tomorrow: today's numbers still go on
    for key, value in (("nhiem_ky_bat_dau", tomorrow.isoformat()), ("co_quan", "BAN TỔ CHỨC TỈNH ỦY")):
        assert setting_notes.saved_note(office, key, value, tomorrow) is None



def test_a_number_typed_in_lower_case_finds_its_document(office):
    """«bvct documents print 01-bc/btctu» answered «Sổ văn bản đi không có văn bản số 01-bc/btctu.»"""
    issue_report(office)
    for typed in ("01-bc/btctu", "số 1-Bc/BtcTU", "Số 01 - BC / BTCTU"):
        assert reprinted(office, typed) == {"so": 1, "ngay": "2026-12-02"}

# A number left "đang ghi" by an issue cut short, settled by writing its document again.

def left_unconfirmed(db, number: int) -> None:
    """The state a kill right after the file is in place leaves (tests/faults/test_document_numbers.py)."""
    with db.write() as connection:
        connection.execute(document_numbers.update().values(status=numbering.RESERVED)
                           .where(document_numbers.c.number == number))
        db.audit(connection, "giữ số văn bản")  # the office server refuses a change without an entry


def issues_audited(db) -> list[str]:
    return [entry.details for entry in audit.list_entries(db) if entry.action == "phát hành văn bản"]


def test_a_number_left_unconfirmed_is_issued_once_a_user_who_may_issue_writes_its_document_again(office, tmp_path):
    issue_report(office)
    left_unconfirmed(office, 1)
    kept = Kept()
    assert documents_data.reprint(office, "01-BC/BTCTU", None, kept.write, None)[1] is None  # a preview settles nothing
    assert [entry.status for entry in outgoing.register(office)] == [numbering.RESERVED]
    entry, note = documents_data.reprint(office, "01-BC/BTCTU", None, kept.write, tmp_path / "so-01.docx", "docx")
    assert entry.status == numbering.ISSUED and kept.written == {"so": 1, "ngay": "2026-12-02"}
    assert note == "Số 01-BC/BTCTU (trước đây «đang ghi (chưa xác nhận)») nay «đã phát hành»."
    assert [entry.status for entry in outgoing.register(office)] == [numbering.ISSUED]
    issued = issues_audited(office)
    assert len(issued) == 2 and json.loads(issued[1])["tep"] == str((tmp_path / "so-01.docx").resolve())
    assert '"so_van_ban": "01-BC/BTCTU"' in issued[1]
    assert documents_data.reprint(office, "01-BC/BTCTU", None, kept.write, tmp_path / "so-01.pdf") == (entry, None)
    assert len(issues_audited(office)) == 2  # issued once: a later copy is only a print


@pytest.fixture
def officer(office, cli, tmp_path):
    """A chuyên viên (who may print, not issue) on the office with a report whose issue was cut short."""
    issue_report(office)
    left_unconfirmed(office, 1)
    secret = tmp_path / "pw"
    secret.write_text(OFFICER_PASSWORD, encoding="utf-8")
    assert cli("users", "add", OFFICER, "--role", "chuyen-vien", "--new-password-file", secret)[0] == 0
    opened = vault.unlock(cli.db, OFFICER, OFFICER_PASSWORD)
    yield opened
    opened.close()


def test_a_copy_by_an_officer_who_may_not_issue_leaves_the_number_unconfirmed(office, officer, tmp_path):
    entry, note = documents_data.reprint(officer, "01-BC/BTCTU", None, Kept().write, tmp_path / "so-01.pdf")
    assert entry.status == numbering.RESERVED
    assert note == ("Số 01-BC/BTCTU vẫn «đang ghi (chưa xác nhận)»: số được xác nhận đã phát hành khi người có "
                    "quyền phát hành văn bản in lại văn bản này.")
    assert [entry.status for entry in outgoing.register(office)] == [numbering.RESERVED]
    assert len(issues_audited(office)) == 1


def test_a_number_left_unconfirmed_whose_document_will_not_be_issued_is_marked_spoiled_with_its_reason(office):
    issue_report(office)
    left_unconfirmed(office, 1)
    entry = outgoing.register(office)[0]
    with pytest.raises(InputError, match="Hãy ghi lý do"):
        outgoing.spoil(office, entry, "  ")
    spoiled = outgoing.spoil(office, entry, "Lãnh đạo Ban không ký, văn bản không ban hành")
    assert spoiled.status == numbering.SPOILED and spoiled.status_label == "hỏng"
    marked = [entry for entry in audit.list_entries(office) if entry.action == "đánh dấu hỏng số văn bản"]
    assert len(marked) == 1 and "Lãnh đạo Ban không ký" in marked[0].details
    with pytest.raises(InputError, match="không in lại được"):
        reprinted(office, "01-BC/BTCTU")
    with pytest.raises(InputError, match="chỉ số của lần phát hành bị ngắt"):  # once, and never an issued one
        outgoing.spoil(office, spoiled, "lần nữa")
    assert issue_report(office).text == "02-BC/BTCTU"  # the spoiled number is never given again


def test_only_a_user_who_may_issue_marks_a_number_spoiled(office, officer):
    with pytest.raises(PermissionDenied):
        outgoing.spoil(officer, outgoing.register(officer)[0], "không ban hành")
    assert [entry.status for entry in outgoing.register(office)] == [numbering.RESERVED]


# A number issued while the PC's clock was ahead: it would hold up every later number of its type.

AHEAD, PUT_RIGHT = dt.datetime(2027, 11, 5, 9, 0), dt.datetime(2026, 11, 6, 9, 0)


@pytest.fixture
def clock_ahead(cli):
    """The office whose first report, 01-BC, was issued on «05/11/2027», the PC's clock a year ahead, its
    clock since put right (06/11/2026)."""
    from tests.clocks import FakeClock

    clock = FakeClock(AHEAD)
    opened = vault.unlock(cli.db, ADMIN, PASSWORD, clock=clock)
    report_notes.save(opened, LATE_TERM, AUDIT_DAY, dict.fromkeys(report_notes.PARTS, "Đã viết."))
    assert issue_report(opened).text == "01-BC/BTCTU"
    clock.now = PUT_RIGHT
    yield opened
    opened.close()


def test_a_number_dated_after_today_is_refused_with_its_likely_cause_and_the_way_out(clock_ahead):
    with pytest.raises(InputError) as refused:
        issue_report(clock_ahead)
    assert refused.value.message == (
        "Ngày văn bản 06/11/2026 trước ngày 05/11/2027 của văn bản số 01-BC đã lấy số, mà ngày ấy sau hôm nay "
        "(06/11/2026): có thể ngày giờ của máy tính đang sai, hoặc số 01-BC đã được lấy khi ngày giờ của máy tính "
        "bị sai. Hãy kiểm tra ngày giờ của máy tính; nếu ngày giờ đúng, quản trị viên đánh dấu hỏng số 01-BC (trang "
        "Văn bản đã phát hành của BVCT Desktop, ghi rõ lý do) để các văn bản tiếp theo lấy số sau số ấy. Chưa lấy số "
        "văn bản.")


def test_an_administrator_marks_a_number_dated_after_today_spoiled_and_the_numbers_go_on(clock_ahead):
    [entry] = outgoing.register(clock_ahead)
    assert outgoing.may_spoil(clock_ahead, entry)
    spoiled = outgoing.spoil(clock_ahead, entry, "Máy tính để sai năm 2027 khi phát hành")
    assert spoiled.status == numbering.SPOILED and spoiled.issued_on == AHEAD.date()  # kept as it was issued
    [marked] = [entry for entry in audit.list_entries(clock_ahead) if entry.action == "đánh dấu hỏng số văn bản"]
    assert "Máy tính để sai năm 2027" in marked.details and '"tinh_trang_truoc": "đã phát hành"' in marked.details
    assert issue_report(clock_ahead) == documents_data.Issue(2, PUT_RIGHT.date(), "02-BC/BTCTU")  # 01 never again
    [issued_today] = [entry for entry in outgoing.register(clock_ahead) if entry.number == 2]
    assert not outgoing.may_spoil(clock_ahead, issued_today)
    with pytest.raises(InputError, match=r"ghi ngày 06/11/2026, không sau hôm nay"):
        outgoing.spoil(clock_ahead, issued_today, "nhầm")


def test_only_an_administrator_marks_an_issued_number_spoiled(clock_ahead, cli, tmp_path):
    secret = tmp_path / "pw"
    secret.write_text(OFFICER_PASSWORD, encoding="utf-8")
    assert cli("users", "add", "lanhdao", "--role", "lanh-dao", "--new-password-file", secret)[0] == 0
    leader = vault.unlock(cli.db, "lanhdao", OFFICER_PASSWORD, clock=clock_ahead.clock)
    try:
        [entry] = outgoing.register(leader)
        assert not outgoing.may_spoil(leader, entry)
        with pytest.raises(PermissionDenied):
            outgoing.spoil(leader, entry, "Máy tính để sai năm 2027")
    finally:
        leader.close()
    assert [entry.status for entry in outgoing.register(clock_ahead)] == [numbering.ISSUED]


@pytest.mark.parametrize(("authority", "title", "written"), [
    ("TRƯỞNG BAN", "Trưởng ban", "TRƯỞNG BAN Phạm Văn Mới"),
    ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN Phạm Văn Mới"),
], ids=["head", "deputy"])
def test_the_register_writes_a_title_set_in_both_signature_lines_once(authority, title, written):
    office = {"quyen_ky": authority, "chuc_vu_ky": title, "nguoi_ky": "Phạm Văn Mới"}
    assert outgoing.signer_of(office) == written


def test_officers_issuing_at_the_same_moment_never_get_the_same_number(cli):
    """Four officers (leaders, who may issue) on one database — the office server on its pass — each
    issue letters while the others do: every number is taken once, and they run on without a gap."""
    admin = vault.unlock(cli.db, ADMIN, PASSWORD, clock=lambda: NOW)
    names = [f"lanhdao{index}" for index in range(4)]
    for name in names:
        users.add(admin, name, LEADER, OFFICER_PASSWORD)
    office, start, taken = settings.list_settings(admin, NOW.date()), threading.Barrier(len(names)), []

    def officer(name: str) -> None:
        db = vault.unlock(cli.db, name, OFFICER_PASSWORD, clock=lambda: NOW, busy_timeout_ms=60_000)
        start.wait()
        try:
            for _ in range(3):
                letter = outgoing.Document(numbering.LETTER, outgoing.REMINDER, "V/v đôn đốc", office, [], NOW.date(),
                                           lambda number: {"so": number}, {})
                taken.append(outgoing.issue(db, letter, lambda content: None).number)
        finally:
            db.close()

    threads = [threading.Thread(target=officer, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(taken) == list(range(1, 13))
    assert sorted(entry.number for entry in outgoing.register(admin)) == list(range(1, 13))
    admin.close()


def test_the_last_numbers_of_a_term_are_the_ones_its_next_numbers_follow_per_type(engine):
    """What a restore tells the administrator to check against the paper register: per type, the
    highest number taken in the term with its date, spoiled ones too (never taken again)."""
    with engine.begin() as connection:
        for day in (5, 6, 7):
            reserve(connection, on=dt.date(2026, 1, day))
        numbering.spoil(connection, connection.execute(
            document_numbers.select().where(document_numbers.c.number == 3)).first().id)
        reserve(connection, on=dt.date(2026, 2, 3), doc_type=numbering.LETTER)
        reserve(connection, term=NEXT_TERM, on=dt.date(2030, 11, 1))
        assert numbering.last_taken(connection, TERM) == [(numbering.REPORT, 3, dt.date(2026, 1, 7)),
                                                          (numbering.LETTER, 1, dt.date(2026, 2, 3))]
        assert numbering.last_taken(connection, NEXT_TERM) == [(numbering.REPORT, 1, dt.date(2030, 11, 1))]


# Numbers used outside the program: on a PC lost after its last backup, or by hand on paper.

def test_numbers_recorded_as_used_outside_the_program_are_followed_by_the_next(engine):
    with engine.begin() as connection:
        reserve(connection, on=dt.date(2026, 1, 5))
        outside, first = numbering.used_outside(connection, numbering.REPORT, TERM, 7, dt.date(2026, 1, 9),
                                                "cấp trên máy cũ", "quantri", NOW)
        assert (first, outside.number, outside.issued_on) == (2, 7, dt.date(2026, 1, 9))
        assert numbering.next_number(connection, numbering.REPORT, TERM) == 8
        assert numbering.last_taken(connection, TERM) == [(numbering.REPORT, 7, dt.date(2026, 1, 9))]
        with pytest.raises(InputError, match="trước ngày 09/01/2026 của văn bản số 07-BC"):  # numbers follow dates
            reserve(connection, on=dt.date(2026, 1, 8))
        assert reserve(connection, on=dt.date(2026, 1, 9)) == 8
        assert [status for *_, status in numbering.issued(connection, numbering.REPORT, TERM)] == [
            numbering.RESERVED, numbering.OUTSIDE, numbering.RESERVED]
    assert numbering.STATUS_LABELS[numbering.OUTSIDE] == "đã cấp ngoài chương trình"


OUTSIDE_REASON = "Cấp trên máy cũ (hỏng ổ cứng) sau bản sao lưu ngày 20/11/2026, theo sổ đăng ký bản giấy"


def used_outside(db, last: int, on: dt.date = AUDIT_DAY, doc_type: str = numbering.REPORT) -> outgoing.Issued:
    return outgoing.used_outside(db, doc_type, last, on, OUTSIDE_REASON)


def recorded_outside(db) -> list[audit.Entry]:
    return [entry for entry in audit.list_entries(db)
            if entry.action == audit_actions.NUMBERS_USED_OUTSIDE and entry.outcome == audit_chain.OK]


def register_lines(db) -> list[tuple[str, str, str]]:
    return [(entry.number_text, entry.status_label, entry.subject) for entry in outgoing.register(db)]


def test_numbers_used_outside_the_program_are_in_the_register_and_the_next_document_follows_them(office):
    assert issue_report(office).text == "01-BC/BTCTU"
    recorded = used_outside(office, 5)
    assert (recorded.number_text, recorded.issued_on, recorded.kind) == ("05-BC/BTCTU", AUDIT_DAY, outgoing.REPORT)
    assert register_lines(office)[1] == ("05-BC/BTCTU", "đã cấp ngoài chương trình",
                                         f"Số 02 đến 05 cấp ngoài chương trình: {OUTSIDE_REASON}")
    assert issue_report(office).text == "06-BC/BTCTU"
    assert used_outside(office, 1, doc_type=numbering.LETTER).subject == (
        f"Số 01 cấp ngoài chương trình: {OUTSIDE_REASON}")
    with pytest.raises(InputError, match="«đã cấp ngoài chương trình»: văn bản không có trong chương trình, không in"):
        reprinted(office, "05-BC/BTCTU")
    assert [line.split("\t")[-1] for line in outgoing.entries_text(outgoing.register(office))] == [
        "đã phát hành", "đã cấp ngoài chương trình", "đã phát hành", "đã cấp ngoài chương trình"]


def test_the_numbers_used_outside_are_audited_with_their_range_date_and_reason(office):
    issue_report(office)
    used_outside(office, 5)
    [entry] = recorded_outside(office)
    assert entry.action == "ghi số văn bản đã cấp ngoài chương trình"
    assert audit_words.cells(entry)[audit_words.DETAILS_COLUMN] == (
        f"Lý do: «{OUTSIDE_REASON}»; Số văn bản: 05-BC/BTCTU; Ngày văn bản: 02/12/2026; Từ số: 02-BC/BTCTU")


def test_the_number_the_next_document_takes_is_told_with_the_office_s_symbol(office):
    """What the dialog of numbers used outside tells as the least to record."""
    assert outgoing.following(office, numbering.REPORT, AUDIT_DAY) == (1, "BTCTU")
    issue_report(office)
    used_outside(office, 5)
    assert outgoing.following(office, numbering.REPORT, AUDIT_DAY) == (6, "BTCTU")
    assert outgoing.following(office, numbering.LETTER, AUDIT_DAY) == (1, "BTCTU")


@pytest.mark.parametrize(("last", "told"), [
    (3, "Số 03-BC không sau số cuối đã lấy của loại văn bản này trong nhiệm kỳ (05-BC): số văn bản chỉ đi tiếp, "
        "số tiếp theo là 06-BC. Chưa ghi gì."),
    (5, "Số 05-BC không sau số cuối đã lấy của loại văn bản này trong nhiệm kỳ (05-BC): số văn bản chỉ đi tiếp, "
        "số tiếp theo là 06-BC. Chưa ghi gì.")])
def test_a_number_not_above_the_last_taken_is_refused_and_nothing_changes(office, last, told):
    issue_report(office)
    used_outside(office, 5)
    before = register_lines(office)
    with pytest.raises(InputError) as refused:
        used_outside(office, last)
    assert refused.value.message == told
    assert register_lines(office) == before
    assert len(recorded_outside(office)) == 1
    assert issue_report(office).text == "06-BC/BTCTU"


def test_numbers_used_outside_need_a_reason_and_a_date_the_numbers_may_take(office):
    issue_report(office)
    with pytest.raises(InputError, match="Hãy ghi lý do"):
        outgoing.used_outside(office, numbering.REPORT, 5, AUDIT_DAY, "  ")
    with pytest.raises(InputError, match="sau hôm nay"):
        used_outside(office, 5, AUDIT_DAY + dt.timedelta(days=1))
    with pytest.raises(InputError, match="trước ngày 02/12/2026 của văn bản số 01-BC"):
        used_outside(office, 5, dt.date(2026, 11, 30))
    assert [line[0] for line in register_lines(office)] == ["01-BC/BTCTU"]


@pytest.mark.parametrize("on", [AUDIT_DAY + dt.timedelta(days=1), dt.date(2026, 11, 30)])
def test_a_date_refused_while_recording_numbers_used_outside_says_nothing_was_recorded(office, on):
    """No number is taken in this flow: its refusals end as its others do."""
    issue_report(office)
    with pytest.raises(InputError) as refused:
        used_outside(office, 5, on)
    assert refused.value.message.endswith(". Chưa ghi gì.") and "Chưa lấy số" not in refused.value.message


@pytest.mark.parametrize("role", ["xem", "chuyen-vien"])
def test_only_a_user_who_may_issue_records_numbers_used_outside(office, cli, tmp_path, role):
    secret = tmp_path / "pw"
    secret.write_text(OFFICER_PASSWORD, encoding="utf-8")
    assert cli("users", "add", OFFICER, "--role", role, "--new-password-file", secret)[0] == 0
    other = vault.unlock(cli.db, OFFICER, OFFICER_PASSWORD, clock=lambda: dt.datetime(2026, 12, 2, 8, 0))
    try:
        with pytest.raises(PermissionDenied):
            used_outside(other, 5)
        with pytest.raises(PermissionDenied):  # the dialog's first read, before anything is typed
            outgoing.following(other, numbering.REPORT, AUDIT_DAY)
    finally:
        other.close()
    assert register_lines(office) == []
    assert issue_report(office).text == "01-BC/BTCTU"


def test_a_document_written_while_another_officer_starts_a_long_write_is_issued_once_they_are_done(cli):
    """The letter is written (the officer may sign it) as another officer starts an import: its number,
    refused confirmation past the busy time, was marked «hỏng» — a signed letter under a spoiled number —
    or left «đang ghi», and the officer told to try again."""
    issuer = vault.unlock(cli.db, ADMIN, PASSWORD, clock=lambda: NOW, busy_timeout_ms=200)
    importer = vault.unlock(cli.db, ADMIN, PASSWORD, clock=lambda: NOW)
    office, holding, importing = settings.list_settings(issuer, NOW.date()), threading.Event(), []

    def long_import() -> None:
        with importer.write():
            holding.set()
            time.sleep(1)

    def written(content) -> None:  # the letter on paper; then the other officer's import begins
        importing.append(threading.Thread(target=long_import))
        importing[0].start()
        holding.wait()

    try:
        issued = outgoing.issue(issuer, outgoing.Document(numbering.LETTER, outgoing.REMINDER, "V/v đôn đốc",
                                                          office, [], NOW.date(), lambda number: {"so": number}, {}),
                                written)
        importing[0].join()
        assert issued.number == 1 and issued.status == numbering.ISSUED
        assert [(entry.number, entry.status) for entry in outgoing.register(issuer)] == [(1, numbering.ISSUED)]
    finally:
        issuer.close()
        importer.close()


def test_a_number_whose_confirmation_is_refused_as_busy_at_once_is_tried_again_after_pauses_not_in_a_spin(
        office, monkeypatch):
    """The server refuses a deadlock (40P01) or a serialisation failure (40001) at once, as busy."""
    confirm, refused, slept = numbering.confirm, [], []

    def busy_three_times(connection, number_id):
        if len(refused) < 3:
            refused.append(number_id)
            raise BusyError("Cơ sở dữ liệu đang bận.")
        return confirm(connection, number_id)

    monkeypatch.setattr(numbering, "confirm", busy_three_times)
    monkeypatch.setattr(outgoing, "sleep", slept.append)
    assert issue_report(office).text == "01-BC/BTCTU"
    assert slept == [outgoing.CONFIRM_PAUSE_S] * 3
    assert [entry.status for entry in outgoing.register(office)] == [numbering.ISSUED]


def test_a_confirmation_refused_as_busy_for_longer_than_the_wait_is_given_up_with_the_refusal(office, monkeypatch):
    """Tries go on, a pause apart, until CONFIRM_WAIT_S have passed on the monotonic clock, then the
    refusal is the officer's: the number is not confirmed by a spin that never ends."""
    clock = [0.0]

    def busy(connection, number_id):
        raise BusyError("Cơ sở dữ liệu đang bận.")

    def pause(seconds):
        clock[0] += seconds

    monkeypatch.setattr(numbering, "confirm", busy)
    monkeypatch.setattr(outgoing, "monotonic", lambda: clock[0])
    monkeypatch.setattr(outgoing, "sleep", pause)
    with pytest.raises(BusyError):
        issue_report(office)
    assert clock[0] == pytest.approx(outgoing.CONFIRM_WAIT_S + outgoing.CONFIRM_PAUSE_S)
