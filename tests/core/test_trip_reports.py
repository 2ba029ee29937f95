"""The report after a Party member's private trip abroad (Phụ lục III, brief §1.5): due 7 working days
after the return by its own setting, still owed until received, listed with the delegations' reports."""

import datetime as dt

import pytest

from bvct_desktop.core import browse, editing, setting_notes, settings, trip_reports
from bvct_desktop.core.personfile import relatives
from bvct_desktop.core.personfile.foreign import FOREIGN_ELEMENTS

PRIVATE = {"element_kind": "Đi nước ngoài về việc riêng", "details": "Thăm con trai đang du học tại Melbourne",
           "source": "Đơn đề nghị ra nước ngoài về việc riêng (Phụ lục I)"}
AUSTRALIA = {**PRIVATE, "country": "Úc", "since": "25/04/2026", "until": "04/05/2026"}


SAMPLE_KINDS = ("cadres", "delegations")  # what the `db` fixture holds


def _cadre(db, name: str) -> tuple[int, int]:
    """The cadre named `name` and their person."""
    [cadre] = browse.record_ids(db, "cadres", name)
    return cadre, editing.load(db, "cadres", cadre)["person_id"]


def _owed(db, today: dt.date) -> list[tuple[str, dt.date]]:
    return [(due.title, due.due_on) for due in trip_reports.reports_due(db, today)]


def test_a_private_trip_s_report_is_due_seven_working_days_after_the_return_and_owed_until_received(db):
    """Back Monday 04/05/2026: due Wednesday 13/05/2026; listed from the return, opening the member's file; a
    report received is owed no more, one dated after today not yet."""
    cadre, person = _cadre(db, "Nguyễn Văn Hùng")
    trip = FOREIGN_ELEMENTS.add(db, person, AUSTRALIA)
    assert _owed(db, dt.date(2026, 5, 3)) == []  # still abroad
    [due] = trip_reports.reports_due(db, dt.date(2026, 5, 4))
    assert (due.title, due.due_on, due.kind, due.record_id) == (
        "Việc riêng: Nguyễn Văn Hùng – Úc (25/04/2026 – 04/05/2026)", dt.date(2026, 5, 13), "cadres", cadre)
    assert due.days_late(dt.date(2026, 5, 14)) == 1
    FOREIGN_ELEMENTS.update(db, trip, {**AUSTRALIA, "report_received_on": "12/05/2026"})
    assert _owed(db, dt.date(2026, 5, 11)) == [("Việc riêng: Nguyễn Văn Hùng – Úc (25/04/2026 – 04/05/2026)",
                                                dt.date(2026, 5, 13))]
    assert _owed(db, dt.date(2026, 5, 14)) == []


def test_a_return_known_only_by_its_month_or_year_runs_from_its_last_day(db):
    """«03/2026»: back by Tuesday 31/03/2026 at the latest, so due Thursday 09/04/2026 and not listed before
    April; «2025»: back by 31/12/2025, due 12/01/2026 (01/01 a holiday)."""
    _, person = _cadre(db, "Nguyễn Văn Hùng")
    FOREIGN_ELEMENTS.add(db, person, {**PRIVATE, "country": "Hàn Quốc", "since": "03/2026", "until": "03/2026"})
    FOREIGN_ELEMENTS.add(db, person, {**PRIVATE, "country": "Lào", "since": "2025", "until": "2025"})
    assert _owed(db, dt.date(2026, 3, 30)) == [("Việc riêng: Nguyễn Văn Hùng – Lào (2025)", dt.date(2026, 1, 12))]
    assert _owed(db, dt.date(2026, 4, 1))[1] == ("Việc riêng: Nguyễn Văn Hùng – Hàn Quốc (03/2026)",
                                                 dt.date(2026, 4, 9))


def test_only_a_private_trip_come_back_owes_a_report(db):
    """A trip «Đi nước ngoài» (from the lý lịch, a study abroad) owes none; a private trip without its «Đến ngày»
    has no deadline to count: the person file asks for the return once it has left."""
    _, person = _cadre(db, "Nguyễn Văn Hùng")
    FOREIGN_ELEMENTS.add(db, person, {**AUSTRALIA, "element_kind": "Đi nước ngoài"})
    gone = FOREIGN_ELEMENTS.add(db, person, {**PRIVATE, "country": "Nhật Bản", "since": "10/05/2026"})
    assert _owed(db, dt.date(2026, 12, 31)) == []
    elements = FOREIGN_ELEMENTS.of_owner(db, person)
    assert trip_reports.due_shown(db, elements, dt.date(2026, 5, 9)) == {}
    assert trip_reports.due_shown(db, elements, dt.date(2026, 5, 10)) == {gone: "chưa ghi «Đến ngày»"}


def test_the_person_file_shows_the_deadline_and_how_late(db):
    _, person = _cadre(db, "Nguyễn Văn Hùng")
    trip = FOREIGN_ELEMENTS.add(db, person, AUSTRALIA)
    elements = FOREIGN_ELEMENTS.of_owner(db, person)
    assert trip_reports.due_shown(db, elements, dt.date(2026, 5, 13)) == {trip: "13/05/2026"}
    assert trip_reports.due_shown(db, elements, dt.date(2026, 5, 20)) == {trip: "13/05/2026 (quá hạn 7 ngày)"}


def test_the_deadline_is_its_own_setting_kept_for_the_trips_already_back(db):
    """Another unit gives 15 days: set from 01/05/2026, a return of 04/05 is due 15 working days later
    (25/05/2026); the delegations' setting moves nothing here."""
    _, person = _cadre(db, "Nguyễn Văn Hùng")
    FOREIGN_ELEMENTS.add(db, person, AUSTRALIA)
    settings.set_setting(db, "han_bao_cao_sau_chuyen_di_ngay", "20")
    assert _owed(db, dt.date(2026, 5, 4))[0][1] == dt.date(2026, 5, 13)
    settings.set_setting(db, "han_bao_cao_viec_rieng_ngay", "15", dt.date(2026, 5, 1))
    assert _owed(db, dt.date(2026, 5, 4))[0][1] == dt.date(2026, 5, 25)
    assert setting_notes.saved_note(db, "han_bao_cao_viec_rieng_ngay", "10").startswith(
        "«Hạn báo cáo sau chuyến đi việc riêng (ngày làm việc)» đã sửa cả cho những chuyến đi việc riêng đã về")


def test_the_reports_owed_after_delegations_and_private_trips_are_listed_together_soonest_first(db):
    _, person = _cadre(db, "Nguyễn Văn Hùng")
    FOREIGN_ELEMENTS.add(db, person, AUSTRALIA)
    listed = trip_reports.owed_after_trips(db, dt.date(2026, 5, 20))
    assert [(due.title, due.kind) for due in listed] == [
        ("Đoàn học tập kinh nghiệm chuyển đổi số – Hàn Quốc, Singapore", None),
        ("Việc riêng: Nguyễn Văn Hùng – Úc (25/04/2026 – 04/05/2026)", "cadres")]


@pytest.mark.parametrize(("values", "field", "told"), [
    ({**AUSTRALIA, "element_kind": "Đi nước ngoài", "report_received_on": "12/05/2026"}, "report_received_on",
     "Chỉ chuyến «Đi nước ngoài về việc riêng» có báo cáo sau chuyến đi (Phụ lục III): hãy để trống ô này, hoặc "
     "chọn loại yếu tố «Đi nước ngoài về việc riêng»"),
    ({**AUSTRALIA, "report_received_on": "30/04/2026"}, "report_received_on",
     "Ngày nhận báo cáo (30/04/2026) trước Đến ngày (04/05/2026): hãy xem lại một trong hai ngày"),
    ({**PRIVATE, "since": "05/2026", "until": "05/2026", "report_received_on": "30/04/2026"}, "report_received_on",
     "Ngày nhận báo cáo (30/04/2026) trước Đến ngày (05/2026): hãy xem lại một trong hai ngày"),
])
def test_a_report_received_is_of_a_private_trip_and_after_its_return(db, values, field, told):
    _, person = _cadre(db, "Nguyễn Văn Hùng")
    with pytest.raises(editing.FormProblems) as caught:
        FOREIGN_ELEMENTS.add(db, person, values)
    assert caught.value.problems == {field: told}


