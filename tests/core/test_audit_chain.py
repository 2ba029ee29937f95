"""The audit trail is hash-chained and its head mirrored in the key file: tampering is named."""

import ast
import datetime as dt
import hashlib
import hmac
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, text

from bvct_desktop.core import audit, audit_chain, backup, engine, keyfile, settings, users, vault
from bvct_desktop.core.database import Actor, FileDatabase, system_clock
from bvct_desktop.core.errors import DamagedError, PermissionDenied
from bvct_desktop.core.permissions import ADMIN as ADMIN_ROLE
from bvct_desktop.core.permissions import VIEWER
from bvct_desktop.core.schema import audit_log
from tests.conftest import ADMIN, PASSWORD

# What every entry's MAC has covered since the first chain was written: json.dumps of its fields.
JSON_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode
AWKWARD = ['"', "\\", '\\"', "\x00\x1f\x7f", "\n\r\t\b\f", "\u2028\u2029", "😀 𝔘", "Nguyễn Văn Ánh", "null",
           '{"moi": {"full_name": "Lê \\"Út\\""}}', "", " "]
VALUES = st.one_of(st.none(), st.text(), st.sampled_from(AWKWARD), st.integers(), st.booleans(),
                   st.floats(), st.dates(), st.datetimes())


def _sql(path, statement: str) -> None:
    """What someone with a SQL shell and the key could do."""
    key = keyfile.read(keyfile.key_path(path)).open_slot(ADMIN, PASSWORD)
    opened = engine.make_engine(path, key)
    with opened.begin() as connection:
        connection.execute(text(statement))
    opened.dispose()


def _head(path) -> dict:
    return json.loads(keyfile.key_path(path).read_text(encoding="utf-8"))["audit_head"]


def _entries(path, action: str) -> list:
    key = keyfile.read(keyfile.key_path(path)).open_slot(ADMIN, PASSWORD)
    opened = engine.make_engine(path, key)
    with opened.connect() as connection:
        rows = connection.execute(select(audit_log).where(audit_log.c.action == action)).all()
    opened.dispose()
    return rows


@pytest.fixture
def trail(tmp_path):
    """A database with a dozen entries (logins and settings changes); its recovery key kept beside it."""
    path = tmp_path / "bvct.db"
    (tmp_path / "khoa-khoi-phuc.txt").write_text(vault.create(path, ADMIN, PASSWORD), encoding="utf-8")
    db = vault.unlock(path, ADMIN, PASSWORD)
    for number in range(5):
        settings.set_setting(db, "nguoi_ky", f"Người ký {number}")
    db.close()
    return path


def _verify(path) -> audit.Verdict:
    """`audit verify`, also on a database the check at open refuses (opened past it, as an
    administrator with the key)."""
    keys = keyfile.read(keyfile.key_path(path))
    db = FileDatabase(path, keys.open_slot(ADMIN, PASSWORD), keys.db_id, Actor(ADMIN, ADMIN_ROLE), system_clock)
    try:
        return audit.verify(db)
    finally:
        db.close()


def _swapped_for_an_older_copy(path, backup_out=None) -> None:
    """Three settings changes (and a backup after them), then the database file put back as it was
    before them, beside its current key file."""
    shutil.copy(path, path.with_name("cu.db"))
    for number in range(3):
        db = vault.unlock(path, ADMIN, PASSWORD)
        settings.set_setting(db, "nguoi_ky", f"Sau {number}")
        if backup_out and number == 2:
            backup.create(db, backup_out)
        db.close()
    for suffix in ("-wal", "-shm"):
        path.with_name(f"{path.name}{suffix}").unlink(missing_ok=True)
    shutil.copy(path.with_name("cu.db"), path)


def test_the_head_is_mirrored_after_every_commit(trail):
    db = vault.unlock(trail, ADMIN, PASSWORD)
    with db.read() as connection:
        last = connection.execute(text("SELECT id, mac FROM audit_log ORDER BY id DESC LIMIT 1")).one()
    db.close()
    assert _head(trail) == {"count": last.id, "id": last.id, "mac": last.mac}
    assert _verify(trail).ok


