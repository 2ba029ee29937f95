"""Print preview and printing of a document PDF: the GUI's one way to put a document on paper.

Entry points for the GUI pages:

    print_register(context, "slips", model.ids, columns, page, opened=...)  # a register's rows as on screen
    print_slips(context, selected_slip_ids, page, opened=...)       # the slips' forms, one per page
    print_recovery_key(wizard, dialogs, office, key, database_path, today)  # at first run

or, for any other document (the content from `core.documents_data.gather`, the PDF from
`io.documents.render`):

    office, slips = documents_data.gather(ctx.db, "in phiếu xác minh", query)
    data = render.slips_pdf(office, slips, render.Options(profile.load()))
    preview = PrintPreview(window, data, "Phiếu yêu cầu xác minh lai lịch", ctx.dialogs,
                           suggested_name="phieu-xac-minh.pdf",
                           on_output=lambda action, details, *outcome: documents_data.record(
                               ctx.db, action, "slips", details, *outcome))
    preview.open()

The records are read and the PDF written on a worker thread (a register of thousands of rows
takes seconds), with a progress dialog; the preview then opens and is handed to `opened`. Printing
paints the pages on the printer on a worker too, sheet by sheet, with Cancel.

Pages are rendered with pypdfium2 (PDF page → QImage, through `pdf_pages`, which keeps its calls
one at a time across threads) and painted with QPainter on a QPrinter
(Qt's own PDF module is not in PySide6-Essentials). The printer list and the printer dialog sit
behind `Printers`, a seam tests replace; no printer installed is a normal case: the officer is
told so and offered "Lưu thành PDF" instead. `on_output("in" | "xuất", details)` is called
after a print or a save, so the page can write it to the audit trail, and `on_output("in", details, FAILED)`
after a print cancelled or failed once sheets were sent (they may still come out); `confirm(parent)` is asked
before the document leaves (print or save) — the place for the data-safety issue's password
re-ask (setting `hoi_lai_mat_khau`); False stops it.
"""

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..core import (
    archive_letters,
    audit,
    browse,
    case_register,
    documents_data,
    handover_minutes,
    passport_register,
    text,
)
from ..core.audit_chain import FAILED, OK
from ..core.errors import BvctError
from ..core.kinds import ARCHIVE_REQUESTS, kind_named
from ..core.numbers import grouped
from ..core.personfile import case_steps
from ..io.documents import archive_letter, lists, pdf, profile, render, sheets, slip_form, tables, vitae_form
from ..io.xlsx_writer import column_width
from . import export_password, reauth, undecided, unsigned
from .accessible import named
from .context import AppContext
from .designer.ui_print_preview import Ui_PrintPreview
from .dialogs import FILE_FILTERS, YES, Dialogs
from .look import fill_screen, wait_cursor
from .pdf_pages import PdfPages
from .qt import (
    QAbstractPrintDialog,
    QDialog,
    QEvent,
    QImageWriter,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPixmap,
    QPrintDialog,
    QPrinter,
    QPrinterInfo,
    QRectF,
    QShortcut,
    Qt,
    QWidget,
)
from .workers import BackgroundTask, Cancelled, Progress, failure_message, run_in_background, wait_for

PRINTED, SAVED = "in", "xuất"
CANCELLED_WHILE_PRINTING = "Người dùng hủy khi đang in"  # why a print stopped, in its audit entry
PREVIEW_DPI = 96
PRINT_DPI_LIMIT = 300  # finer than this only makes the spool file bigger
NO_PRINTER = ("Máy tính này chưa cài máy in nào, nên chưa in được.\n\n"
              "Bạn có muốn lưu tài liệu thành tệp PDF (để in ở máy khác) không?")
Output = Callable[..., None]  # on_output(action, details) or on_output(action, details, outcome)
Confirm = Callable[[QWidget], bool]
Made = tuple[bytes, str, str, dict]  # a document's PDF, title, suggested file name, what its audit entry names
Opened = Callable[["PrintPreview"], None]  # given the preview once the document is ready
PAGE_SHOWN = "Trang tài liệu"  # what a screen reader says of the page in view, then which one of how many
READING = "Đang đọc dữ liệu để in…"  # the rows of a register, counted
LAYING_OUT = "Đang chuẩn bị bản in: đang dàn trang…"  # a long table's columns fitted, before its first page


class Printers:
    """The installed printers and the officer's choice among them (tests replace this seam)."""

    def available(self) -> list[str]:
        return [info.printerName() for info in QPrinterInfo.availablePrinters()]

    def default(self) -> str:
        return QPrinterInfo.defaultPrinterName()

    def choose(self, parent: QWidget | None, printer: QPrinter, pages: int) -> bool:
        """Shows the printer dialog (printer, page range, copies); False when cancelled."""
        return print_dialog(parent, printer, pages).exec() == QDialog.DialogCode.Accepted


def print_dialog(parent: QWidget | None, printer: QPrinter, pages: int) -> QPrintDialog:
    """The printer dialog over `printer`: all pages, the page shown or a range (a selection means
    nothing in a PDF); it opens on the range `printer` carries."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("In tài liệu")
    dialog.setMinMax(1, pages)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
    return dialog


def preset_range(printer: QPrinter, first: int, last: int, pages: int) -> None:
    """The preview's range on `printer`, so that its dialog opens on it: a part as «Trang từ … đến …»,
    the whole document as «In tất cả»."""
    printer.setFromTo(first, last)
    whole = (first, last) == (1, pages)
    printer.setPrintRange(QPrinter.PrintRange.AllPages if whole else QPrinter.PrintRange.PageRange)


def chosen_range(printer: QPrinter, shown: int, pages: int) -> tuple[int, int]:
    """The pages the officer chose in the dialog (1-based, included): all of them, the page shown,
    or the range typed."""
    chosen = printer.printRange()
    if chosen == QPrinter.PrintRange.CurrentPage:
        return shown, shown
    if chosen == QPrinter.PrintRange.PageRange:
        return printer.fromPage(), min(printer.toPage(), pages)
    return 1, pages


def print_pdf(data: bytes, printer: QPrinter, first: int, last: int, copies: int,
              progress: Progress | None = None) -> int:
    """Paints pages first..last (1-based, included) `copies` times; returns the sheets printed.
    Runs on a worker thread (QPainter may paint a QPrinter there); `progress(done, total, stage)` before each
    sheet is painted and after, `done` the sheets painted. A print cancelled (`progress` raising) or failed is
    aborted, and a file printed to removed."""
    pages = PdfPages(data)
    width, height = pages.size(first - 1)
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if width > height
                               else QPageLayout.Orientation.Portrait)
    printer.setCopyCount(1)
    dpi = min(printer.resolution(), PRINT_DPI_LIMIT)
    painter = QPainter()
    if not painter.begin(printer):
        raise BvctError(_not_opened(printer))
    sheets, total = 0, copies * (last - first + 1)
    try:
        paper = printer.pageLayout().fullRectPixels(printer.resolution())
        for _ in range(copies):
            for index in range(first - 1, last):
                image = pages.render(index, dpi)
                if progress is not None:  # a Cancel pressed while the sheet was rendered: it is not sent
                    progress(sheets, total, sending(sheets, total))
                if sheets:
                    printer.newPage()
                painter.drawImage(QRectF(0, 0, paper.width(), paper.height()), image)
                sheets += 1
                if progress is not None:
                    progress(sheets, total, sending(sheets, total))
    except BaseException:
        printer.abort()  # while the job is open: ending it sends the sheets painted (Qt's own engines refuse)
        painter.end()
        if (target := _to_file(printer)) is not None:
            target.unlink(missing_ok=True)  # the PDF engine wrote the sheets painted as the job ended
        raise
    finally:
        pages.close()
    painter.end()
    return sheets


def sending(sheets: int, total: int) -> str:
    """What the progress dialog says as the sheets go to the printer."""
    return f"Đang in: đã gửi {grouped(sheets)} trên {grouped(total)} trang…"


def _to_file(printer: QPrinter) -> Path | None:
    """The file the officer chose to print to ("print to file"), or None for a printer."""
    return Path(printer.outputFileName()) if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat else None


def destination(printer: QPrinter) -> str:
    """The printer's name, or the file when the officer chose "print to file"."""
    target = _to_file(printer)
    return f"tệp {target.name}" if target else printer.printerName()


def sent_to(printer: QPrinter, sheets: int) -> str:
    """What a print that ended well tells: the sheets sent to the printer, or written to the file."""
    target = _to_file(printer)
    if target:
        return f"Đã ghi {grouped(sheets)} trang vào tệp «{target.name}»."
    return f"Đã gửi {grouped(sheets)} trang tới máy in «{printer.printerName()}»."


