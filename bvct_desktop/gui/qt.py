"""The one place the GUI imports Qt from (Anki's `aqt.qt` pattern): every GUI module does
`from .qt import QWidget, Signal, ...` (or `from ..qt import ...`), never PySide6 directly."""

from PySide6.QtCore import *  # noqa: F403
from PySide6.QtGui import *  # noqa: F403
from PySide6.QtPrintSupport import *  # noqa: F403
from PySide6.QtWidgets import *  # noqa: F403
