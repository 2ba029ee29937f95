"""The first run: the office's name and place, the administrator account, then the recovery
key shown once — kept (copied or saved) and confirmed before the program opens."""

from pathlib import Path

from ..core import passwords, settings, vault
from ..core.database import Clock, Database, system_clock
from ..core.errors import BvctError, InputError
from ..core.files import atomic_output
from . import printing
from .dialogs import Dialogs
from .icons import icon
from .login import DATABASE_FILTER
from .look import ErrorLabel, styled, wait_cursor
from .qt import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

OFFICE_KEYS = ("co_quan_cap_tren", "co_quan", "dia_danh")
DEFAULT_ADMIN = "quantri"
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


class OfficePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard):
        super().__init__()
        self.setTitle("Chào mừng đến với BVCT Desktop")
        self.setSubTitle("Chưa có cơ sở dữ liệu. Hãy nhập tên cơ quan và địa danh dùng trên văn bản; "
                         "có thể sửa lại sau trong Quản trị › Thiết lập.")
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key in OFFICE_KEYS:
            setting = settings.BY_KEY[key]
            self.fields[key] = QLineEdit(setting.default)
            form.addRow(f"{setting.label}:", self.fields[key])
        where = QLabel(f"Cơ sở dữ liệu sẽ được tạo tại:\n{wizard.path}")
        where.setWordWrap(True)
        other = QPushButton("Mở cơ sở dữ liệu khác…")
        other.setToolTip("Dùng một cơ sở dữ liệu đã có (ví dụ chép từ máy khác)")
        other.clicked.connect(wizard.open_other)
        row = QHBoxLayout()
        row.addWidget(where, 1)
        row.addWidget(other)
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.error)

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


class AdminPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard):
        super().__init__()
        self._wizard = wizard
        self.setTitle("Tài khoản quản trị viên")
        self.setSubTitle("Quản trị viên thêm người dùng, phân quyền và sao lưu. Mật khẩu cần ít nhất "
                         f"{passwords.MIN_LENGTH} ký tự, không trùng tên đăng nhập, không phải mật khẩu phổ biến.")
        self.setCommitPage(True)
        self.name = QLineEdit(DEFAULT_ADMIN)
        self.password = QLineEdit()
        self.again = QLineEdit()
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = ErrorLabel()
        self.error = ErrorLabel()
        for field in (self.name, self.password):
            field.textChanged.connect(self._update_hint)
        form = QFormLayout()
        form.addRow("Tên đăng nhập:", self.name)
        form.addRow("Mật khẩu:", self.password)
        form.addRow("Nhập lại mật khẩu:", self.again)
        form.addRow("", self.hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.error)

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

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        """Creates the database (the commit point), stores the office settings and logs in."""
        wizard = self._wizard
        if self.password.text() != self.again.text():
            self.error.show_message("Hai lần nhập mật khẩu không khớp.")
            return False
        name, password = self.name.text().strip(), self.password.text()
        try:
            with wait_cursor():
                wizard.path.parent.mkdir(parents=True, exist_ok=True)
                recovery = vault.create(wizard.path, name, password, clock=wizard.clock)
                database = vault.unlock(wizard.path, name, password, wizard.clock)
                for key, value in wizard.office.values().items():
                    if settings.validated(key, value) != settings.BY_KEY[key].default:
                        settings.set_setting(database, key, value)
        except OSError as error:
            self.error.show_message(f"Không tạo được thư mục «{wizard.path.parent}» ({error.strerror}).")
            return False
        except BvctError as refused:
            self.error.show_message(refused.message)
            return False
        wizard.database, wizard.recovery_key = database, recovery
        return True


class RecoveryPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard):
        super().__init__()
        self._wizard = wizard
        self.setTitle("Khóa khôi phục")
        self.setSubTitle("Khóa này mở được cơ sở dữ liệu khi quản trị viên quên mật khẩu. Nó CHỈ HIỆN MỘT LẦN: "
                         "hãy chép ra giấy hoặc lưu vào tệp, cất giữ an toàn, tách khỏi máy tính này.")
        self.key = QLineEdit()
        styled(self.key, "recoveryKey")
        self.key.setReadOnly(True)
        copy = QPushButton("Sao chép")
        copy.clicked.connect(self.copy_key)
        save = QPushButton("Lưu vào tệp…")
        save.clicked.connect(self.save_key)
        print_sheet = QPushButton("In phiếu khóa khôi phục…")
        print_sheet.clicked.connect(self.print_key)
        self.kept = QCheckBox("Tôi đã chép, lưu hoặc in khóa khôi phục và cất giữ ở nơi an toàn.")
        self.kept.toggled.connect(self.completeChanged)
        self.status = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(copy)
        buttons.addWidget(save)
        buttons.addWidget(print_sheet)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.kept)

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
