# Generated from ui/admin_password.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/admin_password.ui), then run: python ui/compile.py

from ..qt import (
    QCoreApplication,
    QFormLayout,
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

class Ui_PasswordPage(object):
    def setupUi(self, PasswordPage):
        if not PasswordPage.objectName():
            PasswordPage.setObjectName(u"PasswordPage")
        self.password_layout = QVBoxLayout(PasswordPage)
        self.password_layout.setObjectName(u"password_layout")
        self.heading = QWidget(PasswordPage)
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
        self.page_subtitle.setTextFormat(Qt.PlainText)
        self.page_subtitle.setWordWrap(True)
        self.page_subtitle.setProperty(u"look", u"pageSubtitle")

        self.heading_layout.addWidget(self.page_subtitle)


        self.password_layout.addWidget(self.heading)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.full_name_label = QLabel(PasswordPage)
        self.full_name_label.setObjectName(u"full_name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.full_name_label)

        self.full_name_row = QHBoxLayout()
        self.full_name_row.setObjectName(u"full_name_row")
        self.full_name = QLineEdit(PasswordPage)
        self.full_name.setObjectName(u"full_name")

        self.full_name_row.addWidget(self.full_name)

        self.full_name_button = QPushButton(PasswordPage)
        self.full_name_button.setObjectName(u"full_name_button")

        self.full_name_row.addWidget(self.full_name_button)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.full_name_row)

        self.current_label = QLabel(PasswordPage)
        self.current_label.setObjectName(u"current_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.current_label)

        self.current = QLineEdit(PasswordPage)
        self.current.setObjectName(u"current")
        self.current.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.current)

        self.password_label = QLabel(PasswordPage)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(PasswordPage)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password)

        self.again_label = QLabel(PasswordPage)
        self.again_label.setObjectName(u"again_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.again_label)

        self.again = QLineEdit(PasswordPage)
        self.again.setObjectName(u"again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.again)


        self.password_layout.addLayout(self.form)

        self.message = ErrorLabel(PasswordPage)
        self.message.setObjectName(u"message")

        self.password_layout.addWidget(self.message)

        self.change_button = QPushButton(PasswordPage)
        self.change_button.setObjectName(u"change_button")

        self.password_layout.addWidget(self.change_button)

        self.password_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.password_layout.addItem(self.password_spacer)

        self.password_layout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.full_name_label.setBuddy(self.full_name)
        self.current_label.setBuddy(self.current)
        self.password_label.setBuddy(self.password)
        self.again_label.setBuddy(self.again)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PasswordPage)
    # setupUi

    def retranslateUi(self, PasswordPage):
        self.page_title.setText(QCoreApplication.translate("PasswordPage", u"M\u1eadt kh\u1ea9u c\u1ee7a t\u00f4i", None))
        self.page_subtitle.setText(QCoreApplication.translate("PasswordPage", u"Ng\u01b0\u1eddi d\u00f9ng: {user}. M\u1eadt kh\u1ea9u m\u1edbi c\u1ea7n \u00edt nh\u1ea5t {min_length} k\u00fd t\u1ef1, kh\u00f4ng tr\u00f9ng t\u00ean \u0111\u0103ng nh\u1eadp, kh\u00f4ng ph\u1ea3i m\u1eadt kh\u1ea9u ph\u1ed5 bi\u1ebfn.", None))
        self.full_name_label.setText(QCoreApplication.translate("PasswordPage", u"H\u1ecd v\u00e0 t\u00ean:", None))
        self.full_name.setPlaceholderText(QCoreApplication.translate("PasswordPage", u"nh\u01b0 \u00abNguy\u1ec5n V\u0103n A\u00bb: in tr\u00ean v\u0103n b\u1ea3n thay cho t\u00ean ng\u01b0\u1eddi d\u00f9ng", None))
        self.full_name_button.setText(QCoreApplication.translate("PasswordPage", u"L\u01b0u h\u1ecd v\u00e0 t\u00ean", None))
        self.current_label.setText(QCoreApplication.translate("PasswordPage", u"M\u1eadt kh\u1ea9u hi\u1ec7n t\u1ea1i:", None))
        self.password_label.setText(QCoreApplication.translate("PasswordPage", u"M\u1eadt kh\u1ea9u m\u1edbi:", None))
        self.again_label.setText(QCoreApplication.translate("PasswordPage", u"Nh\u1eadp l\u1ea1i m\u1eadt kh\u1ea9u m\u1edbi:", None))
        self.change_button.setText(QCoreApplication.translate("PasswordPage", u"\u0110\u1ed5i m\u1eadt kh\u1ea9u", None))
        pass
    # retranslateUi
