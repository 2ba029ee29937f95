"""The periodic report as an editable Word document, laid out like the PDF (see `word`): the
section headings are "Heading 1", the numbered parts "Heading 2", the body's last paragraph keeps
with the signature, each appendix table after the report on its own page."""

import datetime as dt
from pathlib import Path

from docx.enum.text import WD_BREAK

from ...core.files import check_target
from . import word
from .layout import Letterhead
from .profile import Profile
from .report_content import FILL, HEADING, TITLE, ReportContent
from .word import CENTER


def write_report(target: Path, content: ReportContent, head: Letterhead, profile: Profile, number: str,
                 date: str, attached_to: str, password: str | None = None, on: dt.date | None = None) -> None:
    check_target(target, ".docx")
    document = word.new_document(profile, head, content.draft)
    dated = on or content.end
    word.properties(document, f"{TITLE.capitalize()} {content.subject}", content.subject, TITLE.capitalize(), head,
                    dated, content.draft)
    word.header_block(document, head, profile, number, date)
    word.title(document, profile, TITLE, content.subject)
    body = profile.size("body")
    last = word.body(document, content.intro, profile)
    for section in content.sections:
        word.heading(document, section.heading, word.SECTION_STYLE)
        for paragraph in section.paragraphs:
            if paragraph.style == HEADING:
                word.heading(document, paragraph.text, word.PART_STYLE)
            else:
                last = word.body(document, paragraph.text, profile, italic=paragraph.style == FILL)
    last.paragraph_format.keep_with_next = True  # the last lines go with the signature
    word.signature(document, head, profile, content.recipients)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for number, appendix in enumerate(content.appendices):
        if number:
            document.add_paragraph()
        word.write(document.add_paragraph(), appendix.title, body, bold=True, align=CENTER,
                  after=0).paragraph_format.keep_with_next = True
        attached = word.write(document.add_paragraph(), attached_to, body, italic=True, align=CENTER)
        attached.paragraph_format.keep_with_next = True
        word.table(document, appendix.columns, appendix.records, profile, appendix.note)
    word.save(document, target, password, dated)
