# Generated from ui/first_run_server.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/first_run_server.ui), then run: python ui/compile.py

from ..qt import (
    QCheckBox,
    QCoreApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from ..look import ErrorLabel

class Ui_FirstRunServer(object):
    def setupUi(self, FirstRunServer):
        if not FirstRunServer.objectName():
            FirstRunServer.setObjectName(u"FirstRunServer")
        self.server_layout = QVBoxLayout(FirstRunServer)
        self.server_layout.setObjectName(u"server_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.host_label = QLabel(FirstRunServer)
        self.host_label.setObjectName(u"host_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.host_label)

        self.host = QLineEdit(FirstRunServer)
        self.host.setObjectName(u"host")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.host)

        self.port_label = QLabel(FirstRunServer)
        self.port_label.setObjectName(u"port_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.port_label)

        self.port = QSpinBox(FirstRunServer)
        self.port.setObjectName(u"port")
        self.port.setMinimum(1)
        self.port.setMaximum(65535)
        self.port.setValue(5432)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.port)

        self.dbname_label = QLabel(FirstRunServer)
        self.dbname_label.setObjectName(u"dbname_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dbname_label)

        self.dbname = QLineEdit(FirstRunServer)
        self.dbname.setObjectName(u"dbname")
        self.dbname.setText(u"bvct")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dbname)

        self.ca_label = QLabel(FirstRunServer)
        self.ca_label.setObjectName(u"ca_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ca_label)

        self.ca_row = QHBoxLayout()
        self.ca_row.setObjectName(u"ca_row")
        self.ca_file = QLineEdit(FirstRunServer)
        self.ca_file.setObjectName(u"ca_file")

        self.ca_row.addWidget(self.ca_file)

        self.ca_button = QPushButton(FirstRunServer)
        self.ca_button.setObjectName(u"ca_button")

        self.ca_row.addWidget(self.ca_button)

        self.ca_row.setStretch(0, 1)

        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.ca_row)

        self.insecure = QCheckBox(FirstRunServer)
        self.insecure.setObjectName(u"insecure")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.insecure)

        self.insecure_warning = QLabel(FirstRunServer)
        self.insecure_warning.setObjectName(u"insecure_warning")
        self.insecure_warning.setWordWrap(True)
        self.insecure_warning.setProperty(u"look", u"banner")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.insecure_warning)

        self.user_label = QLabel(FirstRunServer)
        self.user_label.setObjectName(u"user_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.user_label)

        self.user = QLineEdit(FirstRunServer)
        self.user.setObjectName(u"user")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.user)

        self.password_label = QLabel(FirstRunServer)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(FirstRunServer)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.password)


        self.server_layout.addLayout(self.form)

        self.server_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.server_layout.addItem(self.server_spacer)

        self.error = ErrorLabel(FirstRunServer)
        self.error.setObjectName(u"error")

        self.server_layout.addWidget(self.error)

        self.server_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.host_label.setBuddy(self.host)
        self.port_label.setBuddy(self.port)
        self.dbname_label.setBuddy(self.dbname)
        self.ca_label.setBuddy(self.ca_file)
        self.user_label.setBuddy(self.user)
        self.password_label.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.host, self.port)
        QWidget.setTabOrder(self.port, self.dbname)
        QWidget.setTabOrder(self.dbname, self.ca_file)
        QWidget.setTabOrder(self.ca_file, self.ca_button)
        QWidget.setTabOrder(self.ca_button, self.insecure)
        QWidget.setTabOrder(self.insecure, self.user)
        QWidget.setTabOrder(self.user, self.password)

        self.retranslateUi(FirstRunServer)
    # setupUi

    def retranslateUi(self, FirstRunServer):
        FirstRunServer.setTitle(QCoreApplication.translate("FirstRunServer", u"C\u01a1 s\u1edf d\u1eef li\u1ec7u d\u00f9ng chung tr\u00ean m\u00e1y ch\u1ee7", None))
        FirstRunServer.setSubTitle(QCoreApplication.translate("FirstRunServer", u"M\u00e1y ch\u1ee7 trong m\u1ea1ng n\u1ed9i b\u1ed9, \u0111\u00e3 \u0111\u01b0\u1ee3c qu\u1ea3n tr\u1ecb vi\u00ean kh\u1edfi t\u1ea1o (bvct init). Qu\u1ea3n tr\u1ecb vi\u00ean cho bi\u1ebft \u0111\u1ecba ch\u1ec9, t\u1ec7p ch\u1ee9ng ch\u1ec9 CA v\u00e0 t\u00e0i kho\u1ea3n c\u1ee7a b\u1ea1n.", None))
        self.host_label.setText(QCoreApplication.translate("FirstRunServer", u"M\u00e1y ch\u1ee7:", None))
        self.host.setPlaceholderText(QCoreApplication.translate("FirstRunServer", u"t\u00ean ho\u1eb7c \u0111\u1ecba ch\u1ec9 IP, v\u00ed d\u1ee5 10.0.0.5", None))
        self.port_label.setText(QCoreApplication.translate("FirstRunServer", u"C\u1ed5ng:", None))
        self.dbname_label.setText(QCoreApplication.translate("FirstRunServer", u"T\u00ean c\u01a1 s\u1edf d\u1eef li\u1ec7u:", None))
        self.ca_label.setText(QCoreApplication.translate("FirstRunServer", u"Ch\u1ee9ng ch\u1ec9 CA c\u1ee7a c\u01a1 quan:", None))
        self.ca_file.setPlaceholderText(QCoreApplication.translate("FirstRunServer", u"t\u1ec7p .crt do qu\u1ea3n tr\u1ecb vi\u00ean ch\u00e9p sang, v\u00ed d\u1ee5 C:\\BVCT\\ca.crt", None))
        self.ca_button.setText(QCoreApplication.translate("FirstRunServer", u"Ch\u1ecdn t\u1ec7p\u2026", None))
        self.insecure.setText(QCoreApplication.translate("FirstRunServer", u"M\u1ea1ng n\u1ed9i b\u1ed9 kh\u00f4ng x\u00e1c th\u1ef1c ch\u1ee9ng ch\u1ec9 (kh\u00f4ng an to\u00e0n)", None))
        self.user_label.setText(QCoreApplication.translate("FirstRunServer", u"T\u00ean ng\u01b0\u1eddi d\u00f9ng:", None))
        self.password_label.setText(QCoreApplication.translate("FirstRunServer", u"M\u1eadt kh\u1ea9u:", None))
    # retranslateUi
