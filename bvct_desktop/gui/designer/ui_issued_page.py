# Generated from ui/issued_page.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/issued_page.ui), then run: python ui/compile.py

from ..qt import (
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ..look import ErrorLabel

class Ui_IssuedPage(object):
    def setupUi(self, IssuedPage):
        if not IssuedPage.objectName():
            IssuedPage.setObjectName(u"IssuedPage")
        self.issued_layout = QVBoxLayout(IssuedPage)
        self.issued_layout.setObjectName(u"issued_layout")
        self.heading = QWidget(IssuedPage)
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


        self.issued_layout.addWidget(self.heading)

        self.filter_row = QHBoxLayout()
        self.filter_row.setObjectName(u"filter_row")
        self.term_label = QLabel(IssuedPage)
        self.term_label.setObjectName(u"term_label")

        self.filter_row.addWidget(self.term_label)

        self.term = QComboBox(IssuedPage)
        self.term.setObjectName(u"term")

        self.filter_row.addWidget(self.term)

        self.year_label = QLabel(IssuedPage)
        self.year_label.setObjectName(u"year_label")

        self.filter_row.addWidget(self.year_label)

        self.year = QComboBox(IssuedPage)
        self.year.setObjectName(u"year")

        self.filter_row.addWidget(self.year)

        self.count_label = QLabel(IssuedPage)
        self.count_label.setObjectName(u"count_label")

        self.filter_row.addWidget(self.count_label)

        self.filter_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filter_row.addItem(self.filter_spacer)

        self.filter_row.setStretch(5, 1)

        self.issued_layout.addLayout(self.filter_row)

        self.message = ErrorLabel(IssuedPage)
        self.message.setObjectName(u"message")

        self.issued_layout.addWidget(self.message)

        self.table = QTableWidget(IssuedPage)
        if (self.table.columnCount() < 9):
            self.table.setColumnCount(9)
        __qtablewidgetitem = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(6, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(7, __qtablewidgetitem7)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(8, __qtablewidgetitem8)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)

        self.issued_layout.addWidget(self.table)

        self.action_row = QHBoxLayout()
        self.action_row.setObjectName(u"action_row")
        self.print_button = QPushButton(IssuedPage)
        self.print_button.setObjectName(u"print_button")

        self.action_row.addWidget(self.print_button)

        self.pdf_button = QPushButton(IssuedPage)
        self.pdf_button.setObjectName(u"pdf_button")

        self.action_row.addWidget(self.pdf_button)

        self.docx_button = QPushButton(IssuedPage)
        self.docx_button.setObjectName(u"docx_button")

        self.action_row.addWidget(self.docx_button)

        self.xlsx_button = QPushButton(IssuedPage)
        self.xlsx_button.setObjectName(u"xlsx_button")

        self.action_row.addWidget(self.xlsx_button)

        self.action_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.action_row.addItem(self.action_spacer)

        self.outside_button = QPushButton(IssuedPage)
        self.outside_button.setObjectName(u"outside_button")

        self.action_row.addWidget(self.outside_button)

        self.spoil_button = QPushButton(IssuedPage)
        self.spoil_button.setObjectName(u"spoil_button")

        self.action_row.addWidget(self.spoil_button)

        self.action_row.setStretch(4, 1)

        self.issued_layout.addLayout(self.action_row)

        self.issued_layout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.term_label.setBuddy(self.term)
        self.year_label.setBuddy(self.year)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.term, self.year)
        QWidget.setTabOrder(self.year, self.table)
        QWidget.setTabOrder(self.table, self.print_button)
        QWidget.setTabOrder(self.print_button, self.pdf_button)
        QWidget.setTabOrder(self.pdf_button, self.docx_button)
        QWidget.setTabOrder(self.docx_button, self.xlsx_button)
        QWidget.setTabOrder(self.xlsx_button, self.outside_button)
        QWidget.setTabOrder(self.outside_button, self.spoil_button)

        self.retranslateUi(IssuedPage)
    # setupUi

    def retranslateUi(self, IssuedPage):
        self.page_title.setText(QCoreApplication.translate("IssuedPage", u"V\u0103n b\u1ea3n \u0111\u00e3 ph\u00e1t h\u00e0nh", None))
        self.page_subtitle.setText(QCoreApplication.translate("IssuedPage", u"S\u1ed5 \u0111\u0103ng k\u00fd v\u0103n b\u1ea3n \u0111i: m\u1ed7i v\u0103n b\u1ea3n \u0111\u00e3 ph\u00e1t h\u00e0nh, s\u1ed1, ng\u00e0y, nhi\u1ec7m k\u1ef3, tr\u00edch y\u1ebfu, ng\u01b0\u1eddi k\u00fd, n\u01a1i nh\u1eadn, th\u1eddi h\u1ea1n b\u1ea3o qu\u1ea3n. In l\u1ea1i \u0111\u00fang nh\u01b0 khi ph\u00e1t h\u00e0nh, d\u1ea1ng PDF, Word ho\u1eb7c Excel.", None))
        self.term_label.setText(QCoreApplication.translate("IssuedPage", u"Nhi\u1ec7m k\u1ef3", None))
#if QT_CONFIG(tooltip)
        self.term.setToolTip(QCoreApplication.translate("IssuedPage", u"S\u1ed1 v\u0103n b\u1ea3n \u0111\u00e1nh li\u00ean t\u1ee5c t\u1eeb 01 trong m\u1ed7i nhi\u1ec7m k\u1ef3: sau \u0111\u1ea1i h\u1ed9i, v\u0103n b\u1ea3n \u0111\u00e1nh l\u1ea1i t\u1eeb 01", None))
#endif // QT_CONFIG(tooltip)
        self.year_label.setText(QCoreApplication.translate("IssuedPage", u"N\u0103m", None))
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("IssuedPage", u"S\u1ed1", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("IssuedPage", u"Ng\u00e0y", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("IssuedPage", u"Nhi\u1ec7m k\u1ef3", None))
        ___qtablewidgetitem3 = self.table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("IssuedPage", u"Lo\u1ea1i", None))
        ___qtablewidgetitem4 = self.table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("IssuedPage", u"Tr\u00edch y\u1ebfu", None))
        ___qtablewidgetitem5 = self.table.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("IssuedPage", u"Ng\u01b0\u1eddi k\u00fd", None))
        ___qtablewidgetitem6 = self.table.horizontalHeaderItem(6)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("IssuedPage", u"N\u01a1i nh\u1eadn", None))
        ___qtablewidgetitem7 = self.table.horizontalHeaderItem(7)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("IssuedPage", u"T\u00ecnh tr\u1ea1ng", None))
        ___qtablewidgetitem8 = self.table.horizontalHeaderItem(8)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("IssuedPage", u"Th\u1eddi h\u1ea1n b\u1ea3o qu\u1ea3n", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("IssuedPage", u"V\u0103n b\u1ea3n \u0111\u00e3 ph\u00e1t h\u00e0nh", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.print_button.setToolTip(QCoreApplication.translate("IssuedPage", u"Xem tr\u01b0\u1edbc v\u00e0 in l\u1ea1i v\u0103n b\u1ea3n \u0111\u00fang nh\u01b0 khi ph\u00e1t h\u00e0nh (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.print_button.setText(QCoreApplication.translate("IssuedPage", u"Xem v\u00e0 in l\u1ea1i\u2026", None))
        self.pdf_button.setText(QCoreApplication.translate("IssuedPage", u"L\u01b0u PDF\u2026", None))
        self.docx_button.setText(QCoreApplication.translate("IssuedPage", u"L\u01b0u Word\u2026", None))
        self.xlsx_button.setText(QCoreApplication.translate("IssuedPage", u"L\u01b0u Excel\u2026", None))
#if QT_CONFIG(tooltip)
        self.outside_button.setToolTip(QCoreApplication.translate("IssuedPage", u"C\u00e1c s\u1ed1 v\u0103n b\u1ea3n \u0111\u00e3 c\u1ea5p ngo\u00e0i ch\u01b0\u01a1ng tr\u00ecnh (tr\u00ean m\u00e1y c\u0169 sau l\u1ea7n sao l\u01b0u cu\u1ed1i, ho\u1eb7c ghi tay v\u00e0o s\u1ed5 gi\u1ea5y): ghi s\u1ed1 cu\u1ed1i \u0111\u00e3 d\u00f9ng, \u0111\u1ec3 ch\u01b0\u01a1ng tr\u00ecnh c\u1ea5p s\u1ed1 ti\u1ebfp theo sau s\u1ed1 \u1ea5y", None))
#endif // QT_CONFIG(tooltip)
        self.outside_button.setText(QCoreApplication.translate("IssuedPage", u"Ghi s\u1ed1 \u0111\u00e3 c\u1ea5p ngo\u00e0i\u2026", None))
#if QT_CONFIG(tooltip)
        self.spoil_button.setToolTip(QCoreApplication.translate("IssuedPage", u"S\u1ed1 c\u1ee7a l\u1ea7n ph\u00e1t h\u00e0nh b\u1ecb ng\u1eaft (\u00ab\u0111ang ghi (ch\u01b0a x\u00e1c nh\u1eadn)\u00bb) m\u00e0 v\u0103n b\u1ea3n s\u1ebd kh\u00f4ng ph\u00e1t h\u00e0nh n\u1eefa, ho\u1eb7c (qu\u1ea3n tr\u1ecb vi\u00ean) s\u1ed1 \u0111\u00e3 ph\u00e1t h\u00e0nh ghi ng\u00e0y sau h\u00f4m nay v\u00ec ng\u00e0y gi\u1edd c\u1ee7a m\u00e1y t\u00ednh b\u1ecb sai: ghi l\u00e0 h\u1ecfng, k\u00e8m l\u00fd do", None))
#endif // QT_CONFIG(tooltip)
        self.spoil_button.setText(QCoreApplication.translate("IssuedPage", u"\u0110\u00e1nh d\u1ea5u h\u1ecfng\u2026", None))
        pass
    # retranslateUi
