"""Cells typed in TCVN3 or VNI are recognised — by their font first, by their text second —
and turned into NFC Unicode; Unicode text is never touched."""

import dataclasses
import unicodedata
from pathlib import Path

import pytest

from bvct_desktop.core.kinds import COMPLAINTS
from bvct_desktop.core.legacy import Encoding, convert_sheet, decode, encoding_of_font, guess
from bvct_desktop.io.xlsx_reader import Sheet
from tests.fixtures.legacy import TCVN3_CHART, to_tcvn3, to_tcvn3_capitals, to_vni

LOWER = "ăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
UPPER = LOWER.upper()
PLACES = ["Nguyễn Văn Hùng", "Phường Phú Thủy, thành phố Phan Thiết", "Trưởng phòng Tổ chức cán bộ",
          "xã Hàm Thuận, huyện Hàm Thuận Bắc", "Đặng Thị Ngọc Ánh", "Quỳnh Lưu, Nghệ An",
          "Đảng ủy Khối các cơ quan tỉnh", "Chăm, Hồi giáo"]


def test_every_tcvn3_letter_of_the_code_chart():
    assert len(TCVN3_CHART) == 74
    for letter, byte in TCVN3_CHART.items():
        assert decode(chr(byte), Encoding.TCVN3) == letter


def test_the_h_fonts_put_capitals_on_the_lower_case_bytes():
    assert decode("VI\xd6T NAM", Encoding.TCVN3_CAPITALS) == "VIỆT NAM"
    assert decode(to_tcvn3(LOWER), Encoding.TCVN3_CAPITALS) == UPPER
    assert decode(to_tcvn3_capitals("SỞ NỘI VỤ TỈNH BÌNH THUẬN"), Encoding.TCVN3_CAPITALS) == \
        "SỞ NỘI VỤ TỈNH BÌNH THUẬN"


def test_every_vni_letter_lower_and_upper_case():
    assert decode(to_vni(LOWER), Encoding.VNI) == LOWER
    assert decode(to_vni(UPPER), Encoding.VNI) == UPPER


@pytest.mark.parametrize(("typed", "encoding", "unicode"), [
    ("B\xb6o Th\xbeng", Encoding.TCVN3, "Bảo Thắng"),
    ("M\xadêng Kh\xad\xacng", Encoding.TCVN3, "Mường Khương"),
    ("Uû ban nh©n d©n", Encoding.TCVN3, "Uỷ ban nhân dân"),
    ("Xin chaøo caùc baïn", Encoding.VNI, "Xin chào các bạn"),
    ("TRÖÔØNG ÑAÏI HOÏC", Encoding.VNI, "TRƯỜNG ĐẠI HỌC"),
])
def test_known_examples_from_old_files(typed, encoding, unicode):
    converted = decode(typed, encoding)
    assert converted == unicode and unicodedata.is_normalized("NFC", converted)


@pytest.mark.parametrize(("font", "encoding"), [
    (".VnTime", Encoding.TCVN3), (".VnArial", Encoding.TCVN3), (".VnTimeH", Encoding.TCVN3_CAPITALS),
    (".VnArial NarrowH", Encoding.TCVN3_CAPITALS), ("VNI-Times", Encoding.VNI), ("VNI-Helve", Encoding.VNI),
    ("Times New Roman", None), ("Calibri", None), (None, None),
])
def test_the_font_name_tells_the_encoding(font, encoding):
    assert encoding_of_font(font) is encoding


@pytest.mark.parametrize("place", PLACES)
def test_text_in_an_ordinary_font_is_recognised_by_its_characters(place):
    assert guess(to_tcvn3(place.replace("Ủ", "U").replace("Á", "A"))) is Encoding.TCVN3
    assert guess(to_vni(place)) is Encoding.VNI


@pytest.mark.parametrize("text", PLACES + ["Hoà Bình", "Thái Bình", "Tô Hiến Thành", "«Phòng PV27»",
                                           "Café", "Số 12/PXM", "Müller", "Nguyễn"])
def test_unicode_and_foreign_text_are_left_alone(text):
    assert guess(text) is None


