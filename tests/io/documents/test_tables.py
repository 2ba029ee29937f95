"""Column widths of the document tables: a slip number or a date is never broken; a person's name
stays on one line while the other text columns' values keep to two lines, and gives way first when
they would not; a name too long to keep whole takes two lines, the other text the rest."""

import dataclasses
import datetime as dt
import io
import math
import random

import pytest

from bvct_desktop.core.fields import Field
from bvct_desktop.core.kinds import COMPLAINTS, SLIPS
from bvct_desktop.io.documents import fonts, layout, particulars, profile, reminder, sheets, tables, vitae_form
from bvct_desktop.io.documents.fonts import BOLD, REGULAR
from bvct_desktop.io.documents.layout import wrap

S = SLIPS.field
SIZE, PADDING = 12, 3.0
NAME = "Đặng Thị Ngọc Phượng"
ON = dt.date(2026, 3, 2)
HOME_TOWN = "xã Phan Rí Thành, huyện Bắc Bình, tỉnh Bình Thuận"
COLUMNS = (tables.counter(), tables.of(S("number"), 0.9), tables.of(S("full_name"), 1.8, unbroken=True),
           tables.of(S("home_town"), 1.7))
ROWS = [[str(n), f"{1000 + n}/PXM", NAME if n == 1 else "Lê Văn Tài", HOME_TOWN] for n in range(1, 30)]


@pytest.fixture(autouse=True)
def _fonts():
    fonts.register()


def needs(text: str) -> float:
    return fonts.width(text, REGULAR, SIZE) + 2 * PADDING


@pytest.mark.parametrize("width", [420, 468, 700])
def test_a_name_stays_on_one_line_while_the_place_keeps_room(width):
    widths = tables.column_widths(COLUMNS, width, SIZE, PADDING, ROWS)
    assert sum(widths) == pytest.approx(width)
    assert widths[1] >= needs("1029/PXM") and widths[2] >= needs(NAME)
    assert len(wrap(HOME_TOWN, REGULAR, SIZE, widths[3] - 2 * PADDING)) <= 2  # the place still has room


def test_in_a_table_too_narrow_the_name_gives_way_before_the_number():
    widths = tables.column_widths(COLUMNS, 250, SIZE, PADDING, ROWS)
    assert sum(widths) == pytest.approx(250)
    assert widths[1] >= needs("1029/PXM")  # a number is never broken
    assert widths[2] < needs(NAME) and widths[3] > widths[2]  # the name breaks: the place keeps the most room


def test_in_the_reminders_list_a_name_keeps_to_one_line_and_a_very_long_one_to_two():
    # the names longer than the share kept whole were broken a word a line, the home town given the rest
    columns = (tables.counter(), tables.of(S("number"), 0.9), tables.of(S("issued_on"), 1.0),
               tables.of(S("full_name"), 1.8, unbroken=True), tables.of(S("birth_date"), 0.9),
               tables.of(S("home_town"), 1.7), tables.plain("late", "Quá hạn (ngày)", 0.7, whole=True))
    very_long = "Tôn Nữ Thị Phương Thảo Nguyên Khánh Huyền Trang"
    home_town = "xã Tam Thanh, huyện Phú Quí, tỉnh Bình Thuận"
    rows = [["1", "1234", "15/08/2025", very_long, "1972", f"{home_town} (nay là xã Tam Thanh, tỉnh Lâm Đồng)", "446"]]
    rows += [[str(n), f"{2000 + n}/PXM", "02/06/2026", f"Trần Văn Thử Nghiệm Số {n}", "1951", home_town, "151"]
             for n in range(2, 40)]
    widths = tables.column_widths(columns, 468, SIZE, PADDING, rows)
    assert sum(widths) == pytest.approx(468)

    def lines(text: str, column: int) -> int:
        return len(wrap(text, REGULAR, SIZE, widths[column] - 2 * PADDING))

    assert lines(very_long, 3) == 2 and all(lines(row[3], 3) == 1 for row in rows[1:])
    assert lines(home_town, 5) <= 3  # the home town takes the rest, not a word a line
    assert widths[1] >= needs("2039/PXM") and widths[2] >= needs("02/06/2026")


