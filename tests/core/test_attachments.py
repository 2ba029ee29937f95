"""Attachments (tệp đính kèm): the scans of signed papers kept with a record inside the encrypted database only,
told by their content, at most 25 MB, noted, viewed and saved out through audited services, deleted to the recycle
bin and restored from the record's list of them there; the same file twice on one record only when asked again."""

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bvct_desktop.core import attachments, audit, audit_words, backup, recycle_bin, users, vault
from bvct_desktop.core.errors import DamagedError, InputError, PermissionDenied
from bvct_desktop.core.kinds import ARCHIVE_REQUESTS, COMPLAINTS, SLIPS
from bvct_desktop.core.permissions import OFFICER
from bvct_desktop.core.personfile import cases
from bvct_desktop.core.personfile.foreign import FOREIGN_ELEMENTS
from bvct_desktop.core.schema import archive_requests, attachment_contents, audit_log, complaints, persons, slips
from tests.conftest import ADMIN, PASSWORD
from tests.gui.shell_support import FakeClock
from tests.sample_db import fixed_clock, viewer_database

MARK = b"BVCT-ATTACHMENT-PLAINTEXT-MARK-7f3a9c"  # a pattern no page of an encrypted file holds by chance
PDF = b"%PDF-1.4\n% scan of the police reply\n" + MARK + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + MARK
JPEG = b"\xff\xd8\xff\xe0" + MARK


SAMPLE_KINDS = ("slips", "archive-requests", "complaints")  # what the `db` fixture holds


def a_slip(db) -> int:
    with db.read() as connection:
        return connection.execute(select(func.min(slips.c.id)).where(slips.c.deleted_at.is_(None))).scalar_one()


def a_file(folder: Path, name: str, content: bytes) -> Path:
    path = folder / "quet" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    return path


def office_file(*parts: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for part in parts:
            archive.writestr(part, "<x/>")
    return out.getvalue()


def trail(db, action: str) -> list[dict]:
    with db.read() as connection:
        return [json.loads(details) for details in connection.execute(
            select(audit_log.c.details).where(audit_log.c.action == action, audit_log.c.kind == attachments.KIND)
            .order_by(audit_log.c.id)).scalars()]


def stored(db) -> int:
    with db.read() as connection:
        return connection.execute(select(func.count()).select_from(attachment_contents)).scalar_one()


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("Công văn trả lời của Công an xã.pdf", PDF, "pdf"), ("ảnh.JPG", JPEG, "jpeg"), ("trang 2.png", PNG, "png"),
    ("biên bản.docx", office_file("word/document.xml"), "docx"), ("bảng.xlsx", office_file("xl/workbook.xml"), "xlsx"),
    ("bản chụp.pdf.png", PDF, "pdf"),  # told by the content, not by the name
])
def test_an_accepted_file_is_kept_with_the_record_and_told_by_its_first_bytes(db, tmp_path, name, content, kind):
    slip = a_slip(db)
    attachment_id = attachments.attach(db, SLIPS.name, slip, a_file(tmp_path, name, content), "  bản gốc  ")
    [listed] = attachments.attachments_of(db, SLIPS.name, slip)
    assert (listed.id, listed.file_name, listed.file_type, listed.size, listed.sha256, listed.note) == (
        attachment_id, name, kind, len(content), hashlib.sha256(content).hexdigest(), "bản gốc")
    assert attachments.attachments_of(db, SLIPS.name, slip + 1) == []


def test_a_name_typed_in_decomposed_letters_is_kept_composed(db, tmp_path):
    attachments.attach(db, SLIPS.name, a_slip(db), a_file(tmp_path, "Bie\u0302n ba\u0309n.pdf", PDF))
    assert attachments.attachments_of(db, SLIPS.name, a_slip(db))[0].file_name == "Biên bản.pdf"


