"""Foreign elements (yếu tố nước ngoài, brief §1.4): relatives abroad, marriage to a foreigner,
work for foreigners, membership of foreign organisations, trips abroad — each dated, with a
source, about the person or one of their relatives. A relative the relatives list says lives
abroad is one of the person's foreign elements too, until one is recorded about them."""

import datetime as dt
from typing import Any

from sqlalchemy.engine import Connection

from ..database import Database
from ..dates import PARTIAL_FORMS, PartialDate
from ..editing import FormProblems
from ..fields import LONG_TEXT, Field, FieldType
from ..permissions import Action
from ..schema import foreign_elements
from . import relatives
from .notes import PERSON, RELATIVE
from .owned import OwnedRows
from .trips import PRIVATE_TRIP, TRIP_ABROAD, first_day

RELATIVE_ABROAD = "Thân nhân ở nước ngoài"
FROM_RELATIVES = "Danh sách thân nhân"  # the source of an element the relatives list tells
WORK_FOR_FOREIGNERS = "Làm việc cho tổ chức, cá nhân nước ngoài"
ELEMENT_KINDS = (RELATIVE_ABROAD, "Kết hôn với người nước ngoài", WORK_FOR_FOREIGNERS, "Tham gia tổ chức nước ngoài",
                 TRIP_ABROAD, PRIVATE_TRIP)
FIELDS = (
    Field("element_kind", "Loại yếu tố", FieldType.CHOICE, required=True, choices=ELEMENT_KINDS),
    Field("country", "Nước", names_countries=True),
    Field("since", "Từ ngày", FieldType.PARTIAL_DATE, required=True, hint=PARTIAL_FORMS),
    Field("until", "Đến ngày", FieldType.PARTIAL_DATE, planned=True),  # a stay abroad may end ahead
    Field("details", "Nội dung", max_length=LONG_TEXT),
    Field("source", "Nguồn", required=True, hint="lý lịch 2C, phiếu xác minh, báo cáo của chi bộ…"),
    Field("report_received_on", "Ngày nhận báo cáo", FieldType.DATE),  # a private trip's (Phụ lục III)
)


def _checked(_connection: Connection, _person: dict[str, Any], values: dict[str, Any], _row_id: int | None
             ) -> None:
    """A relative abroad is about a relative; a private trip is the member's own, and only it has a report."""
    problems = {}
    if values["element_kind"] == RELATIVE_ABROAD and values[RELATIVE] is None:
        problems[RELATIVE] = f"«{RELATIVE_ABROAD}» là về một thân nhân: hãy chọn thân nhân ở ô «Về thân nhân»"
    if values["element_kind"] == PRIVATE_TRIP and values[RELATIVE] is not None:
        problems[RELATIVE] = (f"«{PRIVATE_TRIP}» là chuyến đi của chính đảng viên (báo cáo theo Phụ lục III): chọn "
                              f"«(bản thân)» ở ô «Về thân nhân»; chuyến đi của thân nhân ghi là «{TRIP_ABROAD}»")
    if values["report_received_on"] is not None:
        problems.update(_report_problems(values, values["report_received_on"]))
    if problems:
        raise FormProblems(problems)


def _report_problems(values: dict[str, Any], received_on: dt.date) -> dict[str, str]:
    """A report is received only after a private trip, and not before the return (or the departure)."""
    if values["element_kind"] != PRIVATE_TRIP:
        return {"report_received_on": f"Chỉ chuyến «{PRIVATE_TRIP}» có báo cáo sau chuyến đi (Phụ lục III): hãy "
                                      f"để trống ô này, hoặc chọn loại yếu tố «{PRIVATE_TRIP}»"}
    back = PartialDate.from_iso(values["until"] or values["since"])
    if received_on < first_day(back):
        which = "Đến ngày" if values["until"] else "Từ ngày"
        return {"report_received_on": f"Ngày nhận báo cáo ({received_on:%d/%m/%Y}) trước {which} ({back.display}): "
                                      "hãy xem lại một trong hai ngày"}
    return {}


FOREIGN_ELEMENTS = OwnedRows(foreign_elements, "foreign-elements", "yếu tố nước ngoài", FIELDS, PERSON, _checked)


def elements_of(db: Database, person_id: int) -> list[dict[str, Any]]:
    """The person's foreign elements: those recorded, then each relative living abroad by the relatives
    list that no recorded «Thân nhân ở nước ngoài» is about (id None: it is edited as a relative)."""
    db.require(Action.BROWSE, f"xem {FOREIGN_ELEMENTS.title}")
    with db.read() as connection:
        return read(connection, person_id)


def read(connection: Connection, person_id: int) -> list[dict[str, Any]]:
    """`elements_of` inside the caller's transaction (the cadre's summary reads it with its other data)."""
    recorded = FOREIGN_ELEMENTS.read(connection, person_id)
    told = {element[RELATIVE] for element in recorded if element["element_kind"] == RELATIVE_ABROAD}
    return recorded + [{"id": None, "element_kind": RELATIVE_ABROAD, "country": relative.country,
                        "since": relative.abroad_since and str(relative.abroad_since), "until": None,
                        "details": relative.abroad_work, "source": FROM_RELATIVES, RELATIVE: relative.id}
                       for relative in relatives.of_person(connection, person_id)
                       if relative.abroad and relative.id not in told]
