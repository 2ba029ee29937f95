"""An attachment shown inside the program, from memory: a scanned image, or a PDF page by page (rendered by
`pdf_pages`, on the GUI thread, under its lock). Nothing is written to the disk. A damaged scan, or a Word or
Excel file, is not shown: the window says why and that a copy can be saved out."""

import html

from ..core.attachments import IMAGE, PDF, Attachment, size_text
from .accessible import named
from .look import ErrorLabel, button_row, fill_screen
from .pdf_pages import PdfPages
from .qt import (
    QComboBox,
    QDialog,
    QEvent,
    QHBoxLayout,
    QImage,
    QLabel,
    QPixmap,
    QPushButton,
    QScrollArea,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
)

FIT_WIDTH, FIT_PAGE, ACTUAL = "width", "page", "actual"
FITS = (("Vừa chiều rộng", FIT_WIDTH), ("Vừa trang", FIT_PAGE), ("Kích thước thật", ACTUAL))
SCREEN_DPI = 96


def not_shown(found: Attachment) -> str:
    """Why the attachment is not shown, or "" when it can be."""
    if found.type.shown is None:
        return (f"Tệp «{found.file_name}» ({found.type.title}) không xem được trong chương trình: "
                "hãy «Lưu bản sao…» rồi mở bằng Word hoặc Excel.")
    return ""


def damaged(found: Attachment) -> str:
    return (f"Không hiển thị được «{found.file_name}»: tệp {found.type.title} bị hỏng hoặc không đọc được. "
            "Tệp vẫn được giữ nguyên trong cơ sở dữ liệu; có thể «Lưu bản sao…» để mở bằng chương trình khác.")


class AttachmentView(QDialog):
    """One attachment, at the fit chosen, page by page for a PDF."""

    def __init__(self, found: Attachment, content: bytes, parent: QWidget | None = None):
        super().__init__(parent)
        self.found = found
        self.setWindowTitle(f"Tệp đính kèm – {found.file_name}")
        self.pdf: PdfPages | None = None
        self.image: QImage | None = None
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{html.escape(found.file_name)}</b> — {found.type.title}, {size_text(found.size)}")
        title.setWordWrap(True)
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.page = named(QSpinBox(), "Trang đang xem")
        self.page.setPrefix("Trang ")
        self.of_pages = QLabel()
        self.fit = named(QComboBox(), "Cỡ xem")
        for shown, value in FITS:
            self.fit.addItem(shown, value)
        for widget in (self.page, self.of_pages):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.fit)
        layout.addLayout(bar)
        self.area = QScrollArea()
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shown = QLabel()
        self.area.setWidget(self.shown)
        layout.addWidget(self.area, 1)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        close = QPushButton("Đóng")
        close.clicked.connect(self.accept)
        layout.addLayout(button_row(close))
        fill_screen(self)
        self.finished.connect(self._release)
        self._load(content)
        self.pages = self.pdf.count if self.pdf is not None else 1
        self.page.setRange(1, self.pages)
        self.of_pages.setText(f"/ {self.pages}")
        for widget in (self.page, self.of_pages):
            widget.setVisible(self.pdf is not None)
        self.fit.setEnabled(self.pdf is not None or self.image is not None)
        self.page.valueChanged.connect(lambda _number: self.show_page())
        self.fit.currentIndexChanged.connect(lambda _index: self.show_page())
        self.area.viewport().installEventFilter(self)
        self.show_page()

    def _load(self, content: bytes) -> None:
        why = not_shown(self.found)
        if self.found.type.shown == PDF:
            try:
                self.pdf = PdfPages(content)
                why = "" if self.pdf.count else damaged(self.found)
            except Exception:  # noqa: BLE001 - PDFium's errors on a damaged file are of several kinds
                why = damaged(self.found)
        elif self.found.type.shown == IMAGE:
            self.image = QImage.fromData(content)
            if self.image.isNull():
                self.image, why = None, damaged(self.found)
        if why:  # said where the page would be, under the file's name
            self.area.hide()
            self.fit.hide()
            self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.layout().setStretchFactor(self.message, 1)
            self.message.show_message(why)

    def scale(self, width: float, height: float) -> float:
        """Pixels per unit of the page (points) or of the image (pixels) at the fit chosen."""
        view = self.area.viewport().size()
        room_width, room_height = max(50, view.width() - 8), max(50, view.height() - 8)
        chosen = self.fit.currentData()
        if chosen == FIT_WIDTH:
            return room_width / width
        if chosen == FIT_PAGE:
            return min(room_width / width, room_height / height)
        return SCREEN_DPI / 72 if self.pdf is not None else 1.0

    def show_page(self) -> None:
        if self.pdf is not None and self.pdf.count:
            index = self.page.value() - 1
            scale = self.scale(*self.pdf.size(index))
            picture = QPixmap.fromImage(self.pdf.render(index, scale * 72))
        elif self.image is not None:
            scale = self.scale(self.image.width(), self.image.height())
            picture = QPixmap.fromImage(self.image.scaledToWidth(
                max(1, round(self.image.width() * scale)), Qt.TransformationMode.SmoothTransformation))
        else:
            return
        self.shown.setPixmap(picture)
        self.shown.resize(picture.size())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """A fitted page follows the window's size."""
        if watched is self.area.viewport() and event.type() == QEvent.Type.Resize and self.fit.currentData() != ACTUAL:
            self.show_page()
        return super().eventFilter(watched, event)

    def _release(self) -> None:
        if self.pdf is not None:
            self.pdf.close()
            self.pdf = None
        self.image = None
