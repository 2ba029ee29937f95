"""Automatic backups: at exit daily and again after the day's later work, before a migration, kept 7 daily/4 weekly/
12 monthly."""

import datetime as dt
import json
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bvct_desktop.core import audit, autobackup, backup, backup_log, keyfile, migrations, settings, vault
from bvct_desktop.core.database import Actor, FileDatabase
from bvct_desktop.core.errors import DamagedError
from bvct_desktop.core.permissions import ADMIN as ADMIN_ROLE
from tests.clocks import FakeClock
from tests.conftest import ADMIN, PASSWORD


@pytest.fixture
def clock():
    return FakeClock(dt.datetime(2026, 5, 4, 17, 30))


def opened_at(path: Path, clock: FakeClock) -> Iterator[FileDatabase]:
    """A new database at `path` (its folder made), unlocked by the administrator; closed after."""
    path.parent.mkdir(parents=True, exist_ok=True)
    vault.create(path, ADMIN, PASSWORD)
    opened = vault.unlock(path, ADMIN, PASSWORD, clock)
    yield opened
    opened.close()


@pytest.fixture
def db(tmp_path, clock):
    yield from opened_at(tmp_path / "bvct.db", clock)


def test_at_exit_backs_up_at_most_once_a_day(db, clock):
    first = autobackup.at_exit(db)
    assert first is not None and first.parent == backup_log.auto_folder()
    assert backup.verify(first, ADMIN, PASSWORD).checks
    clock.now += dt.timedelta(hours=2)
    assert autobackup.at_exit(db) is None
    clock.now += dt.timedelta(days=1)
    second = autobackup.at_exit(db)
    assert second != first and second.exists()
    actions = [(e.action, e.outcome) for e in audit.list_entries(db)]
    assert actions.count(("sao lưu tự động", "ok")) == 2


def test_a_later_close_the_same_day_after_work_backs_up_again_and_replaces_the_days_file(db, clock):
    """Work done after the day's first close was not backed up until the next day: a PC that died that
    evening lost the afternoon. Yesterday's backup and the one before an upgrade stay."""
    yesterday = autobackup.at_exit(db)
    clock.now += dt.timedelta(days=1, hours=-8)
    upgrade = autobackup.before_migration(db)
    settings.set_setting(db, "nguoi_ky", "Nguyễn Văn Ấn")
    morning = autobackup.at_exit(db)
    settings.set_setting(db, "nguoi_ky", "Trần Thị Bích")  # the afternoon's work
    clock.now += dt.timedelta(hours=5)
    evening = autobackup.at_exit(db)
    assert evening not in (None, morning) and not morning.exists()
    assert [k.path for k in backup_log.auto_backups(backup_log.auto_folder(), db.db_id)] == [yesterday, upgrade,
                                                                                             evening]
    assert backup.verify(evening, ADMIN, PASSWORD).checks
    assert autobackup.last_verified(db.path).path == evening


def test_closing_again_with_no_work_since_writes_nothing(db, clock, tmp_path):
    """Signing in again is no work: the program opened, looked at and closed once more the same day."""
    usb = tmp_path / "usb"
    usb.mkdir()
    settings.set_setting(db, "thu_muc_sao_luu_2", str(usb))
    made = autobackup.at_exit(db)
    db.close()
    folder, key_path = backup_log.auto_folder(), keyfile.key_path(db.path)
    before = (sorted(folder.iterdir()), sorted(usb.iterdir()), keyfile.read(key_path).last_backup)
    clock.now += dt.timedelta(hours=1)
    reopened = vault.unlock(db.path, ADMIN, PASSWORD, clock)
    try:
        assert autobackup.at_exit(reopened) is None
        assert (sorted(folder.iterdir()), sorted(usb.iterdir()), keyfile.read(key_path).last_backup) == before
    finally:
        reopened.close()
    assert made.exists()


