"""Where in a sheet a problem is, «Dòng 7, cột «Họ và tên»: …», and an import's notes told once each: the same
note on many rows names its rows in ranges and counts them, «Dòng 2–121 (120 dòng), cột «Nơi nhận phiếu»: …»;
a note naming a row's own values stays that row's."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Protocol

ROW_NUMBERS_WIDTH = 60  # characters of row numbers a note names, about a line's worth, before «và N dòng khác»


class RowNote(Protocol):
    row: int
    header: str | None
    message: str


def located(rows: str, header: str | None, message: str) -> str:
    """«Dòng {rows}, cột «{header}»: {message}», or without the column when the problem is the row's."""
    return f"Dòng {rows}, cột «{header}»: {message}" if header else f"Dòng {rows}: {message}"


def told_once(notes: Iterable[RowNote], number: Callable[[int], str] = str) -> list[str]:
    """Each distinct note (its column and message) once, where its first row comes, naming its rows;
    `number` writes a count (the desktop groups its thousands). Grouped by the notes' words, not cell by cell."""
    rows: defaultdict[tuple[str | None, str], list[int]] = defaultdict(list)
    for note in notes:
        rows[note.header, note.message].append(note.row)
    return [located(row_span(numbers, number), header, message) for (header, message), numbers in rows.items()]


def row_span(numbers: Iterable[int], number: Callable[[int], str] = str) -> str:
    """The rows in order, consecutive ones (three or more) as a range, and how many: «7», «2–121 (120 dòng)»;
    about a line of them (ROW_NUMBERS_WIDTH), then how many more: «2, 4, 6 … 34 và 232 dòng khác (250 dòng)»."""
    rows = sorted(set(numbers))
    if len(rows) == 1:
        return str(rows[0])
    pieces, width, named = [], -2, 0
    for first, last in _runs(rows):
        piece = f"{first}–{last}" if last > first else str(first)
        if pieces and width + 2 + len(piece) > ROW_NUMBERS_WIDTH:
            break
        pieces.append(piece)
        width += 2 + len(piece)
        named += last - first + 1
    more = f" và {number(len(rows) - named)} dòng khác" if named < len(rows) else ""
    return f"{', '.join(pieces)}{more} ({number(len(rows))} dòng)"


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """`rows` (sorted, distinct) as (first, last) runs of three or more consecutive rows, the others alone."""
    runs: list[tuple[int, int]] = []
    start = 0
    for end in range(1, len(rows) + 1):
        if end == len(rows) or rows[end] != rows[end - 1] + 1:
            if end - start >= 3:
                runs.append((rows[start], rows[end - 1]))
            else:
                runs += [(row, row) for row in rows[start:end]]
            start = end
    return runs
