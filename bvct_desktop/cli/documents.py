"""`bvct print …`: slips, the slip and tàng thư registers, a delegation's member list, a cadre's sheet, the letter
of a research between provinces' archives."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core import archive_letters, audit, documents_data, outgoing
from ..core.dates import PARTIAL_FORMS, parse_partial
from ..core.documents_data import EXPORTED, PRINTED
from ..core.errors import Ambiguous, InputError, RowProblem
from ..core.kinds import CADRES, DELEGATIONS, SLIPS
from ..io.documents import lists, pdf, render, sheets, slip_form
from .arguments import (
    cli_date,
    encrypted_note,
    open_database,
    out_suffix,
    period,
)
from .document_options import add_document_options, document_options, profile_note, unsigned_note
from .parser import VietnameseParser, add_period

# what tells records apart → the option
ASKING = {"ngày quyết định": "--date", "ngày văn bản": "--date", "ngày sinh": "--birth", "quê quán": "--home-town"}


def register(commands) -> None:
    printing = commands.add_parser("print", help="in tài liệu để ký (PDF) hoặc xuất danh sách (xlsx)")
    documents = printing.add_subparsers(dest="document", required=True, metavar="TÀI_LIỆU",
                                        parser_class=VietnameseParser)

    slips = documents.add_parser("slips", help="phiếu yêu cầu xác minh lai lịch, mỗi phiếu một trang")
    slips.set_defaults(handler=cmd_slips)
    add_period(slips)
    slips.add_argument("--year", metavar="NĂM", help="năm của các số phiếu (với --numbers)")
    slips.add_argument("--numbers", nargs="+", metavar="SỐ", help="số phiếu như ghi trên phiếu, ví dụ 12/PXM")
    add_document_options(slips, "TỆP.pdf")

    for name, register, told in (("slip-register", lists.SLIP_REGISTER, "sổ theo dõi phiếu xác minh của một kỳ"),
                                 ("archive-register", lists.ARCHIVE_REGISTER,
                                  "sổ theo dõi nghiên cứu tàng thư của một kỳ")):
        register_parser = documents.add_parser(name, help=told)
        register_parser.set_defaults(handler=cmd_register, register=register)
        add_period(register_parser, required=True)
        add_document_options(register_parser, "TỆP.pdf|TỆP.xlsx")

    delegation = documents.add_parser("delegation", help="danh sách trích ngang của một đoàn ra")
    delegation.set_defaults(handler=cmd_delegation)
    delegation.add_argument("--decision", required=True, metavar="SỐ", help="số quyết định cử đoàn")
    delegation.add_argument("--date", metavar="NGÀY", help="ngày quyết định (khi số quyết định dùng cho nhiều đoàn)")
    add_document_options(delegation, "TỆP.pdf|TỆP.xlsx")

    reminder = documents.add_parser("reminder", help="công văn đôn đốc trả lời phiếu quá hạn, gửi một nơi nhận")
    reminder.set_defaults(handler=cmd_reminder)
    reminder.add_argument("--recipient", required=True, metavar="NƠI_NHẬN", help="nơi nhận phiếu, như trong danh sách")
    reminder.add_argument("--on", metavar="NGÀY", help="ngày của công văn, ngày tính quá hạn (mặc định hôm nay)")
    reminder.add_argument("--issue", action="store_true", help="phát hành (lấy số CV, ghi sổ văn bản đi)")
    add_document_options(reminder, "TỆP.pdf|TỆP.docx")

    archive = documents.add_parser("archive-letter", help="công văn nghiên cứu tàng thư: trả lời tỉnh bạn, hoặc đề "
                                                          "nghị tỉnh bạn nghiên cứu")
    archive.set_defaults(handler=cmd_archive_letter)
    letter = archive.add_mutually_exclusive_group(required=True)
    letter.add_argument("--number", metavar="SỐ", help="số văn bản đã ghi ở yêu cầu: công văn của tỉnh bạn mà ta trả "
                                                       "lời, hoặc công văn đề nghị của ta")
    letter.add_argument("--province", metavar="TỈNH", help="tỉnh/thành của công văn chưa có số văn bản (công văn đề "
                                                          "nghị của ta chưa phát hành: --issue lấy số CV tiếp theo)")
    archive.add_argument("--date", metavar="NGÀY", help="ngày văn bản (khi số văn bản, hay tỉnh, dùng cho nhiều "
                                                        "công văn)")
    archive.add_argument("--issue", action="store_true", help="phát hành: chương trình lấy số CV tiếp theo của nhiệm "
                                                              "kỳ, ghi sổ văn bản đi, ghi số vào yêu cầu tàng thư")
    add_document_options(archive, "TỆP.pdf|TỆP.docx")

    cadre = documents.add_parser("cadre", help="trích ngang một cán bộ")
    cadre.set_defaults(handler=cmd_cadre)
    cadre.add_argument("--name", required=True, metavar="HỌ_TÊN", help="họ và tên cán bộ")
    cadre.add_argument("--birth", metavar="NGÀY_SINH", help=f"ngày sinh ({PARTIAL_FORMS}) khi có người trùng tên")
    cadre.add_argument("--home-town", metavar="QUÊ_QUÁN", help="quê quán khi có người trùng tên và ngày sinh")
    add_document_options(cadre, "TỆP.pdf")


def _year(text: str) -> int:
    if not (text.isdigit() and len(text) == 4):
        raise InputError(f"Năm «{text}» phải có dạng YYYY.")
    return int(text)


def _run(args, what: str, kind: str, gather: Callable, write: Callable, details: dict, action: str = PRINTED,
         named: Callable = lambda content: {}, days: Callable = lambda content, today: (today,)):
    """Writes the document `--out` and audits it as the desktop does a print saved: its file, whether encrypted, the
    «MẬT» mark `--secret`/`--no-secret` chose for it (else the setting's on the `days` its pages are headed as on,
    `documents_data.marked_on`: by default the day it was made, not the audit's, which may be the next),
    `details` of what was asked for (those given) and what `named` says of the records in it."""
    db = open_database(args)
    chosen = document_options(args)
    encrypted = {"ma_hoa": True} if chosen.password is not None else {}
    marked = {} if chosen.secrecy is None else {outgoing.SECRECY: chosen.secrecy}  # `--secret`, `--no-secret`
    try:
        today = db.clock().date()
        return documents_data.produce(db, what, kind, gather, lambda office, content: write(office, content, today),
                                      audit.file_at(args.out) | {
                                          key: value for key, value in details.items() if value is not None}, action,
                                      lambda content: named(content) | encrypted | marked,
                                      days=lambda content: days(content, today))
    except Ambiguous as several:
        raise several.asking_for(ASKING[several.needs]) from None
    finally:
        db.close()


def cmd_slips(args) -> int:
    out, chosen = Path(args.out), document_options(args)
    out_suffix(out, (".pdf",))
    if (args.numbers or args.year is not None) and (args.start or args.end):
        raise InputError("Dùng --year YYYY --numbers SỐ …, hoặc --from D --to D (không dùng cùng nhau).")
    if args.numbers:
        if args.year is None:
            raise InputError("Thiếu --year YYYY: số phiếu được đánh trong năm của Ngày phát hành "
                             "(ví dụ --year 2025 --numbers 12/PXM).")
        year = _year(args.year)
        gather = lambda connection: documents_data.slips_numbered(connection, year, args.numbers)  # noqa: E731
        details = {"nam": year}
    else:
        if not (args.start and args.end) or args.year is not None:
            raise InputError("Cần --from D --to D, hoặc --year YYYY --numbers SỐ ….")
        start, end = period(args)
        gather = lambda connection: documents_data.in_period(connection, SLIPS, start, end)  # noqa: E731
        details = {"tu": start, "den": end}

    def write(office, slips, _today) -> None:
        if not slips:
            raise InputError("Không có phiếu nào trong khoảng thời gian đã chọn; không tạo tệp.")
        pdf.save(render.slips_pdf(office, slips, chosen), out, chosen.password)

    slips = _run(args, "in phiếu xác minh", "slips", gather, write, details,
                 named=lambda found: {"tai_lieu": slip_form.TITLE.capitalize(), **documents_data.slips_named(found)},
                 days=lambda found, _today: [slip["issued_on"] for slip in found])
    print(f"Đã in {len(slips)} phiếu yêu cầu xác minh lai lịch ra {out}" + encrypted_note(chosen.password))
    profile_note(chosen)
    return 0


def cmd_register(args) -> int:
    """`print slip-register`, `print archive-register`: the register `args.register` of the period."""
    out, chosen, register = Path(args.out), document_options(args), args.register
    suffix = out_suffix(out, (".pdf", ".xlsx"))
    start, end = period(args)

    def write(office, records, today) -> None:
        if suffix == ".pdf":
            pdf.save(render.register_pdf(register, office, records, start, end, today, chosen), out, chosen.password)
        else:
            render.register_xlsx(register, out, office, records, start, end, today, chosen)

    def named(found) -> dict:
        records = (documents_data.slips_named(found) if register.kind is SLIPS
                   else documents_data.records_named(register.kind, found))
        return {"danh_sach": register.title.capitalize(), **records}

    records = _run(args, f"in {register.sheet.lower()}", register.kind.name,
                   lambda connection: documents_data.in_period(connection, register.kind, start, end), write,
                   {"tu": start, "den": end}, PRINTED if suffix == ".pdf" else EXPORTED, named)
    print(f"Đã ghi sổ theo dõi ({len(records)} {register.unit}) ra {out}" + encrypted_note(chosen.password))
    profile_note(chosen)
    return 0


def cmd_delegation(args) -> int:
    out, chosen = Path(args.out), document_options(args)
    suffix = out_suffix(out, (".pdf", ".xlsx"))
    on = cli_date(args.date)

    unsigned: list[str] = []

    def write(office, trip, today) -> None:
        if suffix == ".pdf":
            pdf.save(render.delegation_pdf(office, [trip], today, chosen), out, chosen.password)
        else:
            render.delegation_xlsx(out, office, trip, today, chosen)
        unsigned.extend(documents_data.unsigned_named(office, [trip], today))

    trip = _run(args, documents_data.PRINTING_DELEGATIONS, "delegations",
                lambda connection: documents_data.delegation_for_print(connection, args.decision, on), write,
                {"so_quyet_dinh": args.decision, "ngay": on}, PRINTED if suffix == ".pdf" else EXPORTED,
                lambda found: documents_data.documented(lists.DELEGATION_TITLE, DELEGATIONS, [found]),
                lambda found, today: [documents_data.delegation_day(found, today)])
    print(f"Đã ghi danh sách trích ngang «{trip['name']}» ({len(trip['members'])} người) ra {out}"
          + encrypted_note(chosen.password))
    for note in documents_data.members_binned(trip):
        print(f"Lưu ý: {note}")
    for named in unsigned:
        print(f"Lưu ý: danh sách trích ngang của đoàn {named}, {documents_data.UNSIGNED_LIST}; đặt bằng lệnh "
              "bvct settings set nguoi_ky \"Họ và tên\" (thêm --from NGÀY khi chỉ từ ngày ấy) rồi in lại.")
    profile_note(chosen)
    return 0


def cmd_reminder(args) -> int:
    out, chosen = Path(args.out), document_options(args)
    suffix = out_suffix(out, (".pdf", ".docx"))
    db = open_database(args)
    try:
        on = cli_date(args.on) or db.clock().date()
        issued, data = documents_data.reminder_document(db, args.recipient, on, out,
                                                        render.reminder_writer(suffix[1:], out, chosen), args.issue)
        unsigned = unsigned_note(db, issued)
    finally:
        db.close()
    what = ("Đã lập dự thảo công văn đôn đốc (chưa có số, có dấu DỰ THẢO)" if issued.number is None
            else f"Đã phát hành công văn đôn đốc số {issued.text} ngày {issued.on:%d/%m/%Y}")
    print(f"{what} gửi «{data['recipient']}» về {len(data['slips'])} phiếu quá hạn trả lời ra {out}"
          + encrypted_note(chosen.password))
    if caution := documents_data.reminder_caution(data["recipient"], on):
        print(caution)
    if unsigned:
        print(unsigned)
    profile_note(chosen)
    return 0


def cmd_archive_letter(args) -> int:
    out, chosen = Path(args.out), document_options(args)
    suffix = out_suffix(out, (".pdf", ".docx"))
    on = cli_date(args.date)
    db = open_database(args)
    try:
        issued, letter = documents_data.archive_letter_document(
            db, _letter_named(args, on), out,
            render.archive_letter_writer(suffix[1:], out, chosen), args.issue)
        unsigned = unsigned_note(db, issued)
    except Ambiguous as several:
        raise several.asking_for(ASKING[several.needs]) from None
    finally:
        db.close()
    what = archive_letters.subject(letter).removeprefix("V/v ")
    done = (f"Đã in công văn {what}" if issued.number is None
            else f"Đã phát hành công văn {what} số {issued.text} ngày {issued.on:%d/%m/%Y}")
    print(f"{done} gửi «{archive_letters.addressee(letter, letter['on'])}» về {len(letter['persons'])} trường hợp ra "
          f"{out}" + encrypted_note(chosen.password))
    if issued.number is not None:
        print(archive_letters.filled_told(letter, issued.text, issued.on))
    if unsigned:
        print(unsigned)
    profile_note(chosen)
    return 0


def _letter_named(args, on: dt.date | None) -> Callable[..., dict[str, Any]]:
    """How the archive letter the command names is found: by its number, or by its province when it has none yet."""
    if args.number:
        return lambda connection: archive_letters.letter_numbered(connection, args.number, on)
    return lambda connection: archive_letters.letter_unnumbered(connection, args.province, on)


def cmd_cadre(args) -> int:
    out, chosen = Path(args.out), document_options(args)
    out_suffix(out, (".pdf",))
    try:
        birth = parse_partial(args.birth).iso if args.birth else None
    except RowProblem as problem:
        raise InputError(f"--birth: {problem.message}.") from None

    def write(office, cadre, today) -> None:
        pdf.save(render.cadre_pdf(office, [cadre], today, chosen), out, chosen.password)

    _run(args, "in trích ngang cán bộ", "cadres",
         lambda connection: documents_data.cadre_for_print(connection, args.name, birth, args.home_town), write, {},
         named=lambda found: documents_data.documented(sheets.CADRE_TITLE, CADRES, [found]))
    print(f"Đã in trích ngang cán bộ ra {out}" + encrypted_note(chosen.password))
    profile_note(chosen)
    return 0
