"""Qt's own dialogs speak Vietnamese: the table answers Qt's source strings exactly as Qt writes
them, accelerator «&» included, and the menus and dialogs Qt builds itself show no English."""

import re

from bvct_desktop.gui.app import prepare_application
from bvct_desktop.gui.qt import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QContextMenuEvent,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPoint,
    QPrintDialog,
    QPrinter,
    QPushButton,
    QSpinBox,
    QTabBar,
    QTabWidget,
    QTimer,
    QToolButton,
    QTreeView,
    QWidget,
)
from bvct_desktop.gui.translation import VIETNAMESE


def test_the_file_dialog_labels_are_vietnamese(tmp_path):
    prepare_application()
    dialog = QFileDialog(None, "Mở tệp", str(tmp_path), "Sổ Excel (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "Tìm tr&ong:"
    assert labels["fileNameLabel"] == "&Tên tệp:"
    assert labels["fileTypeLabel"] == "Loại tệ&p:"
    header = dialog.findChild(QTreeView).header()
    headers = [header.model().headerData(column, header.orientation()) for column in range(header.count())]
    assert headers[:2] == ["Tên", "Kích thước"]


def _english(text: str) -> bool:
    """Latin words with no Vietnamese letter in them, unless the table wrote them («In», «Cao:»)."""
    return text.isascii() and re.search("[A-Za-z]{2}", text) is not None and text not in VIETNAMESE.values()


def _texts(widget: QWidget) -> list[str]:
    """What an officer reads on a dialog: labels, buttons, frames, tabs and the choices in its lists
    (page sizes, units and printer names are names, not words to translate)."""
    texts = [child.text() for kind in (QLabel, QAbstractButton) for child in widget.findChildren(kind)]
    texts += [child.title() for child in widget.findChildren(QGroupBox)]
    for tabs in widget.findChildren(QTabWidget):
        texts += [tabs.tabText(index) for index in range(tabs.count())]
    for box in widget.findChildren(QComboBox):
        if box.objectName() not in {"pageSizeCombo", "unitCombo", "printers"}:
            texts += [box.itemText(index) for index in range(box.count())]
    return texts


def _menu_texts(menu: QMenu) -> list[str]:
    """The actions' texts without their shortcuts («&Copy\tCtrl+C»)."""
    return [action.text().split("\t")[0] for action in menu.actions() if not action.isSeparator()]


def test_the_text_boxes_menus_are_vietnamese():
    prepare_application()
    boxes = (QLineEdit(), QPlainTextEdit())
    texts = [text for box in boxes for text in _menu_texts(box.createStandardContextMenu())]
    assert "Chọn tất cả" in texts
    assert [text for text in texts if _english(text)] == []


def test_the_spin_and_date_boxes_menus_are_vietnamese():
    app = prepare_application()
    texts = []

    def read_and_close_the_menu():
        menu = next(widget for widget in app.topLevelWidgets() if isinstance(widget, QMenu) and widget.isVisible())
        texts.extend(_menu_texts(menu))
        menu.close()

    for box in (QSpinBox(), QDateEdit()):
        QTimer.singleShot(0, read_and_close_the_menu)
        QApplication.sendEvent(box, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5)))
    assert {"&Tăng", "&Giảm"} <= set(texts)
    assert [text for text in texts if _english(text)] == []


def test_the_print_dialog_and_its_options_are_vietnamese():
    app = prepare_application()
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    dialog.show()
    next(button for button in dialog.findChildren(QPushButton) if button.text() == "&Tùy chọn >>").click()
    texts = _texts(dialog)

    def read_and_close_the_properties():
        properties = app.activeModalWidget()
        texts.extend([properties.windowTitle(), *_texts(properties)])
        properties.close()

    QTimer.singleShot(0, read_and_close_the_properties)
    dialog.findChild(QPushButton, "properties").click()
    dialog.close()
    assert {"&Tên:", "Số bản:", "Tùy chọn", "Mọi trang", "Thuộc tính máy in", "Khổ giấy:"} <= set(texts)
    assert [text for text in texts if _english(text)] == []


def test_the_arrows_that_scroll_a_row_of_tabs_are_vietnamese():
    """At 150 % a person's file has more tabs than its width: Shift+Tab from «Họ và tên» stops on the arrow that
    scrolls them, which a screen reader read out as «Scroll Right»."""
    prepare_application()
    bar = QTabBar()
    names = [button.accessibleName() for button in bar.findChildren(QToolButton)]
    assert sorted(names) == ["Cuộn sang phải", "Cuộn sang trái"]
