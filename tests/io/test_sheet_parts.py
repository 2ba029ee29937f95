"""A large sheet read in parts, one child per core, gives exactly what one reader of the whole
sheet gives: the same values in the same places, the same formulas found, the same refusals."""

import datetime as dt
import os

import openpyxl
import pytest
import python_calamine

from bvct_desktop.core.errors import InputError
from bvct_desktop.io import sheet_process, sheet_xml
from tests import hostile_workbooks as hostile


@pytest.fixture
def small_blocks(monkeypatch):
    """Blocks of about 512 bytes, so a sheet of a few hundred rows is cut into many (the forked
    children inherit it)."""
    monkeypatch.setattr(sheet_xml, "CHUNK", 512)
    monkeypatch.setattr(sheet_process, "_may_fork", lambda: True)


@pytest.fixture
def parts_seen(monkeypatch):
    """How many parts brought values, for each read."""
    seen = []
    joined = sheet_process._joined

    def counting(parts):
        seen.append(sum(start is not None for start, _ in parts))
        return joined(parts)

    monkeypatch.setattr(sheet_process, "_joined", counting)
    return seen


def test_one_reader_gives_the_sheet_from_a1_as_the_library_pads_it(tmp_path):
    path = _register(tmp_path / "so.xlsx", rows=50)
    padded = python_calamine.load_workbook(path).get_sheet_by_index(0).to_python(skip_empty_area=False)
    assert _read(path, 1)[1] == [list(column) for column in zip(*padded, strict=True)]


def _read(path, parts, columns=16):
    return sheet_process.Reading(path, columns, parts).outcome()


def _named_rows(*spans: range) -> list[str]:
    """A «Họ và tên» column: its header, then «tên n» in row n for each n of `spans`, in their order."""
    named = (f'<row r="{n}">{hostile.inline(f"A{n}", f"tên {n}")}</row>' for span in spans for n in span)
    return [hostile.header_row(["Họ và tên"]), *named]


def _register(path, rows=400):
    """A register as Excel keeps it (shared strings), with dates, numbers, truth values, empty
    cells, blank rows in the middle and a sheet that starts at column B of row 3."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([])
    sheet.append([])
    sheet.append([None, "Họ và tên", "Ngày sinh", "Số", "Đảng viên", "Ghi chú"])
    for n in range(rows):
        if n % 97 == 50:
            sheet.append([])
            continue
        sheet.append([None, f"Nguyễn Văn Ánh {n % 37}", dt.date(1950 + n % 50, 1 + n % 12, 1 + n % 28),
                      n * 1.5 if n % 3 else n, n % 2 == 0, "ghi chú dài " * (n % 5) or None])
    sheet.cell(row=rows + 3, column=9, value="cột xa ở dòng cuối")
    book.save(path)
    return path


@pytest.mark.parametrize("parts", [2, 3, 4])
def test_a_register_read_in_parts_is_the_register_read_whole(tmp_path, small_blocks, parts_seen, parts):
    path = _register(tmp_path / "so.xlsx")
    whole_survey, whole = _read(path, 1)
    surveyed, columns = _read(path, parts)
    assert parts_seen[-1] == parts  # each part brought rows of its own
    assert columns == whole
    assert columns[1][2] == "Họ và tên" and columns[2][3] == dt.date(1950, 1, 1)
    assert (surveyed.name, surveyed.index, surveyed.formula_without_value) == (
        whole_survey.name, whole_survey.index, whole_survey.formula_without_value)


def test_rows_and_cells_without_numbers_stay_where_one_reader_puts_them(tmp_path, small_blocks, parts_seen):
    """Only one row in ten says its number: a part starts only at such a row."""
    rows = [hostile.header_row(["Họ và tên", "Đơn vị"])]
    for n in range(2, 600):
        cells = f'<c t="inlineStr"><is><t>tên {n}</t></is></c><c t="inlineStr"><is><t>đơn vị {n}</t></is></c>'
        rows.append(f'<row r="{n + 50}">{cells}</row>' if n % 10 == 0 else f"<row>{cells}</row>")
    path = hostile.write(tmp_path / "so.xlsx", [("A", "visible", hostile.sheet_xml(rows))])
    _, whole = _read(path, 1)
    _, columns = _read(path, 3)
    assert parts_seen[-1] == 3
    assert columns == whole and whole[0][8:10] == ["tên 9", ""] and whole[0][59:61] == ["tên 10", "tên 11"]


def test_rows_out_of_order_across_parts_are_read_again_whole(tmp_path, small_blocks, parts_seen):
    rows = _named_rows(range(300, 600), range(2, 300))
    path = hostile.write(tmp_path / "so.xlsx", [("A", "visible", hostile.sheet_xml(rows))])
    _, whole = _read(path, 1)
    _, columns = _read(path, 2)
    assert parts_seen[-2:] == [2, 1]  # the parts overlapped, then one child read it all
    assert columns == whole and whole[0][1:3] == ["tên 2", "tên 3"]


def test_parts_that_read_two_versions_of_the_file_are_read_again_whole(tmp_path, small_blocks, parts_seen,
                                                                        monkeypatch):
    """The file saved again between two children's reads: their rows are not joined."""
    path = _register(tmp_path / "so.xlsx")
    survey = sheet_xml.survey

    def saved_again_before_part_one(path, columns, part=0, parts=1):
        surveyed, source = survey(path, columns, part, parts)
        surveyed.checksum += part
        return surveyed, source

    monkeypatch.setattr(sheet_xml, "survey", saved_again_before_part_one)
    _, columns = _read(path, 2)
    assert parts_seen[-2:] == [2, 1]
    monkeypatch.setattr(sheet_xml, "survey", survey)
    assert columns == _read(path, 1)[1]


def test_formulas_without_a_value_are_found_in_every_part(tmp_path, small_blocks, parts_seen):
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Năm"])
    for n in range(2, 400):
        book.active.append([f"tên {n}", "=1900+70" if n in (3, 200, 399) else 1970])
    book.save(tmp_path / "so.xlsx")
    surveyed, _ = _read(tmp_path / "so.xlsx", 3)
    assert parts_seen[-1] == 3
    assert surveyed.formula_without_value == {(3, 2), (200, 2), (399, 2)}


def test_dates_shown_without_a_day_are_found_in_every_part(tmp_path, small_blocks, parts_seen):
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Ngày sinh"])
    for n in range(2, 400):
        book.active.append([f"tên {n}", dt.datetime(1965, 3, 1)])
        book.active.cell(n, 2).number_format = {3: "mm/yyyy", 200: "yyyy", 399: "mm/yyyy"}.get(n, "dd/mm/yyyy")
    book.save(tmp_path / "so.xlsx")
    surveyed, _ = _read(tmp_path / "so.xlsx", 3)
    assert parts_seen[-1] == 3
    assert surveyed.dates_shown == {(3, 2): "mm/yyyy", (200, 2): "yyyy", (399, 2): "mm/yyyy"}


def test_areas_merged_down_are_found_whichever_part_holds_them(tmp_path, small_blocks, parts_seen):
    """The merged areas follow the last row: only the last part sees them, over rows the others read."""
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Đơn vị"])
    for n in range(2, 400):
        book.active.append([f"tên {n}", "Sở Tư pháp" if n == 3 else None])
    book.active.merge_cells("B3:B399")
    book.active.merge_cells("A1:A2")  # a header's: not the data's
    book.save(tmp_path / "so.xlsx")
    surveyed, _ = _read(tmp_path / "so.xlsx", 3)
    assert parts_seen[-1] == 3
    assert surveyed.merged == [(3, 2, 399)]


def test_cells_showing_an_error_are_found_in_every_part(tmp_path, small_blocks, parts_seen):
    rows = [hostile.header_row(["Họ và tên", "Năm"])]
    rows += [f'<row r="{n}">{hostile.inline(f"A{n}", "tên")}'
             + (f'<c r="B{n}" t="e"><f>1/0</f><v>#DIV/0!</v></c>' if n in (3, 200, 399) else "") + "</row>"
             for n in range(2, 400)]
    path = hostile.write(tmp_path / "so.xlsx", [("A", "visible", hostile.sheet_xml(rows))])
    surveyed, _ = _read(path, 3)
    assert parts_seen[-1] == 3
    assert surveyed.error_cells == {(3, 2): "#DIV/0!", (200, 2): "#DIV/0!", (399, 2): "#DIV/0!"}


def test_texts_longer_than_excel_holds_come_whole_from_every_part(tmp_path, small_blocks, parts_seen):
    """A shared string and an inline one of 32,768 characters, in the first part and in the last:
    none is cut to Excel's 32,767, so the import's length check sees them as they are."""
    long_text = "ồ" * 32_768
    rows = [hostile.header_row(["Họ và tên", "Ghi chú"])]
    rows += [f'<row r="{n}">{hostile.inline(f"A{n}", "tên")}'
             + (f'<c r="B{n}" t="s"><v>0</v></c>' if n in (2, 399) else "")
             + (hostile.inline(f"B{n}", long_text) if n in (3, 398) else "") + "</row>" for n in range(2, 400)]
    shared = f'<sst xmlns="{hostile.MAIN}"><si><t>{long_text}</t></si></sst>'.encode()
    path = hostile.write(tmp_path / "so.xlsx", [("A", "visible", hostile.sheet_xml(rows))], shared)
    for parts in (1, 3):
        _, columns = _read(path, parts)
        assert [row for row, text in enumerate(columns[1], start=1) if text == long_text] == [2, 3, 398, 399]
    assert parts_seen == [1, 3]


def test_a_cell_too_far_right_in_the_last_part_is_refused_as_by_one_reader(tmp_path, small_blocks):
    rows = [hostile.header_row(["Họ và tên"])]
    rows += [f'<row r="{n}">{hostile.inline(f"A{n}", "tên")}</row>' for n in range(2, 400)]
    rows.append('<row r="400">' + hostile.inline("A400", "a") + hostile.inline("BZ400", "z") + "</row>")
    path = hostile.write(tmp_path / "rong.xlsx", [("Cán bộ", "visible", hostile.sheet_xml(rows))])
    with pytest.raises(InputError) as whole:
        _read(path, 1)
    with pytest.raises(InputError) as parts:
        _read(path, 3)
    assert parts.value.message == whole.value.message and "đến cột BZ" in whole.value.message


def test_a_sheet_past_the_row_limit_is_refused_by_the_part_that_crosses_it(tmp_path, small_blocks, monkeypatch):
    """A row's place is at most its part's last numbered row plus the part's rows without a number
    (a part starts at a numbered row), so the part holding a row past the limit refuses it."""
    monkeypatch.setattr(sheet_xml, "MAX_DATA_ROWS", 250)
    rows = [hostile.header_row(["Họ và tên"])]
    rows += [f'<row r="{n}">{hostile.inline(f"A{n}", "tên")}</row>' if n % 10 == 0 else
             '<row><c t="inlineStr"><is><t>tên</t></is></c></row>' for n in range(2, 400)]
    path = hostile.write(tmp_path / "dai.xlsx", [("Cán bộ", "visible", hostile.sheet_xml(rows))])
    with pytest.raises(InputError, match="có dữ liệu đến dòng 2[5-9]") as whole:
        _read(path, 1)
    with pytest.raises(InputError) as parts:
        _read(path, 3)
    assert parts.value.message == whole.value.message


def test_formatted_empty_rows_after_the_data_are_no_rows_in_any_part(tmp_path, small_blocks, parts_seen,
                                                                        monkeypatch):
    """Formats pasted down past the row limit: each part sees the data end at its last row holding a
    value, and the parts of empty rows bring nothing to hold."""
    monkeypatch.setattr(sheet_xml, "MAX_DATA_ROWS", 250)
    rows = _named_rows(range(2, 100))
    rows += [f'<row r="{n}" s="1" customFormat="1"><c r="A{n}" s="1"/></row>' for n in range(100, 600)]
    path = hostile.write(tmp_path / "so.xlsx", [("A", "visible", hostile.sheet_xml(rows))])
    _, whole = _read(path, 1)
    _, columns = _read(path, 3)
    assert columns == whole and len(whole[0]) == 99 and whole[0][-1] == "tên 99"


def test_a_part_whose_child_dies_fails_the_read_and_no_child_is_left(tmp_path, small_blocks, monkeypatch):
    path = _register(tmp_path / "so.xlsx")
    survey, forked, pids = sheet_xml.survey, sheet_process._Forked.__init__, []

    def dying_in_part_one(path, columns, part=0, parts=1):
        if part == 1:
            os.abort()
        return survey(path, columns, part, parts)

    def recorded(child, *args):
        forked(child, *args)
        pids.append(child._pid)

    monkeypatch.setattr(sheet_xml, "survey", dying_in_part_one)
    monkeypatch.setattr(sheet_process._Forked, "__init__", recorded)
    with pytest.raises(sheet_process.ReaderFailed) as failed:
        _read(path, 3)
    assert failed.value.reason == "aborted" and len(pids) == 3
    for pid in pids:  # each was waited for
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_the_other_sheets_are_left_out_of_a_part(tmp_path, small_blocks, parts_seen):
    rows = _named_rows(range(2, 300))
    path = hostile.write(tmp_path / "an.xlsx", [
        ("Cũ", "hidden", hostile.sheet_xml([hostile.header_row(["Sai"])])),
        ("Cán bộ", "visible", hostile.sheet_xml(rows))])
    surveyed, columns = _read(path, 2)
    assert parts_seen[-1] == 2
    assert surveyed.name == "Cán bộ" and surveyed.hidden_skipped == ["Cũ"]
    assert columns[0][:2] == ["Họ và tên", "tên 2"] and columns[0][-1] == "tên 299"


def test_a_workbook_with_too_much_beside_its_sheet_is_read_whole(tmp_path, small_blocks, parts_seen, monkeypatch):
    monkeypatch.setattr(sheet_xml, "MAX_COPIED_BYTES", 100)
    path = _register(tmp_path / "so.xlsx")
    _, columns = _read(path, 2)
    assert parts_seen[-1] == 1
    assert columns == _read(path, 1)[1]


def test_started_children_read_their_parts_too(tmp_path, monkeypatch, parts_seen):
    """Where the parent cannot fork (Windows, the desktop application): a file of two blocks."""
    monkeypatch.setattr(sheet_process, "_may_fork", lambda: False)
    path = _register(tmp_path / "so.xlsx", rows=6_000)
    _, columns = _read(path, 2)
    assert parts_seen[-1] == 2
    assert columns == _read(path, 1)[1]


def test_a_large_file_is_read_by_one_child_per_core(tmp_path, monkeypatch):
    small = _register(tmp_path / "nho.xlsx", rows=10)
    monkeypatch.setattr(sheet_process, "_cores", lambda: 8)
    assert sheet_process.parts_for(small) == 1
    monkeypatch.setattr(sheet_process, "SPLIT_FROM", small.stat().st_size)
    assert sheet_process.parts_for(small) == sheet_process.MOST_PARTS
    monkeypatch.setattr(sheet_process, "_cores", lambda: 2)
    assert sheet_process.parts_for(small) == 2


def test_the_cores_counted_are_those_the_process_may_run_on(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    assert sheet_process._cores() == 2
    monkeypatch.delattr(os, "sched_getaffinity")
    assert sheet_process._cores() == 64
