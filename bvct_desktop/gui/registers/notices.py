"""«Phát hành thông báo kết luận…» for the vetting cases selected, once an election list's nominees are concluded:
asked once (and, with no signer's name set, the question the case window asks: gui/unsigned), issued together off
the GUI thread (core/personfile/notices), the officer told which were issued and which skipped with why
(conclusions.summary), then every notice issued in one print preview, each from a page of its own. Each is
printed again later, as issued, from its case's window or the issued-documents page."""

from collections.abc import Callable

from ...core import documents_data, numbering, outgoing
from ...core.numbers import grouped
from ...core.personfile import notices
from ...core.personfile.selected import Outcome
from ...core.text import file_name
from ...io.documents import conclusion, profile, render
from .. import printing, unsigned
from ..context import AppContext
from ..dialogs import YES
from ..forms.conclusion_notice import ISSUE_LABEL, TAKES_NUMBER
from ..qt import QWidget
from ..workers import BackgroundTask, failure_message, run_in_background
from .conclusions import not_done, summary, tally

LABEL, TITLE = ISSUE_LABEL, ISSUE_LABEL.rstrip("…")
DONE = "Đã phát hành thông báo kết luận cho"  # how the summary begins (conclusions.tally)
FAILED = "Không phát hành được thông báo kết luận"


class SelectedNotices:
    """The notices of the cases `case_ids`, issued from the register `parent`, which is `told(text, error)` how
    it went."""

    def __init__(self, context: AppContext, parent: QWidget, case_ids: list[int],
                 told: Callable[[str, bool], None]):
        self.context, self.parent, self.case_ids, self.told = context, parent, case_ids, told
        self.task: BackgroundTask | None = None
        self.preview: printing.PrintPreview | None = None

    def start(self) -> None:
        """Issues the notices once the officer confirms, on a worker."""
        question = (f"Phát hành thông báo kết luận cho {grouped(len(self.case_ids))} hồ sơ đã chọn? Mỗi hồ sơ đã có "
                    "kết luận và chưa có thông báo được phát hành một thông báo; hồ sơ khác được bỏ qua và nêu tên. "
                    f"{TAKES_NUMBER}")
        context = self.context
        if (context.dialogs.ask(self.parent, TITLE, question) != YES
                or not unsigned.issue_agreed(context, self.parent, context.db.clock().date())):
            return
        writer = render.conclusion_writer("pdf", None, render.Options(profile.load()))

        def issued(made: tuple[Outcome, list[outgoing.Issued]] | None,
                   error: BaseException | None) -> None:
            if isinstance(error, notices.NotWritten):  # issued, each printed again from the register
                self.told(error.message, True)
                context.notifier.changed.emit("outgoing")
                context.dialogs.warn(self.parent, TITLE, "\n\n".join([error.message, *not_done(error.outcome)]))
                return
            if error is not None:
                self.told(f"{failure_message(error, FAILED)} {numbering.NOT_TAKEN}", True)
                return
            outcome, entries = made
            self.told(tally(outcome, DONE), False)
            if entries:
                context.notifier.changed.emit("outgoing")
            context.dialogs.inform(self.parent, TITLE, summary(outcome, DONE))
            if entries:
                self.preview = printing.preview_pdf(
                    context, self.parent, writer.data, conclusion.TITLE, outgoing.CONCLUSION,
                    file_name("thong bao ket luan", entries[0].issued_on, suffix="pdf"),
                    documents_data.numbers_named(entries) | writer.marked)

        self.task = run_in_background(self.parent, "Đang phát hành thông báo kết luận…", lambda progress: (
            notices.issue_notices(context.db, self.case_ids, writer, progress)), issued)
