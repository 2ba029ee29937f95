"""The left navigation: Tổng quan, the registers, Báo cáo, Quản trị. Pages are built the first
time they are shown (a register over 200k rows costs)."""

from collections.abc import Callable
from dataclasses import dataclass

from .icons import icon
from .look import styled
from .qt import QFont, QFontMetrics, QListWidget, QListWidgetItem, QSize, Qt, QWidget
from .registers.page import SHORT_TITLES, RegisterPage

DASHBOARD, REPORT, ISSUED, ADMIN = "dashboard", "report", "issued", "admin"
NAVIGATION_POINTS = 11  # as in look.STYLE
REGISTERS = tuple(SHORT_TITLES.items())  # the registers in navigation order: (kind, title in the navigation)


@dataclass(frozen=True)
class Destination:
    key: str          # "dashboard", a register kind ("cadres", …), "report" or "admin"
    title: str
    build: Callable[[], QWidget]


def register_destinations(context) -> list[Destination]:
    """One destination per register, in navigation order."""
    return [Destination(kind, title, lambda kind=kind: RegisterPage(context, kind)) for kind, title in REGISTERS]


class Navigation(QListWidget):
    """Emits `currentRowChanged`; `keys[row]` says which destination it is."""

    def __init__(self, parent=None):
        super().__init__(parent)
        styled(self, "navigation")
        self.setAccessibleName("Các trang")
        self.setIconSize(QSize(22, 22))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.keys: list[str] = []

    def show_destinations(self, destinations: list[Destination]) -> None:
        """One entry per destination (those shown before go), as wide as the longest title needs."""
        self.clear()
        self.keys = []
        for destination in destinations:
            item = QListWidgetItem(icon(destination.key, "#ffffff"), destination.title)
            item.setToolTip(destination.title)
            self.addItem(item)
            self.keys.append(destination.key)
        font = QFont(self.font())
        font.setPointSize(NAVIGATION_POINTS)
        widest = max((QFontMetrics(font).horizontalAdvance(d.title) for d in destinations), default=120)
        self.setFixedWidth(widest + 22 + 52)

    def select(self, key: str) -> None:
        self.setCurrentRow(self.keys.index(key))
