"""Quản trị: settings (basic and advanced), recipient units, users and roles, the audit view
with its check and export, backups with progress, one's own password — each tab only for the
roles the spec allows."""

import datetime as dt
import os
import time
import unicodedata
from pathlib import Path

import openpyxl
import pytest

from bvct_desktop.core import (
    audit,
    audit_chain,
    audit_words,
    backup,
    importing,
    keyfile,
    numbering,
    outgoing,
    pair_swap,
    recipients,
    report,
    restore_loss,
    settings,
    users,
    vault,
)
from bvct_desktop.core.errors import AuthError, PermissionDenied
from bvct_desktop.core.kinds import kind_named
from bvct_desktop.core.permissions import ADMIN, LEADER, OFFICER, VIEWER
from bvct_desktop.core.search import fold_ascii as fold
from bvct_desktop.core.settings import SETTINGS
from bvct_desktop.gui import restore_offer
from bvct_desktop.gui.admin import AdminPage
from bvct_desktop.gui.admin.audit_page import AuditModel, AuditPage
from bvct_desktop.gui.admin.backup_page import BackupPage
from bvct_desktop.gui.admin.password_page import PasswordPage
from bvct_desktop.gui.admin.recipients_page import RecipientsPage
from bvct_desktop.gui.admin.settings_page import BASIC, SettingsPage
from bvct_desktop.gui.admin.users_page import UsersPage
from bvct_desktop.gui.date_box import DateBox
from bvct_desktop.gui.dialogs import NO, YES
from bvct_desktop.gui.instance import InstanceLock
from bvct_desktop.gui.look import TICK, colour
from bvct_desktop.gui.qt import QComboBox, QSpinBox, Qt
from bvct_desktop.io.xlsx_reader import Sheet
from tests.conftest import ADMIN as ADMIN_NAME
from tests.conftest import PASSWORD
from tests.gui.shell_support import (
    active,
    as_user,
    context_for,
    import_rows,
    main_window,
    new_database,
    off_the_gui_thread,
    on_office_screen,
    threads_calling,
    type_day,
    type_text,
)
from tests.gui.tip_support import as_seen
from tests.samples import SAMPLES

NEW_PASSWORD = "Doi-mat-khau-2026"


@pytest.fixture
def db(tmp_path, clock):
    opened = new_database(tmp_path, clock, ("slips",))
    yield opened
    opened.close()


