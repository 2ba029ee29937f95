"""The person picker above a form that concerns a person: search the people already recorded
(the register's search rule), see what is known about each — a cadre, slips sent and their
results, archive research — and reuse one instead of recording them again. As the officer
types a name and birth date, people who may be the same are shown with a warning."""

import html

from ...core import editing
from ...core.errors import BvctError
from ...core.people import Identity
from ..accessible import clearable
from ..context import AppContext
from ..qt import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..registers.table import DownIntoList, EnterActivates

RESULT_LINES = 10  # the candidates' lines the list shows before it scrolls
WARNING_STYLE = "background: #fff4ce; color: #5c4400; padding: 4px; border: 1px solid #e0c060;"


class PersonPicker(QGroupBox):
    picked = Signal(object)  # editing.PersonFacts
    dropped = Signal()  # «Không dùng người này»: the form is about someone else after all

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__("Người đã có trong cơ sở dữ liệu", parent)
        self.context = context
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.search = QLineEdit()
        clearable(self.search)
        self.search.setPlaceholderText("Tìm người đã có: họ tên, CCCD, quê quán (không cần dấu)")
        self.search.textChanged.connect(self._search)
        row.addWidget(self.search, 1)
        self.use_button = QPushButton("Dùng người này")
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self._use_current)
        row.addWidget(self.use_button)
        layout.addLayout(row)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.warning.hide()
        layout.addWidget(self.warning)
        self.drop_button = QPushButton("Không dùng người này")
        self.drop_button.setToolTip("Lưu như một người khác, không sửa thông tin của người đã chọn")
        self.drop_button.clicked.connect(self._drop)
        self.drop_button.hide()
        layout.addWidget(self.drop_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.results = QListWidget()
        # every candidate (two lines each, for a cadre or a slip sent) without scrolling, each on its shade
        lines = self.results.fontMetrics().lineSpacing() * RESULT_LINES
        self.results.setMaximumHeight(lines + 2 * self.results.frameWidth())
        self.results.setAlternatingRowColors(True)
        self.results.setWordWrap(True)
        self.results.currentRowChanged.connect(lambda row: self.use_button.setEnabled(row >= 0))
        self.results.activated.connect(lambda _index: self._use_current())  # Enter, Space, double-click
        EnterActivates(self.results, space=True)
        DownIntoList(self.search, self.results)
        self.results.hide()
        layout.addWidget(self.results)

    def _search(self, query: str) -> None:
        found = editing.find_people(self.context.db, query) if query.strip() else []
        self._show(found)

    def _show(self, people: list[editing.PersonFacts]) -> None:
        self.results.clear()
        for facts in people:
            item = QListWidgetItem(describe(facts))
            item.setData(Qt.UserRole, facts)
            self.results.addItem(item)
        self.results.setVisible(bool(people))
        self.use_button.setEnabled(False)

    def warn_about(self, identity: Identity | None, current_person: int | None) -> None:
        """Shows the people who may be `identity` (none when it is the person already chosen)."""
        maybe = []
        if identity is not None:
            try:
                maybe = editing.possible_duplicates(self.context.db, identity, except_person=current_person)
            except BvctError:
                maybe = []
        if not maybe:
            self.warning.hide()
            return
        who = "một người đã có" if len(maybe) == 1 else f"{len(maybe)} người đã có"
        self.warning.setText(f"<b>Có thể trùng với {who}</b> — xem những gì đã biết bên dưới; nếu là cùng một "
                             "người, chọn và bấm «Dùng người này» để dùng lại kết quả đã có, không ghi thêm một người.")
        self.warning.show()
        self._show(maybe)

    def warn_changed(self, chosen: str, changed: list[str]) -> None:
        """The officer changed who the form is about after picking someone: say so, offer to drop them."""
        if not changed:
            if self.drop_button.isVisible():
                self.warning.hide()
                self.drop_button.hide()
            return
        self.warning.setText(f"<b>Đã sửa {', '.join(changed)} của người đã chọn</b> ({html.escape(chosen)}). "
                             "Nếu đây là người khác, bấm «Không dùng người này»; nếu là sửa thông tin của chính người "
                             "đó, cứ lưu.")
        self.warning.show()
        self.drop_button.show()

    def _use_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.picked.emit(item.data(Qt.UserRole))
            self.warning.hide()

    def _drop(self) -> None:
        self.warning.hide()
        self.drop_button.hide()
        self.dropped.emit()


def describe(facts: editing.PersonFacts) -> str:
    if not facts.known:
        return facts.description
    return facts.description + "\n" + "\n".join(f"– {line}" for line in facts.known)
