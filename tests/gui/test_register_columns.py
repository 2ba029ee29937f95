"""Registers that fit the screen: columns fitted to the width, chosen, moved and remembered per
user, the name kept in view while the rest scrolls sideways, the whole text of a cut cell as a
tooltip, Excel's filters on the columns with few values, and rows that keep their place when a
record changes."""

import datetime as dt

import pytest
from PySide6.QtTest import QTest

from bvct_desktop.core import browse, editing, importing, keyfile, long_text, preferences
from bvct_desktop.core.kinds import kind_named
from bvct_desktop.core.numbers import grouped
from bvct_desktop.core.permissions import OFFICER
from bvct_desktop.core.personfile import relatives
from bvct_desktop.core.personfile.notes import RELATIVE
from bvct_desktop.core.personfile.political import POLITICAL_NOTES
from bvct_desktop.core.personfile.vitae import OWN_HISTORY, TRAINING, WORK_PERIODS
from bvct_desktop.gui.dialogs import YES
from bvct_desktop.gui.forms import open_form
from bvct_desktop.gui.main_window import MainWindow
from bvct_desktop.gui.past_term_dialog import PastTermDialog
from bvct_desktop.gui.qt import (
    QApplication,
    QHeaderView,
    QKeySequence,
    QLocale,
    QRect,
    QStyleOptionViewItem,
    Qt,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from bvct_desktop.gui.registers.columns import (
    PADDING,
    WIDEST,
    fit,
    fit_to_width,
    header_width,
    keep_fitted,
    longest_word,
    natural_widths,
    wrap_cells,
    wrapped_height,
)
from bvct_desktop.gui.registers.page import RegisterPage
from bvct_desktop.gui.registers.table import CutTextTips, LinesWithRoom
from bvct_desktop.gui.registers.value_filter import ValueFilter
from bvct_desktop.io.xlsx_reader import read_first_sheet
from tests.conftest import PASSWORD
from tests.gui import register_support as support
from tests.gui.shell_support import as_user, context_for, import_rows, new_database, on_office_screen
from tests.gui.tip_support import as_seen
from tests.rows_sheet import rows_sheet
from tests.samples import SAMPLES

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures

SCREEN = (1366, 768)
RECIPIENT = "Phòng An ninh chính trị nội bộ – Công an tỉnh Bình Thuận (nay là Công an tỉnh Lâm Đồng)"


def test_fitting_narrows_the_widest_columns_first_and_never_below_their_minimum():
    assert fit([100, 200, 50], [60, 60, 40], 400) == [100, 200, 50]           # they fit: as they are
    assert fit([100, 500, 400], [60, 60, 60], 600) == [100, 250, 250]         # the widest narrowed to one cap
    assert fit([300, 300, 300], [200, 200, 200], 300) == [200, 200, 200]      # never below the minimum
    assert fit([23, 29, 100], [30, 37, 90], 600) == [30, 37, 100]             # nor when they all fit


RELATIVES = ("Quan hệ", "Họ và tên thân nhân", "Số CCCD", "Nơi ở", "Nghề nghiệp", "Công việc ở nước ngoài")
LIVES_AT = "Thôn Phú Sơn, xã Hàm Thạnh, huyện Hàm Thuận Nam, tỉnh Bình Thuận"


def _relatives_table(qtbot, width: int) -> QTableWidget:
    """A cadre's relatives as their tab lists them: thirty names, the first alone with a CCCD, a home
    and a trade, nobody working abroad."""
    table = QTableWidget(30, len(RELATIVES))
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(RELATIVES)
    keep_fitted(table)
    for row in range(30):
        first = ("060168001234", LIVES_AT, "Nông dân, buôn bán nhỏ") if row == 0 else ("", "", "")
        for column, text in enumerate(("Cha", f"Tôn Nữ Thị Phương Hoàng Anh {row}", *first, "")):
            table.setItem(row, column, QTableWidgetItem(text))
    table.resize(width, 400)
    table.show()
    qtbot.waitExposed(table)
    fit_to_width(table)
    return table


def _whole(table: QTableWidget, column: int) -> bool:
    texts = (table.item(row, column).text() for row in range(table.rowCount()))
    return table.horizontalHeader().sectionSize(column) >= max(map(table.fontMetrics().horizontalAdvance, texts)) + 8


def test_a_record_windows_table_shares_its_room_by_content_and_an_empty_column_keeps_to_its_header(qtbot, app):
    """The one relative's home and trade are read whole (they were «Th…» and «Nông dân,…» beside an
    empty last column of 530 pixels); nobody works abroad, so that column is as wide as its header."""
    table = _relatives_table(qtbot, 1200)
    header = table.horizontalHeader()
    assert [RELATIVES[column] for column in range(len(RELATIVES)) if not _whole(table, column)] == []
    assert header.sectionSize(5) <= header.sectionSizeFromContents(5).width() + 2  # the pixels rounding leaves
    assert sum(map(header.sectionSize, range(len(RELATIVES)))) <= table.viewport().width()


def test_an_identity_number_is_never_cut_however_narrow_the_table(qtbot, app):
    """A 12-digit CCCD on one row of thirty showed «06016…»: the narrowest a number gets is its whole."""
    table = _relatives_table(qtbot, 420)
    assert _whole(table, RELATIVES.index("Số CCCD"))
    assert not _whole(table, RELATIVES.index("Nơi ở"))  # words are cut (their tooltip shows them whole)


def test_a_value_on_one_row_of_a_crowded_table_shows_more_than_its_first_letters(qtbot, app):
    """Where the columns do not all fit, the one relative's home showed «Th…» (its header's width)
    beside names shown whole: it keeps ten digits' room at least."""
    table = _relatives_table(qtbot, 700)
    ten_digits = table.fontMetrics().horizontalAdvance("0" * 10) + 8
    assert table.horizontalHeader().sectionSize(RELATIVES.index("Nơi ở")) >= ten_digits
    assert table.horizontalHeader().sectionSize(RELATIVES.index("Nghề nghiệp")) >= ten_digits


def _page_in_window(qtbot, context, kind):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    window.navigation.select(kind)
    qtbot.waitExposed(window)
    return window, window.current_page()


def _slips_page(qtbot, context) -> tuple[RegisterPage, list[str]]:
    """The slips' register on its own at 1100×600, and the keys of its columns in their logical order."""
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    return page, [column.key for column in page.spec.columns]


def _long_slip(context, number):
    editing.save(context.db, "slips", {
        "number": number, "issued_on": "03/03/2026", "full_name": "Công Tằng Tôn Nữ Diệu Huyền Thanh Thảo",
        "birth_date": "1948", "home_town": "xã Hàm Thuận Bắc, huyện Hàm Thuận Bắc, tỉnh Bình Thuận",
        "relation": "Mẹ chồng", "vetted_name": "Nguyễn Thị Thanh Hương Bích Ngọc", "purpose": "Quy hoạch",
        "recipient": RECIPIENT,
        "result_on": "30/03/2026", "result": "Không có tàng thư; đã trích lục lý lịch gửi kèm công văn số 1234/PV01",
    })


def test_the_slip_register_fits_a_1366_by_768_screen_with_reply_columns_in_view(qtbot, context):
    _long_slip(context, "1234/PXM")
    window, page = _page_in_window(qtbot, context, "slips")
    table, header = page.table, page.table.horizontalHeader()
    shown = [logical for logical in range(header.count()) if not header.isSectionHidden(logical)]
    used = sum(header.sectionSize(logical) for logical in shown)
    assert used <= table.viewport().width() + 1, (used, table.viewport().width())
    keys = [column.key for column in page.spec.columns]
    for key in ("recipient", "result"):
        logical = keys.index(key)
        assert not header.isSectionHidden(logical)
        assert header.sectionViewportPosition(logical) + 20 < table.viewport().width()
    # «Cán bộ phụ trách» gave its room to «Hạn trả lời»; «Mục đích» and «Nhận kết quả» to «Quan hệ» and «Thẩm tra
    # cho»: shown from the header's menu
    assert {keys[i] for i in range(len(keys)) if header.isSectionHidden(i)} == {
        "birth_date", "deceased", "death_date", "home_town", "purpose", "result_on", "in_charge"}


def test_in_an_admission_season_the_slip_register_tells_whose_relative_each_slip_is_without_scrolling(qtbot,
                                                                                                     context):
    """A candidate's father, mother and wife are each a slip: «Quan hệ» and «Thẩm tra cho» were hidden until
    chosen, so rows about the relatives of two candidates read alike. Both are shown, whole for most rows, with the
    reply's columns, on a 1366×768 screen with no sideways scrolling."""
    for at, (relative, relation, candidate) in enumerate([
            ("Nguyễn Văn Thành", "Cha", "Nguyễn Thị Thanh Hương Bích Ngọc"),
            ("Trần Thị Hồng Nhung", "Mẹ", "Nguyễn Thị Thanh Hương Bích Ngọc"),
            ("Công Tằng Tôn Nữ Diệu Huyền", "Mẹ chồng", "Nguyễn Thị Thanh Hương Bích Ngọc"),
            ("Lê Văn Hùng", "Cha", "Lê Hoàng Minh Khôi"), ("Phạm Thị Lan", "Mẹ", "Lê Hoàng Minh Khôi")]):
        editing.save(context.db, "slips", {"number": f"{at + 71}/PXM", "issued_on": "03/03/2026",
                                           "full_name": relative, "relation": relation, "vetted_name": candidate,
                                           "purpose": "Kết nạp Đảng", "recipient": RECIPIENT})
    window, page = _page_in_window(qtbot, context, "slips")
    table, header = page.table, page.table.horizontalHeader()
    keys = [column.key for column in page.spec.columns]
    assert page.spec.columns[keys.index("vetted_name")].header == "Thẩm tra cho"
    assert not header.isSectionHidden(keys.index("relation")) and not header.isSectionHidden(keys.index("vetted_name"))
    shown = [logical for logical in range(header.count()) if not header.isSectionHidden(logical)]
    assert sum(header.sectionSize(logical) for logical in shown) <= table.viewport().width() + 1
    for key in ("relation", "vetted_name"):
        logical = keys.index(key)
        assert header.sectionSize(logical) >= natural_widths(table, logical).most, key
    # what a season's slips share gives them the room: the purpose (its filter is above the register) and the day
    # of the reply (its result is shown), shown from the header's menu
    assert header.isSectionHidden(keys.index("purpose")) and header.isSectionHidden(keys.index("result_on"))


def test_the_recipient_most_slips_go_to_is_read_whole_and_empty_reply_columns_stay_narrow(qtbot, context):
    """Most slips of the season await their reply: the police unit they went to is shown whole (its
    province tells them apart), a rare longer unit or result is cut and shown whole in its tooltip."""
    _long_slip(context, "1234/PXM")
    usual = "Phòng PV01 – Công an tỉnh Lâm Đồng"
    for number in range(20):
        editing.save(context.db, "slips", {"number": f"{number + 501}/PXM", "issued_on": "01/04/2026",
                                           "full_name": f"Lê Văn Số {number}", "birth_date": "1970",
                                           "purpose": "Bổ nhiệm", "recipient": usual})
    window, page = _page_in_window(qtbot, context, "slips")
    header, keys = page.table.horizontalHeader(), [column.key for column in page.spec.columns]
    assert header.sectionSize(keys.index("recipient")) >= page.table.fontMetrics().horizontalAdvance(usual) + 8
    reply_on = keys.index("result_on")
    assert header.sectionSize(reply_on) <= header.sectionSizeFromContents(reply_on).width()  # as its header, no more


def test_the_filters_in_force_never_widen_the_window_past_the_screen(qtbot, context):
    """A dashboard figure's filter and several column filters, each a button that removes it, on a
    row of their own: the window keeps to the screen's width (it grew to 1,613 pixels)."""
    _long_slip(context, "1234/PXM")
    window, page = _page_in_window(qtbot, context, "slips")
    page.show_filtered(browse.Filters(status="Đã có kết quả", done_by=dt.date(2026, 9, 30)))
    page.keep_values("recipient", (RECIPIENT,))
    page.keep_values("purpose", ("Quy hoạch",))
    page.keep_values("relation", ("Mẹ chồng",))
    qtbot.wait(50)
    assert page.done_by_button.isVisible() and page.clear_columns_button.isVisible()
    assert window.minimumSizeHint().width() <= SCREEN[0] and window.width() <= SCREEN[0]
    assert "Nơi nhận phiếu, Mục đích, Quan hệ" in page.clear_columns_button.toolTip()
    page.show_filtered(browse.Filters())  # another figure: the column filters go with their button
    assert not page.clear_columns_button.isVisible() and not page.chips.isVisible()


def test_columns_an_officer_chose_stay_as_saved_and_a_column_new_since_comes_beside_its_neighbour(qtbot, context):
    """Columns chosen before «Thẩm tra cho» was in the slip register stay as chosen («Quan hệ» hidden, «Mục đích»
    and «Nhận kết quả» shown); the new column is shown after the one it follows, not at the far end."""
    page, keys = _slips_page(qtbot, context)
    before = [key for key in keys if key != "vetted_name"]
    preferences.write(context.db, "cot.slips", {"order": before, "hidden": [
        "birth_date", "deceased", "death_date", "home_town", "relation", "in_charge"]})
    page.columns.apply()
    header = page.table.horizontalHeader()
    assert [keys[i] for i in range(len(keys)) if header.isSectionHidden(i)] == [
        "birth_date", "deceased", "death_date", "home_town", "relation", "in_charge"]
    assert [keys[header.logicalIndex(visual)] for visual in range(header.count())] == keys


def test_columns_chosen_moved_and_widened_are_remembered_for_that_user_only(qtbot, context, db, clock):
    page, keys = _slips_page(qtbot, context)
    header = page.table.horizontalHeader()
    menu = page.columns.build_menu(keys.index("relation"))
    [relation_action] = [a for a in menu.actions()[-4].menu().actions() if a.text() == "Quan hệ"]
    relation_action.setChecked(False)
    header.moveSection(header.visualIndex(keys.index("result")), 0)
    page.columns.resized_by_hand = True
    header.resizeSection(keys.index("recipient"), 333)
    page.columns.save()
    saved = preferences.read(context.db, "cot.slips")
    assert saved["order"][0] == "result" and "relation" in saved["hidden"] and saved["widths"]["recipient"] == 333

    again = RegisterPage(context, "slips")
    qtbot.addWidget(again)
    again.show()
    header = again.table.horizontalHeader()
    assert header.logicalIndex(0) == keys.index("result")
    assert header.isSectionHidden(keys.index("relation")) and header.sectionSize(keys.index("recipient")) == 333

    other = as_user(db, "can.bo", OFFICER)
    theirs = RegisterPage(context_for(other, clock), "slips")
    qtbot.addWidget(theirs)
    theirs.show()
    assert not theirs.table.horizontalHeader().isSectionHidden(keys.index("relation"))
    other.close()

    again.columns.reset()
    assert preferences.read(context.db, "cot.slips") is None
    assert not header.isSectionHidden(keys.index("relation")) and header.logicalIndex(0) == 0


CADRES = [["Họ và tên", "Số CCCD", "Ngày sinh", "Chức vụ", "Đơn vị công tác"],
          ["Đặng Thùy Trâm", "048168001234", "1968", "Phó Giám đốc", "Sở Giáo dục và Đào tạo"],
          ["Nguyễn Thị Thanh Hương", "048175005678", "1975", "Trưởng phòng", "Ban Quản lý dự án Sông Lũy"]]


@pytest.fixture
def empty(app, tmp_path, clock, monkeypatch):
    """The context of a new database, its registers empty."""
    monkeypatch.setattr(keyfile, "DEFAULT_KDF", keyfile.KdfParams(1, 1024, 1))
    db = new_database(tmp_path, clock)
    yield context_for(db, clock)
    db.close()


def _shown(qtbot, context, kind: str) -> RegisterPage:
    """The register laid out on a 1366-pixel screen."""
    page = RegisterPage(context, kind)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def _imported(page: RegisterPage, rows: list[list]) -> None:
    """`rows` imported (the wizard's day-one import), the register told as the wizard tells it."""
    result = importing.import_sheet(page.context.db, kind_named(page.kind.name), rows_sheet(rows))
    assert result.ok, result.problems
    page.context.notifier.changed.emit("*")


def _widths(page: RegisterPage) -> list[int]:
    header = page.table.horizontalHeader()
    return [header.sectionSize(logical) for logical in range(header.count())]


def test_an_empty_register_filled_by_its_first_import_fits_its_columns_as_a_fresh_one_does(qtbot, empty):
    page = _shown(qtbot, empty, "cadres")
    assert page.model.rowCount() == 0
    _imported(page, CADRES)
    assert page.model.rowCount() == 2
    assert _widths(page) == _widths(_shown(qtbot, empty, "cadres"))
    name = [column.key for column in page.spec.columns].index("full_name")
    assert _widths(page)[name] >= page.table.fontMetrics().horizontalAdvance("Nguyễn Thị Thanh Hương") + 8


def test_a_column_sized_by_hand_in_an_empty_register_keeps_its_width_when_rows_arrive(qtbot, empty):
    page = _shown(qtbot, empty, "cadres")
    name = [column.key for column in page.spec.columns].index("full_name")
    page.columns.resized_by_hand = True  # an edge dragged
    page.table.horizontalHeader().resizeSection(name, 97)
    before = _widths(page)
    _imported(page, CADRES)
    assert page.model.rowCount() == 2 and _widths(page) == before


def test_the_name_stays_in_view_while_the_other_columns_scroll(qtbot, context):
    window, page = _page_in_window(qtbot, context, "slips")
    table = page.table
    keys = [column.key for column in page.spec.columns]
    name = keys.index("full_name")
    assert table.frozen_logicals() == [0, 1, name]
    table.setColumnWidth(keys.index("result"), 1500)  # wider than the screen: the table scrolls
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    assert table.frozen.isVisible() and table.frozen.geometry().left() <= table.frameWidth()
    assert not table.frozen.isColumnHidden(name) and table.frozen.isColumnHidden(keys.index("result"))
    assert table.frozen.columnWidth(name) == table.columnWidth(name)
    assert table.frozen.model() is table.model() and table.frozen.selectionModel() is table.selectionModel()


LONG_DELEGATION = ("Đoàn công tác của Ban Thường vụ Tỉnh ủy đi học tập kinh nghiệm chuyển đổi số và quản lý "
                   "đô thị thông minh")


def _cut_tip(table, index, view=None) -> str | None:
    """The tooltip of the cell at `index` as `view` (the table's, or its frozen part) lays it out, None when the
    cell shows its text whole."""
    view = view or table
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    tip = table.tips.tip(view, option, index)
    return None if tip is None else as_seen(tip)


def test_a_few_long_delegation_names_never_push_the_other_columns_out_of_a_1366_pixel_screen(qtbot, context):
    """One long name among three delegations kept «Tên đoàn» frozen at 420 pixels (most of three rows is all
    three) and «Tình trạng», «Thành viên» scrolled out of view: the name kept in view takes what fitting gives
    any text column, its longer names cut, their tooltip whole."""
    headers, rows = SAMPLES["delegations"]
    long = dict(zip(headers, rows[0], strict=True))
    long.update({"Tên đoàn": LONG_DELEGATION, "Số quyết định": "1234-QĐ/TU"})
    import_rows(context.db, "delegations", headers, [[long[header] for header in headers]])
    window, page = _page_in_window(qtbot, context, "delegations")
    table, header = page.table, page.table.horizontalHeader()
    name = support.column_of(page, "name")
    shown = [logical for logical in range(header.count()) if not header.isSectionHidden(logical)]
    assert sum(map(header.sectionSize, shown)) <= table.viewport().width() + 1  # every column in view
    assert header.sectionSize(name) <= table.viewport().width() // 3
    assert table.frozen_logicals()[-1] == name
    row = page.model.row_of(browse.record_ids(context.db, "delegations", "1234-QĐ/TU")[0])
    assert _cut_tip(table, page.model.index(row, name), table.frozen) == long_text.tip(LONG_DELEGATION)  # in lines


REPORT = {"report_no": "Số báo cáo", "report_on": "Ngày báo cáo", "report_to": "Nơi nhận báo cáo"}
IN_PLAN = "in_plan"  # «Trong kế hoạch đối ngoại năm», checked once when the trip is planned


def test_a_delegations_written_report_is_shown_on_request_and_exported_whatever_is_shown(qtbot, context, tmp_path):
    """The report after the trip leaves the delegations register its room at 1366 pixels, with the day it is due
    («Hạn báo cáo») in view: «Số báo cáo», «Ngày báo cáo», «Nơi nhận báo cáo» and «Trong kế hoạch đối ngoại năm» are
    hidden until chosen in the header's «Hiện cột», and written to Excel all the same; a cadre's file lists his
    delegations without them."""
    window, page = _page_in_window(qtbot, context, "delegations")
    header = page.table.horizontalHeader()
    keys = [column.key for column in page.spec.columns]
    assert {keys[i] for i in range(len(keys)) if header.isSectionHidden(i)} == {*REPORT, IN_PLAN}
    assert not header.isSectionHidden(keys.index(browse.REPORT_DUE))
    shown = [logical for logical in range(header.count()) if not header.isSectionHidden(logical)]
    assert sum(map(header.sectionSize, shown)) <= page.table.viewport().width() + 1
    offered = page.columns.build_menu(keys.index("name")).actions()[-4].menu().actions()
    [report_no] = [action for action in offered if action.text() == REPORT["report_no"]]
    assert not report_no.isChecked()
    report_no.setChecked(True)
    assert not header.isSectionHidden(keys.index("report_no"))
    target = tmp_path / "doan-ra.xlsx"
    context.dialogs.answer_next(YES, PASSWORD, str(target))  # how many, then the password asked again
    page.export_excel()
    qtbot.waitUntil(lambda: page.message.text().startswith("Đã xuất"), timeout=10_000)
    assert set(REPORT.values()) <= set(read_first_sheet(target).rows[0])
    hung = browse.record_ids(context.db, "cadres", "nguyen van hung")[0]
    file = open_form(context, "cadres", hung)
    qtbot.addWidget(file)
    trips = file.show_page("Đoàn ra nước ngoài")
    hidden = {trips.model().headerData(i, Qt.Orientation.Horizontal) for i in range(trips.model().columnCount())
              if trips.isColumnHidden(i)}
    assert hidden == {*REPORT.values(), "Trong kế hoạch đối ngoại năm"}


def test_a_cut_cell_shows_its_whole_text_as_a_tooltip(qtbot, context):
    _long_slip(context, "1234/PXM")
    window, page = _page_in_window(qtbot, context, "slips")
    table = page.table
    keys = [column.key for column in page.spec.columns]
    row = page.model.row_of(browse.record_ids(context.db, "slips", "1234/PXM")[0])
    shown = [_cut_tip(table, page.model.index(row, keys.index(key))) for key in ("recipient", "number")]
    assert shown[0] == "Phòng An ninh chính trị nội bộ – Công an tỉnh Bình Thuận (nay là Công an tỉnh Lâm Đồng)"
    assert shown[1] is None  # "1234/PXM" is not cut


def test_the_cadre_register_shows_each_cadres_gravest_political_issue_and_tells_them_all_in_its_tooltip(qtbot,
                                                                                                      context):
    """Brief §6.3: who has a political issue, how grave, seen in the register; the cell's tooltip tells each one
    (axis, about whom, effect, ceiling) though the cell is not cut; «Có vấn đề chính trị» keeps those cadres."""
    [hung] = browse.record_ids(context.db, "cadres", "nguyen van hung")
    person = editing.load(context.db, "cadres", hung)["person_id"]
    father = relatives.list_relatives(context.db, person)[0]
    POLITICAL_NOTES.add(context.db, person, {
        "axis": "Lịch sử chính trị", "content": "Cha đẻ là trung úy quân đội Sài Gòn, học tập cải tạo 3 năm",
        "effect": "Có vấn đề nhưng không vi phạm (có mức giới hạn)", RELATIVE: father.id,
        "limit_note": "Không quá Ủy viên Ban Thường vụ Tỉnh ủy"})
    POLITICAL_NOTES.add(context.db, person, {"axis": "Chính trị hiện nay", "content": "Có đơn phản ánh"})
    window, page = _page_in_window(qtbot, context, "cadres")
    keys = [column.key for column in page.spec.columns]
    issues = keys.index(browse.POLITICAL_ISSUES)
    assert page.model.headerData(issues, Qt.Horizontal) == "Vấn đề chính trị"
    index = page.model.index(page.model.row_of(hung), issues)
    assert index.data() == "Chưa kết luận (2 vấn đề)"
    page.table.scrollTo(index)
    assert _cut_tip(page.table, index) == long_text.tip(
        "Chính trị hiện nay (bản thân) — chưa ghi ảnh hưởng, tính là «Chưa kết luận»\n"
        "Lịch sử chính trị (Cha: Nguyễn Văn Tư) — Có vấn đề nhưng không vi phạm (có mức giới hạn); "
        "mức giới hạn: Không quá Ủy viên Ban Thường vụ Tỉnh ủy")  # its lines within a tooltip's width
    page.status.setCurrentIndex(page.status.findData("Có vấn đề chính trị"))
    assert [page.model.index(row, 0).data() for row in range(page.model.rowCount())] == ["Nguyễn Văn Hùng"]


def test_a_cadres_political_issue_is_read_whole_when_the_register_has_room(qtbot, context):
    """«Vấn đề chính trị» was narrowed with every column to one width, 95 pixels cutting «Vi phạm, kh…», while
    «Thân nhân ở nước ngoài» kept its header's width on one line for «Hoa Kỳ»: a header that wraps gives way
    before values are cut, every column still in view."""
    for name, effect in (("Nguyễn Văn Hùng", "Vi phạm, không đủ tiêu chuẩn"), ("Lê Hoàng Đức", "Không ảnh hưởng")):
        person = editing.cadres_named(context.db, name)[0].person_id
        POLITICAL_NOTES.add(context.db, person, {"axis": "Lịch sử chính trị", "content": "Cha đẻ là trung úy",
                                                 "effect": effect})
    window, page = _page_in_window(qtbot, context, "cadres")
    table, header = page.table, page.table.horizontalHeader()
    [hung] = browse.record_ids(context.db, "cadres", "nguyen van hung")
    issue = page.model.index(page.model.row_of(hung), support.column_of(page, browse.POLITICAL_ISSUES))
    assert issue.data() == "Vi phạm, không đủ tiêu chuẩn"
    assert header.sectionSize(issue.column()) >= table.fontMetrics().horizontalAdvance(issue.data()) + 8
    shown = [logical for logical in range(header.count()) if not header.isSectionHidden(logical)]
    assert sum(map(header.sectionSize, shown)) <= table.viewport().width() + 1


def test_excel_like_filters_on_the_columns_with_few_values(qtbot, context):
    page, keys = _slips_page(qtbot, context)
    header = page.table.horizontalHeader()
    assert {keys[i] for i in header.filterable} == {"deceased", "relation", "purpose", "recipient", "in_charge"}
    relation = keys.index("relation")
    header.showSection(relation)  # shown from the header's menu
    sorted_by = page.model.sort_key
    section = QRect(header.sectionViewportPosition(relation), 0, header.sectionSize(relation), header.height())
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.arrow_rect(section).center())
    popup = page.value_filter
    assert [popup.list.item(r).text() for r in range(popup.list.count())] == ["Bản thân  (1)", "Cha  (2)"]
    assert page.model.sort_key == sorted_by  # the click opened the filter, it did not sort
    popup.tick("Cha")
    popup.accept()
    assert page.model.rowCount() == 2 and page.clear_columns_button.isVisible()
    assert page.clear_columns_button.text().startswith("Bỏ lọc cột: Quan hệ")
    assert relation in header.active
    page.search.setText("pv27")  # the search narrows what the column filter keeps
    assert page.model.rowCount() == 0
    page.search.clear()
    page.clear_columns_button.click()
    assert page.model.rowCount() == 3 and not page.clear_columns_button.isVisible()


