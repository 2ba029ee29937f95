"""«Cán bộ phụ trách»: whoever records a slip or a vetting case is in charge of it (a form, an import, a case opened
by hand alike), and «Bàn giao việc» passes every open slip and case of one officer to a colleague, in one
transaction with one audit entry — a leader's or an administrator's to do. On a file and on the office server."""

import json

import openpyxl
import pytest
from sqlalchemy import select

from bvct_desktop.core import audit_words, browse, editing, handover, users
from bvct_desktop.core.errors import InputError, PermissionDenied
from bvct_desktop.core.kinds import SLIPS
from bvct_desktop.core.permissions import LEADER, OFFICER, VIEWER
from bvct_desktop.core.personfile import cases
from bvct_desktop.core.schema import audit_log, persons, slips, vetting_cases
from tests.conftest import ADMIN, workbook
from tests.sample_db import MORNING, OFFICER_NAME, OFFICER_PASSWORD, officer_database, sample_database, user_database

LEADER_NAME, LEADER_PASSWORD = "lanhdao1", "Lanh-dao-mot-2026"


@pytest.fixture
def cli(both_engines_cli):
    return both_engines_cli


@pytest.fixture
def office(cli, tmp_path):
    """The sample cadres and slips imported by the administrator; an officer and a leader besides."""
    admin = sample_database(cli, tmp_path, ("cadres", "slips"), clock=lambda: MORNING)
    officer = officer_database(cli, admin, clock=lambda: MORNING)
    leader = user_database(cli, admin, LEADER_NAME, LEADER, LEADER_PASSWORD, clock=lambda: MORNING)
    yield admin, officer, leader
    for db in (leader, officer, admin):
        db.close()


def _in_charge(db, table) -> dict:
    with db.read() as connection:
        return dict(connection.execute(select(table.c.id, table.c.in_charge).order_by(table.c.id)).all())


def _person(db, name: str) -> int:
    with db.read() as connection:
        return connection.execute(select(persons.c.id).where(persons.c.full_name == name)).scalar_one()


def _new_slip(officer) -> int:
    return editing.save(officer, "slips", {"number": "40/PXM", "issued_on": "01/03/2026",
                                           "full_name": "Trần Văn Mới", "birth_date": "1990",
                                           "recipient": "Cục A93B – Bộ Công an"})


def test_the_officer_who_imports_slips_is_in_charge_of_each(office):
    admin, _, _ = office
    assert set(_in_charge(admin, slips).values()) == {ADMIN}


def test_a_slip_saved_from_a_form_and_a_case_opened_are_in_the_charge_of_who_recorded_them(office):
    _, officer, _ = office
    slip = _new_slip(officer)
    case = cases.open_case(officer, _person(officer, "Trần Văn Mới"), {"purpose": "Quy hoạch",
                                                                      "opened_on": "01/03/2026"})
    assert _in_charge(officer, slips)[slip] == OFFICER_NAME
    assert _in_charge(officer, vetting_cases)[case] == OFFICER_NAME


def test_editing_a_slip_leaves_who_is_in_charge_of_it(office):
    admin, officer, _ = office
    slip = min(_in_charge(admin, slips))
    stored = editing.load(officer, "slips", slip)
    editing.save(officer, "slips", {**stored, "note": "Đã gọi điện nhắc"}, slip, stored["person_id"],
                 stored[editing.VERSION])
    assert _in_charge(admin, slips)[slip] == ADMIN


def test_the_export_keeps_the_import_layout_and_a_slip_a_file_adds_is_the_importing_officers(office, cli, tmp_path):
    """An export is the contract's import layout, «Cán bộ phụ trách» not among its columns; read back by another
    officer, nothing changes hands, and a slip the file adds is the importing officer's."""
    admin, _, _ = office
    out = tmp_path / "slips.xlsx"
    assert cli("export", "slips", "--out", out)[0] == 0
    rows = [list(row) for row in openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True)]
    assert rows[0] == [spec.header for spec in SLIPS.fields] and "Cán bộ phụ trách" not in rows[0]
    added = ["41/PXM", *rows[1][1:]]
    again = workbook(tmp_path / "again.xlsx", rows[0], [*rows[1:], added])
    code, out_text, err = cli.as_user(OFFICER_NAME, OFFICER_PASSWORD)("import", "slips", again)
    assert code == 0, out_text + err
    assert "Thêm mới: 1" in out_text
    in_charge = _in_charge(admin, slips)
    assert in_charge.pop(max(in_charge)) == OFFICER_NAME and set(in_charge.values()) == {ADMIN}


def _audit_entries(db, action: str) -> list[dict]:
    with db.read() as connection:
        rows = connection.execute(select(audit_log).where(audit_log.c.action == action)
                                  .order_by(audit_log.c.id)).mappings().all()
    return [{**row, "details": json.loads(row["details"]) if row["details"] else None} for row in rows]


