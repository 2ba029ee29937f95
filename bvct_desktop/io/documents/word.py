"""Documents as editable Word files (python-docx), laid out like their PDFs: the pieces every
document uses — page and styles from the profile, the HD 36 header block and signature block as
border-less tables, tables with a grid, page numbers from page 2, the draft and secrecy marks.

Officers rewrite the text in Word, so everything is ordinary paragraphs and tables in the font
"Times New Roman" (whose metrics Liberation Serif, bundled, shares). Headings are Word's own
"Heading 1" and "Heading 2" (the navigation pane lists them) and keep with the next paragraph;
the text is marked Vietnamese (vi-VN) so Word does not spell-check it as English; the document's
properties name it and the office, never the library that wrote it.
"""

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from .. import office_file
from . import fonts
from .fonts import BOLD, ITALIC, REGULAR, WORD_FONT
from .layout import (
    CREATOR,
    DRAFT,
    LEFT_COLUMN,
    PARTY,
    SEPARATOR,
    SIGNATURE_SHARE,
    WORD_CELL_PADDING,
    Letterhead,
    header_lines,
    header_size,
    nfc,
    place_and_date,
)
from .profile import Profile
from .tables import PADDING, TOTAL, column_widths

FALLBACK_FONT = "Liberation Serif"
LANGUAGE = "vi-VN"
TABLE_CELL_MARGIN = PADDING - 1.0  # points each side: the PDF's cell padding, less slack for Word's own line breaking
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
SECTION_STYLE, PART_STYLE = "Heading 1", "Heading 2"
TOGETHER_ROWS = 12  # a table of so few rows is printed on one page (an appendix, a short list)
APP_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def page(document, profile: Profile) -> None:
    section = document.sections[0]
    width, height = profile.page_size
    section.page_width, section.page_height = Pt(width), Pt(height)
    top, bottom, left, right = profile.margins
    section.top_margin, section.bottom_margin = Pt(top), Pt(bottom)
    section.left_margin, section.right_margin = Pt(left), Pt(right)
    section.header_distance = Pt(top / 2)  # the page number from the middle of the top margin, as on the PDF


def styles(document, profile: Profile) -> None:
    """Times New Roman everywhere, the language Vietnamese, the two heading levels bold black."""
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    all_scripts(defaults)
    language(defaults)
    normal = document.styles["Normal"]
    normal.font.name = WORD_FONT
    normal.font.size = Pt(profile.size("body"))
    all_scripts(normal.element.get_or_add_rPr())
    language(normal.element.get_or_add_rPr())
    size = profile.size("body")
    for name in (SECTION_STYLE, PART_STYLE):
        style = document.styles[name]
        style.font.name, style.font.size, style.font.bold, style.font.italic = WORD_FONT, Pt(size), True, False
        style.font.color.rgb = RGBColor(0, 0, 0)
        all_scripts(style.element.get_or_add_rPr())
        paragraph = style.paragraph_format
        paragraph.keep_with_next, paragraph.keep_together = True, True
        paragraph.space_before, paragraph.space_after = Pt(profile.paragraph_after), Pt(profile.paragraph_after)
        paragraph.first_line_indent = Pt(profile.first_line_indent)
        paragraph.line_spacing = profile.line


def all_scripts(properties) -> None:
    """The font for every script (Word picks the East Asian or complex-script slot for some
    Vietnamese letters otherwise), never the theme's."""
    names = properties.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        names.set(qn(attribute), WORD_FONT)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        names.attrib.pop(qn(attribute), None)


def language(properties) -> None:
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:val"), LANGUAGE)
    language.set(qn("w:eastAsia"), LANGUAGE)


def fallback_font(document) -> None:
    """Names Liberation Serif (bundled, same metrics) as the stand-in where Times New Roman is missing."""
    part = document.part.part_related_by(RT.FONT_TABLE)
    table = etree.fromstring(part.blob)
    for font in table.iterchildren(qn("w:font")):
        if font.get(qn("w:name")) == WORD_FONT:
            alternative = etree.SubElement(font, qn("w:altName"))
            alternative.set(qn("w:val"), FALLBACK_FONT)
            font.insert(0, alternative)  # altName comes first in a w:font
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)  # a plain Part


def properties(document, title: str, subject: str, category: str, head: Letterhead, on: dt.date,
               draft: bool) -> None:
    """Title, subject, the office as author, Vietnamese; dated with the document's own date; the
    program (not the library) as the application."""
    properties = document.core_properties
    office = nfc(f"{head.issuer} – {head.superior}")
    properties.title, properties.subject = nfc(title), nfc(subject)
    properties.author = properties.last_modified_by = office
    properties.comments = ""
    properties.keywords = "bảo vệ chính trị nội bộ; " + category.lower() + ("; dự thảo" if draft else "")
    properties.category = category
    properties.language = LANGUAGE
    properties.revision = 1
    properties.created = properties.modified = office_file.dated(on)
    app = next(part for part in document.part.package.parts if part.partname == "/docProps/app.xml")
    tree = etree.fromstring(app.blob)
    tree.find(f"{{{APP_NAMESPACE}}}Application").text = CREATOR
    tree.find(f"{{{APP_NAMESPACE}}}Company").text = office
    app._blob = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)


def new_document(profile: Profile, head: Letterhead, draft: bool):
    """A Word document set up as the profile says: page, styles, fonts, page numbers and marks."""
    fonts.register()  # the tables' columns are sized with the PDF's metrics
    document = Document()
    page(document, profile)
    styles(document, profile)
    fallback_font(document)
    lines_as_typed(document)
    page_numbers_and_marks(document, profile, draft)
    return document


def lines_as_typed(document) -> None:
    """A justified line ending at a line break (a long text typed in lines) is not stretched to the margin, as
    the PDF's: Word's «don't expand character spaces on a line ending with Shift+Enter»."""
    compat = document.settings.element.find(qn("w:compat"))  # python-docx's template has one
    compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))  # the schema's order: before the template's own


def table(document, columns, records, profile: Profile, note: str = "") -> None:
    """A document table with a grid, its header row repeated on every page, widths by content; no
    row cut by a page break, the header row on the page of the first, the last two rows (and the
    note under them) on one page, a table of TOGETHER_ROWS rows or fewer all on one page."""
    grid = document.add_table(rows=1, cols=len(columns))
    grid.style = "Table Grid"
    grid.autofit = False
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    repeat_header(grid.rows[0])
    cell_margins(grid, TABLE_CELL_MARGIN)
    texts = [[nfc(column.text(record)) for column in columns] for record in records]
    widths = column_widths(columns, usable_width(profile), profile.size("table"), PADDING, texts)
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Pt(width)
    for cell, column, width in zip(grid.rows[0].cells, columns, widths, strict=True):
        cell.width = Pt(width)
        write(cell.paragraphs[0], column.label, profile.size("table"), bold=True, align=CENTER, after=0)
    for record in records:
        cells = grid.add_row().cells
        for cell, column, width in zip(cells, columns, widths, strict=True):
            cell.width = Pt(width)
            align = {"center": CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}.get(column.align, LEFT)
            write(cell.paragraphs[0], column.text(record), profile.size("table"), bold=bool(record.get(TOTAL)),
                 align=align, after=0)
    rows = grid.rows
    for row in rows:
        unsplit(row)
    closing = 1 if len(records) <= TOGETHER_ROWS else len(records) - 1  # the first row kept with the rest
    for row in [rows[0], *rows[closing:-1], *(rows[-1:] if note else [])]:
        keep_with_next(row)
    if note:
        write(document.add_paragraph(), note, profile.size("table"), italic=True)


def save(document, target: Path, password: str | None, on: dt.date) -> None:
    """Written atomically, dated `on` throughout (the same document is the same bytes); encrypted
    in memory when a password is given (no plaintext on disk)."""
    office_file.save(Path(target), document.save, password, in_memory=True, stamp=office_file.dated(on))


def write(paragraph: DocxParagraph, text: str, size: float, bold: bool = False, italic: bool = False,
          underline: bool = False, align=LEFT, after: float | None = None) -> DocxParagraph:
    paragraph.alignment = align
    if after is not None:
        paragraph.paragraph_format.space_after = Pt(after)
    run = paragraph.add_run(nfc(text))
    run.font.size, run.bold, run.italic, run.underline = Pt(size), bold, italic, underline
    return paragraph


