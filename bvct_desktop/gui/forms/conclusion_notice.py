"""The notice of a case's conclusion from its window: «Xem trước / In thông báo kết luận» (a draft, no
number, into the print preview) and «Phát hành thông báo kết luận…» (the next TB number, recorded in the
outgoing register, then in the preview) — written on a worker. Both only once the case is concluded."""

from typing import Any

from ...core import conclusion_notice, documents_data, outgoing
from ...core.errors import InputError
from ...core.permissions import Action, allows
from ...core.personfile import cases
from ...core.text import file_name
from ...io.documents import conclusion, profile, render
from .. import printing
from ..context import AppContext
from ..dialogs import YES
from ..look import ErrorLabel
from ..qt import QPushButton, QWidget
from ..workers import failure_message, run_in_background

PREVIEW_LABEL = "Xem trước / In thông báo kết luận"
ISSUE_LABEL = "Phát hành thông báo kết luận…"
NOT_CONCLUDED = "Hồ sơ chưa có kết luận: hãy «Ghi kết luận» trước, rồi mới lập thông báo kết luận."


class NoticeButtons:
    """The two buttons of the case `case` (its window `parent` tells the outcome in `message`)."""

    def __init__(self, context: AppContext, parent: QWidget, message: ErrorLabel, case: dict[str, Any]):
        self.context, self.parent, self.message, self.case_id = context, parent, message, case["id"]
        self.task = None  # the notice being written
        self.preview = None
        role = context.db.actor.role
        self.preview_button, self.issue_button = QPushButton(PREVIEW_LABEL), QPushButton(ISSUE_LABEL)
        self.preview_button.setVisible(allows(role, Action.EXPORT))
        self.issue_button.setVisible(allows(role, Action.REPORT_ISSUE) and not context.read_only)
        concluded = case["status"] == cases.CONCLUDED
        for button in self.buttons:
            button.setEnabled(concluded)
            button.setToolTip("" if concluded else NOT_CONCLUDED)
        self.preview_button.clicked.connect(lambda: self.make(issue=False))
        self.issue_button.clicked.connect(lambda: self.make(issue=True))

    @property
    def buttons(self) -> tuple[QPushButton, QPushButton]:
        return self.preview_button, self.issue_button

    def make(self, issue: bool) -> None:
        """The notice into the preview: a draft, or issued once the officer confirms."""
        if self.task is not None or issue and self.context.dialogs.ask(
                self.parent, ISSUE_LABEL.rstrip("…"),
                "Phát hành thông báo kết luận? Thông báo sẽ lấy số TB tiếp theo của nhiệm kỳ và được ghi vào sổ văn "
                "bản đi; số đã lấy không dùng lại được.") != YES:
            return
        writer = render.conclusion_writer("pdf", None, render.Options(profile.load()))

        def written(made, error: BaseException | None) -> None:
            self.task = None
            if error is not None:
                self.message.show_message(failure_message(error, "Không lập được thông báo kết luận"))
                if issue and not isinstance(error, InputError):  # a number taken may have been spoiled
                    self.context.notifier.changed.emit("outgoing")
                return
            issued, data = made
            if issued.number is None:
                self.message.show_message("Dự thảo thông báo kết luận (chưa có số).", error=False)
            else:
                self.message.show_message(f"Thông báo kết luận số {issued.text}, đã ghi vào sổ văn bản đi.",
                                          error=False)
                self.context.notifier.changed.emit("outgoing")
            self.preview = printing.preview_pdf(
                self.context, self.parent, writer.data, conclusion.TITLE, outgoing.CONCLUSION,
                file_name("thong bao ket luan", data["full_name"], suffix="pdf"),
                conclusion_notice.named(data) | documents_data.issue_named(issued))

        self.task = run_in_background(self.parent, "Đang lập thông báo kết luận…", lambda _progress: (
            documents_data.conclusion_document(self.context.db, self.case_id, None, writer, issue)), written)
