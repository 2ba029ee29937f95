"""A damaged database met once logged in, told in the login's words: its message naming the newest
verified backup, and who restores that backup, and where in the main window."""

from ..core.errors import BvctError, DamagedError
from ..core.permissions import ADMIN

ADMINS_ONLY = "Chỉ quản trị viên của bản sao lưu khôi phục được: hãy báo quản trị viên."
RESTORE_PAGE = "Quản trị viên khôi phục ở Quản trị › Sao lưu, nút «Khôi phục từ bản sao lưu…»."


def told(error: BvctError) -> str:
    """The error's message; a damaged database's with how its newest verified backup is restored."""
    if not (isinstance(error, DamagedError) and error.restore):
        return error.message
    return f"{error.message} {RESTORE_PAGE if error.opened_as == ADMIN else ADMINS_ONLY}"