def heading(document, text: str, style: str) -> DocxParagraph:
    paragraph = document.add_paragraph(style=style)
    paragraph.alignment = JUSTIFY
    paragraph.add_run(nfc(text))
    return paragraph


def title(document, profile: Profile, name: str, subject: str) -> None:
    """The document's kind in capitals, its subject in bold and the SEPARATOR under them, as the PDF draws them."""
    kind = write(document.add_paragraph(), name, profile.size("title"), bold=True, align=CENTER, after=0)
    kind.paragraph_format.space_before = Pt(profile.size("body") * 0.6)
    kind.paragraph_format.keep_with_next = True
    write(document.add_paragraph(), subject, profile.size("subject"), bold=True, align=CENTER,
          after=0).paragraph_format.keep_with_next = True
    write(document.add_paragraph(), SEPARATOR, profile.size("body"), align=CENTER)


def body(document, text: str, profile: Profile, italic: bool = False) -> DocxParagraph:
    paragraph = write(document.add_paragraph(), text, profile.size("body"), italic=italic,
                      align=JUSTIFY, after=profile.paragraph_after)
    paragraph.paragraph_format.first_line_indent = Pt(profile.first_line_indent)
    paragraph.paragraph_format.line_spacing = profile.line
    paragraph.paragraph_format.widow_control = True
    return paragraph


def borderless(table) -> None:
    table.style = None
    table.autofit = False


def header_block(document, head: Letterhead, profile: Profile, number: str, date: str,
                 under_number: str = "") -> None:
    """The HD 36 header: issuing body and "*", the party's name, the number (a letter's trích yếu
    under it), the place and date, the secrecy stamp under the number; each line at the size the
    PDF gives it in a column as wide (a long name a little smaller, or broken where the PDF breaks it)."""
    table = document.add_table(rows=2, cols=2)
    borderless(table)
    widths(table, profile, LEFT_COLUMN)
    left_width = usable_width(profile) * LEFT_COLUMN - 2 * WORD_CELL_PADDING
    right_width = usable_width(profile) * (1 - LEFT_COLUMN) - 2 * WORD_CELL_PADDING
    left, right = table.rows[0].cells
    header_name(left.paragraphs[0], head.superior, REGULAR, profile.size("superior"), left_width, head.named_breaks)
    header_name(left.add_paragraph(), head.issuer, BOLD, profile.size("issuer"), left_width, head.named_breaks)
    write(left.add_paragraph(), "*", profile.size("issuer"), bold=True, align=CENTER, after=0)
    write(right.paragraphs[0], PARTY, profile.size("party"), bold=True, underline=True, align=CENTER, after=0)
    left, right = table.rows[1].cells
    write(left.paragraphs[0], number, header_size(number, REGULAR, profile.size("number"), left_width), align=CENTER,
          after=0)
    date = place_and_date(date, ITALIC, profile.size("date"), right_width)
    write(right.paragraphs[0], date, header_size(date, ITALIC, profile.size("date"), right_width), italic=True,
          align=CENTER, after=0)
    if under_number:
        write(left.add_paragraph(), under_number, profile.size("letter_subject"), italic=True, align=CENTER, after=0)
    if head.secrecy and profile.secrecy_place == "under_number":
        stamp(left.add_paragraph(), head.secrecy, profile, usable_width(profile) * LEFT_COLUMN)


def header_name(paragraph: DocxParagraph, name: str, font: str, size: float, width: float, named: bool) -> None:
    """A body's name in the header block at the PDF's size, on the lines the PDF breaks it into
    (not `named`: whole, for Word to break where the line runs out)."""
    text = "\n".join(line for line, _ in header_lines(name, font, size, width)) if named else name
    write(paragraph, text, header_size(name, font, size, width, named), bold=font == BOLD, align=CENTER, after=0)


