"""A tooltip telling what someone typed shows it as typed, never as markup."""

from bvct_desktop.gui.admin.recipients_page import _aliases_item
from bvct_desktop.gui.look import NarrowComboBox
from bvct_desktop.gui.tooltips import typed_tip
from tests.gui.tip_support import as_seen

MARKUP = "<b>Phòng PV01</b> & <i>Công an tỉnh</i>"


def test_a_typed_text_is_shown_character_for_character_and_no_text_gives_no_tooltip():
    assert as_seen(typed_tip(MARKUP)) == MARKUP
    assert as_seen(typed_tip("Dòng 1\n  thụt vào\nDòng 3")) == "Dòng 1\n  thụt vào\nDòng 3"
    assert typed_tip("") == ""


def test_a_drop_down_tells_its_whole_value_as_typed(qtbot):
    """A unit's name cut short in the closed box is read whole in its tooltip — the characters typed."""
    box = NarrowComboBox(10)
    qtbot.addWidget(box)
    box.setEditable(True)
    box.setCurrentText(MARKUP)
    assert as_seen(box.toolTip()) == MARKUP


def test_a_recipient_s_merged_spellings_are_told_as_typed_one_a_line():
    item = _aliases_item(("<b>Cục A93B</b>", "Cuc A93B & Bo Cong an"))
    assert as_seen(item.toolTip()) == "<b>Cục A93B</b>\nCuc A93B & Bo Cong an"
