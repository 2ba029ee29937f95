# Generated from ui/admin_audit.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/admin_audit.ui), then run: python ui/compile.py

from ..qt import (
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from ..date_box import DateBox
from ..look import ErrorLabel

class Ui_AuditPage(object):
    def setupUi(self, AuditPage):
        if not AuditPage.objectName():
            AuditPage.setObjectName(u"AuditPage")
        self.audit_layout = QVBoxLayout(AuditPage)
        self.audit_layout.setObjectName(u"audit_layout")
        self.heading = QWidget(AuditPage)
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


        self.audit_layout.addWidget(self.heading)

        self.filter_row = QHBoxLayout()
        self.filter_row.setObjectName(u"filter_row")
        self.start_label = QLabel(AuditPage)
        self.start_label.setObjectName(u"start_label")

        self.filter_row.addWidget(self.start_label)

        self.start = DateBox(AuditPage)
        self.start.setObjectName(u"start")

        self.filter_row.addWidget(self.start)

        self.end_label = QLabel(AuditPage)
        self.end_label.setObjectName(u"end_label")

        self.filter_row.addWidget(self.end_label)

        self.end = DateBox(AuditPage)
        self.end.setObjectName(u"end")

        self.filter_row.addWidget(self.end)

        self.user_label = QLabel(AuditPage)
        self.user_label.setObjectName(u"user_label")

        self.filter_row.addWidget(self.user_label)

        self.user = QComboBox(AuditPage)
        self.user.setObjectName(u"user")
        self.user.setEditable(True)
        self.user.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.user.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.user.setMinimumContentsLength(22)

        self.filter_row.addWidget(self.user)

        self.action_label = QLabel(AuditPage)
        self.action_label.setObjectName(u"action_label")

        self.filter_row.addWidget(self.action_label)

        self.action = QComboBox(AuditPage)
        self.action.setObjectName(u"action")
        self.action.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filter_row.addWidget(self.action)

        self.outcome_label = QLabel(AuditPage)
        self.outcome_label.setObjectName(u"outcome_label")

        self.filter_row.addWidget(self.outcome_label)

        self.outcome = QComboBox(AuditPage)
        self.outcome.setObjectName(u"outcome")
        self.outcome.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filter_row.addWidget(self.outcome)

        self.filters_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filter_row.addItem(self.filters_spacer)

        self.filter_row.setStretch(10, 1)

        self.audit_layout.addLayout(self.filter_row)

        self.search_row = QHBoxLayout()
        self.search_row.setObjectName(u"search_row")
        self.text_label = QLabel(AuditPage)
        self.text_label.setObjectName(u"text_label")

        self.search_row.addWidget(self.text_label)

        self.text = QLineEdit(AuditPage)
        self.text.setObjectName(u"text")
        self.text.setClearButtonEnabled(True)

        self.search_row.addWidget(self.text)

        self.show_button = QPushButton(AuditPage)
        self.show_button.setObjectName(u"show_button")

        self.search_row.addWidget(self.show_button)

        self.verify_button = QPushButton(AuditPage)
        self.verify_button.setObjectName(u"verify_button")

        self.search_row.addWidget(self.verify_button)

        self.export_button = QPushButton(AuditPage)
        self.export_button.setObjectName(u"export_button")

        self.search_row.addWidget(self.export_button)

        self.search_row.setStretch(1, 1)

        self.audit_layout.addLayout(self.search_row)

        self.message = ErrorLabel(AuditPage)
        self.message.setObjectName(u"message")

        self.audit_layout.addWidget(self.message)

        self.view = QTableView(AuditPage)
        self.view.setObjectName(u"view")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setVisible(False)

        self.audit_layout.addWidget(self.view)

        self.count = QLabel(AuditPage)
        self.count.setObjectName(u"count")

        self.audit_layout.addWidget(self.count)

        self.audit_layout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.user_label.setBuddy(self.user)
        self.action_label.setBuddy(self.action)
        self.outcome_label.setBuddy(self.outcome)
        self.text_label.setBuddy(self.text)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AuditPage)

        self.show_button.setDefault(True)

    # setupUi

    def retranslateUi(self, AuditPage):
        self.page_title.setText(QCoreApplication.translate("AuditPage", u"Nh\u1eadt k\u00fd ho\u1ea1t \u0111\u1ed9ng", None))
        self.page_subtitle.setText(QCoreApplication.translate("AuditPage", u"M\u1ecdi \u0111\u0103ng nh\u1eadp, l\u1ea7n m\u1edf xem m\u1ed9t h\u1ed3 s\u01a1, thay \u0111\u1ed5i, nh\u1eadp, xu\u1ea5t, in, sao l\u01b0u v\u00e0 l\u1ea7n b\u1ecb t\u1eeb ch\u1ed1i; c\u00e1c m\u1ee5c \u0111\u01b0\u1ee3c x\u00e2u chu\u1ed7i n\u00ean kh\u00f4ng s\u1eeda hay x\u00f3a \u0111\u01b0\u1ee3c m\u00e0 kh\u00f4ng b\u1ecb ph\u00e1t hi\u1ec7n.", None))
        self.start_label.setText(QCoreApplication.translate("AuditPage", u"T\u1eeb ng\u00e0y:", None))
#if QT_CONFIG(accessibility)
        self.start.setAccessibleName(QCoreApplication.translate("AuditPage", u"T\u1eeb ng\u00e0y", None))
#endif // QT_CONFIG(accessibility)
        self.end_label.setText(QCoreApplication.translate("AuditPage", u"\u0110\u1ebfn ng\u00e0y:", None))
#if QT_CONFIG(accessibility)
        self.end.setAccessibleName(QCoreApplication.translate("AuditPage", u"\u0110\u1ebfn ng\u00e0y", None))
#endif // QT_CONFIG(accessibility)
        self.user_label.setText(QCoreApplication.translate("AuditPage", u"Ng\u01b0\u1eddi d\u00f9ng:", None))
#if QT_CONFIG(tooltip)
        self.user.setToolTip(QCoreApplication.translate("AuditPage", u"Ch\u1ecdn ng\u01b0\u1eddi d\u00f9ng c\u00f3 trong nh\u1eadt k\u00fd, ho\u1eb7c g\u00f5 m\u1ed9t ph\u1ea7n t\u00ean", None))
#endif // QT_CONFIG(tooltip)
        self.action_label.setText(QCoreApplication.translate("AuditPage", u"H\u00e0nh \u0111\u1ed9ng:", None))
        self.outcome_label.setText(QCoreApplication.translate("AuditPage", u"K\u1ebft qu\u1ea3:", None))
        self.text_label.setText(QCoreApplication.translate("AuditPage", u"N\u1ed9i dung:", None))
        self.text.setPlaceholderText(QCoreApplication.translate("AuditPage", u"s\u1ed1 phi\u1ebfu, h\u1ecd t\u00ean, lo\u1ea1i h\u1ed3 s\u01a1 hay chi ti\u1ebft \u2014 kh\u00f4ng c\u1ea7n d\u1ea5u", None))
        self.show_button.setText(QCoreApplication.translate("AuditPage", u"Xem", None))
        self.verify_button.setText(QCoreApplication.translate("AuditPage", u"Ki\u1ec3m tra to\u00e0n v\u1eb9n nh\u1eadt k\u00fd", None))
        self.export_button.setText(QCoreApplication.translate("AuditPage", u"Xu\u1ea5t Excel\u2026", None))
#if QT_CONFIG(accessibility)
        self.view.setAccessibleName(QCoreApplication.translate("AuditPage", u"Nh\u1eadt k\u00fd", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi
