"""HD 36 details: the number, the place-and-date line with its leading zeros, wrapping, profiles,
where the page number goes, the signature block in its column."""

import datetime as dt
import io
import itertools
import re
from pathlib import Path

import docx
import openpyxl
import pytest
from pypdf import PdfReader

from bvct_desktop.core import documents_data, settings
from bvct_desktop.core.errors import InputError
from bvct_desktop.io.documents import fonts, layout, lists, pdf, profile, reminder, render, sheets
from bvct_desktop.io.documents.fonts import BOLD, REGULAR
from bvct_desktop.io.documents.report_content import ReportSource

from . import pdfcheck
from .conftest import FIGURES, NOTES, SLIP, TITLE_70, TITLE_150, TRIP

ON = dt.date(2026, 3, 2)  # the day of a document drawn here


@pytest.mark.parametrize(("day", "expected"), [
    (dt.date(2026, 1, 5), "Lâm Đồng, ngày 05 tháng 01 năm 2026"),
    (dt.date(2026, 2, 10), "Lâm Đồng, ngày 10 tháng 02 năm 2026"),
    (dt.date(2026, 3, 9), "Lâm Đồng, ngày 09 tháng 3 năm 2026"),
    (dt.date(2025, 11, 26), "Lâm Đồng, ngày 26 tháng 11 năm 2025"),
])
def test_the_date_line_has_leading_zeros_for_days_below_10_and_months_below_3(day, expected):
    assert layout.date_text("Lâm Đồng", day, profile.load()) == expected


def test_a_draft_leaves_day_and_month_blank_under_the_year_of_its_own_date():
    text = layout.date_text("Lâm Đồng", dt.date(2031, 12, 30), profile.load(), draft=True)
    assert text.startswith("Lâm Đồng, ngày") and text.endswith("năm 2031")
    assert "tháng" in text and not any(ch.isdigit() for ch in text[:-4])


def test_numbers_of_issued_documents_drafts_and_slips():
    assert layout.number_text(125, "BC", "BTCTU") == "Số 125-BC/BTCTU"
    assert layout.number_text(7, "BC", "BTCTU") == "Số 07-BC/BTCTU"  # two digits below 10
    assert layout.number_text(1, "CV", "BTCTU") == "Số 01-CV/BTCTU"
    assert layout.number_text(10, "BC", "BTCTU") == "Số 10-BC/BTCTU"
    draft = layout.number_text(None, "BC", "BTCTU")
    assert draft.startswith("Số ") and draft.endswith("-BC/BTCTU") and not any(ch.isdigit() for ch in draft)
    assert layout.number_text("12/PXM", None, "BTCTU") == "Số 12/PXM"


def test_wrapping_keeps_every_word_and_fits_the_width():
    fonts.register()
    text = "Đề nghị tra cứu tàng thư, hồ sơ lưu trữ và cho biết có hay không có tài liệu liên quan " * 3
    lines = layout.wrap(text, REGULAR, 13, 200, first_indent=30)
    assert " ".join(lines).split() == text.split()
    assert fonts.width(lines[0], REGULAR, 13) <= 170
    assert all(fonts.width(line, REGULAR, 13) <= 200 for line in lines[1:])


def test_a_draft_dates_blanks_to_fill_in_survive_wrapping():
    fonts.register()
    date = layout.date_text("Thành phố Hồ Chí Minh", dt.date(2026, 5, 4), profile.load(), draft=True)
    lines = layout.wrap(date, REGULAR, 14, fonts.width("Thành phố Hồ Chí Minh, ngày", REGULAR, 14))
    assert lines == ["Thành phố Hồ Chí Minh,", "ngày" + "\u00a0" * 6 + "tháng" + "\u00a0" * 6 + "năm 2026"]


def test_the_lines_wrapped_are_the_callers_own_to_change():
    fonts.register()
    text = "Phòng PV27 – Công an tỉnh Lâm Đồng, số 1 Trần Hưng Đạo, phường Xuân Hương – Đà Lạt"
    lines = layout.wrap(text, REGULAR, 13, 150)
    wrapped = list(lines)
    lines[0] = "đổi"
    lines.append("thêm")
    assert layout.wrap(text, REGULAR, 13, 150) == wrapped
    assert " ".join(wrapped).split() == text.split()


def test_text_is_nfc_before_it_reaches_the_pdf():
    decomposed = "Nguye\u0302\u0303n"
    assert layout.wrap(decomposed, REGULAR, 12, 500) == ["Nguyễn"]


def test_both_bundled_profiles_load():
    assert {"hd36", "hd05-2026"} <= set(profile.available())
    hd36, hd05 = profile.load("hd36"), profile.load("hd05-2026")
    assert not hd36.draft and hd05.draft
    assert hd36.page_size == pytest.approx((595.2756, 841.8898))
    assert hd36.size("title") == 15 and hd36.recipients[-1] == "Lưu Văn phòng Ban."
    assert hd36.secrecy_place == "under_number" and hd36.secrecy_box == pytest.approx((20 * 72 / 25.4, 8 * 72 / 25.4))
    assert hd36.listing["size"] >= 10
    assert not hd36.unverified and "chưa được đối chiếu" in hd05.unverified


def test_a_profile_is_rebuilt_from_the_values_an_issued_document_kept():
    hd36 = profile.load("hd36")
    assert profile.from_data("hd36", hd36.data) == hd36


def test_an_unknown_or_broken_profile_is_a_clear_error(tmp_path, monkeypatch):
    with pytest.raises(InputError, match="Không có hồ sơ thể thức"):
        profile.load("nd30")
    broken = tmp_path / "hong.toml"
    broken.write_text('name = "x"\n[page]\nsize = "A4"\n', encoding="utf-8")
    monkeypatch.setattr(profile, "profile_path", lambda key: broken)
    with pytest.raises(InputError, match="sai cấu trúc"):
        profile.load("hong")


def test_a_changed_profile_value_changes_the_page(tmp_path, monkeypatch):
    edited = tmp_path / "rong.toml"
    edited.write_text(profile.profile_path("hd36").read_text(encoding="utf-8")
                      .replace("margin_left = 30", "margin_left = 35"), encoding="utf-8")
    monkeypatch.setattr(profile, "profile_path", lambda key: edited)
    assert profile.load("rong").margins[2] == pytest.approx(35 * 72 / 25.4)


@pdfcheck.needs_poppler
@pytest.mark.parametrize("wide", [False, True], ids=["portrait", "landscape"])
def test_the_page_number_prints_10_mm_or_more_below_the_top_edge_centred_over_the_text(tmp_path, office, wide):
    """Office printers leave the 4–5 mm by the edge blank: the page number (and a draft's mark beside
    it) sits in the top margin as HD 36 puts it, 10 mm from the edge, above the text's first line."""
    chosen = profile.load()
    top, _, left, right = chosen.listing_margins if wide else chosen.margins

    def three_pages(c: layout.DocumentCanvas) -> None:
        for _ in range(3):
            layout.Flow(c).line("Dòng đầu trang", REGULAR, chosen.size("body"))
            c.showPage()

    target = tmp_path / "trang.pdf"
    pdf.save(pdf.render(three_pages, chosen, layout.Letterhead.from_settings(office), "Trang", ON, wide,
                        draft=True),
             target)
    found = pdfcheck.words(target)
    width = float(pdfcheck.info(target)["Page size"].split()[0])
    for page in (2, 3):
        number = next(word for word in found if word.page == page and word.text == str(page))
        first_line = pdfcheck.phrase(found, "Dòng đầu trang", page)
        assert number.top >= 10 * pdfcheck.MM and number.bottom < top <= first_line.top
        assert (number.x0 + number.x1) / 2 == pytest.approx((left + width - right) / 2, abs=1)
        assert pdfcheck.phrase(found, "DỰ THẢO", page).top >= 10 * pdfcheck.MM


LONG_SIGNATURES = {
    "title-70": {"quyen_ky": "T/M BAN THƯỜNG VỤ", "chuc_vu_ky": TITLE_70},
    "title-150": {"quyen_ky": "T/M BAN THƯỜNG VỤ", "chuc_vu_ky": TITLE_150},
    "every-line": {"quyen_ky": "T/M BAN THƯỜNG VỤ ĐẢNG ỦY CƠ QUAN BAN TỔ CHỨC TỈNH ỦY LÂM ĐỒNG",
                   "chuc_vu_ky": TITLE_150, "nguoi_ky": "Tôn Nữ Thị Hoàng Phương Thảo Nguyên Bảo Châu"},
}
PRINTED = dt.date(2026, 3, 2)


