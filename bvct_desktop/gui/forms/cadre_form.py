"""The cadre's form: the person and post details, then the whole file of the person on tabs —
relatives, foreign elements, political-issue notes, vetting cases, slips (about the cadre and
about each relative), archive research about the person, delegations, passports, complaints."""

from ...core import browse, passports
from ...core.dates import display_date
from ...core.personfile import known, vitae
from ...core.personfile.known import SlipAbout
from .. import printing
from ..accessible import named
from ..context import AppContext
from ..look import EmptyNote, fill_screen, read_only
from ..qt import (
    QAbstractItemView,
    QColor,
    QLabel,
    QPushButton,
    Qt,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)
from ..registers.columns import DEFAULT_HIDDEN, fit_to_width, keep_fitted
from ..registers.model import RegisterModel
from ..tooltips import typed_tip
from .file_letters import FileLetters
from .passport_form import PassportForm
from .person_file import SECTIONS, SectionTab, compact
from .record_form import RecordForm
from .window import shown

SLIPS_TAB = "Phiếu xác minh"
VITAE_PRINT = "In lý lịch 2C…"
VITAE_TAB = "Lý lịch 2C"  # the person's own account, form 2C's sections: one tab, the file's others read beside it
VITAE_KINDS = frozenset(notes.kind for notes in vitae.SECTIONS)
RECORD_TABS = (("archive-requests", "Nghiên cứu tàng thư"), ("delegations", "Đoàn ra nước ngoài"),
               (passports.KIND, "Hộ chiếu"), ("complaints", "Đơn thư"))


class CadreForm(RecordForm):
    repicks_person = False  # the file the person's records hang on: a second entry is corrected on its own record
    def __init__(self, context, kind: str = "cadres", record_id: int | None = None, parent=None):
        super().__init__(context, kind, record_id, parent)
        fill_screen(self)
        self._file_of: int | None = None
        self.vitae: QTabWidget | None = None  # the 2C sections' tabs, once the person is known
        self._file_tabs()
        self.saved.connect(lambda _id: self._file_tabs())
        self.vitae_button: QPushButton | None = None
        if hasattr(self, "print_button"):  # beside «In trích ngang…», for whom may print
            self.vitae_button = QPushButton(VITAE_PRINT)
            self.vitae_button.setToolTip("Xem trước và in sơ yếu lý lịch mẫu 2C, để cán bộ ký")
            self.vitae_button.clicked.connect(lambda: self.print_record(printing.print_vitae))
            self.button_row.insertWidget(self.button_row.indexOf(self.print_button) + 1, self.vitae_button)
            QWidget.setTabOrder(self.print_button, self.vitae_button)  # Tab as on screen, not after «Đóng»

    def _file_tabs(self) -> None:
        """The person's file, once the person is known (after the first save of a new cadre)."""
        if self._file_of is not None and self._file_of == self.person_id:
            return
        self._file_of = self.person_id
        while self.tabs.count() > 1:
            page = self.tabs.widget(1)
            self.tabs.removeTab(1)
            page.deleteLater()
        self.vitae = None
        if self.person_id is None:
            waiting = QLabel("Lưu thông tin cán bộ trước, rồi thêm khen thưởng, kỷ luật, đào tạo, quá trình công tác, "
                             "đặc điểm lịch sử bản thân, thân nhân, yếu tố nước ngoài, quá trình lương, đánh giá, "
                             "vấn đề chính trị, hồ sơ thẩm tra.")
            waiting.setAlignment(Qt.AlignCenter)
            waiting.setWordWrap(True)
            self.tabs.addTab(waiting, "Hồ sơ")
            return
        self.vitae = QTabWidget()
        named(self.vitae, VITAE_TAB)
        self.tabs.addTab(self.vitae, VITAE_TAB)
        for section in SECTIONS:
            tab = SectionTab(self.context, section, self.person_id)
            self._add_tab(tab, tab.table, section.title, self.vitae if section.kind in VITAE_KINDS else self.tabs)
        slips = PersonSlips(self.context, self.person_id)
        self._add_tab(slips, slips, SLIPS_TAB)
        for kind, title in RECORD_TABS:
            records = PersonRecords(self.context, kind, self.person_id)
            self._add_tab(records, records, title)
        self.tab_into_pages()

    def _add_tab(self, page: QWidget, table: QTableView, title: str, tabs: QTabWidget | None = None) -> None:
        named(table, title)
        EmptyNote(table, f"Chưa có {title.lower()} nào.")
        (tabs or self.tabs).addTab(page, title)

    def pages(self) -> list[tuple[str, QWidget]]:
        """Every page of the form by its title, in order; the 2C sections' in place of their group."""
        found = []
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is self.vitae:
                found += [(page.tabText(number), page.widget(number)) for number in range(page.count())]
            else:
                found.append((self.tabs.tabText(index), page))
        return found

    def show_page(self, title: str) -> QWidget:
        """Brings the page of that title into view, its group's tab first; returns it."""
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if self.tabs.tabText(index) == title:
                self.tabs.setCurrentIndex(index)
                return page
            if page is self.vitae:
                for number in range(page.count()):
                    if page.tabText(number) == title:
                        self.tabs.setCurrentIndex(index)
                        page.setCurrentIndex(number)
                        return page.widget(number)
        raise KeyError(title)


