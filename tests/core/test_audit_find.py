"""The Nhật ký page's filters: part of a user's name, an action and an outcome as shown, and words
of what an entry is about and its details as shown, accents and case ignored."""

import datetime as dt
import json

import pytest

from bvct_desktop.core import audit, audit_find, audit_words, browse, editing, users, vault
from bvct_desktop.core.errors import AuthError, PermissionDenied
from bvct_desktop.core.permissions import LEADER, VIEWER
from tests.gui.shell_support import FakeClock, as_user, new_database


@pytest.fixture
def db(tmp_path):
    opened = new_database(tmp_path, FakeClock(dt.datetime(2026, 5, 4, 9, 0)), ("slips",))
    yield opened
    opened.close()


def _found(db, **asked) -> list[audit.Entry]:
    return list(audit_find.find(db, audit_find.Filters(**asked)))


def test_part_of_a_user_s_name_finds_that_user_s_entries_accents_and_case_ignored(db):
    as_user(db, "off1", LEADER).close()
    as_user(db, "Đặng.Lâm", VIEWER).close()
    assert {entry.user for entry in _found(db, user="OFF")} == {"off1"}
    assert {entry.user for entry in _found(db, user="dang")} == {"Đặng.Lâm"}
    assert _found(db, user="không-có-ai") == []


def test_the_actions_offered_are_those_in_the_trail_in_words_and_one_finds_its_entries(db):
    offered = audit_find.actions(db)
    assert "đăng nhập" in offered and "nhập" in offered and offered == sorted(set(offered), key=offered.index)
    assert {entry.action for entry in _found(db, action="đăng nhập")} == {"đăng nhập"}


def test_an_outcome_finds_the_failed_and_refused_entries(db, tmp_path):
    with pytest.raises(AuthError):
        vault.unlock(db.path, "admin", "sai-mat-khau-2026", db.clock)
    viewer = as_user(db, "xem.1", VIEWER)
    with pytest.raises(PermissionDenied):
        users.add(viewer, "moi", VIEWER, "Mat-khau-rieng-2025")
    viewer.close()
    assert {entry.outcome for entry in _found(db, outcome=audit.FAILED)} == {audit.FAILED}
    refused = _found(db, outcome=audit.REFUSED)
    assert refused and {entry.user for entry in refused} == {"xem.1"}
    assert _found(db, outcome=audit.OK) and audit.FAILED not in {e.outcome for e in _found(db, outcome=audit.OK)}


def test_words_of_the_record_as_shown_find_what_was_done_to_it(db):
    slip = browse.record_ids(db, "slips", "12/PXM")[0]
    editing.view(db, "slips", slip)
    found = _found(db, text="12/pxm")
    assert found and all("12/PXM" in " ".join(audit_words.cells(entry)) for entry in found)
    assert audit.VIEWED in {entry.action for entry in found}
    assert {entry.id for entry in _found(db, text="pham van binh")} >= {entry.id for entry in found
                                                                          if entry.action == audit.VIEWED}
    assert _found(db, text="Phiếu yêu cầu xác minh")  # the register, as shown
    assert _found(db, text="2/PXM") == []  # «12/PXM» does not end with the slip 2/PXM
    assert _found(db, text="không-có-đâu") == []


def test_filters_combine_and_the_view_is_written_once_naming_them(db):
    asked = audit_find.Filters(start=dt.date(2026, 5, 4), user="QUẢN", action="thêm", text="12/PXM")
    found = list(audit_find.view(db, asked))
    assert found and {entry.action for entry in found} == {"thêm"}
    trail = list(audit.list_entries(db))
    last = trail[-1]
    assert last.action == audit.VIEWED_TRAIL and [e.action for e in trail].count(audit.VIEWED_TRAIL) == 1
    assert json.loads(last.details) == {"tu": "2026-05-04", "nguoi_dung": "QUẢN", "hanh_dong": "thêm",
                                        "noi_dung": "12/PXM"}
    assert "Hành động: thêm" in audit_words.cells(last)[audit_words.DETAILS_COLUMN]


def test_the_words_searched_are_those_the_page_shows_of_the_register_the_record_and_the_details(db):
    """The search makes only these three cells of each entry (a search reads every entry of the days
    chosen); they are word for word the cells shown, whatever the entry."""
    editing.view(db, "slips", browse.record_ids(db, "slips", "12/PXM")[0])
    as_user(db, "off1", LEADER).close()
    for entry in audit.list_entries(db):
        shown = audit_words.cells(entry)
        assert audit_words.searched(entry) == " ".join(
            shown[column] for column in (audit_words.KIND_COLUMN, audit_words.RECORD_COLUMN,
                                         audit_words.DETAILS_COLUMN))


def test_one_choice_finds_everything_that_left_the_database_and_nothing_else(db, tmp_path):
    with db.write() as connection:  # what each face writes when data leaves, with a login and an edit among them
        for action in (*audit_find.LEFT, "đăng nhập", "sửa"):
            db.audit(connection, action, details={"tep": str(tmp_path / "ra.xlsx")})
    found = {entry.action for entry in _found(db, action=audit_find.LEAVING)}
    assert found == set(audit_find.LEFT)
    assert {"in", "xuất", "xuất nhật ký", "lưu bản sao tệp đính kèm", "sao lưu", "sao lưu tự động"} <= found


def test_data_coming_in_is_not_data_leaving(db):
    assert "nhập" in audit_find.actions(db) and _found(db, action=audit_find.LEAVING) == []


def test_who_printed_secret_documents_is_found_by_the_words_of_the_mark(db, tmp_path):
    from bvct_desktop.core import documents_data, settings

    documents_data.record(db, documents_data.PRINTED, "slips", {"tep": str(tmp_path / "thuong.pdf")})
    settings.set_setting(db, "do_mat", "MẬT")
    documents_data.record(db, documents_data.PRINTED, "slips", {"tep": str(tmp_path / "mat.pdf")})
    [secret] = _found(db, text="độ mật: mật")
    assert json.loads(secret.details)["tep"] == str(tmp_path / "mat.pdf")
    assert audit_words.cells(secret)[audit_words.DETAILS_COLUMN].endswith("; Độ mật: Mật")


def test_the_officers_offered_are_the_trail_s_users_with_their_latest_role_for_a_chief(db):
    as_user(db, "can.bo", VIEWER).close()
    chief = as_user(db, "lanh.dao", LEADER)
    assert {"can.bo": VIEWER, "lanh.dao": LEADER}.items() <= audit.officers(chief).items()
    chief.close()
