"""The choice of the cadre's file a letter is about (gui/forms/cadre_choice.py)."""

from bvct_desktop.core import browse, editing
from bvct_desktop.core.errors import BusyError
from bvct_desktop.core.personfile import letters
from bvct_desktop.gui.forms import open_form
from bvct_desktop.gui.forms.cadre_choice import NAMED_UNREAD, NO_ONE, OTHERS_UNREAD, CadreChoice
from tests.gui import register_support as support
from tests.gui.shell_support import import_rows, on_office_screen

app, sample_files, db, context = support.app, support.sample_files, support.db, support.context  # fixtures


def test_the_cadre_chosen_is_read_whole_in_the_tooltip_where_the_form_cuts_it(qtbot, context):
    """Tour: a letter about Nguyễn Văn Hùng showed «…quê Phú Thủy, Phan Thiết, CCCD 06006500…» cut at the
    form's edge with no tooltip; the officer could not read which cadre's file it was linked to."""
    choice = CadreChoice(context)
    qtbot.addWidget(choice)
    choice.resize(300, choice.sizeHint().height())
    choice.start("Nguyễn Văn Hùng", None)
    [hung] = editing.cadres_named(context.db, "Nguyễn Văn Hùng")
    assert choice.choice() == hung.person_id
    assert choice.box.toolTip() == choice.box.currentText() and "CCCD" in choice.box.toolTip()
    choice.box.setCurrentIndex(0)
    choice.box.activated.emit(0)
    assert choice.box.toolTip() == NO_ONE


def test_a_letter_about_a_cadre_of_a_long_post_reads_on_an_office_screen_without_scrolling_sideways(qtbot, monkeypatch,
                                                                                                   context):
    """Tour: the form of a letter about a cadre with a long post widened to the cadre's whole description: the
    summary, the deadline and the result were cut at the form's right edge behind a sideways scroll bar.
    The choice is as wide as the form gives it; the tooltip reads it whole."""
    on_office_screen(monkeypatch)
    import_rows(context.db, "cadres", ["Họ và tên", "Ngày sinh", "Số CCCD", "Chức vụ"],
                [["Nguyễn Văn Hùng", "12/03/1965", "060065001234",
                  "Phó Giám đốc Sở Tài nguyên và Môi trường kiêm Trưởng phòng Quản lý đất đai"]])
    letter = browse.record_ids(context.db, "complaints", "nguyen van hung")[0]
    form = open_form(context, "complaints", letter)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    assert "Quản lý đất đai" in form.cadre_choice.box.currentText()
    assert form.fields_area.horizontalScrollBar().maximum() == 0


def test_a_second_letter_about_a_cadre_tells_the_officer_of_the_first_and_a_letter_about_no_one_tells_nothing(
        qtbot, context):
    """Tour: a second denunciation of Nguyễn Văn Hùng went in as if he had none; the form now names the letter
    he has already, by kind, day received and state, under the choice of his file."""
    import_rows(context.db, "complaints", ["Ngày nhận", "Người gửi", "Loại đơn", "Họ và tên người bị phản ánh",
                                           "Nội dung tóm tắt"],
                [["09/06/2025", "Nặc danh", "Tố cáo", "Nguyễn Văn Hùng", "Có biệt thự không kê khai"]])
    choice = CadreChoice(context)
    qtbot.addWidget(choice)
    choice.show()
    second = browse.record_ids(context.db, "complaints", "biet thu")[0]
    choice.start("Nguyễn Văn Hùng", None, second)
    assert choice.hint.isVisible()
    assert choice.hint.text() == ("Cán bộ này đã có 1 đơn thư khác: Tố cáo nhận ngày 02/05/2025 "
                                  "(chưa giải quyết).")  # its day of resolution, 20/06/2025, is still to come
    choice.start("Nguyễn Văn Hùng", None)  # a new letter: both stored ones
    assert choice.hint.text() == ("Cán bộ này đã có 2 đơn thư khác: Tố cáo nhận ngày 02/05/2025 (chưa giải quyết); "
                                  "Tố cáo nhận ngày 09/06/2025 (chưa giải quyết).")  # the one due soonest first
    choice.box.setCurrentIndex(0)
    choice.box.activated.emit(0)
    assert not choice.hint.isVisible()
    choice.follow("Người Không Có Tên")
    assert not choice.hint.isVisible()


