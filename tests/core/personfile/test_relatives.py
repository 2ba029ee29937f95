"""A person's relatives through the services: the person rule, 2C order, audit and roles."""

import pytest

from bvct_desktop.core import editing
from bvct_desktop.core.editing import FormProblems
from bvct_desktop.core.errors import InputError, PermissionDenied
from bvct_desktop.core.kinds import RELATIVES
from bvct_desktop.core.personfile import cases, relatives, writes
from tests.conftest import workbook
from tests.core.personfile.conftest import last_audit, person_named
from tests.sample_db import viewer_database
from tests.samples import SAMPLES

FATHER_IN_LAW = {"relation": "Cha vợ", "full_name": "Lê Văn Cường", "birth_date": "1940",
                 "home_town": "Hàm Tiến", "occupation": "Nông dân"}


def test_relatives_are_listed_in_the_order_of_form_2c(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, FATHER_IN_LAW)
    listed = relatives.list_relatives(db, hung)
    assert [(r.relation, r.full_name) for r in listed] == [
        ("Cha", "Nguyễn Văn Tư"), ("Vợ", "Lê Thị Hoa"), ("Con", "Nguyễn Minh Khoa"), ("Cha vợ", "Lê Văn Cường")]
    assert listed[3].spouse_side and not listed[2].spouse_side
    son = listed[2]
    assert (son.birth_date, son.abroad, son.country, son.abroad_since) == ("1992", True, "Hoa Kỳ", 2015)


def test_a_year_abroad_after_today_is_asked_about_before_saving(db):
    son = {"relation": "Con", "full_name": "Nguyễn Minh Khoa", "birth_date": "1992", "abroad": "Có",
           "country": "Hoa Kỳ", "abroad_since": "2051"}
    [told] = writes.to_confirm(db, relatives.FIELDS, son)
    assert told.startswith("Từ năm: «2051» ở sau hôm nay")
    assert writes.to_confirm(db, relatives.FIELDS, {**son, "abroad_since": "2015"}) == []


def test_a_relative_is_the_same_person_as_the_subject_of_a_slip(db):
    quang = person_named(db, "Phạm Minh Quang")
    binh = person_named(db, "Phạm Văn Bình")
    record = relatives.add_relative(db, quang, {"relation": "Cha", "full_name": "PHẠM VĂN BÌNH",
                                                "birth_date": "1950", "home_town": "Hàm Tiến",
                                                "residence": "Mũi Né"})
    assert relatives.list_relatives(db, quang)[0].relative_id == binh
    assert last_audit(db)["details"]["moi"]["relative_id"] == binh and last_audit(db)["record_id"] == record


