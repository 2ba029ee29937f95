# Generated from ui/print_preview.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/print_preview.ui), then run: python ui/compile.py

from ..qt import (
    QComboBox,
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Qt,
)
class Ui_PrintPreview(object):
    def setupUi(self, PrintPreview):
        if not PrintPreview.objectName():
            PrintPreview.setObjectName(u"PrintPreview")
        PrintPreview.resize(1040, 680)
        self.preview_layout = QVBoxLayout(PrintPreview)
        self.preview_layout.setObjectName(u"preview_layout")
        self.navigation = QHBoxLayout()
        self.navigation.setObjectName(u"navigation")
        self.first_button = QToolButton(PrintPreview)
        self.first_button.setObjectName(u"first_button")

        self.navigation.addWidget(self.first_button)

        self.previous_button = QToolButton(PrintPreview)
        self.previous_button.setObjectName(u"previous_button")

        self.navigation.addWidget(self.previous_button)

        self.page_label = QLabel(PrintPreview)
        self.page_label.setObjectName(u"page_label")

        self.navigation.addWidget(self.page_label)

        self.page = QSpinBox(PrintPreview)
        self.page.setObjectName(u"page")

        self.navigation.addWidget(self.page)

        self.of_pages = QLabel(PrintPreview)
        self.of_pages.setObjectName(u"of_pages")

        self.navigation.addWidget(self.of_pages)

        self.next_button = QToolButton(PrintPreview)
        self.next_button.setObjectName(u"next_button")

        self.navigation.addWidget(self.next_button)

        self.last_button = QToolButton(PrintPreview)
        self.last_button.setObjectName(u"last_button")

        self.navigation.addWidget(self.last_button)

        self.zoom_gap = QSpacerItem(16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.navigation.addItem(self.zoom_gap)

        self.zoom_out_button = QToolButton(PrintPreview)
        self.zoom_out_button.setObjectName(u"zoom_out_button")

        self.navigation.addWidget(self.zoom_out_button)

        self.zoom = QComboBox(PrintPreview)
        self.zoom.setObjectName(u"zoom")

        self.navigation.addWidget(self.zoom)

        self.zoom_in_button = QToolButton(PrintPreview)
        self.zoom_in_button.setObjectName(u"zoom_in_button")

        self.navigation.addWidget(self.zoom_in_button)

        self.zoom_shown = QLabel(PrintPreview)
        self.zoom_shown.setObjectName(u"zoom_shown")

        self.navigation.addWidget(self.zoom_shown)

        self.navigation_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.navigation.addItem(self.navigation_spacer)

        self.navigation.setStretch(12, 1)

        self.preview_layout.addLayout(self.navigation)

        self.scroll_area = QScrollArea(PrintPreview)
        self.scroll_area.setObjectName(u"scroll_area")
        self.scroll_area.setWidgetResizable(True)
        self.image = QLabel()
        self.image.setObjectName(u"image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setWidget(self.image)

        self.preview_layout.addWidget(self.scroll_area)

        self.controls = QHBoxLayout()
        self.controls.setObjectName(u"controls")
        self.first_label = QLabel(PrintPreview)
        self.first_label.setObjectName(u"first_label")

        self.controls.addWidget(self.first_label)

        self.first = QSpinBox(PrintPreview)
        self.first.setObjectName(u"first")

        self.controls.addWidget(self.first)

        self.last_label = QLabel(PrintPreview)
        self.last_label.setObjectName(u"last_label")

        self.controls.addWidget(self.last_label)

        self.last = QSpinBox(PrintPreview)
        self.last.setObjectName(u"last")

        self.controls.addWidget(self.last)

        self.copies_label = QLabel(PrintPreview)
        self.copies_label.setObjectName(u"copies_label")

        self.controls.addWidget(self.copies_label)

        self.copies = QSpinBox(PrintPreview)
        self.copies.setObjectName(u"copies")
        self.copies.setMinimum(1)
        self.copies.setMaximum(99)

        self.controls.addWidget(self.copies)

        self.note = QLabel(PrintPreview)
        self.note.setObjectName(u"note")
        self.note.setProperty(u"look", u"hint")

        self.controls.addWidget(self.note)

        self.controls_gap = QSpacerItem(8, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.controls.addItem(self.controls_gap)

        self.controls_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.controls.addItem(self.controls_spacer)

        self.print_button = QPushButton(PrintPreview)
        self.print_button.setObjectName(u"print_button")

        self.controls.addWidget(self.print_button)

        self.save_button = QPushButton(PrintPreview)
        self.save_button.setObjectName(u"save_button")

        self.controls.addWidget(self.save_button)

        self.close_button = QPushButton(PrintPreview)
        self.close_button.setObjectName(u"close_button")

        self.controls.addWidget(self.close_button)

        self.controls.setStretch(8, 1)

        self.preview_layout.addLayout(self.controls)

#if QT_CONFIG(shortcut)
        self.page_label.setBuddy(self.page)
        self.first_label.setBuddy(self.first)
        self.last_label.setBuddy(self.last)
        self.copies_label.setBuddy(self.copies)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.first_button, self.previous_button)
        QWidget.setTabOrder(self.previous_button, self.page)
        QWidget.setTabOrder(self.page, self.next_button)
        QWidget.setTabOrder(self.next_button, self.last_button)
        QWidget.setTabOrder(self.last_button, self.zoom_out_button)
        QWidget.setTabOrder(self.zoom_out_button, self.zoom)
        QWidget.setTabOrder(self.zoom, self.zoom_in_button)
        QWidget.setTabOrder(self.zoom_in_button, self.scroll_area)
        QWidget.setTabOrder(self.scroll_area, self.first)
        QWidget.setTabOrder(self.first, self.last)
        QWidget.setTabOrder(self.last, self.copies)
        QWidget.setTabOrder(self.copies, self.print_button)
        QWidget.setTabOrder(self.print_button, self.save_button)
        QWidget.setTabOrder(self.save_button, self.close_button)

        self.retranslateUi(PrintPreview)
    # setupUi

    def retranslateUi(self, PrintPreview):
        PrintPreview.setWindowTitle(QCoreApplication.translate("PrintPreview", u"Xem tr\u01b0\u1edbc khi in \u2014 {title}", None))
#if QT_CONFIG(accessibility)
        self.first_button.setAccessibleName(QCoreApplication.translate("PrintPreview", u"Trang \u0111\u1ea7u", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.first_button.setToolTip(QCoreApplication.translate("PrintPreview", u"Trang \u0111\u1ea7u (Home)", None))
#endif // QT_CONFIG(tooltip)
        self.first_button.setText(QCoreApplication.translate("PrintPreview", u"|\u25c4", None))
#if QT_CONFIG(accessibility)
        self.previous_button.setAccessibleName(QCoreApplication.translate("PrintPreview", u"Trang tr\u01b0\u1edbc", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.previous_button.setToolTip(QCoreApplication.translate("PrintPreview", u"Trang tr\u01b0\u1edbc (Page Up)", None))
#endif // QT_CONFIG(tooltip)
        self.previous_button.setText(QCoreApplication.translate("PrintPreview", u"\u25c4", None))
        self.page_label.setText(QCoreApplication.translate("PrintPreview", u"Trang", None))
        self.of_pages.setText(QCoreApplication.translate("PrintPreview", u"/ {pages}", None))
#if QT_CONFIG(accessibility)
        self.next_button.setAccessibleName(QCoreApplication.translate("PrintPreview", u"Trang sau", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.next_button.setToolTip(QCoreApplication.translate("PrintPreview", u"Trang sau (Page Down)", None))
#endif // QT_CONFIG(tooltip)
        self.next_button.setText(QCoreApplication.translate("PrintPreview", u"\u25ba", None))
#if QT_CONFIG(accessibility)
        self.last_button.setAccessibleName(QCoreApplication.translate("PrintPreview", u"Trang cu\u1ed1i", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.last_button.setToolTip(QCoreApplication.translate("PrintPreview", u"Trang cu\u1ed1i (End)", None))
#endif // QT_CONFIG(tooltip)
        self.last_button.setText(QCoreApplication.translate("PrintPreview", u"\u25ba|", None))
#if QT_CONFIG(accessibility)
        self.zoom_out_button.setAccessibleName(QCoreApplication.translate("PrintPreview", u"Thu nh\u1ecf", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.zoom_out_button.setToolTip(QCoreApplication.translate("PrintPreview", u"Thu nh\u1ecf (Ctrl+-)", None))
#endif // QT_CONFIG(tooltip)
        self.zoom_out_button.setText(QCoreApplication.translate("PrintPreview", u"\u2212", None))
#if QT_CONFIG(accessibility)
        self.zoom.setAccessibleName(QCoreApplication.translate("PrintPreview", u"C\u1ee1 xem", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.zoom.setToolTip(QCoreApplication.translate("PrintPreview", u"C\u1ee1 xem", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.zoom_in_button.setAccessibleName(QCoreApplication.translate("PrintPreview", u"Ph\u00f3ng to", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.zoom_in_button.setToolTip(QCoreApplication.translate("PrintPreview", u"Ph\u00f3ng to (Ctrl++)", None))
#endif // QT_CONFIG(tooltip)
        self.zoom_in_button.setText(QCoreApplication.translate("PrintPreview", u"+", None))
        self.first_label.setText(QCoreApplication.translate("PrintPreview", u"In t\u1eeb trang", None))
        self.last_label.setText(QCoreApplication.translate("PrintPreview", u"\u0111\u1ebfn trang", None))
        self.copies_label.setText(QCoreApplication.translate("PrintPreview", u"S\u1ed1 b\u1ea3n", None))
#if QT_CONFIG(tooltip)
        self.print_button.setToolTip(QCoreApplication.translate("PrintPreview", u"In (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.print_button.setText(QCoreApplication.translate("PrintPreview", u"In\u2026", None))
        self.save_button.setText(QCoreApplication.translate("PrintPreview", u"L\u01b0u th\u00e0nh PDF\u2026", None))
#if QT_CONFIG(tooltip)
        self.close_button.setToolTip(QCoreApplication.translate("PrintPreview", u"\u0110\u00f3ng (Esc)", None))
#endif // QT_CONFIG(tooltip)
        self.close_button.setText(QCoreApplication.translate("PrintPreview", u"\u0110\u00f3ng", None))
    # retranslateUi
