"""«Giao hộ chiếu theo đoàn…» and «Nhận lại theo đoàn…» in the passport register: from the decision number,
each member the decision names is listed with the passport chosen or why none, one can be left out, what the
officer should know is asked once, and the passports are written at once; the dialog reads at 1366×768 with eight
long names."""

import pytest

from bvct_desktop.core import browse, editing, handover_minutes, passports, permissions
from bvct_desktop.core.permissions import Action
from bvct_desktop.gui.dialogs import NO, YES
from bvct_desktop.gui.qt import QLabel, Qt
from bvct_desktop.gui.registers.delegation_passports import NONE_CHOSEN, PRINT_MINUTES, DelegationPassportsDialog
from bvct_desktop.gui.registers.page import RegisterPage
from tests.conftest import PASSWORD
from tests.core.personfile.conftest import last_audit
from tests.gui import register_support as support
from tests.io.documents import pdfcheck

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures

DECISION = "2468-QĐ/TU"
SCREEN = (1366, 768)
NAMES = ("Tôn Nữ Thị Phương Thảo Nguyên", "Nguyễn Hoàng Bảo Khánh Linh Đan", "Công Tằng Tôn Nữ Minh Hạnh",
         "Trần Lê Quang Minh Nhật Huy", "Âu Dương Thị Ngọc Bích Trâm", "Hoàng Phủ Ngọc Tường Vân",
         "Lê Nguyễn Thanh Thiên Phước", "Phạm Huỳnh Gia Khiêm Luân")


@pytest.fixture
def eight(db) -> dict[str, int]:
    """A delegation of eight going on 20/06/2025 (the sample's today is 15/06/2025), back on 27/06/2025: each
    with an official passport kept by the office but Âu Dương Thị Ngọc Bích Trâm's, diplomatic and valid less
    than six months after leaving, and Phạm Huỳnh Gia Khiêm Luân, who has none."""
    [delegation] = browse.record_ids(db, "delegations", "chuyển đổi số")
    stored = editing.load(db, "delegations", delegation)
    members = [{"full_name": name, "birth_date": str(1970 + number), "home_town": None, "cccd": None,
                "position": "Phó Giám đốc", "unit": "Sở Khoa học và Công nghệ", "role": "Thành viên",
                "not_going": None} for number, name in enumerate(NAMES)]
    editing.save(db, "delegations", {**stored, "decision_no": DECISION, "decision_on": "01/06/2025",
                                     "depart_on": "20/06/2025", "return_on": "27/06/2025",
                                     editing.MEMBERS: members}, delegation)
    made = {}
    for number, name in enumerate(NAMES[:-1]):
        [holder] = editing.cadres_named(db, name)
        diplomatic = name == NAMES[4]
        made[name] = passports.add_passport(db, holder.person_id, {
            "passport_type": "Ngoại giao" if diplomatic else "Công vụ", "number": f"B{1000 + number}234",
            "issued_on": "15/06/2021", "expires_on": "01/10/2025" if diplomatic else "15/06/2031", "kept": "Có"})
    return made


def opened(qtbot, page: RegisterPage, button: str, values: dict[str, str]) -> DelegationPassportsDialog:
    page.buttons[button].click()
    dialog = page.delegation_dialog
    qtbot.addWidget(dialog)
    support.fill(dialog, values)
    dialog.list_members()
    return dialog


def rows(dialog: DelegationPassportsDialog) -> list[tuple[str, str, bool]]:
    """Each member's name, passport (or why none), and whether it is ticked."""
    return [(dialog.table.item(row, 0).text(), dialog.table.item(row, 1).text(),
             dialog.table.item(row, 0).checkState() == Qt.CheckState.Checked)
            for row in range(dialog.table.rowCount())]


def test_a_delegation_s_passports_are_handed_out_and_received_back_at_once_one_left_out(
        qtbot, context, eight, tmp_path):
    page = RegisterPage(context, "passports")
    qtbot.addWidget(page)
    dialog = opened(qtbot, page, "hand_out", {"decision_no": DECISION.lower(), "handed_on": "15/06/2025"})
    listed = rows(dialog)
    assert len(listed) == 8
    assert ("Âu Dương Thị Ngọc Bích Trâm", "Hộ chiếu ngoại giao B1004234", True) in listed
    assert ("Phạm Huỳnh Gia Khiêm Luân", "Không có hộ chiếu ngoại giao, công vụ trong sổ.", False) in listed
    left_out = [name for name, _passport, _ticked in listed].index(NAMES[0])
    dialog.table.item(left_out, 0).setCheckState(Qt.CheckState.Unchecked)
    dialog.resize(1000, 640)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(tmp_path / "hand-out.png"))
    context.dialogs.answer_next(NO)
    assert not dialog.save()
    [asked] = [shown for shown in context.dialogs.shown if shown.title == "Lưu ý"]
    assert "Hộ chiếu B1004234 hết hạn ngày 01/10/2025" in asked.text
    context.dialogs.answer_next(YES)
    assert dialog.save()
    qtbot.waitUntil(lambda: page.message.text() == "Đã giao 6 hộ chiếu theo đoàn.", timeout=10_000)
    assert [passport["state"].startswith("Đã giao") for passport in
            (passports.passports_of(context.db, editing.cadres_named(context.db, name)[0].person_id)[0]
             for name in NAMES[:2])] == [False, True]

    back = opened(qtbot, page, "take_back", {"decision_no": DECISION, "returned_on": "30/06/2025"})
    assert [ticked for _name, _passport, ticked in rows(back)].count(True) == 6
    assert back.save()
    qtbot.waitUntil(lambda: page.message.text() == "Đã nhận lại 6 hộ chiếu theo đoàn.", timeout=10_000)
    assert [line["returned_on"] is not None for name in NAMES[1:4] for line in passports.handovers_of(
        context.db, editing.cadres_named(context.db, name)[0].person_id)] == [True] * 3


