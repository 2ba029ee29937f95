"""The data-safety commands: backup, verify, restore, audit list and audit verify."""

from pathlib import Path

from .. import paths
from ..core import audit, audit_find, audit_words, backup, restored_accounts, vault
from ..core.address import ServerAddress
from ..core.errors import DamagedError, InputError
from ..core.numbers import megabytes
from . import arguments, credentials, hints
from .administration import add_server_owner, server_owner
from .arguments import open_database, period
from .parser import VietnameseParser, add_period


def register(commands) -> None:
    make = commands.add_parser("backup", help="sao lưu cơ sở dữ liệu (một tệp đã mã hóa, có kiểm tra)")
    make.set_defaults(handler=cmd_backup)
    make.add_argument("--out", required=True, metavar="TỆP",
                      help="tệp sao lưu sẽ ghi (ví dụ E:\\sao-luu\\bvct.bvctbak)")

    check = commands.add_parser("verify", help="kiểm tra một bản sao lưu mà không khôi phục")
    check.set_defaults(handler=cmd_verify)
    check.add_argument("file", metavar="TỆP")

    restore = commands.add_parser("restore", help="khôi phục từ bản sao lưu (giữ lại bản hiện có)")
    restore.set_defaults(handler=cmd_restore)
    restore.add_argument("file", metavar="TỆP")
    restore.add_argument("--recovery-key-file", metavar="TỆP",
                         help="quản trị viên quên mật khẩu: mở bản sao lưu bằng khóa khôi phục ghi ở dòng đầu tệp này")
    add_server_owner(restore)

    trail = commands.add_parser("audit", help="nhật ký thao tác")
    trail.set_defaults(handler=cmd_audit)
    actions = trail.add_subparsers(dest="action", required=True, metavar="list|verify", parser_class=VietnameseParser)
    listing = actions.add_parser("list", help="liệt kê nhật ký (phân cách bằng tab)")
    add_period(listing)
    listing.add_argument("--user", dest="of_user", metavar="TÊN", help="chỉ các thao tác của người dùng này")
    listing.add_argument("--action", dest="of_action", metavar="HÀNH_ĐỘNG",
                         help="chỉ một hành động như nhật ký ghi («xuất», «in», «sửa»…; không cần dấu), hoặc "
                              f"«{audit_find.LEAVING}»")
    listing.add_argument("--text", metavar="NỘI_DUNG",
                         help="chỉ các mục có những chữ này ở loại, bản ghi hay chi tiết («0105/PXM», họ tên; "
                              "từ đầu một chữ, không cần dấu)")
    actions.add_parser("verify", help="kiểm tra chuỗi nhật ký có bị sửa, xóa hay cắt bớt")


def cmd_backup(args) -> int:
    db = open_database(args)
    try:
        written = backup.create(db, Path(args.out))
    finally:
        db.close()
    print(f"Đã sao lưu và kiểm tra: {written.path} ({megabytes(written.size)}, "
          f"{written.at:%d/%m/%Y %H:%M}, nhật ký {written.audit_head['count']} mục).")
    return 0


def cmd_verify(args) -> int:
    user = credentials.user(args.user)
    report = backup.verify(Path(args.file), user, credentials.password(args.password_file))
    _print_report(report)
    print("Bản sao lưu dùng được.")
    return 0


def cmd_restore(args) -> int:
    where = arguments.database_address(args)
    if where.is_server:
        return _restore_to_server(args, where)
    target = paths.database_from(args.db)
    if args.recovery_key_file:
        recovery = credentials.read_secret_file(args.recovery_key_file, "khóa khôi phục")
        restored = backup.restore_with_recovery_key(Path(args.file), recovery, target)
    else:
        user = credentials.user(args.user)
        restored = backup.restore(Path(args.file), user, credentials.password(args.password_file), target)
    _print_report(restored.report)
    print(f"Đã khôi phục vào: {restored.path}")
    if restored.kept:
        print("Bản đang có được giữ lại: " + ", ".join(str(path) for path in restored.kept))
    if restored.lost:
        print(restored.lost)
    if restored.accounts:
        print(restored_accounts.told(restored.accounts))
    if args.recovery_key_file:
        print(_reset_with_the_key(target, Path(args.recovery_key_file), restored.administrators))
    _print_checks(restored.checks)
    return 0


def _reset_with_the_key(target: Path, key_file: Path, administrators: list[str]) -> str:
    """The command that sets a new password with the recovery key, naming the backup's one administrator."""
    name = hints.shell_word(administrators[0]) if len(administrators) == 1 else "TÊN"
    command = (f"bvct --db {hints.shell_word(target.absolute())} users passwd {name} "
               f"--recovery-key-file {hints.shell_word(key_file.absolute())}")
    told = ("Hãy đặt mật khẩu mới cho quản trị viên bằng chính khóa khôi phục ấy (chương trình cho một khóa khôi "
            f"phục mới): {command}")
    if len(administrators) > 1:
        return f"{told} (TÊN: tên đăng nhập của một quản trị viên: {', '.join(administrators)})."
    return told if administrators else f"{told} (TÊN: tên đăng nhập của quản trị viên)."


def _restore_to_server(args, where: ServerAddress) -> int:
    """Into an empty server database only (never over one in use), by its owner and an administrator."""
    if args.recovery_key_file:
        raise InputError(vault.NO_RECOVERY_KEY)
    owner, owner_password = server_owner(args)
    user = credentials.user(args.user)
    restored = vault.restore_to_server(Path(args.file), user, credentials.password(args.password_file),
                                       where, owner, owner_password)
    _print_report(restored.report)
    print(f"Đã khôi phục lên {where.display}; nhật ký đã được kiểm tra, khớp từng mục.")
    if restored.waiting:
        print("Người dùng chưa có mật khẩu trên máy chủ (quản trị viên đặt bằng: bvct users passwd TÊN): "
              + ", ".join(restored.waiting))
    _print_checks(restored.checks)
    return 0


def _print_checks(checks: list[str]) -> None:
    """What the administrator checks in the database restored, last, wherever it was restored to."""
    for check in checks:
        print(check)


def _print_report(report: backup.Report) -> None:
    manifest = report.manifest
    print(f"Bản sao lưu tạo lúc {report.created_at:%d/%m/%Y %H:%M} bởi {manifest['created_by']} "
          f"(phiên bản {manifest['app_version']}).")
    for line in report.checks:
        print(f"  ✔ {line}")


def cmd_audit(args) -> int:
    if args.action == "list":
        start, end = period(args)
    db = open_database(args)
    try:
        if args.action == "list":
            filters = audit_find.Filters(start, end, action=args.of_action, text=args.text, account=args.of_user)
            entries = audit_find.view(db, filters)  # a refusal before any line is printed
            print("\t".join(audit.LIST_HEADERS))
            for entry in entries:
                print("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in audit_words.cells(entry)))
            return 0
        verdict = audit.verify(db)
    finally:
        db.close()
    if not verdict.ok:
        raise DamagedError(f"Nhật ký không toàn vẹn. {verdict.problem}")
    kept = "trên máy chủ" if db.is_server else "trong tệp khóa"
    print(f"{audit_words.sound(verdict.count)} (đã đối chiếu với mục cuối cùng lưu {kept}).")
    return 0
