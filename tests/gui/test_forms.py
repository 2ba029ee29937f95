"""Record forms built from the field declarations: create, edit, inline validation, partial
dates, the person picker's warning, the unsaved-changes prompt and the cadre's file on tabs."""

import dataclasses
import datetime as dt
import time

import pytest
from PySide6.QtTest import QTest
from reportlab.pdfgen import canvas

from bvct_desktop.core import attachments, audit, browse, editing, long_text, recipients, recycle_bin
from bvct_desktop.core.errors import BusyError, BvctError
from bvct_desktop.core.kinds import SLIPS, kind_named
from bvct_desktop.core.numbers import grouped
from bvct_desktop.core.personfile import cases, relatives
from bvct_desktop.core.personfile.political import POLITICAL_NOTES
from bvct_desktop.core.personfile.vitae import DISCIPLINES
from bvct_desktop.core.schema import relatives as relatives_table
from bvct_desktop.gui import undecided
from bvct_desktop.gui.attachments_panel import AttachmentsPanel
from bvct_desktop.gui.dialogs import CANCEL, NO, YES
from bvct_desktop.gui.forms import CadreForm, RecordForm, open_form
from bvct_desktop.gui.forms.cadre_form import VITAE_PRINT
from bvct_desktop.gui.forms.inputs import MULTI_LINE_HEIGHT, show_value
from bvct_desktop.gui.forms.members import KEYS
from bvct_desktop.gui.forms.person_file import ENTRY_WIDTH, SLIP_LABEL, TALLEST_ROW
from bvct_desktop.gui.look import EmptyNote
from bvct_desktop.gui.qt import (
    QApplication,
    QComboBox,
    QEvent,
    QHelpEvent,
    QLabel,
    QPlainTextEdit,
    QPoint,
    QProgressDialog,
    QPushButton,
    QRect,
    QScrollArea,
    Qt,
    QTableView,
    QTableWidget,
    QTextDocument,
    QTimer,
    QToolTip,
    QWidget,
)
from bvct_desktop.gui.registers.columns import longest_word, wrapped_height, wraps
from bvct_desktop.gui.registers.page import RegisterPage
from tests.gui import register_support as support
from tests.gui.accessibility_support import tab_walk
from tests.gui.shell_support import FakeClock, active, on_office_screen, tab_stops, type_day, type_text
from tests.gui.tip_support import as_seen

app, sample_files, db, context = support.app, support.sample_files, support.db, support.context  # fixtures


@pytest.fixture
def clock() -> FakeClock:
    """The office's today, after the dates of early 2026 these forms are filled with (a date typed after
    today is asked about before saving: test_a_date_after_today_is_saved_only_when_the_officer_confirms)."""
    return FakeClock(dt.datetime(2026, 6, 15, 9, 30))

NEW = {
    "cadres": {"full_name": "Hoàng Thị Mới", "birth_date": "03/1955", "gender": "Nữ", "home_town": "Phan Thiết"},
    "slips": {"number": "5/PXM", "issued_on": "10/02/2026", "full_name": "Lý Văn Sáu", "birth_date": "1960",
              "recipient": "Cục A93B – Bộ Công an", "purpose": "Bổ nhiệm"},
    "archive-requests": {"request_kind": "Nhờ tỉnh bạn nghiên cứu", "province": "Khánh Hòa", "doc_on": "02/02/2026",
                         "full_name": "Đinh Văn Bảy", "birth_date": "1945"},
    "complaints": {"received_on": "01/02/2026", "complaint_kind": "Tố cáo", "summary": "Nội dung đơn mới"},
    "delegations": {"name": "Đoàn mới", "countries": "Lào", "depart_on": "01/03/2026", "return_on": "05/03/2026"},
}
EDIT = {"cadres": ("position", "Chánh Văn phòng"), "slips": ("result", "Không có vấn đề"),
        "archive-requests": ("result", "Có tài liệu"), "complaints": ("result", "Đã xử lý xong"),
        "delegations": ("countries", "Lào, Campuchia")}
AFTER = {  # a second new record of each kind, typed over its first's values
    "cadres": {"full_name": "Trần Văn Bình"},
    "slips": {"number": "6/PXM", "full_name": "Lý Văn Tư"},
    "archive-requests": {"full_name": "Đinh Văn Tám"},
    "complaints": {"summary": "Nội dung đơn thứ hai"},
    "delegations": {"name": "Đoàn thứ hai", "depart_on": "10/03/2026", "return_on": "12/03/2026"},  # its head not away
}
BAD_DATE = {"cadres": "birth_date", "slips": "issued_on", "archive-requests": "doc_on",
            "complaints": "received_on", "delegations": "depart_on"}


def _page(qtbot, context, kind):
    page = RegisterPage(context, kind)
    qtbot.addWidget(page)
    return page


def _file_of_anh(qtbot, context) -> CadreForm:
    """The file of Trần Thị Anh, the cadre the sample's slips are about."""
    form = open_form(context, "cadres", browse.record_ids(context.db, "cadres", "tran thi anh")[0])
    qtbot.addWidget(form)
    return form


def _fill_new(form, values: dict[str, str]) -> None:
    """`values` typed into a new record's form; a delegation also gets its head."""
    support.fill(form, values)
    if form.members is not None:
        form.members.add_member({"full_name": "Nguyễn Văn Hùng", "birth_date": "1965-03-12", "role": "Trưởng đoàn"})


@pytest.mark.parametrize("kind", list(NEW))
def test_a_new_record_is_created_from_the_form(qtbot, context, kind):
    page = _page(qtbot, context, kind)
    before = page.model.rowCount()
    page.new_record()
    form = page.forms[None]
    assert form.windowTitle().endswith("Thêm mới")
    _fill_new(form, NEW[kind])
    assert form.is_dirty()
    assert form.save(), form.message.text()
    assert form.message.text() == "Đã lưu."
    assert page.model.rowCount() == before + 1  # the page refreshed on the notifier
    assert form.record_id in page.model.ids and not form.is_dirty()


@pytest.mark.parametrize("kind", list(NEW))
def test_them_after_a_save_opens_an_empty_form_and_the_record_saved_keeps_its_own(qtbot, context, kind):
    """The tour's lost cadre: «Thêm» after saving a new record brought back that record's form, and the
    next one typed there was saved over it."""
    page = _page(qtbot, context, kind)
    before = page.model.rowCount()
    page.buttons["add"].click()
    first = page.forms[None]
    _fill_new(first, NEW[kind])
    assert first.save(), first.message.text()
    stored = editing.load(context.db, kind, first.record_id)
    page.buttons["add"].click()
    second = page.forms[None]
    assert second is not first and second.windowTitle().endswith("Thêm mới")
    blank = open_form(context, kind, None)
    qtbot.addWidget(blank)
    assert support.shown_values(second) == support.shown_values(blank)
    _fill_new(second, {**NEW[kind], **AFTER[kind]})
    assert second.save(), second.message.text()
    assert second.record_id != first.record_id and page.model.rowCount() == before + 2
    assert editing.load(context.db, kind, first.record_id) == stored
    page.open_record(first.record_id)
    assert page.forms == {first.record_id: first, second.record_id: second}
    first.close()
    assert page.forms == {second.record_id: second}


def _case_opened(page):
    """The case window of the register's «Thêm», a case opened in it for Trần Thị Anh (Quy hoạch, 01/03/2026)."""
    page.new_record()
    form = page.forms[None]
    type_text(form.picker.search, "tran thi anh")
    form.picker.results.setCurrentRow(0)
    form.picker.use_button.click()
    support.fill(form.dialog, {"purpose": "Quy hoạch", "opened_on": "01/03/2026"})
    assert form.dialog.save(), form.dialog.message.text()
    return form


def test_them_after_opening_a_vetting_case_asks_whom_the_next_one_is_about(qtbot, context):
    page = _page(qtbot, context, "vetting-cases")
    opened = _case_opened(page)
    page.new_record()
    fresh = page.forms[None]
    assert fresh is not opened and fresh.windowTitle() == "Hồ sơ thẩm tra – Mở hồ sơ mới"
    page.open_record(opened.record_id)
    assert page.forms == {opened.record_id: opened, None: fresh}


def test_a_vetting_case_opened_from_its_register_is_one_view_and_its_re_reads_none(qtbot, context):
    page = _page(qtbot, context, "vetting-cases")
    case_id = _case_opened(page).record_id

    def views() -> int:
        return sum((entry.action, entry.kind, entry.record_id) == (audit.VIEWED, cases.KIND, case_id)
                   for entry in audit.list_entries(context.db))

    assert views() == 0  # just opened by this officer: its «thêm» is in the trail
    form = open_form(context, "vetting-cases", case_id)  # as from its register or the dashboard
    qtbot.addWidget(form)
    form.show()
    assert views() == 1
    context.notifier.changed.emit("slips")  # a slip of it saved elsewhere: the case shown again
    assert views() == 1


@pytest.mark.parametrize("kind", list(EDIT))
def test_an_edit_is_saved_and_shown_in_the_register(qtbot, context, kind):
    page = _page(qtbot, context, kind)
    record_id = page.model.record_id(0)
    page.open_record(record_id)
    form = page.forms[record_id]
    key, value = EDIT[kind]
    support.fill(form, {key: value})
    assert form.save(), form.message.text()
    column = [c.key for c in browse.view(kind).columns].index(key)
    assert page.model.index(page.model.row_of(record_id), column).data() == value


@pytest.mark.parametrize("kind", list(EDIT))
def test_a_form_sends_every_field_of_its_kind_and_saved_as_opened_changes_nothing(qtbot, context, kind):
    """A field added to a kind later («Nơi sinh» of a cadre, of a slip) is on its form: an officer saving a
    record never leaves one out, which would keep it as stored rather than as shown (editing.save)."""
    page = _page(qtbot, context, kind)
    record_id = page.model.record_id(0)
    page.open_record(record_id)
    form = page.forms[record_id]
    fields = kind_named(kind).fields
    members = set(editing.MEMBER_PERSON_KEYS + editing.MEMBER_KEYS) if kind == "delegations" else set()
    assert set(form.values()) - {editing.MEMBERS} == {spec.key for spec in fields} - members
    before = editing.load(context.db, kind, record_id)
    assert form.save(), form.message.text()
    assert editing.load(context.db, kind, record_id)[editing.VERSION] == before[editing.VERSION]


def test_a_save_over_someone_elses_change_is_refused_and_the_typed_values_stay(qtbot, context):
    page = _page(qtbot, context, "cadres")
    record_id = page.model.record_id(0)
    page.open_record(record_id)
    form = page.forms[record_id]
    support.fill(form, {"position": "Chánh Văn phòng"})
    meanwhile = editing.load(context.db, "cadres", record_id)  # saved from another window or PC
    editing.save(context.db, "cadres", {**meanwhile, "note": "sửa ở máy khác"}, record_id, meanwhile["person_id"],
                 meanwhile[editing.VERSION])
    assert not form.save()
    assert form.message.text().startswith(f"Bản ghi đã được {context.db.actor.name} sửa lúc")
    assert form.values()["position"] == "Chánh Văn phòng" and form.is_dirty()
    assert editing.load(context.db, "cadres", record_id)["position"] != "Chánh Văn phòng"


def test_a_save_the_database_cannot_take_is_told_on_the_form_and_the_typed_values_stay(qtbot, context, monkeypatch):
    """The office server out of reach when the officer pressed «Lưu»: the look before saving (what to
    confirm) raised out of the form — a box from nowhere, the form itself saying nothing."""
    page = _page(qtbot, context, "cadres")
    record_id = page.model.record_id(0)
    page.open_record(record_id)
    form = page.forms[record_id]
    support.fill(form, {"position": "Chánh Văn phòng"})
    lost = BvctError("Không kết nối được máy chủ cơ sở dữ liệu 10.0.0.5:5432; kiểm tra mạng nội bộ và máy chủ.")

    def out_of_reach(*_args, **_kwargs):
        raise lost

    with monkeypatch.context() as server_down:
        server_down.setattr(editing, "to_confirm", out_of_reach)
        server_down.setattr(editing, "save", out_of_reach)
        assert not form.save()
    assert form.message.text() == lost.message and context.dialogs.shown == []
    assert form.values()["position"] == "Chánh Văn phòng" and form.is_dirty()
    assert form.save() and editing.load(context.db, "cadres", record_id)["position"] == "Chánh Văn phòng"


def _busy_while(monkeypatch, still_busy) -> None:
    """`editing.save` refused as the office server refuses a write past its busy time while another
    officer («hoa») imports a long list — for as long as `still_busy()` — then saving as it does."""
    save = editing.save

    def waited(*args, **kwargs):
        if still_busy():
            time.sleep(0.1)  # the busy time the server waited
            raise BusyError("«hoa» đang ghi vào cơ sở dữ liệu quá lâu (có thể đang nhập một danh sách dài); thao tác "
                            "của bạn chưa được ghi, hãy thử lại sau.", "hoa")
        return save(*args, **kwargs)

    monkeypatch.setattr(editing, "save", waited)


def _waiting_dialog(seen: list[str], cancel: bool = False) -> None:
    """What the window waiting on the database says, looked at once it shows; its «Hủy» pressed if `cancel`."""
    def look() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.labelText() if isinstance(dialog, QProgressDialog) else "")
        if cancel and seen[-1]:
            dialog.findChild(QPushButton).click()

    QTimer.singleShot(1_000, look)


def test_a_save_while_another_officer_imports_waits_saying_for_whom_and_saves_once_they_are_done(qtbot, context,
                                                                                               monkeypatch):
    """A 20,000-row import holds the office server's write for about a minute: a save in the meantime
    was refused after 5 s («hãy thử lại sau») and the officer pressed «Lưu» again and again."""
    page = _page(qtbot, context, "cadres")
    record_id = page.model.record_id(0)
    page.open_record(record_id)
    form = page.forms[record_id]
    support.fill(form, {"position": "Chánh Văn phòng"})
    ends = time.monotonic() + 2
    _busy_while(monkeypatch, lambda: time.monotonic() < ends)
    seen: list[str] = []
    _waiting_dialog(seen)
    assert form.save()
    assert "«hoa» đang ghi" in seen[0] and "Đang chờ" in seen[0] and "chưa lưu" in seen[0]
    assert form.message.text() == "Đã lưu." and not form.is_dirty()
    assert editing.load(context.db, "cadres", record_id)["position"] == "Chánh Văn phòng"


def test_an_officer_who_stops_waiting_for_another_officers_import_keeps_what_was_typed(qtbot, context, monkeypatch):
    page = _page(qtbot, context, "cadres")
    record_id = page.model.record_id(0)
    page.open_record(record_id)
    form = page.forms[record_id]
    support.fill(form, {"position": "Chánh Văn phòng"})
    _busy_while(monkeypatch, lambda: True)
    seen: list[str] = []
    _waiting_dialog(seen, cancel=True)
    assert not form.save()
    assert "Đang chờ" in seen[0]
    assert form.message.text().startswith("Chưa lưu") and "«hoa»" in form.message.text()
    assert form.values()["position"] == "Chánh Văn phòng" and form.is_dirty()
    assert editing.load(context.db, "cadres", record_id)["position"] != "Chánh Văn phòng"


def test_a_person_files_entry_saved_while_another_officer_imports_waits_and_saves_once_they_are_done(
        qtbot, context, monkeypatch):
    """As a record's form: the file's dialogs (and the case window's, the same dialog) were refused after 5 s."""
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Thân nhân")
    tab.buttons["Thêm"].click()
    support.fill(tab.dialog, {"relation": "Con", "full_name": "Lê Minh Trí", "birth_date": "1995"})
    ends, run = time.monotonic() + 2, tab.dialog.action.run

    def waited(*args):
        if time.monotonic() < ends:
            time.sleep(0.1)
            raise BusyError("«hoa» đang ghi vào cơ sở dữ liệu quá lâu; thao tác của bạn chưa được ghi.", "hoa")
        return run(*args)

    monkeypatch.setattr(tab.dialog, "action", dataclasses.replace(tab.dialog.action, run=waited))
    seen: list[str] = []
    _waiting_dialog(seen)
    assert tab.dialog.save(), tab.dialog.message.text()
    assert "«hoa» đang ghi" in seen[0] and "Đang chờ" in seen[0]
    assert "Lê Minh Trí" in [tab.table.item(row, 1).text() for row in range(tab.table.rowCount())]


@pytest.mark.parametrize("kind", list(BAD_DATE))
def test_a_wrong_date_is_explained_under_its_field_and_nothing_is_saved(qtbot, context, kind):
    page = _page(qtbot, context, kind)
    page.new_record()
    form = page.forms[None]
    support.fill(form, NEW[kind])
    key = BAD_DATE[kind]
    support.fill(form, {key: "31/02/2026"})
    error = form.errors[key]
    assert error.isVisibleTo(form)
    assert error.text() == f"{form.kind.field(key).header}: ngày 31/02/2026 không tồn tại"
    assert not form.save()
    assert form.message.text() == f"Chưa lưu: hãy sửa các ô báo đỏ, trước hết ô «{form.kind.field(key).header}»."
    assert page.model.rowCount() == browse.count(context.db, kind)


@pytest.mark.parametrize(("typed", "first"), [({"result_on": "01/02/2026"}, "result_on"),
                                              ({"recipient": "", "result_on": "01/02/2026"}, "recipient")])
def test_a_refused_save_brings_the_first_red_field_into_view_and_names_it(qtbot, context, typed, first):
    """The red field may be far down a long form (a slip's reply before its issue date, or no recipient)."""
    page = _page(qtbot, context, "slips")
    page.new_record()
    form = page.forms[None]
    support.fill(form, {**NEW["slips"], **typed})
    form.resize(760, 420)  # a short screen: the reply's fields are below the fold
    widget, area = form.inputs[first], form.fields_area
    form.inputs["number"].setFocus()  # where the officer starts, at the top
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    assert not in_view(area, widget)
    assert not form.save()
    header = form.kind.field(first).header
    assert form.message.text() == f"Chưa lưu: hãy sửa các ô báo đỏ, trước hết ô «{header}»."
    assert form.focusWidget() is widget
    qtbot.waitUntil(lambda: in_view(area, widget))
    assert in_view(area, form.errors[first])  # and the reason under it


def test_a_fields_error_is_the_line_right_under_it_and_the_next_field_follows(qtbot, context):
    """A short form leaves room to spare in its window: that room is not the red line's."""
    form = open_form(context, "archive-requests", browse.record_ids(context.db, "archive-requests")[0])
    qtbot.addWidget(form)
    form.resize(760, 640)
    form.show()
    qtbot.waitExposed(form)
    support.fill(form, {"doc_on": "15/06/2026", "answered_on": "01/06/2026"})
    assert not form.save()
    field, error, below = form.inputs["answered_on"], form.errors["answered_on"], form.inputs["reply_no"]
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "Ngày trả lời (01/06/2026) trước Ngày văn bản (15/06/2026): hãy xem lại một trong hai ngày"
    top = error.mapTo(form, error.rect().topLeft()).y()
    assert 0 <= top - field.mapTo(form, field.rect().bottomLeft()).y() <= 4
    assert error.height() < 2 * error.fontMetrics().height()
    assert below.mapTo(form, below.rect().topLeft()).y() - (top + error.height()) <= 12


def in_view(area, widget) -> bool:
    top = widget.mapTo(area.viewport(), widget.rect().topLeft()).y()
    return 0 <= top and top + widget.height() <= area.viewport().height()


