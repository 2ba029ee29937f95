"""Every input, button and table an officer reaches in the program's windows has a name a screen
reader (Windows Narrator) says, and no table keeps Tab from going on to the next control: the main
window's pages and Quản trị's tabs, the record forms and the person file's tabs, the import wizard, the
places dialog, the letter, the print preview, the login, the first run and the lock cover. A page that
grows a field without a label, or a table Tab goes round in, fails here."""

import pytest

from bvct_desktop.core import browse
from bvct_desktop.gui.dialogs import Dialogs
from bvct_desktop.gui.forms import open_form
from bvct_desktop.gui.import_wizard import ImportWizard
from bvct_desktop.gui.login import LoginDialog
from bvct_desktop.gui.main_window import MainWindow
from bvct_desktop.gui.places_dialog import PlacesDialog
from bvct_desktop.gui.printing import PrintPreview
from bvct_desktop.gui.recovery import RecoveryWizard
from bvct_desktop.gui.registers.page import RegisterPage
from bvct_desktop.gui.reminder_dialog import ReminderDialog
from bvct_desktop.gui.startup import FirstRunWizard
from tests.gui import register_support as support
from tests.gui.accessibility_support import read_name, unusable
from tests.gui.shell_support import active, tab_stops
from tests.gui.test_printing import slips_pdf

app, clock, sample_files, db, context, slips_pdf = (support.app, support.clock, support.sample_files, support.db,
                                                    support.context, slips_pdf)  # fixtures


def _shown(qtbot, window):
    qtbot.addWidget(window)
    window.show()
    return window


def test_every_page_of_the_main_window_and_every_administration_tab(qtbot, context):
    window = _shown(qtbot, MainWindow(context))
    unnamed = {}
    for key in window.navigation.keys:
        window.navigation.select(key)
        unnamed[key] = unusable(window)
    administration = window.pages["admin"]
    for index in range(administration.count()):
        administration.setCurrentIndex(index)
        unnamed[administration.tabText(index)] = unusable(window)
    report = window.pages["report"]
    report.content_tabs.setCurrentIndex(1)  # Phần cán bộ viết
    unnamed["report, written part"] = unusable(report)
    assert {page: found for page, found in unnamed.items() if found} == {}


def test_every_tab_of_a_cadres_file(qtbot, context):
    form = _shown(qtbot, open_form(context, "cadres", browse.record_ids(context.db, "cadres", "nguyen van hung")[0]))
    unnamed = {}
    for title, _page in form.pages():
        form.show_page(title)
        unnamed[title] = unusable(form)
    assert {tab: found for tab, found in unnamed.items() if found} == {}


def test_the_dialogs_an_officer_works_in(qtbot, context, slips_pdf):
    windows = {"import": ImportWizard(context, "cadres"), "places": PlacesDialog(),
               "letter": ReminderDialog(context, None, "Cục A93B – Bộ Công an"),
               "preview": PrintPreview(None, slips_pdf, "Phiếu", context.dialogs, "phieu.pdf")}
    unnamed = {title: unusable(_shown(qtbot, window)) for title, window in windows.items()}
    assert {title: found for title, found in unnamed.items() if found} == {}


def test_the_login_the_first_run_and_the_lock_cover(qtbot, context, tmp_path):
    dialogs = Dialogs(scripted=True)
    unnamed = {"login": unusable(_shown(qtbot, LoginDialog(context.db.path, dialogs, clock))),
               "recovery": unusable(_shown(qtbot, RecoveryWizard(context.db.path, dialogs)))}
    first_run = _shown(qtbot, FirstRunWizard(tmp_path / "moi" / "bvct.db", dialogs, clock))
    for page in first_run.pageIds():
        first_run.page(page).show()
        unnamed[f"first run {page}"] = unusable(first_run.page(page))
    window = _shown(qtbot, MainWindow(context))
    window.locker.lock()
    unnamed["lock"] = unusable(window.locker.covers[0])
    assert {title: found for title, found in unnamed.items() if found} == {}


def test_search_boxes_with_words_typed_in_them(qtbot, context):
    """Typed into, a search box shows Qt's button that empties it — which a screen reader read out with no
    name at all: a register's «Tìm trong sổ», and a new slip's picker with the people it found."""
    page = _shown(qtbot, RegisterPage(context, "slips"))
    page.search.setText("Phạm")
    form = _shown(qtbot, open_form(context, "slips", None))
    form.picker.search.setText("Phạm")
    qtbot.waitUntil(form.picker.results.isVisible)
    assert {"register": unusable(page), "picker": unusable(form.picker)} == {"register": [], "picker": []}


def _unnamed_stops() -> list[str]:
    """The widgets Tab stops at, from the focus round to it again, that a screen reader reads as nothing."""
    return [f"{type(stop).__name__} {stop.objectName()!r}" for stop in tab_stops() if not read_name(stop).strip()]


@pytest.mark.parametrize("opened", ["new", "saved"])
def test_every_stop_of_tab_on_a_records_form_is_read_by_its_name(qtbot, context, opened):
    """A complaint's «Hồ sơ cán bộ» drop-down was read as nothing: its label named the widget around the
    box. Tab goes round the form of every kind of record, new and saved, and each stop has a name."""
    saved = support.saved_of_every_kind(context.db) if opened == "saved" else {}
    unnamed = {}
    for kind in support.RECORD_KINDS:
        form = open_form(context, kind, saved.get(kind))
        qtbot.addWidget(form)
        active(qtbot, form)
        unnamed[kind] = _unnamed_stops()
    assert {kind: found for kind, found in unnamed.items() if found} == {}


def test_every_stop_of_tab_on_every_tab_of_a_cadres_file_is_read_by_its_name(qtbot, context):
    form = open_form(context, "cadres", browse.record_ids(context.db, "cadres", "nguyen van hung")[0])
    qtbot.addWidget(form)
    active(qtbot, form)
    unnamed = {}
    for title, _page in form.pages():
        form.show_page(title)
        form.tabs.tabBar().setFocus()
        unnamed[title] = _unnamed_stops()
    assert {tab: found for tab, found in unnamed.items() if found} == {}
