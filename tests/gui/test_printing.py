"""Print preview and printing: pages rendered from the PDF, page range and copies on a printer,
and "no printer installed" answered with a clear message and "Lưu thành PDF"."""

import datetime as dt
import os
import subprocess
import sys
import threading
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bvct_desktop.core.audit_chain import FAILED
from bvct_desktop.core.errors import BvctError
from bvct_desktop.core.settings import SETTINGS, History
from bvct_desktop.gui import printing, undecided, unsigned
from bvct_desktop.gui.dialogs import YES, Dialogs
from bvct_desktop.gui.pdf_pages import PdfPages
from bvct_desktop.gui.qt import QAbstractPrintDialog, QPrinter, Qt
from bvct_desktop.gui.workers import Cancelled
from bvct_desktop.io.documents import lists, profile, render
from tests.conftest import PASSWORD
from tests.gui.accessibility_support import read_name
from tests.gui.shell_support import on_office_screen, tab_stops
from tests.io.documents import pdfcheck

SLIP = {"number": "12/PXM", "issued_on": dt.date(2025, 1, 5), "full_name": "Phạm Văn Bình", "other_names": None,
        "birth_date": "1950", "gender": "Nam", "home_town": "Hàm Tiến", "residence": None, "father_name": None,
        "mother_name": None, "spouse_name": None, "relation": "Bản thân", "vetted_name": None,
        "purpose": "Bổ nhiệm", "recipient": "Cục A93B – Bộ Công an"}


@pytest.fixture(scope="module")
def slips_pdf() -> bytes:
    office = History([(setting.key, None, setting.default) for setting in SETTINGS])
    slips = [{**SLIP, "number": f"{n}/PXM"} for n in range(1, 4)]
    return render.slips_pdf(office, slips, render.Options(profile.load()))


class PdfPrinter(printing.Printers):
    """One installed printer that prints into a PDF file; its dialog is accepted unseen."""

    def __init__(self, target, accept=True, chosen=None):
        self.target, self.accept, self.chosen, self.asked = target, accept, chosen, 0

    def available(self):
        return ["Máy in phòng BVCTNB"]

    def default(self):
        return "Máy in phòng BVCTNB"

    def choose(self, parent, printer, pages):
        self.asked += 1
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.target))
        if self.chosen is not None:  # the range the officer picks, set on the printer as the dialog does
            printer.setPrintRange(self.chosen)
        return self.accept


class NoPrinter(printing.Printers):
    def available(self):
        return []


def preview(qtbot, data, printers, outputs=None):
    outputs = [] if outputs is None else outputs
    dialogs = Dialogs()
    dialogs.answer_next()  # scripted: nothing modal opens
    window = printing.PrintPreview(None, data, "Phiếu", dialogs, "phieu.pdf",
                                   on_output=lambda *output: outputs.append(output), printers=printers)
    qtbot.addWidget(window)
    return window, dialogs


def test_the_preview_shows_each_page_rendered_from_the_pdf(qtbot, slips_pdf):
    window, _ = preview(qtbot, slips_pdf, NoPrinter())
    assert window.pages == 3 and window.last.value() == 3
    window.zoom.setCurrentIndex(window.zoom.findData(1.0))
    pixmap = window.image.pixmap()
    assert pixmap.width() == pytest.approx(210 / 25.4 * printing.PREVIEW_DPI, abs=2)
    assert pixmap.height() == pytest.approx(297 / 25.4 * printing.PREVIEW_DPI, abs=2)
    image = pixmap.toImage()
    assert any(image.pixelColor(x, y).lightness() < 100 for x in range(0, image.width(), 3)
               for y in range(100, 200, 3)), "the header block is drawn"
    window.page.setValue(3)
    assert window.image.pixmap().width() == pixmap.width()


@pytest.fixture(scope="module")
def register_pdf() -> bytes:
    """The slip register: a landscape table."""
    office = History([(setting.key, None, setting.default) for setting in SETTINGS])
    return render.register_pdf(lists.SLIP_REGISTER, office, [{**SLIP, "result_on": None, "result": None}],
                               dt.date(2025, 1, 1), dt.date(2025, 12, 31), dt.date(2026, 1, 2),
                               render.Options(profile.load()))


def opened_on_office_screen(qtbot, monkeypatch, data):
    screen = on_office_screen(monkeypatch)
    window, _ = preview(qtbot, data, NoPrinter())
    window.show()
    qtbot.waitExposed(window)
    assert window.width() >= screen.width() * 0.9 and window.height() >= screen.height() * 0.9
    assert window.frameGeometry().height() <= screen.height()
    return window, window.scroll_area.viewport().size(), window.image.pixmap()


def test_a_landscape_table_opens_on_most_of_an_office_screen_fitted_to_its_width(qtbot, monkeypatch, register_pdf):
    window, view, page = opened_on_office_screen(qtbot, monkeypatch, register_pdf)
    assert window.zoom.currentData() == printing.FIT_WIDTH
    assert page.width() == pytest.approx(view.width() - 8, abs=2)
    assert int(window.zoom_shown.text().rstrip("%")) > 100, "larger than the paper itself, not 63 %"


def test_a_portrait_form_opens_on_most_of_an_office_screen_with_the_whole_page_in_view(qtbot, monkeypatch, slips_pdf):
    window, view, page = opened_on_office_screen(qtbot, monkeypatch, slips_pdf)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768
    assert window.zoom.currentData() == printing.FIT_PAGE
    assert page.height() <= view.height() and page.width() <= view.width()
    assert page.height() > view.height() * 0.9  # as large as the window allows
    window.zoom.setCurrentIndex(window.zoom.findData(printing.FIT_WIDTH))
    assert window.image.pixmap().width() == pytest.approx(view.width() - 8, abs=2)


def test_zoom_steps_and_page_navigation(qtbot, slips_pdf):
    window, _ = preview(qtbot, slips_pdf, NoPrinter())
    window.zoom.setCurrentIndex(window.zoom.findData(1.0))
    window.zoom_in_button.click()
    assert window.zoom.currentData() == 1.25 and window.zoom_shown.text() == "125%"
    window.zoom_out_button.click()
    window.zoom_out_button.click()
    assert window.zoom.currentData() == 0.75
    assert not window.previous_button.isEnabled() and window.next_button.isEnabled()
    window.next_button.click()
    assert window.page.value() == 2
    window.last_button.click()
    assert window.page.value() == 3 and not window.next_button.isEnabled()
    window.first_button.click()
    assert window.page.value() == 1



