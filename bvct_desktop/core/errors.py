"""Failures the program expects, each with the exit status of the `bvct` contract.

Messages are Vietnamese and meant for the officer; they never carry record values
beyond what the officer typed or the file row and column.
"""

import errno
import zipfile
import zlib
from pathlib import Path

WRONG_LOGIN = "Sai tên người dùng hoặc mật khẩu."  # at a login: which of the two is wrong is not told
ACCOUNT_CLOSED = "Tài khoản không tồn tại hoặc đã bị khóa."  # a login whose password opened no account in use
WRONG_PASSWORD = "Mật khẩu không đúng."  # the acting user's password asked again (no name typed)


class BvctError(Exception):
    """An expected failure: a message for people and an exit status."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def reworded(self, message: str) -> "BvctError":
        """The same failure told by `message`: of the same kind, carrying what it carried (a damaged
        database's restore, an ambiguity's options)."""
        made = type(self).__new__(type(self), message)
        made.__dict__.update(self.__dict__, message=message)
        return made


class InputError(BvctError):
    """Bad usage or bad input; nothing was changed."""

    exit_code = 2


class Ambiguous(InputError):
    """What was given names several records; `needs` says what more tells them apart, so that each
    face asks for it its own way (the form a field, the command line an option)."""

    def __init__(self, situation: str, needs: str, one: str):
        self.situation, self.needs, self.one = situation, needs, one
        super().__init__(f"{situation}; ghi thêm {needs} để chọn {one}.")

    def asking_for(self, option: str) -> InputError:
        """The same problem, asking for `option` instead."""
        return InputError(f"{self.situation}; ghi thêm {option} để chọn {self.one}.")


class AuthError(BvctError):
    """Wrong user name or password, or a locked-out account."""

    exit_code = 3


class DamagedError(BvctError):
    """Not a BVCT database, or the database, its key file or a backup is damaged. `restore`: the
    damaged database and its newest verified backup, when there is one, for each face to offer the
    restore its own way (the login a question, the command line a command); `opened_as`: the role
    of the user who met the damage, when known (only an administrator restores)."""

    exit_code = 4

    def __init__(self, message: str, restore: tuple[Path, Path] | None = None, opened_as: str | None = None):
        super().__init__(message)
        self.restore = restore
        self.opened_as = opened_as


class NotABackupError(DamagedError):
    """A file given as a backup that is none (a workbook, a Word file, any other file): told as a damaged
    backup is, with the advice to choose a backup file rather than another backup."""


class PermissionDenied(BvctError):
    """The user's role does not allow this."""

    exit_code = 5


class AccountDisabled(PermissionDenied):
    """The acting user's account was disabled (khóa tài khoản) while they were logged in: nothing more
    is allowed to it."""


class PasswordChanged(AuthError):
    """The password the acting user logged in with no longer opens their login (the office server): it
    was changed while they were logged in, by an administrator's reset or in another session."""


SESSION_ENDED = (AccountDisabled, PasswordChanged)  # what the desktop says by locking, not in a message box


class DiskFullError(BvctError):
    """The disk a file was being written to has no room left; nothing was left half-written."""

    exit_code = 1


DISK_FULL = "Ổ đĩa đầy"  # how every such message starts, whatever was being written
FREE_SPACE = "Hãy giải phóng chỗ trống trên ổ ấy (xóa bớt tệp cũ) hoặc dùng ổ khác."  # how a file's ends


class BusyError(BvctError):
    """The database stayed locked by another writer past the busy timeout; `writer` is that writer's
    user name where the database can tell it (the office server), else None."""

    exit_code = 1

    def __init__(self, message: str, writer: str | None = None):
        super().__init__(message)
        self.writer = writer


class SchemaBehind(BvctError):
    """The office server's schema is older than the program's: its owner upgrades it, once."""

    exit_code = 1


class RowProblem(Exception):
    """One problem with one cell of an import row (collected, not raised to the user)."""

    def __init__(self, message: str, header: str | None = None):
        super().__init__(message)
        self.message = message
        self.header = header


# errno → why the operating system refused, as the officer is told it
OS_REASONS = {
    errno.EISDIR: "là thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không có quyền truy cập",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOSPC: "ổ đĩa đầy",
    errno.EIO: "lỗi đọc ghi ổ đĩa",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EBUSY: "tệp đang được chương trình khác dùng",
}


def folder_given(path: Path, expected: str) -> InputError:
    """A folder named where a file was expected: `expected` says which ("tệp Excel")."""
    return InputError(f"«{path}» là thư mục, không phải {expected}.")


def os_reason(error: OSError) -> str:
    """Why `error` happened, in Vietnamese; a rare reason in the operating system's own words."""
    return OS_REASONS.get(error.errno, error.strerror or str(error))


# What reading a member of a broken zip file raises — a workbook's, a backup's: a corrupt deflate
# stream is zlib.error, an unknown compression method NotImplementedError (told as a damaged file,
# not an unfinished piece of code), an encrypted member RuntimeError, a missing member KeyError,
# bad text or JSON in it ValueError.
BROKEN_ARCHIVE = (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, EOFError, ValueError, OSError, zlib.error,
                  NotImplementedError, RuntimeError)
