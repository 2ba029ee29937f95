"""What the office knows about a person from the slips: the slips about her and about each of her
relatives, reached without going through a vetting case, and the relatives the slips name."""

import pytest

from bvct_desktop.core.personfile import known, relatives
from tests.conftest import workbook
from tests.core.personfile.conftest import person_named
from tests.core.personfile.test_replied import add_cases
from tests.sample_db import viewer_database
from tests.samples import SAMPLES
from tests.sqlite_steps import work

SLIP_HEADERS = SAMPLES["slips"][0]


def _slip(number, issued_on, name, birth, town, relation, vetted, **more):
    row = dict.fromkeys(SLIP_HEADERS)
    row.update({"Số phiếu": number, "Ngày phát hành": issued_on, "Họ và tên người được xác minh": name,
                "Ngày sinh": birth, "Quê quán": town, "Quan hệ": relation,
                "Họ và tên người được thẩm tra": vetted, "Mục đích xác minh": "Bổ nhiệm",
                "Nơi nhận phiếu": "Cục A93B – Bộ Công an", **more})
    return [row[h] for h in SLIP_HEADERS]


@pytest.fixture
def anh(cli, db, tmp_path):
    """Trần Thị Ánh (a cadre, woman) vetted for appointment: slips about her, her husband, her mother
    and her mother-in-law (on her relatives list); one slip about the mother-in-law for someone else."""
    rows = [
        _slip("40/PXM", "02/03/2025", "Trần Thị Ánh", "1970", "Mũi Né", "Bản thân", None,
              **{"Họ và tên cha": "Trần Văn Lực", "Họ và tên vợ/chồng": "Lê Văn Tâm"}),
        _slip("41/PXM", "02/03/2025", "Lê Văn Tâm", "1968", "Phước Hội", "Chồng", "Trần Thị Ánh",
              **{"Ngày nhận kết quả": "30/03/2025", "Kết quả": "Không có tàng thư"}),
        _slip("42/PXM", "03/03/2025", "Võ Thị Bảy", "1942", "Tân Hải, La Gi", "Mẹ chồng", "Trần Thị Ánh"),
        _slip("43/PXM", "04/03/2025", "Nguyễn Thị Hạnh", "1948", "Mũi Né", "Mẹ", "Trần Thị Ánh"),
        _slip("44/PXM", "05/03/2025", "Võ Thị Bảy", "1942", "Tân Hải, La Gi", "Mẹ", "Lê Thị Thu"),
        _slip("45/PXM", "05/03/2025", "Đinh Văn Lâm", "1950", "Phan Rí", "Cha", "Lê Thị Thu"),
    ]
    code, out, err = cli("import", "slips", workbook(tmp_path / "phieu-anh.xlsx", SLIP_HEADERS, rows))
    assert code == 0, out + err
    return person_named(db, "Trần Thị Ánh")


def test_every_slip_about_her_and_her_relatives_with_the_relation(db, anh):
    found = {slip.number: slip for slip in known.known_about(db, anh).slips}
    assert sorted(found) == ["40/PXM", "41/PXM", "42/PXM", "43/PXM", "44/PXM"]  # 45/PXM is about a stranger
    assert {number: slip.relation for number, slip in found.items()} == {
        "40/PXM": "Bản thân", "41/PXM": "Chồng", "42/PXM": "Mẹ chồng", "43/PXM": "Mẹ", "44/PXM": "Mẹ chồng"}
    assert [number for number, slip in found.items() if not slip.for_this_person] == ["44/PXM"]
    assert found["44/PXM"].vetted_name == "Lê Thị Thu"
    assert (found["41/PXM"].result_on.isoformat(), found["41/PXM"].result) == ("2025-03-30", "Không có tàng thư")
    assert [slip.number for slip in known.known_about(db, anh).slips][:2] == ["44/PXM", "43/PXM"]  # newest first


def test_each_slip_tells_whether_it_was_answered_when_and_whether_its_reply_found_a_record(db, anh):
    """The «Thân nhân» tab's «Nguồn» gave a relative's slip numbers alone: each now says its state in a line, and
    its whole reply for the tooltip."""
    states = {slip.number: (slip.state(), slip.reply()) for slip in known.known_about(db, anh).slips}
    assert states["41/PXM"] == ("41/PXM: trả lời 30/03/2025, không có tài liệu",
                                "41/PXM gửi Cục A93B – Bộ Công an ngày 02/03/2025, trả lời ngày 30/03/2025: "
                                "«Không có tàng thư»")
    assert states["43/PXM"] == ("43/PXM: chờ trả lời", "43/PXM gửi Cục A93B – Bộ Công an ngày 04/03/2025, chờ trả lời")
    found = known.SlipAbout(**{**vars(known.known_about(db, anh).slips[0]), "number": "46/PXM", "result_on": None,
                               "result": "Có tài liệu lưu trữ: nguyên là trung sĩ"})
    assert found.state() == "46/PXM: chưa ghi ngày trả lời, có tài liệu"