def stamp(paragraph: DocxParagraph, text: str, profile: Profile, column: float) -> None:
    """The secrecy stamp under the number: its text bold in a frame of the profile's width."""
    width, height = profile.secrecy_box
    write(paragraph, text, profile.size("secrecy"), bold=True, align=CENTER, after=0)
    paragraph.paragraph_format.space_before = Pt(4)
    side = max(0.0, (column - width) / 2 - WORD_CELL_PADDING)
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = Pt(side)
    borders = OxmlElement("w:pBdr")
    for edge in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "8")
        line.set(qn("w:space"), str(max(1, round((height - profile.size("secrecy")) / 2))) if edge in ("top", "bottom")
                 else "4")
        line.set(qn("w:color"), "000000")
        borders.append(line)
    paragraph._p.get_or_add_pPr().append(borders)


def letter(document, head: Letterhead, profile: Profile, number: str, date: str, subject: str, greeting: str,
           paragraphs: Sequence[str], recipients: Sequence[str]) -> None:
    """A công văn, as layout.letter draws it: the header with its trích yếu, «Kính gửi», the paragraphs (the last
    kept with the signature), the signature and «Nơi nhận»."""
    header_block(document, head, profile, number, date, subject)
    greeting_line = write(document.add_paragraph(), greeting, profile.size("body"), align=CENTER)
    greeting_line.paragraph_format.space_before = Pt(profile.size("body"))
    last = None
    for text in paragraphs:
        last = body(document, text, profile)
    last.paragraph_format.keep_with_next = True
    signature(document, head, profile, recipients)


def signature(document, head: Letterhead, profile: Profile, recipients) -> None:
    table = document.add_table(rows=1, cols=2)
    borderless(table)
    widths(table, profile, SIGNATURE_SHARE)
    row = table.rows[0]
    unsplit(row)  # the block is never cut by a page break
    left, right = row.cells
    label = left.paragraphs[0]
    label.paragraph_format.space_after = Pt(0)
    run = label.add_run("Nơi nhận")
    run.underline, run.font.size = True, Pt(profile.size("recipients_label"))
    label.add_run(":").font.size = Pt(profile.size("recipients_label"))
    for text in recipients:
        write(left.add_paragraph(), f"- {text}", profile.size("recipients"), after=0)
    for number, text in enumerate(head.titles):
        paragraph = right.paragraphs[0] if number == 0 else right.add_paragraph()
        write(paragraph, text, profile.size("signer_title"), bold=True, align=CENTER, after=0)
    for _ in range(max(1, round(profile.signature_space / profile.leading(profile.size("body"))))):
        right.add_paragraph()
    write(right.add_paragraph(), head.signer, profile.size("signer_name"), bold=True, align=CENTER, after=0)


def widths(table, profile: Profile, left_share: float) -> None:
    usable = usable_width(profile)
    widths = (Pt(usable * left_share), Pt(usable * (1 - left_share)))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice follows
        for cell in column.cells:
            cell.width = width  # each cell, which Word follows


def usable_width(profile: Profile) -> float:
    _, _, left, right = profile.margins
    return profile.page_size[0] - left - right


def cell_margins(grid, side: float) -> None:
    """The table's text `side` points inside its cells' left and right borders."""
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), str(round(side * 20)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    grid._tbl.tblPr.insert_element_before(margins, "w:tblLook")


def unsplit(row) -> None:
    """The row never cut by a page break."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def keep_with_next(row) -> None:
    """The row printed on the page of the row or paragraph after it."""
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def page_numbers_and_marks(document, profile: Profile, draft: bool) -> None:
    """A centred PAGE field in the header from page 2; "DỰ THẢO" on the right of every page of a draft."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    if draft:
        for header in (section.first_page_header, section.header):
            write(header.paragraphs[0], DRAFT, profile.size("page_number"), bold=True,
                  align=WD_ALIGN_PARAGRAPH.RIGHT, after=0)
    paragraph = section.header.add_paragraph() if draft else section.header.paragraphs[0]
    paragraph.alignment = CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(round(profile.size("page_number") * 2)))
    properties.append(size)
    run.append(properties)
    shown = OxmlElement("w:t")
    shown.text = "2"
    run.append(shown)
    field.append(run)
    paragraph._p.append(field)
