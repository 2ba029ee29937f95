"""Complaints: the cadre's file a letter is linked to, kept through edits, chosen by the officer,
and found when the cadre is entered after the letter."""

import datetime as dt

import pytest
from sqlalchemy import event

from bvct_desktop.core import browse, editing, importing, recycle_bin, vault
from bvct_desktop.core.kinds import CADRES, COMPLAINTS
from bvct_desktop.core.personfile import letters
from bvct_desktop.core.schema import cadres, complaints, slips
from tests.conftest import ADMIN, PASSWORD
from tests.rows_sheet import rows_sheet

HEADERS = ["Ngày nhận", "Người gửi", "Loại đơn", "Họ và tên người bị phản ánh", "Nội dung tóm tắt"]
LETTER = {"received_on": "01/03/2026", "sender": "Nặc danh", "complaint_kind": "Tố cáo",
          "subject_name": "Võ Thị Mai", "summary": "Nhận quà biếu"}


@pytest.fixture
def db(cli):
    database = vault.unlock(cli.db, ADMIN, PASSWORD)
    yield database
    database.close()


def _cadre(db, full_name: str, birth_date: str, home_town: str) -> int:
    """The person of a cadre saved on the form."""
    cadre = editing.save(db, "cadres", {"full_name": full_name, "birth_date": birth_date, "home_town": home_town})
    with db.read() as connection:
        return connection.execute(cadres.select().with_only_columns(cadres.c.person_id)
                                  .where(cadres.c.id == cadre)).scalar_one()


def _linked(db, letter: int) -> int | None:
    with db.read() as connection:
        return connection.execute(complaints.select().with_only_columns(complaints.c.person_id)
                                  .where(complaints.c.id == letter)).scalar_one()


def _import(db, kind, rows: list[list]) -> importing.ImportResult:
    headers = HEADERS if kind is COMPLAINTS else ["Họ và tên", "Ngày sinh", "Quê quán"]
    result = importing.import_sheet(db, kind, rows_sheet([headers, *rows]))
    assert result.ok, result.problems
    return result


def test_an_edit_keeps_the_link_when_a_namesake_cadre_is_entered(db):
    """Complaint #7 about Võ Thị Mai was linked; a second cadre Võ Thị Mai came; the officer typed a result
    and saved: the letter lost its link and left her «Đơn thư» tab."""
    mai = _cadre(db, "Võ Thị Mai", "1980", "Hàm Tiến")
    letter = editing.save(db, "complaints", LETTER)
    assert _linked(db, letter) == mai
    _cadre(db, "Võ Thị Mai", "1995", "Hàm Mỹ")
    editing.save(db, "complaints", {**LETTER, "result": "Đang xác minh"}, letter)
    assert _linked(db, letter) == mai
    stored = editing.load(db, "complaints", letter)
    editing.save(db, "complaints", {**stored, "result": "Đã xác minh"}, letter, stored["person_id"])
    assert _linked(db, letter) == mai
    assert _import(db, COMPLAINTS, [[*LETTER.values()]]).counts["unchanged"] == 1
    assert _linked(db, letter) == mai


def test_the_officer_chooses_which_of_two_namesakes_a_letter_is_about(db):
    first = _cadre(db, "Võ Thị Mai", "1980", "Hàm Tiến")
    second = _cadre(db, "Võ Thị Mai", "1995", "Hàm Mỹ")
    assert [facts.person_id for facts in editing.cadres_named(db, "Võ Thị  Mai")] == [first, second]
    letter = editing.save(db, "complaints", LETTER)
    assert _linked(db, letter) is None  # the name alone tells neither
    editing.save(db, "complaints", LETTER, letter, second)
    assert _linked(db, letter) == second
    editing.save(db, "complaints", LETTER, letter, editing.NOBODY)  # about someone who is not a cadre after all
    assert _linked(db, letter) is None
    editing.save(db, "complaints", {**LETTER, "result": "Không có cơ sở"}, letter)
    assert _linked(db, letter) is None


def test_the_form_is_told_the_namesakes_and_the_person_a_letter_is_linked_to(db):
    mai = _cadre(db, "Võ Thị Mai", "1980", "Hàm Tiến")
    assert editing.cadres_named(db, "Võ Thị Lan") == []
    linked = editing.person_facts(db, mai)
    assert linked.description.startswith("Võ Thị Mai, sinh 1980") and linked.known == ["cán bộ"]


def test_a_letter_two_namesakes_may_be_about_is_in_both_their_files_until_the_officer_chooses(db):
    """Tour: a denunciation of «Lê Văn Bình», Bí thư Đảng ủy xã, came while the office had two cadres of that name;
    it was linked to neither, so neither file's «Đơn thư» tab showed it («Chưa có đơn thư nào»)."""
    first = _cadre(db, "Võ Thị Mai", "1980", "Hàm Tiến")
    second = _cadre(db, "Võ Thị Mai", "1995", "Hàm Mỹ")
    unlinked = editing.save(db, "complaints", {**LETTER, "subject_name": "VÕ THỊ  MAI"})
    other = editing.save(db, "complaints", {**LETTER, "subject_name": "Võ Thị Lan"})

    def in_file(person: int) -> list[int]:
        return browse.record_ids(db, "complaints", filters=browse.Filters(person_id=person), today=dt.date(2026, 3, 9))

    assert in_file(first) == in_file(second) == [unlinked]
    with db.read() as connection:  # what a vetting case of either weighs before its conclusion
        assert [letter["id"] for letter in letters.about(connection, first, dt.date(2026, 3, 9))] == [unlinked]
    editing.save(db, "complaints", LETTER, unlinked, second)
    assert (in_file(first), in_file(second)) == ([], [unlinked])
    assert other not in in_file(first) + in_file(second)
    lan = _cadre(db, "Võ Thị Lan", "1990", "Hàm Tiến")  # the one cadre of her name, not the Lan the letter means
    editing.save(db, "complaints", {**LETTER, "subject_name": "Võ Thị Lan"}, other, editing.NOBODY)
    assert in_file(lan) == []


def test_a_letter_waiting_among_namesake_cadres_is_not_in_the_file_of_a_namesake_who_is_no_cadre(db):
    """A letter is linked to a cadre's file only: a slip's subject of the name (a relative, a nominee) is not among
    those it may be about."""
    _cadre(db, "Võ Thị Mai", "1980", "Hàm Tiến")
    _cadre(db, "Võ Thị Mai", "1995", "Hàm Mỹ")
    unlinked = editing.save(db, "complaints", {**LETTER, "subject_name": "Võ Thị Mai"})
    slip = editing.save(db, "slips", {"number": "1/PXM", "issued_on": "02/03/2026", "full_name": "Võ Thị Mai",
                                      "birth_date": "1950", "recipient": "Cục A93B – Bộ Công an"})
    with db.read() as connection:
        subject = connection.execute(slips.select().with_only_columns(slips.c.person_id)
                                     .where(slips.c.id == slip)).scalar_one()
        assert letters.unlinked_naming(connection, subject) == []
    assert unlinked not in browse.record_ids(db, "complaints", filters=browse.Filters(person_id=subject),
                                             today=dt.date(2026, 3, 9))


def test_a_letter_in_the_recycle_bin_waits_in_no_file(db):
    mai = _cadre(db, "Võ Thị Mai", "1980", "Hàm Tiến")
    _cadre(db, "Võ Thị Mai", "1995", "Hàm Mỹ")
    binned = editing.save(db, "complaints", {**LETTER, "subject_name": "Võ Thị Mai"})
    recycle_bin.delete(db, "complaints", binned)
    assert letters.waiting_in_file(db, mai) == set()


def test_an_import_tells_the_letters_about_a_name_two_cadres_share(db):
    _cadre(db, "Võ Thị Mai", "1980", "Hàm Tiến")
    _cadre(db, "Võ Thị Mai", "1995", "Hàm Mỹ")
    result = _import(db, COMPLAINTS, [[*LETTER.values()]])
    [line] = [line for line in result.extra_lines() if line.startswith("Đơn chưa gắn hồ sơ cán bộ")]
    assert line == ("Đơn chưa gắn hồ sơ cán bộ (nhiều cán bộ cùng họ tên; chọn người trên biểu mẫu đơn): "
                    "1: Võ Thị Mai (nhận ngày 01/03/2026)")


def test_a_letter_received_before_the_cadre_is_linked_when_the_cadre_is_entered(db):
    letter = editing.save(db, "complaints", LETTER)
    other = editing.save(db, "complaints", {**LETTER, "subject_name": "Đinh Văn Tài"})
    assert _linked(db, letter) is None
    result = _import(db, CADRES, [["Võ Thị Mai", "1980", "Hàm Tiến"], ["Đinh Văn Tài", "1975", "Mũi Né"],
                                  ["Đinh Văn Tài", "1990", "La Gi"]])
    with db.read() as connection:
        mai = connection.execute(cadres.select().with_only_columns(cadres.c.person_id)
                                 .order_by(cadres.c.id)).scalars().first()
    assert _linked(db, letter) == mai
    assert _linked(db, other) is None  # two cadres of that name: neither
    assert result.extra_lines() == ["Đơn thư gắn với hồ sơ cán bộ vừa thêm: 1: Võ Thị Mai (nhận ngày 01/03/2026)"]
    _cadre(db, "Đinh Văn Tài", "1960", "Phan Thiết")
    assert _linked(db, other) is None


def test_a_cadre_saved_on_the_form_takes_the_letters_about_that_name(db):
    letter = editing.save(db, "complaints", LETTER)
    mai = _cadre(db, "Võ Thị Mai", "1980", "Hàm Tiến")
    assert _linked(db, letter) == mai


def test_a_file_shows_the_letters_waiting_under_any_spelling_of_the_name_and_no_other(db):
    """The letters waiting in a namesake's file are those naming her however the name was typed (case, spaces, a
    full stop after it), not those linked to a file, in the recycle bin or naming someone else."""
    mai = _cadre(db, "Võ Thị Mai", "1980", "Hàm Tiến")
    other_mai = _cadre(db, "Võ Thị Mai", "1995", "Hàm Mỹ")
    spellings = [editing.save(db, "complaints", {**LETTER, "subject_name": name, "summary": f"Đơn {at}"})
                 for at, name in enumerate(["Võ Thị Mai", "VÕ THỊ  MAI", "võ thị mai.", " Võ  Thị Mai "])]
    editing.save(db, "complaints", {**LETTER, "summary": "Đã gắn"}, None, other_mai)
    binned = editing.save(db, "complaints", {**LETTER, "summary": "Trong thùng rác"})
    recycle_bin.delete(db, "complaints", binned)
    editing.save(db, "complaints", {**LETTER, "subject_name": "Võ Thị Mại", "summary": "Tên khác"})
    editing.save(db, "complaints", {**LETTER, "subject_name": None, "summary": "Không ghi tên"})

    assert letters.waiting_in_file(db, mai) == letters.waiting_in_file(db, other_mai) == set(spellings)
    with db.read() as connection:
        assert sorted(letters.unlinked_naming(connection, mai)) == spellings


def test_a_files_letters_are_read_in_one_statement_however_many_letters_wait(db):
    """Opening a file read every letter linked to no one and compared its name in Python, each time: with 20,000
    letters and 5,000 cadres, about 0.2 s a file. The waiting letters are found by the database, in the statement
    that reads the file's letters."""
    mai = _cadre(db, "Võ Thị Mai", "1980", "Hàm Tiến")
    _cadre(db, "Võ Thị Mai", "1995", "Hàm Mỹ")
    waiting = editing.save(db, "complaints", LETTER)
    _import(db, COMPLAINTS, [["02/03/2026", "Nặc danh", "Phản ánh", f"Người Thứ {n}", "Nhận quà"] for n in range(50)])

    sent = []

    def counted(*args) -> None:
        sent.append(args[2])

    event.listen(db.engine, "before_cursor_execute", counted)
    try:
        with db.read() as connection:
            about = [letter["id"] for letter in letters.about(connection, mai, dt.date(2026, 3, 9))]
        marked = letters.waiting_in_file(db, mai)
    finally:
        event.remove(db.engine, "before_cursor_execute", counted)
    assert (about, marked) == ([waiting], {waiting})
    assert sum("FROM complaints" in statement for statement in sent) == 2  # one for each
    assert sum(statement.lstrip().startswith("SELECT") for statement in sent) == 3  # and the account's check


def test_a_cadre_entered_reads_only_the_letters_naming_them(db):
    """Each save or import adding cadres read every letter linked to no one and compared its name in Python: a
    form's save of one cadre read all 20,000 letters waiting. Only the letters giving the name of a cadre just
    entered (under any spelling) are read, by the key of that name."""
    naming = [editing.save(db, "complaints", {**LETTER, "subject_name": name, "summary": f"Đơn {at}"})
              for at, name in enumerate(["Võ Thị Mai", "VÕ THỊ  MAI"])]
    _import(db, COMPLAINTS, [["02/03/2026", "Nặc danh", "Phản ánh", f"Người Thứ {n}", "Nhận quà"] for n in range(50)])
    read = []

    def counted(connection, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().startswith("SELECT complaints.id"):  # the letters' rows, not max(id)
            again = cursor.connection.cursor()
            again.execute(statement, parameters)
            read.extend(row[0] for row in again.fetchall())

    event.listen(db.engine, "before_cursor_execute", counted)
    try:
        mai = _cadre(db, "Võ Thị Mai", "1980", "Hàm Tiến")
    finally:
        event.remove(db.engine, "before_cursor_execute", counted)
    assert [_linked(db, letter) for letter in naming] == [mai, mai]
    assert sorted(read) == naming