def test_required_fields_are_marked_and_checked(qtbot, context):
    form = open_form(context, "complaints", None)
    qtbot.addWidget(form)
    labels = [label.text() for label in form.findChildren(QLabel) if "*" in label.text()]
    assert any(text.startswith("Ngày nhận <span") for text in labels)
    assert not form.save()
    assert form.errors["summary"].text() == "Nội dung tóm tắt: bắt buộc, không được để trống"
    assert isinstance(form.inputs["summary"], QPlainTextEdit)
    assert isinstance(form.inputs["complaint_kind"], QComboBox)
    assert [form.inputs["complaint_kind"].itemText(i) for i in range(5)] == ["", "Tố cáo", "Khiếu nại", "Phản ánh",
                                                                              "Kiến nghị"]


@pytest.mark.parametrize(("kind", "key"), [("complaints", "summary"), ("archive-requests", "full_name"),
                                         ("delegations", "name")])
def test_a_required_field_of_invisible_characters_only_is_refused_as_empty(qtbot, context, kind, key):
    """Pasted text that was only a zero-width space, a BOM or non-breaking spaces holds nothing."""
    page = _page(qtbot, context, kind)
    page.new_record()
    form = page.forms[None]
    support.fill(form, {**NEW[kind], key: "\ufeff\u00a0\u200b \u00a0"})
    if kind == "delegations":
        form.members.add_member({"full_name": "Nguyễn Văn Hùng", "birth_date": "1965-03-12", "role": "Trưởng đoàn"})
    before = browse.count(context.db, kind)
    assert not form.save() and form.record_id is None
    assert form.errors[key].text() == f"{form.kind.field(key).header}: bắt buộc, không được để trống"
    assert browse.count(context.db, kind) == before


@pytest.mark.parametrize(("typed", "stored"), [("1955", "1955"), ("03/1955", "1955-03"), ("12/03/1955", "1955-03-12")])
def test_partial_birth_dates_are_typed_as_known(qtbot, context, typed, stored):
    form = open_form(context, "cadres", None)
    qtbot.addWidget(form)
    type_text(form.inputs["full_name"], "Võ Thị Ánh")
    type_text(form.inputs["birth_date"], typed)
    assert not form.errors["birth_date"].isVisibleTo(form)
    assert form.save(), form.message.text()
    assert editing.load(context.db, "cadres", form.record_id)["birth_date"] == stored


def test_the_people_who_may_be_the_one_typed_are_looked_for_once_the_officer_pauses(qtbot, context, monkeypatch):
    """Over 150,000 persons each key of «Nguyễn» in a new slip's name took 0.2-0.3 s: every person with a word
    beginning so was read to find those of the same name. They are looked for once the typing pauses."""
    form = open_form(context, "slips", None)
    qtbot.addWidget(form)
    looked = []
    possible_duplicates = editing.possible_duplicates
    monkeypatch.setattr(editing, "possible_duplicates", lambda *args, **kwargs: looked.append(args[1].full_name) or
                        possible_duplicates(*args, **kwargs))

    type_text(form.inputs["full_name"], "Phạm Văn Bình")
    assert looked == []
    qtbot.waitUntil(lambda: form.picker.warning.isVisibleTo(form))
    assert looked == ["Phạm Văn Bình"]


def test_the_picker_warns_that_the_person_exists_and_reuses_them(qtbot, context):
    form = open_form(context, "slips", None)
    qtbot.addWidget(form)
    type_text(form.inputs["full_name"], "Phạm Văn Bình")
    type_text(form.inputs["birth_date"], "1950")
    warning = form.picker.warning
    qtbot.waitUntil(lambda: warning.isVisibleTo(form))  # once the officer pauses
    assert warning.text().startswith("<b>Có thể trùng với một người đã có</b>")
    known = form.picker.results.item(0).text().splitlines()
    assert known == ["Phạm Văn Bình, sinh 1950, quê Hàm Tiến",
                     "– Phiếu 1/PXM ngày 03/01/2026: chờ trả lời",
                     "– Phiếu 12/PXM ngày 05/01/2025: trả lời ngày 20/02/2025 — Không có tàng thư"]
    form.picker.results.setCurrentRow(0)
    form.picker.use_button.click()
    assert form.person_id is not None
    assert support.shown_values(form)["home_town"] == "Hàm Tiến"
    support.fill(form, {"number": "9/PXM", "issued_on": "02/03/2026", "recipient": "Cục A93B – Bộ Công an"})
    context.dialogs.answer_next(YES)  # 1/PXM about him still waits: saving asks first
    assert form.save(), form.message.text()
    assert context.dialogs.shown[-1].text.startswith(
        "Đã có phiếu về người này chưa được trả lời: Phiếu 1/PXM ngày 03/01/2026 gửi Cục A93B – Bộ Công an")
    assert editing.load(context.db, "slips", form.record_id)["person_id"] == form.person_id


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Space])
def test_a_namesake_is_reused_by_keyboard_alone(qtbot, context, key):
    """Shift+Tab from the birth date reaches the people who may be the same (the first one current), and Enter
    or Space there uses them, as «Dùng người này» does; Space did nothing."""
    form = open_form(context, "slips", None)
    qtbot.addWidget(form)
    active(qtbot, form)
    type_text(form.inputs["full_name"], "Phạm Văn Bình")
    form.inputs["birth_date"].setFocus()
    type_text(form.inputs["birth_date"], "1950")
    qtbot.waitUntil(lambda: form.picker.warning.isVisibleTo(form))
    while QApplication.focusWidget() is not form.picker.results:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert form.picker.results.currentRow() == 0 and form.picker.use_button.isEnabled()
    QTest.keyClick(form.picker.results, key)
    assert form.person_id is not None
    assert form.message.text() == "Dùng người đã có: Phạm Văn Bình, sinh 1950, quê Hàm Tiến"


def test_a_slip_saved_about_a_second_person_of_the_same_name_is_given_the_person_already_recorded(qtbot, context):
    """The same human entered twice (an old slip without the birth date): typing the birth date on that slip
    made it «trùng với người đã có» and nothing else could be done. Its form warns as a new one does, and
    «Dùng người này» makes the slip about the person already recorded."""
    first = open_form(context, "slips", None)
    qtbot.addWidget(first)
    support.fill(first, {"number": "9/PXM", "issued_on": "02/03/2026", "full_name": "Phạm Văn Bình",
                         "home_town": "Hàm Tiến", "recipient": "Cục A93B – Bộ Công an", "purpose": "Khác"})
    assert first.save(), first.message.text()
    recorded = browse.record_ids(context.db, "slips", "12/PXM")[0]
    known = editing.load(context.db, "slips", recorded)["person_id"]
    assert editing.load(context.db, "slips", first.record_id)["person_id"] != known
    form = open_form(context, "slips", first.record_id)
    qtbot.addWidget(form)
    type_text(form.inputs["birth_date"], "1950")
    qtbot.waitUntil(lambda: form.picker.warning.isVisibleTo(form))  # once the officer pauses
    assert form.picker.results.item(0).text().startswith("Phạm Văn Bình, sinh 1950, quê Hàm Tiến")
    form.picker.results.setCurrentRow(0)
    form.picker.use_button.click()
    assert form.save(), form.message.text()
    assert editing.load(context.db, "slips", first.record_id)["person_id"] == known


def _binh_picked(qtbot, context, slip: int | None) -> RecordForm:
    """The slip's form (a new slip's for None), Phạm Văn Bình found by typing and picked as its person."""
    form = open_form(context, "slips", slip)
    qtbot.addWidget(form)
    type_text(form.picker.search, "pham van binh")
    form.picker.results.setCurrentRow(0)
    form.picker.use_button.click()
    return form


def test_an_edited_record_whose_picked_person_is_dropped_stays_about_its_own_person(qtbot, context):
    """«Không dùng người này» on an edited slip made it about nobody, so saving found or made a third person."""
    slip = browse.record_ids(context.db, "slips", "13/PXM")[0]
    own = editing.load(context.db, "slips", slip)["person_id"]
    form = _binh_picked(qtbot, context, slip)
    assert form.person_id != own
    form.inputs["birth_date"].clear()
    type_text(form.inputs["birth_date"], "1951")
    form.picker.drop_button.click()
    assert form.person_id == own
    assert "vẫn nói về người của nó" in form.message.text()


def test_a_cadre_s_file_is_not_offered_to_be_given_another_person(qtbot, context):
    """The cadre's record is the file the person's slips, relatives and trips hang on: «Dùng người này» there
    would take the cadre away from them. A second entry is corrected on its own record instead."""
    form = open_form(context, "cadres", browse.record_ids(context.db, "cadres", "Nguyễn Văn Hùng")[0])
    qtbot.addWidget(form)
    assert form.picker is None
    new = open_form(context, "cadres", None)
    qtbot.addWidget(new)
    assert new.picker is not None


def test_the_keyboard_picks_a_person_already_recorded_and_saves_nothing(qtbot, context):
    """Enter on a candidate in «Người đã có» saved the form (its «Lưu» is the default button) instead of
    using that person; Enter in the picker's search box saved it too."""
    form = open_form(context, "slips", None)
    qtbot.addWidget(form)
    active(qtbot, form)
    picker = form.picker
    type_text(picker.search, "pham van binh")
    QTest.keyClick(picker.search, Qt.Key.Key_Return)
    assert form.record_id is None and context.dialogs.shown == []
    assert not any(error.isVisibleTo(form) for error in form.errors.values())
    assert QApplication.focusWidget() is picker.results and picker.results.currentRow() == 0
    QTest.keyClick(picker.results, Qt.Key.Key_Return)
    assert form.record_id is None and context.dialogs.shown == []
    assert form.person_id == picker.results.item(0).data(Qt.ItemDataRole.UserRole).person_id
    assert support.shown_values(form)["full_name"] == "Phạm Văn Bình"
    picker.search.setFocus()
    QTest.keyClick(picker.search, Qt.Key.Key_Down)  # the arrow goes down into the list too
    assert QApplication.focusWidget() is picker.results


def test_searching_the_picker_without_accents(qtbot, context):
    form = open_form(context, "archive-requests", None)
    qtbot.addWidget(form)
    type_text(form.picker.search, "huynh tam")
    assert form.picker.results.count() == 1
    assert form.picker.results.item(0).text().startswith("Huỳnh Văn Tám, sinh 1948, quê Tánh Linh")


def test_closing_with_unsaved_changes_asks_first(qtbot, context):
    form = open_form(context, "complaints", None)
    qtbot.addWidget(form)
    form.show()
    support.fill(form, {"summary": "Chưa lưu"})
    context.dialogs.answer_next(CANCEL)
    form.close()
    assert form.isVisible()
    assert context.dialogs.shown[-1].text == "Hồ sơ có thay đổi chưa lưu. Lưu trước khi đóng?"
    context.dialogs.answer_next(NO)
    form.close()
    assert not form.isVisible()
    assert browse.count(context.db, "complaints") == 2


def test_a_page_reports_open_forms_with_unsaved_changes(qtbot, context):
    page = _page(qtbot, context, "cadres")
    assert not page.has_unsaved_changes()
    page.open_record(page.model.record_id(0))
    support.fill(next(iter(page.forms.values())), {"position": "Giám đốc Sở"})
    assert page.has_unsaved_changes()


def _tab(form, title: str):
    """The cadre form's page of that title, brought into view (a 2C section's inside «Lý lịch 2C»)."""
    return form.show_page(title)


def test_the_cadre_form_shows_the_whole_file_of_the_person(qtbot, context):
    hung = browse.record_ids(context.db, "cadres", "nguyen van hung")[0]
    form = open_form(context, "cadres", hung)
    qtbot.addWidget(form)
    assert isinstance(form, CadreForm)
    titles = [form.tabs.tabText(i) for i in range(form.tabs.count())]
    assert titles == ["Thông tin", "Lý lịch 2C", "Thân nhân", "Yếu tố nước ngoài", "Vấn đề chính trị",
                      "Hồ sơ thẩm tra", "Phiếu xác minh", "Nghiên cứu tàng thư", "Đoàn ra nước ngoài", "Hộ chiếu",
                      "Đơn thư"]
    assert [form.vitae.tabText(i) for i in range(form.vitae.count())] == [
        "Khen thưởng", "Kỷ luật", "Đào tạo, bồi dưỡng", "Quá trình công tác", "Đặc điểm lịch sử bản thân",
        "Quá trình lương", "Đánh giá, xếp loại"]  # form 2C's items 21, 22, 27, 28, 29, 31, 32
    relatives_tab = _tab(form, "Thân nhân")
    assert relatives_tab.table.rowCount() == 3
    complaints_tab = _tab(form, "Đơn thư")
    assert complaints_tab.model().rowCount() == 1  # the complaint naming him
    opened = complaints_tab.open_record(complaints_tab.model().record_id(0))
    assert opened.windowTitle() == "Đơn thư – Sửa: Nguyễn Văn Hùng"


def test_the_research_asked_of_another_province_s_archive_about_a_cadre_is_on_his_file(qtbot, context):
    """Hùng's old-regime records would be in Hồ Chí Minh City's archive: the request and its reply are on
    the «Nghiên cứu tàng thư» tab of his file, and open from there."""
    editing.save(context.db, "archive-requests", {
        "request_kind": "Nhờ tỉnh bạn nghiên cứu", "province": "Thành phố Hồ Chí Minh", "doc_no": "21-CV/BTCTU",
        "doc_on": "05/03/2026", "full_name": "Nguyễn Văn Hùng", "birth_date": "12/03/1965",
        "home_town": "Phú Thủy, Phan Thiết", "answered_on": "20/04/2026", "result": "Không có tài liệu lưu trữ"})
    form = open_form(context, "cadres", browse.record_ids(context.db, "cadres", "nguyen van hung")[0])
    qtbot.addWidget(form)
    titles = [form.tabs.tabText(i) for i in range(form.tabs.count())]
    tab = form.tabs.widget(titles.index("Nghiên cứu tàng thư"))
    assert tab.model().rowCount() == 1
    assert tab.open_record(tab.model().record_id(0)).windowTitle() == "Nghiên cứu tàng thư – Sửa: Nguyễn Văn Hùng"


def test_a_note_about_a_relative_no_longer_listed_says_so_and_keeps_them_when_edited(qtbot, context):
    """A first-version database holds a finding about Hùng's father, deleted since: the tab says the relative is
    no longer listed (not an empty cell, which reads as Hùng himself) and «Sửa» keeps the father."""
    form = open_form(context, "cadres", browse.record_ids(context.db, "cadres", "nguyen van hung")[0])
    qtbot.addWidget(form)
    father = relatives.list_relatives(context.db, form.person_id)[0]
    POLITICAL_NOTES.add(context.db, form.person_id, {"axis": "Lịch sử chính trị", "content": "Cha đẻ là lính chế độ cũ",
                                                     "relative_id": father.id})
    with context.db.write() as connection:
        connection.execute(relatives_table.update().where(relatives_table.c.id == father.id)
                           .values(deleted_at=dt.datetime(2026, 1, 5)))
    tab = form.tabs.widget([form.tabs.tabText(i) for i in range(form.tabs.count())].index("Vấn đề chính trị"))
    tab.reload()
    assert tab.table.item(0, tab.table.columnCount() - 1).text() == "(đã xóa khỏi danh sách thân nhân)"
    tab.table.selectRow(0)
    tab.buttons["Sửa"].click()
    assert tab.dialog.relative.currentText() == "(đã xóa khỏi danh sách thân nhân)"
    support.fill(tab.dialog, {"effect": "Chưa kết luận"})
    assert tab.dialog.save(), tab.dialog.message.text()
    assert POLITICAL_NOTES.of_owner(context.db, form.person_id)[0]["relative_id"] == father.id


def test_a_relative_living_abroad_shows_on_the_foreign_elements_tab_until_one_is_recorded(qtbot, context):
    """The relatives list says Hùng's son lives in Hoa Kỳ: the «Yếu tố nước ngoài» tab shows it in grey,
    edited on the relatives' tab; an element recorded about the son takes its place."""
    form = open_form(context, "cadres", browse.record_ids(context.db, "cadres", "nguyen van hung")[0])
    qtbot.addWidget(form)
    tab = _tab(form, "Yếu tố nước ngoài")
    assert tab.table.rowCount() == 1
    cells = [tab.table.item(0, column).text() for column in range(tab.table.columnCount())]
    assert cells[:2] == ["Thân nhân ở nước ngoài", "Hoa Kỳ"] and cells[-1].startswith("Con: ")
    assert "Danh sách thân nhân" in cells
    tab.table.selectRow(0)
    tab.buttons["Sửa"].click()
    assert tab.dialog is None and "sửa hay xóa ở thẻ «Thân nhân»" in tab.message.text()
    tab.buttons["Thêm"].click()
    support.fill(tab.dialog, {"element_kind": "Thân nhân ở nước ngoài", "country": "Hoa Kỳ", "since": "2015",
                              "source": "Lý lịch 2C"})
    assert not tab.dialog.save()
    assert "hãy chọn thân nhân ở ô «Về thân nhân»" in tab.dialog.message.text()
    tab.dialog.relative.setCurrentIndex(tab.dialog.relative.findText(cells[-1]))
    assert tab.dialog.save(), tab.dialog.message.text()
    assert tab.table.rowCount() == 1
    assert "Lý lịch 2C" in [tab.table.item(0, column).text() for column in range(tab.table.columnCount())]


def test_a_relative_is_added_on_the_cadres_file(qtbot, context):
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Thân nhân")
    before = tab.table.rowCount()
    tab.buttons["Thêm"].click()
    support.fill(tab.dialog, {"relation": "Con", "full_name": "Lê Minh Trí", "birth_date": "1995"})
    assert tab.dialog.save()
    assert tab.table.rowCount() == before + 1
    names = [tab.table.item(row, 1).text() for row in range(tab.table.rowCount())]
    assert names[-2:] == ["Lê Minh Trí", "Võ Thị Bảy"]  # her son before her mother-in-law, as on form 2C


def test_a_deceased_relative_reads_died_in_one_column_and_the_form_keeps_both_fields(qtbot, context):
    """Officers read one word, «đã mất năm 1970», not «Đã mất: Có» beside «Năm mất: khoảng 1970» (nor «Ở nước
    ngoài: Có» beside the country: «ở nước ngoài»); «Sửa» still offers the fields, filled."""
    form = _file_of_anh(qtbot, context)
    for name, died in (("Tôn Nữ Thị Hoàng Yến Ngọc Bích Phương Thảo", {"death_date": "khoảng 1970"}),
                       ("Lê Văn Thành", {"deceased": "Có", "death_date": "1985"}),
                       ("Lê Thị Ba", {"deceased": "Có"}), ("Lê Văn Tư", {}),
                       ("Lê Văn Năm", {"abroad": "Có", "country": "Hoa Kỳ"})):
        relatives.add_relative(context.db, form.person_id, {"relation": "Anh/chị/em", "full_name": name,
                                                            "birth_date": "1950", **died})
    tab = _tab(form, "Thân nhân")
    tab.reload()
    headers = [tab.table.horizontalHeaderItem(column).text() for column in range(tab.table.columnCount())]
    assert "Đã mất" not in headers and "Năm mất" not in headers and "Ở nước ngoài" not in headers
    rows = {tab.table.item(row, 1).text(): tab.table.item(row, headers.index("Hiện nay")).text()
            for row in range(tab.table.rowCount())}
    assert [rows[name] for name in ("Tôn Nữ Thị Hoàng Yến Ngọc Bích Phương Thảo", "Lê Văn Thành", "Lê Thị Ba",
                                    "Lê Văn Tư", "Lê Văn Năm")] == ["đã mất khoảng năm 1970", "đã mất năm 1985",
                                                                    "đã mất", "", "ở nước ngoài"]
    tab.table.selectRow(next(i for i, entry in enumerate(tab.entries) if entry["full_name"] == "Lê Văn Thành"))
    tab.buttons["Sửa"].click()
    shown = support.shown_values(tab.dialog)
    assert (shown["deceased"], shown["death_date"]) == ("Có", "1985")


