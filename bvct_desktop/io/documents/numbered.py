"""What the sources of the documents issued with a number share (a report, a reminder letter, a conclusion
notice): a draft until it has its number, and the wording it was issued with deciding how its letterhead's
long names break."""

from typing import ClassVar


class Numbered:
    """Mixed into a source's dataclass, which has `number` and `wording` and sets `named_breaks_since`: the
    wording from which its kind of document breaks long names as name_breaks breaks them."""

    number: int | None
    wording: int
    named_breaks_since: ClassVar[int]

    @property
    def draft(self) -> bool:
        return self.number is None

    @property
    def named_breaks(self) -> bool:
        """Whether its letterhead's long names break as name_breaks breaks them (Letterhead.named_breaks)."""
        return self.wording >= self.named_breaks_since
