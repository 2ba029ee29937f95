"""`bvct import` and `bvct export` for every kind: created, matched, updated, and the round trip."""

import datetime as dt

import openpyxl
import pytest

from tests.conftest import workbook
from tests.samples import SAMPLES

KINDS = list(SAMPLES)


@pytest.fixture
def cli(both_engines_cli):
    """Import and export read and write the same rows on the office server as on a file."""
    return both_engines_cli


def _sheet_rows(path):
    sheet = openpyxl.load_workbook(path).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def loaded(cli, tmp_path):
    """A database holding every sample register."""
    for kind in ("cadres", *[k for k in KINDS if k != "cadres"]):
        headers, rows = SAMPLES[kind]
        code, out, err = cli("import", kind, workbook(tmp_path / f"{kind}.xlsx", headers, rows))
        assert code == 0, out + err
    return cli


@pytest.mark.parametrize("kind", KINDS)
def test_import_reports_created_then_unchanged(cli, tmp_path, kind):
    if kind == "relatives":  # relatives belong to cadres already in the database
        cli("import", "cadres", workbook(tmp_path / "cadres.xlsx", *SAMPLES["cadres"]))
    headers, rows = SAMPLES[kind]
    source = workbook(tmp_path / "in.xlsx", headers, rows)
    code, out, _ = cli("import", kind, source)
    assert code == 0
    assert f"Thêm mới: {len(rows)}" in out
    code, out, _ = cli("import", kind, source)
    assert code == 0
    assert "Thêm mới: 0" in out and f"Đã có, không đổi: {len(rows)}" in out


@pytest.mark.parametrize("kind", KINDS)
def test_export_then_import_into_an_empty_database_gives_the_same_rows(loaded, tmp_path, kind):
    first = tmp_path / f"{kind}-1.xlsx"
    assert loaded("export", kind, "--out", first)[0] == 0
    exported = _sheet_rows(first)
    assert len(exported) > len(SAMPLES[kind][1])
    empty = loaded.__class__(tmp_path / "empty.db", loaded._capsys, loaded._monkeypatch)
    assert empty("init", "--admin", "quantri")[0] == 0
    if kind in ("slips", "complaints", "relatives"):  # their links to cadres need the cadres first
        assert empty("import", "cadres", tmp_path / "cadres.xlsx")[0] == 0
    code, out, err = empty("import", kind, first)
    assert code == 0, out + err
    second = tmp_path / f"{kind}-2.xlsx"
    assert empty("export", kind, "--out", second)[0] == 0
    assert _sheet_rows(second) == exported