def test_a_relative_who_is_a_party_member_reads_so_in_the_one_column_of_what_they_are_now(qtbot, monkeypatch,
                                                                                          context):
    """«Đảng viên» has no column of its own on the «Thân nhân» tab, read whole at 1366×768: «Hiện nay» says it, for
    a relative declared so and for one whose entry in the cadres register has «Ngày vào Đảng»; «Sửa» offers the
    field, filled."""
    anh = browse.record_ids(context.db, "cadres", "tran thi anh")[0]
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "cadres", anh))
    for name, member in (("Lê Văn Thành", {"party_member": "Có"}),
                         ("Lê Văn Năm", {"party_member": "Có", "abroad": "Có", "country": "Lào"}),
                         ("Lê Thị Ba", {"party_member": "Có", "deceased": "Có"}), ("Lê Văn Tư", {})):
        relatives.add_relative(context.db, form.person_id, {"relation": "Anh/chị/em", "full_name": name,
                                                            "birth_date": "1950", **member})
    tu = next(r for r in relatives.list_relatives(context.db, form.person_id) if r.full_name == "Lê Văn Tư")
    editing.save(context.db, "cadres", {"full_name": tu.full_name, "birth_date": tu.birth_date,
                                        "party_joined_on": "03/02/1975"}, person_id=tu.relative_id)
    tab = _tab(form, "Thân nhân")
    tab.reload()
    headers = [tab.table.horizontalHeaderItem(column).text() for column in range(tab.table.columnCount())]
    assert "Đảng viên" not in headers
    rows = {tab.table.item(row, 1).text(): tab.table.item(row, headers.index("Hiện nay")).text()
            for row in range(tab.table.rowCount())}
    assert [rows[name] for name in ("Lê Văn Thành", "Lê Văn Năm", "Lê Thị Ba", "Lê Văn Tư")] == [
        "đảng viên", "đảng viên, ở nước ngoài", "đã mất", "đảng viên"]
    qtbot.wait(1)
    assert read_whole_in_view(tab.table) == []
    tab.table.selectRow(next(i for i, entry in enumerate(tab.entries) if entry["full_name"] == "Lê Văn Thành"))
    tab.buttons["Sửa"].click()
    assert support.shown_values(tab.dialog)["party_member"] == "Có"


def test_a_slip_about_a_listed_relative_is_drafted_from_the_file_and_saved_about_her(qtbot, context):
    """«Lập phiếu xác minh…» on a relative: the slip's form opens filled from the file (her, her husband, whom
    the vetting is for); the officer adds the number, the day and the police unit, and the slip is about her."""
    hung = browse.record_ids(context.db, "cadres", "nguyen van hung")[0]
    form = open_form(context, "cadres", hung)
    qtbot.addWidget(form)
    tab = _tab(form, "Thân nhân")
    assert not tab.buttons[SLIP_LABEL].isEnabled()
    row = next(i for i, entry in enumerate(tab.entries) if entry["relation"] == "Vợ")
    tab.table.selectRow(row)
    tab.buttons[SLIP_LABEL].click()
    slip = tab.slip_forms[-1]
    shown = support.shown_values(slip)
    assert (shown["full_name"], shown["relation"], shown["spouse_name"], shown["vetted_name"]) == (
        "Lê Thị Hoa", "Vợ", "Nguyễn Văn Hùng", "Nguyễn Văn Hùng")
    support.fill(slip, {"number": "77/PXM", "issued_on": "02/06/2026", "recipient": "Cục A93B – Bộ Công an"})
    assert slip.save(), slip.message.text()
    wife = next(r for r in relatives.list_relatives(context.db, form.person_id) if r.relation == "Vợ")
    assert editing.load(context.db, "slips", slip.record_id)["person_id"] == wife.relative_id
    assert "77/PXM" in tab.table.item(row, 3).text()  # «Nguồn»: the list, and the slip about her


def _slip_drafted_about_his_wife(qtbot, context):
    """The file of Nguyễn Văn Hùng with «Lập phiếu xác minh…» pressed on his wife, and her slip's form."""
    hung = browse.record_ids(context.db, "cadres", "nguyen van hung")[0]
    form = open_form(context, "cadres", hung)
    qtbot.addWidget(form)
    tab = _tab(form, "Thân nhân")
    tab.table.selectRow(next(i for i, entry in enumerate(tab.entries) if entry["relation"] == "Vợ"))
    tab.buttons[SLIP_LABEL].click()
    return tab, tab.slip_forms[-1]


def test_a_slip_drafted_about_a_relative_already_verified_tells_each_earlier_slip_and_asks_while_one_waits(
        qtbot, context):
    """A second slip about her while the police unit has not answered the first is a month of their work for
    nothing: the drafted form says at once what was sent about her and what came back, and saving asks."""
    tab, first = _slip_drafted_about_his_wife(qtbot, context)
    support.fill(first, {"number": "41/PXM", "issued_on": "02/03/2025", "recipient": "Cục A93B – Bộ Công an",
                         "result_on": "30/03/2025", "result": "Không có tàng thư"})
    assert first.save(), first.message.text()
    _, second = _slip_drafted_about_his_wife(qtbot, context)
    assert second.message.text() == (
        "Đã có 1 phiếu yêu cầu xác minh lai lịch về Vợ: Lê Thị Hoa:\n• Phiếu 41/PXM ngày 02/03/2025 gửi Cục A93B – "
        "Bộ Công an, xác minh cho Nguyễn Văn Hùng: trả lời ngày 30/03/2025 — Không có tàng thư")
    support.fill(second, {"number": "77/PXM", "issued_on": "02/01/2026", "recipient": "Công an tỉnh Bình Thuận"})
    assert second.save(), second.message.text()  # the first was answered: nothing to ask
    assert context.dialogs.shown == []
    _, third = _slip_drafted_about_his_wife(qtbot, context)
    assert third.message.text().splitlines()[1:] == [
        "• Phiếu 41/PXM ngày 02/03/2025 gửi Cục A93B – Bộ Công an, xác minh cho Nguyễn Văn Hùng: trả lời ngày "
        "30/03/2025 — Không có tàng thư",
        "• Phiếu 77/PXM ngày 02/01/2026 gửi Công an tỉnh Bình Thuận, xác minh cho Nguyễn Văn Hùng: chờ trả lời"]
    support.fill(third, {"number": "90/PXM", "issued_on": "20/02/2026", "recipient": "Cục A93B – Bộ Công an"})
    context.dialogs.answer_next(NO)
    assert not third.save() and third.record_id is None
    assert context.dialogs.shown[-1].text.startswith(
        "Đã có phiếu về người này chưa được trả lời: Phiếu 77/PXM ngày 02/01/2026 gửi Công an tỉnh Bình Thuận")


def test_the_work_periods_are_kept_on_the_cadres_file_in_order_the_running_one_to_now(qtbot, context):
    """«Quá trình công tác» (form 2C item 28): what is the person's own has no «Về thân nhân»; a period
    before her birth is told in the dialog and not saved; the periods read in order, the last «nay»."""
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Quá trình công tác")
    headers = [tab.table.horizontalHeaderItem(column).text() for column in range(tab.table.columnCount())]
    assert headers == ["Từ", "Đến", "Đơn vị công tác", "Chức vụ, chức danh"]
    for values in ({"since": "03/2012", "until": "", "unit": "Ban Tổ chức Tỉnh ủy", "post": "Phó Trưởng phòng"},
                   {"since": "1996", "until": "02/2012", "unit": "Huyện ủy Tuy Phong", "post": "Chuyên viên"}):
        tab.buttons["Thêm"].click()
        assert tab.dialog.relative is None
        support.fill(tab.dialog, values)
        assert tab.dialog.save(), tab.dialog.message.text()
    tab.buttons["Thêm"].click()
    support.fill(tab.dialog, {"since": "1950", "unit": "Huyện ủy Tuy Phong"})
    assert not tab.dialog.save()
    assert tab.dialog.message.text().startswith("Từ (1950) trước Ngày sinh (")
    tab.dialog.reject()
    assert [[tab.table.item(row, column).text() for column in range(3)] for row in range(tab.table.rowCount())] == [
        ["1996", "02/2012", "Huyện ủy Tuy Phong"], ["03/2012", "nay", "Ban Tổ chức Tỉnh ủy"]]


def test_a_discipline_offers_the_usual_forms_and_takes_the_one_the_decision_words(qtbot, context):
    """«Kỷ luật» (form 2C item 22): the usual forms offered in a box that takes another typed; the day it ends,
    before the decision's, is told in the dialog."""
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Kỷ luật")
    tab.buttons["Thêm"].click()
    penalty = tab.dialog.inputs["penalty"]
    assert penalty.isEditable() and [penalty.itemText(i) for i in range(1, 4)] == [
        "Khiển trách", "Cảnh cáo", "Cách chức"]
    support.fill(tab.dialog, {"decided_on": "05/2015", "organisation": "Đoàn thể", "penalty": "Xóa tên khỏi danh sách",
                              "in_effect_until": "2014"})
    assert not tab.dialog.save()
    assert tab.dialog.message.text() == "Hiệu lực đến (2014) trước Ngày, năm (05/2015): hãy xem lại một trong hai ngày"
    support.fill(tab.dialog, {"in_effect_until": "05/2016"})
    assert tab.dialog.save(), tab.dialog.message.text()
    assert [tab.table.item(0, column).text() for column in (0, 1, 2, 6)] == [
        "05/2015", "Đoàn thể", "Xóa tên khỏi danh sách", "05/2016"]


def test_a_discipline_offers_the_penalties_of_the_organisation_chosen_and_asks_of_another(qtbot, context):
    """Điều lệ Đảng has no «Hạ bậc lương»: chosen «Đảng», the box offers the Party's four; «Hạ bậc lương» typed
    (or kept from the list of «Chính quyền») is asked about, saved only when the officer says so."""
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Kỷ luật")
    tab.buttons["Thêm"].click()
    penalty = tab.dialog.inputs["penalty"]
    support.fill(tab.dialog, {"decided_on": "03/2019", "organisation": "Chính quyền", "penalty": "Hạ bậc lương"})
    assert [penalty.itemText(i) for i in range(1, penalty.count())] == [
        "Khiển trách", "Cảnh cáo", "Hạ bậc lương", "Giáng chức", "Cách chức", "Buộc thôi việc", "Bãi nhiệm"]
    support.fill(tab.dialog, {"organisation": "Đảng"})
    assert [penalty.itemText(i) for i in range(1, penalty.count())] == [
        "Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ"]
    assert penalty.currentText() == "Hạ bậc lương"  # what was typed stays, to be asked about
    context.dialogs.answer_next(NO)
    assert not tab.dialog.save() and tab.table.rowCount() == 0
    assert context.dialogs.shown[-1].text.startswith(
        "«Hạ bậc lương» không có trong các hình thức kỷ luật đảng viên theo Điều lệ Đảng (khiển trách, cảnh cáo, "
        "cách chức, khai trừ): hãy xem lại «Kỷ luật về» và «Hình thức kỷ luật»")
    asked = len(context.dialogs.shown)
    support.fill(tab.dialog, {"organisation": "Chính quyền"})
    assert tab.dialog.save(), tab.dialog.message.text()
    assert len(context.dialogs.shown) == asked and tab.table.item(0, 2).text() == "Hạ bậc lương"


def test_a_discipline_is_marked_in_force_or_past_by_its_recorded_end(qtbot, context):
    """An officer vetting for appointment sees at a glance which discipline still runs: «Còn hiệu lực» while
    «Hiệu lực đến» is not past (15/06/2026 here), «Hết hiệu lực» once past (its cell was left empty, as if
    nothing were known), nothing only when no end is recorded."""
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Kỷ luật")
    for decided, until in (("05/2015", "05/2016"), ("03/2025", "03/2027"), ("01/2026", ""), ("02/2026", "06/2026")):
        DISCIPLINES.add(context.db, form.person_id, {"decided_on": decided, "organisation": "Đảng",
                                                     "penalty": "Khiển trách", "in_effect_until": until})
    tab.reload()
    headers = [tab.table.horizontalHeaderItem(column).text() for column in range(tab.table.columnCount())]
    assert headers[-2:] == ["Hiệu lực đến", "Tình trạng"]
    assert [tab.table.item(row, len(headers) - 1).text() for row in range(4)] == [
        "Hết hiệu lực", "Còn hiệu lực", "", "Còn hiệu lực"]


def test_a_salary_coefficient_is_shown_and_edited_with_the_vietnamese_comma(qtbot, context):
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Quá trình lương")
    tab.buttons["Thêm"].click()
    support.fill(tab.dialog, {"since": "07/2019", "grade": "Chuyên viên", "grade_code": "01.003", "step": "9",
                              "coefficient": "4.98"})
    assert tab.dialog.save(), tab.dialog.message.text()
    assert tab.table.item(0, 4).text() == "4,98"
    tab.table.selectRow(0)
    tab.buttons["Sửa"].click()
    assert support.shown_values(tab.dialog)["coefficient"] == "4,98"


def test_a_second_appraisal_of_the_same_year_and_role_is_told_in_the_dialog(qtbot, context):
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Đánh giá, xếp loại")
    for role in ("Đảng viên", "Đảng viên"):
        tab.buttons["Thêm"].click()
        support.fill(tab.dialog, {"year": "2024", "as_role": role, "classification": "Hoàn thành tốt nhiệm vụ"})
        saved = tab.dialog.save()
    assert not saved and tab.dialog.message.text().startswith("Năm 2024 đã có đánh giá với tư cách đảng viên")
    assert tab.table.rowCount() == 1


def test_an_appraisal_s_year_typed_with_two_figures_is_given_its_century_as_a_birth_is(qtbot, context):
    """«Năm» of an appraisal typed «24» in 2025 is 2024, as a birth's «65» is 1965: the year a form gives a
    two-figure year, the latest ending so up to this one."""
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Đánh giá, xếp loại")
    tab.buttons["Thêm"].click()
    type_day(qtbot, tab.dialog.inputs["year"], "24")
    assert tab.dialog.inputs["year"].text() == "2024"
    support.fill(tab.dialog, {"as_role": "Đảng viên", "classification": "Hoàn thành tốt nhiệm vụ"})
    assert tab.dialog.save(), tab.dialog.message.text()


def test_a_relative_s_years_typed_with_two_figures_are_given_their_century_the_approximate_word_kept(qtbot,
                                                                                                    context):
    """A relative who went abroad in «88» and died «khoang 95» went in 1988 and died about 1995 (2025 the
    office's year): the death stays approximate, written as any approximate date is shown."""
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Thân nhân")
    tab.buttons["Thêm"].click()
    for key, typed in (("birth_date", "40"), ("abroad_since", "88"), ("death_date", "khoang 95")):
        type_day(qtbot, tab.dialog.inputs[key], typed)
    assert [tab.dialog.inputs[key].text() for key in ("birth_date", "abroad_since", "death_date")] == [
        "1940", "1988", "khoảng 1995"]


def test_esc_on_a_relative_being_typed_asks_before_dropping_it(qtbot, context):
    """«Thân nhân – Thêm»: a relative's name and year of birth typed, Esc pressed by habit — the dialog closed and
    what was typed was gone, nothing asked. It asks, as the record's form does: go back, drop it, or save it."""
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Thân nhân")
    before = tab.table.rowCount()
    tab.buttons["Thêm"].click()
    dialog = tab.dialog
    active(qtbot, dialog)
    support.fill(dialog, {"relation": "Con", "full_name": "Lê Minh Trí", "birth_date": "1995"})
    support.escape_asks_first(context, dialog, "full_name", "Lê Minh Trí", YES)
    assert not dialog.isVisible() and tab.table.rowCount() == before + 1


