"""A PDF's pages as images, for the print preview and the printer, from any thread.

PDFium is not thread-safe: two of its calls at the same time, even on two different documents,
corrupt or hang the process (pypdfium2's documentation, "Incompatibility with Threading"; seen here
as pages that fail to load and a print that never ended). The preview renders on the GUI thread
while the printer's sheets are rendered on a worker, so every call goes through one lock, and each
page, bitmap and document is closed under it — never by pypdfium2's own finalizers, which run on
whichever thread happens to collect the object. This is the package's one user of pypdfium2.
"""

import threading
import weakref

import pypdfium2 as pdfium

from .qt import QImage

_PDFIUM = threading.RLock()  # reentrant: a collection in the middle of a call may close a document


class PdfPages:
    """The pages of one PDF: how many, each one's size in points, each rendered at a resolution."""

    def __init__(self, data: bytes):
        with _PDFIUM:
            document = pdfium.PdfDocument(data)
            self.count = len(document)
        self._document = document
        self._closer = weakref.finalize(self, _close, document)

    def size(self, index: int) -> tuple[float, float]:
        """Page `index` (from 0): width and height in points."""
        with _PDFIUM:
            return self._document.get_page_size(index)

    def render(self, index: int, dpi: float) -> QImage:
        """Page `index` (from 0) as an RGB image at `dpi`."""
        with _PDFIUM:
            page = self._document[index]
            try:
                bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
                try:
                    return QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                                  QImage.Format.Format_RGB888).copy()  # the bitmap's memory goes with it
                finally:
                    bitmap.close()
            finally:
                page.close()

    def close(self) -> None:
        self._closer()


def _close(document: pdfium.PdfDocument) -> None:
    with _PDFIUM:
        document.close()
