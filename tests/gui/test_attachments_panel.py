"""«Tệp đính kèm» in the desktop: the forms of a slip, a complaint and an archive request, a private trip's entry
and a vetting case's window list the record's attachments; one is added with the note the officer writes about
it (asked before a file the record keeps already is added again), its note corrected, shown inside the program
from memory (PDF pages, an image), saved out, put in the recycle bin once confirmed and restored from the list of
the record's deleted files; a damaged scan or a Word file says it cannot be shown."""

import io
import zipfile
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from reportlab.pdfgen import canvas
from sqlalchemy import func, select

from bvct_desktop.core import attachments, recycle_bin, users, vault
from bvct_desktop.core.permissions import VIEWER
from bvct_desktop.core.personfile.foreign import FOREIGN_ELEMENTS
from bvct_desktop.core.schema import archive_requests, complaints, persons, slips
from bvct_desktop.gui.attachment_view import AttachmentView
from bvct_desktop.gui.attachments_panel import AttachmentsPanel
from bvct_desktop.gui.dialogs import NO, YES
from bvct_desktop.gui.forms.case_form import CaseForm
from bvct_desktop.gui.forms.case_steps import CaseSteps
from bvct_desktop.gui.forms.person_file import SECTIONS, EntryDialog, Section, SectionTab
from bvct_desktop.gui.forms.record_form import RecordForm
from bvct_desktop.gui.qt import QBuffer, QByteArray, QColor, QImage, QIODevice, QLabel, QStyleOptionViewItem, Qt
from tests.gui import register_support as support
from tests.gui.accessibility_support import unusable
from tests.gui.shell_support import context_for

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures

SCREEN = (1366, 768)
MARK = b"BVCT-GUI-ATTACHMENT-MARK-51c0"
LONG_NOTE = ("Công văn số 1234/PV27-Đ3 ngày 15/05/2025 của Phòng An ninh chính trị nội bộ trả lời phiếu xác minh "
             "lai lịch, kèm Bản cam kết Phụ lục II")
LONG_NAME = ("Công văn trả lời phiếu xác minh số 1234-PXM của Công an phường Nguyễn Thái Bình, "
             "quận 1, thành phố Hồ Chí Minh (bản quét có chữ ký và dấu đỏ).pdf")


def two_pages() -> bytes:
    out = io.BytesIO()
    drawn = canvas.Canvas(out)
    for page in ("Trang 1", "Trang 2"):
        drawn.drawString(72, 720, page)
        drawn.showPage()
    drawn.setTitle(MARK.decode())
    drawn.save()
    return out.getvalue()


def png() -> bytes:
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a6"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def scan(tmp_path: Path, name: str, content: bytes) -> str:
    folder = tmp_path / "may-quet"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(content)
    return str(folder / name)


def a_slip(db) -> int:
    with db.read() as connection:
        return connection.execute(select(func.min(slips.c.id))).scalar_one()


@pytest.fixture
def panel(qtbot, context, db):
    shown = AttachmentsPanel(context, "slips", a_slip(db))
    qtbot.addWidget(shown)
    return shown


def added(panel: AttachmentsPanel, path: str, note: str = "") -> int | None:
    panel.context.dialogs.answer_next(path, note)
    return panel.add()


def test_a_slip_s_form_lists_its_attachments_on_a_tab_at_1366_by_768_with_long_names(qtbot, context, db, tmp_path):
    form = RecordForm(context, "slips", a_slip(db))
    qtbot.addWidget(form)
    form.resize(*SCREEN)
    form.show()
    form.tabs.setCurrentIndex(1)
    assert form.tabs.tabText(1) == "Tệp đính kèm"
    panel = form.attachments
    added(panel, scan(tmp_path, LONG_NAME, two_pages()), LONG_NOTE)
    added(panel, scan(tmp_path, "Ảnh chụp trang 2.png", png()), "Bản cam kết Phụ lục II")
    assert [panel.table.item(row, 0).text() for row in range(2)] == [LONG_NAME, "Ảnh chụp trang 2.png"]
    assert panel.table.item(1, 1).text() == "Ảnh PNG" and panel.table.item(0, 3).text() == "15/06/2025"
    assert [b.text() for b in (panel.add_button, panel.view_button, panel.save_button, panel.delete_button)] == [
        "Thêm tệp…", "Xem", "Lưu bản sao…", "Xóa"]
    qtbot.waitExposed(form)
    qtbot.waitUntil(panel.isVisible)
    form.grab().save(str(tmp_path / "slip-attachments.png"))
    assert form.sizeHint().width() <= SCREEN[0]
    assert panel.table.horizontalHeader().sectionViewportPosition(5) + 40 < panel.table.viewport().width()


