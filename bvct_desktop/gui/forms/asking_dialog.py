"""A small dialog of inputs (a relative, a reply to slips…) that does not drop what was typed in it
unasked: Esc, «Hủy» or the title bar's × ask first — save it, drop it, or go back to it — as a record's
form does when it closes."""

from ..dialogs import NO, YES
from ..qt import QDialog

UNSAVED = "Những gì vừa nhập chưa được lưu. Lưu trước khi đóng?"


class AskingDialog(QDialog):
    """Subclasses call `remember_typed` once their inputs show what they open with, and have `values()` (what
    is typed, a dict) and `save()` (which closes the dialog once saved); they need `self.context`."""

    def remember_typed(self) -> None:
        self.opened_with = self.values()

    def reject(self) -> None:
        if self.values() == self.opened_with:
            super().reject()
            return
        answer = self.context.dialogs.ask(self, "Chưa lưu", UNSAVED, with_cancel=True)
        if answer == YES:
            self.save()
        elif answer == NO:
            super().reject()
