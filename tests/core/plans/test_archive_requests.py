"""Archive research requests: which stored request a file's row is."""

import datetime as dt

import pytest

from bvct_desktop.core import editing, importing, report, settings, vault
from bvct_desktop.core.errors import InputError
from bvct_desktop.core.kinds import ARCHIVE_REQUESTS
from bvct_desktop.core.schema import archive_requests
from tests.conftest import ADMIN, PASSWORD
from tests.rows_sheet import rows_sheet

HEADERS = ["Loại yêu cầu", "Tỉnh/thành", "Số văn bản", "Ngày văn bản", "Họ và tên đối tượng", "Ngày sinh"]


@pytest.fixture
def db(cli):
    database = vault.unlock(cli.db, ADMIN, PASSWORD)
    yield database
    database.close()


def _import(db, number: str | None, province: str = "Đồng Nai") -> importing.ImportResult:
    sheet = rows_sheet([HEADERS, ["Nhờ tỉnh bạn nghiên cứu", province, number, "01/10/2026", "Lê Văn Hòa", "1968"]])
    result = importing.import_sheet(db, ARCHIVE_REQUESTS, sheet)
    assert result.ok, result.problems
    return result


def _numbers(db) -> list[str | None]:
    with db.read() as connection:
        return connection.execute(archive_requests.select().with_only_columns(archive_requests.c.doc_no)
                                  .order_by(archive_requests.c.id)).scalars().all()


def _asked(db) -> int:
    return report.figures(db, dt.date(2026, 1, 1), dt.date(2026, 12, 31))[
        "archive_research_requested_from_other_provinces"]


def test_a_document_number_added_later_is_filled_in_on_the_request_stored_without_one(db):
    _import(db, None)
    result = _import(db, "12-CV/BTCTU")
    assert result.counts == {"created": 0, "unchanged": 0, "updated": 1}
    assert _numbers(db) == ["12-CV/BTCTU"] and _asked(db) == 1


def test_a_request_stored_with_another_number_is_another_request(db):
    _import(db, "11-CV/BTCTU")
    assert _import(db, "12-CV/BTCTU").counts["created"] == 1
    assert _numbers(db) == ["11-CV/BTCTU", "12-CV/BTCTU"] and _asked(db) == 2


