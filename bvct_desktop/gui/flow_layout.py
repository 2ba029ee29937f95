"""A row of controls that goes on to another line when the window is too narrow for one — a register's
search and filters, its buttons, the filters in force, the rows of the Designer forms' pages — so no
row makes the window wider than the screen (at Windows' 125 % a 1366×768 screen is laid out as
1093×614). A label stays on the line of the control after it, which it names; each line's spare
width goes to its controls that grow (the search box), as a row's would."""

from .qt import QBoxLayout, QLabel, QLayout, QLayoutItem, QRect, QSize, QStyle, Qt, QWidget

Line = list[QLayoutItem]


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    # ----- QLayout's contract

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._lay_out(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._lay_out(rect, place=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Every control on one line."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self._gap() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """The widest control (with its label) alone on its line."""
        size = QSize()
        for unit in self._units():
            width = sum(item.minimumSize().width() for item in unit) + self._gap() * (len(unit) - 1)
            size = size.expandedTo(QSize(width, max(item.minimumSize().height() for item in unit)))
        return self._with_margins(size)

    # ----- the lines

    def _shown(self) -> Line:
        return [item for item in self._items if not item.isEmpty()]

    def _units(self) -> list[Line]:
        """The shown controls, a label together with the control after it."""
        units: list[Line] = []
        for item in self._shown():
            if units and len(units[-1]) == 1 and isinstance(units[-1][0].widget(), QLabel):
                units[-1].append(item)
            else:
                units.append([item])
        return units

    def _gap(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        style = self.parentWidget().style() if self.parentWidget() is not None else None
        return style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if style is not None else 6

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _lines(self, width: int) -> list[Line]:
        """The shown controls in order, as many on each line as fit `width` at their wish."""
        lines: list[Line] = []
        used = width + 1  # the first control starts a line
        for unit in self._units():
            wish = sum(item.sizeHint().width() for item in unit) + self._gap() * (len(unit) - 1)
            if used + self._gap() + wish > width:
                lines.append([])
                used = wish
            else:
                used += self._gap() + wish
            lines[-1] += unit
        return lines

    def _lay_out(self, area: QRect, place: bool) -> int:
        """The lines placed in `area` (only measured unless `place`); the height they take."""
        inner = area.marginsRemoved(self.contentsMargins())
        top = inner.y()
        for line in self._lines(inner.width()):
            height = max(item.sizeHint().height() for item in line)
            if place:
                self._place(line, QRect(inner.x(), top, inner.width(), height))
            top += height + self._gap()
        bottom = top - self._gap() if top > inner.y() else top
        return bottom - area.y() + self.contentsMargins().bottom()

    def _place(self, line: Line, room: QRect) -> None:
        """One line's controls side by side, each as tall as it wishes and centred; the width to spare
        shared by those that grow (or taken from them when one control alone is wider than the line)."""
        widths = [item.sizeHint().width() for item in line]
        growing = [i for i, item in enumerate(line) if item.expandingDirections() & Qt.Orientation.Horizontal]
        spare = room.width() - sum(widths) - self._gap() * (len(line) - 1)
        for i in growing:
            widths[i] += spare // len(growing)
        if not growing and spare < 0:
            widths[0] += spare
        left = room.x()
        for item, width in zip(line, widths, strict=True):
            width = max(width, item.minimumSize().width())
            height = min(item.sizeHint().height(), room.height())
            item.setGeometry(QRect(left, room.y() + (room.height() - height) // 2, width, height))
            left += width + self._gap()


def reflow(row: QBoxLayout) -> None:
    """A Designer form's row made to flow in its place in the layout around it: its controls in their
    order, its spacers dropped."""
    around = row.parent()
    flow = FlowLayout()
    while row.count():
        widget = row.takeAt(0).widget()
        if widget is not None:
            flow.addWidget(widget)
    around.insertLayout(around.indexOf(row), flow)
    around.removeItem(row)
