"""The notice of a case's conclusion from its window: «Xem trước / In thông báo kết luận» (a draft, no
number, into the print preview), «Lưu dự thảo Word…» (the draft as a Word file, edited before signing) and
«Phát hành thông báo kết luận…» (the next TB number, recorded in the outgoing register, then in the
preview; a case that has one already is told so first) — written on a worker. All only once the case is
concluded. The notices issued for the case are listed, each printed again as issued with a double-click."""

from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

from ...core import conclusion_notice, documents_data, outgoing
from ...core.errors import BvctError
from ...core.permissions import Action, allows
from ...core.personfile import cases
from ...io.documents import conclusion, render
from .. import letter_making, print_again
from ..accessible import named
from ..context import AppContext
from ..dialogs import YES
from ..look import ErrorLabel, read_only
from ..qt import QAbstractItemView, QPushButton, QTableWidget, QTableWidgetItem, QWidget
from ..registers.columns import fit_to_width, keep_fitted
from ..registers.table import EnterActivates
from ..tooltips import typed_tip

PREVIEW_LABEL = "Xem trước / In thông báo kết luận"
DOCX_LABEL = "Lưu dự thảo Word…"
ISSUE_LABEL = "Phát hành thông báo kết luận…"
NOT_CONCLUDED = "Hồ sơ chưa có kết luận: hãy «Ghi kết luận» trước, rồi mới lập thông báo kết luận."
ISSUED_TITLE = "Thông báo kết luận đã phát hành"
ISSUED_HEADERS = ("Số thông báo", "Ngày", "Người ký", "Kết luận nêu trong thông báo", "Tình trạng")
TAKES_NUMBER = ("Thông báo sẽ lấy số TB tiếp theo của nhiệm kỳ và được ghi vào sổ văn bản đi; số đã lấy không dùng "
                "lại được.")


class NoticeButtons:
    """The buttons of the case `case` of `full_name` (its window `parent` tells the outcome in `message`)."""

    def __init__(self, context: AppContext, parent: QWidget, message: ErrorLabel, case: dict[str, Any],
                 full_name: str):
        self.context, self.parent, self.message, self.case = context, parent, message, case
        self.full_name = full_name
        self.task = None  # the notice being written
        self.preview = None
        self.issue = None  # issued by a button of its own: no «Phát hành» box
        role = context.db.actor.role
        self.preview_button, self.docx_button, self.issue_button = (
            QPushButton(PREVIEW_LABEL), QPushButton(DOCX_LABEL), QPushButton(ISSUE_LABEL))
        for button in (self.preview_button, self.docx_button):
            button.setVisible(allows(role, Action.EXPORT))
        self.issue_button.setVisible(allows(role, Action.REPORT_ISSUE) and not context.read_only)
        concluded = case["status"] == cases.CONCLUDED
        for button in self.buttons:
            button.setEnabled(concluded)
            button.setToolTip("" if concluded else NOT_CONCLUDED)
        self.preview_button.clicked.connect(lambda: self.make(issue=False))
        self.docx_button.clicked.connect(self.save_docx)
        self.issue_button.clicked.connect(lambda: self.make(issue=True))

    @property
    def buttons(self) -> tuple[QPushButton, QPushButton, QPushButton]:
        return self.preview_button, self.docx_button, self.issue_button

    def issued(self) -> list[conclusion_notice.IssuedNotice]:
        """The notices issued for the case, for a user who may print them (none for anyone else)."""
        if not allows(self.context.db.actor.role, Action.EXPORT):
            return []
        return conclusion_notice.issued_for(self.context.db, self.case["id"])

    def issued_table(self, notices: list[conclusion_notice.IssuedNotice]) -> QTableWidget:
        """`notices`, a row each, the conclusion each states marked when the case's is other now;
        double-click or Enter prints one again as issued."""
        table = named(QTableWidget(len(notices), len(ISSUED_HEADERS)), ISSUED_TITLE)
        table.setHorizontalHeaderLabels(ISSUED_HEADERS)
        read_only(table)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.verticalHeader().hide()
        keep_fitted(table)
        for row, notice in enumerate(notices):
            entry = notice.entry
            stated = notice.conclusion + (" (khác kết luận hiện nay)" if notice.outdated(self.case) else "")
            for column, value in enumerate((entry.number_text, f"{entry.issued_on:%d/%m/%Y}", entry.signer, stated,
                                            entry.status_label)):
                item = QTableWidgetItem(value)
                item.setToolTip(typed_tip(value))
                table.setItem(row, column, item)
        fit_to_width(table)
        EnterActivates(table)
        table.activated.connect(lambda index: self.print_again(notices[index.row()].entry))
        return table

    def print_again(self, entry: outgoing.Issued) -> None:
        """An issued notice, as issued whatever the case says now, into the print preview."""
        print_again.into_preview(self, self.context, self.parent, entry)

    def save_docx(self) -> None:
        """The draft as a Word file, where the officer chooses (encrypted with a password if given)."""
        if self.task is not None:
            return
        chosen = letter_making.word_file(self, NOTICE, self.full_name, self.parent)
        if chosen is not None:
            self.make(issue=False, target=chosen.target, password=chosen.password)

    def _confirmed(self) -> list[conclusion_notice.IssuedNotice] | None:
        """The notices already issued for the case the officer was told of, once they want one more; else None."""
        try:
            notices = self.issued()
        except BvctError as refused:
            self.message.show_message(refused.message)
            return None
        question = (conclusion_notice.issued_before(notices, self.case) if notices
                    else "Phát hành thông báo kết luận?")
        agreed = self.context.dialogs.ask(self.parent, ISSUE_LABEL.rstrip("…"), f"{question} {TAKES_NUMBER}") == YES
        return notices if agreed else None

    def make(self, issue: bool, target: Path | None = None, password: str | None = None) -> None:
        """The notice into the preview (no target) or a Word file: a draft, or issued once the officer confirms."""
        seen = self._confirmed() if self.task is None and issue else []
        if self.task is not None or seen is None:
            return
        db = self.context.db
        letter_making.make(self, NOTICE, partial(documents_data.conclusion_document, db, self.case["id"], seen=seen),
                           target, password, issue, db.clock().date(), self.parent)


def _told(issued: documents_data.Issue, _data: Mapping[str, Any], saved: str) -> str:
    if issued.number is None:
        return "Dự thảo thông báo kết luận (chưa có số)" + (f", lưu ở {saved}." if saved else ".")
    return f"Thông báo kết luận số {issued.text}, đã ghi vào sổ văn bản đi."


NOTICE = letter_making.Letter(conclusion.TITLE, outgoing.CONCLUSION, "thong bao ket luan",
                              lambda data: data["full_name"], render.conclusion_writer, _told, conclusion_notice.named,
                              name="thông báo kết luận", word_title="Lưu dự thảo thông báo kết luận")
