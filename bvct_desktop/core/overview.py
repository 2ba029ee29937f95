"""What the dashboard shows beside the report figures: slips per month; the complaints and vetting
cases whose deadline is near or past, the conclusions lapsing or lapsed, the requests between our
archive and another province's long unanswered, either way (the deadlines of the other registers are
in core/deadlines)."""

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select

from . import browse, deadlines, settings, trip_status, workdays
from .archive_titles import request_title
from .database import Database
from .deadlines import Due
from .kinds import ARCHIVE_FOR_OTHERS, ARCHIVE_FROM_OTHERS
from .periods import CALENDAR_YEAR, ReportingYear
from .permissions import Action
from .personfile import cases, letters
from .schema import archive_requests, cadres, complaints, persons, relatives, slips, vetting_cases
from .vetted_for import vetted_for

WARNING_DAYS = 7  # days ahead a complaint's or a vetting case's deadline is shown coming
CONCLUSION_REMINDER_SETTING = "nhac_truoc_het_hieu_luc_ngay"
# what the officer is asked to complete (the register's status of that name, listing them), in its register
LOOSE_ENDS = {browse.NO_REPLY_DATE: "slips", browse.NO_DEADLINE: "vetting-cases",
              browse.NO_COMPLAINT_DEADLINE: "complaints"}
MOST_MONTHS = 24  # months a chart shows at most
ARCHIVE_REPLY_OWED_BY = {ARCHIVE_FROM_OTHERS: "Tỉnh bạn chưa trả lời", ARCHIVE_FOR_OTHERS: "Ta chưa trả lời"}

