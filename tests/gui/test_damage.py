"""A damaged database met once logged in is told as the login tells it, with who restores it and where."""

from pathlib import Path

import pytest

from bvct_desktop.core.errors import BvctError, DamagedError
from bvct_desktop.core.permissions import ADMIN, OFFICER
from bvct_desktop.gui import damage

RESTORE = (Path("bvct.db"), Path("tot.bvctbak"))


@pytest.mark.parametrize(("error", "told"), [
    (DamagedError("Hỏng.", RESTORE, ADMIN), f"Hỏng. {damage.RESTORE_PAGE}"),
    (DamagedError("Hỏng.", RESTORE, OFFICER), f"Hỏng. {damage.ADMINS_ONLY}"),
    (DamagedError("Hỏng. Không tìm thấy bản sao lưu đã kiểm tra nào."),
     "Hỏng. Không tìm thấy bản sao lưu đã kiểm tra nào."),
    (BvctError("Cơ sở dữ liệu đã đóng."), "Cơ sở dữ liệu đã đóng."),
], ids=["administrator", "officer", "no backup", "not damage"])
def test_the_restore_is_offered_to_whom_it_fits(error, told):
    assert damage.told(error) == told
