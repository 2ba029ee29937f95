"""«Ghi số đã cấp ngoài chương trình»: what keeps the dialog from recording is told in it, and nothing is
recorded — the database out of reach or a role refused when it reads the next number, a next number
beyond what its box holds."""

import datetime as dt

import pytest

from bvct_desktop.core import numbering, outgoing
from bvct_desktop.core.errors import DamagedError
from bvct_desktop.gui.outside_numbers_dialog import HIGHEST, OutsideNumbersDialog
from bvct_desktop.gui.qt import QDialogButtonBox
from tests.gui.shell_support import FakeClock, new_database

TODAY = dt.date(2026, 12, 2)
OUT_OF_REACH = "Không đọc được cơ sở dữ liệu: ổ mạng đã ngắt."


@pytest.fixture
def db(tmp_path):
    opened = new_database(tmp_path, FakeClock(dt.datetime(2026, 12, 2, 8, 0)))
    yield opened
    opened.close()


def opened(qtbot, db) -> OutsideNumbersDialog:
    dialog = OutsideNumbersDialog(db, TODAY)
    qtbot.addWidget(dialog)
    return dialog


def records(dialog: OutsideNumbersDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_a_next_number_that_cannot_be_read_is_told_in_the_dialog_which_records_nothing(qtbot, db, monkeypatch):
    read = outgoing.following

    def out_of_reach(*_args):
        raise DamagedError(OUT_OF_REACH)

    monkeypatch.setattr(outgoing, "following", out_of_reach)
    dialog = opened(qtbot, db)
    assert dialog.problem.text() == OUT_OF_REACH and not dialog.problem.isHidden()
    assert not records(dialog) and dialog.next_label.text() == ""

    monkeypatch.setattr(outgoing, "following", read)
    dialog.doc_type.setCurrentIndex(1)
    assert dialog.problem.isHidden() and records(dialog)
    assert dialog.next_label.text().startswith("Số chương trình sẽ cấp hiện nay: 01-CV/BTCTU.")

    monkeypatch.setattr(outgoing, "following", out_of_reach)  # a slot's read, once the dialog is open
    dialog.day.set_day(TODAY - dt.timedelta(days=1))
    assert dialog.problem.text() == OUT_OF_REACH and not records(dialog)


def test_a_next_number_beyond_the_box_is_told_and_refused_with_the_box_s_least_not_above_its_most(
        qtbot, db):
    outgoing.used_outside(db, numbering.REPORT, HIGHEST, TODAY, "Sổ giấy đã dùng hết số")
    dialog = opened(qtbot, db)
    assert dialog.last.minimum() <= dialog.last.maximum() == HIGHEST
    assert dialog.problem.text() == (
        f"Số chương trình sẽ cấp hiện nay (10000-BC/BTCTU) vượt quá {HIGHEST}, số lớn nhất ghi được ở đây: không "
        "ghi số đã cấp ngoài chương trình cho loại văn bản này được.")
    assert not records(dialog)
    dialog.doc_type.setCurrentIndex(1)
    assert dialog.last.minimum() == 1 and records(dialog) and dialog.problem.isHidden()
