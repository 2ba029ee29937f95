"""Word tables print as the PDF's: no row cut by a page break, the header row with the first row,
the last rows with the note under them, a short table (an appendix) on one page."""

import datetime as dt

import docx
import pytest
from docx.oxml.ns import qn

from bvct_desktop.core.kinds import COMPLAINTS
from bvct_desktop.io.documents import conclusion, profile, reminder, render, tables, word
from bvct_desktop.io.documents.word import TOGETHER_ROWS

from .conftest import SLIP
from .test_conclusion import DATA


def _kept(row) -> bool:
    """Whether the row prints on the page of what follows it (every paragraph of it kept with the next)."""
    return all(paragraph.paragraph_format.keep_with_next for cell in row.cells for paragraph in cell.paragraphs)


def _unsplit(row) -> bool:
    return row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_a_short_appendix_prints_whole_on_one_page_with_its_total_row(tmp_path, source, options):
    target = tmp_path / "bao-cao.docx"
    render.report_docx_file(target, source, options)
    appendices = docx.Document(target).tables[2:]
    assert appendices
    for table in appendices:
        assert all(_unsplit(row) for row in table.rows)
        assert all(_kept(row) for row in table.rows[:-1])
        assert table.rows[-1].cells[1].text == "Tổng cộng"


@pytest.mark.parametrize("count", [3, TOGETHER_ROWS, TOGETHER_ROWS + 1, 30])
def test_a_long_list_keeps_its_header_with_its_first_row_and_its_last_two_rows_with_its_count(tmp_path, office,
                                                                                              options, count):
    slips = [{**SLIP, "id": n, "number": f"{n}/PXM", "days_late": 40} for n in range(1, count + 1)]
    made = reminder.ReminderSource("Cục A93B – Bộ Công an", dt.date(2025, 4, 20), (30,), slips, office, 5)
    target = tmp_path / "cv.docx"
    render.reminder_docx_file(target, made, options)
    rows = docx.Document(target).tables[-1].rows
    assert len(rows) == count + 1 and all(_unsplit(row) for row in rows)
    whole = count <= TOGETHER_ROWS
    assert [_kept(row) for row in rows] == [True, *[whole] * (count - 2), True, True]  # the last with the count


def test_a_summary_typed_in_lines_is_written_in_its_lines_in_an_editable_table():
    document = docx.Document()
    summary = "Phản ánh việc hòa giải\nchưa xong\n\nĐề nghị xem xét"
    word.table(document, [tables.counter(), tables.of(COMPLAINTS.field("summary"), 4.0)],
               tables.numbered([{"summary": summary}]), profile.load())
    cell = document.tables[0].rows[1].cells[1]
    assert cell.text == summary
    assert len(cell._tc.findall(".//" + qn("w:br"))) == 3  # line breaks Word shows, in one paragraph


def test_a_justified_paragraph_typed_in_lines_ends_each_typed_line_unstretched(tmp_path, office, options):
    """A slip's result typed in lines, quoted in the conclusion notice's justified evidence: Word stretches a
    line ending at a line break to the margin unless told not to (doNotExpandShiftReturn, Word's and
    LibreOffice's «don't expand character spaces on a line ending with Shift+Enter»), the PDF's way."""
    result = "Có tài liệu: sĩ quan chế độ cũ.\nGia đình chấp hành tốt."
    data = {**DATA, "slips": [{**DATA["slips"][0], "result": result}]}
    target = tmp_path / "tb.docx"
    render.conclusion_docx_file(target, conclusion.ConclusionSource(data, dt.date(2026, 2, 2), office, 3), options)
    document = docx.Document(str(target))
    quoting = next(p for p in document.paragraphs if "Gia đình chấp hành tốt." in p.text)
    assert quoting.text.endswith(f"trả lời ngày 20/01/2026: {result}")
    assert quoting.paragraph_format.alignment == word.JUSTIFY and quoting._p.findall(".//" + qn("w:br"))
    compat = document.settings.element.find(qn("w:compat"))
    assert compat.find(qn("w:doNotExpandShiftReturn")) is not None
