"""The importer's service, apart from reading and writing (those are tested through `bvct import`)."""

import datetime as dt
import gc
import threading

import pytest
from sqlalchemy import select

from bvct_desktop.core import browse, gazetteer, importing, recycle_bin, vault
from bvct_desktop.core.fields import ColumnParser
from bvct_desktop.core.kinds import ARCHIVE_REQUESTS, CADRES, COMPLAINTS, DELEGATIONS, KINDS, RELATIVES, SLIPS
from bvct_desktop.core.people import PersonBook
from bvct_desktop.core.plans import PLANS
from bvct_desktop.core.plans.base import CREATED, UNCHANGED
from bvct_desktop.core.schema import audit_log, delegation_members, delegations, persons, slips
from bvct_desktop.io.sheet_xml import NumberForm
from tests.conftest import ADMIN, PASSWORD
from tests.fixtures.legacy import to_tcvn3
from tests.rows_sheet import rows_sheet


@pytest.fixture
def db(cli):
    database = vault.unlock(cli.db, ADMIN, PASSWORD)
    yield database
    database.close()


def test_an_import_runs_without_the_cycle_collector_and_gives_it_back_whatever_happens(db, monkeypatch):
    """Each collection would walk every object held — the desktop keeps the whole sheet it previews —
    while an import makes hardly any cycles: whichever face calls the service, it plans and writes
    with the collector paused."""
    seen = []
    take = PLANS["cadres"].take
    monkeypatch.setattr(PLANS["cadres"], "take", lambda plan, *args, **kwargs: seen.append(gc.isenabled())
                        or take(plan, *args, **kwargs))
    sheet = rows_sheet([["Họ và tên", "Ngày sinh"], ["Lê Văn Một", "1960"], ["Lê Văn Hai", "1961"]])
    assert gc.isenabled()
    assert importing.import_sheet(db, CADRES, sheet).ok
    assert seen == [False, False] and gc.isenabled()

    def failing(*_args, **_kwargs):
        raise RuntimeError("hỏng giữa chừng")

    monkeypatch.setattr(PLANS["cadres"], "take", failing)
    with pytest.raises(RuntimeError):
        importing.import_sheet(db, CADRES, sheet)
    assert gc.isenabled()
    monkeypatch.setattr(PLANS["cadres"], "take", take)
    gc.disable()  # a caller that had paused it itself finds it paused still
    try:
        assert importing.import_sheet(db, CADRES, sheet, dry_run=True).ok
        assert not gc.isenabled()
    finally:
        gc.enable()


class Stopped(Exception):
    """What the desktop's Cancel raises from `progress`."""


def _stored(db) -> tuple:
    """The database's persons, cadres and audit entries, and a file's schema objects (a large import
    sets its indexes aside there)."""
    with db.read() as connection:
        counts = [connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
                  for table in ("persons", "cadres", "audit_log")]
        schema = (connection.exec_driver_sql("SELECT type, name, sql FROM sqlite_master ORDER BY name").all()
                  if connection.dialect.name == "sqlite" else None)
    return counts, schema


def _stopped_at(db, sheet, step: int) -> tuple[importing.ImportResult | None, list[str | None]]:
    """The import of `sheet` and the stages it told, stopped (None) where its writing reaches `step`: the steps
    of the import's own thread, counted as it takes them (the office server's listener for «Hủy» calls too, on a
    thread of its own, every 0.1 s: its calls depend on time, tests/server/test_cancelling.py stops them)."""
    stages, importer = [], threading.current_thread()

    def progress(done: int, total: int, stage: str | None = None) -> None:
        if threading.current_thread() is not importer:
            return
        stages.append(stage)
        if stages.count(importing.WRITING) > step:
            raise Stopped

    try:
        return importing.import_sheet(db, CADRES, sheet, progress=progress), stages
    except Stopped:
        return None, stages


@pytest.mark.parametrize("rows", [3, 1_200])  # one by one, and in bulk (indexes set aside, made beside the entries)
def test_an_import_can_be_stopped_at_every_step_of_its_writing_and_leaves_the_database_as_it_was(db, rows):
    """The desktop's Cancel is heard while the rows are written, not only while they are checked:
    each step of the writing reports WRITING, and raising there rolls the whole import back."""
    sheet = rows_sheet([["Họ và tên", "Ngày sinh"], *([f"Lê Văn Số {n}", "1960"] for n in range(rows))])
    before, step = _stored(db), 0
    while (outcome := _stopped_at(db, sheet, step))[0] is None:
        assert _stored(db) == before, f"stopped at step {step} of the writing"
        step += 1
    result, stages = outcome
    assert result.ok and result.counts["created"] == rows
    assert step >= 6  # before, per table, the entries, after
    written = stages.index(importing.WRITING)  # parsed, prepared, checked, finished, then written
    assert set(stages[:written]) == {None} and stages[written:] == [importing.WRITING] * step
    assert _stored(db)[0][:2] == [rows, rows]


def test_cancel_pressed_while_the_rows_are_checked_is_heard_within_a_fraction_of_a_second(db, monkeypatch):
    """«Hủy» pressed as the rows begin to be checked stops the checking within TOLD_EVERY rows (100 cadres
    take 7 ms, 38 at most, here), not at the 1,000th row nor at the writing: nothing is written."""
    taken, pressed = [], []
    take = PLANS["cadres"].take
    monkeypatch.setattr(PLANS["cadres"], "take", lambda plan, *args: taken.append(None) or pressed.append(None)
                        or take(plan, *args))

    def progress(done: int, total: int, stage: str | None = None) -> None:
        if pressed:
            raise Stopped

    sheet = rows_sheet([["Họ và tên", "Ngày sinh"], *([f"Lê Văn Số {n}", "1960"] for n in range(999))])
    before = _stored(db)
    with pytest.raises(Stopped):
        importing.import_sheet(db, CADRES, sheet, progress=progress)
    assert len(taken) == importing.TOLD_EVERY <= 100
    assert _stored(db) == before


