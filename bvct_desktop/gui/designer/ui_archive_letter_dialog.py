# Generated from ui/archive_letter_dialog.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/archive_letter_dialog.ui), then run: python ui/compile.py

from ..qt import (
    QCheckBox,
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)
from ..look import ErrorLabel

class Ui_ArchiveLetterDialog(object):
    def setupUi(self, ArchiveLetterDialog):
        if not ArchiveLetterDialog.objectName():
            ArchiveLetterDialog.setObjectName(u"ArchiveLetterDialog")
        ArchiveLetterDialog.resize(640, 220)
        self.letter_layout = QVBoxLayout(ArchiveLetterDialog)
        self.letter_layout.setObjectName(u"letter_layout")
        self.explanation = QLabel(ArchiveLetterDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setProperty(u"look", u"hint")

        self.letter_layout.addWidget(self.explanation)

        self.letter = QLabel(ArchiveLetterDialog)
        self.letter.setObjectName(u"letter")
        self.letter.setWordWrap(True)

        self.letter_layout.addWidget(self.letter)

        self.issue = QCheckBox(ArchiveLetterDialog)
        self.issue.setObjectName(u"issue")

        self.letter_layout.addWidget(self.issue)

        self.message = ErrorLabel(ArchiveLetterDialog)
        self.message.setObjectName(u"message")

        self.letter_layout.addWidget(self.message)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttons_spacer)

        self.print_button = QPushButton(ArchiveLetterDialog)
        self.print_button.setObjectName(u"print_button")

        self.buttons.addWidget(self.print_button)

        self.docx_button = QPushButton(ArchiveLetterDialog)
        self.docx_button.setObjectName(u"docx_button")

        self.buttons.addWidget(self.docx_button)

        self.close_button = QPushButton(ArchiveLetterDialog)
        self.close_button.setObjectName(u"close_button")

        self.buttons.addWidget(self.close_button)

        self.buttons.setStretch(0, 1)

        self.letter_layout.addLayout(self.buttons)

        QWidget.setTabOrder(self.issue, self.print_button)
        QWidget.setTabOrder(self.print_button, self.docx_button)
        QWidget.setTabOrder(self.docx_button, self.close_button)

        self.retranslateUi(ArchiveLetterDialog)

        self.print_button.setDefault(True)

    # setupUi

    def retranslateUi(self, ArchiveLetterDialog):
        ArchiveLetterDialog.setWindowTitle(QCoreApplication.translate("ArchiveLetterDialog", u"C\u00f4ng v\u0103n nghi\u00ean c\u1ee9u t\u00e0ng th\u01b0", None))
        self.explanation.setText(QCoreApplication.translate("ArchiveLetterDialog", u"C\u00f4ng v\u0103n c\u1ee7a c\u00e1c y\u00eau c\u1ea7u t\u00e0ng th\u01b0 \u0111\u00e3 ch\u1ecdn (c\u00f9ng m\u1ed9t c\u00f4ng v\u0103n): tr\u1ea3 l\u1eddi t\u1ec9nh b\u1ea1n, ho\u1eb7c \u0111\u1ec1 ngh\u1ecb t\u1ec9nh b\u1ea1n nghi\u00ean c\u1ee9u. \u00abPh\u00e1t h\u00e0nh\u00bb l\u1ea5y s\u1ed1 c\u00f4ng v\u0103n (CV), ghi s\u1ed5 v\u0103n b\u1ea3n \u0111i v\u00e0 ghi s\u1ed1 \u1ea5y v\u00e0o c\u00e1c y\u00eau c\u1ea7u c\u00f2n tr\u1ed1ng s\u1ed1; kh\u00f4ng ch\u1ecdn: in theo s\u1ed1 \u0111\u00e3 ghi \u1edf y\u00eau c\u1ea7u, ch\u01b0a c\u00f3 s\u1ed1 th\u00ec \u0111\u1ec3 tr\u1ed1ng s\u1ed1 v\u00e0 ng\u00e0y \u0111\u1ec3 vi\u1ebft tay.", None))
        self.issue.setText(QCoreApplication.translate("ArchiveLetterDialog", u"Ph\u00e1t h\u00e0nh (l\u1ea5y s\u1ed1 c\u00f4ng v\u0103n, ghi s\u1ed5 v\u0103n b\u1ea3n \u0111i, ghi s\u1ed1 v\u00e0o y\u00eau c\u1ea7u)", None))
        self.print_button.setText(QCoreApplication.translate("ArchiveLetterDialog", u"Xem tr\u01b0\u1edbc v\u00e0 in\u2026", None))
        self.docx_button.setText(QCoreApplication.translate("ArchiveLetterDialog", u"L\u01b0u Word\u2026", None))
        self.close_button.setText(QCoreApplication.translate("ArchiveLetterDialog", u"\u0110\u00f3ng", None))
    # retranslateUi