def test_cadre_export_keeps_precision_leading_zeros_and_real_dates(loaded, tmp_path):
    out = tmp_path / "cadres.xlsx"
    loaded("export", "cadres", "--out", out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    hung, anh, duc = rows["Nguyễn Văn Hùng"], rows["Trần Thị Ánh"], rows["Lê Hoàng Đức"]
    assert hung[1].value == dt.datetime(1965, 3, 12) and hung[1].number_format == "DD/MM/YYYY"
    assert anh[1].value == "1970" and duc[1].value == "07/1980"
    assert duc[3].value == "060080004321" and anh[4].value == "260123456"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    assert hung[0].font is not None and sheet["A1"].font.bold


def test_birth_dates_excel_keeps_as_dates_shown_mm_yyyy_or_yyyy_are_the_persons_typed_so(cli, tmp_path):
    """«3/1965» typed into a General cell becomes 01/03/1965 shown mm/yyyy, «1958» under yyyy 01/01/1958:
    the same persons as those typed as text, kept at their precision."""
    headers = ["Họ và tên", "Ngày sinh", "Quê quán"]
    typed = workbook(tmp_path / "chu.xlsx", headers, [["Tô Văn Nhất", "3/1965", "Hàm Tân"],
                                                       ["Tô Văn Nhì", "1958", "Hàm Tân"]])
    assert "Thêm mới: 2" in cli("import", "cadres", typed)[1]
    kept = workbook(tmp_path / "ngay.xlsx", headers, [["Tô Văn Nhất", dt.datetime(1965, 3, 1), "Hàm Tân"],
                                                      ["Tô Văn Nhì", dt.datetime(1958, 1, 1), "Hàm Tân"]])
    book = openpyxl.load_workbook(kept)
    book.active["B2"].number_format, book.active["B3"].number_format = "[$-42A]mm/yyyy", "yyyy"
    book.save(kept)
    code, out, _ = cli("import", "cadres", kept)
    assert code == 0 and "Đã có, không đổi: 2" in out
    cli("export", "cadres", "--out", tmp_path / "ra.xlsx")
    assert [row[1] for row in _sheet_rows(tmp_path / "ra.xlsx")[1:]] == ["03/1965", "1958"]


def test_a_delegation_merged_down_over_its_members_rows_is_imported_as_the_officer_sees_it(cli, tmp_path):
    """Its decision, name, country and dates merged down over its three members' rows (the way real lists
    are kept): every member row has them, none is refused as empty, and the cells filled are counted."""
    headers = ["Số quyết định", "Tên đoàn", "Nước đến", "Ngày đi", "Ngày về", "Họ và tên thành viên", "Ngày sinh"]
    path = workbook(tmp_path / "gop.xlsx", headers, [
        ["200-QĐ/TU", "Đoàn học tập Hàn Quốc", "Hàn Quốc", dt.datetime(2025, 6, 1), dt.datetime(2025, 6, 7),
         "Trần Thị Ánh", "03/1970"],
        [None, None, None, None, None, "Võ Minh Hòa", "01/1968"],
        [None, None, None, None, None, "Đặng Văn Quí", "05/1958"]])
    book = openpyxl.load_workbook(path)
    for column in "ABCDE":
        book.active.merge_cells(f"{column}2:{column}4")
    book.save(path)
    code, out, err = cli("import", "delegations", path)
    assert code == 0, out + err
    assert "Ô lấy giá trị từ ô gộp (như Excel hiển thị): 10" in out and "Thêm mới: 3" in out


def test_rows_hidden_in_excel_are_imported_and_named_in_the_summary(cli, tmp_path):
    """A row the officer hid (or a filter hides) is a row of the file, taken as the others are; the
    summary names it, since the officer did not see it on the screen. An empty hidden row is no row."""
    path = workbook(tmp_path / "an.xlsx", ["Họ và tên", "Ngày sinh"],
                    [["Lê Văn Một", "1960"], ["Lê Văn Hai", "1961"], [None, None], ["Lê Văn Bốn", "1963"]])
    book = openpyxl.load_workbook(path)
    for row in (3, 4):
        book.active.row_dimensions[row].hidden = True
    book.save(path)
    code, out, err = cli("import", "cadres", path, "--dry-run")
    assert code == 0, out + err
    assert "  Dòng đang ẩn trong Excel (vẫn được nhập): 1: 3\n" in out and "Thêm mới: 3" in out


def test_columns_hidden_in_excel_are_imported_and_named_in_the_summary(cli, tmp_path):
    """A column the officer hid (an old register's «Đơn vị công tác» kept out of sight) is read as the others;
    the summary names it, since the officer did not see it. A hidden column the list ignores, or an empty one,
    is not named."""
    path = workbook(tmp_path / "an.xlsx", ["STT", "Họ và tên", "Ngày sinh", "Đơn vị công tác", "Ghi chú"],
                    [[1, "Lê Văn Một", "1960", "Sở Nội vụ", None], [2, "Lê Văn Hai", "1961", None, None]])
    book = openpyxl.load_workbook(path)
    for letter in ("A", "D", "E"):
        book.active.column_dimensions[letter].hidden = True
    book.save(path)
    code, out, err = cli("import", "cadres", path, "--dry-run")
    assert code == 0, out + err
    assert "  Cột đang ẩn trong Excel (vẫn được nhập): Đơn vị công tác\n" in out and "Thêm mới: 2" in out


def test_a_birth_date_excel_cannot_hold_as_a_date_is_exported_as_its_text_and_imports_unchanged(cli, tmp_path):
    """Excel's dates begin on 01/01/1900 and count a 29/02/1900 that never was: a day before 01/03/1900
    is written as the text the import reads, never as a date cell Excel shows wrong or not at all."""
    born = ["12/03/1899", "03/1899", "1899", "28/02/1900", "01/03/1900"]
    rows = [[f"Tô Văn {name}", day, "Hàm Tân"] for name, day in zip("ABCDE", born, strict=True)]
    source = workbook(tmp_path / "vao.xlsx", ["Họ và tên", "Ngày sinh", "Quê quán"], rows)
    assert cli("import", "cadres", source)[0] == 0
    out = tmp_path / "ra.xlsx"
    assert cli("export", "cadres", "--out", out)[0] == 0
    cells = {row[0].value: row[1] for row in openpyxl.load_workbook(out).worksheets[0].iter_rows(min_row=2)}
    assert [cells[row[0]].value for row in rows] == [*born[:4], dt.datetime(1900, 3, 1)]
    assert [cells[row[0]].data_type for row in rows] == ["s"] * 4 + ["d"]
    code, shown, err = cli("import", "cadres", out)
    assert code == 0 and "Đã có, không đổi: 5" in shown, shown + err


def test_changed_fields_are_updated_and_listed(loaded, tmp_path):
    headers, rows = SAMPLES["cadres"]
    changed = [list(row) for row in rows]
    changed[0][9] = "Phó Bí thư Tỉnh ủy"
    changed[1][12] = "01/01/2000"
    code, out, _ = loaded("import", "cadres", workbook(tmp_path / "moi.xlsx", headers, changed))
    assert code == 0
    assert "Cập nhật: 2" in out
    assert "Dòng 2: cập nhật Chức vụ" in out and "Dòng 3: cập nhật Ngày vào Đảng" in out


def test_empty_cells_never_erase_stored_values(loaded, tmp_path):
    code, out, _ = loaded("import", "cadres", workbook(
        tmp_path / "it.xlsx", ["Họ và tên", "Ngày sinh", "Quê quán", "Chức vụ"],
        [["NGUYỄN VĂN HÙNG", "12/03/1965", "Phú Thủy, Phan Thiết", None]]))
    assert code == 0 and "Đã có, không đổi: 1" in out


HUNG = ["Nguyễn Văn Hùng", "12/03/1965", "Phú Thủy, Phan Thiết"]
KEPT = ("Giới tính", "Số CCCD", "Nơi ở hiện nay", "Dân tộc", "Chức vụ", "Đơn vị công tác", "Nơi sinh")


def _cadre_row(cli, tmp_path, full_name: str) -> dict:
    code, _, _ = cli("export", "cadres", "--out", tmp_path / "can-bo.xlsx")
    assert code == 0
    headers, *rows = _sheet_rows(tmp_path / "can-bo.xlsx")
    return next(dict(zip(headers, row, strict=True)) for row in rows if row[0] == full_name)


@pytest.mark.parametrize(("kind", "headers", "row"), [
    ("cadres", ["Họ và tên", "Ngày sinh", "Quê quán"], HUNG),  # a list of before «Nơi sinh», or a short one
    ("cadres", ["Họ và tên", "Ngày sinh", "Quê quán", "Nơi ở hiện nay", "Nơi sinh"], [*HUNG, None, None]),
    ("relatives", ["Họ và tên cán bộ", "Ngày sinh cán bộ", "Quan hệ", "Họ và tên thân nhân", "Ngày sinh",
                   "Quê quán"], ["Trần Thị Ánh", "1970", "Anh/chị/em", *HUNG]),
    ("relatives", ["Họ và tên cán bộ", "Ngày sinh cán bộ", "Quan hệ", "Họ và tên thân nhân", "Ngày sinh",
                   "Quê quán", "Nơi ở"], ["Trần Thị Ánh", "1970", "Anh/chị/em", *HUNG, None]),
    ("slips", ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Ngày sinh", "Quê quán",
               "Nơi nhận phiếu"], ["9/PXM", "05/02/2026", *HUNG, "Cục A93B – Bộ Công an"]),
    ("slips", ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Ngày sinh", "Quê quán", "Nơi ở",
               "Giới tính", "Nơi nhận phiếu"], ["9/PXM", "05/02/2026", *HUNG, None, None, "Cục A93B – Bộ Công an"]),
])
def test_a_row_about_a_stored_person_keeps_what_its_file_lacks_or_leaves_empty(loaded, tmp_path, kind, headers, row):
    """A cadre is also a relative on another's list and a slip's subject: a file of any of these kinds without
    a column (an older or shorter list), or with the cell empty, leaves their stored values as they are."""
    code, _, _ = loaded("import", "cadres", workbook(tmp_path / "noi-sinh.xlsx", ["Họ và tên", "Ngày sinh", "Quê quán",
                                                                                 "Nơi sinh"], [[*HUNG, "Xã Phú Thủy"]]))
    assert code == 0
    before = _cadre_row(loaded, tmp_path, "Nguyễn Văn Hùng")
    code, out, err = loaded("import", kind, workbook(tmp_path / "it.xlsx", headers, [row]))
    assert code == 0, out + err
    after = _cadre_row(loaded, tmp_path, "Nguyễn Văn Hùng")
    assert {key: after[key] for key in KEPT} == {key: before[key] for key in KEPT}
    assert before["Nơi ở hiện nay"] == "Phường Phú Thủy" and before["Nơi sinh"] == "Xã Phú Thủy"


