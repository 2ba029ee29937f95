"""An office database made by the first release (schema revision 0001), full of records of every
kind, opened by this program: unlocking upgrades it, every record survives, the slips get their
vetting cases, the search index learns the old and new names of home towns, and the home towns' keys
ignore the spaces around their commas."""

import datetime as dt
import time
import unicodedata

import pytest
from sqlalchemy import func, inspect, select, text

from bvct_desktop.core import documents_data, editing, engine, importing, keyfile, migrations, settings, vault
from bvct_desktop.core.kinds import CADRES, COMPLAINTS
from bvct_desktop.core.people import Identity
from bvct_desktop.core.personfile import letters
from bvct_desktop.core.personfile.case_steps import LEADER, TEAM
from bvct_desktop.core.personfile.vitae import SALARY
from bvct_desktop.core.schema import (
    archive_requests,
    cadres,
    complaints,
    passport_handovers,
    passports,
    persons,
    relatives,
    slips,
    users,
    vetting_cases,
)
from bvct_desktop.core.schema import settings as settings_table
from bvct_desktop.core.search import key_pattern, persons_with
from bvct_desktop.core.text import identity_key, place_key
from tests.conftest import ADMIN, PASSWORD
from tests.earlier_revision import database_at
from tests.rows_sheet import rows_sheet
from tests.todays_records import TABLES as TODAYS

NOW = "2025-06-01 08:00:00"
PEOPLE = [  # id, name, birth date, home town
    (1, "Nguyễn Văn Hùng", "1965-03-12", "Hàm Tiến, Phan Thiết"),
    (2, "Phạm Minh Quang", "1995-08-15", "Mũi Né"),
    (3, "Phạm Văn Bình", "1950", "Mũi Né"),
    (4, "Huỳnh Văn Tám", "1948", "Tánh Linh"),
    (5, "Bùi Thị Hương", "1975-02-02", "Đức Linh"),
    (6, "Lê Văn Lạ", "1960", None),
]
SLIPS = [  # id, number, issued on, subject, relation, vetted name, vetted cadre, purpose, deleted
    (1, "12/PXM", "2025-01-05", 3, "Cha", "Phạm Minh Quang", None, "Kết nạp Đảng", None),
    (2, "13/PXM", "2025-01-06", 2, "Bản thân", None, None, "Kết nạp Đảng", None),
    (3, "1/PXM", "2026-01-03", 3, "Cha", "Phạm Minh Quang", None, "Bổ nhiệm", None),
    (4, "5/PXM", "2025-02-01", 1, "Bản thân", None, 1, "Bầu cử", None),
    (5, "6/PXM", "2025-02-02", 6, "Cha", "Người Không Rõ", None, "Bầu cử", None),
    (6, "7/PXM", "2025-02-03", 1, "Bản thân", None, 1, "Quy hoạch", NOW),
]


def _fold(value: str) -> str:
    from bvct_desktop.core.text import fold

    return fold(value)


@pytest.fixture
def first_release_db(tmp_path, monkeypatch):
    """A database at revision 0001 as the first release made it, filled with raw rows."""
    path = tmp_path / "bvct.db"
    opened = database_at(path, "0001", monkeypatch)
    with opened.begin() as connection:
        assert migrations.current_revision(connection) == "0001"
        _fill(connection)
    opened.dispose()
    return path


def _fill(connection) -> None:
    def insert(table, rows):
        columns = list(rows[0])
        connection.execute(text(f"INSERT INTO {table} ({', '.join(columns)}) "
                                f"VALUES ({', '.join(':' + c for c in columns)})"), rows)

    stamps = {"created_at": NOW, "updated_at": NOW}
    insert("persons", [{"id": pid, "full_name": name, "name_key": name.casefold(), "birth_date": birth,
                        "home_town": town, "home_town_key": (town or "").casefold(),
                        "search_key": _fold(f"{name} {town or ''}"), **stamps}
                       for pid, name, birth, town in PEOPLE])
    insert("units", [{"id": 1, "name": "Sở Nội vụ", "name_key": "sở nội vụ"}])
    insert("recipients", [{"id": 1, "name": "Cục A93B – Bộ Công an", "name_key": "cục a93b – bộ công an",
                           "active": True, "created_at": NOW}])
    insert("cadres", [{"id": 1, "person_id": 1, "position": "Giám đốc", "unit_id": 1, "party_joined_on": "1990-05-19",
                       "deleted_at": None, **stamps},
                      {"id": 2, "person_id": 5, "position": "Giám đốc Sở Ngoại vụ", "unit_id": None,
                       "party_joined_on": None, "deleted_at": None, **stamps}])
    insert("slips", [{"id": sid, "number": number, "number_key": number.casefold(), "year": int(on[:4]),
                      "issued_on": on, "person_id": person, "relation": relation, "vetted_name": vetted,
                      "vetted_cadre_id": cadre, "purpose": purpose, "recipient_id": 1, "result": None,
                      "deleted_at": deleted, **stamps}
                     for sid, number, on, person, relation, vetted, cadre, purpose, deleted in SLIPS])
    insert("delegations", [{"id": 1, "decision_no": "125-QĐ/TU", "decision_on": "2025-03-10",
                            "name": "Đoàn công tác Sở Nội vụ", "countries": "Nhật Bản", "purpose": "Công tác",
                            "depart_on": "2025-04-01", "return_on": "2025-04-08", **stamps}])
    insert("delegation_members", [{"id": 1, "delegation_id": 1, "cadre_id": 2, "role": "Trưởng đoàn"}])
    insert("archive_requests", [{"id": 1, "request_kind": "Nghiên cứu giúp tỉnh bạn", "province": "Đồng Nai",
                                 "doc_no": "45-CV/BTCTU", "doc_on": "2025-02-03", "person_id": 4, **stamps}])
    insert("complaints", [{"id": 1, "received_on": "2025-05-02", "sender": "Nặc danh", "complaint_kind": "Tố cáo",
                           "subject_name": "Nguyễn Văn Hùng", "person_id": 1,
                           "summary": "Phản ánh kê khai lý lịch chưa trung thực", **stamps}])


