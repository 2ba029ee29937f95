"""Recipient units are an editable list: added by hand or by import, renamed, set inactive, and merged
when one unit was written twice (the spelling merged then stays as the kept entry's alias)."""

import datetime as dt
import json

import pytest
from sqlalchemy import UniqueConstraint, inspect, select

from bvct_desktop.core import (
    audit,
    audit_words,
    editing,
    outgoing,
    recipients,
    recycle_bin,
    report,
    schema,
    users,
    vault,
)
from bvct_desktop.core.audit_chain import REFUSED
from bvct_desktop.core.errors import InputError, PermissionDenied
from bvct_desktop.core.kinds import KINDS
from bvct_desktop.core.permissions import OFFICER, VIEWER
from bvct_desktop.core.schema import slips
from bvct_desktop.core.watch import Watch
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.earlier_revision import database_at


@pytest.fixture
def db(cli):
    database = vault.unlock(cli.db, ADMIN, PASSWORD)
    yield database
    database.close()


def test_add_rename_deactivate(db):
    a93 = recipients.add_recipient(db, "Cục  A93B – Bộ Công an")
    pv27 = recipients.add_recipient(db, "Phòng PV27 – Công an tỉnh Bình Thuận")
    assert [r.name for r in recipients.list_recipients(db)] == ["Cục A93B – Bộ Công an",
                                                               "Phòng PV27 – Công an tỉnh Bình Thuận"]
    recipients.rename_recipient(db, pv27, "Phòng PV06 – Công an tỉnh Lâm Đồng")
    recipients.set_recipient_active(db, a93, False)
    assert [r.name for r in recipients.list_recipients(db)] == ["Phòng PV06 – Công an tỉnh Lâm Đồng"]
    assert len(recipients.list_recipients(db, include_inactive=True)) == 2


def test_duplicates_and_empty_names_are_refused(db):
    recipients.add_recipient(db, "Cục A93B – Bộ Công an")
    with pytest.raises(InputError, match="Đã có"):
        recipients.add_recipient(db, "cục a93b – bộ công an")
    with pytest.raises(InputError, match="trống"):
        recipients.add_recipient(db, "   ")


@pytest.mark.parametrize("typed", ["Cục A93B - Bộ Công an", "Cục A93B-Bộ Công an", "CỤC A93B — BỘ CÔNG AN"])
def test_a_unit_typed_with_another_dash_is_the_same_unit(db, cli, tmp_path, typed):
    """An Excel list types «-» where the program's list has «–»: one unit, not two (the report would
    count its slips on two lines, and the unit could not be renamed to the other's name)."""
    a93 = recipients.add_recipient(db, "Cục A93B – Bộ Công an")
    with pytest.raises(InputError, match="Đã có nơi nhận phiếu"):
        recipients.add_recipient(db, typed)
    pv27 = recipients.add_recipient(db, "Phòng PV27 – Công an tỉnh Bình Thuận")
    with pytest.raises(InputError, match="Đã có nơi nhận phiếu"):
        recipients.rename_recipient(db, pv27, typed)
    sheet = workbook(tmp_path / "p.xlsx", ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh",
                                           "Nơi nhận phiếu"], [["7/PXM", "05/01/2025", "Lê Văn Bảy", typed]])
    code, out, err = cli("import", "slips", sheet)
    assert code == 0, err
    assert "Nơi nhận phiếu mới" not in out
    assert [r.id for r in recipients.list_recipients(db)] == [a93, pv27]
    with db.read() as connection:
        assert connection.exec_driver_sql("SELECT recipient_id FROM slips").scalars().all() == [a93]


def test_a_unit_typed_without_accents_is_the_unit_written_with_them(db, cli, tmp_path):
    """An officer typing without accents, or an old Excel list, means the unit the list already has:
    the page refuses it naming that unit, and a file naming it goes to that unit."""
    a93 = recipients.add_recipient(db, "Cục A93B – Bộ Công an")
    with pytest.raises(InputError, match="^Đã có nơi nhận phiếu «Cục A93B – Bộ Công an»"):
        recipients.add_recipient(db, "cuc a93b - bo cong an")
    pv27 = recipients.add_recipient(db, "Phòng PV27 – Công an tỉnh Bình Thuận")
    with pytest.raises(InputError, match="«Cục A93B – Bộ Công an»"):
        recipients.rename_recipient(db, pv27, "CUC A93B-BO CONG AN")
    _import_naming(cli, tmp_path, "Cuc A93B - Bo Cong an")
    assert [r.id for r in recipients.list_recipients(db)] == [a93, pv27]


