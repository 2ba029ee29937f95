"""The desktop application on the office server: the first-run wizard connects to it (tested,
each failure told in words, then remembered for the next start), the login window names it and
logs in as the server's login, and the main window works on it — a register, a record edited and
saved, a save over another officer's change refused with the typed values kept, an import, the report,
the users, password, audit and backup pages — with nothing of a file's (instance lock, backup at exit,
recovery key)."""

import datetime as dt
import subprocess

import pytest

from bvct_desktop import paths
from bvct_desktop.cli.main import main as cli_main
from bvct_desktop.core import address, backup_log, editing, report, users, vault, workdays
from bvct_desktop.core.errors import AuthError
from bvct_desktop.core.overview import FIGURE_LABELS
from bvct_desktop.core.permissions import OFFICER, VIEWER
from bvct_desktop.gui import app
from bvct_desktop.gui.admin.audit_page import AuditPage
from bvct_desktop.gui.admin.backup_page import BackupPage
from bvct_desktop.gui.admin.password_page import PasswordPage
from bvct_desktop.gui.admin.users_page import UsersPage
from bvct_desktop.gui.dialogs import YES, Dialogs
from bvct_desktop.gui.import_wizard import ImportWizard
from bvct_desktop.gui.login import LoginDialog
from bvct_desktop.gui.navigation import ADMIN as ADMIN_PAGE
from bvct_desktop.gui.qt import QDialog, QWizard
from bvct_desktop.gui.registers.page import RegisterPage
from bvct_desktop.gui.report_page import ReportPage
from bvct_desktop.gui.startup import FirstRunWizard
from tests.conftest import ADMIN, PASSWORD, server_cli, workbook
from tests.gui import register_support as support
from tests.gui.shell_support import context_for, import_samples, logged_in
from tests.server_db import OWNER

OFFICER_NAME, OFFICER_PASSWORD = "chuyen.vien", "Chuyen-vien-mat-khau-26"
SCREEN = (1366, 768)


@pytest.fixture
def server(request, capsys, monkeypatch, clock) -> address.ServerAddress:
    """A database on the test cluster made by `bvct init` (administrator ADMIN) holding the sample
    cadres and slips; this PC names no database yet (no BVCT_DB)."""
    made = server_cli(request, capsys, monkeypatch)
    monkeypatch.delenv("BVCT_DB")
    db = vault.unlock(made.db, ADMIN, PASSWORD, clock)
    try:
        import_samples(db, ("cadres", "slips"))
    finally:
        db.close()
    return made.db


@pytest.fixture
def wizard(qtbot, tmp_path, clock):
    shown = FirstRunWizard(tmp_path / "du-lieu" / "bvct.db", Dialogs(scripted=True), clock)
    qtbot.addWidget(shown)
    shown.show()
    shown.office.server_button.click()
    return shown


def fill_server(page, where: address.ServerAddress, user: str = ADMIN, password: str = PASSWORD,
                ca_file: str | None = None, dbname: str | None = None) -> None:
    page.host.setText(where.host)
    page.port.setValue(int(where.port))
    page.dbname.setText(dbname or where.dbname)
    page.ca_file.setText(ca_file or where.params["sslrootcert"])
    page.user.setText(user)
    page.password.setText(password)


def connect(wizard) -> bool:
    """Presses Kết nối; True when the wizard finished connected."""
    wizard.button(QWizard.WizardButton.FinishButton).click()
    return wizard.result() == QDialog.DialogCode.Accepted


def other_ca(folder) -> str:
    made = folder / "ca-khac.crt"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=khac",
                    "-keyout", str(folder / "khac.key"), "-out", str(made)], check=True, capture_output=True)
    return str(made)


def test_the_wizard_offers_the_office_server_and_back_leads_to_a_new_file_again(wizard):
    assert wizard.currentPage() is wizard.server
    assert wizard.server.title() == "Cơ sở dữ liệu dùng chung trên máy chủ"
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "Kết nối"
    assert wizard.button(QWizard.WizardButton.BackButton).isVisible()
    wizard.back()
    wizard.next()
    assert wizard.currentPage() is wizard.admin