def _signed_document(kind: str, office: dict[str, str], options: render.Options) -> tuple[bytes, bool]:
    """A document that ends with the signature block, printed with these settings; whether it is landscape."""
    history = settings.History([(key, None, value) for key, value in office.items()])
    slip = {**SLIP, "days_late": 40}
    if kind == "cadre":
        cadre = {**dict.fromkeys((*sheets.PARTICULARS, *sheets.PARTY, "other_names", "note")),
                 "full_name": "Lê Văn Hùng", "birth_date": "1970-05-02", "trips": [], "foreign": [], "slips": [],
                 "political": [], "relatives": [], "work": [], "rewards": [],
                 "discipline": []}
        return render.cadre_pdf(history, [cadre], PRINTED, options), False
    if kind == "report":
        return render.report_pdf(ReportSource(dict(FIGURES), office, dict(NOTES), 12, PRINTED), options), False
    if kind == "reminder":
        source = reminder.ReminderSource("Cục A93B – Bộ Công an", PRINTED, (30,), [slip], office, 5)
        return render.reminder_pdf(source, options), False
    if kind == "slip":
        return render.slips_pdf(history, [slip], options), False
    if kind == "delegation":
        return render.delegation_pdf(history, [TRIP], PRINTED, options), False
    return render.register_pdf(lists.SLIP_REGISTER, history, [slip], PRINTED, PRINTED, PRINTED, options), True


def _signed_words(target: Path, kind: str, office: dict[str, str],
                  options: render.Options) -> tuple[list, float, float]:
    """The words of `_signed_document` saved at `target`, and where its text's margins are (points from the left)."""
    data, wide = _signed_document(kind, office, options)
    pdf.save(data, target)
    _, _, left, right = options.profile.listing_margins if wide else options.profile.margins
    page_width = float(pdfcheck.info(target)["Page size"].split()[0])
    return pdfcheck.words(target), left, page_width - right


@pdfcheck.needs_poppler
@pytest.mark.parametrize("kind", ["cadre", "report", "reminder", "slip", "delegation", "register"])
@pytest.mark.parametrize("long", LONG_SIGNATURES.values(), ids=LONG_SIGNATURES.keys())
def test_a_long_signature_line_wraps_inside_the_signers_column_at_the_blocks_size(tmp_path, office, options,
                                                                                  kind, long):
    """A title too long for one line, even shrunk by COLUMN_SHRINK, goes on as many lines as it needs,
    centred in the signer's column at the size of the block's other lines, every word kept (one that
    fits so stays on its line, shrunk); nothing reaches past the right margin, on portrait pages and
    on the landscape register."""
    chosen = options.profile
    found, left, right = _signed_words(tmp_path / "ky.pdf", kind, {**office, **long}, options)
    column = (left + (right - left) * layout.SIGNATURE_SHARE, right)
    assert all(word.x1 <= column[1] + 0.5 for word in found)
    title = pdfcheck.phrase(found, long["chuc_vu_ky"])
    authority = pdfcheck.phrase(found, long["quyen_ky"], title.page)
    signer = pdfcheck.phrase(found, long.get("nguoi_ky", office["nguoi_ky"]), title.page)
    assert column[0] - 0.5 <= min(title.x0, authority.x0, signer.x0)
    assert authority.bottom <= title.top and title.bottom < signer.top  # on one page, in this order
    party = pdfcheck.phrase(found, layout.PARTY, 1)  # bold too: a word's box is as tall as its size
    height = (party.bottom - party.top) / chosen.size("party") * chosen.size("signer_title")
    words = pdfcheck.run(found, long["chuc_vu_ky"], title.page)
    if len({round(word.top) for word in words}) > 1:
        assert all(word.bottom - word.top == pytest.approx(height, abs=0.3) for word in words)
    else:
        least = chosen.size("signer_title") - layout.COLUMN_SHRINK
        assert title.bottom - title.top >= height * least / chosen.size("signer_title") - 0.3