def test_a_unit_typed_without_accents_with_the_lists_dash_is_the_unit_written_with_them(db, cli, tmp_path):
    """The tour's old list wrote «Cuc A93B – Bo Cong an»: no accents, but the en dash the list writes (Excel's
    autocorrect makes one); a new unit was added beside «Cục A93B – Bộ Công an», as the page added it too."""
    a93 = recipients.add_recipient(db, "Cục A93B – Bộ Công an")
    with pytest.raises(InputError, match="^Đã có nơi nhận phiếu «Cục A93B – Bộ Công an»"):
        recipients.add_recipient(db, "Cuc A93B – Bo Cong an")
    _import_naming(cli, tmp_path, "Cuc A93B – Bo Cong an")
    assert [r.id for r in recipients.list_recipients(db)] == [a93]


def _import_naming(cli, tmp_path, unit: str) -> None:
    """Imports a slip to `unit`, which adds no unit."""
    sheet = workbook(tmp_path / "p.xlsx", ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh",
                                           "Nơi nhận phiếu"], [["7/PXM", "05/01/2025", "Lê Văn Bảy", unit]])
    code, out, err = cli("import", "slips", sheet)
    assert code == 0, err
    assert "Nơi nhận phiếu mới" not in out


def test_a_unit_typed_without_accents_below_its_new_accented_spelling_in_one_file_is_that_unit(db, cli, tmp_path):
    """The two rows make one unit whether they come in one file or in two; two new units reading alike
    without accents leave the name typed without them a unit of its own, as in the list."""
    sheet = workbook(tmp_path / "p.xlsx", ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh",
                                           "Nơi nhận phiếu"],
                     [["1/PXM", "05/01/2025", "Lê Văn Một", "Cục A93B – Bộ Công an"],
                      ["2/PXM", "05/01/2025", "Lê Văn Hai", "Cuc A93B - Bo Cong an"],
                      ["3/PXM", "05/01/2025", "Lê Văn Ba", "Công an huyện Phú Mỹ"],
                      ["4/PXM", "05/01/2025", "Lê Văn Bốn", "Công an huyện Phù Mỹ"],
                      ["5/PXM", "05/01/2025", "Lê Văn Năm", "Cong an huyen Phu My"]])
    code, out, err = cli("import", "slips", sheet)
    assert code == 0, err
    assert ("Nơi nhận phiếu mới: 4: Cục A93B – Bộ Công an, Công an huyện Phú Mỹ, Công an huyện Phù Mỹ, "
            "Cong an huyen Phu My") in out
    with db.read() as connection:
        named = connection.exec_driver_sql("SELECT s.number, r.name FROM slips s JOIN recipients r "
                                           "ON r.id = s.recipient_id ORDER BY s.number").all()
    assert [tuple(row) for row in named][:2] == [("1/PXM", "Cục A93B – Bộ Công an"), ("2/PXM", "Cục A93B – Bộ Công an")]


def test_a_name_without_accents_that_could_be_two_units_is_a_unit_of_its_own(db):
    """Phú Mỹ and Phù Mỹ are two districts: «Cong an huyen Phu My» names neither for sure."""
    recipients.add_recipient(db, "Công an huyện Phú Mỹ")
    recipients.add_recipient(db, "Công an huyện Phù Mỹ")
    recipients.add_recipient(db, "Cong an huyen Phu My")
    assert len(recipients.list_recipients(db)) == 3


def test_two_units_whose_names_differ_only_in_accents_are_both_kept(db):
    recipients.add_recipient(db, "Công an huyện Phú Mỹ")
    recipients.add_recipient(db, "Công an huyện Phù Mỹ")
    assert [r.name for r in recipients.list_recipients(db)] == ["Công an huyện Phù Mỹ", "Công an huyện Phú Mỹ"]


# -- merging two spellings of one unit ---------------------------------------------------------

