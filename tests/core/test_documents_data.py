"""What a cadre's summary (trích ngang) shows of the cadre's foreign elements (brief §1.4, 2C item 28):
the trips recorded on the file beside the delegations, in the order they were made, and every other
foreign element of the cadre and of each relative — a relative abroad with the year since and the
work there."""

import datetime as dt

from bvct_desktop.core import browse, documents_data
from bvct_desktop.core.personfile import relatives
from bvct_desktop.core.personfile.foreign import FOREIGN_ELEMENTS
from bvct_desktop.core.personfile.vitae import SALARY
from bvct_desktop.core.schema import relatives as relatives_table
from tests.core.personfile.conftest import person_named

ORGANISATION = {"element_kind": "Tham gia tổ chức nước ngoài", "country": "Nhật Bản", "since": "2018",
                "details": "Hội viên Hội hữu nghị Nhật – Việt tại Osaka", "source": "Lý lịch 2C"}
MARRIAGE = {"element_kind": "Kết hôn với người nước ngoài", "country": "Hàn Quốc", "since": "06/2020",
            "details": "Kết hôn với công dân Hàn Quốc", "source": "Báo cáo chi bộ"}
TRIP = {"element_kind": "Đi nước ngoài", "country": "Trung Quốc", "since": "10/05/2025", "until": "15/05/2025",
        "details": "Đi việc riêng (du lịch), đã báo cáo chi bộ", "source": "Báo cáo của chi bộ"}


def summary_of(db, name: str) -> dict:
    [cadre_id] = browse.record_ids(db, "cadres", name)
    with db.read() as connection:
        return documents_data.cadre_by_id(connection, cadre_id)


def test_trips_recorded_on_the_file_are_trips_beside_the_delegations_in_the_order_made(db):
    huong = summary_of(db, "Bùi Thị Hương")
    for element in (MARRIAGE, TRIP, ORGANISATION):
        FOREIGN_ELEMENTS.add(db, huong["person_id"], element)
    huong = summary_of(db, "Bùi Thị Hương")
    assert huong["trips"] == [
        {"countries": "Nhật Bản", "start": "2025-04-01", "end": "2025-04-08", "name": "Đoàn công tác Sở Nội vụ",
         "purpose": "Công tác", "role": "Trưởng đoàn", "decision_no": "125-QĐ/TU",
         "decision_on": dt.date(2025, 3, 10), "source": None},
        {"countries": "Trung Quốc", "start": "2025-05-10", "end": "2025-05-15",
         "name": "Đi việc riêng (du lịch), đã báo cáo chi bộ", "purpose": None, "role": None, "decision_no": None,
         "decision_on": None, "source": "Báo cáo của chi bộ"},
        {"countries": "Hàn Quốc, Singapore", "start": "2025-09-15", "end": "2025-09-22",
         "name": "Đoàn học tập kinh nghiệm chuyển đổi số", "purpose": "Học tập kinh nghiệm", "role": "Thành viên",
         "decision_no": None, "decision_on": None, "source": None}]
    assert huong["foreign"] == [
        {"element_kind": "Tham gia tổ chức nước ngoài", "relation": "Bản thân", "full_name": None,
         "country": "Nhật Bản", "since": "2018", "until": None,
         "details": "Hội viên Hội hữu nghị Nhật – Việt tại Osaka", "source": "Lý lịch 2C", "residence": None},
        {"element_kind": "Kết hôn với người nước ngoài", "relation": "Bản thân", "full_name": None,
         "country": "Hàn Quốc", "since": "2020-06", "until": None, "details": "Kết hôn với công dân Hàn Quốc",
         "source": "Báo cáo chi bộ", "residence": None}]


def test_a_private_trip_on_the_file_prints_its_purpose(db):
    huong = summary_of(db, "Bùi Thị Hương")
    FOREIGN_ELEMENTS.add(db, huong["person_id"], {**TRIP, "element_kind": "Đi nước ngoài về việc riêng"})
    [private] = [trip for trip in summary_of(db, "Bùi Thị Hương")["trips"] if trip["countries"] == "Trung Quốc"]
    assert (private["purpose"], private["source"]) == ("Việc riêng", "Báo cáo của chi bộ")


def test_a_delegation_s_trip_recorded_on_the_file_too_is_one_trip(db):
    """Hương's trip to Nhật Bản with the Sở Nội vụ delegation, recorded on her file as well (its country
    one of the delegation's, the same days), prints once, as the delegation's; a trip on other days stays."""
    huong = summary_of(db, "Bùi Thị Hương")
    same = {**TRIP, "country": "nhật bản", "since": "01/04/2025", "until": "08/04/2025"}
    also_singapore = {**TRIP, "country": "Singapore", "since": "15/09/2025", "until": "22/09/2025"}
    other_days = {**TRIP, "country": "Nhật Bản", "since": "02/04/2025", "until": "08/04/2025"}
    for element in (same, also_singapore, other_days):
        FOREIGN_ELEMENTS.add(db, huong["person_id"], element)
    trips = summary_of(db, "Bùi Thị Hương")["trips"]
    assert [(trip["countries"], trip["start"], trip["source"]) for trip in trips] == [
        ("Nhật Bản", "2025-04-01", None), ("Nhật Bản", "2025-04-02", "Báo cáo của chi bộ"),
        ("Hàn Quốc, Singapore", "2025-09-15", None)]


