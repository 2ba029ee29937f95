"""Registers sorted by a column worked out rather than stored: by what its cell means (a count by number, a day by
date, a state in its natural order), the empty cells last whichever way, on either engine."""

import contextlib
import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import event

from bvct_desktop.core import browse, editing, passports, settings
from bvct_desktop.core.collation import text_sort_key
from bvct_desktop.core.personfile import cases, relatives
from tests.core.test_passports import db, handed, lost, official, person  # noqa: F401 - the fixture

LONG_NAMES = ("Tôn Nữ Thị Ngọc Hường", "Nguyễn Hoàng Phương Thảo Nguyên", "Công Tằng Tôn Nữ Thị Bích Ngọc",
              "Trần Nguyễn Minh Khôi", "Lê Phạm Quỳnh Như", "Huỳnh Thị Kim Ngân", "Võ Đặng Thanh Tâm",
              "Đoàn Lê Quốc Bảo", "Phan Vũ Hoài An", "Hồ Ngọc Trâm Anh", "Châu Gia Hân", "Mạc Đăng Khoa")


def _cells(db, kind: str, key: str, descending: bool,  # noqa: F811 - the fixture's name
           today: dt.date | None = None) -> list[str]:
    ids = browse.record_ids(db, kind, sort=key, descending=descending, today=today)
    rows = browse.fetch_rows(db, kind, ids, today=today)
    position = [column.key for column in browse.view(kind).columns].index(key)
    return [rows[i][position] for i in ids]


@contextlib.contextmanager
def _statements(db) -> Iterator[list[str]]:  # noqa: F811 - the fixture's name
    """The SQL statements run while in the block."""
    statements: list[str] = []

    def run(_connection, _cursor, statement: str, *_more) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", run)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", run)


def _delegation(db, name: str, members: tuple[str, ...], **more: str) -> int:  # noqa: F811
    return editing.save(db, "delegations", {
        "name": name, "countries": "Nhật Bản", "depart_on": "10/02/2025", "return_on": "15/02/2025", **more,
        editing.MEMBERS: [{"full_name": full_name, "birth_date": str(1960 + number)}
                          for number, full_name in enumerate(members)]})


def test_delegations_sorted_by_their_members_come_by_how_many_go_not_by_the_text(db):  # noqa: F811
    """«12 người: …» is more than «3 người: …» (as text it came first), the delegations saved in any order."""
    _delegation(db, "Đoàn công tác mười hai người", LONG_NAMES)
    _delegation(db, "Đoàn công tác ba người", LONG_NAMES[:3])
    for descending in (False, True):
        counts = [int(cell.split(" ")[0]) for cell in _cells(db, "delegations", "members", descending)]
        assert 12 in counts and 3 in counts
        assert counts == sorted(counts, reverse=descending)


def test_delegations_sorted_by_their_report_due_day_list_those_called_off_last(db):  # noqa: F811
    """A delegation called off owes no report: its «Hạn báo cáo» is empty, and goes last either way."""
    _delegation(db, "Đoàn khảo sát bị hủy", LONG_NAMES[:1], status="Đã hủy", depart_on="10/01/2020",
                return_on="15/01/2020")
    _delegation(db, "Đoàn khảo sát mới", LONG_NAMES[1:2], depart_on="01/12/2030", return_on="15/12/2030")
    for descending in (False, True):
        cells = _cells(db, "delegations", browse.REPORT_DUE, descending)
        days = [dt.datetime.strptime(cell[:10], "%d/%m/%Y").date() for cell in cells if cell]
        assert len(days) >= 3 and cells == [cell for cell in cells if cell] + [""]
        assert days == sorted(days, reverse=descending)


def test_passports_sorted_by_where_they_are_come_in_its_natural_order(db):  # noqa: F811
    """Kept by the office, then out with their holders, then not kept, then reported lost; a passport whose custody
    was never written (its cell empty) last either way."""
    for number, full_name in enumerate(LONG_NAMES[:5]):
        editing.save(db, "cadres", {"full_name": full_name, "birth_date": str(1970 + number)})
    lost(db, official(db, LONG_NAMES[0], "B1000001"), "01/03/2026")
    handed(db, official(db, LONG_NAMES[1], "B1000002"), "20/04/2026", "25/04/2026", passports.PRIVATE)
    official(db, LONG_NAMES[2], "B1000003", kept="Không")
    official(db, LONG_NAMES[3], "B1000004", kept="")
    official(db, LONG_NAMES[4], "B1000005")
    db.clock = lambda: dt.datetime(2026, 5, 4, 9, 0)
    order = [passports.IN_CUSTODY, "Đã giao", "Cơ quan không giữ", "Đã báo mất", ""]
    for descending in (False, True):
        states = [next(i for i, state in enumerate(order) if cell.startswith(state))
                  for cell in _cells(db, passports.KIND, passports.STATE.key, descending)]
        assert states == sorted(states, key=lambda i: (i == 4, -i if descending else i))


def test_cadres_sorted_by_their_relatives_abroad_follow_the_countries_as_the_cells_read_them(db):  # noqa: F811
    """«Đức» comes before «Úc» in Vietnamese (as text, «Úc» came first), «Hoa Kỳ» before «Hoa Kỳ, Úc»; the cadres
    with no relative abroad last whichever way, whatever order the cadres were saved in. The countries are read in
    a subquery of each cadre: the listing joins no person nor unit for them."""
    assert _cells(db, "cadres", browse.RELATIVES_ABROAD, False) == [""] * browse.count(db, "cadres")  # none yet
    abroad = {LONG_NAMES[0]: ("Úc",), LONG_NAMES[1]: ("Đức",), LONG_NAMES[2]: ("Úc", "Hoa Kỳ"),
              LONG_NAMES[3]: ("Hoa Kỳ",), LONG_NAMES[4]: ("Anh", "Pháp"), LONG_NAMES[5]: ("",)}
    for number, (full_name, where) in enumerate(abroad.items()):
        editing.save(db, "cadres", {"full_name": full_name, "birth_date": str(1970 + number)})
        for country in where:
            relatives.add_relative(db, person(db, full_name), {
                "relation": "Con", "full_name": f"Con ở {country or 'nước ngoài'}", "birth_date": "2000",
                "abroad": "Có", "country": country})
    for descending in (False, True):
        with _statements(db) as statements:
            cells = _cells(db, "cadres", browse.RELATIVES_ABROAD, descending)
        listing = next(statement for statement in statements if statement.startswith("SELECT cadres.id"))
        assert "JOIN" not in listing[:listing.index("WHERE")]
        shown = [cell for cell in cells if cell]
        assert len(shown) >= len(abroad) and cells[:len(shown)] == shown
        assert {"Đức", "Úc", "Hoa Kỳ", "Hoa Kỳ, Úc", "Anh, Pháp", "chưa rõ nước"} <= set(shown)
        assert shown == sorted(shown, key=lambda cell: [text_sort_key(country) for country in cell.split(", ")],
                               reverse=descending)


def test_vetting_cases_sorted_by_their_replies_put_those_with_no_slip_behind_those_with_none_answered(db):  # noqa: F811
    """«Chưa có phiếu» is further behind than «0/1 đã trả lời»: first when sorted from the fewest answered, last
    from the most."""
    editing.save(db, "slips", {"number": "4/BC", "issued_on": "02/02/2026", "purpose": "Bầu cử",
                               "recipient": "Cục A93B – Bộ Công an", "full_name": "Trần Văn Mười",
                               "birth_date": "1980"})
    waiting = cases.cases_of(db, person(db, "Trần Văn Mười"))[0]["id"]
    bare = cases.open_case(db, person(db, "Nguyễn Văn Hùng"), {"purpose": "Bầu cử", "opened_on": "02/03/2026"})
    for descending in (False, True):
        ids = browse.record_ids(db, "vetting-cases", sort=browse.CASE_REPLIES, descending=descending,
                                today=dt.date(2026, 3, 10))
        assert ids.index(bare) < ids.index(waiting) if not descending else ids.index(bare) > ids.index(waiting)


