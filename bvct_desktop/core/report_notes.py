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
from .row_versions import Change, ChangedMeanwhile
from .schema import report_notes
from .text import capitalised, clean, fold

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


def as_kept(text: str) -> str:
    """A part's text as it is kept: its paragraphs, one a line."""
    return "\n".join(paragraphs(text))


def merged(kept: Mapping[str, str], given: Mapping[str, str] | None) -> Notes:
    """The parts written once `given` is kept over `kept`: a part given replaces the one kept (given
    empty, it is removed); a part not given stays as kept."""
    given = given or {}
    chosen = {part: given[part] if part in given else kept.get(part, "") for part in PARTS}
    return {part: text for part, lines in chosen.items() if (text := as_kept(lines))}


def changed(notes: Mapping[str, str], seen: Mapping[str, str]) -> Notes:
    """The parts of `notes` that differ from `seen` (the parts as a page showed them)."""
    return {part: text for part, text in notes.items() if as_kept(text) != as_kept(seen.get(part, ""))}


def text_of(notes: Mapping[str, str]) -> str:
    """The notes written back as a notes file (what `parse` reads)."""
    return "\n\n".join(f"{HEADING}{part}\n{notes.get(part, '')}".rstrip() for part in PARTS) + "\n"


# Kept per period in the database (encrypted like every record) until the report is issued. A part
# emptied stays as an empty row, naming who emptied it and when.

def saved(db: Database, start: dt.date, end: dt.date) -> Notes:
    """The parts written so far for the period."""
    db.require(Action.EXPORT, "soạn báo cáo")
    with db.read() as connection:
        return read(connection, start, end)


def read(connection: Connection, start: dt.date, end: dt.date) -> Notes:
    return {part: text for part, (text, _) in _rows(connection, start, end).items() if text}


def _rows(connection: Connection, start: dt.date, end: dt.date) -> dict[str, tuple[str, Change]]:
    """Each part stored for the period: its text, and who wrote it last and when."""
    rows = connection.execute(select(report_notes.c.part, report_notes.c.text, report_notes.c.updated_by,
                                     report_notes.c.updated_at).where(report_notes.c.period_start == start,
                                                                      report_notes.c.period_end == end)).all()
    return {part: (text, Change(by, at)) for part, text, by, at in rows if part in PARTS}


def save(db: Database, start: dt.date, end: dt.date, notes: Mapping[str, str],
         seen: Mapping[str, str] | None = None) -> Notes:
    """Keeps the parts given for the period (`merged`: one given empty is removed, one not given stays
    as it was); audited without the text. Returns the parts kept now.

    `seen` are the parts as the page giving `notes` showed them: only the parts the officer changed
    there are given, and one someone else changed since is refused (ChangedMeanwhile, naming who and when),
    with nothing written — two officers on the page of one period lose nothing.
    """
    db.require(Action.EXPORT, "soạn báo cáo")
    given = notes if seen is None else changed(notes, seen)
    with db.write() as connection:
        stored = _rows(connection, start, end)
        kept = {part: text for part, (text, _) in stored.items() if text}
        if seen is not None:
            _check_unchanged(stored, given, seen)
        written = merged(kept, given)
        parts = [part for part in PARTS if written.get(part) != kept.get(part)]
        if not parts:
            return written
        connection.execute(report_notes.delete().where(report_notes.c.period_start == start,
                                                       report_notes.c.period_end == end,
                                                       report_notes.c.part.in_(parts)))
        connection.execute(report_notes.insert(), [
            {"period_start": start, "period_end": end, "part": part, "text": written.get(part, ""),
             "updated_at": db.clock(), "updated_by": db.actor.name} for part in parts])
        db.audit(connection, "soạn báo cáo", kind="report",
                 details={"tu": start, "den": end, "phan_da_viet": list(written)})
    return written


def _check_unchanged(stored: Mapping[str, tuple[str, Change]], given: Mapping[str, str],
                     seen: Mapping[str, str]) -> None:
    """Refuses (ChangedMeanwhile) the parts `given` that someone else changed since they were `seen`, to
    another text."""
    clashes = []
    for part, text in given.items():
        now, change = stored.get(part, ("", "người khác xóa"))  # no row: emptied by an earlier version
        if now not in (as_kept(seen.get(part, "")), as_kept(text)):
            clashes.append(f"phần «{part}» đã được {change}")
    if clashes:
        said = "; ".join(clashes)
        raise ChangedMeanwhile(f"{capitalised(said)} (sau khi trang của bạn hiện ra); chưa lưu gì.")
