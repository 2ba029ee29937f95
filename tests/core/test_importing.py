"""The importer's service, apart from reading and writing (those are tested through `bvct import`)."""

from bvct_desktop.core import gazetteer, importing
from bvct_desktop.core.kinds import CADRES, COMPLAINTS
from tests.rows_sheet import rows_sheet


def test_getting_ready_loads_the_gazetteer_for_rows_that_name_home_towns():
    gazetteer.load.cache_clear()
    importing.get_ready(COMPLAINTS)  # names a person, not their home town
    assert gazetteer.load.cache_info().currsize == 0
    importing.get_ready(CADRES)
    assert gazetteer.load.cache_info().currsize == 1


def test_empty_rows_are_skipped_and_the_others_keep_their_excel_numbers():
    sheet = rows_sheet([["Họ và tên", "Ngày sinh", "Cột khác"],
                        ["Lê Văn Một", "1960", None],
                        [None, "", None],
                        ["  ", None, " \t"],
                        ["Lê Văn Bốn", "1970", None],
                        [None, None, "chỉ có cột khác"],
                        ["", None, ""]])
    columns, _, problems = importing.map_headers(CADRES, sheet.row(1))
    rows = importing.parse_rows(CADRES, sheet, columns, problems, [column[1:] for column in sheet.columns])
    assert [(number, values["full_name"]) for number, values in rows] == [(2, "Lê Văn Một"), (5, "Lê Văn Bốn")]
    assert [(problem.row, problem.header) for problem in problems] == [(6, "Họ và tên"), (6, "Ngày sinh")]
