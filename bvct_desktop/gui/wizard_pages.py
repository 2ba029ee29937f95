"""A wizard's pages explain themselves on the page, not in QWizard's header, which shows two lines of a
subtitle and cuts the rest (Windows lays text out wider than the bundled font's metrics here): every
wizard says them the same way, a page shared by two wizards looks the same in both."""

from .qt import QLabel, QWizard


def said_on_pages(wizard: QWizard) -> None:
    """Each page's subtitle said instead at the top of the page, on as many lines as it needs."""
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        label = QLabel(page.subTitle(), page)
        label.setObjectName("explanation")
        label.setWordWrap(True)
        page.setSubTitle("")
        page.layout().insertWidget(0, label)