def test_a_private_trip_is_the_member_s_own_a_relative_s_trip_is_another_kind(db):
    _, person = _cadre(db, "Nguyễn Văn Hùng")
    son = relatives.add_relative(db, person, {"relation": "Con", "full_name": "Nguyễn Minh Khoa", "birth_date": "2002"})
    with pytest.raises(editing.FormProblems) as caught:
        FOREIGN_ELEMENTS.add(db, person, {**AUSTRALIA, "relative_id": son})
    assert list(caught.value.problems) == ["relative_id"]
    assert caught.value.problems["relative_id"].startswith("«Đi nước ngoài về việc riêng» là chuyến đi của chính")
    FOREIGN_ELEMENTS.add(db, person, {**AUSTRALIA, "element_kind": "Đi nước ngoài", "relative_id": son})


def test_a_private_trip_gone_a_week_without_its_return_is_asked_for_on_the_dashboard(db):
    """Left Sunday 10/05/2026 with no «Đến ngày»: no report can fall due, so a week later (17/05/2026) the list of
    what is owed after trips asks for the return, opening the member's file; once written, it is the report that
    is owed."""
    cadre, person = _cadre(db, "Nguyễn Văn Hùng")
    trip = FOREIGN_ELEMENTS.add(db, person, {**PRIVATE, "country": "Nhật Bản", "since": "10/05/2026"})
    assert trip_reports.no_return_written(db, dt.date(2026, 5, 16)) == []
    [due] = trip_reports.no_return_written(db, dt.date(2026, 5, 17))
    assert (due.title, due.due_on, due.kind, due.record_id) == (
        "Chuyến đi chưa ghi ngày về: Việc riêng: Nguyễn Văn Hùng – Nhật Bản (10/05/2026)", dt.date(2026, 5, 17),
        "cadres", cadre)
    assert due in trip_reports.owed_after_trips(db, dt.date(2026, 5, 20))
    FOREIGN_ELEMENTS.update(db, trip, {**PRIVATE, "country": "Nhật Bản", "since": "10/05/2026",
                                       "until": "15/05/2026"})
    assert trip_reports.no_return_written(db, dt.date(2026, 5, 20)) == []
    assert [due.title for due in trip_reports.owed_after_trips(db, dt.date(2026, 5, 20))][-1] == (
        "Việc riêng: Nguyễn Văn Hùng – Nhật Bản (10/05/2026 – 15/05/2026)")


def test_trips_gone_the_same_day_without_their_return_are_listed_by_their_members_names(db):
    """Two members left the same day: the list goes by name in the order of names, given name first (Trần Thị
    Ánh before Nguyễn Văn Hùng, as the registers list them), not by the letters the names start with."""
    for name in ("Nguyễn Văn Hùng", "Trần Thị Ánh"):
        FOREIGN_ELEMENTS.add(db, _cadre(db, name)[1], {**PRIVATE, "country": "Nhật Bản", "since": "10/05/2026"})
    assert [due.title for due in trip_reports.no_return_written(db, dt.date(2026, 5, 17))] == [
        "Chuyến đi chưa ghi ngày về: Việc riêng: Trần Thị Ánh – Nhật Bản (10/05/2026)",
        "Chuyến đi chưa ghi ngày về: Việc riêng: Nguyễn Văn Hùng – Nhật Bản (10/05/2026)"]
