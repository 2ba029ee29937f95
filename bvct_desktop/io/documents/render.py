"""Each document from its content, in its formats: what the CLI and the GUI call.

PDFs come back as bytes (the GUI previews and prints them, the CLI saves them with
`pdf.save`); workbooks and Word files are written to their target, encrypted when asked.
"""

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ...core import case_register, numbering, outgoing, passport_register, settings
from ...core.archive_letters import LETTER_KEYS, REPLY_KEYS, letter_day
from ...core.documents_data import Issue, delegation_day
from ...core.errors import InputError
from ...core.handover_minutes import Minutes
from ...core.outgoing import Content
from ...core.settings import History
from . import (
    archive_letter,
    conclusion,
    handover_minutes,
    lists,
    pdf,
    profile,
    reminder,
    report_docx,
    sheets,
    slip_form,
    vitae_form,
    workbook,
)
from . import report_content as contents
from . import report_pdf as report_pages
from .layout import DocumentCanvas, Letterhead, date_text, number_text
from .profile import SECRET, Profile
from .report_content import ReportContent, ReportSource
from .tables import Column, counter, plain


@dataclass(frozen=True)
class Options:
    profile: Profile
    secrecy: str | None = None  # None: the office setting `do_mat`; "" or "MẬT" for this print only
    password: str | None = None  # encrypts the file (PDF: AES-256; xlsx/docx: ECMA-376 agile)
    on_page: Callable[[int], None] | None = None  # a PDF's pages done, told after each and while a long
                                                 # table is laid out (DocumentCanvas.working); raising there stops it


def letterhead(office: Mapping[str, str], options: Options) -> Letterhead:
    return Letterhead.from_settings(office, options.secrecy)


def _kept_letterhead(source: ReportSource | reminder.ReminderSource | conclusion.ConclusionSource
                     | archive_letter.ArchiveLetterSource, options: Options) -> Letterhead:
    """The letterhead of a document that keeps its wording: its names broken as that wording broke them."""
    return replace(letterhead(source.office, options), named_breaks=source.named_breaks)


def slips_pdf(office: History, slips: Sequence[Mapping[str, Any]], options: Options) -> bytes:
    """One slip a page (at least one), each under the letterhead in force on its own `Ngày phát hành`."""
    def head(slip: Mapping[str, Any]) -> Letterhead:
        return letterhead(office.on(slip["issued_on"]), options)

    day = slips[0]["issued_on"]  # the first slip's, as its letterhead
    return pdf.render(lambda c: slip_form.draw_slips(c, slips, head), options.profile,
                      letterhead(office.on(day), options), slip_form.TITLE.capitalize(), day,
                      on_page=options.on_page)


def register_pdf(register: lists.Register, office: History, records: Sequence[Mapping[str, Any]], start: dt.date,
                 end: dt.date, printed_on: dt.date, options: Options) -> bytes:
    """The `register`'s `records` of the period from `start` to `end`, landscape, for signature."""
    return pdf.render(lambda c: lists.draw_register(c, register, records, start, end, printed_on), options.profile,
                      letterhead(office.on(printed_on), options), register.title.capitalize(), printed_on,
                      wide=True, on_page=options.on_page)


def listing_pdf(office: History, title: str, subject: Sequence[str], columns: Sequence[Column],
                records: Sequence[Mapping[str, Any]], printed_on: dt.date, options: Options,
                unit: str = "bản ghi", count: str | None = None) -> bytes:
    """Any register's records as shown on screen (the register page's "In"), landscape, under the
    `subject` lines saying which of them (the period, filters and search in force), counted in `unit`s unless
    the register's `count` says more (lists.register_count)."""
    return pdf.render(lambda c: lists.draw_listing(c, title, subject, columns, records, printed_on, unit, count),
                      options.profile, letterhead(office.on(printed_on), options), title.capitalize(), printed_on,
                      wide=True, on_page=options.on_page)


def register_xlsx(register: lists.Register, target: Path, office: History, records: Sequence[Mapping[str, Any]],
                  start: dt.date, end: dt.date, printed_on: dt.date, options: Options) -> int:
    return _listing_xlsx(target, office, lambda date: lists.register_sheet(register, records, start, end, date),
                         printed_on, options)


def passport_register_pdf(office: History, lines: Sequence[Mapping[str, Any]], subject: Sequence[str],
                          printed_on: dt.date, options: Options) -> bytes:
    return listing_pdf(office, passport_register.TITLE, subject, lists.PASSPORT_COLUMNS, lines, printed_on, options)


def passport_register_xlsx(target: Path, office: History, lines: Sequence[Mapping[str, Any]],
                           subject: Sequence[str], printed_on: dt.date, options: Options) -> int:
    return _listing_xlsx(target, office, lambda date: lists.passport_sheet(lines, subject, date), printed_on, options)


def handover_minutes_pdf(office: History, minutes: Minutes, options: Options) -> bytes:
    """The handover minutes, landscape (a column for each signature), dated and headed as on the day of the
    handover."""
    values = office.on(minutes.on)
    return pdf.render(lambda c: handover_minutes.draw(c, minutes), options.profile,
                      letterhead(values, options), handover_minutes.TITLE.capitalize(), minutes.on,
                      wide=True, on_page=options.on_page)


def case_register_pdf(office: History, lines: Sequence[Mapping[str, Any]], subject: Sequence[str],
                      printed_on: dt.date, options: Options) -> bytes:
    return listing_pdf(office, case_register.TITLE, subject, lists.CASE_COLUMNS, lines, printed_on, options,
                       lists.CASE_UNIT)


def case_register_xlsx(target: Path, office: History, lines: Sequence[Mapping[str, Any]],
                       subject: Sequence[str], printed_on: dt.date, options: Options) -> int:
    return _listing_xlsx(target, office, lambda date: lists.case_sheet(lines, subject, date), printed_on, options)


def _listing_xlsx(target: Path, office: History, sheet: Callable[[str], workbook.Sheet], printed_on: dt.date,
                  options: Options) -> int:
    """A register's list (`sheet`, given its place-and-date line) as a workbook, under the letterhead of the day."""
    values = office.on(printed_on)
    return workbook.write(target, [sheet(date_text(values["dia_danh"], printed_on, options.profile))],
                          letterhead(values, options), options.profile, options.password)


def _each_pdf(office: History, records: Sequence[Mapping[str, Any]], day: Callable[[Mapping[str, Any]], dt.date],
             draw: Callable[[DocumentCanvas, Mapping[str, Any], dt.date], None], title: str, options: Options) -> bytes:
    """One document a record, each from a page of its own with its pages numbered from 1, dated
    `day(record)` and headed with the settings in force that day."""
    def draw_each(c: DocumentCanvas) -> None:
        for record in records:
            on = day(record)
            c.new_document(letterhead(office.on(on), options))
            draw(c, record, on)
            c.showPage()

    first = day(records[0])
    return pdf.render(draw_each, options.profile, letterhead(office.on(first), options), title, first,
                      on_page=options.on_page)


def archive_letters_pdf(office: History, letters: Sequence[Mapping[str, Any]], printed_on: dt.date,
                        options: Options) -> bytes:
    """Each letter of a research between provinces' archives, dated and headed as on its own day
    (archive_letters.letter_day)."""
    def draw(c: DocumentCanvas, letter: Mapping[str, Any], on: dt.date) -> None:
        archive_letter.draw(c, archive_letter.ArchiveLetterSource(letter, on, office.on(on)))

    return _each_pdf(office, letters, lambda letter: letter_day(letter, printed_on), draw, archive_letter.TITLE,
                     options)


def delegation_pdf(office: History, trips: Sequence[Mapping[str, Any]], printed_on: dt.date,
                   options: Options) -> bytes:
    """Each delegation's member list, dated and headed as on its decision day (else the day printed)."""
    return _each_pdf(office, trips, lambda trip: delegation_day(trip, printed_on), lists.draw_delegation,
                    lists.DELEGATION_TITLE.capitalize(), options)


def delegation_xlsx(target: Path, office: History, trip: Mapping[str, Any], printed_on: dt.date,
                    options: Options) -> int:
    on = delegation_day(trip, printed_on)
    values = office.on(on)
    date = date_text(values["dia_danh"], on, options.profile)
    return workbook.write(target, [lists.delegation_sheet(trip, date)], letterhead(values, options), options.profile,
                          options.password)


