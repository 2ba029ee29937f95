"""The entry of a record created names it as every entry does and by whom it is about, with the
values it was written with: the same text, word for word, as the record read back gives."""

import json
import os
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from bvct_desktop.core import audit, audit_chain, audit_words, browse, editing, record_rows, recycle_bin, vault
from bvct_desktop.core.kinds import KINDS
from bvct_desktop.core.personfile.foreign import FOREIGN_ELEMENTS
from bvct_desktop.core.schema import audit_log, slips
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.samples import SAMPLES

IN_ORDER = ("cadres", "slips", "delegations", "archive-requests", "complaints", "relatives")  # relatives name cadres


@pytest.fixture
def db(cli, tmp_path):
    """Every kind's sample register imported."""
    for kind in IN_ORDER:
        code, out, err = cli("import", kind, workbook(tmp_path / f"{kind}.xlsx", *SAMPLES[kind]))
        assert code == 0, out + err
    opened = vault.unlock(cli.db, ADMIN, PASSWORD)
    yield opened
    opened.close()


def _created_entries(db) -> list[dict]:
    with db.read() as connection:
        return [dict(row) for row in connection.execute(
            select(audit_log).where(audit_log.c.action == "thêm", audit_log.c.kind.in_(KINDS))
            .order_by(audit_log.c.id)).mappings()]


def _read_back(db, kind_name: str, record_id: int) -> str:
    """The details as the record stored reads back: the values naming it and the persons it names."""
    kind = KINDS[kind_name]
    with db.read() as connection:
        stored = record_rows.snapshots(connection, kind, [record_id])[record_id]
    named = [link.column for link in kind.persons] + list(kind.identifying)
    return audit_chain.details_text(audit.created({key: stored[key] for key in named
                                                   if key in stored and key != record_rows.MEMBERS}))


def test_every_kinds_creations_read_as_the_records_stored(db):
    entries = _created_entries(db)
    assert {entry["kind"] for entry in entries} == set(IN_ORDER)
    assert len(entries) == 3 + 3 + 2 + 2 + 2 + 4
    for entry in entries:
        assert entry["details"] == _read_back(db, entry["kind"], entry["record_id"]), entry
    assert db.verify_audit_chain().ok


def test_the_named_values_word_for_word(db):
    by_kind = {}
    for entry in _created_entries(db):
        by_kind.setdefault(entry["kind"], entry["details"])
    assert by_kind["cadres"] == '{"moi": {"birth_date": "1965-03-12", "full_name": "Nguyễn Văn Hùng", "person_id": 1}}'
    slip = json.loads(by_kind["slips"])["moi"]
    assert slip == {"number": "12/PXM", "issued_on": "2025-01-05", "full_name": "Phạm Văn Bình",
                    "vetted_name": "Phạm Minh Quang", "recipient": "Cục A93B – Bộ Công an",
                    "person_id": slip["person_id"]}
    assert json.loads(by_kind["delegations"])["moi"] == {
        "decision_no": "125-QĐ/TU", "decision_on": "2025-03-10", "name": "Đoàn công tác Sở Nội vụ",
        "countries": "Nhật Bản", "depart_on": "2025-04-01", "return_on": "2025-04-08"}
    relative = json.loads(by_kind["relatives"])["moi"]
    assert {key: relative[key] for key in ("cadre_name", "cadre_birth_date", "relation", "full_name")} == {
        "cadre_name": "Nguyễn Văn Hùng", "cadre_birth_date": "1965-03-12", "relation": "Cha",
        "full_name": "Nguyễn Văn Tư"}


def test_a_new_record_about_a_person_renamed_in_the_same_save_names_the_new_name(db):
    """The person is stored already and changed by the save: the entry has the name as saved."""
    slip_id = browse.record_ids(db, "slips", "13/PXM")[0]
    person_id = editing.load(db, "slips", slip_id)["person_id"]
    new_id = editing.save(db, "slips", {"number": "2/PXM", "issued_on": "05/02/2026", "full_name": "Phạm Minh Quảng",
                                        "birth_date": "15/08/1995", "home_town": "Hàm Tiến",
                                        "recipient": "Cục A93B – Bộ Công an"}, person_id=person_id)
    entry = _created_entries(db)[-1]
    assert entry["record_id"] == new_id
    assert json.loads(entry["details"])["moi"]["full_name"] == "Phạm Minh Quảng"
    assert entry["details"] == _read_back(db, "slips", new_id)
    assert db.verify_audit_chain().ok


