"""Slips: which cadre a slip's vetting is for, kept through the cadre's time in the recycle bin."""

import pytest
from sqlalchemy import select

from bvct_desktop.core import browse, editing, importing, recycle_bin, vault
from bvct_desktop.core.kinds import CADRES, SLIPS
from bvct_desktop.core.schema import slips
from tests.conftest import ADMIN, PASSWORD
from tests.rows_sheet import rows_sheet

SLIP_HEADERS = ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Ngày sinh", "Quê quán", "Quan hệ",
                "Họ và tên người được thẩm tra", "Mục đích xác minh", "Nơi nhận phiếu"]


@pytest.fixture
def db(cli):
    database = vault.unlock(cli.db, ADMIN, PASSWORD)
    yield database
    database.close()


def _vetted_cadres(db) -> dict[str, int | None]:
    with db.read() as connection:
        return dict(connection.execute(select(slips.c.number, slips.c.vetted_cadre_id)).all())


def test_a_slip_saved_while_its_cadre_is_in_the_recycle_bin_keeps_the_cadre_it_vets(db):
    """A note added to a slip on its form while the cadre was in the recycle bin cut the slip from the cadre
    for good: restored, the cadre's file no longer held the slip about her father."""
    cadres_sheet = rows_sheet([["Họ và tên", "Ngày sinh", "Quê quán"],
                               ["Nguyễn Thị Thu Hương", "14/02/1978", "Xã Hàm Thuận, huyện Hàm Thuận Bắc"]])
    assert importing.import_sheet(db, CADRES, cadres_sheet).ok
    slips_sheet = rows_sheet([SLIP_HEADERS,
                              ["0012/PXM", "05/01/2026", "Nguyễn Thị Thu Hương", "14/02/1978",
                               "Xã Hàm Thuận, huyện Hàm Thuận Bắc", "Bản thân", None, "Bổ nhiệm",
                               "Cục A93B – Bộ Công an"],
                              ["0013/PXM", "05/01/2026", "Nguyễn Văn Bảy", "1950", "Xã Hàm Thuận", "Cha",
                               "Nguyễn Thị Thu Hương", "Bổ nhiệm", "Cục A93B – Bộ Công an"]])
    assert importing.import_sheet(db, SLIPS, slips_sheet).ok
    cadre = browse.record_ids(db, "cadres", "Nguyễn Thị Thu Hương")[0]
    assert _vetted_cadres(db) == {"0012/PXM": cadre, "0013/PXM": cadre}
    recycle_bin.delete(db, "cadres", cadre)
    for number in ("0012/PXM", "0013/PXM"):
        slip = browse.record_ids(db, "slips", number)[0]
        form = editing.load(db, "slips", slip)
        editing.save(db, "slips", {**form, "note": "Đã gửi lại"}, slip, form["person_id"])
    recycle_bin.restore(db, "cadres", cadre)
    assert _vetted_cadres(db) == {"0012/PXM": cadre, "0013/PXM": cadre}
