# Generated from ui/admin_recipients.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/admin_recipients.ui), then run: python ui/compile.py

from ..qt import (
    QAbstractItemView,
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ..look import ErrorLabel

class Ui_RecipientsPage(object):
    def setupUi(self, RecipientsPage):
        if not RecipientsPage.objectName():
            RecipientsPage.setObjectName(u"RecipientsPage")
        self.recipients_layout = QVBoxLayout(RecipientsPage)
        self.recipients_layout.setObjectName(u"recipients_layout")
        self.heading = QWidget(RecipientsPage)
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


        self.recipients_layout.addWidget(self.heading)

        self.table = QTableWidget(RecipientsPage)
        if (self.table.columnCount() < 3):
            self.table.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)

        self.recipients_layout.addWidget(self.table)

        self.editing = QWidget(RecipientsPage)
        self.editing.setObjectName(u"editing")
        self.editing_layout = QHBoxLayout(self.editing)
        self.editing_layout.setObjectName(u"editing_layout")
        self.editing_layout.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit(self.editing)
        self.name.setObjectName(u"name")

        self.editing_layout.addWidget(self.name)

        self.add_button = QPushButton(self.editing)
        self.add_button.setObjectName(u"add_button")

        self.editing_layout.addWidget(self.add_button)

        self.rename_button = QPushButton(self.editing)
        self.rename_button.setObjectName(u"rename_button")

        self.editing_layout.addWidget(self.rename_button)

        self.toggle_button = QPushButton(self.editing)
        self.toggle_button.setObjectName(u"toggle_button")

        self.editing_layout.addWidget(self.toggle_button)

        self.merge_button = QPushButton(self.editing)
        self.merge_button.setObjectName(u"merge_button")

        self.editing_layout.addWidget(self.merge_button)

        self.editing_layout.setStretch(0, 1)

        self.recipients_layout.addWidget(self.editing)

        self.message = ErrorLabel(RecipientsPage)
        self.message.setObjectName(u"message")

        self.recipients_layout.addWidget(self.message)

        self.recipients_layout.setStretch(1, 1)

        self.retranslateUi(RecipientsPage)
    # setupUi

    def retranslateUi(self, RecipientsPage):
        self.page_title.setText(QCoreApplication.translate("RecipientsPage", u"N\u01a1i nh\u1eadn phi\u1ebfu x\u00e1c minh", None))
        self.page_subtitle.setText(QCoreApplication.translate("RecipientsPage", u"T\u00ean vi\u1ebft sai th\u00ec \u0110\u1ed5i t\u00ean (s\u1eeda \u1edf m\u1ecdi phi\u1ebfu ghi t\u00ean \u1ea5y). Khi \u0111\u01a1n v\u1ecb c\u00f4ng an \u0111\u01b0\u1ee3c t\u1ed5 ch\u1ee9c l\u1ea1i ho\u1eb7c \u0111\u1ed5i t\u00ean, h\u00e3y Th\u00eam m\u1edbi t\u00ean m\u1edbi cho c\u00e1c phi\u1ebfu v\u1ec1 sau v\u00e0 Ng\u1eebng d\u00f9ng t\u00ean c\u0169: phi\u1ebfu c\u0169 gi\u1eef t\u00ean \u0111\u00e3 g\u1eedi. M\u1ed9t \u0111\u01a1n v\u1ecb m\u00e0 c\u00f3 hai m\u1ee5c (vi\u1ebft kh\u00e1c nhau) th\u00ec ch\u1ecdn m\u1ee5c th\u1eeba r\u1ed3i G\u1ed9p v\u00e0o\u2026 m\u1ee5c gi\u1eef l\u1ea1i: phi\u1ebfu c\u1ee7a m\u1ee5c th\u1eeba chuy\u1ec3n sang, t\u00ean c\u1ee7a n\u00f3 th\u00e0nh t\u00ean kh\u00e1c c\u1ee7a m\u1ee5c gi\u1eef l\u1ea1i (t\u1ec7p Excel v\u00e0 bi\u1ec3u m\u1eabu ghi t\u00ean \u1ea5y v\u1ec1 sau c\u0169ng v\u00e0o m\u1ee5c gi\u1eef l\u1ea1i).", None))
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("RecipientsPage", u"T\u00ean n\u01a1i nh\u1eadn", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("RecipientsPage", u"T\u00ean kh\u00e1c \u0111\u00e3 g\u1ed9p", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("RecipientsPage", u"Tr\u1ea1ng th\u00e1i", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("RecipientsPage", u"N\u01a1i nh\u1eadn phi\u1ebfu", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.name.setAccessibleName(QCoreApplication.translate("RecipientsPage", u"T\u00ean n\u01a1i nh\u1eadn", None))
#endif // QT_CONFIG(accessibility)
        self.name.setPlaceholderText(QCoreApplication.translate("RecipientsPage", u"v\u00ed d\u1ee5: Ph\u00f2ng PV06 \u2013 C\u00f4ng an t\u1ec9nh L\u00e2m \u0110\u1ed3ng", None))
        self.add_button.setText(QCoreApplication.translate("RecipientsPage", u"Th\u00eam m\u1edbi", None))
        self.rename_button.setText(QCoreApplication.translate("RecipientsPage", u"\u0110\u1ed5i t\u00ean", None))
        self.toggle_button.setText(QCoreApplication.translate("RecipientsPage", u"Ng\u1eebng d\u00f9ng", None))
        self.merge_button.setText(QCoreApplication.translate("RecipientsPage", u"G\u1ed9p v\u00e0o\u2026", None))
#if QT_CONFIG(tooltip)
        self.merge_button.setToolTip(QCoreApplication.translate("RecipientsPage", u"G\u1ed9p m\u1ee5c \u0111ang ch\u1ecdn v\u00e0o m\u1ed9t m\u1ee5c kh\u00e1c c\u1ee7a c\u00f9ng \u0111\u01a1n v\u1ecb", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi
