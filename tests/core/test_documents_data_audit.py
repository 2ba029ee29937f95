"""What the audit trail says of a document: «in»/«xuất» only once it has left (a preview writes
nothing of that), naming what was in it — the reminder's recipient and overdue slips, the cadres
and delegations by their identifying values."""

import datetime as dt
import json

from bvct_desktop.core import audit, audit_words, browse, documents_data, report_notes, settings
from bvct_desktop.core.kinds import KINDS
from bvct_desktop.io.documents import profile, render
from tests.clocks import FakeClock

START, END = dt.date(2025, 1, 1), dt.date(2025, 12, 31)


def outputs(db) -> list[audit.Entry]:
    return [entry for entry in audit.list_entries(db) if entry.action in ("in", "xuất")]


def overdue_recipient(db, on: dt.date) -> str:
    with db.read() as connection:
        return documents_data.recipients_overdue(connection, on)[0][0]


def options() -> render.Options:
    return render.Options(profile.load())


def test_previews_of_a_reminder_a_report_and_an_issued_document_write_no_print(db):
    on = db.clock().date()
    documents_data.reminder_document(db, overdue_recipient(db, on), on, None,
                                     render.reminder_writer("pdf", None, options()))
    documents_data.report_document(db, START, END, None, "kết quả công tác",
                                   render.report_writer("pdf", None, options()))
    report_notes.save(db, START, END, dict.fromkeys(report_notes.PARTS, "Đã viết."))
    issued = documents_data.report_document(db, START, END, None, "kết quả công tác",
                                            render.report_writer("pdf", None, options()), issue=True)
    documents_data.reprint(db, issued.text, None, lambda content: None, None)
    assert outputs(db) == []


def test_a_reminder_written_is_audited_as_a_letter_with_its_recipient_and_overdue_slips(db, tmp_path):
    on = db.clock().date()
    recipient = overdue_recipient(db, on)
    _, data = documents_data.reminder_document(db, recipient, on, tmp_path / "cv.pdf",
                                               render.reminder_writer("pdf", tmp_path / "cv.pdf", options()))
    [entry] = outputs(db)
    assert (entry.action, entry.kind) == ("in", "reminder")
    assert json.loads(entry.details) == {"tep": str((tmp_path / "cv.pdf").resolve()), "noi_nhan": recipient,
                                         "ngay": on.isoformat(), "so_phieu_qua_han": len(data["slips"]), "do_mat": ""}
    assert audit_words.cells(entry)[audit_words.KIND_COLUMN] == "Công văn"
    assert f"Số phiếu quá hạn: {len(data['slips'])}" in audit_words.cells(entry)[audit_words.DETAILS_COLUMN]


def test_cadres_printed_are_named_each_by_the_values_the_trail_knows_them_by(db):
    ids = browse.record_ids(db, "cadres")[:2]
    with db.read() as connection:
        cadres = [documents_data.cadre_by_id(connection, one) for one in ids]
    named = documents_data.records_named(KINDS["cadres"], cadres)
    assert named == {"so_ban_ghi": 2, "ban_ghi": [{key: cadre[key] for key in ("full_name", "birth_date")
                                                   if cadre[key]} for cadre in cadres]}
    said = audit_words.describe("cadres", named)
    assert said.startswith("Bản ghi: (Họ và tên: «") and f"«{cadres[1]['full_name']}»" in said
    many = documents_data.records_named(KINDS["cadres"], cadres * 6)
    assert set(many) == {"so_ban_ghi", "ban_ghi_dau", "ban_ghi_cuoi"} and many["so_ban_ghi"] == 12
    assert "Bản ghi đầu: Họ và tên: «" in audit_words.describe("cadres", many)


def test_a_print_says_whether_the_document_carried_the_secrecy_mark_it_was_made_with(db, tmp_path):
    on = db.clock().date()
    recipient = overdue_recipient(db, on)
    settings.set_setting(db, "do_mat", "MẬT")
    documents_data.reminder_document(db, recipient, on, tmp_path / "mat.pdf",
                                     render.reminder_writer("pdf", tmp_path / "mat.pdf", options()))
    unmarked = render.Options(profile.load(), secrecy="")  # `--no-secret`: this print only
    documents_data.reminder_document(db, recipient, on, tmp_path / "thuong.pdf",
                                     render.reminder_writer("pdf", tmp_path / "thuong.pdf", unmarked))
    secret, plain = outputs(db)
    assert (json.loads(secret.details)["do_mat"], json.loads(plain.details)["do_mat"]) == ("MẬT", "")
    assert "Độ mật: Mật" in audit_words.cells(secret)[audit_words.DETAILS_COLUMN]
    assert "Độ mật: không" in audit_words.cells(plain)[audit_words.DETAILS_COLUMN]


def test_a_print_written_by_the_program_is_marked_as_the_setting_in_force_says(db, tmp_path):
    documents_data.record(db, documents_data.PRINTED, "slips", {"tep": str(tmp_path / "phieu.pdf")})
    settings.set_setting(db, "do_mat", "MẬT")
    documents_data.record(db, documents_data.PRINTED, "slips", {"tep": str(tmp_path / "phieu.pdf")})
    assert [json.loads(entry.details)["do_mat"] for entry in outputs(db)] == ["", "MẬT"]


def test_a_list_made_before_midnight_and_audited_after_it_says_the_mark_of_the_day_its_pages_were_made(db, tmp_path):
    """A register's own list (the passport custody register) exported at 23:59:59 on 31/12/2025, when no document
    was «MẬT», is audited a moment later, on 01/01/2026, when every one is: the trail says the mark its pages carry,
    that of the day they were made, not the audit's."""
    clock = FakeClock(dt.datetime(2025, 12, 31, 23, 59, 59))
    db.clock = clock
    settings.set_setting(db, "do_mat", "MẬT", dt.date(2026, 1, 1))
    made = clock().date()

    def write(office, _lines) -> None:
        assert office.on(made)["do_mat"] == ""  # its pages headed as on the day made
        clock.advance(seconds=2)  # written across midnight

    documents_data.listed(db, "sổ theo dõi giao, nhận hộ chiếu", "passports", lambda connection: [], write,
                          tmp_path / "ho-chieu.xlsx", {}, made)
    [entry] = outputs(db)
    assert clock().date() == dt.date(2026, 1, 1) and json.loads(entry.details)["do_mat"] == ""
