"""`bvct import` of the office's old workbooks: cells typed in TCVN3 (.VnTime, .VnTimeH) and VNI
(VNI-Times) come in as Unicode, for every kind and every text column, and the summary says so."""

import openpyxl

from tests.conftest import Cli
from tests.fixtures.legacy import legacy_workbook, to_tcvn3, to_vni
from tests.samples import SAMPLES

HEADERS = ["Họ và tên", "Ngày sinh", "Quê quán", "Chức vụ", "Đơn vị công tác", "Ghi chú"]
ROWS = [
    ["Nguyễn Văn Hùng", "12/03/1965", "Hàm Tiến, Phan Thiết", "GIÁM ĐỐC", "SỞ NỘI VỤ", "Đảng viên"],
    ["Trần Thị Ánh", "1970", "Phan Rí Cửa, Tuy Phong", "PHÓ GIÁM ĐỐC", "SỞ TÀI CHÍNH", None],
]


def _old_cadres(path):
    rows = [[row[0].replace("Ánh", "Anh"), *row[1:]] for row in ROWS]  # .VnTime has no Á
    return legacy_workbook(path, HEADERS, rows, {0: ".VnTime", 2: "VNI-Times", 3: ".VnTimeH", 4: ".VnTimeH",
                                                 5: ".VnTime"}, header_font=".VnTime")


def _exported(cli, kind, path):
    assert cli("export", kind, "--out", path)[0] == 0
    return [list(row) for row in openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True)]


def test_an_old_cadre_list_comes_in_as_unicode_and_the_summary_shows_it(cli, tmp_path):
    code, out, err = cli("import", "cadres", _old_cadres(tmp_path / "danh_sach_cu.xlsx"))
    assert code == 0, out + err
    assert "Ô chuyển từ mã cũ (TCVN3/VNI): 15" in out
    assert "«Hä vµ tªn» → «Họ và tên»" in out
    assert "Thêm mới: 2" in out
    rows = _exported(cli, "cadres", tmp_path / "ra.xlsx")
    by_name = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert set(by_name) == {"Nguyễn Văn Hùng", "Trần Thị Anh"}
    hung = by_name["Nguyễn Văn Hùng"]
    assert (hung["Quê quán"], hung["Chức vụ"], hung["Đơn vị công tác"], hung["Ghi chú"]) == \
        ("Hàm Tiến, Phan Thiết", "GIÁM ĐỐC", "SỞ NỘI VỤ", "Đảng viên")


def test_dry_run_shows_the_conversion_and_writes_nothing(cli, tmp_path):
    code, out, _ = cli("import", "cadres", _old_cadres(tmp_path / "cu.xlsx"), "--dry-run")
    assert code == 0 and "Ô chuyển từ mã cũ (TCVN3/VNI): 15" in out and "→" in out
    assert len(_exported(cli, "cadres", tmp_path / "ra.xlsx")) == 1


def test_a_unicode_workbook_reports_no_conversion(cli, tmp_path, cadres_file):
    code, out, _ = cli("import", "cadres", cadres_file)
    assert code == 0 and "mã cũ" not in out


def _typed(value, column):
    """Each text cell typed as an old file would have it: TCVN3 where the font can, else VNI."""
    if not isinstance(value, str) or value.isascii():
        return value, None
    if column % 2 == 0:
        try:
            return to_tcvn3(value), ".VnTime"
        except ValueError:
            pass
    return to_vni(value), "VNI-Times"


def test_every_kind_and_every_text_column_reads_the_same_from_an_old_file(cli, tmp_path, capsys, monkeypatch):
    converted = {}
    for kind, (headers, rows) in SAMPLES.items():
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(headers)
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                typed, font = _typed(value, c)
                cell = sheet.cell(row=r, column=c, value=typed)
                if font:
                    cell.font = openpyxl.styles.Font(name=font)
        book.save(tmp_path / f"cu-{kind}.xlsx")
        code, out, err = cli("import", kind, tmp_path / f"cu-{kind}.xlsx")
        assert code == 0, out + err
        converted[kind] = _exported(cli, kind, tmp_path / f"ra-cu-{kind}.xlsx")
    unicode_db = Cli(tmp_path / "unicode.db", capsys, monkeypatch)
    assert unicode_db("init", "--admin", "quantri")[0] == 0
    for kind, (headers, rows) in SAMPLES.items():
        book = openpyxl.Workbook()
        book.active.append(headers)
        for row in rows:
            book.active.append(row)
        book.save(tmp_path / f"moi-{kind}.xlsx")
        assert unicode_db("import", kind, tmp_path / f"moi-{kind}.xlsx")[0] == 0
        assert _exported(unicode_db, kind, tmp_path / f"ra-moi-{kind}.xlsx") == converted[kind], kind
