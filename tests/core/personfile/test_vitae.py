"""The person's own account on form 2C: work periods in order (one running to «nay»), training, the
particulars of their own history, rewards, discipline with the day it ends, the salary's course with its
coefficient exact, the yearly appraisal once a year a role; dates that cannot be true refused at their field;
roles, audit, recycle bin."""

import datetime as dt

import pytest
from sqlalchemy import select

from bvct_desktop.core import documents_data
from bvct_desktop.core.editing import VERSION, FormProblems
from bvct_desktop.core.errors import PermissionDenied
from bvct_desktop.core.fields import unusual_values
from bvct_desktop.core.personfile import relatives
from bvct_desktop.core.personfile.foreign import FOREIGN_ELEMENTS, RELATIVE_ABROAD
from bvct_desktop.core.personfile.political import POLITICAL_NOTES
from bvct_desktop.core.personfile.vitae import (
    APPRAISALS,
    DISCIPLINES,
    OWN_HISTORY,
    REWARDS,
    SALARY,
    SECTIONS,
    TRAINING,
    WORK_PERIODS,
    in_force,
    step_on,
)
from bvct_desktop.core.schema import cadres, salary_steps, work_periods
from tests.core.personfile.conftest import ONE_OF_EACH, last_audit, person_named
from tests.sample_db import viewer_database

LONG_UNIT = "Ban Tổ chức Tỉnh ủy Bình Thuận, Phòng Bảo vệ chính trị nội bộ và Quản lý hồ sơ đảng viên"


def test_work_periods_are_listed_in_the_order_lived_and_the_running_one_reads_now(db):
    """Written in any order, at any precision: listed from the earliest, «Đến» left empty reads «nay»."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    WORK_PERIODS.add(db, hung, {"since": "06/2010", "until": "", "unit": LONG_UNIT, "post": "Trưởng phòng"})
    WORK_PERIODS.add(db, hung, {"since": "1987", "until": "05/1998", "unit": "UBND xã Phú Thủy", "post": "Cán bộ"})
    WORK_PERIODS.add(db, hung, {"since": "06/1998", "until": "nay", "unit": "Huyện ủy Hàm Thuận Bắc"})
    periods = WORK_PERIODS.of_owner(db, hung)
    until = WORK_PERIODS.field("until")
    assert [(period["since"], until.display(period["until"]), period["unit"]) for period in periods] == [
        ("1987", "05/1998", "UBND xã Phú Thủy"), ("1998-06", "nay", "Huyện ủy Hàm Thuận Bắc"),
        ("2010-06", "nay", LONG_UNIT)]
    assert last_audit(db)["kind"] == "work-periods" and last_audit(db)["action"] == "thêm"


@pytest.mark.parametrize(("notes", "values", "field", "told"), [
    (WORK_PERIODS, {"since": "03/1998", "until": "02/1998", "unit": "Huyện ủy"}, "until",
     "Đến (02/1998) trước Từ (03/1998): hãy xem lại một trong hai ngày"),
    (WORK_PERIODS, {"since": "1960", "unit": "Huyện ủy"}, "since",
     "Từ (1960) trước Ngày sinh (12/03/1965): hãy xem lại một trong hai ngày"),
    (TRAINING, {"institution": "Học viện Chính trị khu vực II", "since": "02/1965"}, "since",
     "Từ (02/1965) trước Ngày sinh (12/03/1965): hãy xem lại một trong hai ngày"),
    (OWN_HISTORY, {"declared_kind": "Bị bắt", "until": "1964"}, "until",
     "Đến (1964) trước Ngày sinh (12/03/1965): hãy xem lại một trong hai ngày"),
    (REWARDS, {"awarded_on": "1964", "award": "Giấy khen"}, "awarded_on",
     "Ngày, năm (1964) trước Ngày sinh (12/03/1965): hãy xem lại một trong hai ngày"),
    (DISCIPLINES, {"decided_on": "03/2010", "organisation": "Đảng", "penalty": "Khiển trách",
                   "in_effect_until": "02/2010"}, "in_effect_until",
     "Hiệu lực đến (02/2010) trước Ngày, năm (03/2010): hãy xem lại một trong hai ngày"),
    (SALARY, {"since": "01/1960", "coefficient": "2,34"}, "since",
     "Từ tháng, năm (01/1960) trước Ngày sinh (12/03/1965): hãy xem lại một trong hai ngày"),
    (APPRAISALS, {"year": "1964", "as_role": "Cán bộ", "classification": "Hoàn thành nhiệm vụ"}, "year",
     "Năm (1964) trước Ngày sinh (12/03/1965): hãy xem lại một trong hai ngày")])
def test_a_date_that_cannot_be_true_is_told_at_its_field(db, notes, values, field, told):
    """An end before its start, a period of the person's life before their birth (12/03/1965)."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    with pytest.raises(FormProblems) as caught:
        notes.add(db, hung, values)
    assert caught.value.problems == {field: told}
    assert notes.of_owner(db, hung) == []


