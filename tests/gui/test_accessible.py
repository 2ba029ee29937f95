"""Every field of the forms built from field declarations is read out by its label's words: record
forms, the person file's entry dialogs, the reply dialog, the settings page (Narrator read the red *'s
markup, or nothing at all where a label was no buddy, or a drop-down's value instead of its label)."""

import pytest

from bvct_desktop.core import browse, replies
from bvct_desktop.core.kinds import kind_named
from bvct_desktop.core.settings import SETTINGS
from bvct_desktop.gui.accessible import REQUIRED
from bvct_desktop.gui.admin.settings_page import SettingsPage
from bvct_desktop.gui.forms import open_form
from bvct_desktop.gui.forms.person_file import SectionTab
from bvct_desktop.gui.registers.replies import ReplyDialog
from tests.gui import register_support as support
from tests.gui.accessibility_support import read_name

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures
# the kinds edited on a record form (a case is opened and concluded in the person file's entry dialogs)
RECORD_KINDS = ("cadres", "slips", "archive-requests", "delegations", "complaints")


def _shown(qtbot, window):
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_a_record_forms_fields_are_read_by_their_labels(qtbot, context, kind):
    record_id = browse.record_ids(context.db, kind, "")[0]
    for form in (_shown(qtbot, open_form(context, kind, None)), _shown(qtbot, open_form(context, kind, record_id))):
        assert _read(form.inputs) == {key: kind_named(kind).field(key).header for key in form.inputs}
        for key, widget in form.inputs.items():
            assert widget.accessibleDescription() == (REQUIRED if kind_named(kind).field(key).required else "")
        if getattr(form, "members", None) is not None:
            assert read_name(form.members.table) == kind_named(kind).members.label


def _read(inputs: dict) -> dict[str, str]:
    return {key: read_name(widget) for key, widget in inputs.items()}


def test_the_person_files_entry_dialogs_name_every_field(qtbot, context):
    form = _shown(qtbot, open_form(context, "cadres", browse.record_ids(context.db, "cadres", "nguyen van hung")[0]))
    tabs = [tab for tab in form.findChildren(SectionTab) if tab.section.actions]
    assert len(tabs) >= 3
    for tab in tabs:
        tab.act(tab.section.actions[0])
        dialog = _shown(qtbot, tab.dialog)
        assert _read(dialog.inputs) == {spec.key: spec.header for spec in tab.section.actions[0].fields}
        if dialog.relative is not None:
            assert read_name(dialog.relative) == "Về thân nhân"  # not the relative chosen in it
        dialog.reject()


def test_the_reply_dialog_names_its_fields(qtbot, context):
    slip_id = browse.record_ids(context.db, "slips", "")[0]
    dialog = _shown(qtbot, ReplyDialog(context, [slip_id], ["1"], lambda _count: None))
    assert _read(dialog.inputs) == {spec.key: spec.header for spec in replies.FIELDS}


def test_the_settings_page_names_every_setting(qtbot, context):
    page = _shown(qtbot, SettingsPage(context))
    assert {read_name(field.widget) for field in page.fields.values()} == {setting.label for setting in SETTINGS}
