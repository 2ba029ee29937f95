"""What several commands read from their arguments: dates and periods, the database to open
with the acting user's credentials, an output file's suffix and encryption password. A document's
options are in document_options, so that only the commands that print load the document modules."""

import datetime as dt
import sys
from pathlib import Path

from ..core import address, vault
from ..core.address import Address
from ..core.database import Database
from ..core.dates import parse_cli_date
from ..core.errors import DamagedError, InputError, RowProblem, SchemaBehind
from ..core.text import capitalised
from . import credentials


def cli_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return parse_cli_date(text)
    except RowProblem as problem:
        raise InputError(capitalised(problem.message) + ".") from None


def period(args) -> tuple[dt.date | None, dt.date | None]:
    """`--from` and `--to`; the end may not come before the start."""
    start, end = cli_date(args.start), cli_date(args.end)
    if start and end and end < start:
        raise InputError("Ngày --to phải sau hoặc bằng ngày --from.")
    return start, end


# A command waits this long for another program's write (a long import) to end: every command
# writes at least its login to the audit trail, and a reader must not fail "busy" meanwhile.
WAIT_FOR_WRITER_MS = 10 * 60 * 1000


def database_address(args, text: str | None = None) -> Address:
    """`text`, else `--db`, `$BVCT_DB` or the default file; a server address is checked (TLS) and
    warned about when `--insecure-lan` lets an unverified one through."""
    insecure = getattr(args, "insecure_lan", False)
    try:
        where = address.parse(text, insecure) if text else address.from_option(args.db, insecure)
    except address.UnverifiedServer as error:
        raise InputError(f"{error.message} Trong mạng nội bộ khép kín chưa có chứng chỉ: thêm --insecure-lan "
                         "(kết nối không được xác thực).") from None
    if where.is_server and where.insecure:
        print(address.INSECURE_WARNING, file=sys.stderr)
    return where


def open_database(args) -> Database:
    where = database_address(args)
    user = credentials.user(args.user)
    try:
        return vault.unlock(where, user, credentials.password(args.password_file),
                            busy_timeout_ms=WAIT_FOR_WRITER_MS)
    except SchemaBehind as error:
        raise error.reworded(f"{error.message} Lệnh: bvct upgrade --server-owner TÀI_KHOẢN_CHỦ_SỞ_HỮU") from None
    except DamagedError as error:
        if where.is_server or where.path.exists():
            raise
        raise DamagedError(f"{error.message} Tạo mới bằng lệnh: bvct init --admin TÊN.", error.restore) from None


def encryption_password(args) -> str | None:
    """The password of `--encrypt-password-file`, or None to write the file unencrypted."""
    if not getattr(args, "encrypt_password_file", None):
        return None
    return credentials.read_secret_file(args.encrypt_password_file, "mật khẩu mã hóa")


def out_suffix(out: Path, allowed: tuple[str, ...]) -> str:
    """The output file's suffix, one of `allowed`."""
    suffix = out.suffix.lower()
    if suffix not in allowed:
        raise InputError(f"Tệp «{out.name}» phải có đuôi {' hoặc '.join(allowed)}.")
    return suffix


def encrypted_note(password: str | None) -> str:
    return " (đã mã hóa)" if password else ""
