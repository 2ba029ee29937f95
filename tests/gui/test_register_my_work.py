"""«Việc của tôi» on the registers of slips and vetting cases: one click shows only the open records in the
officer's charge («Cán bộ phụ trách», a hidden column), with the filters in force in the page's own boxes."""

from sqlalchemy import select

from bvct_desktop.core import handover
from bvct_desktop.core.permissions import OFFICER
from bvct_desktop.core.personfile import cases
from bvct_desktop.core.schema import persons, slips
from bvct_desktop.gui.registers.page import MY_WORK, RegisterPage
from tests.conftest import ADMIN
from tests.gui import register_support as support
from tests.gui.shell_support import as_user, context_for

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures
COLLEAGUE = "chuyenvien2"


def _page(qtbot, context, kind: str) -> RegisterPage:
    page = RegisterPage(context, kind)
    qtbot.addWidget(page)
    return page


def test_my_work_shows_the_slips_awaiting_a_reply_in_my_charge_and_no_colleague_s(qtbot, db, clock):
    as_user(db, COLLEAGUE, OFFICER).close()
    with db.read() as connection:
        first = connection.execute(select(slips.c.id).where(slips.c.result_on.is_(None))).scalars().first()
    handover.hand_over_record(db, "slips", first, COLLEAGUE)
    mine = handover.open_work(db, ADMIN).slips
    page = _page(qtbot, context_for(db, clock), "slips")
    everything = page.model.rowCount()
    page.my_work_button.click()
    assert 0 < page.model.rowCount() == mine < everything
    assert first not in page.model.ids
    assert page.status.currentText() == "Chờ kết quả"
    assert page.clear_columns_button.text().startswith("Bỏ lọc cột: Cán bộ phụ trách")
    page.clear_column_filters()
    assert first in page.model.ids  # the colleague's slip back, as the chip that removes the filter says


def test_my_work_shows_the_vetting_cases_i_verify_not_those_concluded_or_of_a_colleague(qtbot, db, clock):
    colleague = as_user(db, COLLEAGUE, OFFICER)
    with db.read() as connection:
        one, other = connection.execute(select(persons.c.id).order_by(persons.c.id).limit(2)).scalars()
    raw = {"purpose": "Bổ nhiệm", "opened_on": "01/03/2026"}
    my_case, theirs = cases.open_case(db, one, raw), cases.open_case(colleague, other, raw)
    colleague.close()
    page = _page(qtbot, context_for(db, clock), "vetting-cases")
    page.my_work_button.click()
    assert my_case in page.model.ids and theirs not in page.model.ids
    assert page.status.currentData() == cases.OPEN == MY_WORK["vetting-cases"]
    assert page.model.rowCount() == handover.open_work(db, ADMIN).cases


def test_registers_with_no_one_in_charge_offer_no_my_work(qtbot, context):
    assert _page(qtbot, context, "cadres").my_work_button is None