def test_the_cadre_register_finds_a_unit_by_its_words(qtbot, context):
    editing.save(context.db, "cadres", {"full_name": "Võ Thị Mai", "birth_date": "1975", "unit": "Sở Y tế"})
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    page.search.setText("so y te")
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == ["Võ Thị Mai"]
    assert "đơn vị" in page.search.toolTip()


def test_an_edit_keeps_the_selection_and_the_scroll_position(qtbot, context):
    for number in range(60):
        editing.save(context.db, "complaints", {"received_on": "05/03/2026", "sender": f"Người gửi {number}",
                                                "complaint_kind": "Phản ánh", "summary": f"Đơn số {number}"})
    window, page = _page_in_window(qtbot, context, "complaints")
    table = page.table
    table.selectRow(40)
    chosen = page.model.record_id(40)
    table.scrollTo(page.model.index(40, 0))
    position = table.verticalScrollBar().value()
    assert position > 0
    resets = []
    page.model.modelReset.connect(lambda: resets.append(1))
    stored = editing.load(context.db, "complaints", chosen)
    editing.save(context.db, "complaints", {**stored, "result": "Đã trả lời"}, chosen)
    context.notifier.changed.emit("complaints")
    assert resets == []
    assert page.selected_ids() == [chosen] and table.verticalScrollBar().value() == position
    row = page.model.row_of(chosen)
    assert page.model.index(row, [c.key for c in page.spec.columns].index("result")).data() == "Đã trả lời"
    editing.save(context.db, "complaints", {"received_on": "06/03/2026", "sender": "Người gửi mới",
                                            "complaint_kind": "Phản ánh", "summary": "Đơn mới nhất"})
    context.notifier.changed.emit("complaints")  # a new row (the newest, first): the chosen one stays chosen
    assert resets == [] and page.selected_ids() == [chosen]
    assert page.model.record_id(0) != chosen and page.model.rowCount() == 63


def test_a_column_filter_shows_a_long_unit_name_whole_and_stays_on_the_screen(qtbot, context):
    long_name = "Phòng Hồ sơ nghiệp vụ (PV06) – Công an tỉnh Lâm Đồng (cơ sở Bình Thuận)"
    editing.save(context.db, "slips", {"number": "77/PXM", "issued_on": "02/03/2025", "full_name": "Lê Văn Tám",
                                       "recipient": long_name})
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    recipient = [column.key for column in page.spec.columns].index("recipient")
    page.filter_column(recipient)
    popup = page.value_filter
    item = next(popup.list.item(row) for row in range(popup.list.count()) if long_name in popup.list.item(row).text())
    assert popup.list.viewport().width() > popup.list.fontMetrics().horizontalAdvance(item.text())
    assert as_seen(item.toolTip()) == item.text()
    screen = popup.screen().availableGeometry()
    assert screen.contains(popup.frameGeometry())  # opened under the register's last column, moved left to fit


def register_at_150_percent(qtbot, monkeypatch, context, kind: str):
    """The register `kind`'s page, the window filling an office screen at 150 %."""
    screen = on_office_screen(monkeypatch, 1.5)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.resize(screen.size())
    window.navigation.select(kind)
    qtbot.waitExposed(window)
    qtbot.wait(20)
    return window.current_page()