# Every figure the report states, in the office's words (the one naming of the dashboard, the report page
# and the report documents), in the order its sections state them: the order of the report page's table and
# of the report workbook's figures sheet.
REPORT_LABELS = {
    # I.1: the vetting cases, then the slips: issued, their subjects, answered (those of them dated after the day
    # the replies are counted to, in a report made before its period ends, told apart), results without their day,
    # without a result and those of them overdue, those that found an archive record, and the slips carried
    # over from before the period with those answered (those dated after the day counted to told apart)
    "vetting_cases_opened": "Hồ sơ thẩm định, thẩm tra tiêu chuẩn chính trị mở trong kỳ",
    "vetting_cases_concluded": "Hồ sơ thẩm định, thẩm tra tiêu chuẩn chính trị đã kết luận trong kỳ",
    "slips_issued": "Phiếu yêu cầu xác minh lai lịch đã phát hành",
    "slip_subjects": "Số đối tượng được xác minh lai lịch",
    "slips_answered": "Phiếu đã nhận kết quả (đến cuối kỳ)",
    "slips_answered_ahead": "Phiếu đã nhận kết quả: ghi ngày nhận kết quả sau ngày lập báo cáo (cần xem lại)",
    "slips_with_undated_result": "Phiếu đã ghi kết quả nhưng chưa ghi ngày nhận kết quả",
    "slips_without_result": "Phiếu chưa có kết quả (đến cuối kỳ)",
    "slips_overdue": "Phiếu quá hạn trả lời (chưa có kết quả)",
    "slips_with_archive_record": "Phiếu có kết quả tìm thấy tài liệu lưu trữ (tàng thư)",
    "slip_subjects_with_archive_record": "Số đối tượng có tài liệu lưu trữ (tàng thư) liên quan",
    "slips_carried_over": "Phiếu kỳ trước chuyển sang (chưa có kết quả khi bắt đầu kỳ)",
    "slips_carried_over_answered": "Phiếu kỳ trước chuyển sang: đã nhận kết quả (đến cuối kỳ)",
    "slips_carried_over_answered_ahead":
        "Phiếu kỳ trước chuyển sang: đã nhận kết quả, ghi ngày nhận kết quả sau ngày lập báo cáo (cần xem lại)",
    # I.2: the archive research for other provinces, then that asked of them, each with those answered (those of
    # them dated after the day the replies are counted to told apart, as the slips'), those whose reply found a
    # record and those carried over (with those answered, told apart the same way)
    "archive_research_for_other_provinces": "Nghiên cứu tàng thư giúp tỉnh bạn",
    "archive_research_for_other_provinces_answered": "Nghiên cứu tàng thư giúp tỉnh bạn: đã trả lời",
    "archive_research_for_other_provinces_answered_ahead":
        "Nghiên cứu tàng thư giúp tỉnh bạn: đã trả lời, ghi ngày trả lời sau ngày lập báo cáo (cần xem lại)",
    "archive_research_for_other_provinces_with_record": "Nghiên cứu tàng thư giúp tỉnh bạn: có tài liệu",
    "archive_research_for_other_provinces_carried_over":
        "Nghiên cứu tàng thư giúp tỉnh bạn kỳ trước chuyển sang (chưa trả lời khi bắt đầu kỳ)",
    "archive_research_for_other_provinces_carried_over_answered":
        "Nghiên cứu tàng thư giúp tỉnh bạn kỳ trước chuyển sang: đã trả lời (đến cuối kỳ)",
    "archive_research_for_other_provinces_carried_over_answered_ahead":
        "Nghiên cứu tàng thư giúp tỉnh bạn kỳ trước chuyển sang: đã trả lời, ghi ngày trả lời sau ngày lập báo cáo "
        "(cần xem lại)",
    "archive_research_requested_from_other_provinces": "Đề nghị tỉnh bạn nghiên cứu tàng thư",
    "archive_research_requested_from_other_provinces_answered": "Đề nghị tỉnh bạn nghiên cứu tàng thư: đã nhận kết quả",
    "archive_research_requested_from_other_provinces_answered_ahead":
        "Đề nghị tỉnh bạn nghiên cứu tàng thư: đã nhận kết quả, ghi ngày nhận kết quả sau ngày lập báo cáo "
        "(cần xem lại)",
    "archive_research_requested_from_other_provinces_with_record":
        "Đề nghị tỉnh bạn nghiên cứu tàng thư: tỉnh bạn trả lời có tài liệu",
    "archive_research_requested_from_other_provinces_carried_over":
        "Đề nghị tỉnh bạn nghiên cứu tàng thư kỳ trước chuyển sang (chưa có kết quả khi bắt đầu kỳ)",
    "archive_research_requested_from_other_provinces_carried_over_answered":
        "Đề nghị tỉnh bạn nghiên cứu tàng thư kỳ trước chuyển sang: đã nhận kết quả (đến cuối kỳ)",
    "archive_research_requested_from_other_provinces_carried_over_answered_ahead":
        "Đề nghị tỉnh bạn nghiên cứu tàng thư kỳ trước chuyển sang: đã nhận kết quả, ghi ngày nhận kết quả sau ngày "
        "lập báo cáo (cần xem lại)",
    # I.3
    "delegations": "Đoàn ra nước ngoài",
    "cadres_sent_abroad": "Lượt cán bộ đi nước ngoài",
    # I.4: the letters received in the period (the anonymous among them) and resolved, those forwarded to the
    # competent body, then those carried over
    "complaints_received": "Đơn thư tiếp nhận",
    "complaints_anonymous": "Đơn thư nặc danh tiếp nhận",
    "complaints_resolved": "Đơn thư tiếp nhận trong kỳ: đã giải quyết (đến cuối kỳ)",
    "complaints_forwarded": "Đơn thư chuyển đến cơ quan có thẩm quyền trong kỳ",
    "complaints_forwarded_unresolved": "Đơn thư đã chuyển đến cơ quan có thẩm quyền, chưa giải quyết (đến cuối kỳ)",
    "complaints_carried_over": "Đơn thư kỳ trước chuyển sang (chưa giải quyết khi bắt đầu kỳ)",
    "complaints_carried_over_resolved": "Đơn thư kỳ trước chuyển sang: đã giải quyết (đến cuối kỳ)",
}
DONE = "done"  # the figure counts those done (answered, resolved) by the period's end
# report key → the register listing what it counts, and the filters besides the period
FIGURE_RECORDS: dict[str, tuple[str, dict | str]] = {
    "slips_issued": ("slips", {}),
    "slip_subjects": ("slips", {}),
    "slips_answered": ("slips", DONE),
    "delegations": ("delegations", {"status": trip_status.NOT_CALLED_OFF}),
    "cadres_sent_abroad": ("delegations", {"status": trip_status.NOT_CALLED_OFF}),
    "archive_research_for_other_provinces": ("archive-requests", {"purpose": ARCHIVE_FOR_OTHERS}),
    "archive_research_requested_from_other_provinces": ("archive-requests", {"purpose": ARCHIVE_FROM_OTHERS}),
    "complaints_received": ("complaints", {}),
    "complaints_resolved": ("complaints", DONE),
}
# The spec's report keys, the dashboard's figures, in its order.
FIGURE_LABELS = {key: REPORT_LABELS[key] for key in FIGURE_RECORDS}
BREAKDOWN_LABELS = {
    "vetting_cases_by_purpose": "Hồ sơ thẩm tra mở trong kỳ theo mục đích",
    "vetting_conclusions_by_result": "Hồ sơ thẩm tra kết luận trong kỳ theo kết quả",
    "slips_by_recipient": "Phiếu xác minh theo nơi nhận",
    "slips_by_purpose": "Phiếu xác minh theo mục đích",
    "delegations_by_purpose": "Đoàn ra theo mục đích",
    "complaints_by_kind": "Đơn thư theo loại",
}


