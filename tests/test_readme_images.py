"""The README's page images ("In và xuất tài liệu") are the documents as the program prints them:
the 9-month report of 2016 issued under today's letterhead and a slip of 2016 under the 2016
letterhead, from the 2016 office (tests/office_2016.py), rendered here page by page.

The committed PNGs must match what this rendering makes now; after a deliberate change of a
document's layout, write them again with:  BVCT_WRITE_DOCS=1 python -m pytest tests/test_readme_images.py
"""

import datetime as dt
import os
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops

from bvct_desktop.core import documents_data, report_notes, vault
from bvct_desktop.io.documents import profile, render
from bvct_desktop.io.documents.report_content import subject
from tests import office_2016
from tests.conftest import ADMIN, PASSWORD

built_2016 = office_2016.built_2016  # fixture
IMAGES = Path(__file__).resolve().parent.parent / "docs" / "images"
DPI = 60
TODAY = dt.datetime(2026, 11, 30, 9, 0)
NOTES = {"Ưu điểm": "Ban Tổ chức Tỉnh ủy phối hợp chặt chẽ với Công an tỉnh; phiếu yêu cầu xác minh được gửi kịp "
                    "thời, phục vụ tốt công tác chuẩn bị nhân sự.",
         "Hạn chế, khuyết điểm": "Một số phiếu gửi công an các tỉnh, thành phố khác trả lời chậm so với thời hạn.",
         "Phương hướng, nhiệm vụ": "Tiếp tục thẩm định tiêu chuẩn chính trị nhân sự; đôn đốc các nơi nhận trả lời "
                                   "phiếu quá hạn."}


def pages(data: bytes, count: int) -> list[Image.Image]:
    document = pdfium.PdfDocument(data)
    return [document[index].render(scale=DPI / 72).to_pil().convert("L") for index in range(count)]


@pytest.fixture(scope="module")
def documents(built_2016, tmp_path_factory) -> dict[str, Image.Image]:
    database = office_2016.copy_to(built_2016, tmp_path_factory.mktemp("readme"))
    db = vault.unlock(database, ADMIN, PASSWORD, clock=lambda: TODAY)
    try:
        start, end = office_2016.FIRST, office_2016.LAST
        report_notes.save(db, start, end, NOTES)
        writer = render.report_writer("pdf", None, render.Options(profile.load()))
        documents_data.report_document(db, start, end, None, subject(start, end), writer, issue=True)
        office, slips = documents_data.gather(db, "in phiếu", lambda connection: documents_data.slips_numbered(
            connection, 2016, ["1042/PXM"]))
        slip = render.slips_pdf(office, slips, render.Options(profile.load(), secrecy="MẬT"))
    finally:
        db.close()
    report_pages = pages(writer.data, 2)
    return {"bao-cao-trang-1.png": report_pages[0], "bao-cao-trang-2.png": report_pages[1],
            "phieu-xac-minh-2016.png": pages(slip, 1)[0]}


@pytest.mark.parametrize("name", ["bao-cao-trang-1.png", "bao-cao-trang-2.png", "phieu-xac-minh-2016.png"])
def test_the_readme_shows_the_pages_as_printed(documents, name):
    made, committed = documents[name], IMAGES / name
    if os.environ.get("BVCT_WRITE_DOCS"):
        IMAGES.mkdir(parents=True, exist_ok=True)
        made.save(committed, optimize=True)
    shown = Image.open(committed).convert("L")
    assert shown.size == made.size
    difference = ImageChops.difference(shown, made)
    changed = sum(difference.histogram()[49:])  # pixels visibly different
    assert changed < 0.002 * made.size[0] * made.size[1], f"{name}: {changed} pixels differ; see the module's docstring"