def test_relatives_known_from_slips_join_the_listed_ones(db, anh):
    found = [(r.relation, r.full_name, r.from_slips, r.person_id is not None)
             for r in known.known_about(db, anh).relatives]
    assert found == [
        ("Cha", "Trần Văn Lực", True, False),      # written on her own slip only
        ("Mẹ", "Nguyễn Thị Hạnh", True, True),     # the subject of a slip for her vetting
        ("Chồng", "Lê Văn Tâm", True, True),       # a slip's subject and the spouse on her own slip: one
        ("Mẹ chồng", "Võ Thị Bảy", False, True),   # on her relatives list
    ]
    by_name = {r.full_name: r for r in known.known_about(db, anh).relatives}
    numbers = {slip.slip_id: slip.number for slip in known.known_about(db, anh).slips}
    assert [numbers[i] for i in by_name["Lê Văn Tâm"].slip_ids] == ["40/PXM", "41/PXM"]
    assert [numbers[i] for i in by_name["Võ Thị Bảy"].slip_ids] == ["42/PXM", "44/PXM"]
    assert by_name["Lê Văn Tâm"].birth_date == "1968"


def test_her_own_side_comes_before_her_husbands_as_on_form_2c(db, anh):
    """Item 30 of form 2C: a) parents, spouse, children, siblings; b) the spouse's parents — a son listed
    after her mother-in-law was entered still comes before her."""
    relatives.add_relative(db, anh, {"relation": "Con", "full_name": "Lê Minh Trí", "birth_date": "1995"})
    relatives.add_relative(db, anh, {"relation": "Anh/chị/em", "full_name": "Trần Văn Lâm", "birth_date": "1968"})
    found = [r.relation for r in known.known_about(db, anh).relatives]
    assert found == ["Cha", "Mẹ", "Chồng", "Con", "Anh/chị/em", "Mẹ chồng"]


def test_a_relative_added_to_the_list_is_no_longer_from_slips(db, anh):
    relatives.add_relative(db, anh, {"relation": "Mẹ", "full_name": "Nguyễn Thị Hạnh", "birth_date": "1948",
                                     "home_town": "Mũi Né"})
    mother = next(r for r in known.known_about(db, anh).relatives if r.relation == "Mẹ")
    assert not mother.from_slips and len(mother.slip_ids) == 1


def test_slips_in_the_recycle_bin_are_left_out(db, anh):
    from bvct_desktop.core import recycle_bin

    doomed = next(slip for slip in known.known_about(db, anh).slips if slip.number == "43/PXM")
    recycle_bin.delete(db, "slips", doomed.slip_id)
    assert "43/PXM" not in [slip.number for slip in known.known_about(db, anh).slips]
    assert "Nguyễn Thị Hạnh" not in [r.full_name for r in known.known_about(db, anh).relatives]


def test_a_viewer_may_read_it(cli, db, anh):
    viewer = viewer_database(cli, db)
    assert len(known.known_about(viewer, anh).slips) == 5
    viewer.close()


def test_a_person_nobody_wrote_about_has_an_empty_file(db):
    hung = person_named(db, "Nguyễn Minh Khoa")
    assert known.known_about(db, hung) == known.Known([], [])



def test_a_slip_leaving_out_a_listed_relatives_home_town_still_joins_her(cli, db, anh, tmp_path):
    row = _slip("46/PXM", "06/03/2025", "Võ Thị Bảy", "1942", None, "Mẹ chồng", "Trần Thị Ánh")
    code, out, err = cli("import", "slips", workbook(tmp_path / "them.xlsx", SLIP_HEADERS, [row]))
    assert code == 0, out + err
    found = known.known_about(db, anh)
    mothers_in_law = [r for r in found.relatives if r.relation == "Mẹ chồng"]
    numbers = {slip.slip_id: slip.number for slip in found.slips}
    assert [(r.from_slips, [numbers[i] for i in r.slip_ids]) for r in mothers_in_law] == \
        [(False, ["42/PXM", "44/PXM", "46/PXM"])]


def test_reading_her_file_takes_about_the_same_work_however_many_slips_are_about_others(db, anh):
    """A cadre's summary printed for each of many cadres reads each one's slips by her and her relatives, not by
    passing over every live slip (SQLite's plan by `deleted_at`, without statistics): 5,400 slips more about
    others leave the work on hers about as it was."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's machine steps are counted")
    add_cases(db, 200)
    few = work(db, lambda connection: known.read(connection, anh))
    add_cases(db, 1800)
    many = work(db, lambda connection: known.read(connection, anh))
    assert many[1] <= few[1] + 2
