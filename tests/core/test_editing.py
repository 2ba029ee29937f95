"""Creating and editing records from form values: validation, the person rule, audit, roles."""

import json

import pytest
from sqlalchemy import select

from bvct_desktop.core import audit, audit_words, browse, earlier_slips, editing
from bvct_desktop.core.errors import PermissionDenied
from bvct_desktop.core.kinds import kind_named
from bvct_desktop.core.people import Identity
from bvct_desktop.core.personfile import relatives, writes
from bvct_desktop.core.personfile.foreign import FOREIGN_ELEMENTS
from bvct_desktop.core.schema import audit_log, persons, slips
from tests.sample_db import viewer_database


def test_every_invalid_field_is_reported_in_vietnamese(db):
    with pytest.raises(editing.FormProblems) as caught:
        editing.save(db, "slips", {"number": "", "issued_on": "31/02/2025", "full_name": "Lê Văn Tám",
                                    "recipient": "Cục A93B – Bộ Công an", "purpose": "Du lịch"})
    problems = caught.value.problems
    assert set(problems) == {"number", "issued_on", "purpose"}
    assert problems["number"] == "Số phiếu: bắt buộc, không được để trống"
    assert "không tồn tại" in problems["issued_on"]


def test_a_field_the_form_lacks_stays_as_stored_on_a_register_and_in_the_persons_file_alike():
    """What the values lack is left out (kept as stored), a required field told missing all the same: the one
    rule for a register's form and an edit of the person's file («Thân nhân»)."""
    raw = {"occupation": "Nông dân", "deceased": None}
    values, problems = editing.parse_fields(relatives.FIELDS, raw)
    assert values == {"occupation": "Nông dân", "deceased": None}
    assert problems == {"relation": "Quan hệ: bắt buộc, không được để trống",
                        "full_name": "Họ và tên thân nhân: bắt buộc, không được để trống"}
    with pytest.raises(editing.FormProblems) as refused:
        writes.parse(relatives.FIELDS, raw, partial=True)
    assert refused.value.problems == problems


def test_partial_birth_dates_as_typed(db):
    for typed, stored in (("1955", "1955"), ("03/1955", "1955-03"), ("12/03/1955", "1955-03-12")):
        cid = editing.save(db, "cadres", {"full_name": f"Võ Văn {typed}", "birth_date": typed})
        assert editing.load(db, "cadres", cid)["birth_date"] == stored


@pytest.mark.parametrize("typed", ["1952", "05/1952", "12/05/1952"])
def test_a_partial_birth_date_survives_a_load_then_save(db, typed):
    """The form is filled with the stored value («1952-05»); saving it unchanged keeps «05/1952»."""
    cid = editing.save(db, "cadres", {"full_name": "Đặng Văn Lộc", "birth_date": typed})
    values = editing.load(db, "cadres", cid)
    editing.save(db, "cadres", values, record_id=cid, person_id=values["person_id"], seen=values[editing.VERSION])
    birth_date = editing.load(db, "cadres", cid)["birth_date"]
    assert kind_named("cadres").field("birth_date").display(birth_date) == typed


def test_a_new_slip_for_a_known_person_reuses_them_and_the_picker_shows_what_is_known(db):
    found = editing.find_people(db, "pham van binh")
    assert len(found) == 1
    assert "Phiếu 12/PXM ngày 05/01/2025: trả lời ngày 20/02/2025 — Không có tàng thư" in found[0].known
    before = _count_persons(db)
    editing.save(db, "slips", {"number": "2/PXM", "issued_on": "05/02/2026", "full_name": "Phạm Văn Bình",
                               "birth_date": "1950", "home_town": "Hàm Tiến", "recipient": "Phòng PV27 mới"},
                 person_id=found[0].person_id)
    assert _count_persons(db) == before


def test_the_picker_tells_each_slip_in_the_earlier_slips_words_without_where_and_for_whom(db):
    """The picker's lines are short: the slip's number and day and its reply, newest first; the recipient and
    the person vetted stay in the new slip's own telling (earlier_slips), whose words the picker shares."""
    [binh] = editing.find_people(db, "pham van binh")
    assert binh.known == ["Phiếu 1/PXM ngày 03/01/2026: chờ trả lời",
                          "Phiếu 12/PXM ngày 05/01/2025: trả lời ngày 20/02/2025 — Không có tàng thư"]
    told = [slip.told() for slip in earlier_slips.about(db, binh.person_id)]
    assert [line.split(" gửi ")[0] for line in told] == [line.split(":")[0] for line in reversed(binh.known)]
    assert [line.split(": ", 1)[1] for line in told] == [line.split(": ", 1)[1] for line in reversed(binh.known)]


def test_the_picker_lists_first_those_whose_name_holds_every_word_typed(db):
    """«Nguyễn Ngọc Hương» of «thành phố Phan Thiết» matches "nguyen thi thanh huong" too (thi, thanh in
    her home town) and comes first by name order; the cadre named so comes first."""
    for name, home_town in (("Nguyễn Ngọc Hương", "thành phố Phan Thiết"),
                            ("Nguyễn Thị Thanh Hương Bích Ngọc", "Đức Linh")):
        editing.save(db, "cadres", {"full_name": name, "birth_date": "1980", "home_town": home_town})
    found = [facts.description.split(",")[0] for facts in editing.find_people(db, "nguyen thi thanh huong")]
    assert found == ["Nguyễn Thị Thanh Hương Bích Ngọc", "Nguyễn Ngọc Hương"]