def test_cancel_pressed_while_the_cells_are_parsed_is_heard_before_the_next_piece(db, monkeypatch):
    """«Hủy» pressed while a column's first PARSED_EVERY cells are parsed (a large sheet's parsing takes
    seconds on the office PCs) stops the import there: no other cell parsed, no row planned, nothing written."""
    parsed, taken, pressed = [], [], []
    parse = ColumnParser.parse
    monkeypatch.setattr(ColumnParser, "parse", lambda parser, raws: parsed.append(len(raws))
                        or pressed.append(None) or parse(parser, raws))
    monkeypatch.setattr(PLANS["cadres"], "take", lambda *_args: taken.append(None))

    def progress(done: int, total: int, stage: str | None = None) -> None:
        if pressed:
            raise Stopped

    rows = 2 * importing.PARSED_EVERY + 1
    sheet = rows_sheet([["Họ và tên", "Ngày sinh"], *([f"Lê Văn Số {n}", "1960"] for n in range(rows))])
    before = _stored(db)
    with pytest.raises(Stopped):
        importing.import_sheet(db, CADRES, sheet, progress=progress)
    assert parsed == [importing.PARSED_EVERY] and taken == []
    assert _stored(db) == before


def _pressing(pressed: list) -> importing.Progress:
    """The desktop's `progress`: raises Stopped once «Hủy» was pressed (`pressed` not empty)."""
    def progress(done: int, total: int, stage: str | None = None) -> None:
        if pressed:
            raise Stopped
    return progress


def test_cancel_pressed_while_old_text_is_converted_is_heard_before_the_conversion_ends(db, monkeypatch):
    """«Hủy» pressed while a TCVN3 sheet's fonts are read (a legacy register of 100,000 rows takes seconds to
    convert) stops the import in the conversion: no cell converted, none parsed, nothing written."""
    pressed, parsed = [], []
    monkeypatch.setattr(ColumnParser, "parse", lambda *_args: parsed.append(None))
    sheet = rows_sheet([[to_tcvn3("Họ và tên"), to_tcvn3("Ngày sinh")], [to_tcvn3("Đặng Thùy Trâm"), "1968"]],
                       font=".VnTime")
    cells = [list(column) for column in sheet.columns]
    column_fonts = sheet.column_fonts
    monkeypatch.setattr(sheet, "column_fonts", lambda *args: pressed.append(None) or column_fonts(*args))
    before = _stored(db)
    with pytest.raises(Stopped):
        importing.import_sheet(db, CADRES, sheet, progress=_pressing(pressed))
    assert sheet.columns == cells and parsed == []
    assert _stored(db) == before


@pytest.mark.parametrize("dry_run", [False, True])
def test_cancel_pressed_while_the_plan_is_prepared_is_heard_before_the_first_row(db, monkeypatch, dry_run):
    """«Hủy» pressed while the plan looks up the persons a file names (before its first row is checked)
    stops the import there: no row checked, nothing written."""
    pressed, taken = [], []
    prefetch = PLANS["cadres"].prefetch
    monkeypatch.setattr(PLANS["cadres"], "prefetch", lambda plan, rows: prefetch(plan, rows) or pressed.append(None))
    take = PLANS["cadres"].take
    monkeypatch.setattr(PLANS["cadres"], "take", lambda plan, *args: taken.append(None) or take(plan, *args))
    sheet = rows_sheet([["Họ và tên", "Ngày sinh"], *([f"Lê Văn Số {n}", "1960"] for n in range(150))])
    before = _stored(db)
    with pytest.raises(Stopped):
        importing.import_sheet(db, CADRES, sheet, dry_run=dry_run, progress=_pressing(pressed))
    assert taken == []
    assert _stored(db) == before


def test_cancel_pressed_while_the_persons_are_looked_up_is_heard_at_the_next_query(db, monkeypatch):
    """With the persons stored, looking a large file's up takes hundreds of queries (100,000 cadres stored:
    5 s): «Hủy» is heard before each, not once they are all run."""
    sheet = rows_sheet([["Họ và tên", "Ngày sinh", "Số CCCD"], ["Lê Văn Một", "1960", "001060000001"]])
    assert importing.import_sheet(db, CADRES, sheet).ok
    pressed, loads = [], []
    load_where = PersonBook._load_where
    monkeypatch.setattr(PersonBook, "_load_where", lambda book, *args: loads.append(None) or pressed.append(None)
                        or load_where(book, *args))
    before = _stored(db)
    with pytest.raises(Stopped):
        importing.import_sheet(db, CADRES, sheet, progress=_pressing(pressed))
    assert len(loads) == 1  # by name; not by CCCD
    assert _stored(db) == before


@pytest.mark.parametrize("dry_run", [False, True])
def test_cancel_pressed_while_the_plan_is_finished_is_heard_before_its_writes_are_made(db, monkeypatch, dry_run):
    """«Hủy» pressed after the last row is checked, while the plan finishes (100,000 slips: a second), stops
    the import before the writes are laid out (another second), a check as an import: nothing written."""
    pressed, laid_out = [], []
    finish = PLANS["cadres"].finish
    monkeypatch.setattr(PLANS["cadres"], "finish", lambda plan: pressed.append(None) or finish(plan))
    writes = PLANS["cadres"].writes
    monkeypatch.setattr(PLANS["cadres"], "writes", lambda plan: laid_out.append(None) or writes(plan))
    sheet = rows_sheet([["Họ và tên", "Ngày sinh"], ["Lê Văn Một", "1960"]])
    before = _stored(db)
    with pytest.raises(Stopped):
        importing.import_sheet(db, CADRES, sheet, dry_run=dry_run, progress=_pressing(pressed))
    assert laid_out == []
    assert _stored(db) == before


@pytest.mark.parametrize("rows", [[["Lê Văn Một", "1960"], ["Lê Văn Hai", "1961"]], [["Lê Văn Một", "31/02/1960"]]],
                         ids=["clean", "refused"])
def test_an_import_that_writes_nothing_lays_out_no_writes_and_tells_and_audits_what_one_that_does_would(
        db, monkeypatch, rows):
    """A check («Kiểm tra», --dry-run), like a file refused, writes nothing: the writes are not laid out (100,000
    slips: a second), yet it tells and audits what the import, which lays them out, then does."""
    laid_out = []
    writes = PLANS["cadres"].writes
    monkeypatch.setattr(PLANS["cadres"], "writes", lambda plan: laid_out.append(None) or writes(plan))
    sheet = rows_sheet([["Họ và tên", "Ngày sinh"], *rows])
    checked = importing.import_sheet(db, CADRES, sheet, dry_run=True, progress=lambda *_said: None)
    assert laid_out == []
    imported = importing.import_sheet(db, CADRES, rows_sheet([["Họ và tên", "Ngày sinh"], *rows]))
    assert laid_out == ([None] if imported.ok else [])
    assert (checked.ok, checked.counts, checked.problems, checked.warnings, checked.extras, checked.updates) == (
        imported.ok, imported.counts, imported.problems, imported.warnings, imported.extras, imported.updates)
    entries = _import_entries(db)
    assert [action for action, *_ in entries] == ["thử nhập", "nhập"] and entries[0][1:] == entries[1][1:]


