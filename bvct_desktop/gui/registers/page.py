"""One register page: search box, filters that fit the record, row count, the table, and the
actions Thêm · Sửa · Xóa · Nhập Excel · Xuất Excel · In (the cadres' also Nhập thân nhân: relatives
have no register of their own, and belong to cadres); a switch shows the recycle bin,
where a deleted record is restored (nothing is added, exported or printed there). Double-click
or Enter opens the record's form, the Delete key deletes as «Xóa» does; Down or Enter in the search
box goes on to the rows."""

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from ...core import (
    browse,
    cadre_ties,
    documents_data,
    editing,
    exporting,
    importing,
    in_charge,
    passports,
    recipients,
    recycle_bin,
    replies,
)
from ...core.dates import display_date
from ...core.errors import BvctError
from ...core.kinds import ARCHIVE_REQUESTS, CADRES, KINDS, RELATIVES
from ...core.numbers import grouped
from ...core.permissions import Action, allows
from ...core.personfile import cases, due_dates, opening
from ...core.personfile.selected import Outcome
from ...core.personfile.slip_drafts import Drafted
from ...core.text import file_name
from ...io import xlsx_writer
from ...io.documents import profile, render
from ...io.documents.lists import period_text
from .. import allowed, damage, export_password, forms, printing, reauth
from ..accessible import clearable, named
from ..archive_letter_dialog import LABEL as LETTER_LABEL
from ..archive_letter_dialog import ArchiveLetterDialog
from ..context import AppContext
from ..date_box import DateBox
from ..dialogs import FILE_FILTERS, YES
from ..flow_layout import FlowLayout
from ..forms import slip_drafting, window
from ..forms.slip_drafting import SlipDraftingDialog
from ..import_wizard import ImportWizard
from ..look import CROSS, ErrorLabel, NarrowComboBox, heading, styled
from ..qt import (
    QCheckBox,
    QComboBox,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QItemSelection,
    QItemSelectionModel,
    QLabel,
    QLineEdit,
    QPoint,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..tooltips import typed_tip
from ..workers import BackgroundTask, Cancelled, Progress, counted, failure_message, run_in_background, too_late
from .columns import ColumnLayout
from .conclusions import ConclusionDialog, summary, tally
from .delegation_passports import ALL_HANDED_OUT, ALL_TAKEN_BACK, DelegationPassportsDialog
from .due_dates import DONE, DueDateDialog
from .model import RegisterModel
from .notices import LABEL as ISSUE_LABEL
from .notices import SelectedNotices
from .opening import OPENED, OpeningDialog
from .replies import MOST_NAMED, ReplyDialog
from .table import DownIntoList, RegisterTable
from .value_filter import EMPTY, ValueFilter

PERIOD_TIP = "{}: dd/mm/yyyy; để trống là không lọc"
DONE_BY_TIP = "Chỉ các bản ghi đã xong đến ngày cuối kỳ (như số liệu ở Tổng quan); bấm để bỏ"
COLUMNS_TIP = "Bỏ mọi bộ lọc theo cột (mũi tên trên tiêu đề cột)"
CHOSEN_HIDDEN = "Đã chọn thêm {} phiếu không hiện theo tìm kiếm, bộ lọc: «Ghi kết quả…» gồm cả các phiếu này"
CHOSEN_TIP = "Bấm để bỏ chọn các phiếu không hiện"
# «Việc của tôi»: the status of a record still to be done with, in the registers whose records someone is in charge of
MY_WORK = {"slips": browse.AWAITING_REPLY, "vetting-cases": cases.OPEN}
MY_WORK_TIP = {"slips": "phiếu chờ kết quả", "vetting-cases": "hồ sơ thẩm tra đang xác minh"}
CHIP_WIDTH = 620  # px: two filters in force side by side fit a 1366-pixel screen
SAVING = "Đang lưu tệp…"  # an export's rows are all read and laid out: its file is being written
# The registers in navigation order, by their short names (the navigation's, and the exported files')
SHORT_TITLES = {
    "cadres": "Cán bộ",
    "vetting-cases": "Hồ sơ thẩm tra",
    "slips": "Phiếu xác minh",
    "archive-requests": "Tàng thư",
    "delegations": "Đoàn ra nước ngoài",
    "passports": "Hộ chiếu",
    "complaints": "Đơn thư",
}
FROZEN = {  # the column kept in view (with those before it) while the others scroll sideways
    "cadres": "full_name", "vetting-cases": "full_name", "slips": "full_name", "archive-requests": "full_name",
    "delegations": "name", "complaints": "subject_name", "passports": "full_name",
}
# Registers whose rows go on two lines: an overdue deadline (the day, how late under it), a province named
# under its old and new names, a nominee's long name kept in view, a letter's summary and a delegation's name are
# read whole beside the other columns at 1366 pixels
WRAPPED = ("archive-requests", "vetting-cases", "complaints", "delegations")
HEADINGS = {
    "cadres": "Danh sách cán bộ",
    "vetting-cases": "Hồ sơ thẩm tra, xác minh tiêu chuẩn chính trị",
    "slips": "Phiếu yêu cầu xác minh lai lịch",
    "archive-requests": "Nghiên cứu tàng thư",
    "delegations": "Đoàn ra nước ngoài",
    "passports": "Sổ theo dõi giao, nhận hộ chiếu",
    "complaints": "Đơn thư khiếu nại, tố cáo",
}
# the actions a register answers, the main window's and its own (method → its button), and what each does,
# to say why not
ANSWERED = {"new_record": "add", "import_excel": "import", "import_relatives": "import_relatives",
            "export_excel": "export", "print_list": "print"}
DOINGS = {"new_record": "thêm bản ghi", "import_excel": "nhập Excel", "import_relatives": "nhập thân nhân",
          "export_excel": "xuất Excel", "print_list": "in danh sách"}
RELATIVES_TIP = "Nhập thân nhân của các cán bộ đã có trong danh sách từ tệp Excel (có tệp mẫu)"
STOPPED = "Dừng lại vì lỗi không lường trước"  # an action on the records selected failed unexpectedly
CASES_NAMED = 3  # vetting cases a message names when slips took them along (the others are counted)
NOTHING_FOUND = "Không tìm thấy bản ghi nào khớp «{}»"  # then where it looked, and what to try
LOOKED_IN_ALL = ": thử gõ ít từ hơn, chẳng hạn chỉ tên hoặc số CCCD."
LOOKED_UNDER_FILTERS = " trong những bản ghi đang lọc: bỏ bớt bộ lọc hoặc gõ ít từ hơn."
LOOKED_IN_BIN = " trong thùng rác: bỏ chọn «Thùng rác» để tìm trong sổ."
MIXED_FOUND = "Không có ai khớp trọn; đang hiện những hồ sơ có đủ các từ ở các cột khác nhau."
NO_RECORDS = "Sổ chưa có bản ghi nào."
FIRST_STEP = " Bấm «Thêm» để ghi bản ghi đầu tiên"  # told when the officer may add
IMPORT_STEP = ", hoặc «Nhập Excel» để nhập danh sách có sẵn từ tệp Excel"
IN_BIN = "Đang xem thùng rác (bản ghi đã xóa): bỏ chọn «Thùng rác» để {}."
NOT_EXCHANGED = {  # why a register that is not a KIND of the command line is not imported from Excel
    cases.KIND: ("Hồ sơ thẩm tra được mở từ phiếu xác minh hoặc trong hồ sơ từng người: sổ này không nhập từ Excel "
                 "(xuất Excel và in danh sách để trình Thường trực thì được)."),
    passports.KIND: "Sổ hộ chiếu chỉ ghi trên màn hình (giao, nhận từng lần): không nhập từ Excel.",
}


def exchanged(kind: str) -> bool:
    """Whether register `kind` is imported from and exported to Excel: vetting cases and passports are kept by
    their own services."""
    return kind in KINDS


def first_step(importing: bool) -> str:
    """What one who may add is told to do first where there is no record yet: «Nhập Excel» too where it is
    offered (`importing`)."""
    return f"{FIRST_STEP}{IMPORT_STEP if importing else ''}."


class RegisterPage(QWidget):
    actions_changed = Signal()  # what the window's actions do here may have changed (unavailable())

    def __init__(self, context: AppContext, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.spec = browse.view(kind)
        self.kind = self.spec.kind
        self.title = HEADINGS[kind]
        self.open_forms: list[QWidget] = []  # the records' forms open, as forms.window.shown keeps them
        self.recyclable = kind in recycle_bin.TABLES
        self.exchanged = exchanged(kind)
        self.printed = self.exchanged or kind in printing.OWN_LISTS  # exported and printed
        self.model = RegisterModel(context.db, kind, self)
        self.column_filters = browse.Filters()  # only its column values: Excel's filters
        self.done_by: dt.date | None = None  # done with by this day (a dashboard figure's records)
        self.preview = self.print_job = None  # the print preview, and the document being prepared for it
        self.export_task: BackgroundTask | None = None  # the export running, or the last one
        self.each_task: BackgroundTask | None = None  # the records selected being deleted or restored, or the last
        self._columns_laid_out = False
        self._stale = False  # records changed while another page was shown
        self._told_under: tuple | None = None  # the search and filters under which what was done is told
        self._unread_told: str | None = None  # why the rows could not be read, as told, until read again
        # slips chosen before a search or filter left them out of the rows shown: «Ghi kết quả…» still answers them
        self.chosen_hidden: list[int] = []
        self._answered: set[int] = set()  # the slips the last reply was written on: not carried into the next search
        self.model.unreadable.connect(self._unreadable)  # from the table's first sort on
        self._build()
        context.notifier.changed.connect(self._changed)
        self.model.grown.connect(self._show_count)
        self.model.grown.connect(self._found_chosen)
        self._show_count()
        self._update_buttons()

    @property
    def can_edit(self) -> bool:
        """Whether the officer's role, as last read, makes changes (a read-only window makes none)."""
        return not self.context.read_only and allows(self.context.db.actor.role, Action.EDIT)

    @property
    def can_export(self) -> bool:
        return allows(self.context.db.actor.role, Action.EXPORT)

    @property
    def can_issue(self) -> bool:
        """Whether the officer's role issues documents (numbered, into the outgoing register) from here."""
        role = self.context.db.actor.role
        return not self.context.read_only and allows(role, Action.EXPORT) and allows(role, Action.REPORT_ISSUE)

    # ----- building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.title), 1)
        self.count_label = QLabel()
        styled(self.count_label, "pageSubtitle")
        top.addWidget(self.count_label, 0, Qt.AlignBottom)
        layout.addLayout(top)
        layout.addLayout(self._filter_row())
        layout.addWidget(self._chips())
        layout.addLayout(self._action_row())
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        keys = [column.key for column in self.spec.columns]
        frozen = FROZEN.get(kind_name := self.kind.name)
        self.table = RegisterTable(self.model, lambda: keys.index(frozen) if frozen in keys else None)
        named(self.table, self.title)
        if kind_name in WRAPPED:
            self.table.wrap_cells()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        header.filterable = {keys.index(key) for key in browse.filterable(kind_name)}
        header.filter_clicked.connect(self.filter_column)
        self.table.frozen.horizontalHeader().filter_clicked.connect(self.filter_column)
        key, descending = self.spec.default_sort
        header.setSortIndicator(keys.index(key), Qt.DescendingOrder if descending else Qt.AscendingOrder)
        self.table.setSortingEnabled(True)  # sorts (loads) once, by the indicator
        self.columns = ColumnLayout(self.context, kind_name, self.table, keys, self._filter_menu)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.installEventFilter(self)  # Enter opens the selected record, Delete deletes it
        DownIntoList(self.search, self.table)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)

    def _filter_row(self) -> FlowLayout:
        row = FlowLayout()
        self.search = named(QLineEdit(), "Tìm trong sổ")
        clearable(self.search)
        also = self.spec.searched_also or ("nội dung" if self.spec.text_columns else "")
        self.search.setPlaceholderText("Tìm: họ tên, CCCD, quê quán…")
        self.search.setToolTip(f"Tìm theo họ tên, CCCD, quê quán{', ' + also if also else ''} (Ctrl+F). Mọi từ gõ "
                               "vào đều phải có; không phân biệt dấu, chữ hoa, chữ thường.")
        # the placeholder whole beside the clear button: the row goes on to another line first
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 40)
        self.search.textChanged.connect(lambda text: self._keeping_choice(lambda: self.model.set_query(text)))
        self.search.textChanged.connect(self._show_count)
        row.addWidget(self.search)
        self.start = self.end = None
        if self.spec.period is not None:
            self.start, self.end = self._date_box("Từ ngày"), self._date_box("Đến ngày")
            row.addWidget(self.start)
            row.addWidget(self.end)
        self.status = self._combo("Trạng thái", *self.spec.statuses) if self.spec.statuses else None
        self.purpose = self._combo(self.spec.purpose_label, *self.spec.purposes) if self.spec.purposes else None
        self.recipient = None
        if self.spec.recipient is not None:
            self.recipient = self._combo("Nơi nhận")
            for unit in recipients.list_recipients(self.context.db, include_inactive=True):
                self.recipient.addItem(unit.name, unit.id)
        for box in (self.status, self.purpose, self.recipient):
            if box is not None:
                row.addWidget(box)
        self.overdue = None
        if self.spec.overdue is not None:
            self.overdue = QCheckBox(self.spec.overdue_label)
            self.overdue.toggled.connect(self._apply_filters)
            row.addWidget(self.overdue)
        self.bin_switch = QCheckBox("Thùng rác")
        self.bin_switch.setToolTip("Xem các bản ghi đã xóa để khôi phục")
        self.bin_switch.toggled.connect(self._apply_filters)
        if not self.recyclable:
            self.bin_switch.hide()  # setVisible(True) would show the box, not yet in the page, as a window
        row.addWidget(self.bin_switch)
        self.my_work_button = None
        if self.kind.name in MY_WORK:
            self.my_work_button = QPushButton("Việc của tôi")
            self.my_work_button.setToolTip(f"Chỉ các {MY_WORK_TIP[self.kind.name]} do tôi "
                                           f"(«{self.context.db.actor.name}») phụ trách")
            self.my_work_button.clicked.connect(self.show_my_work)
            row.addWidget(self.my_work_button)
        return row

    def _chips(self) -> QWidget:
        """The filters in force beyond the row above — a dashboard figure's, the columns' — each a button
        that removes it, on a row of their own: however long, they never widen the page past the screen."""
        self.chips = QWidget()
        row = FlowLayout(self.chips)
        row.setContentsMargins(0, 0, 0, 0)
        self.done_by_button = QPushButton()
        self.done_by_button.clicked.connect(self.clear_done_by)
        self.clear_columns_button = QPushButton()
        self.clear_columns_button.clicked.connect(self.clear_column_filters)
        self.chosen_button = QPushButton()
        self.chosen_button.clicked.connect(self.drop_chosen_hidden)
        for chip in (self.done_by_button, self.clear_columns_button, self.chosen_button):
            chip.hide()
            row.addWidget(chip)
        self.chips.hide()
        return self.chips

    def _show_chip(self, chip: QPushButton, text: str | None, tip: str) -> None:
        """Shows `chip` with `text` (elided to CHIP_WIDTH; whole in its tip), or hides it (None)."""
        chip.setVisible(text is not None)
        if text is not None:
            chip.setText(self.fontMetrics().elidedText(text, Qt.ElideMiddle, CHIP_WIDTH))
            chip.setToolTip(typed_tip(f"{text}\n{tip}"))
        self.chips.setVisible(any(not chip.isHidden() for chip in (self.done_by_button, self.clear_columns_button,
                                                                   self.chosen_button)))

    def _date_box(self, name: str) -> DateBox:
        box = DateBox()
        box.may_be_empty = True
        box.setAccessibleName(name)
        box.setPlaceholderText(name)
        box.setToolTip(PERIOD_TIP.format(name))
        box.day_changed.connect(self._apply_filters)
        box.refused.connect(self._apply_filters)  # which says why, and what the list is filtered by meanwhile
        return box

    def _combo(self, label: str, *items: str) -> QComboBox:
        """A filter's drop-down, named `label`, its first choice «`label`: tất cả»."""
        box = named(NarrowComboBox(12), label)  # long recipient names must not widen the page past the screen
        box.addItem(f"{label}: tất cả", None)
        for item in items:
            box.addItem(item, item)
        box.currentIndexChanged.connect(self._apply_filters)
        return box

    def _action_row(self) -> FlowLayout:
        """The register's buttons; each is shown while the officer's role allows what it does (`offered`)."""
        row = FlowLayout()
        self.buttons: dict[str, QPushButton] = {}
        self.tips: dict[str, str] = {}
        self.offered: dict[str, Callable[[], bool]] = {}
        editing, exporting, everyone = (lambda: self.can_edit), (lambda: self.can_export), (lambda: True)
        actions = [("add", "Thêm", self.new_record, "Ctrl+N", editing, True),
                   ("edit", "Sửa", self.edit_selected, "Enter", everyone, True),
                   ("delete", "Xóa", self.delete_selected, "Delete: chuyển vào thùng rác", editing,
                    self.recyclable),
                   ("restore", "Khôi phục", self.restore_selected, "đưa ra khỏi thùng rác", editing, self.recyclable),
                   ("reply", "Ghi kết quả…", lambda: self.record_replies(),  # clicked(bool) is no id list
                    "Ghi ngày nhận, số văn bản và kết quả cho các phiếu đã chọn (trả lời trong cùng một văn bản)",
                    editing, self.kind.name == "slips"),
                   ("open_cases", "Mở hồ sơ thẩm tra…", self.open_cases,
                    "Mở cùng lúc hồ sơ thẩm tra (cùng mục đích, ngày mở, quyết định, hạn) cho các cán bộ đã chọn, "
                    "ví dụ danh sách nhân sự đại hội", editing, self.kind.name == "cadres"),
                   ("conclude", "Ghi kết luận…", self.record_conclusions,
                    "Ghi cùng một kết luận (số văn bản, ngày, người ký, kết quả) cho các hồ sơ đang xác minh đã chọn",
                    editing, self.kind.name == cases.KIND),
                   ("draft_slips", slip_drafting.LABEL, self.draft_slips, slip_drafting.TIP, editing,
                    self.kind.name == cases.KIND),
                   ("due", "Đặt hạn hoàn thành…", self.set_due_dates,
                    "Đặt cùng một hạn hoàn thành (ví dụ ngày trước hiệp thương vòng 2) cho các hồ sơ đang xác minh "
                    "đã chọn", editing, self.kind.name == cases.KIND),
                   ("notices", ISSUE_LABEL, self.issue_notices,
                    "Phát hành thông báo kết luận cho các hồ sơ đã có kết luận đã chọn, số TB liên tiếp theo thứ tự "
                    "đã chọn, rồi xem trước để in", lambda: self.can_issue, self.kind.name == cases.KIND),
                   ("hand_out", ALL_HANDED_OUT, lambda: self.passports_by_delegation(back=False),
                    "Giao cùng lúc hộ chiếu ngoại giao, công vụ của những người đi theo một quyết định cử đoàn",
                    editing, self.kind.name == passports.KIND),
                   ("take_back", ALL_TAKEN_BACK, lambda: self.passports_by_delegation(back=True),
                    "Nhận lại cùng lúc hộ chiếu đã giao theo một quyết định cử đoàn", editing,
                    self.kind.name == passports.KIND),
                   ("import", "Nhập Excel", self.import_excel, "", editing, self.exchanged),
                   ("import_relatives", "Nhập thân nhân (Excel)…", self.import_relatives, RELATIVES_TIP, editing,
                    self.kind.name == "cadres"),
                   ("export", "Xuất Excel", self.export_excel, "Ctrl+E", exporting, self.printed),
                   ("print", "In", self.print_list, "Ctrl+P", exporting, self.printed),
                   ("print_record", printing.RECORD_DOCUMENTS.get(self.kind.name, ("",))[0], self.print_selected,
                    "in giấy tờ của các dòng đã chọn, sẵn sàng để ký", exporting,
                    self.kind.name in printing.RECORD_DOCUMENTS),
                   ("archive_letter", LETTER_LABEL, self.make_archive_letter,
                    "Công văn của các yêu cầu đã chọn (cùng một công văn): phát hành (lấy số CV, ghi sổ văn bản đi), "
                    "xem trước để in hoặc lưu Word", exporting, self.kind.name == ARCHIVE_REQUESTS.name)]
        for key, text, slot, tip, offered, fits in actions:
            if not fits:
                continue
            button = QPushButton(text)
            button.setToolTip(tip)
            self.tips[key] = tip
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
            self.offered[key] = offered
        return row

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.model.hold(False)
        if self._stale:
            self._changed(self.kind.name)
        if not self._columns_laid_out and self.model.failure is None:  # the width is known once shown
            self._columns_laid_out = True
            self.columns.apply()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Another page is shown: this register stops reading ahead and finding the rest of a search."""
        super().hideEvent(event)
        self.model.hold(True)

    # ----- the contract with the main window

    def refresh(self) -> None:
        self.model.reload()
        self._show_count()
        self._update_buttons()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def unavailable(self, method: str) -> str | None:
        """Why the window's action `method` does nothing here now (said in its tooltip), or None."""
        if method not in DOINGS:
            return None
        done_here = self.exchanged or self.printed and method in ("export_excel", "print_list")
        if not done_here and method != "new_record":
            return NOT_EXCHANGED[self.kind.name]
        return IN_BIN.format(DOINGS[method]) if self.bin_switch.isChecked() else None

    def new_record(self) -> None:
        if (self.can_edit and self.unavailable("new_record") is None
                and self._allowed(Action.EDIT, editing.ADDING)):
            self._show_form(None)

    def open_record(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._show_form(record_id)

    def has_unsaved_changes(self) -> bool:
        return any(form.is_dirty() for form in self.forms.values())

    def import_excel(self) -> None:
        self._import("import_excel", self.kind.name)

    def import_relatives(self) -> None:
        """The cadres' relatives from a file: the same wizard, of the relatives' kind."""
        self._import("import_relatives", RELATIVES.name)

    def _import(self, method: str, kind: str) -> None:
        if (self.can_edit and self.unavailable(method) is None
                and self._allowed(Action.EDIT, importing.asked_for(KINDS[kind]))):
            wizard = ImportWizard(self.context, kind, self)
            wizard.records_wanted.connect(self._complete_imported)
            wizard.show()
            self.import_wizard = wizard

    def export_excel(self) -> None:
        """Exports what the officer sees: the rows selected (several), else the rows shown under the
        search and filters — saying how many, and how many the register holds, before anything leaves."""
        if (not self.can_export or self.unavailable("export_excel") is not None
                or not self._allowed(Action.EXPORT, exporting.asked_for(self.kind))):
            return
        ids, question = self._rows_to_export()
        if not ids:
            self.message.show_message("Không có bản ghi nào đang hiện để xuất.")
            return
        if self.context.dialogs.ask(self, "Xuất Excel", question) != YES:
            return
        suggested = file_name(SHORT_TITLES[self.kind.name], self.context.clock().date(), suffix="xlsx")
        if not reauth.confirm(self.context, self, "xuất Excel"):
            return
        chosen = export_password.save_as(self.context.dialogs, self, "Xuất Excel", suggested, FILE_FILTERS["xlsx"],
                                         ".xlsx")
        if chosen is None:
            return
        kind, db, target, password = self.kind, self.context.db, chosen.target, chosen.password
        scope = self._rows_and_scope()[1]
        if kind.name in printing.OWN_LISTS:
            register, _, draw = printing.OWN_LISTS[kind.name]
            subject, today = self.in_force(), self.context.clock().date()

            def job(_progress):
                def write(office, lines):
                    draw(target, office, lines, subject, today, render.Options(profile.load(), password=password))

                return len(register.produce(db, ids, today, write, subject, target))

            self.export_task = run_in_background(
                self, "Đang xuất Excel…", job, lambda count, error: self._exported(chosen, len(ids), count, error))
            return

        def job(progress):
            def write(rows):
                return xlsx_writer.write_export(kind, counted(rows, progress, len(ids), SAVING), target, password)

            return exporting.export(db, kind, target, write, ids=ids, encrypted=password is not None, scope=scope)

        self.export_task = run_in_background(
            self, "Đang xuất Excel…", job, lambda count, error: self._exported(chosen, len(ids), count, error),
            cancellable=True)

    def _rows_to_export(self) -> tuple[list[int], str]:
        """The records to export and the question naming them."""
        total = browse.count(self.context.db, self.kind.name)
        selected = self.selected_ids()
        if len(selected) > 1:
            return selected, (f"Xuất {grouped(len(selected))} bản ghi đang chọn ra Excel? "
                              f"(Sổ có {grouped(total)} bản ghi.)")
        shown = self.model.ids
        if len(shown) < total:
            return shown, (f"Xuất {grouped(len(shown))} bản ghi đang hiện theo tìm kiếm và bộ lọc ra Excel? "
                           f"(Sổ có {grouped(total)} bản ghi; muốn xuất tất cả, hãy bỏ tìm kiếm và bộ lọc.)")
        return shown, f"Xuất tất cả {grouped(total)} bản ghi của sổ ra Excel?"

    def print_list(self) -> None:
        """The list as shown (search, filters and order) in the print preview: the rows selected (several), as
        «Xuất Excel» takes them, else all the rows shown."""
        if not self.can_export or self.unavailable("print_list") is not None:
            return
        ids, subject = self._rows_and_scope()
        if self.kind.name in printing.OWN_LISTS:
            self.print_job = printing.print_own_list(self.context, self.kind.name, ids, self, opened=self._previewed,
                                                     subject=subject)
        else:
            self.print_job = printing.print_register(self.context, self.kind.name, ids, self.columns.shown(), self,
                                                     opened=self._previewed, subject=subject,
                                                     end=self.model.filters.end)

    def _rows_and_scope(self) -> tuple[list[int], list[str]]:
        """The records to print or export and the lines saying which — under a printed list's title, in an
        export's audit entry: those in force, and a selection's count (a signed page of a few rows chosen must not
        pass for all those shown)."""
        selected = self.selected_ids()
        if len(selected) > 1:
            return selected, [*self.in_force(), f"Gồm {grouped(len(selected))} dòng được chọn trong "
                                                f"{grouped(len(self.model.ids))} dòng đang hiện"]
        return self.model.ids, self.in_force()

    def in_force(self) -> list[str]:
        """Which records the list shows, under its printed title: the period, then the filters and the
        search (a signed page of four slips must not pass for the whole register)."""
        filters, chosen = self.model.filters, []
        if filters.status:
            chosen.append(f"Trạng thái: {filters.status}")
        if filters.purpose:
            chosen.append(f"{self.spec.purpose_label}: {filters.purpose}")
        if self.recipient is not None and filters.recipient_id is not None:
            chosen.append(f"Nơi nhận: {self.recipient.currentText()}")
        if filters.overdue:
            chosen.append(self.spec.overdue_label)
        if self._done_by_text():
            chosen.append(self._done_by_text())
        chosen += [f"{self.spec.column(key).header}: " + ", ".join(EMPTY if value is None else value for value in kept)
                   for key, kept in filters.values]
        if self.model.query.strip():
            chosen.append(f"Tìm: «{self.model.query.strip()}»")
        return [line for line in (period_text(filters.start, filters.end), "; ".join(chosen)) if line]

    def print_selected(self) -> None:
        """The chosen rows' document (slips: one per page; a delegation's list; a cadre's summary)."""
        chosen = self.selected_ids()
        if chosen and self.can_export and self.kind.name in printing.RECORD_DOCUMENTS:
            self.print_job = printing.print_records(self.context, self.kind.name, chosen, self,
                                                    opened=self._previewed)

    def make_archive_letter(self) -> None:
        """«Lập công văn…» for the archive requests selected: their letter, issued or not, printed or as Word."""
        chosen = self.selected_ids()
        if chosen and self.can_export and not self.bin_switch.isChecked():
            self.letter_dialog = ArchiveLetterDialog(self.context, chosen, self)
            self.letter_dialog.open()

    def _previewed(self, preview) -> None:
        self.preview = preview

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is not self.table or event.type() != QEvent.KeyPress:
            return super().eventFilter(watched, event)
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.edit_selected()
            return True
        if event.key() == Qt.Key_Delete:
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    # ----- actions

    def _allowed(self, action: Action, doing: str) -> bool:
        """Whether the officer's role allows `action` now, read before they are asked anything; refused
        (`doing` names what was), the page says so and offers what the role allows."""
        if allowed.now(self.context, action, doing, self.message.show_message):
            return True
        self._update_buttons()
        return False

    def selected_ids(self) -> list[int]:
        return [self.model.record_id(row) for row in self.table.selected_rows()]

    def edit_selected(self) -> None:
        chosen = self.selected_ids()
        if chosen and not self.bin_switch.isChecked():
            self._show_form(chosen[0])

    def delete_selected(self) -> None:
        chosen = self.selected_ids()
        if (not chosen or not (self.can_edit and self.recyclable) or self.bin_switch.isChecked()
                or not self._allowed(Action.EDIT, recycle_bin.DELETING)):
            return
        what = "bản ghi đã chọn" if len(chosen) == 1 else f"{grouped(len(chosen))} bản ghi đã chọn"
        question = f"Chuyển {what} vào thùng rác? Có thể khôi phục lại sau." + self._staying(chosen)
        if self.context.dialogs.ask(self, "Xóa", question) != YES:
            return
        self._each(chosen, recycle_bin.delete, "Đang chuyển vào thùng rác…",
                   "Đã chuyển {n} bản ghi vào thùng rác{along}.")

    def _staying(self, chosen: list[int]) -> str:
        """For cadres: the records about them that other registers keep (they are not deleted along)."""
        staying = cadre_ties.still_listed(self.context.db, chosen) if self.kind.name == CADRES.name else []
        if not staying:
            return ""
        return (f"\n\nVẫn giữ ở các sổ khác, không xóa theo cán bộ: {', '.join(staying)}. "
                "Cần xóa thì xóa ở sổ của chúng.")

    def _complete_imported(self, filters: browse.Filters, undated: list[int]) -> None:
        """After an import: the records left incomplete; the slips that import left without their reply
        date (`undated`, and only those: older ones in that state were not in the file) get one at once."""
        self.show_filtered(filters)
        if filters.status == browse.NO_REPLY_DATE and undated:
            self.record_replies(undated)

    def record_replies(self, chosen: list[int] | None = None) -> None:
        """«Ghi kết quả…» for the slips selected (or `chosen`): one letter's reply entered once."""
        chosen = chosen if chosen is not None else self.chosen_slips()
        if not chosen or self.bin_switch.isChecked() or not self._allowed(Action.EDIT, replies.RECORDING):
            return
        named = chosen[:MOST_NAMED]  # only those the dialog names: 100,000 selected are not all read
        rows = browse.fetch_rows(self.context.db, self.kind.name, named)
        numbers = [rows[record_id][0] for record_id in named if record_id in rows]
        self.reply_dialog = ReplyDialog(self.context, chosen, numbers, lambda changed: self._replied(chosen, changed),
                                        self)
        self.reply_dialog.open()

    def _replied(self, chosen: list[int], changed: int) -> None:
        """The reply written on every slip `chosen`, `changed` of them changed (the others had it already)."""
        same = len(chosen) - changed
        self._answered = set(chosen)
        self.drop_chosen_hidden()
        self._tell_done(f"Đã ghi kết quả cho {grouped(len(chosen))} phiếu"
                        + (f" ({grouped(same)} phiếu đã có sẵn kết quả này)." if same else "."), error=False)

    def chosen_slips(self) -> list[int]:
        """What «Ghi kết quả…» answers: the slips chosen before the search or filters changed, then those
        selected."""
        return list(dict.fromkeys([*self.chosen_hidden, *self.selected_ids()]))

    def _keeping_choice(self, change: Callable[[], None]) -> None:
        """`change` to the rows shown (a search, a filter), the slips chosen staying chosen: those shown
        selected again, the others kept for «Ghi kết quả…» and told on a chip (slips only: the other actions
        act on the rows in view)."""
        if "reply" not in self.buttons:
            change()
            return
        chosen = [slip for slip in self.chosen_slips() if slip not in self._answered]
        self._answered = set()  # let go once: chosen again, they are carried as any other
        change()
        # cleared first where the rows stayed (the same search): the slips answered no longer selected
        self._select_chosen(chosen, self.model.rows_found(chosen), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _found_chosen(self) -> None:
        """The slips chosen out of sight that the rest of a search found since: selected, no longer on the chip."""
        found = self.model.rows_found(self.chosen_hidden) if self.chosen_hidden else {}
        if found:
            self._select_chosen(self.chosen_hidden, found, QItemSelectionModel.SelectionFlag.Select)

    def _select_chosen(self, chosen: list[int], shown: dict[int, int],
                       flag: QItemSelectionModel.SelectionFlag) -> None:
        """The rows of `chosen` `shown` (their rows by id) selected as `flag` says, the others told on the chip."""
        selection, last = QItemSelection(), self.model.columnCount() - 1
        for row in shown.values():
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        self.table.selectionModel().select(selection, flag)
        self._show_chosen_hidden([slip for slip in chosen if slip not in shown])

    def _show_chosen_hidden(self, hidden: list[int]) -> None:
        self.chosen_hidden = hidden
        self._show_chip(self.chosen_button, f"{CHOSEN_HIDDEN.format(grouped(len(hidden)))} {CROSS}" if hidden
                        else None, CHOSEN_TIP)
        self._update_buttons()

    def drop_chosen_hidden(self) -> None:
        self._show_chosen_hidden([])

    def open_cases(self) -> None:
        """«Mở hồ sơ thẩm tra…» for the cadres selected: one case (an election list's) entered once."""
        self._for_cases_selected(OpeningDialog, opening.OPENING, "Mở hồ sơ thẩm tra", OPENED)

    def record_conclusions(self) -> None:
        """«Ghi kết luận…» for the vetting cases selected: one conclusion (an election list's) entered once."""
        self._for_cases_selected(ConclusionDialog, cases.CONCLUDING, "Ghi kết luận")

    def set_due_dates(self) -> None:
        """«Đặt hạn hoàn thành…» for the vetting cases selected: one deadline (before hiệp thương vòng 2)."""
        self._for_cases_selected(DueDateDialog, due_dates.SETTING, "Đặt hạn hoàn thành", DONE)

    def draft_slips(self) -> None:
        """«Lập phiếu cho các thân nhân còn thiếu…» for the vetting cases selected: the slips of every relative
        they still have to check, the recipient, the issue date and the first number entered once."""
        def finished(drafted: Drafted) -> None:
            self._tell_done(drafted.told(), error=False)
            self.print_job = slip_drafting.told(self.context, self, drafted, opened=self._previewed)
        self._for_selected(SlipDraftingDialog, editing.ADDING, finished)

    def _for_cases_selected(self, dialog: type, asked: str, title: str, *done: str) -> None:
        """`dialog` (a ForSelectedDialog) for the vetting cases (or cadres) selected, what it writes (`asked` of the
        role) then told in the status line and summed up under `title` (`done`: what the summary calls a case done)."""
        def finished(outcome: Outcome) -> None:
            self._tell_done(tally(outcome, *done), error=bool(outcome.refused))
            self.context.dialogs.inform(self, title, summary(outcome, *done))
        self._for_selected(dialog, asked, finished)

    def _for_selected(self, dialog: type, asked: str, finished: Callable[[Outcome], None]) -> None:
        """`dialog` (a ForSelectedDialog) for the records selected, what it writes asked of the role as `asked`,
        its outcome then given to `finished`."""
        chosen = self.selected_ids()
        if not chosen or self.bin_switch.isChecked() or not self._allowed(Action.EDIT, asked):
            return
        self.selection_dialog = dialog(self.context, chosen, finished, self)
        self.selection_dialog.open()

    def issue_notices(self) -> None:
        """«Phát hành thông báo kết luận…» for the vetting cases selected: those concluded, issued together."""
        chosen = self.selected_ids()
        issuing = documents_data.ISSUING_NOTICE
        if not chosen or self.bin_switch.isChecked() or not self._allowed(Action.REPORT_ISSUE, issuing):
            return
        self.notices = SelectedNotices(self.context, self, chosen, self._tell_done)
        self.notices.start()

    def _selected_in(self, status: str) -> bool:
        """Whether a vetting case of `status` is among the rows selected (open: what «Ghi kết luận…», «Đặt hạn…»
        act on; concluded: what «Phát hành thông báo kết luận…» does)."""
        column = [column.key for column in self.spec.columns].index("status")
        return any(self.model.index(row, column).data() == status for row in self.table.selected_rows())

    def passports_by_delegation(self, back: bool) -> None:
        """«Giao hộ chiếu theo đoàn…» (`back`: «Nhận lại theo đoàn…»): a delegation's passports at once."""
        if self.bin_switch.isChecked() or not self._allowed(Action.EDIT, "giao, nhận hộ chiếu"):
            return
        self.delegation_dialog = DelegationPassportsDialog(
            self.context, back, lambda count: self._tell_done(
                f"Đã {'nhận lại' if back else 'giao'} {grouped(count)} hộ chiếu theo đoàn.", error=False), self)
        self.delegation_dialog.open()

    def restore_selected(self) -> None:
        chosen = self.selected_ids()
        if chosen and self.bin_switch.isChecked():
            self._each(chosen, recycle_bin.restore, "Đang khôi phục…", "Đã khôi phục {n} bản ghi{along}.")

    def _each(self, ids: list[int], action, doing: str, done: str) -> None:
        """`action` on each of the selected records `ids` (top row first), off the GUI thread: the progress dialog
        (`doing`) counts them and «Hủy» stops after the record in hand. Then `done` says how many were done, and
        which vetting cases went along; the keyboard goes on from the table, on the row that took the first
        one's place (or the last row)."""
        place = self.model.row_of(ids[0])
        db, kind = self.context.db, self.kind.name
        finished: list[int] = []
        along: list[str] = []

        def job(progress: Progress) -> None:
            for record_id in ids:
                progress(len(finished), len(ids))
                along.extend(action(db, kind, record_id))
                finished.append(record_id)

        def ended(_result: None, error: BaseException | None) -> None:
            told = done.format(n=grouped(len(finished)), along=_cases_along(along, len(finished)))
            if error is None:
                self._tell_done(told, error=False)
            elif isinstance(error, Cancelled):
                self._tell_done(f"Đã dừng. {told}", error=True)
            else:
                self._tell_done(f"{told} {failure_message(error, STOPPED)}" if finished else
                                failure_message(error, STOPPED), error=True)
            rows = self.model.rowCount()
            if rows and place is not None and not self.table.selectionModel().hasSelection():
                self.table.selectRow(min(place, rows - 1))
            self.table.setFocus()

        self.each_task = run_in_background(self, doing, job, ended, cancellable=True)

    def _tell_done(self, text: str, error: bool) -> None:
        """What an action on the selected records did, kept over the empty-search hint while the
        officer looks at the same search and filters (the records done with may leave the list)."""
        self.message.show_message(text, error)
        self._told_under = self._view()
        self.context.notifier.changed.emit(self.kind.name)

    def _view(self) -> tuple:
        return self.model.query, self.model.filters

    def _open_row(self, row: int) -> None:
        if not self.bin_switch.isChecked():
            self._show_form(self.model.record_id(row))

    @property
    def forms(self) -> dict[int | None, QWidget]:
        """The forms open, by their record (None: a new one's, until it is saved)."""
        return {form.record_id: form for form in self.open_forms}

    def _show_form(self, record_id: int | None) -> None:
        form = self.forms.get(record_id)
        if form is None:
            try:
                form = forms.open_form(self.context, self.kind.name, record_id, self)
            except BvctError as error:
                self.message.show_message(error.message)
                return
            if record_id is None and isinstance(form, forms.RecordForm) and form.editable:
                form.offer_next()
                form.next_wanted.connect(self._next_record)
            window.shown(form, self.open_forms)
        else:
            form.show()
        form.raise_()
        form.activateWindow()

    def _next_record(self, carried: dict[str, str]) -> None:
        """The next record of a pile typed in, after «Lưu và thêm mới»."""
        self.new_record()
        if None in self.forms:
            self.forms[None].carry(carried)

    def _exported(self, chosen: export_password.Destination, records: int, rows, error) -> None:
        if isinstance(error, Cancelled):
            self.message.show_message("Đã hủy xuất.", error=True)
        elif error is not None:
            self.message.show_message(failure_message(error, "Không xuất được"))
        else:
            lines = f" ({grouped(rows)} dòng)" if rows != records else ""
            late = too_late(self.export_task, "tệp đã được ghi")
            self.message.show_message(f"{late}Đã xuất {grouped(records)} bản ghi{lines} ra {chosen.target}"
                                      f"{chosen.told}.", error=False)

    # ----- filters and state

    def _period(self) -> tuple[dt.date | None, dt.date | None]:
        """The period's bounds; a date that is not one is marked and its box keeps the last good bound."""
        boxes = [box for box in (self.start, self.end) if box is not None]
        wrong = [f"{box.problem()}; " + (f"vẫn lọc theo {display_date(box.day())}" if box.day() else
                                         "chưa lọc theo ngày này") for box in boxes if box.problem()]
        start, end = (box.day() if box is not None else None for box in (self.start, self.end))
        if start is not None and end is not None and start > end:
            wrong.append(f"«Từ ngày» {display_date(start)} sau «Đến ngày» {display_date(end)}: không có ngày nào "
                         "ở giữa; hãy sửa một trong hai ô")
        if wrong:
            self.message.show_message(". ".join(wrong) + ".")
        elif self.message.text().startswith(("Từ ngày", "Đến ngày", "«Từ ngày»")):
            self.message.clear()
        return start, end

    def _apply_filters(self) -> None:
        start, end = self._period()
        done_by = self._done_by_text()
        self._show_chip(self.done_by_button, f"{done_by} {CROSS}" if done_by else None, DONE_BY_TIP)
        filters = browse.Filters(
            values=self.column_filters.values, done_by=self.done_by, start=start, end=end,
            status=self.status.currentData() if self.status else None,
            purpose=self.purpose.currentData() if self.purpose else None,
            recipient_id=self.recipient.currentData() if self.recipient else None,
            overdue=bool(self.overdue and self.overdue.isChecked()),
            deleted=self.bin_switch.isChecked())
        self._keeping_choice(lambda: self.model.set_filters(filters))
        self._show_count()
        self._update_buttons()

    def _done_by_text(self) -> str:
        """The filter of a dashboard figure's records done with by a day ("Có kết quả đến 30/06/2025"), or ""."""
        if self.done_by is None or self.spec.done is None:
            return ""
        return f"{self.spec.done_label} đến {display_date(self.done_by)}"

    def _show_count(self) -> None:
        """How many records are shown; while the search is still finding them, how many so far (none
        when they could not be read: `_unreadable` says so)."""
        if self.model.failure is not None:
            return
        if self._unread_told is not None and self.message.text() == self._unread_told:  # read again since
            self.message.clear()
        self._unread_told = None
        shown = self.model.rowCount()
        where = "trong thùng rác" if self.bin_switch.isChecked() else "bản ghi"
        if self.model.complete:
            self.count_label.setText(f"{grouped(shown)} {where}")
        else:
            self.count_label.setText(f"ít nhất {grouped(shown)} {where}, đang đếm…")
        query = self.search.text().strip()
        if self._told_under != self._view():
            self._told_under = None
        if self.model.complete and not shown and query and self._told_under is None:
            self.message.show_hint(NOTHING_FOUND.format(query) + self._looked_in())
        elif self.model.mixed and shown and query and self._told_under is None:
            self.message.show_hint(MIXED_FOUND)
        elif self.model.complete and not shown and self._view() == ("", browse.Filters()) and self._told_under is None:
            self.message.show_hint(self._first_step())
        elif self.message.text() in (MIXED_FOUND, self._first_step()) or self.message.text().startswith(
                NOTHING_FOUND.partition("«")[0]):
            self.message.clear()

    def _looked_in(self) -> str:
        """Where a search that found nothing looked, and what to try next."""
        filters = self.model.filters
        if filters.deleted:
            return LOOKED_IN_BIN
        if replace(filters, person_id=None) != browse.Filters():
            return LOOKED_UNDER_FILTERS
        return LOOKED_IN_ALL

    def _first_step(self) -> str:
        """What an empty register (a new office's) says to do first, as far as the officer's role goes."""
        if not self.offered["add"]():
            return NO_RECORDS
        return f"{NO_RECORDS}{first_step('import' in self.offered and self.offered['import']())}"

    def _unreadable(self, error: BvctError) -> None:
        self.count_label.setText("không đọc được")
        self.message.show_message(damage.told(error))
        self._unread_told = self.message.text()
        self._update_buttons()

    def _update_buttons(self) -> None:
        in_bin = self.bin_switch.isChecked()
        selected = self.table.selectionModel().hasSelection()
        for key, visible, enabled in (("edit", not in_bin, selected), ("delete", not in_bin, selected),
                                      ("open_cases", not in_bin, selected),
                                      ("restore", in_bin, selected),
                                      ("reply", not in_bin, selected or bool(self.chosen_hidden)),
                                      ("print_record", not in_bin, selected),
                                      ("archive_letter", not in_bin, selected),
                                      *((key, not in_bin, key in self.buttons and self._selected_in(status))
                                        for key, status in (("conclude", cases.OPEN), ("draft_slips", cases.OPEN),
                                                            ("due", cases.OPEN),
                                                            ("notices", cases.CONCLUDED)))):
            if key in self.buttons:
                self.buttons[key].setVisible(visible and self.offered[key]())
                self.buttons[key].setEnabled(enabled)
        for method, key in ANSWERED.items():
            if key in self.buttons:
                why = self.unavailable(method)
                self.buttons[key].setVisible(self.offered[key]())
                self.buttons[key].setEnabled(why is None)
                self.buttons[key].setToolTip(why or self.tips[key])
        # a vetting case opens its own window of actions
        self.buttons["edit"].setText("Sửa" if self.can_edit and self.exchanged else "Mở" if self.can_edit else "Xem")
        self.actions_changed.emit()

    def follow_role(self) -> None:
        """The officer's role changed: the buttons are those it allows (the search, filters, selection and
        open forms kept)."""
        self._update_buttons()

    def _changed(self, kind: str) -> None:
        """A record changed (here, in another window or by another officer): the rows are read again
        where they are, selection, scroll and search kept; a register hidden by another page reads them
        once it is shown again."""
        if kind not in (self.kind.name, "*", "cadres"):  # a cadre's name shows in other registers too
            return
        if self.model.held:  # another page is shown
            self._stale = True
            return
        self._stale = False
        self.model.refresh()
        self._show_count()
        self._update_buttons()

    def show_my_work(self) -> None:
        """«Việc của tôi»: the records still open in the officer's charge (the column «Cán bộ phụ trách»)."""
        self.show_filtered(browse.Filters(status=MY_WORK[self.kind.name],
                                          values=((in_charge.FIELD.key, (self.context.db.actor.name,)),)))

    def show_filtered(self, filters: browse.Filters) -> None:
        """The register under `filters` (what a dashboard figure counts), set in the page's own boxes so
        the officer sees them and can change them; the search starts empty, the columns filtered as `filters`
        filters them."""
        self.search.clear()
        self.column_filters = browse.Filters(values=filters.values)
        self._show_column_filters()
        quiet = [box for box in (self.start, self.end, self.status, self.purpose, self.recipient) if box is not None]
        for box in quiet:
            box.blockSignals(True)
        for box, day in ((self.start, filters.start), (self.end, filters.end)):
            if box is not None:
                box.set_day(day)
        if self.status is not None:
            self.status.setCurrentIndex(max(0, self.status.findData(filters.status)))
        if self.purpose is not None:
            self.purpose.setCurrentIndex(max(0, self.purpose.findData(filters.purpose)))
        if self.recipient is not None:
            self.recipient.setCurrentIndex(max(0, self.recipient.findData(filters.recipient_id)))
        for box in quiet:
            box.blockSignals(False)
        if self.overdue is not None:
            self.overdue.blockSignals(True)
            self.overdue.setChecked(filters.overdue)
            self.overdue.blockSignals(False)
        self.bin_switch.blockSignals(True)
        self.bin_switch.setChecked(False)
        self.bin_switch.blockSignals(False)
        self.done_by = filters.done_by
        self._apply_filters()

    def clear_done_by(self) -> None:
        self.done_by = None
        self._apply_filters()

    # ----- Excel's filters of the columns

    def filter_column(self, logical: int, where=None) -> None:
        """Opens the filter of a column with few values under its header."""
        key = self.spec.columns[logical].key
        try:
            values = browse.column_values(self.context.db, self.kind.name, key, self.model.filters)
        except BvctError as error:
            self.message.show_message(error.message)
            return
        if values is None:
            self.message.show_message(f"Cột «{self.spec.columns[logical].header}» có quá nhiều giá trị để lọc; "
                                      "hãy dùng ô tìm kiếm.")
            return
        self.value_filter = ValueFilter(self.spec.columns[logical].header, values, self.column_filters.kept(key),
                                        lambda kept: self.keep_values(key, kept), self)
        if where is None:
            header = self.table.horizontalHeader()
            where = header.mapToGlobal(QPoint(header.sectionViewportPosition(logical), header.height()))
        self.value_filter.show_at(where)

    def keep_values(self, key: str, kept: tuple[str | None, ...] | None) -> None:
        """The column `key` keeps `kept` (None: every value)."""
        self.column_filters = self.column_filters.with_values(key, kept)
        self._show_column_filters()
        self._apply_filters()

    def _show_column_filters(self) -> None:
        """The column filters in force marked on their headers, and the chip that removes them."""
        keys = [column.key for column in self.spec.columns]
        active = {keys.index(k) for k, _ in self.column_filters.values}
        self.table.horizontalHeader().active = active
        self.table.sync_frozen()
        self.table.horizontalHeader().viewport().update()
        self.table.frozen.horizontalHeader().viewport().update()
        self._show_chip(self.clear_columns_button, "Bỏ lọc cột: " + ", ".join(
            self.spec.column(k).header for k, _ in self.column_filters.values) + f" {CROSS}" if active else None,
            COLUMNS_TIP)

    def clear_column_filters(self) -> None:
        for key, _ in self.column_filters.values:
            self.keep_values(key, None)

    def _filter_menu(self, menu, logical: int) -> None:
        """The header menu's entries for the column's filter."""
        key = self.spec.columns[logical].key
        if logical in self.table.horizontalHeader().filterable:
            menu.addAction(f"Lọc cột «{self.spec.columns[logical].header}»…", lambda: self.filter_column(logical))
            if self.column_filters.kept(key) is not None:
                menu.addAction(f"Bỏ lọc cột «{self.spec.columns[logical].header}»", lambda: self.keep_values(key, None))
            menu.addSeparator()


def _cases_along(names: list[str], slips: int) -> str:
    """« và hồ sơ thẩm tra «…» của phiếu này»: the vetting cases that went to the recycle bin, or came
    back, with their slips (not always the slip that opened one: a case goes with its last slip); "" for none."""
    if not names:
        return ""
    whose = "của phiếu này" if slips == 1 else "của các phiếu này"
    if len(names) == 1:
        return f" và hồ sơ thẩm tra «{names[0]}» {whose}"
    more = len(names) - CASES_NAMED
    return (f" và {len(names)} hồ sơ thẩm tra {whose}: " + ", ".join(f"«{name}»" for name in names[:CASES_NAMED])
            + (f" và {grouped(more)} hồ sơ khác" if more > 0 else ""))
