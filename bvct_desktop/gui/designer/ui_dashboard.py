# Generated from ui/dashboard.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/dashboard.ui), then run: python ui/compile.py

from ..qt import (
    QComboBox,
    QCoreApplication,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Qt,
)
from ..date_box import DateBox

class Ui_Dashboard(object):
    def setupUi(self, Dashboard):
        if not Dashboard.objectName():
            Dashboard.setObjectName(u"Dashboard")
        self.dashboard_layout = QVBoxLayout(Dashboard)
        self.dashboard_layout.setObjectName(u"dashboard_layout")
        self.top = QHBoxLayout()
        self.top.setObjectName(u"top")
        self.heading = QWidget(Dashboard)
        self.heading.setObjectName(u"heading")
        self.heading_layout = QVBoxLayout(self.heading)
        self.heading_layout.setObjectName(u"heading_layout")
        self.heading_layout.setContentsMargins(0, 0, 0, 2)
        self.page_title = QLabel(self.heading)
        self.page_title.setObjectName(u"page_title")
        self.page_title.setProperty(u"look", u"pageTitle")

        self.heading_layout.addWidget(self.page_title)

        self.period_text = QLabel(self.heading)
        self.period_text.setObjectName(u"period_text")
        self.period_text.setText(u"")
        self.period_text.setWordWrap(True)
        self.period_text.setProperty(u"look", u"pageSubtitle")

        self.heading_layout.addWidget(self.period_text)


        self.top.addWidget(self.heading)

        self.period_label = QLabel(Dashboard)
        self.period_label.setObjectName(u"period_label")

        self.top.addWidget(self.period_label)

        self.period = QComboBox(Dashboard)
        self.period.setObjectName(u"period")

        self.top.addWidget(self.period)

        self.year_label = QLabel(Dashboard)
        self.year_label.setObjectName(u"year_label")

        self.top.addWidget(self.year_label)

        self.year = QSpinBox(Dashboard)
        self.year.setObjectName(u"year")
        self.year.setMinimum(2000)
        self.year.setMaximum(2100)

        self.top.addWidget(self.year)

        self.start_label = QLabel(Dashboard)
        self.start_label.setObjectName(u"start_label")

        self.top.addWidget(self.start_label)

        self.start = DateBox(Dashboard)
        self.start.setObjectName(u"start")

        self.top.addWidget(self.start)

        self.end_label = QLabel(Dashboard)
        self.end_label.setObjectName(u"end_label")

        self.top.addWidget(self.end_label)

        self.end = DateBox(Dashboard)
        self.end.setObjectName(u"end")

        self.top.addWidget(self.end)

        self.top.setStretch(0, 1)

        self.dashboard_layout.addLayout(self.top)

        self.backup_warning = QLabel(Dashboard)
        self.backup_warning.setObjectName(u"backup_warning")
        self.backup_warning.setWordWrap(True)
        self.backup_warning.setProperty(u"look", u"banner")

        self.dashboard_layout.addWidget(self.backup_warning)

        self.loose_ends = QLabel(Dashboard)
        self.loose_ends.setObjectName(u"loose_ends")
        self.loose_ends.setWordWrap(True)
        self.loose_ends.setTextFormat(Qt.RichText)
        self.loose_ends.setProperty(u"look", u"banner")

        self.dashboard_layout.addWidget(self.loose_ends)

        self.body = QHBoxLayout()
        self.body.setObjectName(u"body")
        self.figures_grid = QGridLayout()
        self.figures_grid.setSpacing(6)
        self.figures_grid.setObjectName(u"figures_grid")

        self.body.addLayout(self.figures_grid)

        self.chart_box = QGroupBox(Dashboard)
        self.chart_box.setObjectName(u"chart_box")
        self.chart_layout = QVBoxLayout(self.chart_box)
        self.chart_layout.setObjectName(u"chart_layout")
        self.chart_layout.setContentsMargins(4, 4, 4, 4)

        self.body.addWidget(self.chart_box)

        self.body.setStretch(0, 3)
        self.body.setStretch(1, 2)

        self.dashboard_layout.addLayout(self.body)

        self.lists = QTabWidget(Dashboard)
        self.lists.setObjectName(u"lists")

        self.dashboard_layout.addWidget(self.lists)

        self.dashboard_layout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.period_label.setBuddy(self.period)
        self.year_label.setBuddy(self.year)
        self.start_label.setBuddy(self.start)
        self.end_label.setBuddy(self.end)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.period, self.year)
        QWidget.setTabOrder(self.year, self.start)
        QWidget.setTabOrder(self.start, self.end)
        QWidget.setTabOrder(self.end, self.lists)

        self.retranslateUi(Dashboard)
    # setupUi

    def retranslateUi(self, Dashboard):
        self.page_title.setText(QCoreApplication.translate("Dashboard", u"T\u1ed5ng quan", None))
        self.period_label.setText(QCoreApplication.translate("Dashboard", u"&K\u1ef3:", None))
#if QT_CONFIG(tooltip)
        self.period.setToolTip(QCoreApplication.translate("Dashboard", u"C\u00e1c k\u1ef3 c\u1ee7a b\u00e1o c\u00e1o \u0111\u1ecbnh k\u1ef3; s\u1ed1 li\u1ec7u, bi\u1ec3u \u0111\u1ed3 v\u00e0 danh s\u00e1ch b\u1ea5m v\u00e0o \u0111\u1ec1u theo k\u1ef3 n\u00e0y", None))
#endif // QT_CONFIG(tooltip)
        self.year_label.setText(QCoreApplication.translate("Dashboard", u"&N\u0103m:", None))
        self.start_label.setText(QCoreApplication.translate("Dashboard", u"T\u1eeb:", None))
#if QT_CONFIG(accessibility)
        self.start.setAccessibleName(QCoreApplication.translate("Dashboard", u"T\u1eeb ng\u00e0y", None))
#endif // QT_CONFIG(accessibility)
        self.end_label.setText(QCoreApplication.translate("Dashboard", u"\u0111\u1ebfn:", None))
#if QT_CONFIG(accessibility)
        self.end.setAccessibleName(QCoreApplication.translate("Dashboard", u"\u0110\u1ebfn ng\u00e0y", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.loose_ends.setToolTip(QCoreApplication.translate("Dashboard", u"Nh\u1eefng h\u1ed3 s\u01a1 c\u1ea7n b\u1ed5 sung tr\u01b0\u1edbc khi \u0111\u01b0\u1ee3c t\u00ednh \u0111\u00fang; b\u1ea5m v\u00e0o \u0111\u1ec3 xem", None))
#endif // QT_CONFIG(tooltip)
        self.chart_box.setTitle(QCoreApplication.translate("Dashboard", u"Phi\u1ebfu x\u00e1c minh theo th\u00e1ng", None))
#if QT_CONFIG(tooltip)
        self.lists.setToolTip(QCoreApplication.translate("Dashboard", u"Vi\u1ec7c c\u1ea7n l\u00e0m h\u00f4m nay; Enter ho\u1eb7c b\u1ea5m \u0111\u00fap \u0111\u1ec3 m\u1edf h\u1ed3 s\u01a1", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi
