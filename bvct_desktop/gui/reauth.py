"""Asking for the password again before data leaves the encryption (export, print), when the
administrator's setting `hoi_lai_mat_khau` is on (it is by default; KeePassXC users asked for it)."""

from ..core import settings
from ..core.errors import AuthError
from .context import AppContext
from .qt import QWidget
from .workers import wait_for


def confirm(context: AppContext, parent: QWidget | None, purpose: str) -> bool:
    """True when the setting is off or the officer typed their password correctly."""
    with context.db.read() as connection:
        if not settings.asks_password_again(connection, context.clock().date()):
            return True
    password = context.dialogs.ask_password(
        parent, "Xác nhận mật khẩu", f"Dữ liệu sắp rời khỏi vùng mã hóa ({purpose}).\nNhập lại mật khẩu của bạn:")
    if password is None:
        return False
    try:
        wait_for(lambda: context.db.confirm_password(password, purpose))  # the key derivation: up to a second
    except AuthError as error:
        context.dialogs.warn(parent, "Không xác nhận được", error.message)
        return False
    return True
