"""Register queries: Vietnamese name order, filters, the recycle bin and rows fetched by id."""

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import event, func, select

from bvct_desktop.core import (
    audit_chain,
    browse,
    deadlines,
    editing,
    permissions,
    recipients,
    recycle_bin,
    register_search,
    search,
    settings,
    users,
)
from bvct_desktop.core.collation import name_sort_key
from bvct_desktop.core.errors import PermissionDenied
from bvct_desktop.core.personfile import cases, issues, relatives
from bvct_desktop.core.personfile.foreign import FOREIGN_ELEMENTS, RELATIVE_ABROAD
from bvct_desktop.core.personfile.notes import RELATIVE
from bvct_desktop.core.personfile.political import POLITICAL_NOTES
from bvct_desktop.core.schema import audit_log, cadres, persons, slips
from bvct_desktop.core.schema import relatives as relatives_table
from tests.sample_db import viewer_database
from tests.samples import SAMPLES

REFERENCE_ORDER = ["Đỗ Văn An", "Nguyễn Văn An", "Lê Thị Ánh", "Võ Thị Ăn", "Phạm Thị Ân",
                   "Nguyễn Thị Bảo", "Bùi Văn Dũng", "Hoàng Duy", "Trần Văn Đức"]


def test_names_sort_by_given_then_family_then_middle_name_in_vietnamese_order():
    assert sorted(reversed(REFERENCE_ORDER), key=name_sort_key) == REFERENCE_ORDER
    assert name_sort_key("NGUYỄN VĂN AN") == name_sort_key("Nguyễn Văn An")


def test_the_cadre_register_is_in_name_order_and_can_be_reversed(db):
    for number, name in enumerate(REFERENCE_ORDER):
        editing.save(db, "cadres", {"full_name": name, "birth_date": str(1960 + number)})
    ids = browse.record_ids(db, "cadres")
    rows = browse.fetch_rows(db, "cadres", ids)
    shown = [rows[i][0] for i in ids]
    assert [n for n in shown if n in REFERENCE_ORDER] == REFERENCE_ORDER
    assert browse.record_ids(db, "cadres", descending=True) == ids[::-1]


def test_rows_are_formatted_by_their_fields(db):
    ids = browse.record_ids(db, "slips", sort="issued_on", descending=False)
    row = browse.fetch_rows(db, "slips", ids)[ids[0]]
    headers = [c.header for c in browse.view("slips").columns]
    assert headers[:3] == ["Số phiếu", "Ngày phát hành", "Người được xác minh"]
    assert row[:7] == ["12/PXM", "05/01/2025", "Phạm Văn Bình", "1950", "", "", "Hàm Tiến"]


def test_a_slips_person_who_has_died_is_read_in_the_register_as_the_slip_prints_it(db):
    """«Đã mất» and «Năm mất» are columns of the slips register (shown from its header's menu), «khoảng 1970» as
    written."""
    saved = editing.save(db, "slips", {"number": "7/PXM", "issued_on": "02/03/2026", "full_name": "Trần Thị Lành",
                                       "birth_date": "1942", "death_date": "khoảng 1970",
                                       "recipient": "Cục A93B – Bộ Công an"})
    keys = [column.key for column in browse.view("slips").columns]
    row = dict(zip(keys, browse.fetch_rows(db, "slips", [saved])[saved], strict=True))
    assert (row["deceased"], row["death_date"]) == ("Có", "khoảng 1970")


def test_reading_many_rows_tells_how_far_it_got_and_stops_when_told_to(db, monkeypatch):
    """Printing a register of 100,000 rows first reads them (about 3 s): the reading says how far it got
    after each page of ids, and the officer's Cancel stops it there."""
    monkeypatch.setattr(browse, "PAGE", 2)
    ids = browse.record_ids(db, "slips")
    told = []
    rows = browse.fetch_rows(db, "slips", ids, told.append)
    assert len(ids) == 3 and told == [2, 3] and set(rows) == set(ids)

    class Stop(Exception):
        pass

    def stop(done: int) -> None:
        raise Stop

    with pytest.raises(Stop):
        browse.fetch_rows(db, "slips", ids, stop)


def test_a_register_open_when_its_officers_account_is_disabled_gives_no_more_rows_count_or_search(cli, db,
                                                                                                 monkeypatch):
    """binh's Cán bộ stayed open while the administrator disabled his account: typing «068070» still found
    rows with their CCCD, clearing the box listed them all. Now the rows, the count and the search are
    refused as the listing is, the account read once for each, however many pages of rows it reads."""
    monkeypatch.setattr(browse, "PAGE", 2)
    viewer = viewer_database(cli, db)
    shown = browse.listing(viewer, "cadres")
    asked = []
    require = viewer.require
    monkeypatch.setattr(viewer, "require", lambda *args: asked.append(args) or require(*args))
    assert len(browse.fetch_rows(viewer, "cadres", shown.ids)) == len(shown.ids) > 2 * browse.PAGE
    assert len(asked) == 1
    users.disable(db, "xemthu")
    for reading in (lambda: browse.fetch_rows(viewer, "cadres", shown.ids), lambda: browse.count(viewer, "cadres"),
                    lambda: register_search.start(viewer, shown, "068070"),
                    lambda: register_search.finished(viewer, shown, "")):
        with pytest.raises(PermissionDenied, match="Tài khoản «xemthu» đã bị khóa"):
            reading()
    with db.read() as connection:
        assert connection.execute(select(func.count()).where(
            audit_log.c.user_name == "xemthu", audit_log.c.outcome == audit_chain.REFUSED)).scalar() == 4
    viewer.close()


def test_slip_filters_period_status_recipient_purpose_overdue(db):
    in_2025 = browse.Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    assert len(browse.record_ids(db, "slips", filters=in_2025)) == 2
    waiting = browse.record_ids(db, "slips", filters=browse.Filters(status="Chờ kết quả"))
    assert len(waiting) == 2
    pv27 = next(r.id for r in recipients.list_recipients(db) if "PV27" in r.name)
    assert len(browse.record_ids(db, "slips", filters=browse.Filters(recipient_id=pv27))) == 1
    assert len(browse.record_ids(db, "slips", filters=browse.Filters(purpose="Bổ nhiệm"))) == 1
    # today is 01/03/2026: 13/PXM (06/01/2025) waits past the 30-day limit, 1/PXM (03/01/2026) too
    overdue = browse.record_ids(db, "slips", filters=browse.Filters(overdue=True), today=dt.date(2026, 1, 20))
    assert len(overdue) == 1


def test_complaints_overdue_and_delegations_without_report(db):
    late = browse.record_ids(db, "complaints", filters=browse.Filters(overdue=True))
    assert late == []
    no_report = browse.record_ids(db, "delegations", filters=browse.Filters(status="Chưa nhận báo cáo"))
    rows = browse.fetch_rows(db, "delegations", no_report)
    assert [row[2] for row in rows.values()] == ["Đoàn học tập kinh nghiệm chuyển đổi số"]
    assert list(rows.values())[0][-1] == "1 người: Bùi Thị Hương"


def test_deleted_records_move_to_the_recycle_bin_and_back(db):
    first = browse.record_ids(db, "complaints")[0]
    recycle_bin.delete(db, "complaints", first)
    assert first not in browse.record_ids(db, "complaints")
    assert browse.record_ids(db, "complaints", filters=browse.Filters(deleted=True)) == [first]
    assert browse.count(db, "complaints", deleted=True) == 1
    recycle_bin.restore(db, "complaints", first)
    assert first in browse.record_ids(db, "complaints")


def test_one_persons_records_for_the_tabs_of_their_file(db):
    huong = browse.record_ids(db, "cadres", "bui thi huong")[0]
    person = editing.load(db, "cadres", huong)["person_id"]
    assert len(browse.record_ids(db, "delegations", filters=browse.Filters(person_id=person))) == 2
    assert browse.record_ids(db, "slips", filters=browse.Filters(person_id=person)) == []


def test_the_letters_of_a_persons_file_list_the_open_ones_first_soonest_deadline_first_as_the_file_reads(db):
    """The tab of a cadre's file reads the letters in the order of core/personfile/letters: the one past its
    deadline on top, not below those resolved (the register's newest-received-first)."""
    person = _person_of(db, "nguyen van hung")
    letter = {"complaint_kind": "Tố cáo", "subject_name": "Nguyễn Văn Hùng"}
    resolved = editing.save(db, "complaints", {**letter, "received_on": "01/09/2025", "summary": "Đã giải quyết",
                                               "due_on": "01/10/2025", "resolved_on": "15/09/2025"})
    late = editing.save(db, "complaints", {**letter, "received_on": "01/06/2025", "summary": "Quá hạn",
                                           "due_on": "01/07/2025"})
    no_deadline = editing.save(db, "complaints", {**letter, "received_on": "10/09/2025", "summary": "Chưa có hạn"})
    coming = editing.save(db, "complaints", {**letter, "received_on": "05/09/2025", "summary": "Sắp đến hạn",
                                             "due_on": "05/10/2025"})
    first_resolved = browse.record_ids(db, "complaints", "phan anh ke khai")
    listed = browse.record_ids(db, "complaints", filters=browse.Filters(person_id=person), today=dt.date(2025, 9, 20))
    assert listed == [late, coming, no_deadline, resolved, *first_resolved]
    by_received = browse.record_ids(db, "complaints", filters=browse.Filters(person_id=person), sort="received_on",
                                      descending=False)
    assert by_received == [*first_resolved, late, resolved, coming, no_deadline]  # a column chosen still orders



def test_the_resolved_letters_of_a_persons_file_follow_the_open_ones_the_latest_resolved_first(db):
    """On the file database and the office server alike; one resolved after the day read is still open then,
    and two resolved the same day are read in the order recorded."""
    person = _person_of(db, "nguyen van hung")
    letter = {"complaint_kind": "Tố cáo", "subject_name": "Nguyễn Văn Hùng", "received_on": "01/06/2025"}
    resolved = {on: editing.save(db, "complaints", {**letter, "summary": on, "resolved_on": on})
                for on in ("10/07/2025", "20/08/2025", "01/10/2025")}
    same_day = editing.save(db, "complaints", {**letter, "summary": "Cùng ngày", "resolved_on": "10/07/2025"})
    sample = browse.record_ids(db, "complaints", "phan anh ke khai")
    listed = browse.record_ids(db, "complaints", filters=browse.Filters(person_id=person), today=dt.date(2025, 9, 20))
    assert listed == [resolved["01/10/2025"], resolved["20/08/2025"], resolved["10/07/2025"], same_day, *sample]

def test_a_column_filters_by_its_values_as_excel_does(db):
    values = dict(browse.column_values(db, "slips", "relation"))
    assert values == {"Bản thân": 1, "Cha": 2}
    kept = browse.Filters().with_values("relation", ("Bản thân",))
    assert [browse.fetch_rows(db, "slips", [i])[i][0] for i in browse.record_ids(db, "slips", filters=kept)] == \
        ["13/PXM"]
    recipient = browse.Filters().with_values("recipient", ("Cục A93B – Bộ Công an",))  # a joined column
    assert len(browse.record_ids(db, "slips", filters=recipient)) == 2
    both = recipient.with_values("relation", ("Bản thân",))
    assert browse.record_ids(db, "slips", filters=both) == []
    assert dict(browse.column_values(db, "slips", "relation", both)) == {"Cha": 2}  # its own filter aside
    empty = browse.Filters().with_values("management", (None,))
    assert len(browse.record_ids(db, "cadres", filters=empty)) == 4  # only Nguyễn Văn Hùng has one
    assert "relation" in browse.filterable("slips") and "recipient" in browse.filterable("slips")
    assert "full_name" not in browse.filterable("slips")


def test_the_cadre_register_is_searched_by_unit_position_and_management_level(db):
    editing.save(db, "cadres", {"full_name": "Võ Thị Mai", "birth_date": "1975", "unit": "Sở Y tế",
                                "position": "Phó Giám đốc", "management": "Diện Ban Thường vụ Tỉnh ủy quản lý"})
    named = {rows[0] for rows in browse.fetch_rows(db, "cadres", browse.record_ids(db, "cadres", "so y te")).values()}
    assert named == {"Võ Thị Mai"}
    by_post = browse.fetch_rows(db, "cadres", browse.record_ids(db, "cadres", "giam doc noi vu")).values()
    assert {row[0] for row in by_post} == {"Nguyễn Văn Hùng"}
    assert len(browse.record_ids(db, "cadres", "ban thuong vu")) == 1
    assert len(browse.record_ids(db, "cadres", "nguyen hung")) == 1  # the person's own words still work


def test_slips_with_a_result_but_no_reply_date_are_found_and_not_overdue(db):
    slip = browse.record_ids(db, "slips", "13/PXM")[0]
    stored = editing.load(db, "slips", slip)
    editing.save(db, "slips", {**stored, "result": "Không có vấn đề"}, slip, stored["person_id"])
    found = browse.record_ids(db, "slips", filters=browse.Filters(status=browse.NO_REPLY_DATE))
    assert found == [slip]
    overdue = browse.record_ids(db, "slips", filters=browse.Filters(overdue=True), today=dt.date(2026, 12, 1))
    assert slip not in overdue


def test_slips_sort_by_the_number_they_count_as_the_next_number_reads_it(db):
    """As the officer counts them (typed.count_in): «9/PXM» before «1234/PXM», «0099/PXM» before «0100/PXM»,
    «2026/9» before «2026/15» (counted after their year), «PXM-5» by its 5; a tie by the rest of the number, and
    last a number with no figure to count on."""
    first = browse.record_ids(db, "slips", "12/PXM")[0]
    stored = editing.load(db, "slips", first)
    for number in ("1236/PXM", "PXM-5", "9/PXM", "2026/15", "1234/PXM", "0100/PXM", "12a/PXM", "007/PXM", "PXM",
                   "0099/PXM", "2026/9", "1235/PXM"):
        editing.save(db, "slips", {**stored, editing.VERSION: (), "number": number}, None, stored["person_id"])
    ids = browse.record_ids(db, "slips", sort="number", descending=False)
    rows = browse.fetch_rows(db, "slips", ids)
    numbers = [rows[i][0] for i in ids]
    assert numbers == ["1/PXM", "PXM-5", "007/PXM", "2026/9", "9/PXM", "12/PXM", "12a/PXM", "13/PXM", "2026/15",
                       "0099/PXM", "0100/PXM", "1234/PXM", "1235/PXM", "1236/PXM", "PXM"]
    assert browse.record_ids(db, "slips", sort="number", descending=True) == ids[::-1]