def test_a_file_of_another_type_is_refused_under_the_list_naming_it(panel, tmp_path):
    assert added(panel, scan(tmp_path, "danh-sach.pdf", b"MZ not a pdf")) is None
    assert panel.message.text().startswith("Không đính kèm được «danh-sach.pdf»: nội dung tệp không phải PDF")
    assert panel.table.rowCount() == 0


def test_a_pdf_is_shown_page_by_page_from_memory_and_nothing_reaches_the_disk(qtbot, panel, db, tmp_path):
    source = scan(tmp_path, "Trả lời.pdf", two_pages())
    added(panel, source)
    Path(source).unlink()
    panel.table.selectRow(0)
    view = panel.view()
    qtbot.addWidget(view)
    assert isinstance(view, AttachmentView) and view.pages == 2 and view.message.text() == ""
    assert not view.shown.pixmap().isNull()
    view.page.setValue(2)
    assert not view.shown.pixmap().isNull()
    view.accept()
    db.close()
    assert [p for p in tmp_path.rglob("*") if p.is_file() and MARK in p.read_bytes()] == []


def test_an_image_is_shown_and_a_damaged_scan_or_a_word_file_says_why_not(qtbot, panel, tmp_path):
    added(panel, scan(tmp_path, "ảnh.png", png()))
    added(panel, scan(tmp_path, "hỏng.pdf", b"%PDF-1.7\n\x00 cut off"))
    added(panel, scan(tmp_path, "hỏng.jpg", b"\xff\xd8\xff\xe0 cut off"))
    word = io.BytesIO()
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    added(panel, scan(tmp_path, "biên bản.docx", word.getvalue()))
    shown = []
    for row in range(4):
        panel.table.selectRow(row)
        view = panel.view()
        qtbot.addWidget(view)
        shown.append(view.message.text())
    assert shown[0] == "" and not panel.views[0].shown.pixmap().isNull()
    assert shown[1] == ("Không hiển thị được «hỏng.pdf»: tệp PDF bị hỏng hoặc không đọc được. Tệp vẫn được giữ "
                        "nguyên trong cơ sở dữ liệu; có thể «Lưu bản sao…» để mở bằng chương trình khác.")
    assert shown[2].startswith("Không hiển thị được «hỏng.jpg»: tệp Ảnh JPEG bị hỏng")
    assert shown[3] == ("Tệp «biên bản.docx» (Văn bản Word) không xem được trong chương trình: hãy «Lưu bản sao…» "
                        "rồi mở bằng Word hoặc Excel.")


def test_a_copy_is_saved_out_and_an_attachment_deleted_to_the_recycle_bin(panel, db, tmp_path):
    attachment = added(panel, scan(tmp_path, "Trả lời.png", png()))
    panel.table.selectRow(0)
    out = tmp_path / "ra" / "bản sao.png"
    out.parent.mkdir()
    panel.context.dialogs.answer_next(str(out))
    assert panel.save_copy()
    assert out.read_bytes() == png()
    assert panel.context.dialogs.shown[-1].title == "Đã lưu bản sao"
    assert panel.context.dialogs.shown[-2].suggested == "Trả lời.png"
    panel.context.dialogs.answer_next(NO)
    assert not panel.delete() and panel.table.rowCount() == 1
    assert panel.context.dialogs.shown[-1].text == ("Xóa tệp «Trả lời.png»? Tệp vào thùng rác, lấy lại được: đánh dấu "
                                                    "«Thùng rác» dưới danh sách, chọn tệp rồi «Khôi phục».")
    panel.context.dialogs.answer_next(YES)
    assert panel.delete()
    assert panel.table.rowCount() == 0
    assert recycle_bin.in_recycle_bin(db, attachments.KIND) == [attachment]


def test_the_record_s_deleted_files_are_listed_under_thung_rac_and_one_restored_back_in_the_list(panel, db,
                                                                                                  tmp_path):
    kept = added(panel, scan(tmp_path, "Trả lời.png", png()))
    deleted = added(panel, scan(tmp_path, LONG_NAME, two_pages()), LONG_NOTE)
    recycle_bin.delete(db, attachments.KIND, deleted)
    panel.reload()
    assert not panel.restore_button.isVisibleTo(panel) and panel.bin_switch.isVisibleTo(panel)
    panel.bin_switch.setChecked(True)
    assert [panel.table.item(0, column).text() for column in (0, 3, 5)] == [LONG_NAME, "15/06/2025", LONG_NOTE]
    assert panel.table.horizontalHeaderItem(3).text() == "Ngày xóa" and panel.table.rowCount() == 1
    assert [b.isVisibleTo(panel) for b in (panel.add_button, panel.view_button, panel.note_button,
                                           panel.save_button, panel.delete_button, panel.restore_button)] == [
        False, False, False, False, False, True]
    assert not panel.restore_button.isEnabled()
    panel.table.selectRow(0)
    assert panel.view() is None  # a deleted file is restored before it is looked at
    assert panel.restore()
    assert not panel.binned() and [found.id for found in panel.listed] == [kept, deleted]
    assert recycle_bin.in_recycle_bin(db, attachments.KIND) == []


