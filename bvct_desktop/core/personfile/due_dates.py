"""One «Hạn hoàn thành» given the vetting cases selected (an election list's nominees: the day before hiệp
thương vòng 2, brief §1.3) in one write, each case's change its own entry in the audit trail: a case opened
after that day is refused and named, the others still take it; cases concluded or in the recycle bin are
skipped and named (core/personfile/selected)."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy.engine import Connection

from ..database import Database
from ..dates import display_date
from ..errors import InputError
from ..permissions import Action
from ..schema import vetting_cases
from . import cases, selected, writes

SETTING = "đặt hạn hoàn thành hồ sơ thẩm tra"  # what giving the selected cases a deadline asks the role for
DUE = replace(cases.case_field("due_on"), required=True, not_before=None)  # each case's own opening day is checked
FIELDS = (DUE,)


def set_due_dates(db: Database, case_ids: Sequence[int], raw: dict[str, Any],
                  progress: selected.Progress = lambda _done, _total: None) -> selected.Outcome:
    """Gives each open case of `case_ids` the deadline `raw` (FIELDS) in one write; a value refused
    (FormProblems) refuses them all. `progress(done, total)` is told before each case."""
    db.require(Action.EDIT, SETTING)
    due_on = writes.parse(FIELDS, raw)[DUE.key]
    ids = list(dict.fromkeys(case_ids))
    outcome = selected.Outcome()
    with db.write() as connection:
        found = selected.cases_of(connection, ids)
        for case in selected.each_open(ids, found, outcome, progress):
            outcome.tried(case, lambda case=case: _set(db, connection, case, due_on))
    return outcome


def _set(db: Database, connection: Connection, case: dict[str, Any], due_on: dt.date) -> None:
    if due_on < case["opened_on"]:
        raise InputError(f"{DUE.header} trước ngày mở hồ sơ ({display_date(case['opened_on'])}).")
    writes.update(db, connection, vetting_cases, cases.KIND, case, {DUE.key: due_on}, cases.NAMED_BY)
