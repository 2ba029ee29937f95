"""Before data leaves the encryption the password is asked again (setting hoi_lai_mat_khau)."""

import datetime as dt

import pytest

from bvct_desktop.core import audit, settings
from bvct_desktop.gui import reauth
from tests.conftest import PASSWORD
from tests.gui.shell_support import FakeClock, context_for, new_database, off_the_gui_thread, threads_calling


@pytest.fixture
def context(qapp, tmp_path):  # the password is checked on a worker: its answer comes through Qt's event loop
    clock = FakeClock()
    db = new_database(tmp_path, clock)
    yield context_for(db, clock)
    db.close()


def _actions(context):
    return [entry.action for entry in audit.list_entries(context.db)]


def test_the_right_password_lets_the_export_go_and_is_audited(context):
    context.dialogs.answer_next(PASSWORD)
    assert reauth.confirm(context, None, "xuất Excel")
    assert context.dialogs.shown[-1].kind == "ask_password"
    assert "xác nhận mật khẩu để xuất Excel" in _actions(context)


def test_a_wrong_or_cancelled_password_stops_it(context):
    context.dialogs.answer_next("sai mật khẩu rồi")
    assert not reauth.confirm(context, None, "xuất Excel")
    assert context.dialogs.shown[-1].kind == "warn"
    context.dialogs.answer_next(None)
    assert not reauth.confirm(context, None, "in")


def test_with_the_setting_off_nothing_is_asked(context):
    settings.set_setting(context.db, "hoi_lai_mat_khau", "không")
    context.dialogs.answer_next()
    assert reauth.confirm(context, None, "xuất Excel")
    assert [shown.kind for shown in context.dialogs.shown] == []


def test_the_setting_in_force_on_the_programs_day_decides(context):
    tomorrow = context.clock().date() + dt.timedelta(days=1)
    settings.set_setting(context.db, "hoi_lai_mat_khau", "không", tomorrow)
    context.dialogs.answer_next(PASSWORD)
    assert reauth.confirm(context, None, "xuất Excel")
    assert [shown.kind for shown in context.dialogs.shown] == ["ask_password"]
    context.clock.advance(days=1)
    assert reauth.confirm(context, None, "xuất Excel")
    assert [shown.kind for shown in context.dialogs.shown] == ["ask_password"]


def test_the_password_is_checked_on_a_worker_while_the_windows_paint(context, monkeypatch):
    checked_on = threads_calling(monkeypatch, context.db, "confirm_password")
    context.dialogs.answer_next(PASSWORD)
    assert reauth.confirm(context, None, "in")
    assert off_the_gui_thread(checked_on)
    context.dialogs.answer_next("sai mật khẩu rồi")
    assert not reauth.confirm(context, None, "in")  # the worker's refusal comes back as before
    assert context.dialogs.shown[-1].kind == "warn"