def _cells_in_order(db, kind: str, key: str, descending: bool) -> list[str]:
    ids = browse.record_ids(db, kind, sort=key, descending=descending)
    rows = browse.fetch_rows(db, kind, ids)
    position = [column.key for column in browse.view(kind).columns].index(key)
    return [rows[i][position] for i in ids]


@pytest.mark.parametrize(("kind", "key"), [("cadres", "position"), ("cadres", "unit"),
                                           ("slips", "result_on"), ("slips", "death_date")])
def test_a_register_sorted_either_way_lists_its_empty_cells_last_on_either_engine(db, kind, key):
    """As Excel sorts blanks, whichever way: the file database put them first when ascending and the office
    server last, so one register read differently on a PC and on the server. A cell may be empty as NULL or
    as '' (written by an earlier version)."""
    editing.save(db, "cadres", {"full_name": "Đinh Văn Trống", "birth_date": "1970"})
    editing.save(db, "cadres", {"full_name": "Lý Thị Rỗng", "birth_date": "1971", "position": "Chuyên viên"})
    empty = _person_of(db, "dinh van trong")
    slip = browse.record_ids(db, "slips")[0]
    with db.write() as connection:
        connection.execute(cadres.update().where(cadres.c.person_id == empty).values(position=""))
        db.audit(connection, "sửa", kind="cadres", record_id=empty)
        connection.execute(slips.update().where(slips.c.id == slip).values(death_date="1970"))
        db.audit(connection, "sửa", kind="slips", record_id=slip)
    ascending, descending = (_cells_in_order(db, kind, key, way) for way in (False, True))
    filled = [cell for cell in ascending if cell]
    assert 0 < len(filled) < len(ascending)
    assert ascending == filled + [""] * (len(ascending) - len(filled))
    assert descending == filled[::-1] + [""] * (len(ascending) - len(filled))


@pytest.mark.parametrize(("typed", "found"), [("47/PXM", ["0047/PXM"]), ("0047", ["0047/PXM"]),
                                             ("047/pxm", ["0047/PXM"]), ("0012/PXM", ["12/PXM"]),
                                             ("147", ["147/PXM"])])
def test_a_slip_is_found_by_its_number_written_with_or_without_its_leading_zeros(db, typed, found):
    """A police letter answers «phiếu số 47/PXM» for the slip numbered 0047/PXM, or the other way round: the
    search finds it either way, never 147/PXM or 2047/PXM for «47»."""
    first = browse.record_ids(db, "slips", "12/PXM")[0]
    stored = editing.load(db, "slips", first)
    for number in ("0047/PXM", "147/PXM", "2047/PXM"):
        editing.save(db, "slips", {**stored, editing.VERSION: (), "number": number}, None, stored["person_id"])
    ids = browse.record_ids(db, "slips", typed)
    assert [row[0] for row in browse.fetch_rows(db, "slips", ids).values()] == found


@pytest.mark.parametrize(("typed", "text", "found"), [
    ("47", "0047/pxm", True), ("47", "so 000047/pxm", True), ("47", "0000000047/pxm", False),
    ("0047", "47/pxm", True), ("47", "147/pxm", False), ("47", "1047/pxm", False), ("47", "a047", False),
    ("47", "phieu 47a", True), ("047", "x/0047", True), ("12a", "0012a/pxm", True)])
def test_a_number_is_matched_at_a_word_start_after_up_to_six_leading_zeros(typed, text, found):
    """Zeros written before a number are the same number (six at most: more, and it is another); a figure or a
    letter before them makes it part of another word."""
    assert bool(browse.text_pattern(typed).search(text)) is found


@pytest.fixture
def folds(monkeypatch):
    """How many records' texts were folded (read from the database) since the test began."""
    folded = []
    fold = browse._folded
    monkeypatch.setattr(browse, "_folded", lambda values: folded.append(values) or fold(values))
    return folded


def _found(db, kept: browse.KeptTexts, query: str, sort: str | None = None) -> set[int]:
    found = browse.listing(db, "slips", sort=sort, kept=kept)
    return {found.ids[i] for i in browse.matching(db, found, search.query_words(query))}


def test_a_sort_with_a_search_in_force_folds_no_text_again(db, folds):
    """100,000 slips re-read and re-folded their texts at every sort with a search in force (1.3–2.7 s):
    the texts a listing read serve the next listing of the register."""
    kept = browse.KeptTexts("slips")
    found = _found(db, kept, "pv27")
    assert found and len(folds) == browse.count(db, "slips")
    assert _found(db, kept, "pv27", sort="full_name") == found
    assert _found(db, kept, "cha", sort="number") == _found(db, browse.KeptTexts("slips"), "cha")
    assert len(folds) == 2 * browse.count(db, "slips")  # the last search's own fresh texts only


def test_kept_texts_follow_the_records_written_since(db, folds):
    """An edited slip no longer matching drops out, one edited to match appears, a new one appears,
    a deleted one goes, a renamed recipient is found by its new name: only what was written is folded again."""
    kept = browse.KeptTexts("slips")
    first, second = browse.record_ids(db, "slips")[:2]
    for slip, note in ((first, "Hồ sơ mật"), (second, "")):
        stored = editing.load(db, "slips", slip)
        editing.save(db, "slips", {**stored, "note": note}, slip, stored["person_id"])
    assert _found(db, kept, "ho so mat") == {first}
    before = len(folds)
    for slip, note in ((first, ""), (second, "Hồ sơ mật")):
        stored = editing.load(db, "slips", slip)
        editing.save(db, "slips", {**stored, "note": note}, slip, stored["person_id"])
    assert _found(db, kept, "ho so mat", sort="number") == {second}
    assert len(folds) == before + 2
    stored = editing.load(db, "slips", second)
    added = editing.save(db, "slips", {**stored, "number": "99/PXM"}, person_id=stored["person_id"])
    assert _found(db, kept, "ho so mat") == {second, added}
    recycle_bin.delete(db, "slips", second)
    assert _found(db, kept, "ho so mat") == {added}
    assert _found(db, kept, "cuc a93b") and not _found(db, kept, "phong moi")
    a93b = next(entry.id for entry in recipients.list_recipients(db) if entry.name.startswith("Cục A93B"))
    recipients.rename_recipient(db, a93b, "Phòng Mới – Bộ Công an")
    assert not _found(db, kept, "cuc a93b") and _found(db, kept, "phong moi")


def _person_of(db, name: str) -> int:
    cadre_id = browse.record_ids(db, "cadres", name)[0]
    with db.read() as connection:
        return connection.execute(select(cadres.c.person_id).where(cadres.c.id == cadre_id)).scalar_one()