def test_the_first_run_connects_to_the_server_and_the_next_start_goes_to_its_login(wizard, server, monkeypatch,
                                                                                    capsys):
    fill_server(wizard.server, server)
    assert connect(wizard), wizard.server.error.text()
    db = wizard.database
    assert db.is_server and db.actor.name == ADMIN and db.address.dbname == server.dbname
    db.close()
    assert not wizard.path.exists()                            # no file made on this PC
    assert paths.remembered() == paths.Choice(wizard.server.choice().text, insecure_lan=False)

    started: list[address.Address] = []
    monkeypatch.setattr(app.Session, "start", lambda session: started.append(session.address) or False)
    assert app.main([]) == 0
    assert started[0].is_server and started[0].dbname == server.dbname and not app.is_new(started[0])
    monkeypatch.setenv("BVCT_USER", ADMIN)
    monkeypatch.setenv("BVCT_PASSWORD", PASSWORD)
    capsys.readouterr()
    assert cli_main(["users", "list"]) == 0                    # bvct on this PC goes there too
    assert f"{ADMIN}\tquan-tri" in capsys.readouterr().out


def test_each_failure_to_connect_is_told_in_words_and_nothing_is_remembered(wizard, server, cluster, tmp_path):
    page = wizard.server

    def told(**typed) -> str:
        fill_server(page, server, **typed)
        assert not connect(wizard)
        return page.error.text()

    assert told(password="Sai-mat-khau-99") == "Sai tên người dùng hoặc mật khẩu."
    assert page.password.text() == ""                          # typed again, as at the login
    assert "chứng chỉ TLS" in told(ca_file=other_ca(tmp_path))
    missing = tmp_path / "khong-co.crt"
    assert told(ca_file=str(missing)) == f"Không tìm thấy tệp chứng chỉ «{missing}»."
    assert "Không có cơ sở dữ liệu «khong_co»" in told(dbname="khong_co")
    empty = cluster.new_database()
    try:
        assert "chưa được khởi tạo" in told(dbname=empty, user=OWNER, password=cluster.owner_password)
    finally:
        cluster.drop(empty)
    with cluster.superuser(server.dbname) as superuser:
        head = superuser.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        superuser.execute("UPDATE alembic_version SET version_num = '9999_tuong_lai'")
        try:
            assert "phiên bản BVCT Desktop mới hơn" in told()
        finally:
            superuser.execute("UPDATE alembic_version SET version_num = %s", (head,))
    page.port.setValue(_unused_port(cluster))
    page.password.setText(PASSWORD)
    assert not connect(wizard) and page.error.text().startswith("Không kết nối được máy chủ cơ sở dữ liệu")
    assert paths.remembered() is None and wizard.currentPage() is page


def _unused_port(cluster) -> int:
    with cluster.superuser("postgres") as superuser:
        port = int(superuser.execute("SHOW port").fetchone()[0])
    return port + 1 if port < 65535 else port - 1


def test_an_unverified_closed_lan_is_a_warned_explicit_choice(wizard, server):
    page = wizard.server
    assert page.insecure_warning.isHidden()
    page.insecure.setChecked(True)
    assert page.insecure_warning.isVisible() and "KHÔNG được xác thực" in page.insecure_warning.text()
    assert not page.ca_file.isEnabled() and not page.ca_button.isEnabled()
    fill_server(page, server)
    assert connect(wizard), page.error.text()
    assert paths.remembered().insecure_lan and "sslrootcert" not in paths.remembered().text
    assert "KHÔNG xác thực chứng chỉ" in wizard.database.address.described
    wizard.database.close()


def test_the_login_window_names_the_server_and_tells_a_wrong_password(qtbot, server, clock):
    dialog = LoginDialog(server, Dialogs(scripted=True), clock)
    qtbot.addWidget(dialog)
    assert dialog.file_label.text() == f"Cơ sở dữ liệu dùng chung: {server.dbname} trên máy chủ {server.host}:" \
                                       f"{server.port}"
    assert dialog.recovery_button.isHidden()                  # a file's recovery key; not the server's way
    dialog.user.setText(ADMIN)
    dialog.password.setText("Sai-mat-khau-99")
    assert not logged_in(dialog)
    assert dialog.error.text() == "Sai tên người dùng hoặc mật khẩu." and dialog.password.text() == ""
    dialog.password.setText(PASSWORD)
    assert logged_in(dialog)
    assert dialog.database.is_server and dialog.database.actor.name == ADMIN
    dialog.database.close()


