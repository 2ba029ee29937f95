"""A new slip about a listed relative starts from what the file knows: who they are, their parents or spouse
from the same list, whom the vetting is for and why."""

from bvct_desktop.core import editing, recycle_bin
from bvct_desktop.core.personfile import cases, relatives, slip_draft
from bvct_desktop.core.personfile.vitae import OLD_REGIME, OWN_HISTORY
from tests.core.personfile.conftest import person_named

MOTHER = {"relation": "Mẹ", "full_name": "Trần Thị Lành", "birth_date": "1942", "home_town": "Phú Thủy, Phan Thiết"}
BROTHER = {"relation": "Anh/chị/em", "full_name": "NGUYEN VAN MINH", "birth_date": "1968",
           "home_town": "Phú Thủy, Phan Thiết", "residence": "San Jose, California", "abroad": "Có",
           "country": "Hoa Kỳ", "abroad_since": "1989"}


def _listed(db, person_id, relation):
    return next(r for r in relatives.list_relatives(db, person_id) if r.relation == relation)


def test_a_brothers_slip_names_him_his_parents_his_country_and_whom_the_vetting_is_for(db):
    """The police unit reads on the slip that he lives abroad: the country follows his residence."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, MOTHER)
    relatives.add_relative(db, hung, BROTHER)
    cases.open_case(db, hung, {"purpose": "Bổ nhiệm", "opened_on": "01/11/2026"})
    brother = _listed(db, hung, "Anh/chị/em")
    draft = slip_draft.slip_for(db, brother.id)
    assert draft.person_id == brother.relative_id
    assert draft.values == {"full_name": "NGUYEN VAN MINH", "birth_date": "1968", "home_town": "Phú Thủy, Phan Thiết",
                            "residence": "San Jose, California, Hoa Kỳ", "relation": "Anh/chị/em",
                            "father_name": "Nguyễn Văn Tư", "father_birth_date": "1938",
                            "mother_name": "Trần Thị Lành", "mother_birth_date": "1942",
                            "vetted_name": "Nguyễn Văn Hùng", "purpose": "Bổ nhiệm"}


def test_a_fathers_slip_names_his_wife_and_a_wifes_names_her_husband_and_her_parents(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, MOTHER)
    relatives.add_relative(db, hung, {"relation": "Cha vợ", "full_name": "Lê Văn Cường", "birth_date": "1940"})
    father = slip_draft.slip_for(db, _listed(db, hung, "Cha").id).values
    assert (father["spouse_name"], father.get("father_name"), father.get("purpose")) == ("Trần Thị Lành", None, None)
    wife = slip_draft.slip_for(db, _listed(db, hung, "Vợ").id).values
    assert (wife["spouse_name"], wife["father_name"], wife.get("mother_name")) == (
        "Nguyễn Văn Hùng", "Lê Văn Cường", None)


def test_the_birth_years_of_a_wifes_husband_and_father_come_from_the_list_one_not_listed_is_left_to_fill(db):
    """The police archives look a parent or spouse up with their year of birth (brief §2.1)."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, {"relation": "Cha vợ", "full_name": "Lê Văn Cường", "birth_date": "1940"})
    relatives.add_relative(db, hung, {"relation": "Mẹ vợ", "full_name": "Đặng Thị Nở"})
    wife = slip_draft.slip_for(db, _listed(db, hung, "Vợ").id).values
    assert (wife["spouse_birth_date"], wife["father_birth_date"], wife["mother_name"], wife.get("mother_birth_date")
            ) == ("1965-03-12", "1940", "Đặng Thị Nở", None)


