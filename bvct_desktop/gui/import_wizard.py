"""Importing a register from Excel: choose the file (read off the GUI thread, «Hủy» stopping it), see its first rows
numbered as Excel numbers them, with the columns the program recognised (and any old TCVN3/VNI
text converted, before → after), run the import with a progress bar off the GUI thread (Cancel
stops it at every step — cells parsed, plan prepared, rows checked, plan finished, rows written —
nothing written), then read either "Đã nhập N
dòng" — with what else it did (entries added to a list, vetting cases opened, slips with no case,
rows updated), the rows to look at again, and for slips a way to set their reply date at once
— or the full list of row errors, copyable and savable, with the faulty rows shown and their bad
cells marked, nothing imported. «Kiểm tra» tells the same with nothing written (the command line's
--dry-run, audited as «thử nhập»). «Nhập» or «Kiểm tra» again takes the file as it is then: read
again (and shown) when the officer has corrected it since."""

import contextlib
import dataclasses
import functools
import hashlib
import html
from collections.abc import Callable
from pathlib import Path

from ..core import browse, importing, legacy
from ..core.errors import BvctError, RowProblem
from ..core.fields import Field
from ..core.files import output
from ..core.kinds import kind_named
from ..core.numbers import grouped
from ..core.plans.slips import NO_REPLY_DATE_WARNING
from ..core.text import file_name
from ..io import xlsx_reader, xlsx_writer
from .accessible import named
from .context import AppContext
from .copy_guard import copy_out
from .dialogs import FILE_FILTERS
from .look import TICK, ErrorLabel, button_row, colour, fill_screen, heading, read_only
from .qt import (
    QColor,
    QDialog,
    QEvent,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSize,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from .tooltips import typed_tip
from .workers import (
    BackgroundTask,
    Cancelled,
    Progress,
    failure_message,
    run_in_background,
    too_late,
    waiting_text,
    write_when_free,
)

PREVIEW_ROWS = 10
MARKED_ROWS = 200  # faulty rows shown with their cells marked
DETAIL_LINES = 5  # lines of an import's details in view (more scroll)
MARKED_COLOURS = {"error": QColor("#f8d0d4"), "warning": QColor("#fff0b3")}
OPEN_FILTER = "Tệp Excel (*.xlsx *.xls)"  # an old .xls is chosen too, and told how to save it as .xlsx
ERRORS, NOTES = "lỗi", "lưu ý"  # what the list under the summary holds
NOTHING_WRITTEN = "chưa ghi gì vào cơ sở dữ liệu"
NOT_YET_IMPORTED = "Đang chờ để nhập khi ghi xong; chưa nhập dòng nào. Bấm «Hủy» để thôi chờ."
NOT_YET_CHECKED = f"Đang chờ để kiểm tra khi ghi xong; {NOTHING_WRITTEN}. Bấm «Hủy» để thôi chờ."
CHECKED = f"Kiểm tra xong — {NOTHING_WRITTEN}"  # a check's outcome (the command line's --dry-run)
REFUSED = "Tệp còn lỗi (xem danh sách dưới đây): sửa tệp Excel rồi bấm «Kiểm tra» lại, hoặc chọn tệp khác"


class ImportWizard(QDialog):
    # browse.Filters: the register should show these records; and the ids of the slips this import
    # left without their reply date, to be dated at once (those of its warned rows, no older ones)
    records_wanted = Signal(object, object)

    def __init__(self, context: AppContext, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.kind = kind_named(kind)
        self.file: Path | None = None
        self.sheet: xlsx_reader.Sheet | None = None  # as read, old text converted: each run imports a copy
        self.converted: legacy.Conversion | None = None  # what converting its old TCVN3/VNI text changed
        self.data_rows = 0  # its rows with data
        self.imported: xlsx_reader.Sheet | None = None  # the last run's copy, its cells as the import read them
        self.digest: bytes | None = None  # the file's content when it was read
        self.refused: bytes | None = None  # the digest of the file a run found errors in: «Nhập» is off
        self.reading: BackgroundTask | None = None  # the workbook being read, off the GUI thread
        self.result: importing.ImportResult | None = None
        self.task: BackgroundTask | None = None  # the import running, or the last one
        self.setWindowTitle(f"Nhập Excel – {self.kind.title}")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(f"Nhập «{self.kind.title}» từ Excel",
                                 "Tất cả các dòng được nhập, hoặc không dòng nào khi có lỗi."))
        row = QHBoxLayout()
        self.path = named(QLineEdit(), "Tệp Excel")
        self.path.setReadOnly(True)
        self.path.setPlaceholderText("Chưa chọn tệp")
        self.choose_button = QPushButton("Chọn tệp…")
        self.choose_button.clicked.connect(self.choose_file)
        self.template_button = QPushButton("Lưu tệp mẫu…")
        self.template_button.setToolTip("Tệp Excel trống có sẵn các cột, danh mục chọn và hướng dẫn")
        self.template_button.clicked.connect(self.save_template)
        row.addWidget(self.path, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.template_button)
        layout.addLayout(row)
        self.columns = QLabel(self._expected_columns())
        self.columns.setWordWrap(True)
        layout.addWidget(self.columns)
        self.conversion = QLabel()
        self.conversion.setWordWrap(True)
        self.conversion.hide()
        layout.addWidget(self.conversion)
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        self.preview_label.hide()
        layout.addWidget(self.preview_label)
        self.preview = named(QTableWidget(), "Các dòng của tệp")
        read_only(self.preview)
        layout.addWidget(self.preview, 1)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        self.details = QPlainTextEdit()  # after an import: what it did beyond the counts
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(self.details.fontMetrics().lineSpacing() * DETAIL_LINES + 12)
        self.details.hide()
        layout.addWidget(self.details)
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_label.hide()
        layout.addWidget(self.warnings_label)
        self.errors = QPlainTextEdit()
        self.errors.setReadOnly(True)
        self.errors.hide()
        layout.addWidget(self.errors, 1)
        self.listed = ERRORS  # what the list below holds: the rows' errors, or the rows to look at again
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_errors)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_errors)
        self.complete_button = QPushButton()
        self.complete_button.clicked.connect(self.complete_records)
        for button in (self.copy_button, self.save_button, self.complete_button):
            button.hide()
        self.check_button = QPushButton("Kiểm tra")
        self.check_button.setToolTip("Kiểm tra tệp và xem trước kết quả nhập; chưa ghi gì vào cơ sở dữ liệu")
        self.check_button.clicked.connect(self.run_check)
        self.import_button = QPushButton("Nhập")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.run_import)
        self._enable_runs(False)
        close = QPushButton("Đóng")
        close.clicked.connect(self.close)
        layout.addLayout(button_row(self.check_button, self.import_button, close,
                                    left=[self.copy_button, self.save_button, self.complete_button]))
        fill_screen(self, QSize(900, 620))
        self.choose_button.setFocus()  # the first step, where Enter goes: the file's box is only read

    # ----- step 1: the file and its preview

    def _expected_columns(self) -> str:
        """Before a file is chosen: the columns its first row should name, and where to get them."""
        headers = ", ".join(spec.header + (" *" if spec.required else "") for spec in self.kind.fields)
        return (f"<b>Dòng đầu của tệp ghi tên các cột:</b> {headers} (* bắt buộc; thứ tự tùy ý). "
                "Chưa có tệp? Bấm «Lưu tệp mẫu…» để lấy tệp Excel mẫu, điền rồi chọn nó.")

    def save_template(self) -> None:
        """The same empty workbook `bvct template` writes, where the officer chooses."""
        name = self.context.dialogs.save_file(self, "Lưu tệp mẫu", file_name("mẫu nhập", self.kind.title,
                                                                              suffix="xlsx"), FILE_FILTERS["xlsx"])
        if not name:
            return
        target = Path(name) if name.lower().endswith(".xlsx") else Path(f"{name}.xlsx")
        try:
            xlsx_writer.write_template(self.kind, target)
        except BvctError as error:
            self.message.show_message(error.message)
            return
        self.message.show_message(f"Đã lưu tệp mẫu vào {target}.", error=False)

    def choose_file(self) -> None:
        name = self.context.dialogs.open_file(self, "Chọn tệp Excel để nhập", OPEN_FILTER)
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Reads the workbook on a worker (a large file takes seconds), then shows its first rows."""
        self._read_file(path, "Đang đọc tệp…")

    def _read_file(self, path: Path, saying: str, then: Callable[[], None] | None = None) -> None:
        """Reads `path` on a worker, converts its old TCVN3/VNI text (headers included) once for the
        preview and every run, and counts its rows of data there (100,000 rows: a tenth of a second),
        shows its first rows, then calls `then` (an import waiting for it); the content's digest is
        taken before reading, so a file saved meanwhile reads as changed later. A dialog with «Hủy»
        shows once it takes more than a moment (a legacy register of 100,000 rows: seconds to read,
        seconds to convert), heard while the children read and at each step of the conversion."""
        self._reset()
        self.sheet = None
        self.file = path
        self.path.setText(str(path))
        self.columns.setText(self._expected_columns())
        self.preview.clear()
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        self._enable_runs(False)
        self.message.show_message(saying, error=False)
        kind, columns = self.kind, len(self.kind.fields)

        def read(progress: Progress) -> tuple[bytes | None, xlsx_reader.Sheet, legacy.Conversion, int]:
            heard = functools.partial(progress, 0, 0)
            digest = _digest(path)
            sheet = xlsx_reader.read_first_sheet(path, columns, heard)
            converted = legacy.convert_sheet(sheet, heard=heard)
            return digest, sheet, converted, importing.rows_with_data(kind, sheet)

        self.reading = run_in_background(self, f"Đang đọc tệp «{path.name}»…", read,
                                         lambda read, error: self._read(read, error, then), cancellable=True)

    def _read(self, read: tuple[bytes | None, xlsx_reader.Sheet, legacy.Conversion, int] | None,
              error: BaseException | None,
              then: Callable[[], None] | None) -> None:
        self.reading = None
        if isinstance(error, Cancelled):
            self._not_loaded()
            return
        if error is not None:
            told = failure_message(error, "Không đọc được tệp")
            with contextlib.suppress(BvctError):  # a failed import, as the command line audits it
                importing.audit_unreadable(self.context.db, self.kind, self.file, told)
            if then is None:
                self.message.show_message(told)
            else:
                self._not_read_again(told)
            return
        self.message.clear()
        self.digest, self.sheet, self.converted, self.data_rows = read
        self._show_preview()
        self._enable_runs(True)
        if then is not None:
            then()
        else:
            self.check_button.setFocus()  # the next step, where Enter goes: not «Chọn tệp…» again

    def _not_loaded(self) -> None:
        """The reading stopped («Hủy»): no file chosen, the officer on «Chọn tệp…» for another."""
        self.message.show_message(f"Đã hủy đọc tệp «{self.file.name}»; chưa nhập dòng nào. "
                                  "Bấm «Chọn tệp…» để chọn tệp cần nhập.", error=False)
        self.file = self.digest = None
        self.path.clear()
        self.columns.setText(self._expected_columns())
        self.choose_button.setFocus()

    def _not_read_again(self, told: str) -> None:
        """A file changed since it was read that cannot be read now (deleted, locked, damaged): nothing
        imported; «Nhập» tries it again."""
        self.message.show_message(f"{told} Không nhập dòng nào; cơ sở dữ liệu không thay đổi.")
        self._enable_runs(True)

    def _show_preview(self) -> None:
        """The file read: the columns recognised, its old text converted, its first rows."""
        sheet, converted = self.sheet, self.converted
        shown = dataclasses.replace(sheet, columns=[column[:PREVIEW_ROWS + 1] for column in sheet.columns])
        columns, ignored, problems = importing.read_headers(self.kind, shown.columns)
        importing.values_as_shown(shown, columns)
        found = ", ".join(spec.header for spec in columns.values()) or "không có"
        # the file's own words (its sheet's name, its headers, a cell) go into our markup escaped
        text = f"{html.escape(sheet.described)}<br>" if sheet.described else ""
        text += f"<b>Cột nhận ra:</b> {found}"
        if ignored:
            text += f"<br><b>Cột bỏ qua:</b> {html.escape(', '.join(ignored))}"
        if sheet.merged_filled:
            text += f"<br>{importing.MERGED_CELLS}: {grouped(sheet.merged_filled)}"
        if problems:
            told = "<br>".join(html.escape(str(problem)) for problem in problems)
            text += f"<br><span style='color:{colour('error')}'>{told}</span>"
        shown_rows = min(max(sheet.height - 1, 0), PREVIEW_ROWS)
        if problems:  # which columns hold the data is not known yet
            text += f"<br>Xem trước {shown_rows} dòng đầu."
        else:
            text += f"<br>Tệp có {grouped(self.data_rows)} dòng dữ liệu; xem trước {shown_rows} dòng đầu."
        self.columns.setText(text)
        if converted.cells:
            examples = "<br>".join(html.escape(f"«{before}» → «{after}»") for before, after in converted.samples)
            kinds = ", ".join(converted.by_encoding)
            self.conversion.setText(f"<b>Chữ mã cũ: {kinds}</b> — {grouped(converted.cells)} ô sẽ được chuyển "
                                    f"sang Unicode, ví dụ:<br>{examples}")
            self.conversion.show()
        self._fill_preview(shown.rows[0] if shown.rows else [],
                           [(number, row) for number, row in enumerate(shown.rows[1:], start=2)])

    def _fill_preview(self, headers: list, rows: list[tuple[int, list]], marked: dict | None = None) -> None:
        """The rows numbered as in Excel (the header is row 1), each value as the import will store it (as
        written when it is not valid); `marked` cells ((row, column) → message) coloured, a whole row
        when the column is None, their message as the tooltip."""
        columns, _ignored, _problems = importing.map_headers(self.kind, headers)
        width = max([len(headers), *(len(row) for _, row in rows)], default=0)
        self.preview.clear()
        self.preview.setColumnCount(width)
        self.preview.setRowCount(len(rows))
        labels = []
        for index in range(width):
            header = str(headers[index]) if index < len(headers) and headers[index] is not None else ""
            labels.append(f"{TICK} {columns[index].header}" if index in columns else f"(bỏ qua) {header}")
        self.preview.setHorizontalHeaderLabels(labels)
        self.preview.setVerticalHeaderLabels([str(number) for number, _ in rows])
        marked = marked or {}
        for r, (number, row) in enumerate(rows):
            for c in range(width):
                value = row[c] if c < len(row) else None
                item = QTableWidgetItem(_shown(columns.get(c) if number > 1 else None, value))
                message = marked.get((number, c)) or marked.get((number, None))
                if message:
                    item.setBackground(MARKED_COLOURS[marked.get("look", "error")])
                    item.setToolTip(typed_tip(message))
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        for c in range(width):
            self.preview.setColumnWidth(c, min(self.preview.columnWidth(c), 260))

    def _show_rows_of(self, problems: list[importing.Problem], look: str) -> None:
        """The rows the problems name (their first ones), in place of the preview, bad cells marked; the
        header row too when a column is missing or repeated (a missing one marks the whole row)."""
        sheet = self.imported
        if sheet is None or not sheet.height:
            return
        headers = sheet.row(1)
        column_of = {spec.header: index for index, spec in importing.map_headers(self.kind, headers)[0].items()}
        marked: dict = {"look": look}
        for problem in problems:
            key = (problem.row, column_of.get(problem.header))
            message = problem.message if key[1] is not None or not problem.header else (
                f"cột «{problem.header}»: {problem.message}")
            marked[key] = f"{marked[key]}\n{message}" if key in marked else message
        numbers = sorted({problem.row for problem in problems if 1 <= problem.row <= sheet.height})
        shown = [(number, sheet.row(number)) for number in numbers[:MARKED_ROWS]]
        self._fill_preview(headers, shown, marked)
        what = "lỗi" if look == "error" else "cần xem lại"  # a warning may be of no missing data
        more = f" (xem {MARKED_ROWS} dòng đầu)" if len(numbers) > MARKED_ROWS else ""
        headers_row = "; dòng 1 là dòng tiêu đề (tên các cột)" if numbers[:1] == [1] else ""
        self.preview_label.setText(f"Các dòng {what}{more}: số dòng như trong Excel{headers_row}; ô tô màu là ô "
                                   f"{what}, rê chuột lên ô để xem vì sao.")
        self.preview_label.show()

    # ----- step 2: run

    def run_import(self) -> None:
        self._run(dry_run=False)

    def run_check(self) -> None:
        """The import's checks and summary with nothing written (the command line's --dry-run)."""
        self._run(dry_run=True)

    def _enable_runs(self, enabled: bool, refused: bool = False) -> None:
        """`refused`: a run found errors in the file as read; «Nhập» would only fail again, so it is off
        until the file changes (saved corrected, or another chosen)."""
        self.refused = self.digest if refused else None
        self.check_button.setEnabled(enabled)
        self.import_button.setEnabled(enabled and not refused)
        self.import_button.setToolTip(REFUSED if refused else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Back from Excel with the file saved since «Nhập» was turned off: it reads the file again, so it is on."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.refused is not None \
                and _digest(self.file) != self.refused:
            self._enable_runs(True)

    def _run(self, dry_run: bool) -> None:
        """Runs the import on the file as it is on disk now: read again first (its new rows shown) when
        its content changed since it was read — the officer corrected it as told — else the sheet read."""
        if self.file is None or self.reading is not None:
            return
        start = functools.partial(self._import, dry_run)
        if self.sheet is not None and self.digest is not None and _digest(self.file) == self.digest:
            start()
        else:
            self._read_file(self.file, "Tệp đã thay đổi từ lần đọc trước; đang đọc lại…", start)

    def _import(self, dry_run: bool) -> None:
        if not self.preview_label.isHidden():  # the last run's rows in the preview's place
            self._show_preview()
        self._clear_outcome()
        self._enable_runs(False)
        self.message.show_message("Đang kiểm tra…" if dry_run else "Đang nhập…", error=False)
        sheet = dataclasses.replace(self.sheet, columns=[list(column) for column in self.sheet.columns])
        db, kind, converted, self.imported = self.context.db, self.kind, self.converted, sheet
        waiting = functools.partial(waiting_text, meanwhile=NOT_YET_CHECKED if dry_run else NOT_YET_IMPORTED)
        title = f"Đang {'kiểm tra' if dry_run else 'nhập'} «{kind.title}»…"
        self.task = run_in_background(
            self, title,
            lambda progress: importing.import_sheet(db, kind, sheet, dry_run=dry_run, progress=progress,
                                                    converted=converted,
                                                    write=lambda: write_when_free(db, progress, waiting)),
            lambda result, error: self._finished(result, error, dry_run), cancellable=True)
        self.task.say_in_paragraphs(title)  # and whom it waits for, if another officer writes

    def _finished(self, result: importing.ImportResult | None, error: BaseException | None,
                  dry_run: bool = False) -> None:
        """The outcome, told alike for an import and a check (`dry_run`), which says nothing was written."""
        self.result = result
        if isinstance(error, Cancelled):
            self.message.show_message(f"Đã hủy kiểm tra; {NOTHING_WRITTEN}." if dry_run else
                                      "Đã hủy; không nhập dòng nào, cơ sở dữ liệu không thay đổi.")
        elif error is not None:
            self.message.show_message(failure_message(error, "Không kiểm tra được" if dry_run else "Không nhập được"))
        elif result.ok:
            counts = result.counts
            done = counts["created"] + counts["updated"] + counts["unchanged"]
            rows = (f"{grouped(done)} dòng: {grouped(counts['created'])} mới, {grouped(counts['updated'])} cập nhật, "
                    f"{grouped(counts['unchanged'])} không đổi.")
            if dry_run:
                self.message.show_message(f"{CHECKED}. Bấm «Nhập» sẽ nhập {rows}", error=False)
            else:
                late = too_late(self.task, "dữ liệu đã được lưu")
                self.message.show_message(f"{late}Đã nhập {rows}", error=False)
                self.context.notifier.changed.emit("*")
            self._show_details(result)
            if result.warnings:
                self._show_warnings(result, dry_run)
            if not dry_run:
                return
        else:
            counted = (f"dừng kiểm tra sau {len(result.problems)} lỗi đầu tiên" if result.stopped_early
                       else f"{len(result.problems)} lỗi")
            self.message.show_message(
                f"{CHECKED}: {counted}. Sửa tệp Excel theo danh sách dưới đây rồi kiểm tra lại." if dry_run else
                f"Không nhập dòng nào: {counted}; cơ sở dữ liệu không thay đổi. "
                "Sửa tệp Excel theo danh sách dưới đây rồi nhập lại.")
            self._show_list(ERRORS, [str(problem) for problem in result.problems])
            self._show_rows_of(result.problems, "error")
        self._enable_runs(True, refused=result is not None and not result.ok)
        # the buttons turned off while it ran sent the focus on to «Đóng», where the next Enter closed the
        # wizard: back to the run's button, or to «Nhập» after a clean check, as the message says
        ran = self.check_button if dry_run and (result is None or not result.ok) else self.import_button
        (ran if ran.isEnabled() else self.check_button).setFocus()

    def _show_details(self, result: importing.ImportResult) -> None:
        """What the import did beyond the counts, as the command line tells it: the entries it added to
        a list (a recipient spelt another way is a new one), vetting cases opened, slips whose case
        nobody can tell, old-encoding text converted, cells read from the area merged over them, the rows
        and columns hidden in Excel, and each row updated with what changed."""
        lines = result.extra_lines(grouped)
        if result.legacy.cells:
            lines.append(f"{importing.LEGACY_CELLS}: {grouped(result.legacy.cells)}")
        if result.merged_cells:
            lines.append(f"{importing.MERGED_CELLS}: {grouped(result.merged_cells)}")
        if result.hidden_rows:
            lines.append(result.hidden_line())
        if result.hidden_columns:
            lines.append(result.hidden_columns_line())
        lines += importing.first_lines(result.updates, "dòng cập nhật khác", grouped)
        if lines:
            self.details.setPlainText("\n".join(lines))
            self.details.show()

    def _show_warnings(self, result: importing.ImportResult, dry_run: bool) -> None:
        """Rows taken but to be looked at again (left incomplete, a date after today, a former province's
        name): listed, marked, and for slips imported without their reply date a way to date them at once."""
        taken = "sẽ được nhập" if dry_run else "đã nhập"
        self.warnings_label.setText(f"<b>Lưu ý: {grouped(result.rows_to_look_at)} dòng {taken} nhưng cần xem lại</b> "
                                    "(không phải lỗi, các dòng vẫn được nhập):")
        self.warnings_label.show()
        self._show_list(NOTES, result.note_lines(grouped))
        self._show_rows_of(result.warnings, "warning")
        undated = any(w.message == NO_REPLY_DATE_WARNING for w in result.warnings)
        if not dry_run and self.kind.name == "slips" and undated:
            self.complete_button.setText("Ghi ngày nhận cho các phiếu này…")
            self.complete_button.show()

    def complete_records(self) -> None:
        """Shows the register's records left incomplete, and asks once the reply date of the slips this
        import left without it (not the older ones in that state: the officer is looking at these rows)."""
        undated = list(dict.fromkeys(w.record_id for w in self.result.warnings
                                     if w.message == NO_REPLY_DATE_WARNING and w.record_id is not None))
        self.records_wanted.emit(browse.Filters(status=browse.NO_REPLY_DATE), undated)
        self.close()

    # ----- the error list

    def _show_list(self, listed: str, lines: list[str]) -> None:
        """The rows' errors (ERRORS), each on its row, or why imported rows are to be looked at again (NOTES),
        each note once with its rows, as the command line lists them: to read, copy or save."""
        self.listed = listed
        self.errors.setPlainText("\n".join(lines))
        self.copy_button.setText(f"Sao chép danh sách {listed}")
        self.save_button.setText(f"Lưu danh sách {listed}…")
        for shown in (self.errors, self.copy_button, self.save_button):
            shown.show()

    def error_text(self) -> str:
        return self.errors.toPlainText()

    def copy_errors(self) -> None:
        copy_out(self.error_text())
        self.message.show_message(f"Đã sao chép danh sách {self.listed}.", error=False)

    def save_errors(self) -> None:
        suggested = file_name(f"{self.listed} nhập", self.kind.title, self.context.clock().date(), suffix="txt")
        name = self.context.dialogs.save_file(self, f"Lưu danh sách {self.listed}", suggested, "Tệp văn bản (*.txt)")
        if not name:
            return
        try:
            with output(Path(name)) as temp:
                temp.write_text(self.error_text() + "\n", encoding="utf-8-sig")
        except BvctError as error:
            self.message.show_message(error.message)
            return
        self.message.show_message(f"Đã lưu danh sách {self.listed} vào {name}.", error=False)

    def _reset(self) -> None:
        """Before a file is read: nothing shown of the last one."""
        self._clear_outcome()
        self.conversion.hide()

    def _clear_outcome(self) -> None:
        """Nothing shown of the last run (its details, its list of errors or notes): each run tells its own."""
        self.result = None
        self.message.clear()
        self.errors.clear()
        self.details.clear()
        for widget in (self.errors, self.details, self.copy_button, self.save_button, self.preview_label,
                       self.warnings_label, self.complete_button):
            widget.hide()


def _digest(path: Path) -> bytes | None:
    """The file's content, in brief (10 ms for a register of 100,000 rows); None when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").digest()
    except OSError:
        return None


def _shown(spec: Field | None, value: object) -> str:
    """A cell as its field stores it (a CCCD typed as a number with its leading zeros), or as written
    when it is not valid or of no field."""
    if spec is not None:
        with contextlib.suppress(RowProblem):
            return spec.display(spec.parse(value))
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
