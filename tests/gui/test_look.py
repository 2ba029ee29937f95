"""The small widgets every page shares, and the characters the screens show: each has a glyph in the
bundled fonts (an office PC may have no other font with it, and a character missing from Liberation
Sans is drawn as an empty box)."""

import ast
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

import bvct_desktop.gui
import bvct_desktop.gui.look as look_module
from bvct_desktop.core import long_text
from bvct_desktop.gui.look import FONT_FILES, ErrorLabel, NarrowComboBox, button_row, heading, read_only, styled
from bvct_desktop.gui.qt import (
    QApplication,
    QLabel,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from bvct_desktop.resources import resource_path
from tests.gui import register_support as support
from tests.gui.accessibility_support import clearest, dark_theme
from tests.gui.tip_support import as_seen

app, dark_theme = support.app, dark_theme  # fixtures: the bundled font and the program's style; a dark theme

GUI = Path(bvct_desktop.gui.__file__).parent
UNIT = "Phòng An ninh chính trị nội bộ – Công an tỉnh Lâm Đồng (cơ sở 2, khu vực Bình Thuận cũ) – Đội nghiệp vụ số 3"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_titles_and_hints_read_on_a_light_and_a_dark_theme(qtbot, app, request, theme):
    """On Windows' dark or high-contrast theme the page titles (dark blue), the grey hints under them and
    the forms' red and green messages stood on a black window: contrast under 3:1."""
    page = QWidget()
    qtbot.addWidget(page)
    if theme == "dark":
        request.getfixturevalue("dark_theme")(page)
    layout = QVBoxLayout(page)
    layout.addWidget(heading("Tổng quan", "Năm 2025: số liệu từ 01/01/2025 đến 15/06/2025"))
    layout.addWidget(styled(QLabel("Thân nhân cần xác minh còn thiếu"), "sectionTitle"))
    layout.addWidget(styled(QLabel("(nay: xã Tuy Phong)"), "hint"))
    for show, text in ((ErrorLabel.show_message, "Ngày sinh «31/02/1972»: không có ngày này."),
                       (lambda line, text: line.show_message(text, error=False), "Đã lưu."),
                       (ErrorLabel.show_hint, "Không có bản ghi nào khớp.")):
        line = ErrorLabel()
        show(line, text)
        layout.addWidget(line)
    page.show()
    qtbot.waitExposed(page)
    background = page.grab().toImage().pixelColor(1, 1)
    labels = page.findChildren(QLabel)
    assert all(clearest(page, label, background) >= 4.5 for label in labels), [
        (label.text(), round(clearest(page, label, background), 1)) for label in labels]


def test_tab_leaves_a_table_read_not_typed_in(qtbot, app):
    """On the dashboard's lists, the person file's tables, Quản trị's tables, Tab went from cell to cell,
    round to the first, and never reached the next control: a keyboard officer was stuck there."""
    page = QWidget()
    qtbot.addWidget(page)
    table = read_only(QTableWidget(2, 2))
    for row in range(2):
        for column in range(2):
            table.setItem(row, column, QTableWidgetItem(f"{row}/{column}"))
    after = QPushButton("Lập công văn đôn đốc…")
    layout = QVBoxLayout(page)
    layout.addWidget(table)
    layout.addWidget(after)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after


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
    assert as_seen(box.toolTip()) == long_text.tip(UNIT)  # in lines inside the screen
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
    assert as_seen(box.toolTip()) == long_text.tip(UNIT)  # in lines inside the screen
    box.showPopup()
    assert box.view().width() >= box.view().fontMetrics().horizontalAdvance(UNIT)
    box.hidePopup()


def shown_strings(source: Path) -> list[tuple[int, str]]:
    """The string literals of a module (its compiled Designer forms' texts among them), docstrings left out."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    docstrings = {id(node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


@pytest.mark.parametrize("style", FONT_FILES)
def test_every_character_of_the_screens_is_in_the_bundled_font(style):
    covered = TTFontFile(str(resource_path(f"fonts/LiberationSans-{style}.ttf"))).charToGlyph
    boxes = [f"{source.relative_to(GUI)}:{line} «{text}» ({char} U+{ord(char):04X})"
             for source in sorted(GUI.rglob("*.py")) for line, text in shown_strings(source)
             for char in dict.fromkeys(text) if char.isprintable() and ord(char) not in covered]
    assert not boxes, "drawn as a box in Liberation Sans:\n" + "\n".join(boxes)


def test_the_error_red_is_named_in_one_place_that_follows_the_theme():
    """The dashboard's «Quá hạn», the audit trail's failed entries, the backup warning and the import's
    problems were drawn in the light theme's red, hard to read on a dark or high-contrast theme: every
    window takes it from look.colour."""
    red = look_module.ON_LIGHT["error"]
    drawn_by_hand = [path.relative_to(GUI).as_posix() for path in sorted(GUI.rglob("*.py"))
                     if path.name != "look.py" and red.lower() in path.read_text(encoding="utf-8").lower()]
    assert drawn_by_hand == []


def test_a_dialog_s_buttons_stand_at_the_right_end_of_their_row_what_is_on_the_left_at_its_left(qtbot, app):
    dialog = QWidget()
    qtbot.addWidget(dialog)
    note, save, close, later = QLabel("* bắt buộc"), QPushButton("Lưu"), QPushButton("Đóng"), QPushButton("In…")
    row = button_row(save, close, left=[note])
    row.addWidget(later)
    dialog.setLayout(row)
    dialog.resize(800, 60)
    dialog.show()
    qtbot.waitExposed(dialog)
    margins = row.contentsMargins()
    assert note.x() == margins.left()
    assert save.x() < close.x() < later.x()
    assert later.geometry().right() == dialog.width() - margins.right() - 1
    assert close.geometry().right() + row.spacing() + 1 == later.x()  # together at the right, the room on the left
