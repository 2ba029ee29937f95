"""The case window reads a case without opening a dialog: its note, and the political issues bearing on
the standard, each in the lines they were typed in, whole on an office screen."""

import datetime as dt

from sqlalchemy import select

from bvct_desktop.core import editing, replies, users
from bvct_desktop.core.database import disabled_message
from bvct_desktop.core.permissions import OFFICER
from bvct_desktop.core.personfile import cases, relatives
from bvct_desktop.core.personfile.cases import NOTE
from bvct_desktop.core.personfile.political import POLITICAL_NOTES
from bvct_desktop.core.personfile.relatives import DECLARED_MEMBERS
from bvct_desktop.core.schema import persons
from bvct_desktop.gui.forms import open_form
from bvct_desktop.gui.forms.case_form import AWAITING_TITLE, FOUND_TITLE, ISSUES_TITLE, MISSING_TITLE
from bvct_desktop.gui.qt import QLabel, QTextDocument
from tests.gui import register_support as support
from tests.gui.shell_support import as_user, context_for
from tests.gui.test_forms import shown_on_office_screen
from tests.gui.tip_support import label_as_seen

app, sample_files, db, context = support.app, support.sample_files, support.db, support.context  # fixtures

MARKUP_NAME = "<b>Bình</b>"  # a user's name an administrator may type
UNIT = "Ban Thường vụ Tỉnh ủy Bình Thuận (nay là Ban Thường vụ Tỉnh ủy Lâm Đồng sau sắp xếp đơn vị hành chính)"
NOTE_LINES = ["Đã làm việc với Công an xã Hàm Thắng ngày 05/03/2026.",
              "Chờ Tỉnh ủy Lâm Đồng trả lời phiếu số 1234-PXM.",
              "Cha vợ từng công tác ở " + UNIT + ", cần đối chiếu lý lịch 2C của người được thẩm tra với hồ sơ "
              "lưu trữ tại Phòng Bảo vệ chính trị nội bộ, Ban Tổ chức Tỉnh ủy trước khi trình kết luận.",
              "Hẹn gặp lại người được thẩm tra."]


def _person(context) -> int:
    with context.db.read() as connection:
        return connection.execute(select(persons.c.id).order_by(persons.c.id).limit(1)).scalar_one()


def _case_window(qtbot, monkeypatch, context, note: str | None):
    person = _person(context)
    case = cases.open_case(context.db, person, {"purpose": "Bổ nhiệm", "opened_on": "01/03/2026",
                                                "decision_no": "1234-QĐ/TU", "decision_on": "02/03/2026",
                                                "decision_by": UNIT, "note": note})
    return shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "vetting-cases", case))


def _titled(form, title: str) -> QLabel:
    return next(label for label in form.findChildren(QLabel) if label.text().startswith(f"<b>{title}"))


def _reads_in_lines(label: QLabel, lines: list[str]) -> None:
    """`label` is shown whole, each of `lines` starting a line of its own below its title: as tall as
    its title and the lines, the long one wrapping."""
    assert label.isVisible() and label.wordWrap()
    assert label.height() >= label.heightForWidth(label.width())  # nothing cut below
    assert label.height() >= (1 + len(lines)) * label.fontMetrics().lineSpacing()
    assert all(line.split(",")[0] in label.text() for line in lines)


def test_a_case_s_note_reads_in_its_lines_on_the_case_window(qtbot, monkeypatch, context):
    """«Ghi chú» was only in the «Sửa» dialog: an officer opening the case reads it under its summary, each
    paragraph on its own line, its long one whole, on a 1366×768 screen."""
    form = _case_window(qtbot, monkeypatch, context, "\n".join(NOTE_LINES))
    note = _titled(form, NOTE.header)
    _reads_in_lines(note, NOTE_LINES)
    assert note.width() <= form.scroller.viewport().width()
    assert form.frameGeometry().height() <= 768


def test_a_case_without_a_note_shows_no_note(qtbot, monkeypatch, context):
    form = _case_window(qtbot, monkeypatch, context, None)
    assert not [label for label in form.findChildren(QLabel) if label.text().startswith(f"<b>{NOTE.header}")]


