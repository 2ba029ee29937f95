"""The office server's own commands: `bvct migrate-to-server` (a file database moved to the server)
and `bvct upgrade` (the server's schema brought up to date, once, by an administrator)."""

import argparse
from pathlib import Path

from ..core import address, vault
from ..core.address import FileAddress
from ..core.errors import InputError
from ..core.permissions import Action
from . import arguments, credentials
from .administration import add_server_owner, server_owner


def register(commands) -> None:
    move = commands.add_parser("migrate-to-server", help="chuyển một cơ sở dữ liệu tệp lên máy chủ (cơ sở dữ liệu "
                               "trống trên máy chủ)")
    move.set_defaults(handler=cmd_migrate)
    move.add_argument("--db", default=argparse.SUPPRESS, metavar="TỆP", help="tệp cơ sở dữ liệu cần chuyển")
    move.add_argument("--to", required=True, metavar="ĐỊA_CHỈ", help="postgresql://MÁY_CHỦ/TÊN_CSDL?sslmode=verify-full"
                      "&sslrootcert=TỆP_CA")
    add_server_owner(move)

    upgrade = commands.add_parser("upgrade", help="nâng cấp cấu trúc cơ sở dữ liệu trên máy chủ (quản trị viên, "
                                  "sau khi sao lưu)")
    upgrade.set_defaults(handler=cmd_upgrade)
    upgrade.add_argument("--backup-out", metavar="TỆP", help="nơi ghi bản sao lưu trước khi nâng cấp "
                         "(mặc định: thư mục sao lưu tự động)")
    add_server_owner(upgrade)


def cmd_migrate(args) -> int:
    source = arguments.database_address(args)
    if source.is_server:
        raise InputError("--db phải là tệp cơ sở dữ liệu cần chuyển; địa chỉ máy chủ ghi ở --to.")
    target = _server(args.to, args)
    owner, owner_password = server_owner(args)
    user = credentials.user(args.user)
    password = credentials.password(args.password_file)
    db = vault.unlock(FileAddress(Path(source.path)), user, password, busy_timeout_ms=arguments.WAIT_FOR_WRITER_MS)
    try:
        db.require(Action.MANAGE_USERS, "chuyển lên máy chủ")
        waiting = vault.move_to_server(db, target, owner, owner_password, password)
    finally:
        db.close()
    print(f"Đã chuyển «{source.display}» lên {target.display}; nhật ký đã được kiểm tra, khớp từng mục.")
    print(f"Quản trị viên «{user}» đăng nhập máy chủ bằng mật khẩu hiện tại.")
    if waiting:
        print("Người dùng chưa có mật khẩu trên máy chủ (quản trị viên đặt bằng: bvct users passwd TÊN): "
              + ", ".join(waiting))
    return 0


def cmd_upgrade(args) -> int:
    where = arguments.database_address(args)
    if not where.is_server:
        raise InputError("Cơ sở dữ liệu tệp được nâng cấp tự động khi mở; lệnh này dành cho máy chủ.")
    owner, owner_password = server_owner(args)
    user = credentials.user(args.user)
    done = vault.upgrade_server(where, user, credentials.password(args.password_file), owner, owner_password,
                                Path(args.backup_out) if args.backup_out else None)
    if done is None:
        print("Cấu trúc cơ sở dữ liệu trên máy chủ đã mới nhất; không có gì để nâng cấp.")
    else:
        print(f"Đã sao lưu trước khi nâng cấp: {done}")
        print("Đã nâng cấp cấu trúc cơ sở dữ liệu trên máy chủ.")
    return 0


def _server(text: str, args) -> address.ServerAddress:
    target = arguments.database_address(args, text)
    if not target.is_server:
        raise InputError("--to phải là địa chỉ máy chủ postgresql://MÁY_CHỦ/TÊN_CSDL?sslmode=verify-full&"
                         "sslrootcert=TỆP_CA.")
    return target
