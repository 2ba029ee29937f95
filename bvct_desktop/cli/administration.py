"""Setting up and running the office: `bvct init`, `bvct settings` and `bvct users`."""

import os

from .. import paths
from ..core import setting_notes, settings, user_names, users, vault
from ..core.errors import InputError
from ..core.permissions import ROLES
from . import arguments, credentials
from .arguments import cli_date, open_database
from .parser import VietnameseParser


def register_init(commands) -> None:
    init = commands.add_parser("init", help="tạo cơ sở dữ liệu mới với một quản trị viên")
    init.set_defaults(handler=cmd_init)
    init.add_argument("--admin", required=True, metavar="TÊN", help="tên đăng nhập của quản trị viên")
    add_server_owner(init)


def add_server_owner(parser) -> None:
    """`--server-owner ROLE [--server-owner-password-file F]`: the server database's owner."""
    parser.add_argument("--server-owner", metavar="TÀI_KHOẢN",
                        help="máy chủ: tài khoản chủ sở hữu cơ sở dữ liệu (có quyền CREATEROLE)")
    parser.add_argument("--server-owner-password-file", metavar="TỆP",
                        help="tệp chứa mật khẩu của tài khoản chủ sở hữu (hoặc $PGPASSWORD)")


def server_owner(args) -> tuple[str, str | None]:
    """The owner's role and password (`--server-owner-password-file`, else $PGPASSWORD, else libpq's own)."""
    if not args.server_owner:
        raise InputError("Cơ sở dữ liệu trên máy chủ: cần --server-owner TÀI_KHOẢN (chủ sở hữu cơ sở dữ liệu).")
    if args.server_owner_password_file:
        return args.server_owner, credentials.read_secret_file(args.server_owner_password_file,
                                                               "mật khẩu chủ sở hữu")
    return args.server_owner, os.environ.get("PGPASSWORD") or None


def register(commands) -> None:
    """`settings` and `users`."""
    settings_parser = commands.add_parser("settings", help="thiết lập của cơ quan")
    settings_parser.set_defaults(handler=cmd_settings)
    settings_commands = settings_parser.add_subparsers(dest="action", required=True, metavar="list|set",
                                                parser_class=VietnameseParser)
    lister = settings_commands.add_parser("list", help="liệt kê thiết lập đang áp dụng và lịch sử thay đổi")
    lister.add_argument("--on", metavar="NGÀY", help="ngày áp dụng (mặc định hôm nay)")
    setter = settings_commands.add_parser("set", help="đặt một thiết lập")
    setter.add_argument("key", metavar="KHÓA")
    setter.add_argument("value", metavar="GIÁ_TRỊ")
    setter.add_argument("--from", dest="start", metavar="NGÀY",
                        help="giá trị mới áp dụng từ ngày này (giá trị cũ giữ đến hôm trước)")

    users_parser = commands.add_parser("users", help="tài khoản người dùng")
    users_parser.set_defaults(handler=cmd_users)
    user_commands = users_parser.add_subparsers(dest="action", required=True,
                                                metavar="add|list|disable|enable|role|passwd",
                                                parser_class=VietnameseParser)
    add = user_commands.add_parser("add", help="thêm người dùng")
    add.add_argument("name", metavar="TÊN")
    _add_role(add)
    _add_new_password(add)
    add.add_argument("--full-name", default="", metavar="HỌ_TÊN",
                     help="họ và tên cán bộ (như «Nguyễn Văn A»), in trên văn bản thay cho tên đăng nhập")
    user_commands.add_parser("list", help="liệt kê người dùng")
    disable = user_commands.add_parser("disable", help="khóa tài khoản")
    disable.add_argument("name", metavar="TÊN")
    enable = user_commands.add_parser("enable", help="mở lại tài khoản đã khóa, với mật khẩu mới")
    enable.add_argument("name", metavar="TÊN")
    _add_new_password(enable)
    role = user_commands.add_parser("role", help="đổi vai trò người dùng")
    role.add_argument("name", metavar="TÊN")
    _add_role(role)
    passwd = user_commands.add_parser("passwd", help="đổi mật khẩu")
    passwd.add_argument("name", metavar="TÊN")
    _add_new_password(passwd)
    passwd.add_argument("--recovery-key-file", metavar="TỆP",
                        help="tệp chứa khóa khôi phục, khi quên mật khẩu cũ")


def _add_role(parser) -> None:
    roles = "; ".join(f"{key}: {name}" for key, name in ROLES.items())
    parser.add_argument("--role", required=True, choices=list(ROLES), help=f"vai trò ({roles})")


