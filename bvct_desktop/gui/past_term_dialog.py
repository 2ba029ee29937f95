"""«Hồ sơ, tài liệu hết thời hạn bảo quản» (menu Hồ sơ): the vetting dossiers and the issued documents
past their term today, with the schedule they are kept by, for the chief of office to put before the
council that decides on destruction. The window only lists: it deletes nothing."""

from collections.abc import Sequence

from ..core import outgoing, retention
from ..core.dates import display_date
from ..core.errors import BvctError
from ..core.past_term import PastTerm, past_term
from .accessible import named
from .context import AppContext
from .look import ErrorLabel, fill_screen, heading, read_only
from .qt import QDialog, QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget
from .registers.columns import fit_to_width, keep_fitted, wrap_cells

TITLE = "Hồ sơ, tài liệu hết thời hạn bảo quản"
DOSSIER_HEADERS = ("Họ và tên", "Mục đích thẩm tra", "Số văn bản kết luận", "Ngày kết luận", "Thời hạn bảo quản")
DOCUMENT_HEADERS = ("Số", "Ngày", "Loại", "Trích yếu", "Thời hạn bảo quản")


def schedule_text() -> str:
    """The schedule as the window states it, from the one declaration in core/retention.py."""
    items = "; ".join(f"{term.kept_as}: {term.label.lower()}" for term in retention.SCHEDULE)
    return (f"Thời hạn bảo quản theo Thông tư 10/2022/TT-BNV — {items}; tính từ năm kết thúc công việc (năm kết "
            "luận hồ sơ, năm phát hành văn bản) đến hết năm hết hạn.")


class PastTermDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        today = context.clock().date()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(TITLE, f"Đến ngày {display_date(today)}. {schedule_text()}"))
        never = QLabel(f"<b>{retention.NEVER_DESTROYED}</b>")
        never.setWordWrap(True)
        layout.addWidget(never)
        self.message = ErrorLabel()
        try:
            found = past_term(context.db, today)
        except BvctError as refused:
            self.message.show_message(refused.message)
            found = PastTerm([], [])
        self.dossiers = self._section(layout, "Hồ sơ thẩm tra", DOSSIER_HEADERS, [
            (d.full_name, d.purpose or "chưa ghi mục đích", d.conclusion_no, display_date(d.concluded_on), d.kept.label)
            for d in found.dossiers])
        self.documents = self._section(layout, "Văn bản đã phát hành", DOCUMENT_HEADERS, [
            (e.number_text, display_date(e.issued_on), outgoing.KIND_LABELS.get(e.kind, e.kind), e.subject,
             e.kept.label) for e in found.documents])
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        close = QPushButton("Đóng")
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        fill_screen(self)

    def _section(self, layout: QVBoxLayout, title: str, headers: Sequence[str],
                 rows: list[tuple[str, ...]]) -> QLabel | QTableWidget:
        """The section's title with its count, then its rows as a table, or a line saying there are none."""
        if not rows:
            none = QLabel(f"<b>{title}</b>: không có {title[0].lower()}{title[1:]} nào hết thời hạn bảo quản.")
            layout.addWidget(none)
            return none
        layout.addWidget(QLabel(f"<b>{title}</b> — {len(rows)} hết thời hạn bảo quản"))
        table = named(QTableWidget(len(rows), len(headers)), title)
        table.setHorizontalHeaderLabels(list(headers))
        read_only(table)
        table.verticalHeader().hide()
        keep_fitted(table)
        wrap_cells(table)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                table.setItem(r, c, item)
        fit_to_width(table)
        layout.addWidget(table)
        return table
