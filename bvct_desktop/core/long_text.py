"""A long text (up to 32,767 characters, in thousands of lines) told where there is little room: a
tooltip Qt would make taller or wider than the screen, a list's item."""

import textwrap

from .numbers import grouped

TIP_LINES = 25  # a tooltip's lines at most: read at a glance, well inside a 768-pixel screen
TIP_WIDTH = 100  # characters on a tooltip's line (Qt does not wrap a plain tooltip: one long word spans the screen)
OPEN_RECORD = "mở bản ghi để xem đủ"


def tip(text: str, more: str = OPEN_RECORD) -> str:
    """`text` in lines of at most TIP_WIDTH characters (wrapped at spaces, a longer word cut), its first
    TIP_LINES lines, then how many lines are left and `more`, where to read them."""
    lines: list[str] = []
    for typed in text.split("\n"):
        lines.extend(textwrap.wrap(typed, TIP_WIDTH) or [""])
    if len(lines) <= TIP_LINES:
        return "\n".join(lines)
    return "\n".join(lines[:TIP_LINES]) + f"\n… (còn {grouped(len(lines) - TIP_LINES)} dòng nữa; {more})"


def first_line(cell: str) -> str:
    """A cell as a register's row shows it, one line high whatever was typed: a long text's first line, «…»
    after it when more lines follow (its tooltip gives them all, as typed)."""
    first, more, _ = cell.partition("\n")
    return f"{first} …" if more else first


def one_line(text: str) -> str:
    """`text` as a register's row shows it (its first line, «…» when more follow), at most TIP_WIDTH
    characters."""
    line = first_line(text)
    return line if len(line) <= TIP_WIDTH else line[:TIP_WIDTH - 2] + " …"
