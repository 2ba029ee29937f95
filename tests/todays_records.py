"""The records of the kinds added on 05/12/2026 (migrations 0032–0036), written through their services on a
database holding the sample slips: a vetting case's team, dossier and minutes, Phạm Minh Quang's 2C sections,
and scans attached to the case."""

from pathlib import Path

from bvct_desktop.core import attachments
from bvct_desktop.core.database import Database
from bvct_desktop.core.personfile import case_steps, cases
from bvct_desktop.core.personfile.case_steps import DOSSIER, LEADER, MINUTES, TEAM
from bvct_desktop.core.personfile.vitae import (
    APPRAISALS,
    DISCIPLINES,
    OWN_HISTORY,
    REWARDS,
    SALARY,
    TRAINING,
    WORK_PERIODS,
)
from tests.core.personfile.conftest import person_named

TABLES = ("vetting_team_members", "vetting_dossier_items", "vetting_minutes", "work_periods", "training_courses",
          "history_declarations", "rewards", "disciplines", "salary_steps", "appraisals", "attachments",
          "attachment_contents")


def write_todays_records(db: Database, folder: Path, scans: dict[str, bytes]) -> list[int]:
    """One record of each new kind, and the `scans` (file name → content) attached to the case; returns the
    attachments' ids."""
    quang = person_named(db, "Phạm Minh Quang")
    case = cases.cases_of(db, quang)[0]
    TEAM.add(db, case["id"], {"full_name": "Nguyễn Văn Tổ", "position": "Chuyên viên", "team_role": LEADER})
    DOSSIER.add(db, case["id"], {"item": case_steps.items_for(case["purpose"])[0], "received_on": "05/01/2026"})
    MINUTES.add(db, case["id"], {"held_on": "06/01/2026", "place": "Xã Hàm Tiến", "summary": "Xác minh nơi ở"})
    WORK_PERIODS.add(db, quang, {"since": "2013", "until": "05/2018", "unit": "UBND xã Phú Thủy"})
    TRAINING.add(db, quang, {"institution": "Học viện Chính trị khu vực II", "since": "2019"})
    OWN_HISTORY.add(db, quang, {"declared_kind": "Bị bắt", "since": "2014", "until": "2015"})
    REWARDS.add(db, quang, {"awarded_on": "2020", "award": "Giấy khen"})
    DISCIPLINES.add(db, quang, {"decided_on": "03/2021", "organisation": "Chính quyền", "penalty": "Khiển trách",
                                "in_effect_until": "03/2022"})
    SALARY.add(db, quang, {"since": "07/2019", "grade_code": "01.003", "coefficient": "2,67"})
    APPRAISALS.add(db, quang, {"year": "2024", "as_role": "Cán bộ", "classification": "Hoàn thành tốt nhiệm vụ"})
    folder.mkdir(exist_ok=True)
    made = []
    for name, content in scans.items():
        (folder / name).write_bytes(content)
        made.append(attachments.attach(db, cases.KIND, case["id"], folder / name))
        (folder / name).unlink()
    return made
