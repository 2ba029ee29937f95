"""The cadre's curriculum vitae on paper, «Sơ yếu lý lịch» form 2C (brief §2.3): its numbered items in the
form's order, each filled from the cadre's file where the program holds it and a dotted line to write on by
hand where it does not, the tables of items 27 to 31, the «cam đoan» and the two signatures.

It is a form the cadre fills and signs, certified by the body that manages them: it carries the form's own
head (the managing and using bodies, the cadre's number, the photo), not a Party document's HD 36 header,
number, «Nơi nhận» or signer (brief §3 is for documents a Party body issues)."""

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import cm

from ...core.kinds import CADRES, RELATIVES
from ...core.personfile.foreign import RELATIVE_ABROAD
from ...core.personfile.relatives import SPOUSE_SIDE
from ...core.personfile.vitae import OWN_HISTORY, SALARY, TRAINING
from ...core.text import capitalised
from . import fonts, tables
from .fonts import BOLD, ITALIC, REGULAR
from .layout import DocumentCanvas, Flow, wrap
from .particulars import WORK_COLUMNS, W, as_filed, discipline_line, heading, period, reward_line, shown

TITLE = "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC"
FORM_CODE = "Mẫu 2C-BNV/2008"
PHOTO = (4 * cm, 6 * cm)
T, H, S = TRAINING.field, OWN_HISTORY.field, SALARY.field
TRAINING_COLUMNS = (tables.counter(), tables.of(T("institution"), 2.2), tables.of(T("subject"), 1.8),
                    tables.plain("period", "Từ tháng, năm – đến tháng, năm", 1.6, "center", whole=True),
                    tables.of(T("study_form"), 1.1), tables.of(T("degree"), 1.4))
HISTORY_COLUMNS = (tables.counter(), tables.of(H("declared_kind"), 1.2),
                   tables.plain("period", "Thời gian", 1.5, "center", whole=True), tables.of(H("place"), 1.8),
                   tables.of(H("post"), 1.1), tables.of(H("details"), 2.2))
FAMILY_COLUMNS = (tables.of(RELATIVES.field("relation"), 0.9, label="Mối quan hệ"),
                  tables.of(RELATIVES.field("full_name"), 1.8, label="Họ và tên", unbroken=True),
                  tables.year_of_birth(RELATIVES.field("birth_date"), 0.8),
                  tables.plain("about", "Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở "
                               "(trong, ngoài nước)", 4.0))
SALARY_COLUMNS = (tables.of(S("since"), 1.0, label="Tháng, năm", align="center"), tables.of(S("grade"), 2.0),
                  tables.plain("grade_step", "Mã ngạch/bậc", 1.2, "center", whole=True),
                  tables.of(S("coefficient"), 1.0, label="Hệ số lương", align="center"))
OWN_SIDE_TITLE = "a) Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột"
SPOUSE_SIDE_TITLE = "b) Về bên vợ (hoặc chồng): Cha, Mẹ, anh chị em ruột"
HISTORY_ASKED = ("- Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu), đã khai báo cho ai, "
                 "những vấn đề gì? Bản thân có làm việc trong chế độ cũ (cơ quan, đơn vị nào, địa điểm, chức danh, "
                 "chức vụ, thời gian làm việc…)")
ABROAD_ORGANISATIONS = ("Tham gia tổ chức nước ngoài", "Làm việc cho tổ chức, cá nhân nước ngoài")
ORGANISATIONS_ASKED = ("- Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài "
                       "(làm gì, tổ chức nào, đặt trụ sở ở đâu…):")
RELATIVES_ASKED = "- Có thân nhân (Cha, Mẹ, Vợ, Chồng, con, anh chị em ruột) ở nước ngoài (làm gì, địa chỉ…):"
PLEDGE = "Tôi xin cam đoan những lời khai trên đây là đúng sự thật."
SIGNING_DATE = "……, ngày …… tháng …… năm ……"
SIGNERS = (("NGƯỜI KHAI", "(Ký tên, ghi rõ họ tên)"),
           ("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ, CÔNG CHỨC", "(Ký tên, đóng dấu)"))
ROOM_LEFT = 0.7  # of the width: a label longer leaves a dotted line too short to write on
BY_HAND = 2  # dotted lines left for an item the file does not hold that takes more than a line


def draw(c: DocumentCanvas, cadre: Mapping[str, Any], _printed_on: dt.date) -> None:
    cadre = as_filed(CADRES, cadre)
    flow = Flow(c)
    size = c.profile.size("body")
    _head(flow, cadre, size)
    _particulars(flow, cadre, size)
    _lists(flow, cadre, size)
    _closing(flow, size)


def _head(flow: Flow, cadre: Mapping[str, Any], size: float) -> None:
    """The form's code, the secrecy stamp, the photo's frame with the managing and using bodies and the cadre's
    number beside it, then the title."""
    c = flow.c
    small = c.profile.size("table")
    c.setFont(ITALIC, small)
    c.drawRightString(c.right, flow.y - small, FORM_CODE)
    if c.head.secrecy:
        c.stamp(c.head.secrecy, c.left + PHOTO[0] / 2, flow.y)
        flow.skip(c.profile.secrecy_box[1] + small)
    else:
        flow.skip(small * 1.5)
    top, (width, height) = flow.y, PHOTO
    c.setLineWidth(0.6)
    c.rect(c.left, top - height, width, height)
    c.setFont(ITALIC, small)
    for number, text in enumerate(("Ảnh màu", "(4 × 6 cm)")):
        c.drawCentredString(c.left + width / 2, top - height / 2 + small * (0.6 - 1.4 * number), text)
    left, full = c.left, c.width
    c.left, c.width = left + width + 0.5 * cm, full - width - 0.5 * cm  # the lines beside the photo
    try:
        flow.labelled("Cơ quan, đơn vị có thẩm quyền quản lý CBCC", None, size)
        flow.labelled("Cơ quan, đơn vị sử dụng CBCC", cadre["unit"], size)
        flow.labelled("Số hiệu cán bộ, công chức", None, size)
        flow.skip(size)
        for text in wrap(TITLE, BOLD, c.profile.size("title"), c.width):
            flow.line(text, BOLD, c.profile.size("title"), "center")
    finally:
        c.left, c.width = left, full
    flow.y = min(flow.y, top - height) - size


def _particulars(flow: Flow, cadre: Mapping[str, Any], size: float) -> None:
    """Items 1 to 20: the person's particulars, one a line (two short ones share a line as the form has them)."""
    salary = cadre["salary"][-1] if cadre["salary"] else dict.fromkeys(("grade", "grade_code", "step", "coefficient",
                                                                       "since"))
    card = shown(cadre, "cccd") or shown(cadre, "cmnd")
    two = flow.labelled_pair

    def one(label: str, value: str | None, size: float, font: str = REGULAR) -> None:
        """A particular on its line; one not held, a dotted line after its label, and a whole one below when
        the label leaves little room."""
        flow.labelled(label, value, size, font)
        if not value and fonts.width(f"{label}: ", REGULAR, size) > flow.c.width * ROOM_LEFT:
            flow.dotted_lines(1, size)

    one("1) Họ và tên khai sinh (viết chữ in hoa)", cadre["full_name"].upper(), size, BOLD)
    one("2) Tên gọi khác", cadre["other_names"], size)
    two((("3) Sinh ngày", shown(cadre, "birth_date")), ("Giới tính", cadre["gender"])), size)
    one("4) Nơi sinh", shown(cadre, "birth_place"), size)
    one("5) Quê quán", shown(cadre, "home_town"), size)
    two((("6) Dân tộc", cadre["ethnicity"]), ("7) Tôn giáo", cadre["religion"])), size)
    one("8) Nơi đăng ký hộ khẩu thường trú", None, size)
    one("9) Nơi ở hiện nay", shown(cadre, "residence"), size)
    one("10) Nghề nghiệp khi được tuyển dụng", None, size)
    two((("11) Ngày tuyển dụng", None), ("Cơ quan tuyển dụng", None)), size)
    one("12) Chức vụ (chức danh) hiện tại", cadre["position"], size)
    one("13) Công việc chính được giao", None, size)
    two((("14) Ngạch công chức (viên chức)", salary["grade"]), ("Mã ngạch", salary["grade_code"])), size)
    two((("Bậc lương", salary["step"]), ("Hệ số", S("coefficient").display(salary["coefficient"]))), size)
    two((("Ngày hưởng", S("since").display(salary["since"])), ("Phụ cấp chức vụ", None)), size)
    one("Phụ cấp khác", None, size)
    one("15) 15.1- Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào)", None, size)
    one("15.2- Trình độ chuyên môn cao nhất", None, size)
    two((("15.3- Lý luận chính trị", None), ("15.4- Quản lý nhà nước", None)), size)
    two((("15.5- Ngoại ngữ", None), ("15.6- Tin học", None)), size)
    two((("16) Ngày vào Đảng Cộng sản Việt Nam", shown(cadre, "party_joined_on")),
         ("Ngày chính thức", shown(cadre, "party_official_on"))), size)
    one("17) Ngày tham gia tổ chức chính trị - xã hội", None, size)
    two((("18) Ngày nhập ngũ", None), ("Ngày xuất ngũ", None)), size)
    one("Quân hàm cao nhất", None, size)
    one("19) Danh hiệu được phong tặng cao nhất", None, size)
    one("20) Sở trường công tác", None, size)
    _listed(flow, "21) Khen thưởng", [reward_line(reward) for reward in cadre["rewards"]], size)
    _listed(flow, "22) Kỷ luật", [discipline_line(decided) for decided in cadre["discipline"]], size)
    one("23) Tình trạng sức khỏe", None, size)
    two((("Chiều cao", None), ("Cân nặng", None)), size)
    one("Nhóm máu", None, size)
    two((("24) Là thương binh hạng", None), ("Là con gia đình chính sách", None)), size)
    two((("25) Số chứng minh nhân dân (căn cước)", card), ("Ngày cấp", None)), size)
    one("26) Số sổ BHXH", None, size)


