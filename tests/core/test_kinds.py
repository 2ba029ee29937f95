"""Each kind declares where every field is stored, once; the export layout is derived from it."""

import datetime as dt
from dataclasses import replace

import pytest

from bvct_desktop.core import record_rows
from bvct_desktop.core.fields import Place
from bvct_desktop.core.kinds import ARCHIVE_REQUESTS, CADRES, COMPLAINTS, DELEGATIONS, KINDS, RELATIVES, SLIPS
from bvct_desktop.core.schema import persons
from tests.samples import SAMPLES


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_every_field_is_stored_in_a_column_that_exists(kind):
    stored = set(kind.own_keys)
    assert all(key in kind.table.c for key in kind.own_keys)
    for link in kind.persons + ((kind.members.person,) if kind.members else ()):
        assert all(column in persons.c for column in link.fields.values())
        stored.update(link.fields)
    for key, lookup in kind.lookups.items():
        assert lookup.column in kind.table.c and "name" in lookup.table.c
        stored.add(key)
    if kind.members:
        assert all(key in kind.members.table.c for key in kind.members.keys)
        stored.update(kind.members.keys)
    assert stored == {spec.key for spec in kind.fields}


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_the_export_query_reads_every_field_and_the_record_id(kind):
    columns = {column.name for column in record_rows.query(kind).selected_columns}
    assert {spec.key for spec in kind.fields} | {"id"} <= columns


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_the_spec_columns_come_first_in_the_spec_order(kind):
    """Scripts read the import layout of the spec word for word; a field added since stands after it."""
    spec_headers = SAMPLES[kind.name][0]
    assert [spec.header for spec in kind.fields][:len(spec_headers)] == spec_headers


def test_a_slip_form_shows_what_the_archives_search_by_among_the_particulars_it_belongs_with():
    """The files keep the contract's columns first; the form asks whether the person has died and when after the
    gender, then a birth place, a father's year beside his name, work before 1975 after the family, as the printed
    slip does."""
    shown = [spec.key for spec in SLIPS.on_form]
    assert shown[:25] == ["number", "issued_on", "full_name", "other_names", "birth_date", "gender", "deceased",
                          "death_date", "birth_place", "home_town", "residence", "ethnicity", "religion", "cccd",
                          "cmnd", "father_name", "father_birth_date", "mother_name", "mother_birth_date", "spouse_name",
                          "spouse_birth_date", "work_before_1975", "place_before_1975", "relation", "vetted_name"]
    assert sorted(shown) == sorted(spec.key for spec in SLIPS.fields)


def test_an_archive_request_keeps_the_post_before_1975_and_the_reply_letter_with_its_extract():
    """What the brief names for a research between provinces: the old regime's post searched for, asked after the home
    town; the reply letter's number and whether an extract («trích lục») went with it, asked after the reply's day.
    The files keep the contract's columns first."""
    added = [ARCHIVE_REQUESTS.field(key) for key in ("work_before_1975", "reply_no", "extract")]
    assert [(spec.header, spec.choices) for spec in added] == [
        ("Chức vụ trước 1975", ()), ("Số văn bản trả lời", ()), ("Trích lục kèm theo", ("Có", "Không"))]
    assert min(ARCHIVE_REQUESTS.fields.index(spec) for spec in added) >= len(SAMPLES["archive-requests"][0])
    shown = [spec.key for spec in ARCHIVE_REQUESTS.on_form]
    assert shown[shown.index("home_town") + 1] == "work_before_1975"
    assert shown[shown.index("answered_on"):] == ["answered_on", "reply_no", "extract", "result"]


def test_a_slips_person_who_has_died_is_told_as_a_relative_is_after_the_contracts_columns():
    """«Đã mất» and «Năm mất» («khoảng 1970» kept as written): one declaration for a relative on a person's file and
    the subject of a slip, the slip's after every column its files had before (the spec's headers stay first)."""
    for key in ("deceased", "death_date"):
        slip, relative = SLIPS.field(key), RELATIVES.field(key)
        assert replace(slip, shown_after=None) == replace(relative, shown_after=None)
        assert SLIPS.fields.index(slip) > SLIPS.fields.index(SLIPS.field("place_before_1975"))
    assert (SLIPS.field("deceased").choices, SLIPS.field("death_date").approximate) == (("Có", "Không"), True)


def test_an_archive_request_tells_a_person_of_before_1975_apart_as_a_slip_does_by_alias_sex_and_parents():
    """The fields a slip has (one declaration each), after the contract's columns and asked among the person's
    particulars; the alias and the sex kept on the person, as a slip's subject's; the person rule unchanged."""
    added = [ARCHIVE_REQUESTS.field(key) for key in ("other_names", "gender", "father_name", "mother_name")]
    assert [(spec.header, spec.choices) for spec in added] == [
        ("Tên gọi khác", ()), ("Giới tính", ("Nam", "Nữ")), ("Họ và tên cha", ()), ("Họ và tên mẹ", ())]
    assert [spec.header for spec in added] == [SLIPS.field(spec.key).header for spec in added]
    assert min(ARCHIVE_REQUESTS.fields.index(spec) for spec in added) >= len(SAMPLES["archive-requests"][0])
    shown = [spec.key for spec in ARCHIVE_REQUESTS.on_form]
    assert shown == ["request_kind", "province", "doc_no", "doc_on", "full_name", "other_names", "birth_date",
                     "gender", "home_town", "work_before_1975", "father_name", "mother_name", "answered_on",
                     "reply_no", "extract", "result"]
    assert set(ARCHIVE_REQUESTS.person_keys) == {"full_name", "other_names", "birth_date", "gender", "home_town"}
    assert {"father_name", "mother_name"} <= set(ARCHIVE_REQUESTS.own_keys)


@pytest.mark.parametrize("kind", [CADRES, RELATIVES], ids=["cadres", "relatives"])
def test_a_persons_birth_place_is_kept_on_the_person_after_the_contracts_columns_and_asked_after_the_birth_date(
        kind):
    """«Nơi sinh» of form 2C item 4 and of the slip, a place shown with what it is called now."""
    birth_place = kind.field("birth_place")
    assert (birth_place.header, birth_place.place) == ("Nơi sinh", Place.ADDRESS)
    assert kind.fields.index(birth_place) >= len(SAMPLES[kind.name][0])
    assert kind.person.fields["birth_place"] == "birth_place"
    shown = [spec.key for spec in kind.on_form]
    assert shown[shown.index("birth_date") + 1] == "birth_place"


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_every_field_is_on_its_form_once(kind):
    assert sorted(spec.key for spec in kind.on_form) == sorted(spec.key for spec in kind.fields)


TODAY = dt.date(2026, 12, 2)


def test_planned_dates_may_lie_ahead_and_the_others_are_told():
    trip = {"decision_on": dt.date(2026, 11, 20), "depart_on": dt.date(2027, 1, 5), "return_on": dt.date(2027, 1, 9),
            "report_received_on": dt.date(2027, 1, 20), "birth_date": "1975"}
    told = DELEGATIONS.dates_ahead_in_file(trip, TODAY)
    assert [problem.header for problem in told] == ["report_received_on"]
    assert told[0].message == ("ngày ghi ở sau hôm nay (02/12/2026): hãy xem lại, có thể đã gõ nhầm năm "
                               "(hoặc đồng hồ của máy tính chưa đúng)")  # as an import tells it, on many rows
    assert [spec.key for spec in COMPLAINTS.event_dates] == [  # not Hạn giải quyết
        "received_on", "resolved_on", "forwarded_on", "replied_on"]
