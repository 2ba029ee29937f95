"""What the registers' GUI tests share: the bundled font as the application font (else every
glyph is a box in a rendered page), a sample database and a page context, and form filling.

The sample database is built once per session and copied for each test (it is a few hundred
kilobytes; building it anew costs more than the test)."""

import shutil

import pytest
from PySide6.QtTest import QTest

from bvct_desktop.core import browse, editing, keyfile, passports, vault
from bvct_desktop.core.personfile import cases
from bvct_desktop.gui import look
from bvct_desktop.gui.dialogs import CANCEL
from bvct_desktop.gui.forms.inputs import read_input, set_typed
from bvct_desktop.gui.qt import QApplication, QItemSelectionModel, Qt
from tests.conftest import ADMIN, PASSWORD
from tests.gui.shell_support import FakeClock, context_for, new_database

ALL_KINDS = ("cadres", "slips", "delegations", "archive-requests", "complaints", "relatives")
RECORD_KINDS = ("cadres", "slips", "delegations", "archive-requests", "complaints", "vetting-cases", "passports")


@pytest.fixture(scope="session")
def app(qapp) -> QApplication:
    look.apply(qapp)
    return qapp


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def sample_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("registers-sample")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keyfile, "DEFAULT_KDF", keyfile.KdfParams(1, 1024, 1))
        new_database(folder, FakeClock(), ALL_KINDS).close()
    return folder


@pytest.fixture
def db(tmp_path, clock, sample_files):
    for name in ("bvct.db", "bvct.db.keys"):
        shutil.copy(sample_files / name, tmp_path / name)
    database = vault.unlock(tmp_path / "bvct.db", ADMIN, PASSWORD, clock)
    yield database
    database.close()


@pytest.fixture
def context(app, db, clock):
    return context_for(db, clock)


def fill(form, values: dict[str, str]) -> None:
    """Types `values` into the form's inputs (through the widgets, as an officer would)."""
    for key, value in values.items():
        set_typed(form.inputs[key], value)


def shown_values(form) -> dict[str, str]:
    return {key: read_input(widget) for key, widget in form.inputs.items()}


def select_records(page, *record_ids: int) -> None:
    """Exactly these records selected in the register page's table, whole rows."""
    page.table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag
    for record_id in record_ids:
        page.table.selectionModel().select(page.model.index(page.model.row_of(record_id), 0), flags.Select | flags.Rows)


def escape_asks_first(context, dialog, key: str, typed: str, answer: str) -> None:
    """Esc on `dialog`, `typed` in its input `key`: asked whether to save first, «Hủy» keeps it open with what was
    typed; Esc again, asked again, is answered `answer`."""
    context.dialogs.answer_next(CANCEL)
    QTest.keyClick(dialog.inputs[key], Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.inputs[key].text() == typed
    assert context.dialogs.shown[-1].text == "Những gì vừa nhập chưa được lưu. Lưu trước khi đóng?"
    context.dialogs.answer_next(answer)
    QTest.keyClick(dialog.inputs[key], Qt.Key.Key_Escape)


def column_of(page, key: str) -> int:
    """The register page's column showing the field `key` (columns move as registers gain some)."""
    return [column.key for column in page.spec.columns].index(key)


def saved_of_every_kind(db) -> dict[str, int]:
    """A saved record of every kind a form opens, on the sample: its first of the kinds it holds, and a
    vetting case and an official passport of Nguyễn Văn Hùng."""
    saved = {kind: browse.record_ids(db, kind)[0] for kind in RECORD_KINDS if kind in ALL_KINDS}
    hung = editing.cadres_named(db, "Nguyễn Văn Hùng")[0].person_id
    saved["vetting-cases"] = cases.open_case(db, hung, {"purpose": "Quy hoạch", "opened_on": "01/03/2026"})
    saved["passports"] = passports.add_passport(db, hung, {"passport_type": "Công vụ", "number": "B1234567",
                                                           "issued_on": "15/06/2021", "expires_on": "15/06/2031"})
    return saved
