# Generated from ui/report_page.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/report_page.ui), then run: python ui/compile.py

from ..qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QTabWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ..date_box import DateBox
from ..look import ErrorLabel

class Ui_ReportPage(object):
    def setupUi(self, ReportPage):
        if not ReportPage.objectName():
            ReportPage.setObjectName(u"ReportPage")
        self.report_layout = QVBoxLayout(ReportPage)
        self.report_layout.setObjectName(u"report_layout")
        self.heading = QWidget(ReportPage)
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


        self.report_layout.addWidget(self.heading)

        self.chooser = QHBoxLayout()
        self.chooser.setObjectName(u"chooser")
        self.period_label = QLabel(ReportPage)
        self.period_label.setObjectName(u"period_label")

        self.chooser.addWidget(self.period_label)

        self.period = QComboBox(ReportPage)
        self.period.setObjectName(u"period")

        self.chooser.addWidget(self.period)

        self.year_label = QLabel(ReportPage)
        self.year_label.setObjectName(u"year_label")

        self.chooser.addWidget(self.year_label)

        self.year = QSpinBox(ReportPage)
        self.year.setObjectName(u"year")
        self.year.setMinimum(2000)
        self.year.setMaximum(2100)

        self.chooser.addWidget(self.year)

        self.start_label = QLabel(ReportPage)
        self.start_label.setObjectName(u"start_label")

        self.chooser.addWidget(self.start_label)

        self.start = DateBox(ReportPage)
        self.start.setObjectName(u"start")

        self.chooser.addWidget(self.start)

        self.end_label = QLabel(ReportPage)
        self.end_label.setObjectName(u"end_label")

        self.chooser.addWidget(self.end_label)

        self.end = DateBox(ReportPage)
        self.end.setObjectName(u"end")

        self.chooser.addWidget(self.end)

        self.run_button = QPushButton(ReportPage)
        self.run_button.setObjectName(u"run_button")

        self.chooser.addWidget(self.run_button)

        self.chooser_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.chooser.addItem(self.chooser_spacer)

        self.chooser.setStretch(9, 1)

        self.report_layout.addLayout(self.chooser)

        self.export_row = QHBoxLayout()
        self.export_row.setObjectName(u"export_row")
        self.issue = QCheckBox(ReportPage)
        self.issue.setObjectName(u"issue")

        self.export_row.addWidget(self.issue)

        self.profile = QComboBox(ReportPage)
        self.profile.setObjectName(u"profile")
        self.profile.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.profile.setMinimumContentsLength(24)

        self.export_row.addWidget(self.profile)

        self.secret = QCheckBox(ReportPage)
        self.secret.setObjectName(u"secret")

        self.export_row.addWidget(self.secret)

        self.print_button = QPushButton(ReportPage)
        self.print_button.setObjectName(u"print_button")

        self.export_row.addWidget(self.print_button)

        self.pdf_button = QPushButton(ReportPage)
        self.pdf_button.setObjectName(u"pdf_button")

        self.export_row.addWidget(self.pdf_button)

        self.xlsx_button = QPushButton(ReportPage)
        self.xlsx_button.setObjectName(u"xlsx_button")

        self.export_row.addWidget(self.xlsx_button)

        self.docx_button = QPushButton(ReportPage)
        self.docx_button.setObjectName(u"docx_button")

        self.export_row.addWidget(self.docx_button)

        self.export_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.export_row.addItem(self.export_spacer)

        self.export_row.setStretch(7, 1)

        self.report_layout.addLayout(self.export_row)

        self.summary = QLabel(ReportPage)
        self.summary.setObjectName(u"summary")

        self.report_layout.addWidget(self.summary)

        self.error = ErrorLabel(ReportPage)
        self.error.setObjectName(u"error")

        self.report_layout.addWidget(self.error)

        self.content_tabs = QTabWidget(ReportPage)
        self.content_tabs.setObjectName(u"content_tabs")
        self.figures_tab = QWidget()
        self.figures_tab.setObjectName(u"figures_tab")
        self.figures_tab_layout = QVBoxLayout(self.figures_tab)
        self.figures_tab_layout.setObjectName(u"figures_tab_layout")
        self.figures_tab_layout.setContentsMargins(0, 0, 0, 0)
        self.figures_scroll = QScrollArea(self.figures_tab)
        self.figures_scroll.setObjectName(u"figures_scroll")
        self.figures_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.figures_scroll.setWidgetResizable(True)
        self.figures_page = QWidget()
        self.figures_page.setObjectName(u"figures_page")
        self.figures_page_layout = QVBoxLayout(self.figures_page)
        self.figures_page_layout.setObjectName(u"figures_page_layout")
        self.figures_box = QGroupBox(self.figures_page)
        self.figures_box.setObjectName(u"figures_box")
        self.figures_layout = QVBoxLayout(self.figures_box)
        self.figures_layout.setObjectName(u"figures_layout")
        self.main_table = QTableWidget(self.figures_box)
        if (self.main_table.columnCount() < 2):
            self.main_table.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.main_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.main_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.main_table.setObjectName(u"main_table")

        self.figures_layout.addWidget(self.main_table)


        self.figures_page_layout.addWidget(self.figures_box)

        self.details_box = QGroupBox(self.figures_page)
        self.details_box.setObjectName(u"details_box")
        self.details_grid = QGridLayout(self.details_box)
        self.details_grid.setObjectName(u"details_grid")

        self.figures_page_layout.addWidget(self.details_box)

        self.figures_page_layout.setStretch(1, 1)
        self.figures_scroll.setWidget(self.figures_page)

        self.figures_tab_layout.addWidget(self.figures_scroll)

        self.content_tabs.addTab(self.figures_tab, "")
        self.notes_tab = QWidget()
        self.notes_tab.setObjectName(u"notes_tab")
        self.notes_layout = QVBoxLayout(self.notes_tab)
        self.notes_layout.setObjectName(u"notes_layout")
        self.notes_hint = QLabel(self.notes_tab)
        self.notes_hint.setObjectName(u"notes_hint")
        self.notes_hint.setWordWrap(True)
        self.notes_hint.setProperty(u"look", u"hint")

        self.notes_layout.addWidget(self.notes_hint)

        self.strengths_label = QLabel(self.notes_tab)
        self.strengths_label.setObjectName(u"strengths_label")
        self.strengths_label.setProperty(u"look", u"sectionTitle")

        self.notes_layout.addWidget(self.strengths_label)

        self.strengths = QPlainTextEdit(self.notes_tab)
        self.strengths.setObjectName(u"strengths")

        self.notes_layout.addWidget(self.strengths)

        self.weaknesses_label = QLabel(self.notes_tab)
        self.weaknesses_label.setObjectName(u"weaknesses_label")
        self.weaknesses_label.setProperty(u"look", u"sectionTitle")

        self.notes_layout.addWidget(self.weaknesses_label)

        self.weaknesses = QPlainTextEdit(self.notes_tab)
        self.weaknesses.setObjectName(u"weaknesses")

        self.notes_layout.addWidget(self.weaknesses)

        self.directions_label = QLabel(self.notes_tab)
        self.directions_label.setObjectName(u"directions_label")
        self.directions_label.setProperty(u"look", u"sectionTitle")

        self.notes_layout.addWidget(self.directions_label)

        self.directions = QPlainTextEdit(self.notes_tab)
        self.directions.setObjectName(u"directions")

        self.notes_layout.addWidget(self.directions)

        self.notes_state = QLabel(self.notes_tab)
        self.notes_state.setObjectName(u"notes_state")
        self.notes_state.setWordWrap(True)
        self.notes_state.setProperty(u"look", u"hint")

        self.notes_layout.addWidget(self.notes_state)

        self.notes_layout.setStretch(2, 1)
        self.notes_layout.setStretch(4, 1)
        self.notes_layout.setStretch(6, 1)
        self.content_tabs.addTab(self.notes_tab, "")

        self.report_layout.addWidget(self.content_tabs)

        self.report_layout.setStretch(5, 1)
