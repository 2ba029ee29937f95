"""Record forms built from the core's field declarations."""

from ..context import AppContext
from ..qt import QWidget
from .archive_request_form import ArchiveRequestForm
from .cadre_form import CadreForm
from .case_form import CaseForm
from .passport_form import PassportForm
from .record_form import RecordForm

FORMS = {"archive-requests": ArchiveRequestForm, "cadres": CadreForm, "vetting-cases": CaseForm,
         "passports": PassportForm}


def open_form(context: AppContext, kind: str, record_id: int | None, parent: QWidget | None = None) -> QWidget:
    """The form of a record (a new one when record_id is None); the caller shows it."""
    return FORMS.get(kind, RecordForm)(context, kind, record_id, parent)


__all__ = ["ArchiveRequestForm", "CadreForm", "CaseForm", "PassportForm", "RecordForm", "open_form"]
