# Generated from ui/first_run_recovery.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/first_run_recovery.ui), then run: python ui/compile.py

from ..qt import (
    QCheckBox,
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
)
from ..look import ErrorLabel

class Ui_FirstRunRecovery(object):
    def setupUi(self, FirstRunRecovery):
        if not FirstRunRecovery.objectName():
            FirstRunRecovery.setObjectName(u"FirstRunRecovery")
        self.recovery_layout = QVBoxLayout(FirstRunRecovery)
        self.recovery_layout.setObjectName(u"recovery_layout")
        self.key = QLineEdit(FirstRunRecovery)
        self.key.setObjectName(u"key")
        self.key.setReadOnly(True)
        self.key.setProperty(u"look", u"recoveryKey")

        self.recovery_layout.addWidget(self.key)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.print_button = QPushButton(FirstRunRecovery)
        self.print_button.setObjectName(u"print_button")

        self.buttons.addWidget(self.print_button)

        self.save_button = QPushButton(FirstRunRecovery)
        self.save_button.setObjectName(u"save_button")

        self.buttons.addWidget(self.save_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttons_spacer)

        self.buttons.setStretch(2, 1)

        self.recovery_layout.addLayout(self.buttons)

        self.status = ErrorLabel(FirstRunRecovery)
        self.status.setObjectName(u"status")

        self.recovery_layout.addWidget(self.status)

        self.keeping = QLabel(FirstRunRecovery)
        self.keeping.setObjectName(u"keeping")
        self.keeping.setWordWrap(True)

        self.recovery_layout.addWidget(self.keeping)

        self.recovery_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.recovery_layout.addItem(self.recovery_spacer)

        self.kept = QCheckBox(FirstRunRecovery)
        self.kept.setObjectName(u"kept")

        self.recovery_layout.addWidget(self.kept)

        self.recovery_layout.setStretch(4, 1)

        self.retranslateUi(FirstRunRecovery)
    # setupUi

    def retranslateUi(self, FirstRunRecovery):
        FirstRunRecovery.setTitle(QCoreApplication.translate("FirstRunRecovery", u"Kh\u00f3a kh\u00f4i ph\u1ee5c", None))
        FirstRunRecovery.setSubTitle(QCoreApplication.translate("FirstRunRecovery", u"Kh\u00f3a m\u1edf \u0111\u01b0\u1ee3c c\u01a1 s\u1edf d\u1eef li\u1ec7u khi qu\u1ea3n tr\u1ecb vi\u00ean qu\u00ean m\u1eadt kh\u1ea9u. Kh\u00f3a CH\u1ec8 HI\u1ec6N M\u1ed8T L\u1ea6N, ngay b\u00e2y gi\u1edd.", None))
#if QT_CONFIG(accessibility)
        self.key.setAccessibleName(QCoreApplication.translate("FirstRunRecovery", u"Kh\u00f3a kh\u00f4i ph\u1ee5c", None))
#endif // QT_CONFIG(accessibility)
        self.print_button.setText(QCoreApplication.translate("FirstRunRecovery", u"In phi\u1ebfu kh\u00f3a kh\u00f4i ph\u1ee5c\u2026", None))
        self.save_button.setText(QCoreApplication.translate("FirstRunRecovery", u"L\u01b0u v\u00e0o \u1ed5 USB\u2026", None))
        self.keeping.setText(QCoreApplication.translate("FirstRunRecovery", u"H\u00e3y gi\u1eef kh\u00f3a ngay: in phi\u1ebfu (ho\u1eb7c ch\u00e9p tay) v\u00e0 c\u1ea5t v\u00e0o t\u1ee7 t\u00e0i li\u1ec7u m\u1eadt; b\u1ea3n \u0111i\u1ec7n t\u1eed ch\u1ec9 l\u01b0u v\u00e0o \u1ed5 USB c\u1ea5t ri\u00eang, kh\u00f4ng l\u01b0u tr\u00ean m\u00e1y t\u00ednh n\u00e0y.", None))
        self.kept.setText(QCoreApplication.translate("FirstRunRecovery", u"T\u00f4i \u0111\u00e3 in ho\u1eb7c ch\u00e9p tay kh\u00f3a kh\u00f4i ph\u1ee5c (ho\u1eb7c l\u01b0u v\u00e0o USB ri\u00eang) v\u00e0 c\u1ea5t gi\u1eef an to\u00e0n.", None))
    # retranslateUi