def test_after_a_restore_the_days_backup_of_the_later_trail_does_not_count_as_holding_the_work(db, clock, tmp_path):
    """The database put back as it was in the morning, then worked on: its trail is no longer than today's
    backup's, but not the same."""
    backup.create(db, tmp_path / "sang.bvctbak")
    for number in range(3):
        settings.set_setting(db, "nguoi_ky", f"Người ký {number}")
    noon = autobackup.at_exit(db)
    db.close()
    backup.restore(tmp_path / "sang.bvctbak", ADMIN, PASSWORD, db.path, clock)
    restored = vault.unlock(db.path, ADMIN, PASSWORD, clock)
    try:
        settings.set_setting(restored, "nguoi_ky", "Người ký chiều")  # with the restore's entry: fewer than noon's
        clock.now += dt.timedelta(hours=3)
        assert autobackup.at_exit(restored) not in (None, noon)
    finally:
        restored.close()


def test_closing_several_times_a_day_keeps_the_same_days_as_closing_once(db, namesake, clock):
    """A month on the tests' clock: ours closed three times a day after work, the other database once; the
    days kept (7 daily, 4 weekly, 12 monthly) are the same, each by its day's last backup."""
    for _ in range(40):
        for hours in (16, 4, 4):  # 09:30, 13:30, 17:30
            clock.now += dt.timedelta(hours=hours)
            settings.set_setting(db, "nguoi_ky", f"Người ký {clock.now:%H}")
            autobackup.at_exit(db)
        autobackup.at_exit(namesake)
    ours = backup_log.auto_backups(backup_log.auto_folder(), db.db_id)
    theirs = backup_log.auto_backups(backup_log.auto_folder(), namesake.db_id)
    assert [k.at.date() for k in ours] == [k.at.date() for k in theirs]
    assert all(k.at.hour == 17 for k in ours) and len(ours) <= 7 + 4 + 12


def test_last_verified_and_the_seven_day_warning(db, clock):
    assert autobackup.last_verified(db.path) is None
    made = autobackup.at_exit(db)
    newest = autobackup.last_verified(db.path)
    assert newest.path == made and newest.at == clock.now
    assert not autobackup.overdue(db, clock.now + dt.timedelta(days=7))
    assert autobackup.overdue(db, clock.now + dt.timedelta(days=7, minutes=1))


def test_a_database_without_a_backup_is_overdue_seven_days_after_it_was_created(tmp_path, clock):
    path = tmp_path / "moi.db"
    vault.create(path, ADMIN, PASSWORD, clock=clock)
    opened = vault.unlock(path, ADMIN, PASSWORD, clock)
    try:
        assert not autobackup.overdue(opened, clock.now + dt.timedelta(minutes=5))  # made minutes ago
        assert not autobackup.overdue(opened, clock.now + dt.timedelta(days=7))
        assert autobackup.overdue(opened, clock.now + dt.timedelta(days=7, minutes=1))
    finally:
        opened.close()


def _labelled(path, db_id: str, at: dt.datetime, number: int = 0) -> None:
    """A file that says (without a key) it is a backup of `db_id` made at `at`, the `number`th written (0: before
    backups were numbered): what thinning reads."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "BVCT-BACKUP", "db_id": db_id,
                                                      "created_at": at.isoformat()}))
        archive.writestr("bvct.db.keys", keyfile.KeyFile(db_id, backup_number=number).to_bytes())
        archive.writestr("bvct.db", b"x")


def test_thinning_keeps_7_daily_4_weekly_12_monthly(tmp_path):
    folder = tmp_path / "sao-luu"
    folder.mkdir()
    start = dt.datetime(2025, 1, 1, 18, 0)
    for day in range(500):  # two a day for 500 days
        for hour in (9, 18):
            at = start + dt.timedelta(days=day) - dt.timedelta(hours=18 - hour)
            _labelled(folder / backup_log.auto_name(tmp_path / "bvct.db", "id-cua-ta", at), "id-cua-ta", at)
    theirs = folder / backup_log.auto_name(tmp_path / "bvct.db", "id-khac", start)
    _labelled(theirs, "id-khac", start)  # another database named bvct.db: untouched
    autobackup.prune(folder, "id-cua-ta")
    kept = [known.at for known in backup_log.auto_backups(folder, "id-cua-ta")]
    last = start + dt.timedelta(days=499)
    daily = [last - dt.timedelta(days=n) for n in range(7)]
    assert set(daily) <= set(kept)
    assert all(at.hour == 18 for at in kept)  # the newest of each day
    assert len({at.isocalendar()[:2] for at in kept}) >= 4
    assert len({(at.year, at.month) for at in kept}) == 12
    assert len(kept) <= 7 + 4 + 12 and theirs.exists()


AHEAD = [dt.datetime(2027, 11, 1 + day, 17, 0) for day in range(8)]  # the PC's clock a year ahead
PUT_RIGHT = [dt.datetime(2026, 11, day, 17, 0) for day in range(10, 25)]  # then corrected: two weeks of work


def test_thinning_keeps_the_backups_written_last_whatever_their_dates(tmp_path):
    """Those written with the clock a year ahead, then put right: the daily slots hold the last seven days of
    work, not the days of 2027; those written before backups were numbered come first, by their dates."""
    folder = tmp_path / "sao-luu"
    folder.mkdir()
    older = [dt.datetime(2026, 9, day, 17, 0) for day in (1, 2)]
    for at in older:
        _labelled(folder / backup_log.auto_name(tmp_path / "bvct.db", "id-cua-ta", at), "id-cua-ta", at)
    for number, at in enumerate([*AHEAD, *PUT_RIGHT], start=1):
        _labelled(folder / backup_log.auto_name(tmp_path / "bvct.db", "id-cua-ta", at), "id-cua-ta", at, number)
    autobackup.prune(folder, "id-cua-ta")
    kept = [known.at for known in backup_log.auto_backups(folder, "id-cua-ta")]
    assert set(PUT_RIGHT[-7:]) <= set(kept) and kept[-1] == PUT_RIGHT[-1]  # oldest written first
    assert kept[0] == older[1]  # the newest of September, written before the others


def test_backups_made_while_the_clock_was_a_year_ahead_are_not_the_newest_once_it_is_put_right(db, clock):
    """At exit on 01–08/11/2027 (the clock a year ahead), then on 10/11/2026 and two more weeks: the newest is
    the one written last, the seven-day warning is not silenced by a backup dated ahead, the damaged database
    names the one written last and the daily slots keep today's."""
    for clock.now in AHEAD:
        autobackup.at_exit(db)
    clock.now = PUT_RIGHT[0]
    assert autobackup.overdue(db, clock.now) == (  # the newest is dated ahead: it tells nothing of this week
        "Không biết đã bao lâu chưa có bản sao lưu tốt: bản gần nhất mang ngày sau hôm nay (đồng hồ máy tính đã "
        "chạy nhanh)")
    made = autobackup.at_exit(db)
    assert made is not None and autobackup.last_verified(db.path).path == made
    assert not autobackup.overdue(db, clock.now)
    for clock.now in PUT_RIGHT[1:]:
        autobackup.at_exit(db)
    kept = [known.at for known in backup_log.auto_backups(backup_log.auto_folder(), db.db_id)]
    assert set(PUT_RIGHT[-7:]) <= set(kept)
    newest = autobackup.last_verified(db.path)
    assert newest.at == PUT_RIGHT[-1]
    db.close()
    db.path.write_bytes(db.path.read_bytes()[:-1000])
    with pytest.raises(DamagedError) as raised:
        vault.unlock(db.path, ADMIN, PASSWORD)
    assert raised.value.restore == (db.path, newest.path)
    assert f"Bản sao lưu đã kiểm tra gần nhất tìm thấy: «{newest.path}» (24/11/2026 17:00)." in raised.value.message


