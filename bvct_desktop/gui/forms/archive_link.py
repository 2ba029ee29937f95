"""Which vetting case an archive request serves, changed from either side: the case's window attaches one
of the requests about the person or their family, or takes one out; the request's window chooses, changes or
clears its case. Both ask with the same list and the same question before a case with no decision
(undecided.py), and change it through cases.attach_archive_request / detach_archive_request."""

from collections.abc import Callable

from ...core.errors import BvctError
from ...core.personfile import case_steps, cases
from .. import undecided
from ..context import AppContext
from ..look import ErrorLabel
from ..qt import QWidget
from ..workers import written_when_free

ATTACHING = "gắn yêu cầu tàng thư"  # the officer's «Vẫn gắn yêu cầu tàng thư?»


def change_link(context: AppContext, parent: QWidget, message: ErrorLabel, label: str, offered: dict[str, int],
                question: str, nothing: str, change: Callable[[int], None],
                going_on: Callable[[int], bool] = lambda _chosen: True) -> bool:
    """Asks which of `offered` (titles to ids; none: tells `nothing`) the change is for, then makes it once
    `going_on(chosen)`; a refusal is told in `message`. True when changed."""
    if not offered:
        context.dialogs.inform(parent, label, nothing)
        return False
    chosen = context.dialogs.choose(parent, label, question, list(offered))
    if chosen is None or not going_on(offered[chosen]):
        return False
    try:
        written_when_free(parent, lambda: change(offered[chosen]))
    except BvctError as error:
        message.show_message(error.message)
        return False
    context.notifier.changed.emit("archive-requests")
    return True


def attaching_undecided(context: AppContext, parent: QWidget, case_id: int) -> bool:
    """«Vẫn gắn yêu cầu tàng thư?» before a request serves a case with no decision of the competent cấp ủy
    recorded, as before its slips are printed; True to go on."""
    found = cases.case_file(context.db, case_id)
    told = [cases.case_called({**found.case, "full_name": found.full_name})] \
        if case_steps.undecided(found.case) else []
    return undecided.go_on(context.dialogs, parent, told, ATTACHING)
