"""Print preview and printing of a document PDF: the GUI's one way to put a document on paper.

Entry points for the GUI pages:

    print_register(context, "slips", model.ids, page)   # a register's rows as on screen
    print_slips(context, selected_slip_ids, page)        # the slips' forms, one per page
    print_recovery_key(wizard, dialogs, office, key, database_path, today)  # at first run

or, for any other document (the content from `core.documents_data.gather`, the PDF from
`io.documents.render`):

    office, slips = documents_data.gather(ctx.db, "in phiếu xác minh", query)
    data = render.slips_pdf(office, slips, render.Options(profile.load()))
    preview = PrintPreview(window, data, "Phiếu yêu cầu xác minh lai lịch", ctx.dialogs,
                           suggested_name="phieu-xac-minh.pdf",
                           on_output=lambda action, details: documents_data.record(ctx.db, action, "slips", details))
    preview.open()

Pages are rendered with pypdfium2 (PDF page → QImage) and painted with QPainter on a QPrinter
(Qt's own PDF module is not in PySide6-Essentials). The printer list and the printer dialog sit
behind `Printers`, a seam tests replace; no printer installed is a normal case: the officer is
told so and offered "Lưu thành PDF" instead. `on_output("in" | "xuất", details)` is called
after a print or a save, so the page can write it to the audit trail; `confirm(parent)` is asked
before the document leaves (print or save) — the place for the data-safety issue's password
re-ask (setting `hoi_lai_mat_khau`); False stops it.
"""

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pypdfium2 as pdfium

from ..core import browse, documents_data
from ..core.errors import BvctError
from ..core.files import atomic_output
from ..core.kinds import kind_named
from ..io.documents import lists, profile, render, slip_form, tables
from ..io.xlsx_writer import column_width
from . import reauth
from .context import AppContext
from .designer.ui_print_preview import Ui_PrintPreview
from .dialogs import YES, Dialogs
from .qt import (
    QDialog,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPixmap,
    QPrintDialog,
    QPrinter,
    QPrinterInfo,
    QRectF,
    QWidget,
)

PRINTED, SAVED = "in", "xuất"
PREVIEW_DPI = 96
PRINT_DPI_LIMIT = 300  # finer than this only makes the spool file bigger
SCREEN_SHARE = 0.9  # the preview's height at most, of the screen's (office PCs have 768 pixels)
NO_PRINTER = ("Máy tính này chưa cài máy in nào, nên chưa in được.\n\n"
              "Bạn có muốn lưu tài liệu thành tệp PDF (để in ở máy khác) không?")
Output = Callable[[str, dict], None]
Confirm = Callable[[QWidget], bool]


class Printers:
    """The installed printers and the officer's choice among them (tests replace this seam)."""

    def available(self) -> list[str]:
        return [info.printerName() for info in QPrinterInfo.availablePrinters()]

    def default(self) -> str:
        return QPrinterInfo.defaultPrinterName()

    def choose(self, parent: QWidget | None, printer: QPrinter, pages: int) -> bool:
        """Shows the printer dialog (printer, page range, copies); False when cancelled."""
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("In tài liệu")
        dialog.setMinMax(1, pages)
        return dialog.exec() == QDialog.DialogCode.Accepted


def render_page(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    """One page as an RGB image at `dpi`."""
    bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True)
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
    return image.copy()  # the bitmap's memory goes away with it


def print_pdf(data: bytes, printer: QPrinter, first: int, last: int, copies: int) -> int:
    """Paints pages first..last (1-based, included) `copies` times; returns the sheets printed."""
    document = pdfium.PdfDocument(data)
    width, height = document[first - 1].get_size()
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if width > height
                               else QPageLayout.Orientation.Portrait)
    printer.setCopyCount(1)
    dpi = min(printer.resolution(), PRINT_DPI_LIMIT)
    painter = QPainter()
    if not painter.begin(printer):
        raise BvctError(f"Không mở được máy in «{printer.printerName()}». Kiểm tra máy in rồi thử lại.")
    sheets = 0
    try:
        paper = printer.pageLayout().fullRectPixels(printer.resolution())
        for _ in range(copies):
            for index in range(first - 1, last):
                if sheets:
                    printer.newPage()
                painter.drawImage(QRectF(0, 0, paper.width(), paper.height()), render_page(document, index, dpi))
                sheets += 1
    finally:
        painter.end()
    return sheets