def _lists(flow: Flow, cadre: Mapping[str, Any], size: float) -> None:
    """Items 27 to 32: training, work, own history, family, salary, appraisals."""
    training = [{**course, "period": period(course["since"], course["until"], T("until"))}
                for course in cadre["training"]]
    _table(flow, "27) Đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, lý luận chính trị, ngoại ngữ, tin học",
           TRAINING_COLUMNS, training, size)
    work = [{**lived, "period": period(lived["since"], lived["until"], W("until"))} for lived in cadre["work"]]
    _table(flow, "28) Tóm tắt quá trình công tác", WORK_COLUMNS, work, size)
    heading(flow, "29) Đặc điểm lịch sử bản thân", size)
    history = [{**told, "period": period(told["since"], told["until"], H("until"))} for told in cadre["history"]]
    _table(flow, HISTORY_ASKED, HISTORY_COLUMNS, history, size, REGULAR)
    own = [element for element in cadre["foreign"] if element["element_kind"] in ABROAD_ORGANISATIONS
           and element["full_name"] is None]
    _listed(flow, ORGANISATIONS_ASKED, [_element(element) for element in own], size, under=True)
    abroad = [element for element in cadre["foreign"] if element["element_kind"] == RELATIVE_ABROAD]
    _listed(flow, RELATIVES_ASKED, [_element(element) for element in abroad], size, under=True)
    heading(flow, "30) Quan hệ gia đình", size)
    family = [{**relative, "about": _about(as_filed(RELATIVES, relative))} for relative in cadre["relatives"]]
    _table(flow, OWN_SIDE_TITLE, FAMILY_COLUMNS, [one for one in family if one["relation"] not in SPOUSE_SIDE],
           size, REGULAR)
    _table(flow, SPOUSE_SIDE_TITLE, FAMILY_COLUMNS, [one for one in family if one["relation"] in SPOUSE_SIDE],
           size, REGULAR)
    salary = [{**step, "grade_step": "/".join(filter(None, (step["grade_code"], step["step"])))}
              for step in cadre["salary"]]
    _table(flow, "31) Diễn biến quá trình lương của cán bộ, công chức", SALARY_COLUMNS, salary, size)
    _listed(flow, "32) Nhận xét, đánh giá của cơ quan, đơn vị quản lý và sử dụng cán bộ, công chức",
            [_appraisal(appraisal) for appraisal in cadre["appraisals"]], size, under=True)


def _table(flow: Flow, title: str, columns: Sequence[tables.Column], records: Sequence[Mapping[str, Any]],
           size: float, font: str = BOLD) -> None:
    """An item's table under its title (columns fitted to what is held), or dotted lines when none is held."""
    if not records:
        _title(flow, title, size, font, flow.profile.leading(size) * BY_HAND)
        flow.dotted_lines(BY_HAND, size)
        flow.skip(flow.profile.paragraph_after)
        return
    numbered = tables.numbered(records) if columns[0].key == tables.NUMBER else list(records)
    table = tables.Table(flow, columns, numbered)
    _title(flow, title, size, font, table.opening())
    table.draw()


