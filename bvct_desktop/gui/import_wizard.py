"""Importing a register from Excel: choose the file, see its first rows with the columns the
program recognised (and any old TCVN3/VNI text converted, before → after), run the import with a
progress bar off the GUI thread (Cancel stops it, nothing written), then read either
"Đã nhập N dòng" or the full list of row errors — copyable and savable — with nothing imported."""

import dataclasses
from pathlib import Path

from ..core import importing, legacy
from ..core.errors import BvctError
from ..core.files import atomic_output
from ..core.kinds import kind_named
from ..core.numbers import grouped
from ..core.text import file_name
from ..io import xlsx_reader
from .context import AppContext
from .look import ErrorLabel, heading, wait_cursor
from .qt import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from .workers import Cancelled, failure_message, run_in_background

PREVIEW_ROWS = 10
EXCEL_FILTER = "Tệp Excel (*.xlsx)"


class ImportWizard(QDialog):
    def __init__(self, context: AppContext, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.kind = kind_named(kind)
        self.sheet: xlsx_reader.Sheet | None = None
        self.result: importing.ImportResult | None = None
        self.setWindowTitle(f"Nhập Excel – {self.kind.title}")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(f"Nhập «{self.kind.title}» từ Excel",
                                 "Tất cả các dòng được nhập, hoặc không dòng nào khi có lỗi."))
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText("Chưa chọn tệp")
        choose = QPushButton("Chọn tệp…")
        choose.clicked.connect(self.choose_file)
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        layout.addLayout(row)
        self.columns = QLabel()
        self.columns.setWordWrap(True)
        layout.addWidget(self.columns)
        self.conversion = QLabel()
        self.conversion.setWordWrap(True)
        self.conversion.hide()
        layout.addWidget(self.conversion)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.NoEditTriggers)
        layout.addWidget(self.preview, 1)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        self.errors = QPlainTextEdit()
        self.errors.setReadOnly(True)
        self.errors.hide()
        layout.addWidget(self.errors, 1)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton("Sao chép danh sách lỗi")
        self.copy_button.clicked.connect(self.copy_errors)
        self.save_button = QPushButton("Lưu danh sách lỗi…")
        self.save_button.clicked.connect(self.save_errors)
        for button in (self.copy_button, self.save_button):
            button.hide()
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.import_button = QPushButton("Nhập")
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton("Đóng")
        close.clicked.connect(self.close)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.resize(900, 620)

    # ----- step 1: the file and its preview

    def choose_file(self) -> None:
        name = self.context.dialogs.open_file(self, "Chọn tệp Excel để nhập", EXCEL_FILTER)
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        self._reset()
        self.path.setText(str(path))
        try:
            with wait_cursor():
                self.sheet = xlsx_reader.read_first_sheet(path, len(self.kind.fields))
        except BvctError as error:
            self.sheet = None
            self.message.show_message(error.message)
            self.import_button.setEnabled(False)
            return
        self._show_preview(self.sheet)
        self.import_button.setEnabled(True)

    def _show_preview(self, sheet: xlsx_reader.Sheet) -> None:
        shown = dataclasses.replace(sheet, rows=[list(row) for row in sheet.rows[:PREVIEW_ROWS + 1]])
        converted = legacy.convert_sheet(shown)
        headers = shown.rows[0] if shown.rows else []
        columns, ignored, problems = importing.map_headers(self.kind, headers)
        found = ", ".join(spec.header for spec in columns.values()) or "không có"
        text = f"{sheet.described}<br>" if sheet.described else ""
        text += f"<b>Cột nhận ra:</b> {found}"
        if ignored:
            text += f"<br><b>Cột bỏ qua:</b> {', '.join(ignored)}"
        if problems:
            text += "<br><span style='color:#b00020'>" + "<br>".join(str(p) for p in problems) + "</span>"
        data_rows = max(len(sheet.rows) - 1, 0)
        text += f"<br>Tệp có {grouped(data_rows)} dòng dữ liệu; xem trước {min(data_rows, PREVIEW_ROWS)} dòng đầu."
        self.columns.setText(text)
        if converted.cells:
            examples = "<br>".join(f"«{before}» → «{after}»" for before, after in converted.samples)
            kinds = ", ".join(converted.by_encoding)
            self.conversion.setText(f"<b>Chữ mã cũ ({kinds}) sẽ được chuyển sang Unicode</b> "
                                    f"(trong phần xem trước: {converted.cells} ô), ví dụ:<br>{examples}")
            self.conversion.show()
        width = max((len(row) for row in shown.rows), default=0)
        self.preview.setColumnCount(width)
        self.preview.setRowCount(max(len(shown.rows) - 1, 0))
        labels = []
        for index in range(width):
            header = str(headers[index]) if index < len(headers) and headers[index] is not None else ""
            labels.append(f"✓ {columns[index].header}" if index in columns else f"(bỏ qua) {header}")
        self.preview.setHorizontalHeaderLabels(labels)
        for r, row in enumerate(shown.rows[1:]):
            for c, value in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem("" if value is None else _cell_text(value)))
        self.preview.resizeColumnsToContents()

    # ----- step 2: run

    def run_import(self) -> None:
        if self.sheet is None:
            return
        self.import_button.setEnabled(False)
        self.message.show_message("Đang nhập…", error=False)
        db, kind, sheet = self.context.db, self.kind, self.sheet
        self.task = run_in_background(self, f"Đang nhập «{kind.title}»…",
                                      lambda progress: importing.import_sheet(db, kind, sheet, progress=progress),
                                      self._finished)

    def _finished(self, result: importing.ImportResult | None, error: BaseException | None) -> None:
        self.result = result
        if isinstance(error, Cancelled):
            self.message.show_message("Đã hủy; không nhập dòng nào, cơ sở dữ liệu không thay đổi.")
        elif error is not None:
            self.message.show_message(failure_message(error, "Không nhập được"))
        elif result.ok:
            counts = result.counts
            done = counts["created"] + counts["updated"] + counts["unchanged"]
            self.message.show_message(
                f"Đã nhập {done} dòng: {counts['created']} mới, {counts['updated']} cập nhật, "
                f"{counts['unchanged']} không đổi.", error=False)
            self.context.notifier.changed.emit("*")
            return
        else:
            counted = (f"dừng kiểm tra sau {len(result.problems)} lỗi đầu tiên" if result.stopped_early
                       else f"{len(result.problems)} lỗi")
            self.message.show_message(f"Không nhập dòng nào: {counted}; cơ sở dữ liệu không thay đổi. "
                                      "Sửa tệp Excel theo danh sách dưới đây rồi nhập lại.")
            self.errors.setPlainText("\n".join(str(problem) for problem in result.problems))
            self.errors.show()
            self.copy_button.show()
            self.save_button.show()
        self.import_button.setEnabled(True)

    # ----- the error list

    def error_text(self) -> str:
        return self.errors.toPlainText()

    def copy_errors(self) -> None:
        QApplication.clipboard().setText(self.error_text())
        self.message.show_message("Đã sao chép danh sách lỗi.", error=False)

    def save_errors(self) -> None:
        suggested = file_name("Lỗi nhập", self.kind.title, self.context.clock().date(), suffix="txt")
        name = self.context.dialogs.save_file(self, "Lưu danh sách lỗi", suggested, "Tệp văn bản (*.txt)")
        if not name:
            return
        try:
            with atomic_output(Path(name)) as temp:
                temp.write_text(self.error_text() + "\n", encoding="utf-8-sig")
        except BvctError as error:
            self.message.show_message(error.message)
            return
        self.message.show_message(f"Đã lưu danh sách lỗi vào {name}.", error=False)

    def _reset(self) -> None:
        self.result = None
        self.message.clear()
        self.errors.clear()
        for widget in (self.errors, self.copy_button, self.save_button, self.conversion):
            widget.hide()


def _cell_text(value: object) -> str:
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