def test_passports_sorted_by_where_they_are_keep_the_expired_together_as_their_cells_begin(db):  # noqa: F811
    """An expired passport's cell begins «Hết hạn từ …» whether the office keeps it or not, one valid less than six
    months «Còn hạn dưới 6 tháng …»: each kind together, after those valid, before those reported lost."""
    for number, full_name in enumerate(LONG_NAMES[:6]):
        editing.save(db, "cadres", {"full_name": full_name, "birth_date": str(1970 + number)})
    official(db, LONG_NAMES[0], "B2000001", expires_on="01/01/2026")
    official(db, LONG_NAMES[1], "B2000002")
    official(db, LONG_NAMES[2], "B2000003", kept="Không", expires_on="01/02/2026")
    official(db, LONG_NAMES[3], "B2000004", kept="Không")
    official(db, LONG_NAMES[4], "B2000005", expires_on="01/08/2026")
    lost(db, official(db, LONG_NAMES[5], "B2000006", expires_on="01/01/2026"), "01/03/2026")
    order = [passports.IN_CUSTODY, "Cơ quan không giữ", "Còn hạn dưới", "Hết hạn từ", "Đã báo mất"]
    for descending in (False, True):
        cells = _cells(db, passports.KIND, passports.STATE.key, descending, today=dt.date(2026, 5, 4))
        groups = [next(i for i, state in enumerate(order) if cell.startswith(state)) for cell in cells]
        assert set(groups) == set(range(len(order)))
        assert groups == sorted(groups, reverse=descending), cells


def test_delegations_sorted_by_their_report_due_day_follow_the_day_when_the_settings_shortened_it(db):  # noqa: F811
    """From 01/01/2027 a report is due 2 working days after the return: a delegation back on 04/01/2027 reports by
    06/01/2027, before one back on 31/12/2026 under the 7 days before (12/01/2027): listed first, as the cells read."""
    settings.set_setting(db, "han_bao_cao_sau_chuyen_di_ngay", "2", dt.date(2027, 1, 1))
    _delegation(db, "Đoàn về cuối năm", LONG_NAMES[:1], depart_on="20/12/2026", return_on="31/12/2026")
    _delegation(db, "Đoàn về đầu năm", LONG_NAMES[1:2], depart_on="28/12/2026", return_on="04/01/2027")
    for descending in (False, True):
        cells = _cells(db, "delegations", browse.REPORT_DUE, descending, today=dt.date(2027, 2, 15))
        days = [dt.datetime.strptime(cell[:10], "%d/%m/%Y").date() for cell in cells if cell]
        assert {dt.date(2027, 1, 6), dt.date(2027, 1, 12)} <= set(days)
        assert days == sorted(days, reverse=descending)


TO_POLICE = {"purpose": "Bổ nhiệm", "recipient": "Cục A93B – Bộ Công an", "relation": "Bản thân"}
TO_PROVINCE = {"request_kind": "Nghiên cứu giúp tỉnh bạn", "province": "Khánh Hòa", "birth_date": "1946"}


@pytest.mark.parametrize(("kind", "setting", "records"), [
    ("slips", "han_tra_loi_phieu_ngay",
     [{**TO_POLICE, "number": "1234/PXM", "issued_on": "20/12/2026", "full_name": "Công Tằng Tôn Nữ Thị Bích Ngọc"},
      {**TO_POLICE, "number": "1235/PXM", "issued_on": "05/01/2027", "full_name": "Nguyễn Hoàng Phương Thảo"}]),
    ("archive-requests", "nhac_tinh_ban_tra_loi_ngay",
     [{**TO_PROVINCE, "doc_no": "1520-CV/BTCTU", "doc_on": "20/11/2026", "full_name": "Huỳnh Văn Sáu"},
      {**TO_PROVINCE, "doc_no": "1521-CV/BTCTU", "doc_on": "05/01/2027", "full_name": "Tôn Thất Minh Khôi"}])])
def test_records_sorted_by_their_reply_due_day_follow_the_day_even_when_the_settings_shortened_it(
        db, kind, setting, records):  # noqa: F811
    """From 01/01/2027 replies are due in 10 days: what was sent on 05/01/2027 is due before what was sent weeks
    earlier under the longer term, and the register sorted by «Hạn trả lời» lists it first, as the cells read."""
    settings.set_setting(db, setting, "10", dt.date(2027, 1, 1))
    for record in records:
        editing.save(db, kind, record)
    db.clock = lambda: dt.datetime(2027, 2, 15, 9, 0)
    for descending in (False, True):
        cells = _cells(db, kind, browse.REPLY_DUE, descending)
        days = [dt.datetime.strptime(cell[:10], "%d/%m/%Y").date() for cell in cells if cell]
        assert dt.date(2027, 1, 15) in days and cells[:len(days)] == [cell for cell in cells if cell]
        assert days == sorted(days, reverse=descending)
