"""Recipient units are an editable list: added by hand or by import, renamed, set inactive."""

import pytest

from bvct_desktop.core import recipients, vault
from bvct_desktop.core.errors import InputError
from tests.conftest import ADMIN, PASSWORD


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
