# Generated from ui/admin_backup.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/admin_backup.ui), then run: python ui/compile.py

from ..qt import (
    QCoreApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
    Qt,
)
from ..look import ErrorLabel

class Ui_BackupPage(object):
    def setupUi(self, BackupPage):
        if not BackupPage.objectName():
            BackupPage.setObjectName(u"BackupPage")
        self.backup_layout = QVBoxLayout(BackupPage)
        self.backup_layout.setObjectName(u"backup_layout")
        self.heading = QWidget(BackupPage)
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


        self.backup_layout.addWidget(self.heading)

        self.backup_box = QGroupBox(BackupPage)
        self.backup_box.setObjectName(u"backup_box")
        self.backup_box_layout = QVBoxLayout(self.backup_box)
        self.backup_box_layout.setObjectName(u"backup_box_layout")
        self.newest = QLabel(self.backup_box)
        self.newest.setObjectName(u"newest")
        self.newest.setTextFormat(Qt.PlainText)
        self.newest.setWordWrap(True)

        self.backup_box_layout.addWidget(self.newest)

        self.about = QLabel(self.backup_box)
        self.about.setObjectName(u"about")
        self.about.setWordWrap(True)

        self.backup_box_layout.addWidget(self.about)

        self.backup_row = QHBoxLayout()
        self.backup_row.setObjectName(u"backup_row")
        self.backup_button = QPushButton(self.backup_box)
        self.backup_button.setObjectName(u"backup_button")

        self.backup_row.addWidget(self.backup_button)

        self.backup_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.backup_row.addItem(self.backup_spacer)

        self.backup_row.setStretch(1, 1)

        self.backup_box_layout.addLayout(self.backup_row)


        self.backup_layout.addWidget(self.backup_box)

        self.restore_box = QGroupBox(BackupPage)
        self.restore_box.setObjectName(u"restore_box")
        self.restore_form = QFormLayout(self.restore_box)
        self.restore_form.setObjectName(u"restore_form")
        self.password_label = QLabel(self.restore_box)
        self.password_label.setObjectName(u"password_label")

        self.restore_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(self.restore_box)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.restore_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.password)

        self.restore_buttons = QHBoxLayout()
        self.restore_buttons.setObjectName(u"restore_buttons")
        self.verify_button = QPushButton(self.restore_box)
        self.verify_button.setObjectName(u"verify_button")

        self.restore_buttons.addWidget(self.verify_button)

        self.restore_button = QPushButton(self.restore_box)
        self.restore_button.setObjectName(u"restore_button")

        self.restore_buttons.addWidget(self.restore_button)

        self.restore_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.restore_buttons.addItem(self.restore_spacer)

        self.restore_buttons.setStretch(2, 1)

        self.restore_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.restore_buttons)


        self.backup_layout.addWidget(self.restore_box)

        self.message = ErrorLabel(BackupPage)
        self.message.setObjectName(u"message")

        self.backup_layout.addWidget(self.message)

        self.checks = QLabel(BackupPage)
        self.checks.setObjectName(u"checks")
        self.checks.setWordWrap(True)

        self.backup_layout.addWidget(self.checks)

        self.backup_page_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.backup_layout.addItem(self.backup_page_spacer)

        self.backup_layout.setStretch(5, 1)
#if QT_CONFIG(shortcut)
        self.password_label.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(BackupPage)
    # setupUi

    def retranslateUi(self, BackupPage):
        self.page_title.setText(QCoreApplication.translate("BackupPage", u"Sao l\u01b0u v\u00e0 kh\u00f4i ph\u1ee5c", None))
        self.page_subtitle.setText(QCoreApplication.translate("BackupPage", u"Ki\u1ec3m tra v\u00e0 kh\u00f4i ph\u1ee5c m\u1edf b\u1ea3n sao l\u01b0u b\u1eb1ng t\u00e0i kho\u1ea3n c\u00f3 trong ch\u00ednh b\u1ea3n sao l\u01b0u \u0111\u00f3.", None))
        self.backup_box.setTitle(QCoreApplication.translate("BackupPage", u"Sao l\u01b0u", None))
        self.about.setText(QCoreApplication.translate("BackupPage", u"B\u1ea3n sao l\u01b0u l\u00e0 m\u1ed9t t\u1ec7p m\u00e3 h\u00f3a g\u1ed3m d\u1eef li\u1ec7u, t\u1ec7p kh\u00f3a v\u00e0 \u0111\u1ea7u chu\u1ed7i nh\u1eadt k\u00fd; m\u1ed7i b\u1ea3n \u0111\u01b0\u1ee3c ki\u1ec3m tra ngay sau khi ghi. Ch\u01b0\u01a1ng tr\u00ecnh c\u0169ng t\u1ef1 sao l\u01b0u khi \u0111\u00f3ng (m\u1ed7i ng\u00e0y m\u1ed9t l\u1ea7n).", None))
        self.backup_button.setText(QCoreApplication.translate("BackupPage", u"Sao l\u01b0u ngay\u2026", None))
        self.restore_box.setTitle(QCoreApplication.translate("BackupPage", u"Ki\u1ec3m tra v\u00e0 kh\u00f4i ph\u1ee5c", None))
        self.password_label.setText(QCoreApplication.translate("BackupPage", u"M\u1eadt kh\u1ea9u:", None))
        self.password.setPlaceholderText(QCoreApplication.translate("BackupPage", u"m\u1eadt kh\u1ea9u c\u1ee7a b\u1ea1n trong b\u1ea3n sao l\u01b0u", None))
        self.verify_button.setText(QCoreApplication.translate("BackupPage", u"Ki\u1ec3m tra b\u1ea3n sao l\u01b0u\u2026", None))
        self.restore_button.setText(QCoreApplication.translate("BackupPage", u"Kh\u00f4i ph\u1ee5c t\u1eeb b\u1ea3n sao l\u01b0u\u2026", None))
        pass
    # retranslateUi
