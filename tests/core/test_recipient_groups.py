"""Where slips went, as the report groups them: the ministry, the office's own province's police (its
former provinces' too, since they merged into it), the other provinces' police, other bodies."""

import pytest

from bvct_desktop.core.recipient_groups import MINISTRY, OTHER, OTHER_PROVINCES, OWN_PROVINCE, group_of


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
])
def test_a_units_group_follows_the_offices_province_as_it_was_on_the_reports_last_day(recipient, province, group):
    assert group_of(recipient, province) == group
