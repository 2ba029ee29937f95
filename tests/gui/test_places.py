"""Place names in the desktop application: the register's search finds a home town by its old and
its new names both ways; the form and the cadre's file show a home town written under former names
with what it is called now (the stored text unchanged); the "Tra cứu địa danh" dialog."""

import pytest

from bvct_desktop.core import editing, importing
from bvct_desktop.core.kinds import kind_named
from bvct_desktop.core.personfile import relatives
from bvct_desktop.gui.forms.cadre_form import CadreForm
from bvct_desktop.gui.forms.record_form import RecordForm
from bvct_desktop.gui.main_window import MainWindow
from bvct_desktop.gui.places_dialog import HINT, PlacesDialog
from bvct_desktop.gui.registers.page import RegisterPage
from bvct_desktop.io.xlsx_reader import Sheet
from tests.gui import register_support as support
from tests.gui.shell_support import FakeClock, context_for, new_database, type_text

app = support.app  # fixture

CADRES = [  # name, birth, home town as written
    ("Đinh Văn Đảo", "1970", "xã Ngũ Phụng, huyện Phú Quí, tỉnh Bình Thuận"),
    ("Đinh Thị Mới", "1988", "Đặc khu Phú Quý, Lâm Đồng"),
    ("Lê Văn Núi", "1975", "xã Đắk R'Moan, Gia Nghĩa, Đắk Nông"),
    ("Lê Thị Phường", "1990", "phường Nam Gia Nghĩa, Lâm Đồng"),
    ("Hồ Văn Nghệ", "1965", "Quỳnh Đôi, Quỳnh Lưu, Nghệ An"),
]


@pytest.fixture
def context(app, tmp_path):
    clock = FakeClock()
    db = new_database(tmp_path, clock)
    sheet = Sheet.of_rows(tmp_path / "c.xlsx", [["Họ và tên", "Ngày sinh", "Quê quán"], *map(list, CADRES)])
    assert importing.import_sheet(db, kind_named("cadres"), sheet).ok
    yield context_for(db, clock)
    db.close()


def _names(page: RegisterPage) -> set[str]:
    column = [c.key for c in page.model.columns].index("full_name") if hasattr(page.model, "columns") else 0
    return {page.model.index(row, column).data() for row in range(page.model.rowCount())}


@pytest.mark.parametrize(("typed", "found"), [
    ("Phú Quý", {"Đinh Văn Đảo", "Đinh Thị Mới"}),      # new name: the record written with the old one too
    ("Phú Quí", {"Đinh Văn Đảo", "Đinh Thị Mới"}),      # Quí = Quý
    ("ngu phung", {"Đinh Văn Đảo", "Đinh Thị Mới"}),    # old name: the record written with the new one too
    ("Đắk R'Moan", {"Lê Văn Núi", "Lê Thị Phường"}),
    ("nam gia nghia", {"Lê Văn Núi", "Lê Thị Phường"}),
    ("quỳnh anh", {"Hồ Văn Nghệ"}),                      # another province
    ("Bình Thuận", {"Đinh Văn Đảo", "Đinh Thị Mới"}),
    ("Đặc khu Phú Quý", {"Đinh Văn Đảo", "Đinh Thị Mới"}),  # the new name as shown: «(nay: đặc khu Phú Quý, …)»
    ("phường Nam Gia Nghĩa", {"Lê Văn Núi", "Lê Thị Phường"}),
    ("Xã Quỳnh Anh", {"Hồ Văn Nghệ"}),
])
def test_the_register_search_finds_old_and_new_names_both_ways(qtbot, context, typed, found):
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    page.focus_search()
    type_text(page.search, typed)
    assert _names(page) == found


def test_the_form_shows_the_current_unit_beside_a_former_home_town(qtbot, context):
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    ids = {page.model.index(row, 0).data(): page.model.record_id(row) for row in range(page.model.rowCount())}
    form = CadreForm(context, "cadres", ids["Đinh Văn Đảo"])
    qtbot.addWidget(form)
    hint = form.current_places["home_town"]
    assert hint.text() == "(nay: đặc khu Phú Quý, Lâm Đồng)" and not hint.isHidden()
    support.fill(form, {"home_town": "Xã Ngũ Phụng, Phú Quí"})
    assert hint.text() == "(nay: đặc khu Phú Quý, Lâm Đồng)"
    support.fill(form, {"home_town": "Đặc khu Phú Quý, Lâm Đồng"})  # a current name: nothing beside it
    assert hint.isHidden()
    support.fill(form, {"home_town": "xã Ngũ Phụng, huyện Phú Quí, tỉnh Bình Thuận"})
    form.close()

    stored = editing.load(context.db, "cadres", ids["Đinh Văn Đảo"])
    assert stored["home_town"] == "xã Ngũ Phụng, huyện Phú Quí, tỉnh Bình Thuận"  # never rewritten


