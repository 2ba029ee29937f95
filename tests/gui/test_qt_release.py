"""PySide6 6.12.0 on Python < 3.12 drops a reference to None on every void call and aborts after
about 5,000 of them (stack notes); 20,000 calls prove the pinned release is not that one."""

from PySide6.QtWidgets import QLabel


def test_twenty_thousand_void_calls_do_not_abort(qapp):
    label = QLabel()
    for number in range(20_000):
        label.setText(str(number))
        label.resize(100, 20)
    assert label.text() == "19999"
