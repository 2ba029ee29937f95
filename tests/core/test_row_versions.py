"""Two officers editing the same record: the second save is refused, naming who changed it and when,
and writes nothing (a row version on every record, person and delegation member) — on a file and on
the office server. The parts of a person's file (relatives, foreign elements, political notes,
vetting cases) are refused the same way."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from bvct_desktop.core import browse, editing, recycle_bin
from bvct_desktop.core.kinds import kind_named
from bvct_desktop.core.personfile import cases, relatives
from bvct_desktop.core.personfile.foreign import FOREIGN_ELEMENTS
from bvct_desktop.core.personfile.political import POLITICAL_NOTES
from bvct_desktop.core.schema import delegation_members, slips
from tests.sample_db import MORNING, officer_database, sample_database
from tests.sample_db import OFFICER_NAME as OTHER


@pytest.fixture
def cli(both_engines_cli):
    return both_engines_cli


@pytest.fixture
def office(cli, tmp_path):
    """The sample cadres and slips, opened by the administrator and by a second officer."""
    admin = sample_database(cli, tmp_path, ("cadres", "slips", "delegations"), clock=lambda: MORNING)
    other = officer_database(cli, admin, clock=lambda: MORNING + dt.timedelta(minutes=5))
    yield admin, other
    other.close()
    admin.close()


def _a_cadre(db) -> int:
    from sqlalchemy import select

    from bvct_desktop.core.schema import cadres

    with db.read() as connection:
        return connection.execute(select(cadres.c.id).order_by(cadres.c.id)).scalars().first()


def test_the_second_save_of_the_same_record_is_refused_and_changes_nothing(office):
    admin, other = office
    cadre = _a_cadre(admin)
    mine, theirs = editing.load(admin, "cadres", cadre), editing.load(other, "cadres", cadre)
    editing.save(other, "cadres", {**theirs, "position": "Phó Giám đốc"}, cadre, theirs["person_id"],
                 theirs[editing.VERSION])
    with pytest.raises(editing.ChangedMeanwhile) as refused:
        editing.save(admin, "cadres", {**mine, "position": "Giám đốc"}, cadre, mine["person_id"], mine[editing.VERSION])
    assert refused.value.message.startswith(f"Bản ghi đã được {OTHER} sửa lúc 09:20 ngày 02/03/2026")
    assert editing.load(admin, "cadres", cadre)["position"] == "Phó Giám đốc"

    again = editing.load(admin, "cadres", cadre)  # the officer opens it again, sees the change, saves
    editing.save(admin, "cadres", {**again, "position": "Giám đốc"}, cadre, again["person_id"], again[editing.VERSION])
    assert editing.load(other, "cadres", cadre)["position"] == "Giám đốc"


def test_a_change_to_the_person_through_another_record_counts_too(office):
    """The cadre form shows the person's name and birth date: a slip that corrects them is a change."""
    admin, other = office
    cadre = _a_cadre(admin)
    mine = editing.load(admin, "cadres", cadre)
    theirs = editing.load(other, "cadres", cadre)
    editing.save(other, "slips", {"number": "77/PXM", "issued_on": "02/03/2026", "full_name": theirs["full_name"],
                                  "other_names": "Tư Hùng", "birth_date": theirs["birth_date"],
                                  "home_town": theirs["home_town"], "recipient": "Cục A93B – Bộ Công an"},
                 person_id=theirs["person_id"])
    assert editing.load(admin, "cadres", cadre)[editing.VERSION] != mine[editing.VERSION]
    with pytest.raises(editing.ChangedMeanwhile):
        editing.save(admin, "cadres", {**mine, "note": "ghi chú"}, cadre, mine["person_id"], mine[editing.VERSION])