def stopped(printer: QPrinter, sheets: int, failure: str | None) -> dict[str, Any]:
    """What the audit entry of a print stopped after `sheets` sheets were painted adds: how many, why (the
    officer's Cancel, or the `failure` told), and for a file printed to that it was removed (print_pdf does)."""
    why = {"ly_do": CANCELLED_WHILE_PRINTING} if failure is None else {"loi": failure}
    return {"so_trang_da_in": sheets, **why, **({"tep_da_xoa": True} if _to_file(printer) else {})}


def cancelled(printer: QPrinter, sheets: int) -> str:
    """What became of a print the officer cancelled after `sheets` sheets were painted: the file printed to
    is not written; the sheets already handed to a printer may still come out (Qt cannot abort a job it has
    begun), none when none was."""
    target = _to_file(printer)
    if target:
        return f"Đã hủy in; tệp «{target.name}» không được ghi."
    if not sheets:
        return f"Đã hủy in; chưa trang nào được gửi tới máy in «{printer.printerName()}»."
    return (f"Đã dừng in. Những trang đã gửi trước khi hủy có thể vẫn được máy in «{printer.printerName()}» in "
            "ra; nếu không cần, hãy xóa lệnh in trong hàng đợi của máy in.")


def _not_opened(printer: QPrinter) -> str:
    """Why printing could not begin: the printer, or the file printed to and its folder, named."""
    target = _to_file(printer)
    if target:
        return (f"Không ghi được tệp «{target.name}» vào thư mục «{target.parent}» (thư mục không có, chỉ đọc, "
                "hoặc tệp đang mở ở chương trình khác). Chọn nơi lưu khác rồi thử lại.")
    return f"Không mở được máy in «{printer.printerName()}». Kiểm tra máy in rồi thử lại."


FIT_WIDTH, FIT_PAGE = "width", "page"
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)  # of the page's real size on a 96-dpi screen
ZOOM_CHOICES = (("Vừa chiều rộng", FIT_WIDTH), ("Vừa trang", FIT_PAGE),
                *((f"{round(zoom * 100)}%", zoom) for zoom in ZOOMS))


class PrintPreview(QDialog, Ui_PrintPreview):
    """One page at a time (a batch may hold a thousand slips) at the zoom chosen — fitted to the
    width or to the whole page, or 50 % to 200 % — with page navigation (buttons, Page Up/Down,
    Home/End, on the page itself too), the page range, the number of copies, "In…" (Ctrl+P), "Lưu
    thành PDF…" and "Đóng" (Esc). The page is read out as which one of how many. It opens on most
    of the screen (1366×768 on office PCs), a landscape page fitted to the width, a portrait one
    whole. The layout is the Designer form ui/print_preview.ui."""

    def __init__(self, parent: QWidget | None, data: bytes, title: str, dialogs: Dialogs,
                 suggested_name: str = "tai-lieu.pdf", on_output: Output | None = None,
                 printers: Printers | None = None, confirm: Confirm | None = None, note: str = ""):
        super().__init__(parent)
        self.data, self.dialogs, self.suggested_name = data, dialogs, suggested_name
        self.printing = None  # the pages being painted on the printer, off the GUI thread
        self.on_output = on_output or (lambda *output: None)
        self.confirm = confirm or (lambda parent: True)
        self.printers = printers or Printers()
        self.pdf = PdfPages(data)
        self.pages = self.pdf.count
        self.setupUi(self)
        self.setWindowTitle(self.windowTitle().format(title=title))
        fill_screen(self)
        self.of_pages.setText(self.of_pages.text().format(pages=self.pages))
        self.note.setText(note)
        self.note.setVisible(bool(note))
        for spin in (self.page, self.first, self.last):
            spin.setRange(1, self.pages)
        self.last.setValue(self.pages)
        for shown, value in ZOOM_CHOICES:
            self.zoom.addItem(shown, value)
        width, height = self.pdf.size(0)  # a table across the page read at its width, a form seen whole
        self.zoom.setCurrentIndex(self.zoom.findData(FIT_WIDTH if width > height else FIT_PAGE))
        self.page.valueChanged.connect(self.show_page)
        self.zoom.currentIndexChanged.connect(lambda _index: self.show_page(self.page.value()))
        self.first_button.clicked.connect(lambda: self.page.setValue(1))
        self.previous_button.clicked.connect(lambda: self.page.setValue(self.page.value() - 1))
        self.next_button.clicked.connect(lambda: self.page.setValue(self.page.value() + 1))
        self.last_button.clicked.connect(lambda: self.page.setValue(self.pages))
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(+1))
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self._shortcuts()
        self.scroll_area.viewport().installEventFilter(self)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        self.close_button.clicked.connect(self.reject)
        self.show_page(1)

    def _shortcuts(self) -> None:
        for keys, slot in ((QKeySequence.StandardKey.MoveToPreviousPage, self.previous_button.click),
                           (QKeySequence.StandardKey.MoveToNextPage, self.next_button.click),
                           (QKeySequence.StandardKey.MoveToStartOfDocument, self.first_button.click),
                           (QKeySequence.StandardKey.MoveToEndOfDocument, self.last_button.click),
                           (QKeySequence.StandardKey.ZoomIn, self.zoom_in_button.click),
                           (QKeySequence.StandardKey.ZoomOut, self.zoom_out_button.click),
                           (QKeySequence.StandardKey.Print, self.print_button.click)):
            QShortcut(QKeySequence(keys), self, activated=slot)
        QShortcut(QKeySequence(Qt.Key.Key_Home), self, activated=self.first_button.click)
        QShortcut(QKeySequence(Qt.Key.Key_End), self, activated=self.last_button.click)

    def scale(self, number: int) -> float:
        """Pixels per point for page `number` at the zoom chosen (a fit follows the window)."""
        chosen = self.zoom.currentData()
        width, height = self.pdf.size(number - 1)
        view = self.scroll_area.viewport().size()
        room_width, room_height = max(50, view.width() - 8), max(50, view.height() - 8)
        if chosen == FIT_WIDTH:
            return room_width / width
        if chosen == FIT_PAGE:
            return min(room_width / width, room_height / height)
        return chosen * PREVIEW_DPI / 72

    def show_page(self, number: int) -> None:
        number = max(1, min(self.pages, number))
        scale = self.scale(number)
        self.image.setPixmap(QPixmap.fromImage(self.pdf.render(number - 1, scale * 72)))
        self.zoom_shown.setText(f"{round(scale * 72 / PREVIEW_DPI * 100)}%")
        named(self.scroll_area, PAGE_SHOWN, f"Trang {number} trên {self.pages}")
        for button, enabled in ((self.first_button, number > 1), (self.previous_button, number > 1),
                                (self.next_button, number < self.pages), (self.last_button, number < self.pages)):
            button.setEnabled(enabled)

    def step_zoom(self, direction: int) -> None:
        """The next size up or down from the one shown (a fit becomes the nearest size)."""
        shown = self.scale(self.page.value()) * 72 / PREVIEW_DPI
        sizes = [zoom for zoom in ZOOMS if (zoom > shown + 0.01 if direction > 0 else zoom < shown - 0.01)]
        if sizes:
            target = min(sizes) if direction > 0 else max(sizes)
            self.zoom.setCurrentIndex(self.zoom.findData(target))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """A fitted page follows the view's size."""
        if (watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize
                and self.zoom.currentData() in (FIT_WIDTH, FIT_PAGE)):
            self.show_page(self.page.value())
        return super().eventFilter(watched, event)

    def print_document(self) -> bool:
        """Prints the chosen pages on a worker, page by page with a Cancel button (`printing` until
        done); with no printer installed, offers to save a PDF instead. True when it started."""
        if not self.confirm(self):
            return False
        names = self.printers.available()
        if not names:
            if self.dialogs.ask(self, "Chưa có máy in", NO_PRINTER) == YES:
                return self._save()
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPrinterName(self.printers.default() or names[0])
        preset_range(printer, self.first.value(), self.last.value(), self.pages)
        printer.setCopyCount(self.copies.value())
        if not self.printers.choose(self, printer, self.pages):
            return False
        first, last = chosen_range(printer, self.page.value(), self.pages)
        if first > last:
            self.dialogs.warn(self, "Khoảng trang không hợp lệ", "Trang đầu phải trước hoặc bằng trang cuối.")
            return False
        copies, data = printer.copyCount(), self.data
        self.printer = printer  # kept alive while the worker paints it

        details = {"may_in": destination(printer), "tu_trang": first, "den_trang": last, "so_ban": copies}
        sent = 0  # the sheets painted so far, as the worker tells them

        def paint(progress: Progress) -> int:
            def told(done: int, total: int, stage: str | None = None) -> None:
                nonlocal sent
                sent = done
                progress(done, total, stage)

            return print_pdf(data, printer, first, last, copies, told)

        def printed(sheets: int | None, error: BaseException | None) -> None:
            self.printing = None
            if error is None:
                self.on_output(PRINTED, details)
                self.dialogs.inform(self, "Đã in", sent_to(printer, sheets))
                return
            failure = None if isinstance(error, Cancelled) else failure_message(error, "Không in được")
            if sent:  # the sheets sent before it stopped may still come out
                self.on_output(PRINTED, details | stopped(printer, sent, failure), FAILED)
            if failure is None:
                self.dialogs.inform(self, "Đã hủy in", cancelled(printer, sent))
            else:
                self.dialogs.warn(self, "Không in được", failure)

        # Qt's PDF engine loads the image plugins as it paints the first image; on the worker, each plugin
        # is then moved to this thread under a lock this thread may hold while it waits for Python's
        # (deleting a widget), which the worker holds — the printing would never end. Loaded here first.
        QImageWriter.supportedImageFormats()
        self.printing = run_in_background(self, "Đang in…", paint, printed, cancellable=True)
        return True

    def save_document(self) -> bool:
        return self.confirm(self) and self._save()

    def _save(self) -> bool:
        chosen = export_password.save_as(self.dialogs, self, "Lưu thành PDF", self.suggested_name, FILE_FILTERS["pdf"],
                                         ".pdf")
        if chosen is None:
            return False
        try:
            with wait_cursor():
                wait_for(lambda: pdf.save(self.data, chosen.target, chosen.password))
        except BvctError as error:
            self.dialogs.warn(self, "Không lưu được", error.message)
            return False
        self.on_output(SAVED, audit.file_at(chosen.target) | ({"ma_hoa": True} if chosen.password else {}))
        self.dialogs.inform(self, "Đã lưu", f"Đã lưu tài liệu thành tệp «{chosen.target}»{chosen.told}.")
        return True