def test_an_edit_is_audited_with_old_and_new_values_and_a_deletion_hides_the_relative(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    father = relatives.list_relatives(db, hung)[0]
    changed = relatives.update_relative(db, father.id, {"relation": "Cha", "full_name": "Nguyễn Văn Tư",
                                                        "birth_date": "1938", "home_town": "Phú Thủy, Phan Thiết",
                                                        "residence": "Phường Phú Thủy",
                                                        "occupation": "Cán bộ hưu trí", "abroad": "Không"})
    assert changed == ["occupation"]
    entry = last_audit(db)
    assert entry["action"] == "sửa" and entry["kind"] == "relatives"
    assert entry["details"]["occupation"] == {"cu": "Hưu trí", "moi": "Cán bộ hưu trí"}
    relatives.delete_relative(db, father.id)
    assert [r.relation for r in relatives.list_relatives(db, hung)] == ["Vợ", "Con"]
    with pytest.raises(InputError):
        relatives.add_relative(db, hung, {"relation": "Cha", "full_name": "Nguyễn Văn Tư", "birth_date": "1938",
                                          "home_town": "Phú Thủy, Phan Thiết"})


def test_an_edit_whose_values_lack_a_field_keeps_what_is_stored_there(db):
    """As every other form (core/editing.py): a field the values lack is not emptied, nor a Có/Không one («Đã mất»,
    «Ở nước ngoài», «Đảng viên») whose field and facts they lack; an emptied field still is."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    told = {"birth_place": "Xã Hàm Tiến", "deceased": "Có", "death_date": "1990", "abroad": "Có",
            "country": "Lào", "abroad_since": "1975", "abroad_work": "Buôn bán", "party_member": "Có"}
    record = relatives.add_relative(db, hung, {**FATHER_IN_LAW, **told})
    changed = relatives.update_relative(db, record, {**FATHER_IN_LAW, "occupation": "Hưu trí"})
    father_in_law = relatives.list_relatives(db, hung)[-1]
    assert changed == ["occupation"]
    assert (father_in_law.birth_place, father_in_law.died, father_in_law.abroad, father_in_law.country,
            father_in_law.abroad_since, father_in_law.abroad_work, father_in_law.party_member) == (
        "Xã Hàm Tiến", "đã mất năm 1990", True, "Lào", 1975, "Buôn bán", True)
    relatives.update_relative(db, record, {**FATHER_IN_LAW, "birth_place": "", "party_member": ""})
    emptied = relatives.list_relatives(db, hung)[-1]
    assert (emptied.birth_place, emptied.party_member, emptied.died) == (None, None, "đã mất năm 1990")


@pytest.mark.parametrize(("values", "field"), [
    ({"relation": "Bản thân", "full_name": "Ai Đó"}, "relation"),
    ({"relation": "Con", "full_name": ""}, "full_name"),
    ({"relation": "Con", "full_name": "Lê Văn Út", "abroad": "Không", "country": "Nhật Bản"}, "abroad"),
    ({"relation": "Mẹ", "full_name": "Lê Thị Mơ", "birth_date": "31/02/1950"}, "birth_date"),
])
def test_invalid_values_are_reported_by_field(db, values, field):
    with pytest.raises(FormProblems) as caught:
        relatives.add_relative(db, person_named(db, "Nguyễn Văn Hùng"), values)
    assert field in caught.value.problems


def test_a_viewer_may_read_but_not_change_relatives(cli, db):
    viewer = viewer_database(cli, db)
    hung = person_named(db, "Nguyễn Văn Hùng")
    assert len(relatives.list_relatives(viewer, hung)) == 3
    with pytest.raises(PermissionDenied):
        relatives.add_relative(viewer, hung, FATHER_IN_LAW)
    assert last_audit(db)["outcome"] != "ok"
    viewer.close()


FATHER = {"relation": "Cha", "full_name": "Nguyễn Văn Tư", "birth_date": "1938", "home_town": "Phú Thủy, Phan Thiết",
          "residence": "Phường Phú Thủy", "occupation": "Hưu trí", "abroad": "Không"}
FATHER_SLIP = {"number": "30/PXM", "issued_on": "05/01/2026", "full_name": "Nguyễn Văn Tư", "birth_date": "1938",
               "home_town": "Phú Thủy, Phan Thiết", "relation": "Cha", "vetted_name": "Nguyễn Văn Hùng",
               "purpose": "Bổ nhiệm", "recipient": "Cục A93B – Bộ Công an", "result_on": "20/02/2026",
               "result": "Không có tàng thư"}
CORRECTIONS = [{"birth_date": "1937"}, {"full_name": "Nguyễn Văn Tứ"}, {"home_town": "Hàm Tiến"},
               {"birth_place": "Xã Hàm Thạnh, huyện Hàm Thuận Nam, tỉnh Bình Thuận"}]


@pytest.mark.parametrize("correction", CORRECTIONS)
def test_correcting_a_relatives_details_corrects_that_person_and_keeps_their_slips(cli, db, tmp_path, correction):
    hung = person_named(db, "Nguyễn Văn Hùng")
    slip = editing.save(db, "slips", FATHER_SLIP)
    father = relatives.list_relatives(db, hung)[0]
    assert father.relative_id == editing.load(db, "slips", slip)["person_id"]
    relatives.update_relative(db, father.id, {**FATHER, **correction}, father.versions)
    fathers = [r for r in relatives.list_relatives(db, hung) if r.relation == "Cha"]
    assert [(r.id, r.relative_id) for r in fathers] == [(father.id, father.relative_id)]
    assert {key: getattr(fathers[0], key) for key in correction} == correction
    assert editing.load(db, "slips", slip)["person_id"] == father.relative_id
    [case] = [case for case in cases.cases_of(db, hung) if case["purpose"] == "Bổ nhiệm"]
    assert "Cha" not in [missing.relation for missing in cases.case_file(db, case["id"]).unchecked]
    headers, [father_row, *rows] = SAMPLES["relatives"]
    keys = [spec.key for spec in RELATIVES.fields if spec.header in headers]  # the sample's columns
    father_row = [{**dict(zip(keys, father_row, strict=True)), **correction}[key] for key in keys]
    code, out, err = cli("import", "relatives", workbook(tmp_path / "than_nhan.xlsx", headers, [father_row, *rows]))
    assert code == 0, out + err
    assert "Thêm mới: 0" in out and "Cập nhật: 0" in out
    assert len(relatives.list_relatives(db, hung)) == 3


def test_a_relative_corrected_into_someone_already_stored_is_refused(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    father = relatives.list_relatives(db, hung)[0]
    with pytest.raises(FormProblems) as caught:
        relatives.update_relative(db, father.id, {**FATHER, "full_name": "Phạm Văn Bình", "birth_date": "1950",
                                                  "home_town": "Hàm Tiến"})
    assert "full_name" in caught.value.problems
    assert relatives.list_relatives(db, hung)[0].full_name == "Nguyễn Văn Tư"


@pytest.mark.parametrize(("written", "stored", "died"), [
    ({"death_date": "1970"}, (True, "1970"), "đã mất năm 1970"),
    ({"death_date": "Khoảng 1970"}, (True, "~1970"), "đã mất khoảng năm 1970"),
    ({"death_date": "12/05/1970", "deceased": "Có"}, (True, "1970-05-12"), "đã mất ngày 12/05/1970"),
    ({"deceased": "Có"}, (True, None), "đã mất"),
    ({"deceased": "Không"}, (False, None), None),
])
def test_a_relative_who_has_died_is_told_from_a_living_one_as_precisely_as_known(db, written, stored, died):
    """A year of death alone means «Đã mất»; «khoảng 1970» is kept as the officer wrote it (brief §5.4)."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, {**FATHER_IN_LAW, **written})
    father_in_law = relatives.list_relatives(db, hung)[-1]
    assert ((father_in_law.deceased, father_in_law.death_date), father_in_law.died) == (stored, died)


@pytest.mark.parametrize(("written", "field"), [
    ({"deceased": "Không", "death_date": "1970"}, "deceased"),
    ({"death_date": "1935"}, "death_date"),  # before the birth, 1940
    ({"death_date": "khoảng năm ấy"}, "death_date"),
])
def test_a_death_contradicting_the_rest_of_the_entry_is_refused_at_its_field(db, written, field):
    with pytest.raises(FormProblems) as caught:
        relatives.add_relative(db, person_named(db, "Nguyễn Văn Hùng"), {**FATHER_IN_LAW, **written})
    assert field in caught.value.problems


def test_the_relatives_file_keeps_the_contracts_headers_and_adds_its_own_after_them():
    assert [spec.header for spec in RELATIVES.fields] == [
        "Họ và tên cán bộ", "Ngày sinh cán bộ", "Quan hệ", "Họ và tên thân nhân", "Ngày sinh", "Quê quán", "Nơi ở",
        "Nghề nghiệp", "Ở nước ngoài", "Nước", "Từ năm", "Công việc ở nước ngoài", "Đã mất", "Năm mất", "Nơi sinh",
        "Đảng viên", "Quê quán cán bộ"]


def test_the_person_file_asks_whether_a_relative_is_a_party_member_after_the_occupation_not_the_cadres_home_town():
    """The file is the cadre's own: who the cadre is (name, birth date, home town) is not asked of their relative."""
    keys = [spec.key for spec in relatives.FIELDS]
    assert "cadre_home_town" not in keys and keys[keys.index("occupation") + 1] == "party_member"


@pytest.mark.parametrize(("written", "declared", "in_party"), [
    ({"party_member": "Có"}, True, True),
    ({"party_member": "x"}, True, True),
    ({"party_member": "Không"}, False, False),
    ({}, None, False),
])
def test_a_relative_declared_a_party_member_is_one_though_not_in_the_cadres_register(db, written, declared,
                                                                                      in_party):
    """Most relatives who are Party members have no entry in the cadres register: the list says so itself."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, {**FATHER_IN_LAW, **written})
    father_in_law = relatives.list_relatives(db, hung)[-1]
    assert (father_in_law.party_member, father_in_law.party_joined_on, father_in_law.in_party) == (
        declared, None, in_party)