def _import_entries(db) -> list[tuple]:
    """The audit entries of the imports and checks run, oldest first: (action, outcome, details)."""
    with db.read() as connection:
        return [tuple(entry) for entry in connection.execute(
            select(audit_log.c.action, audit_log.c.outcome, audit_log.c.details)
            .where(audit_log.c.action.in_(["nhập", "thử nhập"])).order_by(audit_log.c.id))]


def test_cells_parsed_piece_by_piece_tell_the_same_rows_as_a_whole_column(db, monkeypatch):
    """The desktop parses PARSED_EVERY cells between two calls of `progress`, the command line (no
    progress) each column at once: the same rows, the same problems at the same row numbers (a value
    refused in one piece, in the next one too)."""
    monkeypatch.setattr(importing, "PARSED_EVERY", 2)
    sheet = rows_sheet([["Họ và tên", "Ngày sinh"], ["Lê Văn Một", "1960"], ["Lê Văn Hai", "1961"],
                        ["Lê Văn Ba", "1962"], ["Lê Văn Bốn", "31/02/1963"], ["Lê Văn Năm", "31/02/1963"]])
    pieces = []
    parse = ColumnParser.parse
    monkeypatch.setattr(ColumnParser, "parse", lambda parser, raws: pieces.append(len(raws)) or parse(parser, raws))
    in_pieces = importing.import_sheet(db, CADRES, sheet, dry_run=True, progress=lambda *_said: None)
    assert pieces == [2, 2, 1] * 2  # 2 columns of 5 cells, 3 pieces each
    pieces.clear()
    whole = importing.import_sheet(db, CADRES, sheet, dry_run=True)
    assert pieces == [5, 5]
    assert [(problem.row, problem.header) for problem in in_pieces.problems] == [(5, "Ngày sinh"), (6, "Ngày sinh")]
    assert in_pieces.problems == whole.problems and in_pieces.rows == whole.rows == 5


def test_getting_ready_loads_the_gazetteer_for_rows_that_name_home_towns():
    gazetteer.load.cache_clear()
    importing.get_ready(COMPLAINTS)  # names a person, not their home town
    assert gazetteer.load.cache_info().currsize == 0
    importing.get_ready(CADRES)
    assert gazetteer.load.cache_info().currsize == 1


def test_empty_rows_are_skipped_and_the_others_keep_their_excel_numbers():
    """A row with no value in any column the kind reads is empty: a value only in a column the import
    ignores (the «STT» an office list numbers in advance, rows not yet filled in) does not make it a row."""
    sheet = rows_sheet([["STT", "Họ và tên", "Ngày sinh", "Cột khác"],
                        [1, "Lê Văn Một", "1960", None],
                        [2, None, "", None],
                        [3, "  ", None, " \t"],
                        [4, "Lê Văn Bốn", "1970", None],
                        [5, None, None, "chỉ có cột khác"],
                        [6, "", None, ""],
                        [7, None, "1980", None]])
    columns, _, problems = importing.map_headers(CADRES, sheet.row(1))
    rows = importing.parse_rows(CADRES, sheet, columns, problems, [column[1:] for column in sheet.columns])
    assert [(number, values["full_name"]) for number, values in rows] == [(2, "Lê Văn Một"), (5, "Lê Văn Bốn")]
    assert [(problem.row, problem.header) for problem in problems] == [(8, "Họ và tên")]


def test_a_row_of_formulas_without_their_values_is_refused_not_skipped_as_empty(db):
    """A list a program wrote with formulas, never opened in Excel, reads as empty cells: a row of only
    those shows values in Excel, and is told with the others, not dropped as an empty row."""
    sheet = rows_sheet([["Họ và tên", "Ngày sinh"], [None, None], ["Lê Văn Ba", "1962"]],
                       formula_without_value={(2, 1), (2, 2)})
    assert importing.rows_with_data(CADRES, sheet) == 2
    result = importing.import_sheet(db, CADRES, sheet, dry_run=True)
    assert result.rows == 2 and [(problem.row, problem.header) for problem in result.problems] == [
        (2, "Họ và tên"), (2, "Ngày sinh")]


def test_the_rows_counted_are_those_that_carry_data(db):
    """The summary's «N dòng»: the rows with a value in a column the kind reads, valid or not."""
    sheet = rows_sheet([["STT", "Họ và tên", "Ngày sinh"], [1, "Lê Văn Một", "1960"], [2, None, None],
                        [3, "Lê Văn Ba", "1962"], *([n, None, None] for n in range(4, 40))])
    result = importing.import_sheet(db, CADRES, sheet, dry_run=True)
    assert result.ok and result.rows == 2 and result.counts[CREATED] == 2
    assert importing.rows_with_data(CADRES, sheet) == 2
    sheet.columns[2][3] = "31/02/1962"
    result = importing.import_sheet(db, CADRES, sheet, dry_run=True)
    assert not result.ok and result.rows == 2


@pytest.mark.parametrize(("kind", "rows", "header"), [
    (COMPLAINTS, [["Ngày nhận", "Loại đơn", "Nội dung tóm tắt"], ["01/02/2026", "Tố cáo", "\u200b\u00a0"]],
     "Nội dung tóm tắt"),
    (ARCHIVE_REQUESTS, [["Loại yêu cầu", "Tỉnh/thành", "Ngày văn bản", "Họ và tên đối tượng"],
                        ["Nhờ tỉnh bạn nghiên cứu", "Gia Lai", "05/01/2026", "\ufeff"]], "Họ và tên đối tượng"),
    (DELEGATIONS, [["Tên đoàn", "Nước đến", "Ngày đi", "Ngày về", "Họ và tên thành viên", "Ngày sinh"],
                   ["\u00a0\u200b \u2060", "Lào", "01/03/2026", "05/03/2026", "Lê Văn Một", "1960"]], "Tên đoàn")])