def print_register(context: AppContext, kind: str, ids: Sequence[int], columns: Sequence[str],
                   parent: QWidget | None = None, confirm: Confirm | None = None, opened: Opened | None = None,
                   subject: Sequence[str] = (), end: dt.date | None = None) -> BackgroundTask | None:
    """The register's rows `ids`, with the `columns` shown on screen (their keys, in their order on
    screen) and the person's those hide (lists.printed_keys), in a print preview, under the `subject` lines saying
    which rows they are (the period, filters and search in force, the period ending on `end`), counted as the
    register of a period counts them when it is one (lists.REGISTER_OF: the replies by `end`, or by today when the
    period runs on past it or has no end)."""
    spec = browse.view(kind)
    chosen = [spec.column(key) for key in lists.printed_keys([column.key for column in spec.columns], columns)]
    position = {column.key: index for index, column in enumerate(spec.columns)}  # in a row read
    names = {link.by_column["full_name"] for link in spec.kind.persons}.union(browse.NAME_KEYS)  # one line if room
    # two names side by side (a letter's sender and the cadre it names) each kept on one line left the columns
    # beside them a word a line («Chuyển đến»): each goes on two lines at most instead
    paired = sum(key in names for key in (column.key for column in chosen)) > 1
    title = lists.register_title(kind_named(kind))
    if not ids:
        context.dialogs.inform(parent, "In", "Danh sách đang trống; không có gì để in.")
        return None
    ids, subject, today = list(ids), list(subject), context.clock().date()

    def make(options: render.Options, progress: Progress) -> Made:
        office, _ = documents_data.gather(context.db, f"in danh sách «{kind_named(kind).title}»",
                                          lambda connection: None)
        shown = browse.fetch_rows(context.db, kind, ids, lambda done: progress(done, len(ids), READING), today)
        printed = [tables.counter(), *(
            tables.Column(column.key, column.header,
                          (column_width(column.field) if column.field else len(column.header) + 4) / 10,
                          whole=tables.kept_whole(column.field), unbroken=column.key in names and not paired,
                          kept=tables.short_choices(column.field), paired=column.key in names and paired)
            for column in chosen)]
        found = [shown[record_id] for record_id in ids if record_id in shown]
        records = [_printed_row(spec, cells, chosen, position) for cells in found]
        data = render.listing_pdf(office, title, subject, printed, records, today, options,
                                  count=_register_count(spec, found, position, min(end or today, today)))
        named = {"danh_sach": title.capitalize(), "pham_vi": subject, "so_ban_ghi": len(records),
                 **documents_data.marked_on(office, [today])}  # its pages headed as on the day made
        return data, title.capitalize(), text.file_name(title, today, suffix="pdf"), named

    return _prepare(context, parent, kind, make, confirm, opened)