def test_words_joined_by_a_no_break_space_are_one_word_to_the_column_too():
    """A period «01/09/2012 – 08/2016» keeps its dash with the first day (a no-break space): its column is
    never narrower than the two together, as the line is drawn."""
    period = "01/09/2012\u00a0– 08/2016"
    columns = (tables.counter(), tables.plain("period", "Thời gian", 1.0), tables.plain("details", "Nội dung", 3.0))
    rows = [["1", period, "Hội viên Hội hữu nghị Nhật – Việt tại Osaka, tham gia Ban chấp hành " * 4]]
    widths = tables.column_widths(columns, 300, SIZE, PADDING, rows)
    assert widths[1] >= needs("01/09/2012\u00a0–")
    assert wrap(period, REGULAR, SIZE, widths[1] - 2 * PADDING)[0] == "01/09/2012\u00a0–"


def test_long_home_towns_do_not_squeeze_the_names_to_a_word_a_line():
    # the reminder's list with the tour's long values: the name had 47 pt, «Tôn Nữ / Thị / Phương / Hoàng …»
    columns = reminder.COLUMNS
    towns = ("Xã Hàm Thạnh, huyện Hàm Thuận Nam (cũ), tỉnh Bình Thuận (nay là xã Hàm Thạnh, tỉnh Lâm Đồng)",
             "Phường Phước Hội, thị xã La Gi (cũ), tỉnh Bình Thuận (nay là phường Phước Hội, tỉnh Lâm Đồng)")
    first = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Tôn Nữ")
    middle = ("Thị Phương", "Văn", "Hoàng Anh", "Ngọc Bảo", "Thị Thanh", "Minh", "Đức")
    last = ("Nguyệt", "Hùng", "Thùy Dương", "Khánh Linh", "Trường Giang", "Hải Đăng", "Phương Thảo")
    names = [f"{first[n % 11]} {middle[n // 3 % 7]} {last[n // 7 % 7]}" for n in range(400)]
    rows = [[str(n), f"{1000 + n}/PXM-BTCTU", "02/01/2025", name, "1943", towns[n % 2], "672"]
            for n, name in enumerate(names, start=1)]
    widths = tables.column_widths(columns, 453.5, 13, PADDING, rows)
    assert sum(widths) == pytest.approx(453.5)
    word_a_line = [name for name in names if len(wrap(name, REGULAR, 13, widths[3] - 2 * PADDING)) == len(name.split())]
    assert len(word_a_line) <= len(names) // 20
    assert len(wrap(towns[1], REGULAR, 13, widths[5] - 2 * PADDING)) <= 7  # the home town still has room


def _pages_drawn(monkeypatch, office, rows: int, whole_up_to: int, room_for: float) -> dict[str, int]:
    """Each row's first cell and the page it was drawn on, the table started with room for `room_for`
    rows below its header; the last row is the total."""
    c = layout.DocumentCanvas(io.BytesIO(), profile.load(), layout.Letterhead.from_settings(office), "Phụ lục", ON)
    flow = layout.Flow(c)
    records = [{"label": f"Dòng {n}", "count": n} for n in range(1, rows)] + [
        {"label": "Tổng cộng", "count": rows, tables.TOTAL: True}]
    columns = (tables.plain("label", "Nội dung", 3.0), tables.plain("count", "Số lượng", 1.0, "center"))
    table = tables.Table(flow, columns, records, whole_up_to=whole_up_to)
    flow.y = c.bottom + table.header_height + table._wrapped(0)[2] * room_for
    drawn: dict[str, int] = {}
    original = tables.Table._draw_row
    monkeypatch.setattr(tables.Table, "_draw_row", lambda self, lines, *rest: (
        drawn.setdefault(lines[0][0], c.getPageNumber()), original(self, lines, *rest)))
    table.draw()
    return drawn


def test_a_long_tables_total_is_never_alone_on_a_page(monkeypatch, office):
    """Phụ lục 3 ended a page at «4 Khác», the next held only the header and «Tổng cộng 40»."""
    drawn = _pages_drawn(monkeypatch, office, 30, whole_up_to=10, room_for=29.5)
    assert drawn["Tổng cộng"] == drawn["Dòng 29"] != drawn["Dòng 1"]


def test_a_short_table_starts_on_a_page_that_holds_it_whole(monkeypatch, office):
    drawn = _pages_drawn(monkeypatch, office, 8, whole_up_to=10, room_for=6.5)
    assert drawn["Dòng 1"] == drawn["Tổng cộng"]


