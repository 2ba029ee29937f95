"""The records of the kinds added on 05/12/2026 (migrations 0032–0036), written through their services on a
database holding the sample slips: a vetting case's team, dossier and minutes, one record of each of Phạm Minh
Quang's 2C sections (vitae.SECTIONS), and scans attached to the case."""

from pathlib import Path

from bvct_desktop.core import attachments
from bvct_desktop.core.database import Database
from bvct_desktop.core.personfile import case_steps, cases
from bvct_desktop.core.personfile.case_steps import DOSSIER, LEADER, MINUTES, TEAM
from bvct_desktop.core.personfile.vitae import SECTIONS
from tests.core.personfile.conftest import ONE_OF_EACH, person_named

TABLES = (*(rows.table.name for rows in (TEAM, DOSSIER, MINUTES, *SECTIONS)), "attachments", "attachment_contents")


def write_todays_records(db: Database, folder: Path, scans: dict[str, bytes]) -> list[int]:
    """One record of each new kind, and the `scans` (file name → content) attached to the case; returns the
    attachments' ids."""
    quang = person_named(db, "Phạm Minh Quang")
    case = cases.cases_of(db, quang)[0]
    TEAM.add(db, case["id"], {"full_name": "Nguyễn Văn Tổ", "position": "Chuyên viên", "team_role": LEADER})
    DOSSIER.add(db, case["id"], {"item": case_steps.items_for(case["purpose"])[0], "received_on": "05/01/2026"})
    MINUTES.add(db, case["id"], {"held_on": "06/01/2026", "place": "Xã Hàm Tiến", "summary": "Xác minh nơi ở"})
    for section in SECTIONS:
        section.add(db, quang, ONE_OF_EACH[section])
    folder.mkdir(exist_ok=True)
    made = []
    for name, content in scans.items():
        (folder / name).write_bytes(content)
        made.append(attachments.attach(db, cases.KIND, case["id"], folder / name))
        (folder / name).unlink()
    return made