@pdfcheck.needs_poppler
@pytest.mark.parametrize("room", [0.5, -0.5], ids=["room-enough", "half-a-point-short"])
def test_the_signature_takes_the_room_its_height_says_wrapped_lines_and_all(tmp_path, office, room):
    """The keep-together logic asks for `signature_height`: given that, the whole block (a
    four-line title included) ends at the bottom margin; given less, all of it goes over."""
    chosen = profile.load()
    head = layout.Letterhead.from_settings({**office, "quyen_ky": "T/M BAN THƯỜNG VỤ", "chuc_vu_ky": TITLE_150})

    def block_at_the_foot(c: layout.DocumentCanvas) -> None:
        flow = layout.Flow(c)
        flow.y = c.bottom + layout.signature_height(flow, None) + room
        layout.signature(flow, None)
        c.showPage()

    target = tmp_path / "ky.pdf"
    pdf.save(pdf.render(block_at_the_foot, chosen, head, "Ký", ON), target)
    found = pdfcheck.words(target)
    title, signer = pdfcheck.phrase(found, TITLE_150), pdfcheck.phrase(found, office["nguoi_ky"])
    assert title.page == signer.page == (1 if room > 0 else 2)
    if room > 0:
        foot, size = chosen.page_size[1] - chosen.margins[1], chosen.size("signer_name")
        assert foot - chosen.leading(size) < signer.bottom - 0.3 * size <= foot  # its baseline on the margin


def test_a_line_of_the_signature_shrinks_a_little_to_stay_on_one_line_then_wraps_at_its_size():
    """A title printed at 8 pt beside a 14 pt name reads as another level: a line loses at most
    COLUMN_SHRINK points, and a longer one wraps at the block's size."""
    title = "PHÓ TRƯỞNG BAN"
    lines = layout.column_lines(f"{title} THƯỜNG TRỰC BAN TỔ CHỨC", layout.BOLD, 14, 200.0)
    assert len(lines) > 1 and {size for _, size in lines} == {14}
    narrower = layout.fonts.width(title, layout.BOLD, 13)
    assert layout.column_lines(title, layout.BOLD, 14, narrower) == [(title, 13)]


def _reminder_text(target: Path, office: dict[str, str], options: render.Options) -> str:
    """The text of a reminder letter written with these settings, in the format `target` is named for."""
    source = reminder.ReminderSource("Cục A93B – Bộ Công an", PRINTED, (30,), [{**SLIP, "days_late": 40}], office, 5)
    if target.suffix == ".docx":
        render.reminder_docx_file(target, source, options)
        cells = [cell for table in docx.Document(target).tables for row in table.rows for cell in row.cells]
        return "\n".join(paragraph.text for cell in cells for paragraph in cell.paragraphs)
    if target.suffix == ".xlsx":
        render.reminder_xlsx(target, source, options)
        rows = openpyxl.load_workbook(target).active.iter_rows(values_only=True)
        return "\n".join(str(value) for row in rows for value in row if value)
    pdf.save(render.reminder_pdf(source, options), target)
    return pdfcheck.text(target)


SIGNED_TITLES = {
    "head": ("TRƯỞNG BAN", "TRƯỞNG BAN", ["TRƯỞNG BAN"]),
    "acting-head": ("Q. TRƯỞNG BAN", "Q. Trưởng ban", ["Q. TRƯỞNG BAN"]),
    "deputy": ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]),
}


@pdfcheck.needs_poppler
@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".xlsx"])
@pytest.mark.parametrize(("authority", "title", "printed"), SIGNED_TITLES.values(), ids=SIGNED_TITLES.keys())
def test_the_signature_prints_a_title_set_in_both_lines_once(tmp_path, office, options, suffix, authority, title,
                                                             printed):
    """The head signs «TRƯỞNG BAN», not «TRƯỞNG BAN / TRƯỞNG BAN»: the same title as authority and as
    position (case and spacing aside) is one line, in every format; a deputy's two lines both print."""
    text = _reminder_text(tmp_path / f"cv{suffix}", {**office, "quyen_ky": authority, "chuc_vu_ky": title}, options)
    pieces = [piece.strip() for piece in re.split(r"\n|\s{2,}", text)]  # the PDF's columns share a line
    assert [piece for piece in pieces if "TRƯỞNG BAN" in piece.upper()] == printed


