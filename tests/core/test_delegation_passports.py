"""A delegation's passports handed out and received back at once, from its decision number: each member's
diplomatic or official passport in custody chosen, what the officer should know asked once for all, one write
with each handover in the trail."""

import datetime as dt
import re

import pytest
from sqlalchemy import event

from bvct_desktop.core import audit, delegation_passports, passports
from bvct_desktop.core.errors import InputError
from bvct_desktop.core.kinds import MEMBER_ROLES
from bvct_desktop.core.personfile import writes
from tests.conftest import workbook
from tests.core.test_members_not_going import _not_going, members_saved
from tests.core.test_passports import HUNG, HUONG, db, handed, official, person  # noqa: F401 - the fixture
from tests.samples import SAMPLES

HEAD, MEMBER = MEMBER_ROLES[0], MEMBER_ROLES[-1]
VINH = "Đỗ Quang Vinh"  # the other member of 125-QĐ/TU (01/04/2025 – 08/04/2025)
DECISION = "125-QĐ/TU"


@pytest.fixture
def books(db):  # noqa: F811 - the fixture's name
    """Hương's official passport and her ordinary one, Vinh's diplomatic one expiring two months after leaving."""
    return {"huong": official(db, HUONG, "B7654321"), "huong_private": official(db, HUONG, "C0012345", "Phổ thông"),
            "vinh": official(db, VINH, "A0001234", "Ngoại giao", expires_on="01/06/2025")}


def test_each_member_s_official_or_diplomatic_passport_in_custody_is_chosen(db, books):  # noqa: F811
    found = delegation_passports.members(db, "125-qđ/tu")
    assert [(member.full_name, member.passport_id, member.why_not) for member in found] == [
        (HUONG, books["huong"], None), (VINH, books["vinh"], None)]
    assert [member.passport for member in found] == ["Hộ chiếu công vụ B7654321", "Hộ chiếu ngoại giao A0001234"]


def test_a_member_without_a_passport_to_hand_out_says_why(db, books):  # noqa: F811
    handed(db, books["vinh"], "01/03/2025", "10/03/2025", passports.PRIVATE)
    found = delegation_passports.members(db, DECISION)
    assert [(member.full_name, member.passport_id) for member in found] == [(HUONG, books["huong"]), (VINH, None)]
    assert found[1].why_not.startswith("Hộ chiếu A0001234 đang giao cho Đỗ Quang Vinh từ ngày 01/03/2025")


def test_the_passports_are_handed_out_in_one_write_each_in_the_trail_and_told_once(db, books):  # noqa: F811
    chosen = [books["huong"], books["vinh"]]
    told = delegation_passports.handout_doubts(db, DECISION, chosen, {"handed_on": "28/03/2025"})
    assert told == ["Hộ chiếu A0001234 hết hạn ngày 01/06/2025, chưa đủ 6 tháng sau ngày đi 01/04/2025: hộ chiếu "
                    "phải còn hạn từ đủ 6 tháng khi xuất cảnh (Luật Xuất cảnh, nhập cảnh 2019, Điều 33); hãy xem lại "
                    "trước khi giao."]
    made = delegation_passports.hand_out(db, DECISION, chosen, {"handed_on": "28/03/2025"})
    assert len(made) == 2
    added = [entry for entry in audit.list_entries(db)
             if entry.kind == passports.HANDOVERS and entry.action == writes.ADDED]
    assert sorted(entry.record_id for entry in added) == sorted(made)
    for name in (HUONG, VINH):
        [line] = passports.handovers_of(db, person(db, name))
        assert (line["decision_no"], line["trip_return_on"], line["delegation_id"] is not None) == (
            DECISION, dt.date(2025, 4, 8), True)
    out = delegation_passports.members(db, DECISION, back=True)
    assert [member.passport_id for member in out] == chosen
    delegation_passports.take_back(db, chosen, {"returned_on": "10/04/2025"})
    assert [line["returned_on"] for name in (HUONG, VINH)
            for line in passports.handovers_of(db, person(db, name))] == [dt.date(2025, 4, 10)] * 2


def test_one_passport_refused_hands_out_none(db, books):  # noqa: F811
    passports.report_lost(db, books["vinh"], {"lost_on": "01/03/2025"})
    with pytest.raises(InputError, match="^Hộ chiếu A0001234 đã báo mất"):
        delegation_passports.hand_out(db, DECISION, [books["huong"], books["vinh"]], {"handed_on": "28/03/2025"})
    assert passports.handovers_of(db, person(db, HUONG)) == []


def test_a_decision_the_delegations_do_not_have_is_refused(db, books):  # noqa: F811
    with pytest.raises(InputError, match="Không có đoàn"):
        delegation_passports.members(db, "999-QĐ/TU")


def test_a_passport_reported_lost_on_the_trip_is_not_offered_to_receive_back(db, books):  # noqa: F811
    """Vinh's passport, handed out with the delegation, is reported lost abroad on 05/04/2025: cancelled, it is
    owed back no more, so «Nhận lại theo đoàn» says so instead of ticking it."""
    chosen = [books["huong"], books["vinh"]]
    delegation_passports.hand_out(db, DECISION, chosen, {"handed_on": "28/03/2025"})
    passports.report_lost(db, books["vinh"], {"lost_on": "05/04/2025", "lost_note": "Mất tại khách sạn"})
    out = delegation_passports.members(db, DECISION, back=True)
    assert [(member.full_name, member.passport_id) for member in out] == [(HUONG, books["huong"]), (VINH, None)]
    assert out[1].why_not == "Hộ chiếu A0001234 đã báo mất ngày 05/04/2025: không còn phải nộp lại."