class PersonRecords(QTableView):
    """One person's records of a register (read-only here); double-click opens the record."""

    def __init__(self, context: AppContext, kind: str, person_id: int):
        super().__init__()
        self.context, self.kind = context, kind
        self.forms: list[QWidget] = []
        self.setModel(FileLetters(context.db, person_id, self) if kind == "complaints"
                      else RegisterModel(context.db, kind, self))
        self.model().set_filters(browse.Filters(person_id=person_id))
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        read_only(self)
        self.verticalHeader().hide()
        for logical, column in enumerate(self.model().columns):  # as the register shows them before any choice
            self.setColumnHidden(logical, column.key in DEFAULT_HIDDEN.get(kind, ()))
        keep_fitted(self)
        self.model().modelReset.connect(lambda: fit_to_width(self))
        self.doubleClicked.connect(lambda index: self.open_record(self.model().record_id(index.row())))
        context.notifier.changed.connect(self._changed)

    def _changed(self, kind: str) -> None:
        if kind in (self.kind, "*"):
            self.model().reload()

    def open_record(self, record_id: int) -> QWidget:
        return shown((PassportForm if self.kind == passports.KIND else RecordForm)(self.context, self.kind, record_id,
                                                                                    self), self.forms)


# (header, the cell of a slip); the relation is the subject's to the person whose file it is
SLIP_COLUMNS = (
    ("Số phiếu", lambda slip: slip.number),
    ("Ngày phát hành", lambda slip: display_date(slip.issued_on)),
    ("Người được xác minh", lambda slip: slip.subject_name),
    ("Quan hệ", lambda slip: slip.relation),
    ("Thẩm tra cho", lambda slip: "người này" if slip.for_this_person else slip.vetted_name or "người khác"),
    ("Mục đích", lambda slip: slip.purpose or ""),
    ("Nơi nhận", lambda slip: slip.recipient),
    ("Ngày nhận kết quả", lambda slip: display_date(slip.result_on) if slip.result_on else ""),
    ("Kết quả", lambda slip: slip.result or ""),
)
OTHER_VETTING_COLOUR = QColor("#555555")


class PersonSlips(QTableWidget):
    """Every slip about the person and about each of their relatives (core.personfile.known), newest
    first, whatever vetting it was for; double-click or Enter opens the slip."""

    def __init__(self, context: AppContext, person_id: int):
        super().__init__(0, len(SLIP_COLUMNS))
        self.context, self.person_id = context, person_id
        self.slips: list[SlipAbout] = []
        self.forms: list[RecordForm] = []
        self.setHorizontalHeaderLabels([header for header, _ in SLIP_COLUMNS])
        read_only(self)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        compact(self)
        self.activated.connect(lambda index: self.open_record(self.slips[index.row()].slip_id))  # Enter, double-click
        context.notifier.changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        self.slips = known.known_about(self.context.db, self.person_id).slips
        self.setRowCount(len(self.slips))
        for row, slip in enumerate(self.slips):
            for column, (_header, cell) in enumerate(SLIP_COLUMNS):
                text = cell(slip)
                item = QTableWidgetItem(text)
                if len(text) > 30:
                    item.setToolTip(typed_tip(text))
                if not slip.for_this_person:
                    item.setForeground(OTHER_VETTING_COLOUR)
                self.setItem(row, column, item)
        fit_to_width(self)

    def _changed(self, kind: str) -> None:
        if kind in ("slips", "relatives", "cadres", "vetting-cases", "*"):
            self.reload()

    def open_record(self, slip_id: int) -> RecordForm:
        return shown(RecordForm(self.context, "slips", slip_id, self), self.forms)
