# Generated from ui/print_preview.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/print_preview.ui), then run: python ui/compile.py

from ..qt import (
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QVBoxLayout,
    Qt,
)
class Ui_PrintPreview(object):
    def setupUi(self, PrintPreview):
        if not PrintPreview.objectName():
            PrintPreview.setObjectName(u"PrintPreview")
        PrintPreview.resize(900, 1000)
        self.preview_layout = QVBoxLayout(PrintPreview)
        self.preview_layout.setObjectName(u"preview_layout")
        self.controls = QHBoxLayout()
        self.controls.setObjectName(u"controls")
        self.page_label = QLabel(PrintPreview)
        self.page_label.setObjectName(u"page_label")

        self.controls.addWidget(self.page_label)

        self.page = QSpinBox(PrintPreview)
        self.page.setObjectName(u"page")

        self.controls.addWidget(self.page)

        self.of_pages = QLabel(PrintPreview)
        self.of_pages.setObjectName(u"of_pages")

        self.controls.addWidget(self.of_pages)

        self.controls_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.controls.addItem(self.controls_spacer)

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

        self.print_button = QPushButton(PrintPreview)
        self.print_button.setObjectName(u"print_button")

        self.controls.addWidget(self.print_button)

        self.save_button = QPushButton(PrintPreview)
        self.save_button.setObjectName(u"save_button")

        self.controls.addWidget(self.save_button)

        self.close_button = QPushButton(PrintPreview)
        self.close_button.setObjectName(u"close_button")

        self.controls.addWidget(self.close_button)


        self.preview_layout.addLayout(self.controls)

        self.scroll_area = QScrollArea(PrintPreview)
        self.scroll_area.setObjectName(u"scroll_area")
        self.scroll_area.setWidgetResizable(True)
        self.image = QLabel()
        self.image.setObjectName(u"image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setWidget(self.image)

        self.preview_layout.addWidget(self.scroll_area)


        self.retranslateUi(PrintPreview)
    # setupUi

    def retranslateUi(self, PrintPreview):
        PrintPreview.setWindowTitle(QCoreApplication.translate("PrintPreview", u"Xem tr\u01b0\u1edbc khi in \u2014 {title}", None))
        self.page_label.setText(QCoreApplication.translate("PrintPreview", u"Trang", None))
        self.of_pages.setText(QCoreApplication.translate("PrintPreview", u"/ {pages}", None))
        self.first_label.setText(QCoreApplication.translate("PrintPreview", u"In t\u1eeb trang", None))
        self.last_label.setText(QCoreApplication.translate("PrintPreview", u"\u0111\u1ebfn trang", None))
        self.copies_label.setText(QCoreApplication.translate("PrintPreview", u"S\u1ed1 b\u1ea3n", None))
        self.print_button.setText(QCoreApplication.translate("PrintPreview", u"In\u2026", None))
        self.save_button.setText(QCoreApplication.translate("PrintPreview", u"L\u01b0u th\u00e0nh PDF\u2026", None))
        self.close_button.setText(QCoreApplication.translate("PrintPreview", u"\u0110\u00f3ng", None))
    # retranslateUi
