"""The day a date's box writes out in full once typed (forms/inputs.py `written_in_full`)."""

from dataclasses import replace

import pytest

from bvct_desktop.core.fields import Field, FieldType
from bvct_desktop.core.kinds import DEATH_DATE
from bvct_desktop.core.passports import PASSPORT_FIELDS
from bvct_desktop.core.personfile.foreign import FIELDS as STAY_FIELDS
from bvct_desktop.core.personfile.vitae import APPRAISAL_FIELDS
from bvct_desktop.gui.forms.inputs import written_in_full

EXPIRES_ON = next(spec for spec in PASSPORT_FIELDS if spec.key == "expires_on")
STAY_UNTIL = next(spec for spec in STAY_FIELDS if spec.key == "until")
ISSUED_ON = Field("issued_on", "Ngày cấp", FieldType.DATE)
APPRAISED_IN = next(spec for spec in APPRAISAL_FIELDS if spec.key == "year")


@pytest.mark.parametrize(("spec", "typed", "read"), [
    (EXPIRES_ON, "12/3/34", "12/03/2034"), (EXPIRES_ON, "12/3/36", "12/03/2036"), (EXPIRES_ON, "12/3/65", "12/03/1965"),
    (STAY_UNTIL, "3/27", "03/2027"), (STAY_UNTIL, "27", "2027"), (ISSUED_ON, "12/3/27", "12/03/1927")])
def test_a_planned_day_with_a_two_digit_year_may_lie_as_far_ahead_as_a_passport_is_valid(spec, typed, read):
    """A passport valid until «12/3/34», typed in 2026, is valid until 2034, not 1934: a planned day (a passport's
    validity, ten years; a stay abroad ending ahead) takes the latest year ending so up to ten years on; a day that
    has happened, up to this year."""
    assert written_in_full(spec, typed, 2026) == read


@pytest.mark.parametrize(("spec", "typed", "read"), [
    (APPRAISED_IN, "65", "1965"), (APPRAISED_IN, " 24 ", "2024"), (APPRAISED_IN, "27", "1927"),
    (APPRAISED_IN, "3/65", "3/65"), (replace(APPRAISED_IN, planned=True), "34", "2034")])
def test_a_year_alone_with_two_figures_is_given_its_century_as_a_birth_is(spec, typed, read):
    """An appraisal's «Năm» typed «65» is 1965, by the rule that makes a birth's «65» 1965 (a planned year, up to
    ten years on); a month typed in it stays as typed, to be said wrong."""
    assert written_in_full(spec, typed, 2026) == read


@pytest.mark.parametrize(("typed", "read"), [("khoảng 65", "khoảng 1965"), ("khoang 3/65", "khoảng 03/1965"),
                                             ("~27", "khoảng 1927"), ("65", "1965")])
def test_an_approximate_death_year_with_two_figures_is_given_its_century_and_stays_approximate(typed, read):
    """«Năm mất» typed «khoảng 65» is «khoảng 1965», as «khoảng 1965» typed is shown."""
    assert written_in_full(DEATH_DATE, typed, 2026) == read