def test_long_slip_numbers_do_not_crush_the_home_town_to_a_word_a_line():
    # the tour's list of 198 overdue slips «1947/PXM-BVCTNB»: the names kept on one line or two left
    # «Xã / Hàm / Tiến, / Thành / phố …» eleven lines a row, 28 pages for the letter and its list
    towns = ("Xã Hàm Tiến, Thành phố Phan Thiết, Tỉnh Bình Thuận", "Xã Phan Rí Cửa, Huyện Tuy Phong, Tỉnh Bình Thuận",
             "Xã Ngũ Phụng, Huyện Phú Quí", "Đức Linh")
    first = ("Nguyễn", "Trần", "Lý", "Dương", "Tôn Nữ", "Công Tằng Tôn Nữ")
    middle = ("Văn", "Thị", "Đình", "Thị Thanh", "Thị Ngọc Bích")
    last = ("Hùng", "Nguyệt", "Phượng", "Khoa", "Thuý")
    names = [f"{first[n % 6]} {middle[n // 6 % 5]} {last[n // 30 % 5]}" for n in range(198)]
    rows = [[str(n), f"{10 * n}/PXM-BVCTNB", "04/01/2016", name, "01/1949", towns[n % 4], "3.958"]
            for n, name in enumerate(names, start=1)]
    widths = tables.column_widths(reminder.COLUMNS, 467.7, SIZE, PADDING, rows)
    assert sum(widths) == pytest.approx(467.7)
    assert len(wrap(towns[0], REGULAR, SIZE, widths[5] - 2 * PADDING)) <= 5  # not a word a line
    assert all(len(wrap(name, REGULAR, SIZE, widths[3] - 2 * PADDING)) < len(name.split()) for name in names
               if len(name.split()) > 3)
    assert widths[1] >= needs("1980/PXM-BVCTNB")  # the number is never broken


@pytest.mark.parametrize(("count", "width"), [(1, 330), (3, 330), (1, 400), (3, 400), (12, 400), (12, 468)])
def test_a_header_longer_than_its_cells_is_weighed_with_them_never_a_word_a_line(count, width):
    """A figures table whose headers say more than its numbers: the unit's column kept every name on one
    line and left «Phiếu / yêu / cầu / xác / minh / đã / gửi» a word a line beside it (the fitter counted
    the body's lines, not the header's). Each header keeps its words whole; where the unit's names on two
    lines make a long table taller than a header a word a line does (12 rows in 330 pt), the table's
    height decides."""
    columns = (tables.counter(), tables.plain("unit", "Đơn vị", 1.0),
               tables.plain("sent", "Phiếu yêu cầu xác minh đã gửi", 1.0, "center", whole=True),
               tables.plain("people", "Người được xác minh lý lịch", 1.0, "center", whole=True),
               tables.plain("answered", "Phiếu đã có kết quả trả lời", 1.0, "center", whole=True),
               tables.plain("late", "Phiếu quá hạn chưa trả lời", 1.0, "center", whole=True))
    rows = [[str(n), f"Huyện ủy Hàm Thuận Bắc {n}", "1.250", "480", "1.100", "37"] for n in range(1, count + 1)]
    widths = tables.column_widths(columns, width, SIZE, PADDING, rows)
    assert sum(widths) == pytest.approx(width)
    for column, room in zip(columns, widths, strict=True):
        header = wrap(column.label, BOLD, SIZE, room - 2 * PADDING)
        assert all(fonts.width(line, BOLD, SIZE) <= room - 2 * PADDING + 0.01 for line in header), header
        assert len(column.label.split()) < 3 or len(header) < len(column.label.split()), header


PORTRAIT = 467.7  # the trích ngang's text width
FATHER_IN_LAW = ["1", "Cha vợ", "Tôn Nữ Thị Phương Thảo Nguyên", "1948",
                 "xã Phan Rí Thành, huyện Bắc Bình, tỉnh Bình Thuận (nay là xã Phan Rí Thành, tỉnh Lâm Đồng)",
                 "Nguyên Phó Chủ tịch Ủy ban nhân dân huyện",
                 "số 1234 đường Trần Hưng Đạo, phường Phú Thủy, thành phố Phan Thiết (nay: phường Phú Thủy, Lâm Đồng)",
                 "Bản khai lý lịch 2C/TCTW-98"]
MOTHER = ["2", "Mẹ", "Nguyễn Thị Bích Ngọc", "1952",
          "xã Hàm Tiến, huyện Hàm Thuận Bắc, tỉnh Bình Thuận (nay: thuộc Lâm Đồng)", "Hưu trí", "phường Mũi Né",
          "Danh sách thân nhân"]
VETTING = ["1", "1042/PXM", "05/01/2026", "Đặng Thị Ngọc Phượng", "Em ruột", "Quy hoạch cấp ủy",
           "Phòng PV27 – Công an tỉnh Bình Thuận", "Không có tiền án tiền sự, lý lịch rõ ràng"]


def cell_lines(rows, widths, row: int, column: int) -> int:
    return len(wrap(rows[row][column], REGULAR, SIZE, widths[column] - 2 * PADDING))


def no_width_lowers_the_table(columns, rows, widths, tall: int) -> bool:
    """Whether no width moved to column `tall` from another (1 to 60 pt, none below its longest word)
    draws the table in fewer lines: its cells are as short as the others' needs let them be."""
    drawn = tables._as_drawn(columns, rows, widths, SIZE, PADDING)
    least = [max(tables._widest(column.label.split(), BOLD, SIZE), tables._least_values(rows, i, column, SIZE))
             + 2 * PADDING for i, column in enumerate(columns)]
    for donor in (i for i in range(len(columns)) if i != tall):
        for amount in range(1, 61):
            if widths[donor] - amount < least[donor]:
                break
            moved = [w + amount if i == tall else w - amount if i == donor else w for i, w in enumerate(widths)]
            if tables._as_drawn(columns, rows, moved, SIZE, PADDING) < drawn:
                return False
    return True


def test_a_relatives_home_town_takes_the_room_the_others_spare_in_its_row():
    """The trích ngang's family table: the mother's home town stood on 11 lines beside her name, her
    occupation, home and source on one or two, the width held by columns her row did not need. The
    father-in-law's long row above needs most of it; the home town takes what is left (7 lines), and
    alone on the page (a table of her row) 4."""
    rows = [FATHER_IN_LAW, MOTHER]
    widths = tables.column_widths(sheets.RELATIVE_COLUMNS, PORTRAIT, SIZE, PADDING, rows)
    assert sum(widths) == pytest.approx(PORTRAIT)
    assert cell_lines(rows, widths, 1, 4) <= 7
    assert tables._as_drawn(sheets.RELATIVE_COLUMNS, rows, widths, SIZE, PADDING) <= 22  # was 26
    assert no_width_lowers_the_table(sheets.RELATIVE_COLUMNS, rows, widths, 4)
    alone = tables.column_widths(sheets.RELATIVE_COLUMNS, PORTRAIT, SIZE, PADDING, [MOTHER])
    assert cell_lines([MOTHER], alone, 0, 4) <= 4


def test_a_slips_result_is_no_taller_than_the_others_in_its_row_need():
    """Section VII: «Kết quả» on 7 lines beside a name on one and a purpose on three; now as tall as
    «Nơi nhận phiếu» beside it (5), the table no taller than any width moved to it makes it."""
    rows = [VETTING]
    widths = tables.column_widths(sheets.VETTING_COLUMNS, PORTRAIT, SIZE, PADDING, rows)
    assert sum(widths) == pytest.approx(PORTRAIT)
    assert cell_lines(rows, widths, 0, 7) <= min(5, cell_lines(rows, widths, 0, 6))
    assert cell_lines(rows, widths, 0, 3) == 1  # the name kept whole
    assert no_width_lowers_the_table(sheets.VETTING_COLUMNS, rows, widths, 7)


def test_the_last_pass_never_draws_a_table_in_more_lines(monkeypatch):
    """Over varied tables (names, numbers, long and short texts, one row to a register's), the widths
    after the pass that moves width to the tall rows' cells draw the table in no more lines than before."""
    passes = []
    original = tables._balanced
    monkeypatch.setattr(tables, "_balanced", lambda columns, texts, widths, *rest: passes.append(
        (columns, texts, widths, original(columns, texts, widths, *rest))) or passes[-1][3])
    chosen = random.Random(20260930)
    places = [HOME_TOWN, MOTHER[4], FATHER_IN_LAW[6], "Mũi Né", "", "Phòng PV27 – Công an tỉnh Bình Thuận"]
    for _ in range(40):
        columns = [tables.counter(), tables.of(S("number"), 0.9), tables.of(S("full_name"), 1.6, unbroken=True)]
        columns += [tables.plain(f"text{n}", chosen.choice(["Quê quán", "Nơi nhận phiếu", "Kết quả xác minh"]),
                                 chosen.uniform(0.6, 2.0)) for n in range(chosen.randint(1, 5))]
        rows = [[str(n), f"{1000 + n}/PXM", chosen.choice([NAME, FATHER_IN_LAW[2], "Lê Văn Tài"]),
                 *(chosen.choice(places) for _ in columns[3:])] for n in range(1, chosen.choice([2, 3, 8, 60]))]
        tables.column_widths(columns, chosen.uniform(300, 770), SIZE, PADDING, rows)
    assert len(passes) == 40
    moved = 0
    for columns, texts, before, after in passes:
        assert sum(after) == pytest.approx(sum(before))
        assert (tables._as_drawn(columns, texts, after, SIZE, PADDING)
                <= tables._as_drawn(columns, texts, before, SIZE, PADDING))
        moved += after != before
    assert moved >= 5  # the pass had work to do