def test_the_officer_writes_what_the_scan_is_when_adding_it_and_corrects_it_later(panel, db, tmp_path):
    panel.context.dialogs.answer_next(scan(tmp_path, "scan0001.pdf", two_pages()), None)
    assert panel.add() is None and panel.table.rowCount() == 0  # cancelled at the note: nothing added
    assert panel.context.dialogs.shown[-1].text == ("Ghi chú cho tệp «scan0001.pdf» (không bắt buộc): tệp là gì, "
                                                    "ví dụ «Công văn trả lời số 123/PV27», «Bản cam kết Phụ lục II».")
    added(panel, scan(tmp_path, "scan0001.pdf", two_pages()), "Công văn trả lời số 123/PV27")
    assert panel.table.item(0, 5).text() == "Công văn trả lời số 123/PV27"
    panel.table.selectRow(0)
    panel.context.dialogs.answer_next("Công văn trả lời số 124/PV27")
    assert panel.correct_note()
    assert panel.context.dialogs.shown[-1].kind == "edit_text"
    assert panel.table.item(0, 5).text() == "Công văn trả lời số 124/PV27"
    panel.table.selectRow(0)
    panel.context.dialogs.answer_next(None)
    assert not panel.correct_note()
    assert attachments.attachments_of(db, "slips", a_slip(db))[0].note == "Công văn trả lời số 124/PV27"


def test_the_same_file_again_is_told_with_the_day_it_was_added_and_added_only_when_the_officer_says_so(panel,
                                                                                                        tmp_path):
    reply = two_pages()
    added(panel, scan(tmp_path, "Trả lời.pdf", reply), "Công văn 123/PV27")
    again = scan(tmp_path, "scan0002.pdf", reply)
    panel.context.dialogs.answer_next(again, NO)
    assert panel.add() is None and panel.table.rowCount() == 1
    assert panel.context.dialogs.shown[-1].text == ("Tệp này đã đính kèm ngày 15/06/2025 (tên «Trả lời.pdf», ghi chú "
                                                    "«Công văn 123/PV27»): vẫn thêm «scan0002.pdf»?")
    panel.context.dialogs.answer_next(again, YES, "bản thứ hai")
    assert panel.add() is not None
    assert [panel.table.item(row, 0).text() for row in range(2)] == ["Trả lời.pdf", "scan0002.pdf"]


def test_a_viewer_sees_and_opens_attachments_but_neither_adds_saves_nor_deletes(qtbot, db, clock, tmp_path):
    attachments.attach(db, "slips", a_slip(db), Path(scan(tmp_path, "Trả lời.png", png())))
    users.add(db, "xemthu", VIEWER, "Xem-thu-du-lieu-2026")
    viewer = vault.unlock(db.path, "xemthu", "Xem-thu-du-lieu-2026", clock)
    try:
        panel = AttachmentsPanel(context_for(viewer, clock), "slips", a_slip(db))
        qtbot.addWidget(panel)
        assert [b.isVisibleTo(panel) for b in (panel.add_button, panel.view_button, panel.note_button,
                                               panel.save_button, panel.delete_button)] == [False, True, False,
                                                                                            False, False]
        panel.table.selectRow(0)
        qtbot.addWidget(panel.view())
        panel.bin_switch.setChecked(True)  # the deleted files are seen, as in a register's recycle bin
        assert panel.table.rowCount() == 0 and not panel.restore_button.isVisibleTo(panel)
    finally:
        viewer.close()


