"""A slip keeps the number of the police's reply as written, through the import, the export and the form."""

import openpyxl
from sqlalchemy import select

from bvct_desktop.core import editing, exporting, importing
from bvct_desktop.core.kinds import SLIPS
from bvct_desktop.core.schema import slips
from bvct_desktop.io import xlsx_reader, xlsx_writer
from tests.sample_db import sample_database

REPLY = {"Số phiếu": "12/PXM", "Ngày phát hành": "05/01/2025", "Họ và tên người được xác minh": "Phạm Văn Bình",
         "Ngày sinh": "1950", "Quê quán": "Hàm Tiến", "Nơi nhận phiếu": "Cục A93B – Bộ Công an",
         "Số văn bản trả lời": "0125/PV06"}


def test_the_reply_number_is_imported_exported_and_shown_as_written(cli, tmp_path):
    db = sample_database(cli, tmp_path, kinds=("slips",))
    sheet = xlsx_reader.Sheet.of_rows(tmp_path / "tra-loi.xlsx", [list(REPLY), list(REPLY.values())])
    result = importing.import_sheet(db, SLIPS, sheet)
    assert result.ok and result.updates == ["Dòng 2: cập nhật Số văn bản trả lời"]
    with db.read() as connection:
        slip_id = connection.execute(select(slips.c.id).where(slips.c.result_no == "0125/PV06")).scalar_one()
    assert editing.load(db, "slips", slip_id)["result_no"] == "0125/PV06"

    out = tmp_path / "phieu.xlsx"
    exporting.export(db, SLIPS, out, lambda rows: xlsx_writer.write_export(SLIPS, rows, out))
    sheet = openpyxl.load_workbook(out).active
    column = [cell.value for cell in sheet[1]].index("Số văn bản trả lời") + 1
    replied = [row for row in sheet.iter_rows(min_row=2) if row[0].value == "12/PXM"][0][column - 1]
    assert (replied.value, replied.number_format) == ("0125/PV06", "@")

    stored = editing.load(db, "slips", slip_id)
    shown = {spec.key: spec.display(stored[spec.key]) for spec in SLIPS.fields}
    editing.save(db, "slips", {**shown, "result_no": ""}, record_id=slip_id, person_id=stored["person_id"])
    assert editing.load(db, "slips", slip_id)["result_no"] is None
    db.close()
