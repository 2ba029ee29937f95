"""What an administrator is told once a setting is saved: what its new value does to the records and
documents already there (numbers, deadlines running, documents printed again, backups, vetting cases)."""

import datetime as dt
from pathlib import Path

from . import files, numbering
from .database import Database
from .dates import display_date
from .errors import BvctError
from .numbers import grouped
from .plans import cases
from .reprinted import reprinted_note
from .settings import BY_KEY, OLD_SLIPS, SECOND_FOLDER, read_history

UNTIL_THERE = "bản sao lưu tự động sẽ không chép ra được cho đến khi thư mục này có mặt và ghi được."


# a deadline's setting → what its deadlines run from (deadlines.started_past_due), and its days' unit
DEADLINES_FROM = {"han_tra_loi_phieu_ngay": ("phiếu đã phát hành", "ngày"),
                  "han_bao_cao_sau_chuyen_di_ngay": ("đoàn đã về", "ngày làm việc"),
                  "han_bao_cao_viec_rieng_ngay": ("chuyến đi việc riêng đã về", "ngày làm việc"),
                  "han_nop_lai_ho_chieu_ngay": ("hộ chiếu giao cho chuyến đi đã về", "ngày làm việc"),
                  "nhac_tinh_ban_tra_loi_ngay": ("đề nghị nghiên cứu tàng thư đã gửi hay đã nhận", "ngày")}


def saved_note(db: Database, key: str, value: str, start: dt.date | None = None) -> str | None:
    """What the administrator should know once `key` is set to `value` (from `start`, else as a
    correction of the value in force today): a term start on or before documents already numbered
    under another start does not restart their numbers, one after today holds every number up until
    that day; slips and member lists already issued in
    the value's span print again with it; a deadline corrected for its span moves the deadlines
    already running in it; a second backup folder not there now (a USB drive unplugged) is taken,
    but no copy is made until it is; the old slips' day leaves the cases open already as they are."""
    if key == SECOND_FOLDER:
        return second_folder_note(value)
    if key == OLD_SLIPS:
        return old_slips_note(db, value)
    if key in DEADLINES_FROM and start is None:
        running, unit = DEADLINES_FROM[key]
        return (f"«{BY_KEY[key].label}» đã sửa cả cho những {running}: hạn của chúng cũng tính theo "
                f"{value} {unit}. Nếu chỉ áp dụng từ một ngày, đặt giá trị mới áp dụng từ ngày đó (giá trị cũ giữ "
                "đến hôm trước).")
    setting = BY_KEY[key]
    if key != numbering.TERM_START and not setting.reprints:
        return None
    with db.read() as connection:
        if key == numbering.TERM_START:
            term = dt.date.fromisoformat(value)
            return numbering.continued_note(connection, term) or term_ahead_note(term, start, db.clock().date())
        span = read_history(connection).span_on(key, start or db.clock().date())
        return reprinted_note(connection, setting.label, value, span.valid_from, span.until)


def term_ahead_note(term: dt.date, start: dt.date | None, today: dt.date) -> str | None:
    """A term start `term` after `today`, in force from `start` (else corrected for today's span): no document
    dated before it takes a number, so none is issued until then; None when it is not ahead of its own span."""
    if term <= today or (start is not None and start >= term):
        return None
    since = "từ nay" if start is None or start <= today else f"từ ngày {start:%d/%m/%Y}"
    last = term - dt.timedelta(days=1)
    return (f"Lưu ý: ngày bắt đầu nhiệm kỳ {term:%d/%m/%Y} sau hôm nay ({today:%d/%m/%Y}): {since} đến hết ngày "
            f"{last:%d/%m/%Y} không phát hành được văn bản có số nào (văn bản không ghi ngày trước ngày bắt đầu nhiệm "
            f"kỳ của nó). Nếu nhiệm kỳ hiện tại còn đến hết ngày {last:%d/%m/%Y}: trả lại ngày bắt đầu của nhiệm kỳ "
            f"hiện tại, rồi đặt ngày {term:%d/%m/%Y} áp dụng từ ngày {term:%d/%m/%Y}.")


def second_folder_note(folder: str) -> str | None:
    """Why the automatic backups cannot be copied to `folder` now (missing, or not writable), else None."""
    if not folder:
        return None
    if not Path(folder).is_dir():
        return f"Chưa thấy thư mục sao lưu thứ hai «{folder}» (ổ USB chưa cắm?): {UNTIL_THERE}"
    try:
        files.temporary_beside(Path(folder) / "thu-ghi").unlink()  # as a backup's copy starts
    except BvctError as refused:
        return f"Không ghi được vào thư mục sao lưu thứ hai «{folder}» ({refused.message.rstrip('.')}): {UNTIL_THERE}"
    return None


def old_slips_note(db: Database, day: str) -> str | None:
    """The open vetting cases opened on or before the old slips' `day` (an office that imported its past years
    before setting it): the day keeps slips from opening cases, it closes none; None when there is none."""
    if not day:
        return None
    through = dt.date.fromisoformat(day)
    with db.read() as connection:
        found = cases.open_through(connection, through)
    if not found:
        return None
    return (f"Lưu ý: «{BY_KEY[OLD_SLIPS].label}» áp dụng cho phiếu nhập hay lưu từ nay; {grouped(found)} hồ sơ thẩm "
            f"tra đang mở có ngày mở đến ngày {display_date(through)} vẫn giữ nguyên. Hồ sơ nào đã kết thúc trên giấy: "
            "ghi kết luận, hoặc xóa trong sổ Hồ sơ thẩm tra.")