#if QT_CONFIG(shortcut)
        self.period_label.setBuddy(self.period)
        self.year_label.setBuddy(self.year)
        self.strengths_label.setBuddy(self.strengths)
        self.weaknesses_label.setBuddy(self.weaknesses)
        self.directions_label.setBuddy(self.directions)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportPage)

        self.run_button.setDefault(True)

    # setupUi

    def retranslateUi(self, ReportPage):
        self.page_title.setText(QCoreApplication.translate("ReportPage", u"B\u00e1o c\u00e1o \u0111\u1ecbnh k\u1ef3", None))
        self.page_subtitle.setText(QCoreApplication.translate("ReportPage", u"S\u1ed1 li\u1ec7u \u0111\u1ebfm t\u1eeb c\u00e1c s\u1ed5 theo d\u00f5i; h\u1ed3 s\u01a1 trong th\u00f9ng r\u00e1c kh\u00f4ng \u0111\u01b0\u1ee3c t\u00ednh. K\u1ef3 b\u00e1o c\u00e1o g\u1ed3m c\u1ea3 ng\u00e0y \u0111\u1ea7u v\u00e0 ng\u00e0y cu\u1ed1i.", None))
        self.period_label.setText(QCoreApplication.translate("ReportPage", u"K\u1ef3 b\u00e1o c\u00e1o:", None))
        self.year_label.setText(QCoreApplication.translate("ReportPage", u"N\u0103m:", None))
        self.start_label.setText(QCoreApplication.translate("ReportPage", u"T\u1eeb ng\u00e0y:", None))