def test_a_required_cell_of_invisible_characters_only_is_refused_as_empty(db, kind, rows, header):
    """A cell pasted with only a zero-width space or a BOM in it holds nothing: the row is refused as
    an empty one is, and nothing is written (an empty record would count in the report)."""
    persons_and_cadres = _stored(db)[0][:2]
    result = importing.import_sheet(db, kind, rows_sheet(rows))
    assert [str(problem) for problem in result.problems] == [f"Dòng 2, cột «{header}»: bắt buộc, không được để trống"]
    assert browse.count(db, kind.name) == 0 and _stored(db)[0][:2] == persons_and_cadres


def test_a_sheet_its_caller_converted_is_imported_as_it_is_with_that_conversion_told(db, monkeypatch):
    """The desktop converts a legacy sheet once, when it reads it, to count and show its rows: each
    import of it then tells that conversion, and converts nothing again."""
    sheet = rows_sheet([[to_tcvn3("Họ và tên"), to_tcvn3("Ngày sinh")], [to_tcvn3("Đặng Thùy Trâm"), "1968"]],
                       font=".VnTime")
    converted = importing.convert_sheet(sheet)
    assert importing.rows_with_data(CADRES, sheet) == 1
    monkeypatch.setattr(importing, "convert_sheet", None)
    result = importing.import_sheet(db, CADRES, sheet, dry_run=True, converted=converted)
    assert result.ok and result.rows == 1 and result.legacy is converted and converted.cells == 3


@pytest.mark.parametrize("above, removed", [(1, "dòng phía trên nó"), (3, "3 dòng phía trên nó")])
def test_headers_below_a_title_are_told_to_be_moved_up(db, above, removed):
    """A list with its title (and a blank line) above the headers: the officer is told which row holds
    them, not that every column is missing."""
    sheet = rows_sheet([["DANH SÁCH CÁN BỘ NĂM 2026", None, None], *[[None] * 3] * (above - 1),
                        ["Họ và tên", "Ngày sinh", "Quê quán"], ["Đặng Văn Giang", "01/02/1970", "Phan Thiết"]])
    result = importing.import_sheet(db, CADRES, sheet, dry_run=True)
    assert [str(problem) for problem in result.problems] == [
        f"Dòng {above + 1}: có vẻ là dòng tiêu đề cột, nhưng tiêu đề cột phải ở dòng 1: hãy xóa {removed} "
        "rồi nhập lại"]


def test_a_header_of_two_rows_is_refused_not_read_without_its_lower_row(db):
    """A group cell merged over the columns it names («Đảng» over D1:E1), the field names in row 2: read
    from row 1 alone, Ngày vào Đảng and Ngày chính thức would be ignored and every row imported without
    them. The officer is told to keep one header row, the field names in row 1."""
    sheet = rows_sheet([["Họ và tên", "Ngày sinh", "Quê quán", "Đảng", None],
                        [None, None, None, "Ngày vào Đảng", "Ngày chính thức"],
                        ["Đặng Văn Giang", "01/02/1970", "Phan Thiết", "03/02/1995", "03/02/1996"]])
    result = importing.import_sheet(db, CADRES, sheet)
    assert [str(problem) for problem in result.problems] == [
        "Dòng 2: có vẻ là dòng tiêu đề cột (Ngày vào Đảng, Ngày chính thức), nhưng tiêu đề cột chỉ được có một "
        "dòng, dòng 1: hãy ghi các tên cột ấy vào dòng 1 (thay cho tiêu đề nhóm), xóa dòng 2 rồi nhập lại"]
    assert browse.count(db, "cadres") == 0


def test_a_number_excel_shows_with_text_around_it_is_read_as_shown_where_the_value_is_text(db):
    """Số phiếu 18 formatted 0"/PXM" is «18/PXM» on the officer's screen and on the slip: so it is stored.
    A column that is no text as written keeps the number."""
    headers = ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Nơi nhận phiếu"]
    sheet = rows_sheet([headers, [18, "02/03/2026", "Lê Văn Mười", "Cục A93B – Bộ Công an"],
                        [7.0, "03/03/2026", "Lê Thị Mười", "Cục A93B – Bộ Công an"]],
                       numbers_shown={(2, 1): NumberForm("", 1, "/PXM"), (3, 1): NumberForm("PX-", 3, "")})
    assert importing.import_sheet(db, SLIPS, sheet).ok
    with db.read() as connection:
        assert connection.execute(select(slips.c.number).order_by(slips.c.id)).scalars().all() == ["18/PXM", "PX-007"]


def test_a_missing_column_is_told_when_no_row_below_holds_the_headers(db):
    sheet = rows_sheet([["Họ và tên", "Quê quán"], ["Đặng Văn Giang", "Phan Thiết"], ["Họ và tên", "Quê quán"]])
    result = importing.import_sheet(db, CADRES, sheet, dry_run=True)
    assert [str(problem) for problem in result.problems] == ["Dòng 1, cột «Ngày sinh»: thiếu cột bắt buộc"]


def test_a_warning_names_the_record_its_row_was_written_to(db):
    """Whoever completes the rows an import left incomplete acts on those records, not on every
    record in that state (older imports' rows included)."""
    from bvct_desktop.core.kinds import SLIPS

    headers = ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Nơi nhận phiếu", "Kết quả",
               "Ngày nhận kết quả"]
    sheet = rows_sheet([headers, ["30/PXM", "02/03/2026", "Lê Văn Mười", "Cục A93B – Bộ Công an", "Không có tàng thư",
                                  None],
                        ["31/PXM", "02/03/2026", "Lê Thị Mười", "Cục A93B – Bộ Công an", "Không có tàng thư",
                         "20/03/2026"]])
    result = importing.import_sheet(db, SLIPS, sheet)
    assert result.ok, result.problems
    assert [(w.row, w.record_id) for w in result.warnings] == [(2, browse.record_ids(db, "slips", "30/PXM")[0])]


TRIP = ["Tên đoàn", "Nước đến", "Ngày đi", "Ngày về", "Họ và tên thành viên", "Ngày sinh"]


def _told(db, rows: list[list], dry_run: bool = True) -> list[str]:
    """The warnings of a delegations import of `rows` (headers first), every row taken."""
    result = importing.import_sheet(db, DELEGATIONS, rows_sheet(rows), dry_run=dry_run)
    assert result.ok, result.problems
    return [str(warning) for warning in result.warnings]


