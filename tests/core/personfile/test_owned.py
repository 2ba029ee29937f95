"""One store serves every kind of row kept under an owner: a person's records (about them or a relative) and
a vetting case's steps, each keyed by its owner's column and refused, in the owner's words, when the owner is
missing or takes no change any more."""

import pytest

from bvct_desktop.core.editing import FormProblems
from bvct_desktop.core.errors import InputError
from bvct_desktop.core.personfile import cases
from bvct_desktop.core.personfile.case_steps import DOSSIER, LEADER, MINUTES, TEAM
from bvct_desktop.core.personfile.foreign import FOREIGN_ELEMENTS
from bvct_desktop.core.personfile.owned import OwnedRows
from bvct_desktop.core.personfile.political import POLITICAL_NOTES
from bvct_desktop.core.personfile.vitae import SECTIONS, WORK_PERIODS
from tests.core.personfile.conftest import person_named
from tests.core.personfile.test_notes import NOTE

NOBODY = 999_999


def test_a_person_s_records_and_a_case_s_steps_are_one_store_keyed_by_their_owner_s_column():
    for rows in (FOREIGN_ELEMENTS, POLITICAL_NOTES, *SECTIONS):
        assert isinstance(rows, OwnedRows) and rows.owner.column == "person_id"
    for rows in (TEAM, DOSSIER, MINUTES):
        assert isinstance(rows, OwnedRows) and rows.owner.column == "vetting_case_id"


def test_a_row_of_an_owner_that_is_not_there_is_refused_in_the_owner_s_words(db):
    with pytest.raises(InputError, match=f"Không có người số {NOBODY}"):
        POLITICAL_NOTES.add(db, NOBODY, NOTE)
    with pytest.raises(InputError, match=f"Không có hồ sơ thẩm tra số {NOBODY}"):
        TEAM.add(db, NOBODY, {"full_name": "Nguyễn Văn Tổ", "team_role": LEADER})


def test_each_store_lists_its_owner_s_rows_only(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    planning, training = (cases.open_case(db, hung, {"purpose": purpose, "opened_on": "01/03/2025"})
                          for purpose in ("Quy hoạch", "Cử đi đào tạo"))
    TEAM.add(db, planning, {"full_name": "Nguyễn Văn Tổ", "team_role": LEADER})
    assert [row["full_name"] for row in TEAM.of_owner(db, planning)] == ["Nguyễn Văn Tổ"]
    assert TEAM.of_owner(db, training) == []


def test_a_change_that_names_some_fields_keeps_what_is_stored_in_the_others(db):
    """As every record's form and the relatives' (editing): a field the values lack stays as stored — a short change
    through the services (a script's, a tab sending only what it shows) empties nothing; an emptied field it names
    is emptied, and the rules see the row as it will be stored. The required fields are named each time."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    note = POLITICAL_NOTES.add(db, hung, NOTE)
    required = {key: NOTE[key] for key in ("axis", "content")}
    assert POLITICAL_NOTES.update(db, note, {**required, "source_doc": "Biên bản xác minh số 12"}) == ["source_doc"]
    assert POLITICAL_NOTES.update(db, note, {**required, "evidence": ""}) == ["evidence"]
    [row] = POLITICAL_NOTES.of_owner(db, hung)
    assert (row["content"], row["evidence"], row["source_doc"], row["effect"], row["limit_note"]) == (
        NOTE["content"], None, "Biên bản xác minh số 12", NOTE["effect"], NOTE["limit_note"])


def test_a_date_given_alone_is_checked_against_the_stored_one_it_may_not_follow(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    period = WORK_PERIODS.add(db, hung, {"since": "1987", "until": "05/1998", "unit": "UBND xã Phú Thủy"})
    with pytest.raises(FormProblems) as refused:
        WORK_PERIODS.update(db, period, {"since": "2001", "unit": "UBND xã Phú Thủy"})
    assert list(refused.value.problems) == ["until"]
    assert WORK_PERIODS.of_owner(db, hung)[0]["since"] == "1987"
