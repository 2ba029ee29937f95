"""Vetting cases: slips attach to the open case of their vetted person and purpose, a conclusion
closes the case, a later slip opens a new one; who is still unchecked; when a conclusion expires."""

import datetime as dt

import pytest
from sqlalchemy import event, select

from bvct_desktop.core import audit, audit_words, browse, editing, overview, recycle_bin, replies, report, settings
from bvct_desktop.core.editing import VERSION, FormProblems
from bvct_desktop.core.errors import InputError, PermissionDenied
from bvct_desktop.core.kinds import SLIPS
from bvct_desktop.core.personfile import cases, relatives
from bvct_desktop.core.personfile.political import POLITICAL_NOTES
from bvct_desktop.core.row_versions import ChangedMeanwhile
from bvct_desktop.core.schema import archive_requests, persons, slips, vetting_cases
from tests.conftest import workbook
from tests.core.personfile.conftest import last_audit, person_named
from tests.sample_db import viewer_database
from tests.samples import SAMPLES

SLIP_HEADERS = SAMPLES["slips"][0]
CONCLUSION = {"conclusion_no": "472-CV/BTCTU", "concluded_on": "15/03/2025", "signer": "Trần Văn Ban",
              "result": "Đủ tiêu chuẩn"}


def _slip(number, issued_on, name, birth, town, relation, vetted, purpose):
    row = dict.fromkeys(SLIP_HEADERS)
    row.update({"Số phiếu": number, "Ngày phát hành": issued_on, "Họ và tên người được xác minh": name,
                "Ngày sinh": birth, "Quê quán": town, "Quan hệ": relation,
                "Họ và tên người được thẩm tra": vetted, "Mục đích xác minh": purpose,
                "Nơi nhận phiếu": "Cục A93B – Bộ Công an"})
    return [row[h] for h in SLIP_HEADERS]


def _import_slips(cli, tmp_path, *rows):
    code, out, err = cli("import", "slips", workbook(tmp_path / "phieu.xlsx", SLIP_HEADERS, list(rows)))
    assert code == 0, out + err
    return out


def _case_of(db, number):
    with db.read() as connection:
        return connection.execute(select(slips.c.vetting_case_id).where(slips.c.number == number)).scalar_one()


def _slip_id(db, number):
    with db.read() as connection:
        return connection.execute(select(slips.c.id).where(slips.c.number == number)).scalar_one()


def _case(db, case_id) -> dict:
    """The case, in the recycle bin or not."""
    with db.read() as connection:
        return dict(connection.execute(select(vetting_cases).where(vetting_cases.c.id == case_id)).mappings().one())


def _trail(db, count) -> list[tuple]:
    """The last `count` entries of the audit trail about slips and cases: action, kind and record."""
    return [(entry.action, entry.kind, entry.record_id) for entry in audit.list_entries(db)
            if entry.kind in ("slips", cases.KIND)][-count:]


def test_slips_of_one_vetting_share_a_case_and_another_purpose_has_its_own(db):
    quang = person_named(db, "Phạm Minh Quang")
    admission, appointment = sorted(cases.cases_of(db, quang), key=lambda c: c["opened_on"])
    assert (admission["purpose"], admission["opened_on"], admission["status"]) == \
        ("Kết nạp Đảng", dt.date(2025, 1, 5), cases.OPEN)
    assert _case_of(db, "12/PXM") == _case_of(db, "13/PXM") == admission["id"]
    assert _case_of(db, "1/PXM") == appointment["id"] and appointment["purpose"] == "Bổ nhiệm"
    [served] = [case_file.slips for case_file in [cases.case_file(db, admission["id"])]]
    assert [slip["number"] for slip in served] == ["12/PXM", "13/PXM"]


def test_a_conclusion_closes_the_case_and_a_later_slip_opens_a_new_one(cli, db, tmp_path):
    quang = person_named(db, "Phạm Minh Quang")
    admission = _case_of(db, "13/PXM")
    cases.record_conclusion(db, admission, CONCLUSION)
    entry = last_audit(db)
    assert entry["details"]["status"] == {"cu": cases.OPEN, "moi": cases.CONCLUDED}
    out = _import_slips(cli, tmp_path,
                        _slip("20/PXM", "10/02/2025", "Lê Thị Năm", "1952", "Hàm Tiến", "Mẹ", "Phạm Minh Quang",
                              "Kết nạp Đảng"),
                        _slip("30/PXM", "01/06/2025", "Phạm Minh Quang", "15/08/1995", "Hàm Tiến", "Bản thân",
                              None, "Kết nạp Đảng"))
    assert "Hồ sơ thẩm tra mới mở: 1" in out
    assert _case_of(db, "20/PXM") == admission  # dated while the case was open
    new_case = _case_of(db, "30/PXM")
    assert new_case != admission
    assert [c["status"] for c in cases.cases_of(db, quang) if c["purpose"] == "Kết nạp Đảng"] == \
        [cases.OPEN, cases.CONCLUDED]


def test_the_import_entry_of_the_audit_trail_counts_the_vetting_cases_it_opened(cli, db, tmp_path):
    """Cases opened by an import have no entry of their own: the import's says how many it opened."""
    _import_slips(cli, tmp_path, _slip("30/PXM", "01/06/2025", "Phạm Minh Quang", "15/08/1995", "Hàm Tiến",
                                       "Bản thân", None, "Quy hoạch"))
    entry = last_audit(db)
    assert (entry["action"], entry["kind"]) == ("nhập", "slips")
    assert entry["details"]["kem_theo"] == {"Hồ sơ thẩm tra mới mở": 1}


def test_slips_attach_by_their_dates_whatever_the_order_of_the_file(cli, db, tmp_path):
    hung = person_named(db, "Nguyễn Văn Hùng")
    _import_slips(cli, tmp_path,
                  _slip("41/PXM", "20/03/2026", "Nguyễn Văn Tư", "1938", "Phú Thủy, Phan Thiết", "Cha",
                        "Nguyễn Văn Hùng", "Bầu cử"),
                  _slip("40/PXM", "02/03/2026", "Nguyễn Văn Hùng", "12/03/1965", "Phú Thủy, Phan Thiết",
                        "Bản thân", None, "Bầu cử"))
    [case] = cases.cases_of(db, hung)
    assert case["opened_on"] == dt.date(2026, 3, 2) and _case_of(db, "41/PXM") == case["id"]


def test_a_parent_who_has_died_is_still_to_check(db):
    """Verification reaches the parents' political history (brief §1.2), which their death does not end."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    father = relatives.list_relatives(db, hung)[0]
    relatives.update_relative(db, father.id, {"relation": "Cha", "full_name": father.full_name,
                                              "birth_date": father.birth_date, "home_town": father.home_town,
                                              "death_date": "khoảng 1990"})
    case = cases.open_case(db, hung, {"purpose": "Bầu cử", "opened_on": "01/03/2026"})
    assert ("Cha", "Nguyễn Văn Tư") in [(u.relation, u.full_name) for u in cases.case_file(db, case).unchecked]


def _party_member(db, relative):
    """The relative entered in the cadres register (the same person) with «Ngày vào Đảng»: the one place a
    relative's Party membership is recorded."""
    editing.save(db, "cadres", {"full_name": relative.full_name, "birth_date": relative.birth_date,
                                "home_town": relative.home_town, "residence": relative.residence,
                                "party_joined_on": "03/02/2010"},
                 person_id=relative.relative_id)


def test_a_parent_or_child_who_is_a_party_member_fully_declared_needs_no_separate_check(db):
    """HD 06-HD/TW mục 3.4c (brief §1.2): a parent, sibling or child who is a Party member and fully declared (name,
    birth year, home town, residence and occupation all given) is not verified separately; a spouse still is, and so
    is a member declared only in part, or one who has died."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    father, wife, son = relatives.list_relatives(db, hung)
    for relative in (father, wife, son):
        _party_member(db, relative)
    case = cases.open_case(db, hung, {"purpose": "Bầu cử", "opened_on": "01/03/2026"})
    found = cases.case_file(db, case)
    assert [u.relation for u in found.unchecked] == ["Vợ", "Mẹ"]
    assert [f"{r.relation}: {r.full_name}" for r in found.declared_members] == [
        "Cha: Nguyễn Văn Tư", "Con: Nguyễn Minh Khoa"]
    relatives.update_relative(db, son.id, {"relation": "Con", "full_name": son.full_name,
                                           "birth_date": son.birth_date, "home_town": son.home_town,
                                           "residence": son.residence, "occupation": ""})  # his occupation emptied
    relatives.update_relative(db, father.id, {"relation": "Cha", "full_name": father.full_name,
                                              "birth_date": father.birth_date, "home_town": father.home_town,
                                              "residence": father.residence, "occupation": father.occupation,
                                              "death_date": "2020"})
    found = cases.case_file(db, case)
    assert [u.relation for u in found.unchecked] == ["Cha", "Vợ", "Con", "Mẹ"] and found.declared_members == []


def test_a_parent_declared_a_party_member_on_the_relatives_list_in_full_needs_no_separate_check(db):
    """Not in the cadres register, her Party membership is written on the list («Đảng viên: Có»): HD 06-HD/TW mục
    3.4c spares her all the same; declared «Không», she is still to check."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    mother = {"relation": "Mẹ", "full_name": "Trần Thị Lành", "birth_date": "1942", "home_town": "Mũi Né",
              "residence": "Phường Phú Thủy", "occupation": "Hưu trí", "party_member": "Có"}
    record = relatives.add_relative(db, hung, mother)
    case = cases.open_case(db, hung, {"purpose": "Bầu cử", "opened_on": "01/03/2026"})
    found = cases.case_file(db, case)
    assert [f"{r.relation}: {r.full_name}" for r in found.declared_members] == ["Mẹ: Trần Thị Lành"]
    assert "Mẹ" not in [u.relation for u in found.unchecked]
    relatives.update_relative(db, record, {**mother, "party_member": "Không"})
    found = cases.case_file(db, case)
    assert found.declared_members == [] and "Mẹ" in [u.relation for u in found.unchecked]


def test_who_is_still_unchecked_for_a_case(cli, db, tmp_path):
    hung = person_named(db, "Nguyễn Văn Hùng")
    case = cases.open_case(db, hung, {"purpose": "Bầu cử", "opened_on": "01/03/2026", "due_on": "15/03/2026"})
    missing = cases.case_file(db, case).unchecked
    assert [(u.relation, u.full_name) for u in missing] == [
        ("Cha", "Nguyễn Văn Tư"), ("Vợ", "Lê Thị Hoa"), ("Con", "Nguyễn Minh Khoa"), ("Mẹ", None)]
    _import_slips(cli, tmp_path, _slip("50/PXM", "05/03/2026", "Nguyễn Văn Tư", "1938", "Phú Thủy, Phan Thiết",
                                       "Cha", "Nguyễn Văn Hùng", "Bầu cử"))
    assert _case_of(db, "50/PXM") == case
    assert [u.relation for u in cases.case_file(db, case).unchecked] == ["Vợ", "Con", "Mẹ"]


def test_a_case_tells_each_relative_whose_slip_awaits_its_reply(cli, db, tmp_path):
    """The tour issued slips on both parents of each of 30 candidates and recorded some replies: a case whose
    slips were all issued but not answered read «Đã xác minh đủ thân nhân», as one whose replies had come.
    The case names, per relative, the slips still without a reply and where they went."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    case = cases.open_case(db, hung, {"purpose": "Bầu cử", "opened_on": "01/03/2026"})
    _import_slips(cli, tmp_path, _slip("60/PXM", "02/03/2026", "Nguyễn Văn Tư", "1938", "Phú Thủy, Phan Thiết", "Cha",
                                       "Nguyễn Văn Hùng", "Bầu cử"),
                  _slip("61/PXM", "02/03/2026", "Lê Thị Hoa", "1968", "Hàm Tiến", "Vợ", "Nguyễn Văn Hùng", "Bầu cử"))
    assert cases.case_file(db, case).awaiting() == [
        "Cha: Nguyễn Văn Tư (phiếu 60/PXM gửi Cục A93B – Bộ Công an ngày 02/03/2026)",
        "Vợ: Lê Thị Hoa (phiếu 61/PXM gửi Cục A93B – Bộ Công an ngày 02/03/2026)"]
    replies.record_replies(db, [_slip_id(db, "61/PXM")], {"result_on": "20/03/2026", "result": "Không có tài liệu"})
    assert cases.case_file(db, case).awaiting() == [
        "Cha: Nguyễn Văn Tư (phiếu 60/PXM gửi Cục A93B – Bộ Công an ngày 02/03/2026)"]


def test_a_slip_still_awaiting_its_reply_says_so_though_another_about_the_same_relative_was_answered(cli, db,
                                                                                                      tmp_path):
    """The «chờ kết quả» list named «Vợ: Lê Thị Hoa» when a second slip about her had gone out after the first was
    answered: read as her verification not begun. The slip still waits either way: its line says that slip waits
    and which of hers was answered, when."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    case = cases.open_case(db, hung, {"purpose": "Bầu cử", "opened_on": "01/03/2026"})
    _import_slips(cli, tmp_path,
                  _slip("61/PXM", "02/03/2026", "Lê Thị Hoa", "1968", "Hàm Tiến", "Vợ", "Nguyễn Văn Hùng", "Bầu cử"),
                  _slip("62/PXM", "25/03/2026", "Lê Thị Hoa", "1968", "Hàm Tiến", "Vợ", "Nguyễn Văn Hùng", "Bầu cử"))
    replies.record_replies(db, [_slip_id(db, "61/PXM")], {"result_on": "20/03/2026", "result": "Không có tài liệu"})
    assert cases.case_file(db, case).awaiting() == [
        "Vợ: Lê Thị Hoa (phiếu 62/PXM gửi Cục A93B – Bộ Công an ngày 25/03/2026 vẫn chờ trả lời; phiếu 61/PXM đã "
        "trả lời ngày 20/03/2026)"]


def test_a_case_tells_each_slip_whose_reply_found_an_archive_record_with_the_reply_in_brief(cli, db, tmp_path):
    """The tour's case window said nothing of a reply «Có tài liệu lưu trữ…» until the officer tried to conclude,
    and its «Vấn đề chính trị …: không có.» read as all clear. The case names, per relative, each slip whose reply
    found a record, who answered and when, the reply cut short at a word; a reply finding none is not named."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    case = cases.open_case(db, hung, {"purpose": "Bầu cử", "opened_on": "01/03/2026"})
    _import_slips(cli, tmp_path, _slip("60/PXM", "02/03/2026", "Nguyễn Văn Tư", "1938", "Phú Thủy, Phan Thiết", "Cha",
                                       "Nguyễn Văn Hùng", "Bầu cử"),
                  _slip("61/PXM", "02/03/2026", "Lê Thị Hoa", "1968", "Hàm Tiến", "Vợ", "Nguyễn Văn Hùng", "Bầu cử"))
    assert cases.case_file(db, case).found_records() == []
    reply = ("Có tài liệu lưu trữ: nguyên là trung sĩ ngụy quân, đã được cải tạo tập trung từ năm 1975 đến năm 1978, "
             "hồ sơ số 1234/HS lưu tại Phòng Hồ sơ nghiệp vụ")
    replies.record_replies(db, [_slip_id(db, "60/PXM")], {"result_on": "20/03/2026", "result": reply})
    replies.record_replies(db, [_slip_id(db, "61/PXM")], {"result_on": "21/03/2026", "result": "Không có tài liệu"})
    assert cases.case_file(db, case).found_records() == [
        "Cha: Nguyễn Văn Tư (phiếu 60/PXM, Cục A93B – Bộ Công an trả lời ngày 20/03/2026: «Có tài liệu lưu trữ: "
        "nguyên là trung sĩ ngụy quân, đã được cải tạo tập trung từ…»)"]


def test_a_parent_checked_by_a_slip_of_the_case_is_not_missing_though_undeclared(cli, db, tmp_path):
    """The mother is not in Hùng's list of relatives, but the case holds a slip on her as «Mẹ»."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    case = cases.open_case(db, hung, {"purpose": "Bầu cử", "opened_on": "01/03/2026", "due_on": "15/03/2026"})
    _import_slips(cli, tmp_path, _slip("51/PXM", "06/03/2026", "Trần Thị Lan", "1942", "Phú Thủy, Phan Thiết",
                                       "Mẹ", "Nguyễn Văn Hùng", "Bầu cử"))
    assert _case_of(db, "51/PXM") == case
    assert [u.relation for u in cases.case_file(db, case).unchecked] == ["Cha", "Vợ", "Con"]


