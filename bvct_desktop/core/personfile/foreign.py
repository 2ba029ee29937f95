"""Foreign elements (yếu tố nước ngoài, brief §1.4): relatives abroad, marriage to a foreigner,
work for foreigners, membership of foreign organisations, trips abroad — each dated, with a
source, about the person or one of their relatives."""

from ..dates import PARTIAL_FORMS
from ..fields import LONG_TEXT, Field, FieldType
from ..schema import foreign_elements
from .notes import PersonNotes

ELEMENT_KINDS = ("Thân nhân ở nước ngoài", "Kết hôn với người nước ngoài",
                 "Làm việc cho tổ chức, cá nhân nước ngoài", "Tham gia tổ chức nước ngoài",
                 "Đi nước ngoài")
FIELDS = (
    Field("element_kind", "Loại yếu tố", FieldType.CHOICE, required=True, choices=ELEMENT_KINDS),
    Field("country", "Nước"),
    Field("since", "Từ ngày", FieldType.PARTIAL_DATE, required=True, hint=PARTIAL_FORMS),
    Field("until", "Đến ngày", FieldType.PARTIAL_DATE, planned=True),  # a stay abroad may end ahead
    Field("details", "Nội dung", max_length=LONG_TEXT),
    Field("source", "Nguồn", required=True, hint="lý lịch 2C, phiếu xác minh, báo cáo của chi bộ…"),
)

FOREIGN_ELEMENTS = PersonNotes(foreign_elements, "foreign-elements", "yếu tố nước ngoài", FIELDS)
