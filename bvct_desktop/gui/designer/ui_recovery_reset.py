# Generated from ui/recovery_reset.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/recovery_reset.ui), then run: python ui/compile.py

from ..qt import (
    QCoreApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
)
from ..look import ErrorLabel

class Ui_RecoveryReset(object):
    def setupUi(self, RecoveryReset):
        if not RecoveryReset.objectName():
            RecoveryReset.setObjectName(u"RecoveryReset")
        self.reset_layout = QVBoxLayout(RecoveryReset)
        self.reset_layout.setObjectName(u"reset_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.name_label = QLabel(RecoveryReset)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(RecoveryReset)
        self.name.setObjectName(u"name")
        self.name.setText(u"quantri")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.key_label = QLabel(RecoveryReset)
        self.key_label.setObjectName(u"key_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.key_label)

        self.key = QLineEdit(RecoveryReset)
        self.key.setObjectName(u"key")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.key)

        self.password_label = QLabel(RecoveryReset)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(RecoveryReset)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password)

        self.again_label = QLabel(RecoveryReset)
        self.again_label.setObjectName(u"again_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.again_label)

        self.again = QLineEdit(RecoveryReset)
        self.again.setObjectName(u"again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.again)

        self.hint = ErrorLabel(RecoveryReset)
        self.hint.setObjectName(u"hint")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.hint)


        self.reset_layout.addLayout(self.form)

        self.reset_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.reset_layout.addItem(self.reset_spacer)

        self.error = ErrorLabel(RecoveryReset)
        self.error.setObjectName(u"error")

        self.reset_layout.addWidget(self.error)

        self.reset_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.key_label.setBuddy(self.key)
        self.password_label.setBuddy(self.password)
        self.again_label.setBuddy(self.again)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RecoveryReset)
    # setupUi

    def retranslateUi(self, RecoveryReset):
        RecoveryReset.setTitle(QCoreApplication.translate("RecoveryReset", u"\u0110\u1eb7t l\u1ea1i m\u1eadt kh\u1ea9u qu\u1ea3n tr\u1ecb vi\u00ean", None))
        RecoveryReset.setSubTitle(QCoreApplication.translate("RecoveryReset", u"Nh\u1eadp kh\u00f3a kh\u00f4i ph\u1ee5c (in tr\u00ean phi\u1ebfu kh\u00f3a kh\u00f4i ph\u1ee5c) v\u00e0 m\u1eadt kh\u1ea9u m\u1edbi c\u1ee7a qu\u1ea3n tr\u1ecb vi\u00ean. M\u1eadt kh\u1ea9u c\u1ea7n \u00edt nh\u1ea5t {min_length} k\u00fd t\u1ef1. Kh\u00f3a kh\u00f4i ph\u1ee5c \u0111\u00e3 d\u00f9ng s\u1ebd \u0111\u01b0\u1ee3c thay b\u1eb1ng kh\u00f3a m\u1edbi, hi\u1ec7n \u1edf trang sau.", None))
        self.name_label.setText(QCoreApplication.translate("RecoveryReset", u"T\u00ean ng\u01b0\u1eddi d\u00f9ng:", None))
        self.key_label.setText(QCoreApplication.translate("RecoveryReset", u"Kh\u00f3a kh\u00f4i ph\u1ee5c:", None))
        self.key.setPlaceholderText(QCoreApplication.translate("RecoveryReset", u"XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX", None))
        self.password_label.setText(QCoreApplication.translate("RecoveryReset", u"M\u1eadt kh\u1ea9u:", None))
        self.again_label.setText(QCoreApplication.translate("RecoveryReset", u"Nh\u1eadp l\u1ea1i m\u1eadt kh\u1ea9u:", None))
    # retranslateUi