def test_a_delegation_leaving_before_its_decision_is_imported_and_told(db):
    """Travel before the decision sending it (QĐ 69-QĐ/TW, Điều 34) or a mistyped date: the row is taken
    and told at its «Ngày quyết định», like a date after today."""
    assert _told(db, [["Số quyết định", "Ngày quyết định", *TRIP],
                      ["57-QĐ/TU", "20/02/2026", "Đoàn Lào", "Lào", "10/02/2026", "15/02/2026", "Lê Văn Một", "1960"],
                      ["58-QĐ/TU", "10/02/2026", "Đoàn Campuchia", "Campuchia", "10/02/2026", "15/02/2026",
                       "Lê Văn Hai", "1961"]]) == [
        "Dòng 2, cột «Ngày quyết định»: «20/02/2026» ở sau Ngày đi «10/02/2026»: đoàn đi trước khi có quyết định "
        "cử? Hãy xem lại"]


def test_a_member_abroad_with_another_delegation_at_the_same_time_is_imported_and_told(db):
    laos = ["Đoàn Lào", "Lào", "01/02/2026", "05/02/2026", "Lê Văn Một", "1960"]
    assert _told(db, [TRIP, laos], dry_run=False) == []
    assert _told(db, [TRIP, laos, ["Đoàn Nhật Bản", "Nhật Bản", "03/02/2026", "08/02/2026", "Lê Văn Một", "1960"]]) == [
        "Dòng 3, cột «Họ và tên thành viên»: «Lê Văn Một» cùng thời gian đi với đoàn «Đoàn Lào» "
        "(01/02/2026 – 05/02/2026): hãy xem lại ngày đi, ngày về hoặc thành viên"]


def test_a_member_on_two_delegations_of_one_file_at_the_same_time_is_told(db):
    """Two trips of a new list overlapping for one member were compared only with the delegations stored;
    leaving the day another comes back is no overlap."""
    assert _told(db, [TRIP, ["Đoàn Lào", "Lào", "01/03/2026", "05/03/2026", "Lê Văn Hai", "1961"],
                      ["Đoàn Lào", "Lào", "01/03/2026", "05/03/2026", "Lê Văn Ba", "1962"],
                      ["Đoàn Hàn Quốc", "Hàn Quốc", "05/03/2026", "09/03/2026", "Lê Văn Ba", "1962"],
                      ["Đoàn Nhật Bản", "Nhật Bản", "04/03/2026", "08/03/2026", "Lê Văn Hai", "1961"]]) == [
        "Dòng 5, cột «Họ và tên thành viên»: «Lê Văn Hai» cùng thời gian đi với đoàn «Đoàn Lào» "
        "(01/03/2026 – 05/03/2026): hãy xem lại ngày đi, ngày về hoặc thành viên"]


def test_a_delegation_listing_two_heads_is_imported_and_told(db):
    """An old list giving «TĐ» to two members: one is mistyped, or the delegation has two leaders; told at the
    second, the rows taken as written."""
    headers = [*TRIP, "Vai trò"]
    laos = ["Đoàn công tác Lào", "Lào", "01/02/2026", "05/02/2026"]
    assert _told(db, [headers, [*laos, "Lê Văn Một", "1960", "Trưởng đoàn"],
                      [*laos, "Lê Văn Hai", "1961", "Phó trưởng đoàn"], [*laos, "Lê Văn Ba", "1962", "TĐ"]]) == [
        "Dòng 4, cột «Vai trò»: đoàn đã có Trưởng đoàn «Lê Văn Một»: một đoàn có một Trưởng đoàn, hãy xem lại vai "
        "trò của «Lê Văn Ba» và «Lê Văn Một»"]
    assert _told(db, [headers, [*laos, "Lê Văn Một", "1960", "Trưởng đoàn"],
                      ["Đoàn công tác Campuchia", "Campuchia", "10/02/2026", "15/02/2026", "Lê Văn Ba", "1962",
                       "Trưởng đoàn"]]) == []


def test_a_slip_or_request_dated_since_the_merger_naming_a_former_province_is_imported_and_told(db):
    """An office's habit after 01/7/2025: its own province's police under the old name. Rows dated before
    the merger name what existed then, and a current province is never told."""
    sheet = rows_sheet([["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Nơi nhận phiếu"],
                        ["40/PXM", "30/06/2025", "Lê Văn Một", "Phòng PV27 – Công an tỉnh Bình Thuận"],
                        ["41/PXM", "01/07/2025", "Lê Văn Hai", "Phòng PV27 – Công an tỉnh Bình Thuận"],
                        ["42/PXM", "02/03/2026", "Lê Văn Ba", "Phòng PV01 – Công an tỉnh Lâm Đồng"],
                        ["43/PXM", "02/03/2026", "Lê Văn Bốn", "Phòng PV01 – Công an tỉnh Ninh Thuận"]])
    result = importing.import_sheet(db, SLIPS, sheet)
    assert result.ok and result.counts[CREATED] == 4
    told = "mang tên tỉnh cũ: từ 01/7/2025 tỉnh ấy thuộc"
    assert [str(warning) for warning in result.warnings] == [
        f"Dòng 3, cột «Nơi nhận phiếu»: «Phòng PV27 – Công an tỉnh Bình Thuận» {told} tỉnh Lâm Đồng; hãy xem lại",
        f"Dòng 5, cột «Nơi nhận phiếu»: «Phòng PV01 – Công an tỉnh Ninh Thuận» {told} tỉnh Khánh Hòa; hãy xem lại"]
    requests = rows_sheet([["Loại yêu cầu", "Tỉnh/thành", "Ngày văn bản", "Họ và tên đối tượng"],
                           ["Nhờ tỉnh bạn nghiên cứu", "Bình Định", "05/01/2026", "Lê Văn Năm"],
                           ["Nhờ tỉnh bạn nghiên cứu", "Gia Lai", "05/01/2026", "Lê Văn Sáu"],
                           ["Nhờ tỉnh bạn nghiên cứu", "Ban Tổ chức Tỉnh ủy Bà Rịa – Vũng Tàu", "05/01/2026",
                            "Lê Văn Bảy"]])
    result = importing.import_sheet(db, ARCHIVE_REQUESTS, requests)
    assert result.ok and [(w.row, w.message) for w in result.warnings] == [
        (2, f"«Bình Định» {told} tỉnh Gia Lai; hãy xem lại"),
        (4, f"«Ban Tổ chức Tỉnh ủy Bà Rịa – Vũng Tàu» {told} thành phố Hồ Chí Minh; hãy xem lại")]