def test_handing_over_passes_the_open_slips_and_cases_only_in_one_audit_entry(office):
    admin, officer, leader = office
    answered = {slip for slip, _ in _in_charge(admin, slips).items() if _answered(admin, slip)}
    assert answered  # the samples hold answered slips, which stay with who had them
    case = cases.open_case(admin, _person(admin, "Phạm Minh Quang"), {"purpose": "Quy hoạch",
                                                                     "opened_on": "01/03/2026"})
    waiting = handover.open_work(leader, ADMIN)
    assert waiting == handover.OpenWork(slips=len(_in_charge(admin, slips)) - len(answered), cases=_open_cases(admin))

    assert handover.hand_over(leader, ADMIN, OFFICER_NAME) == waiting
    after = _in_charge(admin, slips)
    assert {slip for slip, who in after.items() if who == ADMIN} == answered
    assert _in_charge(admin, vetting_cases)[case] == OFFICER_NAME
    assert handover.open_work(leader, ADMIN) == handover.OpenWork(0, 0)
    [entry] = _audit_entries(admin, handover.HANDED_OVER)
    assert entry["user_name"] == LEADER_NAME and entry["details"] == {
        "tu_can_bo": ADMIN, "sang_can_bo": OFFICER_NAME, "so_phieu_chua_tra_loi": waiting.slips,
        "so_ho_so_chua_ket_luan": waiting.cases}
    assert audit_words.describe(None, entry["details"]) == (
        f"Cán bộ bàn giao: {ADMIN}; Cán bộ nhận bàn giao: {OFFICER_NAME}; Số phiếu chưa có trả lời: {waiting.slips}; "
        f"Số hồ sơ chưa kết luận: {waiting.cases}")


def _open_cases(db) -> int:
    """The cases opened by hand and with the slips imported, not concluded."""
    with db.read() as connection:
        return len(connection.execute(select(vetting_cases.c.id).where(vetting_cases.c.status == cases.OPEN)).all())


def _answered(db, slip: int) -> bool:
    with db.read() as connection:
        row = connection.execute(select(slips.c.result_on, slips.c.result).where(slips.c.id == slip)).one()
    return row.result_on is not None or bool(row.result)


def test_a_handed_over_slip_is_changed_for_a_form_opened_before(office):
    admin, officer, leader = office
    slip = max(_in_charge(admin, slips))
    stored = editing.load(officer, "slips", slip)
    handover.hand_over(leader, ADMIN, OFFICER_NAME)
    with pytest.raises(editing.ChangedMeanwhile):
        editing.save(officer, "slips", {**stored, "note": "x"}, slip, stored["person_id"], stored[editing.VERSION])


def test_an_officer_may_not_hand_over_and_the_refusal_is_audited(office):
    admin, officer, _ = office
    with pytest.raises(PermissionDenied) as refused:
        handover.hand_over(officer, ADMIN, OFFICER_NAME)
    assert refused.value.message == "Vai trò của bạn không được phép bàn giao việc."
    assert set(_in_charge(admin, slips).values()) == {ADMIN}
    [entry] = _audit_entries(admin, handover.HANDED_OVER)
    assert entry["outcome"] != "ok" and entry["user_name"] == OFFICER_NAME


def test_those_who_may_hand_over_are_the_officers_in_charge_or_who_may_be_locked_ones_too_not_the_viewers(office):
    """A «Chỉ xem» account was offered among the officers handing work over though it is never in charge of
    anything; an officer who left (locked) is, and a viewer still in charge of work recorded before."""
    admin, officer, leader = office
    _new_slip(officer)
    users.add(admin, "nghi.huu", OFFICER, "Nghi-huu-mot-2026")
    users.disable(admin, "nghi.huu")
    users.add(admin, "chi.xem", VIEWER, "Chi-xem-mot-2026")
    assert handover.officers(leader) == sorted([ADMIN, LEADER_NAME, OFFICER_NAME, "nghi.huu"])
    users.set_role(admin, OFFICER_NAME, VIEWER)
    assert OFFICER_NAME in handover.officers(leader)


@pytest.mark.parametrize(("to", "told"), [
    (ADMIN, "Cán bộ nhận bàn giao phải khác cán bộ bàn giao."),
    ("khongco", "Không có người dùng «khongco»."),
])
def test_handing_over_to_oneself_or_nobody_is_refused_and_changes_nothing(office, to, told):
    admin, _, leader = office
    with pytest.raises(InputError) as refused:
        handover.hand_over(leader, ADMIN, to)
    assert refused.value.message == told
    assert set(_in_charge(admin, slips).values()) == {ADMIN}


def test_one_slip_or_case_is_handed_over_from_its_form(office):
    admin, officer, leader = office
    slip = min(_in_charge(admin, slips))
    handover.hand_over_record(leader, "slips", slip, OFFICER_NAME)
    assert _in_charge(admin, slips)[slip] == OFFICER_NAME
    [entry] = _audit_entries(admin, handover.HANDED_OVER)
    assert entry["kind"] == "slips" and entry["record_id"] == slip
    assert entry["details"] == {"tu_can_bo": ADMIN, "sang_can_bo": OFFICER_NAME}
    with pytest.raises(PermissionDenied):
        handover.hand_over_record(officer, "slips", slip, ADMIN)


@pytest.mark.parametrize(("kind", "table"), [("slips", slips), ("vetting-cases", vetting_cases)])
def test_the_registers_show_and_filter_by_the_officer_in_charge(office, kind, table):
    admin, _, leader = office
    record = min(_in_charge(admin, table))
    handover.hand_over_record(leader, kind, record, OFFICER_NAME)
    column = [spec.key for spec in browse.view(kind).columns].index("in_charge")
    assert browse.view(kind).columns[column].header == "Cán bộ phụ trách"
    assert dict(browse.column_values(admin, kind, "in_charge")) == {ADMIN: len(_in_charge(admin, table)) - 1,
                                                                   OFFICER_NAME: 1}
    mine = browse.Filters().with_values("in_charge", (OFFICER_NAME,))
    assert browse.record_ids(admin, kind, filters=mine) == [record]
    assert browse.fetch_rows(admin, kind, [record])[record][column] == OFFICER_NAME
