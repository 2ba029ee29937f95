"""A document number is never used twice, whatever happens while its document is written
(issue 10, point 4): taken and committed before the file is written; a crash right after the
file is renamed into place leaves the number taken ("đang ghi") until its document is written again whole; a
failed write records it as "hỏng"."""

import sys

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import Engine
from sqlcipher3 import dbapi2 as sqlcipher

from bvct_desktop.core import crashpoints, numbering, outgoing, vault
from bvct_desktop.core.schema import document_numbers
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.io.documents import pdfcheck
from tests.real_process import bvct, environment, killed
from tests.samples import SAMPLES
from tests.small_disk import fill

YEAR = ("--from", "2025-01-01", "--to", "2025-12-31")
NOTES = "## Ưu điểm\nPhối hợp tốt.\n## Hạn chế, khuyết điểm\nCòn chậm.\n## Phương hướng, nhiệm vụ\nTiếp tục.\n"


@pytest.fixture
def office(cli, tmp_path):
    for kind in ("cadres", "slips"):
        assert cli("import", kind, workbook(tmp_path / f"{kind}.xlsx", *SAMPLES[kind]))[0] == 0
    (tmp_path / "phan-viet.txt").write_text(NOTES, encoding="utf-8")  # kept for the period from now on
    assert cli("report", *YEAR, "--format", "pdf", "--out", tmp_path / "so-1.pdf", "--issue",
               "--notes", tmp_path / "phan-viet.txt")[0] == 0
    return cli


def _numbers(cli) -> list[tuple[int, str]]:
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            return [tuple(row) for row in connection.execute(
                select(document_numbers.c.number, document_numbers.c.status).order_by(document_numbers.c.number))]
    finally:
        db.close()


def _number_on(pdf) -> str:
    return next(line for line in pdfcheck.lines(pdf) if line.startswith("Số "))


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9")
@pdfcheck.needs_poppler  # the number is read back from the file
def test_a_kill_right_after_the_file_is_in_place_never_gives_its_number_again(office, tmp_path):
    env = environment(tmp_path, office.db)
    done = bvct(env, "report", *YEAR, "--format", "pdf", "--out", tmp_path / "so-2.pdf", "--issue",
                crash_at="document-written")
    assert killed(done)
    assert _number_on(tmp_path / "so-2.pdf").startswith("Số 02-BC/")  # the file carries "số 02"…
    assert _numbers(office) == [(1, numbering.ISSUED), (2, numbering.RESERVED)]  # …and the database holds it
    code, out, _ = office("report", *YEAR, "--format", "pdf", "--out", tmp_path / "so-3.pdf", "--issue")
    assert code == 0 and "số 03" in out and _number_on(tmp_path / "so-3.pdf").startswith("Số 03-BC/")
    # the register shows the unconfirmed number as such, and its document can be written again from it
    listed = {line.split("\t")[0]: line.split("\t")[6] for line in office("documents", "list")[1].splitlines()
              if "\t" in line}
    number = _number_on(tmp_path / "so-2.pdf").split()[1]  # "Số 02-BC/BTCTU   Lâm Đồng, ngày …"
    assert listed[number] == numbering.STATUS_LABELS[numbering.RESERVED]
    code, out, _ = office("documents", "print", number, "--format", "pdf", "--out", tmp_path / "lai-so-2.pdf")
    assert code == 0 and _number_on(tmp_path / "lai-so-2.pdf") == _number_on(tmp_path / "so-2.pdf")
    # written again whole by the administrator, who may issue: the number is issued now
    assert f"Số {number} (trước đây «đang ghi (chưa xác nhận)») nay «đã phát hành»." in out
    assert _numbers(office) == [(1, numbering.ISSUED), (2, numbering.ISSUED), (3, numbering.ISSUED)]


