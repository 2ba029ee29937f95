"""Slips: which cadre a slip's vetting is for, kept through the cadre's time in the recycle bin."""

import pytest
from sqlalchemy import select

from bvct_desktop.core import browse, editing, importing, recycle_bin, vault
from bvct_desktop.core.kinds import CADRES, SLIPS
from bvct_desktop.core.schema import slips
from tests.conftest import ADMIN, PASSWORD
from tests.rows_sheet import rows_sheet

SLIP_HEADERS = ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Ngày sinh", "Quê quán", "Quan hệ",
                "Họ và tên người được thẩm tra", "Mục đích xác minh", "Nơi nhận phiếu"]


@pytest.fixture
def db(cli):
    database = vault.unlock(cli.db, ADMIN, PASSWORD)
    yield database
    database.close()


def _vetted_cadres(db) -> dict[str, int | None]:
    with db.read() as connection:
        return dict(connection.execute(select(slips.c.number, slips.c.vetted_cadre_id)).all())


def test_a_slip_saved_while_its_cadre_is_in_the_recycle_bin_keeps_the_cadre_it_vets(db):
    """A note added to a slip on its form while the cadre was in the recycle bin cut the slip from the cadre
    for good: restored, the cadre's file no longer held the slip about her father."""
    cadres_sheet = rows_sheet([["Họ và tên", "Ngày sinh", "Quê quán"],
                               ["Nguyễn Thị Thu Hương", "14/02/1978", "Xã Hàm Thuận, huyện Hàm Thuận Bắc"]])
    assert importing.import_sheet(db, CADRES, cadres_sheet).ok
    slips_sheet = rows_sheet([SLIP_HEADERS,
                              ["0012/PXM", "05/01/2026", "Nguyễn Thị Thu Hương", "14/02/1978",
                               "Xã Hàm Thuận, huyện Hàm Thuận Bắc", "Bản thân", None, "Bổ nhiệm",
                               "Cục A93B – Bộ Công an"],
                              ["0013/PXM", "05/01/2026", "Nguyễn Văn Bảy", "1950", "Xã Hàm Thuận", "Cha",
                               "Nguyễn Thị Thu Hương", "Bổ nhiệm", "Cục A93B – Bộ Công an"]])
    assert importing.import_sheet(db, SLIPS, slips_sheet).ok
    cadre = browse.record_ids(db, "cadres", "Nguyễn Thị Thu Hương")[0]
    assert _vetted_cadres(db) == {"0012/PXM": cadre, "0013/PXM": cadre}
    recycle_bin.delete(db, "cadres", cadre)
    for number in ("0012/PXM", "0013/PXM"):
        slip = browse.record_ids(db, "slips", number)[0]
        form = editing.load(db, "slips", slip)
        editing.save(db, "slips", {**form, "note": "Đã gửi lại"}, slip, form["person_id"])
    recycle_bin.restore(db, "cadres", cadre)
    assert _vetted_cadres(db) == {"0012/PXM": cadre, "0013/PXM": cadre}


A93 = "Cục A93B – Bộ Công an"


def _slip(number, name, birth, town, relation, vetted, purpose="Kết nạp Đảng", issued_on="05/11/2026"):
    return [number, issued_on, name, birth, town, relation, vetted, purpose, A93]


def _cases_of_slips(db) -> dict[str, tuple[str, str] | None]:
    """Each slip's case as (the name and birth date of its person vetted), None when it has none."""
    from bvct_desktop.core.schema import persons, vetting_cases

    with db.read() as connection:
        rows = connection.execute(select(slips.c.number, persons.c.full_name, persons.c.birth_date).select_from(
            slips.outerjoin(vetting_cases, slips.c.vetting_case_id == vetting_cases.c.id)
            .outerjoin(persons, vetting_cases.c.person_id == persons.c.id))).all()
    return {number: (name, birth) if name else None for number, name, birth in rows}


def test_a_parent_s_slip_serves_the_applicant_vetted_not_a_namesake_known_only_as_someone_s_relative(db):
    """Admission applicants are no cadres: a parent's slip names the applicant only by name. Lê Văn Mười born
    1950, whose own record is a cadre's father, is not the applicant of the same name: the person rule tells
    namesakes apart, so his slip opens no admission case for the father, and the one applicant of that name
    whose own slip opened his case is whom the mother's slip serves, whatever the file's order."""
    sheet = rows_sheet([SLIP_HEADERS,
                        _slip("1/PXM", "Lê Văn Mười", "1950", "La Gi", "Cha", "Phạm Minh Quang", "Bổ nhiệm"),
                        _slip("2/PXM", "Lê Thị Sáu", "1975", "Hàm Tiến", "Mẹ", "Trần Văn Nam"),
                        _slip("3/PXM", "Trần Văn Nam", "2000", "Hàm Tiến", "Bản thân", None),
                        _slip("4/PXM", "Nguyễn Thị Bảy", "1976", "Hàm Tiến", "Mẹ", "Lê Văn Mười")])
    result = importing.import_sheet(db, SLIPS, sheet)
    assert result.ok
    cases = _cases_of_slips(db)
    assert cases["2/PXM"] == cases["3/PXM"] == ("Trần Văn Nam", "2000")
    assert cases["4/PXM"] is None
    assert result.extras["Phiếu chưa gắn hồ sơ thẩm tra (không rõ người được thẩm tra)"] == ["1/PXM", "4/PXM"]


def test_a_parent_s_slip_serves_the_one_applicant_of_that_name_though_a_relative_bears_it_too(db):
    sheet = rows_sheet([SLIP_HEADERS,
                        _slip("1/PXM", "Trần Văn Nam", "1950", "La Gi", "Cha", "Phạm Minh Quang", "Bổ nhiệm"),
                        _slip("2/PXM", "Trần Văn Nam", "2000", "Hàm Tiến", "Bản thân", None),
                        _slip("3/PXM", "Lê Thị Sáu", "1975", "Hàm Tiến", "Mẹ", "Trần Văn Nam")])
    assert importing.import_sheet(db, SLIPS, sheet).ok
    assert _cases_of_slips(db)["3/PXM"] == ("Trần Văn Nam", "2000")


def test_a_parent_s_slip_naming_one_of_two_namesake_applicants_stays_unattached(db):
    """The slip names the applicant by name alone: which of two is not for the program to guess."""
    sheet = rows_sheet([SLIP_HEADERS,
                        _slip("1/PXM", "Trần Văn Nam", "2000", "Hàm Tiến", "Bản thân", None),
                        _slip("2/PXM", "Trần Văn Nam", "1998", "La Gi", "Bản thân", None),
                        _slip("3/PXM", "Trần Văn Bốn", "1970", "La Gi", "Cha", "Trần Văn Nam")])
    result = importing.import_sheet(db, SLIPS, sheet)
    assert result.ok and _cases_of_slips(db)["3/PXM"] is None
    assert result.extras["Phiếu chưa gắn hồ sơ thẩm tra (không rõ người được thẩm tra)"] == ["3/PXM"]
