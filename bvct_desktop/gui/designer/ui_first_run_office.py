# Generated from ui/first_run_office.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/first_run_office.ui), then run: python ui/compile.py

from ..qt import (
    QCoreApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
)
from ..look import ErrorLabel

class Ui_FirstRunOffice(object):
    def setupUi(self, FirstRunOffice):
        if not FirstRunOffice.objectName():
            FirstRunOffice.setObjectName(u"FirstRunOffice")
        self.office_layout = QVBoxLayout(FirstRunOffice)
        self.office_layout.setObjectName(u"office_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")

        self.office_layout.addLayout(self.form)

        self.office_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.office_layout.addItem(self.office_spacer)

        self.server_row = QHBoxLayout()
        self.server_row.setObjectName(u"server_row")
        self.server_hint = QLabel(FirstRunOffice)
        self.server_hint.setObjectName(u"server_hint")
        self.server_hint.setWordWrap(True)

        self.server_row.addWidget(self.server_hint)

        self.server_button = QPushButton(FirstRunOffice)
        self.server_button.setObjectName(u"server_button")

        self.server_row.addWidget(self.server_button)

        self.server_row.setStretch(0, 1)

        self.office_layout.addLayout(self.server_row)

        self.restore_row = QHBoxLayout()
        self.restore_row.setObjectName(u"restore_row")
        self.restore_hint = QLabel(FirstRunOffice)
        self.restore_hint.setObjectName(u"restore_hint")
        self.restore_hint.setWordWrap(True)

        self.restore_row.addWidget(self.restore_hint)

        self.restore_button = QPushButton(FirstRunOffice)
        self.restore_button.setObjectName(u"restore_button")

        self.restore_row.addWidget(self.restore_button)

        self.restore_row.setStretch(0, 1)

        self.office_layout.addLayout(self.restore_row)

        self.where_row = QHBoxLayout()
        self.where_row.setObjectName(u"where_row")
        self.where = QLabel(FirstRunOffice)
        self.where.setObjectName(u"where")
        self.where.setWordWrap(True)

        self.where_row.addWidget(self.where)

        self.other_button = QPushButton(FirstRunOffice)
        self.other_button.setObjectName(u"other_button")

        self.where_row.addWidget(self.other_button)

        self.where_row.setStretch(0, 1)

        self.office_layout.addLayout(self.where_row)

        self.error = ErrorLabel(FirstRunOffice)
        self.error.setObjectName(u"error")

        self.office_layout.addWidget(self.error)

        self.office_layout.setStretch(1, 1)

        self.retranslateUi(FirstRunOffice)
    # setupUi

    def retranslateUi(self, FirstRunOffice):
        FirstRunOffice.setTitle(QCoreApplication.translate("FirstRunOffice", u"Ch\u00e0o m\u1eebng \u0111\u1ebfn v\u1edbi BVCT Desktop", None))
        FirstRunOffice.setSubTitle(QCoreApplication.translate("FirstRunOffice", u"Ch\u01b0a c\u00f3 c\u01a1 s\u1edf d\u1eef li\u1ec7u. H\u00e3y nh\u1eadp t\u00ean c\u01a1 quan v\u00e0 \u0111\u1ecba danh d\u00f9ng tr\u00ean v\u0103n b\u1ea3n; c\u00f3 th\u1ec3 s\u1eeda l\u1ea1i sau trong Qu\u1ea3n tr\u1ecb \u203a Thi\u1ebft l\u1eadp.", None))
        self.server_hint.setText(QCoreApplication.translate("FirstRunOffice", u"C\u01a1 quan \u0111\u00e3 c\u00f3 m\u00e1y ch\u1ee7 d\u00f9ng chung?", None))
#if QT_CONFIG(tooltip)
        self.server_button.setToolTip(QCoreApplication.translate("FirstRunOffice", u"K\u1ebft n\u1ed1i c\u01a1 s\u1edf d\u1eef li\u1ec7u c\u1ee7a c\u01a1 quan tr\u00ean m\u00e1y ch\u1ee7 PostgreSQL thay v\u00ec t\u1ea1o t\u1ec7p tr\u00ean m\u00e1y n\u00e0y", None))
#endif // QT_CONFIG(tooltip)
        self.server_button.setText(QCoreApplication.translate("FirstRunOffice", u"C\u01a1 s\u1edf d\u1eef li\u1ec7u d\u00f9ng chung tr\u00ean m\u00e1y ch\u1ee7\u2026", None))
        self.restore_hint.setText(QCoreApplication.translate("FirstRunOffice", u"Chuy\u1ec3n sang m\u00e1y m\u1edbi, c\u00f3 b\u1ea3n sao l\u01b0u t\u1eeb m\u00e1y c\u0169?", None))
#if QT_CONFIG(tooltip)
        self.restore_button.setToolTip(QCoreApplication.translate("FirstRunOffice", u"Kh\u00f4i ph\u1ee5c c\u01a1 s\u1edf d\u1eef li\u1ec7u t\u1eeb b\u1ea3n sao l\u01b0u (.bvctbak) ch\u00e9p t\u1eeb m\u00e1y c\u0169 thay v\u00ec t\u1ea1o c\u01a1 s\u1edf d\u1eef li\u1ec7u m\u1edbi", None))
#endif // QT_CONFIG(tooltip)
        self.restore_button.setText(QCoreApplication.translate("FirstRunOffice", u"Kh\u00f4i ph\u1ee5c t\u1eeb b\u1ea3n sao l\u01b0u\u2026", None))
        self.where.setText(QCoreApplication.translate("FirstRunOffice", u"C\u01a1 s\u1edf d\u1eef li\u1ec7u s\u1ebd \u0111\u01b0\u1ee3c t\u1ea1o t\u1ea1i:\n"
"{path}", None))
#if QT_CONFIG(tooltip)
        self.other_button.setToolTip(QCoreApplication.translate("FirstRunOffice", u"D\u00f9ng m\u1ed9t c\u01a1 s\u1edf d\u1eef li\u1ec7u \u0111\u00e3 c\u00f3 (v\u00ed d\u1ee5 ch\u00e9p t\u1eeb m\u00e1y kh\u00e1c)", None))
#endif // QT_CONFIG(tooltip)
        self.other_button.setText(QCoreApplication.translate("FirstRunOffice", u"M\u1edf c\u01a1 s\u1edf d\u1eef li\u1ec7u kh\u00e1c\u2026", None))
    # retranslateUi
