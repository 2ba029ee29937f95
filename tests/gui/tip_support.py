"""A tooltip's or a label's text as the officer reads it."""

from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import QLabel


def as_seen(tip: str) -> str:
    """`tip` as Qt shows it: rendered, when Qt takes it for rich text, else as it is."""
    if not Qt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()


def label_as_seen(label: QLabel) -> str:
    """A label's text as the officer reads it, by the format it is shown in."""
    text = label.text()
    if label.textFormat() == Qt.TextFormat.PlainText:
        return text
    if label.textFormat() == Qt.TextFormat.RichText:
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return as_seen(text)