@pytest.mark.parametrize(("kind", "key"), [("slips", "residence"), ("cadres", "residence")])
def test_a_residence_written_under_former_names_is_shown_with_its_current_unit_as_the_slip_prints_it(
        qtbot, context, kind, key):
    """«Nơi ở» is printed on a slip with what the place is called now: the form shows it as it will print."""
    form = RecordForm(context, kind, None)
    qtbot.addWidget(form)
    support.fill(form, {key: "Thôn Phú Long, X. Ngũ Phụng, H. Phú Quí, T. Bình Thuận"})
    assert form.current_places[key].text() == "(nay: đặc khu Phú Quý, Lâm Đồng)"
    assert not form.current_places[key].isHidden()
    support.fill(form, {key: "Số 12 đường Nguyễn Đình Chiểu, phường Mũi Né, Lâm Đồng"})  # a current name
    assert form.current_places[key].isHidden()


@pytest.mark.parametrize(("kind", "key", "written", "shown"), [
    ("slips", "recipient", "Phòng PV27 – Công an tỉnh Bình Thuận", "(nay: tỉnh Lâm Đồng)"),
    ("slips", "recipient", "Phòng PV01 – Công an tỉnh Lâm Đồng", None),
    ("archive-requests", "province", "Bình Định", "(nay: tỉnh Gia Lai)"),
    ("archive-requests", "province", "Ban Tổ chức Tỉnh ủy Bình Định", "(nay: tỉnh Gia Lai)"),
    ("archive-requests", "province", "Gia Lai", None),
])
def test_a_new_records_form_tells_a_former_province_it_names(qtbot, context, kind, key, written, shown):
    """A slip for the police of a province that is no more, an archive request to one: told as it is typed,
    nothing changed in what is written."""
    form = RecordForm(context, kind, None)
    qtbot.addWidget(form)
    hint = form.current_places[key]
    assert hint.isHidden()
    support.fill(form, {key: written})
    assert (None if hint.isHidden() else hint.text()) == shown
    assert support.shown_values(form)[key] == written  # told beside it, never written into it


def test_the_cadres_file_shows_a_relatives_home_town_with_its_current_unit(qtbot, context):
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    cadre_id = next(page.model.record_id(row) for row in range(page.model.rowCount())
                    if page.model.index(row, 0).data() == "Hồ Văn Nghệ")
    person_id = editing.load(context.db, "cadres", cadre_id)["person_id"]
    relatives.add_relative(context.db, person_id, {"relation": "Cha", "full_name": "Hồ Văn Cha",
                                                   "birth_date": "1940", "home_town": "Xã Ngũ Phụng, Phú Quí",
                                                   "residence": "P. Hàm Tiến, TP Phan Thiết"})
    form = CadreForm(context, "cadres", cadre_id)
    qtbot.addWidget(form)
    tab = next(form.tabs.widget(i) for i in range(form.tabs.count()) if form.tabs.tabText(i) == "Thân nhân")
    tab.reload()
    cells = [tab.table.item(0, column).text() for column in range(tab.table.columnCount())]
    assert "Xã Ngũ Phụng, Phú Quí (nay: đặc khu Phú Quý, Lâm Đồng)" in cells
    assert "P. Hàm Tiến, TP Phan Thiết (nay: phường Mũi Né, Lâm Đồng)" in cells  # where he lives, likewise
    assert relatives.list_relatives(context.db, person_id)[0].home_town == "Xã Ngũ Phụng, Phú Quí"


def test_the_places_dialog_answers_from_the_help_menu(qtbot, context):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.places_action.trigger()
    dialog = window.findChild(PlacesDialog)
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.query, "Ngũ Phụng, Phú Quí")
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=3000)
    assert dialog.results.item(0).text() == ("Xã Ngũ Phụng, Huyện Phú Quí, Tỉnh Bình Thuận (trước 01/7/2025) → "
                                             "nay: Đặc khu Phú Quý (Tỉnh Lâm Đồng)")
    dialog.query.clear()
    type_text(dialog.query, "phuong mui ne, lam dong")
    dialog.look_up()
    assert [dialog.results.item(i).text().split(" ← ")[0] for i in range(dialog.results.count())] == [
        "Phường Mũi Né, Tỉnh Lâm Đồng (từ 01/7/2025)"]
    dialog.query.setText("Không Có Nơi Này")
    dialog.look_up()
    assert dialog.results.count() == 0 and "Không tìm thấy" in dialog.status.text()
    dialog.query.setText("Ngũ Phụng")
    dialog.look_up()
    assert dialog.status.text() == "1 đơn vị khớp với «Ngũ Phụng»."
    dialog.query.clear()  # the box's clear button
    dialog.look_up()
    assert dialog.results.count() == 0 and dialog.status.text() == HINT  # back to the hint, no stale count
    window.places_action.trigger()
    assert window.findChildren(PlacesDialog) == [dialog]  # one dialog, brought to the front
    dialog.close()