def test_a_name_gives_the_room_beyond_its_one_line_to_the_cells_that_make_its_row_tall():
    """A short name in a wide column beside a long authority and a long reason: the name stays whole on one line
    and lends what it does not need, so the row is not drawn taller for a column of white."""
    columns = (tables.counter(), tables.of(Field("name", "Họ và tên người được xác minh"), 3.0, unbroken=True),
               tables.of(Field("authority", "Cấp quyết định"), 1.0), tables.of(Field("reason", "Lý do"), 1.0))
    row = ["1", "Nguyễn Thị Phương Thảo", "Ban Thường vụ Tỉnh ủy Bình Thuận (nay là Ban Thường vụ Tỉnh ủy Lâm Đồng)",
           "Vi phạm quy định về quản lý đất đai tại địa phương trong nhiều năm liền"]
    widths = tables.column_widths(columns, 300, 11, texts=[row])
    lines = [len(wrap(text, REGULAR, 11, width - 2 * tables.PADDING)) for text, width in zip(row, widths, strict=True)]
    assert lines[1] == 1 and max(lines) <= 6, (lines, widths)


FARMER = "quê quán: Xã Hàm Tiến, tỉnh Bình Thuận; nghề nghiệp: Làm ruộng"
WORKER = "quê quán: Bình Thuận; nghề nghiệp: Công nhân; nơi ở: Phường Phú Thủy, thành phố Phan Thiết"
RETIRED = "nghề nghiệp: Hưu trí; nơi ở: Phường Mũi Né"
FAMILY = [["Mẹ vợ", "Nguyễn Văn An", "1943", f"quê quán: {FATHER_IN_LAW[4]}; nghề nghiệp: {FATHER_IN_LAW[5]}"],
          ["Cha chồng", "Lê Thị Bích", "1993", RETIRED], ["Con", "Nguyễn Văn An", "1972", WORKER],
          ["Vợ", "Trần Văn Hùng Dũng", "1995", FARMER], ["Vợ", "Nguyễn Văn An", "1990", RETIRED],
          ["Cha", "Đặng Thị Ngọc Phượng", "1960", "nghề nghiệp: Học sinh"],
          ["Cha chồng", "Trần Văn Hùng Dũng", "1968", WORKER],
          ["Mẹ vợ", "Tôn Nữ Thị Phương Thảo Nguyên", "2007", WORKER], ["Cha", "Nguyễn Thị Bích Ngọc", "1981", WORKER],
          ["Cha chồng", "Nguyễn Văn An", "1978", RETIRED]]


def lines_drawn(columns, rows, widths) -> int:
    """The table's lines on paper: the header row's and each row's, as tall as its tallest cell."""
    header = max(len(wrap(column.label, BOLD, SIZE, width - 2 * PADDING))
                 for column, width in zip(columns, widths, strict=True))
    return header + sum(max(cell_lines(rows, widths, r, i) for i in range(len(columns))) for r in range(len(rows)))


def test_the_relation_takes_the_room_that_keeps_it_on_one_line_from_the_text_beside_it():
    """Form 2C's family table of ten relatives: the last pass widened «Mối quan hệ» only as far as its header
    needed on two lines, so «Cha chồng» stayed on two lines in three rows and the table took 22 lines; given the
    room to keep the relation on one line from the long text beside it, the table takes 20."""
    widths = tables.column_widths(vitae_form.FAMILY_COLUMNS, PORTRAIT, SIZE, PADDING, FAMILY)
    assert sum(widths) == pytest.approx(PORTRAIT)
    assert lines_drawn(vitae_form.FAMILY_COLUMNS, FAMILY, widths) <= 20  # was 22
    assert all(cell_lines(FAMILY, widths, r, 0) == 1 for r in range(len(FAMILY)))


WORDS = ("xã phường huyện tỉnh Bình Thuận Lâm Đồng Công an Phòng PV27 không có tiền án tiền sự lý lịch rõ ràng quy "
         "hoạch cấp ủy Ban Thường vụ Tỉnh ủy nguyên Phó Chủ tịch Ủy ban nhân dân em ruột cha mẹ vợ chồng Nguyễn Trần "
         "Lê Thị Văn Ngọc Phượng Hùng Dũng đã trả lời chưa xác minh được đề nghị bổ sung").split()


def free_text_slips(count: int) -> list[list[str]]:
    """A year's slips whose every text is a free reply of 1 to 14 words: no two cells alike."""
    chosen = random.Random(count)

    def text() -> str:
        return " ".join(chosen.choice(WORDS) for _ in range(chosen.randint(1, 14)))

    return [[str(n), f"{1000 + n}/PXM", "05/01/2026", text(), text(), text(), text(), text()]
            for n in range(1, count + 1)]


def test_a_register_of_long_free_texts_is_fitted_in_work_growing_with_its_rows_not_faster(monkeypatch):
    """The trích ngang's slips with a reply of up to 14 words in every text column: 200 rows took 5 s to fit,
    2,000 did not finish in 10 minutes (every width tried counted over every row, a cut for every value's
    break). The work — a text measured, a value's lines counted at a width — grows at most as the rows do:
    ten times the rows, no more than twelve times the work."""
    work, limit = [0], [math.inf]

    def counted(function):
        def call(*args):
            work[0] += 1
            if work[0] > limit[0]:
                raise AssertionError(f"more than {limit[0]} texts measured and lines counted")
            return function(*args)
        return call

    monkeypatch.setattr(tables, "_count", counted(tables._count))
    monkeypatch.setattr(fonts, "width", counted(fonts.width))
    tables.column_widths(sheets.VETTING_COLUMNS, PORTRAIT, SIZE, PADDING, free_text_slips(200))
    limit[0], work[0] = 12 * work[0], 0
    widths = tables.column_widths(sheets.VETTING_COLUMNS, PORTRAIT, SIZE, PADDING, free_text_slips(2_000))
    assert sum(widths) == pytest.approx(PORTRAIT)
    assert widths[1] >= needs("2000/PXM") and widths[2] >= needs("05/01/2026")  # never broken


def test_a_long_penalty_wraps_at_words_and_a_short_one_stays_whole():
    """The trích ngang's discipline table: a penalty kept on one line like a name squeezed «Cấp quyết định» and
    «Lý do» to 12 lines beside «Cách tất cả các chức vụ …» on 5. A penalty no wider than a name kept whole may be
    (on two lines in UNBROKEN_SHARE of the table) stays on one line; a longer one wraps at words like any text."""
    long = "Cách tất cả các chức vụ trong Đảng và cách chức Phó Giám đốc Sở Tài nguyên và Môi trường"
    authority = "Ban Thường vụ Tỉnh ủy Bình Thuận (nay là Ban Thường vụ Tỉnh ủy Lâm Đồng)"
    rows = [["1", "12/03/2024", "Đảng", long, authority, "123-QĐ/TU",
             "Vi phạm quy định về quản lý đất đai tại địa phương trong nhiều năm liền", "12/03/2025"],
            ["2", "05/01/2020", "Chính quyền", "Cảnh cáo", "Ủy ban nhân dân tỉnh Bình Thuận", "45/QĐ-UBND",
             "Thiếu trách nhiệm trong công tác quản lý", "05/01/2021"]]
    widths = tables.column_widths(particulars.DISCIPLINE_COLUMNS, PORTRAIT, SIZE, PADDING, rows)
    assert sum(widths) == pytest.approx(PORTRAIT)
    assert cell_lines(rows, widths, 1, 3) == 1  # «Cảnh cáo» whole
    assert max(cell_lines(rows, widths, 0, column) for column in (4, 6)) <= 8, widths  # was 12
    assert lines_drawn(particulars.DISCIPLINE_COLUMNS, rows, widths) < 12 + 6 + 2