def test_an_edited_entry_is_named(trail):
    _sql(trail, "UPDATE audit_log SET user_name = 'nguoi-khac' WHERE id = 4")
    verdict = _verify(trail)
    assert not verdict.ok and verdict.broken_id == 4
    assert "số 4" in verdict.problem and "bị sửa" in verdict.problem


def test_a_deleted_entry_is_named(trail):
    _sql(trail, "DELETE FROM audit_log WHERE id = 3")
    verdict = _verify(trail)
    assert verdict.broken_id == 3 and "xóa mục số 3" in verdict.problem


def test_the_newest_entries_cut_off_are_detected_and_later_writes_do_not_hide_it(trail):
    head = _head(trail)
    _sql(trail, f"DELETE FROM audit_log WHERE id > {head['id'] - 3}")
    verdict = _verify(trail)
    assert "bị cắt: tệp khóa ghi 7 mục" in verdict.problem and verdict.broken_id <= head["id"]
    for _ in range(6):  # more refused logins (each one audited) than were cut: the mirror keeps its evidence
        with pytest.raises(DamagedError):
            vault.unlock(trail, ADMIN, PASSWORD)
    assert _head(trail)["id"] == head["id"]
    verdict = _verify(trail)
    assert verdict.broken_id == head["id"] and "khác với bản ghi trong tệp khóa" in verdict.problem


def test_the_database_swapped_for_an_older_copy_without_its_key_file(trail, tmp_path):
    _swapped_for_an_older_copy(trail)
    verdict = _verify(trail)
    assert not verdict.ok and ("bị cắt" in verdict.problem or "bản khác" in verdict.problem)


def test_a_database_older_than_its_key_file_is_refused_at_open_naming_the_backup_to_restore(trail, tmp_path):
    _swapped_for_an_older_copy(trail, tmp_path / "sau.bvctbak")
    head, recovery_key = _head(trail), (tmp_path / "khoa-khoi-phuc.txt").read_text("utf-8")
    for opening in (lambda: vault.unlock(trail, ADMIN, PASSWORD),
                    lambda: vault.unlock_with_recovery_key(trail, recovery_key)):
        with pytest.raises(DamagedError) as raised:
            opening()
        message = raised.value.message
        assert f"«{trail}» cũ hơn tệp khóa" in message and f"tệp khóa ghi {head['count']} mục" in message
        assert "bvct restore" in message and raised.value.restore == (trail, tmp_path / "sau.bvctbak")
    assert _head(trail) == head
    refused = _entries(trail, "mở cơ sở dữ liệu")
    assert [entry.outcome for entry in refused] == [audit_chain.FAILED, audit_chain.FAILED]
    with pytest.raises(DamagedError):  # its own refused openings never make it look whole again
        vault.unlock(trail, ADMIN, PASSWORD)


def test_a_database_whose_newest_entry_was_replaced_is_refused_at_open(trail):
    head = _head(trail)
    _sql(trail, f"DELETE FROM audit_log WHERE id >= {head['id'] - 1}")
    for _ in range(3):  # as many entries as before, or more, none of them the one the key file saw
        with pytest.raises(DamagedError) as raised:
            vault.unlock(trail, ADMIN, PASSWORD)
    assert f"Mục nhật ký số {head['id']} khác với bản ghi trong tệp khóa" in raised.value.message


def test_a_lagging_mirror_is_not_tampering(trail):
    """After a crash between commit and mirror the key file is behind: that is allowed."""
    db = vault.unlock(trail, ADMIN, PASSWORD)
    with db.read() as connection:
        mac_2 = connection.execute(text("SELECT mac FROM audit_log WHERE id = 2")).scalar()
    db.close()
    keyfile.update(keyfile.key_path(trail),
                   lambda keys: setattr(keys, "audit_head", {"count": 2, "id": 2, "mac": mac_2}))
    vault.unlock(trail, ADMIN, PASSWORD).close()  # opens, and the mirror catches up
    assert _head(trail)["id"] > 2 and _verify(trail).ok


@pytest.mark.file_only("changes entries in the file; the server's chain: tests/server/test_permissions.py")
def test_cli_audit_verify_exits_4_naming_the_entry(cli):
    assert cli("audit", "verify")[0] == 0
    _sql(cli.db, "UPDATE audit_log SET action = 'khác' WHERE id = 2")
    code, _, err = cli("audit", "verify")
    assert code == 4 and "Mục nhật ký số 2" in err


@pytest.mark.file_only("writes entries into the file directly")
def test_cli_audit_list_filters_by_day_and_user(cli):
    cli("users", "add", "binh", "--role", "lanh-dao", "--new-password-file", _file(cli, "Binh-mat-khau-2026"))
    code, out, _ = cli("audit", "list", "--user", ADMIN, "--from", "2000-01-01", "--to", "2100-12-31")
    lines = out.splitlines()
    assert code == 0 and lines[0].split("\t") == list(audit.LIST_HEADERS)
    assert {line.split("\t")[2] for line in lines[1:]} == {ADMIN}
    assert any("thêm người dùng" in line for line in lines)
    code, out, _ = cli("audit", "list", "--from", "2000-01-01", "--to", "2000-12-31")
    assert code == 0 and out.splitlines() == ["\t".join(audit.LIST_HEADERS)]
    assert cli("audit", "list", "--from", "2026-02-30")[0] == 2


@pytest.mark.file_only("writes entries into the file directly")
def test_audit_commands_are_for_administrators_and_leaders_only(cli):
    cli("users", "add", "an", "--role", "chuyen-vien", "--new-password-file", _file(cli, "An-mat-khau-2026"))
    cli("users", "add", "lan", "--role", "lanh-dao", "--new-password-file", _file(cli, "Lan-mat-khau-2026"))
    assert cli.as_user("lan", "Lan-mat-khau-2026")("audit", "verify")[0] == 0
    for command in (("audit", "list"), ("audit", "verify")):
        assert cli.as_user("an", "An-mat-khau-2026")(*command)[0] == 5
    out = cli.as_user("lan", "Lan-mat-khau-2026")("audit", "list", "--user", "an")[1]
    assert out.count("bị từ chối") == 2


def _file(cli, secret: str):
    path = cli.db.parent / f"{secret}.txt"
    path.write_text(secret, encoding="utf-8")
    return path


def test_exporting_the_trail_needs_the_export_permission_and_is_itself_audited(trail, tmp_path):
    db = vault.unlock(trail, ADMIN, PASSWORD)
    users.add(db, "xemthu", VIEWER, "Xem-thu-du-lieu-2026")
    count = audit.export(db, tmp_path / "nhat-ky.xlsx", lambda entries: len(list(entries)), audit.list_entries(db))
    last = list(audit.list_entries(db))[-1]
    assert count > 5 and (last.action, json.loads(last.details)) == (
        "xuất nhật ký", {"tep": str((tmp_path / "nhat-ky.xlsx").resolve()), "so_muc": count})
    viewer = vault.unlock(trail, "xemthu", "Xem-thu-du-lieu-2026")
    written = []
    with pytest.raises(PermissionDenied):
        audit.export(viewer, tmp_path / "khac.xlsx", lambda entries: written.append(entries) or 0, [])
    assert written == []
    viewer.close()
    db.close()


@given(st.fixed_dictionaries({name: VALUES for name in ("at", "user_name", "role", "action", "outcome", "kind",
                                                        "record_id", "details")}))
def test_the_canonical_text_is_json_dumps_byte_for_byte(entry):
    assert audit_chain.canonical(entry) == JSON_CANONICAL(entry)


KEYS = st.one_of(st.text(), st.sampled_from(AWKWARD))
DETAILS = st.recursive(VALUES, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=4),
                       max_leaves=12)


@given(st.dictionaries(KEYS, DETAILS, max_size=5))
def test_the_details_are_stored_as_json_dumps_writes_them_byte_for_byte(details):
    expected = json.dumps(details, ensure_ascii=False, sort_keys=True, default=str) if details else None
    assert audit_chain.details_text(details) == expected


@pytest.mark.file_only("the server links its entries itself (core/server/objects.py)")
def test_entries_appended_together_are_stored_and_linked_as_appended_one_by_one(trail):
    """Moments with and without microseconds, empty and filled fields, details with dates."""
    db = vault.unlock(trail, ADMIN, PASSWORD)
    key = audit_chain.derive_key(db.key)
    entries = [{"at": dt.datetime(2026, 1, 2, 3, 4, 5, 678), "user": ADMIN, "role": "quan-tri", "action": "thêm",
                "outcome": "ok", "kind": "slips", "record_id": 7,
                "details": {"moi": {"issued_on": dt.date(2025, 1, 5), "full_name": 'Lê "Út"', "person_id": 3}}},
               {"at": dt.datetime(2026, 1, 2, 3, 4, 5), "user": None, "role": None, "action": "đăng nhập",
                "outcome": "failed", "details": {"ly_do": "sai mật khẩu"}},
               {"at": dt.datetime(2026, 1, 3), "user": ADMIN, "role": "quan-tri", "action": "sửa", "outcome": "ok",
                "kind": "cadres", "record_id": 1, "details": None}]
    stored = []
    for how in ("together", "one by one", "linked in parts, written in parts"):
        with db.write() as connection:
            if how == "together":
                audit_chain.append_all(connection, key, entries)
            elif how == "one by one":
                for entry in entries:
                    audit_chain.append(connection, key, **entry)
            else:
                links = audit_chain.Links(connection, key)
                links.add(entries[:1])
                links.add(entries[1:2])
                links.write(connection)
                links.add(entries[2:])
                links.write(connection)
            stored.append([dict(row) for row in connection.execute(
                select(audit_log).order_by(audit_log.c.id.desc()).limit(4)).mappings()][::-1])
            connection.rollback()
    db.close()
    assert stored[0] == stored[1] == stored[2]
    previous = stored[0][0]["mac"]
    for row, entry in zip(stored[0][1:], entries, strict=True):
        assert row["at"] == entry["at"].replace(microsecond=0) and row["details"] == audit_chain.details_text(
            entry["details"])
        assert row["mac"] == hmac.new(key, (previous + JSON_CANONICAL(audit_chain.fields_of(row))).encode("utf-8"),
                                      hashlib.sha256).hexdigest()
        previous = row["mac"]


@pytest.mark.file_only("the server links its entries itself (core/server/objects.py)")
def test_every_entry_carries_the_mac_json_dumps_gives_so_older_chains_verify(cli, cadres_file):
    assert cli("import", "cadres", cadres_file)[0] == 0
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    with db.read() as connection:
        rows = connection.execute(select(audit_log).order_by(audit_log.c.id)).mappings().all()
    key = audit_chain.derive_key(db.key)
    db.close()
    previous = ""
    for row in rows:
        expected = hmac.new(key, (previous + JSON_CANONICAL(audit_chain.fields_of(row))).encode("utf-8"),
                            hashlib.sha256).hexdigest()
        assert row["mac"] == expected, row
        previous = row["mac"]
    assert len(rows) > 3


@given(st.fixed_dictionaries({name: VALUES for name in ("at", "user_name", "role", "action", "outcome", "kind",
                                                        "record_id", "details")}), st.sampled_from(["", "ab" * 32]))
def test_an_entrys_mac_is_the_public_hmac_sha256_of_the_previous_mac_and_its_canonical_text(entry, previous):
    """Computed here without the module's own helpers: entry_mac and verify_chain share one, so a wrong MAC
    would pass them both."""
    key = b"\x01" * 32
    expected = hmac.new(key, (previous + JSON_CANONICAL(entry)).encode("utf-8"), hashlib.sha256).hexdigest()
    assert audit_chain.entry_mac(key, previous, entry) == expected


def test_the_chain_is_computed_with_public_modules_only():
    """A private CPython module (_hashlib) may change or go in any release: not worth 25 ms per 100,000 entries."""
    tree = ast.parse(Path(audit_chain.__file__).read_text(encoding="utf-8"))
    imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    imported += [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module]
    assert [name for name in imported if any(part.startswith("_") for part in name.split("."))] == []