def cadre_pdf(office: History, cadres: Sequence[Mapping[str, Any]], printed_on: dt.date, options: Options) -> bytes:
    """Each cadre's summary (trích ngang), as of the day printed."""
    return _each_pdf(office, cadres, lambda _cadre: printed_on, sheets.draw_cadre, sheets.CADRE_TITLE.capitalize(),
                    options)


def vitae_pdf(office: History, cadres: Sequence[Mapping[str, Any]], printed_on: dt.date, options: Options) -> bytes:
    """Each cadre's curriculum vitae on form 2C (documents_data.vitae_by_id), to be signed."""
    return _each_pdf(office, cadres, lambda _cadre: printed_on, vitae_form.draw, vitae_form.TITLE.capitalize(),
                    options)


def recovery_key_pdf(office: Mapping[str, str], recovery_key: str, database: str, created_on: dt.date,
                     options: Options) -> bytes:
    """The sheet printed at first run; always marked secret, whatever the settings say."""
    head = replace(letterhead(office, options), secrecy=SECRET)
    return pdf.render(lambda c: sheets.draw_recovery_key(c, recovery_key, database, created_on), options.profile,
                      head, sheets.RECOVERY_TITLE.capitalize(), created_on)


# The periodic report

REPORT_RECIPIENTS = "noi_nhan_bao_cao"

@dataclass(frozen=True)
class ReportTexts:
    number: str
    date: str
    attached_to: str


def report_texts(source: ReportSource, content: ReportContent, profile: Profile) -> ReportTexts:
    symbol = source.office["ky_hieu"]
    number = number_text(source.number, numbering.REPORT, symbol)
    date = date_text(source.office["dia_danh"], source.on, profile, source.draft)
    if source.number is None:
        attached = f"(Kèm theo Báo cáo {content.subject})"
    else:
        attached = (f"(Kèm theo Báo cáo số {numbering.number_text(source.number, numbering.REPORT, symbol)} "
                    f"ngày {source.on:%d/%m/%Y})")
    return ReportTexts(number, date, attached)


def report_content(source: ReportSource, options: Options) -> ReportContent:
    return contents.build(source, settings.listed_lines(source.office[REPORT_RECIPIENTS]))


def report_pdf(source: ReportSource, options: Options) -> bytes:
    content = report_content(source, options)
    texts = report_texts(source, content, options.profile)
    return pdf.render(lambda c: report_pages.draw_report(c, content, texts.number, texts.date, texts.attached_to),
                      options.profile, _kept_letterhead(source, options), f"Báo cáo {content.subject}",
                      source.on, draft=source.draft)


def report_docx_file(target: Path, source: ReportSource, options: Options) -> None:
    content = report_content(source, options)
    texts = report_texts(source, content, options.profile)
    report_docx.write_report(target, content, _kept_letterhead(source, options), options.profile, texts.number,
                             texts.date, texts.attached_to, options.password, source.on)


FACT_COLUMNS: tuple[Column, ...] = (counter(), plain("label", "Chỉ tiêu", 4.0, excel_width=65),
                                    plain("value", "Số lượng", 1.0, "right", 14))


def report_xlsx(target: Path, source: ReportSource, options: Options) -> int:
    """The report's text on its first sheet, as the PDF and the Word file have it; then its figures
    and each appendix, attached to it."""
    content = report_content(source, options)
    texts = report_texts(source, content, options.profile)
    head = _kept_letterhead(source, options)
    facts = [{"stt": index, "label": label, "value": value}
             for index, (_key, label, value) in enumerate(content.facts, start=1)]
    sheets: list[workbook.Sheet | workbook.Text] = [
        workbook.Text("Báo cáo", contents.TITLE, content.subject, contents.blocks(content), texts.number, texts.date,
                      content.recipients),
        workbook.Sheet("Số liệu", [f"Số liệu {content.subject}", texts.attached_to], FACT_COLUMNS, facts,
                       signed=False)]
    for number, appendix in enumerate(content.appendices, start=1):
        sheets.append(workbook.Sheet(f"Phụ lục {number}", [appendix.title, texts.attached_to], appendix.columns,
                                     appendix.records, wide=len(appendix.columns) > 6,
                                     notes=[appendix.note] if appendix.note else [], signed=False))
    return workbook.write(target, sheets, head, options.profile, options.password, draft=source.draft, on=source.on)


# A reminder letter (công văn đôn đốc)

