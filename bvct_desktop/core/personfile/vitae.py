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
«Làm việc cho tổ chức, cá nhân nước ngoài», core/personfile/foreign.py): it is recorded there, once."""

from ..dates import PARTIAL_FORMS
from ..fields import LONG_TEXT, Field, FieldType
from ..schema import history_declarations, training_courses, work_periods
from .notes import PersonNotes

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

WORK_PERIODS = PersonNotes(work_periods, "work-periods", "quá trình công tác", WORK_FIELDS, in_order_of="since")
TRAINING = PersonNotes(training_courses, "training-courses", "đào tạo, bồi dưỡng", TRAINING_FIELDS,
                       in_order_of="since")
OWN_HISTORY = PersonNotes(history_declarations, "history-declarations", "đặc điểm lịch sử bản thân", HISTORY_FIELDS,
                          in_order_of="since")
SECTIONS = (TRAINING, WORK_PERIODS, OWN_HISTORY)  # in the order of form 2C (items 27, 28, 29)