def test_a_record_moved_to_the_recycle_bin_meanwhile_is_not_saved_over(office):
    admin, other = office
    cadre = _a_cadre(admin)
    mine = editing.load(admin, "cadres", cadre)
    recycle_bin.delete(other, "cadres", cadre)
    with pytest.raises(editing.ChangedMeanwhile, match=OTHER):
        editing.save(admin, "cadres", {**mine, "note": "x"}, cadre, mine["person_id"], mine[editing.VERSION])


def _a_slip_with_its_own_case(db) -> tuple[int, int]:
    """A slip, and the vetting case it opened that serves nothing else: the case goes to the bin with it."""
    with db.read() as connection:
        return connection.execute(select(func.min(slips.c.id), slips.c.vetting_case_id)
                                  .where(slips.c.vetting_case_id.is_not(None))
                                  .group_by(slips.c.vetting_case_id).having(func.count() == 1)).first()


@pytest.mark.parametrize("form", ["filled before", "filled again after", "without versions"])
def test_a_form_saved_over_a_record_put_in_the_recycle_bin_is_refused_saying_it_was_deleted(office, form):
    """Filled again after the deletion, its versions are current: still no save brings the record back,
    nor the vetting case its slip took along (an import's row does: README, the bin's rules)."""
    admin, other = office
    slip, case = _a_slip_with_its_own_case(admin)
    before = editing.load(admin, "slips", slip)
    assert recycle_bin.delete(other, "slips", slip)  # the case went along
    shown = editing.load(admin, "slips", slip) if form == "filled again after" else before
    seen = None if form == "without versions" else shown[editing.VERSION]
    with pytest.raises(editing.ChangedMeanwhile) as refused:
        editing.save(admin, "slips", {**_as_typed("slips", shown), "note": "Ánh ghi chú"}, slip, shown["person_id"],
                     seen)
    assert refused.value.message.startswith(f"Bản ghi đã bị {OTHER} xóa lúc 09:20 ngày 02/03/2026")
    assert "Thùng rác" in refused.value.message
    assert recycle_bin.in_recycle_bin(admin, "slips") == [slip]
    assert recycle_bin.in_recycle_bin(admin, cases.KIND) == [case]
    assert editing.load(admin, "slips", slip)["note"] == before["note"]


def test_an_open_form_is_told_its_record_was_put_in_the_recycle_bin(office):
    admin, other = office
    cadre = _a_cadre(admin)
    seen = editing.load(admin, "cadres", cadre)[editing.VERSION]
    recycle_bin.delete(other, "cadres", cadre)
    change = editing.changed_meanwhile(admin, "cadres", cadre, seen)
    assert change.binned and str(change) == f"{OTHER} xóa lúc 09:20 ngày 02/03/2026"
    again = editing.load(admin, "cadres", cadre)
    assert again[editing.BINNED] == change and editing.changed_meanwhile(admin, "cadres", cadre,
                                                                         again[editing.VERSION]) is None


def test_saving_twice_from_the_same_form_is_not_a_conflict(office):
    admin, _ = office
    cadre = _a_cadre(admin)
    for note in ("một", "hai"):
        stored = editing.load(admin, "cadres", cadre)
        editing.save(admin, "cadres", {**stored, "note": note}, cadre, stored["person_id"], stored[editing.VERSION])
    assert editing.load(admin, "cadres", cadre)["note"] == "hai"


def _a_delegation(db) -> int:
    """One with two members or more."""
    delegation = delegation_members.c.delegation_id
    with db.read() as connection:
        return connection.execute(select(delegation).group_by(delegation).having(func.count() > 1)
                                  .order_by(delegation)).scalar()


def _as_typed(kind: str, stored: dict) -> dict:
    """A form's values as it shows them (dates typed dd/mm/yyyy), members too."""
    spec = kind_named(kind)
    shown = {**stored, **{f.key: f.display(stored[f.key]) for f in spec.fields if f.key in stored}}
    if editing.MEMBERS in stored:
        shown[editing.MEMBERS] = [{key: spec.field(key).display(value) for key, value in member.items()}
                                  for member in stored[editing.MEMBERS]]
    return shown