def test_a_record_is_read_for_its_entry_only_when_the_plan_changes_it(cli, tmp_path, monkeypatch):
    """A file imported again reads no record before and after; a row changing only its person's field
    (Dân tộc) reads that record alone, which gets its entry."""
    headers, rows = SAMPLES["cadres"]
    assert cli("import", "cadres", workbook(tmp_path / "a.xlsx", headers, rows))[0] == 0
    asked = []
    snapshots = record_rows.snapshots
    monkeypatch.setattr(record_rows, "snapshots", lambda connection, kind, ids: asked.extend(ids) or snapshots(
        connection, kind, ids))
    assert cli("import", "cadres", workbook(tmp_path / "b.xlsx", headers, rows))[0] == 0
    assert asked == []
    changed = [rows[0], [*rows[1][:7], "Tày", *rows[1][8:]], rows[2]]
    assert cli("import", "cadres", workbook(tmp_path / "c.xlsx", headers, changed))[0] == 0
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    with db.read() as connection:
        entries = connection.execute(select(audit_log.c.action, audit_log.c.record_id, audit_log.c.details)
                                     .where(audit_log.c.record_id.is_not(None)).order_by(audit_log.c.id)).all()
    db.close()
    assert [(action, record_id) for action, record_id, _ in entries] == [("thêm", 1), ("thêm", 2), ("thêm", 3),
                                                                        ("sửa", 2)]
    assert json.loads(entries[-1][2]) == {"ban_ghi": {"full_name": "Trần Thị Ánh", "birth_date": "1970"},
                                          "ethnicity": {"cu": "Kinh", "moi": "Tày"}}
    assert set(asked) == {2}


