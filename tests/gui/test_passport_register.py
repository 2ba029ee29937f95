"""The passport custody register (sổ theo dõi giao, nhận hộ chiếu) in the desktop: it opens and lists at
1366×768, filters the passports not handed back in time, and a passport is handed out and received back
from its holder's window, a private trip on an official passport asked about as a «Lưu ý»."""

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import select

from bvct_desktop.core import browse, editing, passports, users
from bvct_desktop.core.database import disabled_message
from bvct_desktop.core.permissions import OFFICER
from bvct_desktop.core.schema import cadres
from bvct_desktop.gui.dashboard import ACTION_LISTS, DueList
from bvct_desktop.gui.dialogs import NO, YES
from bvct_desktop.gui.forms import open_form
from bvct_desktop.gui.forms.passport_form import HAND_OUT, LOST, TAKE_BACK, WITHDRAW_LOSS, PassportForm
from bvct_desktop.gui.forms.person_file import SectionTab
from bvct_desktop.gui.printing import PrintPreview
from bvct_desktop.gui.qt import QLabel
from bvct_desktop.gui.registers.page import RegisterPage
from tests.conftest import PASSWORD
from tests.core.personfile.conftest import last_audit
from tests.gui import register_support as support
from tests.gui.shell_support import as_user, context_for
from tests.gui.tip_support import label_as_seen

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures

SCREEN = (1366, 768)
MARKUP_NAME = "<b>Bình</b>"  # a user's name an administrator may type
LOSS = {"lost_on": "20/05/2025", "lost_note": "Mất tại sân bay Incheon"}


@pytest.fixture
def passport(db) -> int:
    """Nguyễn Văn Hùng's official passport, handed out for a trip back on Friday 09/05/2025 (due back on
    16/05/2025) and still out on the sample's today (15/06/2025)."""
    hung = browse.record_ids(db, "cadres", "Nguyễn Văn Hùng")[0]
    with db.read() as connection:
        person_id = connection.execute(select(cadres.c.person_id).where(cadres.c.id == hung)).scalar_one()
    made = passports.add_passport(db, person_id, {"passport_type": "Công vụ", "number": "B1234567",
                                                  "issued_on": "15/06/2021", "expires_on": "15/06/2031", "kept": "Có"})
    passports.hand_out(db, made, {"handed_on": "02/05/2025", "trip": passports.PRIVATE,
                                  "trip_return_on": "09/05/2025"})
    return made


def test_the_register_opens_and_lists_the_passports_at_1366_by_768(qtbot, context, passport, tmp_path):
    page = RegisterPage(context, "passports")
    qtbot.addWidget(page)
    page.resize(*SCREEN)
    page.show()
    qtbot.waitExposed(page)
    assert page.title == "Sổ theo dõi giao, nhận hộ chiếu"
    assert page.count_label.text() == "1 bản ghi"
    cells = [page.model.index(0, column).data() for column in range(page.model.columnCount())]
    assert cells[:4] == ["Nguyễn Văn Hùng", "12/03/1965", "Công vụ", "B1234567"]
    assert cells[-1] == "Đã giao ngày 02/05/2025, hạn nộp lại 16/05/2025 (quá hạn 30 ngày)"
    assert page.buttons["edit"].text() == "Mở" and "import" not in page.buttons
    assert page.unavailable("import_excel").startswith("Sổ hộ chiếu chỉ ghi trên màn hình")
    assert page.unavailable("export_excel") is None and page.unavailable("print_list") is None
    assert page.overdue.text() == "Quá hạn nộp lại" and page.purpose.itemText(1) == "Ngoại giao"
    page.grab().save(str(tmp_path / "passports.png"))
    assert page.sizeHint().width() <= SCREEN[0] and page.minimumSizeHint().width() <= SCREEN[0]