def test_a_relative_checked_by_a_slip_of_the_case_written_without_her_home_town_is_not_missing(cli, db, tmp_path):
    """A slip imported about «Vợ: Lê Thị Hoa, 1968» with no home town made a person of its own: the case window said
    of her «chưa có phiếu xác minh trong hồ sơ thẩm tra» above its slip awaiting her reply, while her person file
    lists that slip under her. The slip checks the relative the person file joins it to."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    case = cases.open_case(db, hung, {"purpose": "Bầu cử", "opened_on": "01/03/2026", "due_on": "15/03/2026"})
    _import_slips(cli, tmp_path, _slip("52/PXM", "06/03/2026", "Lê Thị Hoa", "1968", None, "Vợ", "Nguyễn Văn Hùng",
                                       "Bầu cử"))
    wife = next(r for r in relatives.list_relatives(db, hung) if r.relation == "Vợ")
    assert _case_of(db, "52/PXM") == case
    with db.read() as connection:
        assert connection.execute(select(slips.c.person_id).where(slips.c.number == "52/PXM")).scalar() \
            != wife.relative_id  # a person of its own
    assert [u.relation for u in cases.case_file(db, case).unchecked] == ["Cha", "Con", "Mẹ"]


def test_a_child_under_age_need_not_be_checked():
    from bvct_desktop.core.personfile.relatives import Relative

    def child(birth):
        return Relative(1, 1, 2, "Con", "Nguyễn Văn Út", birth, None, None, None, None, None, None, None)

    on = dt.date(2026, 3, 1)
    assert [u.relation for u in cases.unchecked([child("2010")], on, [], {})] == ["Cha", "Mẹ"]
    assert [u.full_name for u in cases.unchecked([child("2008-02-28"), child("2008-03-02")], on, [], {})
            if u.full_name] == ["Nguyễn Văn Út"]
    assert [u.full_name for u in cases.unchecked([child(None)], on, [], {}) if u.full_name] == ["Nguyễn Văn Út"]


def test_a_conclusion_past_its_validity_is_due_for_review(db):
    quang = person_named(db, "Phạm Minh Quang")
    cases.record_conclusion(db, _case_of(db, "13/PXM"), CONCLUSION)
    [reminder] = cases.due_for_review(db, dt.date(2026, 3, 1))
    assert (reminder.person_id, reminder.valid_until) == (quang, dt.date(2025, 9, 15))
    assert cases.due_for_review(db, dt.date(2025, 9, 15)) == []  # valid to the end of its last day
    assert len(cases.due_for_review(db, dt.date(2025, 9, 16))) == 1
    settings.set_setting(db, cases.VALIDITY_SETTING, "12")
    assert cases.due_for_review(db, dt.date(2026, 3, 1)) == []
    assert cases.case_file(db, _case_of(db, "13/PXM")).valid_until == dt.date(2026, 3, 15)


def test_the_dashboard_lists_conclusions_due_for_review(db):
    cases.record_conclusion(db, _case_of(db, "13/PXM"), CONCLUSION)
    [due] = overview.conclusions_due(db, dt.date(2026, 3, 1))
    assert (due.record_id, due.due_on) == (_case_of(db, "13/PXM"), dt.date(2025, 9, 15))
    assert due.title.startswith("Phạm Minh Quang – Kết nạp Đảng (kết luận ngày ")


def test_a_new_case_for_the_same_purpose_silences_the_reminder(db):
    quang = person_named(db, "Phạm Minh Quang")
    cases.record_conclusion(db, _case_of(db, "13/PXM"), CONCLUSION)
    cases.open_case(db, quang, {"purpose": "Kết nạp Đảng", "opened_on": "01/02/2026"})
    assert cases.due_for_review(db, dt.date(2026, 3, 1)) == []


def test_case_rules_are_enforced(db):
    quang = person_named(db, "Phạm Minh Quang")
    case = _case_of(db, "13/PXM")
    with pytest.raises(InputError, match="đang có hồ sơ thẩm tra"):
        cases.open_case(db, quang, {"purpose": "Kết nạp Đảng", "opened_on": "01/03/2026"})
    with pytest.raises(InputError, match="trước ngày mở"):
        cases.record_conclusion(db, case, {**CONCLUSION, "concluded_on": "01/01/2025"})
    cases.record_conclusion(db, case, CONCLUSION)
    later = cases.open_case(db, quang, {"purpose": "Kết nạp Đảng", "opened_on": "01/03/2026"})
    with pytest.raises(InputError, match=f"đang có hồ sơ thẩm tra số {later} cùng mục đích"):
        cases.reopen_case(db, case)  # one open case a purpose
    recycle_bin.delete(db, cases.KIND, later)
    cases.reopen_case(db, case)
    with pytest.raises(InputError, match="chưa có kết luận"):
        cases.reopen_case(db, case)


def test_a_conclusion_is_not_dated_before_a_slip_of_its_case(db):
    """The tour's case opened 02/11 with a slip issued 02/11 took a conclusion dated 01/11: the verification
    concluded before it was asked for."""
    case = _case_of(db, "13/PXM")
    issued = {slip["number"]: slip["issued_on"] for slip in cases.case_file(db, case).slips}
    latest = max(issued, key=issued.get)
    day_before = issued[latest] - dt.timedelta(days=1)
    with pytest.raises(InputError, match=f"trước ngày phát hành phiếu {latest}"):
        cases.record_conclusion(db, case, {**CONCLUSION, "concluded_on": f"{day_before:%d/%m/%Y}"})
    cases.record_conclusion(db, case, {**CONCLUSION, "concluded_on": f"{issued[latest]:%d/%m/%Y}"})
    assert cases.case_file(db, case).case["status"] == cases.CONCLUDED


def test_a_conclusion_recorded_wrong_is_corrected_and_audited(db):
    """The tour's mistyped notice: 1234-CV/BTCTU recorded for 1243-CV/BTCTU, and the result chosen wrong, could
    never be put right (only the whole case deleted)."""
    case = _case_of(db, "13/PXM")
    cases.record_conclusion(db, case, CONCLUSION)
    stored = cases.case_file(db, case).case
    cases.record_conclusion(db, case, {**CONCLUSION, "conclusion_no": "474-CV/BTCTU", "concluded_on": "16/03/2025",
                                       "result": "Chưa đủ tiêu chuẩn"}, stored[VERSION])
    corrected = cases.case_file(db, case)
    assert (corrected.case["conclusion_no"], corrected.case["result"], corrected.case["status"]) == \
        ("474-CV/BTCTU", "Chưa đủ tiêu chuẩn", cases.CONCLUDED)
    assert corrected.valid_until == dt.date(2025, 9, 16)
    details = last_audit(db)["details"]
    assert details["conclusion_no"] == {"cu": "472-CV/BTCTU", "moi": "474-CV/BTCTU"}
    assert "status" not in details  # still concluded
    with pytest.raises(ChangedMeanwhile):  # a window still showing the first conclusion
        cases.record_conclusion(db, case, CONCLUSION, stored[VERSION])


def test_a_concluded_case_is_reopened_its_conclusion_withdrawn(db):
    """A late reply «Có tài liệu» after the conclusion: the case is verified again, as if never concluded."""
    case = _case_of(db, "13/PXM")
    cases.record_conclusion(db, case, {**CONCLUSION, "limit_note": "Không bố trí vị trí cơ mật"})
    cases.reopen_case(db, case, cases.case_file(db, case).case[VERSION])
    reopened = cases.case_file(db, case)
    assert reopened.case["status"] == cases.OPEN and reopened.valid_until is None
    assert [reopened.case[spec.key] for spec in cases.CONCLUSION_FIELDS] == [None] * len(cases.CONCLUSION_FIELDS)
    details = last_audit(db)["details"]
    assert (details["status"], details["conclusion_no"]) == ({"cu": cases.CONCLUDED, "moi": cases.OPEN},
                                                             {"cu": "472-CV/BTCTU", "moi": None})
    assert cases.due_for_review(db, dt.date(2026, 3, 1)) == []  # no conclusion left to lapse


def test_an_issue_without_violation_is_concluded_only_with_its_ceiling(db):
    """The tour's conclusion «Có vấn đề nhưng không vi phạm» saved with no «Mức giới hạn»: QĐ 58 sets the
    ceiling of placement such a conclusion states (brief §1.2, §1.3)."""
    case = _case_of(db, "13/PXM")
    limited = {**CONCLUSION, "result": cases.LIMITED}
    with pytest.raises(FormProblems) as caught:
        cases.record_conclusion(db, case, limited)
    assert list(caught.value.problems) == ["limit_note"]
    assert caught.value.problems["limit_note"].startswith("Mức giới hạn: phải ghi khi kết quả là «Có vấn đề")
    assert cases.case_file(db, case).case["status"] == cases.OPEN
    assert cases.conclusion_doubts(db, case, limited) == []  # saving tells it
    cases.record_conclusion(db, case, {**limited, "limit_note": "Không bố trí vị trí trọng yếu, cơ mật"})
    assert cases.case_file(db, case).case["result"] == cases.LIMITED


def test_a_deadline_before_the_case_was_opened_is_refused_at_its_field(db):
    anh = person_named(db, "Trần Thị Ánh")
    with pytest.raises(FormProblems) as caught:
        cases.open_case(db, anh, {"purpose": "Bầu cử", "opened_on": "10/12/2026", "due_on": "01/12/2025"})
    assert caught.value.problems == {"due_on": "Hạn hoàn thành (01/12/2025) trước Ngày mở hồ sơ (10/12/2026)"
                                                ": hãy xem lại một trong hai ngày"}
    case = cases.open_case(db, anh, {"purpose": "Bầu cử", "opened_on": "10/12/2026", "due_on": "10/12/2026"})
    with pytest.raises(FormProblems):
        cases.update_case(db, case, {"purpose": "Bầu cử", "opened_on": "11/12/2026", "due_on": "10/12/2026"})


def test_a_case_s_date_is_not_corrected_past_its_first_slip_or_its_conclusion(db):
    """The tour's appointment case, opened 05/01 by its slips and concluded 28/01, took «Ngày mở hồ sơ» 01/02: a
    case opened after its conclusion and after the slips it sent; the next import moved it back unsaid. A case
    opened by hand, with no slip, is not dated after its conclusion either."""
    case = _case_of(db, "13/PXM")
    first = cases.case_file(db, case).slips[0]
    stored = cases.case_file(db, case).case
    day_after = f"{first['issued_on'] + dt.timedelta(days=1):%d/%m/%Y}"
    corrected = {"purpose": stored["purpose"], "opened_on": day_after}
    with pytest.raises(FormProblems) as caught:
        cases.update_case(db, case, corrected)
    assert caught.value.problems == {"opened_on": f"Ngày mở hồ sơ sau ngày phát hành phiếu {first['number']} "
                                                  f"({first['issued_on']:%d/%m/%Y}) của hồ sơ"}
    assert cases.case_file(db, case).case["opened_on"] == stored["opened_on"]
    by_hand = cases.open_case(db, person_named(db, "Trần Thị Ánh"), {"purpose": "Cử đi đào tạo",
                                                                    "opened_on": "02/03/2026"})
    cases.record_conclusion(db, by_hand, {**CONCLUSION, "concluded_on": "16/03/2026"})
    with pytest.raises(FormProblems) as caught:
        cases.update_case(db, by_hand, {"purpose": "Cử đi đào tạo", "opened_on": "17/03/2026"})
    assert caught.value.problems == {"opened_on": "Ngày mở hồ sơ sau Ngày kết luận (16/03/2026)"}


def test_a_case_concluded_after_today_is_still_overdue(db):
    case = cases.open_case(db, person_named(db, "Trần Thị Ánh"), {"purpose": "Bầu cử", "opened_on": "01/03/2026",
                                                                 "due_on": "10/03/2026"})
    cases.record_conclusion(db, case, {**CONCLUSION, "concluded_on": "31/03/2026"})
    today = dt.date(2026, 3, 25)
    assert case in [due.record_id for due in overview.vetting_cases_due(db, today)]
    assert case in browse.record_ids(db, "vetting-cases", filters=browse.Filters(overdue=True), today=today)
    assert case not in [due.record_id for due in overview.vetting_cases_due(db, dt.date(2026, 3, 31))]


def test_an_archive_request_can_serve_a_case(db):
    case = _case_of(db, "13/PXM")
    with db.read() as connection:
        request = connection.execute(select(archive_requests.c.id).order_by(archive_requests.c.id)).scalars().first()
    cases.attach_archive_request(db, case, request)
    assert [r["id"] for r in cases.case_file(db, case).archive_requests] == [request]


ARCHIVE_HEADERS = ["Loại yêu cầu", "Tỉnh/thành", "Số văn bản", "Ngày văn bản", "Họ và tên đối tượng", "Ngày sinh",
                   "Quê quán"]


def test_the_requests_to_other_provinces_about_the_person_vetted_or_their_family_are_offered_to_the_case(
        cli, db, tmp_path):
    """Quang's admission case: the archives of Hồ Chí Minh City asked about his father Bình (known by the
    case's slip 12/PXM) and of Đồng Nai about Quang serve it; research done for Đồng Nai about him, or a
    request about a stranger, does not."""
    code, out, err = cli("import", "archive-requests", workbook(tmp_path / "tang_thu.xlsx", ARCHIVE_HEADERS, [
        ["Nhờ tỉnh bạn nghiên cứu", "Thành phố Hồ Chí Minh", "15-CV/BTCTU", "10/01/2025", "Phạm Văn Bình", "1950",
         "Hàm Tiến"],
        ["Nhờ tỉnh bạn nghiên cứu", "Đồng Nai", "16-CV/BTCTU", "11/01/2025", "Phạm Minh Quang", "15/08/1995",
         "Hàm Tiến"],
        ["Nghiên cứu giúp tỉnh bạn", "Đồng Nai", "17-CV/BTCTU", "12/01/2025", "Phạm Minh Quang", "15/08/1995",
         "Hàm Tiến"]]))
    assert code == 0, out + err
    case = _case_of(db, "13/PXM")
    offered = cases.archive_requests_to_attach(db, case)
    assert [(r["doc_no"], r["full_name"], r["province"]) for r in offered] == [
        ("15-CV/BTCTU", "Phạm Văn Bình", "Thành phố Hồ Chí Minh"), ("16-CV/BTCTU", "Phạm Minh Quang", "Đồng Nai")]
    cases.attach_archive_request(db, case, offered[0]["id"])
    assert [(r["doc_no"], r["full_name"]) for r in cases.case_file(db, case).archive_requests] == [
        ("15-CV/BTCTU", "Phạm Văn Bình")]
    assert [r["doc_no"] for r in cases.archive_requests_to_attach(db, case)] == ["16-CV/BTCTU"]
    cases.detach_archive_request(db, offered[0]["id"])  # attached by mistake: taken back
    assert cases.case_file(db, case).archive_requests == []
    assert len(cases.archive_requests_to_attach(db, case)) == 2


def test_a_request_to_another_province_chooses_the_open_case_it_serves_from_its_own_side(cli, db, tmp_path):
    """From the request's window: Bình's request (Quang's father, by the case's slip 12/PXM) is offered exactly
    the open cases whose «Gắn yêu cầu tàng thư…» offers it, named by the person vetted and the purpose; once
    attached it names its case and is offered the others; cleared, it serves none. Research done for another
    province serves no case."""
    code, out, err = cli("import", "archive-requests", workbook(tmp_path / "tang_thu.xlsx", ARCHIVE_HEADERS, [
        ["Nhờ tỉnh bạn nghiên cứu", "Thành phố Hồ Chí Minh", "15-CV/BTCTU", "10/01/2025", "Phạm Văn Bình", "1950",
         "Hàm Tiến"],
        ["Nghiên cứu giúp tỉnh bạn", "Đồng Nai", "17-CV/BTCTU", "12/01/2025", "Phạm Minh Quang", "15/08/1995",
         "Hàm Tiến"]]))
    assert code == 0, out + err
    with db.read() as connection:
        asked, helped = connection.execute(select(archive_requests.c.id).where(archive_requests.c.doc_no.in_(
            ("15-CV/BTCTU", "17-CV/BTCTU"))).order_by(archive_requests.c.doc_no)).scalars()
        open_cases = connection.execute(select(vetting_cases.c.id).where(vetting_cases.c.status == cases.OPEN,
                                                                         vetting_cases.c.deleted_at.is_(None))
                                        ).scalars().all()
    quang = _case_of(db, "13/PXM")
    serving = cases.serving(db, asked)
    assert serving.case is None
    assert [case["id"] for case in serving.offered] == [
        case for case in open_cases if asked in [r["id"] for r in cases.archive_requests_to_attach(db, case)]]
    assert quang in [case["id"] for case in serving.offered]
    cases.attach_archive_request(db, quang, asked)
    serving = cases.serving(db, asked)
    assert (serving.case["id"], cases.case_called(serving.case)) == (quang, "Phạm Minh Quang – Kết nạp Đảng")
    assert quang not in [case["id"] for case in serving.offered]
    cases.detach_archive_request(db, asked)
    assert cases.serving(db, asked).case is None
    assert cases.serving(db, helped).offered == []


def test_a_viewer_may_read_cases_but_not_conclude_them(cli, db):
    viewer = viewer_database(cli, db)
    case = _case_of(db, "13/PXM")
    assert cases.case_file(viewer, case).full_name == "Phạm Minh Quang"
    with pytest.raises(PermissionDenied):
        cases.record_conclusion(viewer, case, CONCLUSION)
    viewer.close()


def test_a_case_an_import_opens_is_due_by_the_rule_of_its_purpose(cli, db, tmp_path):
    quang = person_named(db, "Phạm Minh Quang")
    due = {case["purpose"]: (case["opened_on"], case["due_on"]) for case in cases.cases_of(db, quang)}
    # a rule's day off moves the deadline to the next working day: Saturday 05/04/2025 past Giỗ Tổ (Monday
    # 07/04) to Tuesday 08/04; Tết 17/02/2026 to Monday 23/02
    assert due["Kết nạp Đảng"] == (dt.date(2025, 1, 5), dt.date(2025, 4, 8))
    assert due["Bổ nhiệm"] == (dt.date(2026, 1, 3), dt.date(2026, 2, 23))
    settings.set_setting(db, "han_tham_tra_ngay", "bau cu: 10; Quy hoạch: 0")  # accents and case ignored
    assert settings.list_settings(db)["han_tham_tra_ngay"] == "Bầu cử: 10; Quy hoạch: 0"
    _import_slips(cli, tmp_path, _slip("20/PXM", "01/02/2026", "Lê Văn Mười", "1950", "La Gi", "Cha",
                                       "Phạm Minh Quang", "Bầu cử"),
                  _slip("21/PXM", "01/02/2026", "Lê Thị Mười", "1952", "La Gi", "Mẹ", "Phạm Minh Quang",
                        "Quy hoạch"))
    due = {case["purpose"]: case["due_on"] for case in cases.cases_of(db, quang)}
    assert due["Bầu cử"] == dt.date(2026, 2, 11) and due["Quy hoạch"] is None  # 0: no deadline for planning


def test_an_earlier_slip_moves_the_case_and_its_deadline_by_the_rule(cli, db, tmp_path):
    quang = person_named(db, "Phạm Minh Quang")
    _import_slips(cli, tmp_path, _slip("19/PXM", "20/12/2025", "Lê Văn Mười", "1950", "La Gi", "Cha",
                                       "Phạm Minh Quang", "Bổ nhiệm"))
    case = next(case for case in cases.cases_of(db, quang) if case["purpose"] == "Bổ nhiệm")
    assert (case["opened_on"], case["due_on"]) == (dt.date(2025, 12, 20), dt.date(2026, 2, 3))


def test_a_case_opened_by_hand_takes_the_rule_unless_a_deadline_is_given(db):
    anh = person_named(db, "Trần Thị Ánh")
    first = cases.open_case(db, anh, {"purpose": "Đi nước ngoài", "opened_on": "01/03/2026"})
    second = cases.open_case(db, anh, {"purpose": "Bầu cử", "opened_on": "01/03/2026", "due_on": "05/03/2026"})
    due = {case["id"]: case["due_on"] for case in cases.cases_of(db, anh)}
    assert due[first] == dt.date(2026, 3, 23) and due[second] == dt.date(2026, 3, 5)  # 21/03: a Saturday


def test_a_case_may_be_for_training_a_key_post_or_a_secret_post_which_no_slip_names(db):
    anh = person_named(db, "Trần Thị Ánh")
    assert browse.view("vetting-cases").purposes == cases.CASE_FIELDS[0].choices == (
        "Bầu cử", "Bổ nhiệm", "Quy hoạch", "Cử đi đào tạo", "Cán bộ chủ chốt", "Vị trí trọng yếu, cơ mật",
        "Kết nạp Đảng", "Đi nước ngoài", "Giải quyết đơn thư", "Khác")
    assert "Cử đi đào tạo" not in SLIPS.field("purpose").choices  # the slips' column keeps the spec's values
    training = cases.open_case(db, anh, {"purpose": "Cử đi đào tạo", "opened_on": "01/03/2026"})
    # 30/04 and 01/05 are holidays: due Monday 04/05
    assert {case["id"]: case["due_on"] for case in cases.cases_of(db, anh)}[training] == dt.date(2026, 5, 4)
    settings.set_setting(db, "han_tham_tra_ngay", "vi tri trong yeu, co mat: 15")
    secret = cases.open_case(db, anh, {"purpose": "Vị trí trọng yếu, cơ mật", "opened_on": "01/03/2026"})
    assert {case["id"]: case["due_on"] for case in cases.cases_of(db, anh)}[secret] == dt.date(2026, 3, 16)


def test_a_wrong_deadline_rule_is_refused_with_the_purposes_named(db):
    with pytest.raises(InputError, match="Mục đích: số ngày"):
        settings.set_setting(db, "han_tham_tra_ngay", "Tuyển dụng: 30")
    with pytest.raises(InputError, match="Mục đích: số ngày"):
        settings.set_setting(db, "han_tham_tra_ngay", "Bầu cử: ba mươi")


def test_the_case_register_is_searched_by_the_cases_own_words(db):
    anh = person_named(db, "Trần Thị Ánh")
    case = cases.open_case(db, anh, {"purpose": "Bổ nhiệm", "opened_on": "01/03/2026",
                                     "note": "Theo đề nghị của Sở Nội vụ"})
    cases.record_conclusion(db, case, {**CONCLUSION, "conclusion_no": "480-CV/BTCTU", "concluded_on": "20/03/2026",
                                       "result": "Có vấn đề nhưng không vi phạm",
                                       "limit_note": "Không bố trí vị trí cơ mật"})
    appointing = {c["id"] for person in (anh, person_named(db, "Phạm Minh Quang"))
                  for c in cases.cases_of(db, person) if c["purpose"] == "Bổ nhiệm"}
    assert set(browse.record_ids(db, "vetting-cases", "bo nhiem")) == appointing
    for query in ("480-cv", "khong vi pham", "co mat", "so noi vu", "tran van ban", "bo nhiem anh"):
        assert browse.record_ids(db, "vetting-cases", query) == [case], query
    assert browse.record_ids(db, "vetting-cases", "bau cu anh") == []


# -- vetting cases in the recycle bin

QUI_SLIP = _slip("9/PXM", "15/01/2026", "Đặng Văn Quí", "1990", "La Gi", "Bản thân", None, "Kết nạp Đảng")
FIRST_HALF_2026 = (dt.date(2026, 1, 1), dt.date(2026, 6, 30))


def _opened(db, period=FIRST_HALF_2026) -> tuple[int, dict[str, int]]:
    figures = report.figures(db, *period)
    return figures["vetting_cases_opened"], figures["vetting_cases_by_purpose"]


def test_a_case_is_not_corrected_to_the_purpose_of_another_open_case_of_the_person(db):
    """The tour's «Sửa» of a cadre's open case to the purpose of his other open case was saved: two open cases
    for one purpose, which opening, reopening and restoring a case never allow. A concluded case may be."""
    admission, appointment = _case_of(db, "13/PXM"), _case_of(db, "1/PXM")
    with pytest.raises(InputError, match=f"đang có hồ sơ thẩm tra số {admission} cùng mục đích"):
        cases.update_case(db, appointment, {"purpose": "Kết nạp Đảng", "opened_on": "05/01/2025"})
    assert _case(db, appointment)["purpose"] == "Bổ nhiệm"
    cases.record_conclusion(db, appointment, {**CONCLUSION, "concluded_on": "30/06/2026"})
    opened_on = _case(db, appointment)["opened_on"].strftime("%d/%m/%Y")
    assert cases.update_case(db, appointment, {"purpose": "Kết nạp Đảng", "opened_on": opened_on})[0] == "purpose"


def test_a_case_is_not_restored_beside_another_open_case_for_its_purpose(cli, db, tmp_path):
    """The tour deleted Nguyễn Văn Hùng's planning case; a later slip opened a new one; restoring the first gave
    him two open planning cases. Nor does a slip bring back the case it went to the bin with."""
    quang = person_named(db, "Phạm Minh Quang")
    case = _case_of(db, "13/PXM")
    recycle_bin.delete(db, cases.KIND, case)
    later = cases.open_case(db, quang, {"purpose": "Kết nạp Đảng", "opened_on": "01/03/2026"})
    with pytest.raises(InputError, match=f"đang có hồ sơ thẩm tra số {later} cùng mục đích"):
        recycle_bin.restore(db, cases.KIND, case)
    assert case in recycle_bin.in_recycle_bin(db, cases.KIND)

    _import_slips(cli, tmp_path, QUI_SLIP)
    qui, slip = person_named(db, "Đặng Văn Quí"), _slip_id(db, "9/PXM")
    assert recycle_bin.delete(db, "slips", slip) == ["Đặng Văn Quí – Kết nạp Đảng"]
    cases.open_case(db, qui, {"purpose": "Kết nạp Đảng", "opened_on": "01/03/2026"})
    with pytest.raises(InputError, match="cùng mục đích chưa kết luận"):
        recycle_bin.restore(db, "slips", slip)
    assert slip in recycle_bin.in_recycle_bin(db, "slips")

    recycle_bin.delete(db, cases.KIND, later)
    recycle_bin.restore(db, cases.KIND, case)
    assert [c["id"] for c in cases.cases_of(db, quang) if c["purpose"] == "Kết nạp Đảng"] == [case]


def test_a_refused_restore_says_whose_open_case_is_in_the_way_and_what_to_do(cli, db, tmp_path):
    """«Người này đang có hồ sơ…» in the recycle bin's status line named nobody and left the officer there."""
    _import_slips(cli, tmp_path, QUI_SLIP)
    qui, slip = person_named(db, "Đặng Văn Quí"), _slip_id(db, "9/PXM")
    recycle_bin.delete(db, "slips", slip)
    other = cases.open_case(db, qui, {"purpose": "Kết nạp Đảng", "opened_on": "01/03/2026"})
    with pytest.raises(InputError) as refused:
        recycle_bin.restore(db, "slips", slip)
    assert refused.value.message == (
        f"«Đặng Văn Quí» đang có hồ sơ thẩm tra số {other} cùng mục đích chưa kết luận (Kết nạp Đảng): hãy kết "
        "luận hoặc xóa hồ sơ ấy ở sổ Hồ sơ thẩm tra trước.")


