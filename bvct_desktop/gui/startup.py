"""The first run: the office's name and place, the administrator account, then the recovery
key shown once — kept (copied or saved) and confirmed before the program opens. Each page's
layout is a Designer form: ui/first_run_office.ui, first_run_admin.ui, first_run_recovery.ui."""

from pathlib import Path

from ..core import passwords, settings, vault
from ..core.database import Clock, Database, system_clock
from ..core.errors import BvctError, InputError
from ..core.files import atomic_output
from . import printing
from .designer.ui_first_run_admin import Ui_FirstRunAdmin
from .designer.ui_first_run_office import Ui_FirstRunOffice
from .designer.ui_first_run_recovery import Ui_FirstRunRecovery
from .dialogs import DATABASE_FILTER, Dialogs
from .icons import icon
from .look import wait_cursor
from .qt import QApplication, QLineEdit, QWizard, QWizardPage
from .workers import wait_for

OFFICE_KEYS = ("co_quan_cap_tren", "co_quan", "dia_danh")
OPEN_OTHER = 2  # the wizard's result when the officer chose an existing database instead


class FirstRunWizard(QWizard):
    """Accepted with `database` open as the new administrator; or done(OPEN_OTHER) with `other_path`."""

    def __init__(self, path: Path, dialogs: Dialogs, clock: Clock | None = None, parent=None):
        """`clock` None is the system clock."""
        super().__init__(parent)
        self.path = Path(path)
        self.dialogs, self.clock = dialogs, clock or system_clock
        self.database: Database | None = None
        self.recovery_key = ""
        self.other_path: Path | None = None
        self.setWindowTitle("Thiết lập lần đầu – BVCT Desktop")
        self.setWindowIcon(icon("app"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "Tạo cơ sở dữ liệu")
        self.setMinimumSize(640, 460)
        self.office = OfficePage(self)
        self.admin = AdminPage(self)
        self.recovery = RecoveryPage(self)
        for page in (self.office, self.admin, self.recovery):
            self.addPage(page)

    def open_other(self) -> None:
        chosen = self.dialogs.open_file(self, "Mở cơ sở dữ liệu khác", DATABASE_FILTER)
        if chosen:
            self.other_path = Path(chosen)
            self.done(OPEN_OTHER)

    def reject(self) -> None:
        # Once the database exists the recovery key must be confirmed as kept: it is never shown again.
        if self.database is None:
            super().reject()


class OfficePage(QWizardPage, Ui_FirstRunOffice):
    def __init__(self, wizard: FirstRunWizard):
        super().__init__()
        # The rows follow the settings' declarations; made before the form's widgets, they come first
        # in the tab order and take the focus when the page opens.
        self.fields = {key: QLineEdit(settings.BY_KEY[key].default, self) for key in OFFICE_KEYS}
        self.setupUi(self)
        for key, field in self.fields.items():
            self.form.addRow(f"{settings.BY_KEY[key].label}:", field)
        self.where.setText(self.where.text().format(path=wizard.path))
        self.other_button.clicked.connect(wizard.open_other)

    def values(self) -> dict[str, str]:
        return {key: field.text() for key, field in self.fields.items()}

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        try:
            for key, value in self.values().items():
                if not value.strip():
                    raise InputError(f"«{settings.BY_KEY[key].label}» không được để trống.")
                settings.validated(key, value)
        except BvctError as problem:
            self.error.show_message(problem.message)
            return False
        self.error.clear()
        return True


class NewPasswordPage(QWizardPage):
    """A wizard's commit page where a user's name and new password are typed twice (its form has
    `name`, `password`, `again`, `hint` and `error`): the password rules said as the officer types."""

    def __init__(self, wizard: QWizard):
        super().__init__()
        self._wizard = wizard
        self.setupUi(self)
        self.setSubTitle(self.subTitle().format(min_length=passwords.MIN_LENGTH))
        self.setCommitPage(True)
        for field in (self.name, self.password):
            field.textChanged.connect(self._update_hint)

    def _update_hint(self) -> None:
        if not self.password.text():
            self.hint.clear()
            return
        try:
            passwords.check(self.name.text().strip(), self.password.text())
        except BvctError as weak:
            self.hint.show_message(weak.message)
            return
        self.hint.show_message("Mật khẩu đạt yêu cầu.", error=False)

    def typed_twice(self) -> bool:
        """The two passwords typed agree; says so on the page when not."""
        if self.password.text() != self.again.text():
            self.error.show_message("Hai lần nhập mật khẩu không khớp.")
            return False
        return True


class AdminPage(NewPasswordPage, Ui_FirstRunAdmin):
    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        """Creates the database (the commit point), stores the office settings and logs in."""
        wizard = self._wizard
        if not self.typed_twice():
            return False
        name, password, office = self.name.text().strip(), self.password.text(), wizard.office.values()

        def create() -> tuple[str, Database]:  # three key derivations: seconds, on a worker
            wizard.path.parent.mkdir(parents=True, exist_ok=True)
            recovery = vault.create(wizard.path, name, password, clock=wizard.clock)
            database = vault.unlock(wizard.path, name, password, wizard.clock)
            for key, value in office.items():
                if settings.validated(key, value) != settings.BY_KEY[key].default:
                    settings.set_setting(database, key, value)
            return recovery, database

        self.error.show_message("Đang tạo cơ sở dữ liệu mã hóa…", error=False)
        try:
            with wait_cursor():
                recovery, database = wait_for(create)
        except OSError as error:
            self.error.show_message(f"Không tạo được thư mục «{wizard.path.parent}» ({error.strerror}).")
            return False
        except BvctError as refused:
            self.error.show_message(refused.message)
            return False
        self.error.clear()
        wizard.database, wizard.recovery_key = database, recovery
        return True


class RecoveryPage(QWizardPage, Ui_FirstRunRecovery):
    def __init__(self, wizard: FirstRunWizard):
        super().__init__()
        self._wizard = wizard
        self.setupUi(self)
        self.copy_button.clicked.connect(self.copy_key)
        self.save_button.clicked.connect(self.save_key)
        self.print_button.clicked.connect(self.print_key)
        self.kept.toggled.connect(self.completeChanged)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.key.setText(self._wizard.recovery_key)
        self._wizard.setOption(QWizard.WizardOption.NoCancelButton, True)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.kept.isChecked()

    def copy_key(self) -> None:
        QApplication.clipboard().setText(self.key.text())
        self.status.show_message("Đã chép khóa khôi phục vào bộ nhớ tạm; hãy dán vào nơi cất giữ.", error=False)

    def save_key(self) -> None:
        chosen = self._wizard.dialogs.save_file(self, "Lưu khóa khôi phục", "khoa-khoi-phuc-bvct.txt",
                                                "Tệp văn bản (*.txt)")
        if not chosen:
            return
        text = (f"KHÓA KHÔI PHỤC BVCT DESKTOP\nCơ sở dữ liệu: {self._wizard.path}\n\n{self.key.text()}\n\n"
                "Cất giữ tệp này an toàn, tách khỏi máy tính; ai có khóa này mở được cơ sở dữ liệu.\n")
        try:
            with atomic_output(Path(chosen)) as temp:
                temp.write_text(text, encoding="utf-8")
        except BvctError as failed:
            self.status.show_message(failed.message)
            return
        self.status.show_message(f"Đã lưu khóa khôi phục vào «{chosen}».", error=False)

    def print_key(self) -> None:
        """The printable sheet (marked MẬT), previewed; printed or kept as a PDF from there."""
        wizard = self._wizard
        self.preview = printing.print_recovery_key(wizard, wizard.dialogs, settings.list_settings(wizard.database),
                                                   self.key.text(), wizard.path, wizard.clock().date())
