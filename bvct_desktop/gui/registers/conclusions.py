"""«Ghi kết luận…»: one conclusion (an election list's document, its date and signer) entered once for the
vetting cases selected in the register and recorded on each open one off the GUI thread
(core/personfile/conclusions); the officer is then told which were concluded, refused and skipped, as for
any action on the cases selected (`chosen`, `tally`, `summary`: due_dates.py)."""

from collections.abc import Callable
from typing import Any

from ...core.numbers import grouped
from ...core.personfile import cases, conclusions, selected
from ..context import AppContext
from ..forms.for_selected import ForSelectedDialog
from ..qt import QWidget
from ..workers import wait_for

MOST_ASKED = 10  # cases whose doubts are listed in the question, before «Và N hồ sơ khác»


class ConclusionDialog(ForSelectedDialog):
    """Asks for the conclusion once, then once what the cases' own windows would ask to confirm
    (conclusions.doubts); `done(outcome)` is called after each selected case was tried."""

    working, failed = "Đang ghi kết luận…", "Không ghi được kết luận"

    def __init__(self, context: AppContext, case_ids: list[int], done: Callable[[selected.Outcome], None],
                 parent: QWidget | None = None):
        super().__init__(context, "Ghi kết luận cho các hồ sơ đã chọn", chosen(len(case_ids), "một kết luận"),
                         cases.CONCLUSION_FIELDS, done, parent)
        self.case_ids = case_ids

    def checked(self, values: dict[str, Any]) -> None:
        cases.conclusion_values(values)

    def doubts(self, values: dict[str, Any]) -> list[str]:
        db, case_ids = self.context.db, self.case_ids
        return _at_most(wait_for(lambda: conclusions.doubts(db, case_ids, values)))

    def write(self, values: dict[str, Any], progress) -> selected.Outcome:
        return conclusions.record_conclusions(self.context.db, self.case_ids, values, progress)


def chosen(count: int, what: str) -> str:
    """What the officer is told above the fields of `what` (one conclusion, one deadline) for `count` cases."""
    return (f"<b>{grouped(count)} hồ sơ</b> đã chọn được ghi cùng {what}. Hồ sơ đã có kết luận hoặc đã xóa được "
            "bỏ qua; hồ sơ nào không ghi được sẽ được nêu tên và lý do.")


def _at_most(doubts: list[str]) -> list[str]:
    """The first MOST_ASKED cases' doubts, then how many more cases have some (not that theirs are the same)."""
    more = len(doubts) - MOST_ASKED
    return [*doubts[:MOST_ASKED], *([f"Và {grouped(more)} hồ sơ khác cũng có điều cần xem lại."] if more > 0 else [])]


def tally(outcome: selected.Outcome, done: str = "Đã ghi kết luận cho") -> str:
    """«Đã ghi kết luận cho 23 hồ sơ; không ghi được 1; bỏ qua 1.»"""
    return "; ".join([f"{done} {grouped(len(outcome.done))} hồ sơ",
                      *([f"không ghi được {grouped(len(outcome.refused))}"] if outcome.refused else []),
                      *([f"bỏ qua {grouped(len(outcome.skipped))}"] if outcome.skipped else [])]) + "."


def summary(outcome: selected.Outcome, done: str = "Đã ghi kết luận cho") -> str:
    """`tally`, then the cases not done, each named with why."""
    return "\n\n".join([tally(outcome, done), *not_done(outcome)])


def not_done(outcome: selected.Outcome) -> list[str]:
    """«Không ghi được:» and «Bỏ qua:», each with its cases named with why (none when there are none)."""
    return ["\n".join([heading, *(f"– {name}" for name in named)])
            for heading, named in (("Không ghi được:", outcome.refused), ("Bỏ qua:", outcome.skipped)) if named]