def _save(db, kind: str, record_id: int, form: dict, **changes) -> None:
    editing.save(db, kind, {**_as_typed(kind, form), **changes}, record_id, form.get("person_id"),
                 form[editing.VERSION])


@pytest.mark.parametrize("their_change", ["a member's role", "a member taken off", "a member added"])
def test_a_delegation_saved_over_a_change_to_its_members_is_refused(office, their_change):
    admin, other = office
    delegation = _a_delegation(admin)
    mine, theirs = editing.load(admin, "delegations", delegation), editing.load(other, "delegations", delegation)
    members = _as_typed("delegations", theirs)[editing.MEMBERS]
    if their_change == "a member's role":
        members[1]["role"] = "Phó trưởng đoàn"
    elif their_change == "a member taken off":
        members.pop()
    else:
        members.append({"full_name": "Cao Thị Mới", "birth_date": "1991"})
    _save(other, "delegations", delegation, theirs, **{editing.MEMBERS: members})
    after_theirs = editing.load(admin, "delegations", delegation)
    with pytest.raises(editing.ChangedMeanwhile) as refused:
        _save(admin, "delegations", delegation, mine, name="Đoàn đổi tên")
    assert refused.value.message.startswith(f"Bản ghi đã được {OTHER} sửa lúc 09:20 ngày 02/03/2026")
    assert editing.load(admin, "delegations", delegation) == after_theirs


def test_a_delegation_saved_over_a_member_corrected_elsewhere_is_refused(office):
    """The form shows each member's name and birth date: a correction on the cadre's own form counts."""
    admin, other = office
    delegation = _a_delegation(admin)
    mine = editing.load(admin, "delegations", delegation)
    member = mine[editing.MEMBERS][0]
    cadre = browse.record_ids(other, "cadres", member["full_name"])[0]
    their_cadre = editing.load(other, "cadres", cadre)
    _save(other, "cadres", cadre, their_cadre, residence="Phường Phú Thủy")
    with pytest.raises(editing.ChangedMeanwhile, match=OTHER):
        _save(admin, "delegations", delegation, mine, name="Đoàn đổi tên")


@pytest.mark.parametrize("form", ["filled before", "filled again after"])
def test_a_delegation_saved_with_a_member_put_in_the_recycle_bin_is_refused_and_the_member_stays_there(office, form):
    """Another officer put a member (a cadre) in the recycle bin: saving the delegation's form brought
    the cadre back, unasked and with no audit entry saying so. Only an import's row brings a record
    back (README, the bin's rules): the form is refused on that member, saying who deleted it and what to do."""
    admin, other = office
    delegation = _a_delegation(admin)
    before = editing.load(admin, "delegations", delegation)
    member = before[editing.MEMBERS][1]
    cadre = browse.record_ids(other, "cadres", member["full_name"])[0]
    recycle_bin.delete(other, "cadres", cadre)
    shown = editing.load(admin, "delegations", delegation) if form == "filled again after" else before
    with pytest.raises(editing.FormProblems) as refused:
        _save(admin, "delegations", delegation, shown, report_received_on="20/03/2026")
    told = refused.value.problems[f"{editing.MEMBERS}.2.full_name"]
    assert f"«{member['full_name']}» đã bị {OTHER} xóa lúc 09:20 ngày 02/03/2026" in told
    assert "khôi phục ở Thùng rác" in told and "bỏ người này khỏi danh sách" in told
    assert cadre in recycle_bin.in_recycle_bin(admin, "cadres")
    assert editing.load(admin, "delegations", delegation)["report_received_on"] == before["report_received_on"]


def test_a_delegation_form_saved_twice_over_its_own_member_changes_is_not_a_conflict(office):
    admin, _ = office
    delegation = _a_delegation(admin)
    for role in ("Phó trưởng đoàn", "Thành viên"):
        form = editing.load(admin, "delegations", delegation)
        members = _as_typed("delegations", form)[editing.MEMBERS]
        members[1]["role"] = role
        _save(admin, "delegations", delegation, form, **{editing.MEMBERS: members})
    assert editing.load(admin, "delegations", delegation)[editing.MEMBERS][1]["role"] == "Thành viên"


