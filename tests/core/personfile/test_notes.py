"""Foreign elements and political-issue notes: about the person or a named relative, dated and
sourced, on the two axes with the regulation and effect, audited field by field."""

import datetime as dt

import pytest

from bvct_desktop.core.editing import FormProblems
from bvct_desktop.core.errors import InputError
from bvct_desktop.core.personfile import foreign, relatives
from bvct_desktop.core.personfile.foreign import FOREIGN_ELEMENTS
from bvct_desktop.core.personfile.political import POLITICAL_NOTES
from bvct_desktop.core.schema import relatives as relatives_table
from tests.core.personfile.conftest import last_audit, person_named

SON_ABROAD = {"element_kind": "Thân nhân ở nước ngoài", "country": "Hoa Kỳ", "since": "2015",
              "details": "Con trai định cư, làm kỹ sư phần mềm", "source": "Lý lịch 2C năm 2020"}
NOTE = {"axis": "Lịch sử chính trị", "content": "Cha từng là lính chế độ cũ (binh nhì), không có nợ máu",
        "evidence": "Phiếu trả lời của A93B", "source_doc": "Phiếu 12/PXM ngày 05/01/2025",
        "regulation": "QĐ 58-QĐ/TW", "effect": "Có vấn đề nhưng không vi phạm (có mức giới hạn)",
        "limit_note": "Không quá ủy viên Ban Thường vụ Tỉnh ủy"}


def _son(db, hung):
    return next(r for r in relatives.list_relatives(db, hung) if r.relation == "Con")


