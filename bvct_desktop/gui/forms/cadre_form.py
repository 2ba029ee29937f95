"""The cadre's form: the person and post details, then the whole file of the person on tabs —
relatives, foreign elements, political-issue notes, vetting cases, slips, delegations, complaints."""

from ...core import browse
from ..context import AppContext
from ..qt import QAbstractItemView, QLabel, Qt, QTableView
from ..registers.model import RegisterModel
from .person_file import SECTIONS, SectionTab
from .record_form import RecordForm

RECORD_TABS = (("slips", "Phiếu xác minh"), ("delegations", "Đoàn ra nước ngoài"), ("complaints", "Đơn thư"))


class CadreForm(RecordForm):
    def __init__(self, context, kind: str = "cadres", record_id: int | None = None, parent=None):
        super().__init__(context, kind, record_id, parent)
        self.resize(900, 680)
        self._file_of: int | None = None
        self._file_tabs()
        self.saved.connect(lambda _id: self._file_tabs())

    def _file_tabs(self) -> None:
        """The person's file, once the person is known (after the first save of a new cadre)."""
        if self._file_of is not None and self._file_of == self.person_id:
            return
        self._file_of = self.person_id
        while self.tabs.count() > 1:
            page = self.tabs.widget(1)
            self.tabs.removeTab(1)
            page.deleteLater()
        if self.person_id is None:
            waiting = QLabel("Lưu thông tin cán bộ trước, rồi thêm thân nhân, yếu tố nước ngoài, vấn đề chính trị, "
                             "hồ sơ thẩm tra.")
            waiting.setAlignment(Qt.AlignCenter)
            waiting.setWordWrap(True)
            self.tabs.addTab(waiting, "Hồ sơ")
            return
        for section in SECTIONS:
            self.tabs.addTab(SectionTab(self.context, section, self.person_id), section.title)
        for kind, title in RECORD_TABS:
            self.tabs.addTab(PersonRecords(self.context, kind, self.person_id), title)


class PersonRecords(QTableView):
    """One person's records of a register (read-only here); double-click opens the record."""

    def __init__(self, context: AppContext, kind: str, person_id: int):
        super().__init__()
        self.context, self.kind = context, kind
        self.forms: list[RecordForm] = []
        self.setModel(RegisterModel(context.db, kind, self))
        self.model().set_filters(browse.Filters(person_id=person_id))
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.resizeColumnsToContents()
        self.doubleClicked.connect(lambda index: self.open_record(self.model().record_id(index.row())))
        context.notifier.changed.connect(self._changed)

    def _changed(self, kind: str) -> None:
        if kind in (self.kind, "*"):
            self.model().reload()

    def open_record(self, record_id: int) -> RecordForm:
        form = RecordForm(self.context, self.kind, record_id, self)
        form.show()
        self.forms.append(form)
        return form
