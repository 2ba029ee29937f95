"""The periodic report as a PDF: HD 36 header, the narrative, signature and "Nơi nhận", then
each appendix table from a new page (a short one whole on a page with its title, a long one never
leaving its total alone, its note under it on its page). A heading never ends a page (it keeps the
first lines of what follows) and the signature keeps the body's last two lines beside it."""

from . import layout, tables
from .fonts import BOLD, ITALIC
from .layout import DocumentCanvas, Flow
from .report_content import TITLE, Block, ReportContent, blocks

KEEP_LINES = 2  # a heading keeps at least this many lines of its text on its page
SHORT_APPENDIX = 10  # rows: an appendix this short is on one page with its title and its total


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
            keep_next = _following(flow, body, index + 1, signature if content.wording >= 3 else 0.0)
        elif index == len(body) - 1:
            keep_last = signature
        flow.paragraph(block.text, block.font, size, justify=block.justify, keep_next=keep_next,
                       keep_last=keep_last)
    layout.signature(flow, content.recipients)
    flow.new_page()
    for number, appendix in enumerate(content.appendices):
        note = flow.height(appendix.note, ITALIC, c.profile.size("table")) if appendix.note else 0.0
        table = tables.Table(flow, appendix.columns, appendix.records, keep_last=note, whole_up_to=SHORT_APPENDIX)
        if number:
            flow.skip(c.profile.leading(size) * 1.5)
            titles = sum(len(layout.wrap(text, font, size, c.width)) for text, font in ((appendix.title, BOLD),
                                                                                        (attached_to, ITALIC)))
            flow.need(c.profile.leading(size) * titles + 6 + table.opening())
        flow.centred(appendix.title, BOLD, size)
        flow.centred(attached_to, ITALIC, size)
        flow.skip(6)
        table.draw()
        if appendix.note:
            flow.paragraph(appendix.note, ITALIC, c.profile.size("table"), justify=False)


def _following(flow: Flow, body: list[Block], start: int, signature: float) -> float:
    """What a heading keeps on its page: the headings right after it and the first lines of the
    text below them; all of the body's last paragraph and the `signature` when the lines the
    signature keeps beside it are among those first lines (none in a report of wording 2)."""
    kept = 0.0
    for index, block in enumerate(body[start:], start):
        if block.heading:
            kept += flow.height(block.text, block.font)
            continue
        lines = len(flow.lines_of(block.text, block.font))
        if signature and index == len(body) - 1 and lines - layout.LAST_TOGETHER < KEEP_LINES:
            return kept + flow.height(block.text, block.font) + signature
        return kept + flow.height(block.text, block.font, lines=KEEP_LINES)
    return kept
