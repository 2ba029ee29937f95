"""The windows follow what others write without a restart — another officer on the same file or
server, another `bvct` process: an open register shows the change where it is (selection, scroll and
search kept), the dashboard's figures follow, and an open form tells its officer, never overwriting
what they typed. While nothing changes the looks say nothing."""

import datetime as dt
import os

import pytest

from bvct_desktop.core import browse, editing, recycle_bin
from bvct_desktop.core.errors import BvctError
from bvct_desktop.core.personfile.political import POLITICAL_NOTES
from bvct_desktop.gui import live
from bvct_desktop.gui.dashboard import Dashboard
from bvct_desktop.gui.forms import open_form
from bvct_desktop.gui.forms.record_form import RecordForm
from bvct_desktop.gui.registers.page import RegisterPage
from tests import real_process
from tests.conftest import workbook
from tests.gui import register_support as support
from tests.gui.register_support import fill, shown_values
from tests.gui.shell_support import FakeClock, context_for
from tests.sample_db import OFFICER_NAME as OTHER
from tests.sample_db import officer_database, sample_database
from tests.samples import SAMPLES

NOW = dt.datetime(2025, 9, 25, 8, 0)
app = support.app  # fixture
LOOK_MS = 100  # the interval of the tests' looks (the program's: live.INTERVAL_MS)
SEEN_WITHIN_MS = 5_000


@pytest.fixture
def cli(both_engines_cli):
    return both_engines_cli


@pytest.fixture
def office(cli, tmp_path, app):
    """The sample records, opened in this window (`mine`) and by a second officer elsewhere (`theirs`)."""
    clock = FakeClock(NOW)
    mine = sample_database(cli, tmp_path, ("cadres", "complaints"), clock=clock)
    theirs = officer_database(cli, mine, clock=lambda: NOW + dt.timedelta(minutes=5))
    yield context_for(mine, clock), theirs
    theirs.close()
    mine.close()


@pytest.fixture
def looking(office, qtbot):
    context, _ = office
    watcher = live.LiveChanges(context, interval_ms=LOOK_MS)
    yield watcher
    watcher.stop()
    qtbot.waitUntil(lambda: watcher.looking is None)


def _complaint(db, number: int) -> int:
    return editing.save(db, "complaints", {"received_on": "05/09/2025", "sender": f"Người gửi {number}",
                                           "complaint_kind": "Phản ánh", "summary": f"Đơn số {number}"})


def _answer(db, record_id: int, result: str) -> None:
    stored = editing.load(db, "complaints", record_id)
    editing.save(db, "complaints", {**stored, "result": result}, record_id, seen=stored[editing.VERSION])


@pytest.fixture
def complaint_form(office, looking, qtbot):
    """A complaint of this window's, open in its form while the window looks; the form and the record's id."""
    context, _ = office
    record = _complaint(context.db, 1)
    form = RecordForm(context, "complaints", record)
    qtbot.addWidget(form)
    form.show()
    return form, record


def _cell(page, record_id: int, key: str) -> str:
    row = page.model.row_of(record_id)
    return page.model.index(row, [column.key for column in page.spec.columns].index(key)).data()


def test_another_officers_change_shows_in_the_open_register_where_it_is(qtbot, office, looking):
    context, theirs = office
    for number in range(60):
        _complaint(context.db, number)
    page = RegisterPage(context, "complaints")
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    page.search.setText("nguoi gui")
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 60)
    page.table.selectRow(40)
    chosen = page.model.record_id(40)
    page.table.scrollTo(page.model.index(40, 0))
    position = page.table.verticalScrollBar().value()
    assert position > 0
    resets = []
    page.model.modelReset.connect(lambda: resets.append(1))

    _answer(theirs, chosen, "Đã trả lời")
    qtbot.waitUntil(lambda: _cell(page, chosen, "result") == "Đã trả lời", timeout=SEEN_WITHIN_MS)
    assert resets == [] and page.search.text() == "nguoi gui"
    assert page.selected_ids() == [chosen] and page.table.verticalScrollBar().value() == position

    added = _complaint(theirs, 60)
    qtbot.waitUntil(lambda: page.model.rowCount() == 61, timeout=SEEN_WITHIN_MS)
    assert added in page.model.ids and page.selected_ids() == [chosen]


