"""Tổng quan: the figures of a chosen period under Vietnamese labels, read off the GUI thread, each
opening the records it counts; the lists that need action (each entry opens its record), the
monthly chart in view at 1366×768, what the figures cannot count yet, and the backup warning."""

import dataclasses
import datetime as dt
import itertools

import pytest

from bvct_desktop.core import audit, backup, editing, importing, settings
from bvct_desktop.core.deadlines import Due
from bvct_desktop.core.errors import DamagedError
from bvct_desktop.core.kinds import kind_named
from bvct_desktop.core.overview import FIGURE_LABELS
from bvct_desktop.core.periods import DASHBOARD_PERIODS
from bvct_desktop.core.permissions import ADMIN, VIEWER
from bvct_desktop.core.personfile import cases
from bvct_desktop.core.personfile.foreign import FOREIGN_ELEMENTS
from bvct_desktop.core.schema import cadres
from bvct_desktop.gui import damage, look
from bvct_desktop.gui import dashboard as dashboard_module
from bvct_desktop.gui.dashboard import ACTION_LISTS, FIGURE_COLUMNS, Dashboard, DueList, DueModel, due_state
from bvct_desktop.gui.qt import QApplication, QPoint, Qt, QThread
from bvct_desktop.gui.registers import page as register_page
from bvct_desktop.io.xlsx_reader import Sheet
from tests.gui.shell_support import (
    FakeClock,
    active,
    as_user,
    context_for,
    import_rows,
    new_database,
    on_office_screen,
    tab_stops,
    type_day,
)
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
    sheet = Sheet.of_rows(tmp_path / "x.xlsx", [headers, *more])
    assert importing.import_sheet(opened, kind_named("complaints"), sheet).ok
    with opened.read() as connection:
        person = connection.execute(cadres.select().with_only_columns(cadres.c.person_id).limit(1)).scalar()
    cases.open_case(opened, person, {"purpose": "Bổ nhiệm", "opened_on": "01/08/2025", "due_on": "15/09/2025"})
    yield opened
    opened.close()


@pytest.fixture
def dashboard(qtbot, db, clock):
    opened: list[tuple[str, int]] = []
    registers: list[tuple[str, object]] = []
    page = Dashboard(context_for(db, clock), lambda kind, record_id: opened.append((kind, record_id)),
                     lambda kind, filters: registers.append((kind, filters)))
    page.opened, page.registers = opened, registers
    qtbot.addWidget(page)
    page.show()
    settled(qtbot, page)
    return page


def settled(qtbot, page) -> None:
    """Until the reading under way (a worker) is shown."""
    qtbot.waitUntil(lambda: page.task is None and page.recount is None and page.snapshot is not None
                    and not page._timer.isActive(), timeout=10_000)


def test_figures_of_the_year_so_far_with_vietnamese_labels(dashboard):
    assert dashboard.period_text.text().startswith("Năm 2025: số liệu từ 01/01/2025 đến 25/09/2025")
    shown = {key: label.text() for key, label in dashboard.figure_values.items()}
    assert set(shown) == set(FIGURE_LABELS)
    assert shown["slips_issued"] == "2" and shown["slips_answered"] == "1"
    assert shown["complaints_received"] == "4" and shown["cadres_sent_abroad"] == "3"


def test_lists_that_need_action(dashboard):
    lists = {due_list.kind: due_list for due_list in dashboard.due_lists}
    slips = lists["slips"].model.entries
    assert [entry.title.split(" – ")[0] for entry in slips] == ["Phiếu 13/PXM"]
    assert dashboard.lists.tabText(0) == "Phiếu chờ trả lời quá hạn (1)"
    trips = lists["delegations"].model.entries
    assert [entry.due_on for entry in trips] == [dt.date(2025, 10, 1)]  # back 22/09: 7 working days
    complaints = lists["complaints"].model.entries
    assert [entry.due_on for entry in complaints] == [dt.date(2025, 9, 30)]     # December's is not near yet
    assert [entry.title for entry in complaints] == ["Khiếu nại – không ghi người bị phản ánh (người gửi: Lê Văn Ba)"]
    overdue_cases, expired_conclusions = (d for d in dashboard.due_lists if d.kind == "vetting-cases")
    # the case an import opened for Phạm Minh Quang (Kết nạp Đảng, 05/01/2025) is due by the rule: 90 days,
    # Saturday 05/04/2025, so past the weekend and Giỗ Tổ (07/04) to Tuesday 08/04
    assert [entry.due_on for entry in overdue_cases.model.entries] == [dt.date(2025, 4, 8), dt.date(2025, 9, 15)]
    assert expired_conclusions.title().startswith("Kết luận hết, sắp hết hiệu lực")
    model = lists["delegations"].model
    assert model.index(0, 2).data() == "Còn 6 ngày"
    assert lists["slips"].model.index(0, 2).data().startswith("Quá hạn")


def test_a_lapsed_conclusion_is_told_out_of_force_not_late(qtbot, dashboard, db):
    """A conclusion's validity runs out: nothing was late. «Quá hạn» stays for the deadlines. The tab lists the
    lapsed with those lapsing soon: «Kết luận sắp hết hiệu lực» said «Hết hiệu lực 365 ngày» of some, as if
    they would lapse in a year."""
    with db.read() as connection:
        person = connection.execute(cadres.select().with_only_columns(cadres.c.person_id).limit(1)).scalar()
    case = cases.open_case(db, person, {"purpose": "Quy hoạch", "opened_on": "01/02/2025", "due_on": "15/03/2025"})
    cases.record_conclusion(db, case, {"conclusion_no": "12-CV/BTCTU", "concluded_on": "10/03/2025",
                                       "result": "Đủ tiêu chuẩn"})  # valid for 6 months, to 10/09/2025
    dashboard.context.notifier.changed.emit("vetting-cases")
    settled(qtbot, dashboard)
    overdue_cases, expired_conclusions = (d for d in dashboard.due_lists if d.kind == "vetting-cases")
    assert expired_conclusions.model.index(0, 2).data() == "Đã hết hiệu lực 15 ngày"
    assert {overdue_cases.model.index(row, 2).data() for row in range(2)} == {"Quá hạn 170 ngày", "Quá hạn 10 ngày"}


def test_an_entry_opens_its_record(dashboard, qtbot):
    slips = next(due_list for due_list in dashboard.due_lists if due_list.kind == "slips")
    slips.view.setFocus()
    slips.view.setCurrentIndex(slips.model.index(0, 0))
    qtbot.keyClick(slips.view, Qt.Key.Key_Return)
    assert dashboard.opened == [("slips", slips.model.entries[0].record_id)]


def test_each_list_says_once_how_an_entry_opens_while_it_has_one(dashboard):
    """Nothing said a row opens: an officer reading «Quá hạn» was not told how to reach the record."""
    for due_list in dashboard.due_lists:
        dashboard.lists.setCurrentWidget(due_list)
        assert due_list.hint.isVisible() == bool(due_list.model.entries), due_list.name
        assert due_list.hint.text() == "Bấm đúp hoặc nhấn Enter vào một dòng để mở hồ sơ."


def test_enter_opens_the_row_the_keyboard_is_on_after_the_list_is_read_again_and_goes_no_further(dashboard, qtbot):
    """The lists are read again at every change: the row the officer was on stays theirs, and Enter opens it
    without reaching the page (as in a register)."""
    overdue_cases = next(due_list for due_list in dashboard.due_lists if due_list.kind == "vetting-cases")
    dashboard.lists.setCurrentWidget(overdue_cases)
    overdue_cases.view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(overdue_cases.view, Qt.Key.Key_Down)
    second = overdue_cases.model.entries[1].record_id
    dashboard.context.notifier.changed.emit("vetting-cases")
    settled(qtbot, dashboard)
    reached = []
    dashboard.keyPressEvent = reached.append
    qtbot.keyClick(overdue_cases.view, Qt.Key.Key_Return)
    assert dashboard.opened == [("vetting-cases", second)] and reached == []


def test_a_private_trip_s_report_is_listed_with_the_delegations_and_opens_the_member_s_file(qtbot, dashboard, db):
    """Back Friday 12/09/2025 from a private trip: 7 working days, due Tuesday 23/09, 2 days late on 25/09;
    listed before the delegation's, due 01/10."""
    with db.read() as connection:
        cadre, person = connection.execute(cadres.select().with_only_columns(cadres.c.id, cadres.c.person_id)
                                           .limit(1)).one()
    FOREIGN_ELEMENTS.add(db, person, {"element_kind": "Đi nước ngoài về việc riêng", "country": "Úc",
                                      "since": "05/09/2025", "until": "12/09/2025", "source": "Đơn (Phụ lục I)"})
    dashboard.context.notifier.changed.emit("foreign-elements")
    settled(qtbot, dashboard)
    trips = next(due_list for due_list in dashboard.due_lists if due_list.kind == "delegations")
    assert [trips.model.index(0, column).data() for column in (1, 2)] == ["23/09/2025", "Quá hạn 2 ngày"]
    assert trips.model.index(0, 0).data().startswith("Việc riêng: ")
    trips.view.activated.emit(trips.model.index(0, 0))
    trips.view.activated.emit(trips.model.index(1, 0))
    assert dashboard.opened == [("cadres", cadre), ("delegations", trips.model.entries[1].record_id)]


def test_chart_counts_slips_per_month_of_the_period(dashboard):
    months = dashboard.chart.months
    assert [(m.year, m.month) for m in months] == [(2025, month) for month in range(1, 10)]
    by_month = {(m.year, m.month): (m.issued, m.answered) for m in months}
    assert by_month[(2025, 1)] == (2, 0) and by_month[(2025, 2)] == (0, 1)
    chart = dashboard.chart
    assert not chart.grab().isNull()                           # painted: the bars' places are known
    slot = chart.plot.width() / 9
    assert chart.month_at(chart.plot.left() + slot * 3.5) is months[3]
    assert chart.month_at(chart.plot.left() - 1) is None


def a_week_on(qtbot, dashboard, clock) -> None:
    """Eight days after the database was made, with no backup yet."""
    clock.advance(days=8)
    dashboard.refresh()
    settled(qtbot, dashboard)


def test_no_backup_warning_on_a_database_made_minutes_ago(qtbot, dashboard, clock):
    """«Đã hơn 7 ngày chưa có bản sao lưu tốt» was shown on a database created minutes before."""
    clock.advance(minutes=5)
    dashboard.refresh()
    settled(qtbot, dashboard)
    assert not dashboard.backup_warning.isVisible()
    a_week_on(qtbot, dashboard, clock)
    assert dashboard.backup_warning.isVisible()
    assert dashboard.backup_warning.text().startswith(
        "Đã hơn 7 ngày chưa có bản sao lưu tốt (chưa có bản sao lưu đã kiểm tra nào).")


def test_figures_read_as_the_session_closes_are_shown_without_asking_the_closed_database(qtbot, dashboard, db):
    """The figures' worker may end after the officer logged out: the backup warning then reads nothing."""
    settled(qtbot, dashboard)
    snapshot = dashboard.snapshot
    db.close()
    dashboard.show_snapshot(snapshot)
    assert not dashboard.backup_warning.isVisible()


def test_backup_warning_until_a_recent_verified_backup(qtbot, dashboard, db, clock, tmp_path):
    a_week_on(qtbot, dashboard, clock)
    assert dashboard.backup_warning.isVisible() and "7 ngày" in dashboard.backup_warning.text()
    backup.create(db, tmp_path / "moi.bvctbak")
    dashboard.refresh()
    settled(qtbot, dashboard)
    assert not dashboard.backup_warning.isVisible()


def viewer_dashboard(qtbot, db, clock) -> Dashboard:
    viewer = as_user(db, "xem.tq", VIEWER)
    registers: list[tuple[str, object]] = []
    page = Dashboard(context_for(viewer, clock), lambda _kind, _record_id: None,
                     lambda kind, filters: registers.append((kind, filters)))
    page.registers = registers
    qtbot.addWidget(page)
    page.show()
    settled(qtbot, page)
    return page


def test_a_viewer_is_asked_to_tell_someone_who_may_back_up(qtbot, db, clock):
    """«Chỉ xem» was told to back up at Quản trị › Sao lưu, a tab it does not have."""
    page = viewer_dashboard(qtbot, db, clock)
    a_week_on(qtbot, page, clock)
    assert page.backup_warning.isVisible()
    assert page.backup_warning.text() == (
        "Đã hơn 7 ngày chưa có bản sao lưu tốt (chưa có bản sao lưu đã kiểm tra nào). "
        "Hãy báo người có quyền sao lưu (Quản trị, Lãnh đạo hoặc Chuyên viên).")
    page.context.db.close()


def test_a_viewer_is_offered_to_see_what_cannot_be_counted_not_to_set_it(qtbot, db, clock):
    """«xem và đặt hạn» was offered to «Chỉ xem», which cannot set a deadline."""
    from bvct_desktop.core import browse

    page = viewer_dashboard(qtbot, db, clock)
    text = page.loose_ends.text()
    assert "1 đơn thư chưa giải quyết chưa có hạn giải quyết" in text
    assert "đặt" not in text and "xem danh sách</a>" in text
    page.loose_ends.linkActivated.emit(browse.NO_COMPLAINT_DEADLINE)
    assert page.registers[-1] == ("complaints", browse.Filters(status=browse.NO_COMPLAINT_DEADLINE))
    page.context.db.close()


def test_a_backup_made_on_the_backup_page_ends_the_warning_at_once(qtbot, dashboard, db, clock, tmp_path):
    """The warning went only at the next refresh (F5), though the backup was made and verified."""
    from bvct_desktop.gui.admin.backup_page import BackupPage

    a_week_on(qtbot, dashboard, clock)
    assert dashboard.backup_warning.isVisible()
    page = BackupPage(dashboard.context, lambda: None)
    qtbot.addWidget(page)
    dashboard.context.dialogs.answer_next(str(tmp_path / "moi.bvctbak"))
    page.back_up()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert not dashboard.backup_warning.isVisible()


def test_refreshes_when_records_change(qtbot, dashboard, db, tmp_path):
    headers = SAMPLES["complaints"][0]
    row = ["20/09/2025", "Mai Văn Năm", "Tố cáo", None, "Nội dung", "26/09/2025", None, None]
    importing.import_sheet(db, kind_named("complaints"), Sheet.of_rows(tmp_path / "y.xlsx", [headers, row]))
    dashboard.context.notifier.changed.emit("complaints")
    assert dashboard._timer.isActive()  # a burst of changes refreshes the page once, soon
    settled(qtbot, dashboard)
    assert dashboard.figure_values["complaints_received"].text() == "5"


def test_due_model_is_a_sound_table(qtmodeltester, dashboard):
    model = DueModel()
    model.set_entries(next(d for d in dashboard.due_lists if d.kind == "slips").model.entries, dt.date(2025, 9, 25))
    qtmodeltester.check(model)


def test_a_list_has_no_today_of_its_own_but_the_days_late_on_the_programs_clock(qtbot, db, clock):
    """Before the page's first read a list has no day (the computer's date was its day); once read, its
    lateness is counted on the program's clock."""
    assert DueModel().today is None
    clock.now = dt.datetime(2099, 1, 1, 9, 0)
    page = Dashboard(context_for(db, clock), lambda kind, record_id: None, lambda kind, filters: None)
    qtbot.addWidget(page)
    page.show()
    settled(qtbot, page)
    assert all(due_list.model.today == dt.date(2099, 1, 1) for due_list in page.due_lists)


def test_due_state_wording():
    entry = Due(1, "x", dt.date(2025, 9, 25))
    assert [due_state(entry, dt.date(2025, 9, d)) for d in (20, 25, 27)] == [
        "Còn 5 ngày", "Đến hạn hôm nay", "Quá hạn 2 ngày"]
    # an old slip never answered, a letter due years ahead: the days grouped as every figure is
    assert due_state(entry, dt.date(2036, 7, 28)) == "Quá hạn 3.959 ngày"
    assert due_state(entry, dt.date(2015, 9, 25)) == "Còn 3.653 ngày"


def test_a_list_not_read_yet_does_not_say_there_is_nothing_to_do(qtbot, db, clock):
    """While the page is still counting, an empty list said «Không có việc cần xử lý.»."""
    page = Dashboard(context_for(db, clock), lambda kind, record_id: None, lambda kind, filters: None)
    qtbot.addWidget(page)
    assert all(due.empty.text() == dashboard_module.READING for due in page.due_lists)
    page.show()
    settled(qtbot, page)
    assert all(due.empty.text() == dashboard_module.NOTHING_DUE for due in page.due_lists if not due.model.entries)


def test_a_past_year_is_chosen_and_its_figures_shown(qtbot, dashboard, db):
    dashboard.year.setValue(2026)
    dashboard.period.setCurrentIndex(dashboard.period.findText("Cả năm"))
    settled(qtbot, dashboard)
    assert dashboard.chosen_period() == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert dashboard.figure_values["slips_issued"].text() == "1"            # 1/PXM of 03/01/2026
    assert len(dashboard.chart.months) == 12
    dashboard.period.setCurrentIndex(dashboard.period.findText("Tùy chọn"))
    assert dashboard.start.isVisible() and not dashboard.year.isVisible()
    dashboard.start.set_day(dt.date(2024, 12, 1))
    dashboard.end.set_day(dt.date(2025, 1, 31))
    settled(qtbot, dashboard)
    assert dashboard.figure_values["slips_issued"].text() == "2"
    assert [(m.year, m.month) for m in dashboard.chart.months] == [(2024, 12), (2025, 1)]


def test_a_figure_opens_the_register_filtered_to_the_records_it_counts(qtbot, dashboard):
    card = dashboard.figure_cards["slips_answered"]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    [(kind, filters)] = dashboard.registers
    assert kind == "slips"
    assert (filters.start, filters.end, filters.done_by) == (dt.date(2025, 1, 1), dt.date(2025, 9, 25),
                                                             dt.date(2025, 9, 25))
    card = dashboard.figure_cards["archive_research_for_other_provinces"]
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Return)
    assert dashboard.registers[-1][0] == "archive-requests"
    assert dashboard.registers[-1][1].purpose == "Nghiên cứu giúp tỉnh bạn"


def test_the_figure_tab_has_reached_is_seen_framed(qtbot, qapp, dashboard):
    """Tab goes through the figures and Enter opens one, but nothing showed which figure Tab was on: the
    card looked the same with the focus as without it."""
    look.apply(qapp)  # the program's look, as it starts with
    card = dashboard.figure_cards["slips_issued"]
    active(qtbot, dashboard)
    dashboard.period.setFocus()
    unfocused = card.grab().toImage()
    card.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(card.hasFocus)
    assert card.grab().toImage() != unfocused


def test_what_the_figures_cannot_count_yet_is_said_with_a_link(qtbot, dashboard, db):
    from bvct_desktop.core import browse, editing

    slip = browse.record_ids(db, "slips", "13/PXM")[0]
    stored = editing.load(db, "slips", slip)
    editing.save(db, "slips", {**stored, "result": "Không có vấn đề"}, slip, stored["person_id"])
    dashboard.context.notifier.changed.emit("slips")
    settled(qtbot, dashboard)
    assert dashboard.loose_ends.isVisible()
    assert "1 phiếu có kết quả nhưng thiếu ngày nhận kết quả" in dashboard.loose_ends.text()
    assert dashboard.lists.tabText(0) == "Phiếu chờ trả lời quá hạn (0)"  # answered: no longer chased
    dashboard.loose_ends.linkActivated.emit(browse.NO_REPLY_DATE)
    assert dashboard.registers[-1] == ("slips", browse.Filters(status=browse.NO_REPLY_DATE))
    # Trần Văn Lộc's request of 01/08/2025, unresolved, was given no deadline: it is never chased
    assert "1 đơn thư chưa giải quyết chưa có hạn giải quyết" in dashboard.loose_ends.text()
    dashboard.loose_ends.linkActivated.emit(browse.NO_COMPLAINT_DEADLINE)
    assert dashboard.registers[-1] == ("complaints", browse.Filters(status=browse.NO_COMPLAINT_DEADLINE))


def _main_window_at_1366_by_768(qtbot, db, clock):
    """The main window on an office PC's screen, in the program's look (its bundled font: the system's may be wider),
    its dashboard read."""
    from bvct_desktop.gui.main_window import MainWindow

    look.apply(QApplication.instance())
    window = MainWindow(context_for(db, clock))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.current_page()
    settled(qtbot, page)
    return window, page


def test_at_1366_by_768_the_chart_is_in_view_and_a_figure_lists_exactly_its_records(qtbot, db, clock):
    window, page = _main_window_at_1366_by_768(qtbot, db, clock)
    chart = page.chart_box
    bottom = chart.mapTo(window, chart.rect().bottomLeft()).y()
    assert chart.isVisible() and bottom <= window.centralWidget().geometry().bottom()
    assert page.lists.mapTo(window, page.lists.rect().bottomLeft()).y() <= window.centralWidget().geometry().bottom()
    tabs = page.lists.tabBar()  # every list's tab in view, none behind the scroll arrows
    assert tabs.tabRect(tabs.count() - 1).right() <= page.lists.width() and tabs.tabRect(0).left() >= 0
    for key, kind in (("slips_issued", "slips"), ("slips_answered", "slips"), ("complaints_received", "complaints"),
                      ("complaints_resolved", "complaints"), ("cadres_sent_abroad", "delegations")):
        window.navigation.select("dashboard")
        page.figure_cards[key].clicked.emit(key)
        register = window.current_page()
        assert window.current_key() == kind
        shown = register.model.rowCount()
        if key == "cadres_sent_abroad":
            from bvct_desktop.core import browse

            shown = sum(int(row[-1].split(" người")[0]) for row in browse.fetch_rows(
                db, "delegations", register.model.ids).values())
        assert shown == page.snapshot.figures[key], key
        assert register.start.text() == "01/01/2025" and register.end.text() == "25/09/2025"


def test_a_chart_with_no_slip_in_the_period_draws_no_axis_and_says_so(qtbot, tmp_path, clock):
    """An empty database drew an axis from 0 to 1 with no bar: «Chưa có số liệu» instead."""
    empty = new_database(tmp_path, clock)
    page = Dashboard(context_for(empty, clock), lambda kind, record_id: None, lambda kind, filters: None)
    qtbot.addWidget(page)
    page.show()
    settled(qtbot, page)
    assert page.chart.months and not any(month.issued or month.answered for month in page.chart.months)
    drawn = page.chart.grab().toImage()
    assert page.chart.plot is None and page.chart.label_boxes == []
    assert page.chart.said == dashboard_module.NO_FIGURES == "Chưa có số liệu"
    inked = [(x, y) for x in range(drawn.width()) for y in range(drawn.height())
             if drawn.pixelColor(x, y).value() < 128]
    middle = drawn.height() / 2
    assert inked and all(abs(y - middle) < page.chart.fontMetrics().height() for _x, y in inked)  # the words only
    empty.close()


@pytest.mark.parametrize("count", [12, 24])
def test_at_1366_by_768_every_month_label_of_the_chart_is_legible(qtbot, db, clock, count):
    from bvct_desktop.core.overview import MonthCount, months_ending

    _, page = _main_window_at_1366_by_768(qtbot, db, clock)
    months = [MonthCount(year, month + 1, 3, 2) for year, month in months_ending(dt.date(2026, 12, 1), count)]
    page.chart.set_months(months)
    page.chart.grab()
    metrics, chart = page.chart.label_metrics, page.chart.rect()
    lines = {}
    for box, text in page.chart.label_boxes:
        assert metrics.horizontalAdvance(text) <= box.width() and chart.contains(box.toRect()), text
        lines.setdefault(box.top(), []).append((box, text))
    for line in lines.values():  # a gap between two labels
        assert all(left.right() < right.left() for (left, _), (right, _) in itertools.pairwise(line))
    months_line, *years_line = lines.values()
    step = len(months) // len(months_line)  # every month labelled, or every other one…: evenly
    assert [text[:2] for _box, text in months_line] == [f"{m.month:02d}" for m in months[::step]]
    told = {text[-2:] for _box, text in months_line if "/" in text} | {text[-2:] for line in years_line
                                                                        for _box, text in line}
    assert told == {f"{m.year % 100}" for m in months}  # every year of the period is told


def test_figures_that_cannot_be_read_are_told_within_the_window_and_no_list_says_nothing_is_due(
        qtbot, db, clock, monkeypatch):
    window, page = _main_window_at_1366_by_768(qtbot, db, clock)
    damaged = DamagedError(f"Cơ sở dữ liệu «{db.path}» bị hỏng hoặc không phải cơ sở dữ liệu BVCT Desktop. Bản sao "
                           f"lưu đã kiểm tra gần nhất tìm thấy: «{db.path.parent / 'tot.bvctbak'}» (24/09/2025 17:00).",
                           (db.path, db.path.parent / "tot.bvctbak"), ADMIN)

    def unreadable(*_args):
        raise damaged

    monkeypatch.setattr(dashboard_module, "read_snapshot", unreadable)
    page.refresh()
    qtbot.waitUntil(lambda: page.task is None, timeout=10_000)
    qtbot.wait(50)  # laid out again
    assert window.width() == 1366
    told = page.failure
    assert told.isVisible() and told.text() == f"{damaged.message} {damage.RESTORE_PAGE}"
    assert told.mapTo(window, told.rect().topRight()).x() < window.centralWidget().geometry().right()
    assert page.chart_box.mapTo(window, page.chart_box.rect().topRight()).x() < window.width()
    assert {value.text() for value in page.figure_values.values()} == {"–"}
    for index, due_list in enumerate(page.due_lists):  # read before, not now: nothing is said to be due
        assert not due_list.empty.isHidden() and due_list.view.isHidden()
        assert due_list.empty.text() == "Không đọc được danh sách này."
        assert page.lists.tabText(index) == f"{due_list.name} (–)"
    assert page.snapshot is None and not page.loose_ends.isVisible()
    monkeypatch.undo()
    page.refresh()
    settled(qtbot, page)  # read again once it can be
    assert not page.failure.isVisible() and page.lists.tabText(0) == "Phiếu chờ trả lời quá hạn (1)"


