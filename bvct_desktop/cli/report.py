"""`bvct report`: the periodic report's figures as JSON, or the report as a document (pdf, xlsx,
docx), a draft unless `--issue` reserves the next number."""

import json
from pathlib import Path

from ..core import report, report_notes
from ..core.errors import InputError
from ..core.files import output
from .arguments import (
    encrypted_note,
    open_database,
    out_suffix,
    period,
)
from .document_options import add_document_options, document_options, profile_note, unsigned_note
from .parser import add_period


def register(commands) -> None:
    parser = commands.add_parser("report", help="báo cáo định kỳ cho một kỳ")
    parser.set_defaults(handler=cmd_report)
    add_period(parser, required=True)
    parser.add_argument("--format", required=True, choices=["json", "xlsx", "pdf", "docx"],
                        help="json: chỉ các số liệu; xlsx, pdf, docx: bản báo cáo")
    parser.add_argument("--notes", metavar="TỆP", help="các phần do cán bộ viết (Ưu điểm; Hạn chế, khuyết điểm; "
                                                         "Phương hướng, nhiệm vụ), mỗi phần bắt đầu bằng «## Tên phần»")
    parser.add_argument("--issue", action="store_true", help="phát hành (lấy số văn bản)")
    add_document_options(parser, "TỆP|-", "tệp sẽ ghi; «-»: số liệu JSON ra màn hình")


def cmd_report(args) -> int:
    start, end = period(args)
    if args.format != "json" or args.out != "-":  # "-": the figures on standard output
        out_suffix(Path(args.out), (f".{args.format}",))
    if args.format == "json":
        _figures_only(args)
        return _figures(args, start, end)
    return _document(args, start, end)


def _figures_only(args) -> None:
    """Refuses what only a document takes: the JSON figures are neither issued, annotated, marked
    secret, laid out nor encrypted."""
    given = [option for option, value in (("--issue", args.issue), ("--notes", args.notes),
                                          ("--secret", args.secrecy), ("--profile", args.profile)) if value]
    if given:
        named = " và ".join([", ".join(given[:-1]), given[-1]] if len(given) > 1 else given)
        raise InputError(f"{named} chỉ dùng khi lập báo cáo dạng pdf, xlsx hoặc docx; "
                         "số liệu dạng json không có các phần ấy nên không ghi gì.")
    if args.encrypt_password_file:
        raise InputError("Chỉ mã hóa được tệp xlsx, docx hoặc pdf; số liệu dạng json không mã hóa được nên "
                         "không ghi gì. Bỏ --encrypt-password-file, hoặc chọn --format xlsx, docx hoặc pdf.")


def _figures(args, start, end) -> int:
    db = open_database(args)
    try:
        text = json.dumps(report.figures(db, start, end), ensure_ascii=False, indent=2)
        if args.out != "-":
            with output(Path(args.out)) as temp:  # while open: never over the database's own files
                temp.write_text(text + "\n", encoding="utf-8")
    finally:
        db.close()
    print(text if args.out == "-" else f"Đã ghi số liệu báo cáo: {args.out}")
    return 0


def _document(args, start, end) -> int:
    from ..core import documents_data  # the writers, only for a document: the JSON figures start without them
    from ..io.documents import render
    from ..io.documents.report_content import subject

    out, chosen = Path(args.out), document_options(args)
    notes = report_notes.read_file(Path(args.notes)) if args.notes else None
    db = open_database(args)
    try:
        before = documents_data.reported_before(db, start, end) if args.issue else None
        issued = documents_data.report_document(db, start, end, out, subject(start, end),
                                                       render.report_writer(args.format, out, chosen),
                                                       notes=notes, issue=args.issue)
        unsigned = unsigned_note(db, issued)
    finally:
        db.close()
    if issued.number is None:
        print(f"Đã lập dự thảo báo cáo (chưa có số, có dấu DỰ THẢO) ra {out}" + encrypted_note(chosen.password))
    else:
        print(f"Đã phát hành báo cáo số {issued.text} ngày {issued.on:%d/%m/%Y} ra {out}"
              + encrypted_note(chosen.password))
        unfinished = documents_data.period_unfinished(end, issued.on)
        if unfinished:
            print(f"Lưu ý: {unfinished}.")
        if before:
            told, last = before
            print(f"Lưu ý: {told}. Báo cáo {issued.text} là một văn bản mới, mang số mới (số văn bản không dùng lại); "
                  f"để in lại báo cáo đã phát hành: bvct documents print {last} --format {args.format} --out TỆP.")
    if unsigned:
        print(unsigned)
    profile_note(chosen)
    return 0
