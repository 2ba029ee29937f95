"""A new slip's number written for the officer, who need not look it up: the next free one (core/slip_numbers) in
the year of the issue date typed, else of today, written again when the issue date is typed while the number is
still the one suggested («1/2027» once 02/01/2027 is typed after «42/2026»). What the officer types stays."""

import datetime as dt

from ...core import slip_numbers
from ...core.errors import RowProblem
from ...core.kinds import SLIPS
from ..context import AppContext
from ..qt import QLineEdit
from .inputs import read_input, set_typed

ISSUED_ON = SLIPS.field("issued_on")


class SuggestedNumber:
    """Writes the suggestion in `number` now and each time the issue date is typed in `issued_on`."""

    def __init__(self, context: AppContext, number: QLineEdit, issued_on: QLineEdit):
        self.context, self.number, self.issued_on = context, number, issued_on
        self.suggested = ""
        issued_on.editingFinished.connect(self.follow)
        self.follow()

    def follow(self) -> None:
        if read_input(self.number) not in ("", self.suggested):
            return
        self.suggested = slip_numbers.suggested(self.context.db, self._day())
        set_typed(self.number, self.suggested)

    def after(self, number: str) -> str:
        """The number for the next slip of a pile after the one saved as `number`: the one after it still free."""
        return slip_numbers.free_after(self.context.db, number, self._day())

    def _day(self) -> dt.date:
        """The issue date typed, else (none, or none yet valid) today."""
        try:
            typed = ISSUED_ON.parse(read_input(self.issued_on))
        except RowProblem:
            typed = None
        return typed or self.context.clock().date()
