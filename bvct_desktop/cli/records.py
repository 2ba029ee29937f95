"""The commands of the records core: init, template, import, export, report, settings, users."""

import datetime as dt
import json
import sys
from pathlib import Path

from .. import paths
from ..core import exporting, importing, report, settings, users, vault
from ..core.database import Database
from ..core.dates import parse_cli_date
from ..core.errors import InputError, RowProblem
from ..core.files import atomic_output
from ..core.kinds import KINDS, kind_named
from ..core.permissions import ROLES
from ..core.plans.base import CREATED, UNCHANGED, UPDATED
from ..io import xlsx_reader, xlsx_writer
from . import credentials
from .parser import VietnameseParser


def register(commands) -> None:
    kinds = list(KINDS)

    init = commands.add_parser("init", help="tạo cơ sở dữ liệu mới với một quản trị viên")
    init.set_defaults(handler=cmd_init)
    init.add_argument("--admin", required=True, help="tên đăng nhập của quản trị viên")

    template = commands.add_parser("template", help="tệp Excel mẫu để nhập dữ liệu")
    template.set_defaults(handler=cmd_template)
    template.add_argument("kind", choices=kinds, metavar="LOẠI")
    template.add_argument("--out", required=True)

    imp = commands.add_parser("import", help="nhập dữ liệu từ Excel (tất cả hoặc không dòng nào)")
    imp.set_defaults(handler=cmd_import)
    imp.add_argument("kind", choices=kinds, metavar="LOẠI")
    imp.add_argument("file", metavar="TỆP.xlsx")
    imp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")

    export = commands.add_parser("export", help="xuất dữ liệu ra Excel theo mẫu nhập")
    export.set_defaults(handler=cmd_export)
    export.add_argument("kind", choices=kinds, metavar="LOẠI")
    export.add_argument("--out", required=True)
    export.add_argument("--from", dest="start")
    export.add_argument("--to", dest="end")
    export.add_argument("--encrypt-password-file")

    report_parser = commands.add_parser("report", help="báo cáo định kỳ cho một kỳ")
    report_parser.set_defaults(handler=cmd_report)
    report_parser.add_argument("--from", dest="start", required=True)
    report_parser.add_argument("--to", dest="end", required=True)
    report_parser.add_argument("--format", required=True, choices=["json", "xlsx", "pdf", "docx"])
    report_parser.add_argument("--out", required=True)
    report_parser.add_argument("--issue", action="store_true", help="phát hành (lấy số văn bản)")
    report_parser.add_argument("--encrypt-password-file")

    settings_parser = commands.add_parser("settings", help="thiết lập của cơ quan")
    settings_parser.set_defaults(handler=cmd_settings)
    settings_commands = settings_parser.add_subparsers(dest="action", required=True, metavar="list|set",
                                                parser_class=VietnameseParser)
    settings_commands.add_parser("list", help="liệt kê thiết lập")
    setter = settings_commands.add_parser("set", help="đặt một thiết lập")
    setter.add_argument("key", metavar="KHÓA")
    setter.add_argument("value", metavar="GIÁ_TRỊ")

    users_parser = commands.add_parser("users", help="tài khoản người dùng")
    users_parser.set_defaults(handler=cmd_users)
    user_commands = users_parser.add_subparsers(dest="action", required=True, metavar="add|list|disable|passwd",
                                         parser_class=VietnameseParser)
    add = user_commands.add_parser("add", help="thêm người dùng")
    add.add_argument("name", metavar="TÊN")
    add.add_argument("--role", required=True, choices=list(ROLES))
    add.add_argument("--new-password-file")
    user_commands.add_parser("list", help="liệt kê người dùng")
    disable = user_commands.add_parser("disable", help="khóa người dùng")
    disable.add_argument("name", metavar="TÊN")
    passwd = user_commands.add_parser("passwd", help="đổi mật khẩu")
    passwd.add_argument("name", metavar="TÊN")
    passwd.add_argument("--new-password-file")
    passwd.add_argument("--recovery-key-file")

    commands.add_parser("gui", help="mở ứng dụng máy tính").set_defaults(handler=cmd_gui)


def cli_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return parse_cli_date(text)
    except RowProblem as problem:
        raise InputError(problem.message[0].upper() + problem.message[1:] + ".") from None


def open_database(args) -> Database:
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
    db = open_database(args)
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
    if result.legacy.cells:
        print(f"  Ô chuyển từ mã cũ (TCVN3/VNI): {result.legacy.cells}")
        for before, after in result.legacy.samples:
            print(f"    «{before}» → «{after}»")
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
    start, end = cli_date(args.start), cli_date(args.end)
    password = (credentials.read_secret_file(args.encrypt_password_file, "mật khẩu mã hóa")
                if args.encrypt_password_file else None)
    out = Path(args.out)
    db = open_database(args)
    try:
        count = exporting.export(db, kind, out, lambda rows: xlsx_writer.write_export(kind, rows, out, password),
                                 start, end)
    finally:
        db.close()
    print(f"Đã xuất {count} dòng «{kind.title}» ra {out}" + (" (đã mã hóa)" if password else ""))
    return 0


def cmd_report(args) -> int:
    start, end = cli_date(args.start), cli_date(args.end)
    if args.format != "json" or args.issue:
        from .documents import cmd_report_document  # imported here: cli.documents imports this module

        return cmd_report_document(args)
    db = open_database(args)
    try:
        figures = report.figures(db, start, end)
    finally:
        db.close()
    text = json.dumps(figures, ensure_ascii=False, indent=2)
    if args.out == "-":
        print(text)
    else:
        with atomic_output(Path(args.out)) as temp:
            temp.write_text(text + "\n", encoding="utf-8")
        print(f"Đã ghi số liệu báo cáo: {args.out}")
    return 0


def cmd_settings(args) -> int:
    db = open_database(args)
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
        db = open_database(args)
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


def cmd_gui(args) -> int:
    from ..gui import app  # Qt is loaded only when the desktop application starts

    return app.main([] if args.db is None else ["--db", args.db])
