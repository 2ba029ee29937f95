"""The audit trail's filters, on the Nhật ký page and `bvct audit list`: days, part of a user's name (the page) or one
user (the command), an action as the trail shows it (accents and case ignored) and an outcome, and words of what an
entry is about (its register, its record, its details) as shown, from a word's start, accents and case ignored.
What the stored columns hold is filtered in SQL; the shown words only where the officer typed some."""

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from . import attachments, audit, audit_words, autobackup, backup_log, documents_data, past_term
from .audit_actions import DOCUMENT_ISSUED
from .database import Database
from .errors import InputError
from .permissions import Action
from .search import beginning_a_word, fold_ascii

# one choice of the action filter: everything that wrote the database's data to a file (the entry says where)
LEAVING = "Mọi việc đưa dữ liệu ra ngoài"
LEFT = (documents_data.PRINTED, documents_data.EXPORTED, audit.TRAIL_EXPORTED, attachments.SAVED, DOCUMENT_ISSUED,
        past_term.EXPORTED, backup_log.MANUAL, backup_log.AUTOMATIC, autobackup.SECOND_ACTION)


@dataclass(frozen=True)
class Filters:
    start: dt.date | None = None
    end: dt.date | None = None
    user: str | None = None  # part of a name
    action: str | None = None  # as shown (`actions`), or LEAVING
    outcome: str | None = None  # audit_chain's OK, FAILED, REFUSED
    text: str | None = None  # words of the register, the record or the details, as shown
    account: str | None = None  # one user, as `audit.list_entries` reads `user`


    def asked(self) -> dict[str, Any]:
        """The filters as the view's own entry names them."""
        return {"tu": self.start, "den": self.end, "nguoi_dung": self.user or self.account, "hanh_dong": self.action,
                "ket_qua": audit.OUTCOMES.get(self.outcome or ""), "noi_dung": self.text}


def actions(db: Database) -> list[str]:
    """The actions the trail holds, as it shows them, in alphabetical order."""
    return sorted({_shown_action(stored) for stored in audit.distinct_values(db, "action")}, key=fold_ascii)


def find(db: Database, filters: Filters) -> Iterator[audit.Entry]:
    """The entries `filters` select, oldest first."""
    entries = audit.list_entries(db, filters.start, filters.end, filters.account, users=_users_like(db, filters.user),
                                 actions=_stored_actions(db, filters.action), outcome=filters.outcome)
    if not filters.text:
        return entries
    words = beginning_a_word(re.escape(fold_ascii(filters.text)))
    return (entry for entry in entries if words.search(fold_ascii(audit_words.searched(entry))))


def view(db: Database, filters: Filters) -> Iterator[audit.Entry]:
    """`find` for the officer reading the trail: the viewing is audited naming the filters, and listed
    last. An action the trail does not hold is refused (InputError) naming those it holds, before
    anything is written."""
    db.require(Action.AUDIT, audit.VIEWED_TRAIL)
    offered = [LEAVING, *actions(db)]
    if filters.action and fold_ascii(filters.action) not in {fold_ascii(action) for action in offered}:
        raise InputError(f"Nhật ký không có hành động «{filters.action}». Các hành động có trong nhật ký: "
                         f"{', '.join(offered)}.")
    audit.viewed_trail(db, filters.asked())
    return find(db, filters)


def _shown_action(stored: str) -> str:
    return audit_words.FORMER_WORDS.get(stored, stored)


def _users_like(db: Database, part: str | None) -> list[str] | None:
    if not part:
        return None
    typed = fold_ascii(part)
    return [name for name in audit.distinct_values(db, "user_name")
            if typed in fold_ascii(name) or typed in fold_ascii(audit_words.user_text(name))]


def _stored_actions(db: Database, shown: str | None) -> list[str] | None:
    if not shown:
        return None
    meant = {fold_ascii(action) for action in (LEFT if fold_ascii(shown) == fold_ascii(LEAVING) else (shown,))}
    return [stored for stored in audit.distinct_values(db, "action") if fold_ascii(_shown_action(stored)) in meant]