@dataclasses.dataclass
class FakeSheet(Sheet):
    """Cells and fonts (by Excel row and column) as the xlsx reader gives them; counts the font look-ups."""

    fonts: dict = dataclasses.field(default_factory=dict)
    lookups: list = dataclasses.field(default_factory=list)

    def column_fonts(self, columns, heard=None):
        self.lookups.extend(sorted(columns))
        return {c: [self.fonts.get((r, c), "Times New Roman") for r in range(1, self.height + 1)] for c in columns}


def fake_sheet(rows, fonts) -> FakeSheet:
    return FakeSheet.of_rows(Path("cu.xlsx"), rows, fonts=fonts)


def test_a_sheet_is_converted_in_place_with_counts_and_samples():
    sheet = fake_sheet(
        [["Hä vµ tªn", "Quê quán", "Năm"],
         [to_tcvn3("Lê Văn Tám"), to_vni("Hàm Tiến"), 1950],
         [to_tcvn3_capitals("NGUYỄN THỊ HOA"), "Mũi Né", "1952"],
         ["Trần Văn Ba", to_vni("Phan Rí Cửa"), None]],
        {(2, 1): ".VnTime", (3, 1): ".VnTimeH", (2, 2): "VNI-Times", (4, 2): "VNI-Times"})
    result = convert_sheet(sheet)
    assert sheet.rows == [["Họ và tên", "Quê quán", "Năm"], ["Lê Văn Tám", "Hàm Tiến", 1950],
                          ["NGUYỄN THỊ HOA", "Mũi Né", "1952"], ["Trần Văn Ba", "Phan Rí Cửa", None]]
    assert result.cells == 5
    assert result.by_encoding == {"TCVN3": 2, "TCVN3 chữ hoa": 1, "VNI": 2}
    assert result.samples[0] == ("Hä vµ tªn", "Họ và tên") and len(result.samples) == 3
    assert sheet.lookups == [1, 2]  # fonts read once, for the columns with legacy text only


def test_where_the_text_cannot_tell_the_font_decides():
    # "Thái" reads as Vietnamese in both: in a .VnTime cell it is TCVN3 for "Thỏi"
    sheet = fake_sheet([[to_tcvn3("Hà Nội"), "Thái"], ["Thái", "Café"], ["Néi", "Müller"]],
                      {(1, 1): ".VnTime", (1, 2): ".VnTime"})
    convert_sheet(sheet)
    assert sheet.rows == [["Hà Nội", "Thỏi"], ["Thái", "Café"], ["Nội", "Müller"]]


def test_a_unicode_sheet_reads_no_font_at_all():
    sheet = fake_sheet([["Họ và tên", "Quê quán"], ["Nguyễn Văn Hùng", "Hoà Bình"]], {})
    assert convert_sheet(sheet).cells == 0 and sheet.lookups == []


def test_the_sheet_is_converted_in_its_columns():
    rows = [["Hä vµ tªn", "Năm"], [to_tcvn3("Lê Văn Tám"), 1950], ["Trần Văn Ba", None]]
    sheet = fake_sheet(rows, {(1, 1): ".VnTime", (2, 1): ".VnTime"})
    convert_sheet(sheet)
    assert sheet.columns == [["Họ và tên", "Lê Văn Tám", "Trần Văn Ba"], ["Năm", 1950, None]]


@pytest.mark.parametrize(("capitals", "unicode"), [
    ("PH\xe3 CH\xf1 T\xdeCH", "PHÓ CHỦ TỊCH"), ("GI\xb8M \xae\xe8C S\xeb", "GIÁM ĐỐC SỞ"),
    (to_tcvn3_capitals("NGUYỄN VĂN ƯỚC"), "NGUYỄN VĂN ƯỚC"),
])
def test_capitals_typed_with_an_h_font_in_an_ordinary_cell_stay_capitals(capitals, unicode):
    assert guess(capitals) is Encoding.TCVN3_CAPITALS
    sheet = fake_sheet([["Chức vụ"], [capitals]], {})
    convert_sheet(sheet)
    assert sheet.rows == [["Chức vụ"], [unicode]]


