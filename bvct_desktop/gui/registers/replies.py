"""«Ghi kết quả…»: one police letter answering the slips selected in the register — its date, and
its number and result when given — entered once (core/replies); the inputs follow the slips'
field declarations, and the register keeps its rows, selection and scroll when it is saved."""

import html
from collections.abc import Callable
from typing import Any

from ...core import replies
from ...core.numbers import grouped
from ..context import AppContext
from ..forms.for_selected import ForSelectedDialog
from ..qt import QWidget

MOST_NAMED = 12  # slip numbers listed in the dialog before "…"
WORD_JOINER = "\u2060"  # no line break on either side; not drawn


class ReplyDialog(ForSelectedDialog):
    """Asks for the reply once; `done(count)` is called after it was written on every slip. `numbers` are those of
    the first slips, the MOST_NAMED it names (the others are counted)."""

    working, failed = "Đang ghi kết quả…", "Không ghi được kết quả"

    def __init__(self, context: AppContext, slip_ids: list[int], numbers: list[str], done: Callable[[int], None],
                 parent: QWidget | None = None):
        named = numbers[:MOST_NAMED]
        more = len(slip_ids) - len(named)
        shown = ", ".join(map(unbroken, named)) + (f" và {grouped(more)} phiếu khác" if more > 0 else "")
        super().__init__(context, "Ghi kết quả trả lời",
                         f"<b>{grouped(len(slip_ids))} phiếu</b> được trả lời trong cùng một văn bản: {shown}.",
                         replies.FIELDS, done, parent, required=lambda spec: spec.key == "result_on",
                         note="Để trống Số văn bản hoặc Kết quả: mỗi phiếu giữ nội dung đã có.")
        self.slip_ids = slip_ids

    def checked(self, values: dict[str, Any]) -> None:
        replies.reply_values(values)

    def doubts(self, values: dict[str, Any]) -> list[str]:
        return replies.dates_to_confirm(self.context.db, values)

    def write(self, values: dict[str, Any], _progress) -> int:
        """Writes the reply on every slip (2,000 slips take seconds: on a worker)."""
        return replies.record_replies(self.context.db, self.slip_ids, values)


def unbroken(number: str) -> str:
    """A slip number as rich text kept whole on one line (Qt would break it after «/» or «-»)."""
    return html.escape(WORD_JOINER.join(number))
