"""The cadre's summary (trích ngang) of the 2016 office: the family section lists the relatives
known from the slips of her vetting (husband, mother, parents-in-law) and the relatives list,
each slip about her and about each relative is listed, each name on one line of its cell, and the
signature never stands alone."""

import re

import pytest

from tests import office_2016
from tests.conftest import workbook
from tests.io.documents import pdfcheck

built_2016, office_cli = office_2016.built_2016, office_2016.office_cli  # fixtures
pytestmark = pdfcheck.needs_poppler


def test_the_family_known_from_slips_and_the_slips_about_each(office_cli, tmp_path):
    target = tmp_path / "trich-ngang.pdf"
    code, _, err = office_cli("print", "cadre", "--name", office_2016.CADRE, "--out", target)
    assert code == 0, err
    text = " ".join(pdfcheck.lines(target))
    family = text[text.index("VI. QUAN HỆ GIA ĐÌNH"):text.index("VII. ĐI NƯỚC NGOÀI")]
    for relation, name, _born, _town in office_2016.FAMILY[1:]:
        assert relation in family and name in family  # a name broken over two lines reads as two people
    assert len(re.findall(r"\b17\d\d/PXM", family)) >= 4  # each relative's source: the slip that names them
    slips = text[text.index("IX. XÁC MINH LAI LỊCH"):]
    for _relation, name, _born, _town in office_2016.FAMILY:
        assert name in slips
    assert "Bản thân" in slips and "Mẹ chồng" in slips


@pytest.mark.parametrize("relatives", range(0, 14, 2))
def test_the_signature_keeps_the_last_lines_of_the_summary(office_cli, tmp_path, relatives):
    rows = [[office_2016.CADRE, "1970", "Con", f"Lê Thị Con Thứ {n}", str(1990 + n), "Mũi Né", None, "Học sinh",
             None, None, None, None] for n in range(relatives)]
    headers = ["Họ và tên cán bộ", "Ngày sinh cán bộ", "Quan hệ", "Họ và tên thân nhân", "Ngày sinh", "Quê quán",
               "Nơi ở", "Nghề nghiệp", "Ở nước ngoài", "Nước", "Từ năm", "Công việc ở nước ngoài"]
    if rows:
        assert office_cli("import", "relatives", workbook(tmp_path / "than-nhan.xlsx", headers, rows))[0] == 0
    target = tmp_path / "trich-ngang.pdf"
    assert office_cli("print", "cadre", "--name", office_2016.CADRE, "--out", target)[0] == 0
    pages = pdfcheck.page_count(target)
    last = [line for line in pdfcheck.lines(target, first=pages, last=pages) if not line.isdigit()]
    signed = next(i for i, line in enumerate(last) if "K/T TRƯỞNG BAN" in line)
    assert signed >= 2, f"the signature stands alone on page {pages}: {last}"
