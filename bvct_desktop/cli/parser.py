"""The `bvct` command line (spec, "The `bvct` command"), with Vietnamese help and errors."""

import argparse
import re

from .. import __version__
from ..core.errors import InputError
from ..core.kinds import KINDS
from ..core.permissions import ROLES

_ARGPARSE_MESSAGES = [
    (r"the following arguments are required: (.*)", "thiếu tham số: {0}"),
    (r"argument (\S+): invalid choice: '?(.*?)'? \(choose from (.*)\)", "tham số {0}: «{1}» không hợp lệ (chọn: {2})"),
    (r"unrecognized arguments: (.*)", "tham số không nhận ra: {0}"),
    (r"argument (\S+): expected one argument", "tham số {0} cần một giá trị"),
    (r"argument (\S+): not allowed with argument (\S+)", "không dùng {0} cùng với {1}"),
    (r"one of the arguments (.*) is required", "cần một trong các tham số: {0}"),
]


class VietnameseParser(argparse.ArgumentParser):
    def error(self, message: str):
        for pattern, template in _ARGPARSE_MESSAGES:
            match = re.fullmatch(pattern, message)
            if match:
                message = template.format(*match.groups())
                break
        raise InputError(f"Lệnh không hợp lệ: {message}. Xem: {self.prog} --help")

    def format_help(self) -> str:
        text = super().format_help()
        return (text.replace("usage:", "Cách dùng:").replace("positional arguments:", "Tham số:")
                .replace("options:", "Tùy chọn:").replace("show this help message and exit", "hiện hướng dẫn này"))


def build() -> VietnameseParser:
    parser = VietnameseParser(prog="bvct", description="BVCT Desktop — dòng lệnh (ngày ghi dạng YYYY-MM-DD).")
    parser.add_argument("--db", help="đường dẫn cơ sở dữ liệu (mặc định: $BVCT_DB hoặc thư mục dữ liệu)")
    parser.add_argument("--user", help="tên người dùng (mặc định: $BVCT_USER)")
    parser.add_argument("--password-file", help="tệp chứa mật khẩu (dòng đầu); hoặc $BVCT_PASSWORD")
    parser.add_argument("--version", action="store_true", help="phiên bản chương trình và thư viện")
    commands = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=VietnameseParser)
    kinds = list(KINDS)

    init = commands.add_parser("init", help="tạo cơ sở dữ liệu mới với một quản trị viên")
    init.add_argument("--admin", required=True, help="tên đăng nhập của quản trị viên")

    template = commands.add_parser("template", help="tệp Excel mẫu để nhập dữ liệu")
    template.add_argument("kind", choices=kinds, metavar="LOẠI")
    template.add_argument("--out", required=True)

    imp = commands.add_parser("import", help="nhập dữ liệu từ Excel (tất cả hoặc không dòng nào)")
    imp.add_argument("kind", choices=kinds, metavar="LOẠI")
    imp.add_argument("file", metavar="TỆP.xlsx")
    imp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")

    export = commands.add_parser("export", help="xuất dữ liệu ra Excel theo mẫu nhập")
    export.add_argument("kind", choices=kinds, metavar="LOẠI")
    export.add_argument("--out", required=True)
    export.add_argument("--from", dest="start")
    export.add_argument("--to", dest="end")
    export.add_argument("--encrypt-password-file")

    report = commands.add_parser("report", help="báo cáo định kỳ cho một kỳ")
    report.add_argument("--from", dest="start", required=True)
    report.add_argument("--to", dest="end", required=True)
    report.add_argument("--format", required=True, choices=["json", "xlsx", "pdf", "docx"])
    report.add_argument("--out", required=True)
    report.add_argument("--issue", action="store_true", help="phát hành (lấy số văn bản)")
    report.add_argument("--encrypt-password-file")

    settings = commands.add_parser("settings", help="thiết lập của cơ quan")
    settings_commands = settings.add_subparsers(dest="action", required=True, metavar="list|set",
                                                parser_class=VietnameseParser)
    settings_commands.add_parser("list", help="liệt kê thiết lập")
    setter = settings_commands.add_parser("set", help="đặt một thiết lập")
    setter.add_argument("key", metavar="KHÓA")
    setter.add_argument("value", metavar="GIÁ_TRỊ")

    users = commands.add_parser("users", help="tài khoản người dùng")
    user_commands = users.add_subparsers(dest="action", required=True, metavar="add|list|disable|passwd",
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

    printing = commands.add_parser("print", help="in biểu mẫu (PDF)")
    printing.add_argument("document", choices=["slips", "slip-register", "delegation"], metavar="TÀI_LIỆU")
    printing.add_argument("rest", nargs=argparse.REMAINDER)

    commands.add_parser("gui", help="mở ứng dụng máy tính")
    return parser


def version_text() -> str:
    import sqlcipher3.dbapi2 as sqlcipher

    try:
        from PySide6 import QtCore

        qt = QtCore.qVersion()
    except ImportError:
        qt = "không có"
    connection = sqlcipher.connect(":memory:")
    cipher = connection.execute("PRAGMA cipher_version").fetchone()[0]
    connection.close()
    return f"BVCT Desktop {__version__}\nSQLCipher {cipher}\nSQLite {sqlcipher.sqlite_version}\nQt {qt}"