@pytest.mark.parametrize("kind", ["slips", "vetting-cases"])
def test_at_150_percent_every_header_of_a_register_is_read_whole_on_more_lines(qtbot, monkeypatch, context, kind):
    """At 150 % the slips' columns were narrowed to ten digits' room and their headers cut at both ends:
    «gày phát hàn», «ời được xác m», «c đích xác m». A header too long for its column goes on more lines,
    in the part of the table that scrolls sideways and in the frozen part alike."""
    _long_slip(context, "1234/PXM")
    table = register_at_150_percent(qtbot, monkeypatch, context, kind).table
    for header in (table.horizontalHeader(), table.frozen.horizontalHeader()):
        shown = [logical for logical in range(header.count()) if not header.isSectionHidden(logical)]
        for logical in shown:
            title = header.model().headerData(logical, Qt.Orientation.Horizontal)
            assert header.sectionSize(logical) >= longest_word(header, logical), title
            assert wrapped_height(header, logical) <= header.height(), title
    assert table.frozen.horizontalHeader().height() == table.horizontalHeader().height()


def test_at_100_percent_headers_that_fit_take_one_line(qtbot, context):
    """Qt makes room for the sort arrow on every header section but paints it on the sorted one only:
    counted on every column, titles read whole on one line («Người được xác minh») made the slips'
    header two lines tall at 100 %, a row's height less for the records."""
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.resize(1200, 707)  # the window as it opens on a 1366×768 screen
    window.navigation.select("slips")
    qtbot.waitExposed(window)
    table = window.current_page().table
    qtbot.wait(20)
    header = table.horizontalHeader()
    assert header.sectionSize(header.sortIndicatorSection()) >= longest_word(header, header.sortIndicatorSection())
    assert header.height() < 2 * header.fontMetrics().height()
    assert table.frozen.horizontalHeader().height() == header.height()


@pytest.mark.parametrize("kind", ["cadres", "slips"])
def test_at_150_percent_the_name_kept_in_view_is_read_whole(qtbot, monkeypatch, context, kind):
    """At 150 % the register scrolls sideways anyway, but the column kept in view was narrowed with the others
    to one common width: «Nguyễn Vă…», «Tôn Nữ Thị …» — two Nguyễn Văn told apart only by a tooltip. The
    name kept in view keeps the width most names need; the other columns scroll."""
    headers, rows = SAMPLES[kind]
    named = headers.index("Họ và tên" if kind == "cadres" else "Họ và tên người được xác minh")
    another = dict(zip(headers, rows[0], strict=True))
    another.update({headers[named]: "Tôn Nữ Thị Phương Khánh Huyền", "Số CCCD": None, "Số phiếu": "1234/PXM"})
    import_rows(context.db, kind, headers, [[another[header] for header in headers]])
    page = register_at_150_percent(qtbot, monkeypatch, context, kind)
    name = [column.key for column in page.spec.columns].index("full_name")
    names = browse.fetch_rows(context.db, kind, page.model.ids)
    widest = max(page.table.fontMetrics().horizontalAdvance(row[name]) for row in names.values())
    assert page.table.horizontalHeader().sectionSize(name) >= widest + 8
    assert page.table.frozen_logicals()[-1] == name  # and kept in view


def cut_headers(window: QWidget) -> list[str]:
    """The headers of `window`'s tables not read whole: narrower than their text on one line, and not
    on more lines either (narrower than their longest word, the sort arrow's room counted, or taller
    than the header). Only the columns sized by the program: Qt sizes the others to their contents."""
    cut = []
    for table in window.findChildren(QTableView):
        header = table.horizontalHeader()
        if not (table.isVisibleTo(window) and header.isVisibleTo(window)):
            continue
        for logical in range(header.count()):
            width = header.sectionSize(logical)
            whole = width >= header_width(header, logical) or (
                width >= longest_word(header, logical) and wrapped_height(header, logical) <= header.height())
            sized_by_us = header.sectionResizeMode(logical) == QHeaderView.ResizeMode.Interactive
            if sized_by_us and not header.isSectionHidden(logical) and not whole:
                title = header.model().headerData(logical, Qt.Orientation.Horizontal)
                cut.append(f"{table.accessibleName() or type(table).__name__} «{title}»: {width} px")
    return cut


def _on_screen(qtbot, window: QWidget, screen: QRect) -> QWidget:
    qtbot.addWidget(window)
    window.show()
    window.resize(screen.size())
    qtbot.waitExposed(window)
    return window


def _person_file(context, filled: bool) -> int:
    """A cadre's file, its own account on form 2C filled in or not (Hùng's in the sample; a new cadre's)."""
    if not filled:
        return editing.save(context.db, "cadres", {"full_name": "Lê Thị Mới", "birth_date": "1990"})
    hung = browse.record_ids(context.db, "cadres", "nguyen van hung")[0]
    person = editing.cadres_named(context.db, "Nguyễn Văn Hùng")[0].person_id
    TRAINING.add(context.db, person, {"institution": "Học viện Chính trị khu vực II", "subject": "Cao cấp lý luận",
                                      "since": "09/2015", "until": "06/2017", "study_form": "Tại chức",
                                      "degree": "Cao cấp lý luận chính trị"})
    WORK_PERIODS.add(context.db, person, {"since": "1996", "until": "02/2012", "unit": "Huyện ủy Tuy Phong",
                                          "post": "Chuyên viên"})
    OWN_HISTORY.add(context.db, person, {"declared_kind": "Bị bắt", "since": "04/1972", "until": "1973",
                                         "place": "Nhà lao Phan Thiết", "details": "Không khai báo gì"})
    return hung


@pytest.mark.parametrize("scale", [1, 1.5])
@pytest.mark.parametrize("filled", [False, True], ids=["empty", "full"])
def test_every_tables_headers_are_read_whole_empty_or_full(qtbot, monkeypatch, request, scale, filled):
    """«Từ» and «Đến» of a cadre's empty «Quá trình công tác» were 23 and 29 pixels, their text without the
    room around it, the last column taking the rest. Every table fitted to its width — the registers and
    the administration's, the tabs of a cadre's file, the record forms' and the past term's dialog —
    shows each header whole, with no rows or with some, on an office screen at 100 % and at 150 %."""
    context = request.getfixturevalue("context" if filled else "empty")
    screen = on_office_screen(monkeypatch, scale)
    saved = support.saved_of_every_kind(context.db) if filled else {}
    cut = {}
    window = _on_screen(qtbot, MainWindow(context), screen)
    for key in window.navigation.keys:
        window.navigation.select(key)
        cut[key] = cut_headers(window)
    administration = window.pages["admin"]
    for index in range(administration.count()):
        administration.setCurrentIndex(index)
        cut[administration.tabText(index)] = cut_headers(window)
    person_file = _on_screen(qtbot, open_form(context, "cadres", _person_file(context, filled)), screen)
    for title, _page in person_file.pages():
        person_file.show_page(title)
        cut[title] = cut_headers(person_file)
    for kind in support.RECORD_KINDS:
        cut[kind] = cut_headers(_on_screen(qtbot, open_form(context, kind, saved.get(kind)), screen))
    cut["past term"] = cut_headers(_on_screen(qtbot, PastTermDialog(context), screen))
    assert {where: found for where, found in cut.items() if found} == {}


def _slip_with_result(context, number: str, result: str) -> str:
    """Slip `number` of Trần Văn Bình, answered with `result`; the result."""
    editing.save(context.db, "slips", {
        "number": number, "issued_on": "03/03/2026", "full_name": "Trần Văn Bình", "purpose": "Quy hoạch",
        "recipient": RECIPIENT, "result_on": "30/03/2026", "result": result})
    return result


def _result_in_lines(context) -> str:
    """Slip 1235/PXM, its result typed in lines (a blank one between paragraphs); the result."""
    return _slip_with_result(context, "1235/PXM",
                             "Không có tàng thư.\nĐã trích lục lý lịch\n\ngửi kèm công văn số 1234/PV01")


def test_a_long_text_in_lines_shows_its_first_line_in_a_row_as_high_as_any_and_is_read_whole_in_its_tooltip(
        qtbot, context):
    """A summary or a result typed in lines: a register row stays one line high, so that a screenful still lists
    twenty records; «…» says more lines follow, and the tooltip gives them as typed."""
    _long_slip(context, "1234/PXM")
    result = _result_in_lines(context)
    window, page = _page_in_window(qtbot, context, "slips")
    keys = [column.key for column in page.spec.columns]
    rows = [page.model.row_of(browse.record_ids(context.db, "slips", number)[0]) for number in ("1234/PXM", "1235/PXM")]
    index = page.model.index(rows[1], keys.index("result"))
    page.table.scrollTo(index)
    assert page.table.itemDelegate().displayText(index.data(), QLocale()) == "Không có tàng thư. …"
    assert _cut_tip(page.table, index) == long_text.tip(result)  # in lines of a tooltip's width
    assert page.table.rowHeight(rows[1]) == page.table.rowHeight(rows[0])


def test_ctrl_c_on_a_long_text_in_lines_copies_it_whole(qtbot, context):
    """The row shows a result's first line and «…»; Ctrl+C on the cell copies what was typed, every line, not
    what the row has room for."""
    result = _result_in_lines(context)
    window, page = _page_in_window(qtbot, context, "slips")
    keys = [column.key for column in page.spec.columns]
    row = page.model.row_of(browse.record_ids(context.db, "slips", "1235/PXM")[0])
    page.table.setCurrentIndex(page.model.index(row, keys.index("result")))
    QTest.keySequence(page.table, QKeySequence.StandardKey.Copy)
    assert QApplication.clipboard().text() == result


MARKUP = "<b>Gấp</b> <img src=anh.png> &amp; "  # typed text Qt would take for rich text


def test_a_cut_cell_typed_like_markup_shows_in_its_tooltip_as_typed(qtbot, context):
    """A result typed «<b>Gấp</b> <img src=…>» showed «Gấp» bold and a broken image in its tooltip."""
    result = MARKUP + "Không có tàng thư; đã trích lục lý lịch gửi kèm công văn số 1234/PV01 ngày 30/03/2026"
    _slip_with_result(context, "1237/PXM", result)
    window, page = _page_in_window(qtbot, context, "slips")
    keys = [column.key for column in page.spec.columns]
    index = page.model.index(page.model.row_of(browse.record_ids(context.db, "slips", "1237/PXM")[0]),
                             keys.index("result"))
    page.table.scrollTo(index)
    assert _cut_tip(page.table, index) == long_text.tip(result)  # in lines of a tooltip's width


def test_a_column_filter_lists_a_value_typed_like_markup_with_its_tooltip_as_typed(qtbot):
    popup = ValueFilter("Đơn vị", [(MARKUP + "Phòng Tham mưu", 2)], None, lambda kept: None)
    qtbot.addWidget(popup)
    assert as_seen(popup.list.item(0).toolTip()) == MARKUP + "Phòng Tham mưu  (2)"


def test_a_result_of_three_thousand_lines_has_a_tooltip_an_officer_reads_inside_the_screen(qtbot, context):
    """The tooltip gave all 3,000 lines, taller than the screen (Qt cut it: neither its end nor anything
    useful in sight): it gives the first lines and says how many are left and where to read them."""
    result = "\n".join(f"Dòng {number}" for number in range(1, 3001))
    _slip_with_result(context, "1236/PXM", result)
    window, page = _page_in_window(qtbot, context, "slips")
    keys = [column.key for column in page.spec.columns]
    index = page.model.index(page.model.row_of(browse.record_ids(context.db, "slips", "1236/PXM")[0]),
                             keys.index("result"))
    page.table.scrollTo(index)
    lines = _cut_tip(page.table, index).split("\n")
    assert lines[0] == "Dòng 1" and len(lines) == long_text.TIP_LINES + 1
    assert lines[-1] == f"… (còn {grouped(3000 - long_text.TIP_LINES)} dòng nữa; mở bản ghi để xem đủ)"


def test_a_column_filter_lists_a_long_text_in_lines_by_its_first_line_and_keeps_it_whole(qtbot):
    """A unit typed in lines was listed whole, every line of it an item's: it is listed as the register shows it,
    and ticking it keeps the records holding the whole text."""
    unit = "Phòng Tham mưu\n" + "\n".join(f"Tổ {number}" for number in range(1, 3001))
    kept = []
    popup = ValueFilter("Đơn vị", [(unit, 2), ("Văn phòng", 5)], None, kept.append)
    qtbot.addWidget(popup)
    assert [popup.list.item(row).text() for row in range(2)] == ["Phòng Tham mưu …  (2)", "Văn phòng  (5)"]
    tip = as_seen(popup.list.item(0).toolTip()).split("\n")
    assert len(tip) == long_text.TIP_LINES + 1 and tip[0] == "Phòng Tham mưu"
    popup.search.setText("to 2999")  # found in the lines the item does not show
    assert [popup.list.item(row).isHidden() for row in range(2)] == [False, True]
    popup.tick(unit)
    popup.accept()
    assert kept == [(unit,)]