def test_the_picker_lists_first_the_name_spelled_as_typed(db):
    """«Nguyễn Thị Ngọc Ánh» typed exactly came after «Nguyễn Thị Ngọc Anh» (the order of names): the
    spelling typed comes first, as possible_duplicates puts it; typed in part («Ngọc Ánh»), too."""
    for name in ("Nguyễn Thị Ngọc Anh", "Nguyễn Thị Ngọc Ánh"):
        editing.save(db, "cadres", {"full_name": name, "birth_date": "1986"})

    def found(query):
        return [facts.description.split(",")[0] for facts in editing.find_people(db, query)]

    assert found("Nguyễn Thị Ngọc Ánh") == found("ngọc ánh") == ["Nguyễn Thị Ngọc Ánh", "Nguyễn Thị Ngọc Anh"]
    assert found("Nguyễn Thị Ngọc Anh") == found("Ngọc Anh") == ["Nguyễn Thị Ngọc Anh", "Nguyễn Thị Ngọc Ánh"]
    assert found("nguyen thi ngoc anh") == ["Nguyễn Thị Ngọc Anh", "Nguyễn Thị Ngọc Ánh"]  # the order of names


def test_the_picker_finds_by_a_units_new_name_with_its_unit_word_as_the_register_does(db):
    """«Đặc khu Phú Quý», as the program shows «Ngũ Phụng, Phú Quí (nay: đặc khu Phú Quý, Lâm Đồng)», finds
    the people written under the old names as the register does; «Phú» and «Quý» apart do not make the phrase."""
    for name, home_town in (("Đinh Văn Đảo", "Ngũ Phụng, Phú Quí"), ("Đinh Văn Đặc", "Đặc khu Phú Quý, Lâm Đồng"),
                            ("Đinh Văn Tam", "Tam Thanh, Phú Quý"), ("Đinh Phú Lâm", "Quý Hải, Đồng Nai")):
        editing.save(db, "cadres", {"full_name": name, "birth_date": "1980", "home_town": home_town})
    found = {facts.description.split(",")[0] for facts in editing.find_people(db, "Đặc khu Phú Quý")}
    assert found == {"Đinh Văn Đảo", "Đinh Văn Đặc", "Đinh Văn Tam"}
    assert found == set(_register_names(db, "cadres", "Đặc khu Phú Quý"))


def _register_names(db, kind: str, query: str) -> list[str]:
    ids = browse.record_ids(db, kind, query)
    column = [c.key for c in browse.view(kind).columns].index("full_name")
    return [row[column] for row in browse.fetch_rows(db, kind, ids).values()]


def test_a_person_who_may_be_the_same_is_warned_about(db):
    maybe = editing.possible_duplicates(db, Identity("NGUYỄN VĂN HÙNG", "1965", "Hà Nội"))
    assert [p.description for p in maybe] == ["Nguyễn Văn Hùng, sinh 12/03/1965, quê Phú Thủy, Phan Thiết, "
                                              "CCCD 060065001234"]
    assert editing.possible_duplicates(db, Identity("Nguyễn Văn Hùng", "1990")) == []


def test_a_name_typed_without_diacritics_is_warned_about_as_the_search_finds_it(db):
    """Officers often type without diacritics; the exact spelling is listed first, then the rest."""
    editing.save(db, "cadres", {"full_name": "Nguyễn Văn Hưng", "birth_date": "1965"})
    maybe = editing.possible_duplicates(db, Identity("nguyen van hung", "1965-03-12"))
    assert [p.description.split(",")[0] for p in maybe] == ["Nguyễn Văn Hùng", "Nguyễn Văn Hưng"]
    spelled = editing.possible_duplicates(db, Identity("Nguyễn Văn Hưng", "1965"))
    assert [p.description.split(",")[0] for p in spelled] == ["Nguyễn Văn Hưng", "Nguyễn Văn Hùng"]
    assert editing.possible_duplicates(db, Identity("nguyen van", "1965")) == []


def test_editing_is_audited_with_old_and_new_values(db):
    cid = browse.record_ids(db, "cadres", "tran thi anh")[0]
    values = editing.load(db, "cadres", cid)
    editing.save(db, "cadres", {**values, "position": "Giám đốc"}, record_id=cid, person_id=values["person_id"])
    with db.read() as connection:
        entry = connection.execute(select(audit_log).order_by(audit_log.c.id.desc()).limit(1)).mappings().one()
    assert (entry["action"], entry["kind"], entry["record_id"]) == ("sửa", "cadres", cid)
    assert json.loads(entry["details"]) == {audit.RECORD: {"full_name": values["full_name"],
                                                           "birth_date": values["birth_date"]},
                                            "position": {"cu": "Phó Giám đốc", "moi": "Giám đốc"}}


