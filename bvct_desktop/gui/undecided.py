"""The question before a step the rules allow only once the competent cấp ủy has decided on the vetting case
(case_steps.DECISION_MISSING): sending its slips (printing them), attaching an archive request to it. Told, not
refused: a case entered after the fact, its decision on paper only, goes on once the officer answers yes."""

from collections.abc import Sequence

from ..core.personfile import case_steps
from .dialogs import YES, Dialogs
from .qt import QWidget

TITLE = "Hồ sơ thẩm tra chưa đủ điều kiện xác minh"


def go_on(dialogs: Dialogs, parent: QWidget | None, undecided: Sequence[str], doing: str) -> bool:
    """True when no case is `undecided` (a line each, naming it) or the officer answers «Vẫn `doing`?» yes."""
    return not undecided or dialogs.ask(parent, TITLE, "\n".join(
        [f"Hồ sơ thẩm tra {case_steps.DECISION_MISSING}:", *undecided, "", f"Vẫn {doing}?"])) == YES