def _register_count(spec: browse.View, found: Sequence[Sequence[str]], position: Mapping[str, int],
                    by: dt.date) -> str | None:
    """The count of a register of a period (lists.register_count) of the rows `found`, their replies by `by` read
    whether the screen shows them or not; None for any other register (its count of records)."""
    register = lists.REGISTER_OF.get(spec.kind.name)
    if register is None:
        return None
    replied = spec.column(register.replied).field
    return lists.register_count(register, [{register.replied: replied.parse(cells[position[register.replied]])}
                                           for cells in found], by)


def _printed_row(spec: browse.View, cells: Sequence[str], chosen: Sequence[browse.Column],
                 position: Mapping[str, int]) -> dict[str, str]:
    """A register's row as printed: the `chosen` columns' cells, the name saying one who has died when
    (lists.said_dead) by the record's «Đã mất» and «Năm mất» whether the screen shows them or not."""
    row = {column.key: cells[position[column.key]] for column in chosen}
    if "full_name" in row and all(key in position for key in lists.DEATH_KEYS):
        death = {key: spec.column(key).field.parse(cells[position[key]]) for key in lists.DEATH_KEYS}
        row["full_name"] = lists.said_dead(row["full_name"], death)
    return row


def print_own_list(context: AppContext, kind: str, ids: Sequence[int], parent: QWidget | None = None,
                   confirm: Confirm | None = None, opened: Opened | None = None,
                   subject: Sequence[str] = ()) -> BackgroundTask | None:
    """The list of register `kind` printed as its own document (OWN_LISTS: the passport custody register, each
    passport with every handover; the vetting cases' list for the Standing Committee) of the records `ids` as the
    register page shows them, in a print preview under the `subject` lines (the filters and search in force)."""
    if not ids:
        context.dialogs.inform(parent, "In", "Danh sách đang trống; không có gì để in.")
        return None
    register, draw, _ = OWN_LISTS[kind]
    ids, subject, today = list(ids), list(subject), context.clock().date()

    def make(options: render.Options, _progress: Progress) -> Made:
        made: dict[str, Any] = {}

        def write(office, lines) -> None:
            made.update(pdf=draw(office, lines, subject, today, options), lines=len(lines),
                        marked=documents_data.marked_on(office, [today]))  # its pages headed as on the day made

        register.produce(context.db, ids, today, write, subject)
        title = register.TITLE.capitalize()
        return made["pdf"], title, text.file_name(title, today, suffix="pdf"), {
            "danh_sach": title, "pham_vi": subject, register.COUNTED: len(ids), "so_dong": made["lines"],
            **made["marked"]}

    return _prepare(context, parent, register.KIND, make, confirm, opened)


def print_handover_minutes(context: AppContext, handover_ids: Sequence[int], back: bool,
                           parent: QWidget | None = None, confirm: Confirm | None = None,
                           opened: Opened | None = None) -> BackgroundTask:
    """«Biên bản giao nhận hộ chiếu» of the handovers `handover_ids`: the passports handed out, or (`back`) received
    back, for the holders and the officer to sign."""
    ids = list(handover_ids)

    def make(options: render.Options, _progress: Progress) -> Made:
        office, minutes = handover_minutes.produce(context.db, ids, back)
        title = handover_minutes.TITLE.capitalize()
        return (render.handover_minutes_pdf(office, minutes, options), title,
                text.file_name(title, minutes.on, suffix="pdf"),
                handover_minutes.named(minutes) | documents_data.marked_on(office, [minutes.on]))

    return _prepare(context, parent, handover_minutes.KIND, make, confirm, opened)


def print_slips(context: AppContext, ids: Sequence[int], parent: QWidget | None = None,
                confirm: Confirm | None = None, opened: Opened | None = None) -> BackgroundTask | None:
    """The chosen slips' forms, one per page, ready for signature; when a slip's case has no decision of the
    competent cấp ủy recorded (case_steps.slips_undecided), once the officer answers «Vẫn in phiếu?» yes."""
    ids = list(ids)
    if not undecided.go_on(context.dialogs, parent, case_steps.slips_undecided(context.db, ids), "in phiếu"):
        return None

    def make(options: render.Options, _progress: Progress) -> Made | None:
        office, slips = documents_data.gather(context.db, "in phiếu xác minh",
                                              lambda connection: documents_data.slips_by_ids(connection, ids))
        if not slips:
            return None
        data = render.slips_pdf(office, slips, options)
        named = {"tai_lieu": slip_form.TITLE.capitalize(), **documents_data.slips_named(slips),
                 **documents_data.marked_on(office, [slip["issued_on"] for slip in slips])}
        return data, slip_form.TITLE.capitalize(), file_name("phieu xac minh", slips), named

    return _prepare(context, parent, "slips", make, confirm, opened, nothing="Chưa chọn phiếu nào để in.")


def print_archive_letters(context: AppContext, ids: Sequence[int], parent: QWidget | None = None,
                          confirm: Confirm | None = None, opened: Opened | None = None) -> BackgroundTask | None:
    """The công văn of the chosen research requests between provinces' archives (our answer, or our request), each
    from a page of its own: the requests of one letter chosen together are its persons (core/archive_letters)."""
    ids, today = list(ids), context.clock().date()

    def make(options: render.Options, _progress: Progress) -> Made | None:
        office, letters = documents_data.gather(context.db, "in công văn tàng thư",
                                                lambda connection: archive_letters.letters_by_ids(connection, ids))
        if not letters:
            return None
        persons = [{**letter, **person} for letter in letters for person in letter["persons"]]
        named = (documents_data.documented(archive_letter.TITLE, ARCHIVE_REQUESTS, persons)
                 | documents_data.marked_on(office, [archive_letters.letter_day(letter, today) for letter in letters]))
        return (render.archive_letters_pdf(office, letters, today, options), archive_letter.TITLE,
                file_name("cong van tang thu", persons), named)

    return _prepare(context, parent, ARCHIVE_REQUESTS.name, make, confirm, opened,
                    nothing="Chưa chọn yêu cầu tàng thư nào để in.")


def print_delegations(context: AppContext, ids: Sequence[int], parent: QWidget | None = None,
                      confirm: Confirm | None = None, opened: Opened | None = None) -> BackgroundTask | None:
    """The member list (danh sách trích ngang) of each chosen delegation, each from a page of its own; when one
    would end with no signer's name, once the officer answers «Vẫn in…?» yes."""
    if not unsigned.print_agreed(context, parent, ids):
        return None
    return _print_each(context, "delegations", ids, parent, confirm, opened, "Chưa chọn đoàn nào để in.",
                       documents_data.PRINTING_DELEGATIONS, documents_data.delegation_by_id, render.delegation_pdf,
                       lists.DELEGATION_TITLE, "danh sach doan", documents_data.delegation_day)


def print_cadres(context: AppContext, ids: Sequence[int], parent: QWidget | None = None,
                 confirm: Confirm | None = None, opened: Opened | None = None) -> BackgroundTask | None:
    """The summary (trích ngang) of each chosen cadre, family and slips included, each from a page of its own."""
    return _print_each(context, "cadres", ids, parent, confirm, opened, "Chưa chọn cán bộ nào để in.",
                       "in trích ngang cán bộ", documents_data.cadre_by_id, render.cadre_pdf, sheets.CADRE_TITLE,
                       "trich ngang")


def print_vitae(context: AppContext, ids: Sequence[int], parent: QWidget | None = None,
                confirm: Confirm | None = None, opened: Opened | None = None) -> BackgroundTask | None:
    """The curriculum vitae on form 2C (sơ yếu lý lịch) of each chosen cadre, each from a page of its own."""
    return _print_each(context, "cadres", ids, parent, confirm, opened, "Chưa chọn cán bộ nào để in.",
                       "in lý lịch 2C", documents_data.vitae_by_id, render.vitae_pdf, vitae_form.TITLE, "ly lich 2c")


def _print_each(context: AppContext, kind: str, ids: Sequence[int], parent: QWidget | None, confirm: Confirm | None,
                opened: Opened | None, nothing: str, doing: str, read: Callable[..., dict],
                draw: Callable[[documents_data.Office, list[dict], dt.date, render.Options], bytes], title: str,
                file_words: str, day: Callable[[dict, dt.date], dt.date] = lambda _record, today: today,
                ) -> BackgroundTask | None:
    """The document of each chosen record (`read(connection, id)`), one after another in one PDF, each headed as on
    its `day` (given the day printed)."""
    if not ids:
        context.dialogs.inform(parent, "In", nothing)
        return None
    ids, today = list(ids), context.clock().date()

    def make(options: render.Options, _progress: Progress) -> Made:
        office, records = documents_data.gather(context.db, doing,
                                                lambda connection: [read(connection, one) for one in ids])
        data = draw(office, records, today, options)
        named = (documents_data.documented(title, kind_named(kind), records)
                 | documents_data.marked_on(office, [day(record, today) for record in records]))
        return data, title.capitalize(), file_name(file_words, records), named

    return _prepare(context, parent, kind, make, confirm, opened)


# The registers printed and exported as a list of their own (io/documents), not as their columns on screen: the core
# module reading and auditing it, and its PDF and workbook
OWN_LISTS = {passport_register.KIND: (passport_register, render.passport_register_pdf, render.passport_register_xlsx),
             case_register.KIND: (case_register, render.case_register_pdf, render.case_register_xlsx)}

# What "In" prints for one record of a register (its form's button, the register's "In …" button)
RECORD_DOCUMENTS = {"slips": ("In phiếu", print_slips), "delegations": ("In danh sách đoàn", print_delegations),
                    "cadres": ("In trích ngang", print_cadres),
                    ARCHIVE_REQUESTS.name: ("In công văn", print_archive_letters)}


def print_records(context: AppContext, kind: str, ids: Sequence[int], parent: QWidget | None = None,
                  confirm: Confirm | None = None, opened: Opened | None = None) -> BackgroundTask | None:
    """The document of the chosen records of `kind`, each from a page of its own."""
    return RECORD_DOCUMENTS[kind][1](context, ids, parent, confirm, opened)


def file_name(what: str, records: Sequence[Mapping]) -> str:
    """"phieu-xac-minh-12-pxm.pdf", "trich-ngang-nguyen-van-hung.pdf": plain words for a file."""
    one = records[0] if len(records) == 1 else {}
    detail = one.get("number") or one.get("full_name") or one.get("decision_no") or one.get("name") or ""
    return text.file_name(what, detail, suffix="pdf")


def print_recovery_key(parent: QWidget | None, dialogs: Dialogs, office: Mapping[str, str], recovery_key: str,
                       database: Path, created_on: dt.date) -> PrintPreview:
    """The recovery-key sheet of the first run (always marked MẬT), to print or keep as a PDF."""
    data = render.recovery_key_pdf(office, recovery_key, Path(database).name, created_on,
                                   render.Options(profile.load()))
    preview = PrintPreview(parent, data, "Phiếu khóa khôi phục", dialogs, "phieu-khoa-khoi-phuc.pdf")
    preview.open()
    return preview


def preview_pdf(context: AppContext, parent: QWidget | None, data: bytes, title: str, kind: str, name: str,
                named: dict, confirm: Confirm | None = None) -> PrintPreview:
    """A document made elsewhere (the report, a reminder, an issued document) in the preview; printing
    or saving it is audited as any print, with what `named` says of the document (its number, period,
    recipient)."""
    return _open(context, parent, data, title, name, kind, named, confirm)


def _prepare(context: AppContext, parent: QWidget | None, kind: str,
             make: Callable[[render.Options, Progress], Made | None], confirm: Confirm | None, opened: Opened | None,
             nothing: str = "") -> BackgroundTask:
    """Reads the records and writes the PDF on a worker (a register of 100,000 rows takes half a
    minute), with Cancel at every step: `make` tells the rows read (READING), the PDF its table being
    laid out (LAYING_OUT), then its pages; then opens the preview on the GUI thread and hands it to
    `opened`."""
    def ready(made: Made | None, error: BaseException | None) -> None:
        if error is not None:
            if not isinstance(error, Cancelled):
                context.dialogs.warn(parent, "Không in được", failure_message(error, "Không in được"))
            return
        if made is None:
            context.dialogs.inform(parent, "In", nothing)
            return
        data, title, name, named = made
        preview = _open(context, parent, data, title, name, kind, named, confirm)
        if opened is not None:
            opened(preview)

    def job(progress: Progress) -> Made | None:
        def on_page(pages: int) -> None:
            progress(0, 0, f"Đang chuẩn bị bản in: đã dựng {grouped(pages)} trang…" if pages else LAYING_OUT)

        return make(render.Options(profile.load(), on_page=on_page), progress)

    return run_in_background(parent, "Đang chuẩn bị bản in…", job, ready, cancellable=True)


def _open(context: AppContext, parent: QWidget | None, data: bytes, title: str, name: str, kind: str,
          named: dict, confirm: Confirm | None) -> PrintPreview:
    def audited(action: str, details: dict, outcome: str = OK) -> None:
        documents_data.record(context.db, action, kind, details | named, outcome)

    confirm = confirm or (lambda asking: reauth.confirm(context, asking, "in hoặc lưu PDF"))
    preview = PrintPreview(parent, data, title, context.dialogs, name, audited, confirm=confirm)
    preview.open()
    return preview
