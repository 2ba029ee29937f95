"""Political-issue notes (vấn đề chính trị, brief §1.2) on the two axes — political history and
current politics — about the person or a named relative, with evidence, source document, the
regulation the issue was judged under and the effect of the conclusion."""

from ..fields import LONG_TEXT, Field, FieldType
from ..schema import political_notes
from .notes import PersonNotes

AXES = ("Lịch sử chính trị", "Chính trị hiện nay")
REGULATIONS = ("QĐ 57-QĐ/TW", "QĐ 126-QĐ/TW", "QĐ 58-QĐ/TW")
EFFECTS = ("Không ảnh hưởng", "Có vấn đề nhưng không vi phạm (có mức giới hạn)",
           "Vi phạm, không đủ tiêu chuẩn", "Chưa kết luận")
BEARING = EFFECTS[1:]  # what a conclusion «Đủ tiêu chuẩn» about the person is asked against
FIELDS = (
    Field("axis", "Diện", FieldType.CHOICE, required=True, choices=AXES),
    Field("content", "Nội dung vấn đề", required=True, max_length=LONG_TEXT),
    Field("evidence", "Chứng cứ", max_length=LONG_TEXT),
    Field("source_doc", "Tài liệu nguồn", hint="số, ngày văn bản hoặc biên bản xác minh"),
    Field("regulation", "Quy định áp dụng", FieldType.CHOICE, choices=REGULATIONS),
    Field("effect", "Ảnh hưởng của kết luận", FieldType.CHOICE, choices=EFFECTS),
)

POLITICAL_NOTES = PersonNotes(political_notes, "political-notes", "vấn đề chính trị", FIELDS)
