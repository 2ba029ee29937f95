"""A sheet given by its rows, for tests that import without writing a workbook: the reader's own
`Sheet`, every cell in one font."""

import dataclasses
from pathlib import Path

from bvct_desktop.io.xlsx_reader import Sheet


@dataclasses.dataclass
class RowsSheet(Sheet):
    font: str | None = None

    def column_fonts(self, columns, heard=None) -> dict:
        return {c: [self.font] * self.height for c in columns}


def rows_sheet(rows: list[list[object]], name: str = "tep.xlsx", font: str | None = None, **facts) -> RowsSheet:
    """`facts`: what the survey found (`dates_shown`, `error_cells`…)."""
    return RowsSheet.of_rows(Path(name), rows, font=font, **facts)
