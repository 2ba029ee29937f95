"""A copy restored elsewhere is a line of history of its own (core/backup_lines.py): its backups are
never offered for the original, never replace the original's and are thinned apart."""

import datetime as dt

import pytest

from bvct_desktop.core import autobackup, backup, backup_log, keyfile, vault
from bvct_desktop.core.errors import DamagedError, InputError
from tests.clocks import FakeClock
from tests.conftest import ADMIN, PASSWORD
from tests.core.test_autobackup import opened_at


@pytest.fixture
def clock():
    return FakeClock(dt.datetime(2026, 12, 5, 1, 22))


@pytest.fixture
def main(tmp_path, clock):
    yield from opened_at(tmp_path / "main" / "bvct.db", clock)


def _restored(backup_path, target, clock):
    backup.restore(backup_path, ADMIN, PASSWORD, target, clock)
    return vault.unlock(target, ADMIN, PASSWORD, clock)


def test_a_copy_restored_elsewhere_is_neither_offered_nor_replaces_nor_thins_the_originals(main, tmp_path, clock):
    kept = backup.create(main, tmp_path / "main-backup.bvctbak").path
    clock.now += dt.timedelta(minutes=1)
    ours = autobackup.at_exit(main)
    look_path = tmp_path / "look" / "bvct.db"
    look_path.parent.mkdir()
    clock.now += dt.timedelta(minutes=1)
    look = _restored(kept, look_path, clock)
    try:
        theirs = autobackup.at_exit(look)  # the same day: its own series, its own check of today's
        assert theirs is not None
        with pytest.raises(InputError) as raised:
            backup.create(look, kept)
        assert raised.value.message == (
            f"Tệp «{kept}» là bản sao lưu của một bản khác của cơ sở dữ liệu này (bản được khôi phục ở nơi khác, "
            "có lịch sử riêng); không ghi đè. Hãy chọn tên tệp khác.")
        for _ in range(11):
            clock.now += dt.timedelta(days=1)
            autobackup.at_exit(look)
    finally:
        look.close()
    assert ours.exists() and backup_log.label(kept).at == dt.datetime(2026, 12, 5, 1, 22)
    assert [k.path for k in backup_log.auto_backups(backup_log.auto_folder(), backup.owner(main))] == [ours]
    main.close()
    main.path.write_bytes(main.path.read_bytes()[:-1000])
    with pytest.raises(DamagedError) as raised:
        vault.unlock(main.path, ADMIN, PASSWORD)
    assert raised.value.restore == (main.path, ours)


def test_a_restore_in_place_continues_its_line_and_its_older_backups_stay_offered(main, tmp_path, clock):
    kept = backup.create(main, tmp_path / "main-backup.bvctbak").path
    look_path = tmp_path / "look" / "bvct.db"
    look_path.parent.mkdir()
    look = _restored(kept, look_path, clock)
    clock.now += dt.timedelta(minutes=1)
    first = autobackup.at_exit(look)
    look.close()
    clock.now += dt.timedelta(minutes=1)
    look = _restored(first, look_path, clock)  # in place of itself
    try:
        line = keyfile.read(keyfile.key_path(look_path)).line
        assert len(line) == 2 and line[-1] == keyfile.salt_of(look_path)
        assert [k.path for k in backup_log.auto_backups(backup_log.auto_folder(), backup.owner(look))] == [first]
        assert autobackup.at_exit(look) is None  # today's is its own
    finally:
        look.close()
    assert backup_log.newest_verified(main.path).path == kept  # the original's own, not the copy's


def test_a_restore_in_place_of_a_database_without_a_line_keeps_todays_behaviour(main, tmp_path, clock):
    ours = autobackup.at_exit(main)
    main.close()
    clock.now += dt.timedelta(minutes=1)
    again = _restored(ours, main.path, clock)
    try:
        assert keyfile.read(again.key_path).line is None
        assert autobackup.at_exit(again) is None  # today's, taken before the restore, is still its own
    finally:
        again.close()


@pytest.mark.parametrize("key_file", ["kept", "lost"])
def test_backups_written_after_a_restore_are_the_newest_whatever_the_clock_said(main, clock, key_file):
    """Two backups with the clock a year ahead; the clock put right, the first restored in place (its key file
    there, or lost): the one written next is the newest, past the second's number, not after the first's."""
    clock.now = dt.datetime(2027, 11, 1, 17, 0)
    first = autobackup.at_exit(main)
    clock.now += dt.timedelta(days=1)
    autobackup.at_exit(main)
    main.close()
    if key_file == "lost":
        keyfile.key_path(main.path).unlink()
    clock.now = dt.datetime(2026, 11, 10, 17, 0)
    again = _restored(first, main.path, clock)
    try:
        made = autobackup.at_exit(again)
        assert backup_log.newest_verified(again.path).path == made
    finally:
        again.close()