C = COMPLAINTS.field
LETTER_COLUMNS = (tables.counter(), tables.of(C("received_on"), 1.0), tables.of(C("sender"), 1.8, unbroken=True),
                  tables.of(C("complaint_kind"), 1.0), tables.of(C("subject_name"), 1.8, unbroken=True),
                  tables.of(C("summary"), 3.0), tables.of(C("due_on"), 1.0), tables.of(C("resolved_on"), 1.0),
                  tables.of(C("result"), 1.7))
SUMMARY = ("Phản ánh việc kê khai lý lịch không trung thực về quá trình công tác và quan hệ gia đình, "
           "đề nghị cơ quan có thẩm quyền xem xét, xác minh và trả lời bằng văn bản")
LATE = "12/05/2026 (quá hạn 208 ngày)"


def test_how_late_a_deadline_is_wraps_under_its_day_and_leaves_the_summary_its_room():
    """The letters list gave «12/05/2026 (quá hạn 208 ngày)» its whole width as a date kept whole, and the summary
    took 5 lines: the day is never broken, the words saying how late it is may go on the line below."""
    rows = [[str(n), "12/03/2026", "Nguyễn Thị Phương Thảo", "Tố cáo", "Trần Văn Quang", SUMMARY, LATE, "", ""]
            for n in range(1, 6)]
    widths = tables.column_widths(LETTER_COLUMNS, 700, SIZE, PADDING, rows)
    assert sum(widths) == pytest.approx(700)
    assert widths[6] >= needs("12/05/2026")
    assert wrap(LATE, REGULAR, SIZE, widths[6] - 2 * PADDING)[0].startswith("12/05/2026")
    assert cell_lines(rows, widths, 0, 5) <= 4, widths


def test_a_kept_whole_value_without_words_after_it_is_never_broken():
    columns = (tables.counter(), tables.of(C("due_on"), 1.0), tables.of(C("summary"), 3.0))
    rows = [["1", LATE, SUMMARY * 3], ["2", "01/06/2026", SUMMARY]]
    widths = tables.column_widths(columns, 300, SIZE, PADDING, rows)
    assert widths[1] >= needs("01/06/2026")
    assert wrap(LATE, REGULAR, SIZE, widths[1] - 2 * PADDING)[0].startswith("12/05/2026")


def test_a_text_typed_in_short_lines_asks_the_width_of_its_widest_line_not_of_all_of_them_in_one():
    """«Nội dung tóm tắt» keeps the lines it was typed in: measured as one line, a summary of three short lines
    claimed the width of all three side by side, and the result beside it broke."""
    summary = "1. Kê khai sai năm sinh\n2. Không khai người thân\n3. Đề nghị xác minh lại"
    result = "Đã xác minh, trả lời bằng văn bản cho người gửi đơn"
    columns = (tables.counter(), tables.of(C("summary"), 1.0), tables.of(C("result"), 1.0))
    rows = [["1", summary, result], ["2", summary, result]]
    width = needs("1") + needs("2. Không khai người thân") + needs(result) + 20
    widths = tables.column_widths(columns, width, SIZE, PADDING, rows)
    assert sum(widths) == pytest.approx(width)
    assert len(wrap(result, REGULAR, SIZE, widths[2] - 2 * PADDING)) == 1, widths
    assert len(wrap(summary, REGULAR, SIZE, widths[1] - 2 * PADDING)) == 3


@pytest.mark.parametrize("width", [520, 700, 760])
def test_a_letter_s_kind_is_never_broken_beside_a_long_sender_and_the_summary_keeps_its_room(width):
    """«Tố cáo» printed «Tố / cáo» beside the sender: a choice among a handful of short fixed words stays on one
    line, as an officer reads it, taking from the summary no more than that line."""
    sender = "Nguyễn Thị Phương Thảo, thôn Đông Hòa, xã Bình Minh, huyện Tuy Phong, tỉnh Bình Thuận"
    kinds = ("Tố cáo", "Kiến nghị", "Khiếu nại")
    rows = [[str(n), "12/03/2026", sender, kinds[n % 3], "Trần Văn Quang", SUMMARY, LATE, "", "Không có cơ sở"]
            for n in range(1, 13)]
    columns = [dataclasses.replace(column, kept=tables.short_choices(column.field)) for column in LETTER_COLUMNS]
    widths = tables.column_widths(columns, width, SIZE, PADDING, rows)
    assert sum(widths) == pytest.approx(width)
    assert all(len(wrap(kind, REGULAR, SIZE, widths[3] - 2 * PADDING)) == 1 for kind in kinds), widths
    assert widths[3] <= needs("Khiếu nại") + 1
    assert widths[5] >= max(widths[i] for i in (1, 3, 6, 7))  # the summary is still the widest of the rest