def test_dry_run_prints_the_summary_and_writes_nothing(cli, tmp_path):
    headers, rows = SAMPLES["cadres"]
    code, out, _ = cli("import", "cadres", workbook(tmp_path / "c.xlsx", headers, rows), "--dry-run")
    assert code == 0 and "Thêm mới: 3" in out and "--dry-run" in out
    code, out, _ = cli("import", "cadres", tmp_path / "c.xlsx")
    assert "Thêm mới: 3" in out


def test_a_list_numbered_in_advance_imports_its_filled_rows_and_counts_only_them(cli, tmp_path):
    """The usual office list: an «STT» column numbered 1..N before the rows are filled in. A number
    alone does not make a row: the spare ones are empty rows, skipped and not counted."""
    rows = [[1, "Ninh Văn Một", "1970", "Hàm Tân"], *([n] for n in range(2, 40)), [40, "Ninh Văn Bốn Mươi", "1971"]]
    code, out, err = cli("import", "cadres", workbook(tmp_path / "stt.xlsx", ["STT", "Họ và tên", "Ngày sinh",
                                                                             "Quê quán"], rows))
    assert code == 0, out + err
    assert "«Cán bộ» từ stt.xlsx: 2 dòng." in out and "Thêm mới: 2" in out and "Cột không dùng (bỏ qua): STT" in out


def test_the_summary_groups_thousands_as_the_other_messages_do(cli, tmp_path):
    rows = [[f"Lê Văn Số {n}", "1960", f"Xã {n}"] for n in range(1_200)]
    source = workbook(tmp_path / "nhieu.xlsx", ["Họ và tên", "Ngày sinh", "Quê quán"], rows)
    code, out, _ = cli("import", "cadres", source)
    assert code == 0 and "«Cán bộ» từ nhieu.xlsx: 1.200 dòng." in out and "Thêm mới: 1.200" in out
    code, out, _ = cli("import", "cadres", source, "--dry-run")
    assert code == 0 and "Đã có, không đổi: 1.200" in out
    code, out, _ = cli("export", "cadres", "--out", tmp_path / "ra.xlsx")
    assert code == 0 and out.startswith("Đã xuất 1.200 dòng «Cán bộ»")