def page_of(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    return widget


def tab_titles(page: AdminPage) -> list[str]:
    return [page.tabText(i) for i in range(page.count())]


def test_tabs_follow_the_role(qtbot, db, clock):
    expected = {
        None: ["Thiết lập", "Nơi nhận phiếu", "Người dùng", "Nhật ký", "Sao lưu", "Mật khẩu của tôi"],
        LEADER: ["Nơi nhận phiếu", "Nhật ký", "Sao lưu", "Mật khẩu của tôi"],
        OFFICER: ["Nơi nhận phiếu", "Sao lưu", "Mật khẩu của tôi"],
        VIEWER: ["Nơi nhận phiếu", "Mật khẩu của tôi"],
    }
    for role, titles in expected.items():
        acting = db if role is None else as_user(db, f"user-{role}", role)
        page = page_of(qtbot, AdminPage(context_for(acting, clock), lambda: None))
        assert tab_titles(page) == titles
    viewer_page = page.page(0)
    assert not viewer_page.add_button.isVisible()                # a viewer sees the units, changes nothing


def test_settings_basic_and_advanced_views_save_through_the_service(qtbot, db, clock):
    context = context_for(db, clock)
    changes = []
    context.notifier.changed.connect(changes.append)
    page = page_of(qtbot, SettingsPage(context))
    visible = {key for row, key in enumerate(page.fields) if page.form.isRowVisible(row)}
    assert visible == set(BASIC)
    page.advanced.setChecked(True)
    assert all(page.form.isRowVisible(row) for row in range(len(page.fields)))

    page.fields["dia_danh"].widget.setText("Bình Thuận")
    page.fields["tu_dong_khoa_phut"].widget.setValue(5)
    page.fields["do_mat"].widget.setCurrentIndex(1)
    page.save()
    stored = settings.list_settings(db)
    assert (stored["dia_danh"], stored["tu_dong_khoa_phut"], stored["do_mat"]) == ("Bình Thuận", "5", "MẬT")
    assert page.message.text().startswith("Đã lưu 3 thiết lập. Lưu ý: 3 phiếu") and changes == ["settings"]
    assert "«Địa danh» mới («Bình Thuận»)" in page.message.text()  # the sample slips print again with them
    assert "«Độ mật» mới («MẬT»)" in page.message.text()
    page.save()
    assert page.message.text() == "Không có gì thay đổi."


def test_the_statistical_year_is_chosen_from_the_two_the_office_may_report_on(qtbot, db, clock):
    """«Kỳ báo cáo thống kê»: the calendar year or the year from 15/12, chosen, not typed."""
    page = page_of(qtbot, SettingsPage(context_for(db, clock)))
    box = page.fields["ky_bao_cao_thong_ke"].widget
    assert [box.itemText(index) for index in range(box.count())] == [
        "Năm dương lịch (01/01 – 31/12)", "Từ 15/12 năm trước (15/12 – 14/12)"]
    box.setCurrentIndex(1)
    page.save()
    assert settings.list_settings(db)["ky_bao_cao_thong_ke"] == "từ 15/12 năm trước"


def test_the_day_of_old_slips_is_empty_until_an_administrator_types_one_and_may_be_emptied_again(qtbot, db, clock):
    """«Phiếu cũ đến ngày»: an office importing its past slips types the last day of them; empty, the rule is off."""
    page = page_of(qtbot, SettingsPage(context_for(db, clock)))
    page.advanced.setChecked(True)
    box = page.fields["so_cu_den_ngay"].widget
    assert isinstance(box, DateBox) and box.text() == ""
    type_day(qtbot, box, "31/12/2025")
    page.save()
    assert settings.list_settings(db)["so_cu_den_ngay"] == "2025-12-31" and box.text() == "31/12/2025"
    box.clear()
    page.save()
    assert settings.list_settings(db)["so_cu_den_ngay"] == "" and page.message.text() == "Đã lưu 1 thiết lập."


def test_the_signature_s_authority_and_title_are_in_the_basic_view_with_the_signer(qtbot, db, clock):
    """The head signing in person («TRƯỞNG BAN») or a deputy for the head («K/T TRƯỞNG BAN» over «PHÓ
    TRƯỞNG BAN»): changing who signs is changing the three lines, not the name alone."""
    page = page_of(qtbot, SettingsPage(context_for(db, clock)))
    rows = {key: row for row, key in enumerate(page.fields)}
    assert all(page.form.isRowVisible(rows[key]) for key in ("quyen_ky", "chuc_vu_ky", "nguoi_ky"))


def test_a_second_backup_folder_not_there_is_saved_with_a_warning(qtbot, db, clock, tmp_path):
    """«Đã lưu 2 thiết lập.», and not a word that the USB folder typed did not exist."""
    page = page_of(qtbot, SettingsPage(context_for(db, clock)))
    missing = tmp_path / "o-usb-chua-cam"
    page.fields["thu_muc_sao_luu_2"].widget.setText(str(missing))
    page.save()
    assert settings.list_settings(db)["thu_muc_sao_luu_2"] == str(missing)
    assert page.message.text() == (f"Đã lưu 1 thiết lập. Chưa thấy thư mục sao lưu thứ hai «{missing}» (ổ USB chưa "
                                   "cắm?): bản sao lưu tự động sẽ không chép ra được cho đến khi thư mục này có mặt "
                                   "và ghi được.")
    assert colour("error") in page.message.styleSheet()  # was the colour of «done»: no copy will be made
    page.new_key.setCurrentIndex(page.new_key.findData("thu_muc_sao_luu_2"))
    page.new_value.currentWidget().setText(str(tmp_path / "o-usb-khac"))
    page.new_from.set_day(dt.date(2026, 1, 1))
    page.start_new_value()
    assert page.message.text().startswith("Từ ngày 01/01/2026, «Thư mục sao lưu thứ hai (ổ USB hoặc thư mục mạng)» "
                                          f"là «{tmp_path / 'o-usb-khac'}». Chưa thấy thư mục sao lưu thứ hai «")
    assert colour("error") in page.message.styleSheet()
    missing.mkdir()
    page.fields["thu_muc_sao_luu_2"].widget.setText(f"{missing}{os.sep}")
    page.save()
    assert page.message.text() == "Đã lưu 1 thiết lập." and colour("ok") in page.message.styleSheet()


def test_recipient_units_added_renamed_and_set_aside(qtbot, db, clock):
    page = page_of(qtbot, RecipientsPage(context_for(db, clock), may_edit=True))
    page.name.setText("Phòng PV06 – Công an tỉnh Lâm Đồng")
    page.add()
    row = next(i for i, e in enumerate(page.entries) if e.name.startswith("Phòng PV06"))
    page.table.selectRow(row)
    page.name.setText("Phòng PV06 – Công an tỉnh Lâm Đồng (mới)")
    page.rename()
    page.table.selectRow(next(i for i, e in enumerate(page.entries) if e.name.endswith("(mới)")))
    assert page.toggle_button.text() == "Ngừng dùng"
    page.toggle()
    names = {r.name: r.active for r in recipients.list_recipients(db, include_inactive=True)}
    assert names["Phòng PV06 – Công an tỉnh Lâm Đồng (mới)"] is False
    page.name.setText("Cục A93B – Bộ Công an")
    page.add()
    assert page.message.text() == "Đã có nơi nhận phiếu «Cục A93B – Bộ Công an»."


def test_renaming_a_unit_slips_name_asks_first_and_says_old_slips_change_too(qtbot, db, clock):
    """A rename corrects the name in every slip, the 2024 ones too: asked first, with the way to keep
    old slips' name (a new entry, the old one set aside); a unit no slip names is renamed at once."""
    old, new = "Phòng PV27 – Công an tỉnh Bình Thuận", "Phòng PV06 – Công an tỉnh Lâm Đồng"
    sheet = [["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Nơi nhận phiếu"],
             ["20/PXM", "10/01/2024", "Lê Văn Hai", old], ["21/PXM", "11/01/2024", "Lê Văn Ba", old]]
    assert importing.import_sheet(db, kind_named("slips"), Sheet.of_rows(Path("p.xlsx"), sheet)).ok  # and one before
    context = context_for(db, clock)
    page = page_of(qtbot, RecipientsPage(context, may_edit=True))
    page.table.selectRow(next(i for i, e in enumerate(page.entries) if e.name == old))
    page.name.setText(new)
    context.dialogs.answer_next(NO)  # the officer thinks again
    page.rename()
    question = context.dialogs.shown[-1]
    assert question.title == "Đổi tên nơi nhận phiếu"
    assert question.text.startswith(f"3 phiếu đang ghi «{old}» (kể cả phiếu đã gửi từ trước và phiếu trong thùng "
                                    f"rác) sẽ ghi «{new}»: đổi tên là sửa tên cho đúng.")
    assert "hãy «Thêm mới» tên mới cho các phiếu về sau và «Ngừng dùng» tên cũ" in question.text
    assert old in {entry.name for entry in recipients.list_recipients(db)}
    context.dialogs.answer_next(YES)
    page.rename()
    assert new in {entry.name for entry in recipients.list_recipients(db)}
    assert page.message.text() == f"Đã đổi tên «{old}» thành «{new}»."
    asked = len(context.dialogs.shown)
    page.name.setText("Phòng Hồ sơ – Công an tỉnh Lâm Đồng")
    page.add()
    page.table.selectRow(next(i for i, e in enumerate(page.entries) if e.name.startswith("Phòng Hồ sơ")))
    page.name.setText("Phòng Hồ sơ nghiệp vụ – Công an tỉnh Lâm Đồng")
    page.rename()
    assert len(context.dialogs.shown) == asked and page.message.text().startswith("Đã đổi tên «Phòng Hồ sơ")


def test_a_unit_of_a_former_province_is_listed_with_the_province_it_joined_from_the_merger_day(qtbot, db, clock):
    """As the home page tells it: from 01/7/2025, the province's type word in lower case inside the brackets."""
    clock.now = dt.datetime(2025, 7, 1, 8, 0)
    page = page_of(qtbot, RecipientsPage(context_for(db, clock), may_edit=True))
    page.name.setText("Phòng PV27 – Công an tỉnh Bình Thuận")
    page.add()
    shown = {page.table.item(row, 0).text(): page.table.item(row, 0).toolTip() for row in range(page.table.rowCount())}
    told = shown["Phòng PV27 – Công an tỉnh Bình Thuận (nay: tỉnh Lâm Đồng)"]
    assert "Ngừng dùng" in told and "phiếu mới gửi cơ quan của tỉnh Lâm Đồng." in told
    assert shown["Cục A93B – Bộ Công an"] == ""
    names = [r.name for r in recipients.list_recipients(db)]
    assert "Phòng PV27 – Công an tỉnh Bình Thuận" in names  # the name itself as written


def test_a_unit_of_a_former_province_is_listed_as_written_before_the_merger_day(qtbot, db, clock):
    clock.now = dt.datetime(2025, 6, 30, 16, 0)  # the province's last day
    page = page_of(qtbot, RecipientsPage(context_for(db, clock), may_edit=True))
    page.name.setText("Phòng PV27 – Công an tỉnh Bình Thuận")
    page.add()
    shown = {page.table.item(row, 0).text(): page.table.item(row, 0).toolTip() for row in range(page.table.rowCount())}
    assert shown == {"Cục A93B – Bộ Công an": "", "Phòng PV27 – Công an tỉnh Bình Thuận": ""}


def test_a_unit_written_twice_is_merged_into_the_entry_kept(qtbot, db, clock):
    """«Gộp vào…» asks which entry to keep (those in use first), tells what will move, then merges."""
    short, kept = "Phòng PV27 - CA tỉnh Bình Thuận", "Phòng PV27 – Công an tỉnh Bình Thuận"
    sheet = [["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Nơi nhận phiếu"],
             ["20/PXM", "10/01/2025", "Lê Văn Hai", short]]
    assert importing.import_sheet(db, kind_named("slips"), Sheet.of_rows(Path("p.xlsx"), sheet)).ok
    recipients.set_recipient_active(db, recipients.list_recipients(db)[0].id, False)  # Cục A93B
    context = context_for(db, clock)
    told = []
    context.notifier.changed.connect(told.append)
    page = page_of(qtbot, RecipientsPage(context, may_edit=True))
    assert not page.merge_button.isEnabled()
    page.table.selectRow(next(i for i, e in enumerate(page.entries) if e.name == short))
    assert page.merge_button.isEnabled()

    context.dialogs.answer_next(None)  # the officer cancels the choice
    page.merge_button.click()
    assert len(recipients.list_recipients(db, include_inactive=True)) == 3

    context.dialogs.answer_next(kept, YES)
    page.merge_button.click()
    qtbot.waitUntil(lambda: page.merging is None)
    choice, question = context.dialogs.shown[-2:]
    assert choice.items == (kept, "Cục A93B – Bộ Công an (ngừng dùng)")
    assert question.text.startswith(f"Gộp «{short}» vào «{kept}»: 1 phiếu đang ghi «{short}» (kể cả phiếu trong "
                                    f"thùng rác) sẽ chuyển sang «{kept}»; «{short}» thành tên khác của «{kept}»: "
                                    f"tệp Excel và biểu mẫu ghi «{short}» về sau cũng vào «{kept}».")
    assert page.message.text() == f"Đã gộp «{short}» vào «{kept}»: 1 phiếu đã chuyển sang."
    assert [entry.name for entry in page.entries] == ["Cục A93B – Bộ Công an", kept]
    assert [[page.table.item(row, column).text() for column in range(3)] for row in range(page.table.rowCount())] \
        == [["Cục A93B – Bộ Công an", "", "Ngừng dùng"], [kept, short, "Đang dùng"]]  # on 15/06/2025
    assert page.table.horizontalHeaderItem(1).text() == "Tên khác đã gộp"

    page.name.setText(short)  # the spelling merged is not an entry to add again
    page.add()
    assert page.message.text() == f"«{short}» đã được gộp vào «{kept}»."
    assert [entry.name for entry in page.entries] == ["Cục A93B – Bộ Công an", kept]
    assert {"slips", "recipients"} <= set(told)
    figures = report.figures(db, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert figures["slips_by_recipient"] == {kept: 2, "Cục A93B – Bộ Công an": 1}


def test_a_merge_runs_off_the_window_s_thread_and_tells_a_refusal(qtbot, db, clock, monkeypatch):
    """Merging a unit named by tens of thousands of slips takes seconds (31,251 slips: 4 s): the window
    keeps drawing meanwhile, and what refused the merge is told on the page."""
    short, kept = "Phòng PV27 - CA tỉnh Bình Thuận", "Phòng PV27 – Công an tỉnh Bình Thuận"
    sheet = [["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Nơi nhận phiếu"],
             ["20/PXM", "10/01/2025", "Lê Văn Hai", short]]
    assert importing.import_sheet(db, kind_named("slips"), Sheet.of_rows(Path("p.xlsx"), sheet)).ok
    threads = threads_calling(monkeypatch, recipients, "merge_recipient")
    context = context_for(db, clock)
    page = page_of(qtbot, RecipientsPage(context, may_edit=True))
    page.table.selectRow(next(i for i, e in enumerate(page.entries) if e.name == short))
    context.dialogs.answer_next(kept, YES)
    page.merge_button.click()
    qtbot.waitUntil(lambda: page.merging is None)
    assert off_the_gui_thread(threads)
    assert page.message.text() == f"Đã gộp «{short}» vào «{kept}»: 1 phiếu đã chuyển sang."

    page.table.selectRow(next(i for i, e in enumerate(page.entries) if e.name == kept))
    recipients.merge_recipient(db, page.selected().id, recipients.list_recipients(db)[0].id)  # meanwhile, elsewhere
    context.dialogs.answer_next("Cục A93B – Bộ Công an", YES)
    page.merge_button.click()
    qtbot.waitUntil(lambda: page.merging is None)
    assert page.message.text() == f"«{kept}» đã được gộp vào «Cục A93B – Bộ Công an»."


def test_users_added_given_another_role_reset_and_disabled(qtbot, db, clock):
    context = context_for(db, clock)
    page = page_of(qtbot, UsersPage(context))
    page.name.setText("tran.b")
    page.role.setCurrentIndex(page.role.findData(OFFICER))
    page.password.setText("ngan")
    page.again.setText("ngan")
    page.add()
    assert page.message.text() == "Mật khẩu phải có ít nhất 10 ký tự."
    page.password.setText(NEW_PASSWORD)
    page.again.setText(NEW_PASSWORD)
    page.add()
    assert ("tran.b", OFFICER, True) in [(a.name, a.role, a.active) for a in users.list_accounts(db)]
    vault.unlock(db.path, "tran.b", NEW_PASSWORD).close()

    page.table.selectRow(next(i for i, a in enumerate(page.accounts) if a.name == "tran.b"))
    page.role.setCurrentIndex(page.role.findData(LEADER))
    page.role_button.click()
    assert page.message.text().startswith("«tran.b» nay là Lãnh đạo")
    assert ("tran.b", LEADER) in [(a.name, a.role) for a in users.list_accounts(db)]
    reopened = vault.unlock(db.path, "tran.b", NEW_PASSWORD)
    assert reopened.actor.role == LEADER
    reopened.close()
    page.table.selectRow(next(i for i, a in enumerate(page.accounts) if a.name == "quantri"))
    page.role.setCurrentIndex(page.role.findData(OFFICER))
    page.role_button.click()
    assert page.message.text() == "Không thể đổi vai trò của quản trị viên cuối cùng."

    page.table.selectRow(next(i for i, a in enumerate(page.accounts) if a.name == "tran.b"))
    context.dialogs.answer_next(YES)
    page.disable()
    assert not next(a for a in users.list_accounts(db) if a.name == "tran.b").active
    page.table.selectRow(next(i for i, a in enumerate(page.accounts) if a.name == "quantri"))
    context.dialogs.answer_next(YES)
    page.disable()
    assert page.message.text() == "Không thể khóa quản trị viên cuối cùng."


def test_an_administrator_who_lowers_their_own_role_is_told_so_and_given_the_pages_of_the_new_one(qtbot, db, clock):
    """quantri, another administrator beside him, made himself Lãnh đạo on the Users page: the change was
    saved and audited, then the page's own refresh was refused — an error in place of the success, a false
    «xem danh sách người dùng» refusal in the trail — and the page went on offering an administrator's
    buttons. Now the success is said and Quản trị is built again as a Lãnh đạo has it."""
    users.add(db, "quantri2", ADMIN, NEW_PASSWORD)
    window = main_window(qtbot, db, clock)
    window.navigation.select("admin")
    admin = window.current_page()
    page = admin.page(tab_titles(admin).index("Người dùng"))
    page.table.selectRow(next(i for i, a in enumerate(page.accounts) if a.name == "quantri"))
    page.role.setCurrentIndex(page.role.findData(LEADER))
    page.role_button.click()
    assert page.message.text().startswith("«quantri» nay là Lãnh đạo")
    qtbot.waitUntil(lambda: window.current_page() is not admin)
    assert tab_titles(window.current_page()) == ["Nơi nhận phiếu", "Nhật ký", "Sao lưu", "Mật khẩu của tôi"]
    assert window.statusBar().currentMessage().startswith("Vai trò của bạn nay là Lãnh đạo;")
    assert [entry.action for entry in audit.list_entries(db, user="quantri", outcome=audit_chain.REFUSED)] == []


def test_the_role_and_state_of_each_account_are_shown_whole_on_one_line(qtbot, db, clock):
    """At 1366×768 «Đang hoạt động» wrapped onto two cramped lines in a column left at Qt's 100 pixels,
    while the name's column took the rest."""
    users.add(db, "tran.b", LEADER, NEW_PASSWORD)
    page = page_of(qtbot, UsersPage(context_for(db, clock)))
    page.resize(1366 - 240, 600)
    header = page.table.horizontalHeader()
    for column in (2, 3):
        assert page.table.columnWidth(column) >= max(page.table.sizeHintForColumn(column),
                                                     header.sectionSizeHint(column)), column


def test_an_account_is_added_with_the_officers_full_name_which_is_shown_and_written_again(qtbot, db, clock):
    """The full name documents print in place of the login name: typed with the new account, shown beside its
    name, written again (or taken away) for the account chosen; too long is told in Vietnamese."""
    page = page_of(qtbot, UsersPage(context_for(db, clock)))
    page.name.setText("tran.b")
    type_text(page.full_name, "Trần Văn Bình ")
    page.password.setText(NEW_PASSWORD)
    page.again.setText(NEW_PASSWORD)
    page.add()
    assert page.full_name.text() == ""  # ready for the next officer
    row = next(i for i, a in enumerate(page.accounts) if a.name == "tran.b")
    assert page.table.item(row, 1).text() == "Trần Văn Bình"
    page.table.selectRow(row)
    assert page.full_name.text() == "Trần Văn Bình"
    page.full_name.setText("Trần Văn Bình Minh")
    page.full_name_button.click()
    assert page.message.text() == "Họ và tên của «tran.b»: Trần Văn Bình Minh."
    assert page.table.item(row, 1).text() == "Trần Văn Bình Minh"
    page.table.selectRow(row)
    assert page.full_name.maxLength() == users.FULL_NAME_MAX  # the box stops where the rule does
    page.full_name.setMaxLength(200)  # the rule holds whatever reaches the service
    page.full_name.setText("A" * 101)
    page.full_name_button.click()
    assert page.message.text() == "Họ và tên dài 101 ký tự, quá giới hạn 100 ký tự."
    page.table.selectRow(row)
    page.full_name.clear()
    page.full_name_button.click()
    assert page.message.text() == "«tran.b» không còn họ và tên: văn bản in tên người dùng."
    assert next(a for a in users.list_accounts(db) if a.name == "tran.b").full_name is None


def test_every_user_writes_their_own_full_name_on_their_own_page(qtbot, db, clock):
    viewer = as_user(db, "xem.c", VIEWER)
    users.set_full_name(db, "xem.c", "Lê Thị Hoa")
    page = page_of(qtbot, PasswordPage(context_for(viewer, clock)))
    assert page.full_name.text() == "Lê Thị Hoa" and page.full_name.maxLength() == users.FULL_NAME_MAX
    page.full_name.setText(" Lê Thị Hoa Mai ")
    page.full_name_button.click()
    assert page.message.text() == "Họ và tên của bạn: Lê Thị Hoa Mai."
    assert next(a for a in users.list_accounts(db) if a.name == "xem.c").full_name == "Lê Thị Hoa Mai"
    viewer.close()


def test_a_disabled_account_is_given_another_role_before_it_is_reopened(qtbot, db, clock):
    """As `bvct users role` does: a leader whose account was disabled comes back months later as an officer,
    and is reopened with that role, not with the leader's."""
    users.add(db, "tran.b", LEADER, NEW_PASSWORD)
    users.disable(db, "tran.b")
    page = page_of(qtbot, UsersPage(context_for(db, clock)))
    page.table.selectRow(next(i for i, a in enumerate(page.accounts) if a.name == "tran.b"))
    assert page.role_button.isEnabled()
    page.role.setCurrentIndex(page.role.findData(OFFICER))
    page.role_button.click()
    assert page.message.text() == "«tran.b» nay là Chuyên viên (tài khoản vẫn khóa cho đến khi được mở lại)."
    assert ("tran.b", OFFICER, False) in [(a.name, a.role, a.active) for a in users.list_accounts(db)]


def test_a_disabled_account_is_reopened_with_a_new_password_typed_twice(qtbot, db, clock):
    users.add(db, "tran.b", OFFICER, NEW_PASSWORD)
    users.disable(db, "tran.b")
    page = page_of(qtbot, UsersPage(context_for(db, clock)))
    assert not page.enable_button.isEnabled()
    page.table.selectRow(next(i for i, a in enumerate(page.accounts) if a.name == "quantri"))
    assert not page.enable_button.isEnabled() and page.disable_button.isEnabled()
    row = next(i for i, a in enumerate(page.accounts) if a.name == "tran.b")
    page.table.selectRow(row)
    assert page.table.item(row, 3).text() == "Đã khóa"
    assert page.enable_button.isEnabled() and not page.disable_button.isEnabled()
    assert not page.reset_button.isEnabled()
    page.password.setText("Mo-lai-sau-nghi-2026")
    page.again.setText("Mo-lai-sau-nghi-2025")
    page.enable_button.click()
    assert page.message.text() == "Hai lần nhập mật khẩu không khớp."
    page.again.setText("Mo-lai-sau-nghi-2026")
    page.enable_button.click()
    assert page.message.text() == "Đã mở lại tài khoản «tran.b» (Chuyên viên)."
    assert page.table.item(row, 3).text() == "Đang hoạt động" and not page.password.text()
    reopened = vault.unlock(db.path, "tran.b", "Mo-lai-sau-nghi-2026")
    assert reopened.actor.role == OFFICER
    reopened.close()


def test_a_password_reset_here_lets_the_locked_out_officer_in_at_once(qtbot, db, clock):
    users.add(db, "tran.b", OFFICER, NEW_PASSWORD)
    for _ in range(6):
        with pytest.raises(AuthError):
            vault.unlock(db.path, "tran.b", "Doan-sai-mat-khau", clock)
    page = page_of(qtbot, UsersPage(context_for(db, clock)))
    page.table.selectRow(next(i for i, a in enumerate(page.accounts) if a.name == "tran.b"))
    page.password.setText("Dat-lai-sau-khi-quen")
    page.again.setText("Dat-lai-sau-khi-quen")
    page.reset_button.click()
    assert page.message.text() == "Đã đặt lại mật khẩu của «tran.b»."
    vault.unlock(db.path, "tran.b", "Dat-lai-sau-khi-quen", clock).close()


def test_the_roles_are_summed_up_as_the_permission_table_has_them(qtbot, db, clock):
    """The summary read «Lãnh đạo: thêm phát hành báo cáo, xem nhật ký» (no công văn đôn đốc, and
    Chuyên viên's line short of what it may do)."""
    page = page_of(qtbot, UsersPage(context_for(db, clock)))
    assert page.page_subtitle.text().splitlines() == [
        "Chỉ xem: xem và tìm kiếm hồ sơ; xem số liệu báo cáo; đổi mật khẩu của mình.",
        "Chuyên viên: như Chỉ xem, thêm: thêm, sửa, xóa hoặc nhập hồ sơ; xuất, in hoặc lập báo cáo có dữ liệu "
        "cá nhân; sao lưu hoặc kiểm tra bản sao lưu.",
        "Lãnh đạo: như Chuyên viên, thêm: phát hành báo cáo, công văn hoặc thông báo (lấy số văn bản); "
        "xem và kiểm tra nhật ký; bàn giao việc của cán bộ.",
        "Quản trị: như Lãnh đạo, thêm: khôi phục từ bản sao lưu; quản lý người dùng; xem và thay đổi thiết lập; "
        "đổi mật khẩu người khác.",
    ]


def test_a_user_added_without_choosing_a_role_may_only_read(qtbot, db, clock):
    """Least privilege: the role starts at «Chỉ xem», and comes back to it once no account is selected."""
    page = page_of(qtbot, UsersPage(context_for(db, clock)))
    assert page.role.currentData() == VIEWER
    page.table.selectRow(0)  # the administrator: her role is shown to be changed
    page.table.clearSelection()
    assert page.role.currentData() == VIEWER
    page.name.setText("moi.vao")
    page.password.setText(NEW_PASSWORD)
    page.again.setText(NEW_PASSWORD)
    page.add()
    assert page.message.text() == "Đã thêm người dùng «moi.vao» (Chỉ xem)."
    assert ("moi.vao", VIEWER) in [(a.name, a.role) for a in users.list_accounts(db)]


def test_after_a_user_is_added_the_boxes_are_ready_for_the_next_one_of_the_role_chosen(qtbot, db, clock):
    """After «Thêm người dùng» the name stayed in its box and the role fell back to «Chỉ xem»: a second click
    failed on the name taken, or added a viewer. An office adds its officers one after another: the name is
    emptied and typed into next, the role chosen for them kept (the message names the role given)."""
    page = page_of(qtbot, UsersPage(context_for(db, clock)))
    active(qtbot, page)
    page.role.setCurrentIndex(page.role.findData(OFFICER))
    for name in ("tran.b", "le.c"):
        page.name.setText(name)
        page.password.setText(NEW_PASSWORD)
        page.again.setText(NEW_PASSWORD)
        page.add()
        assert page.message.text() == f"Đã thêm người dùng «{name}» (Chuyên viên)."
        assert (page.name.text(), page.password.text(), page.again.text()) == ("", "", "")
        assert page.role.currentData() == OFFICER and page.name.hasFocus()
    assert {("tran.b", OFFICER), ("le.c", OFFICER)} <= {(a.name, a.role) for a in users.list_accounts(db)}


def test_a_users_name_breaking_the_rule_is_told_and_the_name_added_is_said_as_stored(qtbot, db, clock):
    page = page_of(qtbot, UsersPage(context_for(db, clock)))
    page.password.setText(NEW_PASSWORD)
    page.again.setText(NEW_PASSWORD)
    for name, said in (("a" * 3000, "Tên người dùng dài 3000 byte, quá giới hạn 63 byte"),
                       ("QuanTri", "Đã có người dùng «quantri»; «QuanTri» chỉ khác ở chữ hoa/thường")):
        page.name.setText(name)
        page.add()
        assert page.message.text().startswith(said)
    assert [account.name for account in users.list_accounts(db)] == ["quantri"]
    page.name.setText(unicodedata.normalize("NFD", "  Trần Bình "))
    page.add()
    assert page.message.text() == "Đã thêm người dùng «Trần Bình» (Chỉ xem)."
    assert "Trần Bình" in [account.name for account in users.list_accounts(db)]


def test_a_new_users_key_is_derived_on_a_worker(qtbot, db, clock, monkeypatch):
    derived_on = threads_calling(monkeypatch, users, "add")
    page = page_of(qtbot, UsersPage(context_for(db, clock)))
    page.name.setText("le.c")
    page.password.setText(NEW_PASSWORD)
    page.again.setText(NEW_PASSWORD)
    page.add()
    assert off_the_gui_thread(derived_on)
    assert page.message.text().startswith("Đã thêm người dùng «le.c»")


def test_audit_view_filters_checks_and_exports(qtbot, db, clock, tmp_path):
    context = context_for(db, clock)
    other = as_user(db, "lanh.dao", LEADER)
    page = page_of(qtbot, AuditPage(context))
    actions = [entry.action for entry in page.model.entries]
    assert actions[:2] == ["khởi tạo cơ sở dữ liệu", "đăng nhập"] and "nhập" in actions
    assert page.model.index(2, 6).data() == "Phiếu yêu cầu xác minh lai lịch"      # the register, in Vietnamese
    page.user.setCurrentText("lanh.dao")
    page.refresh()
    assert {entry.user for entry in page.model.entries} == {"lanh.dao"}
    page.user.setCurrentIndex(0)
    type_day(qtbot, page.start, (clock.now - dt.timedelta(days=1)).strftime("%d/%m/%Y"))
    type_day(qtbot, page.end, (clock.now - dt.timedelta(days=1)).strftime("%d/%m/%Y"))
    page.refresh()
    assert page.filters().start == clock.now.date() - dt.timedelta(days=1)
    assert page.model.entries == []
    type_day(qtbot, page.start, clock.now.strftime("%d/%m/%Y"))
    page.refresh()  # a period that ends before it starts is told, not shown empty
    assert page.message.text().startswith("Đến ngày") and "kỳ phải kết thúc cùng ngày hoặc sau" in page.message.text()
    type_day(qtbot, page.end, clock.now.strftime("%d/%m/%Y"))

    page.verify()
    assert page.message.text().startswith("Nhật ký toàn vẹn: ")
    assert page.message.text().endswith(" mục, không mục nào bị sửa, bị xóa hay bị chèn thêm ngoài chương trình.")
    target = tmp_path / "nhat-ky.xlsx"
    page.start.set_day(page.end.day() - dt.timedelta(days=1))
    page.refresh()
    context.dialogs.answer_next(PASSWORD, str(target))  # the password asked again first
    page.export()
    sheet = openpyxl.load_workbook(target).active
    assert [cell.value for cell in sheet[1]][:5] == ["Số", "Thời gian", "Người dùng", "Vai trò", "Hành động"]
    assert sheet.max_row > 3 and page.message.text().startswith("Đã xuất")
    other.close()


def test_the_audit_view_names_every_register_in_words(qtbot, db, clock):
    from bvct_desktop.core import browse, editing
    from bvct_desktop.core.personfile import cases

    person = editing.load(db, "slips", browse.record_ids(db, "slips", "13/PXM")[0])["person_id"]
    cases.open_case(db, person, {"purpose": "Đi nước ngoài", "opened_on": "01/06/2025"})
    page = page_of(qtbot, AuditPage(context_for(db, clock)))
    kinds = {page.model.index(row, 6).data() for row in range(page.model.rowCount())}
    assert "Hồ sơ thẩm tra" in kinds  # it was "vetting-cases"
    assert not {key for key in browse.VIEWS if key in kinds}


def test_audit_model_is_a_sound_table(qtmodeltester, qtbot, db, clock):
    page = page_of(qtbot, AuditPage(context_for(db, clock)))
    model = AuditModel()
    model.set_entries(page.model.entries)
    qtmodeltester.check(model)


def test_an_entrys_details_typed_like_markup_show_in_its_tooltip_as_typed(qtbot):
    """A summary typed «<b>Gấp</b> <img src=…>» showed bold and a broken image in the page's tooltip."""
    entry = audit.Entry(1, dt.datetime(2026, 3, 2, 8, 30), "chuyenvien", "can-bo", "sửa", "ok", "letters", 7,
                        '{"trich_yeu": "<b>Gấp</b> <img src=anh.png> Báo cáo tình hình"}')
    model = AuditModel()
    model.set_entries([entry])
    details = model.index(0, audit.LIST_HEADERS.index("Chi tiết"))
    shown = details.data()
    assert "<b>Gấp</b> <img src=anh.png>" in shown
    assert as_seen(details.data(Qt.ItemDataRole.ToolTipRole)) == shown


def test_backup_now_then_verify_with_progress(qtbot, db, clock, tmp_path):
    clock.advance(days=8)  # the database has gone a week without a backup
    context = context_for(db, clock)
    page = page_of(qtbot, BackupPage(context, lambda: None))
    assert "Chưa có bản sao lưu" in page.newest.text() and "hơn 7 ngày" in page.newest.text()
    target = tmp_path / "sao-luu-thu.bvctbak"
    context.dialogs.answer_next(str(target))
    page.back_up()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert target.exists() and page.message.text().startswith(f"Đã sao lưu và kiểm tra: «{target}» (")
    assert page.message.text().endswith(" MB).") and "," in page.message.text().split("(")[-1]
    assert str(target) in page.newest.text() and "hơn 7 ngày" not in page.newest.text()

    page.password.setText(PASSWORD)
    context.dialogs.answer_next(str(target))
    page.verify()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert "tốt" in page.message.text() and backup.FILES_CHECKED in page.checks.text()

    page.password.setText("Sai-mat-khau-99")
    context.dialogs.answer_next(str(target))
    page.verify()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert "Sai" in page.message.text()


def test_the_backup_page_names_who_made_the_newest_backup_and_the_one_verified(qtbot, db, clock, tmp_path):
    """The chief of office read «Bản sao lưu đã kiểm tra gần nhất: …» with no word of who made it: the
    backup an officer took to her USB stick is named with her account, whoever reads the page. The one
    verified is named by its full path, as the trail names a file (audit.file_at): the copy on a USB stick
    is told from one in the office's folder."""
    officer = as_user(db, "Nguyễn Thị Lan", OFFICER)
    (tmp_path / "usb").mkdir()
    taken = backup.create(officer, tmp_path / "usb" / "lan.bvctbak")
    officer.close()
    context = context_for(db, clock)
    page = page_of(qtbot, BackupPage(context, lambda: None))
    assert page.newest.text().startswith(f"Bản sao lưu đã kiểm tra gần nhất: «{taken.path}» "
                                         f"({clock():%d/%m/%Y %H:%M}), người sao lưu: Nguyễn Thị Lan.")
    page.password.setText(PASSWORD)
    context.dialogs.answer_next(str(tmp_path / "usb" / ".." / "usb" / "lan.bvctbak"))  # as a dialog may give it
    page.verify()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert page.message.text() == (f"Bản sao lưu «{taken.path.resolve()}» tốt (tạo lúc {clock():%d/%m/%Y %H:%M}, "
                                   "người sao lưu: Nguyễn Thị Lan).")


def test_restore_replaces_the_database_and_asks_to_log_in_again(qtbot, tmp_path, clock):
    db = new_database(tmp_path, clock, ("slips",))
    saved = backup.create(db, tmp_path / "truoc.bvctbak")
    users.add(db, "sau.sao.luu", VIEWER, NEW_PASSWORD)
    window_lock = InstanceLock(db.path)  # the window's own: no other program's window in the way
    assert window_lock.acquire()
    context = context_for(db, clock)
    restored = []
    page = page_of(qtbot, BackupPage(context, lambda: restored.append(True)))
    assert page.restore_button.isVisible()
    page.password.setText(PASSWORD)
    context.dialogs.answer_next(str(saved.path), YES)
    page.restore()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert restored == [True]
    told = context.dialogs.shown[-1]
    assert told.kind == "inform" and "Tài khoản trở về như lúc sao lưu:" in told.text
    assert "Hãy đăng nhập lại.\n\nTài khoản trở về như lúc sao lưu:\n" in told.text
    assert "«sau.sao.luu» không còn đăng nhập được" in told.text
    again = vault.unlock(db.path, "quantri", PASSWORD, clock)
    assert "sau.sao.luu" not in [a.name for a in users.list_accounts(again)]
    again.close()
    window_lock.release()


def test_the_page_s_restore_opens_the_backup_it_verified_once(qtbot, tmp_path, clock, monkeypatch):
    """The backup was opened twice (two key derivations of seconds each, every page read twice): the
    restore takes the verification's report and checks the file read again against it."""
    db = new_database(tmp_path, clock, ("slips",))
    saved = backup.create(db, tmp_path / "truoc.bvctbak")
    opened = []
    open_slot = keyfile.KeyFile.open_slot
    monkeypatch.setattr(keyfile.KeyFile, "open_slot", lambda keys, name, password: opened.append(name) or open_slot(
        keys, name, password))
    context = context_for(db, clock)
    restored = []
    page = page_of(qtbot, BackupPage(context, lambda: restored.append(True)))
    page.password.setText(PASSWORD)
    context.dialogs.answer_next(str(saved.path), YES)
    page.restore()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert restored == [True] and context.dialogs.shown[-1].kind == "inform"
    assert opened == [ADMIN_NAME]


def test_a_restore_failing_once_the_database_was_released_sends_the_officer_to_log_in_again(qtbot, tmp_path, clock,
                                                                                              monkeypatch):
    """The backup was checked and the window's database closed, then the rename of the backup into place
    failed: the current pair was put back, yet the window went on with a closed database — every later
    action failed. The officer is told, and logs in again to the database as it was."""
    db = new_database(tmp_path, clock, ("slips",))
    saved = backup.create(db, tmp_path / "truoc.bvctbak")
    users.add(db, "sau.sao.luu", VIEWER, NEW_PASSWORD)
    window_lock = InstanceLock(db.path)
    assert window_lock.acquire()
    context = context_for(db, clock)
    restored = []
    page = page_of(qtbot, BackupPage(context, lambda: restored.append(True)))
    real_replace = pair_swap.os.replace

    def replace(source, target) -> None:
        if Path(source).name.endswith(".tmp") and Path(target) == db.path:
            raise PermissionError(13, "Access is denied")
        real_replace(source, target)

    monkeypatch.setattr(pair_swap.os, "replace", replace)
    page.password.setText(PASSWORD)
    context.dialogs.answer_next(str(saved.path), YES)
    page.restore()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    window_lock.release()
    told = [shown for shown in context.dialogs.shown if shown.kind == "warn"]
    assert restored == [True] and len(told) == 1 and told[0].text.endswith("Hãy đăng nhập lại.")
    again = vault.unlock(db.path, "quantri", PASSWORD, clock)
    assert "sau.sao.luu" in [a.name for a in users.list_accounts(again)]
    again.close()


def test_the_backup_page_tells_the_last_copy_to_the_second_folder(qtbot, db, clock, tmp_path):
    """Nothing on Sao lưu said the USB copy had failed."""
    from bvct_desktop.core import autobackup

    settings.set_setting(db, "thu_muc_sao_luu_2", str(tmp_path / "usb"))
    autobackup.at_exit(db)
    page = page_of(qtbot, BackupPage(context_for(db, clock), lambda: None))
    failed = autobackup.last_second_copy(db)
    assert page.newest.text().endswith(f"\nLần chép ra thư mục thứ hai gần nhất: {failed.describe()}.")
    assert colour("error") in page.newest.styleSheet()
    (tmp_path / "usb").mkdir()
    clock.advance(days=1)
    autobackup.at_exit(db)
    page.show_newest()
    assert page.newest.text().endswith(f"\nLần chép ra thư mục thứ hai gần nhất: thành công lúc "
                                       f"{clock():%d/%m/%Y %H:%M}.")
    assert page.newest.styleSheet() == ""


def test_the_restore_question_says_when_the_backup_was_made_and_the_answer_names_the_copy_kept(qtbot, tmp_path,
                                                                                                clock):
    """An older backup put back replaces the work entered since: the question says since when, as the
    offer at a damaged login does, and the answer names where the work replaced was kept — its folder
    too (the officer logs in again before any window shows it). The question no longer says that the
    work entered since must be entered again when it tells there is none."""
    db = new_database(tmp_path, clock, ("slips",))
    saved = backup.create(db, tmp_path / "truoc.bvctbak")
    window_lock = InstanceLock(db.path)
    assert window_lock.acquire()
    context = context_for(db, clock)
    page = page_of(qtbot, BackupPage(context, lambda: None))
    page.password.setText(PASSWORD)
    context.dialogs.answer_next(str(saved.path), YES)
    page.restore()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    window_lock.release()
    asked, told = [shown for shown in context.dialogs.shown if shown.kind in ("ask", "inform")]
    made = f"«{saved.path}» ({clock():%d/%m/%Y %H:%M})"
    assert asked.text == (f"Khôi phục từ bản sao lưu {made}?\n\nTệp hiện tại được giữ lại dưới tên có ngày giờ, "
                          f"không bị xóa.\n\n{restore_loss.NOTHING_LOST}\n\nSau khi khôi phục, chương trình yêu cầu "
                          "đăng nhập lại.")
    kept = sorted(path.name for path in tmp_path.glob("*-truoc-khoi-phuc-*"))
    assert kept and told.text == (f"Đã khôi phục từ bản sao lưu {made}. Tệp cũ giữ lại trong thư mục «{tmp_path}»: "
                                  f"{', '.join(kept)}. Hãy đăng nhập lại.")


def test_the_restore_question_counts_the_work_done_since_the_backup_that_it_takes_back(qtbot, tmp_path, clock):
    """The question said only «Dữ liệu nhập sau thời điểm sao lưu sẽ phải nhập lại»: the chief of office
    restoring last month's backup could not tell whether a week of imports would be lost."""
    db = new_database(tmp_path, clock, ("slips",))
    saved = backup.create(db, tmp_path / "thang-truoc.bvctbak")
    clock.advance(days=30)
    import_rows(db, "cadres", *SAMPLES["cadres"])
    users.add(db, "sau.sao.luu", VIEWER, NEW_PASSWORD)
    context = context_for(db, clock)
    page = page_of(qtbot, BackupPage(context, lambda: None))
    page.password.setText(PASSWORD)
    context.dialogs.answer_next(str(saved.path), NO)
    page.restore()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)  # asked once the backup is checked
    asked = [shown for shown in context.dialogs.shown if shown.kind == "ask"][0]
    assert (f"{restore_loss.LOST}\n  – Cán bộ: 3 bản ghi thêm mới\n  – Thêm người dùng: 1 lần\n\nSau khi khôi phục"
            in asked.text)
    assert page.task is None and not db.closed
    # answered «Không»: the page still says what its check found, as «Kiểm tra» does
    assert page.message.text().startswith(f"Bản sao lưu «{audit.full_path(saved.path)}» tốt (tạo lúc ")
    assert page.checks.text().startswith(f"{TICK} ")
    db.close()


REFUSED_RESTORES = {
    "sai mật khẩu": lambda saved, folder: (saved, "Sai-mat-khau-99"),
    "không là quản trị viên của bản sao lưu": lambda saved, folder: (saved, "Mat-khau-rieng-2025"),
    "bản sao lưu hỏng": lambda saved, folder: (damaged_copy(saved, folder), PASSWORD),
    "tệp không còn": lambda saved, folder: (folder / "da-xoa" / saved.name, PASSWORD),
}


def damaged_copy(saved: Path, folder: Path) -> Path:
    damaged = folder / "hong.bvctbak"
    data = bytearray(saved.read_bytes())
    data[len(data) // 2:len(data) // 2 + 64] = bytes(64)
    damaged.write_bytes(bytes(data))
    return damaged


@pytest.mark.parametrize("refusal", REFUSED_RESTORES)
def test_a_refused_restore_leaves_the_officer_working_on_the_same_database(qtbot, tmp_path, clock, refusal):
    db = new_database(tmp_path, clock, ("slips",))
    users.add(db, "pho.phong", OFFICER, "Mat-khau-rieng-2025")
    saved = backup.create(db, tmp_path / "truoc.bvctbak")
    users.add(db, "sau.sao.luu", VIEWER, NEW_PASSWORD)
    users.set_role(db, "pho.phong", ADMIN)
    if refusal == "không là quản trị viên của bản sao lưu":
        db.close()
        db = vault.unlock(db.path, "pho.phong", "Mat-khau-rieng-2025", clock)
    context = context_for(db, clock)
    restored = []
    page = page_of(qtbot, BackupPage(context, lambda: restored.append(True)))
    chosen, password = REFUSED_RESTORES[refusal](saved.path, tmp_path)
    page.password.setText(password)
    context.dialogs.answer_next(str(chosen), YES)
    page.restore()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert restored == [] and page.message.text()
    assert not db.closed and sorted(db.path.parent.glob("*-truoc-khoi-phuc-*")) == []
    settings.set_setting(db, "dia_danh", "Bình Thuận")
    assert "sau.sao.luu" in [a.name for a in users.list_accounts(db)]
    assert settings.list_settings(db)["dia_danh"] == "Bình Thuận"
    db.close()


def test_a_damaged_backup_is_told_damaged_before_the_restore_is_asked(qtbot, tmp_path, clock):
    """«Khôi phục…?» was asked first, the damage told only once the officer said yes: the backup is
    checked as `bvct verify` checks it, on a worker, and the question asked only of a backup found good."""
    db = new_database(tmp_path, clock, ("slips",))
    damaged = damaged_copy(backup.create(db, tmp_path / "truoc.bvctbak").path, tmp_path)
    context = context_for(db, clock)
    page = page_of(qtbot, BackupPage(context, lambda: None))
    page.password.setText(PASSWORD)
    context.dialogs.answer_next(str(damaged), YES)
    page.restore()
    assert page.task is not None  # checked off the GUI thread
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert [shown.kind for shown in context.dialogs.shown] == ["open_file"]
    assert page.message.text().startswith("Bản sao lưu «hong.bvctbak» hỏng")
    assert page.message.text().endswith(backup.another_backup())
    assert not db.closed and sorted(tmp_path.glob("*-truoc-khoi-phuc-*")) == []
    db.close()


def test_restore_is_for_administrators_only(qtbot, db, clock):
    officer = as_user(db, "chuyen.vien", OFFICER)
    page = page_of(qtbot, BackupPage(context_for(officer, clock), lambda: None))
    assert not page.restore_button.isVisible() and page.backup_button.isVisible()
    officer.close()


def changed(qtbot, page) -> None:
    """Presses Đổi mật khẩu: the keys are derived on a worker while the page says so."""
    page.change_button.click()
    assert page.task is not None and page.message.text() == "Đang đổi mật khẩu…"
    assert not page.change_button.isEnabled()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)


def test_own_password_change_asks_for_the_current_one(qtbot, db, clock):
    viewer = as_user(db, "xem.a", VIEWER)
    page = page_of(qtbot, PasswordPage(context_for(viewer, clock)))
    page.current.setText("Mat-khau-rieng-2025")
    page.password.setText(NEW_PASSWORD)
    page.again.setText(NEW_PASSWORD + "x")
    page.change()  # told at once: nothing to derive
    assert page.task is None and page.message.text() == "Hai lần nhập mật khẩu không khớp."
    page.password.setText(NEW_PASSWORD)
    page.again.setText(NEW_PASSWORD)
    changed(qtbot, page)
    assert page.message.text() == "Nhập mật khẩu hiện tại."  # a session left open changes nothing
    page.current.setText("khong-phai-mat-khau")
    page.password.setText(NEW_PASSWORD)
    page.again.setText(NEW_PASSWORD)
    changed(qtbot, page)
    assert "mật khẩu" in page.message.text().lower() and not page.message.text().startswith("Đã đổi")
    vault.unlock(db.path, "xem.a", "Mat-khau-rieng-2025", clock).close()  # unchanged
    page.current.setText("Mat-khau-rieng-2025")
    page.password.setText(NEW_PASSWORD)
    page.again.setText(NEW_PASSWORD)
    changed(qtbot, page)
    assert page.message.text().startswith("Đã đổi mật khẩu")
    vault.unlock(db.path, "xem.a", NEW_PASSWORD, clock).close()
    viewer.close()


def test_own_password_is_changed_with_enter_in_its_last_box(qtbot, db, clock):
    """The three boxes typed, Enter pressed in «Nhập lại mật khẩu» as in the login window: nothing happened,
    the officer had to reach «Đổi mật khẩu» with Tab."""
    viewer = as_user(db, "xem.b", VIEWER)
    page = page_of(qtbot, PasswordPage(context_for(viewer, clock)))
    page.current.setText("Mat-khau-rieng-2025")
    page.password.setText(NEW_PASSWORD)
    page.again.setText(NEW_PASSWORD)
    page.again.setFocus()
    qtbot.keyClick(page.again, Qt.Key.Key_Return)
    assert page.message.text() == "Đang đổi mật khẩu…"
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert page.message.text().startswith("Đã đổi mật khẩu")
    vault.unlock(db.path, "xem.b", NEW_PASSWORD, clock).close()
    viewer.close()


def test_the_audit_view_shows_details_in_words_not_keys(qtbot, db, clock):
    from bvct_desktop.core import browse, editing

    context = context_for(db, clock)
    settings.set_setting(db, "dia_danh", "Bình Thuận")
    slip = browse.record_ids(db, "slips", "13/PXM")[0]
    stored = editing.load(db, "slips", slip)
    editing.save(db, "slips", {**stored, "result_on": "20/02/2025", "result": "Không có vấn đề"}, slip,
                 stored["person_id"])
    page = page_of(qtbot, AuditPage(context))
    page.verify()
    details = [page.model.index(row, 8).data() for row in range(page.model.rowCount())]
    assert "Địa danh: «Lâm Đồng» → «Bình Thuận»" in details
    assert any(text.startswith("Bản ghi: Số phiếu: «13/PXM», Ngày phát hành: 06/01/2025")
               and text.endswith("; Ngày nhận kết quả: (trống) → 20/02/2025; Kết quả: (trống) → «Không có vấn đề»")
               for text in details)
    created = next(text for text in details
                   if text.startswith("Giá trị: Số phiếu: «12/PXM»; Ngày phát hành: 05/01/2025"))
    assert "Id:" not in created and "Họ và tên người được xác minh: «Phạm Văn Bình»" in created
    assert details[-2].startswith("Số mục: ") and details[-2].endswith("; Mục hỏng: không có")
    assert details[-1].startswith("Từ: ")  # the page's own viewing, after the check
    assert not any(word in text for text in details for word in ("cu:", "moi:", "khoa", "None", "so_muc", "so_dong"))


def test_settings_show_their_history_and_take_a_new_value_from_a_day(qtbot, db, clock):
    context = context_for(db, clock)
    page = page_of(qtbot, SettingsPage(context))
    assert not page.history.isVisible() or page.history.rowCount() == 0
    page.new_key.setCurrentIndex(page.new_key.findData("co_quan_cap_tren"))
    page.new_value.currentWidget().setText("TỈNH ỦY BÌNH THUẬN")
    page.new_from.set_day(dt.date(2016, 1, 1))
    page.start_new_value()
    rows = [[page.history.item(row, column).text() for column in range(4)] for row in range(page.history.rowCount())]
    assert rows == [["Cơ quan cấp trên", "từ đầu", "31/12/2015", "TỈNH ỦY LÂM ĐỒNG"],
                    ["Cơ quan cấp trên", "01/01/2016", "nay", "TỈNH ỦY BÌNH THUẬN"]]
    assert "Từ ngày 01/01/2016" in page.message.text()
    page.new_value.currentWidget().setText("   ")
    page.start_new_value()
    assert "không được để trống" in page.message.text()


def test_every_setting_takes_a_new_value_from_a_day_in_the_box_of_its_kind(qtbot, db, clock):
    """The password asked again, a deadline's days, the term's first day have a history as the names do:
    each is offered, and its new value is chosen in the box the form gives it, showing the value in force."""
    page = page_of(qtbot, SettingsPage(context_for(db, clock)))
    assert [page.new_key.itemData(index) for index in range(page.new_key.count())] == [s.key for s in SETTINGS]
    tomorrow = clock.now.date() + dt.timedelta(days=1)
    page.new_key.setCurrentIndex(page.new_key.findData("hoi_lai_mat_khau"))
    box = page.new_value.currentWidget()
    assert isinstance(box, QComboBox) and box.accessibleName() == "Giá trị mới"
    assert ([box.itemText(index) for index in range(box.count())], box.currentText()) == (["Có", "Không"], "Có")
    box.setCurrentText("Không")
    page.new_from.set_day(tomorrow)
    page.start_new_value()
    assert page.message.text().startswith(f"Từ ngày {tomorrow:%d/%m/%Y}, «Hỏi lại mật khẩu trước khi xuất hoặc "
                                          "in» là «Không».")
    history = settings.settings_history(db)
    assert (history.on(clock.now.date())["hoi_lai_mat_khau"], history.on(tomorrow)["hoi_lai_mat_khau"]) == (
        "Có", "Không")
    page.new_key.setCurrentIndex(page.new_key.findData("han_tham_tra_ngay"))  # a label and a value longer than the row
    assert page.new_key.toolTip() == settings.BY_KEY["han_tham_tra_ngay"].label
    assert page.new_value.currentWidget().cursorPosition() == 0  # shows its start, «Bầu cử: 30; …»
    page.new_key.setCurrentIndex(page.new_key.findData("tu_dong_khoa_phut"))
    minutes = page.new_value.currentWidget()
    assert isinstance(minutes, QSpinBox) and minutes.value() == 10
    page.new_key.setCurrentIndex(page.new_key.findData("nhiem_ky_bat_dau"))
    term = page.new_value.currentWidget()
    assert isinstance(term, DateBox)
    term.set_day(dt.date(2030, 10, 1))  # the congress's day, known ahead
    page.new_from.set_day(dt.date(2030, 10, 1))
    page.start_new_value()
    assert settings.settings_history(db).on(dt.date(2030, 10, 1))["nhiem_ky_bat_dau"] == "2030-10-01"


def test_a_signer_from_a_past_day_names_the_slips_that_print_again_with_it_and_one_to_come_is_not_now(qtbot, db,
                                                                                                         clock):
    page = page_of(qtbot, SettingsPage(context_for(db, clock)))
    page.new_key.setCurrentIndex(page.new_key.findData("nguoi_ky"))
    page.new_value.currentWidget().setText("Trần Lê Hoàng Minh Châu")
    page.new_from.set_day(dt.date(2016, 1, 1))
    page.start_new_value()
    assert "phiếu yêu cầu xác minh lai lịch đã phát hành (ghi ngày từ 01/01/2016) in lại sẽ mang «Người ký» mới" in (
        page.message.text())
    page.new_value.currentWidget().setText("Nguyễn Thị Phương Thảo")
    page.new_from.set_day(clock.now.date() + dt.timedelta(days=16))
    page.start_new_value()
    last = [page.history.item(page.history.rowCount() - 1, column).text() for column in range(4)]
    assert last == ["Người ký", "01/07/2025", "về sau (chưa áp dụng)", "Nguyễn Thị Phương Thảo"]


def test_a_date_setting_s_history_shows_its_values_as_dates_are_written(qtbot, db, clock):
    settings.set_setting(db, "nhiem_ky_bat_dau", "2030-10-01", dt.date(2030, 10, 1))
    page = page_of(qtbot, SettingsPage(context_for(db, clock)))
    values = [page.history.item(row, 3).text() for row in range(page.history.rowCount())]
    assert values == ["01/10/2025", "01/10/2030"]


def test_a_term_start_before_a_numbered_document_says_the_term_goes_on_after_it(qtbot, db, clock):
    clock.now = dt.datetime(2026, 12, 2, 8, 0)
    day = clock.now.date()
    quarter = {"from": "2026-10-01", "to": "2026-12-31"}  # a report's period, which its retention is read from
    outgoing.issue(db, outgoing.Document(numbering.REPORT, outgoing.REPORT, "quý IV", settings.list_settings(db, day),
                                         [], day, lambda number: {"so": number, "figures": quarter}, {}),
                   lambda content: None)
    page = page_of(qtbot, SettingsPage(context_for(db, clock)))
    page.fields["nhiem_ky_bat_dau"].set("2026-11-01")  # the form corrects the term start in force today
    page.save()
    assert page.message.text().startswith("Đã lưu 1 thiết lập. Lưu ý:")
    assert "ngày 01/11/2026 không đánh số lại từ 01 mà đánh tiếp; số tiếp theo: 02-BC." in page.message.text()
    page.fields["dia_danh"].set("Lâm Đồng (mới)")
    page.save()
    assert page.message.text().startswith("Đã lưu 1 thiết lập.") and "đánh số" not in page.message.text()


def test_a_first_day_typed_key_by_key_is_the_day_the_new_value_starts(qtbot, db, clock):
    """«01/07/2025» typed into «từ ngày» started the new value on 01/12/2026: the date box moved on to the
    month by itself after «01», the «/» moved on to the year, and «07/2025» was lost there."""
    page = page_of(qtbot, SettingsPage(context_for(db, clock)))
    page.new_key.setCurrentIndex(page.new_key.findData("co_quan_cap_tren"))
    page.new_value.currentWidget().setText("TỈNH ỦY LÂM ĐỒNG MỚI")
    type_day(qtbot, page.new_from, "31/02/2025")
    assert page.message.text() == "Áp dụng từ ngày «31/02/2025»: ngày 31/02/2025 không tồn tại."
    page.start_new_value()
    assert settings.settings_history(db).changed() == {}  # nothing started on another day instead
    type_day(qtbot, page.new_from, "01/07/2025")
    page.start_new_value()
    assert page.message.text().startswith("Từ ngày 01/07/2025, «Cơ quan cấp trên» là «TỈNH ỦY LÂM ĐỒNG MỚI».")
    page.advanced.setChecked(True)
    type_day(qtbot, page.fields["nhiem_ky_bat_dau"].widget, "1/11/2026")
    page.save()
    assert settings.list_settings(db)["nhiem_ky_bat_dau"] == "2026-11-01"


def test_a_value_typed_as_it_already_is_saves_nothing(qtbot, db, clock):
    page = page_of(qtbot, SettingsPage(context_for(db, clock)))
    history = settings.settings_history(db).spans
    page.fields["dia_danh"].widget.setText("  Lâm   Đồng  ")
    page.save()
    assert page.message.text() == "Không có gì thay đổi."
    page.new_key.setCurrentIndex(page.new_key.findData("dia_danh"))
    page.new_value.currentWidget().setText("Lâm Đồng")
    page.new_from.set_day(dt.date(2025, 7, 1))
    page.start_new_value()
    assert page.message.text() == "Không có gì thay đổi: ngày 01/07/2025, «Địa danh» đã là giá trị ấy."
    assert settings.settings_history(db).spans == history and not page.history.isVisible()
    assert "thay đổi thiết lập" not in [entry.action for entry in audit.list_entries(db)]


def test_a_setting_printed_on_documents_is_never_saved_empty_nor_half_saved_and_what_was_typed_stays(
        qtbot, db, clock):
    """The admin corrects the refused field instead of typing everything again."""
    page = page_of(qtbot, SettingsPage(context_for(db, clock)))
    page.fields["dia_danh"].widget.setText("Bình Thuận")
    page.fields["co_quan_cap_tren"].widget.setText("")
    page.save()
    assert "«Cơ quan cấp trên» (co_quan_cap_tren) in trên mọi văn bản nên không được để trống" in page.message.text()
    stored = settings.list_settings(db)
    assert stored["co_quan_cap_tren"] == "TỈNH ỦY LÂM ĐỒNG" and stored["dia_danh"] == "Lâm Đồng"
    assert page.fields["dia_danh"].widget.text() == "Bình Thuận"
    assert page.focusWidget() is page.fields["co_quan_cap_tren"].widget
    page.advanced.setChecked(False)
    page.fields["ky_hieu"].widget.setText("")  # an advanced setting, emptied before the view was narrowed
    page.fields["co_quan_cap_tren"].widget.setText("TỈNH ỦY LÂM ĐỒNG")
    page.save()
    assert page.advanced.isChecked() and page.focusWidget() is page.fields["ky_hieu"].widget
    page.fields["ky_hieu"].widget.setText("BTCTU")
    page.save()
    assert page.message.text().startswith("Đã lưu 1 thiết lập.")
    assert settings.list_settings(db)["dia_danh"] == "Bình Thuận"


def test_a_reply_limit_typed_on_the_form_says_it_moves_the_slips_issued_and_how_to_start_it_from_a_day(
        qtbot, db, clock):
    page = page_of(qtbot, SettingsPage(context_for(db, clock)))
    page.fields["han_tra_loi_phieu_ngay"].set("60")
    page.save()
    assert page.message.text().startswith("Đã lưu 1 thiết lập.")
    assert ("đã sửa cả cho những phiếu đã phát hành: hạn của chúng cũng tính theo 60 ngày. Nếu chỉ áp dụng từ một "
            "ngày, đặt giá trị mới áp dụng từ ngày đó") in page.message.text()
    page.new_key.setCurrentIndex(page.new_key.findData("han_tra_loi_phieu_ngay"))
    page.new_value.currentWidget().setValue(45)
    page.start_new_value()
    assert "45" in page.message.text() and "đã sửa cả" not in page.message.text()


def test_a_value_out_of_range_is_refused_on_the_page_as_on_the_command_line(qtbot, db, clock):
    page = page_of(qtbot, SettingsPage(context_for(db, clock)))
    page.advanced.setChecked(True)
    for kind, (smallest, largest) in settings.RANGES.items():
        spin = next(field.widget for field in page.fields.values() if field.setting.kind == kind)
        assert (spin.minimum(), spin.maximum()) == (smallest, largest)
    page.fields["co_quan"].widget.setText("B" * 5000)
    page.save()
    assert page.message.text() == "«Cơ quan ban hành» (co_quan) dài tối đa 255 ký tự; giá trị đã nhập có 5000 ký tự."
    page.new_key.setCurrentIndex(page.new_key.findData("dia_danh"))
    page.new_value.currentWidget().setText("L" * 256)
    page.start_new_value()
    assert "(dia_danh) dài tối đa 255 ký tự" in page.message.text()
    stored = settings.list_settings(db)
    assert (stored["co_quan"], stored["dia_danh"]) == ("BAN TỔ CHỨC", "Lâm Đồng")


def test_the_audit_view_filters_by_part_of_a_name_action_outcome_and_words_shown(qtbot, db, clock):
    from bvct_desktop.core import browse, editing

    editing.view(db, "slips", browse.record_ids(db, "slips", "12/PXM")[0])
    other = as_user(db, "off1", LEADER)
    page = page_of(qtbot, AuditPage(context_for(db, clock)))
    page.user.setCurrentText("OFF")  # typed: part of a name
    page.refresh()
    assert {entry.user for entry in page.model.entries} == {"off1"}
    page.user.setCurrentIndex(0)
    assert page.action.itemText(0) == "Tất cả" and page.action.findText("xem hồ sơ") > 0
    page.action.setCurrentText("xem hồ sơ")
    page.text.setText("12/pxm")
    page.refresh()
    assert [entry.action for entry in page.model.entries] == ["xem hồ sơ"]
    assert page.count.text() == "1 mục"
    page.action.setCurrentIndex(0)
    page.text.clear()
    page.outcome.setCurrentText("thành công")
    page.refresh()
    assert {entry.outcome for entry in page.model.entries} == {audit.OK}
    assert page.outcome.itemText(0) == "Tất cả" and page.outcome.findText("bị từ chối") > 0
    viewed = [entry for entry in audit.list_entries(db) if entry.action == audit.VIEWED_TRAIL]
    assert len(viewed) == 4 and '"noi_dung": "12/pxm"' in viewed[2].details
    other.close()


def test_a_chief_picks_the_officer_among_those_the_trail_holds_without_the_right_to_list_accounts(qtbot, db, clock):
    officer = as_user(db, "can.bo", OFFICER)
    officer.close()
    chief = as_user(db, "lanh.dao", LEADER)
    with pytest.raises(PermissionDenied):
        users.list_accounts(chief)
    page = page_of(qtbot, AuditPage(context_for(chief, clock)))
    offered = [page.user.itemText(index) for index in range(page.user.count())]
    assert offered[0] == "Tất cả" and page.user.currentText() == "Tất cả"
    assert {"can.bo (Chuyên viên)", "lanh.dao (Lãnh đạo)", f"{ADMIN_NAME} (Quản trị)"} <= set(offered)
    page.user.setCurrentIndex(offered.index("can.bo (Chuyên viên)"))
    page.refresh()
    assert {entry.user for entry in page.model.entries} == {"can.bo"}
    assert page.user.currentText() == "can.bo (Chuyên viên)"  # kept when the list is offered again
    chief.close()


def test_the_audit_view_shows_whole_the_six_digit_numbers_of_a_long_trail(qtbot, db, clock):
    """An import of 100,000 slips writes as many entries: «Số» was sized by the rows near the top and showed
    «119…» at the bottom, where the page opens."""
    page = page_of(qtbot, AuditPage(context_for(db, clock)))
    at = dt.datetime(2026, 11, 30, 9, 0)
    page.model.entries = [audit.Entry(number, at, "quantri", ADMIN, "thêm", audit.OK, "slips", number, None)
                          for number in range(1, 120_001)]
    page.fit_numbers()
    page.view.scrollToBottom()
    qtbot.wait(50)
    shown = page.view.visualRect(page.model.index(119_999, 0))
    assert page.view.fontMetrics().horizontalAdvance("120000") < shown.width() - 4


def test_the_six_digit_numbers_stay_whole_when_the_page_opens_at_its_width(qtbot, db, clock):
    """The page reads the trail before it is shown: «Số» was sized then, and fitting the columns to the width
    the page opened at cut it back to «200…» on every row of a trail of 200,000 entries."""
    page = AuditPage(context_for(db, clock))
    qtbot.addWidget(page)
    at = dt.datetime(2026, 11, 30, 9, 0)
    page.model.set_entries([audit.Entry(number, at, "quantri", ADMIN, "thêm", audit.OK, "slips", number, None)
                            for number in range(1, 200_001)])
    page.fit_numbers()  # as `refresh` does, before the page has its width
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.wait(50)
    page.view.scrollToBottom()
    shown = page.view.visualRect(page.model.index(199_999, 0))
    assert page.view.fontMetrics().horizontalAdvance("200000") < shown.width() - 4
    assert page.view.horizontalScrollBar().maximum() == 0  # the room taken from «Chi tiết», which takes what is left


def test_the_audit_view_sorts_by_a_clicked_column_and_exports_the_rows_shown(qtbot, db, clock, tmp_path):
    context = context_for(db, clock)
    page = page_of(qtbot, AuditPage(context))
    assert page.view.isSortingEnabled()
    ids = [entry.id for entry in page.model.entries]
    assert ids == sorted(ids)  # as it happened, by default
    page.view.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    actions = [page.model.index(row, 4).data() for row in range(page.model.rowCount())]
    assert actions == sorted(actions, key=fold, reverse=True) and actions != sorted(actions, key=fold)
    page.action.setCurrentText("thêm")
    page.refresh()
    shown = [page.model.index(row, 8).data() for row in range(page.model.rowCount())]
    ids = [entry.id for entry in page.model.entries]
    assert len(shown) == 3 and ids == sorted(ids, reverse=True)  # the order kept: alike, newest first
    target = tmp_path / "nhat-ky.xlsx"
    context.dialogs.answer_next(PASSWORD, str(target))
    page.export()
    sheet = openpyxl.load_workbook(target).active
    assert [row[8].value for row in sheet.iter_rows(min_row=2)] == shown
    assert page.message.text().startswith("Đã xuất 3 mục nhật ký đang hiện (theo bộ lọc và thứ tự đã chọn)")


def test_the_restore_question_warns_when_the_backup_is_of_another_database(qtbot, tmp_path, clock):
    """A USB stick holds the backups of two offices (or a practice database): the question said only
    when the chosen one was made, and the officer replaced his database with someone else's."""
    other = new_database(tmp_path / "don-vi-khac", clock)
    theirs = backup.create(other, tmp_path / "don-vi-khac.bvctbak")
    other.close()
    db = new_database(tmp_path, clock)
    ours = backup.create(db, tmp_path / "cua-minh.bvctbak")
    context = context_for(db, clock)
    page = page_of(qtbot, BackupPage(context, lambda: None))
    page.password.setText(PASSWORD)
    context.dialogs.answer_next(str(ours.path), NO, str(theirs.path), NO)
    for _ in range(2):
        page.restore()
        qtbot.waitUntil(lambda: page.task is None, timeout=20_000)  # asked once the backup is checked
    asked = [shown.text for shown in context.dialogs.shown if shown.kind == "ask"]
    assert len(asked) == 2 and restore_offer.OF_ANOTHER_DATABASE not in asked[0]
    assert asked[1].startswith(restore_offer.OF_ANOTHER_DATABASE)


def admin_tab_at_150_percent(qtbot, monkeypatch, db, clock, title: str) -> AdminPage:
    """The Quản trị page on its tab `title`, the window filling an office screen at 150 %."""
    screen = on_office_screen(monkeypatch, 1.5)
    window = main_window(qtbot, db, clock)
    window.resize(screen.size())
    window.navigation.select("admin")
    admin = window.current_page()
    admin.setCurrentIndex(tab_titles(admin).index(title))
    return admin


def test_at_150_percent_the_audit_view_shows_every_column_within_the_window(qtbot, monkeypatch, db, clock):
    """At 150 % (911×485 above the taskbar) each column took the width of its longest text: «Loại», «Bản ghi»
    and «Chi tiết» ran off the right, read only by scrolling sideways row by row. The columns share the
    width, the details take what is left (their whole text in the tooltip)."""
    headers, rows = SAMPLES["cadres"]
    moved = [*rows[0][:10], "Ban Quản lý các khu công nghiệp tỉnh Bình Thuận – Văn phòng Ban", *rows[0][11:]]
    import_rows(db, "cadres", headers, [moved])
    admin = admin_tab_at_150_percent(qtbot, monkeypatch, db, clock, "Nhật ký")
    view = admin.page(admin.currentIndex()).view
    qtbot.wait(20)
    header = view.horizontalHeader()
    assert header.length() <= view.viewport().width()
    details = header.sectionViewportPosition(audit_words.DETAILS_COLUMN)
    assert view.viewport().width() - details >= view.fontMetrics().horizontalAdvance("Chi tiết" * 2)
    assert all(header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title.split()[0])
               for column, title in enumerate(audit.LIST_HEADERS))