def test_the_overdue_filter_keeps_the_passports_not_handed_back(qtbot, context, passport):
    page = RegisterPage(context, "passports")
    qtbot.addWidget(page)
    page.overdue.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    passports.take_back(context.db, passport, {"returned_on": "20/05/2025"})
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)


def test_the_dashboard_lists_the_passports_not_handed_back_with_the_reports_after_trips(context, passport):
    """One tab for what is owed after a trip (every tab in view at 1366×768); a passport opens in its register."""
    [action] = [action for action in ACTION_LISTS if action.title == "Báo cáo, hộ chiếu sau chuyến đi"]
    entries = action.source(context.db, dt.date(2025, 6, 15))
    assert [(due.title, due.due_on) for due in entries] == [  # the sample delegation's report is in
        ("Hộ chiếu công vụ B1234567 – Nguyễn Văn Hùng", dt.date(2025, 5, 16))]
    opened = []
    listed = DueList(action, lambda kind, record_id: opened.append((kind, record_id)))
    listed.show_entries(entries, dt.date(2025, 6, 15))
    listed.view.activated.emit(listed.model.index(0, 0))
    assert opened == [("passports", passport)]


def tab(form: PassportForm, title: str) -> SectionTab:
    return next(found for found in form.findChildren(SectionTab) if found.section.title == title)


def test_the_passports_headers_read_the_same_with_a_passport_selected_at_1366_by_768(qtbot, context, passport,
                                                                                    tmp_path):
    """The columns are fitted to their headers in the table's font: a row selected leaves them as they are (Qt
    drew them bold, «Cơ quan giữ» then too wide for its column and cut)."""
    form = open_form(context, "passports", passport)
    qtbot.addWidget(form)
    form.resize(*SCREEN)
    form.show()
    qtbot.waitExposed(form)
    held = tab(form, "Hộ chiếu")
    header = held.table.horizontalHeader()
    unselected = header.grab().toImage()
    held.table.selectRow(0)
    held.table.setFocus()
    qtbot.wait(50)
    form.grab().save(str(tmp_path / "selected.png"))
    assert header.grab().toImage() == unselected


def test_a_passport_is_received_back_and_handed_out_again_from_its_holder_s_window(qtbot, context, passport):
    form = open_form(context, "passports", passport)
    qtbot.addWidget(form)
    assert isinstance(form, PassportForm) and form.windowTitle() == "Hộ chiếu – Nguyễn Văn Hùng"
    held, ledger = tab(form, "Hộ chiếu"), tab(form, "Sổ giao, nhận hộ chiếu")
    assert ledger.table.rowCount() == 1
    held.table.selectRow(0)
    held.act(next(action for action in held.section.actions if action.label == TAKE_BACK))
    support.fill(held.dialog, {"returned_on": "20/05/2025"})
    assert held.dialog.save()
    assert held.table.item(0, 5).text() == passports.IN_CUSTODY
    held.table.selectRow(0)
    held.act(next(action for action in held.section.actions if action.label == HAND_OUT))
    support.fill(held.dialog, {"handed_on": "01/06/2025", "trip": passports.PRIVATE, "trip_return_on": "10/06/2025"})
    context.dialogs.answer_next(NO)
    assert not held.dialog.save()
    assert context.dialogs.shown[-1].title == "Lưu ý"
    assert "Hộ chiếu công vụ không được dùng để đi việc riêng" in context.dialogs.shown[-1].text
    context.dialogs.answer_next(YES)
    assert held.dialog.save()
    assert ledger.table.rowCount() == 2
    assert [ledger.table.item(0, column).text() for column in range(7)] == [
        "B1234567", "01/06/2025", "Việc riêng", "", "10/06/2025", "17/06/2025", ""]


def test_a_passport_deleted_from_its_holder_s_window_waits_in_the_register_s_recycle_bin(qtbot, context, passport):
    page = RegisterPage(context, "passports")
    qtbot.addWidget(page)
    form, held = passport_selected(qtbot, context, passport)
    context.dialogs.answer_next(YES)
    held.delete_selected()
    assert held.table.rowCount() == 0 and tab(form, "Sổ giao, nhận hộ chiếu").table.rowCount() == 0
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    page.bin_switch.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert "restore" in page.buttons


def test_the_cadre_s_file_shows_his_passports_and_opens_their_window(qtbot, context, passport):
    form = open_form(context, "cadres", browse.record_ids(context.db, "cadres", "Nguyễn Văn Hùng")[0])
    qtbot.addWidget(form)
    titles = [form.tabs.tabText(index) for index in range(form.tabs.count())]
    held = form.tabs.widget(titles.index("Hộ chiếu"))
    assert held.model().rowCount() == 1
    opened = held.open_record(held.model().record_id(0))
    qtbot.addWidget(opened)
    assert isinstance(opened, PassportForm) and opened.windowTitle() == "Hộ chiếu – Nguyễn Văn Hùng"



def test_an_older_passport_added_for_a_holder_is_the_one_the_window_then_stands_for(qtbot, context, passport):
    """Hùng's ordinary passport of 2015 is added after his official one of 2021: the window saved is the new one's."""
    form = open_form(context, "passports", None)
    qtbot.addWidget(form)
    saved = []
    form.saved.connect(saved.append)
    form._add_for(editing.person_facts(context.db, passports.holder_of(context.db, passport).person_id))
    support.fill(form.dialog, {"passport_type": "Phổ thông", "number": "C0123456", "issued_on": "01/08/2015"})
    assert form.dialog.save()
    assert saved == [form.record_id] and form.record_id != passport
    assert form.windowTitle() == "Hộ chiếu – Nguyễn Văn Hùng" and tab(form, "Hộ chiếu").table.rowCount() == 2


def test_the_register_is_printed_and_taken_to_excel_with_every_handover(qtbot, context, passport, tmp_path):
    """«In» and «Xuất Excel» give the paper register: the passports shown, each with its handovers; the
    workbook's export is in the trail."""
    page = RegisterPage(context, "passports")
    qtbot.addWidget(page)
    page.print_list()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    assert isinstance(page.preview, PrintPreview)
    assert page.preview.windowTitle().endswith("Sổ theo dõi giao, nhận hộ chiếu")
    page.preview.close()
    target = tmp_path / "so-ho-chieu.xlsx"
    context.dialogs.answer_next(YES, PASSWORD, str(target))
    page.export_excel()
    qtbot.waitUntil(lambda: page.message.text().startswith("Đã xuất"), timeout=10_000)
    assert page.message.text() == f"Đã xuất 1 bản ghi ra {target}."
    cells = [cell.value for row in openpyxl.load_workbook(target).active.iter_rows() for cell in row]
    assert "SỔ THEO DÕI GIAO, NHẬN HỘ CHIẾU" in cells and "B1234567" in cells and dt.datetime(2025, 5, 2) in cells
    entry = last_audit(context.db)
    assert (entry["action"], entry["kind"], entry["details"]["tep"]) == ("xuất", passports.KIND, str(target.resolve()))


def action(held: SectionTab, label: str):
    return next(found for found in held.section.actions if found.label == label)


def passport_selected(qtbot, context, passport: int) -> tuple[PassportForm, SectionTab]:
    """The holder's window on the passport at 1366×768, its row in «Hộ chiếu» selected."""
    form = open_form(context, "passports", passport)
    qtbot.addWidget(form)
    form.resize(*SCREEN)
    held = tab(form, "Hộ chiếu")
    held.table.selectRow(0)
    return form, held


def test_each_dialog_on_a_passport_names_it_kind_number_and_holder(qtbot, context, passport):
    """«Nhận lại» and «Giao hộ chiếu» say which passport they are about, in their title and above the fields."""
    _, held = passport_selected(qtbot, context, passport)
    for label in (TAKE_BACK, HAND_OUT):
        held.act(action(held, label))
        assert held.dialog.windowTitle() == f"{label} – Hộ chiếu công vụ B1234567 – Nguyễn Văn Hùng"
        assert held.dialog.findChild(QLabel, "title").text() == "Hộ chiếu công vụ B1234567 – Nguyễn Văn Hùng"
        held.dialog.reject()


