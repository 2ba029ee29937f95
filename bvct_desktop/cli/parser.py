"""The `bvct` command line (spec, "The `bvct` command"), with Vietnamese help and errors."""

import argparse
import re

from ..core.errors import InputError

_ARGPARSE_MESSAGES = [
    (r"the following arguments are required: (.*)", "thiếu tham số: {0}"),
    (r"argument (\S+): invalid choice: '?(.*?)'? \(choose from (.*)\)", "tham số {0}: «{1}» không hợp lệ (chọn: {2})"),
    (r"unrecognized arguments: (.*)", "không nhận ra tham số: {0}"),
    (r"ambiguous option: (\S+) could match (.*)", "tham số {0} không rõ: có thể là {1}"),
    (r"argument (\S+): expected one argument", "tham số {0} cần một giá trị"),
    (r"argument (\S+): expected at least one argument", "tham số {0} cần ít nhất một giá trị"),
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

    def parse_known_args(self, args=None, namespace=None):
        """As `parse_args`: an argument no option takes is told by the parser of the command it was
        given to, whose help lists that command's options (argparse tells it at the top, `bvct --help`)."""
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras

    def format_help(self) -> str:
        text = super().format_help()
        return (text.replace("usage:", "Cách dùng:").replace("positional arguments:", "Tham số:")
                .replace("options:", "Tùy chọn:").replace("show this help message and exit", "hiện hướng dẫn này"))


def build(registrars) -> VietnameseParser:
    """The whole command line: global options, then the commands each registrar adds."""
    parser = VietnameseParser(prog="bvct", description="BVCT Desktop — dòng lệnh (ngày ghi dạng YYYY-MM-DD).")
    _global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=VietnameseParser)
    for add_commands in registrars:
        add_commands(commands)
    return parser


def add_period(parser: argparse.ArgumentParser, required: bool = False) -> None:
    """`--from NGÀY --to NGÀY`, both days included (read by arguments.period)."""
    parser.add_argument("--from", dest="start", required=required, metavar="NGÀY", help="từ ngày (YYYY-MM-DD)")
    parser.add_argument("--to", dest="end", required=required, metavar="NGÀY",
                        help="đến ngày (YYYY-MM-DD), tính cả ngày này")


def add_encryption(parser: argparse.ArgumentParser) -> None:
    """`--encrypt-password-file TỆP` (read by arguments.encryption_password)."""
    parser.add_argument("--encrypt-password-file", metavar="TỆP", help="mã hóa tệp bằng mật khẩu trong tệp này")


def version_text() -> str:
    from .. import buildinfo

    return buildinfo.gather().text()


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="CƠ_SỞ_DỮ_LIỆU", help="đường dẫn cơ sở dữ liệu, hoặc địa chỉ máy chủ postgresql://MÁY_CHỦ/TÊN_CSDL?"
                        "sslmode=verify-full&sslrootcert=TỆP_CA (mặc định: $BVCT_DB hoặc thư mục dữ liệu)")
    parser.add_argument("--user", metavar="TÊN", help="tên người dùng (mặc định: $BVCT_USER)")
    parser.add_argument("--password-file", metavar="TỆP", help="tệp chứa mật khẩu (dòng đầu); hoặc $BVCT_PASSWORD")
    parser.add_argument("--insecure-lan", action="store_true",
                        help="cho phép kết nối máy chủ không xác thực chứng chỉ TLS (mạng khép kín; có cảnh báo)")
    parser.add_argument("--version", action="store_true", help="phiên bản chương trình và thư viện")


def command_word(argv) -> str | None:
    """The command a command line names: its first word after the global options; "--help" for
    `bvct --help` (every command is listed); None when it names none (`bvct --version`, or global
    options the whole parser will find wrong)."""
    probe = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    _global_options(probe)
    probe.add_argument("-h", "--help", action="store_true")
    try:
        known, rest = probe.parse_known_args(list(argv))
    except (argparse.ArgumentError, SystemExit):
        return None
    word = next((word for word in rest if not word.startswith("-")), None)
    return "--help" if word is None and known.help else word
