"""The questions asked before a document ends with no signer's name under the signature: one issued (its
number is taken for good, and it prints again as issued), a delegation's member list printed."""

import datetime as dt
from collections.abc import Sequence

from ..core import documents_data
from ..core.numbers import grouped
from ..core.text import capitalised
from .context import AppContext
from .dialogs import YES
from .qt import QWidget

TITLE = "Chưa có họ tên người ký"
NAMED = 10  # the lists a question names; more are counted


def issue_agreed(context: AppContext, parent: QWidget, on: dt.date) -> bool:
    """Whether to issue a document dated `on`: at once when the signer's name is set that day, else
    when the officer answers yes."""
    if not documents_data.unsigned(context.db, on):
        return True
    told = documents_data.UNSIGNED
    question = (f"{capitalised(told)} (đặt ở trang Cài đặt, mục «Người ký»).\n\n"
                "Vẫn phát hành văn bản không có họ tên người ký?")
    return context.dialogs.ask(parent, TITLE, question) == YES


def print_agreed(context: AppContext, parent: QWidget | None, delegation_ids: Sequence[int]) -> bool:
    """Whether to print the member lists of the delegations `delegation_ids`: at once when each has a signer's
    name set on its day (documents_data.unsigned_lists), else when the officer answers yes."""
    named = documents_data.unsigned_lists(context.db, delegation_ids, context.clock().date())
    if not named:
        return True
    which = "đoàn sau" if len(named) == 1 else "các đoàn sau"
    lines = [f"– {one}" for one in named[:NAMED]]
    if len(named) > NAMED:
        lines.append(f"… và {grouped(len(named) - NAMED)} đoàn khác")
    question = (f"Danh sách trích ngang của {which} sẽ {documents_data.UNSIGNED_LIST} (đặt ở trang Cài đặt, "
                "mục «Người ký»):\n" + "\n".join(lines) + "\n\nVẫn in danh sách không có họ tên người ký?")
    return context.dialogs.ask(parent, TITLE, question) == YES