def test_esc_on_a_relative_opened_and_left_as_it_was_closes_unasked(qtbot, context):
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Thân nhân")
    tab.table.selectRow(0)
    tab.buttons["Sửa"].click()
    dialog = tab.dialog
    active(qtbot, dialog)
    asked = len(context.dialogs.shown)
    QTest.keyClick(dialog.inputs["full_name"], Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(context.dialogs.shown) == asked


def test_correcting_a_relatives_birth_date_corrects_that_person_and_the_slip_about_him_stays(qtbot, context):
    """Hùng's father, on his list and the subject of slip 30/PXM, corrected from 1938 to 1937 on the tab:
    one father, still the slip's."""
    editing.save(context.db, "slips", {"number": "30/PXM", "issued_on": "05/01/2026", "full_name": "Nguyễn Văn Tư",
                                       "birth_date": "1938", "home_town": "Phú Thủy, Phan Thiết", "relation": "Cha",
                                       "vetted_name": "Nguyễn Văn Hùng", "purpose": "Bổ nhiệm",
                                       "recipient": "Cục A93B – Bộ Công an"})
    form = open_form(context, "cadres", browse.record_ids(context.db, "cadres", "nguyen van hung")[0])
    qtbot.addWidget(form)
    tab = _tab(form, "Thân nhân")

    def fathers() -> list[list[str]]:
        return [[tab.table.item(r, c).text() for c in range(4)] for r in range(tab.table.rowCount())
                if tab.table.item(r, 0).text() == "Cha"]

    assert fathers() == [["Cha", "Nguyễn Văn Tư", "1938", "Danh sách thân nhân\n30/PXM: chờ trả lời"]]
    tab.table.selectRow(0)
    tab.buttons["Sửa"].click()
    support.fill(tab.dialog, {"birth_date": "1937"})
    assert tab.dialog.save(), tab.dialog.message.text()
    assert fathers() == [["Cha", "Nguyễn Văn Tư", "1937", "Danh sách thân nhân\n30/PXM: chờ trả lời"]]


def test_a_relative_born_after_today_is_asked_about_and_a_stay_abroad_may_end_ahead(qtbot, context):
    form = _file_of_anh(qtbot, context)
    relatives_tab = _tab(form, "Thân nhân")
    relatives_tab.buttons["Thêm"].click()
    support.fill(relatives_tab.dialog, {"relation": "Con", "full_name": "Lê Minh Trí", "birth_date": "2095"})
    context.dialogs.answer_next(NO)
    assert not relatives_tab.dialog.save()
    assert context.dialogs.shown[-1].text.startswith("Ngày sinh: «2095» ở sau hôm nay (15/06/2026)")
    foreign_tab = _tab(form, "Yếu tố nước ngoài")
    assert foreign_tab.section.title == "Yếu tố nước ngoài"
    foreign_tab.buttons["Thêm"].click()
    asked = len(context.dialogs.shown)
    support.fill(foreign_tab.dialog, {"element_kind": "Đi nước ngoài", "country": "Nhật Bản", "since": "2024",
                                      "until": "2028", "source": "lý lịch 2C"})
    assert foreign_tab.dialog.save(), foreign_tab.dialog.message.text()
    assert len(context.dialogs.shown) == asked  # «Đến ngày» of a stay abroad is not asked about


def test_a_private_trip_shows_its_report_deadline_on_the_file_until_the_report_is_received(qtbot, context):
    """Back Monday 01/06/2026: the report (Phụ lục III) is due 7 working days later, Wednesday 10/06, and on
    Monday 15/06 it is 5 days late; the day it came is written on the trip, and the deadline goes."""
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Yếu tố nước ngoài")
    tab.buttons["Thêm"].click()
    support.fill(tab.dialog, {"element_kind": "Đi nước ngoài về việc riêng", "country": "Úc", "since": "25/05/2026",
                              "until": "01/06/2026", "details": "Thăm con trai", "source": "Đơn (Phụ lục I)"})
    assert tab.dialog.save(), tab.dialog.message.text()

    def cell(header: str) -> str:
        headers = [tab.table.horizontalHeaderItem(c).text() for c in range(tab.table.columnCount())]
        return tab.table.item(0, headers.index(header)).text()

    assert (cell("Ngày nhận báo cáo"), cell("Hạn báo cáo")) == ("", "10/06/2026 (quá hạn 5 ngày)")
    tab.table.selectRow(0)
    tab.buttons["Sửa"].click()
    support.fill(tab.dialog, {"report_received_on": "12/06/2026"})
    assert tab.dialog.save(), tab.dialog.message.text()
    assert (cell("Ngày nhận báo cáo"), cell("Hạn báo cáo")) == ("12/06/2026", "")


def test_a_vetting_case_is_opened_and_concluded_on_the_cadres_file(qtbot, context):
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Hồ sơ thẩm tra")
    assert tab.section.title == "Hồ sơ thẩm tra"
    tab.buttons["Mở hồ sơ thẩm tra"].click()
    support.fill(tab.dialog, {"purpose": "Bổ nhiệm", "opened_on": "01/03/2026"})
    assert tab.dialog.save(), tab.dialog.message.text()
    # not concluded by its deadline (the office's rule for appointments, 45 days): told how late, as in the register
    assert tab.table.item(0, 2).text() == "15/04/2026 (quá hạn 61 ngày)"
    tab.table.selectRow(0)
    tab.buttons["Ghi kết luận"].click()
    support.fill(tab.dialog, {"conclusion_no": "472-CV/BTCTU", "concluded_on": "20/02/2026",
                              "result": "Đủ tiêu chuẩn"})
    context.dialogs.answer_next(YES, YES)  # concluded with her relatives unchecked: the officer says so
    assert not tab.dialog.save()
    assert tab.dialog.message.text() == "Ngày kết luận trước ngày mở hồ sơ."
    support.fill(tab.dialog, {"concluded_on": "20/03/2026"})
    assert tab.dialog.save()
    row = [tab.table.item(0, c).text() for c in range(tab.table.columnCount())]
    # no deadline given: the office's rule for appointments, 45 days
    assert row == ["Bổ nhiệm", "01/03/2026", "15/04/2026", "Đã kết luận", "472-CV/BTCTU", "20/03/2026",
                   "Đủ tiêu chuẩn"]
    tab.table.selectRow(0)  # the concluded case: its button corrects the conclusion, and says so
    assert tab.buttons["Ghi kết luận"].text() == "Sửa kết luận"
    tab.buttons["Ghi kết luận"].click()
    assert tab.dialog.windowTitle() == "Hồ sơ thẩm tra – Sửa kết luận"
    tab.dialog.reject()


def test_a_new_cadre_has_its_file_after_the_first_save(qtbot, context):
    form = open_form(context, "cadres", None)
    qtbot.addWidget(form)
    assert [form.tabs.tabText(i) for i in range(form.tabs.count())] == ["Thông tin", "Hồ sơ"]
    support.fill(form, NEW["cadres"])
    assert form.save()
    assert form.tabs.count() == 11 and len(form.pages()) == 17


def test_a_vetting_case_is_opened_from_its_register_with_what_is_left_to_check(qtbot, context, clock):
    page = _page(qtbot, context, "vetting-cases")
    before = page.model.rowCount()
    page.new_record()
    form = page.forms[None]
    assert "Đóng" in [button.text() for button in form.findChildren(QPushButton)]  # before a person is chosen
    type_text(form.picker.search, "tran thi anh")
    form.picker.results.setCurrentRow(0)
    form.picker.use_button.click()
    support.fill(form.dialog, {"purpose": "Quy hoạch", "opened_on": "01/03/2026", "due_on": "15/03/2026"})
    assert form.dialog.save(), form.dialog.message.text()
    assert page.model.rowCount() == before + 1
    assert form.windowTitle() == "Hồ sơ thẩm tra – Trần Thị Ánh"
    labels = " ".join(label.text() for label in form.findChildren(QLabel))
    assert "Mẹ chồng: Võ Thị Bảy (chưa có phiếu xác minh trong hồ sơ thẩm tra)" in labels
    clock.now = clock.now.replace(year=2026, month=3, day=20)
    page.overdue.setChecked(True)
    purpose, due = (support.column_of(page, key) for key in ("purpose", "due_on"))
    overdue = {page.model.index(row, purpose).data(): page.model.index(row, due).data()
               for row in range(page.model.rowCount())}
    assert overdue["Quy hoạch"] == "15/03/2026 (quá hạn 4 ngày)"  # past its deadline (a Sunday: from Monday), open
    assert overdue["Kết nạp Đảng"] == "08/04/2025 (quá hạn 346 ngày)"  # opened by an import, due by the rule (90 days,
    # 05/04 a day off)


def _case_window(qtbot, context, case_id: int):
    window = open_form(context, "vetting-cases", case_id)
    qtbot.addWidget(window)
    return window


def _as_read(label: QLabel) -> str:
    """A label's text as the officer reads it (its rich text laid out: a paragraph, a line)."""
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def test_the_case_window_shows_the_political_issues_of_the_person_file_bearing_on_the_standard(qtbot, context):
    """Opened for Anh's planning (quy hoạch), the case window tells the officer her file records an issue with a
    QĐ 58 ceiling, and tells it plainly when there is none."""
    case = _case_opened(_page(qtbot, context, "vetting-cases")).record_id
    labels = " ".join(map(_as_read, _case_window(qtbot, context, case).findChildren(QLabel)))
    assert "Vấn đề chính trị ảnh hưởng tiêu chuẩn: không có." in labels
    anh = _file_of_anh(qtbot, context).person_id
    POLITICAL_NOTES.add(context.db, anh, {"axis": "Chính trị hiện nay", "content": "Em ruột ở Úc, hội viên một tổ "
                                          "chức phản động lưu vong", "found_on": "10/03/2023",
                                          "effect": "Có vấn đề nhưng không vi phạm (có mức giới hạn)",
                                          "limit_note": "Không quá trưởng phòng cấp sở"})
    labels = " ".join(map(_as_read, _case_window(qtbot, context, case).findChildren(QLabel)))
    assert ("Vấn đề chính trị ảnh hưởng tiêu chuẩn:\n– Chính trị hiện nay – Em ruột ở Úc, hội viên một tổ "
            "chức phản động lưu vong (Có vấn đề nhưng không vi phạm (có mức giới hạn); mức giới hạn: Không quá trưởng "
            "phòng cấp sở; kết luận ngày 10/03/2023 theo QĐ 58-QĐ/TW)") in labels


def test_a_vetting_case_is_edited_and_concluded_in_its_own_window(qtbot, context):
    """The register's case window (also opened from the dashboard) records the conclusion, as the
    cadre's file does."""
    page = _page(qtbot, context, "vetting-cases")
    form = _case_opened(page)
    buttons = {button.text(): button for button in form.findChildren(QPushButton)}
    buttons["Sửa"].click()
    support.fill(form.dialog, {"due_on": "30/04/2026"})
    assert form.dialog.save(), form.dialog.message.text()
    buttons = {button.text(): button for button in form.findChildren(QPushButton)}
    buttons["Ghi kết luận"].click()
    support.fill(form.dialog, {"conclusion_no": "15-CV/BTCTU", "concluded_on": "20/03/2026",
                               "result": "Đủ tiêu chuẩn"})
    context.dialogs.answer_next(NO)
    assert not form.dialog.save()
    assert context.dialogs.shown[-1].text.startswith(
        "Thân nhân phải xác minh theo quy định còn thiếu: Mẹ chồng: Võ Thị Bảy (chưa có phiếu xác minh trong hồ sơ "
        "thẩm tra)")
    context.dialogs.answer_next(YES)
    assert form.dialog.save(), form.dialog.message.text()
    case = cases.case_file(context.db, form.record_id).case
    assert (case["status"], case["due_on"], case["conclusion_no"]) == (cases.CONCLUDED, dt.date(2026, 4, 30),
                                                                     "15-CV/BTCTU")


def test_an_archive_request_s_window_says_under_its_reply_date_how_late_the_reply_came(qtbot, context):
    """Khánh Hòa's request of 08/12/2026 was due Friday 12/02/2027 (Tết): answered on 24/02/2027 the window
    says so under «Ngày trả lời», and follows the date as it is typed again."""
    request = editing.save(context.db, "archive-requests", {
        "request_kind": "Nghiên cứu giúp tỉnh bạn", "province": "Khánh Hòa", "doc_no": "1520-CV/BTCTU",
        "doc_on": "08/12/2026", "full_name": "HUỲNH VĂN SÁU", "birth_date": "1946", "answered_on": "24/02/2027"})
    form = open_form(context, "archive-requests", request)
    qtbot.addWidget(form)
    assert form.lateness.text() == "Trả lời muộn 12 ngày (hạn 12/02/2027)" and not form.lateness.isHidden()
    support.fill(form, {"answered_on": "12/02/2027"})
    assert form.lateness.isHidden()
    support.fill(form, {"answered_on": "01/03/2027"})
    assert form.lateness.text() == "Trả lời muộn 17 ngày (hạn 12/02/2027)"
    support.fill(form, {"answered_on": ""})
    assert form.lateness.isHidden()


def test_an_archive_requests_window_asks_the_alias_sex_and_parents_among_the_persons_particulars(qtbot, context):
    """What tells a person of before 1975 apart in the archives: the alias under the name, the sex under the birth
    date, the parents under the post before 1975, each labelled as the slip's; typed, saved and read again."""
    form = open_form(context, "archive-requests", None)
    qtbot.addWidget(form)
    form.resize(1366, 740)
    form.show()
    qtbot.waitExposed(form)
    order = ["full_name", "other_names", "birth_date", "gender", "home_town", "work_before_1975", "father_name",
             "mother_name", "answered_on"]
    tops = [form.inputs[key].mapTo(form, form.inputs[key].rect().topLeft()).y() for key in order]
    assert tops == sorted(tops) and all(form.inputs[key].isVisibleTo(form) for key in order)
    support.fill(form, {"request_kind": "Nghiên cứu giúp tỉnh bạn", "province": "Bình Định", "doc_on": "02/06/2026",
                        "full_name": "Lê Văn Một", "other_names": "Hai Lúa", "birth_date": "1940", "gender": "Nam",
                        "father_name": "Lê Văn Cả", "mother_name": "Nguyễn Thị Đào"})
    assert form.save()
    stored = editing.load(context.db, "archive-requests", form.record_id)
    assert [stored[key] for key in ("other_names", "gender", "father_name", "mother_name")] == [
        "Hai Lúa", "Nam", "Lê Văn Cả", "Nguyễn Thị Đào"]


def _button(window, text: str) -> QPushButton:
    return {button.text(): button for button in window.findChildren(QPushButton)}[text]


def test_an_archive_request_chooses_changes_and_clears_its_vetting_case_in_its_own_window(qtbot, context):
    """The request about Ánh's mother-in-law is tied to Ánh's case from the request's window, with the case
    window's list and question; it names the case then, and is taken off it there too."""
    page = _page(qtbot, context, "vetting-cases")
    case_window = _case_opened(page)
    request = editing.save(context.db, "archive-requests", {
        "request_kind": "Nhờ tỉnh bạn nghiên cứu", "province": "Thành phố Hồ Chí Minh", "doc_no": "20-CV/BTCTU",
        "doc_on": "05/03/2026", "full_name": "Võ Thị Bảy", "birth_date": "1942", "home_town": "Tân Hải, La Gi"})
    form = open_form(context, "archive-requests", request)
    qtbot.addWidget(form)
    assert form.case_label.text() == "chưa gắn vào hồ sơ thẩm tra nào"
    offered = "Trần Thị Ánh – Quy hoạch (mở ngày 01/03/2026)"
    context.dialogs.answer_next(offered, YES)  # «Vẫn gắn yêu cầu tàng thư?»: the case records no decision yet
    _button(form, "Gắn vào hồ sơ thẩm tra…").click()
    assert context.dialogs.shown[-2].items == (offered,)
    assert context.dialogs.shown[-1].title == undecided.TITLE
    assert [found["id"] for found in cases.case_file(context.db, case_window.record_id).archive_requests] == [request]
    assert form.case_label.text() == offered
    assert _button(form, "Đổi hồ sơ thẩm tra…").isEnabled()
    _button(form, "Bỏ gắn").click()
    assert cases.case_file(context.db, case_window.record_id).archive_requests == []
    assert form.case_label.text() == "chưa gắn vào hồ sơ thẩm tra nào" and not _button(form, "Bỏ gắn").isEnabled()


def test_a_request_another_province_made_of_our_archive_is_offered_no_vetting_case(qtbot, context):
    """Khánh Hòa asked our archive («Nghiên cứu giúp tỉnh bạn»): such a request serves no case of ours, so its
    window does not offer «Gắn vào hồ sơ thẩm tra…» and says why, rather than telling of no open case."""
    request = editing.save(context.db, "archive-requests", {
        "request_kind": "Nghiên cứu giúp tỉnh bạn", "province": "Khánh Hòa", "doc_no": "1520-CV/BTCTU",
        "doc_on": "08/12/2026", "full_name": "HUỲNH VĂN SÁU", "birth_date": "1946"})
    form = open_form(context, "archive-requests", request)
    qtbot.addWidget(form)
    choose = _button(form, "Gắn vào hồ sơ thẩm tra…")
    assert not choose.isEnabled()
    assert choose.toolTip() == "Chỉ yêu cầu «Nhờ tỉnh bạn nghiên cứu» mới phục vụ hồ sơ thẩm tra."


def test_an_archive_request_s_window_changes_no_case_once_that_case_is_concluded(qtbot, context):
    """A concluded case's requests are what its conclusion rested on: the request's window offers neither
    «Đổi hồ sơ thẩm tra…» nor «Bỏ gắn» then, and says why (the service refuses them too)."""
    page = _page(qtbot, context, "vetting-cases")
    case_id = _case_opened(page).record_id
    request = editing.save(context.db, "archive-requests", {
        "request_kind": "Nhờ tỉnh bạn nghiên cứu", "province": "Thành phố Hồ Chí Minh", "doc_no": "20-CV/BTCTU",
        "doc_on": "05/03/2026", "full_name": "Võ Thị Bảy", "birth_date": "1942", "home_town": "Tân Hải, La Gi"})
    cases.attach_archive_request(context.db, case_id, request)
    cases.record_conclusion(context.db, case_id, {"conclusion_no": "472-CV/BTCTU", "concluded_on": "15/04/2026",
                                                  "signer": "Trần Văn Ban", "result": "Đủ tiêu chuẩn"})
    form = open_form(context, "archive-requests", request)
    qtbot.addWidget(form)
    for text in ("Đổi hồ sơ thẩm tra…", "Bỏ gắn"):
        assert not _button(form, text).isEnabled()
        assert "đã kết luận" in _button(form, text).toolTip()


def test_a_request_to_another_province_s_archive_is_attached_to_the_case_in_its_window(qtbot, context):
    """Ánh's mother-in-law lived in Bà Rịa: the office asked Hồ Chí Minh City's archive about her. The case
    window offers that request, then lists it with the province asked and whom it is about; a request
    attached by mistake is taken off."""
    page = _page(qtbot, context, "vetting-cases")
    form = _case_opened(page)
    attach = {button.text(): button for button in form.findChildren(QPushButton)}["Gắn yêu cầu tàng thư…"]
    attach.click()
    assert context.dialogs.shown[-1].text == ("Không có đề nghị tỉnh bạn nghiên cứu tàng thư nào về người được thẩm "
                                              "tra hay thân nhân của họ chưa gắn vào hồ sơ thẩm tra.")
    editing.save(context.db, "archive-requests", {
        "request_kind": "Nhờ tỉnh bạn nghiên cứu", "province": "Thành phố Hồ Chí Minh", "doc_no": "20-CV/BTCTU",
        "doc_on": "05/03/2026", "full_name": "Võ Thị Bảy", "birth_date": "1942", "home_town": "Tân Hải, La Gi"})
    offered = "Thành phố Hồ Chí Minh – Võ Thị Bảy (văn bản số 20-CV/BTCTU ngày 05/03/2026)"
    context.dialogs.answer_next(offered, YES)  # «Vẫn gắn yêu cầu tàng thư?»: the case records no decision yet
    {button.text(): button for button in form.findChildren(QPushButton)}["Gắn yêu cầu tàng thư…"].click()
    assert context.dialogs.shown[-2].items == (offered,)
    table = next(table for table in form.findChildren(QTableWidget)
                 if table.horizontalHeaderItem(0).text() == "Tỉnh/thành")
    assert [table.horizontalHeaderItem(column).text() for column in range(3)] == [
        "Tỉnh/thành", "Số văn bản", "Ngày văn bản"]
    assert [table.item(0, column).text() for column in range(4)] == [
        "Thành phố Hồ Chí Minh", "20-CV/BTCTU", "05/03/2026", "Võ Thị Bảy"]
    context.dialogs.answer_next(offered)  # attached by mistake: taken off again
    {button.text(): button for button in form.findChildren(QPushButton)}["Bỏ gắn yêu cầu tàng thư…"].click()
    assert cases.case_file(context.db, form.record_id).archive_requests == []


def test_a_concluded_case_s_window_corrects_its_conclusion_and_reopens_it(qtbot, context):
    """The tour's mistyped notice number: once concluded, the window offered only «Sửa» (purpose, dates, note),
    so a wrong conclusion could not be put right nor the case reopened for a late reply."""
    page = _page(qtbot, context, "vetting-cases")
    form = _case_opened(page)
    _buttons(form)["Ghi kết luận"].click()
    support.fill(form.dialog, {"conclusion_no": "1234-CV/BTCTU", "concluded_on": "20/03/2026",
                               "result": "Đủ tiêu chuẩn"})
    context.dialogs.answer_next(YES)  # her relatives unchecked: concluded all the same
    assert form.dialog.save(), form.dialog.message.text()
    _buttons(form)["Sửa kết luận"].click()
    assert support.shown_values(form.dialog)["conclusion_no"] == "1234-CV/BTCTU"  # the conclusion recorded
    support.fill(form.dialog, {"conclusion_no": "1243-CV/BTCTU"})
    context.dialogs.answer_next(YES)
    assert form.dialog.save(), form.dialog.message.text()
    assert cases.case_file(context.db, form.record_id).case["conclusion_no"] == "1243-CV/BTCTU"
    context.dialogs.answer_next(NO)
    _buttons(form)["Mở lại hồ sơ"].click()
    assert "Kết luận số 1243-CV/BTCTU ngày 20/03/2026" in context.dialogs.shown[-1].text
    assert cases.case_file(context.db, form.record_id).case["status"] == cases.CONCLUDED
    context.dialogs.answer_next(YES)
    _buttons(form)["Mở lại hồ sơ"].click()
    case = cases.case_file(context.db, form.record_id).case
    assert (case["status"], case["conclusion_no"]) == (cases.OPEN, None)
    assert {"Ghi kết luận", "Sửa"} <= set(_buttons(form)) and "Mở lại hồ sơ" not in _buttons(form)


def test_a_case_s_window_tells_whom_by_their_birth_and_who_signed_its_conclusion(qtbot, context):
    """The tour's party admission of Đặng Văn Quí, born 03/2006, read «Đặng Văn Quí — Kết nạp Đảng» only, as a
    namesake's case would; and a concluded case never said who signed the conclusion the officer recorded."""
    page = _page(qtbot, context, "vetting-cases")
    form = _case_opened(page)
    _buttons(form)["Ghi kết luận"].click()
    support.fill(form.dialog, {"conclusion_no": "0512-CV/BTCTU", "concluded_on": "20/03/2026",
                               "signer": "Phạm Văn Nghĩa", "result": "Đủ tiêu chuẩn"})
    context.dialogs.answer_next(YES)
    assert form.dialog.save(), form.dialog.message.text()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert form.findChild(QLabel, "title").text() == "Trần Thị Ánh, sinh năm 1970 — Quy hoạch"
    assert "kết luận số 0512-CV/BTCTU ngày 20/03/2026, người ký Phạm Văn Nghĩa: Đủ tiêu chuẩn" in \
        form.findChild(QLabel, "subtitle").text()


def _buttons(form) -> dict[str, QPushButton]:
    """The buttons the case window shows now (those of its last showing only: the earlier ones are deleted)."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return {button.text(): button for button in form.findChildren(QPushButton)}


OLD_HOME_TOWN = "xã Mương Mán, huyện Hàm Thuận Nam, tỉnh Bình Thuận"  # a unit merged on 01/7/2025


def _slips_about_anh(context, reply: str | None = None):
    """Slips for the appointment of Trần Thị Ánh about her husband and her mother (not on her list); the
    police's `reply` on the first two."""
    from pathlib import Path

    from bvct_desktop.core import importing
    from bvct_desktop.core.kinds import SLIPS
    from bvct_desktop.io.xlsx_reader import Sheet
    from tests.samples import SAMPLES

    headers = SAMPLES["slips"][0]

    def row(number, name, birth, relation, home_town=None, replied=None):
        values = {"Số phiếu": number, "Ngày phát hành": "02/03/2026", "Họ và tên người được xác minh": name,
                  "Ngày sinh": birth, "Quê quán": home_town, "Quan hệ": relation,
                  "Họ và tên người được thẩm tra": "Trần Thị Ánh",
                  "Mục đích xác minh": "Bổ nhiệm", "Nơi nhận phiếu": "Cục A93B – Bộ Công an",
                  "Ngày nhận kết quả": replied and "30/03/2026", "Kết quả": replied}
        return [values.get(header) for header in headers]

    rows = [row("41/PXM", "Lê Văn Tâm", "1968", "Chồng", OLD_HOME_TOWN, reply),
            row("42/PXM", "Nguyễn Thị Hạnh", "1948", "Mẹ", replied=reply),
            row("43/PXM", "Võ Thị Bảy", "1942", "Mẹ chồng")]
    result = importing.import_sheet(context.db, SLIPS, Sheet.of_rows(Path("phieu-anh.xlsx"), [headers, *rows]))
    assert result.ok, result.problems


def test_a_long_result_on_the_cadres_file_is_told_in_its_tooltip_as_typed(qtbot, context):
    reply = "<b>Có vấn đề</b> — xem <a href='x'>công văn</a> số 12 ngày 28/03/2026"
    _slips_about_anh(context, reply)
    form = _file_of_anh(qtbot, context)
    slips_tab = form.tabs.widget([form.tabs.tabText(i) for i in range(form.tabs.count())].index("Phiếu xác minh"))
    results = [slips_tab.item(row, slips_tab.columnCount() - 1) for row in range(slips_tab.rowCount())]
    assert {as_seen(item.toolTip()) for item in results if item.text()} == {reply}

def test_the_cadres_file_shows_the_slips_naming_her_and_the_relatives_they_tell_of(qtbot, context):
    _slips_about_anh(context)
    form = _file_of_anh(qtbot, context)
    slips_tab = form.tabs.widget([form.tabs.tabText(i) for i in range(form.tabs.count())].index("Phiếu xác minh"))
    shown = {(slips_tab.item(r, 0).text(), slips_tab.item(r, 2).text(), slips_tab.item(r, 3).text())
             for r in range(slips_tab.rowCount())}
    assert shown == {("41/PXM", "Lê Văn Tâm", "Chồng"), ("42/PXM", "Nguyễn Thị Hạnh", "Mẹ"),
                     ("43/PXM", "Võ Thị Bảy", "Mẹ chồng")}
    form.show()
    form.tabs.setCurrentWidget(slips_tab)
    double_click(qtbot, slips_tab, slips_tab.model().index(0, 0))
    assert [opened.record_id for opened in slips_tab.forms] == [slips_tab.slips[0].slip_id]  # one window
    assert slips_tab.forms[0].windowTitle().startswith("Phiếu yêu cầu xác minh lai lịch – Sửa")

    tab = _tab(form, "Thân nhân")
    rows = [[tab.table.item(r, c).text() for c in (0, 1, 3)] for r in range(tab.table.rowCount())]
    assert rows == [["Mẹ", "Nguyễn Thị Hạnh", "Từ phiếu xác minh\n42/PXM: chờ trả lời"],
                    ["Chồng", "Lê Văn Tâm", "Từ phiếu xác minh\n41/PXM: chờ trả lời"],
                    ["Mẹ chồng", "Võ Thị Bảy", "Danh sách thân nhân\n43/PXM: chờ trả lời"]]
    tab.table.selectRow(1)
    tab.open_selected()  # known from a slip only: opens that slip
    assert tab.slip_forms[-1].record_id == slips_tab.slips[[s.number for s in slips_tab.slips].index("41/PXM")].slip_id
    qtbot.addWidget(tab.slip_forms[-1])
    tab.buttons["Sửa"].click()
    assert "Thêm vào danh sách" in tab.message.text()
    tab.buttons["Thêm vào danh sách"].click()
    assert support.shown_values(tab.dialog)["full_name"] == "Lê Văn Tâm"
    assert tab.dialog.save(), tab.dialog.message.text()
    assert tab.table.horizontalHeaderItem(3).text() == "Nguồn"
    assert tab.table.item(1, 3).text() == "Danh sách thân nhân\n41/PXM: chờ trả lời"


def test_each_slip_about_a_relative_reads_its_state_under_nguon_on_an_office_screen(qtbot, monkeypatch, context):
    """«Nguồn» gave a relative's slip numbers, cut at 1366×768, not whether each was answered or what it found: each
    slip is a line of its own with its state, its tooltip the whole replies; the name of 49 letters and the lines
    read whole, no column cut or out of view."""
    from bvct_desktop.core import replies

    anh = browse.record_ids(context.db, "cadres", "tran thi anh")[0]
    cadre = editing.load(context.db, "cadres", anh)
    name = "Công Tôn Nữ Thị Hoàng Phương Thảo Nguyễn Phúc Lan"
    relatives.add_relative(context.db, cadre["person_id"], {"relation": "Mẹ", "full_name": name, "birth_date": "1942"})
    ids = [editing.save(context.db, "slips", {"number": number, "issued_on": "02/03/2026", "full_name": name,
                                              "birth_date": "1942", "relation": "Mẹ", "vetted_name": cadre["full_name"],
                                              "purpose": "Bổ nhiệm", "recipient": "Cục A93B – Bộ Công an"})
           for number in ("1231/PXM", "1232/PXM", "1233/PXM")]
    found = "Có tài liệu lưu trữ: nguyên là trung sĩ ngụy quân, đã được cải tạo tập trung 1975-1978"
    replies.record_replies(context.db, ids[:1], {"result_on": "20/03/2026", "result": found})
    replies.record_replies(context.db, ids[1:2], {"result_on": "21/03/2026", "result": "Không có tài liệu lưu trữ"})
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "cadres", anh))
    tab = _tab(form, "Thân nhân")
    qtbot.wait(1)
    row = next(r for r in range(tab.table.rowCount()) if tab.table.item(r, 1).text() == name)
    source = tab.table.item(row, 3)
    lines = ["Danh sách thân nhân", "1231/PXM: trả lời 20/03/2026, có tài liệu",
             "1232/PXM: trả lời 21/03/2026, không có tài liệu", "1233/PXM: chờ trả lời"]
    assert source.text().split("\n") == lines
    tip = " ".join(as_seen(source.toolTip()).split())
    assert f"«{found}»" in tip and "1233/PXM gửi Cục A93B – Bộ Công an ngày 02/03/2026, chờ trả lời" in tip
    metrics = tab.table.fontMetrics()
    assert tab.table.columnWidth(3) >= max(map(metrics.horizontalAdvance, lines))
    assert tab.table.rowHeight(row) >= len(lines) * metrics.lineSpacing()
    assert read_whole_in_view(tab.table) == []
    assert form.frameGeometry().width() <= 1366