def test_a_heading_keeps_on_its_page_the_room_asked_for_below_its_own_space(office):
    """`keep_next` is the room the next block needs after the heading, the space after it included
    (a table kept with its heading went over, leaving the heading alone at the foot)."""
    chosen = profile.load()
    c = layout.DocumentCanvas(io.BytesIO(), chosen, layout.Letterhead.from_settings(office), "Đề mục", ON)
    flow = layout.Flow(c)
    keep = 50.0
    flow.y = c.bottom + flow.height("V. ĐỀ MỤC", BOLD, indent=False) - chosen.paragraph_after + keep + 1
    flow.paragraph("V. ĐỀ MỤC", BOLD, indent=False, keep_next=keep)
    assert not flow.need(keep)


LONG_HEAD = {"co_quan_cap_tren": "ĐẢNG ỦY ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
             "co_quan": "BAN TỔ CHỨC ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG THÀNH PHỐ", "dia_danh": "Thành phố Hồ Chí Minh"}


@pdfcheck.needs_poppler
@pytest.mark.parametrize("kind", ["cadre", "report", "reminder", "slip", "delegation", "register"])
def test_a_long_body_name_wraps_in_the_header_block_at_a_legible_size(tmp_path, office, options, kind):
    """Names too long for one line go on as many lines as they need inside the left block, at
    their size or a little less (never more than COLUMN_SHRINK under it: 12 pt, not 8); the number
    and the place-and-date line (its place, when the date goes on the next line) start on one line
    below the longer block."""
    chosen = options.profile
    found, left, right = _signed_words(tmp_path / "dau.pdf", kind, {**office, **LONG_HEAD}, options)
    found = [word for word in found if word.page == 1]
    split = left + (right - left) * layout.LEFT_COLUMN
    party = pdfcheck.phrase(found, layout.PARTY, 1)
    point = (party.bottom - party.top) / chosen.size("party")  # a word's box is as tall as its size
    for text, role, font in ((LONG_HEAD["co_quan_cap_tren"], "superior", REGULAR), (LONG_HEAD["co_quan"], "issuer",
                                                                                   BOLD)):
        words = pdfcheck.run(found, text, 1)
        fits = fonts.width(text, font, chosen.size(role) - layout.COLUMN_SHRINK) <= (split - left
                                                                                   - 2 * layout.WORD_CELL_PADDING)
        assert (len({round(word.top) for word in words}) == 1) == fits  # wrapped unless it fits (landscape)
        assert all(left - 0.5 <= word.x0 and word.x1 <= split + 0.5 for word in words)
        assert all(word.bottom - word.top >= point * (chosen.size(role) - layout.COLUMN_SHRINK) - 0.3
                   for word in words)
    issuer = pdfcheck.run(found, LONG_HEAD["co_quan"], 1)
    date = pdfcheck.run(found, "Thành phố Hồ Chí Minh,", 1)
    assert date[0].top > max(word.bottom for word in issuer)  # below the whole left block
    assert len({round(word.bottom) for word in date}) == 1 and date[0].x0 >= split - 0.5
    if kind in ("report", "reminder", "slip"):
        number = next(word for word in found if word.text == "Số" and word.top > party.bottom)
        assert number.bottom == pytest.approx(date[0].bottom, abs=1.0)  # the number and the date on one line


