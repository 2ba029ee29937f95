"""`bvct backup / verify / restore`: one encrypted file, checked before use, restored safely."""

import json
import os
import re
import shlex
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bvct_desktop import paths
from bvct_desktop.core import backup, backup_log, keyfile, restore_checks, restore_loss
from bvct_desktop.core.backup import ZIP_LOCAL_HEADER
from bvct_desktop.core.errors import DISK_FULL, DamagedError, DiskFullError, NotABackupError
from tests.conftest import ADMIN, CADRE_HEADERS, PASSWORD, workbook
from tests.core.test_no_plaintext import SECRETS, _encodings


def _secret(cli, text: str):
    path = cli.db.parent / f"secret-{abs(hash(text))}.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def backed_up(cli, cadres_file, tmp_path):
    assert cli("import", "cadres", cadres_file)[0] == 0
    out = tmp_path / "sao-luu" / "bvct.bvctbak"
    out.parent.mkdir()
    code, stdout, err = cli("backup", "--out", out)
    assert code == 0, err
    assert "Đã sao lưu và kiểm tra" in stdout
    assert re.search(r"\(\d+,\d MB, \d\d/\d\d/\d{4} ", stdout), stdout
    return out


def _cadre_names(cli) -> list[str]:
    export = cli.db.parent / "xuat.xlsx"
    assert cli("export", "cadres", "--out", export)[0] == 0
    import openpyxl

    sheet = openpyxl.load_workbook(export).worksheets[0]
    return sorted(row[0] for row in sheet.iter_rows(min_row=2, values_only=True))


@pytest.mark.file_only("a file database's backup (its pages, key file); a server's: tests/server/test_moving.py")
def test_backup_holds_the_copy_its_key_file_and_a_signed_manifest(backed_up, cli):
    with zipfile.ZipFile(backed_up) as archive:
        assert sorted(archive.namelist()) == ["bvct.db", "bvct.db.keys", "manifest.json"]
        manifest = json.loads(archive.read("manifest.json"))
        keys = keyfile.KeyFile.from_bytes(archive.read("bvct.db.keys"), backed_up)
        data = archive.read("bvct.db")
    assert manifest["format"] == "BVCT-BACKUP" and len(manifest["mac"]) == 64
    assert manifest["audit_head"] == keys.audit_head and manifest["audit_head"]["count"] >= 3
    assert not data.startswith(b"SQLite format 3")
    assert keyfile.read(keyfile.key_path(cli.db)).last_backup["path"] == str(backed_up.resolve())


@pytest.mark.file_only("a file database's backup (its pages, key file); a server's: tests/server/test_moving.py")
def test_verify_checks_everything_without_restoring(backed_up, cli):
    before = cli.db.read_bytes()
    code, out, _ = cli("verify", backed_up)
    assert code == 0
    for check in (backup.MANIFEST_CHECKED, backup.FILES_CHECKED, backup.PAGES_CHECKED, "Chuỗi nhật ký toàn vẹn",
                  "tài khoản và khóa khôi phục"):
        assert check in out
    assert not re.search(r"HMAC|SHA|integrity|manifest", out)  # words an administrator reads, not codes
    assert cli.db.read_bytes() == before


@pytest.mark.file_only("a file database's backup (its pages, key file); a server's: tests/server/test_moving.py")
def test_restore_brings_the_records_back_and_keeps_the_current_pair(backed_up, cli, tmp_path):
    names = _cadre_names(cli)
    cli.db.write_bytes(b"\x00" * 8192)  # the current database is ruined
    code, out, err = cli("restore", backed_up)
    assert code == 0, err
    kept = sorted(p.name for p in tmp_path.glob("bvct-truoc-khoi-phuc-*"))
    assert len(kept) == 2 and kept[1] == kept[0] + ".keys"
    assert (tmp_path / kept[0]).read_bytes() == b"\x00" * 8192
    assert _cadre_names(cli) == names
    assert cli("audit", "verify")[0] == 0
    listing = cli("audit", "list")[1]
    assert "khôi phục từ bản sao lưu" in listing


@pytest.mark.file_only("a file database's restore keeps the current pair; a server is restored only into an empty one")
def test_an_older_backup_restored_over_newer_work_tells_what_the_restored_database_lacks(backed_up, cli, tmp_path):
    """The desktop asks before with these lines; `bvct restore` (a Task Scheduler's, a script's) cannot ask,
    so it tells what is left behind in the pair it kept, where the administrator can still find it."""
    later = workbook(tmp_path / "them.xlsx", CADRE_HEADERS, [["Hoàng Văn Mới", "02/02/1982", "Nam"],
                                                                ["Đặng Thị Sau", "03/03/1983", "Nữ"]])
    assert cli("import", "cadres", later)[0] == 0
    code, out, err = cli("restore", backed_up)
    assert code == 0, err
    kept = out.index("Bản đang có được giữ lại:")
    assert out.index("Những việc đã làm sau lúc sao lưu không còn trong cơ sở dữ liệu đã khôi phục (vẫn còn trong "
                     "tệp cũ được giữ lại):\n  – Cán bộ: 2 bản ghi thêm mới\n") > kept, out
    code, out, err = cli("restore", backed_up)  # nothing done since the first restore
    assert code == 0 and ("Từ lúc sao lưu đến lúc khôi phục chưa có hồ sơ, tài khoản, thiết lập hay văn bản nào "
                          "được thêm, sửa hoặc xóa.") in out, err
    assert "sẽ" not in out, out  # told once it is done, not as the question asked before


@pytest.mark.file_only("a ruined database file; a server keeps its own pages")
def test_a_restore_over_a_database_it_cannot_read_tells_no_loss(backed_up, cli):
    cli.db.write_bytes(b"\x00" * 8192)
    code, out, err = cli("restore", backed_up)
    assert code == 0, err
    assert restore_loss.LOST_NOW not in out and restore_loss.NOTHING_LOST_NOW not in out, out


