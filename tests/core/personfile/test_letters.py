"""What a letter's form tells of the other letters about the same cadre (core/personfile/letters.py)."""

import datetime as dt

from bvct_desktop.core.personfile import letters


def letter(letter_id: int, kind: str, received: dt.date, is_open: bool) -> dict:
    return {"id": letter_id, "complaint_kind": kind, "received_on": received, "open": is_open,
            "state": letters.OPEN if is_open else letters.RESOLVED}


def test_a_second_letter_about_a_cadre_names_the_others_with_their_state():
    """Tour: two anonymous denunciations of Nguyễn Văn Hùng a week apart; nothing on the second one's form
    said he had a letter already, so the officer handled them as two unrelated cases."""
    about_hung = [letter(6, "Tố cáo", dt.date(2026, 3, 9), True), letter(1, "Tố cáo", dt.date(2026, 3, 2), True),
                  letter(7, "Khiếu nại", dt.date(2026, 1, 10), False)]
    assert letters.others_told(about_hung, 6) == (
        "Cán bộ này đã có 2 đơn thư khác: Tố cáo nhận ngày 02/03/2026 (chưa giải quyết); "
        "Khiếu nại nhận ngày 10/01/2026 (đã giải quyết).")


def test_a_new_letter_counts_every_stored_one_and_a_cadres_only_letter_tells_nothing():
    stored = [letter(1, "Phản ánh", dt.date(2026, 3, 2), True)]
    assert letters.others_told(stored, None) == "Cán bộ này đã có 1 đơn thư khác: Phản ánh nhận ngày 02/03/2026 " \
                                                "(chưa giải quyết)."
    assert letters.others_told(stored, 1) == ""