def test_a_date_of_what_has_happened_after_today_is_imported_and_told_as_a_note(db):
    """A mistyped year (2062 for 2026) would leave the record out of every period's report; the PC's
    clock may be wrong too, so the row is imported and the date listed to be looked at again."""
    db.clock = lambda: dt.datetime(2026, 12, 2, 9, 30)
    sheet = rows_sheet([["Họ và tên", "Ngày sinh", "Ngày vào Đảng"],
                        ["Lê Văn Một", "1960", "03/02/2062"],
                        ["Lê Văn Hai", "2030", "01/12/2026"],
                        ["Lê Văn Ba", "12/2026", "02/12/2026"]])  # this month, and today: not after it
    result = importing.import_sheet(db, CADRES, sheet)
    assert result.ok and result.counts[CREATED] == 3
    look_again = "ở sau hôm nay (02/12/2026): hãy xem lại, có thể đã gõ nhầm năm (hoặc đồng hồ của máy tính chưa đúng)"
    assert [str(warning) for warning in result.warnings] == [f"Dòng 2, cột «Ngày vào Đảng»: ngày ghi {look_again}",
                                                             f"Dòng 3, cột «Ngày sinh»: ngày ghi {look_again}"]
    assert all(warning.record_id for warning in result.warnings)


def test_dates_after_today_on_many_rows_are_told_once_per_column_naming_every_row(db):
    """80 rows each with its own mistyped year: one note naming the rows (their cells are in the file), not
    80 lines alike but for the date."""
    db.clock = lambda: dt.datetime(2026, 12, 2, 9, 30)
    names = [f"{surname} Văn {given}" for surname in ("Lê", "Trần", "Phạm", "Võ", "Đỗ", "Hồ", "Bùi", "Đặng", "Ngô")
             for given in ("An", "Bình", "Cường", "Dũng", "Hải", "Khánh", "Long", "Minh", "Nam", "Phúc")]
    sheet = rows_sheet([["Họ và tên", "Ngày sinh", "Ngày vào Đảng"],
                        *([name, "1970", None if n % 30 == 29 else f"{n % 28 + 1:02}/01/2062"]
                          for n, name in enumerate(names[:82]))])
    result = importing.import_sheet(db, CADRES, sheet)
    assert result.ok and len(result.warnings) == 80
    assert result.note_lines() == [
        "Dòng 2–30, 32–60, 62–83 (80 dòng), cột «Ngày vào Đảng»: ngày ghi ở sau hôm nay (02/12/2026): hãy xem lại, "
        "có thể đã gõ nhầm năm (hoặc đồng hồ của máy tính chưa đúng)"]


def test_a_cccd_disagreeing_with_the_birth_year_or_sex_is_imported_and_told_at_the_row(db):
    """Two digits swapped (060007000333 for 060070000333) would make a second Vũ Văn Cập by the CCCD;
    the officer's paper may be the one that is right, so the row is taken and the CCCD told. A member
    of a delegation has no sex on the row: their birth year is checked."""
    from bvct_desktop.core.kinds import DELEGATIONS

    sheet = rows_sheet([["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD"],
                        ["Vũ Văn Cập", "01/01/1970", "Nam", "060070000333"],
                        ["Vũ Văn Cập", "01/01/1970", "Nam", "060007000333"],
                        ["Vũ Văn Khác", "1970", "Nam", "060170000444"]])
    result = importing.import_sheet(db, CADRES, sheet)
    assert result.ok and result.counts[CREATED] == 3
    assert [str(warning) for warning in result.warnings] == [
        "Dòng 3, cột «Số CCCD»: số 060007000333 cho biết năm sinh 1907 (chữ số thứ 4–6) nhưng ngày sinh là "
        "01/01/1970: hãy xem lại",
        "Dòng 4, cột «Số CCCD»: số 060170000444 cho biết giới tính nữ (chữ số thứ 4) nhưng giới tính là Nam: "
        "hãy xem lại"]
    assert all(warning.record_id for warning in result.warnings)
    members = rows_sheet([["Tên đoàn", "Nước đến", "Ngày đi", "Ngày về", "Họ và tên thành viên", "Ngày sinh",
                           "Số CCCD"],
                          ["Đoàn Lào", "Lào", "01/03/2026", "05/03/2026", "Vũ Văn Cập", "01/01/1970", "060070000333"],
                          ["Đoàn Lào", "Lào", "01/03/2026", "05/03/2026", "Vũ Thị Mới", "1971", "060170000555"]])
    result = importing.import_sheet(db, DELEGATIONS, members)
    assert result.ok and [str(warning) for warning in result.warnings] == [
        "Dòng 3, cột «Số CCCD»: số 060170000555 cho biết năm sinh 1970 (chữ số thứ 4–6) nhưng ngày sinh là 1971: "
        "hãy xem lại"]


def test_a_file_imported_again_makes_each_row_once_what_it_looks_up_ahead_reads_its_columns(db, monkeypatch):
    """The planning looks up the persons and slips a file names before taking its rows: each lookup
    walked the rows made whole (a dict of every field), three times for slips — a second more of a
    100,000-slip register imported again."""
    headers = [SLIPS.field(key).header for key in ("number", "issued_on", "full_name", "birth_date", "recipient",
                                                   "vetted_name")]
    sheet = rows_sheet([headers, *([f"{n}/PXM", "02/01/2025", f"Lê Văn Sáu {n}", "1970", "Cục A93B",
                                    "Lê Văn Bảy" if n % 2 else None] for n in range(1, 5))])
    assert importing.import_sheet(db, SLIPS, sheet).counts[CREATED] == 4
    walks = []
    walk = importing.ParsedRows.__iter__
    monkeypatch.setattr(importing.ParsedRows, "__iter__", lambda rows: walks.append(len(rows)) or walk(rows))
    again = importing.import_sheet(db, SLIPS, sheet)
    assert again.ok and again.counts == {CREATED: 0, "unchanged": 4, "updated": 0}
    assert walks == [4]  # the taking's own walk only


