# Generated from ui/first_run_restore.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/first_run_restore.ui), then run: python ui/compile.py

from ..qt import (
    QCheckBox,
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
)
from ..look import ErrorLabel

class Ui_FirstRunRestore(object):
    def setupUi(self, FirstRunRestore):
        if not FirstRunRestore.objectName():
            FirstRunRestore.setObjectName(u"FirstRunRestore")
        self.restore_layout = QVBoxLayout(FirstRunRestore)
        self.restore_layout.setObjectName(u"restore_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.backup_label = QLabel(FirstRunRestore)
        self.backup_label.setObjectName(u"backup_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.backup_label)

        self.backup_row = QHBoxLayout()
        self.backup_row.setObjectName(u"backup_row")
        self.backup_file = QLineEdit(FirstRunRestore)
        self.backup_file.setObjectName(u"backup_file")

        self.backup_row.addWidget(self.backup_file)

        self.backup_button = QPushButton(FirstRunRestore)
        self.backup_button.setObjectName(u"backup_button")

        self.backup_row.addWidget(self.backup_button)

        self.backup_row.setStretch(0, 1)

        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.backup_row)

        self.user_label = QLabel(FirstRunRestore)
        self.user_label.setObjectName(u"user_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.user_label)

        self.user = QLineEdit(FirstRunRestore)
        self.user.setObjectName(u"user")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.user)

        self.password_label = QLabel(FirstRunRestore)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(FirstRunRestore)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password)

        self.with_recovery_key = QCheckBox(FirstRunRestore)
        self.with_recovery_key.setObjectName(u"with_recovery_key")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.with_recovery_key)


        self.restore_layout.addLayout(self.form)

        self.where = QLabel(FirstRunRestore)
        self.where.setObjectName(u"where")
        self.where.setWordWrap(True)

        self.restore_layout.addWidget(self.where)

        self.restore_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.restore_layout.addItem(self.restore_spacer)

        self.error = ErrorLabel(FirstRunRestore)
        self.error.setObjectName(u"error")

        self.restore_layout.addWidget(self.error)

        self.restore_layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.backup_label.setBuddy(self.backup_file)
        self.user_label.setBuddy(self.user)
        self.password_label.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.backup_file, self.backup_button)
        QWidget.setTabOrder(self.backup_button, self.user)
        QWidget.setTabOrder(self.user, self.password)
        QWidget.setTabOrder(self.password, self.with_recovery_key)

        self.retranslateUi(FirstRunRestore)
    # setupUi

    def retranslateUi(self, FirstRunRestore):
        FirstRunRestore.setTitle(QCoreApplication.translate("FirstRunRestore", u"Kh\u00f4i ph\u1ee5c t\u1eeb b\u1ea3n sao l\u01b0u", None))
        FirstRunRestore.setSubTitle(QCoreApplication.translate("FirstRunRestore", u"Ch\u1ecdn b\u1ea3n sao l\u01b0u ch\u00e9p t\u1eeb m\u00e1y c\u0169 v\u00e0 \u0111\u0103ng nh\u1eadp b\u1eb1ng t\u00e0i kho\u1ea3n qu\u1ea3n tr\u1ecb vi\u00ean c\u00f3 trong b\u1ea3n sao l\u01b0u, v\u1edbi m\u1eadt kh\u1ea9u c\u1ee7a t\u00e0i kho\u1ea3n \u1ea5y l\u00fac sao l\u01b0u.", None))
        self.backup_label.setText(QCoreApplication.translate("FirstRunRestore", u"B\u1ea3n sao l\u01b0u:", None))
        self.backup_file.setPlaceholderText(QCoreApplication.translate("FirstRunRestore", u"t\u1ec7p .bvctbak, v\u00ed d\u1ee5 E:\\chuyen-may.bvctbak", None))
        self.backup_button.setText(QCoreApplication.translate("FirstRunRestore", u"Ch\u1ecdn t\u1ec7p\u2026", None))
        self.user_label.setText(QCoreApplication.translate("FirstRunRestore", u"T\u00ean ng\u01b0\u1eddi d\u00f9ng:", None))
        self.password_label.setText(QCoreApplication.translate("FirstRunRestore", u"M\u1eadt kh\u1ea9u:", None))
        self.with_recovery_key.setText(QCoreApplication.translate("FirstRunRestore", u"Qu\u00ean m\u1eadt kh\u1ea9u: m\u1edf b\u1ea3n sao l\u01b0u b\u1eb1ng kh\u00f3a kh\u00f4i ph\u1ee5c", None))
        self.where.setText(QCoreApplication.translate("FirstRunRestore", u"C\u01a1 s\u1edf d\u1eef li\u1ec7u \u0111\u01b0\u1ee3c kh\u00f4i ph\u1ee5c v\u00e0o:\n"
"{path}", None))
    # retranslateUi
