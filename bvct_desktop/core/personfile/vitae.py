"""The person's own account of their life as form 2C gives it: the work periods (item 28 «Tóm tắt quá trình
công tác»), training (item 27 «Đào tạo, bồi dưỡng») and the particulars of their own history (item 29
«Đặc điểm lịch sử bản thân»), each period from–to at the precision written («03/1998», «1998»), one still
running to «nay».

Item 29 is what the person declared: arrested, imprisoned (when, where, what they declared and to whom),
worked in the old regime (agency, post, when). It is not a political issue (core/personfile/political.py):
that is an officer's finding on the two axes, with evidence, the regulation and its effect, and it may be
about a relative. The two are kept apart because vetting compares them: a finding may rest on a
declaration, or show one untrue (QĐ 57's «không khai báo trung thực»). The item's third part, taking part
in or dealings with foreign organisations, is a foreign element already («Tham gia tổ chức nước ngoài»,
«Làm việc cho tổ chức, cá nhân nước ngoài», core/personfile/foreign.py): it is recorded there, once.

What an officer weighs besides: the rewards (item 21) and the discipline (item 22), with the day a discipline
ends when the decision or the rule applied gives it (no end is worked out here), the salary's course (items 14
and 31: ngạch, mã ngạch, bậc, hệ số from a month) and the yearly appraisal (item 32), one a year as đảng viên
and one as cán bộ. The forms offered are the usual ones; another is written as the decision words it."""

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..dates import PARTIAL_FORMS
from ..editing import FormProblems
from ..fields import LONG_TEXT, Field, FieldType, UsualWhen
from ..schema import (
    appraisals,
    disciplines,
    history_declarations,
    rewards,
    salary_steps,
    training_courses,
    work_periods,
)
from .notes import PERSON
from .owned import OwnedRows

NOW = "nay"  # how a period still running ends
UNTIL_HINT = f"{PARTIAL_FORMS}; để trống (hoặc gõ «{NOW}») nếu đến nay"


def _since(required: bool = False) -> Field:
    return Field("since", "Từ", FieldType.PARTIAL_DATE, required=required, hint=PARTIAL_FORMS)


UNTIL = Field("until", "Đến", FieldType.PARTIAL_DATE, not_before="since", hint=UNTIL_HINT, empty_means=NOW)

WORK_FIELDS = (
    _since(required=True), UNTIL,
    Field("unit", "Đơn vị công tác", required=True, hint="cơ quan, đơn vị, địa phương như lý lịch ghi"),
    Field("post", "Chức vụ, chức danh"),
)

STUDY_FORMS = ("Chính quy", "Tại chức", "Vừa làm vừa học", "Chuyên tu", "Liên thông", "Từ xa", "Bồi dưỡng ngắn hạn")
TRAINING_FIELDS = (
    Field("institution", "Tên trường, cơ sở đào tạo", required=True),
    Field("subject", "Ngành học, nội dung bồi dưỡng"),
    _since(), UNTIL,
    Field("study_form", "Hình thức", FieldType.CHOICE, choices=STUDY_FORMS),
    Field("degree", "Văn bằng, chứng chỉ", hint="cử nhân, thạc sĩ, cao cấp lý luận chính trị…"),
)

ARRESTED, IMPRISONED, OLD_REGIME = "Bị bắt", "Bị tù", "Làm việc trong chế độ cũ"
HISTORY_FIELDS = (
    Field("declared_kind", "Đặc điểm", FieldType.CHOICE, required=True, choices=(ARRESTED, IMPRISONED, OLD_REGIME),
          hint="tham gia, quan hệ tổ chức nước ngoài: ghi ở thẻ «Yếu tố nước ngoài»"),
    _since(), Field("until", "Đến", FieldType.PARTIAL_DATE, not_before="since", hint=PARTIAL_FORMS),
    Field("place", "Ở đâu, cơ quan", hint="nơi bị bắt, bị tù; cơ quan, đơn vị của chế độ cũ"),
    Field("post", "Chức danh", hint="khi làm việc trong chế độ cũ"),
    Field("details", "Đã khai báo", max_length=LONG_TEXT, hint="khai báo những gì, cho ai (khi bị bắt, bị tù)"),
    Field("source", "Nguồn", hint="lý lịch 2C năm…, bản tự khai, bản tường trình"),
)

AWARDS = ("Huân chương Lao động hạng Ba", "Huân chương Lao động hạng Nhì", "Huân chương Lao động hạng Nhất",
          "Bằng khen của Thủ tướng Chính phủ", "Bằng khen của Ban Chấp hành Trung ương",
          "Bằng khen của Ủy ban nhân dân tỉnh", "Bằng khen của Tỉnh ủy", "Giấy khen", "Chiến sĩ thi đua toàn quốc",
          "Chiến sĩ thi đua cấp tỉnh", "Chiến sĩ thi đua cơ sở", "Huy hiệu Đảng")
DECISION_NO = Field("decision_no", "Số quyết định", as_written=True, hint="ví dụ 125-QĐ/TU")
REWARD_FIELDS = (
    Field("awarded_on", "Ngày, năm", FieldType.PARTIAL_DATE, required=True, hint=PARTIAL_FORMS),
    Field("award", "Hình thức khen thưởng", required=True, choices=AWARDS, hint="chọn hoặc gõ như quyết định ghi"),
    Field("authority", "Cấp quyết định", hint="Chủ tịch nước, Thủ tướng Chính phủ, Ban Thường vụ Tỉnh ủy…"),
    DECISION_NO,
    Field("reason", "Lý do, thành tích", max_length=LONG_TEXT),
)

PARTY, STATE, MASS = "Đảng", "Chính quyền", "Đoàn thể"
PENALTIES_OF = (
    UsualWhen(PARTY, ("Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ"),
              "các hình thức kỷ luật đảng viên theo Điều lệ Đảng"),
    # a công chức's six, and a cán bộ's bãi nhiệm (Luật Cán bộ, công chức, Điều 78, 79)
    UsualWhen(STATE, ("Khiển trách", "Cảnh cáo", "Hạ bậc lương", "Giáng chức", "Cách chức", "Buộc thôi việc",
                      "Bãi nhiệm"), "các hình thức kỷ luật cán bộ, công chức theo Luật Cán bộ, công chức"),
    UsualWhen(MASS, ("Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ"),
              "các hình thức kỷ luật thường gặp của đoàn thể", closed=False),  # each charter words its own
)
PENALTIES = tuple(dict.fromkeys(penalty for usual in PENALTIES_OF for penalty in usual.choices))
DISCIPLINE_FIELDS = (
    Field("decided_on", "Ngày, năm", FieldType.PARTIAL_DATE, required=True, hint=PARTIAL_FORMS),
    Field("organisation", "Kỷ luật về", FieldType.CHOICE, required=True, choices=(PARTY, STATE, MASS)),
    Field("penalty", "Hình thức kỷ luật", required=True, choices=PENALTIES, choices_by=("organisation", PENALTIES_OF),
          hint="chọn hoặc gõ như quyết định ghi"),
    Field("authority", "Cấp quyết định"),
    DECISION_NO,
    Field("reason", "Lý do", max_length=LONG_TEXT),
    Field("in_effect_until", "Hiệu lực đến", FieldType.PARTIAL_DATE, not_before="decided_on", planned=True,
          hint="ngày kỷ luật hết hiệu lực, nếu quyết định hay quy định áp dụng cho biết"),
)

SALARY_FIELDS = (
    Field("since", "Từ tháng, năm", FieldType.PARTIAL_DATE, required=True, hint="mm/yyyy"),
    Field("grade", "Ngạch", hint="chuyên viên, chuyên viên chính…"),
    Field("grade_code", "Mã ngạch", as_written=True, hint="ví dụ 01.003"),
    Field("step", "Bậc", as_written=True, hint="ví dụ 3 hoặc 3/9"),
    Field("coefficient", "Hệ số", FieldType.DECIMAL, required=True, hint="ví dụ 4,98"),
)