def test_a_slip_deleted_takes_the_case_it_opened_to_the_recycle_bin_and_its_restoring_brings_it_back(cli, db,
                                                                                                  tmp_path):
    """The case a slip opened, with nothing else in it, goes with the slip: it counts nowhere, is overdue
    nowhere; restoring the slip brings it back as it was."""
    _import_slips(cli, tmp_path, QUI_SLIP)
    qui, slip, case = person_named(db, "Đặng Văn Quí"), _slip_id(db, "9/PXM"), _case_of(db, "9/PXM")
    [opened] = cases.cases_of(db, qui)
    assert (opened["opened_on"], opened["due_on"], opened["status"]) == \
        (dt.date(2026, 1, 15), dt.date(2026, 4, 15), cases.OPEN)
    assert _opened(db) == (2, {"Bổ nhiệm": 1, "Kết nạp Đảng": 1})
    late = dt.date(2026, 4, 21)
    assert case in [due.record_id for due in overview.vetting_cases_due(db, late)]

    assert recycle_bin.delete(db, "slips", slip) == ["Đặng Văn Quí – Kết nạp Đảng"]
    assert cases.cases_of(db, qui) == [] and recycle_bin.in_recycle_bin(db, cases.KIND) == [case]
    assert _opened(db) == (1, {"Bổ nhiệm": 1})
    assert case not in [due.record_id for due in overview.vetting_cases_due(db, late)]
    assert case not in browse.record_ids(db, "vetting-cases", filters=browse.Filters(overdue=True), today=late)
    assert _trail(db, 2) == [("xóa", "slips", slip), ("xóa", cases.KIND, case)]

    assert recycle_bin.restore(db, "slips", slip) == ["Đặng Văn Quí – Kết nạp Đảng"]
    [back] = cases.cases_of(db, qui)
    assert (back["id"], back["opened_on"], back["due_on"], back["status"]) == \
        (case, dt.date(2026, 1, 15), dt.date(2026, 4, 15), cases.OPEN)
    assert _opened(db) == (2, {"Bổ nhiệm": 1, "Kết nạp Đảng": 1})
    assert _trail(db, 2) == [("khôi phục", "slips", slip), ("khôi phục", cases.KIND, case)]


def test_a_slip_whose_purpose_is_corrected_takes_the_case_it_opened_along_and_the_figures_stay(cli, db, tmp_path):
    """An old list gave «Khác» for a slip about appointment; imported again with «Bổ nhiệm», the slip served a
    new case and the one it had opened stayed open without a slip, counted as a second case opened. It goes
    to the recycle bin as if the slip had been deleted; a case holding more than the slip stays."""
    _import_slips(cli, tmp_path, QUI_SLIP)
    qui, first = person_named(db, "Đặng Văn Quí"), _case_of(db, "9/PXM")
    assert _opened(db) == (2, {"Bổ nhiệm": 1, "Kết nạp Đảng": 1})
    out = _import_slips(cli, tmp_path, _slip("9/PXM", "15/01/2026", "Đặng Văn Quí", "1990", "La Gi", "Bản thân", None,
                                             "Bổ nhiệm"))
    assert "Hồ sơ thẩm tra mới mở: 1" in out and "Hồ sơ thẩm tra chuyển vào thùng rác (không còn phiếu): 1" in out
    assert [case["purpose"] for case in cases.cases_of(db, qui)] == ["Bổ nhiệm"]
    assert recycle_bin.in_recycle_bin(db, cases.KIND) == [first]
    assert _opened(db) == (2, {"Bổ nhiệm": 2})

    second = _case_of(db, "9/PXM")
    cases.record_conclusion(db, second, {**CONCLUSION, "concluded_on": "20/02/2026"})
    _import_slips(cli, tmp_path, QUI_SLIP)
    assert _case(db, second)["deleted_at"] is None


def test_a_slip_given_the_person_already_recorded_serves_their_case_and_the_case_it_opened_goes(cli, db, tmp_path):
    """The same man entered twice, once without his birth date: the officer gives that slip, on its form, the
    person already recorded («Dùng người này»). The slip stayed in the case opened for the second entry, so
    one man had two open cases for one purpose and the figures counted both."""
    later = _slip("10/PXM", "20/01/2026", "Đặng Văn Quí", None, "La Gi", "Bản thân", None, "Kết nạp Đảng")
    _import_slips(cli, tmp_path, QUI_SLIP, later)
    recorded, second = _case_of(db, "9/PXM"), _case_of(db, "10/PXM")
    assert second != recorded and _opened(db) == (3, {"Bổ nhiệm": 1, "Kết nạp Đảng": 2})
    slip = _slip_id(db, "10/PXM")
    form = editing.load(db, "slips", slip)
    editing.save(db, "slips", {**form, "birth_date": "1990"}, slip,
                 editing.load(db, "slips", _slip_id(db, "9/PXM"))["person_id"])
    assert _case_of(db, "10/PXM") == recorded
    assert recycle_bin.in_recycle_bin(db, cases.KIND) == [second]
    assert _opened(db) == (2, {"Bổ nhiệm": 1, "Kết nạp Đảng": 1})


def test_a_case_holding_more_than_the_slip_stays_when_the_slip_is_deleted(cli, db, tmp_path):
    """Concluded, served by an archive request too, or holding another slip: the case is more than the
    slip that opened it."""
    _import_slips(cli, tmp_path, QUI_SLIP)
    concluded = _case_of(db, "9/PXM")
    cases.record_conclusion(db, concluded, {**CONCLUSION, "concluded_on": "20/02/2026"})
    assert recycle_bin.delete(db, "slips", _slip_id(db, "9/PXM")) == []
    assert _case(db, concluded)["deleted_at"] is None

    served = _case_of(db, "1/PXM")
    with db.read() as connection:
        request = connection.execute(select(archive_requests.c.id).order_by(archive_requests.c.id)).scalars().first()
    cases.attach_archive_request(db, served, request)
    assert recycle_bin.delete(db, "slips", _slip_id(db, "1/PXM")) == []
    assert _case(db, served)["deleted_at"] is None


def test_deleting_the_earliest_slip_of_a_case_dated_by_its_slips_moves_the_case_to_the_next(db):
    """Quang's admission case opened with his father's slip (05/01/2025); his own came the next day."""
    case = _case_of(db, "12/PXM")
    assert recycle_bin.delete(db, "slips", _slip_id(db, "12/PXM")) == []
    # 06/04/2025 (Sunday) and 05/04/2025 (Saturday) both end on Tuesday 08/04, past Giỗ Tổ
    assert (_case(db, case)["opened_on"], _case(db, case)["due_on"]) == (dt.date(2025, 1, 6), dt.date(2025, 4, 8))
    assert _trail(db, 2) == [("xóa", "slips", _slip_id(db, "12/PXM")), ("sửa", cases.KIND, case)]
    recycle_bin.restore(db, "slips", _slip_id(db, "12/PXM"))
    assert (_case(db, case)["opened_on"], _case(db, case)["due_on"]) == (dt.date(2025, 1, 5), dt.date(2025, 4, 8))


@pytest.mark.file_only("the plan asked for is SQLite's: the office server plans by the statistics it keeps")
def test_a_slip_deleted_or_restored_reads_its_case_by_the_case_not_the_register_by_date(db):
    """Deleting 200 selected slips froze the window 21 s: each asked the earliest date of its case's other
    slips, which SQLite answered by walking the live slips in date order (the deleted_at, issued_on index)
    until it met one of the case, ≈35 ms a slip over 100,000. Every read of the slips goes by the slip's id
    or by its case."""
    slip = _slip_id(db, "12/PXM")
    plans = []

    def explained(_connection, cursor, statement, parameters, *_rest) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            plans.extend(row[3] for row in cursor.connection.execute("EXPLAIN QUERY PLAN " + statement, parameters))

    event.listen(db.engine, "before_cursor_execute", explained)
    try:
        recycle_bin.delete(db, "slips", slip)
        recycle_bin.restore(db, "slips", slip)
    finally:
        event.remove(db.engine, "before_cursor_execute", explained)

    read = [plan for plan in plans if plan.split()[1:2] == ["slips"]]
    assert read and not [plan for plan in read if "(rowid=?)" not in plan and "(vetting_case_id=?)" not in plan]