LONG_PROVINCE = "Bà Rịa – Vũng Tàu (nay là Thành phố Hồ Chí Minh)"


def _long_archive_requests(context) -> None:
    """An overdue request to a province named under its old and new names among shorter ones."""
    for number, (province, name) in enumerate(((LONG_PROVINCE, "Công Tằng Tôn Nữ Diệu Huyền Thanh Thảo"),
                                                 ("Đắk Nông", "Lê Thị Hoa"), ("Thừa Thiên Huế", "Ngô Văn Tám"))):
        editing.save(context.db, "archive-requests", {
            "request_kind": "Nhờ tỉnh bạn nghiên cứu", "province": province, "doc_no": f"{1234 + number}-CV/BTCTU",
            "doc_on": "02/10/2024", "full_name": name, "birth_date": "1948",
            "result": "Không có tài liệu lưu trữ về đối tượng"})


def _read_whole(table: QTableView, row: int, logical: int) -> bool:
    """The cell's text shown whole: on the lines of its row at its column's width, no word cut."""
    text = table.model().index(row, logical).data()
    room = table.columnWidth(logical) - 8
    metrics = table.fontMetrics()
    if max(map(metrics.horizontalAdvance, text.split())) > room:
        return False
    lines = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text).height()
    return metrics.horizontalAdvance(text) <= room or (table.wordWrap() and lines <= table.rowHeight(row) - 4)


def test_the_archive_register_reads_an_overdue_deadline_and_a_long_province_whole_on_a_1366_pixel_screen(
        qtbot, context):
    """«Hạn trả lời» showed «02/11/2026 (qu…» and the province «Bà Rịa – Vũng …»: the rows go on two lines,
    as the printed lists do, the day whole and how late it is under it, every column in view."""
    _long_archive_requests(context)
    window, page = _page_in_window(qtbot, context, "archive-requests")
    table, header = page.table, page.table.horizontalHeader()
    shown = [logical for logical in range(header.count()) if not header.isSectionHidden(logical)]
    assert sum(map(header.sectionSize, shown)) <= table.viewport().width() + 1
    row = page.model.row_of(browse.record_ids(context.db, "archive-requests", "1234-CV/BTCTU")[0])
    due, province = support.column_of(page, browse.REPLY_DUE), support.column_of(page, "province")
    assert "quá hạn" in page.model.index(row, due).data()
    assert _read_whole(table, row, due) and _read_whole(table, row, province)


@pytest.mark.parametrize("text", ["02/11/2026 (quá hạn 18 ngày)", LONG_PROVINCE, "Nghiên cứu giúp tỉnh bạn",
                                  "Một Hai Ba Bốn Năm Sáu Bảy Tám Chín Mười Mười một Mười hai", "Hòa"])
def test_where_cells_wrap_a_column_is_as_wide_as_its_value_broken_at_its_best_space(qtbot, text):
    """The break is found in a few measurements, not one at each space (the audit page's entries, a thousand
    characters each, took seconds), and is the best one: the longer of the two lines as short as it can be."""
    table = QTableWidget(1, 1)
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(["Ô"])
    table.setItem(0, 0, QTableWidgetItem(text))
    wrap_cells(table)
    words, metrics = text.split(" "), table.fontMetrics()
    advance = metrics.horizontalAdvance
    best = min((max(advance(" ".join(words[:at])), advance(" ".join(words[at:]))) for at in range(1, len(words))),
               default=advance(text))
    assert natural_widths(table, 0).most == min(WIDEST, best + PADDING)


@pytest.mark.parametrize("in_lines", [False, True])
def test_a_text_typed_in_lines_is_measured_as_its_cell_shows_it(qtbot, in_lines):
    """A register's row shows a text in lines by its first line and «…» (CutTextTips): its column was measured on
    the whole text, or on its longest line, a line the row never shows. A list whose rows go on the lines typed
    (the «Thân nhân» tab's «Nguồn», LinesWithRoom) shows every line: its longest is measured."""
    text = "Không có tàng thư.\nĐã trích lục lý lịch gửi kèm công văn số 1234/PV01 ngày 30/03/2026"
    table = QTableWidget(1, 1)
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(["Ô"])
    table.setItem(0, 0, QTableWidgetItem(text))
    table.setItemDelegate(LinesWithRoom(table) if in_lines else CutTextTips(table))
    shown = text.split("\n")[1] if in_lines else long_text.first_line(text)
    assert natural_widths(table, 0).whole == table.fontMetrics().horizontalAdvance(shown) + PADDING


LONGEST_NAME = "Công Tằng Tôn Nữ Thị Huyền Trang Diệu Thanh Hương"  # 49 letters and spaces


def test_the_vetting_cases_register_reads_a_long_name_whole_in_the_column_kept_in_view(qtbot, context):
    """A nominee's 49-letter name showed «Công Tằng Tôn Nữ Thị Huyền …» in the frozen name column at 1366×768:
    the rows go on two lines, as the archive register's do, and the name is read whole."""
    _long_slip(context, "1234/PXM")
    editing.save(context.db, "slips", {"number": "1235/PXM", "issued_on": "03/03/2026", "full_name": LONGEST_NAME,
                                       "birth_date": "1975", "purpose": "Bầu cử", "recipient": RECIPIENT})
    window, page = _page_in_window(qtbot, context, "vetting-cases")
    qtbot.wait(20)
    row = page.model.row_of(browse.record_ids(context.db, "vetting-cases", "Thanh Hương")[0])
    assert page.model.index(row, support.column_of(page, "full_name")).data() == LONGEST_NAME
    assert _read_whole(page.table.frozen, row, support.column_of(page, "full_name"))


LETTER_SHOWN = {"forwarded_to": "Chuyển đến", "replied_on": "Ngày trả lời người gửi"}
LETTER_HIDDEN = {"sender_address": "Địa chỉ người gửi", "forwarded_on": "Ngày chuyển"}


def test_the_letters_register_and_a_cadre_s_letters_show_where_each_went_and_when_its_sender_was_answered(
        qtbot, context):
    """What a chief reads of a letter's handling, «Chuyển đến» and «Ngày trả lời người gửi», is shown (and so
    printed with the list); the sender's address and the day it was forwarded wait in «Hiện cột», so every column
    stays in view at 1366 pixels. A cadre's «Đơn thư» tab shows the same."""
    hung = browse.record_ids(context.db, "cadres", "nguyen van hung")[0]
    [letter] = browse.record_ids(context.db, "complaints", filters=browse.Filters(person_id=hung))
    editing.save(context.db, "complaints", {
        **editing.load(context.db, "complaints", letter), "sender": "Trần Văn Bảy",  # a «Nặc danh» is not answered
        "sender_address": "Thôn Phú Thọ, xã Hàm Thắng, tỉnh Lâm Đồng",
        "forwarded_to": "Ủy ban Kiểm tra Tỉnh ủy Lâm Đồng", "forwarded_on": "10/03/2026", "replied_on": "12/03/2026"},
        letter)
    _window, page = _page_in_window(qtbot, context, "complaints")
    header = page.table.horizontalHeader()
    keys = [column.key for column in page.spec.columns]
    assert {keys[i] for i in range(len(keys)) if header.isSectionHidden(i)} == set(LETTER_HIDDEN)
    shown = [logical for logical in range(header.count()) if not header.isSectionHidden(logical)]
    assert {keys[i] for i in shown} >= set(LETTER_SHOWN)
    assert sum(map(header.sectionSize, shown)) <= page.table.viewport().width() + 1
    file = open_form(context, "cadres", hung)
    qtbot.addWidget(file)
    tab = file.show_page("Đơn thư")
    titles = [tab.model().headerData(i, Qt.Orientation.Horizontal) for i in range(tab.model().columnCount())
              if not tab.isColumnHidden(i)]
    assert set(LETTER_SHOWN.values()) <= set(titles) and not set(LETTER_HIDDEN.values()) & set(titles)