@pytest.mark.file_only("a file database's restore keeps the current pair; a server is restored only into an empty one")
def test_a_fault_of_the_program_while_the_loss_is_counted_is_not_taken_for_a_database_it_cannot_read(
        backed_up, cli, monkeypatch):
    def fault(*_, **__):
        raise KeyError("audit_head")

    monkeypatch.setattr(restore_loss, "told", fault)
    with pytest.raises(KeyError):
        backup.restore(backed_up, ADMIN, PASSWORD, cli.db)
    assert cli("users", "list")[0] == 0


@pytest.fixture
def key_derivations(monkeypatch) -> list[str]:
    """The backups' key slots opened with a password (an Argon2id derivation of seconds each), by name."""
    opened = []
    open_slot = keyfile.KeyFile.open_slot

    def counted(keys, name, password):
        opened.append(name)
        return open_slot(keys, name, password)

    monkeypatch.setattr(keyfile.KeyFile, "open_slot", counted)
    return opened


@pytest.mark.file_only("a file database's restore keeps the current pair; a server is restored only into an empty one")
def test_a_restore_given_the_backup_s_verification_opens_and_checks_it_once(backed_up, cli, key_derivations,
                                                                            monkeypatch):
    """The «Sao lưu» page verifies the backup, asks, then restores: the restore checked the whole file again
    (a second key derivation and every page). Given the report, it derives no key: the manifest read now
    must be the one verified (its MAC checked again) and the data extracted must match its SHA-256, so the
    bytes restored are the bytes verified."""
    page_checks = []
    check_database = backup._check_database
    monkeypatch.setattr(backup, "_check_database", lambda *args, **kwargs: page_checks.append(1) or check_database(
        *args, **kwargs))
    names = _cadre_names(cli)
    cli.db.write_bytes(b"\x00" * 8192)  # the current database is ruined
    key_derivations.clear()
    report = backup.verify(backed_up, ADMIN, PASSWORD)
    restored = backup.restore(backed_up, ADMIN, PASSWORD, cli.db, verified=report)
    assert (key_derivations, page_checks) == ([ADMIN], [1])
    assert restored.report.role == report.role and restored.report.checks == report.checks
    assert _cadre_names(cli) == names and cli("audit", "verify")[0] == 0


@pytest.mark.file_only("a file database's restore keeps the current pair; a server is restored only into an empty one")
def test_a_backup_changed_after_its_verification_is_checked_whole_again_by_the_restore(backed_up, cli, tmp_path,
                                                                                       key_derivations):
    report = backup.verify(backed_up, ADMIN, PASSWORD)
    later = tmp_path / "sau.bvctbak"
    assert cli("backup", "--out", later)[0] == 0
    backed_up.write_bytes(later.read_bytes())  # another backup of the same database put in its place
    key_derivations.clear()
    backup.restore(backed_up, ADMIN, PASSWORD, cli.db, verified=report)
    assert key_derivations == [ADMIN]
    assert cli("backup", "--out", later)[0] == 0
    report = backup.verify(later, ADMIN, PASSWORD)
    _rewrite(later, _flip_page)  # the same manifest, a page of data changed on the USB stick since
    with pytest.raises(DamagedError) as refused:
        backup.restore(later, ADMIN, PASSWORD, cli.db, verified=report)
    assert "mã kiểm tra" in refused.value.message


@pytest.mark.file_only("a restore to a file; a server is restored only into an empty one (tests/server/test_moving.py)")
def test_the_restore_s_entry_names_the_backup_by_its_full_path_as_typed_relative(backed_up, cli, monkeypatch):
    """«bvct restore chuyen-may.bvctbak» typed in the USB stick's folder: the trail says which stick or
    folder the records came back from, as a backup's and an import's entries do."""
    monkeypatch.chdir(backed_up.parent)
    code, _, err = cli("restore", backed_up.name)
    assert code == 0, err
    restored = [line for line in cli("audit", "list")[1].splitlines() if "khôi phục từ bản sao lưu" in line]
    assert len(restored) == 1 and f"Tệp: {backed_up.resolve()};" in restored[0], restored


@pytest.mark.file_only("a file database's modes")
@pytest.mark.skipif(os.name != "posix", reason="owner-only modes are POSIX's")
def test_the_restored_database_and_the_pair_kept_are_readable_by_their_owner_only(backed_up, cli, tmp_path):
    cli.db.chmod(0o644)  # a database made before databases were made owner-only
    assert cli("restore", backed_up)[0] == 0
    restored = [cli.db, keyfile.key_path(cli.db)]
    kept = list(tmp_path.glob("bvct-truoc-khoi-phuc-*"))
    assert len(kept) == 2
    assert {path.name: stat.S_IMODE(path.stat().st_mode) for path in restored + kept} == {
        path.name: 0o600 for path in restored + kept}


def test_restore_into_an_empty_place_and_open_with_the_same_password(backed_up, cli, tmp_path):
    target = tmp_path / "may-moi" / "bvct.db"
    target.parent.mkdir()
    assert cli("--db", target, "restore", backed_up)[0] == 0
    assert cli("--db", target, "users", "list")[0] == 0
    assert not list(target.parent.glob("*truoc-khoi-phuc*"))


def test_restore_tells_a_second_backup_folder_this_pc_does_not_have(cli, tmp_path):
    """The old PC copied its backups to a drive this PC names otherwise: said after the restore, the
    lines scripts read unchanged."""
    second = tmp_path / "o-e"
    second.mkdir()
    assert cli("settings", "set", "thu_muc_sao_luu_2", second)[0] == 0
    saved = tmp_path / "bvct.bvctbak"
    assert cli("backup", "--out", saved)[0] == 0
    second.rmdir()
    target = tmp_path / "may-moi" / "bvct.db"
    code, out, err = cli("--db", target, "restore", saved)
    assert code == 0, err
    assert out.splitlines()[-1] == (f"Thư mục sao lưu thứ hai «{second}» (thiết lập thu_muc_sao_luu_2) không có trên "
                                    "máy này (máy mới có thể đặt tên ổ đĩa khác): " + restore_checks.SET_IT_AGAIN)
    assert f"Đã khôi phục vào: {target}\n" in out