def _listed(cli) -> dict[str, str]:
    """The register as `documents list` shows it: number → state."""
    return {line.split("\t")[0]: line.split("\t")[6] for line in cli("documents", "list")[1].splitlines()[1:]}


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9")
def test_a_kill_right_after_the_number_is_taken_leaves_it_in_the_register_to_be_marked_spoiled(office, tmp_path):
    """The number was committed before its line in the register: killed between, it was taken, never
    listed, and could not be marked hỏng (that needs its line)."""
    env = environment(tmp_path, office.db)
    assert killed(bvct(env, "report", *YEAR, "--format", "pdf", "--out", tmp_path / "so-2.pdf", "--issue",
                       crash_at="number-reserved"))
    assert _numbers(office) == [(1, numbering.ISSUED), (2, numbering.RESERVED)]
    assert _listed(office)["02-BC/BTCTU"] == numbering.STATUS_LABELS[numbering.RESERVED]
    db = vault.unlock(office.db, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            entry = outgoing.find(connection, "02-BC/BTCTU")
        assert outgoing.spoil(db, entry, "Máy tắt khi đang in.").status == numbering.SPOILED
    finally:
        db.close()
    assert _listed(office)["02-BC/BTCTU"] == numbering.STATUS_LABELS[numbering.SPOILED]


def test_a_register_line_that_cannot_be_written_takes_no_number(office, tmp_path):
    """A disk I/O error on the register's line, once the number was committed, left the number taken
    (even marked hỏng, the officer told so) and missing from the register."""
    def failing(connection, cursor, statement, *args):
        if statement.startswith("INSERT INTO outgoing_documents"):
            raise sqlcipher.OperationalError("disk I/O error")

    event.listen(Engine, "before_cursor_execute", failing)
    try:
        code, _, err = office("report", *YEAR, "--format", "pdf", "--out", tmp_path / "so-2.pdf", "--issue")
    finally:
        event.remove(Engine, "before_cursor_execute", failing)
    assert code == 1 and "02-BC" not in err
    assert _numbers(office) == [(1, numbering.ISSUED)]
    assert list(_listed(office)) == ["01-BC/BTCTU"]


def test_a_document_that_could_not_be_written_is_recorded_as_spoiled(office, tmp_path, small_disk):
    fill(small_disk)
    code, _, err = office("report", *YEAR, "--format", "pdf", "--out", small_disk / "so-2.pdf", "--issue")
    assert code == 1 and "Ổ đĩa đầy" in err and not (small_disk / "so-2.pdf").exists()
    assert "số 02-BC/BTCTU đã ghi vào sổ là hỏng" in err
    assert _numbers(office) == [(1, numbering.ISSUED), (2, numbering.SPOILED)]
    listing = office("audit", "list")[1]
    assert "giữ số văn bản\tthất bại" in listing and "hỏng" in listing
    code, out, _ = office("report", *YEAR, "--format", "pdf", "--out", tmp_path / "so-3.pdf", "--issue")
    assert "số 03" in out


ISSUING = {"report": ("report", *YEAR, "--format", "pdf", "--issue"),
           "reminder": ("print", "reminder", "--recipient", "Phòng PV27 – Công an tỉnh Bình Thuận",
                        "--on", "2025-12-01", "--issue")}


@pytest.mark.parametrize("document", ISSUING)
@pytest.mark.parametrize("folder", ["khong-co", "phan-viet.txt"])  # none, a file
def test_bad_input_takes_no_number(office, tmp_path, document, folder):
    code, _, err = office(*ISSUING[document], "--out", tmp_path / folder / "bc.pdf")
    assert code == 2 and f"Thư mục «{tmp_path / folder}» không tồn tại." in err
    assert _numbers(office) == [(1, numbering.ISSUED)]


@pytest.mark.parametrize("document", ISSUING)
def test_a_folder_named_as_the_file_takes_no_number(office, tmp_path, document):
    folder = tmp_path / "bc.pdf"
    folder.mkdir()
    code, _, err = office(*ISSUING[document], "--out", folder)
    assert code == 2 and f"«{folder}» là một thư mục, không phải tệp" in err
    assert _numbers(office) == [(1, numbering.ISSUED)] and list(folder.iterdir()) == []


@pytest.mark.parametrize("document", ISSUING)
def test_a_folder_that_cannot_be_written_takes_no_number(office, read_only, document):
    code, _, err = office(*ISSUING[document], "--out", read_only / "bc.pdf")
    assert code == 2 and f"Không có quyền ghi vào thư mục «{read_only}»." in err
    assert _numbers(office) == [(1, numbering.ISSUED)] and list(read_only.iterdir()) == []


@pytest.mark.parametrize("document", ISSUING)
def test_a_file_open_in_another_program_takes_no_number(office, tmp_path, open_elsewhere, document):
    target = tmp_path / "bc.pdf"
    target.write_bytes("bản cũ".encode())
    open_elsewhere(target)  # as Word or a PDF reader holds it on Windows
    code, _, err = office(*ISSUING[document], "--out", target)
    assert code == 2 and f"«{target}» đang mở trong chương trình khác hoặc không ghi được" in err
    assert "Chưa lấy số văn bản." in err
    assert _numbers(office) == [(1, numbering.ISSUED)] and target.read_bytes() == "bản cũ".encode()


@pytest.mark.parametrize(("document", "number"), [("report", "02-BC/BTCTU"), ("reminder", "01-CV/BTCTU")])
def test_a_file_opened_once_its_number_is_taken_spoils_the_number_and_says_so(office, tmp_path, open_elsewhere,
                                                                            monkeypatch, document, number):
    target = tmp_path / "bc.pdf"
    target.write_bytes("bản cũ".encode())
    monkeypatch.setattr(crashpoints, "reached", lambda name: name == "number-reserved" and open_elsewhere(target))
    code, _, err = office(*ISSUING[document], "--out", target)
    assert code == 1  # not 2: something changed, a number was used
    assert f"«{target}» đang mở trong chương trình khác hoặc không ghi được" in err
    assert f"số {number} đã ghi vào sổ là hỏng" in err
    assert sorted(_numbers(office), key=lambda taken: taken[1]) == [(1, numbering.ISSUED),
                                                                    (int(number[:2]), numbering.SPOILED)]
    assert target.read_bytes() == "bản cũ".encode()
