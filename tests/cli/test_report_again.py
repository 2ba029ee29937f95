"""The year's report issued a second time (on 30/12 and again on 02/01, the officer unsure the first one went
out): numbers are never reused, so the second one is a new document with the next number, and the officer is
told which report of that period the register already holds and how to print it again instead."""

NOTES = "## Ưu điểm\nKịp thời.\n## Hạn chế, khuyết điểm\nCòn chậm.\n## Phương hướng, nhiệm vụ\nTiếp tục.\n"
YEAR = ("--from", "2025-01-01", "--to", "2025-12-31")


def test_a_period_s_report_issued_again_says_which_report_of_that_period_is_already_issued(cli, tmp_path):
    notes = tmp_path / "phan-viet.txt"
    notes.write_text(NOTES, encoding="utf-8")
    assert cli("settings", "set", "nguoi_ky", "Nguyễn Văn Hòa")[0] == 0

    def issue(*period: str) -> str:
        code, out, err = cli("report", *period, "--format", "pdf", "--out", tmp_path / "bc.pdf", "--notes", notes,
                             "--issue")
        assert code == 0, err
        return out

    assert "Lưu ý" not in issue(*YEAR)
    assert "Lưu ý" not in issue("--from", "2025-01-01", "--to", "2025-06-30")  # another period
    again = issue(*YEAR).splitlines()
    assert again[0].startswith("Đã phát hành báo cáo số 03-BC/BTCTU ngày ")
    day = again[0].split(" ngày ")[1].split(" ")[0]
    assert again[1:] == [f"Lưu ý: báo cáo kỳ này đã phát hành trước đó: số 01-BC/BTCTU ngày {day}. Báo cáo "
                         "03-BC/BTCTU là một văn bản mới, mang số mới (số văn bản không dùng lại); để in lại báo cáo "
                         "đã phát hành: bvct documents print 01-BC/BTCTU --format pdf --out TỆP."]
