# Generated from ui/reminder_dialog.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/reminder_dialog.ui), then run: python ui/compile.py

from ..qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)
from ..date_box import DateBox
from ..look import ErrorLabel

class Ui_ReminderDialog(object):
    def setupUi(self, ReminderDialog):
        if not ReminderDialog.objectName():
            ReminderDialog.setObjectName(u"ReminderDialog")
        ReminderDialog.resize(640, 260)
        self.reminder_layout = QVBoxLayout(ReminderDialog)
        self.reminder_layout.setObjectName(u"reminder_layout")
        self.explanation = QLabel(ReminderDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setProperty(u"look", u"hint")

        self.reminder_layout.addWidget(self.explanation)

        self.choices = QFormLayout()
        self.choices.setObjectName(u"choices")
        self.recipient_label = QLabel(ReminderDialog)
        self.recipient_label.setObjectName(u"recipient_label")

        self.choices.setWidget(0, QFormLayout.ItemRole.LabelRole, self.recipient_label)

        self.recipient = QComboBox(ReminderDialog)
        self.recipient.setObjectName(u"recipient")

        self.choices.setWidget(0, QFormLayout.ItemRole.FieldRole, self.recipient)

        self.on_label = QLabel(ReminderDialog)
        self.on_label.setObjectName(u"on_label")

        self.choices.setWidget(1, QFormLayout.ItemRole.LabelRole, self.on_label)

        self.on = DateBox(ReminderDialog)
        self.on.setObjectName(u"on")

        self.choices.setWidget(1, QFormLayout.ItemRole.FieldRole, self.on)

        self.issue = QCheckBox(ReminderDialog)
        self.issue.setObjectName(u"issue")

        self.choices.setWidget(2, QFormLayout.ItemRole.FieldRole, self.issue)


        self.reminder_layout.addLayout(self.choices)

        self.message = ErrorLabel(ReminderDialog)
        self.message.setObjectName(u"message")

        self.reminder_layout.addWidget(self.message)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttons_spacer)

        self.print_button = QPushButton(ReminderDialog)
        self.print_button.setObjectName(u"print_button")

        self.buttons.addWidget(self.print_button)

        self.docx_button = QPushButton(ReminderDialog)
        self.docx_button.setObjectName(u"docx_button")

        self.buttons.addWidget(self.docx_button)

        self.close_button = QPushButton(ReminderDialog)
        self.close_button.setObjectName(u"close_button")

        self.buttons.addWidget(self.close_button)

        self.buttons.setStretch(0, 1)

        self.reminder_layout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.recipient_label.setBuddy(self.recipient)
        self.on_label.setBuddy(self.on)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.recipient, self.on)
        QWidget.setTabOrder(self.on, self.issue)
        QWidget.setTabOrder(self.issue, self.print_button)
        QWidget.setTabOrder(self.print_button, self.docx_button)
        QWidget.setTabOrder(self.docx_button, self.close_button)

        self.retranslateUi(ReminderDialog)

        self.print_button.setDefault(True)

    # setupUi

    def retranslateUi(self, ReminderDialog):
        ReminderDialog.setWindowTitle(QCoreApplication.translate("ReminderDialog", u"C\u00f4ng v\u0103n \u0111\u00f4n \u0111\u1ed1c tr\u1ea3 l\u1eddi phi\u1ebfu x\u00e1c minh", None))
        self.explanation.setText(QCoreApplication.translate("ReminderDialog", u"C\u00f4ng v\u0103n g\u1eedi m\u1ed9t n\u01a1i nh\u1eadn, li\u1ec7t k\u00ea c\u00e1c phi\u1ebfu c\u1ee7a n\u01a1i \u0111\u00f3 \u0111\u00e3 qu\u00e1 h\u1ea1n tr\u1ea3 l\u1eddi v\u00e0o ng\u00e0y c\u1ee7a c\u00f4ng v\u0103n, \u0111\u1ec1 ngh\u1ecb s\u1edbm tr\u1ea3 l\u1eddi. Kh\u00f4ng ch\u1ecdn \u00abPh\u00e1t h\u00e0nh\u00bb: b\u1ea3n d\u1ef1 th\u1ea3o, ch\u01b0a c\u00f3 s\u1ed1.", None))
        self.recipient_label.setText(QCoreApplication.translate("ReminderDialog", u"N\u01a1i nh\u1eadn:", None))
        self.on_label.setText(QCoreApplication.translate("ReminderDialog", u"Ng\u00e0y c\u00f4ng v\u0103n:", None))
#if QT_CONFIG(accessibility)
        self.on.setAccessibleName(QCoreApplication.translate("ReminderDialog", u"Ng\u00e0y c\u00f4ng v\u0103n", None))
#endif // QT_CONFIG(accessibility)
        self.issue.setText(QCoreApplication.translate("ReminderDialog", u"Ph\u00e1t h\u00e0nh (l\u1ea5y s\u1ed1 c\u00f4ng v\u0103n, ghi s\u1ed5 v\u0103n b\u1ea3n \u0111i)", None))
        self.print_button.setText(QCoreApplication.translate("ReminderDialog", u"Xem tr\u01b0\u1edbc v\u00e0 in\u2026", None))
        self.docx_button.setText(QCoreApplication.translate("ReminderDialog", u"L\u01b0u Word\u2026", None))
        self.close_button.setText(QCoreApplication.translate("ReminderDialog", u"\u0110\u00f3ng", None))
    # retranslateUi
