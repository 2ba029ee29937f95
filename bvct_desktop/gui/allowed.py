"""What the officer's role allows now, read before an action asks them anything (which rows, their
password, a file name): an administrator may have changed the role since the page offered the action.
The main window then offers what the new role allows (gui/live.py tells it)."""

from collections.abc import Callable

from ..core.errors import BvctError
from ..core.permissions import Action
from .context import AppContext


def now(context: AppContext, action: Action, doing: str, say: Callable[[str], None]) -> bool:
    """Whether `action` is allowed now; a refusal of `doing` (the words it is named by) is audited and
    said by `say`."""
    try:
        context.db.require(action, doing)
    except BvctError as refused:
        say(refused.message)
        return False
    return True
