"""The persons an import's rows name are found by the person rule through the indexes: a file asks
for all of them, and reads the stored persons and cadres it finds in a few statements, a chunk at a
time as its rows come to them. The persons new in a file get their search and sort keys from their
values as planned, all at once. A person the CCCD finds takes the home town a row gives them."""

import json
import unicodedata

import pytest
from sqlalchemy import event, select

from bvct_desktop.core import audit, browse, editing, importing, people, stored_rows, text, vault
from bvct_desktop.core.collation import name_sort_key
from bvct_desktop.core.kinds import CADRES, DELEGATIONS, SLIPS
from bvct_desktop.core.people import search_key
from bvct_desktop.core.plans.base import CREATED, UNCHANGED, UPDATED
from bvct_desktop.core.schema import audit_log, cadres, persons
from bvct_desktop.core.text import identity_key
from bvct_desktop.io.xlsx_reader import Sheet
from tests.conftest import ADMIN, CADRE_HEADERS, PASSWORD, workbook
from tests.rows_sheet import rows_sheet

ROWS = 60


def _cadre(index: int, position: str) -> list:
    return [f"Phạm Văn Thứ {index:03d}", f"{index % 28 + 1:02d}/03/1965", "Nam", f"068065{index:06d}",
            "Hàm Tiến, Phan Thiết", position, "Sở Nội vụ"]


@pytest.mark.file_only("counts the statements SQLite runs")
def test_an_import_reads_the_stored_persons_and_cadres_its_rows_find_in_a_few_statements(cli, tmp_path):
    code, _, err = cli("import", "cadres", workbook(tmp_path / "truoc.xlsx", CADRE_HEADERS,
                                                    [_cadre(index, "Chuyên viên") for index in range(ROWS)]))
    assert code == 0, err
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    statements = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda _conn, _cursor, statement, *_rest: statements.append(" ".join(statement.split())))
    rows = [CADRE_HEADERS, *(_cadre(index, "Trưởng phòng") for index in range(ROWS))]
    result = importing.import_sheet(db, CADRES, Sheet.of_rows(tmp_path / "sau.xlsx", rows), dry_run=True)
    db.close()
    assert result.ok, result.problems
    assert result.counts[UPDATED] == ROWS
    reads = [s for s in statements if s.startswith("SELECT") and (" FROM persons" in s or " FROM cadres" in s)]
    assert len(reads) <= 8, reads  # before: two per row (124)


def test_persons_new_in_a_file_are_keyed_for_search_and_order_by_their_values_after_its_last_row(cli, tmp_path):
    headers = [SLIPS.field(key).header for key in ("number", "issued_on", "full_name", "other_names", "birth_date",
                                                   "home_town", "relation", "recipient")]
    rows = [["1/PXM", "04/03/2025", "Trần Văn Bình", None, "1961", "Phan Thiết", "Bản thân", "Cục A93B"],
            ["2/PXM", "05/03/2025", "Lê Thị Quý", None, "1970", "Hàm Tiến", "Mẹ", "Cục A93B"],
            ["3/PXM", "06/03/2025", "Trần Văn Bình", "Tư Ếch", "1961", "Phan Thiết", "Bản thân", "Cục A93B"]]
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    result = importing.import_sheet(db, SLIPS, Sheet.of_rows(tmp_path / "phieu.xlsx", [headers, *rows]))
    assert result.ok, result.problems
    with db.read() as connection:
        stored = [dict(row) for row in connection.execute(select(persons).order_by(persons.c.id)).mappings()]
    assert [row["full_name"] for row in stored] == ["Trần Văn Bình", "Lê Thị Quý"]
    assert [row["search_key"] for row in stored] == [search_key(row) for row in stored]
    assert "tu ech" in stored[0]["search_key"] and "qui" in stored[1]["search_key"]  # Quý as the index holds it
    assert [row["sort_key"] for row in stored] == [name_sort_key(row["full_name"]) for row in stored]
    assert len(browse.record_ids(db, "slips", "tu ech")) == 2
    db.close()


@pytest.mark.file_only("counts the rows SQLite reads")
def test_a_file_stopping_at_its_last_problem_reads_no_more_stored_persons_than_a_chunk_past_it(cli, tmp_path):
    stored = stored_rows.CHUNK + 150
    code, _, err = cli("import", "cadres", workbook(tmp_path / "truoc.xlsx", CADRE_HEADERS,
                                                    [_cadre(index, "Chuyên viên") for index in range(stored)]))
    assert code == 0, err
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    read = []
    event.listen(db.engine, "before_cursor_execute", lambda _conn, _cursor, statement, parameters, *_rest:
                 read.extend(parameters) if statement.startswith("SELECT persons.id, persons.full_name") else None)
    twice = [_cadre(0, "Trưởng phòng")] * (importing.MAX_PROBLEMS + 1)  # the same cadre: a problem on each after
    rows = [CADRE_HEADERS, *twice, *(_cadre(index, "Trưởng phòng") for index in range(1, stored))]
    result = importing.import_sheet(db, CADRES, Sheet.of_rows(tmp_path / "sau.xlsx", rows))
    db.close()
    assert len(result.problems) == importing.MAX_PROBLEMS
    assert 0 < len(read) <= stored_rows.CHUNK  # not the stored persons of every row


# -- the home town of a person the CCCD finds -----------------------------------------------

QUE_HEADERS = ["Họ và tên", "Ngày sinh", "Số CCCD", "Quê quán"]
CCCD = "068080001111"
MUI_NE = "Mũi Né, Phan Thiết"


@pytest.fixture
def db(cli):
    database = vault.unlock(cli.db, ADMIN, PASSWORD)
    yield database
    database.close()


def _cadre_row(home_town: str | None, cccd: str | None = CCCD) -> list:
    return ["Đỗ Văn Quê", "01/02/1980", cccd, home_town]


def _imported(db, kind, headers: list[str], *rows: list) -> importing.ImportResult:
    result = importing.import_sheet(db, kind, rows_sheet([headers, *rows]))
    assert result.ok, result.problems
    return result


def _the_person(db) -> dict:
    with db.read() as connection:
        return dict(connection.execute(select(persons).where(persons.c.full_name == "Đỗ Văn Quê")).mappings().one())


def _found_by(db, query: str) -> list[int]:
    return [facts.person_id for facts in editing.find_people(db, query)]


@pytest.mark.parametrize("stored", [None, "Quê Khác Hẳn"], ids=["none stored", "another stored"])
def test_a_cadre_the_cccd_finds_takes_the_home_town_of_the_file(db, stored):
    """The CCCD decides who the row is; the home town it gives is then theirs, an update like any other."""
    _imported(db, CADRES, QUE_HEADERS, _cadre_row(stored))
    result = _imported(db, CADRES, QUE_HEADERS, _cadre_row(MUI_NE))
    assert result.counts == {CREATED: 0, UNCHANGED: 0, UPDATED: 1}
    assert result.updates == ["Dòng 2: cập nhật Quê quán"]
    person = _the_person(db)
    assert (person["home_town"], person["home_town_key"]) == (MUI_NE, identity_key(MUI_NE))
    assert person["search_key"] == search_key(person)
    assert _found_by(db, "mũi né") == [person["id"]]
    assert _found_by(db, "khác hẳn") == []
    with db.read() as connection:
        edits = connection.execute(select(audit_log.c.details).where(audit_log.c.kind == "cadres",
                                                                     audit_log.c.action == "sửa")).scalars().all()
    assert [json.loads(details) for details in edits] == [{audit.RECORD: {"full_name": "Đỗ Văn Quê",
                                                                          "birth_date": "1980-02-01"},
                                                           "home_town": {"cu": stored, "moi": MUI_NE}}]


@pytest.mark.parametrize("cccd", [CCCD, None], ids=["by CCCD", "by the person rule"])
@pytest.mark.parametrize("spelled", ["  MŨI NÉ,   phan thiết ", "Mũi Né,Phan Thiết.", "Mũi Né ,Phan Thiết ."],
                         ids=["case and spaces", "no space after the comma, a full stop", "a space before the comma"])
def test_the_same_home_town_spelled_otherwise_changes_nothing(db, cccd, spelled):
    _imported(db, CADRES, QUE_HEADERS, _cadre_row(MUI_NE))
    respelled = unicodedata.normalize("NFD", spelled)
    result = _imported(db, CADRES, QUE_HEADERS, _cadre_row(respelled, cccd))
    assert result.counts == {CREATED: 0, UNCHANGED: 1, UPDATED: 0}
    assert result.updates == []
    assert _the_person(db)["home_town"] == MUI_NE