def test_a_letter_saved_elsewhere_about_the_cadre_chosen_is_told_at_once(qtbot, context):
    """A letter about Nguyễn Văn Hùng saved in another window while this letter's form was open: the form still
    said he had one other letter, read when it opened. The program's notice of the save reads them again."""
    choice = CadreChoice(context)
    qtbot.addWidget(choice)
    choice.show()
    choice.start("Nguyễn Văn Hùng", None)
    assert choice.hint.text().startswith("Cán bộ này đã có 1 đơn thư khác")
    import_rows(context.db, "complaints", ["Ngày nhận", "Người gửi", "Loại đơn", "Họ và tên người bị phản ánh",
                                           "Nội dung tóm tắt"],
                [["09/06/2025", "Nặc danh", "Tố cáo", "Nguyễn Văn Hùng", "Có biệt thự không kê khai"]])
    context.notifier.changed.emit("slips")  # another register's save: nothing to read again
    assert choice.hint.text().startswith("Cán bộ này đã có 1 đơn thư khác")
    context.notifier.changed.emit("complaints")
    assert choice.hint.text().startswith("Cán bộ này đã có 2 đơn thư khác")


def test_the_other_letters_are_read_once_for_a_person_while_the_name_stays_and_a_failed_read_is_told(
        qtbot, monkeypatch, context):
    """Review: each letter typed in the name read the cadre's letters again on the GUI thread, and a read that
    failed (the database out of reach) was not caught: the form would have crashed."""
    reads = []

    def others_of(db, person_id, letter_id):
        reads.append(person_id)
        raise BusyError("Cơ sở dữ liệu đang bận.")

    monkeypatch.setattr(letters, "others_of", others_of)
    choice = CadreChoice(context)
    qtbot.addWidget(choice)
    choice.show()
    choice.start("Nguyễn Văn Hùng", None)
    assert choice.hint.isVisible() and choice.hint.text() == f"{OTHERS_UNREAD} Cơ sở dữ liệu đang bận."
    choice.follow("Nguyễn Văn Hùng")
    choice.box.activated.emit(choice.box.currentIndex())
    assert len(reads) == 1
    choice.follow("Nguyễn Văn Hùng ")  # the name changed: he stays chosen, his letters read again
    choice.follow("Nguyễn Văn Hùng ")
    assert len(reads) == 2


def test_the_cadres_of_the_name_unread_are_told_on_the_line_and_the_letter_keeps_its_link(qtbot, monkeypatch, context):
    """Review: following the name read its cadres on the GUI thread with nothing caught: the database out of
    reach crashed the form at a letter typed. Now the line says so, no stale cadre stays offered, and the
    letter saved meanwhile keeps the person it is linked to (or takes the name's rule)."""
    choice = CadreChoice(context)
    qtbot.addWidget(choice)
    choice.show()
    choice.start("Nguyễn Văn Hùng", None)
    [hung] = editing.cadres_named(context.db, "Nguyễn Văn Hùng")
    choice.box.activated.emit(choice.box.currentIndex())  # the officer keeps him
    assert choice.kept == hung.person_id

    def out_of_reach(db, name):
        raise BusyError("Cơ sở dữ liệu đang bận.")

    monkeypatch.setattr(editing, "cadres_named", out_of_reach)
    choice.follow("Nguyễn Văn Hùn")
    assert choice.hint.isVisible() and choice.hint.text() == f"{NAMED_UNREAD} Cơ sở dữ liệu đang bận."
    assert choice.box.count() == 0 and not choice.box.isEnabled()
    assert choice.choice() == hung.person_id  # what the officer chose, not «no one»
    choice.start("Trần Thị Lan", None)
    assert choice.choice() is None  # the name's rule, when the letter is saved