def test_the_day_of_return_shows_the_form_of_a_day_first_as_every_date_box(qtbot, context, passport):
    _, held = passport_selected(qtbot, context, passport)
    held.act(action(held, HAND_OUT))
    for key in ("handed_on", "trip_return_on"):
        assert held.dialog.inputs[key].placeholderText().startswith("dd/mm/yyyy")


def test_a_passport_out_is_not_handed_out_again_and_one_in_custody_not_received_back(qtbot, context, passport):
    """The button that would be refused is greyed, its tooltip saying why."""
    _, held = passport_selected(qtbot, context, passport)
    give, take = held.buttons[HAND_OUT], held.buttons[TAKE_BACK]
    assert not give.isEnabled() and take.isEnabled()
    assert give.toolTip() == "Hộ chiếu B1234567 đang giao cho Nguyễn Văn Hùng từ ngày 02/05/2025, chưa nhận lại."
    passports.take_back(context.db, passport, {"returned_on": "20/05/2025"})
    held.reload()
    held.table.selectRow(0)
    assert give.isEnabled() and not take.isEnabled()
    assert give.toolTip() == ""
    assert take.toolTip() == ("Hộ chiếu B1234567 đã được nhận lại ngày 20/05/2025, không đang giao cho ai: không có gì "
                              "để nhận lại.")


def test_a_passport_lost_while_out_is_not_received_back_and_its_button_says_why_at_once(qtbot, context, passport,
                                                                                          tmp_path):
    """Reported lost abroad on 20/05/2025 while out: «Nhận lại» is greyed before any form opens, its tooltip saying
    the passport is owed back no more, and where a return made before the loss is written."""
    passports.report_lost(context.db, passport, LOSS)
    form, held = passport_selected(qtbot, context, passport)
    take = held.buttons[TAKE_BACK]
    assert not take.isEnabled()
    assert take.toolTip() == ("Hộ chiếu B1234567 đã báo mất ngày 20/05/2025: không còn phải nộp lại. Nếu đã nhận lại "
                              "trước ngày báo mất: ghi «Ngày nhận lại» bằng «Sửa» ở dòng giao trong sổ giao, nhận hộ "
                              "chiếu.")
    form.show()
    qtbot.waitExposed(form)
    form.grab().save(str(tmp_path / "lost_out.png"))


def test_the_register_leaves_kept_empty_for_a_passport_lost_as_its_window_does(qtbot, context, passport, tmp_path):
    passports.report_lost(context.db, passport, LOSS)
    page = RegisterPage(context, "passports")
    qtbot.addWidget(page)
    page.resize(*SCREEN)
    page.show()
    qtbot.waitExposed(page)
    cells = [page.model.index(0, column).data() for column in range(page.model.columnCount())]
    assert cells[-2:] == ["", "Đã báo mất ngày 20/05/2025: Mất tại sân bay Incheon"]  # «Cơ quan giữ», «Tình trạng»
    page.grab().save(str(tmp_path / "lost_register.png"))


def test_the_ledger_marks_a_hand_back_overdue_as_the_passport_s_state_does(qtbot, context, passport):
    form = open_form(context, "passports", passport)
    qtbot.addWidget(form)
    held, ledger = tab(form, "Hộ chiếu"), tab(form, "Sổ giao, nhận hộ chiếu")
    due = [spec.key for spec in ledger.section.columns].index(passports.DUE_SHOWN.key)
    assert ledger.table.item(0, due).text() == "16/05/2025 (quá hạn 30 ngày)"
    assert held.table.item(0, 5).text().endswith("hạn nộp lại 16/05/2025 (quá hạn 30 ngày)")
    passports.take_back(context.db, passport, {"returned_on": "20/05/2025"})
    ledger.reload()
    assert ledger.table.item(0, due).text() == "16/05/2025 (nộp muộn 4 ngày)"


