"""Where slips went, as the report groups them: the ministry, the office's own province's police (its
former provinces' too, since they merged into it), the other provinces' police, other bodies."""

import pytest

from bvct_desktop.core.recipient_groups import MINISTRY, OTHER, OTHER_PROVINCES, OWN_PROVINCE, group_of, grouped


@pytest.mark.parametrize(("recipient", "province", "group"), [
    ("Cục A93B – Bộ Công an", "Lâm Đồng", MINISTRY),
    ("Phòng PV01 – Công an tỉnh Lâm Đồng", "Lâm Đồng", OWN_PROVINCE),
    ("Phòng PV27 – Công an tỉnh Bình Thuận", "Lâm Đồng", OWN_PROVINCE),  # merged into the office's province
    ("Phòng PV01 – Công an tỉnh Đắk Nông", "Lâm Đồng", OWN_PROVINCE),
    ("Phòng PV01 – Công an tỉnh Ninh Thuận", "Lâm Đồng", OTHER_PROVINCES),  # merged into Khánh Hòa
    ("Phòng PV01 – Công an Thành phố Hồ Chí Minh", "Lâm Đồng", OTHER_PROVINCES),
    ("Phòng PV27 – Công an tỉnh Bình Thuận", "Bình Thuận", OWN_PROVINCE),  # the office of 2016
    ("Phòng PV01 – Công an tỉnh Lâm Đồng", "Bình Thuận", OTHER_PROVINCES),  # a neighbour then
    ("Phòng PV01 – Công an tỉnh Đắk Nông", "Bình Thuận", OTHER_PROVINCES),
    ("Ban Chỉ huy Quân sự tỉnh Lâm Đồng", "Lâm Đồng", OTHER),
    ("Phòng PV06 – Công an Bình Thuận", "Lâm Đồng", OWN_PROVINCE),  # the province without «tỉnh»
    ("Phòng PV06 - CA Đắk Nông", "Lâm Đồng", OWN_PROVINCE),
    ("PV01 - CA Lâm Đồng", "Lâm Đồng", OWN_PROVINCE),
    ("Phòng PV06 - CA Đồng Nai", "Lâm Đồng", OTHER_PROVINCES),
    ("Công an Ninh Thuận", "Lâm Đồng", OTHER_PROVINCES),
])
def test_a_units_group_follows_the_offices_province_as_it_was_on_the_reports_last_day(recipient, province, group):
    assert group_of(recipient, province) == group


@pytest.mark.parametrize("recipient", [
    "Phòng PV27 – Công an tỉnh", "Phòng PV27 - CA tỉnh", "Phòng Hồ sơ nghiệp vụ, Công an tỉnh",
    "Công an tỉnh (Phòng PV27)", "Phòng PV06 – Công an Thành phố", "Phòng PV27 – Công an tỉnh.", "Công an TP.",
])
@pytest.mark.parametrize("province", ["Lâm Đồng", "Bình Thuận"])
def test_a_police_unit_naming_no_province_is_the_offices_own(recipient, province):
    assert group_of(recipient, province) == OWN_PROVINCE


@pytest.mark.parametrize(("recipient", "group"), [
    ("Cục A93B – Bộ CA", MINISTRY),
    ("Phòng PV01 - CA tỉnh Đồng Nai", OTHER_PROVINCES),
    ("Phòng PV01 - CA tỉnh Lâm Đồng", OWN_PROVINCE),
    ("Nhà hát Ca múa nhạc tỉnh", OTHER),
])
def test_police_written_ca_is_police(recipient, group):
    assert group_of(recipient, "Lâm Đồng") == group


@pytest.mark.parametrize("recipient", [
    "Công an TP.HCM", "Phòng PV06 – CA TP. Hồ Chí Minh", "Công an tp.Đà Nẵng", "PV06 - Công an Tp.Cần Thơ",
])
def test_a_city_written_after_tp_with_its_dot_is_named_not_the_offices_own(recipient):
    """«TP.» is the city's word as «TP» is: the police of another city, not this province's unnamed police."""
    assert group_of(recipient, "Lâm Đồng") == OTHER_PROVINCES


@pytest.mark.parametrize("recipient", [
    "Công an TP.HCM", "Phòng PV06 – CA TP. Hồ Chí Minh", "Phòng PV06 - Công an TPHCM", "PV06 - Công an tỉnh BR-VT",
])
def test_a_city_offices_own_police_written_abbreviated_is_its_own(recipient):
    """The office of Thành phố Hồ Chí Minh: its police however abbreviated, and Bà Rịa - Vũng Tàu's, merged into it."""
    assert group_of(recipient, "Thành phố Hồ Chí Minh") == OWN_PROVINCE


def test_the_report_counts_the_offices_unnamed_police_as_its_own_not_another_provinces():
    assert grouped({"Cục A93B – Bộ Công an": 3, "Phòng PV27 – Công an tỉnh": 2,
                    "Phòng PV01 – Công an tỉnh Đồng Nai": 1}, "Lâm Đồng") == {
        MINISTRY: {"Cục A93B – Bộ Công an": 3},
        OWN_PROVINCE: {"Phòng PV27 – Công an tỉnh": 2},
        OTHER_PROVINCES: {"Phòng PV01 – Công an tỉnh Đồng Nai": 1}}
