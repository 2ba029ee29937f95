"""What an officer deleting a cadre is told stays in the other registers."""

from bvct_desktop.core import browse, cadre_ties, recycle_bin
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
