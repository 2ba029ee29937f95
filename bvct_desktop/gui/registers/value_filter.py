"""Excel's filter by value for one column of a register: the column's values under the other
filters, each with how many records hold it, ticked to keep; a box narrows a long list."""

from collections.abc import Callable

from ...core import long_text
from ...core.numbers import grouped
from ...core.search import fold_ascii
from ..accessible import clearable
from ..qt import (
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPoint,
    QStyle,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ..tooltips import typed_tip

EMPTY = "(Trống)"
MIN_WIDTH = 320
Kept = tuple[str | None, ...] | None  # None: every value (no filter)


class ValueFilter(QFrame):
    """A popup under a column's header; `done(kept)` gets the values ticked (None: all of them)."""

    def __init__(self, title: str, values: list[tuple[str | None, int]], kept: Kept,
                 done: Callable[[Kept], None], parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._done = done
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>Lọc cột «{title}»</b>"))
        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm trong danh sách (không cần dấu)")
        clearable(self.search)
        self.search.textChanged.connect(self._narrow)
        layout.addWidget(self.search)
        self.every = QCheckBox("(Chọn tất cả)")
        self.every.setTristate(False)
        self.every.clicked.connect(self._tick_all)
        layout.addWidget(self.every)
        self.list = QListWidget()
        for value, count in values:
            whole = EMPTY if value is None else value
            item = QListWidgetItem(f"{long_text.one_line(whole)}  ({grouped(count)})")  # as the register shows it
            item.setToolTip(typed_tip(f"{whole}  ({grouped(count)})"))
            item.setData(Qt.ItemDataRole.UserRole, value)
            ticked = kept is None or value in kept
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.itemChanged.connect(lambda _item: self._show_every())
        self.list.setMinimumWidth(self._fitting_width())
        self.list.setMaximumHeight(320)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Lọc")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self._show_every()

    def show_at(self, where: QPoint) -> None:
        """Shows the popup from `where` (under the header), moved left or up as far as it must to stay
        on the screen."""
        self.move(where)
        self.show()  # (its size is final once shown)
        screen = (QApplication.screenAt(where) or QApplication.primaryScreen()).availableGeometry()
        size = self.frameGeometry().size()
        self.move(max(screen.left(), min(where.x(), screen.right() + 1 - size.width())),
                  max(screen.top(), min(where.y(), screen.bottom() + 1 - size.height())))

    def _fitting_width(self) -> int:
        """The list's width showing its longest value whole (a recipient unit's name and its count), from
        MIN_WIDTH up to two thirds of the screen; a longer one is cut and told in full by its tooltip."""
        style, metrics = self.list.style(), self.list.fontMetrics()
        widest = max((metrics.horizontalAdvance(item.text()) for item in self.items()), default=0)
        around = (style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
                  + style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 4 * self.list.frameWidth()
                  + 3 * metrics.averageCharWidth())
        screen = self.screen().availableGeometry().width()
        return max(MIN_WIDTH, min(widest + around, screen * 2 // 3))

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def kept(self) -> Kept:
        ticked = [item for item in self.items() if item.checkState() == Qt.CheckState.Checked]
        if len(ticked) == self.list.count():
            return None
        return tuple(item.data(Qt.ItemDataRole.UserRole) for item in ticked)

    def tick(self, *values: str | None) -> None:
        """Ticks only `values` (what an officer's clicks do)."""
        for item in self.items():
            on = item.data(Qt.ItemDataRole.UserRole) in values
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def accept(self) -> None:
        if self.kept() == ():
            return  # nothing ticked would show nothing: keep the popup open
        self.close()
        self._done(self.kept())

    def _narrow(self, text: str) -> None:
        wanted = fold_ascii(text.strip())
        for item in self.items():
            value = item.data(Qt.ItemDataRole.UserRole)
            item.setHidden(bool(wanted) and wanted not in fold_ascii(EMPTY if value is None else value))

    def _tick_all(self, on: bool) -> None:
        for item in self.items():
            if not item.isHidden():
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _show_every(self) -> None:
        self.every.setChecked(all(item.checkState() == Qt.CheckState.Checked for item in self.items()))
