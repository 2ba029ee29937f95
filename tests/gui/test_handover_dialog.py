"""«Bàn giao việc…» from the menu Hồ sơ: a leader chooses the officer leaving and the colleague taking over, sees how
much is open, hands it over, and is told what passed; an officer is not offered it."""

from sqlalchemy import select

from bvct_desktop.core.permissions import LEADER, OFFICER, VIEWER
from bvct_desktop.core.schema import slips
from bvct_desktop.gui.handover_dialog import HandoverDialog
from tests.conftest import ADMIN
from tests.gui.shell_support import as_user, context_for, main_window, new_database

OFFICER_NAME = "chuyenvien2"


def _office(tmp_path, clock):
    """The sample slips (the administrator's), a colleague, a viewer, and a leader's window on them."""
    db = new_database(tmp_path, clock, ("cadres", "slips"))
    as_user(db, OFFICER_NAME, OFFICER).close()
    as_user(db, "xemthoi", VIEWER).close()
    return db, as_user(db, "lanhdao1", LEADER)


def test_the_dialog_tells_the_open_work_and_hands_it_over(qtbot, tmp_path, clock):
    db, leader = _office(tmp_path, clock)
    context = context_for(leader, clock)
    changed = []
    context.notifier.changed.connect(changed.append)
    dialog = HandoverDialog(context)
    qtbot.addWidget(dialog)
    officers = [dialog.officer.itemText(i) for i in range(dialog.officer.count())]
    colleagues = [dialog.colleague.itemText(i) for i in range(dialog.colleague.count())]
    assert ADMIN in officers and "xemthoi" not in colleagues and OFFICER_NAME in colleagues
    dialog.officer.setCurrentText(ADMIN)
    assert dialog.work.text() == f"«{ADMIN}» đang phụ trách 2 phiếu chưa có trả lời và 2 hồ sơ thẩm tra chưa kết luận."
    dialog.colleague.setCurrentText(OFFICER_NAME)
    dialog.hand_over_button.click()
    assert dialog.message.text() == (f"Đã bàn giao 2 phiếu chưa có trả lời và 2 hồ sơ thẩm tra chưa kết luận từ "
                                     f"«{ADMIN}» sang «{OFFICER_NAME}».")
    assert dialog.work.text().endswith("đang phụ trách 0 phiếu chưa có trả lời và 0 hồ sơ thẩm tra chưa kết luận.")
    assert not dialog.hand_over_button.isEnabled() and {"slips", "vetting-cases"} <= set(changed)
    with db.read() as connection:
        assert OFFICER_NAME in set(connection.execute(select(slips.c.in_charge)).scalars())
    leader.close()
    db.close()


def test_handing_over_to_oneself_is_told_and_changes_nothing(qtbot, tmp_path, clock):
    db, leader = _office(tmp_path, clock)
    dialog = HandoverDialog(context_for(leader, clock))
    qtbot.addWidget(dialog)
    dialog.officer.setCurrentText(ADMIN)
    dialog.colleague.setCurrentText(ADMIN)
    dialog.hand_over_button.click()
    assert dialog.message.text() == "Cán bộ nhận bàn giao phải khác cán bộ bàn giao."
    assert dialog.work.text().startswith(f"«{ADMIN}» đang phụ trách 2 phiếu")
    leader.close()
    db.close()


def test_the_menu_offers_it_to_leaders_and_administrators_only(qtbot, tmp_path, clock):
    db, leader = _office(tmp_path, clock)
    window = main_window(qtbot, leader, clock)
    assert window.handover_action in window.record_menu.actions() and window.handover_action.isVisible()
    window.handover_action.trigger()
    assert window.handover_dialog.isVisible()
    officer = main_window(qtbot, as_user(db, "chuyenvien3", OFFICER), clock)
    assert not officer.handover_action.isVisible()
    leader.close()
    db.close()
