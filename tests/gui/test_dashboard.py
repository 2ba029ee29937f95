"""Tổng quan: this year's figures under Vietnamese labels, the lists that need action (each
entry opens its record), the monthly chart and the backup warning."""

import datetime as dt

import pytest

from bvct_desktop.core import backup, importing
from bvct_desktop.core.deadlines import Due
from bvct_desktop.core.kinds import kind_named
from bvct_desktop.core.overview import FIGURE_LABELS
from bvct_desktop.core.personfile import cases
from bvct_desktop.core.schema import cadres
from bvct_desktop.gui.dashboard import Dashboard, DueModel, due_state
from bvct_desktop.gui.qt import Qt
from bvct_desktop.io.xlsx_reader import Sheet
from tests.gui.shell_support import FakeClock, context_for, new_database
from tests.samples import SAMPLES

KINDS = ("cadres", "slips", "delegations", "archive-requests", "complaints")


@pytest.fixture
def clock():
    return FakeClock(dt.datetime(2025, 9, 25, 8, 0))


@pytest.fixture
def db(tmp_path, clock):
    opened = new_database(tmp_path, clock, KINDS)
    headers = SAMPLES["complaints"][0]
    more = [["01/09/2025", "Lê Văn Ba", "Khiếu nại", None, "Khiếu nại kết quả xác minh", "30/09/2025", None, None],
            ["02/09/2025", "Lê Văn Bốn", "Phản ánh", None, "Phản ánh việc kê khai", "01/12/2025", None, None]]
    assert importing.import_sheet(opened, kind_named("complaints"), Sheet(tmp_path / "x.xlsx", [headers, *more])).ok
    with opened.read() as connection:
        person = connection.execute(cadres.select().with_only_columns(cadres.c.person_id).limit(1)).scalar()
    cases.open_case(opened, person, {"purpose": "Bổ nhiệm", "opened_on": "01/08/2025", "due_on": "15/09/2025"})
    yield opened
    opened.close()


@pytest.fixture
def dashboard(qtbot, db, clock):
    opened: list[tuple[str, int]] = []
    page = Dashboard(context_for(db, clock), lambda kind, record_id: opened.append((kind, record_id)))
    page.opened = opened
    qtbot.addWidget(page)
    page.show()
    return page


def test_figures_of_the_year_so_far_with_vietnamese_labels(dashboard):
    assert dashboard.period.text() == "Số liệu năm 2025, từ 01/01/2025 đến 25/09/2025"
    shown = {key: label.text() for key, label in dashboard.figure_values.items()}
    assert set(shown) == set(FIGURE_LABELS)
    assert shown["slips_issued"] == "2" and shown["slips_answered"] == "1"
    assert shown["complaints_received"] == "4" and shown["cadres_sent_abroad"] == "3"


def test_lists_that_need_action(dashboard):
    lists = {due_list.kind: due_list for due_list in dashboard.lists}
    slips = lists["slips"].model.entries
    assert [entry.title.split(" – ")[0] for entry in slips] == ["Phiếu 13/PXM"]
    assert lists["slips"].title().endswith("(1)")
    trips = lists["delegations"].model.entries
    assert [entry.due_on for entry in trips] == [dt.date(2025, 9, 29)]
    complaints = lists["complaints"].model.entries
    assert [entry.due_on for entry in complaints] == [dt.date(2025, 9, 30)]     # December's is not near yet
    assert [entry.title for entry in complaints] == ["Khiếu nại – không ghi người bị phản ánh (người gửi: Lê Văn Ba)"]
    overdue_cases, expired_conclusions = (d for d in dashboard.lists if d.kind == "vetting-cases")
    assert [entry.due_on for entry in overdue_cases.model.entries] == [dt.date(2025, 9, 15)]
    assert expired_conclusions.title().startswith("Kết luận thẩm tra hết hiệu lực")
    model = lists["delegations"].model
    assert model.index(0, 2).data() == "Còn 4 ngày"
    assert lists["slips"].model.index(0, 2).data().startswith("Quá hạn")


def test_an_entry_opens_its_record(dashboard, qtbot):
    slips = next(due_list for due_list in dashboard.lists if due_list.kind == "slips")
    slips.view.setFocus()
    slips.view.setCurrentIndex(slips.model.index(0, 0))
    qtbot.keyClick(slips.view, Qt.Key.Key_Return)
    assert dashboard.opened == [("slips", slips.model.entries[0].record_id)]


def test_chart_counts_slips_per_month(dashboard):
    months = dashboard.chart.months
    assert len(months) == 12 and (months[0].year, months[0].month) == (2024, 10)
    by_month = {(m.year, m.month): (m.issued, m.answered) for m in months}
    assert by_month[(2025, 1)] == (2, 0) and by_month[(2025, 2)] == (0, 1)
    chart = dashboard.chart
    assert not chart.grab().isNull()                           # painted: the bars' places are known
    slot = chart.plot.width() / 12
    assert chart.month_at(chart.plot.left() + slot * 3.5) is months[3]
    assert chart.month_at(chart.plot.left() - 1) is None


def test_backup_warning_until_a_recent_verified_backup(dashboard, db, tmp_path):
    assert dashboard.backup_warning.isVisible() and "7 ngày" in dashboard.backup_warning.text()
    backup.create(db, tmp_path / "moi.bvctbak")
    dashboard.refresh()
    assert not dashboard.backup_warning.isVisible()


def test_refreshes_when_records_change(dashboard, db, tmp_path):
    headers = SAMPLES["complaints"][0]
    row = ["20/09/2025", "Mai Văn Năm", "Tố cáo", None, "Nội dung", "26/09/2025", None, None]
    importing.import_sheet(db, kind_named("complaints"), Sheet(tmp_path / "y.xlsx", [headers, row]))
    dashboard.context.notifier.changed.emit("complaints")
    assert dashboard.figure_values["complaints_received"].text() == "5"


def test_due_model_is_a_sound_table(qtmodeltester, dashboard):
    model = DueModel()
    model.set_entries(next(d for d in dashboard.lists if d.kind == "slips").model.entries, dt.date(2025, 9, 25))
    qtmodeltester.check(model)


def test_due_state_wording():
    entry = Due(1, "x", dt.date(2025, 9, 25))
    assert [due_state(entry, dt.date(2025, 9, d)) for d in (20, 25, 27)] == [
        "Còn 5 ngày", "Đến hạn hôm nay", "Quá hạn 2 ngày"]