def test_a_window_opened_once_the_account_is_locked_says_so_with_its_name_as_typed(qtbot, context, passport):
    """The refusal quotes the user's name, which an administrator typed: «<b>x</b>» reads as typed."""
    officer = as_user(context.db, MARKUP_NAME, OFFICER)
    users.disable(context.db, MARKUP_NAME)
    form = open_form(context_for(officer, context.clock), "passports", passport)
    qtbot.addWidget(form)
    assert disabled_message(MARKUP_NAME) in [label_as_seen(label) for label in form.findChildren(QLabel)]


def test_a_passport_reported_lost_from_its_holder_s_window_is_said_lost_there_and_in_its_ledger(
        qtbot, context, passport, tmp_path):
    """Hùng's passport, out and overdue, is reported lost on 20/05/2025: asked first, since a report of loss is
    final (the passport is cancelled for good), it then reads lost in its state, with the day and what was reported,
    and in the ledger's due day; the office keeps it no more, and it is handed out no more."""
    form, held = passport_selected(qtbot, context, passport)
    ledger = tab(form, "Sổ giao, nhận hộ chiếu")
    held.act(action(held, LOST))
    support.fill(held.dialog, {"lost_on": "20/05/2025", "lost_note": "Mất tại sân bay Incheon, đã trình báo ĐSQ"})
    context.dialogs.answer_next(NO)
    assert not held.dialog.save()
    assert passports.LOST_IS_FINAL in context.dialogs.shown[-1].text
    context.dialogs.answer_next(YES)
    assert held.dialog.save()
    assert [held.table.item(0, column).text() for column in (4, 5)] == [
        "", "Đã báo mất ngày 20/05/2025: Mất tại sân bay Incheon, đã trình báo ĐSQ"]  # «Cơ quan giữ», «Tình trạng»
    assert ledger.table.item(0, 5).text() == "16/05/2025 (đã báo mất ngày 20/05/2025)"
    held.table.selectRow(0)
    assert not held.buttons[HAND_OUT].isEnabled()
    assert held.buttons[LOST].text() == "Sửa báo mất"
    form.show()
    qtbot.waitExposed(form)
    form.grab().save(str(tmp_path / "lost.png"))


def test_a_loss_recorded_on_the_wrong_passport_is_withdrawn_from_its_holder_s_window(qtbot, context, passport,
                                                                                        tmp_path):
    """Asked first, with its reason: the passport reads out again, overdue as before, its note saying why, and
    «Hủy báo mất» is greyed once there is no loss to withdraw."""
    passports.report_lost(context.db, passport, LOSS)
    form, held = passport_selected(qtbot, context, passport)
    held.act(action(held, WITHDRAW_LOSS))
    support.fill(held.dialog, {"reason": "Ghi nhầm: hộ chiếu bị mất là hộ chiếu phổ thông C0012345"})
    context.dialogs.answer_next(NO)
    assert not held.dialog.save()
    assert "vì đã ghi nhầm?" in context.dialogs.shown[-1].text
    context.dialogs.answer_next(YES)
    assert held.dialog.save()
    assert held.table.item(0, 5).text().endswith("hạn nộp lại 16/05/2025 (quá hạn 30 ngày)")
    assert held.table.item(0, 6).text().endswith("Ghi nhầm: hộ chiếu bị mất là hộ chiếu phổ thông C0012345")
    held.table.selectRow(0)
    assert not held.buttons[WITHDRAW_LOSS].isEnabled()
    assert held.buttons[LOST].text() == LOST
    form.show()
    qtbot.waitExposed(form)
    form.grab().save(str(tmp_path / "withdrawn.png"))