def test_at_150_percent_the_advanced_settings_are_read_without_scrolling_sideways(qtbot, monkeypatch, db, clock):
    """At 150 % with «Hiện thiết lập nâng cao» ticked, «Hạn hoàn thành hồ sơ thẩm tra theo mục đích (số ngày kể từ
    ngày mở; 0: không đặt hạn):» kept to one line: the boxes were pushed past the right edge, cut, and read only
    by scrolling sideways. A long label goes on more lines."""
    admin = admin_tab_at_150_percent(qtbot, monkeypatch, db, clock, "Thiết lập")
    page, area = admin.page(admin.currentIndex()), admin.currentWidget()
    page.advanced.setChecked(True)
    qtbot.wait(20)
    assert page.minimumSizeHint().width() <= area.viewport().width()
    assert not area.horizontalScrollBar().isVisible()


def test_at_150_percent_a_recipients_name_is_read_whole_beside_an_empty_column(qtbot, monkeypatch, db, clock):
    """At 150 % «Tên nơi nhận» and «Tên khác đã gộp» shared the width half and half: «Phòng PV27 – Công an tỉnh
    Bình Thuận (nay: …» was cut beside an empty column. A column with nothing in it keeps to its header, the
    names take the rest."""
    recipients.add_recipient(db, "Phòng An ninh chính trị nội bộ – Công an tỉnh Bình Thuận")
    clock.now = dt.datetime(2025, 7, 1, 8, 0)  # told what the province is part of now
    admin = admin_tab_at_150_percent(qtbot, monkeypatch, db, clock, "Nơi nhận phiếu")
    table = admin.page(admin.currentIndex()).table
    qtbot.wait(20)
    assert all(not table.item(row, 1).text() for row in range(table.rowCount()))
    assert table.columnWidth(1) <= table.horizontalHeader().sectionSizeHint(1)
    long_name = "Phòng An ninh chính trị nội bộ – Công an tỉnh Bình Thuận"
    assert f"{long_name} (nay: tỉnh Lâm Đồng)" in [table.item(row, 0).text() for row in range(table.rowCount())]
    assert table.columnWidth(0) >= table.fontMetrics().horizontalAdvance(long_name) + 8


