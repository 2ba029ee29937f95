"""What the administrator checks after a restore, read from the database restored alone (on a new PC
the old one is gone with its PC): the documents numbered after the backup are not in it, so its last
numbers are set against the paper register before the next is issued; the second backup folder it
names may be another drive, or none, on this PC."""

import datetime as dt
from pathlib import Path

from sqlalchemy.engine import Connection

from . import numbering, settings

AGAINST_THE_REGISTER = (
    "Văn bản phát hành trên máy cũ sau thời điểm sao lưu không có ở đây: trước khi phát hành văn bản mới, hãy đối "
    "chiếu các số này với sổ đăng ký văn bản đi (bản giấy). Nếu sổ đã có số lớn hơn, hãy ghi số cuối cùng đã dùng "
    "(với ngày và lý do) ở trang Văn bản đã phát hành › «Ghi số đã cấp ngoài…», kẻo số chương trình cấp sẽ trùng: "
    "chương trình cấp số tiếp theo sau số ấy.")
SET_IT_AGAIN = ("hãy đặt lại ở Quản trị › Thiết lập (hoặc bvct settings set thu_muc_sao_luu_2 THƯ_MỤC), kẻo bản sao "
                "lưu tự động không được chép ra ngoài.")
UNREAD = "Đã khôi phục, nhưng không đọc được các điều cần kiểm tra (số văn bản cuối cùng, thư mục sao lưu thứ hai)."


def told(connection: Connection, today: dt.date) -> list[str]:
    """The checks, one paragraph each; none when there is nothing to check."""
    history = settings.read_history(connection)
    office = history.on(today)
    return [line for line in (_last_numbers(connection, office, history), _second_folder(office)) if line]


def _last_numbers(connection: Connection, office: dict[str, str], history: settings.History) -> str | None:
    """Each number as it was printed: with the office's symbol in force on its own date."""
    term = numbering.term_start(office)
    last = numbering.last_taken(connection, term)
    if not last:
        return None
    numbers = "; ".join(f"{numbering.number_text(number, doc_type, history.on(day)['ky_hieu'])} ngày {day:%d/%m/%Y}"
                        for doc_type, number, day in last)
    return f"Số văn bản cuối cùng trong bản sao lưu (nhiệm kỳ từ {term:%d/%m/%Y}): {numbers}. {AGAINST_THE_REGISTER}"


def _second_folder(office: dict[str, str]) -> str | None:
    folder = office.get(settings.SECOND_FOLDER, "")
    if not folder or Path(folder).is_dir():
        return None
    return (f"Thư mục sao lưu thứ hai «{folder}» (thiết lập {settings.SECOND_FOLDER}) không có trên máy này (máy mới "
            f"có thể đặt tên ổ đĩa khác): {SET_IT_AGAIN}")
