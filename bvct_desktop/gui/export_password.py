"""Where a file leaving the database is saved, and whether it is encrypted with a password of its
own, and which (the GUI's `--encrypt-password-file`): Excel and Word ask for it on opening, a PDF
reader too. Every document and export the desktop writes to disk is chosen through `save_as`."""

from dataclasses import dataclass
from pathlib import Path, PurePath

from ..core import files, passwords
from ..core.errors import InputError
from .dialogs import CANCEL, NO, Dialogs
from .qt import QWidget

TITLE = "Mã hóa tệp"
QUESTION = ("Mã hóa tệp bằng một mật khẩu? Nên mã hóa khi tệp rời máy này (USB, gửi đơn vị khác): "
            "ai không có mật khẩu thì không đọc được.")
ENCRYPTED = ", đã mã hóa bằng mật khẩu"


class _Declined(Exception):
    """The officer cancelled: nothing is written."""


@dataclass(frozen=True)
class Destination:
    target: Path
    password: str | None  # None: a plain file

    @property
    def told(self) -> str:
        """«…», said after the file's name when it was encrypted."""
        return ENCRYPTED if self.password is not None else ""


def save_as(dialogs: Dialogs, parent: QWidget, title: str, suggested: str, filter_text: str,
            suffix: str) -> Destination | None:
    """The file the officer chooses (given `suffix` when typed without it; asked again while it cannot
    be written: a folder, a file of the open database), then whether and with what password it is
    encrypted; None when either is cancelled."""
    while True:
        chosen = dialogs.save_file(parent, title, suggested, filter_text)
        if not chosen:
            return None
        target = suffixed(chosen, suffix)
        try:
            files.check_folder(target)
            break
        except InputError as refused:
            dialogs.warn(parent, title, refused.message)
    try:
        return Destination(target, _password(dialogs, parent))
    except _Declined:
        return None


def suffixed(chosen: str, suffix: str, flavour: type[PurePath] = Path) -> PurePath:
    """`chosen` (as the file dialog gives it: C:/…, a share's //maychu/chung/… or \\\\maychu\\chung\\…) ending in
    `suffix`, added when it was typed without it; `flavour`: how the PC reads paths."""
    path = flavour(chosen)
    return path if path.suffix.lower() == suffix else flavour(f"{chosen}{suffix}")


def _password(dialogs: Dialogs, parent: QWidget) -> str | None:
    """The password to encrypt the file with, typed twice, or None for a plain file."""
    answer = dialogs.ask(parent, TITLE, QUESTION, with_cancel=True)
    if answer == CANCEL:
        raise _Declined
    if answer == NO:
        return None
    while True:
        password = dialogs.ask_password(parent, TITLE, f"Mật khẩu mở tệp (ít nhất {passwords.MIN_LENGTH} ký tự):")
        if password is None:
            raise _Declined
        try:
            passwords.check("", password)
        except InputError as refused:
            dialogs.warn(parent, TITLE, refused.message)
            continue
        if dialogs.ask_password(parent, TITLE, "Nhập lại mật khẩu mở tệp:") == password:
            return password
        dialogs.warn(parent, TITLE, "Hai lần nhập mật khẩu không khớp. Nhập lại.")