def test_an_issue_bearing_on_the_standard_reads_in_the_lines_it_was_written_in(qtbot, monkeypatch, context):
    content = ["Cha đẻ từng tham gia chế độ cũ.", "Đã được cơ quan có thẩm quyền kết luận năm 1990."]
    POLITICAL_NOTES.add(context.db, _person(context), {"axis": "Lịch sử chính trị", "content": "\n".join(content)})
    form = _case_window(qtbot, monkeypatch, context, None)
    _reads_in_lines(_titled(form, ISSUES_TITLE), content)


def _shown(label: QLabel) -> QTextDocument:
    """What `label` shows, laid out at its width in its font."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(label.text())
    document.setTextWidth(label.width())
    document.size()  # laid out now, not when first painted
    return document


def test_a_missing_relative_reads_as_typed_with_a_less_than_or_an_ampersand(qtbot, monkeypatch, context):
    """A name holding «&» or «<» was read as markup: «Công ty A&B» showed wrong, «<» hid what followed."""
    name = "Lê Thị <Hoa> & Công ty A&B"
    relatives.add_relative(context.db, _person(context), {"relation": "Vợ", "full_name": name})
    form = _case_window(qtbot, monkeypatch, context, None)
    assert f"Vợ: {name} (chưa có phiếu xác minh" in _shown(_titled(form, MISSING_TITLE)).toPlainText()


def test_a_party_member_declared_in_full_is_shown_spared_a_check_of_their_own(qtbot, monkeypatch, context):
    """HD 06-HD/TW mục 3.4c: the window says why a parent who is a Party member is not among those to check."""
    father = {"full_name": "Nguyễn Văn Chín", "birth_date": "1940", "home_town": "Hàm Tiến",
              "residence": "Phường Hàm Tiến", "occupation": "Hưu trí"}
    record = relatives.add_relative(context.db, _person(context), {"relation": "Cha", **father})
    listed = next(r for r in relatives.list_relatives(context.db, _person(context)) if r.id == record)
    editing.save(context.db, "cadres", {**father, "party_joined_on": "03/02/1965"}, person_id=listed.relative_id)
    form = _case_window(qtbot, monkeypatch, context, None)
    assert "– Cha: Nguyễn Văn Chín" in _shown(_titled(form, DECLARED_MEMBERS)).toPlainText()
    assert "Nguyễn Văn Chín" not in _shown(_titled(form, MISSING_TITLE)).toPlainText()


def test_an_issue_s_lines_after_its_first_start_under_its_text_not_under_its_dash(qtbot, monkeypatch, context):
    """«– » then the issue: its wrapped lines and the lines it was written in line up under the text after «– »."""
    content = ["Cha đẻ từng tham gia chế độ cũ, " + UNIT + ", " + UNIT + ".", "Đã được kết luận năm 1990."]
    POLITICAL_NOTES.add(context.db, _person(context), {"axis": "Lịch sử chính trị", "content": "\n".join(content)})
    form = _case_window(qtbot, monkeypatch, context, None)
    document = _shown(_titled(form, ISSUES_TITLE))
    issue = document.find("– Lịch sử chính trị").block()
    lines = [issue.layout().lineAt(i) for i in range(issue.layout().lineCount())]
    assert len(lines) >= 3  # the long line wraps, the second one is a line of its own
    text_starts_at = lines[0].cursorToX(issue.text().index("Lịch sử"))[0]
    assert lines[0].x() < text_starts_at
    assert all(abs(line.x() - text_starts_at) <= 1 for line in lines[1:])


def test_a_case_opened_once_the_account_is_locked_says_so_with_its_name_as_typed(qtbot, context):
    """The refusal quotes the user's name, which an administrator typed: «<b>x</b>» reads as typed."""
    case = cases.open_case(context.db, _person(context), {"purpose": "Bổ nhiệm", "opened_on": "01/03/2026"})
    officer = as_user(context.db, MARKUP_NAME, OFFICER)
    users.disable(context.db, MARKUP_NAME)
    form = open_form(context_for(officer, context.clock), "vetting-cases", case)
    qtbot.addWidget(form)
    assert disabled_message(MARKUP_NAME) in [label_as_seen(label) for label in form.findChildren(QLabel)]


