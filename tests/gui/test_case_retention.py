"""The case window tells how long the dossier is kept (thời hạn bảo quản): a BVCTNB dossier, 20 years from
the year of its conclusion; past its term it says so, and that the program deletes nothing — destruction is
the council's decision under the archives law."""

import datetime as dt

from bvct_desktop.core import retention
from bvct_desktop.gui.forms.case_form import kept_text
from tests.gui import register_support as support
from tests.gui.test_conclusion_notice import _concluded
from tests.gui.test_forms import _case_opened, _page, clock  # noqa: F401 - clock: a fixture

app, sample_files, db, context = support.app, support.sample_files, support.db, support.context  # fixtures


def test_an_open_case_tells_its_term_counts_from_its_conclusion(qtbot, context):
    form = _case_opened(_page(qtbot, context, "vetting-cases"))
    assert form.kept_label.text() == ("<b>Thời hạn bảo quản:</b> 20 năm (hồ sơ về công tác bảo vệ chính trị nội bộ), "
                                      "tính từ năm kết luận hồ sơ.")


def test_a_concluded_case_tells_the_year_its_term_runs_out(qtbot, context):
    form = _concluded(qtbot, context)  # concluded on 20/03/2026
    assert form.kept_label.text() == ("<b>Thời hạn bảo quản:</b> 20 năm, hết hạn năm 2046 (hồ sơ về công tác bảo vệ "
                                      "chính trị nội bộ, tính từ năm kết luận 2026).")


def test_a_dossier_past_its_term_is_told_so_and_that_nothing_is_deleted():
    kept = retention.kept(retention.DOSSIER, dt.date(2005, 12, 31))
    assert "đã hết thời hạn bảo quản" not in kept_text(kept, dt.date(2025, 12, 31))
    told = kept_text(kept, dt.date(2026, 1, 1))
    assert "Hồ sơ đã hết thời hạn bảo quản." in told and retention.NEVER_DESTROYED in told