def reminder_pdf(source: reminder.ReminderSource, options: Options) -> bytes:
    return pdf.render(lambda c: reminder.draw(c, source), options.profile, _kept_letterhead(source, options),
                      reminder.TITLE, source.on, draft=source.draft)


def reminder_docx_file(target: Path, source: reminder.ReminderSource, options: Options) -> None:
    reminder.write_docx(target, source, _kept_letterhead(source, options), options.profile, options.password)


def reminder_xlsx(target: Path, source: reminder.ReminderSource, options: Options) -> int:
    return reminder.write_xlsx(target, source, _kept_letterhead(source, options), options.profile, options.password)


# The notice of a vetting case's conclusion (thông báo kết luận về tiêu chuẩn chính trị)

def conclusion_pdf(source: conclusion.ConclusionSource, options: Options) -> bytes:
    return pdf.render(lambda c: conclusion.draw(c, source), options.profile, _kept_letterhead(source, options),
                      conclusion.TITLE, source.on, draft=source.draft)


def conclusions_pdf(contents: Sequence[Content], on_each: Callable[[int], None] = lambda _drawn: None) -> bytes:
    """Notices as issued (their frozen `contents`) in one PDF, each from a page of its own, its pages
    numbered from 1 under its own letterhead; `on_each(drawn)` is told after each notice."""
    made = [thawed(content) for content in contents]

    def draw_each(c: DocumentCanvas) -> None:
        for drawn, (source, options) in enumerate(made, 1):
            c.new_document(_kept_letterhead(source, options))
            conclusion.draw(c, source)
            c.showPage()
            on_each(drawn)

    first, options = made[0]
    return pdf.render(draw_each, options.profile, _kept_letterhead(first, options), conclusion.TITLE, first.on)


def conclusion_docx_file(target: Path, source: conclusion.ConclusionSource, options: Options) -> None:
    conclusion.write_docx(target, source, _kept_letterhead(source, options), options.profile, options.password)


# One letter of a research between provinces' archives, as the outgoing register keeps it

def archive_letter_pdf(source: archive_letter.ArchiveLetterSource, options: Options) -> bytes:
    return pdf.render(lambda c: archive_letter.draw(c, source), options.profile, _kept_letterhead(source, options),
                      archive_letter.TITLE, source.on)


def archive_letter_docx_file(target: Path, source: archive_letter.ArchiveLetterSource, options: Options) -> None:
    archive_letter.write_docx(target, source, _kept_letterhead(source, options), options.profile, options.password)


# Writing a document, and what an issued one keeps to be written again as issued

PDF, XLSX, DOCX = "pdf", "xlsx", "docx"
FORMATS = {outgoing.REPORT: (PDF, XLSX, DOCX), outgoing.REMINDER: (PDF, XLSX, DOCX),
           outgoing.CONCLUSION: (PDF, DOCX), outgoing.ARCHIVE_LETTER: (PDF, DOCX)}


def freeze_report(source: ReportSource, options: Options) -> Content:
    """Everything the report shows, as plain values: what the outgoing register keeps."""
    return {"kind": outgoing.REPORT, "figures": dict(source.figures), "office": dict(source.office),
            "notes": dict(source.notes), "number": source.number, "on": source.on.isoformat(),
            "wording": source.wording, **_frozen_options(source.office, options)}


def freeze_reminder(source: reminder.ReminderSource, options: Options) -> Content:
    slips = [{key: value.isoformat() if isinstance(value, dt.date) else value for key, value in slip.items()
              if key in SLIP_KEPT} for slip in source.slips]
    return {"kind": outgoing.REMINDER, "recipient": source.recipient, "on": source.on.isoformat(),
            "days": list(source.days), "slips": slips, "office": dict(source.office), "number": source.number,
            "wording": source.wording, **_frozen_earlier(source.earlier), **_frozen_options(source.office, options)}


def _frozen_earlier(earlier: Sequence[Mapping[str, Any]]) -> Content:
    """The reminders sent before that a letter names, kept only when there are some (as one issued before
    they were named reads)."""
    return {"earlier": [{"number": letter["number"], "on": letter["on"].isoformat()} for letter in earlier]} \
        if earlier else {}


