"""The parts of the report officers write, kept per period: two officers on the report page of the same
period lose nothing — a page writes only the parts its officer changed, and a part someone else changed
since the page showed it is refused, naming who and when — on a file and on the office server."""

import datetime as dt

import pytest

from bvct_desktop.core import report_notes, vault
from bvct_desktop.core.errors import InputError
from tests.conftest import ADMIN, PASSWORD
from tests.sample_db import MORNING, officer_database
from tests.sample_db import OFFICER_NAME as OTHER

PERIOD = (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
STRENGTHS, WEAKNESSES, DIRECTIONS = report_notes.PARTS


@pytest.fixture
def cli(both_engines_cli):
    return both_engines_cli


@pytest.fixture
def office(cli):
    """The administrator and a second officer, each with the report page of the same period open."""
    admin = vault.unlock(cli.db, ADMIN, PASSWORD, clock=lambda: MORNING)
    report_notes.save(admin, *PERIOD, {STRENGTHS: "Bản đầu.", DIRECTIONS: "Tiếp tục."})
    other = officer_database(cli, admin, clock=lambda: MORNING + dt.timedelta(minutes=5))
    yield admin, other
    other.close()
    admin.close()


def test_a_page_writes_only_the_parts_its_officer_changed(office):
    admin, other = office
    mine, theirs = report_notes.saved(admin, *PERIOD), report_notes.saved(other, *PERIOD)
    report_notes.save(other, *PERIOD, {**theirs, STRENGTHS: "Của người kia."}, seen=theirs)
    kept = report_notes.save(admin, *PERIOD, {**mine, WEAKNESSES: "Còn chậm."}, seen=mine)
    assert kept == report_notes.saved(admin, *PERIOD) == {STRENGTHS: "Của người kia.", WEAKNESSES: "Còn chậm.",
                                                          DIRECTIONS: "Tiếp tục."}


@pytest.mark.parametrize("theirs_now", ["Của người kia.", ""])
def test_a_part_changed_by_someone_else_since_the_page_showed_it_is_refused_and_nothing_is_written(office, theirs_now):
    admin, other = office
    mine, theirs = report_notes.saved(admin, *PERIOD), report_notes.saved(other, *PERIOD)
    report_notes.save(other, *PERIOD, {**theirs, STRENGTHS: theirs_now}, seen=theirs)
    after_theirs = report_notes.saved(admin, *PERIOD)
    with pytest.raises(InputError) as refused:
        report_notes.save(admin, *PERIOD, {**mine, STRENGTHS: "Của tôi.", WEAKNESSES: "Còn chậm."}, seen=mine)
    assert refused.value.message.startswith(f"Phần «{STRENGTHS}» đã được {OTHER} sửa lúc 09:20 ngày 02/03/2026")
    assert report_notes.saved(admin, *PERIOD) == after_theirs


def test_the_same_text_written_by_both_is_no_conflict(office):
    admin, other = office
    mine, theirs = report_notes.saved(admin, *PERIOD), report_notes.saved(other, *PERIOD)
    report_notes.save(other, *PERIOD, {**theirs, STRENGTHS: "Cùng một câu."}, seen=theirs)
    assert report_notes.save(admin, *PERIOD, {**mine, STRENGTHS: "Cùng một câu.\n"}, seen=mine)[STRENGTHS] == \
        "Cùng một câu."


def test_without_what_a_page_showed_the_parts_given_are_kept_over_the_stored(office):
    """A notes file (`bvct report --notes`) gives the parts it names, whoever wrote them before."""
    admin, other = office
    report_notes.save(other, *PERIOD, {STRENGTHS: "Của người kia."})
    report_notes.save(admin, *PERIOD, {STRENGTHS: "Từ tệp."})
    assert report_notes.saved(other, *PERIOD)[STRENGTHS] == "Từ tệp."