@pytest.mark.parametrize(("button", "left_out"), [("hand_out", "không giao hộ chiếu"),
                                                  ("take_back", "chưa nộp lại hộ chiếu")])
def test_the_list_is_said_to_be_of_the_delegation_s_members_one_who_does_not_go_among_them(
        qtbot, context, eight, button, left_out):
    page = RegisterPage(context, "passports")
    qtbot.addWidget(page)
    dialog = opened(qtbot, page, button, {"decision_no": DECISION})
    assert dialog.table.horizontalHeaderItem(0).text() == "Thành viên"
    assert (f"Nhập số quyết định cử đoàn: danh sách thành viên của đoàn hiện dưới đây; bỏ đánh dấu ở người {left_out}."
            in [label.text() for label in dialog.findChildren(QLabel)])


def test_a_decision_no_delegation_has_or_no_member_ticked_is_said_and_nothing_written(qtbot, context, eight):
    page = RegisterPage(context, "passports")
    qtbot.addWidget(page)
    dialog = opened(qtbot, page, "hand_out", {"decision_no": "999-QĐ/TU", "handed_on": "15/06/2025"})
    assert dialog.table.rowCount() == 0
    assert not dialog.save()
    assert dialog.message.text().startswith("Không có đoàn nào đi theo quyết định «999-QĐ/TU»")
    support.fill(dialog, {"decision_no": DECISION})
    dialog.list_members()
    for row in range(dialog.table.rowCount()):
        dialog.table.item(row, 0).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.save()
    assert dialog.message.text() == NONE_CHOSEN


def test_the_handover_minutes_open_in_the_print_preview_after_the_hand_out_and_their_print_is_audited(
        qtbot, context, eight, tmp_path):
    """«In biên bản giao nhận hộ chiếu sau khi lưu», ticked at first: once the passports are handed out, the minutes of
    those seven open in the preview, and saving them is in the trail; unticked, receiving them back prints nothing."""
    page = RegisterPage(context, "passports")
    qtbot.addWidget(page)
    dialog = opened(qtbot, page, "hand_out", {"decision_no": DECISION, "handed_on": "15/06/2025"})
    assert dialog.minutes_box.text() == PRINT_MINUTES and dialog.minutes_box.isChecked()
    dialog.resize(*SCREEN)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(tmp_path / "hand-out-minutes.png"))
    context.dialogs.answer_next(YES)  # the «Lưu ý» on Âu Dương Thị Ngọc Bích Trâm's passport
    assert dialog.save()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    assert dialog.preview.windowTitle().endswith("Biên bản giao nhận hộ chiếu")
    context.dialogs.answer_next(PASSWORD, str(tmp_path / "bien-ban"))
    assert dialog.preview.save_document()
    text = " ".join(pdfcheck.text(tmp_path / "bien-ban.pdf").split())
    assert "BIÊN BẢN GIAO NHẬN HỘ CHIẾU" in text and "Tổng số: 7 hộ chiếu." in text and NAMES[0] in text
    entry = last_audit(context.db)
    assert (entry["action"], entry["kind"], entry["details"][handover_minutes.COUNTED]) == (
        "xuất", passports.HANDOVERS, 7)
    dialog.preview.close()

    back = opened(qtbot, page, "take_back", {"decision_no": DECISION, "returned_on": "30/06/2025"})
    back.minutes_box.setChecked(False)
    assert back.save()
    qtbot.waitUntil(lambda: page.message.text() == "Đã nhận lại 7 hộ chiếu theo đoàn.", timeout=10_000)
    assert back.preview is None


def test_an_officer_who_may_edit_but_not_export_is_not_offered_the_minutes_and_is_told_why(
        qtbot, context, eight, monkeypatch):
    monkeypatch.setitem(permissions.ALLOWED, Action.EXPORT, frozenset())
    page = RegisterPage(context, "passports")
    qtbot.addWidget(page)
    dialog = opened(qtbot, page, "hand_out", {"decision_no": DECISION, "handed_on": "15/06/2025"})
    assert not dialog.minutes_box.isChecked() and not dialog.minutes_box.isEnabled()
    assert dialog.minutes_box.toolTip() == ("Vai trò của bạn không được phép in biên bản giao nhận hộ chiếu "
                                            "(cần quyền xuất, in hoặc lập báo cáo có dữ liệu cá nhân).")