def freeze_conclusion(source: conclusion.ConclusionSource, options: Options) -> Content:
    return {"kind": outgoing.CONCLUSION, "data": dict(source.data), "on": source.on.isoformat(),
            "office": dict(source.office), "number": source.number, "wording": source.wording,
            **_frozen_options(source.office, options)}


def freeze_archive_letter(source: archive_letter.ArchiveLetterSource, options: Options) -> Content:
    letter = {key: value.isoformat() if isinstance(value, dt.date) else value for key, value in source.letter.items()
              if key in ARCHIVE_LETTER_KEPT}
    return {"kind": outgoing.ARCHIVE_LETTER, "letter": letter, "on": source.on.isoformat(),
            "office": dict(source.office), "number": source.number, "wording": source.wording,
            **_frozen_options(source.office, options)}


ARCHIVE_LETTER_KEPT = (*LETTER_KEYS, *REPLY_KEYS, "persons")
DATE_KEYS = ("doc_on", "answered_on")  # an archive letter's days
SLIP_KEPT = ("number", "issued_on", "full_name", "birth_date", "home_town", "days_late")


def _frozen_options(office: Mapping[str, str], options: Options) -> Content:
    secrecy = office["do_mat"] if options.secrecy is None else options.secrecy
    return {"secrecy": secrecy, "profile": {"key": options.profile.key, "data": options.profile.data}}


def thawed(content: Content, password: str | None = None):
    """The source and the options a frozen document was made with (its profile as it was then)."""
    options = Options(profile.from_data(content["profile"]["key"], content["profile"]["data"]),
                      content["secrecy"], password)
    on = dt.date.fromisoformat(content["on"])
    if content["kind"] == outgoing.REPORT:
        return ReportSource(content["figures"], _with_recipients(content), content["notes"], content["number"], on,
                            content.get("wording", 1)), options  # none: issued before the wording was kept
    if content["kind"] == outgoing.ARCHIVE_LETTER:
        letter = {key: dt.date.fromisoformat(value) if key in DATE_KEYS and value else value
                  for key, value in content["letter"].items()}
        return archive_letter.ArchiveLetterSource(letter, on, content["office"], content["number"],
                                                  content["wording"]), options
    if content["kind"] == outgoing.CONCLUSION:
        return conclusion.ConclusionSource(content["data"], on, content["office"], content["number"],
                                           content["wording"]), options
    slips = [{**slip, "issued_on": dt.date.fromisoformat(slip["issued_on"])} for slip in content["slips"]]
    days = content["days"]  # one number: issued before the limit of each slip was kept
    earlier = [{**letter, "on": dt.date.fromisoformat(letter["on"])} for letter in content.get("earlier", [])]
    return reminder.ReminderSource(content["recipient"], on, tuple(days) if isinstance(days, list) else (days,),
                                   slips, content["office"], content["number"], content.get("wording", 1),
                                   earlier), options


def _with_recipients(content: Content) -> dict[str, str]:
    """A frozen report's settings; one issued when its «Nơi nhận» came from the profile, not the
    settings, is given the profile's as it was then."""
    office = dict(content["office"])
    if REPORT_RECIPIENTS not in office:
        office[REPORT_RECIPIENTS] = "; ".join(content["profile"]["data"]["report"]["recipients"])
    return office


def document_pdf(content: Content) -> bytes:
    """A frozen document as PDF bytes (the preview, and the printer)."""
    source, options = thawed(content)
    return PDF_WRITERS[content["kind"]](source, options)


def write_document(content: Content, fmt: str, target: Path, password: str | None = None) -> None:
    """A frozen document written as `fmt` to `target` (encrypted when a password is given)."""
    allowed = FORMATS[content["kind"]]
    if fmt not in allowed:
        raise InputError(f"{outgoing.KIND_LABELS[content['kind']]} chỉ ghi được dạng {', '.join(allowed)}.")
    source, options = thawed(content, password)
    if fmt == PDF:
        pdf.save(document_pdf(content), target, password)
    else:
        FILE_WRITERS[content["kind"], fmt](target, source, options)


PDF_WRITERS = {outgoing.REPORT: report_pdf, outgoing.REMINDER: reminder_pdf, outgoing.CONCLUSION: conclusion_pdf,
               outgoing.ARCHIVE_LETTER: archive_letter_pdf}