def test_an_empty_home_town_in_a_file_erases_none(db):
    _imported(db, CADRES, QUE_HEADERS, _cadre_row(MUI_NE))
    result = _imported(db, CADRES, QUE_HEADERS, _cadre_row(None))
    assert result.counts == {CREATED: 0, UNCHANGED: 1, UPDATED: 0}
    assert (_the_person(db)["home_town"], _the_person(db)["home_town_key"]) == (MUI_NE, identity_key(MUI_NE))


def test_a_cadre_found_by_the_person_rule_takes_the_cccd_of_the_file_as_an_update(db):
    _imported(db, CADRES, QUE_HEADERS, _cadre_row(MUI_NE, cccd=None))
    result = _imported(db, CADRES, QUE_HEADERS, _cadre_row(MUI_NE))
    assert result.counts == {CREATED: 0, UNCHANGED: 0, UPDATED: 1}
    assert result.updates == ["Dòng 2: cập nhật Số CCCD"]
    assert _the_person(db)["cccd"] == CCCD
    assert _found_by(db, CCCD) == [_the_person(db)["id"]]


DELEGATION_HEADERS = ["Tên đoàn", "Nước đến", "Ngày đi", "Ngày về", "Họ và tên thành viên", "Ngày sinh",
                      "Quê quán", "Số CCCD"]


def _member_row(delegation: str, home_town: str | None, cccd: str | None = CCCD) -> list:
    return [delegation, "Lào", "01/04/2025", "05/04/2025", "Đỗ Văn Quê", "01/02/1980", home_town, cccd]


def test_a_delegation_member_the_cccd_finds_takes_the_home_town_and_is_found_by_it_in_the_rows_after(db):
    _imported(db, DELEGATIONS, DELEGATION_HEADERS, _member_row("Đoàn khảo sát", None))
    result = _imported(db, DELEGATIONS, DELEGATION_HEADERS, _member_row("Đoàn khảo sát", MUI_NE),
                       _member_row("Đoàn học tập", MUI_NE.upper(), cccd=None))
    assert result.counts == {CREATED: 1, UNCHANGED: 0, UPDATED: 1}
    assert result.updates == ["Dòng 2: cập nhật Quê quán"]
    assert "Cán bộ mới (thêm từ danh sách đoàn)" not in result.extras  # row 3 found the same cadre
    person = _the_person(db)
    assert (person["home_town"], person["home_town_key"]) == (MUI_NE, identity_key(MUI_NE))
    with db.read() as connection:
        assert connection.execute(select(cadres.c.person_id)).scalars().all() == [person["id"]]


def test_a_delegation_member_the_cccd_finds_needs_no_birth_date(db):
    _imported(db, CADRES, QUE_HEADERS, _cadre_row(MUI_NE))
    member = _member_row("Đoàn khảo sát", None)
    member[5] = None
    result = _imported(db, DELEGATIONS, DELEGATION_HEADERS, member)
    assert result.counts == {CREATED: 1, UNCHANGED: 0, UPDATED: 0}
    assert "Cán bộ mới (thêm từ danh sách đoàn)" not in result.extras


SLIP_QUE_HEADERS = ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Ngày sinh", "Quê quán",
                    "Quan hệ", "Nơi nhận phiếu"]


def test_a_slips_person_keeps_their_home_town_when_the_file_spells_it_otherwise(db):
    """Slips carry no CCCD: their person is found by the rule, whose home towns are the same already."""
    row = ["1/PXM", "04/03/2025", "Đỗ Văn Quê", "01/02/1980", MUI_NE, "Bản thân", "Cục A93B"]
    _imported(db, SLIPS, SLIP_QUE_HEADERS, row)
    respelled = unicodedata.normalize("NFD", "mũi  né, PHAN THIẾT")
    result = _imported(db, SLIPS, SLIP_QUE_HEADERS, row[:4] + [respelled] + row[5:])
    assert result.counts == {CREATED: 0, UNCHANGED: 1, UPDATED: 0}
    assert result.updates == []
    assert _the_person(db)["home_town"] == MUI_NE


