"""The periodic report as a PDF: HD 36 header, the narrative, signature and "Nơi nhận", then
each appendix table from a new page. A heading never ends a page (it keeps the first lines of
what follows) and the signature keeps the body's last two lines beside it."""

from . import layout, tables
from .fonts import BOLD, ITALIC
from .layout import DocumentCanvas, Flow
from .report_content import TITLE, Block, ReportContent, blocks

KEEP_LINES = 2  # a heading keeps at least this many lines of its text on its page


def draw_report(c: DocumentCanvas, content: ReportContent, number: str, date: str, attached_to: str) -> None:
    flow = Flow(c)
    size = c.profile.size("body")
    layout.header(flow, number, date)
    layout.title(flow, TITLE, [content.subject])
    body = blocks(content)
    signature = layout.signature_height(flow, content.recipients)
    for index, block in enumerate(body):
        keep_next = keep_last = 0.0
        if block.heading:
            keep_next = _following(flow, body, index + 1)
        elif index == len(body) - 1:
            keep_last = signature
        flow.paragraph(block.text, block.font, size, justify=block.justify, keep_next=keep_next,
                       keep_last=keep_last)
    layout.signature(flow, content.recipients)
    flow.new_page()
    for number, appendix in enumerate(content.appendices):
        if number:
            flow.skip(c.profile.leading(size) * 1.5)
            flow.need(c.profile.leading(size) * 6)
        flow.centred(appendix.title, BOLD, size)
        flow.centred(attached_to, ITALIC, size)
        flow.skip(6)
        tables.draw_table(flow, appendix.columns, appendix.records)
        if appendix.note:
            flow.paragraph(appendix.note, ITALIC, c.profile.size("table"), justify=False)


def _following(flow: Flow, body: list[Block], start: int) -> float:
    """What a heading keeps on its page: the headings right after it and the first lines of the
    text below them."""
    kept = 0.0
    for block in body[start:]:
        if block.heading:
            kept += flow.height(block.text, block.font)
            continue
        return kept + flow.height(block.text, block.font, lines=KEEP_LINES)
    return kept
