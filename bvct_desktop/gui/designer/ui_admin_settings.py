# Generated from ui/admin_settings.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/admin_settings.ui), then run: python ui/compile.py

from ..qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ..date_box import DateBox
from ..look import ErrorLabel

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        self.settings_layout = QVBoxLayout(SettingsPage)
        self.settings_layout.setObjectName(u"settings_layout")
        self.heading = QWidget(SettingsPage)
        self.heading.setObjectName(u"heading")
        self.heading_layout = QVBoxLayout(self.heading)
        self.heading_layout.setObjectName(u"heading_layout")
        self.heading_layout.setContentsMargins(0, 0, 0, 6)
        self.page_title = QLabel(self.heading)
        self.page_title.setObjectName(u"page_title")
        self.page_title.setProperty(u"look", u"pageTitle")

        self.heading_layout.addWidget(self.page_title)

        self.page_subtitle = QLabel(self.heading)
        self.page_subtitle.setObjectName(u"page_subtitle")
        self.page_subtitle.setWordWrap(True)
        self.page_subtitle.setProperty(u"look", u"pageSubtitle")

        self.heading_layout.addWidget(self.page_subtitle)


        self.settings_layout.addWidget(self.heading)

        self.advanced = QCheckBox(SettingsPage)
        self.advanced.setObjectName(u"advanced")

        self.settings_layout.addWidget(self.advanced)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")

        self.settings_layout.addLayout(self.form)

        self.message = ErrorLabel(SettingsPage)
        self.message.setObjectName(u"message")

        self.settings_layout.addWidget(self.message)

        self.save_button = QPushButton(SettingsPage)
        self.save_button.setObjectName(u"save_button")

        self.settings_layout.addWidget(self.save_button)

        self.history_box = QGroupBox(SettingsPage)
        self.history_box.setObjectName(u"history_box")
        self.history_layout = QVBoxLayout(self.history_box)
        self.history_layout.setObjectName(u"history_layout")
        self.history = QTableWidget(self.history_box)
        if (self.history.columnCount() < 4):
            self.history.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.history.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.history.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.history.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.history.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.history.setObjectName(u"history")
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setTabKeyNavigation(False)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.history_layout.addWidget(self.history)

        self.new_value_row = QHBoxLayout()
        self.new_value_row.setObjectName(u"new_value_row")
        self.new_key_label = QLabel(self.history_box)
        self.new_key_label.setObjectName(u"new_key_label")

        self.new_value_row.addWidget(self.new_key_label)

        self.new_key = QComboBox(self.history_box)
        self.new_key.setObjectName(u"new_key")
        self.new_key.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.new_key.setMinimumContentsLength(30)

        self.new_value_row.addWidget(self.new_key)

        self.new_value_label = QLabel(self.history_box)
        self.new_value_label.setObjectName(u"new_value_label")

        self.new_value_row.addWidget(self.new_value_label)

        self.new_value = QStackedWidget(self.history_box)
        self.new_value.setObjectName(u"new_value")

        self.new_value_row.addWidget(self.new_value)

        self.new_from_label = QLabel(self.history_box)
        self.new_from_label.setObjectName(u"new_from_label")

        self.new_value_row.addWidget(self.new_from_label)

        self.new_from = DateBox(self.history_box)
        self.new_from.setObjectName(u"new_from")

        self.new_value_row.addWidget(self.new_from)

        self.new_button = QPushButton(self.history_box)
        self.new_button.setObjectName(u"new_button")

        self.new_value_row.addWidget(self.new_button)

        self.new_value_row.setStretch(1, 1)
        self.new_value_row.setStretch(3, 2)

        self.history_layout.addLayout(self.new_value_row)


        self.settings_layout.addWidget(self.history_box)

        self.settings_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.settings_layout.addItem(self.settings_spacer)

        self.settings_layout.setStretch(6, 1)
#if QT_CONFIG(shortcut)
        self.new_key_label.setBuddy(self.new_key)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.page_title.setText(QCoreApplication.translate("SettingsPage", u"Thi\u1ebft l\u1eadp c\u1ee7a c\u01a1 quan", None))
        self.page_subtitle.setText(QCoreApplication.translate("SettingsPage", u"D\u00f9ng tr\u00ean v\u0103n b\u1ea3n in ra v\u00e0 \u0111\u1ec3 t\u00ednh h\u1ea1n; m\u1ecdi thay \u0111\u1ed5i \u0111\u01b0\u1ee3c ghi v\u00e0o nh\u1eadt k\u00fd.", None))
        self.advanced.setText(QCoreApplication.translate("SettingsPage", u"Hi\u1ec7n thi\u1ebft l\u1eadp n\u00e2ng cao", None))
        self.save_button.setText(QCoreApplication.translate("SettingsPage", u"L\u01b0u thi\u1ebft l\u1eadp", None))
        self.history_box.setTitle(QCoreApplication.translate("SettingsPage", u"Gi\u00e1 tr\u1ecb theo th\u1eddi gian (v\u0103n b\u1ea3n l\u1ea5y gi\u00e1 tr\u1ecb c\u00f3 hi\u1ec7u l\u1ef1c v\u00e0o ng\u00e0y c\u1ee7a v\u0103n b\u1ea3n)", None))
        ___qtablewidgetitem = self.history.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SettingsPage", u"Thi\u1ebft l\u1eadp", None))
        ___qtablewidgetitem1 = self.history.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SettingsPage", u"T\u1eeb ng\u00e0y", None))
        ___qtablewidgetitem2 = self.history.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("SettingsPage", u"\u0110\u1ebfn ng\u00e0y", None))
        ___qtablewidgetitem3 = self.history.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("SettingsPage", u"Gi\u00e1 tr\u1ecb", None))
        self.new_key_label.setText(QCoreApplication.translate("SettingsPage", u"Gi\u00e1 tr\u1ecb m\u1edbi cho", None))
        self.new_value_label.setText(QCoreApplication.translate("SettingsPage", u"l\u00e0", None))
        self.new_from_label.setText(QCoreApplication.translate("SettingsPage", u"t\u1eeb ng\u00e0y", None))
#if QT_CONFIG(accessibility)
        self.new_from.setAccessibleName(QCoreApplication.translate("SettingsPage", u"\u00c1p d\u1ee5ng t\u1eeb ng\u00e0y", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.new_button.setToolTip(QCoreApplication.translate("SettingsPage", u"C\u01a1 quan \u0111\u1ed5i t\u00ean, s\u00e1p nh\u1eadp: gi\u00e1 tr\u1ecb m\u1edbi \u00e1p d\u1ee5ng t\u1eeb ng\u00e0y n\u00e0y, gi\u00e1 tr\u1ecb c\u0169 gi\u1eef \u0111\u1ebfn h\u00f4m tr\u01b0\u1edbc.", None))
#endif // QT_CONFIG(tooltip)
        self.new_button.setText(QCoreApplication.translate("SettingsPage", u"\u00c1p d\u1ee5ng t\u1eeb ng\u00e0y", None))
        pass
    # retranslateUi
