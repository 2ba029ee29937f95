"""The choice of the cadre's file a letter is about (gui/forms/cadre_choice.py)."""

from bvct_desktop.core import editing
from bvct_desktop.gui.forms.cadre_choice import NO_ONE, CadreChoice
from tests.gui import register_support as support

app, sample_files, db, context = support.app, support.sample_files, support.db, support.context  # fixtures


def test_the_cadre_chosen_is_read_whole_in_the_tooltip_where_the_form_cuts_it(qtbot, context):
    """Tour: a letter about Nguyễn Văn Hùng showed «…quê Phú Thủy, Phan Thiết, CCCD 06006500…» cut at the
    form's edge with no tooltip; the officer could not read which cadre's file it was linked to."""
    choice = CadreChoice(context)
    qtbot.addWidget(choice)
    choice.resize(300, choice.sizeHint().height())
    choice.start("Nguyễn Văn Hùng", None)
    [hung] = editing.cadres_named(context.db, "Nguyễn Văn Hùng")
    assert choice.choice() == hung.person_id
    assert choice.box.toolTip() == choice.box.currentText() and "CCCD" in choice.box.toolTip()
    choice.box.setCurrentIndex(0)
    choice.box.activated.emit(0)
    assert choice.box.toolTip() == NO_ONE
