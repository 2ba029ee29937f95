"""What an officer deleting a cadre is told stays in the other registers."""

from sqlalchemy import select

from bvct_desktop.core import browse, cadre_ties, passports, recycle_bin
from bvct_desktop.core.schema import cadres
from tests.sample_db import sample_database


def test_deleting_a_cadre_tells_the_records_about_them_that_stay_in_their_registers(cli, tmp_path):
    """Nguyễn Văn Hùng of the samples: a letter about him; his relatives' slips name no cadre of the samples."""
    db = sample_database(cli, tmp_path)
    hung, anh = (browse.record_ids(db, "cadres", name)[0] for name in ("Nguyễn Văn Hùng", "Trần Thị Ánh"))
    assert cadre_ties.still_listed(db, [hung]) == ["1 đơn thư"]
    assert cadre_ties.still_listed(db, [anh]) == []
    huong = browse.record_ids(db, "cadres", "Bùi Thị Hương")[0]
    assert cadre_ties.still_listed(db, [hung, huong]) == ["2 đoàn ra nước ngoài", "1 đơn thư"]
    letter = browse.record_ids(db, "complaints", "Hùng")[0]
    recycle_bin.delete(db, "complaints", letter)
    assert cadre_ties.still_listed(db, [hung]) == []
    db.close()


def test_a_cadre_s_passport_stays_in_the_passport_register(cli, tmp_path):
    db = sample_database(cli, tmp_path, kinds=("cadres",))
    anh = browse.record_ids(db, "cadres", "Trần Thị Ánh")[0]
    with db.read() as connection:
        person_id = connection.execute(select(cadres.c.person_id).where(cadres.c.id == anh)).scalar_one()
    passports.add_passport(db, person_id, {"passport_type": "Công vụ", "number": "B7654321", "kept": "Có"})
    assert cadre_ties.still_listed(db, [anh]) == ["1 hộ chiếu"]
    db.close()
