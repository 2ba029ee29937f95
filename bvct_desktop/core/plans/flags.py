"""Có/Không fields as stored: a boolean, None while not known, Có when a fact it stands for is written (a year
of death says the person has died), a problem when it says Không all the same."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import RowProblem
from ..fields import NO, YES


@dataclass(frozen=True)
class Flag:
    key: str
    facts: tuple[str, ...] = ()  # the fields whose value implies Có
    contradiction: str = ""  # the problem when it says Không beside one of them

    def stored(self, values: Mapping[str, Any]) -> bool | None:
        written = [k for k in self.facts if values.get(k) is not None]
        if values.get(self.key) == NO and written:
            raise RowProblem(self.contradiction, self.key)
        if values.get(self.key) is None:
            return True if written else None
        return values[self.key] == YES

    def told(self, values: Mapping[str, Any]) -> bool:
        """Whether the values say anything of it: its field, or a fact written; else what is stored stays."""
        return self.key in values or any(values.get(k) is not None for k in self.facts)


ABROAD = Flag("abroad", ("country", "abroad_since", "abroad_work"),
              "«Ở nước ngoài» là Không nhưng lại ghi nước, năm hoặc công việc ở nước ngoài")
DECEASED = Flag("deceased", ("death_date",), "«Đã mất» là Không nhưng lại ghi năm mất")
PARTY_MEMBER = Flag("party_member")


def stored_flags(values: Mapping[str, Any], *flags: Flag) -> dict[str, bool | None]:
    """The `flags` as stored, by key, those the values tell (Flag.told)."""
    return {flag.key: flag.stored(values) for flag in flags if flag.told(values)}
