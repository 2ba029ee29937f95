"""A file leaving the database from the desktop can be encrypted with a password of its own, as
`--encrypt-password-file` does on the command line: asked after the file's name, typed twice, held to
the password rules; the plaintext never reaches the file, and the audit entry says it was encrypted."""

import datetime as dt
import io
import json
from pathlib import PureWindowsPath

import msoffcrypto
import openpyxl
import pytest
from pypdf import PdfReader

from bvct_desktop.core import audit
from bvct_desktop.gui import export_password
from bvct_desktop.gui.dialogs import CANCEL, NO, YES
from bvct_desktop.gui.registers.page import RegisterPage
from tests.conftest import PASSWORD
from tests.gui import register_support as support

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures

SECRET = "Mật khẩu tệp xuất 2026"


def _decrypted(path, password: str) -> io.BytesIO:
    with open(path, "rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        assert office.is_encrypted()
        office.load_key(password=password)
        plain = io.BytesIO()
        office.decrypt(plain)
    return plain


def _export(qtbot, context, target, *answers):
    page = RegisterPage(context, "complaints")
    qtbot.addWidget(page)
    context.dialogs.answer_next(YES, PASSWORD, str(target), *answers)
    page.export_excel()
    return page


def test_a_register_exported_with_a_password_is_encrypted_and_audited(qtbot, context, tmp_path):
    target = tmp_path / "don-thu.xlsx"
    page = _export(qtbot, context, target, YES, SECRET, SECRET)
    qtbot.waitUntil(lambda: page.message.text().startswith("Đã xuất"), timeout=10_000)
    assert page.message.text() == f"Đã xuất 2 bản ghi ra {target}, đã mã hóa bằng mật khẩu."
    sheet = openpyxl.load_workbook(_decrypted(target, SECRET)).worksheets[0]
    senders = {sheet.cell(row, 2).value for row in (2, 3)}
    assert all(sender and sender.encode() not in target.read_bytes() for sender in senders)
    exported = [entry for entry in audit.list_entries(context.db) if entry.action == "xuất"][-1]
    assert json.loads(exported.details)["ma_hoa"] is True


def test_a_short_password_and_two_different_ones_are_asked_again(qtbot, context, tmp_path):
    target = tmp_path / "don-thu.xlsx"
    page = _export(qtbot, context, target, YES, "ngan", None, SECRET, "Mật khẩu khác hẳn 2026", None,
                   SECRET, SECRET)  # a warning takes an answer too
    qtbot.waitUntil(lambda: page.message.text().startswith("Đã xuất"), timeout=10_000)
    warnings = [shown.text for shown in context.dialogs.shown if shown.kind == "warn"]
    assert warnings == ["Mật khẩu phải có ít nhất 10 ký tự.", "Hai lần nhập mật khẩu không khớp. Nhập lại."]
    _decrypted(target, SECRET)


def test_cancelling_the_encryption_question_or_the_password_writes_nothing(qtbot, context, tmp_path):
    for answers in ((CANCEL,), (YES, None)):
        target = tmp_path / "khong-ghi.xlsx"
        page = _export(qtbot, context, target, *answers)
        qtbot.wait(200)
        assert not target.exists() and not page.message.text().startswith("Đã xuất")
    assert not [entry for entry in audit.list_entries(context.db) if entry.action == "xuất"]


def test_a_file_of_the_database_is_never_chosen_to_save_over(qtbot, context, tmp_path):
    link = tmp_path / "lien-ket.xlsx"  # another name for the database file
    link.symlink_to(context.db.path)
    target = tmp_path / "don-thu.xlsx"
    page = _export(qtbot, context, link, None, str(target), NO)  # the warning takes an answer too
    qtbot.waitUntil(lambda: page.message.text().startswith("Đã xuất"), timeout=10_000)
    warnings = [shown.text for shown in context.dialogs.shown if shown.kind == "warn"]
    assert warnings == [f"Không ghi vào «{link}»: đó là tệp của chính cơ sở dữ liệu «bvct.db»; "
                        "ghi đè sẽ làm mất dữ liệu. Hãy chọn tên tệp khác."]
    assert link.is_symlink() and page.message.text() == f"Đã xuất 2 bản ghi ra {target}."


def test_the_report_page_encrypts_a_pdf_and_a_word_file(qtbot, context, tmp_path):
    from bvct_desktop.gui.report_page import ReportPage

    page = ReportPage(context)
    qtbot.addWidget(page)
    for fmt in ("pdf", "docx"):
        target = tmp_path / f"bao-cao.{fmt}"
        context.dialogs.answer_next(PASSWORD, str(target), YES, SECRET, SECRET)
        page.export(fmt)
        qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
        assert page.error.text().endswith(f"«{target}», đã mã hóa bằng mật khẩu.")
    reader = PdfReader(tmp_path / "bao-cao.pdf")
    assert reader.is_encrypted and reader.decrypt(SECRET)
    assert "BÁO CÁO" in reader.pages[0].extract_text()
    _decrypted(tmp_path / "bao-cao.docx", SECRET)


def _issued_page(qtbot, context, tmp_path):
    from bvct_desktop.gui.issued_page import IssuedPage
    from tests.gui.test_issued_page import issue_report

    issue_report(context, tmp_path)
    page = IssuedPage(context)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    return page


def _save_issued(fmt: str):
    def save(qtbot, context, tmp_path) -> str:
        page = _issued_page(qtbot, context, tmp_path)
        page.save_selected(fmt)
        qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
        return page.message.text()

    return save


def _save_reminder(qtbot, context, _tmp_path) -> str:
    from bvct_desktop.gui.reminder_dialog import ReminderDialog

    dialog = ReminderDialog(context)
    qtbot.addWidget(dialog)
    dialog.save_docx()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    return dialog.message.text()


def _save_preview(qtbot, context, tmp_path) -> str:
    page = _issued_page(qtbot, context, tmp_path)
    page.print_selected()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    qtbot.addWidget(page.preview)
    assert page.preview.save_document()
    return context.dialogs.shown[-1].text


def _save_audit(qtbot, context, _tmp_path) -> str:
    from bvct_desktop.gui.admin.audit_page import AuditPage

    page = AuditPage(context)
    qtbot.addWidget(page)
    page.export()
    return page.message.text()


SAVES = {"văn bản đã ban hành, PDF": ("pdf", _save_issued("pdf")),
         "văn bản đã ban hành, Word": ("docx", _save_issued("docx")),
         "văn bản đã ban hành, Excel": ("xlsx", _save_issued("xlsx")),
         "công văn đôn đốc, Word": ("docx", _save_reminder),
         "xem trước khi in, Lưu thành PDF": ("pdf", _save_preview),
         "nhật ký, Excel": ("xlsx", _save_audit)}


@pytest.mark.parametrize("saving", list(SAVES))
def test_every_document_saved_from_the_desktop_asks_and_is_encrypted_with_the_password_given(qtbot, context,
                                                                                               tmp_path, saving):
    fmt, save = SAVES[saving]
    context.clock.now = dt.datetime(2025, 10, 2, 8, 0)  # a report issued for the first half; slips overdue
    target = tmp_path / f"tep-luu.{fmt}"
    context.dialogs.answer_next(PASSWORD, str(target.with_suffix("")), YES, SECRET, SECRET)
    told = save(qtbot, context, tmp_path)
    asked = [shown.text for shown in context.dialogs.shown if shown.title == export_password.TITLE]
    assert asked[0] == export_password.QUESTION, saving
    assert told.endswith(f"«{target}», đã mã hóa bằng mật khẩu."), told
    if fmt == "pdf":
        reader = PdfReader(target)
        assert reader.is_encrypted and reader.decrypt(SECRET) and reader.pages[0].extract_text()
    else:
        _decrypted(target, SECRET)
    saved = [entry for entry in audit.list_entries(context.db) if entry.action in ("in", "xuất", "xuất nhật ký")][-1]
    assert json.loads(saved.details) == {**json.loads(saved.details), "tep": str(target.resolve()), "ma_hoa": True}


@pytest.mark.parametrize(("chosen", "target"), [
    (r"\\maychu\chung\sao-luu", r"\\maychu\chung\sao-luu.xlsx"),
    ("//maychu/chung/Phieu.XLSX", r"\\maychu\chung\Phieu.XLSX"),  # Qt's dialog gives a share with slashes
    (r"\\maychu\chung.2026\so", r"\\maychu\chung.2026\so.xlsx"),  # a dot in the share's name is no suffix
    ("E:/so-theo-doi", r"E:\so-theo-doi.xlsx"),
])
def test_a_file_on_a_windows_share_keeps_its_share_and_gets_its_suffix(chosen, target):
    made = export_password.suffixed(chosen, ".xlsx", PureWindowsPath)
    assert made == PureWindowsPath(target) and str(made) == target
    assert made.anchor == PureWindowsPath(target).anchor  # \\maychu\chung\ stays the share, not a folder
