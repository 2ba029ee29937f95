"""Old slips (setting so_cu_den_ngay): an office importing its past years of slips as history gets no vetting
case opened for each, overdue at once, nor an open case moved back to an old slip's date; a case covering an
old slip's date still takes it."""

import datetime as dt

import pytest
from sqlalchemy import select

from bvct_desktop.core import editing, importing, setting_notes, settings, vault
from bvct_desktop.core.errors import InputError
from bvct_desktop.core.kinds import SLIPS
from bvct_desktop.core.schema import slips, vetting_cases
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.rows_sheet import rows_sheet

TODAY = dt.datetime(2026, 3, 1, 9, 0)
HEADERS = ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Ngày sinh", "Quê quán", "Quan hệ",
           "Họ và tên người được thẩm tra", "Mục đích xác minh", "Nơi nhận phiếu"]
HISTORY_LINE = "Phiếu cũ (phát hành đến ngày 31/12/2025) không mở hồ sơ thẩm tra"
OPENED_LINE = "Hồ sơ thẩm tra mới mở"


@pytest.fixture
def db(cli):
    database = vault.unlock(cli.db, ADMIN, PASSWORD, clock=lambda: TODAY)
    yield database
    database.close()


def _own_slip(number: str, issued_on: str, name: str, birth: str, purpose: str = "Bổ nhiệm") -> list[str | None]:
    return [number, issued_on, name, birth, "Hàm Tiến", "Bản thân", None, purpose, "Cục A93B – Bộ Công an"]


def _import(db, *rows) -> importing.ImportResult:
    result = importing.import_sheet(db, SLIPS, rows_sheet([HEADERS, *rows]))
    assert result.ok
    return result


def _cases(db) -> dict[str, dict | None]:
    """Each slip's case (its date and deadline), None when it has none."""
    with db.read() as connection:
        rows = connection.execute(select(slips.c.number, vetting_cases.c.id, vetting_cases.c.opened_on,
                                         vetting_cases.c.due_on).select_from(
            slips.outerjoin(vetting_cases, slips.c.vetting_case_id == vetting_cases.c.id))).all()
    return {row.number: None if row.id is None else {"id": row.id, "opened_on": row.opened_on, "due_on": row.due_on}
            for row in rows}


def _case_count(db) -> int:
    with db.read() as connection:
        return len(connection.execute(select(vetting_cases.c.id)).all())


def test_old_slips_imported_open_no_case_and_the_summary_counts_them_on_a_line_of_their_own(db):
    settings.set_setting(db, "so_cu_den_ngay", "2025-12-31")
    result = _import(db, _own_slip("1/PXM", "12/03/2024", "Trần Văn Nam", "1980"),
                     _own_slip("2/PXM", "31/12/2025", "Lê Thị Sáu", "1975"),
                     _own_slip("3/PXM", "05/01/2026", "Phạm Minh Quang", "1995"))
    cases = _cases(db)
    assert cases["1/PXM"] is None and cases["2/PXM"] is None  # on or before the day: history
    assert cases["3/PXM"] is not None and cases["3/PXM"]["opened_on"] == dt.date(2026, 1, 5)  # after it: as today
    assert _case_count(db) == 1
    assert result.extras[OPENED_LINE] == 1 and result.extras[HISTORY_LINE] == 2
    assert f"{HISTORY_LINE}: 2" in result.extra_lines()
    assert not any(line.startswith("Phiếu chưa gắn") for line in result.extra_lines())


def test_with_the_setting_empty_every_slip_opens_its_case_as_before(db):
    assert settings.list_settings(db)["so_cu_den_ngay"] == ""
    result = _import(db, _own_slip("1/PXM", "12/03/2024", "Trần Văn Nam", "1980"),
                     _own_slip("2/PXM", "05/01/2026", "Phạm Minh Quang", "1995"))
    assert None not in _cases(db).values()
    assert result.extras[OPENED_LINE] == 2 and not any(label.startswith("Phiếu cũ") for label in result.extras)


def test_an_old_slip_does_not_move_an_open_case_back_to_its_date(db):
    _import(db, _own_slip("5/PXM", "10/01/2026", "Trần Văn Nam", "1980"))
    before = _cases(db)["5/PXM"]
    settings.set_setting(db, "so_cu_den_ngay", "2025-12-31")
    result = _import(db, _own_slip("4/PXM", "15/11/2025", "Trần Văn Nam", "1980"))
    cases = _cases(db)
    assert cases["5/PXM"] == before  # neither its date nor its deadline moved
    assert cases["4/PXM"] is None and result.extras[HISTORY_LINE] == 1


def test_an_old_slip_serves_the_case_that_covers_its_date(db):
    _import(db, _own_slip("1/PXM", "02/06/2025", "Trần Văn Nam", "1980"))
    settings.set_setting(db, "so_cu_den_ngay", "2025-12-31")
    result = _import(db, _own_slip("2/PXM", "20/08/2025", "Trần Văn Nam", "1980"))
    cases = _cases(db)
    assert cases["2/PXM"] == cases["1/PXM"] and HISTORY_LINE not in result.extras


