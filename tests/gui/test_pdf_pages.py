"""A PDF's pages for the preview and the printer: PDFium is called by one thread at a time, the
preview's pages on the GUI thread and the printer's on a worker, even when a document is
collected on one thread while another renders (PDFium is not thread-safe: overlapping calls
corrupt or hang the process). That no other module calls PDFium: tests/core/test_architecture.py."""

import contextlib
import gc
import io
import threading
import time

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from bvct_desktop.gui.pdf_pages import PdfPages


@pytest.fixture(scope="module")
def pdf() -> bytes:
    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=A4)
    for number in range(1, 4):
        sheet.rect(50, 700, 300, 100, fill=1)
        sheet.drawString(50, 650, f"Trang {number}")
        sheet.showPage()
    sheet.save()
    return out.getvalue()


class PdfiumCalls:
    """Counts the PDFium renders and closes running at once; a worker's render lingers inside."""

    def __init__(self, monkeypatch):
        self.lock, self.running, self.most, self.worker_inside = threading.Lock(), 0, 0, threading.Event()
        render, close = pdfium.PdfPage.render, pdfium.PdfDocument.close

        def counted_render(page, *args, **kwargs):
            with self._running():
                if threading.current_thread() is not threading.main_thread():
                    self.worker_inside.set()
                    time.sleep(0.3)  # the GUI thread asks for a page meanwhile
                return render(page, *args, **kwargs)

        def counted_close(document, *args, **kwargs):
            with self._running():
                return close(document, *args, **kwargs)

        monkeypatch.setattr(pdfium.PdfPage, "render", counted_render)
        monkeypatch.setattr(pdfium.PdfDocument, "close", counted_close)

    @contextlib.contextmanager
    def _running(self):
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            yield
        finally:
            with self.lock:
                self.running -= 1


def render_on_a_worker(pages: PdfPages) -> threading.Thread:
    worker = threading.Thread(target=pages.render, args=(0, 72))
    worker.start()
    return worker


def test_pages_are_counted_measured_and_rendered(pdf):
    pages = PdfPages(pdf)
    assert pages.count == 3
    assert tuple(round(side) for side in pages.size(2)) == (595, 842)
    image = pages.render(0, 72)
    assert image.width() == pytest.approx(595, abs=1) and image.height() == pytest.approx(842, abs=1)
    assert image.pixelColor(200, 842 - 750).lightness() < 50  # the filled block
    assert image.pixelColor(500, 20).lightness() > 200  # paper
    pages.close()


def test_the_gui_thread_waits_while_a_worker_renders_a_sheet(pdf, monkeypatch):
    calls = PdfiumCalls(monkeypatch)
    printing, preview = PdfPages(pdf), PdfPages(pdf)
    worker = render_on_a_worker(printing)
    assert calls.worker_inside.wait(10)
    preview.render(1, 72)
    worker.join(10)
    assert calls.most == 1


def test_a_document_collected_while_a_worker_renders_is_closed_after(pdf, monkeypatch):
    calls = PdfiumCalls(monkeypatch)
    printing, collected = PdfPages(pdf), PdfPages(pdf)
    worker = render_on_a_worker(printing)
    assert calls.worker_inside.wait(10)
    del collected
    gc.collect()
    worker.join(10)
    assert calls.most == 1
