# Generated from ui/admin_settings.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/admin_settings.ui), then run: python ui/compile.py

from ..qt import (
    QCheckBox,
    QCoreApplication,
    QFormLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)
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

        self.settings_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.settings_layout.addItem(self.settings_spacer)

        self.settings_layout.setStretch(5, 1)

        self.retranslateUi(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.page_title.setText(QCoreApplication.translate("SettingsPage", u"Thi\u1ebft l\u1eadp c\u1ee7a c\u01a1 quan", None))
        self.page_subtitle.setText(QCoreApplication.translate("SettingsPage", u"D\u00f9ng tr\u00ean v\u0103n b\u1ea3n in ra v\u00e0 \u0111\u1ec3 t\u00ednh h\u1ea1n; m\u1ecdi thay \u0111\u1ed5i \u0111\u01b0\u1ee3c ghi v\u00e0o nh\u1eadt k\u00fd.", None))
        self.advanced.setText(QCoreApplication.translate("SettingsPage", u"Hi\u1ec7n thi\u1ebft l\u1eadp n\u00e2ng cao", None))
        self.save_button.setText(QCoreApplication.translate("SettingsPage", u"L\u01b0u thi\u1ebft l\u1eadp", None))
        pass
    # retranslateUi
