"""`bvct-desktop --startup-check REPORT.json`: a report that cannot be written is told, which path and
why, the first window still closes, and the check ends with a failure status."""

from bvct_desktop.gui import startcheck
from bvct_desktop.gui.dialogs import Dialogs
from bvct_desktop.gui.qt import QDialog, QTimer


def test_a_report_that_cannot_be_written_is_told_and_the_window_still_closes(qapp, tmp_path):
    report = tmp_path / "không-có" / "kiem-tra.json"  # as C:\ is to a standard user: nothing can be written there
    dialogs = Dialogs()
    dialogs.answer_next(None)
    check = startcheck.arm(report, dialogs)
    window = QDialog()
    QTimer.singleShot(5000, lambda: window.done(99))  # the window left open: the test ends, failed

    assert window.exec() == QDialog.DialogCode.Rejected
    assert check.exit_code != 0
    [told] = dialogs.shown
    assert f"«{report}»" in told.text and "không có tệp hoặc thư mục này" in told.text
    assert "%USERPROFILE%" in told.text


def test_a_written_report_ends_the_check_well(qapp, tmp_path):
    report = tmp_path / "kiem-tra.json"
    check = startcheck.arm(report, Dialogs())
    window = QDialog()
    QTimer.singleShot(5000, lambda: window.done(99))

    assert window.exec() == QDialog.DialogCode.Rejected
    assert check.exit_code == 0 and report.exists() and report.with_suffix(".png").exists()