def test_the_cadre_register_answers_which_cadres_have_relatives_abroad_and_where(db):
    """PL2 «Cán bộ có thân nhân ở nước ngoài» (brief §1.4): the tour found no register, search or document
    that told which cadres have relatives abroad. The cadres register has that status and a column of
    the countries, from the relatives list and from what is recorded on a file."""
    hung, anh = _person_of(db, "nguyen van hung"), _person_of(db, "tran thi anh")  # Hùng's son is in Hoa Kỳ
    relatives.add_relative(db, hung, {"relation": "Anh/chị/em", "full_name": "Nguyễn Thị Mai",
                                      "birth_date": "1968", "abroad": "Có", "country": "hoa kỳ"})
    relatives.add_relative(db, hung, {"relation": "Anh/chị/em", "full_name": "Nguyễn Văn Dũng",
                                      "birth_date": "1970", "abroad": "Có", "country": "Úc"})
    relatives.add_relative(db, hung, {"relation": "Con", "full_name": "Nguyễn Thị Hạnh", "birth_date": "1995",
                                      "abroad": "Có"})
    mother_in_law = next(r for r in relatives.list_relatives(db, anh) if r.relation == "Mẹ chồng")
    FOREIGN_ELEMENTS.add(db, anh, {"element_kind": RELATIVE_ABROAD, "country": "Canada", "since": "1990",
                                   "source": "Lý lịch 2C", RELATIVE: mother_in_law.id})
    ids = browse.record_ids(db, "cadres", filters=browse.Filters(status="Có thân nhân ở nước ngoài"))
    rows = browse.fetch_rows(db, "cadres", ids)
    headers = [column.header for column in browse.view("cadres").columns]
    where = headers.index("Thân nhân ở nước ngoài")
    assert {rows[i][0]: rows[i][where] for i in ids} == {"Nguyễn Văn Hùng": "chưa rõ nước, Hoa Kỳ, Úc",
                                                         "Trần Thị Ánh": "Canada"}
    everyone = browse.record_ids(db, "cadres")
    assert browse.fetch_rows(db, "cadres", everyone)[browse.record_ids(db, "cadres", "le hoang duc")[0]][where] == ""


def test_the_cadre_register_finds_a_cadre_by_the_political_issues_of_his_file(db):
    """An officer asked «who has a father in the old regime's army, re-educated?» types «cai tao» in the cadres
    register, as he types a unit: it found no one. Every word in a cadre's issues (content, evidence, source
    document, ceiling; about him or a relative) and post, accents and case aside, finds him, in a register
    open before the issue was recorded too; an issue deleted does not."""
    hung = _person_of(db, "nguyen van hung")
    father = relatives.list_relatives(db, hung)[0]
    kept = browse.KeptTexts("cadres")  # the texts an open register has read, before the issue is recorded
    assert browse.matching(db, browse.listing(db, "cadres", kept=kept), ["cai", "tao"]) == []
    POLITICAL_NOTES.add(db, hung, {"axis": "Lịch sử chính trị", "content": "Cha đẻ là trung úy quân đội Sài Gòn, "
                                   "học tập CẢI TẠO 3 năm", "source_doc": "Biên bản 17/BB-CA", RELATIVE: father.id})
    limited = POLITICAL_NOTES.add(db, hung, {
        "axis": "Chính trị hiện nay", "content": "Con trai tham gia hội đồng hương ở Hoa Kỳ", "found_on": "15/09/2019",
        "effect": "Có vấn đề nhưng không vi phạm (có mức giới hạn)", "limit_note": "Không quá Phó Giám đốc Sở"})
    hung_cadre = browse.record_ids(db, "cadres", "nguyen van hung")
    listing = browse.listing(db, "cadres", kept=kept)
    assert [listing.ids[i] for i in browse.matching(db, listing, ["cai", "tao"])] == hung_cadre
    for typed in ("cai tao", "Cải tạo", "quan doi sai gon", "17/bb-ca", "dong huong hoa ky", "khong qua pho giam doc",
                  "noi vu cai tao"):  # narrowed by his post, as the post's words are searched with his issues
        assert browse.record_ids(db, "cadres", typed) == hung_cadre, typed
    POLITICAL_NOTES.delete(db, limited)
    assert browse.record_ids(db, "cadres", "dong huong hoa ky") == []


LIMITED = "Có vấn đề nhưng không vi phạm (có mức giới hạn)"
VIOLATION = "Vi phạm, không đủ tiêu chuẩn"


def _issues_recorded(db) -> dict[str, int]:
    """Hùng: a ceiling on himself, a violation of his father's and an issue of his wife's with no effect written;
    Ánh: a ceiling; Đức: an issue that bears on nothing; Diễm: one not concluded. The note ids by whom."""
    hung, anh, duc = (_person_of(db, name) for name in ("nguyen van hung", "tran thi anh", "le hoang duc"))
    editing.save(db, "cadres", {"full_name": "Phạm Thị Ngọc Diễm", "birth_date": "1985"})
    father, wife = relatives.list_relatives(db, hung)[:2]
    add = POLITICAL_NOTES.add
    return {
        "hung": add(db, hung, {"axis": "Chính trị hiện nay", "content": "Con trai tham gia hội đồng hương ở Hoa Kỳ",
                               "effect": LIMITED, "limit_note": "Không quá Phó Giám đốc Sở"}),
        "father": add(db, hung, {"axis": "Lịch sử chính trị", "content": "Trung úy quân đội Sài Gòn",
                                 "effect": VIOLATION, RELATIVE: father.id}),
        "wife": add(db, hung, {"axis": "Chính trị hiện nay", "content": "Đang xác minh", RELATIVE: wife.id}),
        "anh": add(db, anh, {"axis": "Lịch sử chính trị", "content": "Ông nội làm lý trưởng", "effect": LIMITED,
                             "limit_note": "Không quá Trưởng phòng"}),
        "duc": add(db, duc, {"axis": "Lịch sử chính trị", "content": "Cha đi lính chế độ cũ, đã được xem xét",
                             "effect": "Không ảnh hưởng"}),
        "diem": add(db, _person_of(db, "pham thi ngoc diem"), {"axis": "Chính trị hiện nay", "effect": "Chưa kết luận",
                                                                "content": "Có đơn phản ánh"}),
    }


def _issue_cells(db, ids: list[int]) -> dict[str, str]:
    where = [column.key for column in browse.view("cadres").columns].index(browse.POLITICAL_ISSUES)
    return {row[0]: row[where] for row in browse.fetch_rows(db, "cadres", ids).values()}


def test_the_cadre_register_tells_at_a_glance_who_has_a_political_issue_and_how_grave(db):
    """Brief §6.3: the notes lived only in each file, so an officer preparing a personnel round opened every
    cadre's. The register's «Vấn đề chính trị» tells the gravest effect on the file, about the cadre or a relative
    (of two as grave a violation concluded before an issue not concluded: it bars him now; one with no effect
    written counts as not concluded), its long words short, with how many issues there are; nothing without."""
    _issues_recorded(db)
    assert "Vấn đề chính trị" in [column.header for column in browse.view("cadres").columns]
    cells = _issue_cells(db, browse.record_ids(db, "cadres"))
    assert {name: told for name, told in cells.items() if told} == {
        "Nguyễn Văn Hùng": "Vi phạm, không đủ tiêu chuẩn (3 vấn đề)", "Trần Thị Ánh": "Có vấn đề, có mức giới hạn",
        "Lê Hoàng Đức": "Không ảnh hưởng", "Phạm Thị Ngọc Diễm": "Chưa kết luận"}
    assert len(cells) > 4  # the cadres with no issue: an empty cell
    assert _issue_cells(db, browse.record_ids(db, "cadres", "ngoc diem")) == {"Phạm Thị Ngọc Diễm": "Chưa kết luận"}


def test_a_cadres_political_issues_cell_tells_each_issue_in_its_tooltip(db):
    """The cell says the gravest; its tooltip lists every issue, the gravest first: the axis, about whom (himself, or
    the relative's relation and name), the effect and the ceiling QĐ 58 sets, read with the page's rows."""
    found = _issues_recorded(db)
    hung = browse.record_ids(db, "cadres", "nguyen van hung")[0]
    assert browse.fetch_rows(db, "cadres", [hung])[hung].tips == {browse.POLITICAL_ISSUES: "\n".join((
        "Lịch sử chính trị (Cha: Nguyễn Văn Tư) — Vi phạm, không đủ tiêu chuẩn",
        "Chính trị hiện nay (Vợ: Lê Thị Hoa) — chưa ghi ảnh hưởng, tính là «Chưa kết luận»",
        f"Chính trị hiện nay (bản thân) — {LIMITED}; mức giới hạn: Không quá Phó Giám đốc Sở"))}
    POLITICAL_NOTES.delete(db, found["father"])
    row = browse.fetch_rows(db, "cadres", [hung])[hung]
    assert row[-1] == "Chưa kết luận (2 vấn đề)" and row.tips[browse.POLITICAL_ISSUES].count("\n") == 1


def test_an_issue_about_a_relative_no_longer_listed_is_told_with_who_they_were(db):
    """A first-version database holds a finding about Hùng's father, deleted since from his relatives: the
    tooltip names the father and says he is no longer listed, in one pair of brackets."""
    _issues_recorded(db)
    hung = browse.record_ids(db, "cadres", "nguyen van hung")[0]
    father = relatives.list_relatives(db, _person_of(db, "nguyen van hung"))[0]
    with db.write() as connection:
        connection.execute(relatives_table.update().where(relatives_table.c.id == father.id)
                           .values(deleted_at=dt.datetime(2026, 1, 5)))
        db.audit(connection, "xóa", kind="relatives", record_id=father.id)
    assert browse.fetch_rows(db, "cadres", [hung])[hung].tips[browse.POLITICAL_ISSUES].split("\n")[0] == (
        "Lịch sử chính trị (Cha: Nguyễn Văn Tư, đã xóa khỏi danh sách thân nhân) — Vi phạm, không đủ tiêu chuẩn")


def test_a_tooltip_of_many_political_issues_tells_the_gravest_and_how_many_more(db, monkeypatch):
    """A file of many issues gave a tooltip taller than the screen: it tells the gravest, then how many more."""
    _issues_recorded(db)
    monkeypatch.setattr(issues, "MOST_LISTED", 2)
    hung = browse.record_ids(db, "cadres", "nguyen van hung")[0]
    assert browse.fetch_rows(db, "cadres", [hung])[hung].tips[browse.POLITICAL_ISSUES].split("\n")[1:] == [
        "Chính trị hiện nay (Vợ: Lê Thị Hoa) — chưa ghi ảnh hưởng, tính là «Chưa kết luận»",
        "… và 1 vấn đề khác (xem hồ sơ cá nhân)"]


def test_the_cadre_register_lists_the_cadres_with_a_political_issue_and_sorts_them_by_gravity(db):
    """«Có vấn đề chính trị»: a cadre with an issue whose effect is other than «Không ảnh hưởng», or not written
    yet; sorting by the column puts the gravest first, the more issues first of as grave, those without last."""
    found = _issues_recorded(db)
    with_issues = browse.Filters(status="Có vấn đề chính trị")
    names = lambda ids: [browse.fetch_rows(db, "cadres", ids)[i][0] for i in ids]  # noqa: E731
    assert sorted(names(browse.record_ids(db, "cadres", filters=with_issues))) == [
        "Nguyễn Văn Hùng", "Phạm Thị Ngọc Diễm", "Trần Thị Ánh"]
    ordered = names(browse.record_ids(db, "cadres", sort=browse.POLITICAL_ISSUES, descending=True))
    assert ordered == ["Nguyễn Văn Hùng", "Phạm Thị Ngọc Diễm", "Trần Thị Ánh", "Lê Hoàng Đức"] + ordered[4:]
    assert names(browse.record_ids(db, "cadres", sort=browse.POLITICAL_ISSUES)) == ordered[::-1]
    for note in ("father", "hung"):
        POLITICAL_NOTES.delete(db, found[note])
    assert names(browse.record_ids(db, "cadres", "nguyen van hung", filters=with_issues)) == ["Nguyễn Văn Hùng"]
    POLITICAL_NOTES.update(db, found["wife"], {"axis": "Chính trị hiện nay", "content": "Đã xác minh",
                                               "effect": "Không ảnh hưởng"})
    assert browse.record_ids(db, "cadres", "nguyen van hung", filters=with_issues) == []


def test_every_role_reading_a_files_political_issues_reads_them_in_the_cadre_register(cli, db):
    """Reading the register and a file's notes ask the same permission (Action.BROWSE): the read-only role reads
    the column, its tooltip and the status as it reads the notes on the file; there is no role that reads the
    register and not the notes, whom the column would tell them to."""
    _issues_recorded(db)
    assert permissions.ALLOWED[permissions.Action.BROWSE] == frozenset(permissions.ROLES)
    viewer = viewer_database(cli, db)
    anh = browse.record_ids(viewer, "cadres", "tran thi anh")[0]
    assert [note["content"] for note in POLITICAL_NOTES.of_owner(viewer, _person_of(viewer, "tran thi anh"))] == [
        "Ông nội làm lý trưởng"]
    row = browse.fetch_rows(viewer, "cadres", [anh])[anh]
    assert row[-1] == "Có vấn đề, có mức giới hạn" and "Không quá Trưởng phòng" in row.tips[browse.POLITICAL_ISSUES]
    assert browse.record_ids(viewer, "cadres", filters=browse.Filters(status="Có vấn đề chính trị")) == \
        browse.record_ids(db, "cadres", filters=browse.Filters(status="Có vấn đề chính trị"))


def test_a_relative_whose_stay_abroad_has_ended_no_longer_counts_as_abroad(db):
    """A stay recorded with its «Đến ngày» gone by (the mother-in-law came home in 2019) is history: the
    cadre leaves «Có thân nhân ở nước ngoài» and its countries column, as he does when the relatives list
    is corrected; a stay ending ahead, or this month, still counts."""
    hung, anh = _person_of(db, "nguyen van hung"), _person_of(db, "tran thi anh")
    mother_in_law = next(r for r in relatives.list_relatives(db, anh) if r.relation == "Mẹ chồng")
    FOREIGN_ELEMENTS.add(db, anh, {"element_kind": RELATIVE_ABROAD, "country": "Canada", "since": "1990",
                                   "until": "2019", "source": "Lý lịch 2C", RELATIVE: mother_in_law.id})
    son = relatives.add_relative(db, hung, {"relation": "Con", "full_name": "Nguyễn Văn Tín", "birth_date": "1995"})
    this_month = db.clock().date().strftime("%m/%Y")
    FOREIGN_ELEMENTS.add(db, hung, {"element_kind": RELATIVE_ABROAD, "country": "Nhật Bản", "since": "2020",
                                    "until": this_month, "source": "Lý lịch 2C", RELATIVE: son})
    ids = browse.record_ids(db, "cadres", filters=browse.Filters(status="Có thân nhân ở nước ngoài"))
    where = [column.header for column in browse.view("cadres").columns].index("Thân nhân ở nước ngoài")
    assert {row[0]: row[where] for row in browse.fetch_rows(db, "cadres", ids).values()} == {
        "Nguyễn Văn Hùng": "Hoa Kỳ, Nhật Bản"}  # his son in Hoa Kỳ is in the sample list


def test_the_delegations_register_filters_by_each_country_a_delegation_went_to(db):
    """«Which delegations went to Hàn Quốc this year»: the filter of «Nước đến» offered «Hàn Quốc, Singapore» as
    one value and missed a delegation to three countries; it offers each country, with the delegations that
    went there, and keeps those that went to any country ticked."""
    assert browse.column_values(db, "delegations", "countries") == [
        ("Hàn Quốc", 1), ("Nhật Bản", 1), ("Singapore", 1)]
    editing.save(db, "delegations", {"name": "Đoàn xúc tiến đầu tư", "countries": "Hàn Quốc, Nhật Bản, Singapore",
                                     "depart_on": "05/04/2026", "return_on": "15/04/2026",
                                     editing.MEMBERS: [{"full_name": "Nguyễn Văn Hùng", "birth_date": "12/03/1965"}]})
    assert browse.column_values(db, "delegations", "countries") == [
        ("Hàn Quốc", 2), ("Nhật Bản", 2), ("Singapore", 2)]
    to_korea = browse.record_ids(db, "delegations", filters=browse.Filters().with_values("countries", ("Hàn Quốc",)))
    names = {row[2] for row in browse.fetch_rows(db, "delegations", to_korea).values()}
    assert names == {"Đoàn học tập kinh nghiệm chuyển đổi số", "Đoàn xúc tiến đầu tư"}
    either = browse.Filters().with_values("countries", ("Nhật Bản", "Singapore"))
    assert len(browse.record_ids(db, "delegations", filters=either)) == 3


def _register_row(db, kind: str, record_id: int) -> dict[str, str]:
    """A record's cells as the register shows them, by column header."""
    row = browse.fetch_rows(db, kind, [record_id])[record_id]
    return dict(zip((column.header for column in browse.view(kind).columns), row, strict=True))


def _cells_on(db, day: dt.date, kind: str, header: str, records: tuple[int, ...]) -> list[str]:
    """One column's cells for the records, as the register shows them at 9 o'clock on that day."""
    db.clock = lambda: dt.datetime.combine(day, dt.time(9))
    return [_register_row(db, kind, record_id)[header] for record_id in records]


def test_the_slip_register_shows_each_reply_deadline_and_how_late_an_unanswered_slip_is(db):
    """On Monday 15/02/2027, after Tết: 1236/PXM of 31/12/2026 had 30 days (ending Saturday 30/01, so Monday
    01/02) and is 14 days late; 1/PXM of 07/01/2027 has the 45 days set from 01/01/2027 (ending Sunday 21/02,
    so Monday 22/02), not yet due; 2/PXM, answered, is late no more."""
    settings.set_setting(db, "han_tra_loi_phieu_ngay", "45", dt.date(2027, 1, 1))
    to_police = {"purpose": "Bổ nhiệm", "recipient": "Cục A93B – Bộ Công an", "relation": "Bản thân"}
    late = editing.save(db, "slips", {**to_police, "number": "1236/PXM", "issued_on": "31/12/2026",
                                      "full_name": "LÊ THỊ THU", "birth_date": "1950"})
    coming = editing.save(db, "slips", {**to_police, "number": "1/PXM", "issued_on": "07/01/2027",
                                        "full_name": "PHAN VĂN AN", "birth_date": "12/05/1980"})
    answered = editing.save(db, "slips", {**to_police, "number": "2/PXM", "issued_on": "08/12/2026",
                                          "full_name": "VÕ THỊ BẢY", "result_on": "20/01/2027",
                                          "result": "Không có tài liệu lưu trữ"})
    assert _cells_on(db, dt.date(2027, 2, 15), "slips", "Hạn trả lời", (late, coming, answered)) == [
        "01/02/2027 (quá hạn 14 ngày)", "22/02/2027", "07/01/2027"]
    overdue = browse.record_ids(db, "slips", filters=browse.Filters(overdue=True))
    assert late in overdue and coming not in overdue and answered not in overdue


def test_the_reply_deadline_is_shown_not_imported_nor_exported(db, cli, tmp_path):
    """«Hạn trả lời» is worked out from `Ngày phát hành` and the settings: the export's columns, which the
    import takes back, stay the contract's."""
    assert "Hạn trả lời" in [column.header for column in browse.view("slips").columns]
    code, _, _ = cli("export", "slips", "--out", tmp_path / "phieu.xlsx")
    exported = next(openpyxl.load_workbook(tmp_path / "phieu.xlsx").worksheets[0].iter_rows(values_only=True))
    assert code == 0 and "Hạn trả lời" not in exported and set(SAMPLES["slips"][0]) <= set(exported)


def test_the_archive_register_shows_when_a_reply_is_due_and_lists_those_overdue_either_way(db):
    """On 15/02/2027 Khánh Hòa's request of 08/12/2026 is 3 days past its 60 days (Tết ended them on Friday
    12/02/2027), as Ngô Thị Mai's request we sent on 10/03/2025 is long past its own."""
    owed = editing.save(db, "archive-requests", {
        "request_kind": "Nghiên cứu giúp tỉnh bạn", "province": "Khánh Hòa", "doc_no": "1520-CV/BTCTU",
        "doc_on": "08/12/2026", "full_name": "HUỲNH VĂN SÁU", "birth_date": "1946"})
    assert _cells_on(db, dt.date(2027, 2, 15), "archive-requests", "Hạn trả lời", (owed,)) == [
        "12/02/2027 (quá hạn 3 ngày)"]
    overdue = browse.record_ids(db, "archive-requests", filters=browse.Filters(overdue=True))
    assert [_register_row(db, "archive-requests", i)["Đối tượng nghiên cứu"] for i in overdue] == [
        "HUỲNH VĂN SÁU", "Ngô Thị Mai"]
    assert browse.view("archive-requests").overdue_label == "Quá hạn trả lời"


def test_the_archive_register_marks_a_reply_that_came_late(db):
    """Khánh Hòa's request of 08/12/2026 was due Friday 12/02/2027 (Tết) and answered on 24/02: 12 days late,
    counted from the deadline to the reply; one answered in time is marked nothing."""
    late = editing.save(db, "archive-requests", {
        "request_kind": "Nghiên cứu giúp tỉnh bạn", "province": "Khánh Hòa", "doc_no": "1520-CV/BTCTU",
        "doc_on": "08/12/2026", "full_name": "HUỲNH VĂN SÁU", "birth_date": "1946", "answered_on": "24/02/2027"})
    in_time = editing.save(db, "archive-requests", {
        "request_kind": "Nghiên cứu giúp tỉnh bạn", "province": "Khánh Hòa", "doc_no": "1521-CV/BTCTU",
        "doc_on": "08/12/2026", "full_name": "HUỲNH VĂN SÁU", "birth_date": "1946", "answered_on": "12/02/2027"})
    assert _cells_on(db, dt.date(2027, 3, 1), "archive-requests", "Hạn trả lời", (late, in_time)) == [
        "12/02/2027 (trả lời muộn 12 ngày)", "12/02/2027"]
    assert deadlines.archive_reply_lateness(db, dt.date(2026, 12, 8), dt.date(2027, 2, 24)) == (
        "Trả lời muộn 12 ngày (hạn 12/02/2027)")
    assert deadlines.archive_reply_lateness(db, dt.date(2026, 12, 8), dt.date(2027, 2, 12)) == ""
    assert deadlines.archive_reply_lateness(db, dt.date(2026, 12, 8), None) == ""


