"""The letterhead's names break as an officer breaks them: in as few lines as their column allows,
balanced, before «THÀNH PHỐ» or «TỈNH», after «ỦY», never inside a proper name when that can be
helped; the same lines in the PDF, the Word and the Excel files. A name that fits stays as it was,
and a document issued before prints again with its names broken as they were."""

import docx
import openpyxl
import pytest

from bvct_desktop.io.documents import conclusion, fonts, layout, pdf, reminder, render
from bvct_desktop.io.documents.fonts import BOLD, REGULAR
from bvct_desktop.io.documents.name_breaks import name_lines
from bvct_desktop.io.documents.report_content import ReportSource
from bvct_desktop.io.documents.word import usable_width

from . import pdfcheck
from .conftest import FIGURES, NOTES, SLIP
from .test_conclusion import DATA as CONCLUSION
from .test_layout import PRINTED

CITY = "THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH"
HYPHENED = "TỈNH ỦY BÀ RỊA - VŨNG TÀU"
OFFICE_65 = "BAN BẢO VỆ CHÍNH TRỊ NỘI BỘ ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH ĐẮK LẮK"


def _column(options) -> float:
    """The header block's left column as the PDF and the Word file break its lines."""
    return usable_width(options.profile) * layout.LEFT_COLUMN - 2 * layout.WORD_CELL_PADDING


def _header(text: str, font: str, role: str, options) -> list[str]:
    return [line for line, _ in layout.header_lines(text, font, options.profile.size(role), _column(options))]


def test_the_office_name_is_65_characters():
    assert len(OFFICE_65) == 65


@pytest.mark.parametrize("font, role", [(REGULAR, "superior"), (BOLD, "issuer")])
def test_a_city_committee_breaks_before_the_city_never_inside_its_name(options, font, role):
    assert _header(CITY, font, role, options) == ["THÀNH ỦY", "THÀNH PHỐ HỒ CHÍ MINH"]


@pytest.mark.parametrize("font, role", [(REGULAR, "superior"), (BOLD, "issuer")])
@pytest.mark.parametrize("name", ["TỈNH ỦY LÂM ĐỒNG", HYPHENED])
def test_a_name_that_fits_its_column_stays_on_one_line(options, name, font, role):
    assert _header(name, font, role, options) == [name]


def test_a_committee_too_long_for_a_narrow_column_breaks_after_ủy_and_keeps_the_province_whole():
    assert name_lines(HYPHENED, BOLD, 13, 120) == ["TỈNH ỦY BÀ", "RỊA - VŨNG TÀU"]  # no line starts «- VŨNG»
    assert name_lines(HYPHENED, BOLD, 13, 150) == ["TỈNH ỦY", "BÀ RỊA - VŨNG TÀU"]


@pytest.mark.parametrize("font, role", [(REGULAR, "superior"), (BOLD, "issuer")])
def test_a_65_character_office_name_takes_three_even_lines_broken_between_its_parts(options, font, role):
    lines = _header(OFFICE_65, font, role, options)
    assert len(lines) == 3 == len(layout.wrap(OFFICE_65, font, options.profile.size(role) - 2, _column(options)))
    assert not any(line.startswith("ỦY") or line.endswith(("ĐẢNG", "TỈNH", "ĐẮK")) for line in lines)
    assert lines[-1].endswith("TỈNH ĐẮK LẮK")
    widths = [fonts.width(line, font, options.profile.size(role)) for line in lines]
    assert min(widths) > 0.6 * max(widths)


@pdfcheck.needs_poppler
def test_the_pdf_the_word_and_the_excel_letterheads_break_the_names_alike(tmp_path, office, options):
    values = {**office, "co_quan_cap_tren": CITY, "co_quan": OFFICE_65}
    source = ReportSource(dict(FIGURES), values, dict(NOTES), 12, PRINTED)
    pdf.save(render.report_pdf(source, options), tmp_path / "bc.pdf")
    render.report_docx_file(tmp_path / "bc.docx", source, options)
    render.report_xlsx(tmp_path / "bc.xlsx", source, options)
    superior, issuer = _header(CITY, REGULAR, "superior", options), _header(OFFICE_65, BOLD, "issuer", options)

    printed = pdfcheck.lines(tmp_path / "bc.pdf", first=1, last=1)
    assert all(any(text.strip().startswith(line) for text in printed) for line in superior + issuer), printed
    word = [paragraph.text.split("\n")
            for paragraph in docx.Document(str(tmp_path / "bc.docx")).tables[0].rows[0].cells[0].paragraphs]
    assert word[:2] == [superior, issuer]
    sheet = openpyxl.load_workbook(tmp_path / "bc.xlsx").worksheets[0]
    cells = [cell.value for row in sheet.iter_rows(max_row=4) for cell in row if isinstance(cell.value, str)]
    assert "THÀNH ỦY\nTHÀNH PHỐ HỒ CHÍ MINH" in cells
    excel = next(cell for cell in cells if cell.startswith("BAN BẢO VỆ")).split("\n")
    assert " ".join(excel) == OFFICE_65 and not any(line.startswith("ỦY") for line in excel)


def _issued_before(kind: str, values: dict[str, str]):
    """A report, a reminder or a conclusion notice issued under the wording before names broke as named."""
    if kind == "report":
        return ReportSource(dict(FIGURES), values, dict(NOTES), 12, PRINTED, wording=6)
    if kind == "reminder":
        return reminder.ReminderSource("Cục A93B – Bộ Công an", PRINTED, (30,), [{**SLIP, "days_late": 40}], values,
                                       5, wording=3)
    return conclusion.ConclusionSource(CONCLUSION, PRINTED, values, 3, wording=1)


WRITERS = {"report": (render.report_pdf, render.report_docx_file), "reminder": (render.reminder_pdf,
                                                                               render.reminder_docx_file),
           "conclusion": (render.conclusion_pdf, render.conclusion_docx_file)}


@pdfcheck.needs_poppler
@pytest.mark.parametrize("kind", WRITERS)
def test_a_document_issued_before_prints_again_with_its_names_broken_where_the_line_ran_out(tmp_path, office,
                                                                                             options, kind):
    source = _issued_before(kind, {**office, "co_quan_cap_tren": CITY, "co_quan": OFFICE_65})
    write_pdf, write_docx = WRITERS[kind]
    pdf.save(write_pdf(source, options), tmp_path / "vb.pdf")
    write_docx(tmp_path / "vb.docx", source, options)
    column, size = _column(options), options.profile.size("superior")
    as_issued = layout.wrap(CITY, REGULAR, layout.header_size(CITY, REGULAR, size, column, named=False), column)
    assert as_issued == ["THÀNH ỦY THÀNH PHỐ HỒ", "CHÍ MINH"]
    printed = [text.strip() for text in pdfcheck.lines(tmp_path / "vb.pdf", first=1, last=1)]
    assert any(text.startswith(as_issued[0]) for text in printed) and "THÀNH ỦY" not in printed
    names = docx.Document(str(tmp_path / "vb.docx")).tables[0].rows[0].cells[0].paragraphs
    assert [paragraph.text for paragraph in names[:2]] == [CITY, OFFICE_65]  # whole, as Word broke it then
    if kind == "report":
        render.report_xlsx(tmp_path / "vb.xlsx", source, options)
        sheet = openpyxl.load_workbook(tmp_path / "vb.xlsx").worksheets[0]
        assert CITY in [cell.value for row in sheet.iter_rows(max_row=2) for cell in row]
