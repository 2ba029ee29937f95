"""`bvct print …` and the report as a document (`bvct report --format pdf|xlsx|docx [--issue]`)."""

import argparse
from collections.abc import Callable
from pathlib import Path

from ..core import documents_data
from ..core.dates import parse_partial
from ..core.documents_data import EXPORTED, PRINTED, Issue
from ..core.errors import InputError, RowProblem
from ..io.documents import pdf, profile, render
from ..io.documents.report_content import subject
from . import credentials
from .parser import VietnameseParser
from .records import cli_date, open_database

SECRET = "MẬT"


def register(commands) -> None:
    printing = commands.add_parser("print", help="in tài liệu để ký (PDF) hoặc xuất danh sách (xlsx)")
    documents = printing.add_subparsers(dest="document", required=True, metavar="TÀI_LIỆU",
                                        parser_class=VietnameseParser)

    slips = documents.add_parser("slips", help="phiếu yêu cầu xác minh lai lịch, mỗi phiếu một trang")
    slips.set_defaults(handler=cmd_slips)
    slips.add_argument("--from", dest="start")
    slips.add_argument("--to", dest="end")
    slips.add_argument("--year", help="năm của các số phiếu (với --numbers)")
    slips.add_argument("--numbers", nargs="+", metavar="SỐ", help="số phiếu như ghi trên phiếu, ví dụ 12/PXM")
    _common(slips, "FILE.pdf")

    register_parser = documents.add_parser("slip-register", help="sổ theo dõi phiếu xác minh của một kỳ")
    register_parser.set_defaults(handler=cmd_slip_register)
    register_parser.add_argument("--from", dest="start", required=True)
    register_parser.add_argument("--to", dest="end", required=True)
    _common(register_parser, "FILE.pdf|FILE.xlsx")

    delegation = documents.add_parser("delegation", help="danh sách trích ngang của một đoàn ra")
    delegation.set_defaults(handler=cmd_delegation)
    delegation.add_argument("--decision", required=True, metavar="SỐ", help="số quyết định cử đoàn")
    delegation.add_argument("--date", help="ngày quyết định (khi số quyết định dùng cho nhiều đoàn)")
    _common(delegation, "FILE.pdf|FILE.xlsx")

    cadre = documents.add_parser("cadre", help="trích ngang một cán bộ")
    cadre.set_defaults(handler=cmd_cadre)
    cadre.add_argument("--name", required=True, help="họ và tên cán bộ")
    cadre.add_argument("--birth", help="ngày sinh (dd/mm/yyyy, mm/yyyy hoặc yyyy) khi có người trùng tên")
    _common(cadre, "FILE.pdf")


def _common(parser: argparse.ArgumentParser, out: str) -> None:
    parser.add_argument("--out", required=True, metavar=out)
    parser.add_argument("--profile", default=profile.DEFAULT, help="hồ sơ thể thức (mặc định hd36)")
    secrecy = parser.add_mutually_exclusive_group()
    secrecy.add_argument("--secret", dest="secrecy", action="store_const", const=SECRET,
                         help="đóng dấu MẬT trên mọi trang (lần in này)")
    secrecy.add_argument("--no-secret", dest="secrecy", action="store_const", const="",
                         help="không đóng dấu MẬT (lần in này)")
    parser.add_argument("--encrypt-password-file", help="mã hóa tệp bằng mật khẩu trong tệp này")


def _year(text: str) -> int:
    if not (text.isdigit() and len(text) == 4):
        raise InputError(f"Năm «{text}» phải có dạng YYYY.")
    return int(text)


def options(args) -> render.Options:
    password = (credentials.read_secret_file(args.encrypt_password_file, "mật khẩu mã hóa")
                if getattr(args, "encrypt_password_file", None) else None)
    return render.Options(profile.load(getattr(args, "profile", profile.DEFAULT)),
                          getattr(args, "secrecy", None), password)


def _period(args):
    start, end = cli_date(args.start), cli_date(args.end)
    documents_data.check_period(start, end)
    return start, end


def _suffix(out: Path, allowed: tuple[str, ...]) -> str:
    suffix = out.suffix.lower()
    if suffix not in allowed:
        raise InputError(f"Tệp «{out.name}» phải có đuôi {' hoặc '.join(allowed)}.")
    return suffix


def _run(args, what: str, kind: str, gather: Callable, write: Callable, details: dict, action: str = PRINTED):
    db = open_database(args)
    try:
        today = db.clock().date()
        return documents_data.produce(db, what, kind, gather, lambda office, content: write(office, content, today),
                                      {"tep": Path(args.out).name, **details}, action)
    finally:
        db.close()