def test_a_relative_abroad_comes_with_the_year_since_the_work_there_and_the_address_after_the_cadres_own(db):
    """The son lives in Hoa Kỳ since 2015 by the relatives list; a trip of his is his foreign element,
    not a trip of the cadre."""
    hung = summary_of(db, "Nguyễn Văn Hùng")
    son = next(relative for relative in relatives.list_relatives(db, hung["person_id"]) if relative.relation == "Con")
    FOREIGN_ELEMENTS.add(db, hung["person_id"], {**TRIP, "since": "07/2024", "until": None, "relative_id": son.id,
                                                 "details": "Dự hội thảo khoa học", "source": "Lý lịch 2C"})
    FOREIGN_ELEMENTS.add(db, hung["person_id"], {**ORGANISATION, "since": "2019"})
    father = next(relative for relative in relatives.list_relatives(db, hung["person_id"])
                  if relative.relation == "Cha")
    relatives.update_relative(db, father.id, {"relation": "Cha", "full_name": "Nguyễn Văn Tư", "birth_date": "1938",
                                              "home_town": "Phú Thủy, Phan Thiết", "abroad": "Có",
                                              "country": "Pháp"})  # since when: not known
    hung = summary_of(db, "Nguyễn Văn Hùng")
    assert hung["trips"] == []
    assert [(element["element_kind"], element["relation"], element["full_name"], element["since"])
            for element in hung["foreign"]] == [
        ("Tham gia tổ chức nước ngoài", "Bản thân", None, "2019"),
        ("Thân nhân ở nước ngoài", "Cha", "Nguyễn Văn Tư", None),
        ("Thân nhân ở nước ngoài", "Con", "Nguyễn Minh Khoa", "2015"),
        ("Đi nước ngoài", "Con", "Nguyễn Minh Khoa", "2024-07")]
    assert hung["foreign"][2] == {"element_kind": "Thân nhân ở nước ngoài", "relation": "Con",
                                  "full_name": "Nguyễn Minh Khoa", "country": "Hoa Kỳ", "since": "2015", "until": None,
                                  "details": "Kỹ sư phần mềm, công ty tư nhân", "source": "Danh sách thân nhân",
                                  "residence": "California"}  # where he lives, for 2C item 29c's address


def test_an_element_about_a_relative_since_taken_off_the_list_still_prints_saying_so(db):
    """A relative with notes about them is no longer deleted; a database of an earlier version may hold one."""
    hung = summary_of(db, "Nguyễn Văn Hùng")
    son = next(relative for relative in relatives.list_relatives(db, hung["person_id"]) if relative.relation == "Con")
    FOREIGN_ELEMENTS.add(db, hung["person_id"], {**TRIP, "relative_id": son.id})
    with db.write() as connection:  # as that version deleted it: audited (the office server allows no other way)
        connection.execute(relatives_table.update().where(relatives_table.c.id == son.id)
                           .values(deleted_at=dt.datetime(2026, 1, 5)))
        db.audit(connection, "xóa", kind="relatives", record_id=son.id)
    [element] = summary_of(db, "Nguyễn Văn Hùng")["foreign"]
    assert (element["element_kind"], element["relation"], element["full_name"], element["country"]) == (
        "Đi nước ngoài", "Thân nhân", "(đã xóa khỏi danh sách thân nhân)", "Trung Quốc")


def test_the_family_table_tells_where_each_relative_lives_and_one_abroad_whose_country_is_not_known(db):
    """2C item 30 gives each relative's «nơi ở (trong / ngoài nước)»: the residence as typed, and a relative
    the list says lives abroad is abroad on paper even before the country is known."""
    hung = summary_of(db, "Nguyễn Văn Hùng")
    father = next(relative for relative in relatives.list_relatives(db, hung["person_id"])
                  if relative.relation == "Cha")
    relatives.update_relative(db, father.id, {"relation": "Cha", "full_name": "Nguyễn Văn Tư", "birth_date": "1938",
                                              "home_town": "Phú Thủy, Phan Thiết", "residence": "Seoul",
                                              "abroad": "Có"})
    family = {relative["full_name"]: relative for relative in summary_of(db, "Nguyễn Văn Hùng")["relatives"]}
    assert family["Nguyễn Văn Tư"]["residence"] == "Seoul (ở nước ngoài)"
    assert family["Nguyễn Minh Khoa"]["residence"] == "California (Hoa Kỳ)"
    assert family["Lê Thị Hoa"]["residence"] == "Phường Phú Thủy"


def test_a_delegation_s_members_come_with_the_salary_step_in_force_the_day_they_left(db):
    """The Sở Nội vụ delegation left on 01/04/2025. Hương's step raised that month counts, the one of 2026 does not,
    nor one put in the recycle bin; Vinh's only step on file begins after the trip: he has none to print."""
    huong, vinh = person_named(db, "Bùi Thị Hương"), person_named(db, "Đỗ Quang Vinh")
    SALARY.add(db, huong, {"since": "01/2022", "grade_code": "01.002", "step": "3/8", "coefficient": "5,08"})
    SALARY.add(db, huong, {"since": "04/2025", "grade_code": "01.002", "step": "4/8", "coefficient": "5,42"})
    SALARY.add(db, huong, {"since": "01/2026", "grade_code": "01.001", "step": "1/6", "coefficient": "6,20"})
    SALARY.delete(db, SALARY.add(db, huong, {"since": "03/2025", "grade_code": "01.003", "step": "9",
                                             "coefficient": "4,98"}))
    SALARY.add(db, vinh, {"since": "05/2025", "grade_code": "01.003", "step": "2/9", "coefficient": "2,67"})
    with db.read() as connection:
        trip = documents_data.delegation_for_print(connection, "125-QĐ/TU", None)
    assert [(member["full_name"], member["grade_code"], member["step"]) for member in trip["members"]] == [
        ("Bùi Thị Hương", "01.002", "4/8"), ("Đỗ Quang Vinh", None, None)]
