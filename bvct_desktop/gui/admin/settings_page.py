"""Thiết lập: the office settings (core/settings declarations), a basic view of what offices
change most and an advanced view with everything; the values in force today, and each
setting's values through time with a new value started from a day (the office renamed or
merged: documents take the value in force on their own date). A setting printed on every
document is never saved empty. The page is the Designer form ui/admin_settings.ui; its rows
follow the settings' declarations."""

import datetime as dt
from itertools import pairwise

from ...core import setting_notes, settings
from ...core.dates import display_date
from ...core.errors import BvctError
from ...core.fields import NO, YES
from ...core.settings import BY_KEY, SETTINGS, Setting
from ..accessible import field_label, named_from_labels
from ..context import AppContext
from ..date_box import DateBox
from ..designer.ui_admin_settings import Ui_SettingsPage
from ..flow_layout import reflow
from ..qt import QComboBox, QFormLayout, QHeaderView, QLineEdit, QSpinBox, QTableWidgetItem, QWidget

BASIC = ("co_quan_cap_tren", "co_quan", "dia_danh", "quyen_ky", "chuc_vu_ky", "nguoi_ky", "han_tra_loi_phieu_ngay",
         "tu_dong_khoa_phut", "hoi_lai_mat_khau", "thu_muc_sao_luu_2")
# kind → unit shown after the number, for the numeric settings (their ranges: settings.RANGES)
NUMBERS = {"days": " ngày", "minutes": " phút", "months": " tháng"}
# kind → what the officer sees of each value a setting of fixed values takes (settings.FIXED_VALUES, in its order)
SHOWN = {"secrecy": ("Không đóng dấu độ mật", "MẬT"), "yesno": (YES, NO),
         "reporting_year": ("Năm dương lịch (01/01 – 31/12)", "Từ 15/12 năm trước (15/12 – 14/12)")}
# kind → [(what the officer sees, the stored value)]
CHOICES = {kind: list(zip(shown, settings.FIXED_VALUES[kind], strict=True)) for kind, shown in SHOWN.items()}


class SettingField:
    """One setting's editor, chosen by the setting's kind."""

    def __init__(self, setting: Setting):
        self.setting = setting
        if setting.kind in NUMBERS:
            self.widget = QSpinBox()
            self.widget.setRange(*settings.RANGES[setting.kind])
            self.widget.setSuffix(NUMBERS[setting.kind])
        elif setting.kind == "date":
            self.widget = DateBox()
            self.widget.may_be_empty = setting.may_be_empty
        elif setting.kind in CHOICES:
            self.widget = QComboBox()
            for shown, stored in CHOICES[setting.kind]:
                self.widget.addItem(shown, stored)
        else:
            self.widget = QLineEdit()

    def set(self, value: str) -> None:
        if self.setting.kind in NUMBERS:
            self.widget.setValue(int(value))
        elif self.setting.kind == "date":
            self.widget.set_day(dt.date.fromisoformat(value) if value else None)
        elif self.setting.kind in CHOICES:
            self.widget.setCurrentIndex(max(0, self.widget.findData(value)))
        else:
            self.widget.setText(value)
            self.widget.setCursorPosition(0)  # a long value shows its start

    def taken(self) -> bool:
        """Whether what was typed is a value: a date box refuses a day that does not exist (and says so)."""
        return not isinstance(self.widget, DateBox) or self.widget.take_typed()

    def get(self) -> str:
        if self.setting.kind in NUMBERS:
            return str(self.widget.value())
        if self.setting.kind == "date":
            day = self.widget.day()
            return day.isoformat() if day else ""
        if self.setting.kind in CHOICES:
            return self.widget.currentData()
        return self.widget.text()


