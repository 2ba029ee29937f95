"""A wizard page whose explanation is too long for QWizard's header, which shows two lines of a
subtitle and cuts the rest (Windows lays text out wider than the bundled font's metrics here)."""

from .qt import QLabel, QWizardPage


def said_on_page(page: QWizardPage) -> QLabel:
    """The page's subtitle said instead at the top of the page, on as many lines as it needs."""
    label = QLabel(page.subTitle(), page)
    label.setObjectName("explanation")
    label.setWordWrap(True)
    page.setSubTitle("")
    page.layout().insertWidget(0, label)
    return label
