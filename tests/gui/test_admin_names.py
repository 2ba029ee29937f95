"""Every input of Quản trị's pages for users, backups and settings carries a name of its own, its label's
words: Windows' screen reader says that name (a buddy label's raw text is only Qt's fallback on some platforms)."""

from bvct_desktop.gui.admin.backup_page import BackupPage
from bvct_desktop.gui.admin.settings_page import SettingsPage
from bvct_desktop.gui.admin.users_page import UsersPage
from bvct_desktop.gui.qt import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit
from tests.gui import register_support as support
from tests.gui.accessibility_support import operated

app, clock, sample_files, db, context = support.app, support.clock, support.sample_files, support.db, support.context

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit)


def test_no_input_of_the_users_backup_and_settings_pages_is_unnamed(qtbot, context):
    unnamed, names = {}, {}
    for page in (UsersPage(context), BackupPage(context, restored=lambda: None), SettingsPage(context)):
        qtbot.addWidget(page)
        page.show()
        page.advanced.setChecked(True) if isinstance(page, SettingsPage) else None
        inputs = [widget for widget in operated(page) if isinstance(widget, INPUTS)]
        unnamed[type(page).__name__] = [widget.objectName() for widget in inputs if not widget.accessibleName()]
        names.update({widget.objectName(): widget.accessibleName() for widget in inputs})
    assert unnamed == {"UsersPage": [], "BackupPage": [], "SettingsPage": []}
    assert {key: names[key] for key in ("name", "again", "new_key", "new_value_co_quan_cap_tren")} == {
        "name": "Tên người dùng", "again": "Nhập lại mật khẩu", "new_key": "Giá trị mới cho",
        "new_value_co_quan_cap_tren": "Giá trị mới"}  # the box of the setting chosen, of its kind