def test_lower_case_tcvn3_with_capital_initials_is_not_taken_for_capitals():
    assert guess(to_tcvn3("Phó Chủ tịch")) is Encoding.TCVN3
    assert guess(to_tcvn3("Bảo Lộc")) is Encoding.TCVN3


NAMES = ["Nguyễn Văn Hùng", "Cao Minh Phúc", "Hà Thị Tú", "Lê Văn Lộc", "Trần Bích Tuấn", "Đỗ Văn Dũng"]


def test_a_legacy_column_in_an_ordinary_font_decides_the_cells_whose_text_reads_both_ways():
    # «Cao Minh Phóc», «Baù», «Sôn» read as Vietnamese too: their column says they are legacy
    sheet = fake_sheet([[to_tcvn3("Họ và tên"), to_vni("Quê quán")]]
                       + [[to_tcvn3(name), to_vni(place)] for name, place in
                          zip(NAMES, ["Bảo Lộc", "Cao Bá Minh", "Hàm Tân", "Bắc Sơn", "Đức Linh", "Phú Quý"],
                              strict=True)], {})
    result = convert_sheet(sheet)
    assert sheet.columns[0] == ["Họ và tên", *NAMES]
    assert sheet.columns[1] == ["Quê quán", "Bảo Lộc", "Cao Bá Minh", "Hàm Tân", "Bắc Sơn", "Đức Linh", "Phú Quý"]
    assert result.cells == 14


def test_a_mostly_legacy_column_keeps_its_unicode_foreign_and_number_cells():
    # «Hoà Bình» has à, which TCVN3 never writes; «Café», «Müller» would not read as Vietnamese
    column = [to_tcvn3(name) for name in NAMES] + ["Hoà Bình", "Café", "Müller", "PV27", 1975, None]
    sheet = fake_sheet([[value] for value in column], {})
    convert_sheet(sheet)
    assert sheet.columns[0] == NAMES + ["Hoà Bình", "Café", "Müller", "PV27", 1975, None]


def test_a_unicode_column_with_one_legacy_cell_keeps_its_ambiguous_cells():
    column = ["Nguyễn Văn Hùng", "Trần Thị Lụa", "Phạm Văn Đồng", "Thái", to_tcvn3("Lê Văn Lộc")]
    sheet = fake_sheet([[value] for value in column], {})
    convert_sheet(sheet)
    assert sheet.columns[0] == ["Nguyễn Văn Hùng", "Trần Thị Lụa", "Phạm Văn Đồng", "Thái", "Lê Văn Lộc"]


def test_unicode_headers_typed_above_old_data_stay_as_typed():
    # «Quê quán» would read «Quờ quỏn» in TCVN3: its row, in Unicode, says it is not
    data = [["Cao Minh Phúc", "Hàm Tân"], ["Lê Văn Lộc", "Bắc Bình"], ["Trần Bích Tuấn", "Đức Linh"],
            ["Nguyễn Văn Hùng", "Tánh Linh"]]
    headers = [["Danh sách cán bộ", None], ["Họ và tên", "Quê quán"]]
    sheet = fake_sheet(headers + [list(map(to_tcvn3, row)) for row in data], {})
    convert_sheet(sheet)
    assert sheet.rows == headers + data


def test_a_sample_shows_the_tcvn3_u_horn_byte_which_does_not_display():
    # TCVN3's «ư» is U+00AD, a soft hyphen that no screen shows: «H­ng Yªn» would read «Hng Yªn»
    sheet = fake_sheet([["Nơi ở"], [to_tcvn3("Hưng Yên")], ["NG\xadêI"]], {})
    assert convert_sheet(sheet).samples == [("H-ng Yªn", "Hưng Yên"), ("NG-êI", "NGƯỜI")]


@pytest.mark.parametrize("encode", [to_tcvn3, to_vni], ids=["tcvn3", "vni"])
def test_a_long_text_typed_in_lines_in_an_old_font_converts_with_its_lines(encode):
    summary = "Đơn phản ánh việc hòa giải\nchưa xong ở xã Hàm Thuận"
    typed = encode(summary).replace("\n", "\r\n")
    assert COMPLAINTS.field("summary").parse(decode(typed, guess(typed))) == summary