@pytest.mark.parametrize(("stored", "again"), [
    ("Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu"),     # the dash Word puts in, the hyphen typed
    ("Bà Rịa – Vũng Tàu", "Bà Rịa-Vũng Tàu"),
    ("Ninh Thuận", "Tỉnh Ninh Thuận"),              # the province with its type word, or without
    ("TP Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
])
def test_a_request_without_a_number_is_the_same_request_whichever_way_its_province_is_spelt(db, stored, again):
    """An old list imported again with the province written otherwise counts the request once."""
    _import(db, None, stored)
    assert _import(db, None, again).counts["created"] == 0
    assert _asked(db) == 1


def test_a_request_without_a_number_to_another_province_is_another_request(db):
    _import(db, None, "Ninh Thuận")
    assert _import(db, None, "Ninh Bình").counts["created"] == 1
    assert _asked(db) == 2


OWN = "«{}» là tỉnh của cơ quan mình (Tỉnh ủy Lâm Đồng): tàng thư nghiên cứu giúp hay nhờ tỉnh bạn là tỉnh khác"


@pytest.mark.parametrize("province", ["Lâm Đồng", "Tỉnh Lâm Đồng", "Bình Thuận", "Đắk Nông"])
def test_the_offices_own_province_under_its_new_or_old_name_is_refused_as_the_other_one(db, province):
    """The office is Tỉnh ủy Lâm Đồng (its settings): Lâm Đồng, and Bình Thuận and Đắk Nông merged into it on
    01/7/2025, are no other province for a request dated since; the form refuses it, naming it."""
    with pytest.raises(InputError) as caught:
        editing.save(db, "archive-requests", {"request_kind": "Nhờ tỉnh bạn nghiên cứu", "province": province,
                                              "doc_on": "01/10/2026", "full_name": "Lê Văn Hòa"})
    assert caught.value.problems == {"province": OWN.format(province)}


def test_a_file_holding_our_province_is_imported_and_told_so_an_export_imports_back_unchanged(db):
    """A register kept before the rule (or exported from one) may hold the office's own province: refusing the
    file broke the contract's round trip (an export imports again unchanged); the row is imported and told."""
    sheet = rows_sheet([HEADERS, ["Nhờ tỉnh bạn nghiên cứu", "Bình Thuận", "12-CV/BTCTU", "01/10/2026",
                                  "Lê Văn Hòa", "1968"]])
    result = importing.import_sheet(db, ARCHIVE_REQUESTS, sheet)
    assert result.ok and result.counts["created"] == 1
    assert ("Tỉnh/thành", OWN.format("Bình Thuận")) in [(problem.header, problem.message)
                                                         for problem in result.warnings]


@pytest.mark.parametrize(("authority", "said"), [("TỈNH ỦY LÂM ĐỒNG", "Tỉnh ủy Lâm Đồng"), ("LÂM ĐỒNG", "Lâm Đồng"),
                                                 ("HUẾ", "Huế"), ("Thành ủy Huế", "Thành ủy Huế")])
def test_the_office_is_named_in_a_sentence_whatever_its_setting_s_capitals(db, authority, said):
    """A one-word «Cơ quan cấp trên» in capitals («HUẾ») stopped the import with a ValueError."""
    settings.set_setting(db, "co_quan_cap_tren", authority)
    province = "Lâm Đồng" if "LÂM" in authority else "Huế"
    with pytest.raises(InputError) as caught:
        editing.save(db, "archive-requests", {"request_kind": "Nhờ tỉnh bạn nghiên cứu", "province": province,
                                              "doc_on": "01/10/2026", "full_name": "Lê Văn Hòa"})
    assert f"của cơ quan mình ({said})" in caught.value.problems["province"]


def test_a_province_merged_into_ours_was_another_one_before_the_merger(db):
    """Tỉnh ủy Bình Thuận asked Đắk Nông on 10/03/2025: two provinces then; Bình Thuận was its own."""
    settings.set_setting(db, "co_quan_cap_tren", "TỈNH ỦY BÌNH THUẬN")
    settings.set_setting(db, "co_quan_cap_tren", "TỈNH ỦY LÂM ĐỒNG", dt.date(2025, 7, 1))
    asked = {"request_kind": "Nhờ tỉnh bạn nghiên cứu", "doc_on": "10/03/2025", "full_name": "Lê Văn Hòa"}
    assert editing.save(db, "archive-requests", {**asked, "province": "Đắk Nông"})
    with pytest.raises(InputError) as caught:
        editing.save(db, "archive-requests", {**asked, "province": "Bình Thuận"})
    assert caught.value.problems == {"province": "«Bình Thuận» là tỉnh của cơ quan mình (Tỉnh ủy Bình "
                                                 "Thuận): tàng thư nghiên cứu giúp hay nhờ tỉnh bạn là tỉnh khác"}


def test_a_request_already_holding_our_province_opens_and_is_edited_in_its_other_fields(db):
    """Saved before the office's settings named Lâm Đồng: its other fields are still corrected; its province is
    changed only to another one."""
    settings.set_setting(db, "co_quan_cap_tren", "TỈNH ỦY KHÁNH HÒA")
    values = {"request_kind": "Nhờ tỉnh bạn nghiên cứu", "province": "Lâm Đồng", "doc_on": "01/10/2026",
              "full_name": "Lê Văn Hòa"}
    record_id = editing.save(db, "archive-requests", values)
    settings.set_setting(db, "co_quan_cap_tren", "TỈNH ỦY LÂM ĐỒNG")
    stored = editing.view(db, "archive-requests", record_id)
    editing.save(db, "archive-requests", {**stored, "answered_on": "20/10/2026", "result": "Không có tài liệu"},
                 record_id=record_id, person_id=stored["person_id"], seen=stored[editing.VERSION])
    stored = editing.view(db, "archive-requests", record_id)
    assert stored["result"] == "Không có tài liệu"
    with pytest.raises(InputError):
        editing.save(db, "archive-requests", {**stored, "province": "Bình Thuận"}, record_id=record_id,
                     person_id=stored["person_id"], seen=stored[editing.VERSION])