@pytest.mark.parametrize(("content", "why"), [
    (b"MZ\x90\x00 an executable renamed", "nội dung tệp không phải PDF, ảnh JPEG, ảnh PNG, văn bản Word (.docx) "
     "hoặc bảng tính Excel (.xlsx) (đổi đuôi tên tệp không làm đổi loại tệp)."),
    (office_file("content.xml"), "nội dung tệp không phải PDF, ảnh JPEG, ảnh PNG, văn bản Word (.docx) "
     "hoặc bảng tính Excel (.xlsx) (đổi đuôi tên tệp không làm đổi loại tệp)."),
    (b"", "tệp rỗng (0 byte)."),
])
def test_another_type_or_an_empty_file_is_refused_naming_it_and_the_database_unchanged(db, tmp_path, content, why):
    slip = a_slip(db)
    with db.read() as connection:
        entries = connection.execute(select(func.count()).select_from(audit_log)).scalar_one()
    with pytest.raises(InputError) as refused:
        attachments.attach(db, SLIPS.name, slip, a_file(tmp_path, "Phiếu trả lời.pdf", content))
    assert refused.value.message == f"Không đính kèm được «Phiếu trả lời.pdf»: {why}"
    assert stored(db) == 0 and attachments.attachments_of(db, SLIPS.name, slip) == []
    with db.read() as connection:
        assert connection.execute(select(func.count()).select_from(audit_log)).scalar_one() == entries


def test_a_file_over_25_mb_is_refused_saying_the_limit_before_it_is_read(db, tmp_path, monkeypatch):
    path = a_file(tmp_path, "Bản quét 600 dpi.pdf", PDF)
    with open(path, "r+b") as handle:
        handle.truncate(attachments.MAX_BYTES + 1)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file over the limit"))
    with pytest.raises(InputError) as refused:
        attachments.attach(db, SLIPS.name, a_slip(db), path)
    assert refused.value.message == ("Không đính kèm được «Bản quét 600 dpi.pdf»: tệp nặng 25,0 MB, quá 25 MB cho "
                                     "mỗi tệp. Hãy quét lại với độ phân giải thấp hơn hoặc chia thành nhiều tệp.")
    assert stored(db) == 0


def test_a_file_of_exactly_25_mb_is_kept(db, tmp_path):
    content = PDF + b"0" * (attachments.MAX_BYTES - len(PDF))
    attachments.attach(db, SLIPS.name, a_slip(db), a_file(tmp_path, "lớn.pdf", content))
    assert attachments.attachments_of(db, SLIPS.name, a_slip(db))[0].size == attachments.MAX_BYTES


def test_a_damaged_scan_is_still_kept_it_is_the_officers_paper(db, tmp_path):
    attachment_id = attachments.attach(db, SLIPS.name, a_slip(db), a_file(tmp_path, "hỏng.pdf", b"%PDF-1.7\n\x00cut"))
    assert attachments.view(db, attachment_id)[1] == b"%PDF-1.7\n\x00cut"


def test_a_record_not_saved_or_in_the_recycle_bin_takes_no_attachment(db, tmp_path):
    path = a_file(tmp_path, "a.pdf", PDF)
    with pytest.raises(InputError, match="Không có hồ sơ số 99999 để đính kèm tệp"):
        attachments.attach(db, SLIPS.name, 99999, path)
    recycle_bin.delete(db, SLIPS.name, a_slip(db))
    with pytest.raises(InputError, match="hồ sơ chưa lưu hoặc đã ở thùng rác"):
        attachments.attach(db, SLIPS.name, _deleted_slip(db), path)
    with pytest.raises(InputError, match="«cadres» không có tệp đính kèm"):
        attachments.attach(db, "cadres", 1, path)


def _deleted_slip(db) -> int:
    with db.read() as connection:
        return connection.execute(select(slips.c.id).where(slips.c.deleted_at.is_not(None))).scalars().first()


def test_a_private_trip_and_a_vetting_case_keep_attachments_too(db, tmp_path):
    with db.read() as connection:
        person = connection.execute(select(func.min(persons.c.id))).scalar_one()
    trip = FOREIGN_ELEMENTS.add(db, person, {"element_kind": "Đi nước ngoài về việc riêng", "country": "Nhật Bản",
                                             "since": "01/02/2026", "until": "10/02/2026", "source": "Đơn xin đi"})
    attachments.attach(db, FOREIGN_ELEMENTS.kind, trip, a_file(tmp_path, "Bản cam kết thân nhân.pdf", PDF))
    with db.read() as connection:
        case = connection.execute(select(slips.c.vetting_case_id).where(slips.c.vetting_case_id.is_not(None))
                                  ).scalars().first()
    attachments.attach(db, cases.KIND, case, a_file(tmp_path, "Quyết định của cấp ủy.png", PNG))
    assert [a.file_name for a in attachments.attachments_of(db, FOREIGN_ELEMENTS.kind, trip)] == [
        "Bản cam kết thân nhân.pdf"]
    assert [a.file_name for a in attachments.attachments_of(db, cases.KIND, case)] == ["Quyết định của cấp ủy.png"]