@dataclass(frozen=True)
class MonthCount:
    year: int
    month: int
    issued: int
    answered: int


def months_ending(today: dt.date, count: int) -> list[tuple[int, int]]:
    """The `count` months up to and including today's, oldest first."""
    index = today.year * 12 + today.month - 1
    return [divmod(i, 12) for i in range(index - count + 1, index + 1)]


def slips_by_month(db: Database, start: dt.date, end: dt.date, counted: ReportingYear = CALENDAR_YEAR
                   ) -> list[MonthCount]:
    """Slips issued, and slips answered (by the reply's date), in each month of the period as `counted` counts
    its months (in the statistical year «tháng 1» of 2026 runs from 15/12/2025 to 14/01/2026); its last
    MOST_MONTHS months when it is longer."""
    db.require(Action.REPORT_FIGURES, "xem số phiếu theo tháng")
    (first_year, first_month), (last_year, last_month) = counted.month_of(start), counted.month_of(end)
    count = min(MOST_MONTHS, (last_year - first_year) * 12 + last_month - first_month + 1)
    months = [(year, month + 1) for year, month in months_ending(dt.date(last_year, last_month, 1), count)]
    first = max(start, counted.month_start(*months[0]))
    with db.read() as connection:
        issued = _per_month(connection, slips.c.issued_on, first, end, counted)
        answered = _per_month(connection, slips.c.result_on, first, end, counted)
    return [MonthCount(year, month, issued[year, month], answered[year, month]) for year, month in months]


def records_behind(key: str, start: dt.date, end: dt.date) -> tuple[str, browse.Filters]:
    """The register and filters listing the records a report figure counts (the dashboard's drill-down)."""
    kind, more = FIGURE_RECORDS[key]
    return kind, browse.Filters(start=start, end=end, **({"done_by": end} if more == DONE else more))


def holds_records(db: Database) -> bool:
    """Whether any register holds a record out of the recycle bin (a new office's database holds none)."""
    db.require(Action.BROWSE, "xem việc cần xử lý")
    with db.read() as connection:
        return any(connection.execute(select(view.table.c.id).where(view.table.c.deleted_at.is_(None)).limit(1)).first()
                   for view in browse.VIEWS.values())


def loose_ends(db: Database, today: dt.date | None = None) -> dict[str, int]:
    """What the figures and deadlines cannot count until the officer completes it: slips with a
    result but no reply date (not answered for the report), open vetting cases and complaints
    unresolved on `today` (default: the clock's) with no deadline (never due, never overdue) — each
    the register's status of that name."""
    db.require(Action.BROWSE, "xem việc cần bổ sung")
    today = today or db.clock().date()
    counts = {}
    with db.read() as connection:
        for status, kind in LOOSE_ENDS.items():
            table = browse.view(kind).table
            counts[status] = connection.execute(select(func.count()).select_from(table).where(
                table.c.deleted_at.is_(None), browse.view(kind).statuses[status](today))).scalar()
    return counts


def _per_month(connection, column, first: dt.date, last: dt.date, counted: ReportingYear) -> Counter[tuple[int, int]]:
    """The slips whose `column` falls in each month as `counted` counts it (by day: a month of the statistical
    year is no calendar month the database can group by)."""
    by_day = connection.execute(
        select(column, func.count()).where(slips.c.deleted_at.is_(None), column.between(first, last))
        .group_by(column)).all()
    per_month: Counter[tuple[int, int]] = Counter()
    for day, count in by_day:
        per_month[counted.month_of(day)] += count
    return per_month


def complaints_due(db: Database, today: dt.date, warning_days: int = WARNING_DAYS) -> list[Due]:
    """Complaints neither resolved nor forwarded (letters.HANDLED_ON) by `today` past their `Hạn giải quyết` or due
    within `warning_days`, both by the deadline shown (on a day off, the next working day: `deadlines.due_by`, as
    the registers'), each named by the person complained about (then the sender)."""
    db.require(Action.BROWSE, "xem việc đến hạn")
    with db.read() as connection:
        rows = connection.execute(
            select(complaints.c.id, complaints.c.complaint_kind, complaints.c.subject_name, complaints.c.sender,
                   complaints.c.due_on)
            .where(complaints.c.deleted_at.is_(None), deadlines.not_done_by(letters.HANDLED_ON, today),
                   deadlines.due_by(complaints.c.due_on, today + dt.timedelta(days=warning_days)))
            .order_by(complaints.c.due_on, complaints.c.id)).all()
    return [Due(row.id, f"{row.complaint_kind} – {row.subject_name or 'không ghi người bị phản ánh'} "
                f"(người gửi: {row.sender or 'không ghi'})", workdays.working_day_on_or_after(row.due_on))
            for row in rows]


def conclusions_due(db: Database, today: dt.date) -> list[Due]:
    """Conclusions with no newer case lapsing within the days of the setting nhac_truoc_het_hieu_luc_ngay, the
    soonest first, then those past their validity (setting hieu_luc_ket_luan_thang), the latest lapse first (a
    lapsed standard is checked again before the cadre is put forward); none of a cadre in the recycle bin."""
    days = _days_set(db, CONCLUSION_REMINDER_SETTING, today)
    lapsed_by = today + dt.timedelta(days=days + 1)  # due_for_review: lapsed before that day
    binned = _binned_cadres(db)
    reminders = [reminder for reminder in cases.due_for_review(db, lapsed_by) if reminder.person_id not in binned]
    reminders.sort(key=lambda reminder: (reminder.valid_until < today, abs((reminder.valid_until - today).days)))
    return [Due(reminder.case_id, f"{reminder.full_name} – {reminder.purpose or 'Không ghi mục đích'} "
                f"(kết luận ngày {reminder.concluded_on:%d/%m/%Y})", reminder.valid_until)
            for reminder in reminders]


def _binned_cadres(db: Database) -> set[int]:
    """The persons whose cadre record is in the recycle bin: no longer on the office's list."""
    with db.read() as connection:
        return set(connection.execute(select(cadres.c.person_id).where(cadres.c.deleted_at.is_not(None))).scalars())


def vetting_cases_due(db: Database, today: dt.date, warning_days: int = WARNING_DAYS) -> list[Due]:
    """Vetting cases without a conclusion by `today` past their deadline or due within `warning_days`."""
    db.require(Action.BROWSE, "xem việc đến hạn")
    with db.read() as connection:
        rows = connection.execute(
            select(vetting_cases.c.id, vetting_cases.c.purpose, persons.c.full_name, vetting_cases.c.due_on)
            .select_from(vetting_cases.join(persons))
            .where(vetting_cases.c.deleted_at.is_(None), deadlines.not_done_by(vetting_cases.c.concluded_on, today),
                   deadlines.due_by(vetting_cases.c.due_on, today + dt.timedelta(days=warning_days)))
            .order_by(vetting_cases.c.due_on, vetting_cases.c.id)).all()
    return [Due(row.id, f"{row.full_name} – {row.purpose or 'Không ghi mục đích'}",
                workdays.working_day_on_or_after(row.due_on)) for row in rows]


def archive_requests_unanswered(db: Database, today: dt.date) -> list[Due]:
    """Requests between our archive and another province's with no reply by `today` past their deadline
    (deadlines.archive_reply_due), either way, each title saying who owes the reply: those we sent («Nhờ tỉnh
    bạn nghiên cứu») and those another province sent us («Nghiên cứu giúp tỉnh bạn»); a former province with the
    one it is part of on `today`."""
    db.require(Action.BROWSE, "xem việc đến hạn")
    vetted = persons.alias("vetted")
    with db.read() as connection:
        history = settings.read_history(connection)
        rows = connection.execute(
            select(archive_requests.c.id, archive_requests.c.request_kind, archive_requests.c.province,
                   archive_requests.c.doc_no, archive_requests.c.doc_on, persons.c.full_name,
                   vetted.c.full_name.label("vetted_name"), _relation_to_vetted(vetting_cases.c.person_id))
            .select_from(archive_requests.join(persons)
                         .outerjoin(vetting_cases, vetting_cases.c.id == archive_requests.c.vetting_case_id)
                         .outerjoin(vetted, vetted.c.id == vetting_cases.c.person_id))
            .where(archive_requests.c.deleted_at.is_(None), deadlines.archive_reply_overdue(today, history))
            .order_by(archive_requests.c.doc_on, archive_requests.c.id)).mappings().all()
    from . import gazetteer  # its place names are read on the first list, not at start-up

    def title(row: Mapping[str, Any]) -> str:
        named_now = {**row, "province": gazetteer.with_province_now(row["province"], today)}
        return request_title(named_now, vetted_for(row["full_name"], row["relation"], row["vetted_name"]))

    return [Due(row["id"], f"{ARCHIVE_REPLY_OWED_BY[row['request_kind']]}: {title(row)}",
                deadlines.archive_reply_due(row["doc_on"], history)) for row in rows]


def _relation_to_vetted(vetted_id: ColumnElement) -> ColumnElement:
    """How a request's subject is related to the person vetted by the case it serves: as the vetted one's
    file lists them, else as a slip of that case about them says (None: neither tells)."""
    in_file = (select(relatives.c.relation)
               .where(relatives.c.person_id == vetted_id, relatives.c.relative_id == archive_requests.c.person_id,
                      relatives.c.deleted_at.is_(None))
               .order_by(relatives.c.id).limit(1).scalar_subquery())
    on_slip = (select(slips.c.relation)
               .where(slips.c.vetting_case_id == archive_requests.c.vetting_case_id,
                      slips.c.person_id == archive_requests.c.person_id, slips.c.deleted_at.is_(None))
               .order_by(slips.c.id).limit(1).scalar_subquery())
    return func.coalesce(in_file, on_slip).label("relation")


def _days_set(db: Database, key: str, today: dt.date) -> int:
    with db.read() as connection:
        return int(settings.read_all(connection, today)[key])