def test_a_key_file_and_backups_written_before_backups_were_numbered_go_on(db, clock):
    """An older program's key file (no number, its note of the newest backup without one) and its backup dated
    a year ahead: the first numbered backup is the newest."""
    older = autobackup.at_exit(db)
    key_path = keyfile.key_path(db.path)
    body = json.loads(key_path.read_bytes())
    body.pop("backup_number", None)
    body["last_backup"].pop("number", None)
    body.pop("checksum")
    body["checksum"] = keyfile._checksum(body)
    key_path.write_text(json.dumps(body), encoding="utf-8")
    _labelled(older, db.db_id, clock.now + dt.timedelta(days=365))  # as the older program wrote it, clock ahead
    clock.now += dt.timedelta(days=1)
    made = autobackup.at_exit(db)
    assert keyfile.read(key_path).backup_number == 1 and autobackup.last_verified(db.path).path == made


def test_a_second_folder_gets_a_copy_and_a_missing_one_is_audited(db, clock, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    settings.set_setting(db, "thu_muc_sao_luu_2", str(usb))
    made = autobackup.at_exit(db)
    assert (usb / made.name).read_bytes() == made.read_bytes()
    settings.set_setting(db, "thu_muc_sao_luu_2", str(tmp_path / "o-usb-da-rut"))
    clock.now += dt.timedelta(days=1)
    assert autobackup.at_exit(db) is not None
    last = list(audit.list_entries(db))[-1]
    assert (last.action, last.outcome) == ("sao lưu tự động (thư mục thứ hai)", "failed")
    assert "o-usb-da-rut" in last.details


def test_a_verified_backup_is_taken_before_a_schema_migration(tmp_path, monkeypatch):
    path = tmp_path / "bvct.db"
    vault.create(path, ADMIN, PASSWORD)
    older = sorted(migrations.known_revisions() - {migrations.head_revision()})[0]
    seen = []

    def upgrade(connection):
        newest = backup_log.newest_verified(path)
        seen.append(backup.verify(newest.path, ADMIN, PASSWORD).manifest["db_id"])

    monkeypatch.setattr(migrations, "current_revision", lambda connection: older)
    monkeypatch.setattr(migrations, "upgrade", upgrade)
    db = vault.unlock(path, ADMIN, PASSWORD)
    entries = [e for e in audit.list_entries(db) if e.action == "nâng cấp cấu trúc dữ liệu"]
    db.close()
    assert seen == [db.db_id] and len(entries) == 1 and "sao_luu_truoc" in entries[0].details


def test_a_damaged_database_message_names_the_newest_verified_backup(db, tmp_path):
    made = autobackup.at_exit(db)
    db.close()
    db.path.write_bytes(db.path.read_bytes()[:-1000])
    with pytest.raises(DamagedError) as raised:
        vault.unlock(db.path, ADMIN, PASSWORD)
    assert str(made) in raised.value.message and raised.value.restore == (db.path, made)


@pytest.fixture
def namesake(tmp_path, clock):
    """Another database also named bvct.db (D:\\…\\bvct.db beside the default one)."""
    yield from opened_at(tmp_path / "o-d" / "bvct.db", clock)


def test_two_databases_of_one_name_each_have_their_own_series(db, namesake, clock):
    ours, theirs = autobackup.at_exit(db), autobackup.at_exit(namesake)
    assert ours is not None and theirs is not None and ours != theirs  # the same day, both backed up
    assert [k.path for k in backup_log.auto_backups(backup_log.auto_folder(), db.db_id)] == [ours]
    assert [k.path for k in backup_log.auto_backups(backup_log.auto_folder(), namesake.db_id)] == [theirs]
    for _ in range(11):  # pruning counts each series alone
        clock.now += dt.timedelta(days=1)
        autobackup.at_exit(namesake)
    assert len(backup_log.auto_backups(backup_log.auto_folder(), db.db_id)) == 1
    assert autobackup.last_verified(db.path).path == ours


def test_a_damaged_database_is_offered_only_its_own_backup(db, namesake, clock):
    ours = autobackup.at_exit(db)
    clock.now += dt.timedelta(days=1)
    assert autobackup.at_exit(namesake) is not None  # newer, but another database's
    db.close()
    db.path.write_bytes(db.path.read_bytes()[:-1000])
    with pytest.raises(DamagedError) as raised:
        vault.unlock(db.path, ADMIN, PASSWORD)
    assert raised.value.restore == (db.path, ours)


def test_a_backup_named_as_before_is_offered_only_when_it_holds_this_database(db, namesake, clock, tmp_path):
    folder = backup_log.auto_folder()
    folder.mkdir(parents=True, exist_ok=True)
    ours_old = folder / f"bvct-{clock.now:%Y%m%d-%H%M%S}.bvctbak"  # as automatic backups were named before
    backup.write(db, tmp_path / "tam.bvctbak")
    shutil.move(tmp_path / "tam.bvctbak", ours_old)
    clock.now += dt.timedelta(hours=1)
    theirs_old = folder / f"bvct-{clock.now:%Y%m%d-%H%M%S}.bvctbak"
    backup.write(namesake, tmp_path / "tam.bvctbak")
    shutil.move(tmp_path / "tam.bvctbak", theirs_old)
    assert autobackup.last_verified(db.path).path == ours_old
    assert autobackup.last_verified(namesake.path).path == theirs_old
    assert autobackup.at_exit(db) is None  # today's is there, under its old name


@pytest.mark.parametrize("lost", ["damaged", "missing"])
def test_without_its_key_file_the_message_says_where_to_look_for_backups(db, tmp_path, lost):
    backup.create(db, tmp_path / "o-usb.bvctbak")  # remembered only in the key file
    db.close()
    keys = keyfile.key_path(db.path)
    if lost == "damaged":
        keys.write_bytes(keys.read_bytes()[:-10])
    else:
        keys.unlink()
    with pytest.raises(DamagedError) as raised:
        vault.unlock(db.path, ADMIN, PASSWORD)
    message = raised.value.message
    assert (f"Tệp khóa không đọc được nên chương trình không biết các bản sao lưu đã được ghi ở đâu; trong thư mục "
            f"bản sao lưu tự động «{backup_log.auto_folder()}» không có bản nào của cơ sở dữ liệu này. Hãy tìm các "
            "tệp .bvctbak ở nơi đã lưu bản sao lưu (ổ USB, thư mục sao lưu thứ hai) rồi khôi phục bản mới nhất "
            "(bvct restore).") in message  # what to do once found
    assert "Không tìm thấy bản sao lưu đã kiểm tra nào" not in message
    assert raised.value.restore is None


def test_without_its_key_file_its_own_automatic_backups_are_still_offered(db, namesake, clock):
    ours = autobackup.at_exit(db)
    clock.now += dt.timedelta(days=1)
    autobackup.at_exit(namesake)  # newer, another database's
    db.close()
    keyfile.key_path(db.path).unlink()
    with pytest.raises(DamagedError) as raised:
        vault.unlock(db.path, ADMIN, PASSWORD)
    assert raised.value.restore == (db.path, ours)  # known by the salt at the head of its file
    message = raised.value.message
    assert (f"Tệp khóa không đọc được nên chương trình không biết các bản sao lưu đã được ghi ở đâu; đã tìm trong "
            f"thư mục bản sao lưu tự động «{backup_log.auto_folder()}» và thấy bản đã kiểm tra gần nhất: «{ours}» "
            f"({clock.now - dt.timedelta(days=1):%d/%m/%Y %H:%M}). Nếu đã sao lưu ra nơi khác, hãy tìm các tệp "
            ".bvctbak ở đó: có thể có bản mới hơn.") in message


@pytest.fixture
def rolled_back(db, tmp_path, clock):
    """The database swapped for an older copy of itself beside its current key file, already open
    (as when the file is swapped while the program runs, past the check at open)."""
    db.close()
    shutil.copy(db.path, tmp_path / "cu.db")
    for number in range(3):
        later = vault.unlock(db.path, ADMIN, PASSWORD, clock)
        settings.set_setting(later, "nguoi_ky", f"Sau {number}")
        later.close()
    shutil.copy(tmp_path / "cu.db", db.path)
    keys = keyfile.read(keyfile.key_path(db.path))
    opened = FileDatabase(db.path, keys.open_slot(ADMIN, PASSWORD), keys.db_id, Actor(ADMIN, ADMIN_ROLE), clock)
    yield opened
    opened.close()


@pytest.mark.parametrize("how", ["manual", "at exit", "before a migration"])
def test_a_database_rolled_back_behind_its_key_file_is_never_backed_up(rolled_back, tmp_path, how):
    key_path = keyfile.key_path(rolled_back.path)
    head = keyfile.read(key_path).audit_head
    out = tmp_path / "sao-luu.bvctbak"
    backing_up = {"manual": lambda: backup.create(rolled_back, out), "at exit": lambda: autobackup.at_exit(rolled_back),
                  "before a migration": lambda: autobackup.before_migration(rolled_back)}[how]
    with pytest.raises(DamagedError) as raised:
        backing_up()
    assert raised.value.message.startswith(f"Nhật ký bị cắt: tệp khóa ghi {head['count']} mục")
    assert not out.exists() and not backup_log.auto_backups(backup_log.auto_folder(), rolled_back.db_id)
    assert keyfile.read(key_path).last_backup is None and keyfile.read(key_path).audit_head == head
    assert not rolled_back.verify_audit_chain().ok  # the evidence is still there


def test_on_the_day_of_an_upgrade_the_days_work_is_still_backed_up_at_exit(db, clock):
    before = autobackup.before_migration(db)
    settings.set_setting(db, "nguoi_ky", "Nguyễn Văn Ấn")  # the day's work
    clock.now += dt.timedelta(hours=2)
    at_exit = autobackup.at_exit(db)
    assert at_exit is not None and before.exists()  # two kinds: the pre-upgrade one is not thinned by it
    clock.now += dt.timedelta(hours=1)
    assert autobackup.at_exit(db) is None


def test_an_upgrade_refused_again_and_again_leaves_one_backup_and_they_are_thinned(db, clock):
    first = autobackup.before_migration(db)
    clock.now += dt.timedelta(minutes=1)
    assert autobackup.before_migration(db) == first  # nothing changed since: the same state
    assert [k.path for k in backup_log.auto_backups(backup_log.auto_folder(), db.db_id)] == [first]
    for day in range(10):
        settings.set_setting(db, "nguoi_ky", f"Người ký {day}")
        clock.now += dt.timedelta(days=1)
        assert autobackup.before_migration(db) != first
    made = backup_log.auto_backups(backup_log.auto_folder(), db.db_id)
    assert len(made) < 11 and first not in [k.path for k in made]


def test_the_last_copy_to_the_second_folder_is_known_until_one_succeeds(db, clock, tmp_path):
    """A copy to an unplugged USB drive was only audited: nobody was told, the officer believed it made."""
    assert autobackup.last_second_copy(db) is None
    settings.set_setting(db, "thu_muc_sao_luu_2", str(tmp_path / "o-usb-da-rut"))
    autobackup.at_exit(db)
    failed = autobackup.last_second_copy(db)
    assert not failed.ok and failed.at == clock.now and "o-usb-da-rut" in failed.error
    assert failed.describe() == (f"thất bại lúc 04/05/2026 17:30 — Không thấy thư mục sao lưu thứ hai "
                                 f"«{tmp_path / 'o-usb-da-rut'}» (ổ USB chưa cắm?)")
    (tmp_path / "o-usb-da-rut").mkdir()
    clock.now += dt.timedelta(days=1)
    autobackup.at_exit(db)
    assert autobackup.last_second_copy(db).ok
    assert autobackup.last_second_copy(db).describe() == "thành công lúc 05/05/2026 17:30"
    settings.set_setting(db, "thu_muc_sao_luu_2", "")
    assert autobackup.last_second_copy(db) is None


def test_the_last_copy_to_the_second_folder_is_read_without_reading_the_trail(db, clock, tmp_path):
    """The dashboard asks at every refresh; the trail after a year's imports is hundreds of thousands of
    entries, and nothing indexes their actions."""
    from sqlalchemy import event

    settings.set_setting(db, "thu_muc_sao_luu_2", str(tmp_path / "o-usb-da-rut"))
    autobackup.at_exit(db)
    statements = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    assert not autobackup.last_second_copy(db).ok
    assert statements and not [text for text in statements if "audit_log" in text]


def test_a_copy_that_failed_is_made_when_the_program_closes_again_the_same_day(db, clock, tmp_path):
    """The officer told «lần sau chương trình đóng sẽ chép lại» plugs the USB drive in and closes again."""
    usb = tmp_path / "usb"
    settings.set_setting(db, "thu_muc_sao_luu_2", str(usb))
    written = autobackup.at_exit(db)
    assert not autobackup.last_second_copy(db).ok
    usb.mkdir()
    clock.now += dt.timedelta(minutes=20)
    assert autobackup.at_exit(db) == written  # no second backup today, today's copied
    assert autobackup.last_second_copy(db).ok and [path.name for path in usb.iterdir()] == [written.name]
    clock.now += dt.timedelta(minutes=20)
    assert autobackup.at_exit(db) is None  # copied: nothing more today



def test_a_backup_cut_off_before_its_copy_to_the_second_folder_is_copied_when_the_program_closes_again(db, clock,
                                                                                                      tmp_path):
    """The program killed between today's backup and its copy to the USB drive: the last copy noted was
    yesterday's, made, so no later close copied today's, and nothing said it was missing."""
    usb = tmp_path / "usb"
    usb.mkdir()
    settings.set_setting(db, "thu_muc_sao_luu_2", str(usb))
    yesterday = autobackup.at_exit(db)
    clock.now += dt.timedelta(days=1)
    cut = backup.audited_write(db, backup_log.auto_folder() / autobackup.auto_name(db, clock.now),
                               backup_log.AUTOMATIC).path  # where at_exit was cut off
    clock.now += dt.timedelta(minutes=20)
    assert autobackup.at_exit(db) == cut  # no second backup today, today's copied
    assert sorted(path.name for path in usb.iterdir()) == sorted([yesterday.name, cut.name])
    assert autobackup.last_second_copy(db) == autobackup.SecondCopy(clock.now, True)
    clock.now += dt.timedelta(minutes=20)
    assert autobackup.at_exit(db) is None  # copied: nothing more today


def test_the_warning_says_a_week_went_by_only_when_it_did(tmp_path, clock):
    """«Đã hơn 7 ngày» was said of a database created, or backed up, on a date after today."""
    path = tmp_path / "moi.db"
    vault.create(path, ADMIN, PASSWORD, clock=clock)
    opened = vault.unlock(path, ADMIN, PASSWORD, clock)
    try:
        assert autobackup.overdue(opened, clock.now + dt.timedelta(days=7, minutes=1)) == (
            "Đã hơn 7 ngày chưa có bản sao lưu tốt")
        assert autobackup.overdue(opened, clock.now - dt.timedelta(days=2)) == (
            "Không biết đã bao lâu chưa có bản sao lưu tốt: cơ sở dữ liệu mang ngày tạo sau hôm nay (đồng hồ máy "
            "tính đã chạy nhanh)")
    finally:
        opened.close()


def test_a_second_folder_from_a_later_day_gets_no_copy_before_that_day_on_the_programs_clock(db, clock, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    settings.set_setting(db, "thu_muc_sao_luu_2", str(usb), clock.now.date() + dt.timedelta(days=1))
    autobackup.at_exit(db)
    assert list(usb.iterdir()) == []
    clock.now += dt.timedelta(days=1)
    made = autobackup.at_exit(db)
    assert (usb / made.name).read_bytes() == made.read_bytes()