# The dashboard of a server database (its backup warning) comes with the desktop on the server (gui/app).
@pytest.mark.parametrize("both_engines_cli", ["file"], indirect=True)
def test_the_dashboard_figures_follow(qtbot, office, looking):
    context, theirs = office
    dashboard = Dashboard(context, lambda kind, record_id: None)
    qtbot.addWidget(dashboard)
    dashboard.show()
    qtbot.waitUntil(lambda: dashboard.snapshot is not None and dashboard.task is None)
    before = int(dashboard.figure_values["complaints_received"].text())
    _complaint(theirs, 1)
    qtbot.waitUntil(lambda: dashboard.figure_values["complaints_received"].text() == str(before + 1),
                    timeout=SEEN_WITHIN_MS)


def test_an_untouched_form_shows_the_change(office, complaint_form, qtbot):
    _, theirs = office
    form, record = complaint_form
    _answer(theirs, record, "Đã chuyển cơ quan chức năng")
    qtbot.waitUntil(lambda: shown_values(form)["result"] == "Đã chuyển cơ quan chức năng", timeout=SEEN_WITHIN_MS)
    assert f"vừa được {OTHER} sửa lúc 08:05" in form.message.text()
    fill(form, {"summary": "Đơn số 1, bổ sung"})
    assert form.save()  # the form now holds their version: no conflict


def test_a_form_being_edited_keeps_what_was_typed_and_says_its_save_would_be_refused(office, complaint_form, qtbot):
    _, theirs = office
    form, record = complaint_form
    fill(form, {"summary": "Nội dung tôi đang sửa"})
    _answer(theirs, record, "Đã trả lời")
    qtbot.waitUntil(lambda: "từ chối" in form.message.text(), timeout=SEEN_WITHIN_MS)
    assert form.message.text().startswith(f"Bản ghi vừa được {OTHER} sửa lúc 08:05 ngày 25/09/2025.")
    assert shown_values(form)["summary"] == "Nội dung tôi đang sửa" and shown_values(form)["result"] == ""
    assert not form.save()
    assert form.message.text().startswith(f"Bản ghi đã được {OTHER} sửa")
    assert shown_values(form)["summary"] == "Nội dung tôi đang sửa"
    assert editing.load(theirs, "complaints", record)["summary"] == "Đơn số 1"


@pytest.mark.parametrize("typed", [False, True])
def test_a_form_whose_record_is_put_in_the_recycle_bin_says_so_and_only_shows_it(office, complaint_form, qtbot,
                                                                                  typed):
    _, theirs = office
    form, record = complaint_form
    if typed:
        fill(form, {"summary": "Nội dung tôi đang sửa"})
    recycle_bin.delete(theirs, "complaints", record)
    qtbot.waitUntil(lambda: "Thùng rác" in form.message.text(), timeout=SEEN_WITHIN_MS)
    assert form.message.text().startswith(f"Bản ghi vừa bị {OTHER} xóa lúc 08:05 ngày 25/09/2025")
    assert form.save_button.isHidden() and form.inputs["summary"].isReadOnly()
    assert form.windowTitle().startswith("Đơn thư – Xem:")
    assert shown_values(form)["summary"] == ("Nội dung tôi đang sửa" if typed else "Đơn số 1")
    assert not form.save() and "bị" in form.message.text()
    assert recycle_bin.in_recycle_bin(theirs, "complaints") == [record]


def test_an_import_by_another_bvct_process_shows_in_the_open_register(qtbot, office, looking, tmp_path):
    context, _ = office
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    page.show()
    before = page.model.rowCount()
    more = workbook(tmp_path / "more.xlsx", SAMPLES["cadres"][0],
                    [["Đinh Thị Mới", "1990", "Nữ", None, None, "Hà Nội"] + [None] * 10])
    done = real_process.bvct(real_process.environment(tmp_path, os.environ["BVCT_DB"]), "import", "cadres", more)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=SEEN_WITHIN_MS)


def test_while_nothing_changes_the_looks_say_nothing(qtbot, office, looking, monkeypatch):
    context, _ = office
    looks, said = [], []
    seen = looking.watch.changed
    monkeypatch.setattr(looking.watch, "changed", lambda: looks.append(1) or seen())
    context.notifier.changed.connect(said.append)
    qtbot.waitUntil(lambda: len(looks) >= 3 and looking.looking is None, timeout=SEEN_WITHIN_MS)
    assert said == []