def test_a_new_slip_that_changes_a_stored_persons_values_says_so(db):
    """A slip about a cadre already listed is new, yet what it gives of them changes the cadre's own
    record: said on its row, as an update of a stored record is, not silently."""
    _imported(db, CADRES, ["Họ và tên", "Ngày sinh", "Quê quán", "Nơi ở hiện nay"],
              ["Đỗ Văn Quê", "01/02/1980", MUI_NE, "Phường Phú Thủy, Phan Thiết"])
    result = _imported(db, SLIPS, [*SLIP_QUE_HEADERS, "Nơi ở"],
                       ["1/PXM", "04/03/2025", "Đỗ Văn Quê", "01/02/1980", MUI_NE, "Bản thân", "Cục A93B",
                        "Phan Thiết"])
    assert result.counts == {CREATED: 1, UNCHANGED: 0, UPDATED: 0}
    assert result.updates == ["Dòng 2: thêm mới, cập nhật Nơi ở của người đã có"]
    assert _the_person(db)["residence"] == "Phan Thiết"


def test_a_common_name_is_weighed_only_against_namesakes_born_the_same_year_or_in_no_known_year(db, monkeypatch):
    """A province's registers name «Nguyễn Văn Hùng» hundreds of times: each new one is weighed (may_be_same)
    against the namesakes born the same year and those whose birth is not known, not against every one,
    whose work would grow with the square of the register. What is told stays the same."""
    weighed = []
    real = people.may_be_same
    monkeypatch.setattr(people, "may_be_same", lambda *args: weighed.append(args) or real(*args))

    def slip(number: int, birth: str | None, home_town: str) -> list:
        return [f"{number}/PXM", "05/02/2026", "Nguyễn Văn Hùng", birth, home_town, "Cục A93B – Bộ Công an"]

    # nine a year, born in nine months of it: two months of one year are two people, none is told
    namesakes = [slip(index, f"0{index % 9 + 1}/{1940 + index // 9}", f"Xã {index}") for index in range(450)]
    result = _imported(db, SLIPS, ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Ngày sinh",
                                   "Quê quán", "Nơi nhận phiếu"],
                       *namesakes, slip(450, None, "Xã Không Rõ"), slip(451, "12/1941", "Xã Mười Hai"))
    assert result.counts[CREATED] == 452
    assert len(weighed) < 3_000  # eight or fewer for each, 450 for the one of no known year: not 450 × 449 / 2
    told = {warning.row: warning.message for warning in result.warnings}
    assert sorted(told) == [452, 453]  # the one of no known year may be any of them (three named); 12/1941 may be them
    assert told[453].startswith("có thể trùng với người ở dòng 452 của tệp này: Nguyễn Văn Hùng, quê Xã Không Rõ")


def test_a_name_that_comes_again_down_a_register_is_keyed_and_folded_once(db, monkeypatch):
    """A register names the same persons again and again (a common name, the cadre many slips vet): each
    distinct name is keyed (name_key) and folded to be told beside its spellings with diacritics (name_words)
    once, not at each row."""
    keyed, folded = [], []
    real_key, real_fold = text.identity_key, text.variant_fold_words
    monkeypatch.setattr(text, "identity_key", lambda value: keyed.append(value) or real_key(value))
    monkeypatch.setattr(text, "variant_fold_words", lambda value: folded.append(value) or real_fold(value))
    name = "PHAN VAN MUOI BAY"  # written without diacritics: it may be «Phan Văn Mười Bảy»

    result = _imported(db, SLIPS, ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Ngày sinh",
                                   "Nơi nhận phiếu"],
                       *([f"{index}/PXM", "05/02/2026", name, str(1940 + index), "Cục A93B – Bộ Công an"]
                         for index in range(20)))
    assert result.counts[CREATED] == 20
    assert keyed.count(name) <= 1
    assert folded.count(name.lower()) <= 1


def test_a_new_person_whose_namesakes_were_all_born_in_other_years_is_weighed_against_none(db, monkeypatch):
    """Most new persons of a register named like others were born in another year: nothing is told of them,
    and none of the stored persons is looked at for the records about them."""
    looked_at = []
    real = people.PersonBook._about_someone
    monkeypatch.setattr(people.PersonBook, "_about_someone",
                        lambda book, pids: looked_at.append(pids) or real(book, pids))

    result = _imported(db, SLIPS, ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Ngày sinh",
                                   "Nơi nhận phiếu"],
                       *([f"{index}/PXM", "05/02/2026", "Nguyễn Văn Mười Tám",
                          f"{index % 28 + 1:02d}/03/{1940 + index}", "Cục A93B – Bộ Công an"] for index in range(20)))
    assert result.counts[CREATED] == 20
    assert result.warnings == []
    assert looked_at == []
