"""Nothing the program keeps holds record content in plaintext: database, WAL, key file, log."""

from pathlib import Path

import pytest

from bvct_desktop import paths
from bvct_desktop.core import importing, vault
from bvct_desktop.core.kinds import CADRES
from tests.conftest import ADMIN, PASSWORD
from tests.rows_sheet import rows_sheet

SECRETS = ["Nguyễn Thị Bí Mật", "Xã Hàm Thạnh Ẩn Danh", "060099123456", "Trưởng ban Đặc biệt"]


def _encodings(text: str) -> list[bytes]:
    import unicodedata

    forms = {text, unicodedata.normalize("NFD", text)}
    return [form.encode(codec) for form in forms for codec in ("utf-8", "utf-16-le", "utf-16-be")]


def _leaks(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {secret}" for secret in SECRETS
                      if any(encoded in data for encoded in _encodings(secret))]
    return found


@pytest.mark.file_only("the SQLCipher file's bytes; a server's volume is protected by disk encryption (README)")
def test_record_values_never_reach_the_disk_in_plaintext(cli, tmp_path, monkeypatch):
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    rows = [["Họ và tên", "Ngày sinh", "Quê quán", "Số CCCD", "Chức vụ"],
            [SECRETS[0], "1971", SECRETS[1], SECRETS[2], SECRETS[3]]]
    result = importing.import_sheet(db, CADRES, rows_sheet(rows, "bi-mat.xlsx", font="Times New Roman"))
    assert result.ok
    # a second connection writes while the first is open, so the WAL holds fresh pages
    with db.write() as connection:
        db.audit(connection, "kiểm tra")
    wal = Path(f"{cli.db}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    assert _leaks(tmp_path) == []
    db.close()

    def broken(*args, **kwargs):
        raise ValueError(" ".join(SECRETS))

    monkeypatch.setattr(importing, "import_sheet", broken)
    workbook = tmp_path / "in" / "x.xlsx"
    workbook.parent.mkdir()
    from tests.conftest import workbook as make_workbook

    make_workbook(workbook, ["Họ và tên", "Ngày sinh"], [["Người Khác", "1970"]])
    assert cli("import", "cadres", workbook)[0] == 1
    assert paths.log_file().exists()
    assert _leaks(tmp_path) == []
    assert _leaks(paths.log_file().parent) == []
