"""The one place the GUI imports Qt from (Anki's `aqt.qt` pattern): every GUI module does
`from .qt import QWidget, Signal, ...` (or `from ..qt import ...`), never PySide6 directly.

Names are looked up on first use in QtCore, QtGui, QtWidgets, then QtPrintSupport, so start-up
loads only the Qt modules the login window needs (a star import of all four cost ~0.2 s).
"""

import importlib

_MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtPrintSupport")


def __getattr__(name: str) -> object:
    for module_name in _MODULES:
        module = importlib.import_module(module_name)
        if hasattr(module, name):
            value = getattr(module, name)
            globals()[name] = value
            return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