def complaint_state(page, due_on: dt.date) -> str:
    complaints = next(due_list for due_list in page.due_lists if due_list.kind == "complaints")
    [row] = [row for row, entry in enumerate(complaints.model.entries) if entry.due_on == due_on]
    return complaints.model.index(row, 2).data()


def test_f5_moves_today_to_the_clock_s_day(qtbot, dashboard, clock):
    assert complaint_state(dashboard, dt.date(2025, 9, 30)) == "Còn 5 ngày"
    clock.now = dt.datetime(2025, 10, 2, 8, 50)  # the weekend went by, the page still open
    dashboard.refresh()
    settled(qtbot, dashboard)
    assert dashboard.period_text.text().startswith("Năm 2025: số liệu từ 01/01/2025 đến 02/10/2025")
    assert dashboard.snapshot.end == dt.date(2025, 10, 2)
    assert complaint_state(dashboard, dt.date(2025, 9, 30)) == "Quá hạn 2 ngày"


def test_a_period_typed_key_by_key_is_the_period_counted(qtbot, dashboard):
    """«15/03/2025» typed key by key counted from 15/01/2025 (the date box moved on to the month by itself after
    «15», the «/» on to the year, where «03/2025» was lost)."""
    dashboard.period.setCurrentIndex(dashboard.period.findText("Tùy chọn"))
    type_day(qtbot, dashboard.start, "15/03/2025")
    type_day(qtbot, dashboard.end, "1/9/2025")
    settled(qtbot, dashboard)
    assert dashboard.chosen_period() == (dt.date(2025, 3, 15), dt.date(2025, 9, 1))
    assert dashboard.period_text.text().startswith("Tùy chọn: số liệu từ 15/03/2025 đến 01/09/2025")


def test_a_page_shown_again_on_a_later_day_reads_that_day(qtbot, dashboard, clock):
    dashboard.hide()
    clock.now = dt.datetime(2025, 9, 30, 8, 0)
    dashboard.show()
    settled(qtbot, dashboard)
    assert dashboard.chosen_period() == (dt.date(2025, 1, 1), dt.date(2025, 9, 30))
    assert complaint_state(dashboard, dt.date(2025, 9, 30)) == "Đến hạn hôm nay"


def test_at_midnight_the_page_shown_reads_the_new_day(qtbot, dashboard, clock):
    assert dashboard._midnight.isActive()
    assert dashboard._midnight.remainingTime() > 15 * 3600 * 1000  # 08:00: the next midnight is 16 hours away
    clock.now = dt.datetime(2025, 9, 26, 0, 0, 1)
    dashboard._midnight.timeout.emit()
    settled(qtbot, dashboard)
    assert dashboard.chosen_period()[1] == dt.date(2025, 9, 26)
    assert complaint_state(dashboard, dt.date(2025, 9, 30)) == "Còn 4 ngày"


def test_on_new_year_s_day_the_year_so_far_is_the_new_year_s(qtbot, dashboard, clock):
    clock.now = dt.datetime(2026, 1, 2, 8, 0)
    dashboard.refresh()
    settled(qtbot, dashboard)
    assert dashboard.year.value() == 2026
    assert dashboard.period_text.text().startswith("Năm 2026: số liệu từ 01/01/2026 đến 02/01/2026")


def test_a_period_the_officer_chose_stays_chosen_on_a_later_day(qtbot, dashboard, clock):
    dashboard.period.setCurrentIndex(dashboard.period.findText("Tùy chọn"))
    dashboard.start.set_day(dt.date(2025, 7, 1))
    dashboard.end.set_day(dt.date(2025, 9, 25))  # up to today: it follows the day
    settled(qtbot, dashboard)
    clock.now = dt.datetime(2025, 9, 27, 8, 0)
    dashboard.refresh()
    settled(qtbot, dashboard)
    assert dashboard.chosen_period() == (dt.date(2025, 7, 1), dt.date(2025, 9, 27))
    dashboard.end.set_day(dt.date(2025, 9, 20))  # a past quarter's end: it stays
    settled(qtbot, dashboard)
    clock.now = dt.datetime(2026, 1, 5, 8, 0)
    dashboard.refresh()
    settled(qtbot, dashboard)
    assert dashboard.chosen_period() == (dt.date(2025, 7, 1), dt.date(2025, 9, 20))
    dashboard.period.setCurrentIndex(dashboard.period.findText("9 tháng đầu năm"))
    settled(qtbot, dashboard)
    clock.now = dt.datetime(2026, 1, 6, 8, 0)
    dashboard.refresh()
    settled(qtbot, dashboard)
    assert dashboard.chosen_period() == (dt.date(2025, 1, 1), dt.date(2025, 9, 30))  # last year's, as chosen


def test_what_is_coming_due_is_listed_before_it_is_late_and_opens_its_record(qtbot, dashboard, db):
    """An election case due on Saturday 27/09/2025, so on Monday 29/09, a conclusion lapsing within the
    month, a request to another province's archive unanswered for months, one Khánh Hòa made of ours that
    we owe since Monday 11/08 (its 60 days ended on a Saturday): each on its tab, each opening its record."""
    with db.read() as connection:
        person = connection.execute(cadres.select().with_only_columns(cadres.c.person_id).limit(1)).scalar()
    election = cases.open_case(db, person, {"purpose": "Bầu cử", "opened_on": "20/09/2025", "due_on": "27/09/2025"})
    lapsing = cases.open_case(db, person, {"purpose": "Quy hoạch", "opened_on": "01/04/2025"})
    cases.record_conclusion(db, lapsing, {"conclusion_no": "20-CV/BTCTU", "concluded_on": "10/04/2025",
                                          "result": "Đủ tiêu chuẩn"})  # valid to 10/10/2025
    owed = editing.save(db, "archive-requests", {
        "request_kind": "Nghiên cứu giúp tỉnh bạn", "province": "Khánh Hòa", "doc_no": "1520-CV/BTCTU",
        "doc_on": "10/06/2025", "full_name": "HUỲNH VĂN SÁU", "birth_date": "1946"})
    dashboard.context.notifier.changed.emit("vetting-cases")
    settled(qtbot, dashboard)
    titles = [dashboard.lists.tabText(index) for index in range(dashboard.lists.count())]
    assert titles[3:] == ["Hồ sơ thẩm tra đến hạn (3)", "Kết luận hết, sắp hết hiệu lực (1)",
                          "Tàng thư chưa trả lời (2)"]
    vetting, conclusions, archive = dashboard.due_lists[3:]
    shown = {entry.record_id: vetting.model.index(row, 2).data() for row, entry in enumerate(vetting.model.entries)}
    assert shown[election] == "Còn 4 ngày"  # today is Thursday 25/09
    assert (conclusions.model.entries[0].record_id, conclusions.model.index(0, 2).data()) == (lapsing, "Còn 15 ngày")
    assert archive.model.index(0, 0).data() == ("Tỉnh bạn chưa trả lời: TP Hồ Chí Minh – Ngô Thị Mai "
                                                "(văn bản ngày 10/03/2025)")
    assert archive.model.index(0, 2).data() == "Quá hạn 139 ngày"
    assert [archive.model.index(1, column).data() for column in range(3)] == [
        "Ta chưa trả lời: Khánh Hòa – HUỲNH VĂN SÁU (văn bản số 1520-CV/BTCTU ngày 10/06/2025)", "11/08/2025",
        "Quá hạn 45 ngày"]
    assert archive.model.entries[1].record_id == owed
    archive.view.activated.emit(archive.model.index(0, 0))
    assert dashboard.opened == [("archive-requests", archive.model.entries[0].record_id)]


def test_a_failed_copy_to_the_second_folder_is_warned_about_until_one_succeeds(qtbot, dashboard, db, clock,
                                                                              tmp_path):
    """The USB copy failed at exit and only the audit trail said so: the officer believed it made."""
    from bvct_desktop.core import autobackup, settings

    usb = tmp_path / "usb"
    settings.set_setting(db, "thu_muc_sao_luu_2", str(usb))
    autobackup.at_exit(db)
    dashboard.refresh()
    settled(qtbot, dashboard)
    assert dashboard.backup_warning.isVisible()
    assert dashboard.backup_warning.text() == (
        f"Lần chép bản sao lưu tự động ra thư mục thứ hai gần nhất {autobackup.last_second_copy(db).describe()}: "
        "chưa có bản sao lưu nào ngoài máy từ lúc đó. Hãy cắm ổ USB hoặc sửa thư mục ở Quản trị › Thiết lập; "
        "bản sao lưu được chép khi chương trình đóng.")
    usb.mkdir()
    clock.advance(days=1)
    autobackup.at_exit(db)
    dashboard.refresh()
    settled(qtbot, dashboard)
    assert not dashboard.backup_warning.isVisible()


def test_figures_recounted_on_a_change_are_no_report_of_figures(qtbot, dashboard, db):
    """The dashboard recounts on every change it is told of; the trail has no «báo cáo số liệu» of it."""
    dashboard.context.notifier.changed.emit("complaints")
    settled(qtbot, dashboard)
    assert "báo cáo số liệu" not in [entry.action for entry in audit.list_entries(db)]


def test_tab_reaches_the_figures_where_they_are_seen_and_each_is_read_with_its_value(dashboard, qtbot):
    """Tab went from «Năm» to the lists' tabs at the bottom, and only then up to the figures; a screen
    reader said nothing on a figure (a frame has no text of its own)."""
    dashboard.activateWindow()
    qtbot.waitUntil(dashboard.isActiveWindow)
    dashboard.year.setFocus()
    assert tab_stops()[1:len(FIGURE_LABELS) + 2] == [*dashboard.figure_cards.values(), dashboard.lists.tabBar()]
    assert dashboard.figure_cards["slips_issued"].accessibleName() == f"{FIGURE_LABELS['slips_issued']}: 2"


def test_at_125_percent_the_dashboard_is_read_without_scrolling_sideways(qtbot, monkeypatch, db, clock):
    """At 125 % (1093×582 above the taskbar) the line «Năm 2025: số liệu từ 01/01/2025 đến 15/06/2025; bấm
    vào một số để xem các bản ghi» kept to one line beside the period's boxes: the page was wider than the
    window, «Năm» and the chart's last months cut at its right edge. The line wraps instead."""
    page, area = _dashboard_opened_on_office_screen(qtbot, monkeypatch, db, clock, 1.25)
    assert page.minimumSizeHint().width() <= area.viewport().width()


def test_at_125_percent_the_figures_of_a_row_stand_on_one_line_whatever_their_labels(qtbot, monkeypatch, db, clock):
    """At 125 % «Đơn thư tiếp nhận trong kỳ: đã giải quyết (đến cuối kỳ)» wraps onto three lines: its number stood
    above its neighbours', whose labels take one or two. Each number stands at its card's top, its label under it."""
    page, _area = _dashboard_opened_on_office_screen(qtbot, monkeypatch, db, clock, 1.25)
    cards = list(page.figure_cards.values())
    lines = {card.label.height() // card.label.fontMetrics().lineSpacing() for card in cards}
    assert len(lines) > 1  # labels of one, two and three lines
    for row in (cards[first:first + FIGURE_COLUMNS] for first in range(0, len(cards), FIGURE_COLUMNS)):
        assert len({card.value.mapTo(page, QPoint(0, 0)).y() for card in row}) == 1
        assert len({card.label.mapTo(page, QPoint(0, 0)).y() for card in row}) == 1


def test_at_150_percent_a_year_of_four_digit_figures_is_read_without_scrolling_sideways(
        qtbot, monkeypatch, db, clock):
    """At 150 % (911×485 above the taskbar) a year's figures in thousands («1.920» slips) widened the cards,
    and the chart's box would not narrow below its title «Phiếu xác minh theo tháng, từ 01/01/2025 đến
    25/09/2025»: the page scrolled sideways, the chart's last months and «Năm» cut at the right. The
    period is said once, in the line under «Tổng quan»."""
    page, area = _dashboard_opened_on_office_screen(qtbot, monkeypatch, db, clock, 1.5)
    page.show_snapshot(dataclasses.replace(page.snapshot, figures=dict.fromkeys(page.snapshot.figures, 12_345)))
    qtbot.wait(20)
    assert page.figure_values["slips_issued"].text() == "12.345"
    assert page.minimumSizeHint().width() <= area.viewport().width()
    assert not area.horizontalScrollBar().isVisible()
    assert page.period_text.text().startswith("Năm 2025: số liệu từ 01/01/2025 đến 25/09/2025")


def _dashboard_opened_on_office_screen(qtbot, monkeypatch, db, clock, scale: float):
    """The dashboard as the main window opens it on the office screen at Windows' `scale`, and the area it
    scrolls in."""
    from bvct_desktop.gui.main_window import MainWindow

    screen = on_office_screen(monkeypatch, scale)
    window = MainWindow(context_for(db, clock))
    qtbot.addWidget(window)
    window.show()  # on most of the screen
    page = window.current_page()
    settled(qtbot, page)
    assert screen.contains(window.frameGeometry())
    return page, window.stack.currentWidget()


def test_the_periods_offered_run_from_the_first_of_january_no_quarter(dashboard):
    """The cards and the month bars say where the year stands: a quarter is the report page's."""
    assert [dashboard.period.itemText(index) for index in range(dashboard.period.count())] == [
        period.name for period in DASHBOARD_PERIODS]
    assert dashboard.period.findText("Quý III") == -1



STATISTICAL_YEAR = "từ 15/12 năm trước"  # «Kỳ báo cáo thống kê»: the year from 15/12 of the year before


def statistical_dashboard(qtbot, db, clock, now: dt.datetime) -> Dashboard:
    settings.set_setting(db, "ky_bao_cao_thong_ke", STATISTICAL_YEAR)
    clock.now = now
    page = Dashboard(context_for(db, clock), lambda kind, record_id: None, lambda kind, filters: None)
    qtbot.addWidget(page)
    page.show()
    settled(qtbot, page)
    return page


def test_an_office_counting_the_statistical_year_sees_its_year_from_15_12(qtbot, db, clock):
    """On 20/12/2026 the office that reports on the statistical year is in «năm 2027»: the year so far from
    15/12/2026, its 6 months, 9 months and year to 14/06, 14/09 and 14/12/2027, as the report page counts them."""
    page = statistical_dashboard(qtbot, db, clock, dt.datetime(2026, 12, 20, 8, 0))
    assert page.year.value() == 2027
    assert page.chosen_period() == (dt.date(2026, 12, 15), dt.date(2026, 12, 20))
    assert page.period_text.text().startswith("Năm 2027: số liệu từ 15/12/2026 đến 20/12/2026")
    for name, end in (("6 tháng đầu năm", dt.date(2027, 6, 14)), ("9 tháng đầu năm", dt.date(2027, 9, 14)),
                      ("Cả năm", dt.date(2027, 12, 14))):
        page.period.setCurrentIndex(page.period.findText(name))
        assert page.chosen_period() == (dt.date(2026, 12, 15), end)
    page.year.setValue(2026)
    assert page.chosen_period() == (dt.date(2025, 12, 15), dt.date(2026, 12, 14))


def test_on_15_12_the_statistical_year_so_far_is_the_next_year_s(qtbot, db, clock):
    page = statistical_dashboard(qtbot, db, clock, dt.datetime(2025, 12, 14, 8, 0))
    assert (page.year.value(), page.chosen_period()) == (2025, (dt.date(2024, 12, 15), dt.date(2025, 12, 14)))
    clock.now = dt.datetime(2025, 12, 15, 8, 0)
    page.refresh()
    settled(qtbot, page)
    assert (page.year.value(), page.chosen_period()) == (2026, (dt.date(2025, 12, 15), dt.date(2025, 12, 15)))


def test_in_the_statistical_year_the_chart_has_the_year_s_twelve_months_each_from_the_15th(qtbot, db, clock):
    """On 16/12/2025, «Cả năm» 2025 runs from 15/12/2024 to 14/12/2025: twelve bars, 01 to 12/2025 as the office
    counts its months, not thirteen calendar months with «12» at both ends, each holding half a month. 12/PXM,
    answered on 20/02/2025, is answered in «tháng 3» (from 15/02)."""
    page = statistical_dashboard(qtbot, db, clock, dt.datetime(2025, 12, 16, 8, 0))
    page.year.setValue(2025)
    page.period.setCurrentIndex(page.period.findText("Cả năm"))
    settled(qtbot, page)
    assert page.chosen_period() == (dt.date(2024, 12, 15), dt.date(2025, 12, 14))
    months = page.chart.months
    assert [(m.year, m.month) for m in months] == [(2025, month) for month in range(1, 13)]
    by_month = {(m.year, m.month): (m.issued, m.answered) for m in months}
    assert by_month[(2025, 1)] == (2, 0) and by_month[(2025, 2)] == (0, 0) and by_month[(2025, 3)] == (0, 1)
    assert page.chart.tip(months[0]) == "Tháng 01/2025 (từ 15/12/2024 đến 14/01/2025): đã gửi 2, có kết quả 0"


def test_a_calendar_month_s_tip_needs_no_days(dashboard):
    assert dashboard.chart.tip(dashboard.chart.months[0]) == "Tháng 01/2025: đã gửi 2, có kết quả 0"


def test_the_year_set_while_the_page_is_open_counts_its_periods(qtbot, dashboard, db):
    """The administrator sets «Kỳ báo cáo thống kê» on the settings page: the year so far shown runs from
    15/12/2024, and back from 01/01/2025 when the calendar year is set again."""
    settings.set_setting(db, "ky_bao_cao_thong_ke", STATISTICAL_YEAR)
    dashboard.context.notifier.changed.emit("settings")
    settled(qtbot, dashboard)
    assert dashboard.chosen_period() == (dt.date(2024, 12, 15), dt.date(2025, 9, 25))
    assert dashboard.snapshot.start == dt.date(2024, 12, 15)
    settings.set_setting(db, "ky_bao_cao_thong_ke", "năm dương lịch")
    dashboard.context.notifier.changed.emit("settings")
    settled(qtbot, dashboard)
    assert dashboard.chosen_period() == (dt.date(2025, 1, 1), dt.date(2025, 9, 25))


def test_the_year_set_while_the_page_is_open_is_read_off_the_gui_thread(qtbot, dashboard, db, monkeypatch):
    """«Kỳ báo cáo thống kê» read again when the settings change is read on a worker, as the figures are: another
    officer's long write does not freeze the page."""
    read_on, reporting_year = [], settings.reporting_year

    def read(connection, today):
        read_on.append(QThread.currentThread())
        return reporting_year(connection, today)

    monkeypatch.setattr(dashboard_module.settings, "reporting_year", read)
    settings.set_setting(db, "ky_bao_cao_thong_ke", STATISTICAL_YEAR)
    dashboard.context.notifier.changed.emit("settings")
    settled(qtbot, dashboard)
    assert read_on and QThread.currentThread() not in read_on
    assert dashboard.chosen_period() == (dt.date(2024, 12, 15), dt.date(2025, 9, 25))

@pytest.mark.parametrize(("role", "told"), [
    (ADMIN, "Chưa có hồ sơ nào. Hãy bắt đầu ở một sổ bên trái (Cán bộ, Phiếu xác minh…). Bấm «Thêm» để ghi bản ghi "
            "đầu tiên, hoặc «Nhập Excel» để nhập danh sách có sẵn từ tệp Excel."),
    (VIEWER, "Chưa có hồ sơ nào. Hồ sơ do Quản trị, Lãnh đạo hoặc Chuyên viên ghi ở các sổ bên trái."),
])
def test_a_new_office_s_empty_database_says_where_to_begin_as_far_as_the_role_goes(qtbot, tmp_path, clock, role,
                                                                                   told):
    """An empty database's dashboard said only «Không có việc cần xử lý.»: a new officer was pointed nowhere."""
    empty = new_database(tmp_path, clock)
    db = empty if role == ADMIN else as_user(empty, "xem.tq", role)
    page = Dashboard(context_for(db, clock), lambda kind, record_id: None, lambda kind, filters: None)
    qtbot.addWidget(page)
    page.show()
    settled(qtbot, page)
    assert {due.empty.text() for due in page.due_lists} == {told}
    assert all(due.empty.wordWrap() for due in page.due_lists)
    headers, rows = SAMPLES["cadres"]
    import_rows(empty, "cadres", headers, rows[:1])
    page.context.notifier.changed.emit("cadres")
    settled(qtbot, page)
    assert {due.empty.text() for due in page.due_lists if not due.model.entries} == {dashboard_module.NOTHING_DUE}
    for opened in {db, empty}:
        opened.close()



def test_a_new_office_s_dashboard_offers_nhap_excel_only_where_a_register_offers_it(qtbot, tmp_path, monkeypatch,
                                                                                  clock):
    """Review: the dashboard named «Nhập Excel» to one who may add whatever the registers offered; it says where
    to begin as an empty register does, «Nhập Excel» only where some register offers an import."""
    monkeypatch.setattr(register_page, "KINDS", {})  # no register exchanged with Excel files
    empty = new_database(tmp_path, clock)
    page = Dashboard(context_for(empty, clock), lambda kind, record_id: None, lambda kind, filters: None)
    qtbot.addWidget(page)
    page.show()
    settled(qtbot, page)
    assert {due.empty.text() for due in page.due_lists} == {
        "Chưa có hồ sơ nào. Hãy bắt đầu ở một sổ bên trái (Cán bộ, Phiếu xác minh…). Bấm «Thêm» để ghi bản ghi "
        "đầu tiên."}
    empty.close()


def test_the_reminder_letter_is_offered_while_a_slip_is_overdue_and_says_why_not_when_none_is(qtbot, dashboard, db):
    """«Lập công văn đôn đốc…» stayed usable with no slip overdue: it opened a letter with nothing to chase.
    It is disabled, as a register's unavailable buttons are, its tooltip saying why."""
    from bvct_desktop.core import browse

    button = dashboard.reminder_button
    assert button.isEnabled() and button.toolTip() == dashboard_module.REMINDER_TIP
    slip = browse.record_ids(db, "slips", "13/PXM")[0]
    stored = editing.load(db, "slips", slip)
    editing.save(db, "slips", {**stored, "result": "Không có vấn đề", "result_on": "20/09/2025"}, slip,
                 stored["person_id"])
    dashboard.context.notifier.changed.emit("slips")
    settled(qtbot, dashboard)
    assert not button.isEnabled()
    assert button.toolTip() == "Không có phiếu nào quá hạn trả lời: chưa có gì để đôn đốc."
def test_whether_the_database_holds_a_record_is_read_only_until_it_does(qtbot, tmp_path, clock, monkeypatch):
    """Every refresh asked each register for one record (a line shown only while the database is empty): once
    a record is there, it is not asked again."""
    empty = new_database(tmp_path, clock)
    asked = []
    holds_records = dashboard_module.overview.holds_records
    monkeypatch.setattr(dashboard_module.overview, "holds_records", lambda db: asked.append(1) or holds_records(db))
    page = Dashboard(context_for(empty, clock), lambda kind, record_id: None, lambda kind, filters: None)
    qtbot.addWidget(page)
    page.show()
    settled(qtbot, page)
    page.refresh()
    settled(qtbot, page)
    assert len(asked) == 2
    headers, rows = SAMPLES["cadres"]
    import_rows(empty, "cadres", headers, rows[:1])
    for _ in range(3):
        page.refresh()
        settled(qtbot, page)
    assert len(asked) == 3
    assert {due.empty.text() for due in page.due_lists if not due.model.entries} == {dashboard_module.NOTHING_DUE}
    empty.close()


def test_a_long_recipient_in_an_overdue_list_is_read_whole_on_more_lines(qtbot, clock):
    """At 1366×768 a slip sent to a long unit was cut with «…» (only its tooltip had it whole): an entry too
    long for the list's width takes the lines it needs; a short one stays on one line."""
    due_list = DueList(ACTION_LISTS[0], lambda kind, record_id: None)
    qtbot.addWidget(due_list)
    due_list.resize(900, 400)
    due_list.show()
    long = ("Phiếu 12/PXM – Nguyễn Thị Phương Thảo Hoàng (cha của Phạm Minh Quang) – Phòng An ninh chính trị nội bộ "
            "(PA04) – Công an tỉnh Bình Thuận, Đội 3 xác minh lý lịch")
    today = clock().date()
    due_list.show_entries([Due(1, long, today - dt.timedelta(days=30)), Due(2, "Phiếu 13/PXM – Lê Văn Ba",
                                                                          today - dt.timedelta(days=3))], today)
    qtbot.waitUntil(lambda: due_list.view.rowHeight(0) > due_list.view.rowHeight(1))
    view, spacing = due_list.view, due_list.view.fontMetrics().lineSpacing()
    lines = -(-view.fontMetrics().horizontalAdvance(long) // (view.columnWidth(0) - 8))
    assert lines >= 2 and view.rowHeight(0) >= lines * spacing
    assert spacing <= view.rowHeight(1) < 2 * spacing


def test_a_long_overdue_list_fits_only_the_rows_in_view_and_the_others_when_scrolled_to(qtbot, clock):
    """A list of 20,000 overdue slips fitted every row to its text at each change of the database: the page
    froze for ten seconds. The rows in view are fitted, the others when the officer scrolls to them."""
    due_list = DueList(ACTION_LISTS[0], lambda kind, record_id: None)
    qtbot.addWidget(due_list)
    due_list.resize(600, 300)
    due_list.show()
    today = clock().date()
    title = "Phiếu {}/PXM – Nguyễn Thị Phương Thảo – Phòng An ninh chính trị nội bộ (PA04) – Công an tỉnh Bình Thuận"
    due_list.show_entries([Due(row, title.format(row), today - dt.timedelta(days=30)) for row in range(5_000)], today)
    view = due_list.view
    one_line = view.verticalHeader().defaultSectionSize()
    qtbot.waitUntil(lambda: view.rowHeight(0) > one_line)
    assert view.rowHeight(4_999) == one_line
    view.scrollToBottom()
    qtbot.waitUntil(lambda: view.rowHeight(4_999) > one_line)
    assert sum(view.rowHeight(row) > one_line for row in range(5_000)) < 100