def test_a_delegations_members_changed_are_audited_in_the_words_of_the_member_fields(db):
    """Old → new as every field reads, each member in brackets with what the form's member table calls
    its values (the empty ones left out), not the keys the trail keeps."""
    trip = {"name": "Đoàn khảo sát", "countries": "Lào", "depart_on": "01/05/2026", "return_on": "05/05/2026"}
    hung = {"full_name": "Nguyễn Văn Hùng", "birth_date": "12/03/1965", "role": "Trưởng đoàn"}
    did = editing.save(db, "delegations", {**trip, editing.MEMBERS: [hung]})
    seen = editing.load(db, "delegations", did)[editing.VERSION]
    editing.save(db, "delegations", {**trip, editing.MEMBERS: [
        {**hung, "role": "Thành viên"}, {"full_name": "Cao Thị Mới", "birth_date": "1991", "position": "Chuyên viên"}]},
        record_id=did, seen=seen)
    hung_said = ("Họ và tên thành viên: «Nguyễn Văn Hùng», Ngày sinh: 12/03/1965, Quê quán: «Phú Thủy, Phan Thiết», "
                 "Số CCCD: 060065001234")
    assert audit_words.cells(list(audit.list_entries(db))[-1])[8].split("; ", 1)[1] == (
        f"Thành viên: ({hung_said}, Vai trò: «Trưởng đoàn») → ({hung_said}, Vai trò: «Thành viên»), "
        "(Họ và tên thành viên: «Cao Thị Mới», Ngày sinh: 1991, Chức vụ: «Chuyên viên»)")


def test_a_cccd_of_someone_else_is_refused(db):
    with pytest.raises(editing.FormProblems) as caught:
        editing.save(db, "cadres", {"full_name": "Lê Văn Mới", "birth_date": "1990", "cccd": "060065001234"})
    assert "đã thuộc về người khác" in caught.value.problems["cccd"]


def test_a_cccd_disagreeing_with_the_birth_year_or_sex_is_listed_to_confirm_before_saving(db):
    """As an import takes and tells it: the form asks first (a typo would make a second person by the
    CCCD), and saves if the officer says the paper is right."""
    cap = {"full_name": "Vũ Văn Cập", "birth_date": "01/01/1970", "gender": "Nam", "cccd": "060007000333"}
    assert editing.to_confirm(db, "cadres", cap) == [
        "Số CCCD: số 060007000333 cho biết năm sinh 1907 (chữ số thứ 4–6) nhưng ngày sinh là 01/01/1970: hãy xem lại"]
    assert editing.to_confirm(db, "cadres", {**cap, "cccd": "060070000333"}) == []
    told = editing.to_confirm(db, "delegations", {
        "name": "Đoàn Lào", "countries": "Lào", "depart_on": "01/05/2026", "return_on": "05/05/2026",
        editing.MEMBERS: [{"full_name": "Vũ Văn Cập", "birth_date": "1970", "cccd": "060070000333"},
                          {"full_name": "Vũ Thị Mới", "birth_date": "1971", "cccd": "060170000555"}]})
    assert told[0] == ("Thành viên 2: Số CCCD: số 060170000555 cho biết năm sinh 1970 (chữ số thứ 4–6) nhưng ngày "
                       "sinh là 1971: hãy xem lại")  # which member, as a member's error says
    assert [doubt.split(":")[0] for doubt in told[1:]] == ["Thành viên 1", "Thành viên 2"]  # neither is a cadre yet


def test_text_pasted_from_an_old_vntime_document_is_listed_to_confirm_with_its_unicode(db):
    """Copied from a Word file in .VnTime, a name reads «NguyÔn V¨n H­ng»: saved so, no search finds the person
    and no home town is recognised. The form asks first and says what it is in Unicode, as the import converts it."""
    pasted = {"full_name": "NguyÔn V¨n H\u00adng", "birth_date": "1965",
              "home_town": "x· Ngò Phông, huyÖn Phó QuÝ, tØnh B×nh ThuËn"}
    assert editing.to_confirm(db, "cadres", pasted) == [
        "Họ và tên: chữ gõ bằng bảng mã cũ (TCVN3), chưa phải Unicode; viết đúng là «Nguyễn Văn Hưng»: hãy sửa lại",
        "Quê quán: chữ gõ bằng bảng mã cũ (TCVN3), chưa phải Unicode; viết đúng là «xã Ngũ Phụng, huyện Phú Quí, "
        "tỉnh Bình Thuận»: hãy sửa lại"]
    assert editing.to_confirm(db, "cadres", {"full_name": "Nguyễn Văn Hoà", "birth_date": "1965",
                                             "home_town": "Hoà Bình"}) == []