@pytest.mark.parametrize(("kind", "table", "name"), [
    (COMPLAINTS.name, complaints, "Đơn tố cáo và công văn trả lời người gửi.pdf"),
    (ARCHIVE_REQUESTS.name, archive_requests, "Công văn trả lời của Công an tỉnh Nghệ An.pdf"),
])
def test_a_complaint_and_an_archive_request_keep_their_signed_scans(db, tmp_path, kind, table, name):
    with db.read() as connection:
        record = connection.execute(select(func.min(table.c.id))).scalar_one()
    attachments.attach(db, kind, record, a_file(tmp_path, name, PDF))
    assert [a.file_name for a in attachments.attachments_of(db, kind, record)] == [name]


def test_adding_viewing_and_saving_out_are_audited_with_name_size_and_hash_never_the_content(db, tmp_path):
    attachment_id = attachments.attach(db, SLIPS.name, a_slip(db), a_file(tmp_path, "Trả lời.pdf", PDF))
    found, content = attachments.view(db, attachment_id)
    assert content == PDF
    out = tmp_path / "ra" / "bản sao.pdf"
    out.parent.mkdir()
    attachments.save_copy(db, attachment_id, out)
    assert out.read_bytes() == PDF
    digest = hashlib.sha256(PDF).hexdigest()
    named = {"file_name": "Trả lời.pdf", "size": len(PDF), "sha256": digest}
    assert trail(db, "thêm") == [{"moi": {"record_kind": "slips", "record_id": a_slip(db), **named,
                                          "file_type": "pdf", "created_by": ADMIN}}]
    assert trail(db, attachments.VIEWED) == [{audit.RECORD: named}]
    assert trail(db, attachments.SAVED) == [{audit.RECORD: named, "tep": str(out.resolve())}]
    with db.read() as connection:
        every = " ".join(filter(None, connection.execute(select(audit_log.c.details)).scalars()))
    assert MARK.decode() not in every
    [entry] = [e for e in audit.list_entries(db, actions=[attachments.SAVED])]
    assert audit_words.cells(entry)[6] == "Tệp đính kèm"
    assert "Tên tệp: «Trả lời.pdf»" in audit_words.cells(entry)[8]


def test_a_viewer_may_view_but_neither_add_nor_save_a_copy_out(cli, db, tmp_path):
    attachment_id = attachments.attach(db, SLIPS.name, a_slip(db), a_file(tmp_path, "Trả lời.pdf", PDF))
    viewer = viewer_database(cli, db)
    try:
        assert attachments.view(viewer, attachment_id)[1] == PDF
        with pytest.raises(PermissionDenied, match="không được phép lưu bản sao tệp đính kèm"):
            attachments.save_copy(viewer, attachment_id, tmp_path / "ra.pdf")
        with pytest.raises(PermissionDenied, match="không được phép thêm tệp đính kèm"):
            attachments.attach(viewer, SLIPS.name, a_slip(db), a_file(tmp_path, "khác.pdf", PDF))
        with pytest.raises(PermissionDenied):
            recycle_bin.delete(viewer, attachments.KIND, attachment_id)
    finally:
        viewer.close()
    assert not (tmp_path / "ra.pdf").exists() and stored(db) == 1
    with db.read() as connection:
        refused = connection.execute(select(audit_log.c.action).where(audit_log.c.outcome == "refused")).scalars()
        assert attachments.SAVED in list(refused)


def test_deleted_to_the_recycle_bin_and_restored_unchanged(db, tmp_path):
    slip = a_slip(db)
    attachment_id = attachments.attach(db, SLIPS.name, slip, a_file(tmp_path, "Trả lời.pdf", PDF))
    recycle_bin.delete(db, attachments.KIND, attachment_id)
    assert attachments.attachments_of(db, SLIPS.name, slip) == []
    assert recycle_bin.in_recycle_bin(db, attachments.KIND) == [attachment_id]
    with pytest.raises(InputError, match="có thể đã bị xóa"):
        attachments.view(db, attachment_id)
    recycle_bin.restore(db, attachments.KIND, attachment_id)
    assert attachments.view(db, attachment_id)[1] == PDF
    with db.read() as connection:
        assert json.loads(connection.execute(select(audit_log.c.details).where(audit_log.c.action == "xóa")
                                             ).scalar_one()) == {"cu": {"file_name": "Trả lời.pdf", "size": len(PDF),
                                                                        "sha256": hashlib.sha256(PDF).hexdigest()}}


