"""Every wizard page's words are read whole — the first run's, the office server's and the password
reset's — even in a font a tenth wider than the bundled one here (Windows lays text out wider): QWizard's
header shows two lines of a subtitle and cuts the rest, so what a page explains is said on the page."""

import pytest

from bvct_desktop.core import vault
from bvct_desktop.gui.dialogs import Dialogs
from bvct_desktop.gui.qt import QFont, QLabel, QWizard
from bvct_desktop.gui.recovery import RecoveryWizard
from bvct_desktop.gui.startup import FirstRunWizard, ServerWizard
from tests.conftest import ADMIN, PASSWORD
from tests.gui.shell_support import FakeClock


def wider(wizard: QWizard) -> QWizard:
    font = QFont(wizard.font())
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
    wizard.setFont(font)
    return wizard


def cut_labels(wizard: QWizard) -> list[str]:
    """The texts of the shown labels the wizard gives less room than they need."""
    shown = [label for label in wizard.findChildren(QLabel) if label.isVisible() and label.text()]
    return [label.text() for label in shown
            if (label.height() < label.heightForWidth(label.width()) if label.wordWrap()
                else label.width() < label.sizeHint().width())]


def each_page_cuts(qtbot, wizard: QWizard) -> dict[int, list[str]]:
    qtbot.addWidget(wider(wizard))
    wizard.show()
    cuts = {}
    for page_id in wizard.pageIds():
        wizard.setStartId(page_id)
        wizard.restart()
        qtbot.wait(20)
        cuts[page_id] = cut_labels(wizard)
    return {page_id: texts for page_id, texts in cuts.items() if texts}


def test_the_password_reset_s_pages_are_read_whole(qtbot, tmp_path):
    """Its first page's last words were cut: the used key is replaced by a new one «hiện ở trang sau»."""
    vault.create(tmp_path / "bvct.db", ADMIN, PASSWORD)
    wizard = RecoveryWizard(tmp_path / "bvct.db", Dialogs(scripted=True), FakeClock())
    assert each_page_cuts(qtbot, wizard) == {}
    said = [label.text() for label in wizard.reset.findChildren(QLabel)]
    assert any(text.endswith("được thay bằng khóa mới, hiện ở trang sau.") for text in said)


@pytest.mark.parametrize("opened", [
    lambda tmp_path: FirstRunWizard(tmp_path / "bvct.db", Dialogs(scripted=True), FakeClock()),
    lambda _tmp_path: ServerWizard(Dialogs(scripted=True), FakeClock())], ids=["first-run", "server"])
def test_the_first_run_s_and_the_server_s_pages_are_read_whole(qtbot, tmp_path, opened):
    assert each_page_cuts(qtbot, opened(tmp_path)) == {}