def test_a_private_trip_s_entry_and_a_vetting_case_s_window_hold_the_panel(qtbot, context, db, tmp_path):
    with db.read() as connection:
        person = connection.execute(select(func.min(persons.c.id))).scalar_one()
        case = connection.execute(select(slips.c.vetting_case_id).where(slips.c.vetting_case_id.is_not(None))
                                  ).scalars().first()
    trip = FOREIGN_ELEMENTS.add(db, person, {"element_kind": "Đi nước ngoài về việc riêng", "country": "Nhật Bản",
                                             "since": "01/02/2026", "until": "10/02/2026", "source": "Đơn xin đi"})
    attachments.attach(db, FOREIGN_ELEMENTS.kind, trip,
                       Path(scan(tmp_path, "Bản cam kết về thân nhân ở nước ngoài (Phụ lục II).pdf", two_pages())))
    tab = SectionTab(context, _foreign_section(), person)
    qtbot.addWidget(tab)
    entry = next(e for e in tab.entries if e.get("id") == trip)
    dialog = EntryDialog(context, tab.section, next(a for a in tab.section.actions if a.on_entry), person, entry)
    qtbot.addWidget(dialog)
    [panel] = dialog.findChildren(AttachmentsPanel)
    assert panel.table.item(0, 0).text() == "Bản cam kết về thân nhân ở nước ngoài (Phụ lục II).pdf"
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(tmp_path / "trip-attachments.png"))
    form = CaseForm(context, record_id=case)
    qtbot.addWidget(form)
    steps = form.findChild(CaseSteps)  # a tab beside the steps: the case window still fits an office screen
    assert steps.tabs.tabText(steps.tabs.count() - 1) == "Tệp đính kèm"
    assert isinstance(steps.tabs.widget(steps.tabs.count() - 1), AttachmentsPanel)
    form.resize(*SCREEN)
    form.show()
    qtbot.waitExposed(form)
    form.grab().save(str(tmp_path / "case-attachments.png"))


@pytest.mark.parametrize(("kind", "table", "name"), [
    ("complaints", complaints, "Đơn tố cáo của ông Nguyễn Văn Anh gửi Ban Tổ chức Tỉnh ủy và văn bản trả lời.pdf"),
    ("archive-requests", archive_requests,
     "Công văn trả lời của Phòng Hồ sơ nghiệp vụ Công an tỉnh Bà Rịa – Vũng Tàu số 1234-PV06.pdf"),
])
def test_a_complaint_s_and_an_archive_request_s_forms_keep_their_scans_on_a_tab_shown_when_first_looked_at(
        qtbot, context, db, tmp_path, kind, table, name):
    with db.read() as connection:
        record = connection.execute(select(func.min(table.c.id))).scalar_one()
    attachments.attach(db, kind, record, Path(scan(tmp_path, name, two_pages())), LONG_NOTE)
    form = RecordForm(context, kind, record)
    qtbot.addWidget(form)
    form.resize(*SCREEN)
    form.show()
    assert form.tabs.tabText(1) == "Tệp đính kèm" and form.attachments is None
    form.tabs.setCurrentIndex(1)
    qtbot.waitUntil(form.attachments.isVisible)
    assert [form.attachments.table.item(0, column).text() for column in (0, 5)] == [name, LONG_NOTE]
    qtbot.waitExposed(form)
    form.grab().save(str(tmp_path / f"{kind}-attachments.png"))
    assert form.sizeHint().width() <= SCREEN[0]


def _foreign_section() -> Section:
    return next(section for section in SECTIONS if section.kind == FOREIGN_ELEMENTS.kind)


def test_by_keyboard_enter_shows_the_file_on_the_row_and_the_screen_reader_names_the_list(qtbot, context, db,
                                                                                        tmp_path):
    """An officer Tabbing into the list lands on its first file (current, not yet selected): Enter shows it,
    rather than pressing «Thêm tệp…»; Narrator reads the list as «Tệp đính kèm», the viewer's page and fit by
    their names."""
    form = RecordForm(context, "slips", a_slip(db))
    qtbot.addWidget(form)
    form.show()
    form.tabs.setCurrentIndex(1)
    panel = form.attachments
    added(panel, scan(tmp_path, "Trả lời.pdf", two_pages()))
    shown = len(context.dialogs.shown)
    assert unusable(form) == []
    panel.table.setFocus()
    panel.table.setCurrentCell(0, 0)
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    [view] = panel.views
    qtbot.addWidget(view)
    assert view.pages == 2 and len(context.dialogs.shown) == shown  # no file dialog of «Thêm tệp…»
    assert unusable(view) == []  # its page and its fit named as the print preview's


def test_a_long_file_name_keeps_its_end_in_its_cell(panel, tmp_path):
    """«Công văn trả lời … (bản quét có chữ ký và dấu đỏ).pdf» cut in its middle: the end tells one scan from
    another, and the type. (Qt wrapped the name on a second line the row has no room for, cut at its end.)"""
    added(panel, scan(tmp_path, LONG_NAME, two_pages()))
    panel.table.horizontalHeader().resizeSection(0, 200)
    option = QStyleOptionViewItem()
    panel.table.initViewItemOption(option)
    shown = panel.table.fontMetrics().elidedText(LONG_NAME, option.textElideMode, 200)
    assert not panel.table.wordWrap() and shown.endswith("đỏ).pdf") and "…" in shown


