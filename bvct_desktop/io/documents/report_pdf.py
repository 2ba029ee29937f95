"""The periodic report as a PDF: HD 36 header, the narrative, signature and "Nơi nhận", then
each appendix table from a new page."""

from . import layout, tables
from .fonts import BOLD, ITALIC, REGULAR
from .layout import DocumentCanvas, Flow
from .report_content import FILL, HEADING, TITLE, ReportContent

STYLES = {HEADING: (BOLD, False), FILL: (ITALIC, True)}


def draw_report(c: DocumentCanvas, content: ReportContent, number: str, date: str, attached_to: str) -> None:
    flow = Flow(c)
    size = c.profile.size("body")
    layout.header(flow, number, date)
    layout.title(flow, TITLE, [content.subject])
    for section in content.sections:
        flow.paragraph(section.heading, BOLD, size, justify=False)
        for paragraph in section.paragraphs:
            font, justify = STYLES.get(paragraph.style, (REGULAR, True))
            flow.paragraph(paragraph.text, font, size, justify=justify)
    layout.signature(flow, content.recipients)
    flow.new_page()
    for number, appendix in enumerate(content.appendices):
        if number:
            flow.skip(c.profile.leading(size) * 1.5)
            flow.need(c.profile.leading(size) * 6)
        for text in layout.wrap(appendix.title, BOLD, size, c.width):
            flow.line(text, BOLD, size, "center")
        flow.line(attached_to, ITALIC, size, "center")
        flow.skip(6)
        tables.draw_table(flow, appendix.columns, appendix.records)
        if appendix.note:
            flow.paragraph(appendix.note, ITALIC, c.profile.size("table"), justify=False)