def test_an_old_slip_saved_on_its_form_opens_no_case_a_new_one_does(db):
    settings.set_setting(db, "so_cu_den_ngay", "2025-12-31")
    form = {"birth_date": "1950", "recipient": "Cục A93B – Bộ Công an", "relation": "Bản thân",
            "purpose": "Bổ nhiệm"}
    editing.save(db, "slips", {**form, "number": "1/PXM", "issued_on": "20/12/2025", "full_name": "Võ Thị Mai"})
    editing.save(db, "slips", {**form, "number": "2/PXM", "issued_on": "02/01/2026", "full_name": "Võ Văn Ba"})
    cases = _cases(db)
    assert cases["1/PXM"] is None and cases["2/PXM"] is not None


def test_the_day_of_old_slips_is_a_date_that_may_be_emptied_again(db):
    assert settings.set_setting(db, "so_cu_den_ngay", "2025-12-31") == "2025-12-31"
    assert settings.set_setting(db, "so_cu_den_ngay", "") == ""
    assert settings.list_settings(db)["so_cu_den_ngay"] == ""
    with pytest.raises(InputError, match="phải là ngày dạng YYYY-MM-DD"):
        settings.set_setting(db, "so_cu_den_ngay", "31/12/2025")
    with pytest.raises(InputError, match="phải là ngày dạng YYYY-MM-DD"):
        settings.set_setting(db, "nhiem_ky_bat_dau", "")  # the term's start may not be emptied


def test_an_administrator_sets_the_day_on_the_command_line_and_the_import_says_how_many_slips_were_history(
        cli, tmp_path):
    assert cli("settings", "set", "so_cu_den_ngay", "2025-12-31")[:2] == (0, "Đã đặt so_cu_den_ngay = 2025-12-31\n")
    assert "so_cu_den_ngay\t2025-12-31" in cli("settings", "list")[1]
    rows = [_own_slip("1/PXM", "12/03/2024", "Trần Văn Nam", "1980"),
            _own_slip("2/PXM", "05/01/2026", "Phạm Minh Quang", "1995")]
    code, out, err = cli("import", "slips", workbook(tmp_path / "phieu.xlsx", HEADERS, rows))
    assert code == 0, out + err
    assert f"{HISTORY_LINE}: 1\n" in out and f"{OPENED_LINE}: 1\n" in out


def test_an_old_slip_whose_purpose_is_corrected_leaves_its_case_and_opens_none_for_the_new_purpose(db):
    _import(db, _own_slip("1/PXM", "20/11/2025", "Trần Văn Nam", "1980", "Bổ nhiệm"))
    settings.set_setting(db, "so_cu_den_ngay", "2025-12-31")
    result = _import(db, _own_slip("1/PXM", "20/11/2025", "Trần Văn Nam", "1980", "Quy hoạch"))
    assert _cases(db)["1/PXM"] is None and result.extras[HISTORY_LINE] == 1
    assert result.extras["Hồ sơ thẩm tra chuyển vào thùng rác (không còn phiếu)"] == 1


def test_the_day_is_emptied_again_on_the_command_line(cli):
    cli("settings", "set", "so_cu_den_ngay", "2025-12-31")
    assert cli("settings", "set", "so_cu_den_ngay", "")[0] == 0
    assert "so_cu_den_ngay\t\n" in cli("settings", "list")[1]


def test_the_old_slips_day_set_after_a_past_import_tells_the_cases_it_leaves_open(db):
    """An office that imported its past years before setting the day has their cases open: the day keeps slips
    from opening more, it closes none — the administrator is told how many it leaves, and where to see them."""
    _import(db, _own_slip("1/PXM", "12/03/2024", "Trần Văn Nam", "1980"),
            _own_slip("2/PXM", "31/12/2025", "Lê Thị Sáu", "1975"),
            _own_slip("3/PXM", "05/01/2026", "Phạm Minh Quang", "1995"))
    assert setting_notes.saved_note(db, "so_cu_den_ngay", "2025-12-31") == (
        "Lưu ý: «Phiếu cũ đến ngày (không mở hồ sơ thẩm tra)» áp dụng cho phiếu nhập hay lưu từ nay; 2 hồ sơ thẩm "
        "tra đang mở có ngày mở đến ngày 31/12/2025 vẫn giữ nguyên. Hồ sơ nào đã kết thúc trên giấy: ghi kết luận, "
        "hoặc xóa trong sổ Hồ sơ thẩm tra.")
    assert setting_notes.saved_note(db, "so_cu_den_ngay", "2024-01-31") is None  # none opened by then
    assert setting_notes.saved_note(db, "so_cu_den_ngay", "") is None