def test_a_case_deleted_goes_to_the_recycle_bin_its_slips_stay_and_restoring_brings_them_back_into_it(db):
    quang = person_named(db, "Phạm Minh Quang")
    case = _case_of(db, "13/PXM")
    today = dt.date(2026, 3, 1)
    assert case in [due.record_id for due in overview.vetting_cases_due(db, today)]
    assert recycle_bin.delete(db, cases.KIND, case) == []
    assert case not in [c["id"] for c in cases.cases_of(db, quang)]
    assert case not in [due.record_id for due in overview.vetting_cases_due(db, today)]
    assert recycle_bin.in_recycle_bin(db, cases.KIND) == [case]
    said = "Mục đích thẩm tra: «Kết nạp Đảng»; Ngày mở hồ sơ: 05/01/2025; Trạng thái: «Đang xác minh»"
    assert audit_words.cells(list(audit.list_entries(db))[-1])[4:] == [
        "xóa", "thành công", "Hồ sơ thẩm tra", str(case), "Giá trị trước khi xóa: " + said]
    assert report.figures(db, dt.date(2025, 1, 1), dt.date(2025, 12, 31))["vetting_cases_opened"] == 0
    assert browse.record_ids(db, "vetting-cases", filters=browse.Filters(deleted=True)) == [case]
    with db.read() as connection:  # the slips stay, still naming their case
        assert connection.execute(select(slips.c.number).where(slips.c.vetting_case_id == case,
                                                               slips.c.deleted_at.is_(None))
                                  .order_by(slips.c.id)).scalars().all() == ["12/PXM", "13/PXM"]
    with pytest.raises(InputError, match="đã ở trong thùng rác"):
        recycle_bin.delete(db, cases.KIND, case)
    assert recycle_bin.restore(db, cases.KIND, case) == []
    assert [slip["number"] for slip in cases.case_file(db, case).slips] == ["12/PXM", "13/PXM"]


def test_a_case_deleted_by_itself_stays_in_the_bin_when_its_slip_comes_back(cli, db, tmp_path):
    _import_slips(cli, tmp_path, QUI_SLIP)
    case, slip = _case_of(db, "9/PXM"), _slip_id(db, "9/PXM")
    recycle_bin.delete(db, cases.KIND, case)
    db.clock = lambda: dt.datetime(2026, 3, 2, 10, 0)
    assert recycle_bin.delete(db, "slips", slip) == []  # its case was in the bin already
    assert recycle_bin.restore(db, "slips", slip) == []
    assert recycle_bin.in_recycle_bin(db, cases.KIND) == [case]


def test_a_slip_imported_again_from_the_bin_brings_back_the_case_it_took_there(cli, db, tmp_path):
    """The slip's row imported again restores the slip and, as restoring it from the bin does, the case
    that went there with it: counted and listed again, and the import says so."""
    _import_slips(cli, tmp_path, QUI_SLIP)
    qui, slip, case = person_named(db, "Đặng Văn Quí"), _slip_id(db, "9/PXM"), _case_of(db, "9/PXM")
    recycle_bin.delete(db, "slips", slip)
    out = _import_slips(cli, tmp_path, QUI_SLIP)
    assert "Dòng 2: khôi phục từ thùng rác" in out and "Hồ sơ thẩm tra khôi phục từ thùng rác: 1" in out
    assert last_audit(db)["details"]["kem_theo"] == {"Hồ sơ thẩm tra khôi phục từ thùng rác": 1}
    assert [back["id"] for back in cases.cases_of(db, qui)] == [case] and _case_of(db, "9/PXM") == case
    assert recycle_bin.in_recycle_bin(db, cases.KIND) == []
    assert _opened(db) == (2, {"Bổ nhiệm": 1, "Kết nạp Đảng": 1})


def test_a_slip_imported_again_serves_the_open_case_for_its_purpose_and_its_old_case_stays_in_the_bin(
        cli, db, tmp_path):
    """The tour: 9/PXM took Quí's admission case to the bin, a later case for the purpose was opened, and the
    old list imported again brought both back: two open admission cases, which restoring from the bin
    refuses. The slip comes back and serves the open case (the slip rule, its date following the slip's)."""
    _import_slips(cli, tmp_path, QUI_SLIP)
    qui, slip, case = person_named(db, "Đặng Văn Quí"), _slip_id(db, "9/PXM"), _case_of(db, "9/PXM")
    recycle_bin.delete(db, "slips", slip)
    later = cases.open_case(db, qui, {"purpose": "Kết nạp Đảng", "opened_on": "01/03/2026"})
    out = _import_slips(cli, tmp_path, QUI_SLIP)
    assert "Dòng 2: khôi phục từ thùng rác" in out and "Hồ sơ thẩm tra khôi phục" not in out
    assert [c["id"] for c in cases.cases_of(db, qui)] == [later] and _case_of(db, "9/PXM") == later
    assert _case(db, later)["opened_on"] == dt.date(2026, 1, 15)
    assert recycle_bin.in_recycle_bin(db, cases.KIND) == [case]


def test_a_case_deleted_by_itself_stays_in_the_bin_when_its_slip_is_imported_again(cli, db, tmp_path):
    _import_slips(cli, tmp_path, QUI_SLIP)
    case, slip = _case_of(db, "9/PXM"), _slip_id(db, "9/PXM")
    recycle_bin.delete(db, cases.KIND, case)
    db.clock = lambda: dt.datetime(2026, 3, 2, 10, 0)
    recycle_bin.delete(db, "slips", slip)
    assert "Hồ sơ thẩm tra" not in _import_slips(cli, tmp_path, QUI_SLIP)
    assert recycle_bin.in_recycle_bin(db, cases.KIND) == [case]


DUC_SLIPS = [_slip("31/PXM", "15/02/2025", "Phạm Văn Đức", "1975", "La Gi", "Bản thân", None, "Bổ nhiệm"),
             _slip("32/PXM", "10/04/2025", "Phạm Văn Đức", "1975", "La Gi", "Bản thân", None, "Bổ nhiệm")]
FIRST_HALF_2025 = (dt.date(2025, 1, 1), dt.date(2025, 6, 30))


def _at(db, minute):
    db.clock = lambda: dt.datetime(2026, 3, 2, 10, minute)


def test_a_slip_restored_brings_back_the_case_that_went_to_the_bin_following_its_slips(cli, db, tmp_path):
    """Đức's appointment case went to the bin with the later of its two slips, the earlier deleted before:
    restoring the earlier brings it back, dated to it as before, counted, registered and overdue again."""
    _import_slips(cli, tmp_path, *DUC_SLIPS)
    case, earlier, later = _case_of(db, "31/PXM"), _slip_id(db, "31/PXM"), _slip_id(db, "32/PXM")
    before = _case(db, case)
    assert _opened(db, FIRST_HALF_2025) == (2, {"Bổ nhiệm": 1, "Kết nạp Đảng": 1})
    today = dt.date(2026, 3, 1)
    _at(db, 1)
    assert recycle_bin.delete(db, "slips", earlier) == []
    assert _case(db, case)["opened_on"] == dt.date(2025, 4, 10)
    _at(db, 2)
    assert recycle_bin.delete(db, "slips", later) == ["Phạm Văn Đức – Bổ nhiệm"]
    assert _opened(db, FIRST_HALF_2025) == (1, {"Kết nạp Đảng": 1})

    _at(db, 3)
    assert recycle_bin.restore(db, "slips", earlier) == ["Phạm Văn Đức – Bổ nhiệm"]
    back = _case(db, case)
    assert (back["deleted_at"], back["opened_on"], back["due_on"]) == (None, before["opened_on"], before["due_on"])
    assert _opened(db, FIRST_HALF_2025) == (2, {"Bổ nhiệm": 1, "Kết nạp Đảng": 1})
    assert case in browse.record_ids(db, "vetting-cases")
    assert case in [due.record_id for due in overview.vetting_cases_due(db, today)]
    _at(db, 4)
    assert recycle_bin.restore(db, "slips", later) == []
    assert _case(db, case)["opened_on"] == before["opened_on"]


def test_a_later_slip_restored_brings_back_the_case_that_went_with_the_earlier_dated_to_it(cli, db, tmp_path):
    _import_slips(cli, tmp_path, *DUC_SLIPS)
    case, earlier, later = _case_of(db, "31/PXM"), _slip_id(db, "31/PXM"), _slip_id(db, "32/PXM")
    _at(db, 1)
    recycle_bin.delete(db, "slips", later)
    _at(db, 2)
    assert recycle_bin.delete(db, "slips", earlier) == ["Phạm Văn Đức – Bổ nhiệm"]
    _at(db, 3)
    assert recycle_bin.restore(db, "slips", later) == ["Phạm Văn Đức – Bổ nhiệm"]
    assert (_case(db, case)["deleted_at"], _case(db, case)["opened_on"]) == (None, dt.date(2025, 4, 10))


def test_a_viewer_may_not_delete_a_case(cli, db):
    viewer = viewer_database(cli, db)
    with pytest.raises(PermissionDenied):
        recycle_bin.delete(viewer, cases.KIND, _case_of(db, "13/PXM"))
    viewer.close()


# -- a case dated by its slips follows them

def test_a_slip_dated_later_moves_the_case_it_opened_with_its_deadline(cli, db, tmp_path):
    """Re-imported with a later «Ngày phát hành», the slip takes its case's opening into the later period."""
    rows = [_slip("1/PXM", "15/03/2024", "Đỗ Văn Bốn", "1970", "La Gi", "Bản thân", None, "Quy hoạch"),
            _slip("2/PXM", "10/04/2024", "Võ Thị Thu", "1975", "La Gi", "Bản thân", None, "Bổ nhiệm")]
    assert "Hồ sơ thẩm tra mới mở: 2" in _import_slips(cli, tmp_path, *rows)
    first_half, second_half = (dt.date(2024, 1, 1), dt.date(2024, 6, 30)), (dt.date(2024, 7, 1), dt.date(2024, 12, 31))
    rows[1] = _slip("2/PXM", "10/08/2024", "Võ Thị Thu", "1975", "La Gi", "Bản thân", None, "Bổ nhiệm")
    _import_slips(cli, tmp_path, *rows)
    case = _case(db, _case_of(db, "2/PXM"))
    assert (case["opened_on"], case["due_on"]) == (dt.date(2024, 8, 10), dt.date(2024, 9, 24))
    assert _opened(db, first_half) == (1, {"Quy hoạch": 1})
    assert _opened(db, second_half) == (1, {"Bổ nhiệm": 1})


def test_a_case_whose_date_an_officer_set_keeps_it_when_its_slip_is_dated_later(cli, db, tmp_path):
    hung = person_named(db, "Nguyễn Văn Hùng")
    case = cases.open_case(db, hung, {"purpose": "Bầu cử", "opened_on": "01/03/2026", "due_on": "15/03/2026"})
    _import_slips(cli, tmp_path, _slip("50/PXM", "05/03/2026", "Nguyễn Văn Tư", "1938", "Phú Thủy, Phan Thiết",
                                       "Cha", "Nguyễn Văn Hùng", "Bầu cử"))
    _import_slips(cli, tmp_path, _slip("50/PXM", "09/03/2026", "Nguyễn Văn Tư", "1938", "Phú Thủy, Phan Thiết",
                                       "Cha", "Nguyễn Văn Hùng", "Bầu cử"))
    assert _case_of(db, "50/PXM") == case
    assert (_case(db, case)["opened_on"], _case(db, case)["due_on"]) == (dt.date(2026, 3, 1), dt.date(2026, 3, 15))


def test_opening_a_case_is_audited_naming_it_and_reading_it_again_is_not(db):
    """A case shows the person, the slips and the relatives to check: its opening is a «xem hồ sơ»."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    case = cases.open_case(db, hung, {"purpose": "Bầu cử", "opened_on": "01/03/2026"})
    assert cases.view_case_file(db, case).full_name == "Nguyễn Văn Hùng"
    entry = last_audit(db)
    assert (entry["action"], entry["kind"], entry["record_id"]) == (audit.VIEWED, cases.KIND, case)
    assert entry["details"] == {audit.RECORD: {"full_name": "Nguyễn Văn Hùng", "purpose": "Bầu cử",
                                               "opened_on": "2026-03-01", "status": cases.OPEN}}
    cases.case_file(db, case)  # the window re-read after a save
    assert last_audit(db)["id"] == entry["id"]


def _letter(db, received_on, kind, due_on=None, resolved_on=None, subject="Nguyễn Văn Hùng") -> int:
    from bvct_desktop.core import editing

    return editing.save(db, "complaints", {"received_on": received_on, "sender": "Nặc danh", "complaint_kind": kind,
                                           "subject_name": subject, "summary": f"Nội dung {received_on}",
                                           "due_on": due_on, "resolved_on": resolved_on})


def test_the_case_shows_the_letters_about_the_person_vetted_open_ones_first(db):
    """Today is 01/03/2026. A letter resolved on 10/03/2026 is still open today (as the dashboard counts it)."""
    case = cases.open_case(db, person_named(db, "Nguyễn Văn Hùng"), {"purpose": "Bổ nhiệm", "opened_on": "01/02/2026"})
    resolved = _letter(db, "02/05/2025", "Tố cáo", "02/07/2025", "20/06/2025")
    later = _letter(db, "10/02/2026", "Khiếu nại", "15/03/2026")
    resolving = _letter(db, "02/01/2026", "Tố cáo", "01/02/2026", "10/03/2026")
    undated = _letter(db, "20/02/2026", "Phản ánh")
    _letter(db, "05/01/2026", "Tố cáo", subject="Trần Thị Ánh")
    letters = cases.case_file(db, case).letters
    assert [(letter["id"], letter["state"]) for letter in letters] == [
        (resolving, "Chưa giải quyết"), (later, "Chưa giải quyết"), (undated, "Chưa giải quyết"),
        (resolved, "Đã giải quyết")]
    assert letters[0]["due_on"] == dt.date(2026, 2, 1) and letters[0]["complaint_kind"] == "Tố cáo"


def test_recording_a_conclusion_while_a_letter_about_the_person_is_open_is_asked_about(db):
    case = cases.open_case(db, person_named(db, "Nguyễn Văn Hùng"), {"purpose": "Bổ nhiệm", "opened_on": "01/02/2026"})
    concluded = {**CONCLUSION, "concluded_on": "28/02/2026"}

    def about_letters(raw):
        return [told for told in cases.conclusion_doubts(db, case, raw) if "đơn thư" in told]

    assert about_letters(concluded) == []
    letter = _letter(db, "02/01/2026", "Tố cáo", "01/02/2026", "10/03/2026")
    _letter(db, "10/02/2026", "Khiếu nại")
    assert about_letters(concluded) == [
        "Người được thẩm tra còn 2 đơn thư chưa giải quyết: Tố cáo nhận ngày 02/01/2026, hạn giải quyết "
        "01/02/2026; Khiếu nại nhận ngày 10/02/2026, chưa có hạn. Kết luận trước khi giải quyết xong đơn thư "
        "có thể phải xem xét lại."]
    assert cases.conclusion_doubts(db, case, {**concluded, "result": ""}) == []  # saving tells what is wrong
    from bvct_desktop.core import editing

    stored = editing.load(db, "complaints", letter)
    editing.save(db, "complaints", {**stored, "resolved_on": "20/02/2026"}, letter)
    assert about_letters(concluded)[0].startswith("Người được thẩm tra còn 1 đơn thư chưa")


def test_recording_a_conclusion_before_the_verification_is_done_is_asked_about(cli, db, tmp_path):
    """The tour concluded Tôn Nữ Thị Phương Thảo Nguyên's appointment with both slips unanswered and her parents
    unchecked, and was asked nothing: the window listed what was missing, the conclusion did not."""
    case = cases.open_case(db, person_named(db, "Nguyễn Văn Hùng"), {"purpose": "Bầu cử", "opened_on": "01/03/2026"})
    _import_slips(cli, tmp_path, _slip("60/PXM", "02/03/2026", "Nguyễn Văn Tư", "1938", "Phú Thủy, Phan Thiết", "Cha",
                                       "Nguyễn Văn Hùng", "Bầu cử"),
                  _slip("61/PXM", "02/03/2026", "Lê Thị Hoa", "1968", "Hàm Tiến", "Vợ", "Nguyễn Văn Hùng", "Bầu cử"))
    replies.record_replies(db, [_slip_id(db, "61/PXM")], {"result_on": "20/03/2026", "result": "Không có tài liệu"})
    doubts = cases.conclusion_doubts(db, case, {**CONCLUSION, "concluded_on": "15/03/2026"})
    assert doubts[:2] == [
        "Hồ sơ còn 2 phiếu xác minh chưa có kết quả trả lời đến ngày kết luận: 60/PXM gửi Cục A93B – Bộ Công an "
        "ngày 02/03/2026; 61/PXM gửi Cục A93B – Bộ Công an ngày 02/03/2026.",
        "Thân nhân phải xác minh theo quy định còn thiếu: Con: Nguyễn Minh Khoa (chưa có phiếu xác minh trong hồ sơ "
        "thẩm tra); Mẹ (chưa khai trong danh sách thân nhân)."]
    assert cases.conclusion_doubts(db, case, {**CONCLUSION, "concluded_on": "25/03/2026"})[0].startswith(
        "Hồ sơ còn 1 phiếu xác minh chưa có kết quả trả lời đến ngày kết luận: 60/PXM")


def test_namesakes_in_the_case_register_are_told_apart_by_their_birth_dates_each_at_its_own_precision(db):
    for birth in ("05/1968", "1970", "12/03/1968"):
        editing.save(db, "cadres", {"full_name": "Nguyễn Văn An", "birth_date": birth})
    for person_id in _persons_named(db, "Nguyễn Văn An"):
        cases.open_case(db, person_id, {"purpose": "Bầu cử", "opened_on": "01/03/2026"})
    headers = [column.header for column in browse.view("vetting-cases").columns]
    assert headers[:2] == ["Người được thẩm tra", "Ngày sinh"]
    ids = browse.record_ids(db, "vetting-cases", sort="birth_date", descending=False)
    rows = browse.fetch_rows(db, "vetting-cases", ids)
    assert [rows[i][1] for i in ids] == ["12/03/1968", "05/1968", "1970", "15/08/1995", "15/08/1995"]


def _persons_named(db, full_name) -> list[int]:
    with db.read() as connection:
        return list(connection.execute(select(persons.c.id).where(persons.c.full_name == full_name)).scalars())


def test_concluding_a_cadre_fit_while_his_file_records_a_political_issue_bearing_on_it_is_asked_about(db):
    """Hùng's file records that his father served the old regime, with a QĐ 58 ceiling: the appointment case
    concluded «Đủ tiêu chuẩn» asks the officer about it, naming the finding; «Có vấn đề nhưng không vi phạm»
    (which states the ceiling) asks only about a graver finding (a violation, or one not yet concluded)."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    case = cases.open_case(db, hung, {"purpose": "Bổ nhiệm", "opened_on": "01/02/2026"})
    concluded = {**CONCLUSION, "concluded_on": "28/02/2026"}

    def about_issues(raw):
        return [told for told in cases.conclusion_doubts(db, case, raw) if "vấn đề chính trị" in told]

    POLITICAL_NOTES.add(db, hung, {"axis": "Chính trị hiện nay", "content": "Không có biểu hiện vi phạm",
                                   "effect": "Không ảnh hưởng"})
    assert about_issues(concluded) == []
    father = relatives.list_relatives(db, hung)[0]
    POLITICAL_NOTES.add(db, hung, {"axis": "Lịch sử chính trị", "content": "Cha đẻ là hạ sĩ quan chế độ cũ",
                                   "effect": "Có vấn đề nhưng không vi phạm (có mức giới hạn)",
                                   "limit_note": "Không quá ủy viên Ban Thường vụ Tỉnh ủy", "relative_id": father.id})
    POLITICAL_NOTES.add(db, hung, {"axis": "Chính trị hiện nay", "content": "Em ruột ở Hoa Kỳ, hội viên hội cựu "
                                   "quân nhân chế độ cũ", "effect": "Chưa kết luận"})
    assert about_issues(concluded) == [
        "Hồ sơ cá nhân ghi 2 vấn đề chính trị nặng hơn kết quả này: Lịch sử chính trị, về Cha: "
        "Nguyễn Văn Tư – Cha đẻ là hạ sĩ quan chế độ cũ (Có vấn đề nhưng không vi phạm (có mức giới hạn); mức "
        "giới hạn: Không quá ủy viên Ban Thường vụ Tỉnh ủy); Chính trị hiện nay – Em ruột ở Hoa Kỳ, hội viên hội "
        "cựu quân nhân chế độ cũ (Chưa kết luận). "
        "Kết quả «Đủ tiêu chuẩn» có đúng không?"]
    limited = {**concluded, "result": cases.LIMITED, "limit_note": "Không quá ủy viên ban thường vụ cấp tỉnh"}
    assert about_issues(limited) == [  # the ceiling is what the result states; the open finding may be graver
        "Hồ sơ cá nhân ghi 1 vấn đề chính trị nặng hơn kết quả này: Chính trị hiện nay – Em ruột ở Hoa Kỳ, hội viên "
        "hội cựu quân nhân chế độ cũ (Chưa kết luận). Kết quả «Có vấn đề nhưng không vi phạm» có đúng không?"]
    assert about_issues({**concluded, "result": "Chưa đủ tiêu chuẩn"}) == []


def test_concluding_a_cadre_fit_while_a_reply_of_the_case_found_an_archive_record_is_asked_about(cli, db, tmp_path):
    """The vetting tour concluded 120 election nominees «Đủ tiêu chuẩn» at once: two had an A93B reply «Có tài liệu
    lưu trữ…» calling for more verification, and nothing asked about it (the unanswered slips were asked about, an
    answered one was taken for done). A reply that found nothing, and a result stating the issue, ask nothing."""
    case = cases.open_case(db, person_named(db, "Nguyễn Văn Hùng"), {"purpose": "Bầu cử", "opened_on": "01/03/2026"})
    _import_slips(cli, tmp_path, _slip("60/PXM", "02/03/2026", "Nguyễn Văn Tư", "1938", "Phú Thủy, Phan Thiết", "Cha",
                                       "Nguyễn Văn Hùng", "Bầu cử"),
                  _slip("61/PXM", "02/03/2026", "Lê Thị Hoa", "1968", "Hàm Tiến", "Vợ", "Nguyễn Văn Hùng", "Bầu cử"))
    concluded = {**CONCLUSION, "concluded_on": "25/03/2026"}

    def about_records(raw):
        return [told for told in cases.conclusion_doubts(db, case, raw) if "tài liệu lưu trữ" in told]

    replies.record_replies(db, [_slip_id(db, "61/PXM")], {"result_on": "20/03/2026", "result": "Không có tài liệu"})
    replies.record_replies(db, [_slip_id(db, "60/PXM")], {"result_on": "20/03/2026", "result_no": "126/A93B",
                                                          "result": "Có tài liệu lưu trữ, cần xác minh thêm"})
    assert about_records(concluded) == [
        "Có 1 phiếu xác minh được trả lời có tài liệu lưu trữ: 60/PXM (Cha: Nguyễn Văn Tư), Cục A93B – Bộ Công an "
        "trả lời ngày 20/03/2026: «Có tài liệu lưu trữ, cần xác minh thêm». Kết quả «Đủ tiêu chuẩn» có đúng không?"]
    limited = {**concluded, "result": cases.LIMITED, "limit_note": "Không quá ủy viên ban thường vụ cấp tỉnh"}
    assert about_records(limited) == []
    replies.record_replies(db, [_slip_id(db, "60/PXM")], {"result_on": "20/03/2026", "result": "Không có tài liệu"})
    assert about_records(concluded) == []


def test_the_case_file_lists_the_political_issues_bearing_on_the_person_s_standard(db):
    """Opened for an appointment, the case shows what the person file records against the standard: the
    father's old-regime service with its ceiling, named by the relative and the regulation; not the issues
    that do not affect it."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    father = relatives.list_relatives(db, hung)[0]
    case = cases.open_case(db, hung, {"purpose": "Bổ nhiệm", "opened_on": "01/02/2026"})
    assert cases.case_file(db, case).issues == []
    POLITICAL_NOTES.add(db, hung, {"axis": "Chính trị hiện nay", "content": "Không có biểu hiện vi phạm",
                                   "effect": "Không ảnh hưởng"})
    POLITICAL_NOTES.add(db, hung, {"axis": "Lịch sử chính trị", "content": "Cha đẻ là hạ sĩ quan chế độ cũ",
                                   "found_on": "20/05/2016", "relative_id": father.id,
                                   "effect": "Có vấn đề nhưng không vi phạm (có mức giới hạn)",
                                   "limit_note": "Không quá ủy viên Ban Thường vụ Tỉnh ủy"})
    assert [issue.told() for issue in cases.case_file(db, case).issues] == [
        "Lịch sử chính trị, về Cha: Nguyễn Văn Tư – Cha đẻ là hạ sĩ quan chế độ cũ (Có vấn đề nhưng không vi phạm "
        "(có mức giới hạn); mức giới hạn: Không quá ủy viên Ban Thường vụ Tỉnh ủy; kết luận ngày 20/05/2016 theo "
        "QĐ 57-QĐ/TW)"]


def test_an_issue_recorded_without_its_effect_counts_as_not_concluded_in_the_case_as_in_the_register(db):
    """A finding written on Hùng's file with no «Ảnh hưởng của kết luận» is on file and nothing concludes it bears
    on nothing: the case lists it as bearing on his standard and concluding him fit asks about it, told as the
    cadres register tells it (issues.py)."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    case = cases.open_case(db, hung, {"purpose": "Bổ nhiệm", "opened_on": "01/02/2026"})
    POLITICAL_NOTES.add(db, hung, {"axis": "Chính trị hiện nay", "content": "Có quan hệ với tổ chức nước ngoài"})
    told = "Chính trị hiện nay – Có quan hệ với tổ chức nước ngoài (chưa ghi ảnh hưởng, tính là «Chưa kết luận»)"
    assert [issue.told() for issue in cases.case_file(db, case).issues] == [told]
    asked = [doubt for doubt in cases.conclusion_doubts(db, case, {**CONCLUSION, "concluded_on": "28/02/2026"})
             if "vấn đề chính trị" in doubt]
    assert asked == [f"Hồ sơ cá nhân ghi 1 vấn đề chính trị nặng hơn kết quả này: {told}. "
                     "Kết quả «Đủ tiêu chuẩn» có đúng không?"]


def test_an_issue_written_in_lines_has_its_effect_on_a_line_of_its_own(db):
    """«Đã được kết luận năm 1990. (chưa ghi ảnh hưởng, tính là «Chưa kết luận»)»: after the last line of an issue
    written in lines, what the file says it comes to read as that line's, a finding of 1990 «not concluded»."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    case = cases.open_case(db, hung, {"purpose": "Bổ nhiệm", "opened_on": "01/02/2026"})
    POLITICAL_NOTES.add(db, hung, {"axis": "Lịch sử chính trị",
                                   "content": "Cha đẻ từng tham gia chế độ cũ.\nĐã được kết luận năm 1990."})
    assert [issue.told() for issue in cases.case_file(db, case).issues] == [
        "Lịch sử chính trị – Cha đẻ từng tham gia chế độ cũ.\nĐã được kết luận năm 1990.\n"
        "(chưa ghi ảnh hưởng, tính là «Chưa kết luận»)"]


def test_an_unanswered_request_about_a_relative_named_by_the_case_s_slip_says_whose_vetting_it_serves(
        cli, db, tmp_path):
    """Quang is no cadre: no file lists his father Bình, but the slip 12/PXM of his admission case says «Cha»;
    the request to Hồ Chí Minh City about Bình serving that case, unanswered, says so on the dashboard."""
    code, out, err = cli("import", "archive-requests", workbook(tmp_path / "tang_thu.xlsx", ARCHIVE_HEADERS, [
        ["Nhờ tỉnh bạn nghiên cứu", "Thành phố Hồ Chí Minh", "15-CV/BTCTU", "10/01/2025", "Phạm Văn Bình", "1950",
         "Hàm Tiến"]]))
    assert code == 0, out + err
    case = _case_of(db, "13/PXM")
    [request] = cases.archive_requests_to_attach(db, case)
    cases.attach_archive_request(db, case, request["id"])
    [due] = [due for due in overview.archive_requests_unanswered(db, dt.date(2025, 3, 20))
             if due.record_id == request["id"]]
    assert due.title == ("Tỉnh bạn chưa trả lời: Thành phố Hồ Chí Minh – Phạm Văn Bình (cha của Phạm Minh Quang; "
                         "văn bản số 15-CV/BTCTU ngày 10/01/2025)")


def test_a_concluded_case_keeps_its_archive_requests_until_it_is_reopened(cli, db, tmp_path):
    """The case window offered no change of a concluded case's requests, but the request's own window could take
    one out of it, or move it to another case: what a conclusion rested on changed behind it. The service refuses
    both ways, naming «Mở lại hồ sơ»; reopened, the request is detached."""
    code, out, err = cli("import", "archive-requests", workbook(tmp_path / "tang_thu.xlsx", ARCHIVE_HEADERS, [
        ["Nhờ tỉnh bạn nghiên cứu", "Thành phố Hồ Chí Minh", "15-CV/BTCTU", "10/01/2025", "Phạm Văn Bình", "1950",
         "Hàm Tiến"]]))
    assert code == 0, out + err
    with db.read() as connection:
        asked = connection.execute(select(archive_requests.c.id).where(archive_requests.c.doc_no == "15-CV/BTCTU")
                                   ).scalar_one()
    quang = _case_of(db, "13/PXM")
    cases.attach_archive_request(db, quang, asked)
    cases.record_conclusion(db, quang, CONCLUSION)
    for change in (lambda: cases.detach_archive_request(db, asked),
                   lambda: cases.attach_archive_request(db, quang, asked)):
        with pytest.raises(InputError, match="đã kết luận.*Mở lại hồ sơ"):
            change()
    assert cases.serving(db, asked).case["id"] == quang
    cases.reopen_case(db, quang)
    cases.detach_archive_request(db, asked)
    assert cases.serving(db, asked).case is None


def test_a_conclusion_s_validity_is_the_setting_in_force_on_the_program_s_day(db):
    """The months a conclusion holds were read as in force on the computer's date: a change set from a day still
    ahead of the program's already shortened every conclusion's validity (and the reminders of review)."""
    case = _case_of(db, "13/PXM")
    cases.record_conclusion(db, case, CONCLUSION)
    before = cases.case_file(db, case).valid_until
    ahead = db.clock().date() + dt.timedelta(days=1)
    assert ahead <= dt.date.today()  # the computer's date is past the program's: the old reading took the change
    settings.set_setting(db, cases.VALIDITY_SETTING, "1", ahead)
    assert cases.case_file(db, case).valid_until == before
    assert [reminder.case_id for reminder in cases.due_for_review(db, before)] == []