def test_a_fathers_ethnicity_religion_identity_numbers_and_work_under_the_former_regime_are_filled_as_recorded(db):
    """What the file holds of him as a person, and what he did before 1975 as his own history records it; his
    birth place, not recorded, stays for the officer to write by hand."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    father = _listed(db, hung, "Cha")
    editing.save(db, "cadres", {"full_name": "Nguyễn Văn Tư", "birth_date": "1938", "ethnicity": "Kinh",
                                "religion": "Phật giáo", "cccd": "060038001234", "cmnd": "260123456"},
                 None, father.relative_id)
    OWN_HISTORY.add(db, father.relative_id, {"declared_kind": OLD_REGIME, "since": "1965", "until": "1968",
                                             "place": "Chi khu Hàm Thuận", "post": "Thư ký"})
    OWN_HISTORY.add(db, father.relative_id, {"declared_kind": OLD_REGIME, "since": "1969", "until": "1975",
                                             "place": "Quận Hải Long", "post": "Thư ký"})
    OWN_HISTORY.add(db, father.relative_id, {"declared_kind": "Bị bắt", "since": "1972", "place": "Phan Thiết"})
    values = slip_draft.slip_for(db, father.id).values
    assert {key: values.get(key) for key in ("birth_place", "ethnicity", "religion", "cccd", "cmnd",
                                             "work_before_1975", "place_before_1975")} == {
        "birth_place": None, "ethnicity": "Kinh", "religion": "Phật giáo", "cccd": "060038001234",
        "cmnd": "260123456", "work_before_1975": "Thư ký", "place_before_1975": "Chi khu Hàm Thuận; Quận Hải Long"}


def test_a_mothers_birth_place_recorded_on_the_list_fills_the_slips(db):
    """The police archives search by birth place too (brief §2.1): the slip takes what her person holds."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, {**MOTHER, "birth_place": "Xã Hàm Thạnh, huyện Hàm Thuận Nam, tỉnh Bình Thuận"})
    values = slip_draft.slip_for(db, _listed(db, hung, "Mẹ").id).values
    assert values["birth_place"] == "Xã Hàm Thạnh, huyện Hàm Thuận Nam, tỉnh Bình Thuận"


