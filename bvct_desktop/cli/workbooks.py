"""The register workbooks: `bvct template`, `bvct import` and `bvct export`."""

import contextlib
import sys
from pathlib import Path

from ..core.errors import BvctError, InputError
from ..core.kinds import KINDS, kind_named
from ..core.numbers import grouped
from ..io import xlsx_writer
from .parser import add_encryption, add_period

# `bvct template` loads only the declarations and the workbook writer: the database, the importer
# and the reader are imported by the commands that use them.


def register(commands) -> None:
    kinds = list(KINDS)

    template = commands.add_parser("template", help="tệp Excel mẫu để nhập dữ liệu")
    template.set_defaults(handler=cmd_template, database=False)
    template.add_argument("kind", choices=kinds, metavar="LOẠI")
    template.add_argument("--out", required=True, metavar="TỆP.xlsx", help="tệp mẫu sẽ ghi")

    imp = commands.add_parser("import", help="nhập dữ liệu từ Excel (tất cả hoặc không dòng nào)")
    imp.set_defaults(handler=cmd_import, begin=start_import)
    imp.add_argument("kind", choices=kinds, metavar="LOẠI")
    imp.add_argument("file", metavar="TỆP.xlsx")
    imp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")

    export = commands.add_parser("export", help="xuất dữ liệu ra Excel theo mẫu nhập")
    export.set_defaults(handler=cmd_export)
    export.add_argument("kind", choices=kinds, metavar="LOẠI")
    export.add_argument("--out", required=True, metavar="TỆP.xlsx", help="tệp sẽ ghi")
    add_period(export)
    add_encryption(export)


def cmd_template(args) -> int:
    from .. import paths
    from ..core import files, own_files
    from ..core.address import is_server_url

    kind = kind_named(args.kind)
    choice = paths.chosen(args.db)
    if not (choice and is_server_url(choice.text)):  # the database no template opens is never written over
        database = paths.database_from(args.db)
        files.guard(database, own_files.of(database))
    xlsx_writer.write_template(kind, Path(args.out))
    print(f"Đã ghi tệp mẫu «{kind.title}»: {args.out}")
    return 0


def start_import(args) -> None:
    """Starts reading the sheet, before the program loads the importer and the database and unlocks
    it: the reader child works meanwhile. A file that is missing or no xlsx is told once the officer
    is logged in (and audited), as a file the child cannot read."""
    from ..io import xlsx_reader

    try:
        args.reading = xlsx_reader.start_reading(Path(args.file), len(kind_named(args.kind).fields))
    except InputError as unreadable:
        args.reading = _Unreadable(unreadable)


class _Unreadable:
    """The reading of a file refused before it began: its result is the refusal."""

    def __init__(self, error: InputError):
        self._error = error

    def read_styles_ahead(self, _legacy_font) -> None:
        pass

    def result(self):
        raise self._error

    def close(self) -> None:
        pass


def cmd_import(args) -> int:
    result = _imported(args)
    _print_import(result, Path(args.file).name)
    if not result.ok:
        print(f"Không nhập: {len(result.problems)} lỗi; cơ sở dữ liệu không thay đổi.", file=sys.stderr)
        return 2
    return 0


def _imported(args):
    kind = kind_named(args.kind)
    reading = args.reading  # started first (start_import)
    from ..core import importing
    from ..core.legacy import encoding_of_font
    from .arguments import open_database

    with contextlib.closing(reading):
        try:
            db = open_database(args)
        except BvctError:
            reading.result()  # what is wrong with the file is told first, as when it was read first
            raise
        try:
            # while the reader child finishes: what planning needs, and the fonts a legacy register's
            # conversion will ask for
            importing.get_ready(kind)
            reading.read_styles_ahead(encoding_of_font)
            try:
                sheet = reading.result()
            except InputError as unreadable:
                importing.audit_unreadable(db, kind, Path(args.file), unreadable.message, args.dry_run)
                raise
            if sheet.described:
                print(sheet.described)
            return importing.import_sheet(db, kind, sheet, dry_run=args.dry_run, let_go=True)
        finally:
            db.close()


def _print_import(result, name: str) -> None:
    from ..core import importing
    from ..core.plans.base import CREATED, UNCHANGED, UPDATED

    heading = "Kiểm tra (không ghi)" if result.dry_run else "Nhập"
    print(f"{heading} «{result.kind.title}» từ {name}: {grouped(result.rows)} dòng.")
    if result.legacy.cells:
        print(f"  {importing.LEGACY_CELLS}: {grouped(result.legacy.cells)}")
        for before, after in result.legacy.samples:
            print(f"    «{before}» → «{after}»")
    if result.merged_cells:
        print(f"  {importing.MERGED_CELLS}: {grouped(result.merged_cells)}")
    if result.hidden_rows:
        print(f"  {result.hidden_line()}")
    if result.hidden_columns:
        print(f"  {result.hidden_columns_line()}")
    if result.problems:
        for problem in result.problems:
            print(str(problem))
        if result.stopped_early:
            print(f"Dừng kiểm tra sau {importing.MAX_PROBLEMS} lỗi đầu tiên; sửa các lỗi này rồi kiểm tra lại "
                  "để thấy các lỗi tiếp theo.")
        return
    print(f"  Thêm mới: {grouped(result.counts[CREATED])}")
    print(f"  Đã có, không đổi: {grouped(result.counts[UNCHANGED])}")
    print(f"  Cập nhật: {grouped(result.counts[UPDATED])}")
    for line in importing.first_lines(result.updates, "dòng cập nhật khác", grouped):
        print(f"    {line}")
    for line in result.extra_lines(grouped):
        print(f"  {line}")
    if result.ignored_columns:
        print(f"  Cột không dùng (bỏ qua): {', '.join(result.ignored_columns)}")
    if result.warnings:
        print(f"  Lưu ý: {grouped(result.rows_to_look_at)} dòng được nhập nhưng cần xem lại (không phải lỗi):")
        for line in result.note_lines(grouped):
            print(f"    {line}")
    if result.dry_run:
        print("Chưa ghi gì vào cơ sở dữ liệu (--dry-run).")


def cmd_export(args) -> int:
    from ..core import exporting
    from .arguments import encrypted_note, encryption_password, open_database, period

    kind = kind_named(args.kind)
    start, end = period(args)
    password = encryption_password(args)
    out = Path(args.out)
    db = open_database(args)
    try:
        count = exporting.export(db, kind, out, lambda rows: xlsx_writer.write_export(kind, rows, out, password),
                                 start, end, encrypted=password is not None)
    finally:
        db.close()
    print(f"Đã xuất {grouped(count)} dòng «{kind.title}» ra {out}" + encrypted_note(password))
    return 0