def test_the_archive_register_finds_a_request_by_its_reply_letter_and_the_post_before_1975_searched_for(db):
    """The officer looks up the answer they signed by its number, and who served where under the old regime; both
    columns are there on request («Chọn cột»), the reply's extract too."""
    answered = editing.save(db, "archive-requests", {
        "request_kind": "Nghiên cứu giúp tỉnh bạn", "province": "Bình Định", "doc_no": "115-CV/BTCTU",
        "doc_on": "17/11/2026", "full_name": "TÔN THẤT NGUYỄN HOÀNG PHƯỚC LONG", "birth_date": "1945",
        "work_before_1975": "Trung sĩ Địa phương quân", "answered_on": "27/11/2026", "reply_no": "230-CV/BTCTU",
        "extract": "Có", "result": "Có tài liệu"})
    assert browse.record_ids(db, "archive-requests", "230-cv") == [answered]
    assert browse.record_ids(db, "archive-requests", "dia phuong quan") == [answered]
    row = _register_row(db, "archive-requests", answered)
    assert (row["Chức vụ trước 1975"], row["Số văn bản trả lời"], row["Trích lục kèm theo"]) == (
        "Trung sĩ Địa phương quân", "230-CV/BTCTU", "Có")


def test_an_archive_request_keeps_the_alias_sex_and_parents_and_the_register_finds_it_by_the_alias(db):
    """What tells a person of before 1975 apart in the archives: saved and read again, shown on request («Chọn
    cột»); the alias and the parents found by the register's search, accents and case ignored."""
    asked = editing.save(db, "archive-requests", {
        "request_kind": "Nghiên cứu giúp tỉnh bạn", "province": "Bình Định", "doc_no": "116-CV/BTCTU",
        "doc_on": "17/11/2026", "full_name": "LÊ VĂN MỘT", "other_names": "Hai Lúa", "birth_date": "1940",
        "gender": "Nam", "father_name": "Lê Văn Cả", "mother_name": "Nguyễn Thị Đào"})
    stored = editing.load(db, "archive-requests", asked)
    assert [stored[key] for key in ("other_names", "gender", "father_name", "mother_name")] == [
        "Hai Lúa", "Nam", "Lê Văn Cả", "Nguyễn Thị Đào"]
    assert browse.record_ids(db, "archive-requests", "hai lua") == [asked]
    assert browse.record_ids(db, "archive-requests", "nguyen thi dao") == [asked]
    row = _register_row(db, "archive-requests", asked)
    assert [row[header] for header in ("Tên gọi khác", "Giới tính", "Họ và tên cha", "Họ và tên mẹ")] == [
        "Hai Lúa", "Nam", "Lê Văn Cả", "Nguyễn Thị Đào"]


def test_the_vetting_cases_register_says_how_late_an_open_case_is(db):
    """«Hạn hoàn thành» Saturday 15/03/2025 ends on Monday 17/03: that day the open case is not late, on Tuesday it is a
    day late, as the register's filter «Quá hạn» says; a case with no deadline shows none."""
    with db.read() as connection:
        hung, anh = (connection.execute(select(persons.c.id).where(persons.c.full_name == name)).scalar_one()
                     for name in ("Nguyễn Văn Hùng", "Trần Thị Ánh"))
    late = cases.open_case(db, hung, {"purpose": "Bổ nhiệm", "opened_on": "03/03/2025", "due_on": "15/03/2025"})
    later = cases.open_case(db, anh, {"purpose": "Quy hoạch", "opened_on": "03/03/2025", "due_on": "31/03/2025"})

    def due_cells(day: dt.date) -> list[str]:
        return _cells_on(db, day, "vetting-cases", "Hạn hoàn thành", (late, later))

    assert due_cells(dt.date(2025, 3, 17)) == ["15/03/2025", "31/03/2025"]
    assert due_cells(dt.date(2025, 3, 18)) == ["15/03/2025 (quá hạn 1 ngày)", "31/03/2025"]
    overdue = browse.record_ids(db, "vetting-cases", filters=browse.Filters(overdue=True), today=dt.date(2025, 3, 18))
    assert late in overdue and later not in overdue


def test_the_complaints_register_says_how_late_an_unresolved_letter_is(db):
    """«Hạn giải quyết» Saturday 15/03/2025 ends on Monday 17/03: on that day nothing is late, on Tuesday 18/03 the
    unresolved letter is a day late, as is the one resolved on 20/03, not yet resolved that day; the one resolved on
    the Monday, and on Tuesday 18/03 as it is read, is late no more."""
    letter = {"received_on": "03/03/2025", "sender": "Nặc danh", "complaint_kind": "Tố cáo",
              "subject_name": "Nguyễn Văn Hùng", "summary": "Kê khai lý lịch chưa trung thực",
              "due_on": "15/03/2025"}
    open_ = editing.save(db, "complaints", letter)
    resolved_later, resolved, resolved_today = (
        editing.save(db, "complaints", {**letter, "sender": sender, "resolved_on": day, "result": "Không có cơ sở"})
        for sender, day in (("Lê Văn Ba", "20/03/2025"), ("Lê Văn Tư", "17/03/2025"), ("Lê Văn Năm", "18/03/2025")))

    def due_cells(day: dt.date) -> list[str]:
        return _cells_on(db, day, "complaints", "Hạn giải quyết", (open_, resolved_later, resolved, resolved_today))

    assert due_cells(dt.date(2025, 3, 17)) == ["15/03/2025"] * 4
    assert due_cells(dt.date(2025, 3, 18)) == ["15/03/2025 (quá hạn 1 ngày)"] * 2 + ["15/03/2025"] * 2
    assert due_cells(dt.date(2025, 3, 21)) == ["15/03/2025 (quá hạn 4 ngày)"] + ["15/03/2025"] * 3
    overdue = browse.record_ids(db, "complaints", filters=browse.Filters(overdue=True), today=dt.date(2025, 3, 18))
    assert set(overdue) == {open_, resolved_later}
    without = next(i for i in browse.record_ids(db, "complaints") if _register_row(db, "complaints", i)[
        "Người gửi"] == "Trần Văn Lộc")  # the sample's letter with no «Hạn giải quyết»
    assert _register_row(db, "complaints", without)["Hạn giải quyết"] == ""


NOMINEE_SLIPS = (  # a nominee's slips: his own answered, his father's finding a record, his mother's waiting
    {"number": "1/BC", "relation": None, "result_on": "20/02/2026", "result": "Không có tài liệu lưu trữ"},
    {"number": "2/BC", "relation": "Cha", "full_name": "Hồ Văn Tư", "birth_date": "1940", "result_on": "25/02/2026",
     "result": "Có tài liệu lưu trữ: nguyên là trung sĩ chế độ cũ"},
    {"number": "3/BC", "relation": "Mẹ", "full_name": "Lê Thị Năm", "birth_date": "1945"},
)