class SettingsPage(QWidget, Ui_SettingsPage):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        reflow(self.new_value_row)
        self.context = context
        self.fields = {setting.key: SettingField(setting) for setting in SETTINGS}
        self.new_fields = {setting.key: SettingField(setting) for setting in SETTINGS}
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for setting in SETTINGS:
            widget = self.fields[setting.key].widget
            self.form.addRow(field_label(f"{setting.label}:", setting.required, widget), widget)
        for before, after in pairwise([self.advanced, *(field.widget for field in self.fields.values()),
                                       self.save_button]):
            QWidget.setTabOrder(before, after)  # top to bottom, the rows between the switch and the button
        self.advanced.toggled.connect(self._show_rows)
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(not context.read_only)
        self.new_key.currentIndexChanged.connect(self.new_value.setCurrentIndex)
        self.new_key.currentTextChanged.connect(self.new_key.setToolTip)  # a long label, cut in the box
        for setting in SETTINGS:  # every setting has a history: documents and deadlines take their day's value
            self.new_key.addItem(setting.label, setting.key)
            self.new_value.addWidget(self.new_fields[setting.key].widget)
            self.new_fields[setting.key].widget.setObjectName(f"new_value_{setting.key}")
            self.new_fields[setting.key].widget.setAccessibleName("Giá trị mới")
        self.new_from.set_day(context.clock().date())
        for box in self.findChildren(DateBox):
            box.refused.connect(self.message.show_message)
        self.new_button.clicked.connect(self.start_new_value)
        self.new_button.setEnabled(not context.read_only)
        self.history.verticalHeader().hide()
        header = self.history.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        named_from_labels(self)
        self.load()
        self._show_rows(False)

    def _show_rows(self, advanced: bool) -> None:
        for row, setting in enumerate(SETTINGS):
            self.form.setRowVisible(row, advanced or setting.key in BASIC)

    def load(self) -> None:
        """The values in force today in the fields (and in the new value's box), and every setting's history."""
        self._read_stored()
        for key in self.fields:
            self.fields[key].set(self.stored[key])
            self.new_fields[key].set(self.stored[key])

    def _read_stored(self) -> None:
        history = settings.settings_history(self.context.db)
        self.stored = history.on(self.context.clock().date())
        self._show_history(history)

    def _show_history(self, history: settings.History) -> None:
        """Every value a setting has had, for the settings that changed."""
        rows = [(BY_KEY[key], span) for key, spans in history.changed().items() for span in spans]
        today = self.context.clock().date()
        self.history.setRowCount(len(rows))
        for row, (setting, span) in enumerate(rows):
            cells = (setting.label, *span.days_shown(today), setting.shown(span.value))
            for column, value in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(value))
        self.history.setVisible(bool(rows))

    def _point_at(self, key: str) -> None:
        """The refused setting's field in view and focused (in the advanced view if it is not a basic one)."""
        if key not in BASIC:
            self.advanced.setChecked(True)
        self.fields[key].widget.setFocus()

    def start_new_value(self) -> None:
        """The chosen setting takes the new value from the day chosen; the old one holds until the day before."""
        key = self.new_key.currentData()
        if not (self.new_from.take_typed() and self.new_fields[key].taken()):
            return
        start = self.new_from.day()
        try:
            value = settings.set_setting(self.context.db, key, self.new_fields[key].get(), start)
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        if value is None:
            self.message.show_message(f"Không có gì thay đổi: ngày {display_date(start)}, «{BY_KEY[key].label}» "
                                      "đã là giá trị ấy.", error=False)
            return
        self.load()
        self._tell_saved(f"Từ ngày {display_date(start)}, «{BY_KEY[key].label}» là «{BY_KEY[key].shown(value)}».",
                         {key: setting_notes.saved_note(self.context.db, key, value, start)})
        self.context.notifier.changed.emit("settings")

    def _tell_saved(self, done: str, notes: dict[str, str | None]) -> None:
        """What was saved, and what the administrator should know of it (`notes` by setting): in the
        warning's colour when a second backup folder cannot be written now — no copy will be made."""
        told = [note for note in notes.values() if note]
        self.message.show_message(" ".join([done, *told]), error=bool(notes.get(settings.SECOND_FOLDER)))

    def save(self) -> None:
        """Saves what was changed, every value checked first; on a refusal the fields keep what was typed."""
        for key, field in self.fields.items():
            if not field.taken():
                self._point_at(key)
                return
        changed = {key: field.get() for key, field in self.fields.items() if field.get() != self.stored[key]}
        for key, value in changed.items():
            try:
                settings.validated(key, value)
            except BvctError as refused:
                self.message.show_message(refused.message)
                self._point_at(key)
                return
        try:
            stored = {key: settings.set_setting(self.context.db, key, value) for key, value in changed.items()}
        except BvctError as refused:
            self._read_stored()  # what was saved before the refusal is saved
            self.message.show_message(refused.message)
            return
        self.load()
        saved = {key: value for key, value in stored.items() if value is not None}  # not the same value retyped
        done = f"Đã lưu {len(saved)} thiết lập." if saved else settings.NOTHING_CHANGED
        self._tell_saved(done, {key: setting_notes.saved_note(self.context.db, key, value)
                                for key, value in saved.items()})
        if saved:
            self.context.notifier.changed.emit("settings")