AS_MEMBER, AS_CADRE = "Đảng viên", "Cán bộ"
GRADES = ("Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ",
          "Không hoàn thành nhiệm vụ")
APPRAISAL_FIELDS = (
    Field("year", "Năm", FieldType.YEAR, required=True),
    Field("as_role", "Đánh giá với tư cách", FieldType.CHOICE, required=True, choices=(AS_MEMBER, AS_CADRE)),
    Field("classification", "Xếp loại", FieldType.CHOICE, required=True, choices=GRADES),
    Field("appraiser", "Cấp đánh giá", hint="chi bộ, cơ quan, cấp ủy đánh giá"),
    Field("remarks", "Nhận xét", max_length=LONG_TEXT),
)


def in_force(discipline: Mapping[str, Any], today: dt.date) -> bool | None:
    """Whether a discipline is in force on `today` by its recorded end («Hiệu lực đến», through that day, month
    or year); None, the record cannot tell, when no end is recorded."""
    until = discipline["in_effect_until"]
    return None if until is None else until >= today.isoformat()[:len(until)]


IN_FORCE_WORDS = {True: "Còn hiệu lực", False: "Hết hiệu lực", None: ""}  # a discipline's, by `in_force`


def step_on(steps: Sequence[Mapping[str, Any]], day: dt.date) -> Mapping[str, Any] | None:
    """The salary step in force on `day`: the last of `steps` (in the order of their «Từ») begun by then, one from
    that day's month or year counted as begun; None when none had begun."""
    begun = [step for step in steps if step["since"] <= day.isoformat()[:len(step["since"])]]
    return begun[-1] if begun else None


def _one_a_year(connection: Connection, person: dict[str, Any], values: dict[str, Any], row_id: int | None
                ) -> None:
    """One appraisal of the person a year as đảng viên and one as cán bộ: a second is the first corrected."""
    found = connection.execute(select(appraisals.c.classification).where(
        appraisals.c.person_id == person["id"], appraisals.c.deleted_at.is_(None), appraisals.c.id != (row_id or 0),
        appraisals.c.year == values["year"], appraisals.c.as_role == values["as_role"])).scalar()
    if found is not None:
        raise FormProblems({"year": f"Năm {values['year']} đã có đánh giá với tư cách {values['as_role'].lower()} "
                                    f"(«{found}»): hãy sửa đánh giá ấy, không thêm đánh giá thứ hai"})


WORK_PERIODS = OwnedRows(work_periods, "work-periods", "quá trình công tác", WORK_FIELDS, PERSON, order=("since",))
TRAINING = OwnedRows(training_courses, "training-courses", "đào tạo, bồi dưỡng", TRAINING_FIELDS, PERSON,
                     order=("since",))
OWN_HISTORY = OwnedRows(history_declarations, "history-declarations", "đặc điểm lịch sử bản thân", HISTORY_FIELDS,
                        PERSON, order=("since",))
REWARDS = OwnedRows(rewards, "rewards", "khen thưởng", REWARD_FIELDS, PERSON, order=("awarded_on",))
DISCIPLINES = OwnedRows(disciplines, "disciplines", "kỷ luật", DISCIPLINE_FIELDS, PERSON, order=("decided_on",))
SALARY = OwnedRows(salary_steps, "salary-steps", "diễn biến quá trình lương", SALARY_FIELDS, PERSON, order=("since",))
APPRAISALS = OwnedRows(appraisals, "appraisals", "nhận xét, đánh giá, xếp loại", APPRAISAL_FIELDS, PERSON, _one_a_year,
                       ("year",))
# in the order of form 2C: items 21, 22, 27, 28, 29, 31, 32
SECTIONS = (REWARDS, DISCIPLINES, TRAINING, WORK_PERIODS, OWN_HISTORY, SALARY, APPRAISALS)