def test_the_login_window_moves_to_the_server_or_corrects_its_address(qtbot, server, clock, tmp_path):
    dialog = LoginDialog(tmp_path / "bvct.db", Dialogs(scripted=True), clock, user=ADMIN)
    qtbot.addWidget(dialog)
    assert dialog.recovery_button.isVisibleTo(dialog)          # a file's way, while on a file
    dialog.choose_server()
    page = dialog.server_wizard.server
    assert page.user.text() == ADMIN and page.host.text() == ""
    fill_server(page, server)
    assert connect(dialog.server_wizard)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.address.is_server
    assert dialog.database.actor.name == ADMIN and paths.remembered().text == page.choice().text
    dialog.database.close()

    again = LoginDialog(dialog.address, Dialogs(scripted=True), clock, user=ADMIN)
    qtbot.addWidget(again)
    again.choose_server()                                       # filled with the server in use
    shown = again.server_wizard.server
    assert (shown.host.text(), shown.dbname.text(), shown.ca_file.text()) == (
        server.host, server.dbname, server.params["sslrootcert"])
    again.server_wizard.reject()
    assert again.result() != QDialog.DialogCode.Accepted and again.database is None


def log_in_as_admin(dialog: LoginDialog) -> QDialog.DialogCode:
    dialog.user.setText(ADMIN)
    dialog.password.setText(PASSWORD)
    return QDialog.DialogCode.Accepted if logged_in(dialog) else QDialog.DialogCode.Rejected


def test_the_main_window_works_on_the_server(qtbot, server, clock, monkeypatch, tmp_path):
    monkeypatch.setattr(LoginDialog, "exec", log_in_as_admin)
    quits = []
    monkeypatch.setattr(app.QApplication, "quit", lambda: quits.append(True))
    session = app.Session(server, Dialogs(scripted=True), clock)
    assert session.start()
    window = session.window  # the session deletes it at the end
    assert session.lock is None and not window.context.read_only  # every officer's window writes
    assert window.windowTitle() == server.display  # the system adds the program's name
    assert window.file_label.text() == f"Cơ sở dữ liệu: {server.display}"

    window.navigation.select("cadres")
    register = window.page("cadres")
    record_id = register.model.record_id(0)
    register.open_record(record_id)
    form = register.forms[record_id]
    support.fill(form, {"position": "Chánh Văn phòng"})
    assert form.save(), form.message.text()
    assert editing.load(window.context.db, "cadres", record_id)["position"] == "Chánh Văn phòng"
    form.close()

    window.navigation.select(ADMIN_PAGE)
    admin = window.page(ADMIN_PAGE)
    users_page = next(admin.page(i) for i in range(admin.count()) if isinstance(admin.page(i), UsersPage))
    users_page.name.setText(OFFICER_NAME)
    users_page.role.setCurrentIndex(users_page.role.findData(OFFICER))
    users_page.password.setText(OFFICER_PASSWORD)
    users_page.again.setText(OFFICER_PASSWORD)
    users_page.add()
    assert users_page.message.text().startswith(f"Đã thêm người dùng «{OFFICER_NAME}»")
    vault.unlock(server, OFFICER_NAME, OFFICER_PASSWORD, clock).close()   # a login role on the server

    backups = next(admin.page(i) for i in range(admin.count()) if isinstance(admin.page(i), BackupPage))
    assert not backups.restore_button.isVisibleTo(backups) and "bvct backup" in backups.about.text()
    target = tmp_path / "may-chu.bvctbak"
    window.context.dialogs.answer_next(str(target))
    backups.back_up()
    qtbot.waitUntil(lambda: backups.task is None, timeout=60_000)
    assert target.exists() and backups.message.text().startswith("Đã sao lưu và kiểm tra")
    assert str(target) in backups.newest.text()                # the server's newest, from its trail

    trail = next(admin.page(i) for i in range(admin.count()) if isinstance(admin.page(i), AuditPage))
    office_today = dt.datetime.now(dt.timezone(dt.timedelta(hours=workdays.TIME_ZONE))).date()
    trail.end.set_day(office_today)  # the server dates its entries by its own clock in Vietnam's time
    trail.refresh()
    assert {"đăng nhập", "thêm người dùng", "sao lưu"} <= {entry.action for entry in trail.model.entries}

    window.close()
    assert quits == [True]                                     # at once: no automatic backup at exit
    folder = backup_log.auto_folder()
    assert not folder.exists() or not any(folder.iterdir())


