"""The parts of the periodic report the officer writes (spec, "Issuing"): `Ưu điểm`, `Hạn chế,
khuyết điểm`, `Phương hướng, nhiệm vụ`. The program counts the figures; the officer assesses.

A notes file is UTF-8 text whose sections start with a line `## ` + the part's name, matched
ignoring case and accents; every non-empty line under a heading is one paragraph (as in the
GUI's report page, where each Enter starts a paragraph). A file gives only the parts it names: a
heading with nothing under it clears that part, a part whose heading is absent stays as written.
"""

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Connection

from .database import Database
from .errors import InputError, os_reason
from .permissions import Action
from .schema import report_notes
from .text import clean, fold

STRENGTHS, WEAKNESSES, DIRECTIONS = "Ưu điểm", "Hạn chế, khuyết điểm", "Phương hướng, nhiệm vụ"
PARTS = (STRENGTHS, WEAKNESSES, DIRECTIONS)
HEADING = "## "
Notes = dict[str, str]


def paragraphs(text: str) -> list[str]:
    """The paragraphs of one part: its non-empty lines, cleaned."""
    return [clean(line) for line in text.splitlines() if clean(line)]


def parse(text: str) -> Notes:
    """The parts a notes text names (one with nothing under its heading: ""); a heading that names
    no part, or text before the first heading, is refused with the list of the parts."""
    folded_parts = {fold(part): part for part in PARTS}
    notes: dict[str, list[str]] = {}
    current: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(HEADING.strip()):
            name = clean(line.lstrip("#"))
            current = folded_parts.get(fold(name))
            if current is None:
                raise InputError(f"Dòng {number}: phần «{name}» không có trong báo cáo; các phần do cán bộ viết: "
                                 + ", ".join(f"«{HEADING}{part}»" for part in PARTS) + ".")
            notes.setdefault(current, [])
        elif clean(line):
            if current is None:
                raise InputError(f"Dòng {number}: chữ nằm trước tiêu đề phần đầu tiên; mỗi phần bắt đầu bằng một "
                                 f"dòng «{HEADING}Tên phần», ví dụ «{HEADING}{PARTS[0]}».")
            notes[current].append(clean(line))
    return {part: "\n".join(lines) for part, lines in notes.items()}


def read_file(path: Path) -> Notes:
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"Không tìm thấy tệp «{path}».") from None
    except UnicodeDecodeError:
        raise InputError(f"Tệp «{path}» không phải văn bản UTF-8; hãy lưu lại với mã UTF-8.") from None
    except OSError as error:
        raise InputError(f"Không đọc được tệp «{path}» ({os_reason(error)}).") from None
    return parse(text)


def missing(notes: Mapping[str, str]) -> list[str]:
    """The parts still empty."""
    return [part for part in PARTS if not paragraphs(notes.get(part, ""))]


def merged(kept: Mapping[str, str], given: Mapping[str, str] | None) -> Notes:
    """The parts written once `given` is kept over `kept`: a part given replaces the one kept (given
    empty, it is removed); a part not given stays as kept."""
    given = given or {}
    chosen = {part: given[part] if part in given else kept.get(part, "") for part in PARTS}
    return {part: text for part, lines in chosen.items() if (text := "\n".join(paragraphs(lines)))}


def text_of(notes: Mapping[str, str]) -> str:
    """The notes written back as a notes file (what `parse` reads)."""
    return "\n\n".join(f"{HEADING}{part}\n{notes.get(part, '')}".rstrip() for part in PARTS) + "\n"


# Kept per period in the database (encrypted like every record) until the report is issued.

def saved(db: Database, start: dt.date, end: dt.date) -> Notes:
    """The parts written so far for the period."""
    db.require(Action.EXPORT, "soạn báo cáo")
    with db.read() as connection:
        return read(connection, start, end)


def read(connection: Connection, start: dt.date, end: dt.date) -> Notes:
    rows = connection.execute(select(report_notes.c.part, report_notes.c.text).where(
        report_notes.c.period_start == start, report_notes.c.period_end == end)).all()
    return {part: text for part, text in rows if part in PARTS}


def save(db: Database, start: dt.date, end: dt.date, notes: Mapping[str, str]) -> None:
    """Keeps the parts given for the period (`merged`: one given empty is removed, one not given
    stays as it was); audited without the text."""
    db.require(Action.EXPORT, "soạn báo cáo")
    with db.write() as connection:
        kept = read(connection, start, end)
        written = merged(kept, notes)
        changed = [part for part in PARTS if written.get(part) != kept.get(part)]
        if not changed:
            return
        connection.execute(report_notes.delete().where(report_notes.c.period_start == start,
                                                       report_notes.c.period_end == end,
                                                       report_notes.c.part.in_(changed)))
        rows = [{"period_start": start, "period_end": end, "part": part, "text": written[part],
                 "updated_at": db.clock(), "updated_by": db.actor.name} for part in changed if part in written]
        if rows:
            connection.execute(report_notes.insert(), rows)
        db.audit(connection, "soạn báo cáo", kind="report",
                 details={"tu": start, "den": end, "phan_da_viet": list(written)})
