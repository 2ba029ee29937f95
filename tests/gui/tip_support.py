"""A tooltip's text as the officer reads it."""

from PySide6.QtGui import Qt, QTextDocument


def as_seen(tip: str) -> str:
    """`tip` as Qt shows it: rendered, when Qt takes it for rich text, else as it is."""
    if not Qt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()