def test_a_relative_known_from_slips_is_listed_with_the_home_town_as_written(qtbot, context):
    """«Thêm vào danh sách» and then «Sửa» → «Lưu» unchanged store the home town the slip wrote; what the
    place is called now is shown beside it, never written into it."""
    _slips_about_anh(context)
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Thân nhân")
    tab.table.selectRow([tab.entries.index(e) for e in tab.entries if e["full_name"] == "Lê Văn Tâm"][0])
    tab.adopt_selected()
    assert support.shown_values(tab.dialog)["home_town"] == OLD_HOME_TOWN
    assert "(nay: " in " ".join(label.text() for label in tab.dialog.findChildren(QLabel))
    assert tab.dialog.save(), tab.dialog.message.text()
    person_id = form.person_id

    def stored():
        return next(r.home_town for r in relatives.list_relatives(context.db, person_id) if r.full_name == "Lê Văn Tâm")

    assert stored() == OLD_HOME_TOWN
    row = next(i for i, e in enumerate(tab.entries) if e["full_name"] == "Lê Văn Tâm")
    assert any("(nay: " in tab.table.item(row, c).text() for c in range(tab.table.columnCount()))  # shown only
    tab.table.selectRow(row)
    tab.act(next(action for action in tab.section.actions if action.on_entry))  # «Sửa»
    assert support.shown_values(tab.dialog)["home_town"] == OLD_HOME_TOWN
    assert tab.dialog.save(), tab.dialog.message.text()
    assert stored() == OLD_HOME_TOWN


def test_retyping_the_birth_date_after_picking_a_person_warns_and_asks_on_save(qtbot, context):
    form = _binh_picked(qtbot, context, None)
    binh = form.person_id
    support.fill(form, {"number": "9/PXM", "issued_on": "02/03/2026", "recipient": "Cục A93B – Bộ Công an"})
    support.fill(form, {"birth_date": "1952"})
    assert form.picker.warning.isVisibleTo(form) and form.picker.drop_button.isVisibleTo(form)
    assert "Đã sửa ngày sinh của người đã chọn" in form.picker.warning.text()
    context.dialogs.answer_next(NO)  # «someone else»: the person picked keeps their birth date
    assert form.save(), form.message.text()
    assert "Đã sửa ngày sinh" in context.dialogs.shown[-1].text
    assert editing.load_person(context.db, binh)["birth_date"] == "1950"
    saved = editing.load(context.db, "slips", form.record_id)
    assert saved["person_id"] != binh and saved["birth_date"] == "1952"


def test_dropping_the_picked_person_saves_someone_else_without_asking(qtbot, context):
    form = _binh_picked(qtbot, context, None)
    binh = form.person_id
    support.fill(form, {"number": "9/PXM", "issued_on": "02/03/2026", "recipient": "Cục A93B – Bộ Công an",
                        "birth_date": "1952"})
    form.picker.drop_button.click()
    assert form.person_id is None
    asked = len(context.dialogs.shown)
    assert form.save(), form.message.text()
    assert len(context.dialogs.shown) == asked
    assert editing.load(context.db, "slips", form.record_id)["person_id"] != binh


def test_a_delegation_saved_over_a_change_to_its_members_is_refused_and_the_typed_members_stay(qtbot, context):
    page = _page(qtbot, context, "delegations")
    record_id = next(rid for rid in page.model.ids
                     if len(editing.load(context.db, "delegations", rid)[editing.MEMBERS]) > 1)
    page.open_record(record_id)
    form = page.forms[record_id]
    position = len(editing.MEMBER_PERSON_KEYS) + editing.MEMBER_KEYS.index("position")
    form.members.table.item(0, position).setText("Phó Chánh Văn phòng")
    typed = form.values()[editing.MEMBERS]
    meanwhile = editing.load(context.db, "delegations", record_id)  # another window takes a member off
    members = [{key: form.kind.field(key).display(value) for key, value in member.items()}
               for member in meanwhile[editing.MEMBERS][:-1]]
    editing.save(context.db, "delegations", {**{key: form.kind.field(key).display(value)
                                                for key, value in meanwhile.items() if key in form.inputs},
                                             editing.MEMBERS: members}, record_id, seen=meanwhile[editing.VERSION])
    assert not form.save()
    assert form.message.text().startswith(f"Bản ghi đã được {context.db.actor.name} sửa lúc")
    assert form.values()[editing.MEMBERS] == typed and form.is_dirty()
    assert len(editing.load(context.db, "delegations", record_id)[editing.MEMBERS]) == len(typed) - 1


def test_a_delegation_opened_in_the_recycle_bin_is_shown_not_edited(qtbot, context):
    """Saving it would be refused (a form does not bring a record back): «Khôi phục» does that."""
    page = _page(qtbot, context, "delegations")
    record_id = page.model.record_id(0)
    recycle_bin.delete(context.db, "delegations", record_id)
    page.bin_switch.setChecked(True)
    page.open_record(record_id)
    form = page.forms[record_id]
    assert form.windowTitle().startswith("Đoàn ra nước ngoài – Xem:") and not hasattr(form, "save_button")
    assert form.inputs["countries"].isReadOnly() and not form.members.buttons.isVisibleTo(form)
    assert form.members.table.editTriggers() == form.members.table.EditTrigger.NoEditTriggers
    assert not any(form.members.table.cellWidget(0, column).isEnabled() for column in range(len(KEYS))
                   if form.members.table.cellWidget(0, column) is not None)


def test_a_relative_saved_over_someone_elses_change_is_refused_and_the_dialog_keeps_what_was_typed(qtbot, context):
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Thân nhân")
    row = next(r for r, entry in enumerate(tab.entries) if entry["id"] is not None)
    tab.table.selectRow(row)
    tab.buttons["Sửa"].click()
    support.fill(tab.dialog, {"occupation": "Giáo viên"})
    entry = tab.entries[row]
    [meanwhile] = [r for r in relatives.list_relatives(context.db, entry["person_id"]) if r.id == entry["id"]]
    relatives.update_relative(context.db, entry["id"], {  # saved from another window or PC
        "relation": meanwhile.relation, "full_name": meanwhile.full_name, "occupation": "Nông dân"},
        meanwhile.versions)
    assert not tab.dialog.save()
    assert tab.dialog.message.text().startswith(f"Bản ghi đã được {context.db.actor.name} sửa lúc")
    assert tab.dialog.values()["occupation"] == "Giáo viên" and tab.dialog.isVisible()


def _saved_once_confirmed(qtbot, context, kind: str, values: dict[str, str]) -> tuple[RecordForm, str]:
    """A new record typed in its form: saved, it is asked about under «Lưu ý», «Không» saving nothing and «Có»
    saving it. The form, and what it asked."""
    form = open_form(context, kind, None)
    qtbot.addWidget(form)
    support.fill(form, values)
    context.dialogs.answer_next(NO)
    assert not form.save() and form.record_id is None
    asked = context.dialogs.shown[-1]
    assert (asked.kind, asked.title) == ("ask", "Lưu ý")
    context.dialogs.answer_next(YES)
    assert form.save(), form.message.text()
    return form, asked.text


def test_a_date_after_today_is_saved_only_when_the_officer_confirms(qtbot, context):
    """A mistyped year (2062) would keep the slip out of every period's report: the form asks first,
    and saves when the officer says the date is right (the PC's clock may be the one that is wrong)."""
    form, asked = _saved_once_confirmed(qtbot, context, "slips", {**NEW["slips"], "issued_on": "10/02/2062"})
    assert asked == ("Ngày phát hành: «10/02/2062» ở sau hôm nay (15/06/2026): hãy xem lại, có thể đã gõ nhầm "
                     "năm (hoặc đồng hồ của máy tính chưa đúng)\n\nVẫn lưu?")
    assert editing.load(context.db, "slips", form.record_id)["issued_on"] == dt.date(2062, 2, 10)


def test_a_trip_planned_ahead_is_saved_without_asking(qtbot, context):
    form = open_form(context, "delegations", None)
    qtbot.addWidget(form)
    support.fill(form, {**NEW["delegations"], "depart_on": "01/03/2027", "return_on": "05/03/2027"})
    form.members.add_member({"full_name": "Nguyễn Văn Hùng", "birth_date": "1965-03-12", "role": "Trưởng đoàn"})
    asked = len(context.dialogs.shown)
    assert form.save(), form.message.text()
    assert len(context.dialogs.shown) == asked


def test_a_member_born_after_today_is_asked_about(qtbot, context):
    form = open_form(context, "delegations", None)
    qtbot.addWidget(form)
    support.fill(form, NEW["delegations"])
    form.members.add_member({"full_name": "Nguyễn Văn Hùng", "birth_date": "2065", "role": "Trưởng đoàn"})
    context.dialogs.answer_next(NO)
    assert not form.save()
    assert context.dialogs.shown[-1].text.startswith("Thành viên 1: Ngày sinh: «2065» ở sau hôm nay (15/06/2026)")


def test_a_member_no_cadre_matches_is_asked_about_before_a_new_cadre_is_made(qtbot, context):
    """The tour's phantom cadre: «Nguyễn Văn Hưng» typed for the cadre «Nguyễn Văn Hùng» was saved as a
    second cadre without a word; now the officer is asked, and «Không» saves nothing."""
    cadres_before = len(browse.record_ids(context.db, "cadres"))
    form = open_form(context, "delegations", None)
    qtbot.addWidget(form)
    support.fill(form, NEW["delegations"])
    form.members.add_member({"full_name": "Nguyễn Văn Hưng", "birth_date": "1965-03-12", "role": "Trưởng đoàn"})
    context.dialogs.answer_next(NO)
    assert not form.save() and form.record_id is None
    assert context.dialogs.shown[-1].text.startswith(
        "Thành viên 1: «Nguyễn Văn Hưng, sinh 12/03/1965» không có trong danh sách cán bộ: lưu sẽ thêm một cán bộ mới")
    assert len(browse.record_ids(context.db, "cadres")) == cadres_before
    context.dialogs.answer_next(YES)
    assert form.save(), form.message.text()
    assert len(browse.record_ids(context.db, "cadres")) == cadres_before + 1


def test_a_cccd_disagreeing_with_the_sex_is_saved_only_when_the_officer_confirms(qtbot, context):
    """A man's CCCD (digit 4 is 0) typed for Hoàng Thị Mới: asked before saving, as a date after today
    is; the officer's paper may be the one that is right, so it saves when told to."""
    form, asked = _saved_once_confirmed(qtbot, context, "cadres", {**NEW["cadres"], "cccd": "060055000777"})
    assert asked == ("Số CCCD: số 060055000777 cho biết giới tính nam (chữ số thứ 4) nhưng giới tính là Nữ: "
                     "hãy xem lại\n\nVẫn lưu?")
    assert editing.load(context.db, "cadres", form.record_id)["cccd"] == "060055000777"
    asked = len(context.dialogs.shown)
    support.fill(form, {"position": "Chuyên viên chính"})
    assert form.save(), form.message.text()
    assert len(context.dialogs.shown) == asked  # confirmed once, not asked again at each save


