"""One-person sheets: a cadre's summary (trích ngang cán bộ) and the recovery-key sheet printed at
first run. Particulars come from the field declarations; an unknown one is a dotted line."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ...core.dates import display_date
from ...core.kinds import CADRES, DELEGATIONS, RELATIVES, SLIPS
from ...core.personfile.foreign import FOREIGN_ELEMENTS
from ...core.personfile.political import POLITICAL_NOTES
from . import layout, lists, tables
from .fonts import BOLD, ITALIC, REGULAR
from .layout import DocumentCanvas, Flow
from .particulars import (
    DISCIPLINE_COLUMNS,
    REWARD_COLUMNS,
    WORK_COLUMNS,
    W,
    as_filed,
    discipline_row,
    heading,
    period,
    shown,
)

CADRE_TITLE = "TRÍCH NGANG CÁN BỘ"
RECOVERY_TITLE = "PHIẾU KHÓA KHÔI PHỤC"
PARTICULARS = ("birth_date", "gender", "cccd", "cmnd", "home_town", "residence", "ethnicity", "religion",
               "position", "unit", "management")
PARTY = ("party_joined_on", "party_official_on", "party_card_no")
C, D, R, S, E, P = (CADRES.field, DELEGATIONS.field, RELATIVES.field, SLIPS.field, FOREIGN_ELEMENTS.field,
                    POLITICAL_NOTES.field)
RELATIVE_COLUMNS = (tables.counter(), tables.of(R("relation"), 0.9),
                    tables.of(R("full_name"), 2.0, label="Họ và tên", unbroken=True),
                    tables.year_of_birth(R("birth_date"), 0.9), tables.of(R("home_town"), 1.4),
                    tables.of(R("occupation"), 1.0), tables.of(R("residence"), 1.4),
                    tables.plain("source", "Biết qua", 1.3))
PERIOD = tables.plain("period", "Thời gian", 1.6, "center")
TRIP_COLUMNS = (tables.counter(), tables.of(D("countries"), 1.2), PERIOD,
                tables.plain("name", "Đoàn, nội dung chuyến đi", 2.2), tables.of(D("purpose"), 1.1),
                tables.of(D("role"), 1.0), tables.plain("source", "Căn cứ", 1.6))
FOREIGN_COLUMNS = (tables.counter(), tables.of(E("element_kind"), 1.5), tables.of(R("relation"), 0.9),
                   tables.of(R("full_name"), 1.6, label="Họ và tên", unbroken=True), tables.of(E("country"), 1.0),
                   PERIOD, tables.of(E("details"), 2.0), tables.of(E("source"), 1.3))
POLITICAL_COLUMNS = (tables.counter(), tables.of(P("axis"), 1.0), tables.of(R("relation"), 0.8),
                     tables.of(R("full_name"), 1.5, label="Họ và tên", unbroken=True), tables.of(P("content"), 2.8),
                     tables.of(P("found_on"), 1.1, label="Ngày kết luận", align="center"),
                     tables.of(P("regulation"), 1.3, label="Quy định", unbroken=True),
                     tables.of(P("effect"), 1.7, label="Ảnh hưởng"))
VETTING_COLUMNS = (tables.counter(), tables.of(S("number"), 0.9, align="center"),
                   tables.of(S("issued_on"), 1.1, label="Ngày gửi", align="center"),
                   tables.of(S("full_name"), 1.6, label="Người được xác minh", unbroken=True),
                   tables.of(S("relation"), 0.8), tables.of(S("purpose"), 1.0), tables.of(S("recipient"), 1.5),
                   tables.of(S("result"), 1.5))


def draw_cadre(c: DocumentCanvas, cadre: Mapping[str, Any], printed_on: dt.date) -> None:
    cadre = as_filed(CADRES, cadre)
    p = c.profile
    size = p.size("body")
    flow = Flow(c)
    layout.header(flow, "", layout.date_text(c.head.place, printed_on, p))
    layout.title(flow, CADRE_TITLE, [cadre["full_name"]])
    heading(flow, "I. SƠ LƯỢC LÝ LỊCH", size)
    flow.labelled(C("full_name").header, cadre["full_name"].upper(), size, BOLD)
    if cadre["other_names"]:
        flow.labelled(S("other_names").header, cadre["other_names"], size)
    for key in PARTICULARS:
        flow.labelled(C(key).header, shown(cadre, key), size)
    if cadre["note"]:
        flow.labelled(C("note").header, cadre["note"], size)
    flow.skip(p.paragraph_after)
    heading(flow, "II. ĐẢNG TỊCH", size)
    for key in PARTY:
        flow.labelled(C(key).header, shown(cadre, key), size)
    flow.skip(p.paragraph_after)
    trips = [{**trip, "period": period(trip["start"], trip["end"]), "source": trip["source"] or lists.decision(trip)}
             for trip in cadre["trips"]]
    elements = [{**element, "period": period(element["since"], element["until"])} for element in cadre["foreign"]]
    issues = [{**issue, "effect": issue["effect"] + (f"; mức giới hạn: {issue['limit_note']}" if issue["limit_note"]
                                                     else "")} for issue in cadre["political"]]
    work = [{**lived, "period": period(lived["since"], lived["until"], W("until"))} for lived in cadre["work"]]
    discipline = [discipline_row(decided, printed_on) for decided in cadre["discipline"]]
    signature = layout.signature_height(flow, None)
    family = [as_filed(RELATIVES, relative) for relative in cadre["relatives"]]
    sections = [("III. QUÁ TRÌNH CÔNG TÁC", WORK_COLUMNS, work, "Chưa ghi quá trình công tác."),
                ("IV. KHEN THƯỞNG", REWARD_COLUMNS, cadre["rewards"], "Chưa ghi khen thưởng nào."),
                ("V. KỶ LUẬT", DISCIPLINE_COLUMNS, discipline, "Chưa ghi kỷ luật nào."),
                ("VI. QUAN HỆ GIA ĐÌNH", RELATIVE_COLUMNS, family, "Chưa biết thân nhân nào."),
                ("VII. ĐI NƯỚC NGOÀI", TRIP_COLUMNS, trips, "Chưa có chuyến đi nào được ghi nhận."),
                ("VIII. YẾU TỐ NƯỚC NGOÀI KHÁC (BẢN THÂN VÀ THÂN NHÂN)", FOREIGN_COLUMNS, elements,
                 "Chưa có yếu tố nước ngoài nào khác được ghi nhận."),
                ("IX. XÁC MINH LAI LỊCH (BẢN THÂN VÀ THÂN NHÂN)", VETTING_COLUMNS, cadre["slips"],
                 "Chưa có phiếu yêu cầu xác minh nào."),
                ("X. VẤN ĐỀ CHÍNH TRỊ (BẢN THÂN VÀ THÂN NHÂN)", POLITICAL_COLUMNS, issues,
                 "Chưa có vấn đề chính trị nào được ghi nhận.")]
    for number, (title, columns, records, nothing) in enumerate(sections):
        keep_last = signature if number == len(sections) - 1 else 0.0
        if records:
            table = tables.Table(flow, columns, tables.numbered(records), keep_last=keep_last)
            heading(flow, title, size, keep=table.opening())
            table.draw()
        else:
            heading(flow, title, size, keep=flow.height(nothing, ITALIC, indent=False) + keep_last)
            flow.paragraph(nothing, ITALIC, indent=False, justify=False, keep_last=keep_last)
    layout.signature(flow, None)


def draw_recovery_key(c: DocumentCanvas, recovery_key: str, database: str, created_on: dt.date) -> None:
    """The key in large print, what it opens and how to keep it; signed by whoever keeps it."""
    p = c.profile
    size = p.size("body")
    flow = Flow(c)
    layout.header(flow, "", layout.date_text(c.head.place, created_on, p))
    layout.title(flow, RECOVERY_TITLE, ["của cơ sở dữ liệu BVCT Desktop"])
    flow.labelled("Cơ sở dữ liệu", database, size)
    flow.labelled("Ngày tạo", display_date(created_on), size)
    flow.skip(size)
    flow.line("KHÓA KHÔI PHỤC", BOLD, size, "center")
    flow.skip(6)
    for group in _halves(recovery_key):
        flow.line(group, BOLD, size * 1.6, "center")
    flow.skip(size)
    for text in (
        "Khóa khôi phục mở được cơ sở dữ liệu khi quản trị viên quên mật khẩu. Ở cửa sổ đăng nhập bấm "
        "«Quên mật khẩu quản trị…», gõ khóa từ phiếu này rồi đặt mật khẩu mới; chương trình cho một khóa "
        "khôi phục mới (khóa trên phiếu này hết dùng được), in phiếu mới thay phiếu này.",
        "Cách khác, trên dòng lệnh: bvct users passwd TÊN --recovery-key-file TỆP. Lệnh này chỉ đọc khóa từ "
        "tệp, không hỏi gõ khóa: gõ khóa vào một tệp trên ổ USB cất riêng, chạy lệnh, rồi xóa tệp ngay.",
        "Khóa chỉ in ra một lần và không lưu ở đâu trên máy tính. Cất phiếu này trong tủ tài liệu mật, "
        "tách khỏi máy tính; không chụp ảnh, không sao chép vào máy tính hay điện thoại. Khóa đã lưu vào "
        "ổ USB thì ổ ấy cũng cất như phiếu này.",
        "Ai giữ phiếu này mở được toàn bộ dữ liệu: bàn giao phiếu phải lập biên bản.",
    ):
        flow.paragraph(text, REGULAR, size)
    flow.skip(size)
    flow.line("NGƯỜI GIỮ PHIẾU", BOLD, size, "center", x=c.left + c.width * 0.45)
    flow.line("(Ký, ghi rõ họ tên)", ITALIC, size, "center", x=c.left + c.width * 0.45)


def _halves(key: str) -> list[str]:
    groups = key.split("-")
    middle = (len(groups) + 1) // 2
    return ["-".join(groups[:middle]), "-".join(groups[middle:])]