def test_a_case_whose_slips_await_their_replies_does_not_read_as_verified(qtbot, monkeypatch, context):
    """The tour's candidate had a slip on each parent, none answered, and the window read «Đã xác minh đủ thân
    nhân theo quy định.»: it names each relative whose slip still awaits its reply, and where it went."""
    person = _person(context)
    with context.db.read() as connection:
        full_name = connection.execute(select(persons.c.full_name).where(persons.c.id == person)).scalar_one()
    case = cases.open_case(context.db, person, {"purpose": "Bổ nhiệm", "opened_on": "01/03/2026"})
    editing.save(context.db, "slips", {"number": "90/PXM", "issued_on": "03/03/2026", "full_name": "Trần Văn Tư",
                                       "birth_date": "1940", "relation": "Cha", "vetted_name": full_name,
                                       "purpose": "Bổ nhiệm", "recipient": "Cục A93B – Bộ Công an"})
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "vetting-cases", case))
    awaiting = _titled(form, AWAITING_TITLE)
    _reads_in_lines(awaiting, ["Cha: Trần Văn Tư (phiếu 90/PXM gửi Cục A93B – Bộ Công an ngày 03/03/2026)"])
    assert not [label for label in form.findChildren(QLabel) if "Đã xác minh đủ" in label.text()]


def test_a_reply_that_found_an_archive_record_is_read_on_opening_the_case_above_its_steps(qtbot, monkeypatch,
                                                                                            context):
    """The tour's case said nothing of a reply «Có tài liệu lưu trữ…» until the officer tried to conclude, and the
    window's last line «Vấn đề chính trị ảnh hưởng tiêu chuẩn: không có.» read as all clear. Opened, the case names
    the slip and its reply in brief beside those awaiting theirs, all in view above the case's steps and slips."""
    person = _person(context)
    with context.db.read() as connection:
        full_name = connection.execute(select(persons.c.full_name).where(persons.c.id == person)).scalar_one()
    case = cases.open_case(context.db, person, {"purpose": "Bổ nhiệm", "opened_on": "01/03/2026"})
    slip = {"issued_on": "03/03/2026", "birth_date": "1940", "vetted_name": full_name, "purpose": "Bổ nhiệm",
            "recipient": "Cục A93B – Bộ Công an"}
    found = editing.save(context.db, "slips", {**slip, "number": "90/PXM", "full_name": "Trần Văn Tư",
                                               "relation": "Cha"})
    editing.save(context.db, "slips", {**slip, "number": "91/PXM", "full_name": "Lê Thị Hoa", "relation": "Mẹ"})
    replies.record_replies(context.db, [found], {"result_on": "20/03/2026",
                                                 "result": "Có tài liệu lưu trữ: nguyên là trung sĩ ngụy quân"})
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "vetting-cases", case))
    records = _titled(form, FOUND_TITLE)
    _reads_in_lines(records, ["Cha: Trần Văn Tư (phiếu 90/PXM, Cục A93B – Bộ Công an trả lời ngày 20/03/2026: «Có tài "
                              "liệu lưu trữ: nguyên là trung sĩ ngụy quân»)"])
    told = [_titled(form, title) for title in (AWAITING_TITLE, FOUND_TITLE, ISSUES_TITLE)]
    page = form.scroller.widget()
    tops = [label.mapTo(page, label.rect().topLeft()).y() for label in told]
    assert tops == sorted(tops)
    assert told[-1].mapTo(page, told[-1].rect().bottomLeft()).y() <= form.scroller.viewport().height()
    assert tops[-1] < form.steps.mapTo(page, form.steps.rect().topLeft()).y()


def test_a_case_past_its_deadline_and_not_concluded_says_how_late_under_its_name(qtbot, monkeypatch, context):
    """Tour: the window of a case 555 days past «Hạn hoàn thành» read «hạn hoàn thành 24/03/2025; Đang xác minh.»,
    the register and the cadre's file saying «(quá hạn 555 ngày)»: it says so too."""
    context.clock.now = dt.datetime(2026, 6, 15, 9, 30)
    case = cases.open_case(context.db, _person(context), {"purpose": "Bổ nhiệm", "opened_on": "01/03/2026"})
    form = shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, "vetting-cases", case))
    [summary] = [label.text() for label in form.findChildren(QLabel) if label.text().startswith("Mở ngày")]
    assert summary.startswith("Mở ngày 01/03/2026; hạn hoàn thành 15/04/2026 (quá hạn 61 ngày); ")