def test_on_a_tab_of_its_own_the_list_keeps_off_the_tab_s_frame_under_no_second_title(qtbot, context, db):
    """The case window's tab had its list touching the tab's frame; a complaint's tab, named «Tệp đính kèm»,
    said «Tệp đính kèm» again above its list."""
    case = AttachmentsPanel(context, "slips", a_slip(db), titled=False)
    qtbot.addWidget(case)
    with db.read() as connection:
        complaint = connection.execute(select(func.min(complaints.c.id))).scalar_one()
    form = RecordForm(context, "complaints", complaint)
    qtbot.addWidget(form)
    form.tabs.setCurrentIndex(1)
    for panel in (case, form.attachments):
        panel.resize(600, 300)
        margins = panel.layout().contentsMargins()
        assert min(margins.left(), margins.top(), margins.right(), margins.bottom()) > 0
    assert [label.text() for label in form.attachments.findChildren(QLabel) if "Tệp đính kèm" in label.text()] == []
    assert form.attachments.parentWidget().layout().contentsMargins().left() == 0  # the tab's margins are the panel's


def test_a_word_file_named_pdf_is_told_when_added_and_its_copy_saved_as_word(panel, tmp_path):
    """Kept as Word by its content, the list names it as the officer did; adding says it is Word in spite of its
    name, and «Lưu bản sao…» offers «….docx», which Word opens (a «.pdf» no PDF reader opens)."""
    word = io.BytesIO()
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    added(panel, scan(tmp_path, "Biên bản thẩm tra.pdf", word.getvalue()))
    assert panel.table.item(0, 0).text() == "Biên bản thẩm tra.pdf" and panel.table.item(0, 1).text() == "Văn bản Word"
    assert panel.message.text() == ("Tệp «Biên bản thẩm tra.pdf» là văn bản Word dù tên có đuôi .pdf: được giữ là "
                                    "văn bản Word, bản sao lưu ra có đuôi .docx.")
    panel.table.selectRow(0)
    out = tmp_path / "Biên bản thẩm tra.docx"
    panel.context.dialogs.answer_next(str(out))
    assert panel.save_copy()
    asked = panel.context.dialogs.shown[-2]
    assert (asked.suggested, asked.text) == ("Biên bản thẩm tra.docx", "Văn bản Word (*.docx);;Mọi tệp (*)")
    assert zipfile.ZipFile(out).namelist() == ["word/document.xml"]
    added(panel, scan(tmp_path, "Trả lời.pdf", two_pages()))
    assert panel.message.isHidden()  # a file named as what it is: nothing to tell


def test_by_keyboard_delete_on_the_list_asks_then_bins_the_file_as_a_register_s_delete_key_does(panel, tmp_path):
    added(panel, scan(tmp_path, "Trả lời.png", png()))
    added(panel, scan(tmp_path, "Trả lời.pdf", two_pages()))
    panel.table.setFocus()
    panel.table.setCurrentCell(1, 0)
    panel.context.dialogs.answer_next(YES)
    QTest.keyClick(panel.table, Qt.Key.Key_Delete)
    assert panel.context.dialogs.shown[-1].title == "Xóa tệp đính kèm"
    assert [found.file_name for found in panel.listed] == ["Trả lời.png"]
    panel.bin_switch.setChecked(True)
    panel.table.setCurrentCell(0, 0)
    shown = len(panel.context.dialogs.shown)
    QTest.keyClick(panel.table, Qt.Key.Key_Delete)  # in the recycle bin, nothing is deleted further
    assert len(panel.context.dialogs.shown) == shown and panel.table.rowCount() == 1


def test_a_file_not_shown_says_why_under_its_name_with_no_fit_to_choose(qtbot, panel, tmp_path):
    """A Word file's window had its name and a greyed «Vừa chiều rộng» floating mid-window, the reason far below."""
    word = io.BytesIO()
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    added(panel, scan(tmp_path, "biên bản.docx", word.getvalue()))
    panel.table.selectRow(0)
    view = panel.view()
    qtbot.addWidget(view)
    qtbot.waitExposed(view)
    assert not view.fit.isVisibleTo(view)
    title = view.findChildren(QLabel)[0]
    assert view.message.y() - (title.y() + title.height()) < 40
