"""The notices of conclusion (thông báo kết luận về tiêu chuẩn chính trị) of the vetting cases selected, issued
together once an election list's nominees are concluded: each as its case's window issues one
(documents_data.conclusion_letter: its TB number, its line in the outgoing register, its audit entries), the
numbers following the selection's order, all in one write (outgoing.issue_together) — a failure on the way takes
no number. A case already holding an issued notice is skipped (one more is issued from its own window, where
the officer sees those it has), as are open cases and those in the recycle bin (core/personfile/selected)."""

from collections.abc import Callable, Sequence
from typing import Protocol

from .. import documents_data, outgoing, settings
from ..database import Database
from . import selected
from .cases import CONCLUDED


class NoticesWriter(documents_data.LetterWriter, Protocol):
    def write_all(self, contents: list[outgoing.Content], on_each: Callable[[int], None]) -> None: ...


def issue_notices(db: Database, case_ids: Sequence[int], writer: NoticesWriter,
                  progress: selected.Progress = lambda _done, _total: None,
                  ) -> tuple[selected.Outcome, list[outgoing.Issued]]:
    """Issues, dated today, the notice of each concluded case of `case_ids` holding none yet, all written by
    `writer.write_all` (the print preview's PDF); the cases done (in the numbers' order) and skipped, and the
    notices issued. `progress(done, total)` is told as each case is read, then as each notice is written."""
    documents_data.may_make_notices(db, issue=True)
    ids = list(dict.fromkeys(case_ids))
    today = db.clock().date()
    with db.read() as connection:
        found = selected.cases_of(connection, ids)
        office = settings.read_all(connection, today)
    holding = {}
    for entry, stated in outgoing.stated(db, outgoing.CONCLUSION, "data", ("case_id",)):
        holding.setdefault(stated["case_id"], entry)
    outcome, letters = selected.Outcome(), []
    for case in selected.each_open(ids, found, outcome, lambda done, total: progress(done, 2 * total), CONCLUDED):
        if (entry := holding.get(case["id"])) is not None:
            outcome.skipped.append(f"{selected.named(case)}: đã có thông báo kết luận số {entry.number_text} ngày "
                                   f"{entry.issued_on:%d/%m/%Y} (phát hành thêm từ cửa sổ của hồ sơ)")
        else:
            letters.append(documents_data.conclusion_letter(db, case["id"], office, today))
            outcome.done.append(selected.named(case))
    if not letters:
        return outcome, []
    written = len(ids) + len(letters)
    issued = outgoing.issue_together(
        db, [documents_data.notice_previewed(letter, writer) for letter in letters],
        lambda contents: writer.write_all(contents, lambda drawn: progress(len(ids) + drawn, written)))
    return outcome, issued
