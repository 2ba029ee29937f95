"""Tables of the documents: columns named by the field declarations, drawn on paper with a
grid and the header row repeated on every page, and written to a worksheet the same way."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...core.fields import Field, FieldType
from ...core.numbers import grouped
from ..xlsx_writer import column_width
from . import fonts
from .fonts import BOLD, REGULAR
from .layout import Flow, nfc, wrap

PADDING = 3.0  # points inside a cell
NUMBER = "stt"
TOTAL = "_tong"  # a record with this key set is a totals row, set in bold


@dataclass(frozen=True)
class Column:
    """One column: its header (a field's, unless the document's wording differs), its share of
    the width on paper, its width in Excel characters, and how its values are shown."""

    key: str
    label: str
    weight: float
    field: Field | None = None
    align: str = "left"
    excel_width: float = 0.0
    least: str = ""  # a value the column must hold on one line (a date), beside its header's words

    def text(self, record: Mapping[str, Any]) -> str:
        value = record.get(self.key)
        if self.field is not None:
            return self.field.display(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return grouped(value)
        return "" if value is None else str(value)

    def cell(self, record: Mapping[str, Any]) -> object:
        value = record.get(self.key)
        return self.field.to_cell(value) if self.field is not None else value


DATE_SAMPLE = "00/00/0000"


def of(field: Field, weight: float, label: str | None = None, align: str = "left") -> Column:
    return Column(field.key, label or field.header, weight, field, align, column_width(field), least_text(field))


def least_text(field: Field | None) -> str:
    return DATE_SAMPLE if field is not None and field.type in (FieldType.DATE, FieldType.PARTIAL_DATE) else ""


def counter(label: str = "STT") -> Column:
    return Column(NUMBER, label, 0.5, None, "center", 6)


def plain(key: str, label: str, weight: float, align: str = "left", excel_width: float = 14) -> Column:
    return Column(key, label, weight, None, align, excel_width)


def numbered(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{**record, NUMBER: index} for index, record in enumerate(records, start=1)]


def column_widths(columns: Sequence[Column], width: float, size: float, padding: float = PADDING) -> list[float]:
    """Shares of the width by weight; a column too narrow for a word of its header (inside the
    cell's `padding`) takes the difference from the widest column."""
    total = sum(column.weight for column in columns)
    widths = [width * column.weight / total for column in columns]
    for index, column in enumerate(columns):
        words = max(fonts.width(word, BOLD, size) for word in column.label.split())
        least = max(words, fonts.width(column.least, REGULAR, size)) + 2 * padding
        if widths[index] < least:
            widest = max(range(len(widths)), key=widths.__getitem__)
            widths[widest] -= least - widths[index]
            widths[index] = least
    return widths


def draw_table(flow: Flow, columns: Sequence[Column], records: Iterable[Mapping[str, Any]],
               size: float | None = None) -> None:
    """The table from the flow's position down, over as many pages as it takes."""
    c = flow.c
    size = size or flow.profile.size("table")
    widths = column_widths(columns, c.width, size)
    leading = flow.profile.leading(size)

    def cells(texts: Sequence[str], font: str) -> list[list[str]]:
        return [wrap(text, font, size, width - 2 * PADDING) if text else [""]
                for text, width in zip(texts, widths, strict=True)]

    header = cells([column.label for column in columns], BOLD)
    header_height = max(len(lines) for lines in header) * leading + 2 * PADDING

    def draw_row(lines: list[list[str]], font: str, height: float, aligns: Sequence[str]) -> None:
        top = flow.y
        x = c.left
        c.setLineWidth(0.5)
        for cell_lines, width, align in zip(lines, widths, aligns, strict=True):
            c.rect(x, top - height, width, height)
            c.setFont(font, size)
            baseline = top - PADDING - size * 0.9
            for text in cell_lines:
                if align == "center":
                    c.drawCentredString(x + width / 2, baseline, text)
                elif align == "right":
                    c.drawRightString(x + width - PADDING, baseline, text)
                else:
                    c.drawString(x + PADDING, baseline, text)
                baseline -= leading
            x += width
        flow.y = top - height

    flow.need(header_height + leading + 2 * PADDING)
    draw_row(header, BOLD, header_height, ["center"] * len(columns))
    aligns = [column.align for column in columns]
    for record in records:
        font = BOLD if record.get(TOTAL) else REGULAR
        row = cells([nfc(column.text(record)) for column in columns], font)
        height = max(len(lines) for lines in row) * leading + 2 * PADDING
        if flow.need(height):
            draw_row(header, BOLD, header_height, ["center"] * len(columns))
        draw_row(row, font, height, aligns)
    flow.skip(flow.profile.paragraph_after)
