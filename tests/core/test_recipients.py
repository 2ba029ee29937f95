"""Recipient units are an editable list: added by hand or by import, renamed, set inactive."""

import pytest

from bvct_desktop.core import recipients, vault
from bvct_desktop.core.errors import InputError
from tests.conftest import ADMIN, PASSWORD, workbook


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