@pdfcheck.needs_poppler
@pytest.mark.parametrize("kind", ["report", "reminder"])
def test_the_word_file_sets_the_header_block_at_the_pdfs_sizes(tmp_path, office, options, kind):
    """A long name is a little smaller in the Word file as in the PDF: 12.5 pt, the superior body on
    one line, the issuing body on two (three at 14 pt)."""
    import docx

    shrunk = {**LONG_HEAD, "co_quan_cap_tren": "ĐẢNG ỦY CÁC CƠ QUAN TỈNH"}
    values = {**office, **shrunk}
    source = ReportSource(dict(FIGURES), values, dict(NOTES), 12, PRINTED) if kind == "report" else \
        reminder.ReminderSource("Cục A93B – Bộ Công an", PRINTED, (30,), [{**SLIP, "days_late": 40}], values, 5)
    target = tmp_path / "dau.pdf"
    pdf.save(render.report_pdf(source, options) if kind == "report" else render.reminder_pdf(source, options), target)
    (render.report_docx_file if kind == "report" else render.reminder_docx_file)(tmp_path / "dau.docx", source, options)
    cells = docx.Document(str(tmp_path / "dau.docx")).tables[0].rows[0].cells
    runs = {" ".join(run.text.split()): run.font.size.pt for cell in cells  # a name's lines joined again
            for paragraph in cell.paragraphs for run in paragraph.runs}
    assert runs[shrunk["co_quan_cap_tren"]] == runs[shrunk["co_quan"]] == 12.5
    printed = pdfcheck.font_sizes(target, 1, 1)
    assert printed.get(12.5, 0) == len((shrunk["co_quan_cap_tren"] + shrunk["co_quan"]).replace(" ", ""))
    assert min(printed) >= 12


LATE_IN_THE_YEAR = dt.date(2026, 12, 25)  # a two-digit day and month: the longest place-and-date line


def _dated_late(kind: str, office: dict[str, str], options: render.Options) -> bytes:
    """The report, the reminder or the slip dated LATE_IN_THE_YEAR, with these settings."""
    if kind == "report":
        return render.report_pdf(ReportSource(dict(FIGURES), office, dict(NOTES), 12, LATE_IN_THE_YEAR), options)
    slip = {**SLIP, "issued_on": LATE_IN_THE_YEAR, "days_late": 40}
    if kind == "reminder":
        return render.reminder_pdf(reminder.ReminderSource("Cục A93B – Bộ Công an", LATE_IN_THE_YEAR, (30,), [slip],
                                                           office, 5), options)
    history = settings.History([(key, None, value) for key, value in office.items()])
    return render.slips_pdf(history, [slip], options)


@pdfcheck.needs_poppler
@pytest.mark.parametrize("kind", ["report", "reminder", "slip"])
def test_a_place_and_date_too_long_for_its_column_breaks_after_the_place_never_inside_the_date(
        tmp_path, office, options, kind):
    """«Thành phố Hồ Chí Minh, ngày 25 tháng 12 năm 2026» is too wide for the date's column even 2 pt
    smaller: the place goes on its line with its comma and the date, whole, on the next (not «… tháng
    12» / «năm 2026»)."""
    target = tmp_path / "ngay.pdf"
    pdf.save(_dated_late(kind, {**office, "dia_danh": "Thành phố Hồ Chí Minh"}, options), target)
    found = pdfcheck.words(target)
    place, day = pdfcheck.run(found, "Thành phố Hồ Chí Minh,", 1), pdfcheck.run(found, "ngày 25 tháng 12 năm 2026", 1)
    assert len({round(word.bottom) for word in place}) == 1
    assert len({round(word.bottom) for word in day}) == 1 and day[0].top > place[-1].bottom


def test_the_word_file_breaks_a_long_place_and_date_line_where_the_pdf_does(tmp_path, office, options):
    values = {**office, "dia_danh": "Thành phố Hồ Chí Minh"}
    target = tmp_path / "ngay.docx"
    render.report_docx_file(target, ReportSource(dict(FIGURES), values, dict(NOTES), 12, LATE_IN_THE_YEAR), options)
    date_cell = docx.Document(str(target)).tables[0].rows[1].cells[1]
    assert date_cell.text == "Thành phố Hồ Chí Minh,\nngày 25 tháng 12 năm 2026"
    short = tmp_path / "ngan.docx"
    render.report_docx_file(short, ReportSource(dict(FIGURES), office, dict(NOTES), 12, LATE_IN_THE_YEAR), options)
    assert docx.Document(str(short)).tables[0].rows[1].cells[1].text == "Lâm Đồng, ngày 25 tháng 12 năm 2026"


def _dated_pdf(kind: str, office: dict[str, str], history: settings.History,
               options: render.Options) -> tuple[bytes, dt.date]:
    printed = dt.date(2026, 3, 2)
    if kind == "report":
        issued = dt.date(2026, 1, 15)
        return render.report_pdf(ReportSource(dict(FIGURES), office, dict(NOTES), 12, issued), options), issued
    if kind == "delegation":
        return render.delegation_pdf(history, [TRIP], printed, options), documents_data.delegation_day(TRIP, printed)
    return render.register_pdf(lists.SLIP_REGISTER, history, [SLIP], printed, printed, printed, options), printed