def head(db, member_name: str) -> None:  # noqa: F811
    """Makes `member_name` the head of the delegation 125-QĐ/TU (to Japan), the others its members."""
    members_saved(db, lambda member: {**member, "role": HEAD if member["full_name"] == member_name else MEMBER})


def test_the_members_are_listed_as_the_decision_lists_them_the_head_first_not_by_name(db, books):  # noqa: F811
    """The officer checks the list against the decision line by line: Vinh, head of the delegation, comes before
    Hương, whose given name comes first in the alphabet; handed out or received back alike."""
    head(db, VINH)
    assert [member.full_name for member in delegation_passports.members(db, DECISION)] == [VINH, HUONG]
    delegation_passports.hand_out(db, DECISION, [books["huong"], books["vinh"]], {"handed_on": "28/03/2025"})
    assert [member.full_name for member in delegation_passports.members(db, DECISION, back=True)] == [VINH, HUONG]


GIVEN = ("An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khánh", "Lâm")
FAMILY = ("Trần Văn", "Lê Thị", "Phạm Minh", "Võ Quốc", "Đặng Thu")
LARGE = "200-QĐ/TU"


def _large_delegation(cli, db, folder) -> list[int]:  # noqa: F811 - `db`, the fixture
    """A delegation of 40 cadres under LARGE, each with an official passport the office keeps: theirs."""
    names = [f"{family} {given}" for family in FAMILY for given in GIVEN]
    born = [f"01/01/{1960 + at}" for at in range(len(names))]
    headers, _ = SAMPLES["cadres"]
    rows = [[name, birth, "Nam", *[None] * (len(headers) - 3)] for name, birth in zip(names, born, strict=True)]
    assert cli("import", "cadres", workbook(folder / "can-bo.xlsx", headers, rows))[0] == 0
    headers, _ = SAMPLES["delegations"]
    rows = [[LARGE, "10/03/2025", "Đoàn học tập", "Nhật Bản", "Công tác", "01/04/2025", "08/04/2025", None, name,
             birth, None, None, None, None, "Thành viên"] for name, birth in zip(names, born, strict=True)]
    assert cli("import", "delegations", workbook(folder / "doan.xlsx", headers, rows))[0] == 0
    return [official(db, name, f"B{7000000 + at}") for at, name in enumerate(names)]


def _statements(db, run) -> list[str]:  # noqa: F811
    """The statements `run` sends the database, but those each handover's own write takes (its row, the row
    versions, the trail's entry)."""
    sent = []

    def counted(*args) -> None:
        sent.append(args[2])

    event.listen(db.engine, "before_cursor_execute", counted)
    try:
        run()
    finally:
        event.remove(db.engine, "before_cursor_execute", counted)
    return [text for text in sent if not re.match(r"(INSERT|UPDATE)|SELECT .*(audit_log|row_version)", text,
                                                  re.DOTALL)]


def test_a_large_delegation_s_passports_are_read_and_written_in_a_few_statements_not_one_a_member(cli, db,  # noqa: F811
                                                                                                tmp_path):
    """40 members: listing them, what the officer should know before handing their passports out, handing them
    out and receiving them back read the same few statements as for two (each handover's row and trail entry
    aside), and all of it is one write."""
    ids = _large_delegation(cli, db, tmp_path)
    for run in (lambda: delegation_passports.members(db, LARGE),
                lambda: delegation_passports.handout_doubts(db, LARGE, ids, {"handed_on": "28/03/2025"}),
                lambda: delegation_passports.hand_out(db, LARGE, ids, {"handed_on": "28/03/2025"}),
                lambda: delegation_passports.members(db, LARGE, back=True),
                lambda: delegation_passports.take_back(db, ids, {"returned_on": "10/04/2025"})):
        assert len(_statements(db, run)) <= 12
    assert [line["returned_on"] for line in passports.handovers_of(db, person(db, "Đặng Thu Lâm"))] == [
        dt.date(2025, 4, 10)]


def test_a_member_the_decision_names_who_does_not_go_is_listed_with_why_and_returns_a_passport_already_out(
        db, books):  # noqa: F811
    """The officer checks the list against the decision: a member withdrawn («Không đi») is there, with the reason
    and no passport offered; withdrawn once his passport was handed out, it is still offered back with the others."""
    _not_going(db, VINH, "ốm")
    found = delegation_passports.members(db, DECISION)
    assert [(member.full_name, member.passport_id, member.why_not) for member in found] == [
        (HUONG, books["huong"], None), (VINH, None, "Không đi (ốm): không giao hộ chiếu.")]
    _not_going(db, VINH, None)
    delegation_passports.hand_out(db, DECISION, [books["huong"], books["vinh"]], {"handed_on": "28/03/2025"})
    _not_going(db, VINH, "ốm")
    back = delegation_passports.members(db, DECISION, back=True)
    assert [(member.full_name, member.passport_id) for member in back] == [
        (HUONG, books["huong"]), (VINH, books["vinh"])]
