"""«Ghi kết luận…»: one conclusion (an election list's document, its date and signer) entered once for the
vetting cases selected in the register and recorded on each open one off the GUI thread
(core/personfile/conclusions); the officer is then told which were concluded, refused and skipped."""

from collections.abc import Callable
from typing import Any

from ...core.numbers import grouped
from ...core.personfile import cases, conclusions
from ..context import AppContext
from ..qt import QWidget
from ..workers import wait_for
from .for_selected import ForSelectedDialog

MOST_ASKED = 10  # cases whose doubts are listed in the question, before «Và N hồ sơ khác»


class ConclusionDialog(ForSelectedDialog):
    """Asks for the conclusion once, then once what the cases' own windows would ask to confirm
    (conclusions.doubts); `done(outcome)` is called after each selected case was tried."""

    working, failed = "Đang ghi kết luận…", "Không ghi được kết luận"

    def __init__(self, context: AppContext, case_ids: list[int], done: Callable[[conclusions.Outcome], None],
                 parent: QWidget | None = None):
        super().__init__(context, "Ghi kết luận cho các hồ sơ đã chọn",
                         f"<b>{grouped(len(case_ids))} hồ sơ</b> đã chọn được ghi cùng một kết luận. Hồ sơ đã có kết "
                         "luận hoặc đã xóa được bỏ qua; hồ sơ nào không ghi được sẽ được nêu tên và lý do.",
                         cases.CONCLUSION_FIELDS, done, parent)
        self.case_ids = case_ids

    def checked(self, values: dict[str, Any]) -> None:
        cases.conclusion_values(values)

    def doubts(self, values: dict[str, Any]) -> list[str]:
        db, case_ids = self.context.db, self.case_ids
        return _at_most(wait_for(lambda: conclusions.doubts(db, case_ids, values)))

    def write(self, values: dict[str, Any], progress) -> conclusions.Outcome:
        return conclusions.record_conclusions(self.context.db, self.case_ids, values, progress)


def _at_most(doubts: list[str]) -> list[str]:
    """The first MOST_ASKED cases' doubts, then how many more cases have some (not that theirs are the same)."""
    more = len(doubts) - MOST_ASKED
    return [*doubts[:MOST_ASKED], *([f"Và {grouped(more)} hồ sơ khác cũng có điều cần xem lại."] if more > 0 else [])]


def tally(outcome: conclusions.Outcome) -> str:
    """«Đã ghi kết luận cho 23 hồ sơ; không ghi được 1; bỏ qua 1.»"""
    return "; ".join([f"Đã ghi kết luận cho {grouped(len(outcome.done))} hồ sơ",
                      *([f"không ghi được {grouped(len(outcome.refused))}"] if outcome.refused else []),
                      *([f"bỏ qua {grouped(len(outcome.skipped))}"] if outcome.skipped else [])]) + "."


def summary(outcome: conclusions.Outcome) -> str:
    """`tally`, then the cases not concluded, each named with why."""
    told = [tally(outcome)]
    for heading, named in (("Không ghi được:", outcome.refused), ("Bỏ qua:", outcome.skipped)):
        if named:
            told.append("\n".join([heading, *(f"– {name}" for name in named)]))
    return "\n\n".join(told)