def test_a_childs_parents_are_the_person_and_their_spouse(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    son = slip_draft.slip_for(db, _listed(db, hung, "Con").id).values
    assert (son["father_name"], son["mother_name"]) == ("Nguyễn Văn Hùng", "Lê Thị Hoa")


def test_a_country_already_in_the_residence_is_not_written_twice(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, {**BROTHER, "residence": "San Jose, Hoa Ky"})
    assert slip_draft.slip_for(db, _listed(db, hung, "Anh/chị/em").id).values["residence"] == "San Jose, Hoa Ky"


def test_a_relation_that_says_whether_the_relative_is_a_man_or_a_woman_fills_the_gender(db):
    """The police look a name up with its gender: a father, husband or father-in-law is «Nam», a mother, wife or
    mother-in-law «Nữ»; a brother or sister, a child or another relative is left for the officer."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, MOTHER)
    relatives.add_relative(db, hung, BROTHER)
    relatives.add_relative(db, hung, {"relation": "Cha vợ", "full_name": "Lê Văn Cường", "birth_date": "1940"})
    gender = {relation: slip_draft.slip_for(db, _listed(db, hung, relation).id).values.get("gender")
              for relation in ("Cha", "Mẹ", "Vợ", "Cha vợ", "Anh/chị/em", "Con")}
    assert gender == {"Cha": "Nam", "Mẹ": "Nữ", "Vợ": "Nữ", "Cha vợ": "Nam", "Anh/chị/em": None, "Con": None}


def _sent(db, draft, number: str, issued_on: str, **more) -> int:
    values = {**draft.values, "number": number, "issued_on": issued_on, "recipient": "Cục A93B – Bộ Công an", **more}
    return editing.save(db, "slips", values, None, draft.person_id)


def test_a_slip_about_a_relative_already_verified_tells_each_earlier_slip_and_its_reply(db):
    """A second slip about the same woman is a wasted month of the police unit's work: the draft tells the slips
    already sent about her (the recycle bin's left out), answered or still waiting."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    wife = _listed(db, hung, "Vợ")
    draft = slip_draft.slip_for(db, wife.id)
    _sent(db, draft, "41/PXM", "02/03/2025", result_on="30/03/2025", result="Không có tàng thư, không có vấn đề gì")
    _sent(db, draft, "77/PXM", "02/01/2026")
    recycle_bin.delete(db, "slips", _sent(db, draft, "78/PXM", "03/01/2026"))
    assert slip_draft.slip_for(db, wife.id).earlier == (
        "Phiếu 41/PXM ngày 02/03/2025 gửi Cục A93B – Bộ Công an, xác minh cho Nguyễn Văn Hùng: trả lời ngày "
        "30/03/2025 — Không có tàng thư, không có vấn đề gì",
        "Phiếu 77/PXM ngày 02/01/2026 gửi Cục A93B – Bộ Công an, xác minh cho Nguyễn Văn Hùng: chờ trả lời")


def test_saving_a_new_slip_about_a_person_whose_slip_still_waits_is_asked_about_first(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    draft = slip_draft.slip_for(db, _listed(db, hung, "Vợ").id)
    new = {**draft.values, "number": "90/PXM", "issued_on": "20/02/2026", "recipient": "Công an tỉnh Bình Thuận"}
    assert editing.to_confirm(db, "slips", new, person_id=draft.person_id) == []
    answered = _sent(db, draft, "41/PXM", "02/03/2025", result_on="30/03/2025", result="Không có vấn đề gì")
    assert editing.to_confirm(db, "slips", new, person_id=draft.person_id) == []
    _sent(db, draft, "77/PXM", "02/01/2026")
    assert editing.to_confirm(db, "slips", new, person_id=draft.person_id) == [
        "Đã có phiếu về người này chưa được trả lời: Phiếu 77/PXM ngày 02/01/2026 gửi Cục A93B – Bộ Công an, "
        "xác minh cho Nguyễn Văn Hùng: chờ trả lời"]
    assert editing.to_confirm(db, "slips", {**new, "number": "41/PXM", "issued_on": "02/03/2025"}, answered,
                              person_id=draft.person_id) == []  # the slips already sent are not asked about


def test_a_slip_about_a_relative_who_has_died_says_so_in_its_own_fields(db):
    """The dead are verified too (their political history bears on the person's standard): the slip's «Đã mất» and
    «Năm mất», which it prints, tell the police unit that its subject has died, as roughly as the list knows when."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, {**MOTHER, "death_date": "khoảng 1970"})
    mother = slip_draft.slip_for(db, _listed(db, hung, "Mẹ").id).values
    assert (mother["deceased"], mother["death_date"]) == ("Có", "~1970")
    assert "note" not in mother
    father = slip_draft.slip_for(db, _listed(db, hung, "Cha").id).values
    assert not {"deceased", "death_date", "note"} & set(father)


def test_a_dead_relatives_residence_is_where_they_lived_before_they_died(db):
    """The slip's «Nơi ở» keeps the last residence the list knows (printed «Nơi ở trước khi mất» for the dead);
    a relative known to have died without a year has no «Năm mất»."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, {**MOTHER, "death_date": "1970", "residence": "Phường Phú Thủy, Phan Thiết"})
    relatives.add_relative(db, hung, {**BROTHER, "deceased": "Có"})
    mother = slip_draft.slip_for(db, _listed(db, hung, "Mẹ").id).values
    brother = slip_draft.slip_for(db, _listed(db, hung, "Anh/chị/em").id).values
    assert (mother["residence"], mother["deceased"], mother["death_date"]) == (
        "Phường Phú Thủy, Phan Thiết", "Có", "1970")
    assert (brother["residence"], brother["deceased"]) == ("San Jose, California, Hoa Kỳ", "Có")
    assert "death_date" not in brother


def test_a_dead_relatives_slip_saved_keeps_that_they_died_and_when(db):
    """What the officer saves is what prints: «Đã mất» Có and «Năm mất» «khoảng 1970» read back as drafted."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, {**MOTHER, "death_date": "khoảng 1970", "residence": "Phú Thủy, Phan Thiết"})
    slip = editing.load(db, "slips", _sent(db, slip_draft.slip_for(db, _listed(db, hung, "Mẹ").id), "5/PXM",
                                           "02/03/2026"))
    assert (slip["deceased"], slip["death_date"], slip["residence"]) == ("Có", "~1970", "Phú Thủy, Phan Thiết")


def test_work_under_the_former_regime_follows_its_years_and_what_has_no_year_comes_last_in_the_order_recorded(db):
    """The same slip on the file database and on the office server: a post with no year after those dated."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    father = _listed(db, hung, "Cha")
    for since, post in ((None, "Lính địa phương quân"), ("1969", "Thư ký"), (None, "Cảnh sát"), ("1965", "Hạ sĩ")):
        OWN_HISTORY.add(db, father.relative_id, {"declared_kind": OLD_REGIME, "since": since, "post": post})
    assert slip_draft.slip_for(db, father.id).values["work_before_1975"] == (
        "Hạ sĩ; Thư ký; Lính địa phương quân; Cảnh sát")
