"""The notices of conclusion (thông báo kết luận về tiêu chuẩn chính trị) of the vetting cases selected, issued
together once an election list's nominees are concluded: each as its case's window issues one
(documents_data.conclusion_letter: its TB number, its line in the outgoing register, its audit entries), the
numbers following the selection's order, all in one write (outgoing.issue_together) — a failure on the way takes
no number. A case already holding an issued notice is skipped (one more is issued from its own window, where
the officer sees those it has), as are open cases and those in the recycle bin (core/personfile/selected)."""

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol

from sqlalchemy.engine import Connection

from .. import documents_data, outgoing, settings
from ..database import Database
from ..numbers import grouped
from . import selected
from .cases import CONCLUDED

Progress = Callable[[int, int, str], None]  # (done, total, stage); (0, 0, stage) for a step not counted


class NoticesWriter(documents_data.LetterWriter, Protocol):
    def write_all(self, contents: list[outgoing.Content], on_each: Callable[[int], None]) -> None: ...


def issue_notices(db: Database, case_ids: Sequence[int], writer: NoticesWriter,
                  progress: Progress = lambda _done, _total, _stage: None,
                  ) -> tuple[selected.Outcome, list[outgoing.Issued]]:
    """Issues, dated today, the notice of each concluded case of `case_ids` holding none yet (read in the write
    that numbers them), all written by `writer.write_all` (the print preview's PDF) once committed; the cases
    done (in the numbers' order) and skipped, and the notices issued. `progress(done, total, stage)` is told
    before each case is read, then as the numbers are taken, then as each notice is drawn."""
    documents_data.may_make_notices(db, issue=True)
    ids = list(dict.fromkeys(case_ids))
    today = db.clock().date()
    with db.read() as connection:
        found = selected.cases_of(connection, ids)
        office = settings.read_all(connection, today)
    # read again in the write (`_held_in`), for a notice another officer issues meanwhile
    holding = _first_of_each(outgoing.stated(db, outgoing.CONCLUSION, "data", ("case_id",)))
    outcome, concluded, letters = selected.Outcome(), [], []
    for case in selected.each_open(ids, found, outcome, lambda done, total: progress(
            done, total, f"Đang đọc hồ sơ thẩm tra: {grouped(done)}/{grouped(total)}…"), CONCLUDED):
        if (entry := holding.get(case["id"])) is not None:
            outcome.skipped.append(f"{selected.named(case)}: {_held(entry)}")
        else:
            concluded.append(case)
            letters.append(documents_data.conclusion_letter(db, case["id"], office, today))
    if not letters:
        return outcome, []
    progress(0, 0, f"Đang ghi số cho {grouped(len(letters))} thông báo…")
    held = _held_in()
    try:
        made = outgoing.issue_together(
            db, [replace(documents_data.notice_previewed(letter, writer), withheld=held(case["id"]))
                 for letter, case in zip(letters, concluded, strict=True)],
            lambda contents: _drawn(writer, contents, progress))
    except outgoing.NotWritten as failed:
        _told(outcome, concluded, failed.made)
        raise NotWritten(failed.message, failed.made, outcome) from failed.__cause__
    _told(outcome, concluded, made)
    return outcome, [entry for entry in made if isinstance(entry, outgoing.Issued)]


class NotWritten(outgoing.NotWritten):
    """Notices issued but not drawn, with the cases done and skipped (`outcome`)."""

    def __init__(self, message: str, made: Sequence[outgoing.Issued | str], outcome: selected.Outcome):
        super().__init__(message, made)
        self.outcome = outcome


def _told(outcome: selected.Outcome, concluded: list[dict], made: Sequence[outgoing.Issued | str]) -> None:
    """Each of the `concluded` cases done, or skipped with why its notice was withheld (`made`, in their order)."""
    for case, entry in zip(concluded, made, strict=True):
        if isinstance(entry, str):
            outcome.skipped.append(f"{selected.named(case)}: {entry}")
        else:
            outcome.done.append(selected.named(case))


def _held_in() -> Callable[[int], outgoing.Withheld]:
    """For a case, why its notice is withheld: the case holds an issued notice already (one more is issued from its
    own window). The cases holding one are read once in the write that numbers them all, not once a notice."""
    read: dict[Connection, dict[int, outgoing.Issued]] = {}  # in the one write numbering them

    def holding(connection: Connection) -> dict[int, outgoing.Issued]:
        if connection not in read:
            read.clear()
            read[connection] = _first_of_each(outgoing.stated_in(connection, outgoing.CONCLUSION, "data",
                                                                 ("case_id",)))
        return read[connection]

    def of_case(case_id: int) -> outgoing.Withheld:
        return lambda connection: _held(entry) if (entry := holding(connection).get(case_id)) else None

    return of_case


def _first_of_each(notices: list[tuple[outgoing.Issued, outgoing.Content]]) -> dict[int, outgoing.Issued]:
    """The first of `notices` (each stated with its case_id) issued for each case, by case."""
    first: dict[int, outgoing.Issued] = {}
    for entry, stated in notices:
        first.setdefault(stated["case_id"], entry)
    return first


def _held(entry: outgoing.Issued) -> str:
    return (f"đã có thông báo kết luận số {entry.number_text} ngày {entry.issued_on:%d/%m/%Y} (phát hành thêm từ "
            "cửa sổ của hồ sơ)")


def _drawn(writer: NoticesWriter, contents: list[outgoing.Content], progress: Progress) -> None:
    def told(drawn: int) -> None:
        progress(drawn, len(contents), f"Đang tạo bản in: {grouped(drawn)}/{grouped(len(contents))} thông báo…")

    told(0)
    writer.write_all(contents, told)
