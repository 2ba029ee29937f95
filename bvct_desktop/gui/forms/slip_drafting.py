"""«Lập phiếu cho các thân nhân còn thiếu…»: the slips about every relative still to check of a vetting case (its
window) or of the cases selected in the register, made at once off the GUI thread (core/personfile/slip_drafts):
the recipient, the issue date and the first number entered once, the next free number written for the officer. The
officer is then told how many were made with which numbers and which relatives were skipped with why, and asked
whether to print the slips made, in one PDF as «In phiếu» prints slips selected."""

from collections.abc import Callable

from ...core import recipients
from ...core.numbers import grouped
from ...core.permissions import Action, allows
from ...core.personfile import slip_drafts
from .. import printing
from ..context import AppContext
from ..dialogs import YES
from ..printing import Opened
from ..qt import QWidget
from ..workers import BackgroundTask
from .for_selected import ForSelectedDialog
from .slip_number import SuggestedNumber

LABEL = "Lập phiếu cho các thân nhân còn thiếu…"
TITLE = "Lập phiếu xác minh cho các thân nhân còn thiếu"
TIP = ("Lập cùng lúc phiếu xác minh lai lịch cho mọi thân nhân còn thiếu của các hồ sơ đang xác minh đã chọn: "
       "nơi nhận, ngày phát hành và số phiếu đầu nhập một lần, số các phiếu sau tăng dần")
NOTE = ("Mỗi phiếu được lập như «Lập phiếu xác minh…» trong hồ sơ cá nhân, số phiếu tăng dần từ số đầu; số đã có "
        "phiếu khác thì lấy số kế tiếp còn trống. Thân nhân chưa khai trong danh sách hoặc phiếu không lưu được "
        "được bỏ qua và nêu tên.")
PRINT_ASKED = "In các phiếu vừa lập (một tệp PDF, mỗi phiếu một trang)?"


class SlipDraftingDialog(ForSelectedDialog):
    """Asks for the recipient, the issue date and the first number once; `done(drafted)` is called after every
    case was tried."""

    working, failed = "Đang lập phiếu xác minh…", "Không lập được phiếu xác minh"

    def __init__(self, context: AppContext, case_ids: list[int], done: Callable[[slip_drafts.Drafted], None],
                 parent: QWidget | None = None):
        units = [unit.name for unit in recipients.list_recipients(context.db)]
        super().__init__(context, TITLE, chosen(len(case_ids)), slip_drafts.FIELDS, done, parent, note=NOTE,
                         suggestions={"recipient": units})
        self.case_ids = case_ids
        self.save_button.setText("Lập phiếu")
        self.number_suggestion = SuggestedNumber(context, self.inputs["number"], self.inputs["issued_on"])
        self.remember_typed()

    def checked(self, values: dict[str, str]) -> None:
        slip_drafts.entered(values)

    def doubts(self, values: dict[str, str]) -> list[str]:
        return []

    def write(self, values: dict[str, str], progress) -> slip_drafts.Drafted:
        return slip_drafts.draft_slips(self.context.db, self.case_ids, values, progress)


def chosen(count: int) -> str:
    """What the officer is told above the fields for `count` cases (one: the case's own window)."""
    cases = "hồ sơ này" if count == 1 else f"<b>{grouped(count)} hồ sơ</b> đã chọn"
    return (f"Lập phiếu yêu cầu xác minh lai lịch cho mọi thân nhân còn thiếu của {cases}. Hồ sơ đã có kết luận "
            "hoặc đã xóa được bỏ qua.")


def told(context: AppContext, parent: QWidget, drafted: slip_drafts.Drafted,
         opened: Opened | None = None) -> BackgroundTask | None:
    """The slips made told, every register and case window shown again, and the slips printed in one PDF when
    the officer wants them (and their role may print)."""
    context.notifier.changed.emit("slips")
    if not drafted.slip_ids or not allows(context.db.actor.role, Action.EXPORT):
        context.dialogs.inform(parent, TITLE, drafted.told())
        return None
    if context.dialogs.ask(parent, TITLE, f"{drafted.told()}\n\n{PRINT_ASKED}") != YES:
        return None
    return printing.print_records(context, "slips", drafted.slip_ids, parent, opened=opened)