def test_the_picker_shows_ten_lines_of_candidates_each_person_on_its_own_shade(qtbot, context):
    """A candidate takes two lines (a cadre, a slip sent): the list shows about five without
    scrolling, and the shades tell where one person's lines end."""
    form = open_form(context, "slips", None)
    qtbot.addWidget(form)
    form.show()
    type_text(form.picker.search, "thi")
    results = form.picker.results
    assert results.count() >= 5 and results.alternatingRowColors()
    assert results.height() >= results.fontMetrics().lineSpacing() * 10


LONG_UNIT = "Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh Lâm Đồng"
LONG_REPLY = "Không có tàng thư; đã trích lục lý lịch gửi kèm công văn số 1234/PV01"


def shown_on_office_screen(qtbot, monkeypatch, opening):
    """The form `opening()` opens on a 1366×768 screen: on most of it, its frame within it."""
    screen = on_office_screen(monkeypatch)
    form = opening()
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    assert form.width() >= screen.width() * 0.9 and form.height() >= screen.height() * 0.9
    assert form.frameGeometry().height() <= screen.height()
    return form


def test_every_tab_of_the_cadres_file_is_in_view_on_an_office_screen(qtbot, monkeypatch, context):
    """The officer sees every tab of the file at 1366×768 — none behind the tab bar's arrows, where «Hồ sơ thẩm
    tra», the slips and the complaints were not found — and each 2C section's inside «Lý lịch 2C»."""
    hung = browse.record_ids(context.db, "cadres", "nguyen van hung")[0]
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "cadres", hung))
    for tabs in (form.tabs, form.vitae):
        form.show_page(tabs.tabText(0))
        bar = tabs.tabBar()
        assert bar.tabRect(bar.count() - 1).right() <= bar.width(), [tabs.tabText(i) for i in range(tabs.count())]
    assert form.show_page("Kỷ luật") is form.vitae.currentWidget() and form.tabs.currentWidget() is form.vitae


def every_column_in_view(table: QTableView) -> list[str]:
    """The headers of `table` cut short or out of view sideways (none: the table reads without scrolling); a
    column hidden aside."""
    header, room = table.horizontalHeader(), table.viewport().width()
    return [table.model().headerData(column, header.orientation()) for column in range(header.count())
            if not header.isSectionHidden(column)
            and (header.sectionViewportPosition(column) + header.sectionSize(column) > room + 1
                 or header.sectionSize(column) < header.sectionSizeFromContents(column).width())]


def read_whole_in_view(table: QTableView) -> list[str]:
    """`every_column_in_view` where headers may go on more lines (a table whose cells wrap): the headers out of
    view sideways or not whole on the lines they have."""
    header, room = table.horizontalHeader(), table.viewport().width()
    if not wraps(header):
        return every_column_in_view(table)
    return [table.model().headerData(column, header.orientation()) for column in range(header.count())
            if not header.isSectionHidden(column)
            and header.sectionViewportPosition(column) + header.sectionSize(column) > room + 1] + headers_cut(table)


def test_the_cadres_file_opens_on_most_of_an_office_screen_every_tab_read_without_scrolling(qtbot, monkeypatch,
                                                                                             context):
    _slips_about_anh(context, LONG_REPLY)
    anh = browse.record_ids(context.db, "cadres", "tran thi anh")[0]
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "cadres", anh))
    for title, page in form.pages()[1:]:
        form.show_page(title)
        qtbot.wait(1)
        assert read_whole_in_view(getattr(page, "table", page)) == [], title


HUNG_ISSUES = (  # as an officer records them: long sentences, about him and about his father, old and undated
    {"axis": "Lịch sử chính trị", "content": "Cha đẻ là trung úy quân đội Sài Gòn (1968–1975), học tập cải tạo 3 năm "
     "tại trại Z30D Hàm Tân, đã được trả quyền công dân năm 1981", "evidence": "Lý lịch tự khai năm 1995; xác minh "
     "của Công an xã Phú Thủy ngày 12/4/1996", "source_doc": "Biên bản xác minh số 17/BB-CA ngày 12/04/1996",
     "found_on": "20/05/1996", "effect": "Không ảnh hưởng"},
    {"axis": "Chính trị hiện nay", "content": "Con trai định cư tại Hoa Kỳ từ năm 2015, có thời gian tham gia hội đồng "
     "hương có khuynh hướng chống đối, nay đã rút khỏi hội", "evidence": "Công văn của Cục A93B",
     "source_doc": "CV 2215/A93B-P4 ngày 03/08/2019", "found_on": "15/09/2019",
     "effect": "Có vấn đề nhưng không vi phạm (có mức giới hạn)",
     "limit_note": "Không quá Phó Giám đốc Sở và tương đương"},
    {"axis": "Lịch sử chính trị", "content": "Bản thân khai chưa đầy đủ quá trình công tác giai đoạn 1990–1992 ở Thành "
     "phố Hồ Chí Minh", "effect": "Chưa kết luận"},
)


def _issues_of_hung(context) -> int:
    """Hùng's file with HUNG_ISSUES, the first about his father and the second about his son; his cadre id."""
    hung = browse.record_ids(context.db, "cadres", "nguyen van hung")[0]
    person = editing.load(context.db, "cadres", hung)["person_id"]
    father, _wife, son = relatives.list_relatives(context.db, person)
    for issue, about in zip(HUNG_ISSUES, (father.id, son.id, None), strict=True):
        POLITICAL_NOTES.add(context.db, person, {**issue, "relative_id": about})
    return hung


@pytest.mark.parametrize("scale", [1, 1.5])
def test_the_political_issues_of_a_file_read_whole_on_an_office_screen(qtbot, monkeypatch, context, scale):
    """At 1366×768 every cell of the «Vấn đề chính trị» tab was cut to a dozen letters («Cha đẻ là trung úy q…»),
    at 150 % its last column off to the right. The columns share the width, each cell whole on as many lines
    as it needs."""
    hung = _issues_of_hung(context)
    on_office_screen(monkeypatch, scale)
    form = open_form(context, "cadres", hung)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.tabs.setCurrentIndex([form.tabs.tabText(i) for i in range(form.tabs.count())].index("Vấn đề chính trị"))
    qtbot.wait(20)
    table = form.tabs.currentWidget().table
    header = table.horizontalHeader()
    assert table.horizontalScrollBar().maximum() == 0
    for column in range(table.columnCount()):  # its title whole, on two lines where it needs them
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= table.viewport().width()
        assert header.height() >= wrapped_height(header, column)
        assert header.sectionSize(column) >= longest_word(header, column)
    tallest = table.verticalHeader().maximumSectionSize()
    assert tallest >= TALLEST_ROW * table.fontMetrics().lineSpacing()
    for row in range(table.rowCount()):  # as tall as its cells need, up to TALLEST_ROW lines: a longer text on hover
        assert table.rowHeight(row) >= min(table.sizeHintForRow(row), tallest), table.item(row, 1).text()
        assert table.rowHeight(row) > 2 * table.fontMetrics().lineSpacing()
    assert [as_seen(table.item(row, 1).toolTip()) for row in range(3)] == [long_text.tip(issue["content"])
                                                                    for issue in HUNG_ISSUES]


def test_an_issue_told_in_three_thousand_lines_has_a_tooltip_inside_the_screen(qtbot, context):
    """Its tooltip gave every line, taller than the screen: it gives the first lines, then how many are left."""
    hung = _issues_of_hung(context)
    person = editing.load(context.db, "cadres", hung)["person_id"]
    content = "\n".join(f"Dòng {number}" for number in range(1, 3001))
    POLITICAL_NOTES.add(context.db, person,
                        {"axis": "Lịch sử chính trị", "content": content, "effect": "Chưa kết luận"})
    form = open_form(context, "cadres", hung)
    qtbot.addWidget(form)
    form.tabs.setCurrentIndex([form.tabs.tabText(i) for i in range(form.tabs.count())].index("Vấn đề chính trị"))
    table = form.tabs.currentWidget().table
    [row] = [row for row in range(table.rowCount()) if table.item(row, 1).text() == content]
    tip = as_seen(table.item(row, 1).toolTip()).split("\n")
    assert tip[:2] == ["Dòng 1", "Dòng 2"] and len(tip) == long_text.TIP_LINES + 1
    assert tip[-1] == f"… (còn {grouped(3000 - long_text.TIP_LINES)} dòng nữa; mở bản ghi để xem đủ)"


LONG_REASON = ("Thiếu trách nhiệm trong lãnh đạo, chỉ đạo, để xảy ra vi phạm trong quản lý đất đai tại địa phương, "
               "gây thất thoát ngân sách nhà nước")


def test_a_row_of_wrapped_text_leaves_its_lines_the_room_a_one_line_row_leaves_its_line(qtbot, monkeypatch, context):
    """«Lý do» on two lines sat on the row's bottom edge (31 pixels for two lines of 15) and a one-line row of
    the tab was 19 pixels, a tab's of one-line texts 25: every row as tall as its lines and the same room
    around them."""
    hung = browse.record_ids(context.db, "cadres", "nguyen van hung")[0]
    person = editing.load(context.db, "cadres", hung)["person_id"]
    for reason in (LONG_REASON, "Vi phạm"):
        DISCIPLINES.add(context.db, person, {"decided_on": "05/2010", "organisation": "Đảng", "penalty": "Khiển trách",
                                             "authority": "Ủy ban Kiểm tra Tỉnh ủy", "reason": reason})
    on_office_screen(monkeypatch)
    form = open_form(context, "cadres", hung)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    one_line = next(page.table.verticalHeader().defaultSectionSize() for _title, page in form.pages()
                    if isinstance(getattr(page, "table", None), QTableView) and not page.table.wordWrap())
    table = form.show_page("Kỷ luật").table
    qtbot.wait(20)
    metrics, reason = table.fontMetrics(), DISCIPLINES.fields.index(DISCIPLINES.field("reason"))
    room = one_line - metrics.lineSpacing()
    lines = []
    for row in range(table.rowCount()):
        text, width = table.item(row, reason).text(), table.columnWidth(reason) - 8  # the cell's margins
        lines.append(metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text).height()
                     // metrics.lineSpacing())
        assert table.rowHeight(row) >= lines[-1] * metrics.lineSpacing() + room, (text, table.rowHeight(row))
    assert lines == [2, 1]


def _anh_case_slips(qtbot, monkeypatch, context) -> QTableView:
    """The slips table of Trần Thị Ánh's appointment case, its window open on an office screen."""
    _slips_about_anh(context, LONG_REPLY)
    anh = browse.record_ids(context.db, "cadres", "tran thi anh")[0]
    person = editing.load(context.db, "cadres", anh)["person_id"]
    case = next(case["id"] for case in cases.cases_of(context.db, person) if case["purpose"] == "Bổ nhiệm")
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "vetting-cases", case))
    return _slips_of(form)


LONG_SCAN = "Công văn trả lời phiếu xác minh số 1234-PXM của Công an phường Nguyễn Thái Bình, quận 1 bản {}.pdf"


def test_a_vetting_case_with_its_slips_and_scans_reads_whole_at_1366_by_768_without_scrolling(qtbot, monkeypatch,
                                                                                              context, tmp_path):
    """At 1366×768 the case window scrolled: its steps' tabs asked the height of their tallest page, the
    «Tệp đính kèm» tab's four rows of scans, with the team's empty list below it. The tabs give way to the
    rest of the case, the window reads whole, its three slips with long replies and two scans included."""
    _slips_about_anh(context, LONG_REPLY)
    anh = browse.record_ids(context.db, "cadres", "tran thi anh")[0]
    person = editing.load(context.db, "cadres", anh)["person_id"]
    case = next(case["id"] for case in cases.cases_of(context.db, person) if case["purpose"] == "Bổ nhiệm")
    for copy in (1, 2):
        scan = tmp_path / LONG_SCAN.format(copy)
        scan.write_bytes(f"%PDF-1.4 bản {copy}".encode())
        attachments.attach(context.db, "vetting-cases", case, scan, "")
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "vetting-cases", case))
    qtbot.wait(20)
    assert _slips_of(form).rowCount() == 3 and form.steps.tabs.widget(3).table.rowCount() == 2
    assert form.scroller.verticalScrollBar().maximum() == 0
    for tab in range(form.steps.tabs.count()):  # each step's list still shows two rows at least
        form.steps.tabs.setCurrentIndex(tab)
        table = form.steps.tabs.currentWidget().findChild(QTableView)
        assert table.viewport().height() >= 2 * table.verticalHeader().defaultSectionSize(), tab


def _slips_of(form) -> QTableView:
    """The case window's table of the slips serving it (its steps' tables come before it)."""
    return next(table for table in form.findChildren(QTableView) if table.accessibleName() == SLIPS.title)


def test_a_vetting_case_opens_on_most_of_an_office_screen_with_every_column_of_its_slips(qtbot, monkeypatch,
                                                                                          context):
    slips = _anh_case_slips(qtbot, monkeypatch, context)
    assert slips.rowCount() == 3
    assert every_column_in_view(slips) == []


def test_a_vetting_case_s_window_made_narrower_reads_every_header_of_its_slips_whole(qtbot, monkeypatch, context):
    """At 736 pixels «Họ và tên người được xác minh» read «tên người được xác», «Ngày nhận kết quả»
    «gày nhận kết quả»: a narrow column's header goes on more lines, none cut."""
    slips = _anh_case_slips(qtbot, monkeypatch, context)
    assert headers_cut(slips) == []
    slips.window().resize(736, 736)
    qtbot.waitUntil(lambda: slips.width() < 736)
    qtbot.waitUntil(lambda: headers_cut(slips) == [])  # the list as tall as its rows: laid out once more
    assert every_column_in_view(slips) != []  # narrowed: the headers went on more lines


def headers_cut(table: QTableView) -> list[str]:
    """The headers of `table` that do not read whole in their column, on as many lines as it has room for; a
    column hidden aside (the archive requests of a person file hide «Quê quán»)."""
    header, metrics = table.horizontalHeader(), table.horizontalHeader().fontMetrics()
    cut = []
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        text = table.model().headerData(column, header.orientation())
        one_line = header.sectionSizeFromContents(column)
        room = header.sectionSize(column) - (one_line.width() - metrics.horizontalAdvance(text))
        lines = metrics.height() if metrics.horizontalAdvance(text) <= room else \
            metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text).height()
        if max(map(metrics.horizontalAdvance, text.split())) > room or \
                lines + one_line.height() - metrics.height() > header.height():
            cut.append(text)
    return cut


def test_a_vetting_cases_slip_opens_from_its_window_and_a_cut_result_is_read_whole_in_a_tooltip(qtbot, monkeypatch,
                                                                                                  context):
    reply = f"{LONG_REPLY} ngày 28/03/2026 của Phòng Hồ sơ nghiệp vụ, Công an tỉnh Lâm Đồng (trước là Công an tỉnh " \
            "Bình Thuận), kèm bản sao tờ khai lý lịch năm 1975"
    _slips_about_anh(context, reply)
    anh = browse.record_ids(context.db, "cadres", "tran thi anh")[0]
    person = editing.load(context.db, "cadres", anh)["person_id"]
    case = next(case for case in cases.cases_of(context.db, person) if case["purpose"] == "Bổ nhiệm")
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "vetting-cases", case["id"]))
    slips = _slips_of(form)
    served = [slip["id"] for slip in cases.case_file(context.db, case["id"]).slips]
    result = slips.model().index(0, slips.columnCount() - 1)
    assert slips.visualRect(result).width() < slips.fontMetrics().horizontalAdvance(reply)  # cut short
    assert tooltip_at(slips, result) == long_text.tip(reply)  # whole, in lines of a tooltip's width
    active(qtbot, form)
    slips.setFocus()
    slips.setCurrentCell(1, 0)
    qtbot.keyClick(slips, Qt.Key.Key_Return)
    assert [opened.record_id for opened in form.forms] == [served[1]]
    slip = form.forms[0]
    assert slip.isVisible() and slip.windowTitle() == "Phiếu yêu cầu xác minh lai lịch – Sửa: Nguyễn Thị Hạnh"
    assert form.isVisible() and form.dialog is None  # Enter pressed no button of the case
    double_click(qtbot, slips, result)
    assert [opened.record_id for opened in form.forms] == [served[1], served[0]]
    support.fill(slip, {"result": "Không có vấn đề"})
    assert slip.save(), slip.message.text()
    # the case is shown again (its tables anew), with the result
    qtbot.waitUntil(lambda: _slips_of(form).item(1, result.column()).text() == "Không có vấn đề")


def double_click(qtbot, view: QTableView, index) -> None:
    """A double-click on the cell at `index` as the view gets it: a click, then a second press (QTest's
    double-click alone is the second press only)."""
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)


def tooltip_at(view: QTableView, index) -> str:
    """The tooltip the officer sees resting the mouse on the cell at `index` ("" for none)."""
    where = view.visualRect(index).center()
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, where, view.viewport().mapToGlobal(where)))
    return as_seen(QToolTip.text()) if QToolTip.isVisible() else ""


def test_a_delegation_opens_on_most_of_an_office_screen_with_every_column_of_its_members(qtbot, monkeypatch,
                                                                                          context):
    page = _page(qtbot, context, "delegations")
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "delegations",
                                                                        page.model.record_id(0)))
    form.members.set_members([{"full_name": "Công Tằng Tôn Nữ Diệu Huyền Thanh Thảo", "birth_date": "1975-03-12",
                               "home_town": "xã Hàm Thuận Bắc, huyện Hàm Thuận Bắc, tỉnh Bình Thuận",
                               "cccd": "060175001234", "position": "Phó Trưởng ban Thường trực",
                               "unit": LONG_UNIT, "role": "Trưởng đoàn"}])
    assert every_column_in_view(form.members.table) == []


def test_a_member_s_long_name_and_unit_cut_short_are_read_whole_under_the_mouse(qtbot, monkeypatch, context):
    """Forty members from one unit of a long name: the table's room cuts the unit short in every line (and a
    long name), and the officer reads it whole resting the mouse on it; a cell shown whole has no tooltip."""
    page = _page(qtbot, context, "delegations")
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "delegations",
                                                                        page.model.record_id(0)))
    form.members.set_members([{"full_name": f"Công Tằng Tôn Nữ Diệu Huyền Thanh Thảo {number:04d}",
                               "birth_date": "1975-03-12", "home_town": "xã Hàm Thuận Bắc, huyện Hàm Thuận Bắc",
                               "cccd": f"0601750{number:05d}", "position": "Chuyên viên", "unit": LONG_UNIT,
                               "role": "Thành viên"} for number in range(40)])
    table = form.members.table
    unit = table.model().index(0, KEYS.index("unit"))
    assert table.visualRect(unit).width() < table.fontMetrics().horizontalAdvance(LONG_UNIT)  # cut short
    assert tooltip_at(table, table.model().index(0, KEYS.index("birth_date"))) == ""
    assert tooltip_at(table, unit) == LONG_UNIT