def test_a_date_cell_shown_as_month_and_year_or_year_is_that_partial_date_the_same_person_as_typed(db):
    """«3/1965» typed into «Ngày sinh» is stored by Excel as 01/03/1965 shown mm/yyyy, and «1958» under a
    yyyy format as 01/01/1958 shown yyyy: read as the day Excel keeps, the same person typed «03/1965»
    would become another. A plain number 1958 is the year too."""
    typed = rows_sheet([["Họ và tên", "Ngày sinh"], ["Tô Văn Nhất", "03/1965"], ["Tô Văn Nhì", "1958"],
                        ["Tô Văn Ba", "1970"]])
    assert importing.import_sheet(db, CADRES, typed).counts[CREATED] == 3
    excel = rows_sheet([["Họ và tên", "Ngày sinh"], ["Tô Văn Nhất", dt.date(1965, 3, 1)],
                        ["Tô Văn Nhì", dt.date(1958, 1, 1)], ["Tô Văn Ba", 1970.0]],
                       dates_shown={(2, 2): "mm/yyyy", (3, 2): "yyyy"})
    result = importing.import_sheet(db, CADRES, excel)
    assert result.ok and result.counts[UNCHANGED] == 3
    assert excel.row(2)[1] == "03/1965" and excel.row(3)[1] == "1958"  # as the wizard's rows show them


def test_a_date_shown_without_its_day_stays_the_date_in_a_field_of_full_dates_and_a_year_in_a_field_of_years(db):
    cadres = rows_sheet([["Họ và tên", "Ngày sinh", "Ngày vào Đảng"], ["Tô Văn Tư", "1960", dt.date(1990, 3, 15)]],
                        dates_shown={(2, 3): "mm/yyyy"})
    assert importing.import_sheet(db, CADRES, cadres).counts[CREATED] == 1
    again = rows_sheet([["Họ và tên", "Ngày sinh", "Ngày vào Đảng"], ["Tô Văn Tư", "1960", "15/03/1990"]])
    assert importing.import_sheet(db, CADRES, again).counts[UNCHANGED] == 1
    relatives = rows_sheet([["Họ và tên cán bộ", "Ngày sinh cán bộ", "Quan hệ", "Họ và tên thân nhân", "Từ năm"],
                            ["Tô Văn Tư", "1960", "Con", "Tô Văn Năm", dt.date(2010, 1, 1)]],
                           dates_shown={(2, 5): "yyyy"})
    result = importing.import_sheet(db, RELATIVES, relatives, dry_run=True)
    assert result.ok, [str(problem) for problem in result.problems]


def test_a_row_restoring_a_deleted_record_says_so_then_names_what_it_changed(db):
    header = ["Họ và tên", "Ngày sinh", "Chức vụ"]
    assert importing.import_sheet(db, CADRES, rows_sheet([header, ["Lê Văn Một", "1960", "Phó Giám đốc"],
                                                          ["Lê Văn Hai", "1961", "Chuyên viên"]])).ok
    for name in ("Lê Văn Một", "Lê Văn Hai"):
        recycle_bin.delete(db, "cadres", browse.record_ids(db, "cadres", name)[0])
    result = importing.import_sheet(db, CADRES, rows_sheet([header, ["Lê Văn Một", "1960", "Giám đốc"],
                                                            ["Lê Văn Hai", "1961", "Chuyên viên"]]))
    assert result.updates == ["Dòng 2: khôi phục từ thùng rác, cập nhật Chức vụ", "Dòng 3: khôi phục từ thùng rác"]


def test_a_person_s_name_written_with_a_full_stop_after_it_is_the_same_person(db):
    """An old list's «HOÀNG VĂN NAM.» and a later one's «Hoàng Văn Nam» (same birth date and home town) are one
    cadre, and the delegation that names him without the dot finds him instead of adding a second one."""
    from bvct_desktop.core.kinds import DELEGATIONS

    cadres = rows_sheet([["Họ và tên", "Ngày sinh", "Quê quán"],
                         ["  HOÀNG  VĂN   NAM. ", "02/01/1970", "Xã Hàm Tiến,thành phố Phan Thiết."]])
    assert importing.import_sheet(db, CADRES, cadres).counts[CREATED] == 1
    again = rows_sheet([["Họ và tên", "Ngày sinh", "Quê quán"],
                        ["Hoàng Văn Nam", "02/01/1970", "Xã Hàm Tiến, thành phố Phan Thiết"]])
    assert importing.import_sheet(db, CADRES, again).counts == {CREATED: 0, UNCHANGED: 1, "updated": 0}
    members = rows_sheet([["Tên đoàn", "Nước đến", "Ngày đi", "Ngày về", "Họ và tên thành viên", "Ngày sinh"],
                          ["Đoàn Lào", "Lào", "01/03/2026", "05/03/2026", "Hoàng Văn Nam", "02/01/1970"]])
    result = importing.import_sheet(db, DELEGATIONS, members)
    assert result.ok and not any("Cán bộ mới" in line for line in result.extra_lines())
    with db.read() as connection:
        assert connection.execute(select(persons.c.full_name)).scalars().all() == ["HOÀNG VĂN NAM"]


def test_a_member_whose_vetting_case_is_open_is_imported_and_told(db):
    """A cadre still being vetted (a slip about himself opened the case) is sent abroad only once the
    case is looked at: the row is taken and told at its member, with the case's purpose and day;
    a concluded or binned case is not told."""
    assert importing.import_sheet(db, SLIPS, rows_sheet([
        ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Ngày sinh", "Quan hệ", "Mục đích xác minh",
         "Nơi nhận phiếu"],
        ["15/PXM", "02/03/2026", "Phạm Minh Đức", "20/11/1968", "Bản thân", "Bổ nhiệm", "Cục A93B – Bộ Công an"]])).ok
    assert _told(db, [TRIP, ["Đoàn Hàn Quốc", "Hàn Quốc", "05/04/2026", "15/04/2026", "Phạm Minh Đức", "20/11/1968"],
                      ["Đoàn Hàn Quốc", "Hàn Quốc", "05/04/2026", "15/04/2026", "Lê Văn Hai", "1961"]]) == [
        "Dòng 2, cột «Họ và tên thành viên»: «Phạm Minh Đức» đang có hồ sơ thẩm tra chưa kết luận (Bổ nhiệm, mở "
        "ngày 02/03/2026): hãy xem lại trước khi cử đi nước ngoài"]


