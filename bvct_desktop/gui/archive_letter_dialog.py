"""«Lập công văn…» of the archive-requests register: the công văn of the requests chosen (one letter: our answer to
a province, or our request to one), issued (a CV number, the outgoing register, the number written on the requests)
or not, into the print preview or saved as Word — written on a worker. The layout is the Designer form
ui/archive_letter_dialog.ui."""

from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

from ..core import archive_letters, documents_data, numbering, outgoing
from ..core.errors import BvctError, InputError
from ..core.kinds import ARCHIVE_REQUESTS
from ..core.permissions import Action, allows
from ..io.documents import archive_letter, render
from . import letter_making
from .context import AppContext
from .designer.ui_archive_letter_dialog import Ui_ArchiveLetterDialog
from .qt import QDialog, QWidget

LABEL = "Lập công văn…"  # the register's button


class ArchiveLetterDialog(QDialog, Ui_ArchiveLetterDialog):
    def __init__(self, context: AppContext, ids: Sequence[int], parent: QWidget | None = None):
        super().__init__(parent)
        self.setupUi(self)
        self.context, self.ids = context, list(ids)
        self.preview = None
        self.task = None  # the letter being written on a worker
        self.print_button.clicked.connect(lambda: self.make(None))
        self.docx_button.clicked.connect(self.save_docx)
        self.close_button.clicked.connect(self.reject)
        self.issue.setVisible(allows(context.db.actor.role, Action.REPORT_ISSUE) and not context.read_only)
        self.told = self._describe()

    def _describe(self) -> dict[str, Any] | None:
        """The letter the requests chosen make, told above the choices; None (nothing to make) when they are gone
        or belong to several letters."""
        try:
            _office, letters = documents_data.gather(self.context.db, documents_data.PRINTING_ARCHIVE_LETTERS,
                                                     lambda connection: archive_letters.letters_by_ids(connection,
                                                                                                       self.ids))
        except BvctError as refused:
            letters, problem = [], refused.message
        else:
            problem = ("Các yêu cầu đã chọn không còn trong sổ." if not letters else
                       f"Các yêu cầu đã chọn thuộc {len(letters)} công văn: hãy chọn các yêu cầu của một công văn."
                       if len(letters) > 1 else "")
        for button in (self.print_button, self.docx_button, self.issue):
            button.setEnabled(not problem)
        if problem:
            self.message.show_message(problem)
            return None
        letter = letters[0]
        on = archive_letters.letter_day(letter, self.context.clock().date())
        number = archive_letters.own_number(letter)
        self.letter.setText(f"Công văn {archive_letters.subject(letter).removeprefix('V/v ')} gửi "
                            f"«{archive_letters.addressee(letter, on)}» về {len(letter['persons'])} trường hợp"
                            + (f", số {number} đã ghi ở yêu cầu." if number else ", chưa có số."))
        if number:
            self.issue.setEnabled(False)  # issued once: its number is on its requests
        return letter

    def _letter(self, connection: Connection) -> dict[str, Any]:
        letters = archive_letters.letters_by_ids(connection, self.ids)
        if len(letters) != 1:
            raise InputError(" ".join(filter(None, ("Các yêu cầu đã chọn không còn là một công văn; hãy chọn lại.",
                                                    self.issue.isChecked() and numbering.NOT_TAKEN))))
        return letters[0]

    def save_docx(self) -> None:
        if self.told is None:
            return
        chosen = letter_making.word_file(self, LETTER, LETTER.about(self.told))
        if chosen is not None:
            self.make(chosen.target, chosen.password)

    def make(self, target: Path | None, password: str | None = None) -> None:
        """The letter into the preview (no target) or as a Word file (encrypted with `password` when given)."""
        if self.told is None or self.task is not None:
            return
        issue = self.issue.isChecked() and self.issue.isEnabled()
        letter_making.make(self, LETTER, partial(documents_data.archive_letter_document, self.context.db, self._letter),
                           target, password, issue, archive_letters.letter_day(self.told, self.context.clock().date()))


def _told(issued: documents_data.Issue, letter: Mapping[str, Any], saved: str) -> str:
    if issued.number is None:
        return "Dự thảo công văn (chưa có số)" + (f", lưu ở {saved}." if saved else ".")
    return (f"Công văn số {issued.text}, đã ghi vào sổ văn bản đi. "
            + archive_letters.filled_told(letter, issued.text, issued.on) + (f" Đã lưu ở {saved}." if saved else ""))


LETTER = letter_making.Letter(archive_letter.TITLE, outgoing.ARCHIVE_LETTER, "cong van tang thu",
                              lambda letter: letter["persons"][0]["full_name"], render.archive_letter_writer, _told,
                              documents_data.archive_letter_named, changed=("outgoing", ARCHIVE_REQUESTS.name),
                              issued_once=True)
