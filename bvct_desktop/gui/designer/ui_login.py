# Generated from ui/login.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/login.ui), then run: python ui/compile.py

from ..qt import (
    QCoreApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSize,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
    Qt,
)
from ..look import ErrorLabel

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.setMinimumSize(QSize(580, 0))
        self.login_layout = QVBoxLayout(LoginDialog)
        self.login_layout.setObjectName(u"login_layout")
        self.heading = QWidget(LoginDialog)
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


        self.login_layout.addWidget(self.heading)

        self.file_row = QHBoxLayout()
        self.file_row.setObjectName(u"file_row")
        self.file_label = QLabel(LoginDialog)
        self.file_label.setObjectName(u"file_label")
        self.file_label.setTextFormat(Qt.PlainText)
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.file_row.addWidget(self.file_label)

        self.other_button = QPushButton(LoginDialog)
        self.other_button.setObjectName(u"other_button")

        self.file_row.addWidget(self.other_button)

        self.file_row.setStretch(0, 1)

        self.login_layout.addLayout(self.file_row)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.user_label = QLabel(LoginDialog)
        self.user_label.setObjectName(u"user_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.user_label)

        self.user = QLineEdit(LoginDialog)
        self.user.setObjectName(u"user")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.user)

        self.password_label = QLabel(LoginDialog)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(LoginDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)


        self.login_layout.addLayout(self.form)

        self.error = ErrorLabel(LoginDialog)
        self.error.setObjectName(u"error")

        self.login_layout.addWidget(self.error)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.recovery_button = QPushButton(LoginDialog)
        self.recovery_button.setObjectName(u"recovery_button")
        self.recovery_button.setAutoDefault(False)

        self.buttons.addWidget(self.recovery_button)

        self.server_button = QPushButton(LoginDialog)
        self.server_button.setObjectName(u"server_button")
        self.server_button.setAutoDefault(False)

        self.buttons.addWidget(self.server_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttons_spacer)

        self.login_button = QPushButton(LoginDialog)
        self.login_button.setObjectName(u"login_button")

        self.buttons.addWidget(self.login_button)

        self.quit_button = QPushButton(LoginDialog)
        self.quit_button.setObjectName(u"quit_button")

        self.buttons.addWidget(self.quit_button)

        self.buttons.setStretch(2, 1)

        self.login_layout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.user_label.setBuddy(self.user)
        self.password_label.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.other_button, self.user)
        QWidget.setTabOrder(self.user, self.password)
        QWidget.setTabOrder(self.password, self.recovery_button)
        QWidget.setTabOrder(self.recovery_button, self.server_button)
        QWidget.setTabOrder(self.server_button, self.login_button)
        QWidget.setTabOrder(self.login_button, self.quit_button)

        self.retranslateUi(LoginDialog)

        self.login_button.setDefault(True)

    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"\u0110\u0103ng nh\u1eadp \u2013 BVCT Desktop", None))
        self.page_title.setText(QCoreApplication.translate("LoginDialog", u"BVCT Desktop", None))
        self.page_subtitle.setText(QCoreApplication.translate("LoginDialog", u"Qu\u1ea3n l\u00fd c\u00f4ng t\u00e1c b\u1ea3o v\u1ec7 ch\u00ednh tr\u1ecb n\u1ed9i b\u1ed9", None))
        self.other_button.setText(QCoreApplication.translate("LoginDialog", u"M\u1edf c\u01a1 s\u1edf d\u1eef li\u1ec7u kh\u00e1c\u2026", None))
        self.user_label.setText(QCoreApplication.translate("LoginDialog", u"T\u00ean ng\u01b0\u1eddi d\u00f9ng:", None))
        self.user.setPlaceholderText(QCoreApplication.translate("LoginDialog", u"t\u00ean \u0111\u0103ng nh\u1eadp", None))
        self.password_label.setText(QCoreApplication.translate("LoginDialog", u"M\u1eadt kh\u1ea9u:", None))
        self.password.setPlaceholderText(QCoreApplication.translate("LoginDialog", u"m\u1eadt kh\u1ea9u", None))
        self.recovery_button.setText(QCoreApplication.translate("LoginDialog", u"Qu\u00ean m\u1eadt kh\u1ea9u qu\u1ea3n tr\u1ecb\u2026", None))
#if QT_CONFIG(tooltip)
        self.recovery_button.setToolTip(QCoreApplication.translate("LoginDialog", u"\u0110\u1eb7t l\u1ea1i m\u1eadt kh\u1ea9u c\u1ee7a qu\u1ea3n tr\u1ecb vi\u00ean b\u1eb1ng kh\u00f3a kh\u00f4i ph\u1ee5c (r\u1ed3i nh\u1eadn kh\u00f3a kh\u00f4i ph\u1ee5c m\u1edbi)", None))
#endif // QT_CONFIG(tooltip)
        self.server_button.setText(QCoreApplication.translate("LoginDialog", u"M\u00e1y ch\u1ee7 d\u00f9ng chung\u2026", None))
#if QT_CONFIG(tooltip)
        self.server_button.setToolTip(QCoreApplication.translate("LoginDialog", u"K\u1ebft n\u1ed1i c\u01a1 s\u1edf d\u1eef li\u1ec7u d\u00f9ng chung c\u1ee7a c\u01a1 quan tr\u00ean m\u00e1y ch\u1ee7 (ho\u1eb7c s\u1eeda \u0111\u1ecba ch\u1ec9, ch\u1ee9ng ch\u1ec9 c\u1ee7a m\u00e1y ch\u1ee7 \u0111ang d\u00f9ng)", None))
#endif // QT_CONFIG(tooltip)
        self.login_button.setText(QCoreApplication.translate("LoginDialog", u"\u0110\u0103ng nh\u1eadp", None))
        self.quit_button.setText(QCoreApplication.translate("LoginDialog", u"Tho\u00e1t", None))
    # retranslateUi