def cmd_slips(args) -> int:
    out, chosen = Path(args.out), options(args)
    _suffix(out, (".pdf",))
    if args.numbers:
        if args.start or args.end or args.year is None:
            raise InputError("Dùng --year YYYY --numbers SỐ …, hoặc --from D --to D (không dùng cùng nhau).")
        year = _year(args.year)
        gather = lambda connection: documents_data.slips_numbered(connection, year, args.numbers)  # noqa: E731
        details = {"nam": year, "so_phieu": args.numbers}
    else:
        if not (args.start and args.end) or args.year is not None:
            raise InputError("Cần --from D --to D, hoặc --year YYYY --numbers SỐ ….")
        start, end = _period(args)
        gather = lambda connection: documents_data.slips_in_period(connection, start, end)  # noqa: E731
        details = {"tu": start, "den": end}

    def write(office, slips, _today) -> None:
        if not slips:
            raise InputError("Không có phiếu nào trong khoảng thời gian đã chọn; không tạo tệp.")
        pdf.save(render.slips_pdf(office, slips, chosen), out, chosen.password)

    slips = _run(args, "in phiếu xác minh", "slips", gather, write, details)
    print(f"Đã in {len(slips)} phiếu yêu cầu xác minh lai lịch ra {out}" + _encrypted(chosen))
    return 0


def cmd_slip_register(args) -> int:
    out, chosen = Path(args.out), options(args)
    suffix = _suffix(out, (".pdf", ".xlsx"))
    start, end = _period(args)

    def write(office, slips, today) -> None:
        if suffix == ".pdf":
            pdf.save(render.slip_register_pdf(office, slips, start, end, today, chosen), out, chosen.password)
        else:
            render.slip_register_xlsx(out, slips, start, end, chosen.password)

    slips = _run(args, "in sổ theo dõi phiếu", "slips",
                 lambda connection: documents_data.slips_in_period(connection, start, end), write,
                 {"tu": start, "den": end}, PRINTED if suffix == ".pdf" else EXPORTED)
    print(f"Đã ghi sổ theo dõi ({len(slips)} phiếu) ra {out}" + _encrypted(chosen))
    return 0


def cmd_delegation(args) -> int:
    out, chosen = Path(args.out), options(args)
    suffix = _suffix(out, (".pdf", ".xlsx"))
    on = cli_date(args.date)

    def write(office, trip, today) -> None:
        if suffix == ".pdf":
            pdf.save(render.delegation_pdf(office, trip, today, chosen), out, chosen.password)
        else:
            render.delegation_xlsx(out, trip, chosen.password)

    trip = _run(args, "in danh sách đoàn ra", "delegations",
                lambda connection: documents_data.delegation_for_print(connection, args.decision, on), write,
                {"so_quyet_dinh": args.decision, "ngay": on}, PRINTED if suffix == ".pdf" else EXPORTED)
    print(f"Đã ghi danh sách trích ngang «{trip['name']}» ({len(trip['members'])} người) ra {out}"
          + _encrypted(chosen))
    return 0


def cmd_cadre(args) -> int:
    out, chosen = Path(args.out), options(args)
    _suffix(out, (".pdf",))
    try:
        birth = parse_partial(args.birth).iso if args.birth else None
    except RowProblem as problem:
        raise InputError(f"--birth: {problem.message}.") from None

    def write(office, cadre, today) -> None:
        pdf.save(render.cadre_pdf(office, cadre, today, chosen), out, chosen.password)

    _run(args, "in trích ngang cán bộ", "cadres",
         lambda connection: documents_data.cadre_for_print(connection, args.name, birth), write, {})
    print(f"Đã in trích ngang cán bộ ra {out}" + _encrypted(chosen))
    return 0


def cmd_report_document(args) -> int:
    """`report --format pdf|xlsx|docx`, a draft unless `--issue` reserves the next number."""
    if args.format == "json":
        raise InputError("--issue chỉ dùng khi lập báo cáo dạng pdf, xlsx hoặc docx.")
    out, chosen = Path(args.out), options(args)
    _suffix(out, (f".{args.format}",))
    start, end = _period(args)
    writers = {"pdf": lambda office, figures, issue: pdf.save(render.report_pdf(office, figures, issue, chosen),
                                                             out, chosen.password),
               "xlsx": lambda office, figures, issue: render.report_xlsx(out, office, figures, issue, chosen),
               "docx": lambda office, figures, issue: render.report_docx_file(out, office, figures, issue, chosen)}
    db = open_database(args)
    try:
        issued: Issue = documents_data.report_document(db, start, end, out, subject(start, end),
                                                       writers[args.format], issue=args.issue)
    finally:
        db.close()
    if issued.number is None:
        print(f"Đã lập dự thảo báo cáo (chưa có số) ra {out}" + _encrypted(chosen))
    else:
        print(f"Đã phát hành báo cáo số {issued.number} ngày {issued.on:%d/%m/%Y} ra {out}" + _encrypted(chosen))
    return 0


def _encrypted(chosen: render.Options) -> str:
    return " (đã mã hóa)" if chosen.password else ""
