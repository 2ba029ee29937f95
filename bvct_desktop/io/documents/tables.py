"""Tables of the documents: columns named by the field declarations, drawn on paper with a
grid and the header row repeated on every page, and written to a worksheet the same way.

Column widths follow the content: numbers, dates and slip numbers are never broken (a
"1042/PXM" keeps its column); a document may keep names on one line too (`unbroken`; one longer
than UNBROKEN_SHARE of the width on two, never a word a line) unless breaking them saves the table
NAME_BROKEN lines a name, the other text columns keeping what their longest values need on two
lines as far as the width allows, a short phrase («Không có cơ sở») on two at most; and when the
page is too narrow for every value on one line the text columns give up the width their longest
few values need, so most rows stay one line.
"""

import bisect
import functools
import math
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...core.dates import PartialDate
from ...core.fields import Field, FieldType
from ...core.numbers import grouped
from ..xlsx_writer import column_width
from . import fonts
from .fonts import BOLD, REGULAR
from .layout import Flow, nfc, words, wrap

PADDING = 3.0  # points inside a cell
NUMBER = "stt"
TOTAL = "_tong"  # a record with this key set is a totals row, set in bold
FIT_SAMPLE = 2_000  # rows looked at to fit the columns of a long register
TOLD_EVERY = 1_000  # rows of a long table made ready between two words to the caller (DocumentCanvas.working)
BREAK_WEIGHT = 0.1  # a value broken over one more line, against one more line of the table
NAME_BROKEN = 3  # lines of table worth giving to keep a name on one line
UNBROKEN_SHARE = 0.35  # of the table's width: the most a name kept on one line takes (a longer one breaks)
HEADER_ONE_LINE = 60.0  # points: a header this short stays on one line when the page has room
CUT_MOVES = 128  # the most cuts from what the columns want to the width (an office's tables: up to 66)
BREAKS_TRIED = 40  # the widths tried for a column at each cut
MARGIN = 1e-3  # points: the widths looked up around a bound, each then counted exactly
BALANCE_MOVES = 16  # the most moves of width between two columns the last pass makes (see _balanced)
KEEP_WHOLE = (FieldType.DATE, FieldType.PARTIAL_DATE, FieldType.CCCD, FieldType.CMND, FieldType.YEAR)
WORD_SHARE = 0.5  # of the table's width: the most one word takes (a longer one, a code pasted whole, is cut)
SPLIT_LINES = 3  # the least lines of a row taller than a page begun at a page's foot
SHORT_CHOICE = 20  # characters: the longest choice of a field whose choices are never broken («Giải quyết đơn thư»)
JOIN = "\u00a0"  # a no-break space: what it joins is one word to the fitter and the lines (layout.words)
BEFORE_DAY = re.compile(r"(?<=\S) (?=\d{1,2}/\d{1,2}/\d{4})")
BRACKETED = re.compile(r"\([^()\n]*\)")


