"""Each document from its content, in its formats: what the CLI and the GUI call.

PDFs come back as bytes (the GUI previews and prints them, the CLI saves them with
`pdf.save`); workbooks and Word files are written to their target, encrypted when asked.
"""

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ...core import numbering
from ...core.documents_data import Issue
from . import lists, pdf, report_docx, sheets, slip_form, workbook
from . import report_content as contents
from . import report_pdf as report_pages
from .layout import Letterhead, date_text, number_text
from .profile import Profile
from .report_content import ReportContent
from .tables import Column, counter, plain

SECRET = "MẬT"


@dataclass(frozen=True)
class Options:
    profile: Profile
    secrecy: str | None = None  # None: the office setting `do_mat`; "" or "MẬT" for this print only
    password: str | None = None  # encrypts the file (PDF: AES-256; xlsx/docx: ECMA-376 agile)


def letterhead(office: Mapping[str, str], options: Options) -> Letterhead:
    return Letterhead.from_settings(office, options.secrecy)


def slips_pdf(office: Mapping[str, str], slips: Sequence[Mapping[str, Any]], options: Options) -> bytes:
    return pdf.render(lambda c: slip_form.draw_slips(c, slips), options.profile, letterhead(office, options),
                      slip_form.TITLE.capitalize())


def slip_register_pdf(office: Mapping[str, str], slips: Sequence[Mapping[str, Any]], start: dt.date,
                      end: dt.date, printed_on: dt.date, options: Options) -> bytes:
    return pdf.render(lambda c: lists.draw_register(c, slips, start, end, printed_on), options.profile,
                      letterhead(office, options), lists.REGISTER_TITLE.capitalize(), wide=True)


def listing_pdf(office: Mapping[str, str], title: str, subtitle: str, columns: Sequence[Column],
                records: Sequence[Mapping[str, Any]], printed_on: dt.date, options: Options) -> bytes:
    """Any register's records as shown on screen (the register page's "In"), landscape."""
    return pdf.render(lambda c: lists.draw_listing(c, title, subtitle, columns, records, printed_on),
                      options.profile, letterhead(office, options), title.capitalize(), wide=True)


def slip_register_xlsx(target: Path, slips: Sequence[Mapping[str, Any]], start: dt.date, end: dt.date,
                       password: str | None = None) -> int:
    return workbook.write(target, [lists.register_sheet(slips, start, end)], password)


def delegation_pdf(office: Mapping[str, str], trip: Mapping[str, Any], printed_on: dt.date,
                   options: Options) -> bytes:
    return pdf.render(lambda c: lists.draw_delegation(c, trip, printed_on), options.profile,
                      letterhead(office, options), lists.DELEGATION_TITLE.capitalize())


def delegation_xlsx(target: Path, trip: Mapping[str, Any], password: str | None = None) -> int:
    return workbook.write(target, [lists.delegation_sheet(trip)], password)


def cadre_pdf(office: Mapping[str, str], cadre: Mapping[str, Any], printed_on: dt.date, options: Options) -> bytes:
    return pdf.render(lambda c: sheets.draw_cadre(c, cadre, printed_on), options.profile,
                      letterhead(office, options), sheets.CADRE_TITLE.capitalize())


def recovery_key_pdf(office: Mapping[str, str], recovery_key: str, database: str, created_on: dt.date,
                     options: Options) -> bytes:
    """The sheet printed at first run; always marked secret, whatever the settings say."""
    head = replace(letterhead(office, options), secrecy=SECRET)
    return pdf.render(lambda c: sheets.draw_recovery_key(c, recovery_key, database, created_on), options.profile,
                      head, sheets.RECOVERY_TITLE.capitalize())


# The periodic report

@dataclass(frozen=True)
class ReportTexts:
    number: str
    date: str
    attached_to: str


def report_texts(office: Mapping[str, str], content: ReportContent, issue: Issue, profile: Profile) -> ReportTexts:
    number = number_text(issue.number, numbering.REPORT, office["ky_hieu"])
    date = date_text(office["dia_danh"], issue.on, profile)
    if issue.number is None:
        attached = f"(Kèm theo Báo cáo {content.subject})"
    else:
        attached = f"(Kèm theo Báo cáo số {issue.number}-{numbering.REPORT}/{office['ky_hieu']} " \
                   f"ngày {issue.on:%d/%m/%Y})"
    return ReportTexts(number, date, attached)


def report_content(figures: Mapping[str, Any], options: Options) -> ReportContent:
    return contents.build(figures, options.profile.report_recipients)


def report_pdf(office: Mapping[str, str], figures: Mapping[str, Any], issue: Issue, options: Options) -> bytes:
    content = report_content(figures, options)
    texts = report_texts(office, content, issue, options.profile)
    return pdf.render(lambda c: report_pages.draw_report(c, content, texts.number, texts.date, texts.attached_to),
                      options.profile, letterhead(office, options), f"Báo cáo {content.subject}")


def report_docx_file(target: Path, office: Mapping[str, str], figures: Mapping[str, Any], issue: Issue,
                     options: Options) -> None:
    content = report_content(figures, options)
    texts = report_texts(office, content, issue, options.profile)
    report_docx.write_report(target, content, letterhead(office, options), options.profile, texts.number,
                             texts.date, texts.attached_to, options.password)


FACT_COLUMNS: tuple[Column, ...] = (counter(), plain("label", "Chỉ tiêu", 4.0, excel_width=55),
                                    plain("value", "Số lượng", 1.0, "right", 14))


def report_xlsx(target: Path, office: Mapping[str, str], figures: Mapping[str, Any], issue: Issue,
                options: Options) -> int:
    content = report_content(figures, options)
    texts = report_texts(office, content, issue, options.profile)
    title = f"{contents.TITLE} {content.subject.upper()}"
    facts = [{"stt": index, "label": label, "value": value}
             for index, (_key, label, value) in enumerate(content.facts, start=1)]
    sheets = [workbook.Sheet("Số liệu", [title, f"{office['co_quan']} – {office['co_quan_cap_tren']}",
                                         texts.number, texts.date], FACT_COLUMNS, facts)]
    for number, appendix in enumerate(content.appendices, start=1):
        sheets.append(workbook.Sheet(f"Phụ lục {number}", [appendix.title, texts.attached_to], appendix.columns,
                                     appendix.records, wide=len(appendix.columns) > 6,
                                     notes=[appendix.note] if appendix.note else []))
    return workbook.write(target, sheets, options.password)


ReportWriter = Callable[[Mapping[str, str], Mapping[str, Any], Issue], object]


def report_writer(fmt: str, target: Path, options: Options) -> ReportWriter:
    """The report written as `fmt` ("pdf", "xlsx" or "docx") to `target`: the writer the documents
    service `report_document` calls with the office, the figures and the issue."""
    if fmt == "pdf":
        return lambda office, figures, issue: pdf.save(report_pdf(office, figures, issue, options), target,
                                                       options.password)
    if fmt == "xlsx":
        return lambda office, figures, issue: report_xlsx(target, office, figures, issue, options)
    return lambda office, figures, issue: report_docx_file(target, office, figures, issue, options)