@pytest.mark.file_only("the SQLCipher file's bytes; a server's volume is protected by disk encryption (README)")
def test_the_content_never_reaches_the_disk_in_plaintext_after_attach_view_and_close(cli, db, tmp_path):
    scan = a_file(tmp_path, "Bản cam kết.pdf", PDF)
    attachment_id = attachments.attach(db, SLIPS.name, a_slip(db), scan)
    assert attachments.view(db, attachment_id)[1] == PDF
    attachments.attachments_of(db, SLIPS.name, a_slip(db))
    db.close()
    scan.unlink()  # the officer's own file: the only plaintext there was
    leaks = [path for path in Path(cli.db).parent.rglob("*") if path.is_file() and MARK in path.read_bytes()]
    assert leaks == []
    again = vault.unlock(cli.db, ADMIN, PASSWORD)
    try:
        assert attachments.view(again, attachment_id)[1] == PDF
    finally:
        again.close()


def test_a_backup_and_its_restore_carry_the_attachments(db, tmp_path):
    attachment_id = attachments.attach(db, SLIPS.name, a_slip(db), a_file(tmp_path, "Trả lời.png", PNG))
    made = backup.create(db, tmp_path / "sao-luu.bvctbak").path
    assert MARK not in made.read_bytes()
    target = tmp_path / "may-moi" / "bvct.db"
    backup.restore(made, ADMIN, PASSWORD, target)
    restored = vault.unlock(target, ADMIN, PASSWORD)
    try:
        found, content = attachments.view(restored, attachment_id)
        assert (found.file_name, content) == ("Trả lời.png", PNG)
    finally:
        restored.close()


def test_verifying_a_backup_checks_each_scan_against_the_sha_256_taken_when_it_was_added(db, tmp_path):
    none_yet = backup.create(db, tmp_path / "truoc.bvctbak").path
    assert backup.verify(none_yet, ADMIN, PASSWORD).checks[-1] == "Không có tệp đính kèm"
    slip = a_slip(db)
    attachments.attach(db, SLIPS.name, slip, a_file(tmp_path, "Trả lời.pdf", PDF))
    attachments.attach(db, SLIPS.name, slip, a_file(tmp_path, "Phiếu ký.jpg", JPEG))
    made = backup.create(db, tmp_path / "sao-luu.bvctbak").path
    assert backup.verify(made, ADMIN, PASSWORD).checks[-1] == \
        f"Tệp đính kèm: 2 tệp ({attachments.size_text(len(PDF) + len(JPEG))}), từng tệp còn như lúc thêm (khớp mã " \
        "kiểm tra ghi khi thêm)"


def test_a_backup_holding_a_scan_changed_behind_the_program_s_back_is_not_verified(db, tmp_path):
    """Its pages are whole (the change was written with the key), its scan is not the paper that was added."""
    attachment_id = attachments.attach(db, SLIPS.name, a_slip(db), a_file(tmp_path, "Trả lời.pdf", PDF))
    with db.write() as connection:
        connection.execute(attachment_contents.update().where(attachment_contents.c.attachment_id == attachment_id)
                           .values(content=PDF.replace(MARK, MARK.lower())))
        db.audit(connection, "kiểm tra", kind=attachments.KIND, record_id=attachment_id)
    made = backup.create(db, tmp_path / "sao-luu.bvctbak").path
    with pytest.raises(DamagedError) as refused:
        backup.verify(made, ADMIN, PASSWORD)
    assert refused.value.message.startswith("Bản sao lưu «sao-luu.bvctbak» hỏng: tệp đính kèm «Trả lời.pdf» không còn "
                                            "như lúc thêm (không khớp mã kiểm tra ghi khi thêm).")


@pytest.mark.parametrize(("size", "shown"), [(900, "900 byte"), (1536, "1,5 KB"), (2_621_440, "2,5 MB")])
def test_sizes_are_said_in_vietnamese_units(size, shown):
    assert attachments.size_text(size) == shown