FILE_WRITERS = {(outgoing.REPORT, XLSX): report_xlsx, (outgoing.REPORT, DOCX): report_docx_file,
                (outgoing.REMINDER, XLSX): reminder_xlsx, (outgoing.REMINDER, DOCX): reminder_docx_file,
                (outgoing.CONCLUSION, DOCX): conclusion_docx_file,
                (outgoing.ARCHIVE_LETTER, DOCX): archive_letter_docx_file}


def marked(contents: Sequence[Content]) -> dict[str, str]:
    """What the audit entry of documents written together from `contents` says of their «MẬT» mark
    (`outgoing.marked`): "MẬT" when one of them carries it."""
    return max((outgoing.marked(content) for content in contents), key=lambda mark: bool(mark.get(outgoing.SECRECY)),
               default={})


class Writer:
    """What the documents services call: `freeze` the document's content (a draft's or an issued
    one's), `write` it to the target — or, with no target, keep the PDF in `data` for the preview."""

    def __init__(self, fmt: str, target: Path | None, options: Options):
        self.fmt, self.target, self.options = fmt, target, options
        self.encrypted = target is not None and options.password is not None
        self.data: bytes | None = None
        self.marked: dict[str, str] = {}  # the «MẬT» mark of the PDF kept in `data`, for its print's audit entry

    def write(self, content: Content) -> None:
        if self.target is None:
            self.data, self.marked = document_pdf(content), marked([content])
        else:
            write_document(content, self.fmt, self.target, self.options.password)


class ReportWriter(Writer):
    def recipients(self, office: Mapping[str, str]) -> list[str]:
        return settings.listed_lines(office[REPORT_RECIPIENTS])

    def freeze(self, office: Mapping[str, str], figures: Mapping[str, Any], notes: Mapping[str, str],
               issue: Issue) -> Content:
        return freeze_report(ReportSource(figures, office, notes, issue.number, issue.on), self.options)


class ReminderWriter(Writer):
    def recipients(self, data: Mapping[str, Any]) -> list[str]:
        return reminder.register_recipients(data["recipient"], self.options.profile)

    def freeze(self, office: Mapping[str, str], data: Mapping[str, Any], issue: Issue) -> Content:
        return freeze_reminder(reminder.ReminderSource(data["recipient"], issue.on, data["days"], data["slips"],
                                                       office, issue.number, earlier=data.get("earlier", ())),
                               self.options)


def report_writer(fmt: str, target: Path | None, options: Options) -> ReportWriter:
    """The report's writer for the CLI and the GUI (`report_document` calls it)."""
    return ReportWriter(fmt, target, options)


def reminder_writer(fmt: str, target: Path | None, options: Options) -> ReminderWriter:
    return ReminderWriter(fmt, target, options)


class ArchiveLetterWriter(Writer):
    def recipients(self, data: Mapping[str, Any]) -> list[str]:
        return archive_letter.register_recipients(data, data["on"], self.options.profile)

    def freeze(self, office: Mapping[str, str], data: Mapping[str, Any], issue: Issue) -> Content:
        return freeze_archive_letter(archive_letter.ArchiveLetterSource(data, issue.on, office, issue.number),
                                     self.options)


def archive_letter_writer(fmt: str, target: Path | None, options: Options) -> ArchiveLetterWriter:
    """The archive letter's writer for the CLI and the GUI (`archive_letter_document` calls it)."""
    return ArchiveLetterWriter(fmt, target, options)


class ConclusionWriter(Writer):
    def recipients(self, data: Mapping[str, Any]) -> list[str]:
        return conclusion.recipients(self.options.profile)

    def freeze(self, office: Mapping[str, str], data: Mapping[str, Any], issue: Issue) -> Content:
        return freeze_conclusion(conclusion.ConclusionSource(data, issue.on, office, issue.number), self.options)

    def write_all(self, contents: Sequence[Content], on_each: Callable[[int], None] = lambda _drawn: None) -> None:
        """Notices issued together, into `data` for the preview (`conclusions_pdf`)."""
        self.data, self.marked = conclusions_pdf(contents, on_each), marked(contents)


def conclusion_writer(fmt: str, target: Path | None, options: Options) -> ConclusionWriter:
    """The notice's writer for the GUI (`conclusion_document` calls it)."""
    return ConclusionWriter(fmt, target, options)