#if QT_CONFIG(accessibility)
        self.start.setAccessibleName(QCoreApplication.translate("ReportPage", u"T\u1eeb ng\u00e0y", None))
#endif // QT_CONFIG(accessibility)
        self.end_label.setText(QCoreApplication.translate("ReportPage", u"\u0110\u1ebfn ng\u00e0y:", None))
#if QT_CONFIG(accessibility)
        self.end.setAccessibleName(QCoreApplication.translate("ReportPage", u"\u0110\u1ebfn ng\u00e0y", None))
#endif // QT_CONFIG(accessibility)
        self.run_button.setText(QCoreApplication.translate("ReportPage", u"L\u1eadp s\u1ed1 li\u1ec7u", None))
#if QT_CONFIG(tooltip)
        self.issue.setToolTip(QCoreApplication.translate("ReportPage", u"Kh\u00f4ng ch\u1ecdn: l\u1eadp d\u1ef1 th\u1ea3o, ch\u01b0a c\u00f3 s\u1ed1. Ch\u1ecdn: l\u1ea5y s\u1ed1 b\u00e1o c\u00e1o ti\u1ebfp theo c\u1ee7a nhi\u1ec7m k\u1ef3.", None))
#endif // QT_CONFIG(tooltip)
        self.issue.setText(QCoreApplication.translate("ReportPage", u"Ph\u00e1t h\u00e0nh (l\u1ea5y s\u1ed1 v\u0103n b\u1ea3n)", None))
#if QT_CONFIG(accessibility)
        self.profile.setAccessibleName(QCoreApplication.translate("ReportPage", u"Th\u1ec3 th\u1ee9c v\u0103n b\u1ea3n", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.profile.setToolTip(QCoreApplication.translate("ReportPage", u"Th\u1ec3 th\u1ee9c v\u0103n b\u1ea3n (h\u1ed3 s\u01a1 th\u1ec3 th\u1ee9c)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.secret.setToolTip(QCoreApplication.translate("ReportPage", u"\u0110\u00f3ng d\u1ea5u M\u1eacT d\u01b0\u1edbi s\u1ed1 v\u0103n b\u1ea3n (l\u1ea7n in n\u00e0y); m\u1eb7c \u0111\u1ecbnh theo thi\u1ebft l\u1eadp \u0111\u1ed9 m\u1eadt", None))
#endif // QT_CONFIG(tooltip)
        self.secret.setText(QCoreApplication.translate("ReportPage", u"\u0110\u00f3ng d\u1ea5u M\u1eacT", None))
#if QT_CONFIG(tooltip)
        self.print_button.setToolTip(QCoreApplication.translate("ReportPage", u"Xem tr\u01b0\u1edbc v\u00e0 in b\u00e1o c\u00e1o (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.print_button.setText(QCoreApplication.translate("ReportPage", u"In\u2026", None))
        self.pdf_button.setText(QCoreApplication.translate("ReportPage", u"Xu\u1ea5t PDF\u2026", None))
        self.xlsx_button.setText(QCoreApplication.translate("ReportPage", u"Xu\u1ea5t Excel\u2026", None))
        self.docx_button.setText(QCoreApplication.translate("ReportPage", u"Xu\u1ea5t Word\u2026", None))
        self.summary.setText(QCoreApplication.translate("ReportPage", u"Ch\u1ecdn k\u1ef3 r\u1ed3i b\u1ea5m \u00abL\u1eadp s\u1ed1 li\u1ec7u\u00bb \u0111\u1ec3 \u0111\u1ebfm.", None))
        self.figures_box.setTitle(QCoreApplication.translate("ReportPage", u"S\u1ed1 li\u1ec7u ch\u00ednh", None))
        ___qtablewidgetitem = self.main_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ReportPage", u"N\u1ed9i dung", None))
        ___qtablewidgetitem1 = self.main_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ReportPage", u"S\u1ed1 l\u01b0\u1ee3ng", None))
        self.details_box.setTitle(QCoreApplication.translate("ReportPage", u"Chi ti\u1ebft", None))
        self.content_tabs.setTabText(self.content_tabs.indexOf(self.figures_tab), QCoreApplication.translate("ReportPage", u"S\u1ed1 li\u1ec7u", None))
        self.notes_hint.setText(QCoreApplication.translate("ReportPage", u"Ba ph\u1ea7n \u0111\u00e1nh gi\u00e1 v\u00e0 ph\u01b0\u01a1ng h\u01b0\u1edbng do c\u00e1n b\u1ed9 vi\u1ebft; \u0111\u01b0\u1ee3c l\u01b0u theo k\u1ef3 b\u00e1o c\u00e1o (m\u00e3 h\u00f3a c\u00f9ng c\u01a1 s\u1edf d\u1eef li\u1ec7u) v\u00e0 \u0111\u01b0a v\u00e0o b\u00e1o c\u00e1o khi l\u1eadp.", None))
        self.strengths_label.setText(QCoreApplication.translate("ReportPage", u"\u01afu \u0111i\u1ec3m", None))
        self.strengths.setPlaceholderText(QCoreApplication.translate("ReportPage", u"M\u1ed7i d\u00f2ng m\u1ed9t \u0111o\u1ea1n. Ph\u1ea7n n\u00e0y do c\u00e1n b\u1ed9 vi\u1ebft; b\u00e1o c\u00e1o ch\u1ec9 ph\u00e1t h\u00e0nh khi c\u1ea3 ba ph\u1ea7n \u0111\u00e3 vi\u1ebft.", None))
        self.weaknesses_label.setText(QCoreApplication.translate("ReportPage", u"H\u1ea1n ch\u1ebf, khuy\u1ebft \u0111i\u1ec3m", None))
        self.weaknesses.setPlaceholderText(QCoreApplication.translate("ReportPage", u"M\u1ed7i d\u00f2ng m\u1ed9t \u0111o\u1ea1n. Ph\u1ea7n n\u00e0y do c\u00e1n b\u1ed9 vi\u1ebft; b\u00e1o c\u00e1o ch\u1ec9 ph\u00e1t h\u00e0nh khi c\u1ea3 ba ph\u1ea7n \u0111\u00e3 vi\u1ebft.", None))
        self.directions_label.setText(QCoreApplication.translate("ReportPage", u"Ph\u01b0\u01a1ng h\u01b0\u1edbng, nhi\u1ec7m v\u1ee5", None))
        self.directions.setPlaceholderText(QCoreApplication.translate("ReportPage", u"M\u1ed7i d\u00f2ng m\u1ed9t \u0111o\u1ea1n. Ph\u1ea7n n\u00e0y do c\u00e1n b\u1ed9 vi\u1ebft; b\u00e1o c\u00e1o ch\u1ec9 ph\u00e1t h\u00e0nh khi c\u1ea3 ba ph\u1ea7n \u0111\u00e3 vi\u1ebft.", None))
        self.content_tabs.setTabText(self.content_tabs.indexOf(self.notes_tab), QCoreApplication.translate("ReportPage", u"Ph\u1ea7n c\u00e1n b\u1ed9 vi\u1ebft", None))
        pass
    # retranslateUi