PV27, PV27_SHORT = "Phòng PV27 – Công an tỉnh Bình Thuận", "Phòng PV27 - CA tỉnh Bình Thuận"
A93 = "Cục A93B – Bộ Công an"
OFFICER_NAME, OFFICER_PASSWORD = "chuyenvien", "Chuyen-vien-2026"
VIEWER_NAME, VIEWER_PASSWORD = "nguoixem", "Nguoi-xem-chi-2026"
SLIP_HEADERS = ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Nơi nhận phiếu"]
SLIP_ROWS = [["1/PXM", "05/01/2025", "Lê Văn Một", PV27], ["2/PXM", "06/01/2025", "Lê Văn Hai", PV27_SHORT],
             ["3/PXM", "07/01/2025", "Lê Văn Ba", PV27_SHORT], ["4/PXM", "08/01/2025", "Lê Văn Bốn", A93]]


@pytest.fixture
def office(both_engines_cli, tmp_path):
    """Slips to the province's police under two spellings (slip 3/PXM in the recycle bin), on a file and
    on the office server; the merges are an officer's (a worker's rights, not the owner's)."""
    cli = both_engines_cli
    assert cli("import", "slips", workbook(tmp_path / "p.xlsx", SLIP_HEADERS, SLIP_ROWS))[0] == 0
    admin = vault.unlock(cli.db, ADMIN, PASSWORD)
    users.add(admin, OFFICER_NAME, OFFICER, OFFICER_PASSWORD)
    users.add(admin, VIEWER_NAME, VIEWER, VIEWER_PASSWORD)
    recycle_bin.delete(admin, "slips", _slip_ids(admin)["3/PXM"])
    officer = vault.unlock(cli.db, OFFICER_NAME, OFFICER_PASSWORD)
    yield cli, admin, officer
    officer.close()
    admin.close()


def _ids(db) -> dict[str, int]:
    return {entry.name: entry.id for entry in recipients.list_recipients(db, include_inactive=True)}


def _aliases(db) -> dict[str, tuple[str, ...]]:
    return {entry.name: entry.aliases for entry in recipients.list_recipients(db, include_inactive=True)}


def _stored(db) -> dict[str, tuple[int | None, bool]]:
    """Every row of the list, aliases too: what each was merged into, and whether it is in use."""
    with db.read() as connection:
        return {row.name: (row.merged_into_id, row.active) for row in connection.execute(select(schema.recipients))}


def _slip_ids(db) -> dict[str, int]:
    with db.read() as connection:
        return dict(connection.execute(select(slips.c.number, slips.c.id)).all())


def _slip_recipients(db) -> dict[str, str]:
    with db.read() as connection:
        return dict(connection.execute(select(slips.c.number, schema.recipients.c.name)
                                       .select_from(slips.join(schema.recipients))).all())


def _entries(db, action: str) -> list[tuple[str | None, int | None, dict]]:
    return [(entry.kind, entry.record_id, json.loads(entry.details or "null"))
            for entry in audit.list_entries(db) if entry.action == action]


def test_merging_moves_every_slip_binned_ones_too_and_keeps_the_duplicate_as_an_alias(office):
    _, admin, officer = office
    before = report.figures(admin, dt.date(2025, 1, 1), dt.date(2025, 12, 31))["slips_by_recipient"]
    assert before == {PV27: 1, PV27_SHORT: 1, A93: 1}  # one unit counted on two lines
    ids = _ids(admin)
    assert recipients.records_naming(officer, ids[PV27_SHORT]) == 2

    assert recipients.merge_recipient(officer, ids[PV27_SHORT], ids[PV27]) == 2
    assert _slip_recipients(admin) == {"1/PXM": PV27, "2/PXM": PV27, "3/PXM": PV27, "4/PXM": A93}
    assert _ids(admin) == {A93: ids[A93], PV27: ids[PV27]}
    assert _aliases(admin) == {A93: (), PV27: (PV27_SHORT,)}
    assert _stored(admin)[PV27_SHORT] == (ids[PV27], False)
    after = report.figures(admin, dt.date(2025, 1, 1), dt.date(2025, 12, 31))["slips_by_recipient"]
    assert after == {PV27: 2, A93: 1}
    recycle_bin.restore(admin, "slips", _slip_ids(admin)["3/PXM"])
    assert editing.load(admin, "slips", _slip_ids(admin)["3/PXM"])["recipient"] == PV27


def test_a_merge_is_audited_on_the_kept_unit_and_as_an_edit_of_each_slip_moved(office):
    _, admin, officer = office
    ids, slip_ids = _ids(admin), _slip_ids(admin)
    recipients.merge_recipient(officer, ids[PV27_SHORT], ids[PV27])
    assert _entries(admin, "gộp nơi nhận phiếu") == [
        ("recipients", ids[PV27], {"gop_tu": PV27_SHORT, "so_ban_ghi": 2})]
    moved = {"recipient": {audit.OLD: PV27_SHORT, audit.NEW: PV27}}
    edits = _entries(admin, "sửa")
    assert [(kind, record_id, details.pop(audit.RECORD)["number"]) for kind, record_id, details in edits] == [
        ("slips", slip_ids["2/PXM"], "2/PXM"), ("slips", slip_ids["3/PXM"], "3/PXM")]
    assert [details for *_, details in edits] == [moved, moved]
    trail = {entry.action: entry for entry in audit.list_entries(admin)}
    assert trail["gộp nơi nhận phiếu"].user == OFFICER_NAME
    assert audit_words.describe("recipients", {"gop_tu": PV27_SHORT, "so_ban_ghi": 2}) == \
        f"Gộp từ: {PV27_SHORT}; Số bản ghi: 2"
    assert audit.verify(admin).ok


def test_an_open_form_and_other_windows_notice_the_slips_moved(office):
    _, admin, officer = office
    ids, slip = _ids(admin), _slip_ids(admin)["2/PXM"]
    seen = editing.load(admin, "slips", slip)[editing.VERSION]
    watch = Watch(admin)
    recipients.merge_recipient(officer, ids[PV27_SHORT], ids[PV27])
    assert str(editing.changed_meanwhile(admin, "slips", slip, seen)).startswith(f"{OFFICER_NAME} sửa lúc")
    assert {"slips", "recipients"} <= watch.changed()
    with pytest.raises(editing.ChangedMeanwhile):
        editing.save(admin, "slips", {**editing.load(admin, "slips", slip), "note": "sửa trên biểu mẫu cũ"},
                     record_id=slip, seen=seen)


@pytest.mark.parametrize("pair, refusal", [
    ((PV27_SHORT, PV27_SHORT), "Không thể gộp một nơi nhận phiếu vào chính nó."),
    ((PV27_SHORT, 999), "Không có nơi nhận phiếu số 999."),
    ((999, PV27), "Không có nơi nhận phiếu số 999."),
])
def test_a_merge_refused_leaves_the_database_as_it_was(office, pair, refusal):
    _, admin, officer = office
    ids = _ids(admin)
    duplicate, into = (ids.get(name, name) for name in pair)
    trail_before, slips_before = len(list(audit.list_entries(admin))), _slip_recipients(admin)
    with pytest.raises(InputError) as refused:
        recipients.merge_recipient(officer, duplicate, into)
    assert refused.value.message == refusal
    assert (_ids(admin), _slip_recipients(admin)) == (ids, slips_before)
    assert len(list(audit.list_entries(admin))) == trail_before


