"""«Đặt hạn hoàn thành…»: one deadline (an election list's: the day before hiệp thương vòng 2) entered once for
the vetting cases selected in the register and given each open one in one write off the GUI thread
(core/personfile/due_dates); the officer is then told, as after «Ghi kết luận…», which took it."""

from collections.abc import Callable
from typing import Any

from ...core.personfile import due_dates, selected, writes
from ..context import AppContext
from ..forms.for_selected import ForSelectedDialog
from ..qt import QWidget
from .conclusions import chosen

DONE = "Đã đặt hạn hoàn thành cho"  # how the summary begins (conclusions.tally)


class DueDateDialog(ForSelectedDialog):
    working, failed = "Đang đặt hạn hoàn thành…", "Không đặt được hạn hoàn thành"

    def __init__(self, context: AppContext, case_ids: list[int], done: Callable[[selected.Outcome], None],
                 parent: QWidget | None = None):
        super().__init__(context, "Đặt hạn hoàn thành cho các hồ sơ đã chọn",
                         chosen(len(case_ids), "một hạn hoàn thành"), due_dates.FIELDS, done, parent)
        self.case_ids = case_ids

    def checked(self, values: dict[str, Any]) -> None:
        writes.parse(due_dates.FIELDS, values)

    def doubts(self, values: dict[str, Any]) -> list[str]:
        return []

    def write(self, values: dict[str, Any], progress) -> selected.Outcome:
        return due_dates.set_due_dates(self.context.db, self.case_ids, values, progress)
