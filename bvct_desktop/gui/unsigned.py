"""The question asked before a document is issued with no signer's name: its number is taken for
good, and it prints again as issued."""

import datetime as dt

from ..core import documents_data
from .context import AppContext
from .dialogs import YES
from .qt import QWidget

TITLE = "Chưa có họ tên người ký"


def issue_agreed(context: AppContext, parent: QWidget, on: dt.date) -> bool:
    """Whether to issue a document dated `on`: at once when the signer's name is set that day, else
    when the officer answers yes."""
    if not documents_data.unsigned(context.db, on):
        return True
    told = documents_data.UNSIGNED
    question = (f"{told[0].upper()}{told[1:]} (đặt ở trang Cài đặt, mục «Người ký»).\n\n"
                "Vẫn phát hành văn bản không có họ tên người ký?")
    return context.dialogs.ask(parent, TITLE, question) == YES
