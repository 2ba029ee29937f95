"""The "Tra cứu địa danh" dialog: the same lookup as `bvct places` — a unit's name, old (before
01/7/2025) or new, accents optional, district and province after commas — answered as the officer
types, one line per match: what a former unit became, what went into a current one."""

from ..core import gazetteer
from .accessible import clearable, named
from .look import plain, styled
from .qt import QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, Qt, QTimer, QVBoxLayout, QWidget

PAUSE_MS = 250  # after the last key, so a name is looked up once it is typed, not letter by letter
HINT = (f"Đơn vị hành chính cả nước trước và sau ngày {gazetteer.EFFECTIVE}. "
        "Ví dụ: «Ngũ Phụng, Phú Quí», «phuong Mui Ne».")


class PlacesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Tra cứu địa danh")
        self.query = named(QLineEdit(), "Tìm địa danh")
        self.query.setPlaceholderText("Tên xã, phường, huyện, tỉnh — cũ hoặc mới; thêm huyện, tỉnh sau dấu phẩy")
        clearable(self.query)
        self.status = plain(styled(QLabel(HINT), "hint"))
        self.status.setWordWrap(True)
        self.results = named(QListWidget(), "Địa danh tìm được")
        self.results.setWordWrap(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideNone)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(PAUSE_MS)
        self.pause.timeout.connect(self.look_up)
        self.query.textChanged.connect(lambda _text: self.pause.start())
        self.query.returnPressed.connect(self.look_up)
        self.resize(820, 460)

    def look_up(self) -> None:
        self.pause.stop()
        text = self.query.text().strip()
        self.results.clear()
        if not text:
            self.status.setText(HINT)
            return
        found = gazetteer.load().lookup(text)
        self.results.addItems([gazetteer.describe(unit, text) for unit in found])
        self.status.setText(f"{len(found)} đơn vị khớp với «{text}»." if found else
                            f"Không tìm thấy đơn vị hành chính «{text}» (trước hoặc sau {gazetteer.EFFECTIVE}).")


def open_places(parent: QWidget) -> PlacesDialog:
    """The window's one lookup dialog, brought to the front (it stays open beside a form)."""
    dialog = parent.findChild(PlacesDialog)
    if dialog is None:
        dialog = PlacesDialog(parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.query.setFocus()
    return dialog