def test_restore_on_a_new_pc_makes_the_data_folder_as_init_does(backed_up, cli, monkeypatch):
    """The README's move to a new PC: install, then `bvct restore` to the default database, whose
    folder only `init` or the desktop had made."""
    monkeypatch.delenv("BVCT_DB")
    assert not paths.data_folder().exists()
    code, out, err = cli("restore", backed_up)
    assert code == 0, err
    assert f"Đã khôi phục vào: {paths.default_database()}\n" in out
    assert cli("users", "list")[0] == 0


def test_restore_into_a_folder_not_made_yet_makes_it_once_the_backup_is_checked(backed_up, cli, tmp_path):
    target = tmp_path / "may-moi" / "nam-2026" / "bvct.db"
    assert cli.as_user(ADMIN, "sai-mat-khau-roi")("--db", target, "restore", backed_up)[0] == 3
    assert not (tmp_path / "may-moi").exists()  # a refused restore makes nothing
    assert cli.as_user(ADMIN, PASSWORD)("--db", target, "restore", backed_up)[0] == 0
    assert cli("--db", target, "users", "list")[0] == 0


@pytest.mark.file_only("a file database's key file names its database")
def test_a_restored_database_s_key_file_names_the_restored_file(backed_up, cli, tmp_path, monkeypatch):
    target = tmp_path / "may-moi" / "bvct.db"
    target.parent.mkdir()
    assert cli("--db", target, "restore", backed_up)[0] == 0
    assert keyfile.read(keyfile.key_path(target)).db_salt == target.read_bytes()[:16].hex()
    monkeypatch.setenv("BVCT_PASSWORD", "Mat-khau-go-nham-2025")
    code, _, err = cli("--db", target, "users", "list")
    assert code == 3 and "Sai tên người dùng hoặc mật khẩu" in err  # a mistyped password, not another file


@pytest.mark.file_only("a damaged database file; a server keeps its own pages")
def test_the_restore_command_of_a_damage_message_restores_that_database_when_run_as_printed(cli, tmp_path):
    damaged = tmp_path / "kho $2" / "a.db"  # a space and a `$`: one word of the shell only when quoted
    damaged.parent.mkdir()
    assert cli("--db", damaged, "init", "--admin", ADMIN)[0] == 0
    assert cli("--db", damaged, "backup", "--out", tmp_path / "b1.bvctbak")[0] == 0
    default = cli.db.read_bytes()  # $BVCT_DB names another database
    damaged.write_bytes(b"\x00" * 8192)
    code, _, err = cli("--db", damaged, "users", "list")
    assert code == 4
    command = shlex.split(err.rsplit("Khôi phục bằng lệnh: ", 1)[1])
    assert command == ["bvct", "--db", str(damaged), "--user", ADMIN, "restore", str(tmp_path / "b1.bvctbak")]
    assert cli(*command[1:])[0] == 0
    assert cli("--db", damaged, "users", "list")[0] == 0 and cli.db.read_bytes() == default


def test_backup_file_holds_no_plaintext(cli, tmp_path):
    from tests.conftest import workbook

    source = workbook(tmp_path / "bi-mat.xlsx", ["Họ và tên", "Ngày sinh", "Quê quán", "Số CCCD", "Chức vụ"],
                      [SECRETS[:1] + ["1971"] + SECRETS[1:]])
    assert cli("import", "cadres", source)[0] == 0
    source.unlink()
    out = tmp_path / "b.bvctbak"
    assert cli("backup", "--out", out)[0] == 0
    data = out.read_bytes()
    assert not [s for s in SECRETS if any(e in data for e in _encodings(s))]


