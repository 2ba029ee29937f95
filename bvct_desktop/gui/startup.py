"""The first run: the office's name and place, the administrator account, then the recovery
key shown once — kept (copied or saved) and confirmed before the program opens. Or the office's
shared database on its server: the address, the office CA, the officer's login, tested and
remembered for the next start. Or, on a new PC, the backup of the old one restored (startup_restore).
Each page's layout is a Designer form: ui/first_run_office.ui, first_run_admin.ui,
first_run_recovery.ui, first_run_server.ui."""

from pathlib import Path

from .. import paths
from ..core import address, passwords, settings, user_names, vault
from ..core.database import Clock, Database, system_clock
from ..core.errors import BvctError, InputError, os_reason
from ..core.files import output
from . import printing
from .caps_lock import CapsLockWatch
from .designer.ui_first_run_admin import Ui_FirstRunAdmin
from .designer.ui_first_run_office import Ui_FirstRunOffice
from .designer.ui_first_run_recovery import Ui_FirstRunRecovery
from .designer.ui_first_run_server import Ui_FirstRunServer
from .dialogs import DATABASE_FILTER, Dialogs
from .icons import icon
from .look import wait_cursor
from .qt import QLineEdit, QWizard, QWizardPage
from .startup_restore import RestorePage, attempted
from .wizard_pages import said_on_pages
from .workers import wait_for

OFFICE_KEYS = ("co_quan_cap_tren", "co_quan", "dia_danh")
OPEN_OTHER = 2  # the wizard's result when the officer chose an existing database instead
OFFICE, ADMIN, RECOVERY, SERVER, RESTORE = range(5)  # the pages' ids
CA_FILTER = "Chứng chỉ CA (*.crt *.pem *.cer);;Mọi tệp (*)"


class FirstRunWizard(QWizard):
    """Accepted with `database` open — a new file as its administrator, or the office server as the
    officer who logged in — or, a backup restored, without it and with `restored_by`, who logs in next
    (or `restored_with_key`, the recovery key it was restored with, to set the password with);
    or done(OPEN_OTHER) with `other_path`."""

    def __init__(self, path: Path, dialogs: Dialogs, clock: Clock | None = None, parent=None):
        """`clock` None is the system clock."""
        super().__init__(parent)
        self.path = Path(path)
        self.dialogs, self.clock = dialogs, clock or system_clock
        self.database: Database | None = None
        self.recovery_key = ""
        self.other_path: Path | None = None
        self.restored_by = ""
        self.restored_with_key = ""
        self.way = ADMIN  # the page the first one leads to: the officer's choice there (until back there)
        self.setWindowTitle("Thiết lập lần đầu – BVCT Desktop")
        self.setWindowIcon(icon("app"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.CommitButton, "Tạo cơ sở dữ liệu")
        self.setMinimumSize(640, 460)
        self.office = OfficePage(self)
        self.admin = AdminPage(self)
        self.recovery = RecoveryPage(self)
        self.server = ServerPage(self)
        self.restore = RestorePage(self)
        for page_id, page in enumerate((self.office, self.admin, self.recovery, self.server, self.restore)):
            self.setPage(page_id, page)
        said_on_pages(self)
        self.currentIdChanged.connect(self._page_shown)

    def go(self, way: int) -> None:
        """On from the first page to `way` (SERVER, RESTORE) instead of creating a file."""
        self.way = way
        self.next()

    def _page_shown(self, page_id: int) -> None:
        if page_id == OFFICE:  # back from another way: creating a file is the way forward again
            self.way = ADMIN

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
        self.server_button.clicked.connect(lambda: wizard.go(SERVER))
        self.restore_button.clicked.connect(lambda: wizard.go(RESTORE))
        self._wizard = wizard

    def values(self) -> dict[str, str]:
        return {key: field.text() for key, field in self.fields.items()}

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return self._wizard.way

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if self._wizard.way != ADMIN:
            return True  # the server's database, or the backup, has its office settings already
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
        self.caps_lock = CapsLockWatch(self.password, self.again)
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
        try:
            name = user_names.checked(self.name.text())  # as stored: the login that follows uses it
        except BvctError as refused:
            self.error.show_message(refused.message)
            return False
        if not self.typed_twice():
            return False
        password, office = self.password.text(), wizard.office.values()

        def create() -> tuple[str, Database]:  # three key derivations: seconds, on a worker
            recovery = vault.create(wizard.path, name, password, clock=wizard.clock)
            database = vault.unlock(wizard.path, name, password, wizard.clock)
            for key, value in office.items():  # a value left as the default is not written again
                settings.set_setting(database, key, value)
            return recovery, database

        self.error.show_message("Đang tạo cơ sở dữ liệu mã hóa…", error=False)
        try:
            with wait_cursor():
                recovery, database = wait_for(create)
        except OSError as error:
            self.error.show_message(f"Không tạo được thư mục «{wizard.path.parent}» ({os_reason(error)}).")
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
        self.save_button.clicked.connect(self.save_key)
        self.print_button.clicked.connect(self.print_key)
        self.kept.toggled.connect(self.completeChanged)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.key.setText(self._wizard.recovery_key)
        self.print_button.setEnabled(self._wizard.database is not None)  # the sheet names the office
        self._wizard.setOption(QWizard.WizardOption.NoCancelButton, True)
        self._wizard.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return -1

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.kept.isChecked()

    def save_key(self) -> None:
        """To a USB stick stored apart; the key on the first line, where `--recovery-key-file` reads it."""
        chosen = self._wizard.dialogs.save_file(self, "Lưu khóa khôi phục vào ổ USB", "khoa-khoi-phuc-bvct.txt",
                                                "Tệp văn bản (*.txt)")
        if not chosen:
            return
        text = (f"{self.key.text()}\n\nKhóa khôi phục BVCT Desktop của cơ sở dữ liệu: {self._wizard.path}\n"
                "Chỉ giữ tệp này trên ổ USB cất riêng, tách khỏi máy tính, không chép vào máy tính; "
                "ai có khóa này mở được cơ sở dữ liệu.\n")
        try:
            with output(Path(chosen)) as temp:
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


class ServerPage(QWizardPage, Ui_FirstRunServer):
    """The office server: where it is, the office CA (or, warned, an unverified closed LAN), and the
    officer's own login; the connection is tested (and the officer logged in) before it is remembered.
    Its wizard gives `dialogs` and `clock` and takes the `database` opened."""

    def __init__(self, wizard: "FirstRunWizard | ServerWizard"):
        super().__init__()
        self._wizard = wizard
        self.setupUi(self)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Kết nối")
        self.caps_lock = CapsLockWatch(self.password)
        self.insecure_warning.setText(address.INSECURE_WARNING)
        self.insecure_warning.hide()
        self.insecure.toggled.connect(self._insecure_chosen)
        self.ca_button.clicked.connect(self.choose_ca)

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return -1

    def cleanupPage(self) -> None:  # noqa: N802 - Qt's name
        self.error.clear()

    def show_address(self, where: address.ServerAddress, user: str) -> None:
        """Fills the page with the server in use (to correct its address or certificate)."""
        self.host.setText(where.host)
        self.port.setValue(int(where.port))
        self.dbname.setText(where.dbname)
        self.ca_file.setText(where.params.get("sslrootcert", ""))
        self.insecure.setChecked(where.insecure)
        self.user.setText(user)

    def _insecure_chosen(self, insecure: bool) -> None:
        self.insecure_warning.setVisible(insecure)
        for widget in (self.ca_file, self.ca_button):
            widget.setEnabled(not insecure)

    def choose_ca(self) -> None:
        chosen = self._wizard.dialogs.open_file(self, "Chứng chỉ CA của cơ quan", CA_FILTER)
        if chosen:
            self.ca_file.setText(chosen)

    def choice(self) -> paths.Choice:
        """The address typed, as it is remembered (checked by `validatePage`)."""
        insecure = self.insecure.isChecked()
        url = address.server_url(self.host.text().strip(), self.port.value(), self.dbname.text().strip(),
                                 None if insecure else self.ca_file.text().strip())
        return paths.Choice(url, insecure)

    def _missing(self) -> str | None:
        """What the officer left out, said as the page's labels say it."""
        if not self.host.text().strip():
            return "Nhập tên hoặc địa chỉ IP của máy chủ."
        if not self.dbname.text().strip():
            return "Nhập tên cơ sở dữ liệu trên máy chủ."
        ca_file = self.ca_file.text().strip()
        if not self.insecure.isChecked() and not ca_file:
            return ("Chọn tệp chứng chỉ CA của cơ quan (quản trị viên chép sang), hoặc — chỉ trong mạng nội bộ khép "
                    "kín chưa có chứng chỉ — chọn «Mạng nội bộ không xác thực chứng chỉ».")
        if not self.insecure.isChecked() and not Path(ca_file).is_file():
            return f"Không tìm thấy tệp chứng chỉ «{ca_file}»."
        if not self.user.text().strip() or not self.password.text():
            return "Nhập tên đăng nhập và mật khẩu của bạn."
        return None

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        """Connects and logs in (the server checks the password), then remembers the server."""
        wizard = self._wizard
        missing = self._missing()
        if missing:
            self.error.show_message(missing)
            return False
        choice, user, password = self.choice(), self.user.text().strip(), self.password.text()
        database = attempted(self, "Đang kết nối máy chủ…", lambda: vault.unlock(
            address.parse(choice.text, choice.insecure_lan), user, password, wizard.clock))
        if database is None:
            return False
        try:
            paths.remember(choice)
        except OSError as error:
            database.close()
            self.error.show_message(f"Không ghi được lựa chọn máy chủ vào «{paths.data_folder()}» "
                                    f"({os_reason(error)}).")
            return False
        self.error.clear()
        wizard.database = database
        return True


class ServerWizard(QWizard):
    """The office server chosen from the login window — another server, a corrected address or
    certificate, or a PC that worked on a file moving to the server: accepted with `database` open."""

    def __init__(self, dialogs: Dialogs, clock: Clock | None = None, parent=None):
        """`clock` None is the system clock."""
        super().__init__(parent)
        self.dialogs, self.clock = dialogs, clock or system_clock
        self.database: Database | None = None
        self.setWindowTitle("Máy chủ dùng chung – BVCT Desktop")
        self.setWindowIcon(icon("app"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(640, 460)
        self.server = ServerPage(self)
        self.addPage(self.server)
        said_on_pages(self)