def test_a_save_over_another_officers_change_is_refused_and_the_typed_values_stay(qtbot, server, clock):
    admin = vault.unlock(server, ADMIN, PASSWORD, clock)
    users.add(admin, OFFICER_NAME, OFFICER, OFFICER_PASSWORD)
    other_pc = vault.unlock(server, OFFICER_NAME, OFFICER_PASSWORD, clock)
    try:
        page = RegisterPage(context_for(admin, clock), "cadres")
        qtbot.addWidget(page)
        record_id = page.model.record_id(0)
        page.open_record(record_id)
        form = page.forms[record_id]
        support.fill(form, {"position": "Chánh Văn phòng"})
        meanwhile = editing.load(other_pc, "cadres", record_id)
        editing.save(other_pc, "cadres", {**meanwhile, "note": "sửa ở máy khác"}, record_id,
                     meanwhile["person_id"], meanwhile[editing.VERSION])
        assert not form.save()
        assert form.message.text().startswith(f"Bản ghi đã được {OFFICER_NAME} sửa lúc")
        assert form.values()["position"] == "Chánh Văn phòng" and form.is_dirty()
        kept = editing.load(admin, "cadres", record_id)
        assert kept["position"] != "Chánh Văn phòng" and kept["note"] == "sửa ở máy khác"
        form.close()
    finally:
        other_pc.close()
        admin.close()


def test_importing_reporting_and_accounts_work_on_the_server(qtbot, server, clock, tmp_path):
    admin = vault.unlock(server, ADMIN, PASSWORD, clock)
    users.add(admin, OFFICER_NAME, OFFICER, OFFICER_PASSWORD)
    officer = vault.unlock(server, OFFICER_NAME, OFFICER_PASSWORD, clock)
    try:
        context = context_for(officer, clock)
        importer = ImportWizard(context, "cadres")
        qtbot.addWidget(importer)
        importer.load(workbook(tmp_path / "moi.xlsx", ["Họ và tên", "Ngày sinh", "Quê quán"],
                               [["Châu Văn Lực", "1972", "Tuy Phong"], ["Tạ Thị Nhi", "1988", "Bắc Bình"]]))
        qtbot.waitUntil(lambda: importer.reading is None, timeout=20_000)
        importer.run_import()
        qtbot.waitUntil(lambda: importer.result is not None, timeout=20_000)
        assert importer.message.text() == "Đã nhập 2 dòng: 2 mới, 0 cập nhật, 0 không đổi."

        figures = ReportPage(context)
        qtbot.addWidget(figures)
        figures.refresh()
        start, end = figures.chosen_period()
        issued = report.figures(admin, start, end)["slips_issued"]
        assert {figures.main_table.item(r, 0).text(): figures.main_table.item(r, 1).text()
                for r in range(figures.main_table.rowCount())}[FIGURE_LABELS["slips_issued"]] == str(issued)
        target = tmp_path / "bao-cao.pdf"
        context.dialogs.answer_next(OFFICER_PASSWORD, str(target))  # the password asked again: the server checks it
        figures.export("pdf")
        qtbot.waitUntil(lambda: figures.task is None, timeout=30_000)
        assert target.stat().st_size > 0 and figures.error.text().startswith("Đã lập dự thảo báo cáo")

        own = PasswordPage(context)
        qtbot.addWidget(own)
        own.current.setText(OFFICER_PASSWORD)
        own.password.setText("Mat-khau-moi-cua-toi-26")
        own.again.setText("Mat-khau-moi-cua-toi-26")
        own.change_button.click()
        qtbot.waitUntil(lambda: own.task is None, timeout=20_000)
        assert own.message.text().startswith("Đã đổi mật khẩu"), own.message.text()
        vault.unlock(server, OFFICER_NAME, "Mat-khau-moi-cua-toi-26", clock).close()  # the login's own password

        accounts = UsersPage(context_for(admin, clock))
        qtbot.addWidget(accounts)
        accounts.table.selectRow(next(i for i, a in enumerate(accounts.accounts) if a.name == OFFICER_NAME))
        accounts.password.setText(OFFICER_PASSWORD)
        accounts.again.setText(OFFICER_PASSWORD)
        accounts.reset_password()
        assert accounts.message.text() == f"Đã đặt lại mật khẩu của «{OFFICER_NAME}»."
        vault.unlock(server, OFFICER_NAME, OFFICER_PASSWORD, clock).close()
        accounts.role.setCurrentIndex(accounts.role.findData(VIEWER))
        accounts.role_button.click()
        assert accounts.message.text().startswith(f"«{OFFICER_NAME}» nay là Chỉ xem"), accounts.message.text()
        accounts.context.dialogs.answer_next(YES)
        accounts.disable()
        assert accounts.message.text() == f"Đã khóa tài khoản «{OFFICER_NAME}»."
        with pytest.raises(AuthError):
            vault.unlock(server, OFFICER_NAME, OFFICER_PASSWORD, clock)
    finally:
        officer.close()
        admin.close()