def test_a_member_no_cadre_matches_is_listed_to_confirm_before_saving_adds_a_new_cadre(db):
    """The tour's phantom cadre: «Nguyễn Văn Hưng» typed for the cadre «Nguyễn Văn Hùng» was saved as a new
    cadre without a word, the real one's file never showing the trip. The form asks first, as an import
    tells «Cán bộ mới (thêm từ danh sách đoàn)»; once saved, that member is a cadre and is not asked about."""
    trip = {"name": "Đoàn Lào", "countries": "Lào", "depart_on": "01/05/2026", "return_on": "05/05/2026"}
    members = [{"full_name": "Nguyễn Văn Hùng", "birth_date": "12/03/1965", "role": "Trưởng đoàn"},
               {"full_name": "Nguyễn Văn Hưng", "birth_date": "12/03/1965"}]
    cadres_before = len(browse.record_ids(db, "cadres"))
    assert editing.to_confirm(db, "delegations", {**trip, editing.MEMBERS: members}) == [
        "Thành viên 2: «Nguyễn Văn Hưng, sinh 12/03/1965» không có trong danh sách cán bộ: lưu sẽ thêm một cán bộ "
        "mới; nếu là cán bộ đã có, hãy sửa họ tên, ngày sinh cho khớp với hồ sơ cán bộ"]
    assert len(browse.record_ids(db, "cadres")) == cadres_before  # asking writes nothing
    did = editing.save(db, "delegations", {**trip, editing.MEMBERS: members})
    assert editing.to_confirm(db, "delegations", {**trip, editing.MEMBERS: members}, did) == []


def test_a_member_abroad_with_another_delegation_at_the_same_time_is_listed_to_confirm(db):
    """One cadre on two trips at once is a mistyped date or the wrong member; a trip leaving the day
    another comes back is not. Once confirmed, editing the delegation does not ask again."""
    hung = {"full_name": "Nguyễn Văn Hùng", "birth_date": "12/03/1965"}
    first = {"name": "Đoàn Lào", "countries": "Lào", "depart_on": "01/05/2026", "return_on": "05/05/2026",
             editing.MEMBERS: [hung]}
    first_id = editing.save(db, "delegations", first)
    second = {"name": "Đoàn Nhật Bản", "countries": "Nhật Bản", "depart_on": "04/05/2026", "return_on": "09/05/2026",
              editing.MEMBERS: [{"full_name": "Cao Thị Mới", "birth_date": "1991"}, hung]}
    told = editing.to_confirm(db, "delegations", second)
    assert told[-1] == ("Thành viên 2: Họ và tên thành viên: «Nguyễn Văn Hùng» cùng thời gian đi "
                        "với đoàn «Đoàn Lào» (01/05/2026 – 05/05/2026): hãy xem lại ngày đi, ngày về hoặc thành viên")
    assert editing.to_confirm(db, "delegations", {**second, "depart_on": "05/05/2026"})[-1].startswith(
        "Thành viên 1: «Cao Thị Mới")  # back in the morning, off again in the evening
    assert editing.to_confirm(db, "delegations", {**first, "countries": "Lào, Campuchia"}, first_id) == []
    second_id = editing.save(db, "delegations", second)
    assert editing.to_confirm(db, "delegations", {**second, "countries": "Nhật Bản, Hàn Quốc"}, second_id) == []


def test_a_delegation_listing_two_heads_is_listed_to_confirm_and_saved_if_confirmed(db):
    trip = {"name": "Đoàn Lào", "countries": "Lào", "depart_on": "01/05/2026", "return_on": "05/05/2026",
            editing.MEMBERS: [{"full_name": "Nguyễn Văn Hùng", "birth_date": "12/03/1965", "role": "Trưởng đoàn"},
                              {"full_name": "Cao Thị Mới", "birth_date": "1991", "role": "Trưởng đoàn"}]}
    assert editing.to_confirm(db, "delegations", trip)[-1] == (
        "Thành viên 2: Vai trò: đoàn đã có Trưởng đoàn «Nguyễn Văn Hùng»: một đoàn có một Trưởng đoàn, hãy xem lại "
        "vai trò của «Cao Thị Mới» và «Nguyễn Văn Hùng»")
    assert editing.save(db, "delegations", trip)


def test_a_member_whose_file_records_a_trip_abroad_at_the_same_time_is_listed_to_confirm(db):
    """A private trip on the cadre's file («Đi nước ngoài»), dated to the day or only to the month, on the
    delegation's days is told, not refused: the file's dates or the member may be wrong. The delegation's
    own trip recorded on the file (the same days, its country) is no other trip."""
    hung = {"full_name": "Nguyễn Văn Hùng", "birth_date": "12/03/1965"}
    [cadre] = browse.record_ids(db, "cadres", "Nguyễn Văn Hùng")
    person = editing.load(db, "cadres", cadre)["person_id"]
    private = {"element_kind": "Đi nước ngoài", "details": "Đi việc riêng (thăm thân)", "source": "Đơn của đồng chí"}
    FOREIGN_ELEMENTS.add(db, person, {**private, "country": "Thái Lan", "since": "03/05/2026", "until": "07/05/2026"})
    FOREIGN_ELEMENTS.add(db, person, {**private, "country": "Úc", "since": "07/2026"})
    FOREIGN_ELEMENTS.add(db, person, {**private, "country": "Lào", "since": "01/09/2026", "until": "05/09/2026"})
    trip = {"name": "Đoàn Lào", "countries": "Lào", editing.MEMBERS: [hung]}

    def told(depart_on: str, return_on: str) -> list[str]:
        return [doubt for doubt in editing.to_confirm(db, "delegations", {**trip, "depart_on": depart_on,
                                                                          "return_on": return_on})
                if "hồ sơ cá nhân" in doubt]

    assert told("01/05/2026", "05/05/2026") == [
        "Thành viên 1: Họ và tên thành viên: «Nguyễn Văn Hùng» có chuyến đi nước ngoài ghi trong hồ sơ cá nhân "
        "cùng thời gian (Thái Lan, 03/05/2026 – 07/05/2026: Đi việc riêng (thăm thân)): hãy xem lại ngày đi, "
        "ngày về của đoàn, thành viên hoặc hồ sơ cá nhân"]
    assert told("20/07/2026", "24/07/2026") == [
        "Thành viên 1: Họ và tên thành viên: «Nguyễn Văn Hùng» có chuyến đi nước ngoài ghi trong hồ sơ cá nhân "
        "cùng thời gian (Úc, 07/2026: Đi việc riêng (thăm thân)): hãy xem lại ngày đi, "
        "ngày về của đoàn, thành viên hoặc hồ sơ cá nhân"]
    assert told("07/05/2026", "10/05/2026") == []  # back in the morning, off again in the evening
    assert told("01/09/2026", "05/09/2026") == []  # the delegation's own trip, recorded on the file too


def test_a_delegation_leaving_before_its_decision_is_listed_to_confirm_before_saving(db):
    """A trip abroad before the decision sending it is travel without approval (QĐ 69-QĐ/TW, Điều 34) or a
    mistyped date that moves the delegation to another period of the report: asked, not refused."""
    trip = {"decision_no": "55-QĐ/TU", "decision_on": "20/02/2026", "name": "Đoàn Lào", "countries": "Lào",
            "depart_on": "10/02/2026", "return_on": "15/02/2026",
            editing.MEMBERS: [{"full_name": "Nguyễn Văn Hùng", "birth_date": "12/03/1965"}]}
    assert editing.to_confirm(db, "delegations", trip) == [
        "Ngày quyết định: «20/02/2026» ở sau Ngày đi «10/02/2026»: đoàn đi trước khi có quyết định cử? Hãy xem lại"]
    assert editing.to_confirm(db, "delegations", {**trip, "decision_on": "10/02/2026"}) == []


def test_a_doubt_confirmed_when_the_record_was_saved_is_not_asked_again_at_each_save(db):
    """The officer said the paper is right once; a later edit of the same record asks only about a doubt
    its new values raise."""
    cap = {"full_name": "Vũ Văn Cập", "birth_date": "01/01/1970", "gender": "Nam", "cccd": "060007000333"}
    cid = editing.save(db, "cadres", cap)
    assert editing.to_confirm(db, "cadres", {**cap, "position": "Chuyên viên"}, cid) == []
    assert editing.to_confirm(db, "cadres", {**cap, "birth_date": "1971"}, cid) == [
        "Số CCCD: số 060007000333 cho biết năm sinh 1907 (chữ số thứ 4–6) nhưng ngày sinh là 1971: hãy xem lại"]
    members = [{"full_name": "Vũ Thị Mới", "birth_date": "1971", "cccd": "060170000555"}]
    trip = {"name": "Đoàn Lào", "countries": "Lào", "depart_on": "01/05/2026", "return_on": "05/05/2026"}
    did = editing.save(db, "delegations", {**trip, editing.MEMBERS: members})
    assert editing.to_confirm(db, "delegations", {**trip, "countries": "Lào, Campuchia",
                                                  editing.MEMBERS: members}, did) == []


def test_a_delegation_is_saved_with_its_members(db):
    did = editing.save(db, "delegations", {
        "name": "Đoàn khảo sát du lịch", "countries": "Lào", "depart_on": "01/05/2026", "return_on": "05/05/2026",
        editing.MEMBERS: [{"full_name": "Nguyễn Văn Hùng", "birth_date": "12/03/1965", "role": "Trưởng đoàn"},
                          {"full_name": "Cao Thị Mới", "birth_date": "1991"}]})
    members = editing.load(db, "delegations", did)[editing.MEMBERS]
    assert [(m["full_name"], m["role"]) for m in members] == [("Nguyễn Văn Hùng", "Trưởng đoàn"), ("Cao Thị Mới", None)]
    with pytest.raises(editing.FormProblems) as caught:
        editing.save(db, "delegations", {"name": "Đoàn", "countries": "Lào", "depart_on": "05/05/2026",
                                         "return_on": "01/05/2026", editing.MEMBERS: []})
    assert caught.value.problems == {"members": "Đoàn phải có ít nhất một thành viên",
                                     "return_on": "Ngày về (01/05/2026) trước Ngày đi (05/05/2026)"
                                                  ": hãy xem lại một trong hai ngày"}


def test_a_letter_form_names_every_date_before_its_receipt(db):
    with pytest.raises(editing.FormProblems) as caught:
        editing.save(db, "complaints", {"received_on": "10/10/2025", "complaint_kind": "Tố cáo", "summary": "Tố cáo",
                                        "due_on": "01/10/2025", "resolved_on": "05/10/2025"})
    assert caught.value.problems == {"due_on": "Hạn giải quyết (01/10/2025) trước Ngày nhận (10/10/2025)"
                                               ": hãy xem lại một trong hai ngày",
                                     "resolved_on": "Ngày giải quyết (05/10/2025) trước Ngày nhận (10/10/2025)"
                                                    ": hãy xem lại một trong hai ngày"}


def test_a_member_listed_twice_on_the_form_is_told_by_the_member_it_repeats(db):
    """A form has no file and no lines: the first listing is named as the member it is."""
    hung = {"full_name": "Nguyễn Văn Hùng", "birth_date": "12/03/1965"}
    with pytest.raises(editing.FormProblems) as caught:
        editing.save(db, "delegations", {
            "name": "Đoàn Lào", "countries": "Lào", "depart_on": "01/05/2026", "return_on": "05/05/2026",
            editing.MEMBERS: [hung, {"full_name": "Cao Thị Mới", "birth_date": "1991"}, hung]})
    assert caught.value.problems == {
        "members.3.full_name": "Thành viên 3: trùng thành viên trong cùng đoàn với thành viên 1"}


def test_a_reply_dated_before_its_slip_was_sent_is_refused_at_its_field(db):
    with pytest.raises(editing.FormProblems) as caught:
        editing.save(db, "slips", {"number": "77/PXM", "issued_on": "10/03/2026", "full_name": "Lê Văn Tám",
                                   "recipient": "Cục A93B – Bộ Công an", "result_on": "09/03/2026",
                                   "result": "Không có tàng thư"})
    assert caught.value.problems == {
        "result_on": "Ngày nhận kết quả (09/03/2026) trước Ngày phát hành (10/03/2026): hãy xem lại một trong hai ngày"}


def test_a_viewer_may_not_edit(cli, db):
    viewer = viewer_database(cli, db)
    with pytest.raises(PermissionDenied):
        editing.save(viewer, "complaints", {"received_on": "01/03/2026", "complaint_kind": "Tố cáo",
                                            "summary": "Nội dung"})
    viewer.close()


def _count_persons(db) -> int:
    with db.read() as connection:
        return len(connection.execute(select(persons.c.id)).all())


@pytest.mark.parametrize(("kind", "changes"), [
    ("complaints", {"summary": "Nội dung đã sửa"}),
    ("archive-requests", {"doc_no": "99/CV"}),
    ("delegations", {"name": "Tên đoàn đã sửa"}),
])
def test_a_form_edits_the_fields_that_name_its_record(db, kind, changes):
    """The fields of a record's natural key (a complaint's summary, a delegation's name…) are edited too."""
    record = browse.record_ids(db, kind)[0]
    stored = editing.load(db, kind, record)
    shown = {spec.key: spec.display(stored[spec.key]) for spec in kind_named(kind).fields if spec.key in stored}
    editing.save(db, kind, {**stored, **shown, **changes}, record, stored.get("person_id"), stored[editing.VERSION])
    assert {key: editing.load(db, kind, record)[key] for key in changes} == changes


# -- a person edited into another ------------------------------------------------------------

HONG = {"full_name": "Nguyễn Thị Hồng", "home_town": "Xã Ngũ Phụng, huyện Phú Quí, tỉnh Bình Thuận"}


def _edited(db, kind: str, record: int, **changes) -> None:
    """Saves the record's form as loaded, with `changes` typed in."""
    stored = editing.load(db, kind, record)
    shown = {spec.key: spec.display(stored[spec.key]) for spec in kind_named(kind).fields if spec.key in stored}
    editing.save(db, kind, {**shown, **changes}, record, stored["person_id"], stored[editing.VERSION])


def test_an_edit_making_a_person_the_same_as_another_is_refused_naming_them(db):
    """Two Nguyễn Thị Hồng of one home town, born 12/03/1975 and «1975», are two people; the second one
    edited to 12/03/1975 would be the first under the person rule, and every import naming her after would
    stop at the two."""
    editing.save(db, "cadres", {**HONG, "birth_date": "12/03/1975"})
    second = editing.save(db, "cadres", {**HONG, "birth_date": "1975"})
    with pytest.raises(editing.FormProblems) as caught:
        _edited(db, "cadres", second, birth_date="12/03/1975")
    assert caught.value.problems == {"birth_date": (
        "Trùng với người đã có: Nguyễn Thị Hồng, sinh 12/03/1975, quê Xã Ngũ Phụng, huyện Phú Quí, tỉnh Bình Thuận "
        "(cùng họ tên, ngày sinh, quê quán là một người); nếu là hai người khác nhau, hãy ghi Số CCCD của cả hai")}
    assert editing.load(db, "cadres", second)["birth_date"] == "1975"


def test_a_slips_person_edited_into_another_is_refused_too(db):
    editing.save(db, "cadres", {**HONG, "birth_date": "12/03/1975"})
    slip = editing.save(db, "slips", {**HONG, "number": "9/PXM", "issued_on": "05/02/2026", "birth_date": "1975",
                                      "recipient": "Cục A93B – Bộ Công an"})
    with pytest.raises(editing.FormProblems) as caught:
        _edited(db, "slips", slip, birth_date="12/03/1975")
    assert caught.value.problems["birth_date"].startswith("Trùng với người đã có: Nguyễn Thị Hồng, sinh 12/03/1975")


def test_two_persons_told_apart_by_their_cccds_may_share_name_birth_date_and_home_town(db):
    first = editing.save(db, "cadres", {**HONG, "birth_date": "12/03/1975", "cccd": "068175000111"})
    second = editing.save(db, "cadres", {**HONG, "birth_date": "1975", "cccd": "068175000222"})
    _edited(db, "cadres", second, birth_date="12/03/1975")
    assert editing.load(db, "cadres", second)["birth_date"] == "1975-03-12"
    with pytest.raises(editing.FormProblems) as caught:
        _edited(db, "cadres", first, cccd="")
    assert caught.value.problems["cccd"].startswith("Trùng với người đã có: Nguyễn Thị Hồng, sinh 12/03/1975")


def test_a_person_left_with_no_record_once_it_moved_to_the_one_picked_is_offered_no_more(db):
    """A slip written for «Nguyễn Văn Hùng», 1965, of «Tân Hòa» made a second person; the officer picks the
    stored Nguyễn Văn Hùng («Dùng người này») and saves: the second person is about nothing any more, and
    the picker offers only the one kept, when searching as when warning of who may be the same."""
    slip = editing.save(db, "slips", {"number": "7/PXM", "issued_on": "05/02/2026", "full_name": "Nguyễn Văn Hùng",
                                      "birth_date": "1965", "home_town": "Tân Hòa",
                                      "recipient": "Cục A93B – Bộ Công an"})
    values = editing.load(db, "slips", slip)
    kept = editing.possible_duplicates(db, Identity("Nguyễn Văn Hùng", "1965"), except_person=values["person_id"])
    stored = editing.load_person(db, kept[0].person_id)
    editing.save(db, "slips", {**values, **{key: stored[key] for key in ("full_name", "birth_date", "home_town")}},
                 record_id=slip, person_id=stored["id"], seen=values[editing.VERSION])
    assert [p.person_id for p in editing.find_people(db, "nguyen van hung")] == [stored["id"]]
    assert [p.person_id for p in editing.possible_duplicates(db, Identity("Nguyễn Văn Hùng", "1965"))] == [stored["id"]]


def test_a_person_known_only_as_a_cadres_relative_is_still_offered(db):
    editing.save(db, "cadres", {"full_name": "Đinh Văn Toàn", "birth_date": "1970"})
    editing.save(db, "relatives", {"cadre_name": "Đinh Văn Toàn", "cadre_birth_date": "1970", "relation": "Cha",
                                   "full_name": "Đinh Văn Thọ", "birth_date": "1942"})
    assert [p.description for p in editing.find_people(db, "dinh van tho")] == ["Đinh Văn Thọ, sinh 1942"]


def test_a_letters_summary_keeps_its_lines_is_found_by_words_across_them_and_resaved_unchanged_is_no_edit(db):
    typed = "Phản ánh ông A vi phạm\r\nđất đai tại xã Hàm Thuận.\r\n\r\n\r\nĐề nghị xem xét."
    cid = editing.save(db, "complaints", {"received_on": "10/10/2025", "complaint_kind": "Tố cáo",
                                          "summary": typed, "result": "Đã chuyển\nUBKT xử lý"})
    values = editing.load(db, "complaints", cid)
    assert values["summary"] == "Phản ánh ông A vi phạm\nđất đai tại xã Hàm Thuận.\n\nĐề nghị xem xét."
    assert values["result"] == "Đã chuyển\nUBKT xử lý"
    assert cid in browse.record_ids(db, "complaints", "vi phạm đất đai")
    with db.read() as connection:
        entries = connection.execute(select(audit_log.c.id)).all()
    editing.save(db, "complaints", values, record_id=cid, seen=values[editing.VERSION])
    with db.read() as connection:
        assert connection.execute(select(audit_log.c.id)).all() == entries


def test_a_summary_over_what_an_excel_cell_holds_is_refused_and_nothing_stored(db):
    """32,000 characters of which 1,000 emoji: Excel counts 33,000, its export would be cut."""
    with db.read() as connection:
        before = connection.execute(select(audit_log.c.id)).scalars().all()
    with pytest.raises(editing.FormProblems) as caught:
        editing.save(db, "complaints", {"received_on": "10/10/2025", "complaint_kind": "Tố cáo",
                                        "sender": "Nguyễn Văn A", "summary": "ồ" * 31_000 + "📎" * 1_000})
    assert caught.value.problems["summary"].endswith(
        "quá dài (33.000 ký tự, mỗi emoji hay chữ hiếm tính là 2 như Excel; tối đa 32.767)")
    with db.read() as connection:
        assert connection.execute(select(audit_log.c.id)).scalars().all() == before


# -- a field the values leave out ------------------------------------------------------------