def _a_cadres_person(db) -> int:
    return editing.load(db, "cadres", _a_cadre(db))["person_id"]


def test_a_relative_saved_over_someone_elses_change_is_refused(office):
    admin, other = office
    person = _a_cadres_person(admin)
    relatives.add_relative(admin, person, {"relation": "Con", "full_name": "Lê Văn Út", "birth_date": "2001"})
    [mine], [theirs] = relatives.list_relatives(admin, person), relatives.list_relatives(other, person)
    form = {"relation": "Con", "full_name": "Lê Văn Út", "birth_date": "2001"}
    relatives.update_relative(other, theirs.id, {**form, "occupation": "Kỹ sư"}, theirs.versions)
    with pytest.raises(editing.ChangedMeanwhile, match=f"^Bản ghi đã được {OTHER} sửa lúc 09:20"):
        relatives.update_relative(admin, mine.id, {**form, "occupation": "Bác sĩ"}, mine.versions)
    [stored] = relatives.list_relatives(admin, person)
    assert stored.occupation == "Kỹ sư"
    assert relatives.update_relative(admin, stored.id, {**form, "occupation": "Bác sĩ"}, stored.versions)


@pytest.mark.parametrize(("notes", "values", "key"), [
    (POLITICAL_NOTES, {"axis": "Chính trị hiện nay", "content": "Không có biểu hiện vi phạm",
                       "regulation": "QĐ 126-QĐ/TW", "effect": "Không ảnh hưởng"}, "content"),
    (FOREIGN_ELEMENTS, {"element_kind": "Làm việc cho tổ chức, cá nhân nước ngoài", "country": "Hoa Kỳ",
                        "since": "2015", "source": "Lý lịch 2C năm 2020"}, "country"),
])
def test_a_note_saved_over_someone_elses_change_is_refused(office, notes, values, key):
    admin, other = office
    person = _a_cadres_person(admin)
    notes.add(admin, person, values)
    [mine], [theirs] = notes.of_owner(admin, person), notes.of_owner(other, person)
    notes.update(other, theirs["id"], {**values, key: "Của người kia"}, theirs[editing.VERSION])
    with pytest.raises(editing.ChangedMeanwhile, match=OTHER):
        notes.update(admin, mine["id"], {**values, key: "Của tôi"}, mine[editing.VERSION])
    assert notes.of_owner(admin, person)[0][key] == "Của người kia"


def test_a_vetting_case_concluded_over_someone_elses_change_is_refused(office):
    admin, other = office
    person = _a_cadres_person(admin)
    case = cases.open_case(admin, person, {"purpose": "Khác", "opened_on": "01/02/2026"})
    [mine] = [c for c in cases.cases_of(admin, person) if c["id"] == case]
    [theirs] = [c for c in cases.cases_of(other, person) if c["id"] == case]
    cases.update_case(other, case, {"purpose": "Khác", "opened_on": "01/02/2026", "note": "Chờ A93B"},
                      theirs[editing.VERSION])
    with pytest.raises(editing.ChangedMeanwhile, match=OTHER):
        cases.record_conclusion(admin, case, {"conclusion_no": "472-CV/BTCTU", "concluded_on": "01/03/2026",
                                              "result": "Đủ tiêu chuẩn"}, mine[editing.VERSION])
    with pytest.raises(editing.ChangedMeanwhile, match=OTHER):
        cases.update_case(admin, case, {"purpose": "Khác", "opened_on": "01/02/2026"}, mine[editing.VERSION])
    [stored] = [c for c in cases.cases_of(admin, person) if c["id"] == case]
    assert stored["status"] == cases.OPEN and stored["note"] == "Chờ A93B"