def _rewrite(archive_path, change):
    with zipfile.ZipFile(archive_path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    change(members)
    with zipfile.ZipFile(archive_path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _flip_page(members):
    data = bytearray(members["bvct.db"])
    data[4096 * 2 + 100] ^= 0x01
    members["bvct.db"] = bytes(data)


def _edit_manifest(members):
    manifest = json.loads(members["manifest.json"])
    manifest["created_by"] = "nguoi-khac"
    members["manifest.json"] = json.dumps(manifest).encode()


def _flip_page_and_fix_hash(members):
    import hashlib

    _flip_page(members)
    manifest = json.loads(members["manifest.json"])
    manifest["files"]["bvct.db"]["sha256"] = hashlib.sha256(members["bvct.db"]).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()


def _damage_key_file(members):
    members["bvct.db.keys"] = members["bvct.db.keys"].replace(b'"count"', b'"cuont"')


@pytest.mark.parametrize("damage, message", [
    (_flip_page, "mã kiểm tra"),
    (_edit_manifest, "mã xác thực"),
    (_flip_page_and_fix_hash, "mã xác thực"),
    (_damage_key_file, "Tệp khóa"),
])
@pytest.mark.file_only("a file database's backup (its pages, key file); a server's: tests/server/test_moving.py")
def test_a_damaged_backup_is_refused_with_exit_4(backed_up, cli, damage, message):
    _rewrite(backed_up, damage)
    before = cli.db.read_bytes()
    for command in ("verify", "restore"):
        code, _, err = cli(command, backed_up)
        assert code == 4 and message in err, err
        assert err.rstrip().endswith(backup.another_backup()), err  # what the officer does about it
    assert cli.db.read_bytes() == before


def test_truncated_or_foreign_backup_files(backed_up, cli, tmp_path):
    backed_up.write_bytes(backed_up.read_bytes()[:5000])
    code, _, err = cli("verify", backed_up)
    assert code == 4 and err.rstrip().endswith(backup.another_backup()), err
    other = tmp_path / "khac.bvctbak"
    other.write_bytes(b"PK\x03\x04 not really")
    assert cli("verify", other)[0] == 4
    assert cli("verify", tmp_path / "khong-co.bvctbak")[0] == 2


def test_a_damaged_backup_suggests_the_automatic_backups_only_where_this_pc_holds_some(backed_up, cli):
    """On a new PC the data folder has no «sao-luu» of backups yet: the way to another backup names it
    only when backups are there."""
    backed_up.write_bytes(backed_up.read_bytes()[:5000])
    folder = backup_log.auto_folder()
    for found in folder.glob(f"*{backup_log.SUFFIX}"):
        found.unlink()
    code, _, err = cli("verify", backed_up)
    assert code == 4 and err.rstrip().endswith(
        "Bản sao lưu này không dùng được: hãy chọn bản sao lưu khác (bản trước đó, bản chép ra ổ USB)."), err
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"bvct-tu-dong{backup_log.SUFFIX}").write_bytes(b"")
    code, _, err = cli("verify", backed_up)
    assert code == 4 and err.rstrip().endswith(
        f"(bản trước đó, bản chép ra ổ USB, hoặc bản tự động trong thư mục «{folder}»)."), err


@pytest.mark.parametrize("kept", [0.9, 0.5, 0.01])
def test_a_backup_copied_half_is_told_as_cut_short_not_as_no_backup(backed_up, cli, tmp_path, kept):
    """A USB stick pulled out while the backup was copied: «không phải bản sao lưu … hoặc đã bị hỏng»
    left the officer wondering whether the wrong file was chosen. The file is said to be a backup cut
    short, with the way to a whole one, whatever the password."""
    whole = backed_up.read_bytes()
    half = tmp_path / "usb.bvctbak"
    half.write_bytes(whole[:int(len(whole) * kept)])
    for password in (PASSWORD, "Sai-mat-khau-99"):
        code, _, err = cli.as_user(ADMIN, password)("verify", half)
        assert code == 4, err
        assert err.startswith("«usb.bvctbak» là bản sao lưu BVCT Desktop chưa được chép hết (tệp bị cắt cụt, có thể "
                              "do ổ USB bị rút ra khi đang chép)."), err
        assert err.rstrip().endswith(backup.another_backup()), err
    workbook = tmp_path / "can-bo.bvctbak"
    workbook.write_bytes(b"PK\x03\x04" + bytes(26) + b"[Content_Types].xml")
    code, _, err = cli.as_user(ADMIN, PASSWORD)("verify", workbook)
    assert code == 4 and err.startswith(backup.NOT_A_BACKUP.format("can-bo.bvctbak")), err


@pytest.mark.file_only("a restore to a file; a server is restored only into an empty one (tests/server/test_moving.py)")
def test_a_workbook_or_a_word_file_chosen_for_a_backup_is_told_as_no_backup_not_as_one_unusable(cli, tmp_path):
    """An .xlsx or a .docx is a zip too: «Bản sao lưu này không dùng được» called it a backup. It is told
    as a file that is no backup, with where the backups are."""
    import docx

    letter = tmp_path / "cong-van.docx"
    docx.Document().save(letter)
    chosen = [workbook(tmp_path / "so-can-bo.xlsx", CADRE_HEADERS, [["Hoàng Văn Mới", "02/02/1982", "Nam"]]), letter]
    for path in chosen:
        for command in ("verify", "restore"):
            code, out, err = cli(command, path)
            assert (code, out) == (4, ""), err
            assert err.rstrip() == (f"«{path.name}» không phải bản sao lưu BVCT Desktop hoặc đã bị hỏng. Hãy chọn tệp "
                                    "sao lưu của BVCT Desktop (đuôi .bvctbak: bản trước đó, bản chép ra ổ USB)."), err


def test_a_file_that_is_no_backup_is_its_own_kind_of_damage_and_a_backup_cut_short_is_not(backed_up, tmp_path):
    """The advice to choose a backup file is keyed on the kind of failure, not on its words: a file
    found to be no backup raises NotABackupError (a DamagedError: exit 4), wherever it is found so."""
    foreign = tmp_path / "anh.bvctbak"
    foreign.write_bytes(b"\x89PNG\r\n not a zip at all")
    workbook_zip = workbook(tmp_path / "so-can-bo.xlsx", CADRE_HEADERS, [["Hoàng Văn Mới", "02/02/1982", "Nam"]])
    other_format = tmp_path / "khac.bvctbak"
    with zipfile.ZipFile(backed_up) as source, zipfile.ZipFile(other_format, "w") as copied:
        for name in source.namelist():
            data = source.read(name)
            copied.writestr(name, json.dumps({"format": "khac"}) if name == backup_log.MANIFEST else data)
    for path in (foreign, workbook_zip, other_format):
        for reading in (backup.dated, lambda chosen: backup.verify(chosen, ADMIN, PASSWORD)):
            with pytest.raises(NotABackupError) as refused:
                reading(path)
            assert refused.value.exit_code == 4
            assert refused.value.message == f"{backup.NOT_A_BACKUP.format(path.name)} {backup.another_backup(True)}"
    cut_short = tmp_path / "usb.bvctbak"
    cut_short.write_bytes(backed_up.read_bytes()[:5000])
    with pytest.raises(DamagedError) as refused:
        backup.verify(cut_short, ADMIN, PASSWORD)
    assert not isinstance(refused.value, NotABackupError)


def _member_byte(name: str):
    """Where a byte of the member `name`'s stored data lies in the backup file."""
    def at(path: Path) -> int:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(name)
        return info.header_offset + ZIP_LOCAL_HEADER + len(info.filename.encode()) + len(info.extra) + 20
    return at


def _listed_byte(name: str, field: int):
    """Where byte `field` of the member `name`'s entry in the zip's directory at the end of the file lies."""
    def at(path: Path) -> int:
        data = path.read_bytes()
        entry = data.index(b"PK\x01\x02")
        while data[entry + 46:entry + 46 + int.from_bytes(data[entry + 28:entry + 30], "little")] != name.encode():
            entry = data.index(b"PK\x01\x02", entry + 1)
        return entry + field
    return at


def _header_byte(name: str, field: int):
    """Where byte `field` of the member `name`'s own header, before its data, lies."""
    def at(path: Path) -> int:
        with zipfile.ZipFile(path) as archive:
            return archive.getinfo(name).header_offset + field
    return at


# A zip's directory entry holds a member's flags at 8 (bit 0: encrypted), its compression method at 10 and
# its name at 46; a member's own header the length of its extra field at 28.
FLIPPED_BYTES = {
    "trong tệp khóa": _member_byte("bvct.db.keys"),
    "trong bản kê": _member_byte("manifest.json"),
    "trong mục lục cuối tệp": lambda path: path.stat().st_size - 10,
    "ở cờ mã hóa của tệp khóa trong mục lục": _listed_byte("bvct.db.keys", 8),
    "ở cách nén của tệp khóa trong mục lục": _listed_byte("bvct.db.keys", 10),
    "ở tên bản kê trong mục lục": _listed_byte("manifest.json", 46),
    "ở độ dài phần thêm đầu bản kê": _header_byte("manifest.json", 29),
}


@pytest.mark.file_only("compares the database file's bytes; the backup file is refused before any database is read")
@pytest.mark.parametrize("where", FLIPPED_BYTES)
def test_a_backup_with_a_byte_flipped_is_told_damaged_neither_foreign_nor_cut_short(backed_up, cli, tmp_path, where):
    """A USB stick's bad sector in a whole backup: «không phải bản sao lưu …» sent the officer looking for
    another file, «chưa được chép hết» to copy the same one again. It is a backup, damaged, whatever the
    password, and nothing is changed."""
    data = bytearray(backed_up.read_bytes())
    data[FLIPPED_BYTES[where](backed_up)] ^= 0x01
    flipped = tmp_path / "usb.bvctbak"
    flipped.write_bytes(bytes(data))
    before = cli.db.read_bytes(), keyfile.key_path(cli.db).read_bytes()
    for password in (PASSWORD, "Sai-mat-khau-99"):
        for command in ("verify", "restore"):
            code, _, err = cli.as_user(ADMIN, password)(command, flipped)
            assert code == 4 and err.startswith(backup.DAMAGED.format("usb.bvctbak")), err
            assert err.rstrip().endswith(backup.another_backup()), err
    assert (cli.db.read_bytes(), keyfile.key_path(cli.db).read_bytes()) == before


@pytest.mark.file_only("compares the database file's bytes")
@pytest.mark.parametrize("field", [8, 10])
def test_a_byte_flipped_in_the_data_s_directory_entry_is_told_damaged(backed_up, cli, tmp_path, field):
    """The data member's flags (read as encrypted) or compression method (read as unknown) ended in
    «Lỗi không lường trước», exit 1: it is the damaged backup the officer must replace."""
    data = bytearray(backed_up.read_bytes())
    data[_listed_byte("bvct.db", field)(backed_up)] ^= 0x01
    flipped = tmp_path / "usb.bvctbak"
    flipped.write_bytes(bytes(data))
    before = cli.db.read_bytes(), keyfile.key_path(cli.db).read_bytes()
    for command in ("verify", "restore"):
        code, _, err = cli(command, flipped)
        assert code == 4 and err.startswith(backup.DAMAGED.format("usb.bvctbak")), err
    assert (cli.db.read_bytes(), keyfile.key_path(cli.db).read_bytes()) == before


@pytest.mark.file_only("compares the database file's bytes; the backup file is refused before any database is read")
@pytest.mark.parametrize("command", ["verify", "restore"])
def test_a_folder_or_a_missing_file_given_as_the_backup_is_bad_input(cli, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    before = cli.db.read_bytes()
    code, out, err = cli(command, ".")
    assert (code, out) == (2, "") and "«.» là thư mục, không phải tệp sao lưu." in err, err
    code, out, err = cli(command, "khong-co.bvctbak")
    assert (code, out) == (2, "") and "Không tìm thấy tệp sao lưu «khong-co.bvctbak»." in err, err
    assert cli.db.read_bytes() == before


def test_page_damage_inside_a_consistent_backup_is_found_by_the_integrity_check(cli, tmp_path):
    """A backup whose hashes and manifest agree (as if made from a damaged copy) still fails."""
    from bvct_desktop.core import vault

    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    out = tmp_path / "x.bvctbak"
    backup.write(db, out)

    def forged(members):
        _flip_page(members)
        import hashlib

        manifest = json.loads(members["manifest.json"])
        manifest["files"]["bvct.db"] = {"sha256": hashlib.sha256(members["bvct.db"]).hexdigest(),
                                        "size": len(members["bvct.db"])}
        manifest["mac"] = backup._manifest_mac(db.derive_key(backup.MANIFEST_KEY_PURPOSE), manifest)
        members["manifest.json"] = json.dumps(manifest).encode()

    _rewrite(out, forged)
    db.close()
    code, _, err = cli("verify", out)
    assert code == 4 and "hỏng" in err


def _desktop_holding(db: Path) -> subprocess.Popen:
    """Another process holding the lock an open BVCT Desktop window holds on `db`."""
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; from bvct_desktop.gui.instance import "
         "InstanceLock; lock = InstanceLock(Path(sys.argv[1])); assert lock.acquire(); print('giu', flush=True); "
         "sys.stdin.read()",
         str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline() == "giu\n"
    return child


@pytest.mark.file_only("the desktop's lock beside a database file")
def test_restore_is_refused_while_the_desktop_has_the_database_open(backed_up, cli, tmp_path):
    own = [cli.db, keyfile.key_path(cli.db)]
    before = [path.read_bytes() for path in own]
    desktop = _desktop_holding(cli.db)
    try:
        code, out, err = cli("restore", backed_up)
    finally:
        desktop.kill()  # killed, it leaves its lock file behind
        desktop.wait()
    assert code == 1 and out == ""
    assert "Cơ sở dữ liệu đang được mở trong BVCT Desktop; hãy đóng chương trình rồi khôi phục lại." in err
    assert [path.read_bytes() for path in own] == before and not list(tmp_path.glob("*truoc-khoi-phuc*"))
    assert Path(f"{cli.db}.lock").exists()  # held by no running program now: no longer in the way
    assert cli("restore", backed_up)[0] == 0


@pytest.mark.file_only("a file database's backup (its pages, key file); a server's: tests/server/test_moving.py")
def test_wrong_password_of_the_backup_exits_3(backed_up, cli):
    assert cli.as_user(ADMIN, "sai-mat-khau-roi")("verify", backed_up)[0] == 3
    assert cli.as_user("nguoi-la", PASSWORD)("restore", backed_up)[0] == 3


@pytest.mark.file_only("a file database's backup (its pages, key file); a server's: tests/server/test_moving.py")
def test_roles_for_backup_verify_and_restore(cli, tmp_path):
    for name, role in (("xem1", "xem"), ("cv1", "chuyen-vien")):
        assert cli("users", "add", name, "--role", role,
                   "--new-password-file", _secret(cli, f"{name}-Mat-khau-2026"))[0] == 0
    out = tmp_path / "b.bvctbak"
    assert cli("backup", "--out", out)[0] == 0
    assert cli.as_user("xem1", "xem1-Mat-khau-2026")("backup", "--out", tmp_path / "x.bvctbak")[0] == 5
    assert not (tmp_path / "x.bvctbak").exists()
    assert cli.as_user("xem1", "xem1-Mat-khau-2026")("verify", out)[0] == 5
    assert cli.as_user("cv1", "cv1-Mat-khau-2026")("verify", out)[0] == 0
    before = cli.db.read_bytes()
    code, _, err = cli.as_user("cv1", "cv1-Mat-khau-2026")("restore", out)
    assert code == 5 and "quản trị viên" in err
    assert cli.db.read_bytes() == before and not list(tmp_path.glob("*truoc-khoi-phuc*"))


def test_a_failed_backup_is_audited(cli, tmp_path, monkeypatch):
    import errno

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    out = tmp_path / "day.bvctbak"
    with monkeypatch.context() as patched:
        patched.setattr(zipfile.ZipFile, "writestr", full)
        code, _, err = cli("backup", "--out", out)
    assert code == 1 and "Ổ đĩa đầy" in err
    assert sorted(p.name for p in tmp_path.iterdir() if "day" in p.name) == []
    listing = cli("audit", "list")[1]
    assert "sao lưu\tthất bại" in listing
    assert f"Tệp: {out.resolve()}" in listing  # the officer finds where it was to be written


@pytest.mark.file_only("a damaged database names its file's restore")
def test_a_backup_whose_audit_entry_finds_the_database_damaged_still_names_the_restore(cli, tmp_path, monkeypatch):
    assert cli("backup", "--out", tmp_path / "cu.bvctbak")[0] == 0
    real = backup._audit_quietly

    def damaged(db, action, outcome, details):
        if outcome == "ok":
            raise DamagedError("Cơ sở dữ liệu bị hỏng.", (cli.db, tmp_path / "cu.bvctbak"))
        return real(db, action, outcome, details)

    monkeypatch.setattr(backup, "_audit_quietly", damaged)
    code, _, err = cli("backup", "--out", tmp_path / "moi.bvctbak")
    assert code == 4
    assert "Bản sao lưu vừa ghi đã được xóa" in err
    assert "Khôi phục bằng lệnh: bvct --db" in err and "cu.bvctbak" in err
    assert not (tmp_path / "moi.bvctbak").exists()


def test_a_backup_over_its_earlier_one_that_cannot_be_audited_leaves_the_earlier_one(cli, tmp_path, monkeypatch):
    """A scheduled backup writes one name every day. Its audit entry meeting a full disk removed the new
    backup after it had replaced the earlier one: both were gone."""
    out = tmp_path / "hang-ngay.bvctbak"
    assert cli("backup", "--out", out)[0] == 0
    earlier = out.read_bytes()
    real = backup._audit_quietly

    def full(db, action, outcome, details):
        if outcome == "ok":
            raise DiskFullError(f"{DISK_FULL}: không ghi được vào cơ sở dữ liệu; cơ sở dữ liệu không thay đổi.")
        return real(db, action, outcome, details)

    with monkeypatch.context() as patched:
        patched.setattr(backup, "_audit_quietly", full)
        code, _, err = cli("backup", "--out", out)
    assert code == 1 and "Bản sao lưu vừa ghi đã được xóa vì không ghi được vào nhật ký." in err
    assert f"Bản sao lưu trước ở «{out}» vẫn còn nguyên." in err
    assert out.read_bytes() == earlier and [p.name for p in tmp_path.iterdir() if "hang-ngay" in p.name] == [out.name]
    assert cli("verify", out)[0] == 0


@pytest.mark.file_only("a file database's own files")
@pytest.mark.parametrize("suffix", ["", ".keys", "-wal", "-shm", "-journal", ".keys.lock", ".keys.slots.lock"])
def test_a_backup_is_never_written_over_the_database_s_own_files(cli, tmp_path, monkeypatch, suffix):
    own = tmp_path / "sub" / ".." / f"{cli.db.name}{suffix}"  # the same file, named another way
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    for named in (own, f"{cli.db.name}{suffix}"):
        code, out, err = cli("backup", "--out", named)
        assert (code, out) == (2, "") and "tệp của chính cơ sở dữ liệu" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not [p for p in tmp_path.iterdir() if p.is_file() and p.read_bytes().startswith(b"PK")]
    assert cli("audit", "verify")[0] == 0


@pytest.mark.file_only("a symbolic link to a file database's key file")
def test_a_link_to_the_key_file_is_the_key_file(cli, tmp_path):
    link = tmp_path / "lien-ket.bvctbak"
    link.symlink_to(keyfile.key_path(cli.db))
    code, _, err = cli("backup", "--out", link)
    assert code == 2 and "tệp của chính cơ sở dữ liệu" in err
    assert link.is_symlink() and cli("audit", "verify")[0] == 0


def test_a_backup_overwrites_its_own_earlier_backup_but_no_other_file(cli, tmp_path):
    out = tmp_path / "hang-ngay.bvctbak"
    assert cli("backup", "--out", out)[0] == 0
    first = out.read_bytes()
    assert cli("backup", "--out", out)[0] == 0  # a scheduled task writing the same name every day
    assert out.read_bytes() != first
    letter = tmp_path / "cong-van.docx"
    letter.write_bytes(b"PK\x03\x04 not a backup")
    code, _, err = cli("backup", "--out", letter)
    assert code == 2 and "không phải bản sao lưu" in err and "không ghi đè" in err
    assert letter.read_bytes() == b"PK\x03\x04 not a backup"


@pytest.mark.file_only("two file databases")
def test_a_backup_of_another_database_is_not_overwritten(cli, tmp_path):
    other = tmp_path / "khac" / "bvct.db"
    other.parent.mkdir()
    assert cli("--db", other, "init", "--admin", ADMIN)[0] == 0
    theirs = tmp_path / "chung.bvctbak"
    assert cli("--db", other, "backup", "--out", theirs)[0] == 0
    before = theirs.read_bytes()
    code, _, err = cli("backup", "--out", theirs)
    assert code == 2 and "cơ sở dữ liệu khác" in err
    assert theirs.read_bytes() == before


@pytest.mark.file_only("a file database's backup (its key slots); a server's: tests/server/test_moving.py")
def test_a_login_the_backup_does_not_know_is_told_the_backup_has_its_own_accounts(backed_up, cli):
    new_password = _secret(cli, "Mat-khau-moi-2026!")
    assert cli("users", "passwd", ADMIN, "--new-password-file", new_password)[0] == 0
    now = cli.as_user(ADMIN, "Mat-khau-moi-2026!")  # right for the current database, not for the backup
    assert now("users", "list")[0] == 0
    for runner, command in ((now, "verify"), (now, "restore"), (cli.as_user("nguoi-la", PASSWORD), "verify")):
        code, _, err = runner(command, backed_up)
        assert code == 3
        assert "Sai tên người dùng hoặc mật khẩu của bản sao lưu" in err and "tài khoản riêng" in err


@pytest.mark.file_only("a database file put back as an older copy beside its key file")
def test_a_chief_meeting_an_older_copy_is_not_told_to_restore_as_himself(cli, cadres_file, tmp_path):
    """Only an administrator of the backup restores: the command a leader is shown names no one."""
    assert cli("users", "add", "truongphong", "--role", "lanh-dao", "--new-password-file",
               _password_file(tmp_path, "Truong-phong-2026"))[0] == 0
    old = tmp_path / "cu.db"
    old.write_bytes(cli.db.read_bytes())
    assert cli("import", "cadres", cadres_file)[0] == 0
    assert cli("backup", "--out", tmp_path / "sau.bvctbak")[0] == 0
    cli.db.write_bytes(old.read_bytes())
    code, _, err = cli.as_user("truongphong", "Truong-phong-2026")("audit", "verify")
    assert code == 4 and "cũ hơn tệp khóa" in err
    assert "Chỉ quản trị viên của bản sao lưu khôi phục được (TÊN: tên của quản trị viên)." in err
    assert "--user TÊN restore" in err and "--user truongphong" not in err


def _password_file(folder: Path, password: str) -> Path:
    path = folder / "mat-khau.txt"
    path.write_text(password, encoding="utf-8")
    return path


@pytest.mark.file_only("a file database's backup (its pages, key file); a server's: tests/server/test_moving.py")
def test_verify_and_restore_take_the_name_as_a_login_takes_it(backed_up, cli):
    """A space typed around the name (or combining marks, core/test_vault) is the account, as at login."""
    typed = cli.as_user(f" {ADMIN}  ", PASSWORD)
    assert typed("verify", backed_up)[0] == 0
    code, _, err = typed("restore", backed_up)
    assert code == 0, err
    entries = cli.as_user(ADMIN, PASSWORD)("audit", "list")[1]
    assert "khôi phục từ bản sao lưu" in entries and f" {ADMIN}  " not in entries


@pytest.mark.file_only("a database file put back as an older copy beside its key file")
def test_a_database_put_back_as_an_older_copy_is_neither_opened_nor_backed_up(cli, cadres_file, tmp_path):
    old = tmp_path / "cu.db"
    old.write_bytes(cli.db.read_bytes())
    assert cli("import", "cadres", cadres_file)[0] == 0
    assert cli("backup", "--out", tmp_path / "sau.bvctbak")[0] == 0
    cli.db.write_bytes(old.read_bytes())
    for command in (("backup", "--out", tmp_path / "lui.bvctbak"), ("export", "cadres", "--out", tmp_path / "x.xlsx"),
                    ("users", "list"), ("audit", "verify")):
        code, out, err = cli(*command)
        assert code == 4 and out == "", command
        assert f"«{cli.db}» cũ hơn tệp khóa của nó: Nhật ký bị cắt" in err and "bvct restore" in err
        assert str(tmp_path / "sau.bvctbak") in err  # the verified backup to restore
    assert not (tmp_path / "lui.bvctbak").exists() and not (tmp_path / "x.xlsx").exists()
    assert keyfile.read(keyfile.key_path(cli.db)).last_backup["path"] == str(tmp_path / "sau.bvctbak")


@pytest.mark.file_only("a file database's key slots, which a restore puts back")
def test_a_restore_tells_which_accounts_come_back_as_they_were_at_the_backup(cli, tmp_path):
    """Two officers: one locked after the backup (he left the office), one added after it. The backup's
    accounts come back with it; the administrator is told, to lock and add them again."""
    assert cli("users", "add", "tran.binh", "--role", "chuyen-vien",
               "--new-password-file", _secret(cli, "Tran-Binh-2026"))[0] == 0
    out = tmp_path / "b.bvctbak"
    assert cli("backup", "--out", out)[0] == 0
    assert cli("users", "add", "le.cuong", "--role", "xem",
               "--new-password-file", _secret(cli, "Le-Cuong-2027"))[0] == 0
    assert cli("users", "disable", "tran.binh")[0] == 0
    code, stdout, err = cli("restore", out)
    assert code == 0, err
    assert "Tài khoản trở về như lúc sao lưu:" in stdout
    assert "«tran.binh» đăng nhập lại được" in stdout and "«le.cuong» không còn đăng nhập được" in stdout


@pytest.mark.file_only("a server database has no recovery key (core/vault.NO_RECOVERY_KEY)")
def test_an_administrator_who_forgot_the_password_restores_on_a_new_pc_with_the_recovery_key(tmp_path, capsys,
                                                                                              monkeypatch):
    """The old PC gone and the administrator's password forgotten: `restore --recovery-key-file` opens
    the backup with its recovery key, as the desktop's first run does, and says how to set a password."""
    from tests.conftest import Cli

    old = Cli(tmp_path / "may-cu" / "bvct.db", capsys, monkeypatch)
    (tmp_path / "may-cu").mkdir()
    key = old("init", "--admin", ADMIN)[1].strip().splitlines()[-1]
    saved = tmp_path / "usb" / "bvct.bvctbak"
    saved.parent.mkdir()
    assert old("backup", "--out", saved)[0] == 0
    target = tmp_path / "may-moi" / "bvct.db"
    new = Cli(target, capsys, monkeypatch).as_user("", "")
    wrong = tmp_path / "sai.txt"
    wrong.write_text("KHONG-DUNG-" + key[11:], encoding="utf-8")
    code, _, err = new("restore", saved, "--recovery-key-file", wrong)
    assert code == 3 and backup.WRONG_BACKUP_RECOVERY_KEY in err and not target.parent.exists()
    typed = tmp_path / "khoa.txt"
    typed.write_text(key.lower().replace("-", " ") + "\n", encoding="utf-8")
    code, out, err = new("restore", saved, "--recovery-key-file", typed)
    assert code == 0, err
    assert f"Đã khôi phục vào: {target}\n" in out
    # the backup's one administrator named: the officer who forgot the password may not recall the name either
    assert f"bvct --db {target} users passwd {ADMIN} --recovery-key-file {typed}\n" in out
    (tmp_path / "moi.txt").write_text("Mat-khau-quan-tri-moi\n", encoding="utf-8")
    code, out, err = new("users", "passwd", ADMIN, "--recovery-key-file", typed,
                         "--new-password-file", tmp_path / "moi.txt")
    assert code == 0 and "KHÓA KHÔI PHỤC MỚI" in out, err
    assert new.as_user(ADMIN, "Mat-khau-quan-tri-moi")("audit", "verify")[0] == 0


def test_a_recovery_key_restore_of_a_backup_with_several_administrators_names_them_all(tmp_path, capsys, monkeypatch):
    from tests.conftest import Cli

    old = Cli(tmp_path / "may-cu" / "bvct.db", capsys, monkeypatch)
    (tmp_path / "may-cu").mkdir()
    key = old("init", "--admin", ADMIN)[1].strip().splitlines()[-1]
    (tmp_path / "mk.txt").write_text("Mat-khau-pho-phong-2026\n", encoding="utf-8")
    for name in ("nguyen.thi.lan", "tran.van.binh"):
        assert old("users", "add", name, "--role", "quan-tri", "--new-password-file", tmp_path / "mk.txt")[0] == 0
    assert old("users", "disable", "tran.van.binh")[0] == 0
    saved = tmp_path / "bvct.bvctbak"
    assert old("backup", "--out", saved)[0] == 0
    (tmp_path / "khoa.txt").write_text(key + "\n", encoding="utf-8")
    target = tmp_path / "may-moi" / "bvct.db"
    code, out, err = Cli(target, capsys, monkeypatch).as_user("", "")("restore", saved, "--recovery-key-file",
                                                                        tmp_path / "khoa.txt")
    assert code == 0, err
    assert (f"users passwd TÊN --recovery-key-file {tmp_path / 'khoa.txt'} (TÊN: tên đăng nhập của một quản trị "
            f"viên: nguyen.thi.lan, {ADMIN}).\n") in out


def test_the_password_command_a_recovery_key_restore_prints_runs_as_printed_from_another_folder(tmp_path, capsys,
                                                                                                monkeypatch):
    """«--recovery-key-file khoa.txt» typed in the USB stick's folder (E:\\), then the printed command run
    from «Dòng lệnh BVCT», which opens in the program's folder: the key file is named by its full path."""
    from tests.conftest import Cli

    old = Cli(tmp_path / "may-cu" / "bvct.db", capsys, monkeypatch)
    (tmp_path / "may-cu").mkdir()
    key = old("init", "--admin", ADMIN)[1].strip().splitlines()[-1]
    usb = tmp_path / "usb"
    usb.mkdir()
    assert old("backup", "--out", usb / "bvct.bvctbak")[0] == 0
    (usb / "khoa.txt").write_text(key + "\n", encoding="utf-8")
    monkeypatch.chdir(usb)
    target = tmp_path / "may-moi" / "bvct.db"
    code, out, err = Cli(target, capsys, monkeypatch).as_user("", "")("restore", "bvct.bvctbak",
                                                                        "--recovery-key-file", "khoa.txt")
    assert code == 0, err
    printed = re.search(r"bvct --db (\S+) users passwd \S+ --recovery-key-file (\S+)\n", out)
    assert printed and Path(printed[2]) == usb / "khoa.txt", out