def _hung(db) -> dict:
    [cid] = browse.record_ids(db, "cadres", "nguyen van hung")
    return editing.load(db, "cadres", cid)


def test_a_field_left_out_of_the_values_keeps_what_is_stored_on_the_person_and_the_record(db):
    """Values without «Nơi ở hiện nay», «Nơi sinh» or «Đơn vị công tác» (a caller that knows fewer fields than
    the kind has: one added later) change only the fields they hold; the person, shared with the relatives lists
    and the slips, keeps the rest."""
    hung = _hung(db)
    _edited(db, "cadres", hung["id"], birth_place="Xã Phú Thủy")
    editing.save(db, "cadres", {"full_name": "Nguyễn Văn Hùng", "birth_date": "12/03/1965", "position": "Phó Giám đốc"},
                 hung["id"], hung["person_id"])
    after = editing.load(db, "cadres", hung["id"])
    assert after["position"] == "Phó Giám đốc"
    assert {key: after[key] for key in ("residence", "birth_place", "home_town", "cccd", "unit", "party_card_no")} == {
        "residence": "Phường Phú Thủy", "birth_place": "Xã Phú Thủy", "home_town": "Phú Thủy, Phan Thiết",
        "cccd": "060065001234", "unit": "Sở Nội vụ", "party_card_no": "60.012345"}


def test_a_field_emptied_on_the_form_is_cleared(db):
    hung = _hung(db)
    _edited(db, "cadres", hung["id"], residence="", unit="")
    after = editing.load(db, "cadres", hung["id"])
    assert (after["residence"], after["unit"]) == (None, None)


def test_a_new_slip_about_a_cadre_picked_leaves_what_its_values_do_not_give_of_them(db):
    hung = _hung(db)
    editing.save(db, "slips", {"number": "7/PXM", "issued_on": "05/02/2026", "full_name": "Nguyễn Văn Hùng",
                               "birth_date": "12/03/1965", "recipient": "Cục A93B – Bộ Công an"},
                 person_id=hung["person_id"])
    after = editing.load(db, "cadres", hung["id"])
    assert (after["residence"], after["gender"], after["home_town"]) == ("Phường Phú Thủy", "Nam",
                                                                          "Phú Thủy, Phan Thiết")


def test_an_edit_whose_values_say_nothing_of_the_vetting_keeps_the_cadre_it_is_for(db):
    """A slip about Nguyễn Văn Hùng himself (Bản thân) is for his vetting; values without «Quan hệ» and «Họ và tên
    người được thẩm tra» leave it so."""
    hung = _hung(db)
    slip = editing.save(db, "slips", {"number": "8/PXM", "issued_on": "05/02/2026", "full_name": "Nguyễn Văn Hùng",
                                      "birth_date": "12/03/1965", "relation": "Bản thân",
                                      "recipient": "Cục A93B – Bộ Công an"}, person_id=hung["person_id"])
    editing.save(db, "slips", {"number": "8/PXM", "issued_on": "05/02/2026", "full_name": "Nguyễn Văn Hùng",
                               "birth_date": "12/03/1965", "recipient": "Cục A93B – Bộ Công an",
                               "result": "Không có vấn đề"}, slip, hung["person_id"])
    with db.read() as connection:
        assert connection.execute(select(slips.c.vetted_cadre_id).where(slips.c.id == slip)).scalar() == hung["id"]


def test_a_delegation_edited_with_values_lacking_a_members_role_or_its_purpose_keeps_them(db):
    kind = kind_named("delegations")
    record = browse.record_ids(db, "delegations")[0]
    stored = editing.load(db, "delegations", record)
    shown = {spec.key: spec.display(stored[spec.key]) for spec in kind.fields if spec.key in stored}
    members = [{key: kind.field(key).display(value) for key, value in member.items() if key != "role"}
               for member in stored[editing.MEMBERS]]
    left_out = {key: value for key, value in shown.items() if key != "purpose"}
    editing.save(db, "delegations", {**left_out, editing.MEMBERS: members}, record, None, stored[editing.VERSION])
    after = editing.load(db, "delegations", record)
    assert stored["purpose"] and after["purpose"] == stored["purpose"]
    roles = [member["role"] for member in stored[editing.MEMBERS]]
    assert any(roles) and [member["role"] for member in after[editing.MEMBERS]] == roles


def test_a_slip_saved_without_its_death_keeps_that_its_person_has_died(db):
    """«Đã mất» is a Có/Không the plan reads from «Năm mất» too: values lacking both leave it as stored."""
    slip = {"number": "8/PXM", "issued_on": "05/02/2026", "full_name": "Lê Văn Cường", "birth_date": "1940",
            "recipient": "Cục A93B – Bộ Công an"}
    record = editing.save(db, "slips", {**slip, "deceased": "Có", "death_date": "1990"})
    person = editing.load(db, "slips", record)["person_id"]
    editing.save(db, "slips", {**slip, "recipient": "Công an tỉnh"}, record, person)
    after = editing.load(db, "slips", record)
    assert (after["recipient"], after["deceased"], after["death_date"]) == ("Công an tỉnh", "Có", "1990")