def test_unknown_recipient_is_added_to_the_list_and_reported(loaded, tmp_path):
    headers, rows = SAMPLES["slips"]
    row = list(rows[0])
    row[0], row[14] = "99/PXM", "Phòng PV06 – Công an tỉnh Lâm Đồng"
    code, out, _ = loaded("import", "slips", workbook(tmp_path / "s.xlsx", headers, [row]))
    assert code == 0
    assert "Nơi nhận phiếu mới: 1: Phòng PV06 – Công an tỉnh Lâm Đồng" in out


def test_a_long_list_in_the_summary_names_its_first_200_and_counts_the_rest(cli, tmp_path):
    """A register of thousands of slips whose vetted person nobody can tell would print every number
    on one line (a hundred thousand slips: half a megabyte to the console)."""
    headers, rows = SAMPLES["slips"]
    unknown = [[f"{n}/PXM", *rows[2][1:12], "Người Chưa Có", *rows[2][13:]] for n in range(1, 206)]
    code, out, _ = cli("import", "slips", workbook(tmp_path / "s.xlsx", headers, unknown))
    assert code == 0
    line = next(line for line in out.splitlines() if "Phiếu chưa gắn hồ sơ thẩm tra" in line)
    listed = ", ".join(f"{n}/PXM" for n in range(1, 201))
    assert line.endswith(f"(không rõ người được thẩm tra): 205: {listed}, … và 5 mục khác")


def test_a_long_list_of_notes_shows_its_first_200_lines_and_counts_the_rest(cli, tmp_path):
    """Notes that differ row by row (each names the row's own CCCD) are each told."""
    headers = ["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD"]
    disagreeing = [[f"Người Số {n}", "1970", "Nam", f"0600{71 + n % 20}{n:06}"] for n in range(1, 206)]
    code, out, _ = cli("import", "cadres", workbook(tmp_path / "s.xlsx", headers, disagreeing))
    assert code == 0
    lines = out.splitlines()
    first = lines.index("  Lưu ý: 205 dòng được nhập nhưng cần xem lại (không phải lỗi):")
    shown = lines[first + 1:first + 202]
    assert [line.split(",")[0] for line in shown[:200]] == [f"    Dòng {n}" for n in range(2, 202)]
    assert shown[200] == "    … và 5 lưu ý khác"


ANSWERED_UNDATED = ("có «Kết quả» nhưng chưa có ngày nhận kết quả: phiếu chưa được tính là đã trả lời; hãy ghi ngày "
                    "nhận (sổ Phiếu xác minh, trạng thái «Có kết quả, thiếu ngày nhận»)")
FORMER = "mang tên tỉnh cũ: từ 01/7/2025 tỉnh ấy thuộc"


def test_the_same_note_on_many_rows_is_told_once_with_its_rows(cli, tmp_path):
    """240 slips to «Phòng PV27 – Công an tỉnh Bình Thuận», dated since the merger: one note naming the rows,
    not 240 alike."""
    headers, rows = SAMPLES["slips"]
    slips = [[f"{n}/PXM", "03/01/2026", *rows[2][2:14], "Phòng PV27 – Công an tỉnh Bình Thuận", None, None, None]
             for n in range(1, 241)]
    code, out, _ = cli("import", "slips", workbook(tmp_path / "s.xlsx", headers, slips))
    assert code == 0
    lines = out.splitlines()
    first = lines.index("  Lưu ý: 240 dòng được nhập nhưng cần xem lại (không phải lỗi):")
    assert lines[first + 1:] == [
        f"    Dòng 2–241 (240 dòng), cột «Nơi nhận phiếu»: «Phòng PV27 – Công an tỉnh Bình Thuận» {FORMER} tỉnh "
        "Lâm Đồng; hãy xem lại"]


def test_four_notes_over_500_rows_are_told_once_each_a_date_after_today_whatever_its_date(cli, tmp_path):
    headers, rows = SAMPLES["slips"]

    def slip(n: int) -> list:
        recipient = "Phòng PV27 – Công an tỉnh Bình Thuận" if n <= 400 else "Phòng PV01 – Công an tỉnh Ninh Thuận"
        replied = f"0{n}/03/2062" if n in (3, 5, 7) else None  # a date of its own, after today
        result = "Không có tàng thư" if n % 2 == 0 or replied else None
        return [f"{n}/PXM", "03/01/2026", *rows[2][2:14], recipient, replied, result, None]

    code, out, _ = cli("import", "slips", workbook(tmp_path / "s.xlsx", headers, [slip(n) for n in range(2, 502)]))
    assert code == 0
    lines = out.splitlines()
    first = lines.index("  Lưu ý: 500 dòng được nhập nhưng cần xem lại (không phải lỗi):")
    today = dt.date.today().strftime("%d/%m/%Y")
    ahead = (f"ở sau hôm nay ({today}): hãy xem lại, có thể đã gõ nhầm năm (hoặc đồng hồ của máy tính chưa "
             "đúng)")
    assert lines[first + 1:] == [
        "    Dòng 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32 và 234 dòng khác (250 dòng), "
        f"cột «Ngày nhận kết quả»: {ANSWERED_UNDATED}",
        f"    Dòng 2–400 (399 dòng), cột «Nơi nhận phiếu»: «Phòng PV27 – Công an tỉnh Bình Thuận» {FORMER} tỉnh Lâm "
        "Đồng; hãy xem lại",
        f"    Dòng 3, 5, 7 (3 dòng), cột «Ngày nhận kết quả»: ngày ghi {ahead}",
        f"    Dòng 401–501 (101 dòng), cột «Nơi nhận phiếu»: «Phòng PV01 – Công an tỉnh Ninh Thuận» {FORMER} tỉnh "
        "Khánh Hòa; hãy xem lại"]


def test_the_same_error_on_many_rows_is_told_on_each_row_as_the_officer_mends_the_file_from_it(cli, tmp_path):
    """The spec: every problem as «Dòng R, cột «Header»: message»."""
    headers, rows = SAMPLES["slips"]
    wrong = [[f"{n}/PXM", "31/02/2026", *rows[2][2:]] for n in range(1, 5)]
    code, out, _ = cli("import", "slips", workbook(tmp_path / "s.xlsx", headers, wrong))
    assert code == 2
    assert [line for line in out.splitlines() if line.startswith("Dòng")] == [
        f"Dòng {n}, cột «Ngày phát hành»: ngày 31/02/2026 không tồn tại" for n in range(2, 6)]


def test_a_row_with_two_things_to_look_at_is_counted_once(cli, tmp_path):
    headers, rows = SAMPLES["slips"]
    issued_2062 = [rows[2][0], "05/01/2062", *rows[2][2:15], None, "Không có tàng thư", None]
    code, out, _ = cli("import", "slips", workbook(tmp_path / "s.xlsx", headers, [issued_2062]))
    assert code == 0
    lines = out.splitlines()
    first = lines.index("  Lưu ý: 1 dòng được nhập nhưng cần xem lại (không phải lỗi):")
    assert sorted(line.split(":")[0] for line in lines[first + 1:]) == ["    Dòng 2, cột «Ngày nhận kết quả»",
                                                                        "    Dòng 2, cột «Ngày phát hành»"]


def test_delegation_member_not_yet_a_cadre_becomes_one(loaded, tmp_path):
    out_file = tmp_path / "cb.xlsx"
    loaded("export", "cadres", "--out", out_file)
    names = [row[0] for row in _sheet_rows(out_file)[1:]]
    assert "Bùi Thị Hương" in names and "Đỗ Quang Vinh" in names


def test_export_filters_by_the_kinds_date(loaded, tmp_path):
    out = tmp_path / "s.xlsx"
    assert loaded("export", "slips", "--out", out, "--from", "2025-01-01", "--to", "2025-12-31")[0] == 0
    assert [row[0] for row in _sheet_rows(out)[1:]] == ["12/PXM", "13/PXM"]
    code, _, err = loaded("export", "cadres", "--out", out, "--from", "2025-01-01")
    assert code == 2 and "không lọc theo ngày" in err


