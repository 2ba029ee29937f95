"""A record's form as a window of its own: deleted with its widgets once closed, not kept by its parent
(a page, a case, a cadre's file) until the program ends, one more for each record looked at in a day."""

from typing import TypeVar

from ..qt import Qt, QWidget

Form = TypeVar("Form", bound=QWidget)


def deleted_when_closed(form: Form) -> Form:
    """`form`, deleted once a close is accepted (a form with unsaved changes may refuse one): whatever
    holds it lets it go when it hears the form's `closed`."""
    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return form


def shown(form: Form, kept: list[Form]) -> Form:
    """`form` shown, listed in `kept` while it is open."""
    def let_go() -> None:
        kept[:] = [open_ for open_ in kept if open_ is not form]

    kept.append(deleted_when_closed(form))
    form.closed.connect(let_go)
    form.show()
    return form