def _add_new_password(parser) -> None:
    parser.add_argument("--new-password-file", metavar="TỆP",
                        help="tệp chứa mật khẩu mới (dòng đầu); không có thì nhập hai lần tại dấu nhắc")


def cmd_init(args) -> int:
    where = arguments.database_address(args)
    admin = user_names.checked(args.admin)
    if where.is_server:
        owner, owner_password = server_owner(args)
        password = credentials.password(args.password_file, "Mật khẩu quản trị viên: ")
        vault.create_on_server(where, admin, password, owner, owner_password)
        recovery = None
    else:
        if args.server_owner:
            raise InputError("--server-owner chỉ dùng khi --db là địa chỉ máy chủ (postgresql://…).")
        password = credentials.password(args.password_file, "Mật khẩu quản trị viên: ")
        recovery = vault.create(where.path, admin, password)
    print(f"Đã tạo cơ sở dữ liệu: {where.display}")
    print(f"Quản trị viên: {admin}")
    if recovery is None:
        print(vault.NO_RECOVERY_KEY)
    else:
        print("KHÓA KHÔI PHỤC (chỉ hiện một lần; chép lại và cất giữ an toàn, tách khỏi máy tính):")
        print(recovery)
    return 0


def cmd_settings(args) -> int:
    db = open_database(args)
    try:
        if args.action == "list":
            _list_settings(db, cli_date(args.on) or db.clock().date())
        else:
            start = cli_date(args.start)
            value = settings.set_setting(db, args.key, args.value, start)
            if value is None:
                print(settings.NOTHING_CHANGED)
                return 0
            since = f" từ ngày {start:%d/%m/%Y}" if start else ""
            print(f"Đã đặt {args.key} = {value}{since}")
            note = setting_notes.saved_note(db, args.key, value, start)
            if note:
                print(note)
    finally:
        db.close()
    return 0


def _list_settings(db, on) -> None:
    """The values in force on `on`, one `key<TAB>value` a line; then each changed key's history."""
    history = settings.settings_history(db)
    for key, value in history.on(on).items():
        print(f"{key}\t{value}")
    changed = history.changed()
    if changed:
        print()
        print("Lịch sử thay đổi (khóa, từ ngày, đến ngày, giá trị):")
        today = db.clock().date()
        for key, spans in changed.items():
            for span in spans:
                first, last = span.days_shown(today)
                print(f"{key}\t{first}\t{last}\t{span.value}")


def cmd_users(args) -> int:
    if args.action == "passwd" and args.recovery_key_file:
        if arguments.database_address(args).is_server:
            raise InputError(vault.NO_RECOVERY_KEY)
        recovery = credentials.read_secret_file(args.recovery_key_file, "khóa khôi phục")
        db = vault.unlock_with_recovery_key(paths.database_from(args.db), recovery,
                                            busy_timeout_ms=arguments.WAIT_FOR_WRITER_MS)
    else:
        db = open_database(args)
    try:
        if args.action == "add":
            name = users.add(db, args.name, args.role, credentials.new_password(args.new_password_file),
                             args.full_name)
            print(f"Đã thêm người dùng «{name}» ({ROLES[args.role]}).")
        elif args.action == "list":
            for account in users.list_accounts(db):
                state = "" if account.active else " (đã khóa)"
                full_name = f"\t{account.full_name}" if account.full_name else ""
                print(f"{account.name}\t{account.role}\t{ROLES.get(account.role, '')}{state}{full_name}")
        elif args.action == "disable":
            users.disable(db, args.name)
            print(users.locked_message(args.name))
        elif args.action == "enable":
            role = users.enable(db, args.name, credentials.new_password(args.new_password_file))
            print(users.reopened_message(args.name, role))
        elif args.action == "role":
            users.set_role(db, args.name, args.role)
            print(f"Vai trò của «{args.name}»: {ROLES[args.role]}.")
        else:
            recovery = users.change_password(db, args.name, credentials.new_password(args.new_password_file))
            print(f"Đã đổi mật khẩu của «{args.name}».")
            if recovery:
                print("Khóa khôi phục cũ đã dùng nên đã bị thay. KHÓA KHÔI PHỤC MỚI (chỉ hiện một lần; chép lại "
                      "và cất giữ an toàn, tách khỏi máy tính; khóa cũ không còn dùng được):")
                print(recovery)
    finally:
        db.close()
    return 0