def test_a_country_written_several_ways_is_stored_one_way(db):
    """Old lists write Korea «Hàn Quốc», «Hàn quốc», «Korea», «Đại Hàn»: one country, stored as the office
    writes it, so the register's filter by «Nước đến» offers it once and a delegation to three countries
    reads as a list; a country the program does not know is kept as written."""
    assert _told(db, [TRIP, ["Đoàn 1", "Hàn quốc", "01/03/2026", "05/03/2026", "Lê Văn Một", "1960"],
                      ["Đoàn 2", "Korea", "01/04/2026", "05/04/2026", "Lê Văn Một", "1960"],
                      ["Đoàn 3", "Đại Hàn", "01/05/2026", "05/05/2026", "Lê Văn Một", "1960"],
                      ["Đoàn 4", "Nhật; Xin-ga-po - Hàn Quốc", "01/06/2026", "05/06/2026", "Lê Văn Một", "1960"],
                      ["Đoàn 5", "Cộng hòa Xây-sen, japan", "01/07/2026", "05/07/2026", "Lê Văn Một", "1960"]],
                 dry_run=False) == []
    with db.read() as connection:
        stored = connection.execute(select(delegations.c.countries).order_by(delegations.c.depart_on)).scalars().all()
    assert stored == ["Hàn Quốc", "Hàn Quốc", "Hàn Quốc", "Nhật Bản, Singapore, Hàn Quốc", "Cộng hòa Xây-sen, Nhật Bản"]
    assert browse.column_values(db, "delegations", "countries") == [
        ("Cộng hòa Xây-sen", 1), ("Hàn Quốc", 4), ("Nhật Bản", 2), ("Singapore", 1)]


def test_an_old_delegation_list_s_short_roles_and_purpose_are_the_choices_they_stand_for(db):
    """Old lists write the roles short («TĐ», «Phó đoàn», «TV») and the purpose «Học tập»: they were
    refused as invalid choices, the whole list with them."""
    headers = [*TRIP, "Mục đích", "Vai trò"]
    trip = ["Đoàn Hàn Quốc", "Hàn Quốc", "05/04/2026", "15/04/2026"]
    rows = [[*trip, "Lê Văn Một", "1960", "Học tập", "TĐ"], [*trip, "Lê Văn Hai", "1961", "học tập", "Phó đoàn"],
            [*trip, "Lê Văn Ba", "1962", "Học tập", "tv"]]
    assert _told(db, [headers, *rows], dry_run=False) == []
    with db.read() as connection:
        stored = connection.execute(select(delegations.c.purpose, delegation_members.c.role)
                                    .join(delegation_members).order_by(delegation_members.c.id)).all()
    assert stored == [("Học tập kinh nghiệm", "Trưởng đoàn"), ("Học tập kinh nghiệm", "Phó trưởng đoàn"),
                      ("Học tập kinh nghiệm", "Thành viên")]


def test_a_total_row_at_the_foot_of_an_old_register_is_told_as_such(db):
    """«Tổng cộng: 2 người» under the last cadre (or «Cộng» in the first column, the count further on):
    the officer is told to delete that row, not that it lacks a birth date or an issue date."""
    sheet = rows_sheet([["STT", "Họ và tên", "Ngày sinh"], [1, "Lê Văn Một", "1960"], [2, "Lê Văn Hai", "1961"],
                        [None, "Tổng cộng: 2 người", None]])
    result = importing.import_sheet(db, CADRES, sheet, dry_run=True)
    assert [str(problem) for problem in result.problems] == [
        "Dòng 4: có vẻ là dòng tổng cộng («Tổng cộng: 2 người»), không phải một bản ghi: hãy xóa dòng này rồi "
        "nhập lại"]
    headers = ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Nơi nhận phiếu"]
    sheet = rows_sheet([headers, ["12/PXM", "02/03/2026", "Lê Văn Mười", "Cục A93B – Bộ Công an"],
                        ["Cộng", None, "1 phiếu", None]])
    result = importing.import_sheet(db, SLIPS, sheet, dry_run=True)
    assert [str(problem) for problem in result.problems] == [
        "Dòng 3: có vẻ là dòng tổng cộng («Cộng»), không phải một bản ghi: hãy xóa dòng này rồi nhập lại"]


def test_a_person_surnamed_tong_is_no_total_row(db):
    """Tổng is a surname: a row naming Tổng Thị Hằng without a birth date is told what it lacks."""
    sheet = rows_sheet([["Họ và tên", "Ngày sinh"], ["Tổng Thị Hằng", None]])
    result = importing.import_sheet(db, CADRES, sheet, dry_run=True)
    assert [str(problem) for problem in result.problems] == [
        "Dòng 2, cột «Ngày sinh»: bắt buộc, không được để trống"]


def test_a_header_problem_is_never_told_as_a_total_row(db):
    """Headers refused, no row is read: the total row at the foot changes nothing of what is told."""
    sheet = rows_sheet([["Tên", "Ngày sinh"], ["Lê Văn Một", "1960"], ["Tổng cộng: 1 người", None]])
    result = importing.import_sheet(db, CADRES, sheet, dry_run=True)
    assert [str(problem) for problem in result.problems] == ["Dòng 1, cột «Họ và tên»: thiếu cột bắt buộc"]


@pytest.mark.parametrize("name, birth", [("Họ tên", "Ngày, tháng, năm sinh"), ("HỌ VÀ TÊN", "Ngày tháng năm sinh"),
                                         ("Họ và tên (*)", "Ngày sinh *")])
def test_headers_worded_as_the_old_registers_word_them_are_the_fields(db, name, birth):
    """«Họ tên» is «Họ và tên», «Ngày, tháng, năm sinh» (the wording of the personnel forms) is «Ngày sinh»:
    «và» and «tháng, năm» after «Ngày» say nothing more, punctuation neither."""
    sheet = rows_sheet([[name, birth, "Ngày, tháng, năm vào Đảng"], ["Lê Văn Một", "1960", "03/02/1990"]])
    result = importing.import_sheet(db, CADRES, sheet, dry_run=True)
    assert result.ok and result.ignored_columns == []


def test_no_two_fields_of_a_register_are_told_apart_only_by_the_words_a_header_may_leave_out():
    for kind in KINDS.values():
        keys = [importing.header_key(spec.header) for spec in kind.fields]
        assert len(set(keys)) == len(keys), kind.name