def test_a_period_known_to_the_year_may_end_the_year_it_began_by_the_month(db):
    """From 03/1998 to 1998 is true of a period that ended later that year; 1965 is the year of birth."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    WORK_PERIODS.add(db, hung, {"since": "03/1998", "until": "1998", "unit": "Huyện ủy"})
    TRAINING.add(db, hung, {"institution": "Trường Mẫu giáo xã Phú Thủy", "since": "1965"})
    assert len(WORK_PERIODS.of_owner(db, hung)) == len(TRAINING.of_owner(db, hung)) == 1


def test_training_names_its_institution_and_a_known_form(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    with pytest.raises(FormProblems) as caught:
        TRAINING.add(db, hung, {"subject": "Luật", "study_form": "Hàm thụ"})
    assert set(caught.value.problems) == {"institution", "study_form"}
    TRAINING.add(db, hung, {"institution": "Đại học Luật TP. Hồ Chí Minh", "subject": "Luật", "since": "09/1995",
                            "until": "06/1999", "study_form": "tại chức", "degree": "Cử nhân Luật"})
    [course] = TRAINING.of_owner(db, hung)
    assert (course["study_form"], course["since"], course["until"]) == ("Tại chức", "1995-09", "1999-06")


def test_the_own_history_is_the_person_s_declaration_apart_from_the_officers_findings(db):
    """A declared arrest is no political issue: the findings stay as the officers wrote them."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    OWN_HISTORY.add(db, hung, {"declared_kind": "Bị bắt", "since": "04/1972", "until": "06/1972",
                               "place": "Nhà lao Phan Thiết", "details": "Không khai báo gì",
                               "source": "Lý lịch 2C năm 2020"})
    with pytest.raises(FormProblems) as caught:
        OWN_HISTORY.add(db, hung, {"declared_kind": "Tham gia tổ chức nước ngoài"})
    assert set(caught.value.problems) == {"declared_kind"}
    assert [entry["place"] for entry in OWN_HISTORY.of_owner(db, hung)] == ["Nhà lao Phan Thiết"]
    assert POLITICAL_NOTES.of_owner(db, hung) == []


