"""Asking whether a file leaving the database is encrypted with a password of its own, and which
(the GUI's `--encrypt-password-file`): Excel and Word ask for it on opening, a PDF reader too."""

from ..core import passwords
from ..core.errors import InputError
from .context import AppContext
from .dialogs import CANCEL, NO
from .qt import QWidget

TITLE = "Mã hóa tệp"
QUESTION = ("Mã hóa tệp bằng một mật khẩu? Nên mã hóa khi tệp rời máy này (USB, gửi đơn vị khác): "
            "ai không có mật khẩu thì không đọc được.")


class Declined(Exception):
    """The officer cancelled, or the two passwords typed differ: nothing is written."""


def ask(context: AppContext, parent: QWidget) -> str | None:
    """The password to encrypt the file with, or None for a plain file; raises Declined."""
    answer = context.dialogs.ask(parent, TITLE, QUESTION, with_cancel=True)
    if answer == CANCEL:
        raise Declined
    if answer == NO:
        return None
    while True:
        password = context.dialogs.ask_password(parent, TITLE,
                                                f"Mật khẩu mở tệp (ít nhất {passwords.MIN_LENGTH} ký tự):")
        if password is None:
            raise Declined
        try:
            passwords.check("", password)
        except InputError as refused:
            context.dialogs.warn(parent, TITLE, refused.message)
            continue
        if context.dialogs.ask_password(parent, TITLE, "Nhập lại mật khẩu mở tệp:") == password:
            return password
        context.dialogs.warn(parent, TITLE, "Hai lần nhập mật khẩu không khớp. Nhập lại.")
