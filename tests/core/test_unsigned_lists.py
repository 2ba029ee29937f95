"""A delegation's member list printed with no signer's name under the signature: the setting «Người ký» empty on
the list's own day (its decision's, else the day printed). Told before it is printed, not refused."""

import datetime as dt

import pytest

from bvct_desktop.core import browse, documents_data, settings
from bvct_desktop.core.errors import PermissionDenied
from tests.sample_db import viewer_database

TOKYO = "Đoàn công tác Sở Nội vụ"  # decided 10/03/2025
SEOUL = "Đoàn học tập kinh nghiệm chuyển đổi số"  # no decision: dated the day printed
TODAY = dt.date(2026, 3, 1)


def delegation(db, name: str) -> int:
    [found] = browse.record_ids(db, "delegations", name)
    return found


def test_each_list_whose_day_has_no_signer_is_named_with_that_day(db):
    assert documents_data.unsigned_lists(db, [delegation(db, TOKYO), delegation(db, SEOUL)], TODAY) == [
        f"«{TOKYO}» (Quyết định số 125-QĐ/TU ngày 10/03/2025), danh sách ngày 10/03/2025",
        f"«{SEOUL}», danh sách ngày 01/03/2026"]


def test_a_signer_set_from_a_later_day_leaves_an_earlier_decision_s_list_unsigned(db):
    settings.set_setting(db, "nguoi_ky", "Nguyễn Văn Hòa", dt.date(2026, 1, 1))
    assert documents_data.unsigned_lists(db, [delegation(db, TOKYO), delegation(db, SEOUL)], TODAY) == [
        f"«{TOKYO}» (Quyết định số 125-QĐ/TU ngày 10/03/2025), danh sách ngày 10/03/2025"]


def test_no_list_is_named_once_a_signer_is_set_for_its_day(db):
    settings.set_setting(db, "nguoi_ky", "Nguyễn Văn Hòa")
    assert documents_data.unsigned_lists(db, [delegation(db, TOKYO), delegation(db, SEOUL)], TODAY) == []


def test_a_viewer_who_may_not_print_is_refused_the_lists_named(cli, db):
    """Naming the lists is the first step of printing them: the read-only role, refused the print, is refused it."""
    viewer = viewer_database(cli, db)
    try:
        with pytest.raises(PermissionDenied, match="in danh sách đoàn ra"):
            documents_data.unsigned_lists(viewer, [delegation(db, TOKYO)], TODAY)
    finally:
        viewer.close()
