"""Where a long job hears «Hủy» (the desktop's Cancel): a step it calls, where its caller stops it by raising."""

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Item = TypeVar("Item")
PIECE = 2_000  # items of a long loop between two steps (100,000 slips' search keys: 0.1 s a piece)


def no_step() -> None:
    """A job no one may stop (the command line's, a form's save)."""


def in_pieces(items: Sequence[Item], step: Callable[[], None], size: int = PIECE) -> Iterator[Sequence[Item]]:
    """`items` a piece of `size` at a time, `step` called before each."""
    for start in range(0, len(items), size):
        step()
        yield items[start:start + size]