@dataclass(frozen=True)
class Column:
    """One column: its header (a field's, unless the document's wording differs), its share of
    the width on paper, its width in Excel characters, how its values are shown, and whether a
    value may be broken over lines (`whole`: never, for numbers and dates; `unbroken`: only when
    the table has no room, for names; `kept`: the values never broken, a choice's short fixed words; `whole_label`:
    its header never broken, one word of a few syllables, «Ghi chú»; `dated`: a day in its values never parted
    from the word before it, «hạn 15/02/2026», and what it says in brackets on two lines at most, «(quá hạn 1.234 /
    ngày)»; `paired`: names on two lines at most, never a syllable a line — a list whose other columns need the
    room more than a name needs its one line)."""

    key: str
    label: str
    weight: float
    field: Field | None = None
    align: str = "left"
    excel_width: float = 0.0
    whole: bool = False
    unbroken: bool = False
    kept: frozenset[str] = frozenset()
    whole_label: bool = False
    dated: bool = False
    paired: bool = False

    def text(self, record: Mapping[str, Any]) -> str:
        text = self._shown(record.get(self.key))
        return joined(text) if self.dated else text

    def _shown(self, value: Any) -> str:
        if self.field is not None:
            return self.field.display(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return grouped(value)
        return "" if value is None else str(value)

    def cell(self, record: Mapping[str, Any]) -> object:
        value = record.get(self.key)
        return self.field.to_cell(value) if self.field is not None else value


class YearOfBirth(Column):
    """A birth date by its year alone, as the forms list relatives and delegation members."""

    def text(self, record: Mapping[str, Any]) -> str:
        value = record.get(self.key)
        return str(PartialDate.from_iso(value).year) if value else ""

    def cell(self, record: Mapping[str, Any]) -> object:
        return self.text(record) or None


def joined(text: str) -> str:
    """`text` with each day joined to the word before it by a no-break space («hạn 15/02/2026»)."""
    return BEFORE_DAY.sub(JOIN, text)


def year_of_birth(field: Field, weight: float) -> Column:
    """«Năm sinh»: the year of the partial date `field` (brief §5.4)."""
    return YearOfBirth(field.key, "Năm sinh", weight, field, "center", 10, whole=True)


def kept_whole(field: Field | None) -> bool:
    """Dates, identity numbers and the slip number are never broken over two lines."""
    return field is not None and (field.type in KEEP_WHOLE or field.key == "number")


def short_choices(field: Field | None) -> frozenset[str]:
    """The choices of a field choosing among a handful of short fixed words («Tố cáo», «Kết nạp Đảng»), each kept on
    one line; none of a field with a longer choice, nor of any other field (a value typed or imported wraps)."""
    if field is None or field.type != FieldType.CHOICE or any(len(choice) > SHORT_CHOICE for choice in field.choices):
        return frozenset()
    return frozenset(field.choices)


def of(field: Field, weight: float, label: str | None = None, align: str = "left",
       excel_width: float | None = None, unbroken: bool = False) -> Column:
    """A field's column; `unbroken`: its values kept on one line where the table has room (names)."""
    return Column(field.key, label or field.header, weight, field, align,
                  excel_width if excel_width is not None else column_width(field), kept_whole(field), unbroken)


def counter(label: str = "STT") -> Column:
    return Column(NUMBER, label, 0.5, None, "center", 6, whole=True)


def plain(key: str, label: str, weight: float, align: str = "left", excel_width: float = 14,
          whole: bool = False) -> Column:
    return Column(key, label, weight, None, align, excel_width, whole)


def numbered(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{**record, NUMBER: index} for index, record in enumerate(records, start=1)]


def _idle() -> None:
    """Nothing to tell between the steps of fitting a table."""


def column_widths(columns: Sequence[Column], width: float, size: float, padding: float = PADDING,
                  texts: Sequence[Sequence[str]] | None = None, tick: Callable[[], None] = _idle) -> list[float]:
    """Widths that fill `width`. Each column needs its header's longest word; a whole column
    needs its longest value too. With `texts` (each row's cell texts) the columns follow the
    content; without, the width is shared by weight. `tick` is called between the steps of fitting
    a long table (a caller stops it by raising there)."""
    least = [min(max(_widest([column.label] if column.whole_label else column.label.split(), BOLD, size),
                     _least_values(texts, i, column, size)) + 2 * padding,
                 width * WORD_SHARE) for i, column in enumerate(columns)]
    if texts:
        least = _phrased(columns, least, texts, width, size, padding)
        wanted = []
        for i, column in enumerate(columns):  # every distinct value measured: a column at a time
            tick()
            wanted.append(max(least[i], _widest({row[i] for row in texts}, REGULAR, size) + 2 * padding,
                              min(fonts.width(column.label, BOLD, size), HEADER_ONE_LINE) + 2 * padding))
        values = [[row[i] for row in texts] for i in range(len(columns))]
        headed = _raised(least, [max(low, _on_two_lines([column.label], size, padding, BOLD))
                                 for low, column in zip(least, columns, strict=True)], range(len(columns)), width)
        floors = [_floors(columns, low, texts, width, size, padding) for low in _distinct(least, headed)]
        layouts = [[_fitted(columns, wanted, floor, values, width, size, padding, tick) for floor in group]
                   for group in floors]
        widths = _least_drawn(columns, texts, [fit for group in layouts for fit in group[:2]], size, padding)
        if len(layouts[0]) > 2 and (_name_lines(columns, texts, widths, size, padding) > 2
                                    or _crushed(columns, widths, least, wanted)):
            widths = _least_drawn(columns, texts, [fit for group in layouts for fit in group],
                                  size, padding)  # names and the rest share the room
        widths = _balanced(columns, texts, widths, least, size, padding, tick)
    else:
        total = sum(column.weight for column in columns)
        widths = [width * column.weight / total for column in columns]
    for index in range(len(widths)):
        if widths[index] < least[index]:
            widest = max(range(len(widths)), key=widths.__getitem__)
            widths[widest] -= least[index] - widths[index]
            widths[index] = least[index]
    return widths


def _distinct(least: list[float], headed: list[float]) -> list[list[float]]:
    """The floors to fit the table from: the least widths, and (when it differs) those with each header
    on two lines as far as the width allows — the one whose table, header row and all, is the shorter wins."""
    return [least] if headed == least else [least, headed]


def _least_values(texts: Sequence[Sequence[str]] | None, index: int, column: Column, size: float) -> float:
    """What a column's values need at least: a whole value (numbers, dates; see _unbroken) or a kept one (a short
    choice), else its longest word — a paired one's values, a dated one's brackets, on two lines."""
    if not texts:
        return 0.0
    values = [row[index] for row in _sampled(texts)]
    longest = _widest({part for value in values for part in (
        _unbroken(value) if column.whole else [value] if value in column.kept else words(value))}, REGULAR, size)
    if column.paired:
        return max([longest, *(_two_lines(value, size) for value in set(values) if value)])
    if not column.dated:
        return longest
    return max([longest, *(_two_lines(bracket, size) for bracket in {found for value in values
                                                                     for found in BRACKETED.findall(value)})])


def _phrased(columns: Sequence[Column], least: list[float], texts: Sequence[Sequence[str]], width: float,
             size: float, padding: float) -> list[float]:
    """`least` with each text column raised, as far as the width allows, to what its short phrases need on two
    lines: a result «Không có cơ sở» or «Đúng một phần» broken a word a line reads as a list of words."""
    sample = _sampled(texts)
    wanted = [low if column.whole or column.unbroken else max(low, _on_two_lines(
        [row[i] for row in sample if _phrase(row[i])], size, padding)) for i, (column, low) in enumerate(
        zip(columns, least, strict=True))]
    return _raised(least, wanted, range(len(columns)), width)


def _phrase(value: str) -> bool:
    """Whether a value is a short phrase: a few words on one line, no longer than a short choice."""
    return " " in value and "\n" not in value and len(value) <= SHORT_CHOICE


def _unbroken(value: str) -> list[str]:
    """The parts of a value kept whole that are never broken: all of it, but for words in brackets after it
    («12/05/2026 (quá hạn 208 ngày)»: how late a day is), which wrap under it at their own words."""
    kept, bracket, after = value.partition(" (")
    return [kept, *words(bracket.strip() + after)]


def _floors(columns: Sequence[Column], least: list[float], texts: Sequence[Sequence[str]], width: float,
            size: float, padding: float) -> list[list[float]]:
    """The least widths to fit the table from. With `unbroken` columns (names), three: the names kept
    whole first (their longest value that fits in UNBROKEN_SHARE of the width; a longer one on two lines),
    then the other text columns given what their longest values need on two lines — and the other
    way round; and both at once (neither crushed to a word a line), the one tried when the others put a
    name on more than two lines or another text column a word a line; as far as the width allows, each
    group's share in proportion to what it asks."""
    chosen = [i for i, column in enumerate(columns) if column.unbroken]
    if not chosen:
        return [least]
    sample = _sampled(texts)
    wanted = []
    for i, column in enumerate(columns):
        values = [row[i] for row in sample]
        if i in chosen:
            wanted.append(max(least[i], _on_one_line(values, size, padding, width * UNBROKEN_SHARE)))
        else:
            wanted.append(least[i] if column.whole else max(least[i], min(
                _widest(values, REGULAR, size) + 2 * padding, _on_two_lines(values, size, padding))))
    others = [i for i in range(len(columns)) if i not in chosen]
    floors = []
    for groups in ((chosen, others), (others, chosen), (chosen + others,)):
        floor = least
        for group in groups:
            floor = _raised(floor, wanted, group, width)
        floors.append(floor)
    return floors


def _raised(floor: list[float], wanted: list[float], group: Sequence[int], width: float) -> list[float]:
    """`floor` with the columns of `group` raised to what they want, as far as the width allows: each
    by the same share of what it asks."""
    asked = sum(wanted[i] - floor[i] for i in group)
    share = min(1.0, max(0.0, width - sum(floor)) / asked) if asked > 0 else 0.0
    return [low + (wanted[i] - low) * share if i in group else low for i, low in enumerate(floor)]


def _least_drawn(columns: Sequence[Column], texts: Sequence[Sequence[str]], layouts: list[list[float]], size: float,
                 padding: float) -> list[float]:
    """The layout drawing the table in the fewest lines (`_as_drawn`), the first of those alike (a
    single one not measured: a register without names has one)."""
    if len(layouts) == 1:
        return layouts[0]
    return min(layouts, key=lambda fit: (_as_drawn(columns, texts, fit, size, padding), layouts.index(fit)))


def _crushed(columns: Sequence[Column], widths: list[float], least: list[float], wanted: list[float]) -> bool:
    """Whether a text column beside the names is down to its longest word (a word a line) while its
    values ask for more."""
    return any(not (column.whole or column.unbroken) and widths[i] <= least[i] + 0.01 < wanted[i]
               for i, column in enumerate(columns))


def _name_lines(columns: Sequence[Column], texts: Sequence[Sequence[str]], widths: list[float], size: float,
                padding: float) -> int:
    """The most lines a name (`unbroken`) takes at these widths."""
    return max((len(wrap(row[i], REGULAR, size, widths[i] - 2 * padding))
                for row in _sampled(texts)
                for i, column in enumerate(columns) if column.unbroken and row[i]), default=1)


def _sampled(texts: Sequence[Sequence[str]]) -> Sequence[Sequence[str]]:
    """The rows looked at to fit a table: all of a short one, FIT_SAMPLE spread over a long register."""
    return texts[::max(1, len(texts) // FIT_SAMPLE)]


def _as_drawn(columns: Sequence[Column], texts: Sequence[Sequence[str]], widths: list[float], size: float,
              padding: float) -> int:
    """The table's lines at these widths (see _drawn)."""
    sample = _sampled(texts)
    values = [[row[i] for row in sample] for i in range(len(columns))]
    return _drawn(_kept_whole(columns, values, sum(widths), size, padding),
                  [_column_lines(column, column_values, width, size, padding)
                   for column, column_values, width in zip(columns, values, widths, strict=True)])


def _kept_whole(columns: Sequence[Column], values: Sequence[Sequence[str]], width: float, size: float,
                padding: float) -> list[list[bool]]:
    """Which values stay on one line where the table has room: an `unbroken` column's that fits on two lines
    in UNBROKEN_SHARE of the table, as _floors keeps them (a name, «Cảnh cáo»); a longer one («Cách tất cả các
    chức vụ trong Đảng và …») wraps at words like any text."""
    most = width * UNBROKEN_SHARE
    return [[column.unbroken and bool(text) and _two_lines(text, size) + 2 * padding <= most
             for text in column_values] for column, column_values in zip(columns, values, strict=True)]


def _column_lines(column: Column, values: Sequence[str], width: float, size: float,
                  padding: float) -> tuple[int, ...]:
    """A column's lines at `width`: its header's, then each value's (an empty cell takes one)."""
    room = width - 2 * padding
    counts = {text: len(wrap(text, REGULAR, size, room)) if text else 1 for text in set(values)}
    return (len(wrap(column.label, BOLD, size, room)), *(counts[text] for text in values))


def _drawn(kept: Sequence[Sequence[bool]], lines: Sequence[Sequence[int]]) -> int:
    """The table's lines from each column's (`_column_lines`): a row as tall as its tallest cell, the
    header row's counted too, and NAME_BROKEN more for each line a value kept whole (`_kept_whole`) takes
    beyond one: a name broken reads as two people, a word a line as more."""
    rows = zip(*lines, strict=True)
    header = max(next(rows))
    return header + sum(max(row) + NAME_BROKEN * sum(count - 1 for count, whole in zip(row, wholes, strict=True)
                                                     if whole)
                        for row, wholes in zip(rows, zip(*kept, strict=True), strict=True))


def _balanced(columns: Sequence[Column], texts: Sequence[Sequence[str]], widths: list[float], least: list[float],
              size: float, padding: float, tick: Callable[[], None]) -> list[float]:
    """The last pass: the fitter chose its cuts by an average, the reader sees each row as tall as its
    tallest cell. Where one cell makes a row taller than the rest of it, width moves to that column
    from the columns with room to spare in that row; a move is kept only when the table's drawn lines
    (`_as_drawn`) fall, so the pass never makes a table worse, and of the moves drawing it alike the one
    breaking fewer values; at most BALANCE_MOVES moves."""
    sample = _sampled(texts)
    values = [[row[i] for row in sample] for i in range(len(columns))]
    lines_at = functools.cache(lambda i, width: _column_lines(columns[i], values[i], width, size, padding))
    texts_of = [[column.label, *column_values] for column, column_values in zip(columns, values, strict=True)]
    kept = _kept_whole(columns, values, sum(widths), size, padding)
    # a name gives only the room beyond its longest value on one line: it is never broken to widen another
    least = [max(low, _widest([text for text, whole in zip(column_values, wholes, strict=True) if whole], REGULAR,
                              size) + 2 * padding)
             for low, column_values, wholes in zip(least, values, kept, strict=True)]
    widths = list(widths)
    drawn = _drawn(kept, [lines_at(i, width) for i, width in enumerate(widths)])
    for _ in range(BALANCE_MOVES):
        tick()
        lines = [lines_at(i, width) for i, width in enumerate(widths)]
        tried = [(_drawn(kept, moved_lines), _broken(moved_lines), moved)
                 for moved in _moves(columns, texts_of, lines, widths, least, size, padding)
                 for moved_lines in ([lines_at(i, width) for i, width in enumerate(moved)],)]
        better = min(tried, key=lambda found: found[:2], default=None)  # the first of those alike
        if better is None or better[0] >= drawn:
            return widths
        drawn, _, widths = better
    return widths


def _broken(lines: Sequence[Sequence[int]]) -> int:
    """The lines the values take beyond one each (a header's not counted): of two moves drawing the table
    alike, the one breaking fewer values («Nguyễn Văn / Thử 16» beside a place on two lines) is kept."""
    return sum(sum(column[1:]) - len(column) + 1 for column in lines)


def _moves(columns: Sequence[Column], texts_of: list[list[str]], lines: list[tuple[int, ...]], widths: list[float],
           least: list[float], size: float, padding: float) -> Iterable[list[float]]:
    """The widths worth trying: for the rows made tallest by a few cells (of each set of columns, the row
    they stand most lines above its next cell in, the header row apart: its bold words need other room; the
    four sets standing most lines above their rows in all), the width those cells need for one line fewer,
    or for no more lines than the row's next cell — taken from one column with room to spare in that row, or from
    all of them, each as far as it stands above its least (a name's: its longest value on one line)."""
    rows = list(zip(*lines, strict=True))
    # (the tallest cells' columns, header row): (most lines above the next, its row, lines above in all)
    worst: dict[tuple[tuple[int, ...], bool], tuple[int, int, int]] = {}
    for r, row in enumerate(rows):
        top = max(row)
        tall = tuple(i for i, count in enumerate(row) if count == top)
        above = top - max((count for count in row if count < top), default=top)
        most, row_at, total = worst.get((tall, r == 0), (0, 0, 0))
        worst[tall, r == 0] = (above, r, total + above) if above > most else (most, row_at, total + above)
    for (tall, _), (above, r, _) in sorted(worst.items(), key=lambda item: -item[1][2])[:4]:
        row = rows[r]
        donors = sorted((d for d in range(len(row)) if d not in tall and widths[d] > least[d] + 0.01),
                        key=lambda d: -widths[d])  # of moves alike, the one from the widest column
        spare = sum(widths[d] - least[d] for d in donors)
        font = BOLD if r == 0 else REGULAR  # the header row first
        for count in sorted({row[tall[0]] - 1, row[tall[0]] - above}, reverse=True):
            rooms = [_room_for(texts_of[t][r], font, size, padding, count, widths[t], widths[t] + spare) for t in tall]
            if None in rooms or sum(rooms) - sum(widths[t] for t in tall) > spare:
                continue
            wider = [rooms[tall.index(i)] if i in tall else w for i, w in enumerate(widths)]
            amount = sum(wider) - sum(widths)
            for d in donors:
                if widths[d] - amount >= least[d]:
                    yield [w - amount if i == d else w for i, w in enumerate(wider)]
            if len(donors) > 1:
                yield [w - amount * (w - least[i]) / spare if i in donors else w for i, w in enumerate(wider)]


def _room_for(text: str, font: str, size: float, padding: float, count: int, narrow: float,
              wide: float) -> float | None:
    """The least width (to a quarter point) between `narrow` and `wide` in which `text` takes `count`
    lines or fewer; None when even `wide` is too narrow."""
    if len(wrap(text, font, size, wide - 2 * padding)) > count:
        return None
    while wide - narrow > 0.25:
        middle = (narrow + wide) / 2
        narrow, wide = (narrow, middle) if len(wrap(text, font, size, middle - 2 * padding)) <= count else (middle,
                                                                                                            wide)
    return wide


def _on_one_line(values: Sequence[str], size: float, padding: float, most: float) -> float:
    """The width in which each of `values` takes one line, or two when one would be wider than `most`
    (no wider than `most`: a name longer still takes more)."""
    return max((_kept(value, size, padding, most) for value in {nfc(value) for value in values if value}),
               default=0.0)


def _kept(value: str, size: float, padding: float, most: float) -> float:
    one = _width(value, REGULAR, size) + 2 * padding
    return one if one <= most else min(most, _two_lines(value, size) + 2 * padding)


def _on_two_lines(values: Sequence[str], size: float, padding: float, font: str = REGULAR) -> float:
    """The width in which each of `values` takes at most two lines, broken between words."""
    return max((_two_lines(value, size, font) for value in {nfc(value) for value in values if value}),
               default=0.0) + 2 * padding


def _two_lines(value: str, size: float, font: str = REGULAR) -> float:
    """The width in which each line of `value` (as typed) takes at most two."""
    return max(_line_on_two(words(line), size, font) for line in value.split("\n"))


def _line_on_two(parts: list[str], size: float, font: str) -> float:
    return min((max(fonts.width(" ".join(parts[:cut]), font, size), fonts.width(" ".join(parts[cut:]), font, size))
                for cut in range(1, len(parts) + 1)), default=0.0)


def _widest(texts: Iterable[str], font: str, size: float) -> float:
    return max((_width(text, font, size) for text in texts if text), default=0.0)


def _width(text: str, font: str, size: float) -> float:
    """What a value asks on one line: a text typed in lines («Nội dung tóm tắt»), its widest line."""
    return max(fonts.width(line, font, size) for line in text.split("\n"))


def _fitted(columns: Sequence[Column], wanted: list[float], least: list[float], values: list[list[str]],
            width: float, size: float, padding: float, tick: Callable[[], None]) -> list[float]:
    """Every value on one line when the width allows (the rest shared by weight). Else the better
    of two layouts, by the table's height, header row and all (a row is as tall as its tallest cell),
    and then by the values broken (a header's lines count in its row's height only): the text columns
    shrunk in proportion to what they hold, as a word processor does, or cut one at a time where that
    makes the table least taller."""
    spare = width - sum(wanted)
    if spare >= 0:
        total = sum(column.weight for column in columns)
        return [want + spare * column.weight / total for want, column in zip(wanted, columns, strict=True)]
    count = len(values[0]) if values else 0
    step = max(1, count // FIT_SAMPLE)
    needs = [[_width(text, REGULAR, size) for text in column_values[::step]]
             + [fonts.width(column.label, BOLD, size)]  # the header row last: it is drawn too
             for column_values, column in zip(values, columns, strict=True)]
    cuttable = list(range(len(columns)))  # a whole column keeps its values (its least), only its header may wrap
    layouts = [_proportional(wanted, least, cuttable, width),
               _cut(wanted, least, needs, cuttable, width, padding, tick)]
    return min(layouts, key=lambda widths: (_cost(needs, widths, padding), layouts.index(widths)))


def _proportional(wanted: list[float], least: list[float], cuttable: list[int], width: float) -> list[float]:
    fixed = sum(wanted[i] for i in range(len(wanted)) if i not in cuttable)
    room = width - fixed - sum(least[i] for i in cuttable)
    extra = sum(wanted[i] - least[i] for i in cuttable)
    share = max(0.0, min(1.0, room / extra)) if extra else 0.0
    return [least[i] + (wanted[i] - least[i]) * share if i in cuttable else wanted[i] for i in range(len(wanted))]


def _cost(needs: list[list[float]], widths: list[float], padding: float) -> float:
    lines = [_lines(column_needs, w - 2 * padding) for column_needs, w in zip(needs, widths, strict=True)]
    rows = list(zip(*lines, strict=True))
    return sum(max(row) for row in rows) + BREAK_WEIGHT * sum(sum(row) - len(row) for row in rows[:-1])


def _cut(wanted: list[float], least: list[float], needs: list[list[float]], cuttable: list[int], width: float,
         padding: float, tick: Callable[[], None]) -> list[float]:
    """The widths cut from what the columns want down to the table's width, a cut at a time where it makes
    the table least taller for the width it gives, at most CUT_MOVES cuts."""
    widths = list(wanted)
    lines = [_lines(column_needs, w - 2 * padding) for column_needs, w in zip(needs, widths, strict=True)]
    ranked = [_Ranked(column_needs) for column_needs in needs]
    # a column's values broken by a narrower width, the same until that column is cut
    broken_by = functools.cache(lambda i, room, narrower: tuple(ranked[i].broken_by(room, narrower)))
    moves = 0
    while sum(widths) > width + 0.01:
        tick()
        best = _best_cut(widths, least, ranked, broken_by, lines, cuttable, sum(widths) - width, padding) \
            if moves < CUT_MOVES else None
        if best is None:  # every text column down to its least, or the cuts spent: share what is left by weight
            scale = (width - sum(least)) / max(1e-6, sum(widths) - sum(least))
            return [lo + (w - lo) * max(0.0, scale) for w, lo in zip(widths, least, strict=True)]
        moves += 1
        i, widths[i] = best
        lines[i] = _lines(needs[i], widths[i] - 2 * padding)
    return widths


def _best_cut(widths: list[float], least: list[float], ranked: list["_Ranked"],
              broken_by: Callable[[int, float, float], Sequence[tuple[int, int]]], lines: list[list[int]],
              cuttable: list[int], excess: float, padding: float) -> tuple[int, float] | None:
    """The column to narrow and its width, the cut making the table least taller for each point it gives
    (of cuts alike, the widest column's); None when no column has width to give."""
    tallest = [sorted(row, reverse=True)[:2] + [1] for row in zip(*lines, strict=True)]
    header = len(tallest) - 1
    best = None  # (cost, column, width)
    for i in cuttable:
        # each row's tallest cell beside column i's (1 when it has none)
        others = [second if before == top else top for before, (top, second, _) in zip(lines[i], tallest,
                                                                                      strict=True)]
        room = widths[i] - 2 * padding
        for target in _breaks(ranked[i], widths[i], least[i], excess, padding):
            taller = broken = 0  # the table's lines added, and the values' (a header's not counted)
            for r, count in broken_by(i, room, target - 2 * padding):
                taller += max(others[r], count) - max(others[r], lines[i][r])
                broken += count - lines[i][r] if r != header else 0
            cost = (taller + BREAK_WEIGHT * broken) / (widths[i] - target)
            if best is None or cost < best[0] - 1e-9 or abs(cost - best[0]) < 1e-9 and widths[i] > widths[best[1]]:
                best = (cost, i, target)
    return None if best is None else best[1:]


class _Ranked:
    """A column's needs (each value's width on one line, the header's last) in order of width: the values a
    narrower cell breaks are found without counting every row's lines again."""

    def __init__(self, needs: list[float]):
        self.rows: dict[float, list[int]] = {}
        for r, need in enumerate(needs):
            self.rows.setdefault(need, []).append(r)
        self.distinct = sorted(self.rows)

    def broken_by(self, room: float, narrower: float) -> Iterator[tuple[int, int]]:
        """The rows whose value takes more lines at `narrower` than at `room`, each with its lines then:
        a value on k lines takes more only when it needs more than k times the narrower room."""
        found: set[int] = set()
        for k in range(1, _count(self.distinct[-1], room) + 1):
            found.update(range(bisect.bisect_left(self.distinct, k * max(narrower, 1.0) - MARGIN),
                               bisect.bisect_right(self.distinct, k * max(room, 1.0) + MARGIN)))
        for index in sorted(found):
            need = self.distinct[index]
            after = _count(need, narrower)
            if after > _count(need, room):
                yield from ((r, after) for r in self.rows[need])


def _breaks(needs: _Ranked, current: float, least: float, excess: float, padding: float) -> list[float]:
    """The widths worth trying for a column: where its values take one line fewer, no narrower than
    its least, no narrower than the table needs; the BREAKS_TRIED widest of them."""
    floor = max(least, current - excess)
    found = {floor} if floor < current - 0.01 else set()
    distinct = needs.distinct
    for count in range(1, 7):
        low = bisect.bisect_left(distinct, (floor - 2 * padding) * count - MARGIN)
        taken = 0
        for index in range(bisect.bisect_right(distinct, (current - 2 * padding) * count + MARGIN) - 1, low - 1, -1):
            target = distinct[index] / count + 2 * padding
            if floor < target < current - 0.01:
                found.add(target)
                taken += 1
                if taken == BREAKS_TRIED:
                    break
    return sorted(found, reverse=True)[:BREAKS_TRIED]


def _lines(needs: list[float], room: float) -> list[int]:
    """About how many lines each value of these widths takes in a cell `room` points wide."""
    counts = {need: _count(need, room) for need in set(needs)}  # a column repeats its widths
    return [counts[need] for need in needs]


def _count(need: float, room: float) -> int:
    """About how many lines a value `need` points wide on one line takes in a cell `room` points wide."""
    return max(1, math.ceil(need / max(room, 1.0) - 1e-9))


def draw_table(flow: Flow, columns: Sequence[Column], records: Iterable[Mapping[str, Any]],
               size: float | None = None, leading: float | None = None, padding: float = PADDING,
               vertical: float | None = None, keep_last: float = 0.0, whole_up_to: int = 0) -> None:
    """The table from the flow's position down, over as many pages as it takes (see Table)."""
    Table(flow, columns, records, size, leading, padding, vertical, keep_last, whole_up_to).draw()


class Table:
    """A table made ready for the flow: `padding` inside a cell left and right, `vertical` above and
    below the text (default: `padding`). `keep_last`: the room the next block (a signature) needs
    beside the table's last two rows. `whole_up_to`: a table of that many rows or fewer starts on a
    page with room for all of them. A totals row never goes alone to a page: it keeps the row above."""

    def __init__(self, flow: Flow, columns: Sequence[Column], records: Iterable[Mapping[str, Any]],
                 size: float | None = None, leading: float | None = None, padding: float = PADDING,
                 vertical: float | None = None, keep_last: float = 0.0, whole_up_to: int = 0):
        c = flow.c
        self.flow, self.keep_last, self.padding, self.whole_up_to = flow, keep_last, padding, whole_up_to
        self.vertical = padding if vertical is None else vertical
        self.size = size or flow.profile.size("table")
        self.leading = leading or flow.profile.leading(self.size)
        self.records = list(records)
        self.texts: list[list[str]] = []
        for start in range(0, len(self.records), TOLD_EVERY):
            c.working()
            self.texts += [[nfc(column.text(record)) for column in columns]
                           for record in self.records[start:start + TOLD_EVERY]]
        self.widths = column_widths(columns, c.width, self.size, padding, self.texts, c.working)
        self.header = self._cells([column.label for column in columns], BOLD)
        self.header_height = max(len(lines) for lines in self.header) * self.leading + 2 * self.vertical
        self.aligns = [column.align for column in columns]
        self.keys = [column.key for column in columns]

    def opening(self) -> float:
        """The room the table's start needs on its page: the header row and the first row — with a
        short table kept with what follows it, the whole table and that block's room."""
        if not self.records:
            return self.header_height + self.leading + 2 * self.vertical
        if len(self.records) <= self.whole_up_to:
            rows = sum(self._wrapped(index)[2] for index in range(len(self.records)))
            return self.header_height + rows + self._next_block()
        return self.header_height + min(self._page_room(), self._start(self._wrapped(0)[2]) + self._kept_below(0))

    def most_lines(self, keys: Collection[str]) -> int:
        """The most lines a value of the columns `keys` takes in the table as laid out (1 without rows)."""
        chosen = [i for i, key in enumerate(self.keys) if key in keys]
        return max((len(self._wrapped(index)[0][i]) for index in range(len(self.records)) for i in chosen), default=1)

    def draw(self) -> None:
        """The table from the flow's position down, the header row again on every new page; a row taller than a
        page goes on over the next ones."""
        flow = self.flow
        flow.need(self.opening())
        self._draw_header()
        for index in range(len(self.records)):
            row, font, height = self._wrapped(index)
            kept = self._kept_below(index)
            if flow.need(min(self._page_room(), self._start(height) + kept)):
                self._draw_header()
            carried = self._carried(height, kept)
            while height > flow.y - flow.c.bottom or carried and height + kept > flow.y - flow.c.bottom:
                fit = max(1, int((flow.y - flow.c.bottom - 2 * self.vertical) / self.leading))
                if height <= flow.y - flow.c.bottom:  # its end fits, not with what it keeps: lines go along
                    fit = round((height - 2 * self.vertical) / self.leading) - carried
                if fit > 0:
                    self._draw_row([cell[:fit] for cell in row], font, fit * self.leading + 2 * self.vertical,
                                   self.aligns)
                    row = [cell[fit:] for cell in row]
                    height -= fit * self.leading
                flow.new_page()
                self._draw_header()
            self._draw_row(row, font, height, self.aligns)
        flow.skip(flow.profile.paragraph_after)

    def _carried(self, height: float, kept: float) -> int:
        """The lines of a row taller than a page that go on to a page of their own with the room it keeps below
        it (`_kept_below`: the last rows and the signature, never alone) when its end does not leave that room
        on its last page; none for a row a page holds, or when they would not fit there either."""
        if height <= self._page_room() or SPLIT_LINES * self.leading + 2 * self.vertical + kept > self._page_room():
            return 0
        return SPLIT_LINES

    def _draw_header(self) -> None:
        self._draw_row(self.header, BOLD, self.header_height, ["center"] * len(self.widths))

    def _page_room(self) -> float:
        """The room for rows on a page under the header row."""
        return self.flow.c.top - self.flow.c.bottom - self.header_height

    def _start(self, height: float) -> float:
        """The room a row of `height` needs where it starts: all of it, or SPLIT_LINES lines of a row taller
        than a page."""
        return height if height <= self._page_room() else SPLIT_LINES * self.leading + 2 * self.vertical

    def _kept_below(self, index: int) -> float:
        """The room row `index` keeps below it on its page: with `keep_last`, from the last two rows on,
        the rows after it and the next block's; the row above a closing totals row, that row; else none."""
        last = len(self.records) - 1
        if self.keep_last and index >= last - 1:
            rows = sum(self._wrapped(later)[2] for later in range(index + 1, len(self.records)))
            return rows + self._next_block()
        if index == last - 1 and self.records[last].get(TOTAL):
            return self._wrapped(last)[2]
        return 0.0

    def _next_block(self) -> float:
        """The room below the table for the block kept with it (`keep_last`), none without one."""
        return self.flow.profile.paragraph_after + self.keep_last if self.keep_last else 0.0

    def _cells(self, row: Sequence[str], font: str) -> list[list[str]]:
        return [[line.replace(JOIN, " ") for line in wrap(text, font, self.size, width - 2 * self.padding)]
                if text else [""] for text, width in zip(row, self.widths, strict=True)]

    def _wrapped(self, index: int) -> tuple[list[list[str]], str, float]:
        """Row `index` as drawn: its cells' lines, its font and its height (each row wrapped as it comes,
        so a long register's first page is drawn without waiting for the last)."""
        font = BOLD if self.records[index].get(TOTAL) else REGULAR
        lines = self._cells(self.texts[index], font)
        return lines, font, max(len(cell) for cell in lines) * self.leading + 2 * self.vertical

    def _draw_row(self, lines: list[list[str]], font: str, height: float, aligns: Sequence[str]) -> None:
        c, leading, padding = self.flow.c, self.leading, self.padding
        top = self.flow.y
        x = c.left
        c.setLineWidth(0.5)
        for cell_lines, width, align in zip(lines, self.widths, aligns, strict=True):
            c.rect(x, top - height, width, height)
            c.setFont(font, self.size)
            baseline = top - self.vertical - leading / 2 - self.size * 0.335  # the glyphs centred in the line
            for text in cell_lines:
                if align == "center":
                    c.drawCentredString(x + width / 2, baseline, text)
                elif align == "right":
                    c.drawRightString(x + width - padding, baseline, text)
                else:
                    c.drawString(x + padding, baseline, text)
                baseline -= leading
            x += width
        self.flow.y = top - height