def test_tab_goes_along_the_toolbar_from_left_to_right(qtbot, slips_pdf):
    """Tab went from the page box to the zoom box, down the page and the buttons at the bottom, and only
    then back up to «−» and «+»; the page arrows were not on the round at all."""
    window, _ = preview(qtbot, slips_pdf, NoPrinter())
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.next_button.click()  # page 2 of 3: every arrow can be pressed
    window.first_button.setFocus()
    assert tab_stops()[1:9] == [window.previous_button, window.page, window.next_button, window.last_button,
                     window.zoom_out_button, window.zoom, window.zoom_in_button, window.scroll_area]

def test_the_page_shown_is_named_and_answers_the_keys_an_officer_expects(qtbot, tmp_path, slips_pdf):
    """Tab reached the page itself and a screen reader said nothing of it: it is read as the page shown and
    which of how many; there Page Down and Page Up turn the pages, Ctrl+P prints and Esc closes."""
    target = tmp_path / "may-in.pdf"
    printers = PdfPrinter(target, accept=False)
    window, _ = preview(qtbot, slips_pdf, printers)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.scroll_area
    page.setFocus()
    assert read_name(page) == "Trang tài liệu" and page.accessibleDescription() == "Trang 1 trên 3"
    qtbot.keyClick(page, Qt.Key.Key_PageDown)
    assert window.page.value() == 2 and page.accessibleDescription() == "Trang 2 trên 3"
    qtbot.keyClick(page, Qt.Key.Key_PageUp)
    assert window.page.value() == 1
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printers.asked == 1  # the printer dialog, cancelled here
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert not window.isVisible()


CONTROL, NONE = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier
KEYS_TOLD = (("last_button", "End", Qt.Key.Key_End, NONE), ("first_button", "Home", Qt.Key.Key_Home, NONE),
             ("next_button", "Page Down", Qt.Key.Key_PageDown, NONE),
             ("previous_button", "Page Up", Qt.Key.Key_PageUp, NONE),
             ("zoom_out_button", "Ctrl+-", Qt.Key.Key_Minus, CONTROL),
             ("zoom_in_button", "Ctrl++", Qt.Key.Key_Plus, CONTROL), ("print_button", "Ctrl+P", Qt.Key.Key_P, CONTROL))


def test_every_key_the_preview_answers_is_told_on_its_button(qtbot, tmp_path, slips_pdf):
    """«In…» never said Ctrl+P, nor «Đóng» Esc: each button the preview presses for a key says the key in its
    tooltip (read out after its name), as the page buttons say Page Up and Page Down."""
    printers = PdfPrinter(tmp_path / "may-in.pdf", accept=False)
    window, _ = preview(qtbot, slips_pdf, printers)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pressed = []
    for name, _told, key, modifier in KEYS_TOLD:
        getattr(window, name).clicked.connect(lambda _=False, name=name: pressed.append(name))
        qtbot.keyClick(window.scroll_area, key, modifier)
    assert (pressed, printers.asked) == ([name for name, *_ in KEYS_TOLD], 1)
    buttons = [(name, told) for name, told, *_ in KEYS_TOLD] + [("close_button", "Esc")]
    assert [getattr(window, name).toolTip() for name, told in buttons
            if not getattr(window, name).toolTip().endswith(f"({told})")] == []
    qtbot.keyClick(window.scroll_area, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_pages_and_copies_go_to_the_chosen_printer(qtbot, tmp_path, slips_pdf):
    target = tmp_path / "may-in.pdf"
    outputs = []
    window, dialogs = preview(qtbot, slips_pdf, PdfPrinter(target), outputs)
    window.first.setValue(2)
    window.last.setValue(3)
    window.copies.setValue(2)
    assert window.print_document()
    assert window.printing is not None  # the pages are painted on a worker, with a progress dialog
    qtbot.waitUntil(lambda: window.printing is None, timeout=20_000)
    printed = pdfium.PdfDocument(target.read_bytes())
    assert len(printed) == 4
    width, height = printed[0].get_size()
    assert (round(width), round(height)) == (595, 842)
    assert outputs == [("in", {"may_in": "tệp may-in.pdf", "tu_trang": 2, "den_trang": 3, "so_ban": 2})]
    assert dialogs.shown[-1].text == "Đã ghi 4 trang vào tệp «may-in.pdf»."


def test_the_printer_dialog_opens_on_the_previews_range_and_offers_no_selection(qtbot):
    printer = QPrinter()
    printing.preset_range(printer, 2, 3, 4)
    dialog = printing.print_dialog(None, printer, 4)
    assert dialog.printRange() == QAbstractPrintDialog.PrintRange.PageRange
    assert (dialog.fromPage(), dialog.toPage()) == (2, 3)
    assert not dialog.testOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection)
    assert dialog.testOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage)
    printing.preset_range(printer, 1, 4, 4)
    assert printing.print_dialog(None, printer, 4).printRange() == QAbstractPrintDialog.PrintRange.AllPages


@pytest.mark.parametrize(("chosen", "pages", "sheets"), [(QPrinter.PrintRange.AllPages, (1, 3), 3),
                                                         (QPrinter.PrintRange.CurrentPage, (1, 1), 1)])
def test_all_pages_and_the_page_shown_print_so_whatever_range_the_preview_set(qtbot, tmp_path, slips_pdf, chosen,
                                                                             pages, sheets):
    target = tmp_path / "may-in.pdf"
    outputs = []
    window, dialogs = preview(qtbot, slips_pdf, PdfPrinter(target, chosen=chosen), outputs)
    window.first.setValue(2)
    window.last.setValue(3)
    assert window.print_document()
    qtbot.waitUntil(lambda: window.printing is None, timeout=20_000)
    assert len(pdfium.PdfDocument(target.read_bytes())) == sheets
    assert outputs == [("in", {"may_in": "tệp may-in.pdf", "tu_trang": pages[0], "den_trang": pages[1], "so_ban": 1})]
    assert dialogs.shown[-1].text == f"Đã ghi {sheets} trang vào tệp «may-in.pdf»."


def test_a_file_that_cannot_be_written_is_named_with_its_folder(qtbot, tmp_path, slips_pdf):
    target = tmp_path / "khong-co" / "may-in.pdf"
    outputs = []
    window, dialogs = preview(qtbot, slips_pdf, PdfPrinter(target), outputs)
    assert window.print_document()
    qtbot.waitUntil(lambda: window.printing is None, timeout=20_000)
    assert (dialogs.shown[-1].title, dialogs.shown[-1].text) == (
        "Không in được", f"Không ghi được tệp «may-in.pdf» vào thư mục «{target.parent}» (thư mục không có, chỉ "
                         "đọc, hoặc tệp đang mở ở chương trình khác). Chọn nơi lưu khác rồi thử lại.")
    assert outputs == [] and not target.exists()


# In a fresh process (the suite's may have loaded them already): which image plugins Qt has loaded when
# the printing worker begins painting.
LOADED_WHEN_PAINTING = """
import sys, time
from pathlib import Path
from bvct_desktop.gui import printing
from bvct_desktop.gui.dialogs import Dialogs
from bvct_desktop.gui.qt import QApplication
from tests.gui.test_printing import PdfPrinter

def image_plugins():
    return {path for path in Path("/proc/self/maps").read_text().split() if "/imageformats/" in path}

app, seen, paint = QApplication([]), [], printing.print_pdf
printing.print_pdf = lambda *args: seen.append(image_plugins()) or paint(*args)
dialogs = Dialogs()
dialogs.answer_next()
window = printing.PrintPreview(None, Path(sys.argv[1]).read_bytes(), "Phiếu", dialogs, "phieu.pdf",
                               on_output=lambda *_: None, printers=PdfPrinter(Path(sys.argv[2])))
assert window.print_document()
while window.printing is not None:
    app.processEvents()
    time.sleep(0.01)
print(len(seen[0]), len(image_plugins()), flush=True)
window.close()  # as the program does: no window is left for the interpreter's teardown to delete after Qt's
del window
app.processEvents()
"""


@pytest.mark.skipif(sys.platform != "linux", reason="the libraries a process has loaded, from /proc/self/maps")
def test_the_image_plugins_are_loaded_on_the_main_thread_before_the_worker_paints(tmp_path, slips_pdf):
    """Qt's PDF engine loads the image plugins as it paints the first image. Loaded on the printing
    worker, each plugin is moved to the main thread, under a lock the main thread may hold while it
    waits for Python's lock (deleting a widget), which the worker holds: the printing never ended."""
    pdf = tmp_path / "phieu.pdf"
    pdf.write_bytes(slips_pdf)
    child = [sys.executable, "-X", "faulthandler", "-c", LOADED_WHEN_PAINTING, str(pdf), str(tmp_path / "may-in.pdf")]
    done = subprocess.run(child, capture_output=True, text=True, timeout=120, cwd=Path(__file__).parents[2],
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    before_painting, after = map(int, done.stdout.split())
    assert after and before_painting == after


def cancel_while_painting(qtbot, monkeypatch, window, sheet):
    """Prints from `window` and presses Cancel while sheet `sheet` (1-based) is being rendered for the printer,
    on the worker; returns the sheets rendered for the printer."""
    painting, go_on, threads = threading.Event(), threading.Event(), []
    real = PdfPages.render

    def held(pages, index, dpi):  # the sheet for the printer waits until Cancel was pressed
        if threading.current_thread() is not threading.main_thread():  # not the preview's own page
            threads.append(threading.current_thread())
            if len(threads) == sheet:
                painting.set()
                go_on.wait(20)
        return real(pages, index, dpi)

    monkeypatch.setattr(PdfPages, "render", held)
    assert window.print_document()
    assert painting.wait(20)  # the sheet is being painted, on a worker: the window is free
    window.printing.dialog.canceled.emit()  # the progress dialog's Hủy
    go_on.set()
    qtbot.waitUntil(lambda: window.printing is None, timeout=20_000)
    return len(threads)


def cancelled_while_painting(qtbot, monkeypatch, tmp_path, data, sheet):
    """A print to a PDF file cancelled while sheet `sheet` is rendered: the preview, its dialogs, what it gave
    `on_output` and the sheets rendered for the printer."""
    outputs = []
    window, dialogs = preview(qtbot, data, PdfPrinter(tmp_path / "may-in.pdf"), outputs)
    return window, dialogs, outputs, cancel_while_painting(qtbot, monkeypatch, window, sheet)


def test_cancel_while_the_first_sheet_is_rendered_sends_nothing_and_nothing_is_audited(qtbot, tmp_path, slips_pdf,
                                                                                       monkeypatch):
    """Nothing left the program: no sheet reached the printer (or the file), so there is nothing to audit."""
    window, dialogs, outputs, rendered = cancelled_while_painting(qtbot, monkeypatch, tmp_path, slips_pdf, 1)
    assert rendered == 1 and outputs == []  # stopped before the sheet being rendered was painted; no print recorded
    assert not (tmp_path / "may-in.pdf").exists(), "no partial file of the first sheet is left"
    assert (dialogs.shown[-1].kind, dialogs.shown[-1].title, dialogs.shown[-1].text) == (
        "inform", "Đã hủy in", "Đã hủy in; tệp «may-in.pdf» không được ghi.")


def test_a_print_cancelled_after_sheets_were_sent_is_audited_as_stopped_with_the_sheets_sent(qtbot, tmp_path,
                                                                                             slips_pdf, monkeypatch):
    """The sheets painted before Cancel were handed to the printer and may come out: the trail says how many, and
    that the print did not end well («thất bại»); a file printed to is removed, and the entry says so."""
    window, dialogs, outputs, rendered = cancelled_while_painting(qtbot, monkeypatch, tmp_path, slips_pdf, 3)
    assert rendered == 3 and outputs == [
        ("in", {"may_in": "tệp may-in.pdf", "tu_trang": 1, "den_trang": 3, "so_ban": 1, "so_trang_da_in": 2,
                "ly_do": printing.CANCELLED_WHILE_PRINTING, "tep_da_xoa": True}, FAILED)]
    assert not (tmp_path / "may-in.pdf").exists()
    assert (dialogs.shown[-1].title, dialogs.shown[-1].text) == ("Đã hủy in",
                                                                  "Đã hủy in; tệp «may-in.pdf» không được ghi.")


def test_a_print_that_fails_after_sheets_were_sent_is_audited_with_its_error(qtbot, tmp_path, slips_pdf, monkeypatch):
    real = PdfPages.render

    def jammed(pages, index, dpi):  # the printer's second sheet fails
        if threading.current_thread() is not threading.main_thread() and index == 1:
            raise BvctError("Máy in báo lỗi kẹt giấy.")
        return real(pages, index, dpi)

    monkeypatch.setattr(PdfPages, "render", jammed)
    outputs = []
    window, dialogs = preview(qtbot, slips_pdf, PdfPrinter(tmp_path / "may-in.pdf"), outputs)
    assert window.print_document()
    qtbot.waitUntil(lambda: window.printing is None, timeout=20_000)
    assert outputs == [("in", {"may_in": "tệp may-in.pdf", "tu_trang": 1, "den_trang": 3, "so_ban": 1,
                               "so_trang_da_in": 1, "loi": "Máy in báo lỗi kẹt giấy.", "tep_da_xoa": True}, FAILED)]
    assert dialogs.shown[-1].title == "Không in được"


def test_on_a_printer_the_sheets_sent_are_told_and_a_stopped_print_is_audited_with_nothing_removed():
    """On a printer nothing is removed: the sheets sent stay in its queue (Qt cannot abort the job)."""
    assert printing.sent_to(Installed(), 1_234) == "Đã gửi 1.234 trang tới máy in «Máy in phòng BVCTNB»."
    assert printing.stopped(Installed(), 4, None) == {"so_trang_da_in": 4, "ly_do": printing.CANCELLED_WHILE_PRINTING}
    assert printing.CANCELLED_WHILE_PRINTING == "Người dùng hủy khi đang in"
    assert printing.stopped(Installed(), 1, "Hết giấy.") == {"so_trang_da_in": 1, "loi": "Hết giấy."}


class Aborting(QPrinter):
    """A printer to a PDF file that notes when it is aborted, and whether its pages were still being painted."""

    def __init__(self, target):
        super().__init__(QPrinter.PrinterMode.HighResolution)
        self.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.setOutputFileName(str(target))
        self.aborted = []

    def abort(self):
        self.aborted.append(self.paintingActive())
        return super().abort()


def test_a_cancelled_print_is_aborted_before_its_pages_are_sent_and_its_file_removed(qtbot, tmp_path, slips_pdf):
    """Cancel ended the print job as if it were done: the sheets painted went to the printer, a file printed to
    was left with them. The job is aborted while still open, and the file it began is removed."""
    printer, target = Aborting(tmp_path / "may-in.pdf"), tmp_path / "may-in.pdf"
    told = []

    def progress(done, total, stage):  # asked before each sheet is painted and after: Cancel once one was
        told.append((done, total))
        if done:
            raise Cancelled()

    with pytest.raises(Cancelled):
        printing.print_pdf(slips_pdf, printer, 1, 3, 1, progress)
    assert told == [(0, 3), (1, 3)] and printer.aborted == [True] and not printer.paintingActive()
    assert not target.exists()


def test_a_page_that_fails_aborts_the_print_too(qtbot, tmp_path, slips_pdf, monkeypatch):
    printer, target = Aborting(tmp_path / "may-in.pdf"), tmp_path / "may-in.pdf"
    real = PdfPages.render
    monkeypatch.setattr(PdfPages, "render", lambda pages, index, dpi: real(pages, index, dpi) if index == 0
                        else 1 / 0)
    with pytest.raises(ZeroDivisionError):
        printing.print_pdf(slips_pdf, printer, 1, 3, 1)
    assert printer.aborted == [True] and not target.exists()


class Installed:
    """An installed printer as `cancelled` reads it (none is installed where the tests run)."""

    def outputFormat(self):  # noqa: N802 - Qt's name
        return QPrinter.OutputFormat.NativeFormat

    def printerName(self):  # noqa: N802 - Qt's name
        return "Máy in phòng BVCTNB"


def test_a_print_cancelled_on_a_printer_says_the_sheets_sent_may_still_come_out():
    """Qt cannot abort a job on a printer (its Windows engine refuses): the officer is not told nothing was
    printed, but where to stop what was sent."""
    assert printing.cancelled(Installed(), 2) == (
        "Đã dừng in. Những trang đã gửi trước khi hủy có thể vẫn được máy in «Máy in phòng BVCTNB» in ra; "
        "nếu không cần, hãy xóa lệnh in trong hàng đợi của máy in.")


def test_a_print_cancelled_on_a_printer_before_any_sheet_was_sent_says_none_was():
    """A Cancel pressed while the first sheet was rendered sends nothing: the officer is not sent to a printer's
    queue to chase pages that never left."""
    assert printing.cancelled(Installed(), 0) == "Đã hủy in; chưa trang nào được gửi tới máy in «Máy in phòng BVCTNB»."


def test_the_progress_of_a_print_says_the_sheets_sent_of_how_many(qtbot, tmp_path, slips_pdf):
    """The progress dialog said only «Đang in…» over a bar while a thousand sheets went out."""
    told = []
    printing.print_pdf(slips_pdf, Aborting(tmp_path / "may-in.pdf"), 2, 3, 2, lambda *args: told.append(args))
    assert told[-1] == (4, 4, "Đang in: đã gửi 4 trên 4 trang…")
    assert printing.sending(1_234, 3_000) == "Đang in: đã gửi 1.234 trên 3.000 trang…"


def test_a_completed_print_is_not_aborted(qtbot, tmp_path, slips_pdf):
    printer, target = Aborting(tmp_path / "may-in.pdf"), tmp_path / "may-in.pdf"
    assert printing.print_pdf(slips_pdf, printer, 1, 3, 1) == 3
    assert printer.aborted == [] and len(pdfium.PdfDocument(target.read_bytes())) == 3


def test_a_cancelled_printer_dialog_prints_nothing(qtbot, tmp_path, slips_pdf):
    outputs = []
    window, _ = preview(qtbot, slips_pdf, PdfPrinter(tmp_path / "x.pdf", accept=False), outputs)
    assert not window.print_document()
    assert outputs == [] and not (tmp_path / "x.pdf").exists()


def test_no_printer_installed_offers_to_save_a_pdf_instead(qtbot, tmp_path, slips_pdf):
    outputs = []
    window, dialogs = preview(qtbot, slips_pdf, NoPrinter(), outputs)
    dialogs.answer_next(YES, str(tmp_path / "phieu"))
    assert window.print_document()
    assert dialogs.shown[0].title == "Chưa có máy in" and "chưa cài máy in" in dialogs.shown[0].text
    assert (tmp_path / "phieu.pdf").read_bytes() == slips_pdf
    assert outputs == [("xuất", {"tep": str((tmp_path / "phieu.pdf").resolve())})]


def test_declining_to_save_leaves_nothing_behind(qtbot, tmp_path, slips_pdf):
    outputs = []
    window, dialogs = preview(qtbot, slips_pdf, NoPrinter(), outputs)
    dialogs.answer_next("no")
    assert not window.print_document()
    assert outputs == [] and list(tmp_path.iterdir()) == []


def test_landscape_documents_print_landscape(qtbot, tmp_path, register_pdf):
    target = tmp_path / "so.pdf"
    window, _ = preview(qtbot, register_pdf, PdfPrinter(target))
    assert window.print_document()
    qtbot.waitUntil(lambda: window.printing is None, timeout=20_000)
    width, height = pdfium.PdfDocument(target.read_bytes())[0].get_size()
    assert width > height


# The register pages' entry points

@pytest.fixture
def context(cli, tmp_path):
    from bvct_desktop.core import vault
    from bvct_desktop.gui.context import AppContext
    from tests.conftest import ADMIN, PASSWORD, workbook
    from tests.samples import SAMPLES

    for kind in ("slips", "delegations"):
        headers, rows = SAMPLES[kind]
        assert cli("import", kind, workbook(tmp_path / f"{kind}.xlsx", headers, rows))[0] == 0
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    dialogs = Dialogs()
    dialogs.answer_next()
    yield AppContext(db, lambda: dt.datetime(2026, 1, 2, 9, 0), dialogs)
    db.close()


def prepared(qtbot, start):
    """The preview a print_… entry point opens once its document is written on a worker."""
    opened = []
    job = start(opened.append)
    assert job is not None and not opened  # returned at once: the document is being prepared
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    qtbot.addWidget(opened[0])
    return opened[0]


def page_text(data: bytes, index: int = 0) -> str:
    return pdfium.PdfDocument(data)[index].get_textpage().get_text_range()


def audited(context) -> list[tuple[str, str]]:
    from sqlalchemy import select

    from bvct_desktop.core.schema import audit_log

    with context.db.read() as connection:
        return [tuple(row) for row in connection.execute(
            select(audit_log.c.action, audit_log.c.kind).where(audit_log.c.action.in_(("in", "xuất"))))]


def test_a_register_prints_its_rows_with_the_columns_on_screen(qtbot, context, tmp_path):
    from bvct_desktop.core import browse

    ids, columns = browse.record_ids(context.db, "slips"), browse.view("slips").columns
    window = prepared(qtbot, lambda opened: printing.print_register(context, "slips", ids,
                                                                    [column.key for column in columns], opened=opened))
    text = page_text(window.data)
    assert "SỔ THEO DÕI PHIẾU YÊU CẦU XÁC MINH LAI LỊCH" in text and "Tổng số: 3 phiếu;" in text
    for column in columns:
        assert column.header.split()[0] in text
    assert "Phạm Văn Bình" in text and "Ngày 02 tháng 01 năm 2026".lower() in text.lower()
    assert window.suggested_name == "so-theo-doi-phieu-yeu-cau-xac-minh-lai-lich-2026-01-02.pdf"
    context.dialogs.answer_next(PASSWORD, str(tmp_path / "so"))  # the password asked again first
    assert window.save_document()
    assert audited(context) == [("xuất", "slips")]


def test_a_slip_register_printed_as_shown_counts_its_slips_and_their_replies_as_the_slip_register_does(qtbot,
                                                                                                        context):
    """A printed slip register says what the register printed for a period says: how many slips and how many had a
    reply by the period's end (by the day printed when the period runs on past it, or has no end), whatever columns
    the screen shows; another register keeps its count of records."""
    from bvct_desktop.core import browse

    ids = browse.record_ids(context.db, "slips")

    def count(end: dt.date | None) -> str:
        window = prepared(qtbot, lambda opened: printing.print_register(context, "slips", ids, ["number"],
                                                                        opened=opened, end=end))
        return " ".join(page_text(window.data).split())

    assert "Tổng số: 3 phiếu; đến ngày 02/01/2026 đã có kết quả 1 phiếu." in count(None)
    assert "Tổng số: 3 phiếu; đến ngày 01/02/2025 đã có kết quả 0 phiếu." in count(dt.date(2025, 2, 1))
    assert "Tổng số: 3 phiếu; đến ngày 02/01/2026 đã có kết quả 1 phiếu." in count(dt.date(2026, 12, 31))
    trips = browse.record_ids(context.db, "delegations")
    window = prepared(qtbot, lambda opened: printing.print_register(context, "delegations", trips, ["name"],
                                                                    opened=opened, end=dt.date(2025, 12, 31)))
    assert f"Tổng số: {len(trips)} bản ghi." in page_text(window.data)


def printed_details(context) -> list[dict]:
    import json

    from bvct_desktop.core import audit

    return [json.loads(entry.details) for entry in audit.list_entries(context.db) if entry.action in ("in", "xuất")]


def test_a_register_printed_is_audited_with_its_title_the_rows_chosen_and_how_many(qtbot, context, tmp_path):
    from bvct_desktop.core import browse

    ids, chosen = browse.record_ids(context.db, "slips"), ["Từ ngày 01/01/2025 đến ngày 31/12/2025", "Tìm: «Bình»"]
    window = prepared(qtbot, lambda opened: printing.print_register(context, "slips", ids, ["number"], opened=opened,
                                                                    subject=chosen))
    context.dialogs.answer_next(PASSWORD, str(tmp_path / "so"))
    assert window.save_document()
    assert printed_details(context) == [{"tep": str((tmp_path / "so.pdf").resolve()), "do_mat": "",
                                         "danh_sach": "Sổ theo dõi phiếu yêu cầu xác minh lai lịch",
                                         "pham_vi": chosen, "so_ban_ghi": 3}]


def test_delegations_printed_are_audited_by_their_identifying_values(qtbot, context, tmp_path):
    from bvct_desktop.core import browse

    ids = browse.record_ids(context.db, "delegations")[:2]
    context.dialogs.answer_next(YES)  # «Vẫn in danh sách không có họ tên người ký?»: no «Người ký» is set
    window = prepared(qtbot, lambda opened: printing.print_delegations(context, ids, opened=opened))
    context.dialogs.answer_next(PASSWORD, str(tmp_path / "doan"))
    assert window.save_document()
    [details] = printed_details(context)
    assert details["so_ban_ghi"] == 2 and len(details["ban_ghi"]) == 2
    assert all(record["name"] and record["depart_on"] for record in details["ban_ghi"])


def test_a_record_printed_is_audited_with_the_mark_of_its_own_day_as_its_pages_carry_it(qtbot, context, tmp_path):
    """A delegation decided in 2025, printed in 2026 after the office stopped marking documents, carries «MẬT» as
    its day's letterhead did: so says the trail."""
    from bvct_desktop.core import browse, settings

    settings.set_setting(context.db, "do_mat", "MẬT", dt.date(2025, 1, 1))
    settings.set_setting(context.db, "do_mat", "", dt.date(2026, 1, 1))
    context.dialogs.answer_next(YES)  # «Vẫn in danh sách không có họ tên người ký?»
    window = prepared(qtbot, lambda opened: printing.print_delegations(
        context, browse.record_ids(context.db, "delegations", "Sở Nội vụ"), opened=opened))
    assert "MẬT" in page_text(window.data)
    context.dialogs.answer_next(PASSWORD, str(tmp_path / "doan"))
    assert window.save_document()
    assert [details["do_mat"] for details in printed_details(context)] == ["MẬT"]


def test_a_register_printed_is_audited_with_the_mark_its_pages_carry_after_the_setting_changed(qtbot, context,
                                                                                                 tmp_path):
    """A register has no record's day: its pages carry the mark of the day it was made (02/01/2026, unmarked). Saved
    the next morning, after «MẬT» took effect from 03/01/2026, the trail still says what the pages carry."""
    from bvct_desktop.core import browse, settings

    settings.set_setting(context.db, "do_mat", "", dt.date(2025, 1, 1))
    settings.set_setting(context.db, "do_mat", "MẬT", dt.date(2026, 1, 3))
    context.db.clock = lambda: dt.datetime(2026, 1, 2, 9, 0)
    window = prepared(qtbot, lambda opened: printing.print_register(
        context, "slips", browse.record_ids(context.db, "slips"), ["number"], opened=opened))
    assert "MẬT" not in page_text(window.data)
    context.db.clock = lambda: dt.datetime(2026, 1, 3, 8, 0)
    context.dialogs.answer_next(PASSWORD, str(tmp_path / "so"))
    assert window.save_document()
    assert [details["do_mat"] for details in printed_details(context)] == [""]


def test_slips_printed_are_audited_as_the_slips_forms_they_are(qtbot, context, tmp_path):
    """«in | Phiếu yêu cầu xác minh lai lịch» is the kind of the slips' forms and of the slip register alike: the
    entry names the document, as a cadre's summary and a delegation's list do."""
    from bvct_desktop.core import browse

    ids = browse.record_ids(context.db, "slips")[:2]
    context.dialogs.answer_next(YES)  # «Vẫn in phiếu?»: the sample slips' cases record no decision
    window = prepared(qtbot, lambda opened: printing.print_slips(context, ids, opened=opened))
    context.dialogs.answer_next(PASSWORD, str(tmp_path / "phieu"))
    assert window.save_document()
    [details] = printed_details(context)
    assert details["tai_lieu"] == "Phiếu yêu cầu xác minh lai lịch" and len(details["so_phieu"]) == 2


def test_a_delegation_list_with_no_signer_s_name_is_asked_about_before_it_is_prepared(qtbot, context):
    from bvct_desktop.core import browse

    ids = browse.record_ids(context.db, "delegations", "Sở Nội vụ")
    assert printing.print_delegations(context, ids) is None  # answered «Không»
    [asked] = context.dialogs.shown
    assert (asked.kind, asked.title) == ("ask", unsigned.TITLE)
    assert asked.text == (
        "Danh sách trích ngang của đoàn sau sẽ in ra không có họ tên người ký dưới chữ ký: cài đặt «Người ký» để "
        "trống vào ngày của danh sách (đặt ở trang Cài đặt, mục «Người ký»):\n"
        "– «Đoàn công tác Sở Nội vụ» (Quyết định số 125-QĐ/TU ngày 10/03/2025), danh sách ngày 10/03/2025\n\n"
        "Vẫn in danh sách không có họ tên người ký?")
    assert audited(context) == []


def test_a_delegation_list_with_no_signer_s_name_prints_once_the_officer_agrees(qtbot, context):
    from bvct_desktop.core import browse

    ids = browse.record_ids(context.db, "delegations", "Sở Nội vụ")
    context.dialogs.answer_next(YES)
    window = prepared(qtbot, lambda opened: printing.print_delegations(context, ids, opened=opened))
    assert "DANH SÁCH TRÍCH NGANG" in page_text(window.data)


def test_a_delegation_list_signed_on_its_day_asks_nothing(qtbot, context):
    from bvct_desktop.core import browse, settings

    settings.set_setting(context.db, "nguoi_ky", "Nguyễn Văn Hòa")
    ids = browse.record_ids(context.db, "delegations", "Sở Nội vụ")
    window = prepared(qtbot, lambda opened: printing.print_delegations(context, ids, opened=opened))
    assert context.dialogs.shown == [] and "Nguyễn Văn Hòa" in page_text(window.data)


def test_a_cancelled_print_is_in_the_trail_as_stopped_with_the_sheets_sent_in_words(qtbot, context, tmp_path,
                                                                                   monkeypatch):
    from bvct_desktop.core import audit, audit_words, browse

    ids = browse.record_ids(context.db, "slips")
    window = prepared(qtbot, lambda opened: printing.print_register(context, "slips", ids, ["number"], opened=opened))
    window.printers = PdfPrinter(tmp_path / "may-in.pdf")
    window.copies.setValue(2)
    context.dialogs.answer_next(PASSWORD)  # the password asked again before the document leaves
    assert cancel_while_painting(qtbot, monkeypatch, window, 2) == 2
    [entry] = [entry for entry in audit.list_entries(context.db) if entry.action == "in"]
    cells = audit_words.cells(entry)
    assert (entry.outcome, cells[5]) == ("failed", "thất bại")
    assert cells[8] == ("Số trang đã in: 1; Tệp đã xóa: Có; Lý do: «Người dùng hủy khi đang in»; "
                        "Độ mật: không; Máy in: tệp may-in.pdf; Từ trang: 1; Đến trang: 1; Số bản: 2; Số bản ghi: 3; "
                        "Danh sách: Sổ theo dõi phiếu yêu cầu xác minh lai lịch; Phạm vi: (trống)")


def test_preparing_a_print_says_its_pages_and_stops_at_cancel_without_a_preview(qtbot, context, monkeypatch):
    from bvct_desktop.core import browse, documents_data

    ids = browse.record_ids(context.db, "slips")
    pressed, gather, listing_pdf = threading.Event(), documents_data.gather, render.listing_pdf
    monkeypatch.setattr(documents_data, "gather", lambda *args: pressed.wait(10) and gather(*args))
    drawn = []
    monkeypatch.setattr(render, "listing_pdf", lambda *args, **given: drawn.append(args) or listing_pdf(*args, **given))
    opened, labels = [], []
    task = printing.print_register(context, "slips", ids, ["number"], opened=opened.append)
    task.worker.advanced.connect(lambda _done, _total, stage: labels.append(stage))
    cancellable = task.dialog.cancellable  # a Cancel button: the register is read, laid out, written page by page
    task.cancel()
    pressed.set()
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    assert cancellable and opened == [] and context.dialogs.shown == [] and labels == []  # stopped, quietly
    assert drawn == []  # at the first page of rows read, not once the document was drawn

    pressed.clear()
    task = printing.print_register(context, "slips", ids, ["number"], opened=opened.append)
    task.worker.advanced.connect(lambda _done, _total, stage: labels.append(stage))
    pressed.set()
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    qtbot.addWidget(opened[0])
    assert list(dict.fromkeys(labels)) == [printing.READING, printing.LAYING_OUT,
                                           "Đang chuẩn bị bản in: đã dựng 1 trang…"]


def test_an_empty_register_prints_nothing(qtbot, context):
    assert printing.print_register(context, "delegations", [], ["name"]) is None
    assert context.dialogs.shown[-1].text == "Danh sách đang trống; không có gì để in."


def test_chosen_slips_print_as_forms(qtbot, context):
    from bvct_desktop.core import browse

    ids = browse.record_ids(context.db, "slips")[:2]
    context.dialogs.answer_next(YES)  # «Vẫn in phiếu?»: the sample slips' cases record no decision
    window = prepared(qtbot, lambda opened: printing.print_slips(context, ids, opened=opened))
    assert context.dialogs.shown[0].title == undecided.TITLE
    assert window.pages == 2 and "PHIẾU YÊU CẦU XÁC MINH LAI LỊCH" in page_text(window.data, 1)


def test_the_recovery_key_sheet_is_marked_secret(qtbot, tmp_path):
    office = {setting.key: setting.default for setting in SETTINGS}
    dialogs = Dialogs()
    dialogs.answer_next()
    window = printing.print_recovery_key(None, dialogs, office, "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567",
                                         tmp_path / "bvct.db", dt.date(2026, 11, 26))
    qtbot.addWidget(window)
    text = page_text(window.data)
    assert "PHIẾU KHÓA KHÔI PHỤC" in text and "MẬT" in text
    assert "ABCD-EFGH-IJKL-MNOP" in text and "QRST-UVWX-YZ23-4567" in text and "bvct.db" in text


def test_nothing_leaves_when_the_confirmation_is_refused(qtbot, tmp_path, slips_pdf):
    outputs, asked = [], []
    dialogs = Dialogs()
    dialogs.answer_next(str(tmp_path / "phieu.pdf"))
    window = printing.PrintPreview(None, slips_pdf, "Phiếu", dialogs, on_output=lambda *a: outputs.append(a),
                                   printers=PdfPrinter(tmp_path / "may-in.pdf"),
                                   confirm=lambda parent: asked.append(parent) or False)
    qtbot.addWidget(window)
    assert not window.print_document() and not window.save_document()
    assert len(asked) == 2 and outputs == [] and list(tmp_path.iterdir()) == []


def test_a_letter_s_sender_is_printed_on_few_lines_beside_its_summary(qtbot, context, cli, tmp_path):
    """«Nguyễn Thị Phương Thảo, thôn Đông Hòa, xã Bình Minh» broke into five short lines beside a summary
    given most of the width: a sender is a name (and where it lives), kept like the names of the other
    registers on one line where the table has room, on two where it has not."""
    from bvct_desktop.core import browse
    from tests.conftest import workbook
    from tests.samples import SAMPLES

    sender = "Nguyễn Thị Phương Thảo, thôn Đông Hòa, xã Bình Minh"
    summary = ("Phản ánh việc kê khai lý lịch không trung thực về quá trình công tác và quan hệ gia đình, "
               "đề nghị cơ quan có thẩm quyền xem xét, xác minh và trả lời bằng văn bản")
    headers, _ = SAMPLES["complaints"]
    rows = [["12/03/2026", sender, "Tố cáo", "Trần Văn Quang", summary, "12/05/2026", None, None],
            ["13/03/2026", "Lê Văn Tám", "Kiến nghị", None, "Đề nghị xem xét", None, None, None]]
    assert cli("import", "complaints", workbook(tmp_path / "don.xlsx", headers, rows))[0] == 0
    ids = browse.record_ids(context.db, "complaints")
    columns = [column.key for column in browse.view("complaints").columns]
    window = prepared(qtbot, lambda opened: printing.print_register(context, "complaints", ids, columns, opened=opened))
    lines = page_text(window.data).splitlines()
    held = [line for line in lines if set(line.split()) & set(sender.split())]
    assert len(held) <= 2, held


def test_how_late_a_printed_register_tells_is_counted_to_the_day_of_the_document(qtbot, context, cli, tmp_path):
    """The register on paper is dated from the application's clock (02/01/2026): a letter due on 12/12/2025 is
    21 days late on it, whatever day the PC's own clock says."""
    from bvct_desktop.core import browse
    from tests.conftest import workbook
    from tests.samples import SAMPLES

    headers, _ = SAMPLES["complaints"]
    rows = [["01/12/2025", "Lê Văn Tám", "Kiến nghị", None, "Đề nghị xem xét", "12/12/2025", None, None]]
    assert cli("import", "complaints", workbook(tmp_path / "don.xlsx", headers, rows))[0] == 0
    ids = browse.record_ids(context.db, "complaints")
    window = prepared(qtbot, lambda opened: printing.print_register(context, "complaints", ids,
                                                                    ["received_on", "due_on"], opened=opened))
    text = " ".join(page_text(window.data).split())
    assert "Ngày 02 tháng 01 năm 2026".lower() in text.lower() and "(quá hạn 21 ngày)" in text


def test_a_question_about_many_unsigned_lists_names_the_first_ten_and_counts_the_others(monkeypatch):
    from bvct_desktop.core import documents_data
    from bvct_desktop.gui.context import AppContext

    named = [f"«Đoàn {number}», danh sách ngày 01/03/2026" for number in range(1, 13)]
    monkeypatch.setattr(documents_data, "unsigned_lists", lambda db, ids, on: named)
    dialogs = Dialogs()
    dialogs.answer_next(YES)
    assert unsigned.print_agreed(AppContext(None, lambda: dt.datetime(2026, 3, 1, 9), dialogs), None, range(12))
    lines = dialogs.shown[0].text.splitlines()
    assert lines[1:12] == [*(f"– {one}" for one in named[:10]), "… và 2 đoàn khác"]


def test_a_printed_register_is_titled_as_its_register_and_names_its_persons_whatever_the_screen_hides(
        qtbot, context, cli, tmp_path):
    """The tàng thư register printed from its page is a «sổ theo dõi» as the slips' is, and carries the home town
    the screen hides by default (columns.DEFAULT_HIDDEN), beside the birth date, in the screen's order."""
    from bvct_desktop.core import browse
    from tests.conftest import workbook
    from tests.samples import SAMPLES

    headers, rows = SAMPLES["archive-requests"]
    assert cli("import", "archive-requests", workbook(tmp_path / "tang-thu.xlsx", headers, rows))[0] == 0
    ids = browse.record_ids(context.db, "archive-requests")
    window = prepared(qtbot, lambda opened: printing.print_register(
        context, "archive-requests", ids, ["doc_on", "full_name", "birth_date", "result"], opened=opened))
    lines = page_text(window.data).splitlines()
    assert "SỔ THEO DÕI NGHIÊN CỨU TÀNG THƯ" in lines
    text = " ".join(" ".join(lines).split())
    assert text.index("Ngày sinh") < text.index("Quê quán") < text.index("Kết quả")
    assert "Tánh Linh" in text and "Phan Rí Cửa" in text


@pdfcheck.needs_poppler
def test_where_a_letter_went_reads_beside_a_long_sender_and_a_long_name_it_gives(qtbot, context, cli, tmp_path):
    """«Ủy ban Kiểm tra Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Lâm Đồng» was printed on 8 lines, «doanh» alone,
    beside a sender and a cadre each kept on one line: two names side by side go on two lines at most each."""
    from bvct_desktop.core import browse
    from bvct_desktop.gui.registers.columns import DEFAULT_HIDDEN
    from tests.conftest import workbook

    went = "Ủy ban Kiểm tra Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Lâm Đồng"
    headers = ["Ngày nhận", "Người gửi", "Loại đơn", "Họ và tên người bị phản ánh", "Nội dung tóm tắt",
               "Hạn giải quyết", "Kết quả", "Chuyển đến", "Ngày chuyển"]
    rows = [[f"1{n}/10/2025", "Công Tằng Tôn Nữ Thị Huyền Trang Diệu Thanh Hương", "Tố cáo",
             "Tôn Thất Nguyễn Phước Bửu Long", "Phản ánh việc kê khai lý lịch không trung thực về quá trình công tác "
             "và quan hệ gia đình, đề nghị cơ quan có thẩm quyền xem xét, xác minh", "12/11/2025", "Đang xác minh",
             went, f"2{n}/10/2025"] for n in range(4)]
    assert cli("import", "complaints", workbook(tmp_path / "don.xlsx", headers, rows))[0] == 0
    ids = browse.record_ids(context.db, "complaints")[:4]
    columns = [column.key for column in browse.view("complaints").columns
               if column.key not in DEFAULT_HIDDEN["complaints"]]
    window = prepared(qtbot, lambda opened: printing.print_register(context, "complaints", ids, columns, opened=opened))
    target = tmp_path / "so-don-thu.pdf"
    target.write_bytes(window.data)
    found = pdfcheck.words(target)

    def lines_of(*spread: str) -> int:
        """The lines the first row's cell holding these words of it takes (the cells of a row read interleaved)."""
        return len({next(word.top for word in found if word.text == text) for text in spread})

    assert lines_of("Kiểm", "Khối", "doanh", "nghiệp", "tỉnh") <= 3  # 4 of its 8 lines: «doanh» alone
    assert lines_of("Công", "Huyền", "Diệu", "Hương") <= 2 and lines_of("Thất", "Phước", "Long") <= 2
