"""The "Giới thiệu" dialog (Help menu): which copy of the program this is — version, build,
bundle or Python environment — the libraries under it, and where the data and the error log are,
with a button that copies it all for a support request."""

import sys

from .. import buildinfo, paths
from .copy_guard import copy_out
from .icons import icon
from .qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
    qVersion,
)

TAGLINE = "Quản lý công tác bảo vệ chính trị nội bộ — ngoại tuyến, dữ liệu được mã hóa."


def rows(info: buildinfo.BuildInfo) -> list[tuple[str, str]]:
    """(label, value) pairs shown in the dialog; Qt's version is the one actually loaded."""
    from PySide6 import __version__ as pyside

    return [
        ("Phiên bản", info.version),
        ("Bản dựng", info.build_line()),
        ("Tệp chương trình", sys.executable),
        ("Python", info.python),
        ("SQLCipher", info.sqlcipher),
        ("SQLite", info.sqlite),
        ("Qt", f"{qVersion()} (PySide6 {pyside})"),
        ("Thư mục dữ liệu", str(paths.default_database().parent)),
        ("Nhật ký lỗi", str(paths.log_file())),
    ]


class AboutDialog(QDialog):
    def __init__(self, parent=None, info: buildinfo.BuildInfo | None = None):
        super().__init__(parent)
        self.setWindowTitle("Giới thiệu")
        self.rows = rows(info or buildinfo.gather())

        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(48, 48))
        title = QLabel(f"<b>BVCT Desktop {self.rows[0][1]}</b><br>{TAGLINE}")
        header = QHBoxLayout()
        header.addWidget(logo)
        header.addWidget(title, 1)

        form = QFormLayout()
        for label, value in self.rows:
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{label}:", shown)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("Sao chép")
        copy.setToolTip("Chép các thông tin này để gửi kèm khi báo lỗi")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def text(self) -> str:
        return "\n".join(f"{label}: {value}" for label, value in self.rows)

    def copy(self) -> None:
        copy_out(self.text())
