"""Who is acting and with what password: options, environment, or a prompt without echo."""

import getpass
import os
import sys
from pathlib import Path

from ..core import files
from ..core.errors import InputError


def read_secret_file(path: str, what: str) -> str:
    """The first line of a file holding a secret; no file is then written over it (`files.keep_secret`)."""
    try:
        with open(Path(path), encoding="utf-8-sig") as handle:
            line = handle.readline()
    except FileNotFoundError:
        raise InputError(f"Không tìm thấy tệp {what} «{path}».") from None
    except (OSError, UnicodeDecodeError):
        raise InputError(f"Không đọc được tệp {what} «{path}».") from None
    secret = line.rstrip("\r\n")
    if not secret:
        raise InputError(f"Tệp {what} «{path}» trống.")
    files.keep_secret(Path(path))
    return secret


def password(option_file: str | None, prompt: str = "Mật khẩu: ") -> str:
    """`--password-file` (first line), else `$BVCT_PASSWORD`, else a prompt on a terminal."""
    if option_file:
        return read_secret_file(option_file, "mật khẩu")
    if os.environ.get("BVCT_PASSWORD"):
        return os.environ["BVCT_PASSWORD"]
    return _prompt(prompt, "Thiếu mật khẩu: dùng --password-file TỆP hoặc biến môi trường BVCT_PASSWORD.")


def new_password(option_file: str | None) -> str:
    """A new password: `--new-password-file`, else typed twice at a prompt."""
    if option_file:
        return read_secret_file(option_file, "mật khẩu mới")
    first = _prompt("Mật khẩu mới: ", "Thiếu mật khẩu mới: dùng --new-password-file TỆP.")
    if _prompt("Nhập lại mật khẩu mới: ", "") != first:
        raise InputError("Hai lần nhập mật khẩu mới không khớp.")
    return first


def given_user(option: str | None) -> str | None:
    """The user named by `--user`, else by $BVCT_USER; None when neither names one."""
    return option or os.environ.get("BVCT_USER")


def user(option: str | None) -> str:
    chosen = given_user(option)
    if not chosen:
        raise InputError("Thiếu tên người dùng: dùng --user TÊN hoặc biến môi trường BVCT_USER.")
    return chosen


def _prompt(prompt: str, missing: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise InputError(missing)
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        raise InputError("Đã hủy nhập mật khẩu.") from None
