"""`bvct documents list|print`: the outgoing register (sổ đăng ký văn bản đi), and an issued
document written again, in any of its formats, exactly as issued."""

from pathlib import Path

from ..core import documents_data, issued_terms, outgoing
from ..core.errors import Ambiguous, InputError
from ..io.documents import render
from .arguments import cli_date, encrypted_note, encryption_password, open_database, out_suffix
from .parser import VietnameseParser, add_encryption


def register(commands) -> None:
    parser = commands.add_parser("documents", help="sổ văn bản đi: các văn bản đã phát hành")
    actions = parser.add_subparsers(dest="action", required=True, metavar="list|print", parser_class=VietnameseParser)
    lister = actions.add_parser("list", help="liệt kê sổ văn bản đi")
    lister.set_defaults(handler=cmd_list)
    lister.add_argument("--year", metavar="NĂM", help="chỉ các văn bản của năm này (YYYY)")
    lister.add_argument("--term", metavar="NGÀY", help="chỉ các văn bản của nhiệm kỳ có ngày này (YYYY-MM-DD)")
    printer = actions.add_parser("print", help="in lại một văn bản đã phát hành, đúng như khi phát hành")
    printer.set_defaults(handler=cmd_print)
    printer.add_argument("number", metavar="SỐ", help="số văn bản như in trên văn bản, ví dụ 07-BC/BTCTU")
    printer.add_argument("--format", required=True, choices=["pdf", "docx", "xlsx"], help="định dạng tệp sẽ ghi")
    printer.add_argument("--out", required=True, metavar="TỆP", help="tệp sẽ ghi")
    printer.add_argument("--date", metavar="NGÀY", help="ngày văn bản, khi cùng số có ở hai nhiệm kỳ")
    add_encryption(printer)


def cmd_list(args) -> int:
    year = None
    if args.year is not None:
        if not (args.year.isdigit() and len(args.year) == 4):
            raise InputError(f"Năm «{args.year}» phải có dạng YYYY.")
        year = int(args.year)
    term = cli_date(args.term)
    db = open_database(args)
    try:
        found = issued_terms.view_listing(db, year, term)
    finally:
        db.close()
    if term and found.on(term) is None:
        first = f" (nhiệm kỳ đầu tiên bắt đầu ngày {found.terms[0].start:%d/%m/%Y})" if found.terms else ""
        print(f"Sổ văn bản đi không có văn bản nào: ngày {term:%d/%m/%Y} có trước mọi nhiệm kỳ{first}.")
        return 0
    if not found.entries:
        within = f" của nhiệm kỳ {found.on(term).label}" if term else ""
        print("Sổ văn bản đi chưa có văn bản nào" + within + (f" năm {year}." if year else "."))
        return 0
    print("Số\tNgày\tLoại\tTrích yếu\tNgười ký\tNơi nhận\tTình trạng\tNhiệm kỳ")
    for line in issued_terms.listed_text(found):
        print(line)
    return 0


def cmd_print(args) -> int:
    out = Path(args.out)
    out_suffix(out, (f".{args.format}",))
    password = encryption_password(args)
    db = open_database(args)
    try:
        entry, note = documents_data.reprint(
            db, args.number, cli_date(args.date),
            lambda content: render.write_document(content, args.format, out, password), out, args.format,
            encrypted=password is not None)
    except Ambiguous as several:
        raise several.asking_for("--date YYYY-MM-DD") from None
    finally:
        db.close()
    print(f"Đã in lại {outgoing.KIND_LABELS.get(entry.kind, entry.kind).lower()} số {entry.number_text} ngày "
          f"{entry.issued_on:%d/%m/%Y} (đúng như khi phát hành) ra {out}" + encrypted_note(password))
    if note:
        print(note)
    return 0
