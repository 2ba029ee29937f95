# Generated from ui/main_window.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/main_window.ui), then run: python ui/compile.py

from ..qt import (
    QAction,
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMenuBar,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)
from ..navigation import Navigation

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1200, 760)
        self.lock_action = QAction(MainWindow)
        self.lock_action.setObjectName(u"lock_action")
        self.logout_action = QAction(MainWindow)
        self.logout_action.setObjectName(u"logout_action")
        self.quit_action = QAction(MainWindow)
        self.quit_action.setObjectName(u"quit_action")
        self.new_record_action = QAction(MainWindow)
        self.new_record_action.setObjectName(u"new_record_action")
        self.focus_search_action = QAction(MainWindow)
        self.focus_search_action.setObjectName(u"focus_search_action")
        self.import_excel_action = QAction(MainWindow)
        self.import_excel_action.setObjectName(u"import_excel_action")
        self.export_excel_action = QAction(MainWindow)
        self.export_excel_action.setObjectName(u"export_excel_action")
        self.print_list_action = QAction(MainWindow)
        self.print_list_action.setObjectName(u"print_list_action")
        self.refresh_action = QAction(MainWindow)
        self.refresh_action.setObjectName(u"refresh_action")
        self.about_action = QAction(MainWindow)
        self.about_action.setObjectName(u"about_action")
        self.body = QWidget(MainWindow)
        self.body.setObjectName(u"body")
        self.body_layout = QHBoxLayout(self.body)
        self.body_layout.setSpacing(0)
        self.body_layout.setObjectName(u"body_layout")
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.navigation = Navigation(self.body)
        self.navigation.setObjectName(u"navigation")

        self.body_layout.addWidget(self.navigation)

        self.page_layout = QVBoxLayout()
        self.page_layout.setSpacing(0)
        self.page_layout.setObjectName(u"page_layout")
        self.banner = QLabel(self.body)
        self.banner.setObjectName(u"banner")
        self.banner.setProperty(u"look", u"banner")
        self.banner.setWordWrap(True)

        self.page_layout.addWidget(self.banner)

        self.stack = QStackedWidget(self.body)
        self.stack.setObjectName(u"stack")

        self.page_layout.addWidget(self.stack)

        self.page_layout.setStretch(1, 1)

        self.body_layout.addLayout(self.page_layout)

        self.body_layout.setStretch(1, 1)
        MainWindow.setCentralWidget(self.body)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.file_menu = QMenu(self.menubar)
        self.file_menu.setObjectName(u"file_menu")
        self.record_menu = QMenu(self.menubar)
        self.record_menu.setObjectName(u"record_menu")
        self.record_menu.setToolTipsVisible(True)
        self.help_menu = QMenu(self.menubar)
        self.help_menu.setObjectName(u"help_menu")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.file_menu.menuAction())
        self.menubar.addAction(self.record_menu.menuAction())
        self.menubar.addAction(self.help_menu.menuAction())
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addAction(self.logout_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.record_menu.addAction(self.new_record_action)
        self.record_menu.addAction(self.focus_search_action)
        self.record_menu.addAction(self.import_excel_action)
        self.record_menu.addAction(self.export_excel_action)
        self.record_menu.addAction(self.print_list_action)
        self.record_menu.addAction(self.refresh_action)
        self.help_menu.addAction(self.about_action)

        self.retranslateUi(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"BVCT Desktop", None))
        self.lock_action.setText(QCoreApplication.translate("MainWindow", u"Kh\u00f3a ch\u01b0\u01a1ng tr\u00ecnh", None))
#if QT_CONFIG(shortcut)
        self.lock_action.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+L", None))
#endif // QT_CONFIG(shortcut)
        self.logout_action.setText(QCoreApplication.translate("MainWindow", u"\u0110\u0103ng xu\u1ea5t", None))
        self.quit_action.setText(QCoreApplication.translate("MainWindow", u"Tho\u00e1t", None))
#if QT_CONFIG(shortcut)
        self.quit_action.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.new_record_action.setText(QCoreApplication.translate("MainWindow", u"Th\u00eam m\u1edbi", None))
#if QT_CONFIG(shortcut)
        self.new_record_action.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+N", None))
#endif // QT_CONFIG(shortcut)
        self.focus_search_action.setText(QCoreApplication.translate("MainWindow", u"T\u00ecm ki\u1ebfm", None))
#if QT_CONFIG(shortcut)
        self.focus_search_action.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+F", None))
#endif // QT_CONFIG(shortcut)
        self.import_excel_action.setText(QCoreApplication.translate("MainWindow", u"Nh\u1eadp t\u1eeb Excel\u2026", None))
        self.export_excel_action.setText(QCoreApplication.translate("MainWindow", u"Xu\u1ea5t Excel\u2026", None))
#if QT_CONFIG(shortcut)
        self.export_excel_action.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+E", None))
#endif // QT_CONFIG(shortcut)
        self.print_list_action.setText(QCoreApplication.translate("MainWindow", u"In\u2026", None))
#if QT_CONFIG(shortcut)
        self.print_list_action.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+P", None))
#endif // QT_CONFIG(shortcut)
        self.refresh_action.setText(QCoreApplication.translate("MainWindow", u"L\u00e0m m\u1edbi", None))
#if QT_CONFIG(shortcut)
        self.refresh_action.setShortcut(QCoreApplication.translate("MainWindow", u"F5", None))
#endif // QT_CONFIG(shortcut)
        self.about_action.setText(QCoreApplication.translate("MainWindow", u"Gi\u1edbi thi\u1ec7u", None))
        self.banner.setText(QCoreApplication.translate("MainWindow", u"C\u01a1 s\u1edf d\u1eef li\u1ec7u n\u00e0y \u0111ang \u0111\u01b0\u1ee3c m\u1edf \u1edf m\u1ed9t c\u1eeda s\u1ed5 BVCT Desktop kh\u00e1c. C\u1eeda s\u1ed5 n\u00e0y \u1edf ch\u1ebf \u0111\u1ed9 CH\u1ec8 \u0110\u1eccC: xem v\u00e0 t\u00ecm ki\u1ebfm \u0111\u01b0\u1ee3c, kh\u00f4ng th\u00eam, s\u1eeda, x\u00f3a hay nh\u1eadp d\u1eef li\u1ec7u.", None))
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", u"&T\u1ec7p", None))
        self.record_menu.setTitle(QCoreApplication.translate("MainWindow", u"&H\u1ed3 s\u01a1", None))
        self.help_menu.setTitle(QCoreApplication.translate("MainWindow", u"Tr\u1ee3 &gi\u00fap", None))
    # retranslateUi
