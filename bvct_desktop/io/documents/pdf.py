"""Writing a PDF document: drawn in memory, encrypted when asked (AES-256), then written atomically.

The plaintext of an encrypted document never touches the disk. Encryption is PDF 2.0's
AES-256 (revision 6) through pypdf; reportlab's own 256-bit mode is the deprecated revision 5
(one unsalted-iteration SHA-256 per password guess) and needs the unmaintained pyaes.
"""

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

from ...core.files import check_target, output
from .layout import DocumentCanvas, Letterhead
from .profile import Profile

Draw = Callable[[DocumentCanvas], None]


def render(draw: Draw, profile: Profile, head: Letterhead, title: str, on: dt.date, wide: bool = False,
           draft: bool = False, on_page: Callable[[int], None] | None = None) -> bytes:
    """The PDF's bytes, dated `on` (the document's day): `draw` fills the canvas, page by page;
    `on_page` is told how many pages are done after each, and while a long table is laid out (a
    caller stops the writing by raising there)."""
    sink = io.BytesIO()
    canvas = DocumentCanvas(sink, profile, head, title, on, wide, draft, on_page)
    draw(canvas)
    canvas.save()
    return sink.getvalue()


def encrypt(data: bytes, password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    sink = io.BytesIO()
    writer.write(sink)
    return sink.getvalue()


def save(data: bytes, target: Path, password: str | None = None) -> None:
    check_target(target, ".pdf")
    if password:
        data = encrypt(data, password)
    with output(Path(target)) as temp:
        temp.write_bytes(data)

