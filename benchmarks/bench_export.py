"""Export of 100,000 slips from the encrypted database, against openpyxl writing the same cells.

measured: exporting.export with xlsx_writer.write_export (the `bvct export slips` path:
          query, Field.to_cell, styled header, page setup, atomic save, audit entry).
baseline: openpyxl write_only writing the same values, already in memory, to a file: full
          dates as date cells shown DD/MM/YYYY and `Số phiếu` as a text cell, as the export
          writes them.
target:   ratio ≤ 1.3.
"""

import datetime as dt
import tempfile
from pathlib import Path

import common
import fixtures
import openpyxl
from openpyxl.cell import WriteOnlyCell

from bvct_desktop.core import exporting
from bvct_desktop.core.kinds import SLIPS
from bvct_desktop.core.record_rows import export_rows
from bvct_desktop.io import xlsx_writer

ROWS = 100_000
TARGET = 1.3


def cells_in_memory(db) -> list[list[object]]:
    """The export's cell values, read and converted once (not timed)."""
    with db.read() as connection:
        return [[spec.to_cell(record[spec.key]) for spec in SLIPS.fields] for record in export_rows(connection, SLIPS)]


def write_with_openpyxl(rows: list[list[object]], target: Path) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(SLIPS.title[:31])
    sheet.append([spec.header for spec in SLIPS.fields])
    text_columns = {i for i, spec in enumerate(SLIPS.fields) if spec.is_identity_number or spec.key == "number"}
    for values in rows:
        sheet.append([_cell(sheet, value, index in text_columns) for index, value in enumerate(values)])
    workbook.save(target)


def _cell(sheet, value: object, text: bool) -> object:
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = xlsx_writer.DATE_FORMAT
        return cell
    if text and value is not None:
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = xlsx_writer.TEXT_FORMAT
        return cell
    return value


def export_slips(db, target: Path, rows: int) -> None:
    count = exporting.export(db, SLIPS, target, lambda records: xlsx_writer.write_export(SLIPS, records, target))
    if count != rows:
        raise SystemExit(f"expected {rows} exported slips, got {count}")


def run(scale: float = 1.0, repeat: int = 3, profile: bool = False) -> list[common.Figure]:
    rows = common.scaled(ROWS, scale)
    db = fixtures.open_database(fixtures.slip_database(rows))
    try:
        cells = cells_in_memory(db)
        with tempfile.TemporaryDirectory(dir=fixtures.OUT) as scratch:
            baseline_target, target = Path(scratch) / "baseline.xlsx", Path(scratch) / "export.xlsx"
            baseline_runs, runs = common.alternate(
                lambda: common.timed(lambda: write_with_openpyxl(cells, baseline_target)),
                lambda: common.timed(lambda: export_slips(db, target, rows)), repeat)
            if profile:
                common.profile(lambda: export_slips(db, target, rows))
    finally:
        db.close()
    figure = common.Figure(f"export {rows:,} slips (encrypted database → xlsx)", TARGET, runs, baseline_runs)
    common.print_figure(figure, "openpyxl write-only, same cells from memory", "exporting.export + write_export")
    return [figure]


if __name__ == "__main__":
    args = common.arguments(__doc__.splitlines()[0], default_repeat=3)
    run(args.scale, args.repeat, args.profile)