def test_export_can_encrypt_the_workbook(loaded, tmp_path):
    import msoffcrypto

    secret = tmp_path / "pw.txt"
    secret.write_text("Mật-khẩu-xuất-2025\n", encoding="utf-8")
    out = tmp_path / "enc.xlsx"
    assert loaded("export", "cadres", "--out", out, "--encrypt-password-file", secret)[0] == 0
    with open(out, "rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        assert office.is_encrypted()
        office.load_key(password="Mật-khẩu-xuất-2025")
        import io

        plain = io.BytesIO()
        office.decrypt(plain)
    assert openpyxl.load_workbook(plain).worksheets[0]["A2"].value == "Nguyễn Văn Hùng"
    assert b"Nguy" not in out.read_bytes()


@pytest.mark.parametrize("kind", KINDS)
def test_template_has_the_import_headers_lists_and_instructions(cli, tmp_path, kind):
    out = tmp_path / "mau.xlsx"
    code, _, _ = cli("template", kind, "--out", out)
    assert code == 0
    book = openpyxl.load_workbook(out)
    headers = [cell.value for cell in book.worksheets[0][1]]
    from bvct_desktop.core.kinds import KINDS as DECLARED

    assert headers == [f.header for f in DECLARED[kind].fields]
    assert "Hướng dẫn" in book.sheetnames
    choices = [f for f in DECLARED[kind].fields if f.choices]
    assert len(book.worksheets[0].data_validations.dataValidation) == len(choices)
    code, out_text, _ = cli("import", kind, out)
    assert code == 2  # an empty template has no rows


def test_a_delegation_row_fills_in_the_members_missing_cccd(loaded, tmp_path):
    headers, rows = SAMPLES["delegations"]
    row = list(rows[1])  # Đỗ Quang Vinh, 1982, no CCCD yet
    row[11] = "060082000777"
    code, out, _ = loaded("import", "delegations", workbook(tmp_path / "d.xlsx", headers, [row]))
    assert code == 0 and "Dòng 2: cập nhật Số CCCD" in out
    exported = tmp_path / "cb.xlsx"
    loaded("export", "cadres", "--out", exported)
    assert ["Đỗ Quang Vinh", "060082000777"] in [[r[0], r[3]] for r in _sheet_rows(exported)[1:]]
    row[8], row[9], row[11] = "Bùi Thị Hương", "02/02/1975", "060082000777"
    code, out, _ = loaded("import", "delegations", workbook(tmp_path / "e.xlsx", headers, [row]))
    assert code == 2 and "đã thuộc về người khác" in out


def test_a_folder_named_as_the_output_is_bad_input_and_nothing_is_written(loaded, tmp_path):
    folder = tmp_path / "thu-muc.xlsx"
    folder.mkdir()
    for argv in (("export", "slips", "--out", folder), ("template", "slips", "--out", folder)):
        code, out, err = loaded(*argv)
        assert (code, out) == (2, "") and f"«{folder}» là một thư mục, không phải tệp" in err
    assert list(folder.iterdir()) == [] and sorted(path.name for path in tmp_path.glob("*thu-muc*")) == ["thu-muc.xlsx"]


def test_an_anonymous_letter_is_written_nac_danh_however_the_old_list_spelled_it(cli, tmp_path):
    """«nặc danh», «NẶC DANH», «Nac danh» (typed without accents) are the one word of the spec, stored
    and exported as «Nặc danh», so the register, its printout and its search show them alike."""
    headers, _ = SAMPLES["complaints"]
    letters = [["02/03/2026", sender, "Tố cáo", "Trần Văn Hùng", f"Tố cáo lần {number}", None, None, None]
               for number, sender in enumerate(("nặc danh", "NẶC DANH", "Nac danh", " Nặc  danh "), start=1)]
    letters.append(["02/03/2026", "Lê Văn Tám", "Khiếu nại", None, "Khiếu nại đền bù", None, None, None])
    assert cli("import", "complaints", workbook(tmp_path / "don.xlsx", headers, letters))[0] == 0
    assert cli("export", "complaints", "--out", str(tmp_path / "out.xlsx"))[0] == 0
    senders = sorted(row[headers.index("Người gửi")] for row in _sheet_rows(tmp_path / "out.xlsx")[1:])
    assert senders == ["Lê Văn Tám", "Nặc danh", "Nặc danh", "Nặc danh", "Nặc danh"]


def test_a_letter_with_a_result_but_no_day_resolved_is_imported_and_told_still_open(cli, tmp_path):
    """Old lists often write what became of a letter without the day: it is kept, but counts as not
    resolved (the report's «đang giải quyết», the dashboard's deadlines) until the day is written."""
    headers, _ = SAMPLES["complaints"]
    forwarded = ["10/10/2025", "Nặc danh", "Tố cáo", "Nguyễn Văn Hùng", "Tố cáo sai phạm đất đai", None, None,
                 "Đã chuyển Ủy ban Kiểm tra Tỉnh ủy theo thẩm quyền"]
    code, out, _ = cli("import", "complaints", workbook(tmp_path / "don.xlsx", headers, [forwarded]))
    assert code == 0 and "Thêm mới: 1" in out
    lines = out.splitlines()
    first = lines.index("  Lưu ý: 1 dòng được nhập nhưng cần xem lại (không phải lỗi):")
    assert lines[first + 1] == ("    Dòng 2, cột «Ngày giải quyết»: có «Kết quả» nhưng chưa có ngày giải quyết: đơn "
                                "chưa được tính là đã giải quyết; hãy ghi ngày giải quyết")


def test_a_summary_typed_in_lines_in_a_cell_keeps_them_is_exported_wrapped_and_imports_unchanged(cli, tmp_path):
    """Alt+Enter in an Excel cell writes a line break: the letter's summary keeps its lines through the import,
    the export shows them wrapped, and the export imports back unchanged."""
    headers = ["Ngày nhận", "Người gửi", "Loại đơn", "Nội dung tóm tắt", "Kết quả"]
    typed = "Phản ánh  việc hoà giải\r\nchưa xong\n\n\nĐề nghị xem xét\n"
    source = workbook(tmp_path / "vao.xlsx", headers, [["10/10/2025", "Nguyễn Văn Dũng", "Tố cáo", typed, "Đã chuyển"]])
    assert cli("import", "complaints", source)[0] == 0
    out = tmp_path / "ra.xlsx"
    assert cli("export", "complaints", "--out", out)[0] == 0
    sheet = openpyxl.load_workbook(out).worksheets[0]
    summary = sheet.cell(2, [cell.value for cell in sheet[1]].index("Nội dung tóm tắt") + 1)
    assert summary.value == "Phản ánh việc hòa giải\nchưa xong\n\nĐề nghị xem xét"
    assert summary.alignment.wrap_text and summary.alignment.vertical == "top"
    code, shown, err = cli("import", "complaints", out)
    assert code == 0 and "Đã có, không đổi: 1" in shown, shown + err


ARCHIVES_SEARCH_BY = {"Nơi sinh": "xã Hàm Tiến, tỉnh Bình Thuận", "Dân tộc": "Kinh", "Tôn giáo": "Phật giáo",
                      "Số CCCD": "060038001234", "Số CMND": "260123456", "Năm sinh của cha": "1910",
                      "Năm sinh của mẹ": "1915", "Năm sinh của vợ/chồng": "1942",
                      "Nghề nghiệp hoặc chức vụ trước 1975": "Thư ký",
                      "Đơn vị, địa bàn trước 1975": "Chi khu Hàm Thuận"}


def test_a_slips_particulars_the_archives_search_by_come_back_from_its_export_after_the_contracts_columns(
        cli, tmp_path):
    headers, rows = SAMPLES["slips"]
    cli("import", "cadres", workbook(tmp_path / "cadres.xlsx", *SAMPLES["cadres"]))
    source = workbook(tmp_path / "in.xlsx", [*headers, *ARCHIVES_SEARCH_BY], [[*rows[0], *ARCHIVES_SEARCH_BY.values()]])
    assert cli("import", "slips", source)[0] == 0
    out = tmp_path / "out.xlsx"
    assert cli("export", "slips", "--out", out)[0] == 0
    exported = _sheet_rows(out)
    assert exported[0][:len(headers)] == headers
    row = dict(zip(exported[0], exported[1], strict=True))
    assert {header: row[header] for header in ARCHIVES_SEARCH_BY} == ARCHIVES_SEARCH_BY


def test_a_gender_its_relation_contradicts_is_imported_and_told(cli, tmp_path):
    """A «Cha» written «Nữ» would have the police search the archives under the wrong sex: told, not refused (old
    lists hold such slips), and kept as written, so that the export gives the file back."""
    headers, rows = SAMPLES["slips"]
    row = list(rows[0])
    row[headers.index("Giới tính")], row[headers.index("Quan hệ")] = "Nữ", "Cha"
    code, out, _ = cli("import", "slips", workbook(tmp_path / "s.xlsx", headers, [row]))
    assert code == 0
    lines = out.splitlines()
    first = lines.index("  Lưu ý: 1 dòng được nhập nhưng cần xem lại (không phải lỗi):")
    assert lines[first + 1] == ("    Dòng 2, cột «Giới tính»: giới tính «Nữ» trái với quan hệ «Cha» (giới tính "
                                "«Nam»): hãy xem lại một trong hai cột")
    exported = tmp_path / "out.xlsx"
    assert cli("export", "slips", "--out", exported)[0] == 0
    assert _sheet_rows(exported)[1][headers.index("Giới tính")] == "Nữ"


BORN_AT = {"cadres": "Thôn Tiến Lợi, xã Tiến Lợi, thành phố Phan Thiết, tỉnh Bình Thuận",
           "relatives": "Xã Hàm Thạnh, huyện Hàm Thuận Nam, tỉnh Bình Thuận"}


def test_a_persons_birth_place_comes_back_from_its_export_after_the_contracts_columns(cli, tmp_path):
    """A cadre's and a relative's «Nơi sinh», written in a column after the contract's, into an empty database
    and out again."""
    exported = {}
    for kind in ("cadres", "relatives"):
        headers, rows = SAMPLES[kind]
        source = workbook(tmp_path / f"{kind}-in.xlsx", [*headers, "Nơi sinh"], [[*rows[0], BORN_AT[kind]]])
        assert cli("import", kind, source)[0] == 0
        assert cli("export", kind, "--out", tmp_path / f"{kind}.xlsx")[0] == 0
        exported[kind] = _sheet_rows(tmp_path / f"{kind}.xlsx")
        assert exported[kind][0][:len(headers)] == headers and "Nơi sinh" in exported[kind][0][len(headers):]
        assert exported[kind][1][exported[kind][0].index("Nơi sinh")] == BORN_AT[kind]
    empty = cli.__class__(tmp_path / "empty.db", cli._capsys, cli._monkeypatch)
    assert empty("init", "--admin", "quantri")[0] == 0
    for kind in ("cadres", "relatives"):
        code, out, err = empty("import", kind, tmp_path / f"{kind}.xlsx")
        assert code == 0, out + err
        assert empty("export", kind, "--out", tmp_path / f"{kind}-2.xlsx")[0] == 0
        assert _sheet_rows(tmp_path / f"{kind}-2.xlsx") == exported[kind]


def test_a_birth_place_written_otherwise_is_the_same_cadre_updated_not_another(loaded, tmp_path):
    """The person rule still matches by name, birth date and home town: the birth place is what the row adds."""
    headers, rows = SAMPLES["cadres"]
    code, out, err = loaded("import", "cadres", workbook(tmp_path / "noi-sinh.xlsx", [*headers, "Nơi sinh"],
                                                         [[*rows[0], BORN_AT["cadres"]]]))
    assert code == 0, out + err
    assert "Thêm mới: 0" in out and "Cập nhật: 1" in out and "Dòng 2: cập nhật Nơi sinh" in out
    code, out, err = loaded("import", "cadres", workbook(tmp_path / "noi-sinh-2.xlsx", [*headers, "Nơi sinh"],
                                                         [[*rows[0], "Phan Thiết"]]))
    assert code == 0 and "Thêm mới: 0" in out and "Cập nhật: 1" in out, out + err


DIED = {"Đã mất": "Có", "Năm mất": "khoảng 1970"}


def test_a_slips_person_who_has_died_comes_back_from_its_export_after_the_contracts_columns(cli, tmp_path):
    """«Đã mất» and «Năm mất» («khoảng 1970» as written), in columns after the contract's, into an empty database
    and out again unchanged."""
    headers, rows = SAMPLES["slips"]
    cli("import", "cadres", workbook(tmp_path / "cadres.xlsx", *SAMPLES["cadres"]))
    source = workbook(tmp_path / "in.xlsx", [*headers, *DIED], [[*rows[0], *DIED.values()]])
    code, out, err = cli("import", "slips", source)
    assert code == 0, out + err
    assert cli("export", "slips", "--out", tmp_path / "out.xlsx")[0] == 0
    exported = _sheet_rows(tmp_path / "out.xlsx")
    assert exported[0][:len(headers)] == headers
    assert {header: dict(zip(*exported, strict=True))[header] for header in DIED} == DIED
    empty = cli.__class__(tmp_path / "empty.db", cli._capsys, cli._monkeypatch)
    assert empty("init", "--admin", "quantri")[0] == 0
    code, out, err = empty("import", "slips", tmp_path / "out.xlsx")
    assert code == 0, out + err
    assert empty("export", "slips", "--out", tmp_path / "out-2.xlsx")[0] == 0
    assert _sheet_rows(tmp_path / "out-2.xlsx") == exported


def test_a_slips_year_of_death_says_its_person_has_died_and_cannot_stand_beside_not_dead(cli, tmp_path):
    headers, rows = SAMPLES["slips"]
    year_only = workbook(tmp_path / "nam-mat.xlsx", [*headers, "Năm mất"], [[*rows[0], "1970"]])
    assert cli("import", "slips", year_only)[0] == 0
    assert cli("export", "slips", "--out", tmp_path / "out.xlsx")[0] == 0
    row = dict(zip(*_sheet_rows(tmp_path / "out.xlsx"), strict=True))
    assert (row["Đã mất"], row["Năm mất"]) == ("Có", "1970")
    contradicted = workbook(tmp_path / "khong.xlsx", [*headers, *DIED], [[*rows[0], "Không", "1970"]])
    code, out, _err = cli("import", "slips", contradicted)
    assert code == 2 and "Dòng 2, cột «Đã mất»: «Đã mất» là Không nhưng lại ghi năm mất" in out


TOLD_APART_BY = {"Tên gọi khác": "Hai Lúa", "Giới tính": "Nam", "Họ và tên cha": "Huỳnh Văn Cả",
                 "Họ và tên mẹ": "Lê Thị Đào"}


def test_an_archive_requests_alias_sex_and_parents_come_back_from_its_export_after_the_contracts_columns(
        cli, tmp_path):
    """What tells a person of before 1975 apart in the archives, in columns after the contract's: exported after
    them, and an export imports into an empty database unchanged."""
    headers, rows = SAMPLES["archive-requests"]
    source = workbook(tmp_path / "in.xlsx", [*headers, *TOLD_APART_BY],
                      [[*rows[0], *TOLD_APART_BY.values()], [*rows[1], None, None, None, None]])
    assert cli("import", "archive-requests", source)[0] == 0
    assert cli("export", "archive-requests", "--out", tmp_path / "out.xlsx")[0] == 0
    exported = _sheet_rows(tmp_path / "out.xlsx")
    assert exported[0][:len(headers)] == headers and set(TOLD_APART_BY) <= set(exported[0][len(headers):])
    told = [dict(zip(exported[0], row, strict=True)) for row in exported[1:]]
    assert [{header: row[header] for header in TOLD_APART_BY} for row in told] == [
        TOLD_APART_BY, dict.fromkeys(TOLD_APART_BY)]
    empty = cli.__class__(tmp_path / "empty.db", cli._capsys, cli._monkeypatch)
    assert empty("init", "--admin", "quantri")[0] == 0
    code, out, err = empty("import", "archive-requests", tmp_path / "out.xlsx")
    assert code == 0 and "Thêm mới: 2" in out, out + err
    assert empty("export", "archive-requests", "--out", tmp_path / "again.xlsx")[0] == 0
    assert _sheet_rows(tmp_path / "again.xlsx") == exported


def test_an_archive_requests_file_of_the_contracts_columns_alone_leaves_its_alias_sex_and_parents_as_stored(
        cli, tmp_path):
    """The contract's file (no alias, sex or parents' columns) matches the requests unchanged and clears nothing; the
    person is the same by name, birth date and home town, whatever alias a row gives."""
    headers, rows = SAMPLES["archive-requests"]
    with_them = workbook(tmp_path / "them.xlsx", [*headers, *TOLD_APART_BY], [[*rows[0], *TOLD_APART_BY.values()]])
    assert cli("import", "archive-requests", with_them)[0] == 0
    code, out, err = cli("import", "archive-requests", workbook(tmp_path / "contract.xlsx", headers, rows[:1]))
    assert code == 0 and "Thêm mới: 0" in out and "Đã có, không đổi: 1" in out, out + err
    other = workbook(tmp_path / "other.xlsx", [*headers, "Tên gọi khác"], [[*rows[0], "Tám Huỳnh"]])
    code, out, err = cli("import", "archive-requests", other)
    assert code == 0 and "Thêm mới: 0" in out and "Cập nhật: 1" in out, out + err
    assert cli("export", "archive-requests", "--out", tmp_path / "out.xlsx")[0] == 0
    exported = _sheet_rows(tmp_path / "out.xlsx")
    row = dict(zip(exported[0], exported[1], strict=True))
    assert len(exported) == 2 and {header: row[header] for header in TOLD_APART_BY} == {
        **TOLD_APART_BY, "Tên gọi khác": "Tám Huỳnh"}