def test_a_viewer_may_not_merge(office):
    cli, admin, _ = office
    ids, slips_before = _ids(admin), _slip_recipients(admin)
    viewer = vault.unlock(cli.db, VIEWER_NAME, VIEWER_PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            recipients.merge_recipient(viewer, ids[PV27_SHORT], ids[PV27])
    finally:
        viewer.close()
    assert (_ids(admin), _slip_recipients(admin)) == (ids, slips_before)
    assert [entry.outcome for entry in audit.list_entries(admin) if entry.action == "gộp nơi nhận phiếu"] == [REFUSED]


def test_merging_into_an_inactive_unit_keeps_it_inactive(office):
    """Two spellings of a unit the police dissolved still split the old periods' counts."""
    _, admin, officer = office
    ids = _ids(admin)
    recipients.set_recipient_active(admin, ids[PV27], False)
    assert recipients.merge_recipient(officer, ids[PV27_SHORT], ids[PV27]) == 2
    assert recipients.list_recipients(admin, include_inactive=True) == [
        recipients.Recipient(ids[A93], A93, True), recipients.Recipient(ids[PV27], PV27, False, (PV27_SHORT,))]


def test_a_letter_issued_to_the_merged_unit_is_written_again_exactly_as_issued(office, tmp_path):
    cli, admin, officer = office
    code, out, err = cli("print", "reminder", "--recipient", PV27_SHORT, "--on", "2025-12-31",
                         "--out", tmp_path / "cv.pdf", "--issue")
    assert code == 0, err
    number = outgoing.register(admin)[0].number_text
    issued = outgoing.content_of(admin, number), outgoing.register(admin)
    assert cli("documents", "print", number, "--format", "docx", "--out", tmp_path / "before.docx")[0] == 0

    ids = _ids(admin)
    recipients.merge_recipient(officer, ids[PV27_SHORT], ids[PV27])
    assert (outgoing.content_of(admin, number), outgoing.register(admin)) == issued
    assert PV27_SHORT in issued[0][0].subject
    assert cli("documents", "print", number, "--format", "docx", "--out", tmp_path / "after.docx")[0] == 0
    assert (tmp_path / "after.docx").read_bytes() == (tmp_path / "before.docx").read_bytes()


# -- the spelling merged stays as an alias of the entry kept ------------------------------------

PV27_OTHER_DASH = "Phòng PV27-CA tỉnh Bình Thuận"


@pytest.fixture
def merged(office):
    """PV27_SHORT merged into PV27, as an officer did it."""
    cli, admin, officer = office
    ids = _ids(admin)
    recipients.merge_recipient(officer, ids[PV27_SHORT], ids[PV27])
    return cli, admin, officer, ids


@pytest.mark.parametrize("written", [PV27_SHORT, PV27_OTHER_DASH])
def test_a_file_imported_later_with_the_merged_spelling_goes_to_the_kept_entry(merged, tmp_path, written):
    """Next month's Excel list still writes the old spelling: its slips go to the kept unit, and no
    entry comes back."""
    cli, admin, _, ids = merged
    stored = _stored(admin)
    sheet = workbook(tmp_path / "thang2.xlsx", SLIP_HEADERS, [["9/PXM", "05/02/2025", "Lê Văn Chín", written]])
    code, out, err = cli("import", "slips", sheet)
    assert code == 0, err
    assert "Nơi nhận phiếu mới" not in out
    assert _slip_recipients(admin)["9/PXM"] == PV27
    assert _stored(admin) == stored


@pytest.mark.parametrize("written", [PV27_SHORT, PV27_OTHER_DASH])
def test_a_form_naming_the_merged_spelling_saves_the_slip_to_the_kept_entry(merged, written):
    _, admin, officer, ids = merged
    stored = _stored(admin)
    editing.save(officer, "slips", {"number": "9/PXM", "issued_on": "05/02/2025", "full_name": "Lê Văn Chín",
                                    "recipient": written})
    assert _slip_recipients(admin)["9/PXM"] == PV27
    assert _stored(admin) == stored


def test_the_list_to_choose_from_offers_no_alias(merged):
    """The page, the slip form's suggestions and the register's filter read the list: each unit once."""
    _, admin, _, ids = merged
    assert [entry.name for entry in recipients.list_recipients(admin)] == [A93, PV27]
    assert [(entry.name, entry.aliases) for entry in recipients.list_recipients(admin, include_inactive=True)] == [
        (A93, ()), (PV27, (PV27_SHORT,))]


@pytest.mark.parametrize("written", [PV27_SHORT, PV27_OTHER_DASH])
def test_adding_or_renaming_to_the_merged_spelling_is_refused_naming_the_kept_entry(merged, written):
    _, admin, officer, ids = merged
    stored, trail = _stored(admin), len(list(audit.list_entries(admin)))
    refusal = f"«{written}» đã được gộp vào «{PV27}»."
    with pytest.raises(InputError, match=refusal):
        recipients.add_recipient(officer, written)
    for entry in (A93, PV27):  # another unit, or the kept one itself
        with pytest.raises(InputError, match=refusal):
            recipients.rename_recipient(officer, ids[entry], written)
    assert _stored(admin) == stored
    assert len(list(audit.list_entries(admin))) == trail


def test_an_alias_is_neither_merged_nor_merged_into(merged):
    _, admin, officer, ids = merged
    stored, slips_before = _stored(admin), _slip_recipients(admin)
    for duplicate, into in ((ids[PV27_SHORT], ids[A93]), (ids[A93], ids[PV27_SHORT])):
        with pytest.raises(InputError) as refused:
            recipients.merge_recipient(officer, duplicate, into)
        assert refused.value.message == f"«{PV27_SHORT}» đã được gộp vào «{PV27}»."
    assert (_stored(admin), _slip_recipients(admin)) == (stored, slips_before)


def test_an_alias_is_neither_renamed_nor_put_back_in_use(merged):
    """An alias is a spelling of the entry kept, not an entry: renaming it would change which spelling
    means that entry, and putting it back in use would offer one unit twice."""
    _, admin, officer, ids = merged
    alias = ids[PV27_SHORT]  # its id from before the merge
    stored, trail = _stored(admin), len(list(audit.list_entries(admin)))
    for change in (lambda: recipients.rename_recipient(officer, alias, "Phòng PV27 – CA Bình Thuận"),
                   lambda: recipients.set_recipient_active(officer, alias, True)):
        with pytest.raises(InputError) as refused:
            change()
        assert refused.value.message == f"«{PV27_SHORT}» đã được gộp vào «{PV27}»."
    assert _stored(admin) == stored
    assert len(list(audit.list_entries(admin))) == trail


def test_merging_the_kept_entry_on_takes_its_aliases_along(merged, tmp_path):
    """The unit renamed since had been entered afresh: merging the old entry into the new one leaves no
    alias naming an alias."""
    cli, admin, officer, ids = merged
    renamed = "Phòng Hồ sơ – Công an tỉnh Bình Thuận"
    new = recipients.add_recipient(officer, renamed)
    recipients.merge_recipient(officer, ids[PV27], new)
    assert _stored(admin) == {A93: (None, True), renamed: (None, True), PV27: (new, False), PV27_SHORT: (new, False)}
    assert _aliases(admin) == {A93: (), renamed: (PV27_SHORT, PV27)}
    sheet = workbook(tmp_path / "thang3.xlsx", SLIP_HEADERS, [["9/PXM", "05/03/2025", "Lê Văn Chín", PV27_SHORT]])
    assert cli("import", "slips", sheet)[0] == 0
    assert set(_slip_recipients(admin).values()) == {renamed, A93}


def test_a_reminder_to_the_merged_spelling_is_the_kept_units(merged, tmp_path):
    cli, *_ = merged
    code, out, err = cli("print", "reminder", "--recipient", PV27_SHORT, "--on", "2025-12-31",
                         "--out", tmp_path / "cv.pdf")
    assert code == 0, err
    assert f"gửi «{PV27}» về 2 phiếu quá hạn" in out


def test_migration_0019_adds_the_alias_column_keeping_the_lists_rows_and_triggers(tmp_path, monkeypatch):
    """A file at 0018 with a recipient: the column is added in place (a copy of the table would drop its
    change-count triggers)."""
    path = tmp_path / "bvct.db"
    opened = database_at(path, "0018", monkeypatch)
    with opened.begin() as connection:
        connection.exec_driver_sql("INSERT INTO recipients (id, name, name_key, active, created_at) "
                                   "VALUES (1, ?, ?, 1, '2025-01-01 08:00:00')", (A93, A93.casefold()))
    opened.dispose()

    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            references = inspect(connection).get_foreign_keys("recipients")
            triggers = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                                  "AND tbl_name = 'recipients'").scalars().all()
        assert [(key["constrained_columns"], key["referred_table"]) for key in references] == [
            (["merged_into_id"], "recipients")]
        assert sorted(triggers) == [f"recipients_counted_{write}" for write in ("delete", "insert", "update")]
        assert _stored(db) == {A93: (None, True)}
    finally:
        db.close()


def test_every_column_naming_a_recipient_is_a_registers_field_in_no_unique_key():
    """What the merge relies on: each record it moves is audited as its register's edit, and moving
    it cannot collide with another row (a unique key holding such a column would need the merge to
    keep one of the two rows)."""
    columns = recipients.naming_columns()  # the list's own merged_into_id is not a record's
    assert [(column.table.name, column.name) for column in columns] == [("slips", "recipient_id")]
    for column in columns:
        assert any(lookup.column == column.name for kind in KINDS.values() if kind.stored_in == column.table.name
                   for lookup in kind.lookups.values())
        uniques = [constraint.columns for constraint in column.table.constraints
                   if isinstance(constraint, UniqueConstraint)] + [
            index.columns for index in column.table.indexes if index.unique]
        assert not any(column.name in unique for unique in uniques)
