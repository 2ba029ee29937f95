"""Searching a register as you type, with and without accents, Vietnamese typed key by key."""

import pytest

from bvct_desktop.core import browse
from bvct_desktop.gui import look
from bvct_desktop.gui.main_window import MainWindow
from bvct_desktop.gui.navigation import REGISTERS
from bvct_desktop.gui.qt import QApplication, QInputMethodEvent, QStyle
from bvct_desktop.gui.registers.page import RegisterPage
from tests.gui import register_support as support
from tests.gui.shell_support import type_text

NOTHING_FOUND = "Không tìm thấy bản ghi nào khớp «{}»: thử gõ ít từ hơn, chẳng hạn chỉ tên hoặc số CCCD."
NOTHING_FILTERED = "Không tìm thấy bản ghi nào khớp «{}» trong những bản ghi đang lọc: bỏ bớt bộ lọc hoặc gõ ít từ hơn."
NOTHING_IN_BIN = "Không tìm thấy bản ghi nào khớp «{}» trong thùng rác: bỏ chọn «Thùng rác» để tìm trong sổ."

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures

SEARCHES = [
    ("cadres", "nguyen hung", ["Nguyễn Văn Hùng"]),
    ("cadres", "NGUYỄN hùng", ["Nguyễn Văn Hùng"]),
    ("cadres", "đức", ["Lê Hoàng Đức", "Bùi Thị Hương"]),  # Đức Linh is her home town
    ("slips", "pv27", ["13/PXM"]),
    ("slips", "phạm bình", ["1/PXM", "13/PXM", "12/PXM"]),  # 13/PXM names him as the father
    ("archive-requests", "tam tanh linh", ["Nghiên cứu giúp tỉnh bạn"]),
    ("delegations", "nhat ban", ["125-QĐ/TU"]),
    ("complaints", "ly lich", ["02/05/2025"]),
]


@pytest.mark.parametrize(("kind", "typed", "first_cells"), SEARCHES)
def test_typing_filters_the_register(qtbot, context, kind, typed, first_cells):
    page = RegisterPage(context, kind)
    qtbot.addWidget(page)
    page.focus_search()
    type_text(page.search, typed)
    shown = [page.model.index(row, 0).data() for row in range(page.model.rowCount())]
    assert shown == first_cells
    assert page.count_label.text() == f"{len(first_cells)} bản ghi"
    page.search.clear()
    assert page.model.rowCount() == browse.count(context.db, kind)


def test_text_committed_by_an_input_method_is_searched_too(qtbot, context):
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    event = QInputMethodEvent()
    event.setCommitString("Ánh")
    QApplication.sendEvent(page.search, event)
    assert page.search.text() == "Ánh"
    assert [page.model.index(row, 0).data() for row in range(page.model.rowCount())] == ["Trần Thị Ánh"]


@pytest.mark.parametrize("kind", [kind for kind, _title in REGISTERS])
def test_the_search_box_says_what_it_searches_whole_on_a_1366_by_768_screen(qtbot, context, kind):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.navigation.select(kind)
    qtbot.waitExposed(window)
    search = window.current_page().search
    room = search.width() - 2 * search.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth) - 30  # the ✕
    assert search.fontMetrics().horizontalAdvance(search.placeholderText()) <= room, search.placeholderText()
    spec = browse.view(kind)
    also = spec.searched_also or ("nội dung" if spec.text_columns else "")
    assert f"họ tên, CCCD, quê quán{', ' + also if also else ''}" in search.toolTip()


def test_a_search_that_finds_nothing_says_so_the_words_searched_and_what_to_try(qtbot, context):
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    type_text(page.search, "khong ai ten nay")
    assert page.model.rowCount() == 0
    assert page.message.isVisibleTo(page)
    assert page.message.text() == NOTHING_FOUND.format("khong ai ten nay")
    assert look.colour("hint") in page.message.styleSheet()  # neither an error nor something done
    page.search.clear()
    assert not page.message.isVisibleTo(page)


def test_a_search_that_finds_nothing_under_a_filter_or_in_the_bin_says_where_it_looked(qtbot, context):
    """Tour: «nguyen van hung» under «Trạng thái: Đã trả lời» said only that nothing matched, as if no one of
    that name had a slip: the officer is told the filters narrowed it, or that the bin was searched."""
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.status.setCurrentIndex(page.status.count() - 1)
    type_text(page.search, "khong ai ten nay")
    qtbot.waitUntil(lambda: page.model.complete)
    assert page.message.text() == NOTHING_FILTERED.format("khong ai ten nay")
    page.status.setCurrentIndex(0)
    page.bin_switch.setChecked(True)
    qtbot.waitUntil(lambda: page.model.complete)
    assert page.message.text() == NOTHING_IN_BIN.format("khong ai ten nay")


def test_a_cadre_search_that_finds_no_one_whole_shows_those_holding_the_words_across_columns_and_says_so(
        qtbot, context):
    """«hung giam doc» (his name's word, his post's) found no one: a cadre was found by every word in his person
    or every word in his post. The register shows him, saying that no one holds the words whole; a search that
    finds someone whole, or no one even across the columns, says nothing of it."""
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    type_text(page.search, "hung giam doc")
    qtbot.waitUntil(lambda: page.model.complete)
    assert [page.model.index(row, 0).data() for row in range(page.model.rowCount())] == ["Nguyễn Văn Hùng"]
    assert page.message.isVisibleTo(page) and page.message.text() == (
        "Không có ai khớp trọn; đang hiện những hồ sơ có đủ các từ ở các cột khác nhau.")
    assert look.colour("hint") in page.message.styleSheet()
    assert page.count_label.text() == "1 bản ghi"
    page.search.setText("nguyen van hung")
    qtbot.waitUntil(lambda: page.model.complete)
    assert page.model.rowCount() == 1 and not page.message.isVisibleTo(page)
    page.search.setText("hung giam doc khong ai")
    qtbot.waitUntil(lambda: page.model.complete)
    assert page.message.text() == NOTHING_FOUND.format("hung giam doc khong ai")
