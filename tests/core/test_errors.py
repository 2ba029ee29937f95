"""The program's expected failures: told again in other words, they stay what they were."""

import errno
from pathlib import Path

import pytest

from bvct_desktop.core.errors import Ambiguous, BvctError, DamagedError, os_reason


def test_a_reworded_failure_keeps_its_kind_and_what_it_carries():
    restore = (Path("bvct.db"), Path("sao-luu.bvctbak"))
    reworded = DamagedError("Hỏng.", restore).reworded("Hỏng. Đã xóa bản sao lưu mới.")
    assert type(reworded) is DamagedError and reworded.exit_code == 4
    assert reworded.message == str(reworded) == "Hỏng. Đã xóa bản sao lưu mới."
    assert reworded.restore == restore


def test_a_reworded_ambiguity_still_says_what_tells_the_records_apart():
    reworded = Ambiguous("Có 2 cán bộ tên «Lê Văn Ba»", "ngày sinh", "một người").reworded("Khác.")
    assert isinstance(reworded, Ambiguous) and reworded.needs == "ngày sinh"
    assert reworded.asking_for("--birth").message.endswith("ghi thêm --birth để chọn một người.")


def test_the_original_failure_is_left_as_it_was():
    original = BvctError("Một.")
    original.reworded("Hai.")
    assert original.message == str(original) == "Một."


@pytest.mark.parametrize("error, told", [
    (IsADirectoryError(errno.EISDIR, "Is a directory"), "là thư mục, không phải tệp"),
    (PermissionError(errno.EACCES, "Permission denied"), "không có quyền truy cập"),
    (FileNotFoundError(errno.ENOENT, "No such file or directory"), "không có tệp hoặc thư mục này"),
    (NotADirectoryError(errno.ENOTDIR, "Not a directory"), "một phần của đường dẫn là tệp, không phải thư mục"),
    (OSError(errno.EROFS, "Read-only file system"), "ổ đĩa chỉ cho đọc"),
])
def test_the_operating_system_s_reason_is_told_in_vietnamese(error, told):
    assert os_reason(error) == told


def test_a_rare_reason_keeps_the_operating_system_s_words():
    assert os_reason(OSError(errno.ELOOP, "Too many levels of symbolic links")) == "Too many levels of symbolic links"