@pytest.mark.file_only("the file database makes its indexes beside the audit entries")
def test_a_large_import_mixing_new_and_changed_records_chains_its_entries_in_the_files_order(
        cli, tmp_path, monkeypatch):
    """Many new persons: their search index and indexes are made on the other core while the entries
    of the records created are made; a change further down the file is entered after the database
    shows it, still in the file's order."""
    from bvct_desktop.core import engine, search
    from bvct_desktop.core.plans import base
    from tests.conftest import CADRE_HEADERS

    first = ["Đoàn Thị Một", "1971", "Nữ", None, "La Gi", None, None]
    assert cli("import", "cadres", workbook(tmp_path / "a.xlsx", CADRE_HEADERS, [first]))[0] == 0
    many = search.AT_ONCE + 20
    rows = [[f"Phạm Văn Thứ {n:04d}", "1965", "Nam", f"068065{n:06d}", "Hàm Tiến", "Chuyên viên", "Sở Nội vụ"]
            for n in range(many)]
    rows.insert(many // 2, [*first[:5], "Phó Giám đốc", None])
    monkeypatch.setattr(base, "AUDIT_CHUNK", 50)
    threads = []
    run = engine._run
    monkeypatch.setattr(engine, "_run", lambda *args: threads.append(threading.get_ident()) or run(*args))
    assert cli("import", "cadres", workbook(tmp_path / "b.xlsx", CADRE_HEADERS, rows))[0] == 0
    assert len(threads) == 1 and threads[0] != threading.get_ident()  # built beside, all of it
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    assert db.verify_audit_chain().ok
    with db.read() as connection:
        entries = connection.execute(select(audit_log.c.action, audit_log.c.record_id).where(
            audit_log.c.kind == "cadres", audit_log.c.record_id.is_not(None)).order_by(audit_log.c.id)).all()
    db.close()
    created = [("thêm", record_id) for record_id in range(2, many + 2)]
    assert entries[1:] == created[:many // 2] + [("sửa", 1)] + created[many // 2:]


# An edit names the record as a deletion does (`Kind.identifying`): what the officer knows it by

def _last(db, action: str) -> tuple[dict, list[str]]:
    with db.read() as connection:
        row = connection.execute(select(audit_log).where(audit_log.c.action == action)
                                 .order_by(audit_log.c.id.desc()).limit(1)).mappings().one()
    return json.loads(row["details"]), _cells(row)


def _cells(row) -> list[str]:
    """An audit_log row as the Nhật ký page shows it."""
    return audit_words.cells(audit.Entry(row["id"], row["at"], row["user_name"], row["role"], row["action"],
                                         row["outcome"], row["kind"], row["record_id"], row["details"]))


def _slip_id(db, number: str) -> int:
    with db.read() as connection:
        return connection.execute(select(slips.c.id).where(slips.c.number == number)).scalar_one()


def _slip_edited_on_its_form(db, number: str, **changed) -> tuple[dict, list[str]]:
    """The trail's entry of a slip saved from its form with `changed`: its details and its cells."""
    slip_id = _slip_id(db, number)
    form = editing.load(db, "slips", slip_id)
    editing.save(db, "slips", {**form, **changed}, slip_id, form["person_id"])
    return _last(db, "sửa")


def test_a_form_edit_names_the_record_edited(db):
    details, cells = _slip_edited_on_its_form(db, "12/PXM", result="Không có vấn đề gì")
    assert details[audit.RECORD]["number"] == "12/PXM"
    assert details["result"] == {"cu": "Không có tàng thư", "moi": "Không có vấn đề gì"}
    shown = cells[audit_words.DETAILS_COLUMN]
    assert shown.startswith("Bản ghi: Số phiếu: «12/PXM», Ngày phát hành: 05/01/2025, Họ và tên")
    assert shown.endswith("Kết quả: «Không có tàng thư» → «Không có vấn đề gì»")


def test_an_edit_of_a_slip_about_a_relative_names_the_cadre_it_vets(db):
    """The chief searching the trail for a cadre finds the slips about their father and wife too."""
    details, cells = _slip_edited_on_its_form(db, "12/PXM", note="Đã gửi lại")
    assert details[audit.RECORD]["vetted_name"] == "Phạm Minh Quang"
    assert "Họ và tên người được thẩm tra: «Phạm Minh Quang»" in cells[audit_words.DETAILS_COLUMN]


def test_an_import_update_names_the_record_updated(cli, db, tmp_path):
    headers, rows = SAMPLES["slips"]
    changed = [list(row) for row in rows]
    changed[0][headers.index("Ghi chú")] = "Đã gửi lại"
    assert cli("import", "slips", workbook(tmp_path / "again.xlsx", headers, changed))[0] == 0
    details, _ = _last(db, "sửa")
    assert details[audit.RECORD]["number"] == "12/PXM"


def test_a_person_file_edit_names_the_record_edited(db):
    person_id = editing.load(db, "cadres", 1)["person_id"]
    note_id = FOREIGN_ELEMENTS.add(db, person_id, {"element_kind": FOREIGN_ELEMENTS.field("element_kind").choices[4],
                                                  "since": "2010", "source": "lý lịch 2C"})
    FOREIGN_ELEMENTS.update(db, note_id, {"element_kind": FOREIGN_ELEMENTS.field("element_kind").choices[4],
                                          "since": "2011", "source": "lý lịch 2C"})
    details, _ = _last(db, "sửa")
    assert details[audit.RECORD] == {"element_kind": FOREIGN_ELEMENTS.field("element_kind").choices[4],
                                     "since": "2010", "source": "lý lịch 2C"}


# A letter (đơn thư) is about the person complained about: every entry names them, so the chief who
# searches the trail for a cadre's name finds each letter about them that was added, edited or deleted

def _letter_entries(db, letter_id: int) -> list[tuple[str, str]]:
    with db.read() as connection:
        rows = connection.execute(select(audit_log).where(audit_log.c.kind == "complaints",
                                                          audit_log.c.record_id == letter_id)
                                  .order_by(audit_log.c.id)).mappings().all()
    return [(row["action"], _cells(row)[audit_words.DETAILS_COLUMN]) for row in rows]


def test_every_entry_about_a_letter_names_the_person_it_is_about(db):
    letter_id = browse.record_ids(db, "complaints", "ke khai ly lich")[0]
    form = editing.load(db, "complaints", letter_id)
    editing.save(db, "complaints", {**form, "result": "Đã xác minh, không có cơ sở"}, letter_id)
    editing.view(db, "complaints", letter_id)
    recycle_bin.delete(db, "complaints", letter_id)
    recycle_bin.restore(db, "complaints", letter_id)
    entries = _letter_entries(db, letter_id)
    assert [action for action, _ in entries] == ["thêm", "sửa", audit.VIEWED, "xóa", "khôi phục"]
    for action, shown in entries:
        assert "Họ và tên người bị phản ánh: «Nguyễn Văn Hùng»" in shown, (action, shown)



# The trail of every kind's register imported, one slip changed by a second import and one cadre
# restored from the recycle bin by a third, as the entries were stored before issue 14 made them
# faster: a faster making of the entries stores the same text.
GOLDEN = Path(__file__).with_name("golden_import_trail.json")


def _trail(db) -> list[list]:
    with db.read() as connection:
        rows = connection.execute(select(audit_log).order_by(audit_log.c.id)).mappings().all()
    return [[row[name] for name in ("id", "user_name", "role", "action", "outcome", "kind", "record_id", "details")]
            for row in rows]


def test_imports_store_the_entries_they_always_stored_in_a_sound_chain(cli, db, tmp_path):
    headers, rows = SAMPLES["slips"]
    changed = [list(row) for row in rows]
    changed[0][headers.index("Ghi chú")] = "Đã gửi lại"
    assert cli("import", "slips", workbook(tmp_path / "again.xlsx", headers, changed))[0] == 0
    recycle_bin.delete(db, "cadres", 1)
    assert cli("import", "cadres", workbook(tmp_path / "back.xlsx", *SAMPLES["cadres"]))[0] == 0
    folder = json.dumps(f"{tmp_path.resolve()}{os.sep}")[1:-1]  # as the details' JSON writes it
    imports = [row for row in _trail(db) if row[3] == "nhập"]
    assert len(imports) >= 2 and all(folder in row[7] for row in imports)  # each names its workbook's full path
    stored = [[*row[:7], row[7] and row[7].replace(folder, "")] for row in _trail(db)]
    assert stored == json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert {"thêm", "sửa", "khôi phục"} <= {row[3] for row in stored}
    assert db.verify_audit_chain().ok


def test_a_creation_and_a_deletion_name_every_value_but_none_and_empty_lists():
    values = {"a": None, "b": [], "c": 0, "d": "", "e": False, "f": ["Lào"], "g": "Hà Nội"}
    filled = {"c": 0, "d": "", "e": False, "f": ["Lào"], "g": "Hà Nội"}
    assert audit.created(values) == {audit.NEW: filled} and audit.deleted(values) == {audit.OLD: filled}
