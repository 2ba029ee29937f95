"""`bvct`: a thin face over the core services. It parses, asks for credentials, prints."""

import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import errorlog, paths
from ..core import exporting, importing, report, settings, users, vault
from ..core.dates import parse_cli_date
from ..core.errors import BvctError, InputError, RowProblem
from ..core.kinds import kind_named
from ..core.permissions import ROLES, Action
from ..core.registers.base import CREATED, UNCHANGED, UPDATED
from ..io import xlsx_reader, xlsx_writer
from . import credentials, parser as cli_parser

NOT_YET = "chưa hỗ trợ"


def run() -> None:
    sys.exit(main(sys.argv[1:]))


def main(argv: Sequence[str]) -> int:
    """Runs one command; returns the exit status of the spec."""
    try:
        _utf8_streams()
        args = cli_parser.build().parse_args(list(argv))
        if args.version:
            print(cli_parser.version_text())
            return 0
        if not args.command:
            raise InputError("Thiếu lệnh. Xem: bvct --help")
        return COMMANDS[args.command](args) or 0
    except SystemExit as done:  # --help
        return done.code if isinstance(done.code, int) else 0
    except BvctError as error:
        print(error.message, file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("Đã hủy.", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - the last line of defence: no traceback for people
        where = errorlog.log_unexpected(error)
        print(f"Lỗi không lường trước; chi tiết (không có dữ liệu hồ sơ) đã ghi vào: {where}", file=sys.stderr)
        return 1


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return parse_cli_date(text)
    except RowProblem as problem:
        raise InputError(problem.message[0].upper() + problem.message[1:] + ".") from None


def _open(args) -> vault.Database:
    path = paths.database_from(args.db)
    user = credentials.user(args.user)
    return vault.unlock(path, user, credentials.password(args.password_file))


def cmd_init(args) -> int:
    path = paths.database_from(args.db)
    password = credentials.password(args.password_file, "Mật khẩu quản trị viên: ")
    path.parent.mkdir(parents=True, exist_ok=True)
    recovery = vault.create(path, args.admin, password)
    print(f"Đã tạo cơ sở dữ liệu: {path}")
    print(f"Quản trị viên: {args.admin}")
    print("KHÓA KHÔI PHỤC (chỉ hiện một lần; chép lại và cất giữ an toàn, tách khỏi máy tính):")
    print(recovery)
    return 0


def cmd_template(args) -> int:
    kind = kind_named(args.kind)
    xlsx_writer.write_template(kind, Path(args.out))
    print(f"Đã ghi tệp mẫu «{kind.title}»: {args.out}")
    return 0


def cmd_import(args) -> int:
    kind = kind_named(args.kind)
    sheet = xlsx_reader.read_first_sheet(Path(args.file))
    db = _open(args)
    try:
        result = importing.import_sheet(db, kind, sheet, dry_run=args.dry_run)
    finally:
        db.close()
    _print_import(result, Path(args.file).name)
    if not result.ok:
        print(f"Không nhập: {len(result.problems)} lỗi; cơ sở dữ liệu không thay đổi.", file=sys.stderr)
        return 2
    return 0


def _print_import(result: importing.ImportResult, name: str) -> None:
    heading = "Kiểm tra (không ghi)" if result.dry_run else "Nhập"
    print(f"{heading} «{result.kind.title}» từ {name}: {result.rows} dòng.")
    if result.problems:
        for problem in result.problems:
            print(str(problem))
        return
    print(f"  Thêm mới: {result.counts[CREATED]}")
    print(f"  Đã có, không đổi: {result.counts[UNCHANGED]}")
    print(f"  Cập nhật: {result.counts[UPDATED]}")
    for line in result.updates[:importing.MAX_UPDATE_LINES]:
        print(f"    {line}")
    if len(result.updates) > importing.MAX_UPDATE_LINES:
        print(f"    … và {len(result.updates) - importing.MAX_UPDATE_LINES} dòng cập nhật khác")
    for label, value in result.extras.items():
        shown = f"{len(value)}: {', '.join(value)}" if isinstance(value, list) else value
        print(f"  {label}: {shown}")
    if result.ignored_columns:
        print(f"  Cột không dùng (bỏ qua): {', '.join(result.ignored_columns)}")
    if result.dry_run:
        print("Chưa ghi gì vào cơ sở dữ liệu (--dry-run).")


def cmd_export(args) -> int:
    kind = kind_named(args.kind)
    start, end = _date(args.start), _date(args.end)
    password = (credentials.read_secret_file(args.encrypt_password_file, "mật khẩu mã hóa")
                if args.encrypt_password_file else None)
    out = Path(args.out)
    db = _open(args)
    try:
        count = exporting.export(db, kind, out, lambda rows: xlsx_writer.write_export(kind, rows, out, password),
                                 start, end)
    finally:
        db.close()
    print(f"Đã xuất {count} dòng «{kind.title}» ra {out}" + (" (đã mã hóa)" if password else ""))
    return 0


def cmd_report(args) -> int:
    start, end = _date(args.start), _date(args.end)
    if args.format != "json":
        raise InputError(f"Báo cáo dạng {args.format}: {NOT_YET}.")
    if args.issue:
        raise InputError(f"Phát hành báo cáo (--issue): {NOT_YET}.")
    db = _open(args)
    try:
        figures = report.figures(db, start, end)
    finally:
        db.close()
    text = json.dumps(figures, ensure_ascii=False, indent=2)
    if args.out == "-":
        print(text)
    else:
        from ..core.files import atomic_output

        with atomic_output(Path(args.out)) as temp:
            temp.write_text(text + "\n", encoding="utf-8")
        print(f"Đã ghi số liệu báo cáo: {args.out}")
    return 0


def cmd_settings(args) -> int:
    db = _open(args)
    try:
        if args.action == "list":
            for key, value in settings.list_settings(db).items():
                print(f"{key}\t{value}")
        else:
            value = settings.set_setting(db, args.key, args.value)
            print(f"Đã đặt {args.key} = {value}")
    finally:
        db.close()
    return 0


def cmd_users(args) -> int:
    if args.action == "passwd" and args.recovery_key_file:
        recovery = credentials.read_secret_file(args.recovery_key_file, "khóa khôi phục")
        db = vault.unlock_with_recovery_key(paths.database_from(args.db), recovery)
    else:
        db = _open(args)
    try:
        if args.action == "add":
            users.add(db, args.name, args.role, credentials.new_password(args.new_password_file))
            print(f"Đã thêm người dùng «{args.name}» ({ROLES[args.role]}).")
        elif args.action == "list":
            for account in users.list_accounts(db):
                state = "" if account.active else " (đã khóa)"
                print(f"{account.name}\t{account.role}\t{ROLES.get(account.role, '')}{state}")
        elif args.action == "disable":
            users.disable(db, args.name)
            print(f"Đã khóa người dùng «{args.name}».")
        else:
            users.change_password(db, args.name, credentials.new_password(args.new_password_file))
            print(f"Đã đổi mật khẩu của «{args.name}».")
    finally:
        db.close()
    return 0


def cmd_print(args) -> int:
    db = _open(args)
    try:
        db.require(Action.EXPORT, f"in {args.document}")
    finally:
        db.close()
    raise InputError(f"In {args.document}: {NOT_YET}.")


def cmd_gui(args) -> int:
    raise InputError(f"Ứng dụng máy tính: {NOT_YET}.")


COMMANDS = {
    "init": cmd_init, "template": cmd_template, "import": cmd_import, "export": cmd_export,
    "report": cmd_report, "settings": cmd_settings, "users": cmd_users, "print": cmd_print,
    "gui": cmd_gui,
}
