"""One police letter answering several slips: entered once, written through the slips' own path,
all or nothing, each slip audited; and an import telling of results without their date."""

import datetime as dt
import json

import pytest
from sqlalchemy import event, select

from bvct_desktop.core import browse, editing, recycle_bin, replies
from bvct_desktop.core.editing import FormProblems
from bvct_desktop.core.errors import InputError, PermissionDenied
from bvct_desktop.core.schema import audit_log
from tests.conftest import workbook
from tests.sample_db import viewer_database
from tests.samples import SAMPLES

SAMPLE_KINDS = ("cadres", "slips")  # what the `db` fixture holds


def _slips(db, *numbers):
    return [browse.record_ids(db, "slips", number)[0] for number in numbers]


def test_one_letter_answers_several_slips_at_once(db):
    chosen = _slips(db, "13/PXM", "1/PXM")
    assert replies.record_replies(db, chosen, {"result_on": "20/03/2026", "result_no": "0125/PV06",
                                               "result": "Không có vấn đề về chính trị"}) == 2
    for slip in chosen:
        stored = editing.load(db, "slips", slip)
        assert (stored["result_on"], stored["result_no"], stored["result"]) == \
            (dt.date(2026, 3, 20), "0125/PV06", "Không có vấn đề về chính trị")
    with db.read() as connection:
        entries = connection.execute(select(audit_log).order_by(audit_log.c.id.desc()).limit(3)).mappings().all()
    assert {(e["action"], e["record_id"]) for e in entries[1:]} == {("sửa", slip) for slip in chosen}
    assert entries[0]["action"] == "ghi kết quả nhiều phiếu"
    assert json.loads(entries[0]["details"])["so_ban_ghi_chon"] == 2


def test_an_empty_result_keeps_each_slips_own(db):
    answered = _slips(db, "12/PXM")[0]
    replies.record_replies(db, [answered], {"result_on": "21/02/2025"})
    stored = editing.load(db, "slips", answered)
    assert (stored["result_on"], stored["result"]) == (dt.date(2025, 2, 21), "Không có tàng thư")


def test_a_reply_before_a_slip_was_issued_changes_nothing(db):
    chosen = _slips(db, "13/PXM", "1/PXM")
    with pytest.raises(InputError) as refused:
        replies.record_replies(db, chosen, {"result_on": "10/01/2025"})
    assert str(refused.value) == ("Phiếu 1/PXM: Ngày nhận kết quả (10/01/2025) trước Ngày phát hành (03/01/2026): "
                                  "hãy xem lại một trong hai ngày.")
    assert all(editing.load(db, "slips", slip)["result_on"] is None for slip in chosen)


def test_the_reply_date_is_required_and_checked(db):
    with pytest.raises(FormProblems) as raised:
        replies.record_replies(db, _slips(db, "13/PXM"), {"result": "Không có vấn đề"})
    assert raised.value.problems == {"result_on": "Ngày nhận kết quả: bắt buộc"}
    with pytest.raises(FormProblems):
        replies.record_replies(db, _slips(db, "13/PXM"), {"result_on": "31/02/2026"})


def test_a_slip_in_the_recycle_bin_stops_the_batch(db):
    chosen = _slips(db, "13/PXM", "1/PXM")
    recycle_bin.delete(db, "slips", chosen[1])
    with pytest.raises(InputError, match="không còn trong sổ"):
        replies.record_replies(db, chosen, {"result_on": "20/03/2026"})
    assert editing.load(db, "slips", chosen[0])["result_on"] is None


def test_a_viewer_may_not(cli, db):
    viewer = viewer_database(cli, db)
    with pytest.raises(PermissionDenied):
        replies.record_replies(viewer, _slips(db, "13/PXM"), {"result_on": "20/03/2026"})
    viewer.close()


def test_an_import_warns_of_results_without_their_date_and_still_takes_the_rows(cli, db, tmp_path):
    headers = SAMPLES["slips"][0]
    row = dict.fromkeys(headers)
    row.update({"Số phiếu": "30/PXM", "Ngày phát hành": "02/03/2026", "Họ và tên người được xác minh": "Lê Văn Mười",
                "Nơi nhận phiếu": "Cục A93B – Bộ Công an", "Kết quả": "Không có tàng thư"})
    code, out, err = cli("import", "slips", workbook(tmp_path / "cu.xlsx", headers, [[row[h] for h in headers]]))
    assert code == 0, out + err
    assert "Lưu ý: 1 dòng được nhập nhưng cần xem lại (không phải lỗi):" in out
    assert "Dòng 2, cột «Ngày nhận kết quả»: có «Kết quả» nhưng chưa có ngày nhận kết quả" in out
    found = browse.record_ids(db, "slips", filters=browse.Filters(status=browse.NO_REPLY_DATE))
    assert found == _slips(db, "30/PXM")


def _letter_slips(cli, tmp_path, first: int, count: int) -> list[str]:
    """`count` slips of one letter to Cục A93B, each about another relative of the cadre Phạm Minh Quang."""
    headers = SAMPLES["slips"][0]
    rows = []
    for number in range(first, first + count):
        row = dict.fromkeys(headers)
        row.update({"Số phiếu": f"{number}/PXM", "Ngày phát hành": "02/03/2026", "Quan hệ": "Anh/chị/em",
                    "Họ và tên người được xác minh": f"Phạm Văn Tuấn {number}", "Ngày sinh": "1962",
                    "Quê quán": "Hàm Tiến", "Họ và tên người được thẩm tra": "Phạm Minh Quang",
                    "Mục đích xác minh": "Bổ nhiệm", "Nơi nhận phiếu": "Cục A93B – Bộ Công an"})
        rows.append([row[h] for h in headers])
    code, out, err = cli("import", "slips", workbook(tmp_path / f"phieu-{first}.xlsx", headers, rows))
    assert code == 0, out + err
    return [f"{number}/PXM" for number in range(first, first + count)]


def _statements_recording(db, slip_ids: list[int]) -> int:
    statements = []

    def counted(*_args) -> None:
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", counted)
    try:
        assert replies.record_replies(db, slip_ids, {"result_on": "20/03/2026", "result": "Không có tàng thư"}) \
            == len(slip_ids)
    finally:
        event.remove(db.engine, "before_cursor_execute", counted)
    return len(statements)


def test_a_reply_for_many_slips_reads_them_in_a_few_queries_not_one_slip_at_a_time(cli, db, tmp_path):
    """200 slips selected took 0.8 s of a frozen window (2,000 took 4.4 s): each slip, its person and the
    cadre it vets were read one at a time. They are read together, so 60 slips cost the database as many
    statements as 3."""
    few = _slips(db, *_letter_slips(cli, tmp_path, 100, 3))
    many = _slips(db, *_letter_slips(cli, tmp_path, 200, 60))

    assert _statements_recording(db, many) == _statements_recording(db, few)
    assert {editing.load(db, "slips", slip)["result"] for slip in many} == {"Không có tàng thư"}