def test_a_hundred_edits_of_a_text_of_thousands_of_lines_open_at_once_in_rows_two_lines_high(qtbot, db, clock):
    """The page froze for seconds measuring every word of every entry's details (both texts whole, 60,000
    characters an entry): it opens at once, each row two lines high, its tooltip the first lines within the
    screen and how many are left."""
    from bvct_desktop.core import browse, editing, long_text

    slip = browse.record_ids(db, "slips", "13/PXM")[0]

    def edited_a_hundred_times(lines: int) -> None:
        for number in range(100):
            stored = editing.load(db, "slips", slip)
            result = "\n".join(f"Dòng {line} lần {number}" for line in range(1, lines))
            editing.save(db, "slips", {**stored, "result": result}, slip, stored["person_id"])

    def opened() -> tuple[AuditPage, float]:
        started = time.perf_counter()
        page = page_of(qtbot, AuditPage(context_for(db, clock)))
        page.resize(1366, 700)
        qtbot.waitExposed(page)
        page.grab()
        return page, time.perf_counter() - started

    edited_a_hundred_times(2)
    _, usual = opened()  # the same page over a hundred edits of one line, measured beside it on the same cores
    edited_a_hundred_times(1900)
    page, took = opened()
    assert took < 3 * usual + 0.5  # ≈ 1.1 s against ≈ 0.5 s; measuring every word took seconds
    edited = [row for row in range(page.model.rowCount()) if "lần 99" in page.model.index(row, 8).data()]
    assert {page.view.rowHeight(row) for row in edited} == {page.view.verticalHeader().defaultSectionSize()}
    tip = as_seen(page.model.index(edited[-1], 8).data(Qt.ItemDataRole.ToolTipRole)).split("\n")
    assert len(tip) == long_text.TIP_LINES + 1 and tip[0].startswith("Bản ghi: Số phiếu: «13/PXM»")
    assert tip[-1].startswith("… (còn ") and tip[-1].endswith(" dòng nữa; xuất nhật ký để xem đủ)")