def test_a_foreign_element_about_a_relative_is_kept_dated_and_sourced(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    record = FOREIGN_ELEMENTS.add(db, hung, {**SON_ABROAD, "relative_id": _son(db, hung).id})
    [stored] = FOREIGN_ELEMENTS.of_owner(db, hung)
    assert stored["id"] == record and stored["since"] == "2015" and stored["relative_id"] == _son(db, hung).id
    assert last_audit(db)["kind"] == "foreign-elements" and last_audit(db)["details"]["moi"]["country"] == "Hoa Kỳ"


def test_a_foreign_element_needs_its_kind_date_and_source(db):
    with pytest.raises(FormProblems) as caught:
        FOREIGN_ELEMENTS.add(db, person_named(db, "Nguyễn Văn Hùng"), {"element_kind": "Du lịch", "country": "Úc"})
    assert set(caught.value.problems) == {"element_kind", "since", "source"}


def test_a_relative_living_abroad_is_a_foreign_element_until_one_is_recorded_about_them(db):
    """The relatives list says the son lives in Hoa Kỳ since 2015: the person's foreign elements show
    it, from the list; once an element is recorded about him, that one is shown instead."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    son = _son(db, hung)
    [listed] = foreign.elements_of(db, hung)
    assert listed == {"id": None, "element_kind": "Thân nhân ở nước ngoài", "country": "Hoa Kỳ", "since": "2015",
                      "until": None, "details": "Kỹ sư phần mềm, công ty tư nhân", "source": "Danh sách thân nhân",
                      "relative_id": son.id}
    FOREIGN_ELEMENTS.add(db, hung, {**SON_ABROAD, "relative_id": son.id})
    assert [(element["id"] is not None, element["source"]) for element in foreign.elements_of(db, hung)] == [
        (True, "Lý lịch 2C năm 2020")]


def test_a_relative_abroad_must_name_the_relative(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    with pytest.raises(FormProblems) as caught:
        FOREIGN_ELEMENTS.add(db, hung, SON_ABROAD)
    assert caught.value.problems == {"relative_id": "«Thân nhân ở nước ngoài» là về một thân nhân: hãy chọn "
                                                    "thân nhân ở ô «Về thân nhân»"}
    assert FOREIGN_ELEMENTS.of_owner(db, hung) == []
    record = FOREIGN_ELEMENTS.add(db, hung, {**SON_ABROAD, "relative_id": _son(db, hung).id})
    with pytest.raises(FormProblems):
        FOREIGN_ELEMENTS.update(db, record, {**SON_ABROAD, "relative_id": None})


def test_a_political_note_on_each_axis_names_the_regulation_and_effect(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    father = relatives.list_relatives(db, hung)[0]
    POLITICAL_NOTES.add(db, hung, {**NOTE, "relative_id": father.id})
    POLITICAL_NOTES.add(db, hung, {"axis": "Chính trị hiện nay", "content": "Không có biểu hiện vi phạm",
                                   "regulation": "QĐ 126-QĐ/TW", "effect": "Không ảnh hưởng"})
    notes = POLITICAL_NOTES.of_owner(db, hung)
    assert [(n["axis"], n["relative_id"]) for n in notes] == [("Lịch sử chính trị", father.id),
                                                             ("Chính trị hiện nay", None)]


def test_an_edited_note_is_audited_with_old_and_new_values_and_deleted_into_the_recycle_bin(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    note = POLITICAL_NOTES.add(db, hung, NOTE)
    assert POLITICAL_NOTES.update(db, note, {**NOTE, "effect": "Không ảnh hưởng"}) == ["effect"]
    assert last_audit(db)["details"] == {"ban_ghi": {"axis": NOTE["axis"], "content": NOTE["content"]},  # which note
                                         "effect": {"cu": NOTE["effect"], "moi": "Không ảnh hưởng"}}
    assert POLITICAL_NOTES.update(db, note, {**NOTE, "effect": "Không ảnh hưởng"}) == []
    POLITICAL_NOTES.delete(db, note)
    assert POLITICAL_NOTES.of_owner(db, hung) == [] and last_audit(db)["action"] == "xóa"
    with pytest.raises(InputError):
        POLITICAL_NOTES.delete(db, note)


def test_a_note_may_only_name_a_relative_of_the_same_person(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    anh = person_named(db, "Trần Thị Ánh")
    with pytest.raises(FormProblems) as caught:
        POLITICAL_NOTES.add(db, anh, {**NOTE, "relative_id": _son(db, hung).id})
    assert "relative_id" in caught.value.problems


def test_unknown_axis_or_regulation_is_refused(db):
    with pytest.raises(FormProblems) as caught:
        POLITICAL_NOTES.add(db, person_named(db, "Nguyễn Văn Hùng"), {**NOTE, "axis": "Khác", "regulation": "QĐ 1"})
    assert set(caught.value.problems) == {"axis", "regulation"}


def test_a_relative_with_notes_about_them_is_not_deleted_until_the_notes_are_moved(db):
    """A finding about the father must not become a finding about the cadre himself: deleting the father
    while a political note or a foreign element is about him is refused, naming what to move first."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    father, son = relatives.list_relatives(db, hung)[0], _son(db, hung)
    note = POLITICAL_NOTES.add(db, hung, {**NOTE, "relative_id": father.id})
    FOREIGN_ELEMENTS.add(db, hung, {**SON_ABROAD, "relative_id": son.id})
    with pytest.raises(InputError) as caught:
        relatives.delete_relative(db, father.id)
    assert str(caught.value) == ("Còn 1 vấn đề chính trị ghi về thân nhân «Cha: Nguyễn Văn Tư»: hãy chọn thân nhân "
                                 "khác ở ô «Về thân nhân» của các mục ấy, hoặc xóa chúng, rồi mới xóa thân nhân này.")
    with pytest.raises(InputError, match="Còn 1 yếu tố nước ngoài ghi về thân nhân «Con: Nguyễn Minh Khoa»"):
        relatives.delete_relative(db, son.id)
    POLITICAL_NOTES.delete(db, note)
    relatives.delete_relative(db, father.id)
    assert [r.relation for r in relatives.list_relatives(db, hung)] == ["Vợ", "Con"]


def test_a_finding_is_judged_under_the_regulation_in_force_on_its_day(db):
    """Brief §6.3: the regulation version is stored with each finding. A finding concluded on 20/05/2016 was
    judged under QĐ 57, not QĐ 58 (signed 08/02/2022): naming QĐ 58 is refused at «Quy định áp dụng»; left
    empty, the regulation of the finding's day is stored."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    with pytest.raises(FormProblems) as caught:
        POLITICAL_NOTES.add(db, hung, {**NOTE, "found_on": "20/05/2016"})
    assert caught.value.problems == {"regulation": "Ngày 20/05/2016 đang áp dụng QĐ 57-QĐ/TW (từ 03/05/2007 đến "
                                                   "27/02/2018), không phải QĐ 58-QĐ/TW"}
    found_2016 = POLITICAL_NOTES.add(db, hung, {**NOTE, "found_on": "20/05/2016", "regulation": ""})
    found_2023 = POLITICAL_NOTES.add(db, hung, {**NOTE, "found_on": "10/03/2023", "regulation": ""})
    stored = {note["id"]: (note["found_on"], note["regulation"]) for note in POLITICAL_NOTES.of_owner(db, hung)}
    assert stored == {found_2016: (dt.date(2016, 5, 20), "QĐ 57-QĐ/TW"),
                      found_2023: (dt.date(2023, 3, 10), "QĐ 58-QĐ/TW")}


def test_a_finding_before_the_first_regulation_names_none_and_an_undated_one_any(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    with pytest.raises(FormProblems) as caught:
        POLITICAL_NOTES.add(db, hung, {**NOTE, "found_on": "10/01/2005", "regulation": "QĐ 57-QĐ/TW"})
    assert caught.value.problems == {"regulation": "Ngày 10/01/2005 trước quy định đầu tiên trong danh sách, QĐ "
                                                   "57-QĐ/TW (từ 03/05/2007 đến 27/02/2018): hãy để trống ô này"}
    before = POLITICAL_NOTES.add(db, hung, {**NOTE, "found_on": "10/01/2005", "regulation": ""})
    undated = POLITICAL_NOTES.add(db, hung, NOTE)  # an old list's finding, its day not known
    stored = {note["id"]: note["regulation"] for note in POLITICAL_NOTES.of_owner(db, hung)}
    assert stored == {before: None, undated: "QĐ 58-QĐ/TW"}


def test_a_finding_with_a_ceiling_states_the_ceiling(db):
    """«Có mức giới hạn» says there is a QĐ 58 ceiling, not which: the finding must state it, as a conclusion
    with that result must, for the officer weighing a later appointment."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    with pytest.raises(FormProblems) as caught:
        POLITICAL_NOTES.add(db, hung, {**NOTE, "limit_note": ""})
    assert caught.value.problems == {"limit_note": "Mức giới hạn: phải ghi khi ảnh hưởng là «Có vấn đề nhưng không vi "
                                                   "phạm (có mức giới hạn)» (mức giới hạn bố trí theo QĐ 58-QĐ/TW)"}
    note = POLITICAL_NOTES.add(db, hung, NOTE)
    [stored] = POLITICAL_NOTES.of_owner(db, hung)
    assert stored["id"] == note and stored["limit_note"] == "Không quá ủy viên Ban Thường vụ Tỉnh ủy"


def test_a_note_about_a_relative_deleted_before_the_rule_keeps_them_when_edited(db):
    """A database of the first version may hold a note about a relative since deleted: correcting the note
    keeps whom it is about (it is not moved onto the person), while choosing that relative anew is refused."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    father, son = relatives.list_relatives(db, hung)[0], _son(db, hung)
    note = POLITICAL_NOTES.add(db, hung, {**NOTE, "relative_id": father.id})
    with db.write() as connection:  # as that version deleted it: audited (the office server allows no other way)
        connection.execute(relatives_table.update().where(relatives_table.c.id == father.id)
                           .values(deleted_at=dt.datetime(2026, 1, 5)))
        db.audit(connection, "xóa", kind="relatives", record_id=father.id)
    assert POLITICAL_NOTES.update(db, note, {**NOTE, "effect": "Chưa kết luận", "relative_id": father.id}) == [
        "effect"]
    assert POLITICAL_NOTES.of_owner(db, hung)[0]["relative_id"] == father.id
    other = POLITICAL_NOTES.add(db, hung, {**NOTE, "relative_id": son.id})
    with pytest.raises(FormProblems):
        POLITICAL_NOTES.update(db, other, {**NOTE, "relative_id": father.id})