def destination(printer: QPrinter) -> str:
    """The printer's name, or the file when the officer chose "print to file"."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return f"tệp {Path(printer.outputFileName()).name}"
    return printer.printerName()


def save_pdf(data: bytes, target: Path) -> None:
    with atomic_output(Path(target)) as temp:
        temp.write_bytes(data)


class PrintPreview(QDialog, Ui_PrintPreview):
    """One page at a time (a batch may hold a thousand slips), with the page range, the number
    of copies, "In…" and "Lưu thành PDF…". The layout is the Designer form ui/print_preview.ui."""

    def __init__(self, parent: QWidget | None, data: bytes, title: str, dialogs: Dialogs,
                 suggested_name: str = "tai-lieu.pdf", on_output: Output | None = None,
                 printers: Printers | None = None, confirm: Confirm | None = None):
        super().__init__(parent)
        self.data, self.dialogs, self.suggested_name = data, dialogs, suggested_name
        self.on_output = on_output or (lambda action, details: None)
        self.confirm = confirm or (lambda parent: True)
        self.printers = printers or Printers()
        self.document = pdfium.PdfDocument(data)
        self.pages = len(self.document)
        self.setupUi(self)
        self.setWindowTitle(self.windowTitle().format(title=title))
        self.resize(self.size().boundedTo(self.screen().availableGeometry().size() * SCREEN_SHARE))
        self.of_pages.setText(self.of_pages.text().format(pages=self.pages))
        for spin in (self.page, self.first, self.last):
            spin.setRange(1, self.pages)
        self.last.setValue(self.pages)
        self.page.valueChanged.connect(self.show_page)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        self.close_button.clicked.connect(self.reject)
        self.show_page(1)

    def show_page(self, number: int) -> None:
        self.image.setPixmap(QPixmap.fromImage(render_page(self.document, number - 1, PREVIEW_DPI)))

    def print_document(self) -> bool:
        """Prints the chosen pages; with no printer installed, offers to save a PDF instead."""
        if not self.confirm(self):
            return False
        names = self.printers.available()
        if not names:
            if self.dialogs.ask(self, "Chưa có máy in", NO_PRINTER) == YES:
                return self._save()
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPrinterName(self.printers.default() or names[0])
        printer.setFromTo(self.first.value(), self.last.value())
        printer.setCopyCount(self.copies.value())
        if not self.printers.choose(self, printer, self.pages):
            return False
        first, last = printer.fromPage() or self.first.value(), printer.toPage() or self.last.value()
        if first > last:
            self.dialogs.warn(self, "Khoảng trang không hợp lệ", "Trang đầu phải trước hoặc bằng trang cuối.")
            return False
        copies = printer.copyCount()
        try:
            sheets = print_pdf(self.data, printer, first, min(last, self.pages), copies)
        except BvctError as error:
            self.dialogs.warn(self, "Không in được", error.message)
            return False
        where = destination(printer)
        self.on_output(PRINTED, {"may_in": where, "tu_trang": first, "den_trang": last, "so_ban": copies})
        self.dialogs.inform(self, "Đã in", f"Đã gửi {sheets} trang tới máy in «{where}».")
        return True

    def save_document(self) -> bool:
        return self.confirm(self) and self._save()

    def _save(self) -> bool:
        name = self.dialogs.save_file(self, "Lưu thành PDF", self.suggested_name, "Tệp PDF (*.pdf)")
        if not name:
            return False
        target = Path(name) if name.lower().endswith(".pdf") else Path(f"{name}.pdf")
        try:
            save_pdf(self.data, target)
        except BvctError as error:
            self.dialogs.warn(self, "Không lưu được", error.message)
            return False
        self.on_output(SAVED, {"tep": target.name})
        self.dialogs.inform(self, "Đã lưu", f"Đã lưu tài liệu thành tệp «{target}».")
        return True


def print_register(context: AppContext, kind: str, ids: Sequence[int], parent: QWidget | None = None,
                   confirm: Confirm | None = None) -> PrintPreview | None:
    """The register's rows `ids`, with the columns shown on screen, in a print preview."""
    spec = browse.view(kind)
    title = lists.REGISTER_TITLE if kind == "slips" else f"DANH SÁCH {kind_named(kind).title.upper()}"
    if not ids:
        context.dialogs.inform(parent, "In", "Danh sách đang trống; không có gì để in.")
        return None
    try:
        office, _ = documents_data.gather(context.db, f"in danh sách {kind}", lambda connection: None)
        shown = browse.fetch_rows(context.db, kind, list(ids))
    except BvctError as error:
        context.dialogs.warn(parent, "Không in được", error.message)
        return None
    columns = [tables.counter(), *(
        tables.Column(str(index), column.header,
                      (column_width(column.field) if column.field else len(column.header) + 4) / 10,
                      whole=tables.kept_whole(column.field))
        for index, column in enumerate(spec.columns))]
    records = [{str(index): value for index, value in enumerate(shown[record_id])}
               for record_id in ids if record_id in shown]
    data = render.listing_pdf(office, title, "", columns, records, context.clock().date(),
                              render.Options(profile.load()))
    return _open(context, parent, data, title.capitalize(), f"{kind}.pdf", kind, len(records), confirm)


def print_slips(context: AppContext, ids: Sequence[int], parent: QWidget | None = None,
                confirm: Confirm | None = None) -> PrintPreview | None:
    """The chosen slips' forms, one per page, ready for signature."""
    try:
        office, slips = documents_data.gather(context.db, "in phiếu xác minh",
                                              lambda connection: documents_data.slips_by_ids(connection, ids))
    except BvctError as error:
        context.dialogs.warn(parent, "Không in được", error.message)
        return None
    if not slips:
        context.dialogs.inform(parent, "In", "Chưa chọn phiếu nào để in.")
        return None
    data = render.slips_pdf(office, slips, render.Options(profile.load()))
    return _open(context, parent, data, slip_form.TITLE.capitalize(), "phieu-xac-minh.pdf", "slips", len(slips),
                 confirm)


def print_recovery_key(parent: QWidget | None, dialogs: Dialogs, office: Mapping[str, str], recovery_key: str,
                       database: Path, created_on: dt.date) -> PrintPreview:
    """The recovery-key sheet of the first run (always marked MẬT), to print or keep as a PDF."""
    data = render.recovery_key_pdf(office, recovery_key, Path(database).name, created_on,
                                   render.Options(profile.load()))
    preview = PrintPreview(parent, data, "Phiếu khóa khôi phục", dialogs, "phieu-khoa-khoi-phuc.pdf")
    preview.open()
    return preview


def _open(context: AppContext, parent: QWidget | None, data: bytes, title: str, name: str, kind: str,
          count: int, confirm: Confirm | None) -> PrintPreview:
    def audited(action: str, details: dict) -> None:
        documents_data.record(context.db, action, kind, {**details, "so_ban_ghi": count})

    confirm = confirm or (lambda asking: reauth.confirm(context, asking, "in hoặc lưu PDF"))
    preview = PrintPreview(parent, data, title, context.dialogs, name, audited, confirm=confirm)
    preview.open()
    return preview
