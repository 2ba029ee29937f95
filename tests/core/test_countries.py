"""Countries as the office writes them: one way for each known country, several listed with commas."""

import pytest

from bvct_desktop.core.countries import as_written


@pytest.mark.parametrize("typed", ["Vương quốc Anh và Bắc Ireland", "Liên hiệp Vương quốc Anh và Bắc Ireland",
                                   "vương quốc anh và bắc ireland"])
def test_the_united_kingdom_named_in_full_is_one_country_not_two_parted_at_its_va(typed):
    """«và» parts two countries («Lào và Campuchia»), but not the United Kingdom's own name: the delegations'
    filter by «Nước đến» offered «Bắc Ireland» as a country of its own."""
    assert as_written(f"Cộng hòa Liên bang Đức, {typed} và Lào") == "Đức, Anh, Lào"


@pytest.mark.parametrize(("typed", "written"), [("Cộng hòa Pháp", "Pháp"), ("Vương quốc Hà Lan", "Hà Lan"),
                                                ("Cộng hòa Italia", "Ý"), ("Vương quốc Bỉ", "Bỉ"),
                                                ("Cộng hòa Ba Lan", "Ba Lan"), ("Vương quốc Thái Lan", "Thái Lan"),
                                                ("Cộng hòa Ấn Độ", "Ấn Độ"), ("Vương quốc Thụy Điển", "Thụy Điển"),
                                                ("Liên bang Thụy Sĩ", "Thụy Sĩ"), ("Vương quốc Campuchia", "Campuchia"),
                                                ("Cộng hòa Dân chủ Nhân dân Lào", "Lào"),
                                                ("Cộng hòa Nhân dân Trung Hoa", "Trung Quốc")])
def test_a_country_named_by_its_state_s_full_name_is_written_the_short_way(typed, written):
    """A decision names the countries in full («Cộng hòa Pháp»), the register as the office writes them, as it
    already did for «Cộng hòa Liên bang Đức»."""
    assert as_written(typed) == written


def test_two_countries_parted_by_va_stay_two():
    assert as_written("Lào và Campuchia") == "Lào, Campuchia"


@pytest.mark.parametrize(("typed", "written"), [("Pháp, Đức và", "Pháp, Đức"),
                                                ("Vương quốc Anh và Bắc Ireland và", "Anh"),
                                                ("và Lào", "Lào")])
def test_a_va_left_at_either_end_of_a_list_names_no_country(typed, written):
    """A list cut after its «và» (an old sheet's «Pháp, Đức và») made «Đức và» a country of its own, and parted
    the United Kingdom's name at its «và» («Anh, Bắc Ireland và»): the delegations' filter by «Nước đến» offered
    them as countries."""
    assert as_written(typed) == written
