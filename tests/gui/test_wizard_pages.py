"""Every wizard page's words are read whole — the first run's, the office server's and the password
reset's — even in a font a tenth wider than the bundled one here (Windows lays text out wider): QWizard's
header shows two lines of a subtitle and cuts the rest, so what a page explains is said on the page; a
check box does not wrap, so what it confirms is said in a line that fits."""

import pytest

from bvct_desktop.core import vault
from bvct_desktop.gui.dialogs import Dialogs
from bvct_desktop.gui.qt import QAbstractButton, QFont, QLabel, QWizard
from bvct_desktop.gui.recovery import RecoveryWizard
from bvct_desktop.gui.startup import FirstRunWizard, ServerWizard
from tests.conftest import ADMIN, PASSWORD
from tests.gui.shell_support import FakeClock


def wider(wizard: QWizard) -> QWizard:
    font = QFont(wizard.font())
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
    wizard.setFont(font)
    return wizard


def cut_texts(wizard: QWizard) -> list[str]:
    """The texts of the shown labels, buttons and check boxes the wizard gives less room than they need."""
    labels = [label for label in wizard.findChildren(QLabel) if label.isVisible() and label.text()]
    buttons = [button for button in wizard.findChildren(QAbstractButton) if button.isVisible() and button.text()]
    return ([label.text() for label in labels
             if (label.height() < label.heightForWidth(label.width()) if label.wordWrap()
                 else label.width() < label.sizeHint().width())]
            + [button.text() for button in buttons if button.width() < button.sizeHint().width()])


def each_page_cuts(qtbot, wizard: QWizard) -> dict[int, list[str]]:
    qtbot.addWidget(wider(wizard))
    wizard.show()
    cuts = {}
    for page_id in wizard.pageIds():
        wizard.setStartId(page_id)
        wizard.restart()
        qtbot.wait(20)
        cuts[page_id] = cut_texts(wizard)
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
    """What the administrator confirms on ticking that the recovery key is kept ran past the page's edge."""
    wizard = opened(tmp_path)
    assert each_page_cuts(qtbot, wizard) == {}
    said = [label.text() for label in wizard.findChildren(QLabel, "explanation")]
    assert any(text.startswith("Máy chủ trong mạng nội bộ, đã được quản trị viên khởi tạo") for text in said)


@pytest.mark.parametrize("opened", [
    lambda tmp_path: FirstRunWizard(tmp_path / "bvct.db", Dialogs(scripted=True), FakeClock()),
    lambda _tmp_path: ServerWizard(Dialogs(scripted=True), FakeClock()),
    lambda tmp_path: RecoveryWizard(tmp_path / "bvct.db", Dialogs(scripted=True), FakeClock())],
    ids=["first-run", "server", "password-reset"])
def test_every_wizard_page_says_what_it_explains_on_the_page(qtbot, tmp_path, opened):
    """Review: the password reset said its explanations on its pages, the first run and the office server in the
    header, which has room for two lines: the recovery key's page, shared by two wizards, looked two ways, and a
    longer explanation (or a wider font) would have been cut in the header again."""
    wizard = opened(tmp_path)
    qtbot.addWidget(wizard)
    pages = [wizard.page(page_id) for page_id in wizard.pageIds()]
    assert [page.subTitle() for page in pages] == [""] * len(pages)
    said = [[label.text() for label in page.findChildren(QLabel, "explanation")] for page in pages]
    assert all(len(texts) == 1 and texts[0] for texts in said)