@pytest.mark.parametrize("width", [None, 1300, 1366])
def test_a_member_s_long_name_is_read_whole_before_the_unit_and_the_position(qtbot, monkeypatch, context, width):
    """Six long names beside long home towns, positions and units at 1366×768, the form as it opens, widened and
    maximised: every column was narrowed to one width, so «Nguyễn Thị Thanh Hương Bích …» was cut while «Phó Giám
    đốc phụ trách Trung tâm» showed whole (at 1,300 px the home town took 367 px and left the name 111). The name is
    whom the officer checks against the decision: it is whole, the unit and home town give way."""
    page = _page(qtbot, context, "delegations")
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "delegations",
                                                                        page.model.record_id(0)))
    form.resize(width or form.width(), form.height())
    names = ["Nguyễn Thị Thanh Hương Bích Ngọc", "Tôn Nữ Hoàng Phương Thảo Nguyên", "Công Tằng Tôn Nữ Diệu Huyền"]
    form.members.set_members([{"full_name": name, "birth_date": "1968-10-12",
                               "home_town": "xã Hàm Thuận Bắc, huyện Hàm Thuận Bắc, tỉnh Bình Thuận",
                               "cccd": f"06016801{number:04d}", "position": "Phó Giám đốc phụ trách Trung tâm",
                               "unit": LONG_UNIT, "role": "Thành viên"} for number, name in enumerate(names * 2)])
    qtbot.wait(1)
    table = form.members.table
    assert every_column_in_view(table) == []
    assert table.columnWidth(KEYS.index("full_name")) >= max(
        table.fontMetrics().horizontalAdvance(name) + 8 for name in names)


def cut_members(table) -> list[str]:
    """What a delegation's member table shows cut short: the headers of columns out of view sideways or
    narrower than a cell's text, or than a role box needs for its longest choice beside its arrow (a column
    hidden aside)."""
    header = table.horizontalHeader()
    cut = set(every_column_in_view(table))
    shown = [column for column in range(table.columnCount()) if not table.isColumnHidden(column)]
    for row in range(table.rowCount()):
        for column in shown:
            box = table.cellWidget(row, column)
            if box is None:
                needs = table.fontMetrics().horizontalAdvance(table.item(row, column).text()) + 8
            else:
                choices = (box.itemText(index) for index in range(box.count()))
                needs = max(box.fontMetrics().horizontalAdvance(choice) for choice in choices) + 30
            if header.sectionSize(column) < needs:
                cut.add(table.horizontalHeaderItem(column).text())
    return sorted(cut)


def test_a_member_added_from_the_keyboard_is_typed_at_once(qtbot, context):
    """Tab to «Thêm thành viên», Space: a line was added but the focus stayed on the button, and the name typed
    next went nowhere — the new line could be reached only by the mouse or by Shift+Tab and arrows. The new
    line's first cell is open for typing; Tab commits it and goes on to the birth date."""
    form = open_form(context, "delegations", None)
    qtbot.addWidget(form)
    active(qtbot, form)
    adding = next(button for button in form.members.findChildren(QPushButton) if button.text() == "Thêm thành viên")
    adding.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(adding, Qt.Key.Key_Space)
    type_text(QApplication.focusWidget(), "Bùi Thị Hương")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    QTest.keyClicks(QApplication.focusWidget(), "02/02/1975")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    table = form.members.table
    assert table.rowCount() == 1
    assert [table.item(0, column).text() for column in (0, 1)] == ["Bùi Thị Hương", "02/02/1975"]


def test_a_delegations_members_are_read_whole_as_they_are_typed_and_when_the_delegation_is_reopened(
        qtbot, monkeypatch, context):
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "delegations", None))
    support.fill(form, NEW["delegations"])
    adding = next(button for button in form.members.findChildren(QPushButton) if button.text() == "Thêm thành viên")
    table = form.members.table
    typed = [{"full_name": "Tôn Nữ Thị Phương Thảo", "birth_date": "03/1965", "position": "Phó Trưởng ban Thường trực",
              "unit": "Ban Chỉ đạo phòng, chống tham nhũng tỉnh", "role": "Phó trưởng đoàn"},
             {"full_name": "Lê Hòa", "birth_date": "1958", "role": "Thành viên"}]
    for row, member in enumerate(typed):
        adding.click()
        QTest.keyClick(table.cellWidget(row, 0), Qt.Key.Key_Escape)  # the name's cell, open for typing: set below
        qtbot.wait(1)
        box = table.cellWidget(row, KEYS.index("role"))
        assert table.horizontalHeader().sectionSize(KEYS.index("role")) <= box.sizeHint().width() + 10  # the room
        assert table.horizontalHeader().sectionSize(KEYS.index("full_name")) > 200  # left goes to what is typed
        for column, key in enumerate(KEYS):
            if table.cellWidget(row, column) is not None:
                table.cellWidget(row, column).setCurrentText(member[key])
            elif key in member:
                table.item(row, column).setText(member[key])  # as an edit of the cell commits it
        qtbot.wait(1)
        assert cut_members(table) == [], member["full_name"]
    context.dialogs.answer_next(YES)  # neither is a cadre yet: saving adds them
    assert form.save(), form.message.text()
    form.close()
    reopened = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "delegations", form.record_id))
    qtbot.wait(1)
    assert reopened.members.table.rowCount() == 2
    assert cut_members(reopened.members.table) == []
    reopened.members.table.item(0, KEYS.index("unit")).setText(LONG_UNIT + " (Ban Chỉ đạo 35)")
    assert cut_members(reopened.members.table) == ["Đơn vị công tác"]  # a name too long for the room, not the role


def test_a_delegations_report_is_typed_on_one_row_and_its_form_is_read_without_scrolling(qtbot, monkeypatch, context):
    """«Số báo cáo», «Ngày báo cáo», «Nơi nhận báo cáo» share a row, each box named by its label: on an
    office screen every field and the members' table with its buttons are in view, nothing scrolls."""
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "delegations", None))
    support.fill(form, dict(NEW["delegations"], report_no="1234-BC/BQLKCN", report_on="10/03/2026",
                            report_to="Thường trực Tỉnh ủy, Ban Tổ chức Tỉnh ủy"))
    qtbot.wait(1)
    boxes = [form.inputs[key] for key in ("report_no", "report_on", "report_to")]
    assert len({box.mapTo(form, box.rect().topLeft()).y() for box in boxes}) == 1
    assert [box.accessibleName() for box in boxes] == ["Số báo cáo", "Ngày báo cáo", "Nơi nhận báo cáo"]
    assert all(box.width() >= box.fontMetrics().horizontalAdvance(box.text()) for box in boxes)
    assert form.fields_area.verticalScrollBar().maximum() == 0
    adding = next(button for button in form.members.findChildren(QPushButton) if button.text() == "Thêm thành viên")
    assert form.fields_area.viewport().rect().contains(adding.mapTo(form.fields_area.viewport(),
                                                                    adding.rect().bottomRight()))


def test_a_member_who_did_not_go_is_marked_with_the_reason_and_stays_on_the_delegation(qtbot, context):
    """«Thành viên không đi…» shows the column of the reason (hidden while every member goes) and opens the
    selected member's cell: the member stays on the list, marked."""
    form = open_form(context, "delegations", None)
    qtbot.addWidget(form)
    _fill_new(form, NEW["delegations"])
    form.members.add_member({"full_name": "Tôn Nữ Thị Ngọc Hường", "birth_date": "1980", "role": "Thành viên"})
    table = form.members.table
    assert table.isColumnHidden(KEYS.index("not_going"))
    table.setCurrentCell(1, KEYS.index("full_name"))
    next(button for button in form.members.findChildren(QPushButton) if button.text() == "Thành viên không đi…").click()
    assert not table.isColumnHidden(KEYS.index("not_going"))
    assert table.currentItem() is table.item(1, KEYS.index("not_going"))
    editor = table.cellWidget(1, KEYS.index("not_going"))  # the cell's editor, open for typing
    type_text(editor, "ốm")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(1)
    context.dialogs.answer_next(YES)  # neither is a cadre yet: saving adds them
    assert form.save(), form.message.text()
    stored = editing.load(context.db, "delegations", form.record_id)[editing.MEMBERS]
    assert [(member["full_name"], member["not_going"]) for member in stored] == [
        ("Nguyễn Văn Hùng", None), ("Tôn Nữ Thị Ngọc Hường", "ốm")]
    reopened = open_form(context, "delegations", form.record_id)
    qtbot.addWidget(reopened)
    assert not reopened.members.table.isColumnHidden(KEYS.index("not_going"))


def test_what_is_done_to_a_chosen_member_waits_for_a_member_to_be_chosen(qtbot, context):
    """«Bỏ thành viên đã chọn» and «Thành viên không đi…» pressed with no member chosen did nothing, and said
    nothing: they stay greyed until a member is chosen, and again once the chosen one is taken off."""
    form = open_form(context, "delegations", None)
    qtbot.addWidget(form)
    _fill_new(form, NEW["delegations"])
    form.members.add_member({"full_name": "Tôn Nữ Thị Ngọc Hường", "birth_date": "1980", "role": "Thành viên"})
    table = form.members.table
    table.clearSelection()
    chosen = [button for button in form.members.findChildren(QPushButton)
              if button.text() in ("Bỏ thành viên đã chọn", "Thành viên không đi…")]
    assert len(chosen) == 2 and not any(button.isEnabled() for button in chosen)
    table.setCurrentCell(1, KEYS.index("full_name"))
    assert all(button.isEnabled() for button in chosen)
    chosen[0].click()
    assert table.rowCount() == 1 and table.selectedIndexes() == []
    assert not any(button.isEnabled() for button in chosen)


def test_a_delegation_saved_while_a_members_cell_is_still_being_typed_in_keeps_what_is_typed(qtbot, context):
    """Ctrl+S with the cursor still in a member's cell (no click elsewhere to close it) read the cell's open
    editor as a choice box and crashed; what is typed there is the member's value."""
    form = open_form(context, "delegations", None)
    qtbot.addWidget(form)
    _fill_new(form, NEW["delegations"])
    table = form.members.table
    table.setCurrentCell(0, KEYS.index("unit"))
    table.editItem(table.currentItem())
    editor = table.cellWidget(0, KEYS.index("unit"))
    editor.setText("Sở Ngoại vụ tỉnh Lâm Đồng")
    assert [member["unit"] for member in form.members.members()] == ["Sở Ngoại vụ tỉnh Lâm Đồng"]


def test_the_files_buttons_on_an_entry_are_enabled_only_once_one_is_selected(qtbot, context):
    form = _file_of_anh(qtbot, context)
    cases_tab = _tab(form, "Hồ sơ thẩm tra")
    cases_tab.buttons["Mở hồ sơ thẩm tra"].click()
    support.fill(cases_tab.dialog, {"purpose": "Bổ nhiệm", "opened_on": "01/03/2026"})
    assert cases_tab.dialog.save(), cases_tab.dialog.message.text()
    for tab, on_entry in ((_tab(form, "Thân nhân"), ("Sửa", "Xóa")), (cases_tab, ("Sửa", "Ghi kết luận", "Xóa"))):
        assert tab.table.rowCount() > 0
        tab.table.clearSelection()
        assert {label: button.isEnabled() for label, button in tab.buttons.items() if label in on_entry} == \
            dict.fromkeys(on_entry, False), tab.section.title
        assert tab.buttons["Thêm" if "Thêm" in tab.buttons else "Mở hồ sơ thẩm tra"].isEnabled()
        tab.table.selectRow(0)
        assert all(tab.buttons[label].isEnabled() for label in on_entry), tab.section.title


def test_an_empty_tab_of_the_cadres_file_says_it_has_nothing_yet(qtbot, context):
    hung = browse.record_ids(context.db, "cadres", "nguyen van hung")[0]
    form = open_form(context, "cadres", hung)
    qtbot.addWidget(form)
    form.resize(1000, 600)
    form.show()
    notes = {}
    for title, page in form.pages()[1:]:
        form.show_page(title)
        table = getattr(page, "table", page)
        if table.model().rowCount() == 0:
            note = table.findChild(EmptyNote)
            notes[title] = note.text
            image = table.viewport().grab().toImage()
            assert any(image.pixelColor(x, y).lightness() < 128 for x in range(0, image.width(), 2)
                       for y in range(0, 60)), "the line is drawn where the rows would be"
        else:
            assert not table.findChild(EmptyNote).shown()
    assert notes == {"Khen thưởng": "Chưa có khen thưởng nào.", "Kỷ luật": "Chưa có kỷ luật nào.",
                     "Quá trình lương": "Chưa có quá trình lương nào.",
                     "Đánh giá, xếp loại": "Chưa có đánh giá, xếp loại nào.",
                     "Đào tạo, bồi dưỡng": "Chưa có đào tạo, bồi dưỡng nào.",
                     "Quá trình công tác": "Chưa có quá trình công tác nào.",
                     "Đặc điểm lịch sử bản thân": "Chưa có đặc điểm lịch sử bản thân nào.",
                     "Vấn đề chính trị": "Chưa có vấn đề chính trị nào.",  # his son lives in Hoa Kỳ: a foreign element
                     "Hồ sơ thẩm tra": "Chưa có hồ sơ thẩm tra nào.",
                     "Phiếu xác minh": "Chưa có phiếu xác minh nào.",
                     "Nghiên cứu tàng thư": "Chưa có nghiên cứu tàng thư nào.",
                     "Đoàn ra nước ngoài": "Chưa có đoàn ra nước ngoài nào.",
                     "Hộ chiếu": "Chưa có hộ chiếu nào."}


LONG_RECIPIENT = ("Phòng An ninh chính trị nội bộ – Công an tỉnh Lâm Đồng (cơ sở 2, khu vực Bình Thuận cũ) – "
                  "Đội nghiệp vụ số 3")


def cut_sideways(form) -> list[str]:
    """The fields of `form` whose right edge (a drop-down's arrow) is out of its view sideways."""
    area = form.fields_area
    return [key for key, widget in form.inputs.items()
            if widget.mapTo(area.viewport(), widget.rect().topRight()).x() >= area.viewport().width()]


def fits(window, screen) -> bool:
    """`window` within `screen`, at its size and at the least it can be made."""
    frame, least = window.frameGeometry().size(), window.minimumSizeHint()
    return frame.boundedTo(screen.size()) == frame and least.boundedTo(screen.size()) == least


@pytest.mark.parametrize("scale", [1.25, 1.5])
@pytest.mark.parametrize(("kind", "opened"), [("slips", "new"), ("complaints", "new"), ("archive-requests", "stored")])
def test_a_record_s_window_fits_the_screen_at_windows_scaling(qtbot, monkeypatch, context, scale, kind, opened):
    """At 125 % (1093×582 above the taskbar) and 150 % a slip's window opened at 760×640: «Lưu» and «Đóng»
    below the screen's edge. The window keeps to the screen; its fields scroll in it."""
    screen = on_office_screen(monkeypatch, scale)
    form = open_form(context, kind, browse.record_ids(context.db, kind)[0] if opened == "stored" else None)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    if form.picker is not None:  # people already recorded listed above the fields
        type_text(form.picker.search, "Phạm")
        assert form.picker.results.isVisible()
    qtbot.wait(20)
    assert fits(form, screen)


@pytest.mark.parametrize("scale", [1.25, 1.5])
def test_a_vetting_case_s_window_fits_the_screen_at_windows_scaling_its_case_scrolling(
        qtbot, monkeypatch, context, scale):
    """At 150 % a case's window, its steps above its slips, was 598 pixels tall on a screen of 485: «Ghi kết
    luận» and «Đóng» below its edge. The case scrolls above its buttons."""
    screen = on_office_screen(monkeypatch, scale)
    form = open_form(context, "vetting-cases", browse.record_ids(context.db, "vetting-cases")[0])
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    qtbot.wait(20)
    assert fits(form, screen)
    assert {"Ghi kết luận", "Đóng"} <= {button.text() for button in form.findChildren(QPushButton)
                                        if button.isVisibleTo(form) and not button.visibleRegion().isEmpty()}


@pytest.mark.parametrize("opened", ["new", "stored"])
def test_a_long_recipient_name_leaves_every_field_of_a_slip_in_view(qtbot, monkeypatch, context, opened):
    """Named in the list of recipients or on the slip, a long unit is cut short in the closed box and
    read whole in its list and tip; the form keeps its size and every field fits it."""
    on_office_screen(monkeypatch)
    recipients.add_recipient(context.db, LONG_RECIPIENT)
    record_id = None
    if opened == "stored":
        record_id = editing.save(context.db, "slips", {**NEW["slips"], "recipient": LONG_RECIPIENT}, None, None, None)
    form = open_form(context, "slips", record_id)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    box = form.inputs["recipient"]
    box.setCurrentText(LONG_RECIPIENT)
    qtbot.wait(1)
    assert form.width() == 760 and form.fields_area.horizontalScrollBar().maximum() == 0
    assert cut_sideways(form) == []
    assert as_seen(box.toolTip()) == long_text.tip(LONG_RECIPIENT)  # in lines inside the screen
    box.showPopup()
    assert box.view().width() >= box.view().fontMetrics().horizontalAdvance(LONG_RECIPIENT)
    box.hidePopup()


@pytest.mark.parametrize("kind", ["cadres", "slips", "delegations", "complaints"])
def test_a_form_starts_on_its_first_box_and_tab_goes_on_to_the_fields(qtbot, context, kind):
    """A new record starts where it is typed: the picker's search for a person, else the first field;
    Tab goes from there through the fields to the buttons (a lone tab's bar is not shown, so no stop), and
    never stops on the fields' area itself."""
    form = open_form(context, kind, None)
    qtbot.addWidget(form)
    active(qtbot, form)
    first_field = form.inputs[next(iter(form.inputs))]
    stops = tab_stops()
    if form.picker is not None:  # the tabs between the search and the fields: a new cadre's file waits on one
        bar = [form.tabs.tabBar()] if form.tabs.count() > 1 else []
        assert stops[:2 + len(bar)] == [form.picker.search, *bar, first_field]
    else:
        assert stops[0] is first_field
    assert form.fields_area not in stops
    assert (form.tabs.tabBar() in stops) == (form.tabs.count() > 1)


def scroll_areas(widget: QWidget) -> list[QScrollArea]:
    """The scroll areas `widget` sits in, the outermost first."""
    found, parent = [], widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            found.insert(0, parent)
        parent = parent.parentWidget()
    return found


def comes_before(one: QWidget, other: QWidget) -> bool:
    """Whether `one` is read before `other` on screen: above it, or beside it on its left. Inside a scroll
    area a widget is placed by where it sits in the area's content (scrolled out of view or not); against a
    widget outside the area, by where the area is."""
    outer, inner = scroll_areas(one), scroll_areas(other)
    common = 0
    while common < min(len(outer), len(inner)) and outer[common] is inner[common]:
        common += 1
    frame = outer[common - 1].widget() if common else one.window()
    first = outer[common] if len(outer) > common else one
    second = inner[common] if len(inner) > common else other
    a = QRect(first.mapTo(frame, QPoint(0, 0)), first.size())
    b = QRect(second.mapTo(frame, QPoint(0, 0)), second.size())
    if a.bottom() < b.top():
        return True
    return a.top() <= b.bottom() and b.top() <= a.bottom() and a.left() < b.left()


def out_of_screen_order(stops: list[QWidget]) -> list[str]:
    """Each Tab of the round `stops` that goes back up or leftwards, from the stop read first on screen."""
    first = next(stop for stop in stops if not any(comes_before(other, stop) for other in stops))
    at = stops.index(first)
    ordered = stops[at:] + stops[:at]

    def name(widget: QWidget) -> str:
        return f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"

    return [f"{name(one)} → {name(other)}" for one, other in zip(ordered, ordered[1:], strict=False)
            if comes_before(other, one)]