@pytest.mark.parametrize("kind", ["report", "delegation", "register"])
def test_a_pdf_is_dated_with_its_documents_own_day_and_is_the_same_bytes_each_time(office, history, options, kind):
    """As its Word and Excel copies: created and modified at 08:00 on the document's day, not at
    reportlab's fixed 01/01/2000 — and no clock in it, so an issued document written again is the file issued."""
    made, day = _dated_pdf(kind, office, history, options)
    assert made == _dated_pdf(kind, office, history, options)[0]
    info = PdfReader(io.BytesIO(made)).metadata
    assert info.creation_date == info.modification_date == dt.datetime.combine(day, dt.time(8, 0))


@pdfcheck.needs_poppler
def test_a_justified_paragraph_typed_in_lines_ends_each_line_where_it_was_typed_unstretched(tmp_path, office):
    """A slip's result typed as two lines, quoted in a justified body paragraph (the conclusion notice): the
    line that ends where the officer pressed Enter reads as typed, as a paragraph's last line does, not
    stretched to the right margin with gaps between its words; a line the width broke is still justified."""
    sink = io.BytesIO()
    c = layout.DocumentCanvas(sink, profile.load(), layout.Letterhead.from_settings(office), "Thông báo", ON)
    typed = ("- Phiếu số 0123/PXM trả lời ngày 20/01/2026: Có tài liệu: sĩ quan chế độ cũ, đã học tập cải tạo "
             "tại trại Z30D Hàm Tân từ năm 1975 đến năm 1978, được trả quyền công dân năm 1981.\n"
             "Gia đình chấp hành tốt.\nKhông có tài liệu khác.")
    flow = layout.Flow(c)
    flow.paragraph(typed)
    lines = flow.lines_of(typed)
    c.showPage()
    c.save()
    target = tmp_path / "tb.pdf"
    target.write_bytes(sink.getvalue())
    found = pdfcheck.words(target)
    assert pdfcheck.phrase(found, lines[0]).x1 == pytest.approx(c.right, abs=1.0)  # the width broke it: justified
    for ended in (lines[-3], "Gia đình chấp hành tốt."):
        shown = pdfcheck.run(found, ended)
        gaps = [after.x0 - before.x1 for before, after in itertools.pairwise(shown)]
        assert max(gaps) < 6, (ended, gaps)  # a space, not a stretch to the margin


def test_a_word_wider_than_the_line_is_cut_into_lines_that_fit_and_keep_every_letter():
    fonts.register()
    word = "W" * 500
    lines = layout.wrap(f"Mã {word} cuối", REGULAR, 13, 200, first_indent=30)
    assert "".join(lines).replace(" ", "") == f"Mã{word}cuối"
    assert fonts.width(lines[0], REGULAR, 13) <= 170
    assert all(fonts.width(line, REGULAR, 13) <= 200 for line in lines[1:])
    assert len(lines) > 10


def _under_the_subject(lines: list[str], subject_end: str) -> str:
    """The line after the title's subject (the first line ending as it does after «BÁO CÁO»)."""
    title = lines.index("BÁO CÁO")
    return lines[next(index for index in range(title, len(lines)) if lines[index].endswith(subject_end)) + 1]


def test_the_subject_is_followed_by_five_hyphens_in_the_pdf_as_in_word_hd_36(tmp_path, source, options):
    """HD 36 (mục 1.5.2): the trích yếu, then a line of five hyphens «-----» — on paper as in the Word file."""
    target = tmp_path / "bao-cao.pdf"
    target.write_bytes(render.report_pdf(source, options))
    subject_end = render.report_content(source, options).subject.split()[-1]
    assert _under_the_subject(pdfcheck.lines(target), subject_end) == "-----"
    render.report_docx_file(tmp_path / "bao-cao.docx", source, options)
    paragraphs = [paragraph.text for paragraph in docx.Document(str(tmp_path / "bao-cao.docx")).paragraphs]
    assert _under_the_subject(paragraphs, subject_end) == "-----"

