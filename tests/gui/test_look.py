"""The small widgets every page shares."""

from bvct_desktop.gui.look import NarrowComboBox
from tests.gui import register_support as support

app = support.app  # fixture: the bundled font and the program's style

UNIT = "Phòng An ninh chính trị nội bộ – Công an tỉnh Lâm Đồng (cơ sở 2, khu vực Bình Thuận cũ) – Đội nghiệp vụ số 3"


def test_a_long_choice_is_cut_short_in_the_closed_box_and_read_whole_in_its_tip_and_list(qtbot, app):
    box = NarrowComboBox(12)
    qtbot.addWidget(box)
    box.addItems(["Nơi nhận: tất cả", UNIT])
    box.show()
    before = box.sizeHint().width()
    box.setCurrentIndex(1)
    assert box.sizeHint().width() == before < box.fontMetrics().horizontalAdvance(UNIT)
    shown = box.closed_text()
    assert shown.endswith("…") and UNIT.startswith(shown[:-1])
    assert box.toolTip() == UNIT
    box.showPopup()
    assert box.view().width() >= box.view().fontMetrics().horizontalAdvance(UNIT)
    assert box.view().window().geometry().right() <= box.screen().availableGeometry().right()
    box.hidePopup()


def test_a_long_value_typed_or_chosen_shows_its_beginning_in_a_box_one_may_type_in(qtbot, app):
    box = NarrowComboBox(12)
    qtbot.addWidget(box)
    box.setEditable(True)
    box.addItems(["", UNIT])
    box.show()
    box.setCurrentText(UNIT)
    assert box.lineEdit().cursorPosition() == 0
    assert box.toolTip() == UNIT
    box.showPopup()
    assert box.view().width() >= box.view().fontMetrics().horizontalAdvance(UNIT)
    box.hidePopup()
