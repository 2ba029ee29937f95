"""«Mở hồ sơ thẩm tra…»: one vetting case (an election list's: its purpose, the day the list came, the cấp ủy's
decision, the deadline) entered once for the cadres selected in the register and opened for each off the GUI
thread (core/personfile/opening); the officer is then told which were opened and skipped, as after
«Ghi kết luận…» (conclusions.py)."""

from collections.abc import Callable
from typing import Any

from ...core.numbers import grouped
from ...core.personfile import cases, opening, selected
from ..context import AppContext
from ..forms.for_selected import ForSelectedDialog
from ..qt import QWidget

OPENED = "Đã mở"  # how the summary begins (conclusions.tally): «Đã mở 118 hồ sơ; bỏ qua 2.»


class OpeningDialog(ForSelectedDialog):
    working, failed = "Đang mở hồ sơ thẩm tra…", "Không mở được hồ sơ thẩm tra"

    def __init__(self, context: AppContext, cadre_ids: list[int], done: Callable[[selected.Outcome], None],
                 parent: QWidget | None = None):
        super().__init__(context, "Mở hồ sơ thẩm tra cho các cán bộ đã chọn", chosen(len(cadre_ids)),
                         opening.FIELDS, done, parent)
        self.cadre_ids = cadre_ids

    def checked(self, values: dict[str, Any]) -> None:
        cases.case_values(values)

    def doubts(self, values: dict[str, Any]) -> list[str]:
        return []

    def write(self, values: dict[str, Any], progress) -> selected.Outcome:
        return opening.open_cases(self.context.db, self.cadre_ids, values, progress)


def chosen(count: int) -> str:
    """What the officer is told above the fields for `count` cadres."""
    return (f"Mỗi cán bộ trong <b>{grouped(count)} cán bộ</b> đã chọn được mở một hồ sơ thẩm tra với các thông tin "
            "dưới đây. Cán bộ đã có hồ sơ cùng mục đích đang xác minh hoặc đã xóa được bỏ qua và nêu tên.")