COUNTED = ("persons", "units", "recipients", "cadres", "slips", "delegations", "delegation_members",
           "archive_requests", "complaints")


def test_unlocking_upgrades_the_first_release_database_and_keeps_every_record(first_release_db):
    db = vault.unlock(first_release_db, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            assert migrations.current_revision(connection) == migrations.head_revision()
            counts = {table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                      for table in COUNTED}
            hung = connection.execute(select(persons).where(persons.c.id == 1)).mappings().one()
            position = connection.execute(text("SELECT position, party_joined_on FROM cadres WHERE id = 1")).one()
            summary = connection.execute(text("SELECT summary FROM complaints")).scalar()
        assert counts == {"persons": 6, "units": 1, "recipients": 1, "cadres": 2, "slips": 6, "delegations": 1,
                          "delegation_members": 1, "archive_requests": 1, "complaints": 1}
        assert (hung["full_name"], hung["birth_date"], hung["home_town"]) == \
            ("Nguyễn Văn Hùng", "1965-03-12", "Hàm Tiến, Phan Thiết")
        assert tuple(position) == ("Giám đốc", "1990-05-19")
        assert summary == "Phản ánh kê khai lý lịch chưa trung thực"
    finally:
        db.close()


def test_the_upgrade_attaches_existing_slips_to_vetting_cases(first_release_db):
    db = vault.unlock(first_release_db, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            case_of = dict(connection.execute(select(slips.c.number, slips.c.vetting_case_id)).all())
            opened = {row.id: (row.person_id, row.purpose, row.opened_on, row.status)
                      for row in connection.execute(select(vetting_cases))}
    finally:
        db.close()
    assert case_of["12/PXM"] == case_of["13/PXM"]
    assert opened[case_of["13/PXM"]] == (2, "Kết nạp Đảng", dt.date(2025, 1, 5), "Đang xác minh")
    assert opened[case_of["1/PXM"]] == (2, "Bổ nhiệm", dt.date(2026, 1, 3), "Đang xác minh")
    assert opened[case_of["5/PXM"]] == (1, "Bầu cử", dt.date(2025, 2, 1), "Đang xác minh")
    assert case_of["6/PXM"] is None  # the vetted person cannot be told
    assert case_of["7/PXM"] is None  # in the recycle bin
    assert len(opened) == 3



def test_the_upgrade_gives_the_open_cases_the_deadline_of_their_purpose(first_release_db):
    db = vault.unlock(first_release_db, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            due = {(row.purpose, row.opened_on): row.due_on for row in connection.execute(select(vetting_cases))}
    finally:
        db.close()
    # 90 days: Saturday 05/04/2025, past Giỗ Tổ 07/04; 45 days: 17/02/2026, Tết, to 23/02; 30 days: a Monday
    assert due == {("Kết nạp Đảng", dt.date(2025, 1, 5)): dt.date(2025, 4, 8),
                   ("Bổ nhiệm", dt.date(2026, 1, 3)): dt.date(2026, 2, 23),
                   ("Bầu cử", dt.date(2025, 2, 1)): dt.date(2025, 3, 3)}


def test_the_upgrade_teaches_the_search_index_the_other_names_of_home_towns(first_release_db):
    db = vault.unlock(first_release_db, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            found = set(connection.execute(select(persons.c.full_name).where(
                persons.c.id.in_(persons_with("mui")), persons.c.id.in_(persons_with("ne")))).scalars())
            fts_rows = connection.execute(select(func.count()).select_from(text("persons_fts"))).scalar()
    finally:
        db.close()
    assert found == {"Nguyễn Văn Hùng", "Phạm Minh Quang", "Phạm Văn Bình"}
    assert fts_rows == 6


def test_the_upgrade_gives_the_search_index_one_letter_prefixes_and_keeps_it_following_persons(first_release_db):
    """Revision 0015: the first key typed is answered from the index's own list of one-letter prefixes."""
    db = vault.unlock(first_release_db, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            made = connection.execute(text("SELECT sql FROM sqlite_master WHERE name = 'persons_fts'")).scalar()
            keys = dict(connection.execute(select(persons.c.id, persons.c.search_key)).all())
            by_letter = {letter: set(connection.execute(persons_with(letter)).scalars()) for letter in "pht"}
        editing.save(db, "cadres", {"full_name": "Quách Thị Xuyến", "birth_date": "1980", "home_town": "Tánh Linh"})
        with db.write() as connection:
            connection.execute(text("INSERT INTO persons_fts(persons_fts) VALUES ('integrity-check')"))
            new = set(connection.execute(persons_with("x")).scalars())
    finally:
        db.close()
    assert "prefix='1 2 3'" in made
    assert by_letter == {letter: {person for person, key in keys.items() if key_pattern(letter).search(key)}
                         for letter in "pht"}
    assert 1 in by_letter["h"] and 6 not in by_letter["h"]  # Hùng of Hàm Tiến; Lê Văn Lạ has no word in h
    assert len(new) == 1  # the triggers index the persons written after the upgrade


@pytest.mark.parametrize("kind", ["cadres", "slips", "delegations", "archive-requests", "complaints"])
def test_every_register_exports_after_the_upgrade(first_release_db, tmp_path, monkeypatch, capsys, kind):
    from bvct_desktop.cli.main import main

    monkeypatch.setenv("BVCT_DB", str(first_release_db))
    monkeypatch.setenv("BVCT_USER", ADMIN)
    monkeypatch.setenv("BVCT_PASSWORD", PASSWORD)
    assert main(["export", kind, "--out", str(tmp_path / f"{kind}.xlsx")]) == 0
    assert "Đã xuất" in capsys.readouterr().out


def test_the_place_names_upgrade_rebuilds_every_search_key_once_after_a_backup(tmp_path, monkeypatch):
    """Revision 0008: keys written by the Bình Thuận hand list learn the whole country's names."""
    from bvct_desktop.core import backup_log

    path = tmp_path / "bvct.db"
    opened = database_at(path, "0007", monkeypatch)
    towns = {"Trần Văn Đảo": "xã Ngũ Phụng, huyện Phú Quí, tỉnh Bình Thuận",
             "Lê Thị Núi": "xã Đắk R'Moan, thành phố Gia Nghĩa, tỉnh Đắk Nông",
             "Hồ Văn Nghệ": "Quỳnh Đôi, Quỳnh Lưu, Nghệ An"}
    with opened.begin() as connection:
        connection.execute(persons.insert(), [
            {"full_name": name, "name_key": name.casefold(), "home_town": town, "home_town_key": town.casefold(),
             "search_key": _fold(f"{name} {town}"), "sort_key": "", "created_at": dt.datetime(2025, 6, 1),
             "updated_at": dt.datetime(2025, 6, 1)} for name, town in towns.items()])
    opened.dispose()
    assert backup_log.newest_verified(path) is None

    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            def found(*words):
                query = select(persons.c.full_name)
                for word in words:
                    query = query.where(persons.c.id.in_(persons_with(word)))
                return set(connection.execute(query).scalars())

            assert found("phu", "quy") == {"Trần Văn Đảo"}
            assert found("nam", "gia", "nghia") == {"Lê Thị Núi"}
            assert found("quynh", "anh") == {"Hồ Văn Nghệ"}
            assert found("lam", "dong") == {"Trần Văn Đảo", "Lê Thị Núi"}
            assert set(connection.execute(select(persons.c.home_town)).scalars()) == set(towns.values())
    finally:
        db.close()
    assert backup_log.newest_verified(path) is not None  # taken before the migration


def test_the_home_town_keys_upgrade_ignores_spaces_around_commas_and_merges_no_one(tmp_path, monkeypatch):
    """Revision 0020: «Hàm Tiến,Phan Thiết.» is the home town «Hàm Tiến, Phan Thiết» of the person rule. Two
    persons stored apart only by such a spelling stay two; a file naming them is then asked for a CCCD."""
    path = tmp_path / "bvct.db"
    opened = database_at(path, "0019", monkeypatch)
    people = [("Trần Văn Quý", "1965", "Xã Hàm Tiến, thành phố Phan Thiết"),
              ("Trần Văn Quý", "1965", "Xã Hàm Tiến,thành phố Phan Thiết."),
              ("Lê Thị Hòa", "1982-06-05", "Xã Tân Hải, thị xã La Gi."),
              ("Lê Văn Lạ", "1960", None)]
    with opened.begin() as connection:
        connection.execute(persons.insert(), [
            {"full_name": name, "name_key": identity_key(name), "birth_date": birth, "home_town": town,
             "home_town_key": identity_key(town or ""), "search_key": _fold(f"{name} {town or ''}"), "sort_key": "",
             "created_at": dt.datetime(2025, 6, 1), "updated_at": dt.datetime(2025, 6, 1)}
            for name, birth, town in people])
    opened.dispose()

    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            stored = connection.execute(select(persons.c.home_town, persons.c.home_town_key)
                                        .order_by(persons.c.id)).all()
        assert stored == [(town, place_key(town or "")) for _, _, town in people]
        assert stored[0][1] == stored[1][1] == "xã hàm tiến, thành phố phan thiết"
        headers = ["Họ và tên", "Ngày sinh", "Quê quán"]
        found = importing.import_sheet(db, CADRES, rows_sheet([headers, ["Lê Thị Hòa", "05/06/1982",
                                                                         "Xã Tân Hải, thị xã La Gi"]]))
        asked = importing.import_sheet(db, CADRES, rows_sheet([headers, ["Trần Văn Quý", "1965",
                                                                         "Xã Hàm Tiến, thành phố Phan Thiết"]]))
        with db.read() as connection:
            assert connection.execute(select(func.count()).select_from(persons)).scalar() == len(people)
    finally:
        db.close()
    assert found.ok and found.counts["created"] == 1  # her cadre record, on the person stored
    assert [str(problem) for problem in asked.problems] == [
        "Dòng 2, cột «Họ và tên»: có 2 người cùng họ tên, ngày sinh, quê quán (Trần Văn Quý, sinh 1965, quê Xã Hàm "
        "Tiến, thành phố Phan Thiết); hãy ghi Số CCCD để phân biệt"]


def test_the_former_units_upgrade_teaches_the_index_their_own_district_and_province(tmp_path, monkeypatch):
    """Revision 0021: «Thuận Quý» and «Xã Hàm Tiến», written without their district or province, are found by
    «Bình Thuận» and by their former district, as by «Lâm Đồng»; «Phan Rí Cửa» and «Đặc khu Phú Quý», current
    units written without their province, by «Lâm Đồng» and «Bình Thuận»; a home town of elsewhere is not."""
    found = _found_after_upgrade(tmp_path, "0020", monkeypatch, {
        "Trần Văn Quý": "Thuận Quý", "Trần Văn Tiến": "Xã Hàm Tiến", "Hồ Văn Nghệ": "Quỳnh Đôi, Quỳnh Lưu",
        "Ngô Thị Mai": "Phan Rí Cửa", "Ngô Văn Đảo": "Đặc khu Phú Quý", "Ngô Văn Cai": "Xã Phú Quý, Cai Lậy"},
        ["binh thuan", "lam dong", "ham thuan nam", "phan thiet", "tuy phong", "nghe an", "tien giang"])
    binh_thuan = {"Trần Văn Quý", "Trần Văn Tiến", "Ngô Thị Mai", "Ngô Văn Đảo"}
    assert found["binh thuan"] == found["lam dong"] == binh_thuan
    assert found["ham thuan nam"] == {"Trần Văn Quý"}
    assert found["phan thiet"] == {"Trần Văn Tiến"}
    assert found["tuy phong"] == {"Ngô Thị Mai"}
    assert found["nghe an"] == {"Hồ Văn Nghệ"}
    assert found["tien giang"] == {"Ngô Văn Cai"}


def test_the_apostrophes_upgrade_teaches_the_index_names_written_without_them(tmp_path, monkeypatch):
    """Revision 0022: «K'Bròng» and «H’Hen Niê» of «Ea H'Leo», stored before, are found by «Kbrong», «Hhen»
    and «hleo» as by «K'Bròng», «brong» and «h'leo»."""
    found = _found_after_upgrade(tmp_path, "0021", monkeypatch, {
        "K'Bròng": "Lâm Đồng", "H’Hen Niê": "Ea H'Leo, Đắk Lắk", "Nguyễn Văn Brông": "Lâm Đồng"},
        ["kbrong", "k'brong", "brong", "hhen", "h’hen", "hleo", "h'leo"])
    assert found["kbrong"] == found["k'brong"] == {"K'Bròng"}
    assert found["brong"] == {"K'Bròng", "Nguyễn Văn Brông"}
    assert found["hhen"] == found["h’hen"] == found["hleo"] == found["h'leo"] == {"H’Hen Niê"}


def test_the_home_towns_without_commas_upgrade_teaches_the_index_their_other_names(tmp_path, monkeypatch):
    """Revision 0024: home towns of old lists, stored before they were read — «xã Ngũ Phụng huyện Phú Quí», «Hàm
    Tiến (Phan Thiết)» — are found by what the place is called now and by its province then."""
    found = _found_after_upgrade(tmp_path, "0023", monkeypatch, {
        "Đinh Văn Đảo": "xã Ngũ Phụng huyện Phú Quí", "Lê Văn Tiến": "Hàm Tiến (Phan Thiết)",
        "Hồ Văn Nghệ": "Quỳnh Đôi, Quỳnh Lưu, Nghệ An"}, ["phu quy", "mui ne", "lam dong", "binh thuan"])
    assert found["phu quy"] == {"Đinh Văn Đảo"}
    assert found["mui ne"] == {"Lê Văn Tiến"}
    assert found["lam dong"] == found["binh thuan"] == {"Đinh Văn Đảo", "Lê Văn Tiến"}


def test_the_earlier_provinces_upgrade_teaches_the_index_the_places_they_are_now(tmp_path, monkeypatch):
    """Revision 0025: home towns stored before the provinces of before 2008 and old lists' spellings were read —
    «Tân Uyên, Sông Bé» (not Lai Châu's), «Kontum», «Lagi, Thuận Hải» — are found by the provinces they are in."""
    found = _found_after_upgrade(tmp_path, "0024", monkeypatch, {
        "Trần Văn Bé": "Tân Uyên, Sông Bé", "A Hùng": "Kontum", "Lê Thị Gi": "Lagi, Thuận Hải"},
        ["binh duong", "kon tum", "binh thuan", "lam dong"])
    assert found["binh duong"] == {"Trần Văn Bé"}
    assert found["kon tum"] == {"A Hùng"}
    assert found["binh thuan"] == found["lam dong"] == {"Lê Thị Gi"}


def test_names_stored_with_a_full_stop_after_them_are_the_same_persons_after_the_upgrade(tmp_path, monkeypatch):
    """Revision 0023: «HOÀNG VĂN NAM.» of an old list, stored before names dropped the full stop, is the person
    «Hoàng Văn Nam» of a later list (not a second cadre), and a letter about «Lê Văn Tâm.» imported again is the
    same letter. Two persons stored apart only by the full stop stay two; a file naming them is asked for a CCCD."""
    path = tmp_path / "bvct.db"
    opened = database_at(path, "0022", monkeypatch)
    people = [("HOÀNG VĂN NAM.", "1970", "Mũi Né"), ("Trần Thị Mai.", "1982", "La Gi"),
              ("Trần Thị Mai", "1982", "La Gi")]
    moment = dt.datetime(2025, 6, 1)
    with opened.begin() as connection:
        connection.execute(persons.insert(), [
            {"full_name": name, "name_key": identity_key(name), "birth_date": birth, "home_town": town,
             "home_town_key": place_key(town), "search_key": _fold(f"{name} {town}"), "sort_key": "",
             "created_at": moment, "updated_at": moment} for name, birth, town in people])
        connection.execute(complaints.insert(), [
            {"received_on": dt.date(2025, 3, 4), "sender": "Nặc danh", "complaint_kind": "Tố cáo",
             "subject_name": "Lê Văn Tâm.", "summary": "Vi phạm đất đai", "created_at": moment, "updated_at": moment}])
    opened.dispose()

    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        headers = ["Họ và tên", "Ngày sinh", "Quê quán"]
        nam = importing.import_sheet(db, CADRES, rows_sheet([headers, ["Hoàng Văn Nam", "1970", "Mũi Né"]]))
        mai = importing.import_sheet(db, CADRES, rows_sheet([headers, ["Trần Thị Mai", "1982", "La Gi"]]))
        letter = importing.import_sheet(db, COMPLAINTS, rows_sheet([
            ["Ngày nhận", "Người gửi", "Loại đơn", "Họ và tên người bị phản ánh", "Nội dung tóm tắt"],
            [dt.date(2025, 3, 4), "Nặc danh", "Tố cáo", "Lê Văn Tâm.", "Vi phạm đất đai"]]))
        with db.read() as connection:
            stored = connection.execute(select(persons.c.full_name, persons.c.name_key).order_by(persons.c.id)).all()
            letters = connection.execute(select(func.count()).select_from(complaints)).scalar()
    finally:
        db.close()
    assert stored == [("HOÀNG VĂN NAM.", "hoàng văn nam"), ("Trần Thị Mai.", "trần thị mai"),
                      ("Trần Thị Mai", "trần thị mai")]  # as typed, found by the rule's key
    assert nam.ok and nam.counts["created"] == 1  # his cadre record, on the person stored
    assert [str(problem) for problem in mai.problems] == [
        "Dòng 2, cột «Họ và tên»: có 2 người cùng họ tên, ngày sinh, quê quán (Trần Thị Mai, sinh 1982, quê La Gi); "
        "hãy ghi Số CCCD để phân biệt"]
    assert letter.ok and letter.counts["created"] == 0 and letters == 1


def test_a_name_stored_with_a_full_stop_after_it_is_offered_by_the_picker_and_printed_by_its_name(
        tmp_path, monkeypatch):
    """The tour's upgraded database: «HOÀNG VĂN NAM.» of an old list was found by a file naming «Hoàng Văn Nam»,
    but the form's picker never said he may exist («nam.» is no «nam» to its words), and «bvct print cadre
    --name "hoang van nam"» answered «Không có cán bộ»."""
    path = tmp_path / "bvct.db"
    opened = database_at(path, "0022", monkeypatch)
    moment = dt.datetime(2025, 6, 1)
    with opened.begin() as connection:
        connection.execute(persons.insert(), [
            {"full_name": "HOÀNG VĂN NAM.", "name_key": identity_key("HOÀNG VĂN NAM."), "birth_date": "1970",
             "home_town": "Mũi Né", "home_town_key": place_key("Mũi Né"), "search_key": _fold("HOÀNG VĂN NAM. Mũi Né"),
             "sort_key": "", "created_at": moment, "updated_at": moment}])
        connection.execute(cadres.insert(), [{"person_id": 1, "created_at": moment, "updated_at": moment}])
    opened.dispose()

    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        offered = editing.possible_duplicates(db, Identity("Hoàng Văn Nam", "1970"))
        with db.read() as connection:
            printed = documents_data.cadre_for_print(connection, "hoang van nam", None)
    finally:
        db.close()
    assert [facts.person_id for facts in offered] == [1]
    assert printed["full_name"] == "HOÀNG VĂN NAM."


def _found_after_upgrade(tmp_path, revision: str, monkeypatch, towns: dict[str, str],
                         words: list[str]) -> dict[str, set[str]]:
    """Persons (name: home town) stored at `revision` with that revision's search keys, the database then
    opened by today's program (which upgrades it): whom a search finds, for each of `words`."""
    path = tmp_path / "bvct.db"
    opened = database_at(path, revision, monkeypatch)
    with opened.begin() as connection:
        connection.execute(persons.insert(), [
            {"full_name": name, "name_key": identity_key(name), "home_town": town, "home_town_key": place_key(town),
             "search_key": _fold(f"{name} {town}"), "sort_key": "", "created_at": dt.datetime(2025, 6, 1),
             "updated_at": dt.datetime(2025, 6, 1)} for name, town in towns.items()])
    opened.dispose()
    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            return {word: set(connection.execute(select(persons.c.full_name)
                                                 .where(persons.c.id.in_(persons_with(word)))).scalars())
                    for word in words}
    finally:
        db.close()


def test_a_passport_out_twice_in_an_earlier_database_is_out_once_after_the_upgrade(tmp_path, monkeypatch):
    """Revision 0031: the store keeps a passport out on one handover at most. A database where two officers
    handed one out at once opens all the same: the earlier handover is received back on the day the passport
    went out again (the latest it can have been back), its note saying so; the later one stays out."""
    path = tmp_path / "bvct.db"
    opened = database_at(path, "0030", monkeypatch)
    stamps = {"created_at": dt.datetime(2026, 4, 1), "updated_at": dt.datetime(2026, 4, 1)}
    with opened.begin() as connection:
        connection.execute(persons.insert(), [{"id": 1, "full_name": "Nguyễn Văn Hùng", "name_key": "", "sort_key": "",
                                               "search_key": "", "home_town_key": "", **stamps}])
        connection.execute(passports.insert(), [{"id": 1, "person_id": 1, "passport_type": "Công vụ",
                                                 "number": "B1234567", **stamps},
                                                {"id": 2, "person_id": 1, "passport_type": "Phổ thông",
                                                 "number": "C7654321", **stamps}])
        connection.execute(passport_handovers.insert(), [
            {"id": id_, "passport_id": passport, "handed_on": dt.date(*handed), "trip": "Việc riêng",
             "returned_on": returned and dt.date(*returned), "note": note, **stamps}
            for id_, passport, handed, returned, note in [
                (1, 1, (2026, 1, 5), (2026, 1, 20), None), (2, 1, (2026, 4, 1), None, "Đi Lào"),
                (3, 1, (2026, 4, 2), None, None), (4, 2, (2026, 4, 3), None, None)]])
    opened.dispose()

    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            stored = connection.execute(select(passport_handovers.c.id, passport_handovers.c.returned_on,
                                               passport_handovers.c.note, passport_handovers.c.row_version)
                                        .order_by(passport_handovers.c.id)).all()
    finally:
        db.close()
    told = ("Ngày nhận lại ghi khi nâng cấp chương trình: hộ chiếu đã được giao lại ngày 02/04/2026, mà lần giao này "
            "chưa ghi ngày nhận lại; hãy xem lại.")
    assert stored == [(1, dt.date(2026, 1, 20), None, 1), (2, dt.date(2026, 4, 2), f"Đi Lào\n{told}", 2),
                      (3, None, None, 1), (4, None, None, 1)]


A_YEAR = {"persons": 3_000, "vetting_cases": 1_500, "slips": 2_000, "cadres": 400, "passports": 300,
          "passport_handovers": 600}  # a province's year of verification work, and more


def _a_year_at_0030(connection) -> None:
    """Raw rows as release 0030 stored them: persons vetted, their cases and slips, cadres, passports handed out
    and back."""
    stamps = {"created_at": dt.datetime(2025, 12, 31), "updated_at": dt.datetime(2025, 12, 31)}
    day = [dt.date(2025, 1, 1) + dt.timedelta(days=number % 365) for number in range(A_YEAR["persons"])]
    connection.execute(text("INSERT INTO recipients (id, name, name_key, active, created_at) "
                            "VALUES (1, 'Phòng PV01 – Công an tỉnh', 'pv01', 1, '2025-01-01')"))
    connection.execute(persons.insert(), [{"id": pid, "full_name": f"Nguyễn Văn Số {pid}", "name_key": f"so {pid}",
                                           "sort_key": "", "search_key": f"nguyen van so {pid}", "home_town_key": "",
                                           **stamps} for pid in range(1, A_YEAR["persons"] + 1)])
    connection.execute(vetting_cases.insert(), [
        {"id": cid, "person_id": cid, "purpose": "Kết nạp Đảng", "opened_on": day[cid], "status": "Đang thẩm tra",
         **stamps} for cid in range(1, A_YEAR["vetting_cases"] + 1)])
    connection.execute(slips.insert(), [
        {"id": sid, "number": f"{sid}/PXM", "number_key": f"{sid}/pxm", "year": 2025, "issued_on": day[sid],
         "person_id": 1 + sid % A_YEAR["vetting_cases"], "vetting_case_id": 1 + sid % A_YEAR["vetting_cases"],
         "relation": "Bản thân", "purpose": "Kết nạp Đảng", "recipient_id": 1, **stamps}
        for sid in range(1, A_YEAR["slips"] + 1)])
    connection.execute(cadres.insert(), [{"id": cid, "person_id": A_YEAR["vetting_cases"] + cid,
                                          "position": "Chuyên viên", **stamps}
                                         for cid in range(1, A_YEAR["cadres"] + 1)])
    connection.execute(passports.insert(), [{"id": pid, "person_id": A_YEAR["vetting_cases"] + pid,
                                             "passport_type": "Công vụ", "number": f"B{pid:07d}", **stamps}
                                            for pid in range(1, A_YEAR["passports"] + 1)])
    connection.execute(passport_handovers.insert(), [
        {"id": hid, "passport_id": 1 + hid % A_YEAR["passports"], "handed_on": day[hid], "trip": "Công tác",
         "returned_on": day[hid] + dt.timedelta(days=7) if hid <= A_YEAR["passports"] else None, **stamps}
        for hid in range(1, A_YEAR["passport_handovers"] + 1)])


def test_a_year_of_the_previous_release_is_upgraded_whole_and_quickly_its_new_tables_counted(tmp_path, monkeypatch):
    """Revisions 0031–0034 (a passport out once, a case's steps, the 2C sections, attachments) over a database of
    0030 holding a year's work: every row kept, the new tables there and empty, the cases undecided, a write to a
    new table counted for the windows that show it (core/watch.py); the upgrade and its backup before it take
    seconds, not minutes."""
    path = tmp_path / "bvct.db"
    opened = database_at(path, "0030", monkeypatch)
    with opened.begin() as connection:
        _a_year_at_0030(connection)
    opened.dispose()

    started = time.perf_counter()
    db = vault.unlock(path, ADMIN, PASSWORD)
    took = time.perf_counter() - started
    try:
        with db.read() as connection:
            assert migrations.current_revision(connection) == migrations.head_revision()
            kept = {table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() for table in A_YEAR}
            new = {table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() for table in TODAYS}
            decided = connection.execute(select(func.count()).where(vetting_cases.c.decision_no.is_not(None))).scalar()
        assert (kept, new, decided) == (A_YEAR, dict.fromkeys(TODAYS, 0), 0)
        counted = db.change_counts()
        assert set(TODAYS) - set(counted) == {"attachment_contents"}  # written with its counted row of the list
        TEAM.add(db, 1, {"full_name": "Nguyễn Văn Tổ", "team_role": LEADER})
        assert db.change_counts()["vetting_team_members"] == counted["vetting_team_members"] + 1
    finally:
        db.close()
    assert took < 30, f"{took:.1f} s"


def test_the_attachments_of_0034_learn_who_added_them_from_the_row_or_the_trail_not_from_its_last_change(
        tmp_path, monkeypatch):
    """Revision 0035: a scan never changed was added by its updated_by; one whose note another corrected, by the
    user of the trail's entry of its adding; one the trail does not name keeps no adder rather than a wrong one."""
    path = tmp_path / "bvct.db"
    opened = database_at(path, "0034", monkeypatch)
    at = dt.datetime(2026, 3, 2, 9, 0)
    with opened.begin() as connection:
        connection.execute(text(
            "INSERT INTO attachments (id, record_kind, record_id, file_name, file_type, size, sha256, created_at, "
            "updated_at, row_version, updated_by) VALUES (1, 'slips', 1, 'a.pdf', 'pdf', 1, 'x', :at, :at, 1, "
            "'chuyenvien1'), (2, 'slips', 1, 'b.pdf', 'pdf', 1, 'y', :at, :at, 2, 'chuyenvien2'), "
            "(3, 'slips', 1, 'c.pdf', 'pdf', 1, 'z', :at, :at, 3, 'chuyenvien2')"), {"at": at})
        connection.execute(text("INSERT INTO audit_log (at, user_name, role, action, outcome, kind, record_id, mac) "
                                "VALUES (:at, 'chuyenvien3', 'chuyen-vien', 'thêm', 'ok', 'attachments', 2, '')"),
                           {"at": at})
    with opened.begin() as connection:  # the trail's entry is not linked: upgraded without unlocking
        migrations.upgrade(connection)
        added = dict(connection.execute(text("SELECT id, created_by FROM attachments")).all())
    opened.dispose()
    assert added == {1: "chuyenvien1", 2: "chuyenvien3", 3: None}


def test_the_rest_of_form_2c_is_added_over_a_0035_database_its_records_kept_the_new_tables_counted(
        tmp_path, monkeypatch):
    """Revision 0036 over a database of 0035 holding a cadre's work periods: they stay as they were, rewards,
    discipline, the salary's course and appraisals are there and empty, and a write to them is counted for the
    windows that show them (core/watch.py)."""
    path = tmp_path / "bvct.db"
    opened = database_at(path, "0035", monkeypatch)
    stamps = {"created_at": dt.datetime(2026, 12, 1), "updated_at": dt.datetime(2026, 12, 1)}
    with opened.begin() as connection:
        connection.execute(persons.insert().values(id=1, full_name="Nguyễn Văn Hùng", name_key="hung", sort_key="",
                                                   search_key="nguyen van hung", home_town_key="",
                                                   birth_date="1965-03-12", **stamps))
        connection.execute(text("INSERT INTO work_periods (id, person_id, since, unit, created_at, updated_at) "
                                "VALUES (1, 1, '1987', 'UBND xã Phú Thủy', '2026-12-01', '2026-12-01')"))
    opened.dispose()

    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            assert migrations.current_revision(connection) == migrations.head_revision()
            kept = connection.execute(text("SELECT since, unit FROM work_periods")).all()
            new = {table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                   for table in ("rewards", "disciplines", "salary_steps", "appraisals")}
        assert (kept, new) == ([("1987", "UBND xã Phú Thủy")], dict.fromkeys(new, 0))
        counted = db.change_counts()
        SALARY.add(db, 1, {"since": "07/2019", "coefficient": "4,98"})
        assert db.change_counts()["salary_steps"] == counted["salary_steps"] + 1
        assert SALARY.of_owner(db, 1)[0]["coefficient"] == "4.98"
    finally:
        db.close()


ADDED_EMPTY = [  # (revision before, its table, the columns it adds, a column naming the record and its value, the
                # query of what stays going back and its row, a column of the table before)
    pytest.param("0039", slips, ("birth_place", "ethnicity", "religion", "cccd", "cmnd", "father_birth_date",
                                 "mother_birth_date", "spouse_birth_date", "work_before_1975", "place_before_1975"),
                 "number", "12/PXM", "SELECT number, relation FROM slips WHERE id = 1", ("12/PXM", "Cha"), "result_no",
                 id="0040-slips-the-particulars-the-archives-search-by"),
    pytest.param("0042", complaints, ("sender_address", "forwarded_to", "forwarded_on", "replied_on"), "sender",
                 "Nặc danh", "SELECT sender, summary FROM complaints WHERE id = 1",
                 ("Nặc danh", "Phản ánh kê khai lý lịch chưa trung thực"), "result",
                 id="0043-letters-forwarding-and-reply"),
    pytest.param("0044", persons, ("birth_place",), "full_name", "Nguyễn Văn Hùng",
                 "SELECT full_name, home_town FROM persons WHERE id = 1", ("Nguyễn Văn Hùng", "Hàm Tiến, Phan Thiết"),
                 "home_town", id="0045-a-persons-birth-place"),
    pytest.param("0045", archive_requests, ("work_before_1975", "reply_no", "extract"), "province", "Đồng Nai",
                 "SELECT province, doc_no FROM archive_requests WHERE id = 1", ("Đồng Nai", "45-CV/BTCTU"),
                 "answered_on", id="0046-archive-request-post-and-reply-letter"),
    pytest.param("0046", relatives, ("party_member",), "relation", "Cha",
                 "SELECT relation, occupation FROM relatives WHERE id = 1", ("Cha", "Hưu trí"), "deceased",
                 id="0047-a-relatives-party-membership"),
    pytest.param("0047", slips, ("deceased", "death_date"), "number", "12/PXM",
                 "SELECT number, relation FROM slips WHERE id = 1", ("12/PXM", "Cha"), "place_before_1975",
                 id="0048-a-slips-person-who-has-died"),
    pytest.param("0048", archive_requests, ("father_name", "mother_name"), "province", "Đồng Nai",
                 "SELECT province, work_before_1975 FROM archive_requests WHERE id = 1", ("Đồng Nai", None), "extract",
                 id="0049-archive-request-parents"),
    pytest.param("0050", slips, ("in_charge",), "number", "12/PXM",
                 "SELECT number, relation FROM slips WHERE id = 1", ("12/PXM", "Cha"), "death_date",
                 id="0051-a-slips-officer-in-charge"),
    pytest.param("0050", vetting_cases, ("in_charge",), "purpose", "Bổ nhiệm",
                 "SELECT purpose, status FROM vetting_cases WHERE id = 1", ("Bổ nhiệm", "Đang xác minh"),
                 "decision_by", id="0051-a-cases-officer-in-charge"),
    pytest.param("0051", users, ("full_name",), "name", ADMIN,
                 f"SELECT name, role FROM users WHERE name = '{ADMIN}'", (ADMIN, "quan-tri"), "active",
                 id="0052-an-accounts-full-name"),
]


@pytest.mark.parametrize(("before", "table", "added", "named_by", "name", "kept_sql", "kept", "older"), ADDED_EMPTY)
def test_a_revision_adding_columns_keeps_the_records_gives_them_empty_and_going_back_drops_them(
        tmp_path, monkeypatch, before, table, added, named_by, name, kept_sql, kept, older):
    """Over a database of the revision before holding a record: the record stays as it was, the columns added are
    there and empty; going back drops them and keeps the record."""
    from alembic import command

    path = tmp_path / "bvct.db"
    opened = database_at(path, before, monkeypatch)
    with opened.begin() as connection:
        _fill(connection)
        if table is relatives:  # the first release, which _fill fills, had no relatives
            connection.execute(text("INSERT INTO relatives (id, person_id, relative_id, relation, occupation, "
                                    "created_at, updated_at) VALUES (1, 2, 3, 'Cha', 'Hưu trí', :now, :now)"),
                               {"now": NOW})
        if table is vetting_cases:  # nor vetting cases
            connection.execute(text("INSERT INTO vetting_cases (id, person_id, purpose, opened_on, status, "
                                    "created_at, updated_at) VALUES (1, 2, 'Bổ nhiệm', '2025-03-01', 'Đang xác minh', "
                                    ":now, :now)"), {"now": NOW})
    opened.dispose()

    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            stored = connection.execute(select(table.c[named_by], *(table.c[key] for key in added))
                                        .where(table.c.id == 1)).one()
    finally:
        db.close()
    assert tuple(stored) == (name, *(None for _ in added))

    opened = engine.make_engine(path, keyfile.read(keyfile.key_path(path)).open_slot(ADMIN, PASSWORD))
    try:
        with opened.begin() as connection:
            command.downgrade(migrations._config(connection), before)
        with opened.connect() as connection:
            assert migrations.current_revision(connection) == before
            columns = {column["name"] for column in inspect(connection).get_columns(table.name)}
            found = connection.execute(text(kept_sql)).one()
    finally:
        opened.dispose()
    assert not columns & set(added) and older in columns
    assert tuple(found) == kept


REPORT_RECIPIENTS_BEFORE = ("Ban Tổ chức Trung ương (Cục Bảo vệ chính trị nội bộ); Thường trực Tỉnh ủy (để báo cáo); "
                            "Lưu Văn phòng Ban")  # as `bvct init` stored it until revision 0044
OWN_RECIPIENTS = "Thường trực Thành ủy (để báo cáo); Lưu Văn phòng Ban"
FUTURE = dt.date.today() + dt.timedelta(days=400)


def _report_recipients_at_0043(path, monkeypatch, stored: list[tuple[dt.date | None, str]]):
    """A database of 0043 whose «Nơi nhận» of the report has the `stored` values (first day, value)."""
    opened = database_at(path, "0043", monkeypatch)
    with opened.begin() as connection:
        connection.execute(text("DELETE FROM settings WHERE key = 'noi_nhan_bao_cao'"))
        connection.execute(text("INSERT INTO settings (key, valid_from, value) VALUES ('noi_nhan_bao_cao', :on, :v)"),
                           [{"on": on, "v": value} for on, value in stored])
    return opened


def _report_recipients(connection) -> list[tuple[dt.date | None, str]]:
    return [tuple(row) for row in connection.execute(
        select(settings_table.c.valid_from, settings_table.c.value)
        .where(settings_table.c.key == "noi_nhan_bao_cao").order_by(settings_table.c.valid_from)).all()]


@pytest.mark.parametrize("stored, upgraded", [
    ([(None, REPORT_RECIPIENTS_BEFORE)], [(None, settings.REPORT_RECIPIENTS)]),
    ([(None, OWN_RECIPIENTS)], [(None, OWN_RECIPIENTS)]),
    ([(None, REPORT_RECIPIENTS_BEFORE), (dt.date(2025, 7, 1), OWN_RECIPIENTS)],
     [(None, REPORT_RECIPIENTS_BEFORE), (dt.date(2025, 7, 1), OWN_RECIPIENTS)]),
    ([(None, OWN_RECIPIENTS), (dt.date(2025, 7, 1), REPORT_RECIPIENTS_BEFORE)],
     [(None, OWN_RECIPIENTS), (dt.date(2025, 7, 1), settings.REPORT_RECIPIENTS)]),
    ([(None, REPORT_RECIPIENTS_BEFORE), (FUTURE, OWN_RECIPIENTS)],
     [(None, settings.REPORT_RECIPIENTS), (FUTURE, OWN_RECIPIENTS)]),
], ids=["the-old-default", "the-office-own", "own-in-force", "old-default-in-force", "own-still-to-come"])
def test_the_reports_recipients_still_the_old_default_list_thuong_truc_tinh_uy_first_after_0044(
        tmp_path, monkeypatch, stored, upgraded):
    """Revision 0044 rewrites the report's «Nơi nhận» in force today only where it is still word for word the
    default `bvct init` stored before (Ban Tổ chức Trung ương first): the office's own text and its other dated
    values are kept."""
    path = tmp_path / "bvct.db"
    _report_recipients_at_0043(path, monkeypatch, stored).dispose()

    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            assert _report_recipients(connection) == upgraded
    finally:
        db.close()


def test_going_back_to_0043_gives_the_old_default_back_and_keeps_an_office_own_text(tmp_path, monkeypatch):
    from alembic import command

    for name, stored, back in (("default", REPORT_RECIPIENTS_BEFORE, REPORT_RECIPIENTS_BEFORE),
                               ("own", OWN_RECIPIENTS, OWN_RECIPIENTS)):
        path = tmp_path / name / "bvct.db"
        path.parent.mkdir()
        opened = _report_recipients_at_0043(path, monkeypatch, [(None, stored)])
        try:
            with opened.begin() as connection:
                command.upgrade(migrations._config(connection), "0044")
            with opened.begin() as connection:
                command.downgrade(migrations._config(connection), "0043")
            with opened.connect() as connection:
                assert migrations.current_revision(connection) == "0043"
                assert _report_recipients(connection) == [(None, back)]
        finally:
            opened.dispose()


def test_letters_stored_before_0050_wait_in_their_namesakes_files_however_their_name_was_typed(tmp_path, monkeypatch):
    """Revision 0050 keys the name each stored letter gives (complaints.subject_key) by today's rule: the letters
    naming «Lê Thị Hòa» in capitals, with the old tone placement, decomposed accents, a full stop or two spaces wait
    in the files of both cadres of that name; going back drops the key and keeps the letters."""
    from alembic import command

    path = tmp_path / "bvct.db"
    opened = database_at(path, "0049", monkeypatch)
    named = ["LÊ THỊ HOÀ", "Lê Thị Hoà", unicodedata.normalize("NFD", "Lê Thị Hòa"), "Lê Thị Hòa.", "Lê  Thị Hòa",
             "Lê Thị Hoa", None]
    moment = dt.datetime(2025, 6, 1)
    with opened.begin() as connection:
        connection.execute(complaints.insert(), [
            {"received_on": dt.date(2025, 3, 4), "sender": "Nặc danh", "complaint_kind": "Tố cáo",
             "subject_name": name, "summary": f"Đơn {at}", "created_at": moment, "updated_at": moment}
            for at, name in enumerate(named, start=1)])
    opened.dispose()

    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        cadres_added = importing.import_sheet(db, CADRES, rows_sheet([
            ["Họ và tên", "Ngày sinh", "Quê quán"], ["Lê Thị Hòa", "1980", "Mũi Né"], ["Lê Thị Hòa", "1990", "La Gi"]]))
        with db.read() as connection:
            both = connection.execute(select(persons.c.id).where(persons.c.full_name == "Lê Thị Hòa")).scalars().all()
        waiting = [letters.waiting_in_file(db, person) for person in both]
    finally:
        db.close()
    assert cadres_added.ok and len(both) == 2
    assert waiting == [{1, 2, 3, 4, 5}] * 2

    opened = engine.make_engine(path, keyfile.read(keyfile.key_path(path)).open_slot(ADMIN, PASSWORD))
    try:
        with opened.begin() as connection:
            command.downgrade(migrations._config(connection), "0049")
        with opened.connect() as connection:
            columns = {column["name"] for column in inspect(connection).get_columns("complaints")}
            kept = connection.execute(text("SELECT count(*) FROM complaints")).scalar()
    finally:
        opened.dispose()
    assert "subject_key" not in columns and kept == len(named)