@pytest.mark.parametrize("opened", ["new", "saved"])
@pytest.mark.parametrize("kind", ["archive-requests", "cadres", "vetting-cases", "slips", "delegations", "complaints",
                                  "passports"])
def test_tab_follows_the_screen_top_to_bottom_and_left_to_right(qtbot, context, kind, opened):
    """An archive request opened for editing went from its fields to its buttons, up to its tab bar, then
    higher still to the picker's search above it: Tab goes round a record's form as the officer reads it."""
    saved = browse.record_ids(context.db, kind) if kind in support.ALL_KINDS else []
    if opened == "saved" and not saved:
        pytest.skip(f"the sample holds no {kind}")
    form = open_form(context, kind, saved[0] if opened == "saved" else None)
    qtbot.addWidget(form)
    active(qtbot, form)
    assert out_of_screen_order(tab_stops()) == []


FORM_BUTTONS = ["Lưu", "In trích ngang…", VITAE_PRINT, "Đóng"]  # a cadre's, left to right


def test_on_a_cadres_discipline_tab_goes_down_the_form_as_it_is_seen_and_shift_tab_back_up(
        qtbot, monkeypatch, context):
    """On «Lý lịch 2C» Tab went from the section's tabs to its list and «Thêm», up to the form's tabs, and only
    then down to «Lưu»: the file's pages, made once the form stood, came last of all. Tab goes as the officer
    reads: the form's tabs, the section's, its list, the list's buttons, the form's buttons."""
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(
        context, "cadres", browse.record_ids(context.db, "cadres", "tran thi anh")[0]))
    DISCIPLINES.add(context.db, form.person_id, {"decided_on": "05/2015", "organisation": "Đảng",
                                                 "penalty": "Khiển trách", "in_effect_until": "05/2016"})
    page = form.show_page("Kỷ luật")
    page.reload()
    page.table.selectRow(0)
    down = ["tabs: Lý lịch 2C", "tabs: Kỷ luật", "Kỷ luật", "Thêm", "Sửa", "Xóa", *FORM_BUTTONS]
    assert tab_walk(qtbot, form, form.tabs.tabBar()) == down
    assert tab_walk(qtbot, form, form.tabs.tabBar(), backwards=True) == down[:1] + down[:0:-1]


def _rows_buttons(page: QWidget) -> list[str]:
    """The buttons under a page's list that Tab reaches, left to right (none on a list of records only)."""
    return [button.text() for button in getattr(page, "buttons", {}).values() if button.isEnabled()]


def test_tab_goes_down_every_page_of_a_cadres_file_from_its_tabs_to_the_forms_buttons(qtbot, monkeypatch, context):
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(
        context, "cadres", browse.record_ids(context.db, "cadres", "tran thi anh")[0]))
    walked, expected = {}, {}
    for title, page in form.pages()[1:]:
        form.show_page(title)
        getattr(page, "table", page).selectRow(0)
        inner = [f"tabs: {title}"] if form.vitae.isAncestorOf(page) else []
        expected[title] = [f"tabs: {form.tabs.tabText(form.tabs.currentIndex())}", *inner, title, *_rows_buttons(page),
                           *FORM_BUTTONS]
        walked[title] = tab_walk(qtbot, form, form.tabs.tabBar())
    assert walked == expected


def test_tab_goes_from_a_slips_attachments_tab_through_its_scans_to_the_forms_buttons(qtbot, monkeypatch, context):
    """The scans' list, made when the tab is first looked at, came after «Đóng»."""
    on_office_screen(monkeypatch)
    form = open_form(context, "slips", browse.record_ids(context.db, "slips")[0])
    qtbot.addWidget(form)
    form.tabs.setCurrentIndex(1)
    assert tab_walk(qtbot, form, form.tabs.tabBar()) == [
        "tabs: Tệp đính kèm", "Tệp đính kèm", "Thêm tệp…", "Thùng rác", "Lưu", "In phiếu…", "Đóng",
        "Người đã có trong cơ sở dữ liệu"]  # the person picker, above the tabs: round to them again


@pytest.mark.parametrize("kind", ["cadres", "slips"])
def test_a_record_opens_on_its_first_field_when_its_tabs_do_not_fit(qtbot, monkeypatch, context, kind):
    """At 150 % a cadre's file opened with the focus on the arrow that scrolls its tabs, not on «Họ và tên»."""
    on_office_screen(monkeypatch, 1.5)
    form = open_form(context, kind, browse.record_ids(context.db, kind)[0])
    qtbot.addWidget(form)
    active(qtbot, form)
    assert QApplication.focusWidget() is form.inputs[next(iter(form.inputs))]


def test_a_long_value_opens_showing_its_start(qtbot, context):
    """A slip's long Quê quán showed its end, «ước Hội, thị xã La Gi (cũ)…»: the box shows where the value begins."""
    form = open_form(context, "slips", None)
    qtbot.addWidget(form)
    town = "Phường Phước Hội, thị xã La Gi (cũ), tỉnh Bình Thuận (nay là phường Phước Hội, tỉnh Lâm Đồng)"
    show_value(form.inputs["home_town"], SLIPS.field("home_town"), town)
    assert form.inputs["home_town"].cursorPosition() == 0


def test_a_multi_line_box_grows_into_the_forms_free_space(qtbot, context):
    """The complaint's «Nội dung tóm tắt» showed three lines and a half above ≈250 px of nothing: it takes the room
    the form leaves (less since a letter's forwarding and reply have their own fields, more than its least)."""
    form = open_form(context, "complaints", None)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    box, area = form.inputs["summary"], form.fields_area
    fields_end = max(widget.mapTo(area.widget(), widget.rect().bottomLeft()).y() for widget in form.inputs.values())
    assert area.widget().height() - fields_end < 60  # no empty room below the last field
    assert area.widget().height() <= area.viewport().height()  # and no scrolling for it
    assert box.height() > 1.5 * MULTI_LINE_HEIGHT


def _namesake_of_hung(context) -> int:
    """A second cadre Nguyễn Văn Hùng (born 1980, another home town); his person."""
    editing.save(context.db, "cadres", {"full_name": "Nguyễn Văn Hùng", "birth_date": "1980", "home_town": "La Gi"})
    return editing.cadres_named(context.db, "Nguyễn Văn Hùng")[-1].person_id


def _choices(form) -> list[str]:
    box = form.cadre_choice.box
    return [box.itemText(i) for i in range(box.count())]


def test_a_complaint_edited_keeps_the_cadre_it_is_about_when_a_namesake_is_entered(qtbot, context):
    """Tour: complaint #7 about Võ Thị Mai was linked; a second Võ Thị Mai came; the officer typed a result
    and saved («Đã lưu.»): the letter was linked to no one, and left her «Đơn thư» tab."""
    [letter] = browse.record_ids(context.db, "complaints", "nguyen van hung")
    hung = editing.load(context.db, "complaints", letter)["person_id"]
    assert hung is not None
    _namesake_of_hung(context)
    form = open_form(context, "complaints", letter)
    qtbot.addWidget(form)
    assert _choices(form)[0] == "(không gắn với hồ sơ cán bộ nào)" and len(_choices(form)) == 3
    assert form.cadre_choice.choice() == hung and not form.cadre_choice.hint.isVisibleTo(form)
    support.fill(form, {"result": "Đang xác minh, gia hạn"})
    assert form.save() and form.message.text() == "Đã lưu."
    assert editing.load(context.db, "complaints", letter)["person_id"] == hung
    assert browse.record_ids(context.db, "complaints", filters=browse.Filters(person_id=hung)) == [letter]


def test_the_officer_chooses_which_of_two_namesakes_a_new_complaint_is_about(qtbot, context):
    second = _namesake_of_hung(context)
    form = open_form(context, "complaints", None)
    qtbot.addWidget(form)
    support.fill(form, {**NEW["complaints"], "subject_name": "Nguyễn Văn Hùng"})
    choice = form.cadre_choice
    assert choice.choice() == editing.NOBODY and choice.hint.isVisibleTo(form)
    assert choice.hint.text() == ("Có 2 cán bộ cùng họ tên «Nguyễn Văn Hùng»: nếu đơn nói về cán bộ, "
                                  "hãy chọn đúng người.")
    assert _choices(form)[2].startswith("Nguyễn Văn Hùng, sinh 1980, quê La Gi – cán bộ")
    choice.box.setCurrentIndex(2)
    choice.box.activated.emit(2)  # as the officer picks it
    assert form.is_dirty() and not choice.hint.isVisibleTo(form)
    assert form.save()
    assert editing.load(context.db, "complaints", form.record_id)["person_id"] == second


def test_the_cadre_a_letter_is_about_is_read_whole_under_its_box_when_the_box_cuts_it(qtbot, context):
    """The letter's form (736 pixels) showed «Công Tằng Tôn Nữ Thị Huyền Trang Diệu Thanh Hương, sinh 1992, quê
    Phường Phú…»: which of the namesakes is chosen is read under the box, whole, when the box cuts it."""
    name = "Công Tằng Tôn Nữ Thị Huyền Trang Diệu Thanh Hương"
    for year, town in (("1980", "Xã Hàm Thắng, huyện Hàm Thuận Bắc"),
                       ("1992", "Phường Phú Thủy, thành phố Phan Thiết")):
        editing.save(context.db, "cadres", {"full_name": name, "birth_date": year, "home_town": town})
    form = open_form(context, "complaints", None)
    qtbot.addWidget(form)
    form.show()
    support.fill(form, {**NEW["complaints"], "subject_name": name})
    choice = form.cadre_choice
    assert not choice.whole.isVisibleTo(form)  # «(không gắn với hồ sơ cán bộ nào)» fits
    choice.box.setCurrentIndex(2)
    choice.box.activated.emit(2)
    assert choice.whole.isVisibleTo(form) and choice.whole.text() == choice.box.currentText()
    assert "Phường Phú Thủy, thành phố Phan Thiết" in choice.whole.text()
    assert choice.whole.sizeHint().width() <= choice.width() or choice.whole.wordWrap()


def test_a_letter_waiting_among_namesakes_is_marked_in_each_of_their_files(qtbot, context):
    """A letter about «Nguyễn Văn Hùng» linked to no one while two cadres bear the name is in both files' «Đơn thư»
    tabs: it reads apart from the letters linked to the file, until the officer chooses on the letter's form."""
    [linked] = browse.record_ids(context.db, "complaints", "nguyen van hung")
    second = _namesake_of_hung(context)
    waiting = editing.save(context.db, "complaints", {**NEW["complaints"], "subject_name": "Nguyễn Văn Hùng"})
    for person in (editing.load(context.db, "complaints", linked)["person_id"], second):
        [cadre] = [found.cadre_id for found in editing.cadres_named(context.db, "Nguyễn Văn Hùng")
                   if found.person_id == person]
        file = open_form(context, "cadres", cadre)
        qtbot.addWidget(file)
        tab = file.show_page("Đơn thư")
        model = tab.model()
        named = [column.key for column in model.columns].index("subject_name")
        marked = model.index(model.row_of(waiting), named)
        assert marked.data() == "Nguyễn Văn Hùng (chưa gắn với hồ sơ nào: có thể là người trùng tên)"
        assert "chọn đúng cán bộ" in marked.data(Qt.ItemDataRole.ToolTipRole)
        if person != second:
            assert model.index(model.row_of(linked), named).data() == "Nguyễn Văn Hùng"


def test_a_new_complaint_about_the_one_cadre_of_a_name_is_linked_to_that_cadre_unless_the_officer_says_not(
        qtbot, context):
    form = open_form(context, "complaints", None)
    qtbot.addWidget(form)
    support.fill(form, {**NEW["complaints"], "subject_name": "Trần Thị Ánh"})
    anh = form.cadre_choice.choice()
    assert anh != editing.NOBODY and _choices(form)[1].startswith("Trần Thị Ánh, sinh 1970")
    form.cadre_choice.box.setCurrentIndex(0)
    form.cadre_choice.box.activated.emit(0)  # about another Trần Thị Ánh, not a cadre
    assert form.save()
    assert editing.load(context.db, "complaints", form.record_id)["person_id"] is None
    support.fill(form, {"result": "Chuyển cơ quan có thẩm quyền"})
    assert form.cadre_choice.choice() == editing.NOBODY and form.save()
    assert editing.load(context.db, "complaints", form.record_id)["person_id"] is None


def test_the_case_window_shows_the_letters_about_the_person_and_asks_before_concluding_while_one_is_open(
        qtbot, context):
    page = _page(qtbot, context, "vetting-cases")
    form = _case_opened(page)
    labels = [label.text() for label in form.findChildren(QLabel)]
    assert "<b>Đơn thư về người được thẩm tra</b>: không có." in labels
    person = cases.case_file(context.db, form.record_id).case["person_id"]
    letter = {"received_on": "01/05/2026", "sender": "Nặc danh", "complaint_kind": "Tố cáo",
              "summary": "Kê khai chưa trung thực", "due_on": "30/06/2026"}
    editing.save(context.db, "complaints", {**letter, "received_on": "02/01/2026", "resolved_on": "01/03/2026"},
                 None, person)
    editing.save(context.db, "complaints", letter, None, person)
    context.notifier.changed.emit("complaints")  # as the letter's form says when it saves
    labels = [label.text() for label in form.findChildren(QLabel)]
    assert "<b>Đơn thư về người được thẩm tra</b> — 1 đơn chưa giải quyết" in labels
    table = next(table for table in form.findChildren(QTableWidget)
                 if table.horizontalHeaderItem(0).text() == "Trạng thái")
    assert [[table.item(row, column).text() for column in range(4)] for row in range(table.rowCount())] == [
        ["Chưa giải quyết", "Tố cáo", "01/05/2026", "30/06/2026"],
        ["Đã giải quyết", "Tố cáo", "02/01/2026", "30/06/2026"]]
    buttons = {button.text(): button for button in form.findChildren(QPushButton)}
    buttons["Ghi kết luận"].click()
    support.fill(form.dialog, {"conclusion_no": "15-CV/BTCTU", "concluded_on": "10/06/2026", "result": "Đủ tiêu chuẩn"})
    context.dialogs.answer_next(NO)
    assert not form.dialog.save()
    assert context.dialogs.shown[-1].text.startswith(  # then the case's steps lacking (test_case_steps.py)
        "Người được thẩm tra còn 1 đơn thư chưa giải quyết: Tố cáo nhận ngày 01/05/2026, hạn giải quyết 30/06/2026. "
        "Kết luận trước khi giải quyết xong đơn thư có thể phải xem xét lại.\n"
        "Thân nhân phải xác minh theo quy định còn thiếu: Mẹ chồng: Võ Thị Bảy (chưa có phiếu xác minh trong hồ sơ "
        "thẩm tra); Cha (chưa khai trong danh sách thân nhân); Mẹ (chưa khai trong danh sách thân nhân).\n")
    assert cases.case_file(context.db, form.record_id).case["status"] == cases.OPEN
    context.dialogs.answer_next(YES)
    assert form.dialog.save()
    assert cases.case_file(context.db, form.record_id).case["status"] == cases.CONCLUDED


def test_every_hint_of_a_2c_section_s_dialog_reads_whole_in_its_box(qtbot, context):
    """«Hiệu lực đến» hinted «… nếu quyết định hay quy định áp dụng cho biết» cut at the box's end: each hint of
    the 2C sections' «Thêm» reads whole at the dialog's width."""
    form = _file_of_anh(qtbot, context)
    for title in [form.vitae.tabText(i) for i in range(form.vitae.count())]:
        tab = _tab(form, title)
        tab.buttons["Thêm"].click()
        tab.dialog.show()
        for key, box in tab.dialog.inputs.items():
            line = box.lineEdit() if isinstance(box, QComboBox) else box
            if hasattr(line, "placeholderText") and line.placeholderText():
                room = line.width() - 2 * line.style().pixelMetric(line.style().PixelMetric.PM_DefaultFrameWidth) - 4
                assert line.fontMetrics().horizontalAdvance(line.placeholderText()) <= room, (title, key)
        tab.dialog.done(0)


CAM_KET = "Bản cam kết về thân nhân ở nước ngoài (Phụ lục II).pdf"


def test_a_private_trip_s_entry_is_as_wide_as_its_scans_need_and_the_other_entries_keep_their_size(
        qtbot, monkeypatch, context, tmp_path):
    """At 560 pixels the trip's scans were cut («Bản cam k…c II).pdf»): its entry widens to show their names
    whole, within the office screen; an entry with no scans' list keeps its 560."""
    screen = on_office_screen(monkeypatch)
    form = _file_of_anh(qtbot, context)
    tab = _tab(form, "Yếu tố nước ngoài")
    tab.buttons["Thêm"].click()
    assert tab.dialog.width() == ENTRY_WIDTH
    support.fill(tab.dialog, {"element_kind": "Đi nước ngoài về việc riêng", "country": "Nhật Bản",
                              "since": "01/02/2026", "until": "10/02/2026", "source": "Đơn xin đi"})
    assert tab.dialog.save(), tab.dialog.message.text()
    drawn = canvas.Canvas(str(tmp_path / CAM_KET))
    drawn.drawString(72, 720, "Bản cam kết")
    drawn.save()
    trip = next(entry for entry in tab.entries if entry.get("id"))
    attachments.attach(context.db, tab.section.kind, trip["id"], tmp_path / CAM_KET,
                       "Bản cam kết Phụ lục II, có chữ ký của người đi và xác nhận của cấp ủy")
    tab.table.selectRow(tab.entries.index(trip))
    tab.buttons["Sửa"].click()
    tab.dialog.show()
    qtbot.waitExposed(tab.dialog)
    table = tab.dialog.findChild(AttachmentsPanel).table
    for column in range(table.columnCount()):
        text = table.item(0, column).text()
        assert table.columnWidth(column) >= table.fontMetrics().horizontalAdvance(text) + 8, f"{text!r} cut"
    assert ENTRY_WIDTH < tab.dialog.frameGeometry().width() <= screen.width()


def test_a_summary_typed_in_lines_is_saved_and_shown_back_in_its_lines(qtbot, context):
    form = open_form(context, "complaints", None)
    qtbot.addWidget(form)
    support.fill(form, {**NEW["complaints"], "summary": "Phản ánh  việc hoà giải\n\n\nĐề nghị xem xét\n"})
    assert form.save(), form.message.text()
    stored = editing.load(context.db, "complaints", form.record_id)["summary"]
    assert stored == "Phản ánh việc hòa giải\n\nĐề nghị xem xét"
    again = open_form(context, "complaints", form.record_id)
    qtbot.addWidget(again)
    again.show()
    assert again.inputs["summary"].toPlainText() == stored
    asked = len(context.dialogs.shown)
    again.close()
    assert not again.isVisible() and len(context.dialogs.shown) == asked  # nothing changed, nothing asked


def test_ctrl_s_saves_the_form_even_from_inside_a_text_of_several_lines(qtbot, context):
    """Enter saves through «Lưu» except inside a text of several lines, where it starts a new line: an officer
    typing a letter's summary had no key to save with (Ctrl+S did nothing)."""
    page = _page(qtbot, context, "complaints")
    page.new_record()
    form = page.forms[None]
    _fill_new(form, NEW["complaints"])
    active(qtbot, form)
    summary = form.inputs["summary"]
    summary.setFocus()
    QTest.keyClick(summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.message.text() == "Đã lưu.", form.message.text()
    assert form.record_id is not None and not form.is_dirty()
    assert "Ctrl+S" in form.save_button.toolTip()
