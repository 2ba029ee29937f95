"""Có/Không fields as stored: a boolean, None while not known, Có when a fact it stands for is written (a year
of death says the person has died), a problem when it says Không all the same."""

from typing import Any

from ..errors import RowProblem


def abroad_flag(values: dict[str, Any]) -> bool | None:
    """`Ở nước ngoài` as stored; a country or a year abroad implies Có."""
    return _flag(values, "abroad", ("country", "abroad_since", "abroad_work"),
                 "«Ở nước ngoài» là Không nhưng lại ghi nước, năm hoặc công việc ở nước ngoài")


def deceased_flag(values: dict[str, Any]) -> bool | None:
    """`Đã mất` as stored; a year of death implies Có."""
    return _flag(values, "deceased", ("death_date",), "«Đã mất» là Không nhưng lại ghi năm mất")


def yes_no(written: str | None) -> bool | None:
    """A Có/Không field as stored: None while empty."""
    return None if written is None else written == "Có"


def _flag(values: dict[str, Any], key: str, facts: tuple[str, ...], contradiction: str) -> bool | None:
    """A Có/Không field as stored: Có when any of the `facts` it stands for is written, a problem at it when it
    says Không all the same."""
    written = [k for k in facts if values.get(k) is not None]
    if values.get(key) == "Không" and written:
        raise RowProblem(contradiction, key)
    if values.get(key) is None:
        return True if written else None
    return yes_no(values[key])