def test_the_note_says_what_the_scan_is_and_its_correction_is_audited_as_a_change_naming_the_file(db, tmp_path):
    slip = a_slip(db)
    attachment_id = attachments.attach(db, SLIPS.name, slip, a_file(tmp_path, "scan0001.pdf", PDF),
                                       "Công văn trả lời số 123/PV27")
    assert attachments.set_note(db, attachment_id, "  Công văn trả lời số 124/PV27 ")
    assert not attachments.set_note(db, attachment_id, "Công văn trả lời số 124/PV27")  # nothing to correct
    assert attachments.set_note(db, attachment_id, " ")
    assert attachments.attachments_of(db, SLIPS.name, slip)[0].note is None
    named = {"file_name": "scan0001.pdf", "size": len(PDF), "sha256": hashlib.sha256(PDF).hexdigest()}
    assert trail(db, "sửa") == [
        {audit.RECORD: named, "note": {"cu": "Công văn trả lời số 123/PV27", "moi": "Công văn trả lời số 124/PV27"}},
        {audit.RECORD: named, "note": {"cu": "Công văn trả lời số 124/PV27", "moi": None}}]
    [entry, _cleared] = audit.list_entries(db, actions=["sửa"])
    assert audit_words.cells(entry)[8].endswith(
        "Ghi chú: «Công văn trả lời số 123/PV27» → «Công văn trả lời số 124/PV27»")
    recycle_bin.delete(db, attachments.KIND, attachment_id)
    with pytest.raises(InputError, match=f"Không có tệp đính kèm số {attachment_id}"):
        attachments.set_note(db, attachment_id, "Bản cam kết Phụ lục II")


def test_a_viewer_may_not_correct_a_note(cli, db, tmp_path):
    attachment_id = attachments.attach(db, SLIPS.name, a_slip(db), a_file(tmp_path, "Trả lời.pdf", PDF), "bản gốc")
    viewer = viewer_database(cli, db)
    try:
        with pytest.raises(PermissionDenied, match="không được phép sửa ghi chú tệp đính kèm"):
            attachments.set_note(viewer, attachment_id, "khác")
    finally:
        viewer.close()
    assert attachments.attachments_of(db, SLIPS.name, a_slip(db))[0].note == "bản gốc"


def test_the_record_lists_its_attachments_in_the_recycle_bin_last_deleted_first_to_restore_one(db, tmp_path):
    db.clock = clock = FakeClock(fixed_clock())
    slip = a_slip(db)
    first, second, kept = (attachments.attach(db, SLIPS.name, slip, a_file(tmp_path, name, content))
                           for name, content in (("a.pdf", PDF), ("b.png", PNG), ("c.jpg", JPEG)))
    recycle_bin.delete(db, attachments.KIND, first)
    clock.advance(minutes=5)
    recycle_bin.delete(db, attachments.KIND, second)
    binned = attachments.attachments_of(db, SLIPS.name, slip, binned=True)
    assert [(a.id, a.deleted_at) for a in binned] == [(second, clock()), (first, clock() - dt.timedelta(minutes=5))]
    assert [a.id for a in attachments.attachments_of(db, SLIPS.name, slip)] == [kept]
    assert attachments.attachments_of(db, SLIPS.name, slip + 1, binned=True) == []
    recycle_bin.restore(db, attachments.KIND, first)
    assert [a.id for a in attachments.attachments_of(db, SLIPS.name, slip)] == [first, kept]
    assert [a.id for a in attachments.attachments_of(db, SLIPS.name, slip, binned=True)] == [second]


def test_the_same_file_twice_on_one_record_is_told_and_kept_only_when_asked_again(db, tmp_path):
    slip = a_slip(db)
    earlier = attachments.attach(db, SLIPS.name, slip, a_file(tmp_path, "Trả lời.pdf", PDF), "Công văn 123/PV27")
    again = a_file(tmp_path, "scan0002.pdf", PDF)  # the same scan under another name
    assert attachments.attached_already(db, SLIPS.name, slip, again).id == earlier
    with pytest.raises(attachments.AlreadyAttached) as told:
        attachments.attach(db, SLIPS.name, slip, again)
    assert told.value.earlier.id == earlier
    assert told.value.message == ("Tệp này đã đính kèm ngày 01/03/2026 (tên «Trả lời.pdf», "
                                  "ghi chú «Công văn 123/PV27»).")
    assert stored(db) == 1
    attachments.attach(db, SLIPS.name, slip, again, again=True)
    assert [a.file_name for a in attachments.attachments_of(db, SLIPS.name, slip)] == ["Trả lời.pdf", "scan0002.pdf"]
    assert attachments.attached_already(db, SLIPS.name, slip, a_file(tmp_path, "khác.png", PNG)) is None
    attachments.attach(db, SLIPS.name, slip + 1, again)  # one reply to two slips: kept with each, not asked
    recycle_bin.delete(db, attachments.KIND, earlier)  # the bin's copy is not the record's any more
    only = attachments.attachments_of(db, SLIPS.name, slip)[0]
    assert attachments.attached_already(db, SLIPS.name, slip, again) == only