def test_an_edited_period_is_audited_and_a_deleted_one_goes_to_the_recycle_bin(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    period = WORK_PERIODS.add(db, hung, {"since": "1987", "unit": "UBND xã Phú Thủy"})
    [entry] = WORK_PERIODS.of_owner(db, hung)
    assert WORK_PERIODS.update(db, period, {"since": "1987", "until": "1998", "unit": "UBND xã Phú Thủy"},
                               entry[VERSION]) == ["until"]
    assert last_audit(db)["details"]["until"] == {"cu": None, "moi": "1998"}
    WORK_PERIODS.delete(db, period)
    assert WORK_PERIODS.of_owner(db, hung) == [] and last_audit(db)["action"] == "xóa"
    with db.read() as connection:
        assert connection.execute(select(work_periods.c.deleted_at).where(work_periods.c.id == period)).scalar()


def test_a_viewer_reads_the_account_but_may_not_change_it(cli, db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    TRAINING.add(db, hung, {"institution": "Học viện Chính trị khu vực II"})
    viewer = viewer_database(cli, db)
    assert len(TRAINING.of_owner(viewer, hung)) == 1
    assert set(ONE_OF_EACH) == set(SECTIONS)
    for notes, values in ONE_OF_EACH.items():
        with pytest.raises(PermissionDenied):
            notes.add(viewer, hung, values)


@pytest.mark.parametrize("notes", SECTIONS, ids=lambda notes: notes.kind)
def test_each_section_audits_its_writes_and_puts_a_deleted_row_in_the_recycle_bin(db, notes):
    hung = person_named(db, "Nguyễn Văn Hùng")
    row = notes.add(db, hung, ONE_OF_EACH[notes])
    assert (last_audit(db)["kind"], last_audit(db)["action"], last_audit(db)["record_id"]) == (notes.kind, "thêm", row)
    notes.delete(db, row)
    assert notes.of_owner(db, hung) == [] and (last_audit(db)["kind"], last_audit(db)["action"]) == (notes.kind, "xóa")
    with db.read() as connection:
        assert connection.execute(select(notes.table.c.deleted_at).where(notes.table.c.id == row)).scalar()


def test_rewards_and_discipline_are_listed_in_the_order_given_free_forms_kept_as_the_decision_words_them(db):
    """The usual forms are offered, another written as the decision has it; partial dates as 2C has them."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    REWARDS.add(db, hung, {"awarded_on": "2020", "award": "Bằng khen của Ủy ban nhân dân tỉnh",
                           "authority": "Chủ tịch UBND tỉnh Bình Thuận", "decision_no": "0125/QĐ-UBND"})
    REWARDS.add(db, hung, {"awarded_on": "12/2008", "award": "Kỷ niệm chương Vì sự nghiệp Tổ chức xây dựng Đảng"})
    assert [(reward["awarded_on"], reward["award"], reward["decision_no"]) for reward in REWARDS.of_owner(db, hung)] \
        == [("2008-12", "Kỷ niệm chương Vì sự nghiệp Tổ chức xây dựng Đảng", None),
            ("2020", "Bằng khen của Ủy ban nhân dân tỉnh", "0125/QĐ-UBND")]
    with pytest.raises(FormProblems) as caught:
        DISCIPLINES.add(db, hung, {"decided_on": "2012", "organisation": "Công đoàn", "penalty": ""})
    assert set(caught.value.problems) == {"organisation", "penalty"}
    DISCIPLINES.add(db, hung, {"decided_on": "05/03/2012", "organisation": "đảng", "penalty": "Cảnh cáo",
                               "authority": "Ủy ban Kiểm tra Huyện ủy", "reason": "Vi phạm quy định về đất đai",
                               "in_effect_until": "05/03/2013"})
    [discipline] = DISCIPLINES.of_owner(db, hung)
    assert (discipline["organisation"], discipline["decided_on"], discipline["in_effect_until"]) == (
        "Đảng", "2012-03-05", "2013-03-05")
    assert DISCIPLINES.field("in_effect_until").display(discipline["in_effect_until"]) == "05/03/2013"


def test_the_penalties_offered_are_the_organisation_s_and_another_typed_is_asked_about_not_refused():
    """Điều lệ Đảng knows four forms, the Luật Cán bộ, công chức its own; a mass organisation the usual four
    and whatever its charter words, asked about only when it is a form of the others (case and accents aside)."""
    penalty = DISCIPLINES.field("penalty")
    assert penalty.usual({"organisation": "Đảng"}) == ("Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ")
    assert penalty.usual({"organisation": "Chính quyền"}) == (
        "Khiển trách", "Cảnh cáo", "Hạ bậc lương", "Giáng chức", "Cách chức", "Buộc thôi việc", "Bãi nhiệm")
    assert penalty.usual({"organisation": ""}) == penalty.choices

    def asked(organisation: str, typed: str) -> list[str]:
        return [problem.message for problem in unusual_values(DISCIPLINES.fields,
                                                              {"organisation": organisation, "penalty": typed})]

    assert asked("Đảng", "Hạ bậc lương") == [
        "«Hạ bậc lương» không có trong các hình thức kỷ luật đảng viên theo Điều lệ Đảng (khiển trách, cảnh cáo, "
        "cách chức, khai trừ): hãy xem lại «Kỷ luật về» và «Hình thức kỷ luật»"]
    assert asked("Đảng", "khien trach") == asked("Chính quyền", "Hạ bậc lương") == asked("", "Khai trừ") == []
    assert asked("Chính quyền", "Khai trừ")[0].startswith(
        "«Khai trừ» không có trong các hình thức kỷ luật cán bộ, công chức theo Luật Cán bộ, công chức (")
    assert asked("Đoàn thể", "Xóa tên khỏi danh sách đoàn viên") == []
    assert asked("Đoàn thể", "Buộc thôi việc")[0].startswith("«Buộc thôi việc» không có trong")


def test_a_discipline_is_in_force_through_the_end_recorded_only():
    """«Hiệu lực đến» at its precision: through that day, month or year; no end recorded, the record cannot tell."""
    today = dt.date(2026, 12, 6)
    assert [in_force({"in_effect_until": until}, today) for until in (
        "2027-05", "2026-12", "2026", "2026-12-06", "2026-12-05", "2026-11", "2012", None)] == [
        True, True, True, True, False, False, False, None]


def test_a_salary_coefficient_is_kept_exactly_and_read_with_the_vietnamese_comma(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    SALARY.add(db, hung, {"since": "07/2019", "grade": "Chuyên viên chính", "grade_code": "01.002", "step": "4/8",
                          "coefficient": "5,42"})
    SALARY.add(db, hung, {"since": "01/2016", "grade": "Chuyên viên", "grade_code": "01.003", "step": "9",
                          "coefficient": "4.98"})
    with db.read() as connection:
        stored = connection.execute(select(salary_steps.c.coefficient).order_by(salary_steps.c.id)).scalars().all()
    assert stored == ["5.42", "4.98"]
    coefficient = SALARY.field("coefficient")
    assert [(step["since"], step["grade_code"], coefficient.display(step["coefficient"]))
            for step in SALARY.of_owner(db, hung)] == [("2016-01", "01.003", "4,98"), ("2019-07", "01.002", "5,42")]
    with pytest.raises(FormProblems) as caught:
        SALARY.add(db, hung, {"since": "01/2021", "coefficient": "5,761"})
    assert caught.value.problems == {"coefficient": "Hệ số: «5,761» có quá 2 chữ số sau dấu phẩy"}


def test_the_salary_step_on_a_day_is_the_last_begun_by_then_at_its_precision():
    """A step from the month or the year of the day counts as begun; one from later, or none at all, is no step."""
    steps = [{"since": "2016-01", "step": "9"}, {"since": "2019", "step": "2/8"}, {"since": "2025-04", "step": "3/8"},
             {"since": "2025-05-15", "step": "4/8"}]
    on = [dt.date(2015, 12, 31), dt.date(2016, 1, 1), dt.date(2019, 1, 1), dt.date(2025, 3, 31), dt.date(2025, 4, 1),
          dt.date(2025, 5, 14), dt.date(2025, 5, 15)]
    assert [(step_on(steps, day) or {}).get("step") for day in on] == [None, "9", "2/8", "2/8", "3/8", "3/8", "4/8"]
    assert step_on([], dt.date(2025, 4, 1)) is None


def test_one_appraisal_a_year_as_party_member_and_one_as_cadre_a_second_told_at_the_year(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    member = APPRAISALS.add(db, hung, {"year": "2024", "as_role": "Đảng viên",
                                       "classification": "Hoàn thành xuất sắc nhiệm vụ", "appraiser": "Chi bộ Phòng"})
    APPRAISALS.add(db, hung, {"year": "2024", "as_role": "Cán bộ", "classification": "Hoàn thành tốt nhiệm vụ"})
    with pytest.raises(FormProblems) as caught:
        APPRAISALS.add(db, hung, {"year": "2024", "as_role": "Đảng viên", "classification": "Hoàn thành nhiệm vụ"})
    assert caught.value.problems == {"year": "Năm 2024 đã có đánh giá với tư cách đảng viên («Hoàn thành xuất sắc "
                                             "nhiệm vụ»): hãy sửa đánh giá ấy, không thêm đánh giá thứ hai"}
    [entry, _] = APPRAISALS.of_owner(db, hung)
    assert APPRAISALS.update(db, member, {"year": "2024", "as_role": "Đảng viên", "classification": "Hoàn thành tốt "
                                          "nhiệm vụ", "appraiser": ""}, entry[VERSION]) == [
        "classification", "appraiser"]
    APPRAISALS.delete(db, member)
    APPRAISALS.add(db, hung, {"year": "2024", "as_role": "Đảng viên", "classification": "Hoàn thành nhiệm vụ"})
    assert sorted((row["as_role"], row["classification"]) for row in APPRAISALS.of_owner(db, hung)) == [
        ("Cán bộ", "Hoàn thành tốt nhiệm vụ"), ("Đảng viên", "Hoàn thành nhiệm vụ")]


def test_the_cadre_s_summary_prints_the_work_periods_rewards_and_discipline_in_order(db):
    """«In trích ngang» reads the periods from the file, in the order lived, the rewards and discipline in the
    order decided."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    WORK_PERIODS.add(db, hung, {"since": "06/1998", "unit": "Huyện ủy Hàm Thuận Bắc"})
    WORK_PERIODS.add(db, hung, {"since": "1987", "until": "05/1998", "unit": "UBND xã Phú Thủy"})
    REWARDS.add(db, hung, {"awarded_on": "2020", "award": "Giấy khen"})
    REWARDS.add(db, hung, {"awarded_on": "12/2008", "award": "Huân chương Lao động hạng Ba"})
    DISCIPLINES.add(db, hung, {"decided_on": "2012", "organisation": "Đảng", "penalty": "Khiển trách"})
    with db.read() as connection:
        cadre_id = connection.execute(select(cadres.c.id).where(cadres.c.person_id == hung)).scalar_one()
        summary = documents_data.cadre_by_id(connection, cadre_id)
    assert [(period["since"], period["until"], period["unit"]) for period in summary["work"]] == [
        ("1987", "1998-05", "UBND xã Phú Thủy"), ("1998-06", None, "Huyện ủy Hàm Thuận Bắc")]
    assert [reward["award"] for reward in summary["rewards"]] == ["Huân chương Lao động hạng Ba", "Giấy khen"]
    assert [(row["decided_on"], row["penalty"]) for row in summary["discipline"]] == [("2012", "Khiển trách")]


def test_form_2c_reads_every_section_of_the_file_and_a_viewer_may_not_print_it(cli, db):
    """«In lý lịch 2C» reads the summary's particulars with the training, the declared history, the salary's course
    and the appraisals, each in the order of its time; the read-only role may not print it."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    TRAINING.add(db, hung, {"institution": "Học viện Chính trị khu vực II", "since": "09/2015"})
    OWN_HISTORY.add(db, hung, {"declared_kind": "Bị bắt", "since": "1985"})
    SALARY.add(db, hung, {"since": "07/2021", "coefficient": "5,08"})
    SALARY.add(db, hung, {"since": "01/2018", "coefficient": "4,40"})
    APPRAISALS.add(db, hung, {"year": "2024", "as_role": "Cán bộ", "classification": "Hoàn thành tốt nhiệm vụ"})
    with db.read() as connection:
        cadre_id = connection.execute(select(cadres.c.id).where(cadres.c.person_id == hung)).scalar_one()
    _office, vitae = documents_data.gather(db, "in lý lịch 2C",
                                           lambda connection: documents_data.vitae_by_id(connection, cadre_id))
    assert vitae["full_name"] == "Nguyễn Văn Hùng" and vitae["relatives"]
    assert [course["institution"] for course in vitae["training"]] == ["Học viện Chính trị khu vực II"]
    assert [told["declared_kind"] for told in vitae["history"]] == ["Bị bắt"]
    assert [step["since"] for step in vitae["salary"]] == ["2018-01", "2021-07"]  # the last is item 14's
    assert [appraisal["year"] for appraisal in vitae["appraisals"]] == [2024]
    with pytest.raises(PermissionDenied):
        documents_data.gather(viewer_database(cli, db), "in lý lịch 2C",
                              lambda connection: documents_data.vitae_by_id(connection, cadre_id))


def test_item_30_tells_the_work_of_a_relative_abroad_from_their_foreign_elements(db):
    """The relatives list holds no «Nghề nghiệp» for a brother abroad, his foreign element what he does there: 2C item
    30 reads it as his occupation; one the list holds stays his."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, {"relation": "Anh/chị/em", "full_name": "Nguyễn Văn Minh", "birth_date": "1968",
                                      "abroad": "Có", "country": "Hoa Kỳ", "abroad_since": "1989"})
    relatives.add_relative(db, hung, {"relation": "Con", "full_name": "Nguyễn Minh An", "birth_date": "1995",
                                      "abroad": "Có", "country": "Nhật Bản", "occupation": "Kỹ sư cơ khí"})
    listed = {r.full_name: r for r in relatives.list_relatives(db, hung)}
    for name, details in (("Nguyễn Văn Minh", "Kỹ sư phần mềm tại San Jose"), ("Nguyễn Minh An", "Du học sinh")):
        FOREIGN_ELEMENTS.add(db, hung, {"element_kind": RELATIVE_ABROAD, "country": "Hoa Kỳ", "since": "1989",
                                        "details": details, "source": "Lý lịch 2C", "relative_id": listed[name].id})
    with db.read() as connection:
        cadre_id = connection.execute(select(cadres.c.id).where(cadres.c.person_id == hung)).scalar_one()
    _office, vitae = documents_data.gather(db, "in lý lịch 2C",
                                           lambda connection: documents_data.vitae_by_id(connection, cadre_id))
    occupation = {relative["full_name"]: relative["occupation"] for relative in vitae["relatives"]}
    assert occupation["Nguyễn Văn Minh"] == "Kỹ sư phần mềm tại San Jose"
    assert occupation["Nguyễn Minh An"] == "Kỹ sư cơ khí"
