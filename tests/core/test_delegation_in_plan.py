"""«Delegations must be in the annual foreign-affairs plan approved by BTV Tỉnh ủy» (brief §1.5): a delegation
is marked «Trong kế hoạch đối ngoại năm» «Có», «Không» or left empty (not known); one outside the plan is
kept and told as a «Lưu ý», never refused; the register filters by it."""


from bvct_desktop.core import browse, editing, importing
from bvct_desktop.core.kinds import DELEGATIONS
from tests.rows_sheet import rows_sheet

OUTSIDE = ("đoàn không có trong kế hoạch đối ngoại năm được Ban Thường vụ Tỉnh ủy phê duyệt; hãy xem lại văn bản "
           "cho phép đoàn đi ngoài kế hoạch")
HEADERS = ["Số quyết định", "Ngày quyết định", "Tên đoàn", "Nước đến", "Ngày đi", "Ngày về", "Họ và tên thành viên",
           "Ngày sinh", "Trong kế hoạch đối ngoại năm"]
LAOS = ["57-QĐ/TU", "20/01/2026", "Đoàn hữu nghị tỉnh Champasak", "Lào", "10/02/2026", "15/02/2026"]
KOREA = ["58-QĐ/TU", "22/01/2026", "Đoàn học tập kinh nghiệm Gyeonggi", "Hàn Quốc", "01/03/2026", "08/03/2026"]
CHINA = ["59-QĐ/TU", "23/01/2026", "Đoàn tham quan Vân Nam", "Trung Quốc", "01/04/2026", "05/04/2026"]


def _imported(db, rows: list[list]) -> importing.ImportResult:
    result = importing.import_sheet(db, DELEGATIONS, rows_sheet([HEADERS, *rows]))
    assert result.ok, result.problems
    return result


def test_a_delegation_outside_the_plan_is_kept_and_told(db):
    result = _imported(db, [[*LAOS, "Nguyễn Thị Phương Thảo", "1978", "Không"],
                            [*KOREA, "Trần Văn Hùng", "1970", "Có"], [*CHINA, "Lê Văn Một", "1960", ""]])
    assert [str(warning) for warning in result.warnings] == [
        f"Dòng 2, cột «Trong kế hoạch đối ngoại năm»: {OUTSIDE}"]
    [laos] = browse.record_ids(db, "delegations", LAOS[2])
    assert editing.load(db, "delegations", laos)["in_plan"] == "Không"


def test_a_delegation_outside_the_plan_is_told_once_not_at_each_member_row(db):
    result = _imported(db, [[*LAOS, "Nguyễn Thị Phương Thảo", "1978", "Không"],
                            [*LAOS, "Tôn Nữ Thị Ngọc Hường", "1980", "Không"], [*LAOS, "Trần Văn Hùng", "1970", ""]])
    assert [str(warning) for warning in result.warnings] == [
        f"Dòng 2, cột «Trong kế hoạch đối ngoại năm»: {OUTSIDE}"]


def test_a_form_asks_about_a_delegation_outside_the_plan_once(db):
    values = {"name": LAOS[2], "countries": "Lào", "depart_on": "10/02/2026", "return_on": "15/02/2026",
              "in_plan": "Không", editing.MEMBERS: [{"full_name": "Lê Văn Một", "birth_date": "1960"},
                                                    {"full_name": "Lê Văn Hai", "birth_date": "1961"}]}
    told = editing.to_confirm(db, "delegations", values)
    assert [line for line in told if OUTSIDE in line] == [f"Trong kế hoạch đối ngoại năm: {OUTSIDE}"]


def test_the_register_filters_delegations_in_the_plan_outside_it_or_not_known(db):
    _imported(db, [[*LAOS, "Nguyễn Thị Phương Thảo", "1978", "không"], [*KOREA, "Trần Văn Hùng", "1970", "x"],
                   [*CHINA, "Lê Văn Một", "1960", ""]])
    def named(kept):
        ids = browse.record_ids(db, "delegations", filters=browse.Filters().with_values("in_plan", kept))
        return {editing.load(db, "delegations", record_id)["name"] for record_id in ids}
    assert named(("Không",)) == {LAOS[2]}
    assert named(("Có",)) == {KOREA[2]}
    assert CHINA[2] in named((None,))
    assert "in_plan" in browse.filterable("delegations")