def test_the_list_names_who_added_a_scan_though_another_corrected_its_note_or_binned_it(cli, db, tmp_path):
    """«Người thêm» is who brought the paper in; who changed the row last (a note, the recycle bin) is not."""
    slip = a_slip(db)
    attachment_id = attachments.attach(db, SLIPS.name, slip, a_file(tmp_path, "scan0001.pdf", PDF))
    users.add(db, "chuyenvien1", OFFICER, "Chuyen-vien-2026-a")
    officer = vault.unlock(cli.db, "chuyenvien1", "Chuyen-vien-2026-a", clock=fixed_clock)
    try:
        attachments.set_note(officer, attachment_id, "Công văn trả lời số 123/PV27")
        [found] = attachments.attachments_of(db, SLIPS.name, slip)
        assert (found.created_by, found.updated_by) == (ADMIN, "chuyenvien1")
        recycle_bin.delete(officer, attachments.KIND, attachment_id)
        [binned] = attachments.attachments_of(db, SLIPS.name, slip, binned=True)
        assert (binned.created_by, binned.updated_by) == (ADMIN, "chuyenvien1")
    finally:
        officer.close()


@pytest.mark.parametrize(("name", "content", "copy"), [
    ("Biên bản thẩm tra.pdf", office_file("word/document.xml"), "Biên bản thẩm tra.docx"),  # Word named «.pdf»
    ("bản chụp.pdf.png", PDF, "bản chụp.pdf.pdf"),
    ("Danh sách", office_file("xl/workbook.xml"), "Danh sách.xlsx"),
    ("ảnh.JPEG", JPEG, "ảnh.JPEG"), ("ảnh.jpg", JPEG, "ảnh.jpg"), ("Trả lời.PDF", PDF, "Trả lời.PDF"),
])
def test_a_copy_is_named_with_the_extension_of_what_the_file_is_that_its_program_opens_it(db, tmp_path, name,
                                                                                          content, copy):
    """A Word file named «.pdf» is kept as Word (told by its content); a copy saved under «.pdf» no PDF reader
    opens, so the copy's name takes «.docx». The name the officer gave is kept in the list."""
    attachments.attach(db, SLIPS.name, a_slip(db), a_file(tmp_path, name, content))
    [found] = attachments.attachments_of(db, SLIPS.name, a_slip(db))
    assert found.file_name == name and attachments.copy_name(found) == copy
    assert attachments.misnamed(found) == (name != copy)


def test_a_concluded_case_still_takes_scans_the_signed_conclusion_or_a_reply_arriving_after_it(db, tmp_path):
    """Unlike its steps (changed after «Mở lại hồ sơ»: the conclusion rests on them), a scan adds a paper to
    the case without changing what was concluded: the signed conclusion itself, a police reply arriving late."""
    with db.read() as connection:
        person = connection.execute(select(func.min(persons.c.id))).scalar_one()
    case = cases.open_case(db, person, {"purpose": "Quy hoạch", "opened_on": "01/03/2026"})
    cases.record_conclusion(db, case, {"conclusion_no": "472-CV/BTCTU", "concluded_on": "15/03/2026",
                                       "signer": "Trần Văn Ban", "result": "Đủ tiêu chuẩn"})
    late = attachments.attach(db, cases.KIND, case, a_file(tmp_path, "Công văn trả lời đến sau kết luận.pdf", PDF),
                              "Công an tỉnh trả lời ngày 20/03/2026")
    assert attachments.set_note(db, late, "Công an tỉnh trả lời ngày 21/03/2026")
    recycle_bin.delete(db, attachments.KIND, late)
    recycle_bin.restore(db, attachments.KIND, late)
    assert [a.id for a in attachments.attachments_of(db, cases.KIND, case)] == [late]