def _nominee_case(db) -> int:
    """The election case of nominee Hồ Văn Cử, opened by his slips (NOMINEE_SLIPS)."""
    for slip in NOMINEE_SLIPS:
        vetted = {"vetted_name": "Hồ Văn Cử"} if slip["relation"] else {"full_name": "Hồ Văn Cử", "birth_date": "1970"}
        editing.save(db, "slips", {"issued_on": "02/02/2026", "purpose": "Bầu cử", "recipient": "Cục A93B – Bộ Công an",
                                   **vetted, **slip})
    with db.read() as connection:
        person = connection.execute(select(persons.c.id).where(persons.c.full_name == "Hồ Văn Cử")).scalar_one()
    return next(case["id"] for case in cases.cases_of(db, person))


def test_the_vetting_cases_register_tells_each_cases_replies_in_brief_and_those_finding_an_archive_record(db):
    """A case whose slip's reply found an archive record looked like every other until opened: its row tells
    how many slips are answered and how many found a record, its tooltip each slip's reply; a reply dated after
    the day the register is read has not come yet; a case with no slip says so."""
    nominee = _nominee_case(db)
    with db.read() as connection:
        hung = connection.execute(select(persons.c.id).where(persons.c.full_name == "Nguyễn Văn Hùng")).scalar_one()
    bare = cases.open_case(db, hung, {"purpose": "Bầu cử", "opened_on": "02/03/2026"})
    header = browse.view("vetting-cases").column(browse.CASE_REPLIES).header
    cells = browse.fetch_rows(db, "vetting-cases", [nominee, bare], today=dt.date(2026, 3, 10))
    assert _register_row(db, "vetting-cases", nominee)[header] == "2/3 đã trả lời · 1 có tài liệu"
    assert cells[nominee].tips[browse.CASE_REPLIES].splitlines() == [
        "1/BC (Bản thân: Hồ Văn Cử), Cục A93B – Bộ Công an trả lời ngày 20/02/2026: «Không có tài liệu lưu trữ»",
        "2/BC (Cha: Hồ Văn Tư), Cục A93B – Bộ Công an trả lời ngày 25/02/2026: «Có tài liệu lưu trữ: nguyên là "
        "trung sĩ chế độ cũ» – có tài liệu",
        "3/BC (Mẹ: Lê Thị Năm), Cục A93B – Bộ Công an: chưa trả lời"]
    assert dict(zip((column.header for column in browse.view("vetting-cases").columns), cells[bare],
                    strict=True))[header] == "Chưa có phiếu"
    before = browse.fetch_rows(db, "vetting-cases", [nominee], today=dt.date(2026, 2, 22))[nominee]
    assert "1/3 đã trả lời" in before  # the father's reply of 25/02 had not come
    assert "2/BC (Cha: Hồ Văn Tư), Cục A93B – Bộ Công an: chưa trả lời" in before.tips[browse.CASE_REPLIES]


def test_the_vetting_cases_sorted_by_their_replies_count_those_the_column_counts(db):
    """Sorted by «Phiếu xác minh», the cases with most slips answered come first as their cells read on the day
    the register is read: a reply dated after it has not come, in the order as in the cell."""
    nominee = _nominee_case(db)  # his replies dated 20/02 and 25/02/2026
    editing.save(db, "slips", {"number": "4/BC", "issued_on": "02/02/2026", "purpose": "Bầu cử",
                               "recipient": "Cục A93B – Bộ Công an", "full_name": "Trần Văn Mười", "birth_date": "1980",
                               "result_on": "10/02/2026", "result": "Không có tài liệu lưu trữ"})
    header = browse.view("vetting-cases").column(browse.CASE_REPLIES).header
    for day in (dt.date(2026, 2, 15), dt.date(2026, 3, 10)):
        ids = browse.record_ids(db, "vetting-cases", sort=browse.CASE_REPLIES, descending=True, today=day)
        rows = browse.fetch_rows(db, "vetting-cases", ids, today=day)
        cells = [dict(zip((column.header for column in browse.view("vetting-cases").columns), rows[i],
                          strict=True))[header] for i in ids]
        answered = [int(cell.split("/")[0]) if "/" in cell else 0 for cell in cells]
        assert answered == sorted(answered, reverse=True), (day, cells)
    assert "0/3 đã trả lời" in browse.fetch_rows(db, "vetting-cases", [nominee], today=dt.date(2026, 2, 15))[nominee]


def test_the_vetting_cases_register_filters_by_its_replies_as_by_its_other_columns(db):
    """The officer ticks the cases whose replies found a record among the replies' values, as Excel filters."""
    nominee = _nominee_case(db)
    assert browse.CASE_REPLIES in browse.filterable("vetting-cases")
    values = dict(browse.column_values(db, "vetting-cases", browse.CASE_REPLIES))
    found = "2/3 đã trả lời · 1 có tài liệu"
    assert values[found] == 1 and sum(values.values()) == browse.count(db, "vetting-cases")
    kept = browse.Filters(values=((browse.CASE_REPLIES, (found,)),))
    assert browse.record_ids(db, "vetting-cases", filters=kept) == [nominee]
    others = tuple(value for value in values if value != found)
    assert nominee not in browse.record_ids(db, "vetting-cases", filters=browse.Filters(
        values=((browse.CASE_REPLIES, others),)))
    assert len(browse.record_ids(db, "vetting-cases", filters=browse.Filters(
        values=((browse.CASE_REPLIES, others),)))) == browse.count(db, "vetting-cases") - 1


def test_the_replies_of_a_page_of_cases_are_read_in_one_query_whatever_its_rows(db):
    """100,000 slips: a page of the register reads its cases' replies in one statement, not one a case."""
    _nominee_case(db)
    ids = browse.record_ids(db, "vetting-cases")
    statements = []

    def counted(*args):
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", counted)
    try:
        browse.fetch_rows(db, "vetting-cases", ids[:1])
        one = len(statements)
        statements.clear()
        browse.fetch_rows(db, "vetting-cases", ids)
    finally:
        event.remove(db.engine, "before_cursor_execute", counted)
    assert len(ids) >= 3 and len(statements) == one


def test_the_delegation_register_shows_when_each_report_after_the_trip_is_due_and_how_late(db, cli, tmp_path):
    """On Monday 06/10/2025 the delegation back on Monday 22/09/2025 owes its report since Wednesday 01/10 (seven
    working days): five days late, as its filter «Quá hạn báo cáo» says; 125-QĐ/TU, back on 08/04/2025, handed its
    report in on 12/04, in time for 17/04; a delegation called off owes none. Shown, never exported."""
    [late] = browse.record_ids(db, "delegations", "chuyển đổi số")
    [in_time] = browse.record_ids(db, "delegations", "125-QĐ/TU")
    called_off = editing.save(db, "delegations", {**editing.load(db, "delegations", late), "status": "Đã hủy",
                                                  "name": "Đoàn khảo sát du lịch cộng đồng", "depart_on": "10/03/2025",
                                                  "return_on": "15/03/2025"})
    assert _cells_on(db, dt.date(2025, 10, 6), "delegations", "Hạn báo cáo", (late, in_time, called_off)) == [
        "01/10/2025 (quá hạn 5 ngày)", "17/04/2025", ""]
    assert browse.record_ids(db, "delegations", filters=browse.Filters(overdue=True)) == [late]
    code, _, _ = cli("export", "delegations", "--out", tmp_path / "doan.xlsx")
    exported = next(openpyxl.load_workbook(tmp_path / "doan.xlsx").worksheets[0].iter_rows(values_only=True))
    assert code == 0 and "Hạn báo cáo" not in exported
