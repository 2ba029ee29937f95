"""«Kinh phí» of a delegation (brief §1.5, module 6: «funding or sponsor»; Chỉ thị 38-CT/TW on trips paid by
enterprises): who pays the trip is kept with the delegation, a last column of its list, filtered in the
register, and written on the member list under the purpose."""


from bvct_desktop.core import browse, documents_data, editing, importing
from bvct_desktop.core.kinds import DELEGATIONS
from bvct_desktop.io.documents import lists
from tests.rows_sheet import rows_sheet

HEADERS = ["Số quyết định", "Ngày quyết định", "Tên đoàn", "Nước đến", "Mục đích", "Ngày đi", "Ngày về",
           "Họ và tên thành viên", "Ngày sinh", "Kinh phí"]
JAPAN = ["1234-QĐ/TU", "01/10/2026", "Đoàn học tập kinh nghiệm nông nghiệp công nghệ cao", "Nhật Bản",
         "Học tập kinh nghiệm", "12/10/2026", "22/10/2026"]
SPONSORED = "Công ty Cổ phần Đầu tư Phát triển Nông nghiệp Xanh tài trợ"


def _japan(db) -> int:
    result = importing.import_sheet(db, DELEGATIONS, rows_sheet([HEADERS, [*JAPAN, "Trần Văn Hùng", "1970",
                                                                           SPONSORED]]))
    assert result.ok, result.problems
    [delegation] = browse.record_ids(db, "delegations", JAPAN[2])
    return delegation


def test_who_pays_a_delegation_is_kept_with_it(db):
    assert editing.load(db, "delegations", _japan(db))["funding"] == SPONSORED


def test_funding_comes_after_the_columns_of_older_lists_so_they_keep_theirs(db):
    headers = [field.header for field in DELEGATIONS.fields]
    assert headers.index("Kinh phí") == headers.index("Không đi (lý do)") + 1


def test_the_register_filters_delegations_by_who_pays(db):
    delegation = _japan(db)
    found = browse.record_ids(db, "delegations", filters=browse.Filters().with_values("funding", (SPONSORED,)))
    assert found == [delegation]


def test_the_member_list_says_who_pays_under_the_purpose(db):
    with db.read() as connection:
        trip = documents_data.delegation_by_id(connection, _japan(db))
    lines = lists.delegation_lines(trip)
    assert lines[lines.index("Mục đích: Học tập kinh nghiệm") + 1] == f"Kinh phí: {SPONSORED}"


def test_a_search_finds_the_delegations_a_sponsor_paid_for(db):
    delegation = _japan(db)
    assert browse.record_ids(db, "delegations", "nong nghiep xanh tai tro") == [delegation]