def test_the_letters_register_reads_a_letter_s_summary_and_an_overdue_deadline_whole_on_a_1366_pixel_screen(
        qtbot, context):
    """Tour: the letters register showed «Nội dung đ…» for every summary (its one-line rows left it 90 pixels) beside
    «Hạn giải quyết» wide enough for «28/11/2026 (quá hạn 6 ngày)»: the rows go on two lines, as the archive
    register's do, and what the letter says is read beside its deadline."""
    for day in range(1, 9):
        editing.save(context.db, "complaints", {
            "received_on": f"0{day}/03/2024", "sender": "Nặc danh" if day % 3 else f"Người gửi số {1230 + day}",
            "complaint_kind": "Tố cáo", "subject_name": LONGEST_NAME if day == 1 else "Nguyễn Văn Hùng",
            "summary": f"Tố cáo nhận tiền khi giải quyết hồ sơ đất đai số {1230 + day}", "due_on": f"1{day}/03/2024",
            "forwarded_to": "Ủy ban Kiểm tra Đảng ủy các cơ quan Đảng tỉnh" if day == 2 else None})
    _window, page = _page_in_window(qtbot, context, "complaints")
    table, header = page.table, page.table.horizontalHeader()
    shown = [logical for logical in range(header.count()) if not header.isSectionHidden(logical)]
    assert sum(map(header.sectionSize, shown)) <= table.viewport().width() + 1
    row = page.model.row_of(browse.record_ids(context.db, "complaints", "1231")[0])
    due, summary = support.column_of(page, "due_on"), support.column_of(page, "summary")
    assert "quá hạn" in page.model.index(row, due).data()
    assert _read_whole(table, row, summary) and _read_whole(table, row, due)


TRIPS = (  # (decision, name, countries, return day, report received) as an office's nine months had them
    ("40-QĐ/TU", "Đoàn Sở Nông nghiệp và Môi trường đi Israel", "Israel", "27/05/2025", "03/06/2025"),
    ("38-QĐ/TU", "Đoàn Ban Tổ chức Tỉnh ủy đi Thái Lan", "Thái Lan", "02/05/2025", "16/05/2025"),
    ("35-QĐ/TU", "Đoàn Sở Công Thương xúc tiến thương mại đi Nhật Bản", "Nhật Bản", "22/04/2025", None),
    ("32-QĐ/TU", "Đoàn Sở Ngoại vụ đi Úc", "Úc", "01/04/2025", None),
    ("31-QĐ/TU", "Đoàn khảo sát du lịch đi Hoa Kỳ", "Hoa Kỳ", "22/03/2025", "24/03/2025"),
)
TRAVELLERS = ("Nguyễn Thị Ngọc Mai", "Huỳnh Ngọc Diệp", "Vũ Thanh Hạnh", "Nguyễn Thị Thu Hòa")


def test_the_delegations_register_reads_an_overdue_report_whole_on_a_1366_pixel_screen(qtbot, context):
    """Tour: «Hạn báo cáo» showed «31/07/2026 …» for a delegation whose report was 61 days overdue, and «11/08/2026 …»
    for one that reported late — what the officer checks daily cut off, beside «Tên đoàn» cut to its first words:
    the rows go on two lines, as the archive and letters registers' do, the day whole and how late under it."""
    headers = ["Số quyết định", "Ngày quyết định", "Tên đoàn", "Nước đến", "Mục đích", "Ngày đi", "Ngày về",
               "Ngày nhận báo cáo", "Họ và tên thành viên", "Ngày sinh", "Vai trò"]
    import_rows(context.db, "delegations", headers, [
        [number, "01/03/2025", name, countries, "Công tác", "15/03/2025", back, report, member, "1975",
         "Trưởng đoàn" if member == TRAVELLERS[0] else "Thành viên"]
        for number, name, countries, back, report in TRIPS for member in TRAVELLERS])
    _window, page = _page_in_window(qtbot, context, "delegations")
    table, header = page.table, page.table.horizontalHeader()
    shown = [logical for logical in range(header.count()) if not header.isSectionHidden(logical)]
    assert sum(map(header.sectionSize, shown)) <= table.viewport().width() + 1
    due = support.column_of(page, browse.REPORT_DUE)
    for number, saying in (("35-QĐ/TU", "quá hạn"), ("38-QĐ/TU", "báo cáo muộn")):
        row = page.model.row_of(browse.record_ids(context.db, "delegations", number)[0])
        assert saying in page.model.index(row, due).data()
        assert _read_whole(table, row, due)


NAMED_ON_SLIPS = ("Nguyễn Văn Huy", "Trần Thị Thu Hằng", "Nguyễn Trọng Hưng", "Lê Thị Mai", "Phạm Thành Khánh")


@pytest.mark.parametrize("size", [SCREEN, (1200, 707)])  # maximized, and the window as it opens on that screen
def test_the_slips_register_reads_an_overdue_reply_deadline_whole_beside_its_other_columns(qtbot, context, size):
    """Tour: «Hạn trả lời» showed «31/07/2026 …» for a slip 61 days overdue, at 1366×768 and at 1200 pixels — the
    newest slips, the rows measured, are not overdue yet, and the column was narrowed with the others: it keeps the
    room of a deadline months overdue, its rows on one line (a season's slips by the screenful), no header on two."""
    headers = ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Quan hệ",
               "Họ và tên người được thẩm tra", "Nơi nhận phiếu"]
    import_rows(context.db, "slips", headers, [
        [f"{900 + day}/PXM", f"{1 + day % 12:02d}/06/2025", NAMED_ON_SLIPS[day % len(NAMED_ON_SLIPS)], "Mẹ vợ",
         "Trần Minh Quang", "Phòng PV01 – Công an tỉnh Lâm Đồng"] for day in range(120)]
        + [["77/PXM", "02/03/2025", "Hoàng Thị Lan", "Mẹ", "Lê Văn Tám", "Cục A93B – Bộ Công an"]])
    window, page = _page_in_window(qtbot, context, "slips")
    window.resize(*size)
    qtbot.wait(20)
    page.columns.fit_now()
    table, header = page.table, page.table.horizontalHeader()
    shown = [logical for logical in range(header.count()) if not header.isSectionHidden(logical)]
    assert sum(map(header.sectionSize, shown)) <= table.viewport().width() + 1
    row = page.model.row_of(browse.record_ids(context.db, "slips", "77/PXM")[0])
    due = support.column_of(page, browse.REPLY_DUE)
    assert "quá hạn" in page.model.index(row, due).data()
    assert _read_whole(table, row, due)
    assert header.height() < 2 * header.fontMetrics().height()
