# Generated from ui/first_run_admin.ui by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/first_run_admin.ui), then run: python ui/compile.py

from ..qt import (
    QCoreApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
)
from ..look import ErrorLabel

class Ui_FirstRunAdmin(object):
    def setupUi(self, FirstRunAdmin):
        if not FirstRunAdmin.objectName():
            FirstRunAdmin.setObjectName(u"FirstRunAdmin")
        self.admin_layout = QVBoxLayout(FirstRunAdmin)
        self.admin_layout.setObjectName(u"admin_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.name_label = QLabel(FirstRunAdmin)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(FirstRunAdmin)
        self.name.setObjectName(u"name")
        self.name.setText(u"quantri")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.password_label = QLabel(FirstRunAdmin)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(FirstRunAdmin)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)

        self.again_label = QLabel(FirstRunAdmin)
        self.again_label.setObjectName(u"again_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.again_label)

        self.again = QLineEdit(FirstRunAdmin)
        self.again.setObjectName(u"again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.again)

        self.hint = ErrorLabel(FirstRunAdmin)
        self.hint.setObjectName(u"hint")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.hint)


        self.admin_layout.addLayout(self.form)

        self.admin_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.admin_layout.addItem(self.admin_spacer)

        self.error = ErrorLabel(FirstRunAdmin)
        self.error.setObjectName(u"error")

        self.admin_layout.addWidget(self.error)

        self.admin_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.password_label.setBuddy(self.password)
        self.again_label.setBuddy(self.again)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FirstRunAdmin)
    # setupUi

    def retranslateUi(self, FirstRunAdmin):
        FirstRunAdmin.setTitle(QCoreApplication.translate("FirstRunAdmin", u"T\u00e0i kho\u1ea3n qu\u1ea3n tr\u1ecb vi\u00ean", None))
        FirstRunAdmin.setSubTitle(QCoreApplication.translate("FirstRunAdmin", u"Qu\u1ea3n tr\u1ecb vi\u00ean th\u00eam ng\u01b0\u1eddi d\u00f9ng, ph\u00e2n quy\u1ec1n v\u00e0 sao l\u01b0u. M\u1eadt kh\u1ea9u c\u1ea7n \u00edt nh\u1ea5t {min_length} k\u00fd t\u1ef1, kh\u00f4ng tr\u00f9ng t\u00ean \u0111\u0103ng nh\u1eadp, kh\u00f4ng ph\u1ea3i m\u1eadt kh\u1ea9u ph\u1ed5 bi\u1ebfn.", None))
        self.name_label.setText(QCoreApplication.translate("FirstRunAdmin", u"T\u00ean ng\u01b0\u1eddi d\u00f9ng:", None))
        self.password_label.setText(QCoreApplication.translate("FirstRunAdmin", u"M\u1eadt kh\u1ea9u:", None))
        self.again_label.setText(QCoreApplication.translate("FirstRunAdmin", u"Nh\u1eadp l\u1ea1i m\u1eadt kh\u1ea9u:", None))
    # retranslateUi
