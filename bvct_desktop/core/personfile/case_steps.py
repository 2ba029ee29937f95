"""The steps of a vetting case before its conclusion (brief §1.3, §6 item 4): the dossier's items received,
the competent cấp ủy's decision (its fields are the case's own, cases.DECISION_FIELDS), the verification
team of at least three with a named leader, and the verification minutes.

What a step leaves undone is told, not refused, where the officer acts on it: printing a slip (sending it)
and recording the conclusion. A case entered after the fact, its slips sent years ago and its decision on
paper only, must stay possible; the officer answers for going on.
"""

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..database import Database
from ..dates import display_date
from ..editing import FormProblems
from ..errors import InputError
from ..fields import LONG_TEXT, Field, FieldType
from ..kinds import ADMISSION, CASE_PURPOSES
from ..permissions import Action
from ..plans.cases import CONCLUDED
from ..schema import persons, slips, vetting_cases, vetting_dossier_items, vetting_minutes, vetting_team_members
from . import writes
from .owned import OwnedRows, Owner

LEADER, MEMBER = "Tổ trưởng", "Thành viên"
TEAM_SIZE = 3  # at least, with a named leader (brief §1.3)
APPRAISAL_PURPOSES = CASE_PURPOSES[:6]  # appointment, election, planning, training, key cadres, sensitive posts
ASSESSMENTS = "Nhận xét, đánh giá hằng năm của cấp ủy nơi công tác và nơi cư trú"
CV_2C = "Sơ yếu lý lịch mẫu 2C/TCTW-98"
# hồ sơ thẩm định tiêu chuẩn chính trị (brief §1.3, items 1–11)
APPRAISAL_ITEMS = (
    "Văn bản yêu cầu thẩm định", CV_2C, "Bản sao văn bằng, chứng chỉ (có chứng thực)",
    "Bản sao quyết định kết nạp Đảng, đề bạt, bổ nhiệm, điều động, chuyển ngạch, nâng lương; giấy khai sinh",
    "Bản kê khai tài sản, thu nhập", "Giấy chứng nhận sức khỏe (trong 6 tháng)", ASSESSMENTS,
    "Bản tự kiểm điểm 3 năm hoặc nhiệm kỳ trước", "Phiếu đề xuất nhận xét, đánh giá của chuyên viên Ban Tổ chức",
    "Giấy tờ về thành tích, khen thưởng", "Báo cáo về thân nhân ở nước ngoài, quyết định kỷ luật (nếu có)")
# hồ sơ thẩm tra, xác minh về chính trị nội bộ; its decision and minutes are steps of their own
VERIFICATION_ITEMS = (
    "Văn bản đề nghị thẩm tra, xác minh", CV_2C, "Các quyết định liên quan đến người được thẩm tra",
    "Đơn thư khiếu nại, tố cáo (nếu có)", "Bản tường trình của người được thẩm tra",
    "Thông tin dư luận quần chúng", ASSESSMENTS)
# the same for a person applying to join the Party, who is no cadre: their vitae is the 2-KNĐ (brief §2.2)
CV_2KND = "Lý lịch của người xin vào Đảng (mẫu 2-KNĐ)"
ADMISSION_ITEMS = tuple(CV_2KND if item == CV_2C else item for item in VERIFICATION_ITEMS)

ALL_ITEMS = (*APPRAISAL_ITEMS, *(item for item in (*VERIFICATION_ITEMS, CV_2KND) if item not in APPRAISAL_ITEMS))


def items_for(purpose: str | None) -> tuple[str, ...]:
    """The dossier a case of `purpose` needs: the appraisal's for a post or election, else the verification's
    (an admission's with the applicant's vitae)."""
    if purpose in APPRAISAL_PURPOSES:
        return APPRAISAL_ITEMS
    return ADMISSION_ITEMS if purpose == ADMISSION else VERIFICATION_ITEMS


def _still_open(connection: Connection, case_id: int, title: str) -> dict[str, Any]:
    """The case, refused once concluded: what its conclusion rests on is changed after «Mở lại hồ sơ»."""
    case = writes.current(connection, vetting_cases, case_id, "hồ sơ thẩm tra")
    if case["status"] == CONCLUDED:
        raise InputError(f"Hồ sơ đã kết luận: không thêm, sửa hay xóa {title}; chọn «Mở lại hồ sơ» nếu "
                         "cần thẩm tra, xác minh tiếp.")
    return case


CASE = Owner("vetting_case_id", _still_open)


def _one_leader(connection: Connection, case: dict[str, Any], values: dict[str, Any], row_id: int | None) -> None:
    if values["team_role"] != LEADER:
        return
    other = connection.execute(select(vetting_team_members.c.full_name).where(
        *_others(vetting_team_members, case, row_id), vetting_team_members.c.team_role == LEADER)).scalar()
    if other is not None:
        raise FormProblems({"team_role": f"Vai trò trong tổ: tổ đã có tổ trưởng «{other}»; hãy đổi người ấy "
                                         f"thành «{MEMBER}» trước"})


def _item_of_case(connection: Connection, case: dict[str, Any], values: dict[str, Any], row_id: int | None) -> None:
    """An item of the case's own dossier, recorded once."""
    if values["item"] not in items_for(case["purpose"]):
        raise FormProblems({"item": f"Tài liệu: «{values['item']}» không thuộc hồ sơ {_dossier_name(case)}"})
    received = connection.execute(select(vetting_dossier_items.c.received_on).where(
        *_others(vetting_dossier_items, case, row_id), vetting_dossier_items.c.item == values["item"])).scalar()
    if received is not None:
        raise FormProblems({"item": f"Tài liệu: đã ghi nhận ngày {display_date(received)}"})


def _others(table, case: dict[str, Any], row_id: int | None) -> tuple:
    return (table.c.vetting_case_id == case["id"], table.c.deleted_at.is_(None), table.c.id != (row_id or 0))


def _dossier_name(case: dict[str, Any]) -> str:
    kind = "thẩm định" if case["purpose"] in APPRAISAL_PURPOSES else "thẩm tra, xác minh"
    return f"{kind} (mục đích {case['purpose'] or 'chưa ghi'})"


TEAM = OwnedRows(vetting_team_members, "vetting-team", "thành viên tổ thẩm tra", (
    Field("full_name", "Họ và tên", required=True, person_name=True),
    Field("position", "Chức vụ, đơn vị công tác", hint="ví dụ Chuyên viên Phòng Bảo vệ chính trị nội bộ"),
    Field("team_role", "Vai trò trong tổ", FieldType.CHOICE, required=True, choices=(LEADER, MEMBER)),
), CASE, _one_leader)
DOSSIER = OwnedRows(vetting_dossier_items, "vetting-dossier", "tài liệu hồ sơ thẩm tra", (
    Field("item", "Tài liệu", FieldType.CHOICE, required=True, choices=ALL_ITEMS),
    Field("received_on", "Ngày nhận", FieldType.DATE, required=True),
    Field("note", "Ghi chú"),
), CASE, _item_of_case, order=("received_on",))
MINUTES = OwnedRows(vetting_minutes, "vetting-minutes", "biên bản thẩm tra, xác minh", (
    Field("held_on", "Ngày lập biên bản", FieldType.DATE, required=True),
    Field("place", "Địa điểm"),
    Field("attendees", "Thành phần tham dự", max_length=LONG_TEXT),
    Field("summary", "Nội dung tóm tắt", required=True, max_length=LONG_TEXT),
), CASE, order=("held_on",))


# -- rules ----------------------------------------------------------------------------------

def dossier_fields(purpose: str | None) -> tuple[Field, ...]:
    """DOSSIER's fields for a case of `purpose`: its item chosen among that dossier's items only."""
    return tuple(replace(spec, choices=items_for(purpose)) if spec.key == "item" else spec for spec in DOSSIER.fields)


def missing_items(purpose: str | None, received: Sequence[dict[str, Any]]) -> list[str]:
    """The items of the case's dossier not received yet, in the dossier's order."""
    have = {row["item"] for row in received}
    return [item for item in items_for(purpose) if item not in have]


NOT_RECEIVED = "Chưa nhận"  # an item missing_items names, where the dossier's items are listed


def items_problems(missing: Sequence[str], listed_in: str | None = None) -> list[str]:
    """That the dossier lacks the `missing` items (missing_items), when it lacks any: naming them, or counting
    them and saying where they are `listed_in` («thẻ «Tài liệu hồ sơ»»)."""
    if not missing:
        return []
    lacking = f"Hồ sơ còn thiếu {len(missing)} tài liệu"
    return [f"{lacking} — xem {listed_in}." if listed_in else f"{lacking}: " + "; ".join(missing) + "."]


def team_problems(members: Sequence[dict[str, Any]]) -> list[str]:
    """What the verification team lacks: members (at least TEAM_SIZE), a leader."""
    if not members:
        return [f"Chưa lập tổ thẩm tra, xác minh (ít nhất {TEAM_SIZE} người, có tổ trưởng)."]
    told = [f"Tổ thẩm tra, xác minh mới có {len(members)} người (cần ít nhất {TEAM_SIZE})."
            ] if len(members) < TEAM_SIZE else []
    if all(member["team_role"] != LEADER for member in members):
        told.append("Tổ thẩm tra, xác minh chưa có tổ trưởng.")
    return told


NO_MINUTES = "Chưa có biên bản thẩm tra, xác minh nào."


def minutes_problems(minutes: Sequence[dict[str, Any]]) -> list[str]:
    """That the case has no verification minutes, the evidence its conclusion rests on, when it has none."""
    return [] if minutes else [NO_MINUTES]


DECISION_MISSING = "chưa ghi quyết định của cấp ủy có thẩm quyền (bắt buộc trước khi thẩm tra, xác minh)"
UNDECIDED = f"C{DECISION_MISSING[1:]}."
CASES_TOLD = 5  # the cases a question names before it counts the rest


def undecided(case: dict[str, Any]) -> list[str]:
    """That no decision of the competent cấp ủy is recorded on the case, when none is."""
    return [] if case["decision_no"] else [UNDECIDED]


def before_verifying(case: dict[str, Any], members: Sequence[dict[str, Any]]) -> list[str]:
    """What the case lacks to verify: the decision, the team."""
    return undecided(case) + team_problems(members)


def slips_undecided(db: Database, slip_ids: Sequence[int]) -> list[str]:
    """For slips about to be sent (printed), the cases with no decision of the competent cấp ủy recorded, the one
    step the rules make mandatory before verifying, a line a case (CASES_TOLD of them, then how many more):
    «Phạm Minh Quang – Kết nạp Đảng (phiếu 12/PXM, 13/PXM)». The team and the dossier are told in the case window
    and when the case is concluded, not at every print."""
    db.require(Action.BROWSE, "xem hồ sơ thẩm tra")
    query = (select(slips.c.number, vetting_cases.c.id, vetting_cases.c.purpose, persons.c.full_name)
             .select_from(slips.join(vetting_cases, slips.c.vetting_case_id == vetting_cases.c.id)
                          .join(persons, vetting_cases.c.person_id == persons.c.id))
             .where(slips.c.id.in_(list(slip_ids)), vetting_cases.c.deleted_at.is_(None),
                    vetting_cases.c.decision_no.is_(None))
             .order_by(vetting_cases.c.id, slips.c.number))
    by_case: dict[int, tuple[str, list[str]]] = {}
    with db.read() as connection:
        for number, case_id, purpose, full_name in connection.execute(query):
            by_case.setdefault(case_id, (f"{full_name} – {purpose or 'chưa ghi mục đích'}", []))[1].append(number)
    told = [f"{case} (phiếu {', '.join(numbers)})" for case, numbers in by_case.values()]
    return told[:CASES_TOLD] + ([f"… và {len(told) - CASES_TOLD} hồ sơ khác"] if len(told) > CASES_TOLD else [])
