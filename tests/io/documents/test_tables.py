"""Column widths of the document tables: a slip number or a date is never broken; a person's name
stays on one line while the other text columns keep room, and gives way first when they would not."""

import pytest

from bvct_desktop.core.kinds import SLIPS
from bvct_desktop.io.documents import fonts, tables
from bvct_desktop.io.documents.fonts import REGULAR

S = SLIPS.field
SIZE, PADDING = 12, 3.0
NAME = "Đặng Thị Ngọc Phượng"
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
    assert widths[3] - needs("Thành,") >= tables.ROOM_FOR_TEXT * width - 0.5  # the place still has room


def test_in_a_table_too_narrow_the_name_gives_way_before_the_number():
    widths = tables.column_widths(COLUMNS, 250, SIZE, PADDING, ROWS)
    assert sum(widths) == pytest.approx(250)
    assert widths[1] >= needs("1029/PXM")  # a number is never broken
    assert widths[2] < needs(NAME)  # the name breaks: the place keeps its share
    assert widths[3] - needs("Thành,") >= tables.ROOM_FOR_TEXT * 250 - 0.5
