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
from ...core.documents_data import ReportWrite
from ...core.settings import History
from . import lists, pdf, report_docx, sheets, slip_form, workbook
from . import report_content as contents
from . import report_pdf as report_pages
from .layout import Letterhead, date_text, number_text
from .profile import Profile
from .report_content import ReportContent, ReportSource
from .tables import Column, counter, plain

SECRET = "MẬT"


@dataclass(frozen=True)
class Options:
    profile: Profile
    secrecy: str | None = None  # None: the office setting `do_mat`; "" or "MẬT" for this print only
    password: str | None = None  # encrypts the file (PDF: AES-256; xlsx/docx: ECMA-376 agile)


def letterhead(office: Mapping[str, str], options: Options) -> Letterhead:
    return Letterhead.from_settings(office, options.secrecy)


def slips_pdf(office: History, slips: Sequence[Mapping[str, Any]], options: Options) -> bytes:
    """One slip a page, each under the letterhead in force on its own `Ngày phát hành`."""
    def head(slip: Mapping[str, Any]) -> Letterhead:
        return letterhead(office.on(slip["issued_on"]), options)

    first = head(slips[0]) if slips else letterhead(office.on(dt.date.today()), options)
    return pdf.render(lambda c: slip_form.draw_slips(c, slips, head), options.profile, first,
                      slip_form.TITLE.capitalize())


def slip_register_pdf(office: History, slips: Sequence[Mapping[str, Any]], start: dt.date,
                      end: dt.date, printed_on: dt.date, options: Options) -> bytes:
    return pdf.render(lambda c: lists.draw_register(c, slips, start, end, printed_on), options.profile,
                      letterhead(office.on(printed_on), options), lists.REGISTER_TITLE.capitalize(), wide=True)


def listing_pdf(office: History, title: str, subtitle: str, columns: Sequence[Column],
                records: Sequence[Mapping[str, Any]], printed_on: dt.date, options: Options) -> bytes:
    """Any register's records as shown on screen (the register page's "In"), landscape."""
    return pdf.render(lambda c: lists.draw_listing(c, title, subtitle, columns, records, printed_on),
                      options.profile, letterhead(office.on(printed_on), options), title.capitalize(), wide=True)


def slip_register_xlsx(target: Path, office: History, slips: Sequence[Mapping[str, Any]], start: dt.date,
                       end: dt.date, printed_on: dt.date, options: Options) -> int:
    values = office.on(printed_on)
    date = date_text(values["dia_danh"], printed_on, options.profile)
    return workbook.write(target, [lists.register_sheet(slips, start, end, date)], letterhead(values, options),
                          options.profile, options.password)


def delegation_pdf(office: History, trip: Mapping[str, Any], options: Options) -> bytes:
    """The member list, dated and headed as on the delegation's decision (else its departure) day."""
    on = lists.delegation_day(trip)
    return pdf.render(lambda c: lists.draw_delegation(c, trip, on), options.profile,
                      letterhead(office.on(on), options), lists.DELEGATION_TITLE.capitalize())


def delegation_xlsx(target: Path, office: History, trip: Mapping[str, Any], options: Options) -> int:
    on = lists.delegation_day(trip)
    values = office.on(on)
    date = date_text(values["dia_danh"], on, options.profile)
    return workbook.write(target, [lists.delegation_sheet(trip, date)], letterhead(values, options), options.profile,
                          options.password)


def cadre_pdf(office: History, cadre: Mapping[str, Any], printed_on: dt.date, options: Options) -> bytes:
    return pdf.render(lambda c: sheets.draw_cadre(c, cadre, printed_on), options.profile,
                      letterhead(office.on(printed_on), options), sheets.CADRE_TITLE.capitalize())


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


def report_texts(source: ReportSource, content: ReportContent, profile: Profile) -> ReportTexts:
    symbol = source.office["ky_hieu"]
    number = number_text(source.number, numbering.REPORT, symbol)
    date = date_text(source.office["dia_danh"], None if source.draft else source.on, profile, source.on.year)
    if source.number is None:
        attached = f"(Kèm theo Báo cáo {content.subject})"
    else:
        attached = (f"(Kèm theo Báo cáo số {numbering.number_text(source.number, numbering.REPORT, symbol)} "
                    f"ngày {source.on:%d/%m/%Y})")
    return ReportTexts(number, date, attached)


def report_content(source: ReportSource, options: Options) -> ReportContent:
    return contents.build(source, options.profile.report_recipients)


def report_pdf(source: ReportSource, options: Options) -> bytes:
    content = report_content(source, options)
    texts = report_texts(source, content, options.profile)
    return pdf.render(lambda c: report_pages.draw_report(c, content, texts.number, texts.date, texts.attached_to),
                      options.profile, letterhead(source.office, options), f"Báo cáo {content.subject}",
                      draft=source.draft)


def report_docx_file(target: Path, source: ReportSource, options: Options) -> None:
    content = report_content(source, options)
    texts = report_texts(source, content, options.profile)
    report_docx.write_report(target, content, letterhead(source.office, options), options.profile, texts.number,
                             texts.date, texts.attached_to, options.password, source.on)


FACT_COLUMNS: tuple[Column, ...] = (counter(), plain("label", "Chỉ tiêu", 4.0, excel_width=55),
                                    plain("value", "Số lượng", 1.0, "right", 14))


def report_xlsx(target: Path, source: ReportSource, options: Options) -> int:
    content = report_content(source, options)
    texts = report_texts(source, content, options.profile)
    head = letterhead(source.office, options)
    title = f"{contents.TITLE} {content.subject.upper()}"
    facts = [{"stt": index, "label": label, "value": value}
             for index, (_key, label, value) in enumerate(content.facts, start=1)]
    sheets = [workbook.Sheet("Số liệu", [title], FACT_COLUMNS, facts, number=texts.number, date=texts.date)]
    for number, appendix in enumerate(content.appendices, start=1):
        sheets.append(workbook.Sheet(f"Phụ lục {number}", [appendix.title, texts.attached_to], appendix.columns,
                                     appendix.records, wide=len(appendix.columns) > 6,
                                     notes=[appendix.note] if appendix.note else []))
    return workbook.write(target, sheets, head, options.profile, options.password, draft=source.draft)


def report_file(fmt: str, target: Path, options: Options) -> Callable[[ReportSource], object]:
    """The report written as `fmt` ("pdf", "xlsx" or "docx") to `target` from its source."""
    if fmt == "pdf":
        return lambda source: pdf.save(report_pdf(source, options), target, options.password)
    if fmt == "xlsx":
        return lambda source: report_xlsx(target, source, options)
    return lambda source: report_docx_file(target, source, options)


def report_writer(fmt: str, target: Path, options: Options) -> ReportWrite:
    """The writer the documents service `report_document` calls with the office settings, the
    figures, the officer's parts and the issue: one for the CLI and the GUI."""
    write = report_file(fmt, target, options)
    return lambda office, figures, notes, issue: write(ReportSource(figures, office, notes, issue.number, issue.on))
