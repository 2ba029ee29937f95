"""Malformed workbooks, generated: random cells, types and sizes, and broken zip structure.

The importer never crashes (every outcome is a result or a message for people) and never
writes part of a file: when a row has a problem, every record table is byte-for-byte as before.
"""

import datetime as dt
import hashlib
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from bvct_desktop.core import importing, vault
from bvct_desktop.core.errors import BvctError
from bvct_desktop.core.kinds import KINDS
from bvct_desktop.core.schema import metadata
from bvct_desktop.io import xlsx_reader, xlsx_writer
from tests.conftest import ADMIN, PASSWORD
from tests.rows_sheet import rows_sheet

SHEET_EXAMPLES = 120
ZIP_EXAMPLES = 60
UNTRACKED = {"audit_log"}  # failed imports are audited, by design

cells = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.text(alphabet="0123456789/-. ", max_size=12),
    st.text(max_size=5000).filter(lambda t: len(t) > 1000) | st.just("x" * 40_000),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)),
)


def _headers(kind) -> st.SearchStrategy:
    known = [f.header for f in kind.fields]
    return st.lists(st.sampled_from(known) | st.text(max_size=15) | st.none(), min_size=0, max_size=len(known) + 2)


@st.composite
def sheets(draw):
    kind = draw(st.sampled_from(list(KINDS.values())))
    headers = draw(_headers(kind) | st.just([f.header for f in kind.fields]))
    width = max(1, len(headers))
    rows = draw(st.lists(st.lists(cells, min_size=0, max_size=width + 1), max_size=6))
    return kind, [headers, *rows]


def _fingerprint(db) -> str:
    digest = hashlib.sha256()
    with db.read() as connection:
        for name in sorted(set(metadata.tables) - UNTRACKED):
            for row in connection.execute(text(f'SELECT * FROM "{name}" ORDER BY rowid')):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


@pytest.fixture
def db(tmp_path):
    """A new database file, unlocked by its administrator."""
    path = tmp_path / "bvct.db"
    vault.create(path, ADMIN, PASSWORD)
    db = vault.unlock(path, ADMIN, PASSWORD)
    yield db
    db.close()


def _examples(count: int) -> settings:
    """`count` examples, however slow and large they are to draw."""
    return settings(max_examples=count, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def test_random_sheets_never_crash_and_never_write_part_of_a_file(db):
    outcomes = {"ok": 0, "refused": 0}

    @_examples(SHEET_EXAMPLES)
    @given(sheets())
    def run(drawn):
        kind, rows = drawn
        before = _fingerprint(db)
        result = importing.import_sheet(db, kind, rows_sheet(rows, "fuzz.xlsx"))
        if result.ok:
            outcomes["ok"] += 1
        else:
            outcomes["refused"] += 1
            assert _fingerprint(db) == before
            assert all(str(problem) for problem in result.problems)

    run()
    assert db.check_integrity() == [] and db.verify_audit_chain().ok
    assert sum(outcomes.values()) == SHEET_EXAMPLES and outcomes["refused"] > 0


def _valid_workbook(tmp_path) -> bytes:
    target = tmp_path / "mau.xlsx"
    xlsx_writer.write_template(KINDS["cadres"], target)
    return target.read_bytes()


@st.composite
def broken(draw, good: bytes):
    how = draw(st.sampled_from(["truncate", "flip", "garbage", "drop-member", "replace-member"]))
    if how == "truncate":
        return good[:draw(st.integers(0, len(good) - 1))]
    if how == "flip":
        data = bytearray(good)
        for position in draw(st.lists(st.integers(0, len(good) - 1), min_size=1, max_size=20)):
            data[position] ^= draw(st.integers(1, 255))
        return bytes(data)
    if how == "garbage":
        return draw(st.binary(max_size=4000))
    source = zipfile.ZipFile(io.BytesIO(good))
    names = source.namelist()
    victim = draw(st.sampled_from(names))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            if name != victim:
                target.writestr(name, source.read(name))
            elif how == "replace-member":
                target.writestr(name, draw(st.binary(max_size=2000)))
    return out.getvalue()


def test_broken_workbook_files_are_refused_with_a_message(db, tmp_path):
    good = _valid_workbook(tmp_path)
    counts = {"refused": 0, "read": 0}

    @_examples(ZIP_EXAMPLES)
    @given(broken(good))
    def run(data):
        workbook = tmp_path / "hong.xlsx"
        workbook.write_bytes(data)
        before = _fingerprint(db)
        try:
            sheet = xlsx_reader.read_first_sheet(workbook)
        except BvctError as error:
            assert error.message
            counts["refused"] += 1
            return
        counts["read"] += 1
        if not importing.import_sheet(db, KINDS["cadres"], sheet).ok:
            assert _fingerprint(db) == before

    run()
    assert sum(counts.values()) == ZIP_EXAMPLES and counts["refused"] > 0