@pytest.mark.parametrize("width", [520, 700, 760])
def test_a_letter_s_result_in_a_short_phrase_keeps_its_words_on_one_or_two_lines(width):
    """The letters list printed «Không / có cơ / sở», three lines for three words, beside the summary and the
    sender: a value of a few words («Không có cơ sở», «Đúng một phần») takes at most two lines, its width taken
    from the long texts beside it, while a longer result typed in a sentence wraps at its words."""
    sender = "Nguyễn Thị Phương Thảo, thôn Đông Hòa, xã Bình Minh, huyện Tuy Phong, tỉnh Bình Thuận"
    phrases = ("Không có cơ sở", "Có cơ sở", "Đúng một phần")
    results = (*phrases, "", "Đã xác minh, trả lời bằng văn bản cho người gửi đơn")
    rows = [[str(n), "12/03/2026", sender if n % 3 else "Nặc danh", "Tố cáo", "Trần Văn Quang", SUMMARY, LATE,
             "01/06/2026", results[n % 5]] for n in range(1, 13)]
    columns = [dataclasses.replace(column, kept=tables.short_choices(column.field)) for column in LETTER_COLUMNS]
    widths = tables.column_widths(columns, width, SIZE, PADDING, rows)
    assert sum(widths) == pytest.approx(width)
    for phrase in phrases:
        lines = wrap(phrase, REGULAR, SIZE, widths[8] - 2 * PADDING)
        assert len(lines) <= 2 and " ".join(lines) == phrase, (phrase, lines, widths)


def test_only_the_choices_of_a_field_of_short_choices_are_kept_on_one_line():
    """A long choice («Có vấn đề nhưng không vi phạm (có mức giới hạn)») and a value typed or imported into a choice
    column wrap at their words like any text."""
    from bvct_desktop.core.personfile.political import POLITICAL_NOTES

    assert {"Tố cáo", "Kiến nghị", "Khiếu nại"} <= tables.short_choices(C("complaint_kind"))
    assert "Kết nạp Đảng" in tables.short_choices(S("purpose"))
    assert not tables.short_choices(POLITICAL_NOTES.field("effect")) and not tables.short_choices(C("summary"))
    typed = "Thẩm tra tiêu chuẩn chính trị trước khi bổ nhiệm lại"
    purpose = dataclasses.replace(tables.of(S("purpose"), 1.0), kept=tables.short_choices(S("purpose")))
    columns = (tables.counter(), purpose, tables.of(S("home_town"), 1.0))
    widths = tables.column_widths(columns, 200, SIZE, PADDING, [["1", typed, HOME_TOWN], ["2", "Kết nạp Đảng", ""]])
    assert len(wrap("Kết nạp Đảng", REGULAR, SIZE, widths[1] - 2 * PADDING)) == 1
    assert widths[1] < needs(typed)


def test_a_dated_column_keeps_a_day_with_its_word_and_how_late_on_two_lines_however_narrow_the_page():
    """«Đang xác minh, hạn 15/02/2023 (quá hạn 1.234 ngày)» beside a long text squeezing it: the day never parted
    from «hạn» (it goes down with it), how late it is on two lines at most, not a word a line."""
    dated = dataclasses.replace(tables.plain("conclusion", "Kết luận", 1.0), dated=True)
    columns = (tables.plain("replies", "Phiếu xác minh", 3.0), dated)
    late = tables.joined("Đang xác minh, hạn 15/02/2023 (quá hạn 1.234 ngày)")
    rows = [["Cục A93B: Không có tài liệu 12/02/2026; Phòng PV27 (Cha): Không có tàng thư 10/02/2026 " * 3, late]]
    for width in (200, 260, 300):
        widths = tables.column_widths(columns, width, 10, 2.0, rows)
        lines = [line.replace(tables.JOIN, " ") for line in wrap(late, REGULAR, 10, widths[1] - 4)]
        assert any("hạn 15/02/2023" in line for line in lines), lines
        assert not any(line.endswith("hạn") for line in lines), lines
        assert len([line for line in lines if "(" in line or ")" in line]) <= 2, lines
