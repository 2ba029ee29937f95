# Generated from ui/admin_users.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/admin_users.ui), then run: python ui/compile.py

from ..qt import (
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ..look import ErrorLabel

class Ui_UsersPage(object):
    def setupUi(self, UsersPage):
        if not UsersPage.objectName():
            UsersPage.setObjectName(u"UsersPage")
        self.users_layout = QVBoxLayout(UsersPage)
        self.users_layout.setObjectName(u"users_layout")
        self.heading = QWidget(UsersPage)
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
        self.page_subtitle.setText(u"(vai tr\u00f2 v\u00e0 quy\u1ec1n: l\u1ea5y t\u1eeb b\u1ea3ng ph\u00e2n quy\u1ec1n khi m\u1edf trang)")
        self.page_subtitle.setWordWrap(True)
        self.page_subtitle.setProperty(u"look", u"pageSubtitle")

        self.heading_layout.addWidget(self.page_subtitle)


        self.users_layout.addWidget(self.heading)

        self.table = QTableWidget(UsersPage)
        if (self.table.columnCount() < 4):
            self.table.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)

        self.users_layout.addWidget(self.table)

        self.editing = QWidget(UsersPage)
        self.editing.setObjectName(u"editing")
        self.editing_layout = QVBoxLayout(self.editing)
        self.editing_layout.setObjectName(u"editing_layout")
        self.editing_layout.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.name_label = QLabel(self.editing)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.names = QHBoxLayout()
        self.names.setObjectName(u"names")
        self.name = QLineEdit(self.editing)
        self.name.setObjectName(u"name")

        self.names.addWidget(self.name)

        self.full_name_label = QLabel(self.editing)
        self.full_name_label.setObjectName(u"full_name_label")

        self.names.addWidget(self.full_name_label)

        self.full_name = QLineEdit(self.editing)
        self.full_name.setObjectName(u"full_name")

        self.names.addWidget(self.full_name)

        self.names.setStretch(0, 1)
        self.names.setStretch(2, 2)

        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.names)

        self.role_label = QLabel(self.editing)
        self.role_label.setObjectName(u"role_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role = QComboBox(self.editing)
        self.role.setObjectName(u"role")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.role)

        self.password_label = QLabel(self.editing)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(self.editing)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password)

        self.again_label = QLabel(self.editing)
        self.again_label.setObjectName(u"again_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.again_label)

        self.again = QLineEdit(self.editing)
        self.again.setObjectName(u"again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.again)


        self.editing_layout.addLayout(self.form)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.add_button = QPushButton(self.editing)
        self.add_button.setObjectName(u"add_button")

        self.buttons.addWidget(self.add_button)

        self.role_button = QPushButton(self.editing)
        self.role_button.setObjectName(u"role_button")

        self.buttons.addWidget(self.role_button)

        self.full_name_button = QPushButton(self.editing)
        self.full_name_button.setObjectName(u"full_name_button")

        self.buttons.addWidget(self.full_name_button)

        self.reset_button = QPushButton(self.editing)
        self.reset_button.setObjectName(u"reset_button")

        self.buttons.addWidget(self.reset_button)

        self.disable_button = QPushButton(self.editing)
        self.disable_button.setObjectName(u"disable_button")

        self.buttons.addWidget(self.disable_button)

        self.enable_button = QPushButton(self.editing)
        self.enable_button.setObjectName(u"enable_button")

        self.buttons.addWidget(self.enable_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttons_spacer)

        self.buttons.setStretch(6, 1)

        self.editing_layout.addLayout(self.buttons)


        self.users_layout.addWidget(self.editing)

        self.message = ErrorLabel(UsersPage)
        self.message.setObjectName(u"message")

        self.users_layout.addWidget(self.message)

        self.users_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.full_name_label.setBuddy(self.full_name)
        self.role_label.setBuddy(self.role)
        self.password_label.setBuddy(self.password)
        self.again_label.setBuddy(self.again)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(UsersPage)
    # setupUi

    def retranslateUi(self, UsersPage):
        self.page_title.setText(QCoreApplication.translate("UsersPage", u"Ng\u01b0\u1eddi d\u00f9ng v\u00e0 vai tr\u00f2", None))
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("UsersPage", u"T\u00ean ng\u01b0\u1eddi d\u00f9ng", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("UsersPage", u"H\u1ecd v\u00e0 t\u00ean", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("UsersPage", u"Vai tr\u00f2", None))
        ___qtablewidgetitem3 = self.table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("UsersPage", u"Tr\u1ea1ng th\u00e1i", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("UsersPage", u"Ng\u01b0\u1eddi d\u00f9ng", None))
#endif // QT_CONFIG(accessibility)
        self.name_label.setText(QCoreApplication.translate("UsersPage", u"T\u00ean ng\u01b0\u1eddi d\u00f9ng:", None))
        self.full_name_label.setText(QCoreApplication.translate("UsersPage", u"H\u1ecd v\u00e0 t\u00ean:", None))
#if QT_CONFIG(tooltip)
        self.full_name.setToolTip(QCoreApplication.translate("UsersPage", u"H\u1ecd v\u00e0 t\u00ean in tr\u00ean v\u0103n b\u1ea3n thay cho t\u00ean ng\u01b0\u1eddi d\u00f9ng", None))
#endif // QT_CONFIG(tooltip)
        self.full_name.setPlaceholderText(QCoreApplication.translate("UsersPage", u"nh\u01b0 \u00abNguy\u1ec5n V\u0103n A\u00bb", None))
        self.role_label.setText(QCoreApplication.translate("UsersPage", u"Vai tr\u00f2:", None))
        self.password_label.setText(QCoreApplication.translate("UsersPage", u"M\u1eadt kh\u1ea9u m\u1edbi:", None))
        self.again_label.setText(QCoreApplication.translate("UsersPage", u"Nh\u1eadp l\u1ea1i m\u1eadt kh\u1ea9u:", None))
        self.add_button.setText(QCoreApplication.translate("UsersPage", u"Th\u00eam ng\u01b0\u1eddi d\u00f9ng", None))
        self.role_button.setText(QCoreApplication.translate("UsersPage", u"\u0110\u1ed5i vai tr\u00f2", None))
#if QT_CONFIG(tooltip)
        self.role_button.setToolTip(QCoreApplication.translate("UsersPage", u"\u0110\u1eb7t vai tr\u00f2 \u0111ang ch\u1ecdn \u1edf tr\u00ean cho ng\u01b0\u1eddi d\u00f9ng \u0111\u00e3 ch\u1ecdn (c\u00f3 hi\u1ec7u l\u1ef1c ngay, k\u1ec3 c\u1ea3 khi h\u1ecd \u0111ang m\u1edf ch\u01b0\u01a1ng tr\u00ecnh)", None))
#endif // QT_CONFIG(tooltip)
        self.full_name_button.setText(QCoreApplication.translate("UsersPage", u"L\u01b0u h\u1ecd v\u00e0 t\u00ean", None))
#if QT_CONFIG(tooltip)
        self.full_name_button.setToolTip(QCoreApplication.translate("UsersPage", u"Ghi h\u1ecd v\u00e0 t\u00ean nh\u1eadp \u1edf tr\u00ean cho ng\u01b0\u1eddi d\u00f9ng \u0111\u00e3 ch\u1ecdn (\u0111\u1ec3 tr\u1ed1ng: v\u0103n b\u1ea3n in t\u00ean ng\u01b0\u1eddi d\u00f9ng)", None))
#endif // QT_CONFIG(tooltip)
        self.reset_button.setText(QCoreApplication.translate("UsersPage", u"\u0110\u1eb7t l\u1ea1i m\u1eadt kh\u1ea9u", None))
        self.disable_button.setText(QCoreApplication.translate("UsersPage", u"Kh\u00f3a t\u00e0i kho\u1ea3n", None))
        self.enable_button.setText(QCoreApplication.translate("UsersPage", u"M\u1edf l\u1ea1i t\u00e0i kho\u1ea3n", None))
#if QT_CONFIG(tooltip)
        self.enable_button.setToolTip(QCoreApplication.translate("UsersPage", u"M\u1edf l\u1ea1i t\u00e0i kho\u1ea3n \u0111\u00e3 kh\u00f3a \u0111ang ch\u1ecdn v\u1edbi m\u1eadt kh\u1ea9u m\u1edbi nh\u1eadp \u1edf tr\u00ean; t\u00e0i kho\u1ea3n gi\u1eef vai tr\u00f2 c\u0169", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi
