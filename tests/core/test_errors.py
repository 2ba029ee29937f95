"""The program's expected failures: told again in other words, they stay what they were."""

from pathlib import Path

from bvct_desktop.core.errors import Ambiguous, BvctError, DamagedError


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
