"""The error log: where an officer finds what went wrong, with no record values in it."""

import os
import re
import stat

import pytest

from bvct_desktop import errorlog, paths
from bvct_desktop.core.errors import DISK_FULL


def test_a_failure_is_logged_without_the_names_of_files():
    """Output files are named after people («trich-ngang-vuong-kha-ngan.pdf»): the log keeps where, not who."""
    errorlog.log_failure("print", f"{DISK_FULL}: không ghi được «E:\\in\\trich-ngang-vuong-kha-ngan.pdf»; không có "
                                  "tệp nào bị ghi dở.")
    errorlog.log_failure("export", f"{DISK_FULL}: không ghi được «vuong-kha-ngan.xlsx»; không có tệp nào bị ghi dở.")
    lines = paths.log_file().read_text(encoding="utf-8").splitlines()
    assert [line.split(" ", 3)[3] for line in lines] == [
        f"print: {DISK_FULL}: không ghi được «E:\\…»; không có tệp nào bị ghi dở.",
        f"export: {DISK_FULL}: không ghi được «…»; không có tệp nào bị ghi dở."]


def test_a_failure_is_logged_with_the_disk_only_never_a_folder_named_after_someone():
    """Officers keep a folder per person («Hồ sơ Phạm Văn Bình»): the log keeps which disk was full, not whose
    folder it was."""
    errorlog.log_failure("print", f"{DISK_FULL}: không ghi được «E:\\Hồ sơ Phạm Văn Bình\\trich-ngang.pdf».")
    share = "\\\\may-chu\\chung\\"
    errorlog.log_failure("backup", f"{DISK_FULL}: không ghi được «{share}Vương Khả Ngân\\sao-luu.bvctbak».")

    lines = paths.log_file().read_text(encoding="utf-8").splitlines()
    assert [line.split(" ", 3)[3] for line in lines] == [f"print: {DISK_FULL}: không ghi được «E:\\…».",
                                                          f"backup: {DISK_FULL}: không ghi được «{share}…»."]


def test_a_failure_on_a_posix_path_is_logged_with_the_mount_it_is_on(tmp_path):
    folder = tmp_path / "Hồ sơ Phạm Văn Bình"
    folder.mkdir()

    errorlog.log_failure("export", f"{DISK_FULL}: không ghi được «{folder / 'trich-ngang.xlsx'}».")

    logged = paths.log_file().read_text(encoding="utf-8")
    disk = re.search(r"«(.*)…»", logged)[1]
    assert "Phạm Văn Bình" not in logged
    assert os.path.ismount(disk) and tmp_path.resolve().is_relative_to(disk)


@pytest.mark.skipif(os.name != "posix", reason="Windows keeps the log in the user's own profile folder")
def test_the_log_is_readable_by_its_owner_only():
    """Another account on a shared computer does not read which folders the officer works in."""
    errorlog.log_failure("export", "Ổ đĩa đầy.")

    assert stat.S_IMODE(paths.log_file().stat().st_mode) == 0o600