def test_a_look_ended_after_the_database_closed_says_nothing(qtbot, office, looking):
    """A look that found others' writes, its answer coming back once the session had ended (logged out, locked,
    quit), told the registers and a cadre's file to read again from a closed database: «Cơ sở dữ liệu đã đóng.»
    raised in Qt's event loop (CI met it). The session over, there is nothing to tell."""
    context, _ = office
    said = []
    context.notifier.changed.connect(said.append)
    looking.stop()
    qtbot.waitUntil(lambda: looking.looking is None)
    context.db.close()
    looking._looked(frozenset({"persons", "complaints"}), None)
    assert said == []


def test_the_database_out_of_reach_is_said_once_and_when_reached_again_everything_is_read_again(
        qtbot, office, looking, monkeypatch):
    """The office server stopped: the looks failed in silence, the window still said «Đang mở» over the
    rows of before, and a register left unreadable stayed so after the server was back. The first failed
    look says why (once), the first look that reaches it again says so and has every page read again."""
    context, _ = office
    told, said = [], []
    looking.reach_changed.connect(told.append)
    context.notifier.changed.connect(said.append)
    lost = BvctError("Không kết nối được máy chủ cơ sở dữ liệu 10.0.0.5:5432; kiểm tra mạng nội bộ và máy chủ.")
    reached = looking.watch.changed
    looks = []

    def out_of_reach():
        looks.append(1)
        raise lost

    monkeypatch.setattr(looking.watch, "changed", out_of_reach)
    qtbot.waitUntil(lambda: len(looks) >= 3 and looking.looking is None, timeout=SEEN_WITHIN_MS)
    assert told == [lost.message] and said == []
    monkeypatch.setattr(looking.watch, "changed", reached)
    qtbot.waitUntil(lambda: told == [lost.message, ""], timeout=SEEN_WITHIN_MS)
    assert said == ["*"]


def test_a_register_hidden_by_another_page_reads_the_change_once_shown_again(qtbot, office):
    context, theirs = office
    page = RegisterPage(context, "complaints")
    qtbot.addWidget(page)
    page.show()
    page.hide()  # what the window's page stack does when the officer goes to another page
    refreshed = []
    page.model.grown.connect(lambda: refreshed.append(1))
    record = page.model.record_id(0)
    _answer(theirs, record, "Đã trả lời")
    context.notifier.changed.emit("complaints")
    assert refreshed == []
    page.show()
    assert _cell(page, record, "result") == "Đã trả lời"


def test_the_notifier_names_the_registers_and_pages_that_show_the_tables_written():
    assert live.names_of(frozenset({"complaints"})) == ["complaints"]
    assert set(live.names_of(frozenset({"persons"}))) == {"cadres", "slips", "delegations", "archive-requests",
                                                          "vetting-cases", "passports"}
    # the vetting cases' «Phiếu xác minh» names each slip's recipient in its tooltip
    assert set(live.names_of(frozenset({"recipients", "outgoing_documents"}))) == {"slips", "recipients",
                                                                                    "outgoing", "vetting-cases"}
    assert "vetting-cases" in live.names_of(frozenset({"slips"}))  # a reply written to a slip: its case's column
    assert live.names_of(frozenset({"work_periods", "training_courses", "history_declarations"})) == [
        "history-declarations", "training-courses", "work-periods"]
    assert live.names_of(frozenset()) == []


def test_the_open_cadres_file_follows_a_note_written_elsewhere(qtbot, office, looking):
    context, theirs = office
    form = open_form(context, "cadres", browse.record_ids(context.db, "cadres")[0])
    qtbot.addWidget(form)
    form.show()
    tab = next(form.tabs.widget(i) for i in range(form.tabs.count()) if form.tabs.tabText(i) == "Vấn đề chính trị")
    before = tab.table.rowCount()
    POLITICAL_NOTES.add(theirs, form.person_id, {"axis": "Chính trị hiện nay", "content": "Không có biểu hiện vi phạm",
                                                 "regulation": "QĐ 126-QĐ/TW", "effect": "Không ảnh hưởng"})
    qtbot.waitUntil(lambda: tab.table.rowCount() == before + 1, timeout=SEEN_WITHIN_MS)