def _title(flow: Flow, text: str, size: float, font: str, keep: float) -> None:
    if font == BOLD:
        heading(flow, text, size, keep)
    else:
        flow.paragraph(text, font, size, indent=False, keep_next=keep)


DASH = "- "  # an entry of a list; its lines after the first under its text


def _listed(flow: Flow, label: str, lines: Sequence[str], size: float, under: bool = False) -> None:
    """An item held as a list: one entry after its label, more each from a line of its own under it (`under`:
    always under it), an entry's lines after the first under its text; dotted lines to write on when the file
    holds none."""
    after = flow.profile.paragraph_after
    if not under and not lines:
        flow.labelled(label, None, size)
        flow.skip(after)
        return
    if not under and len(lines) == 1:
        _hanging(flow, f"{label}: ", lines[0], size)
        return
    flow.paragraph(label if label.endswith(":") else f"{label}:", REGULAR, size, indent=False, justify=False,
                   keep_next=flow.profile.leading(size) * max(1, min(len(lines), BY_HAND)))
    flow.skip(-after)
    if not lines:
        flow.dotted_lines(BY_HAND, size)
    for text in lines:
        _hanging(flow, DASH, text, size)
        flow.skip(-after)
    flow.skip(after)


def _hanging(flow: Flow, lead: str, text: str, size: float) -> None:
    """`text` after `lead` (an entry's «- », an item's label), its lines after the first under its own start."""
    flow.paragraph(f"{lead}{text}", REGULAR, size, indent=False, justify=False, hang=fonts.width(lead, REGULAR, size))


def _element(element: Mapping[str, Any]) -> str:
    who = f"{element['relation']} {element['full_name']}: " if element["full_name"] else ""
    when = period(element["since"], element["until"])
    where = f"; địa chỉ: {element['residence']}" if element["residence"] else ""
    return who + ", ".join(filter(None, (element["country"], when, element["details"]))) + where


def _about(relative: Mapping[str, Any]) -> str:
    """A relative's particulars as item 30 asks them, those the file holds, first that they have died (then where
    they lived is where they lived before), «đảng viên» after the occupation."""
    died = relative["died"] and capitalised(relative["died"])
    return "; ".join(filter(None, (died, *(f"{label}: {relative[key]}" for key, label in (
        ("home_town", "quê quán"), ("occupation", "nghề nghiệp")) if relative[key]),
        relative["party_member"] and "đảng viên", _residence(relative))))


def _residence(relative: Mapping[str, Any]) -> str | None:
    """«nơi ở: …», for a relative who has died «nơi ở trước khi mất: …» as officers write it, never a residence read
    as current; None when not known."""
    residence = relative["residence"]
    return residence and f"{'nơi ở trước khi mất' if relative['died'] else 'nơi ở'}: {residence}"


def _appraisal(appraisal: Mapping[str, Any]) -> str:
    by = f" ({appraisal['appraiser']})" if appraisal["appraiser"] else ""
    remarks = f". {appraisal['remarks']}" if appraisal["remarks"] else ""
    return f"Năm {appraisal['year']}, với tư cách {appraisal['as_role'].lower()}: {appraisal['classification']}" \
           f"{by}{remarks}"


def _closing(flow: Flow, size: float) -> None:
    """The pledge, and the cadre's and the managing body's signatures side by side, kept on one page."""
    c, p = flow.c, flow.profile
    half = c.width / 2
    titles = [wrap(title, BOLD, size, half - 12) for title, _ in SIGNERS]
    block = p.leading(size) * (3 + max(len(lines) for lines in titles)) + p.signature_space
    flow.paragraph(PLEDGE, ITALIC, size, keep_next=block)
    top = flow.y
    bottom = top
    for column, (lines, (_, note)) in enumerate(zip(titles, SIGNERS, strict=True)):
        flow.y = top
        left = c.left + half * column
        flow.line(SIGNING_DATE, ITALIC, size, "center", left, left + half)
        for text in lines:
            flow.line(text, BOLD, size, "center", left, left + half)
        flow.line(note, ITALIC, size, "center", left, left + half)
        bottom = min(bottom, flow.y)
    flow.y = bottom - p.signature_space
